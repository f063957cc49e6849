"""Very long panels (issue 11, item 4): a page linking 2,000 times to one target.

The target's panel shows at most `max_occurrences` occurrences per entry, merges the links that
show the same section and snippet (with their count), sums up the rest in one line, and never
shows more than `MAX_PANEL_OCCURRENCES` occurrences in all, whatever the options.
"""

from __future__ import annotations

import html
import re

import pytest

from conftest import OCCURRENCE
from mkdocs_backlinks.core.panel import MAX_PANEL_OCCURRENCES

COUNT = re.compile(r'<span class="backlinks__count" title="Number of links">(\d+)</span>')
MORE_LINKS = re.compile(r'<li class="backlinks__more-links">(.*?)</li>')


def big_page() -> str:
    """2,000 links to target.md: 1,000 identical list items, then 1,000 different sentences,
    spread over 20 sections of 50 each."""
    lines = ["# Big", "", "## Repeated", ""]
    lines += ["- [Target](target.md)"] * 1000
    for section in range(20):
        lines += ["", f"## Part {section}", ""]
        lines += [f"Sentence {section * 50 + n} names [the target](target.md) once.\n" for n in range(50)]
    return "\n".join(lines) + "\n"


DOCS = {
    "index.md": "# Home\n\n[Big](big.md)\n",
    "big.md": big_page(),
    "target.md": "# Target\n\n[Home](index.md)\n",
}


def spots(panel: str):
    """(href, inner HTML, merged count) of each occurrence shown."""
    found = []
    for href, inner in OCCURRENCE.findall(panel):
        count = COUNT.search(inner)
        found.append((html.unescape(href), inner, int(count.group(1)) if count else 1))
    return found


def test_a_page_linking_2000_times_gives_a_small_panel(make_site, directory_urls):
    site = make_site(DOCS, use_directory_urls=directory_urls).build()
    panel = site.panel("target.md")
    assert len(panel.encode()) < 3000, len(panel.encode())
    assert site.backlinks("target.md") == ["big.md"]
    big = "../big/" if directory_urls else "big.html"
    assert f'href="{big}">Big</a> <span class="backlinks__count" title="Number of links">2000</span>' in panel
    found = spots(panel)
    assert len(found) == 5  # max_occurrences' default
    # The 1,000 identical list items are one occurrence, counted; then the first sentences.
    assert found[0][0] == big + "#repeated"
    assert found[0][2] == 1000
    assert "<mark>Target</mark>" in found[0][1]
    assert [href for href, _, _ in found[1:]] == [big + "#part-0"] * 4
    assert ["Sentence 0 ", "Sentence 1 ", "Sentence 2 ", "Sentence 3 "] == [
        re.search(r"Sentence \d+ ", inner).group(0) for _, inner, _ in found[1:]
    ]
    assert MORE_LINKS.findall(panel) == ["and 996 more from this page"]


def test_sections_are_capped_and_counted(make_site):
    site = make_site(DOCS, {"context": "sections", "max_occurrences": 3}).build()
    panel = site.panel("target.md")
    assert len(panel.encode()) < 2000, len(panel.encode())
    found = spots(panel)
    assert [(href, count) for href, _, count in found] == [
        ("../big/#repeated", 1000),
        ("../big/#part-0", 50),
        ("../big/#part-1", 50),
    ]
    assert "backlinks__snippet" not in panel
    assert MORE_LINKS.findall(panel) == ["and 900 more from this page"]


def test_the_panel_is_bounded_whatever_the_options(make_site):
    site = make_site(DOCS, {"max_occurrences": 0, "max_entries": 0, "snippet_length": 60}).build()
    panel = site.panel("target.md")
    found = spots(panel)
    assert len(found) == MAX_PANEL_OCCURRENCES
    assert sum(count for _, _, count in found) == 1000 + MAX_PANEL_OCCURRENCES - 1
    assert MORE_LINKS.findall(panel) == [f"and {1000 - MAX_PANEL_OCCURRENCES + 1} more from this page"]
    # Each occurrence is at most one snippet long.
    assert len(panel.encode()) < MAX_PANEL_OCCURRENCES * 300, len(panel.encode())


@pytest.mark.parametrize(
    "language, words", [("de", "und 996 weitere von dieser Seite"), ("ja", "このページの他 996 件")]
)
def test_the_more_links_line_speaks_the_themes_language_and_can_be_overridden(make_site, language, words):
    site = make_site(DOCS, theme={"name": "mkdocs", "locale": language}).build()
    assert MORE_LINKS.findall(site.panel("target.md")) == [words]
    site = make_site(DOCS, {"labels": {"more_links": "+{count} <more>"}}).build()
    assert MORE_LINKS.findall(site.panel("target.md")) == ["+996 &lt;more&gt;"]
