"""Hostile pages: nothing a page says (title, heading, link text, snippet, file name) can put
markup into another page's panel, the template context or the report; the plugin never writes
into docs_dir and writes into site_dir only its documented files."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import List, Tuple

import pytest

from conftest import content_digest

# Each probe tries a different way out: a tag, an attribute, a template expression, an entity
# that must not be decoded twice.
PROBE = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>{{ 7*7 }}&lt;b&gt;"
FILE_PROBE = "x\"'<b>&amp; {{7*7}}.md"  # a file name with quotes, a tag, an entity, braces

# Tags the plugin's own markup uses; anything else in the panel came from a page.
PANEL_TAGS = {"aside", "h2", "ul", "li", "a", "p", "span", "mark", "details", "summary", "nav", "ol", "small", "div"}


class Markup(HTMLParser):
    """Every start tag and attribute of a fragment, as a browser's tokenizer sees them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: List[Tuple[str, list]] = []
        self.texts: List[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.texts.append(data)


def assert_inert(fragment: str, allowed=PANEL_TAGS) -> None:
    markup = Markup(fragment)
    for tag, attrs in markup.tags:
        assert tag in allowed, f"<{tag}> injected: {fragment}"
        for name, value in attrs:
            assert not name.startswith("on"), f"{name}= injected: {fragment}"
            assert name not in ("src", "srcdoc", "style") or tag != "img", fragment
            if name == "href":
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), fragment
    text = "".join(markup.texts)
    assert "49" not in text, "a template expression from a page was evaluated"
    if "alert(1)" in text:
        # The probe shows as the text the author wrote: decoded exactly once.
        assert "<script>alert(1)</script>" in text and "&lt;b&gt;" in text


def hostile_docs(directory_urls: bool = True) -> dict:
    return {
        "index.md": "# Home\n\n[target](target.md)\n",
        "target.md": "# Target\n\n[Home](index.md)\n",
        # Title from front matter, link text and the text around it (snippets).
        "front.md": f"---\ntitle: '{PROBE.replace(chr(39), chr(39) * 2)}'\n---\n\nBefore {PROBE.replace('<', '&lt;')} "
        f"[{PROBE.replace('[', '').replace(']', '')}](target.md) after.\n",
        # Title from the first heading (entities kept by MkDocs), a heading section over the link.
        "heading.md": "# &lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;\n\n"
        "## &quot;&gt;&lt;img src=x onerror=alert(2)&gt; {{ 7*7 }}\n\n[go](target.md)\n",
        # Raw HTML in the link text and around it.
        "raw.md": f'# Raw\n\n<p>Text <a href="{"../target/" if directory_urls else "target.html"}" onclick="alert(3)"><img src=x onerror=alert(2)>'
        "<script>alert(1)</script>click</a> tail</p>\n",
        # A file name full of markup characters.
        FILE_PROBE: "# File\n\n[t](target.md)\n",
    }


@pytest.mark.parametrize("context", ["titles", "sections", "snippets"])
def test_panel_escapes_everything_a_page_says(make_site, directory_urls, context):
    site = make_site(
        hostile_docs(directory_urls), {"context": context, "orphans": "ignore"}, use_directory_urls=directory_urls
    )
    site.build()
    panel = site.panel("target.md")
    assert panel is not None
    assert_inert(panel)
    assert sorted(site.backlinks("target.md")) == sorted(["index.md", "front.md", "heading.md", "raw.md", FILE_PROBE])
    # The front-matter title shows as written, escaped once.
    titles = [title for _href, title in site.panel_links("target.md")]
    assert PROBE in titles


def test_labels_are_escaped_too(make_site):
    site = make_site(hostile_docs(), {"labels": {"title": PROBE}, "orphans": "ignore"})
    site.build()
    assert_inert(site.panel("target.md"))


def test_template_context_entries_are_plain_text_and_the_shipped_html_escaped(make_site):
    """`backlinks` in the page context: entries hold plain text (escaped by the template with
    |e, as documented), `backlinks.html` is escaped HTML."""
    docs = hostile_docs()
    site = make_site(docs, {"orphans": "ignore"}, theme={"name": "mkdocs", "custom_dir": "overrides"})
    overrides = site.root / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ super() }}'
        '<div id="ctx">{% for entry in backlinks %}<i>{{ entry.title|e }}</i>{% endfor %}</div>'
        '<div id="ctx-html">{{ backlinks.html }}</div>{% endblock %}'
    )
    site.build()
    page = site.html("target.md")
    context = page[page.index('<div id="ctx">') : page.index('<div id="ctx-html">')]
    assert_inert(context, PANEL_TAGS | {"div", "i"})
    assert PROBE in "".join(Markup(context).texts)
    shipped = page[page.index('<div id="ctx-html">') :]
    assert_inert(shipped[: shipped.index("</aside>") + len("</aside>")], PANEL_TAGS | {"div"})


def test_report_and_graph_export_escape_page_strings(make_site):
    """The report of a hostile site has no kind of markup (tag with its attribute names) that
    the same site with harmless words in place of the probes lacks."""
    options = {"report_file": "report.html", "graph_file": "links.json", "orphans": "info",
               "unreachable": "info", "broken_links": "info"}  # fmt: skip

    def build(probe: str, file_probe: str):
        docs = {
            (file_probe if path == FILE_PROBE else path): text.replace(PROBE, probe).replace(FILE_PROBE, file_probe)
            for path, text in hostile_docs().items()
        }
        docs["lonely.md"] = f"---\ntitle: '{probe.replace(chr(39), chr(39) * 2)}'\n---\n\n[broken](<{probe}.md>)\n"
        return make_site(docs, options).build()

    hostile = build(PROBE, FILE_PROBE)
    harmless = build("harmless words", "harmless file.md")
    report = (hostile.root / "site" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in report

    def shape(site) -> list:
        markup = Markup((site.root / "site" / "report.html").read_text(encoding="utf-8"))
        return [(tag, tuple(name for name, _ in attrs)) for tag, attrs in markup.tags]

    # Order and counts follow the data (titles sort differently); kinds of markup must not.
    assert set(shape(hostile)) <= set(shape(harmless))
    assert [tag for tag, _ in shape(hostile)].count("script") == [tag for tag, _ in shape(harmless)].count("script")
    assert "49" not in "".join(Markup(report).texts).replace("harmless", "")
    # JSON: any string is data; the file parses and keeps the title exactly as written.
    text = (hostile.root / "site" / "links.json").read_text(encoding="utf-8")
    try:
        documents = [json.loads(text)]
    except ValueError:
        documents = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert PROBE in set(strings(documents))


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize(
    "options, own_files",
    [
        ({}, {"assets/backlinks.css"}),
        ({"stylesheet": False}, set()),
        (
            {"report_file": "reports/links.html", "graph_file": "links.json"},
            {"assets/backlinks.css", "reports/links.html", "links.json"},
        ),
    ],
)
def test_writes_only_its_documented_files(make_site, options, own_files, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    docs = hostile_docs()
    with_plugin = make_site(docs, {**options, "orphans": "ignore"})
    without = make_site(docs, {"enabled": False})
    before = content_digest(with_plugin.root / "docs")
    with_plugin.build()
    without.build()
    assert content_digest(with_plugin.root / "docs") == before  # docs_dir untouched
    added = set(content_digest(with_plugin.root / "site")) - set(content_digest(without.root / "site"))
    assert added == own_files
