"""Where a mention shows, as a golden table: the section the panel and the report show it under
(none above the first heading or under the level-1 heading, decided by level, not by comparing
the heading's text with the page's title), the href of that spot, and the export's `section`.

Each source page both names `target.md` ("link graph") and links to `linked.md` at the same
spot, so the panel's backlink and mention entries can be held to the same rule."""

from __future__ import annotations

import html
import re

import pytest

from mkdocs_backlinks.core import export
from mkdocs_backlinks.core.panel import spot_url
from mkdocs_backlinks.core.prose import Heading as ProseHeading
from mkdocs_backlinks.core.report_html import render_report

from .conftest import linked_site

SPOT = 'The link graph, and <a href="{linked.md}">a link</a>.'

# Source page: (nav title, HTML, expected panel section and fragment, expected export section and id)
CASES = {
    # The nav title ("Guide") differs from the H1: a mention above the first H2 is under the page's
    # title all the same, so no section shows (it used to show "Writing guide").
    "nav-title.md": (
        "Guide",
        '<h1 id="writing-guide">Writing guide<a class="headerlink" href="#writing-guide">¶</a></h1>'
        f"<p>{SPOT}</p>"
        '<h2 id="more">More</h2><p>Nothing.</p>',
        ("", ""),
        ("Writing guide", "writing-guide"),
    ),
    # An H2 worded like the title (and the H1) is a section of its own (it used to show none).
    "worded.md": (
        "Install",
        f'<h1 id="install">Install</h1><p>Intro.</p><h2 id="install-1">Install</h2><p>{SPOT}</p>',
        ("Install", "#install-1"),
        ("Install", "install-1"),
    ),
    # No H1 at all: the first heading is an H2, worded like the nav title; a section still.
    "no-h1.md": (
        "Setup",
        f'<p>Intro.</p><h2 id="setup">Setup</h2><p>{SPOT}</p>',
        ("Setup", "#setup"),
        ("Setup", "setup"),
    ),
    # Above every heading; and a deeper heading whose id needs quoting in the href.
    "plain.md": ("Plain", f"<p>{SPOT}</p><h2 id='after'>After</h2>", ("", ""), ("", "")),
    "deep.md": (
        "Deep",
        f'<h1 id="deep">Deep</h1><h2 id="a">A</h2><h3 id="é b">Ünï b</h3><p>{SPOT}</p>',
        ("Ünï b", "#%C3%A9%20b"),
        ("Ünï b", "é b"),
    ),
}
TARGETS = {
    "target.md": ("Link graph", '<h1 id="link-graph">Link graph</h1><p>Body.</p>'),
    "linked.md": ("Linked", '<h1 id="linked">Linked</h1><p>Body.</p>'),
}
OPTIONS = {"mentions_in_panel": True, "mentions_max_share": 1.0, "context": "snippets"}


@pytest.fixture(params=[True, False], ids=["directory_urls", "html_urls"])
def site(request):
    pages = {src: page_html for src, (_title, page_html) in TARGETS.items()}
    pages.update({src: page_html for src, (_title, page_html, _panel, _export) in CASES.items()})
    titles = {src: title for src, (title, *_rest) in {**TARGETS, **CASES}.items()}
    return linked_site(pages, request.param, OPTIONS, titles=titles)


def test_the_panel_shows_mentions_and_links_under_the_same_section(site):
    mentions = {entry.src_uri: entry for entry in site.panel("target.md").mentions}
    backlinks = {entry.src_uri: entry for entry in site.panel("linked.md")}
    assert sorted(mentions) == sorted(backlinks) == sorted(CASES)
    for src, (_title, _html, (section, fragment), _export) in CASES.items():
        spot = mentions[src].occurrence
        assert spot is not None and spot.snippet is not None and spot.snippet.text == "link graph"
        assert (spot.section, spot.url) == (section, mentions[src].url + fragment), src
        # The link at the same spot of the same page: the same section, the same href.
        (link_spot,) = backlinks[src].occurrences
        assert (link_spot.section, link_spot.url) == (spot.section, spot.url), src


def test_the_report_shows_the_panels_sections(site):
    report = render_report("Site", "report.html", site.infos, site.page_metrics(), [], site.mentions())
    table = report.split('<table id="opportunities-table">', 1)[1].split("</table>", 1)[0]
    shown = {}
    for href, text, src in re.findall(
        r'<td><a href="([^"]*)">([^<]*)</a><br><code class="muted">([^<]*)</code></td>\s*<td>“', table
    ):
        title, _, section = html.unescape(text).partition(" › ")
        shown[src] = (title, section, html.unescape(href))
    expected = {
        src: (title, section, site.infos[src].url + fragment)
        for src, (title, _html, (section, fragment), _export) in CASES.items()
    }
    assert shown == expected


def test_the_export_gives_the_heading_the_mention_sits_under(site):
    """Whatever its level, as the export gives a link's (`edges`)."""
    pages = sorted(site.infos)
    found = {m["from"]: (m["section"], m["section_id"]) for m in export.mention_objects(site.mentions(), pages)}
    assert found == {src: expected for src, (_title, _html, _panel, expected) in CASES.items()}
    edges = {
        e["from"]: (e["section"], e["section_id"]) for e in export.edges(site.graph, pages) if e["to"] == "linked.md"
    }
    assert edges == found


SPOT_URLS = [
    ("p/", None, "p/"),
    ("p/", ProseHeading(2, "", "No id"), "p/"),
    ("p/", ProseHeading(2, "a b/c?d#e%f", "Odd id"), "p/#a%20b/c?d%23e%25f"),
    ("../p.html", ProseHeading(1, "ü-'()!", "Title"), "../p.html#%C3%BC-'()!"),
]


@pytest.mark.parametrize("url, heading, expected", SPOT_URLS)
def test_spot_url(url, heading, expected):
    assert spot_url(url, heading) == expected
