"""The homepage is the page at the site root, wherever the nav puts it (issue 11, item 1).

Material's tabs make sites put `index.md` inside a nav section; MkDocs' `Page.is_homepage` is
false for it then. The orphan and reachability checks, click depth, the export and the report
must still know it as the homepage.
"""

from __future__ import annotations

import json
import re

import pytest

# Nobody links to the homepage: only knowing it as the homepage keeps it from being an orphan.
DOCS = {
    "index.md": "# Welcome\n\n[About us](about.md)\n",
    "about.md": "# About\n\n[The guide](guide/setup.md)\n",
    "guide/setup.md": "# Setup\n\n[About](../about.md)\n",
    # Linked only from each other: not orphans, but no content path leads from the homepage.
    "guide/extra.md": "# Extra\n\n[FAQ](faq.md)\n",
    "guide/faq.md": "# FAQ\n\n[Extra](extra.md)\n",
}
NAV = [{"Home": ["index.md", "about.md"]}, {"Guide": ["guide/setup.md", "guide/extra.md", "guide/faq.md"]}]
OPTIONS = {
    "orphans": "error",
    "unreachable": "error",
    "graph_file": "meta/links.json",
    "report_file": "meta/report.html",
}
# (page, its depth in clicks on content links from the homepage)
DEPTHS = [("index.md", 0), ("about.md", 1), ("guide/setup.md", 2), ("guide/extra.md", None), ("guide/faq.md", None)]
REPORT_ROW = re.compile(r'<code class="muted">([^<]*)</code></td>((?:\s*<td class="num"[^>]*>[^<]*</td>)+)')
REPORT_NUMBER = re.compile(r'<td class="num"[^>]*>([^<]*)</td>')


def report_depths(report: str) -> dict:
    """Page source -> the Depth column of the report's table (as shown)."""
    return {src: REPORT_NUMBER.findall(cells)[4] for src, cells in REPORT_ROW.findall(report)}


@pytest.mark.parametrize("nav", [NAV, None], ids=["index-in-a-section", "no-nav"])
def test_homepage_inside_a_nav_section_is_the_homepage(make_site, directory_urls, nav):
    settings = {"nav": nav} if nav else {}
    # With `orphans: error`, taking the homepage for an orphan would fail the build here.
    site = make_site(DOCS, OPTIONS, use_directory_urls=directory_urls, **settings).build()

    data = json.loads((site.root / "site" / "meta" / "links.json").read_text(encoding="utf-8"))
    nodes = {node["id"]: node for node in data["nodes"]}
    assert [src for src, node in nodes.items() if node["homepage"]] == ["index.md"]
    assert nodes["index.md"]["url"] == ("./" if directory_urls else "index.html")
    assert [(src, nodes[src]["metrics"]["depth"]) for src, _ in DEPTHS] == DEPTHS
    assert data["checks"]["orphans"]["findings"] == []
    assert data["checks"]["unreachable"]["findings"] == []

    report = (site.root / "site" / "meta" / "report.html").read_text(encoding="utf-8")
    orphans = report[
        report.index('id="check-orphans"') : report.index("</section>", report.index('id="check-orphans"'))
    ]
    assert "(0)" in orphans and "None." in orphans
    assert report_depths(report) == {src: "–" if depth is None else str(depth) for src, depth in DEPTHS}


def test_a_lonely_page_is_still_an_orphan_when_the_homepage_is_in_a_section(make_site, directory_urls, plugin_log):
    docs = dict(DOCS, **{"lonely.md": "# Lonely\n"})
    make_site(docs, {"orphans": "warn"}, use_directory_urls=directory_urls, nav=NAV + ["lonely.md"]).build()
    [message] = [m for m in plugin_log() if "orphan" in m]
    assert "\n  - lonely.md\n" in message and "index.md" not in message
