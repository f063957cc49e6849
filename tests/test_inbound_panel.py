"""The panel's "Linked from other sites" part, written by the shipped template as MkDocs sets its
environment up (no autoescape): every text from another site escaped once, hrefs only for
http(s) pages with rel="nofollow noopener", well-formed whatever the words."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from jinja2 import Environment, FileSystemLoader

from mkdocs_backlinks.core.inbound.formats import OutsideLink
from mkdocs_backlinks.core.inbound.gather import PageInbound
from mkdocs_backlinks.core.inbound.show import panel_part
from mkdocs_backlinks.core.labels import panel_labels
from mkdocs_backlinks.core.panel import make_panel
from mkdocs_backlinks.core.render import TEMPLATES_DIR, PanelWriter

HOSTILE = '"><img src=x onerror=alert(1)> & </details>'
SOURCES = [
    "https://blog.example.net/post?a=1&b=2",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://user@forum.example.com/t/1",
    "//no-scheme.example/x",
    "HTTP://UPPER.example/x",
]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list = []
        self.seen: list = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, dict(attrs)))
        self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def page_with(links) -> PageInbound:
    page = PageInbound()
    for link in links:
        page.add(link)
    return page


@pytest.mark.parametrize("language", ["en", "de", "ja", "hostile"])
def test_the_part_escapes_every_outside_text_once(language):
    labels = panel_labels({}, "en" if language == "hostile" else language)
    if language == "hostile":
        labels = dict(labels, inbound=HOSTILE, count=HOSTILE, more="{count} & <i>more</i>")
    links = [
        OutsideLink(source, "https://example.org/", HOSTILE, HOSTILE if n % 2 else "", HOSTILE, HOSTILE, "", n % 3 == 0)
        for n, source in enumerate(SOURCES)
    ]
    entries, count = panel_part(page_with(links), 4)
    panel = make_panel([])
    panel.inbound, panel.inbound_count = entries, count + 3
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), auto_reload=False)
    whole = PanelWriter(env, labels)(panel, None)
    tags = Tags()
    tags.feed(whole)
    tags.close()
    assert tags.open == [] and "img" not in [tag for tag, _ in tags.seen] and "i" not in [t for t, _ in tags.seen]
    part = re.search(r'<details class="backlinks__inbound">.*</details>', whole, re.S).group()
    assert html.unescape(re.search(r"<summary>(.*?) <span", part).group(1)) == labels["inbound"]
    links_written = [attrs for tag, attrs in tags.seen if tag == "a"]
    # Only http(s) pages with a host become links, each nofollow noopener.
    assert [a["href"] for a in links_written] == [s for s in [e.url for e in entries] if s]
    assert all(a["href"].lower().startswith(("http://", "https://")) for a in links_written)
    assert all(a["rel"] == "nofollow noopener" for a in links_written)
    assert "javascript:" not in part.split("<span")[0] and 'href="javascript' not in part and 'href="data' not in part
    marks = [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", part)]
    assert marks == [HOSTILE] * len(entries)
    more = re.findall(r'<li class="backlinks__more-links">(.*?)</li>', part)
    assert [html.unescape(m) for m in more] == [labels["more"].replace("{count}", str(count + 3 - len(entries)))]
