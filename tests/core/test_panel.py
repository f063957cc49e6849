"""Golden tables for the panel's occurrences: merging, capping per entry, and the panel's bound."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.graph import Link
from mkdocs_backlinks.core.html import Heading
from mkdocs_backlinks.core.panel import (
    MAX_PANEL_OCCURRENCES,
    Occurrence,
    PanelEntry,
    condense,
    make_panel,
    with_context,
)
from mkdocs_backlinks.core.snippets import Snippet

ONE = Snippet("See ", "it", ".")
TWO = Snippet("Or ", "that", ".")
A = Occurrence("p/#a", "Alpha", ONE)
A_OTHER_SNIPPET = Occurrence("p/#a", "Alpha", TWO)
# Another heading with the same title: another spot of the page, shown on its own.
A_OTHER_SPOT = Occurrence("p/#a-1", "Alpha", ONE)
B = Occurrence("p/#b", "Beta", ONE)
C = Occurrence("p/", "", TWO)
SECTION = Occurrence("p/#s", "Sec")


def times(spot: Occurrence, count: int) -> Occurrence:
    return spot._replace(count=count)


# 2,000 links in one section showing ten different snippets, 200 each.
MANY = [Occurrence("p/#s", "Sec", Snippet("", "link", f" {n % 10}")) for n in range(2000)]

CONDENSE = [
    # (occurrences in page order, limit, shown, links of the ones cut)
    ([], 5, (), 0),
    ([A, B, C], 5, (A, B, C), 0),
    ([A, B, C], 3, (A, B, C), 0),
    ([A, B, C], 2, (A, B), 1),
    ([A, B, C], 0, (), 3),
    # Same section and snippet: one occurrence, counted.
    ([A, A, B], 5, (times(A, 2), B), 0),
    ([SECTION] * 4, 5, (times(SECTION, 4),), 0),
    # A repeat after the cut still adds to the occurrence shown...
    ([A, B, C, A], 2, (times(A, 2), B), 1),
    # ...and a repeat of one cut is cut with it.
    ([A, B, C, C], 2, (A, B), 2),
    # Not the same: another snippet, another spot with the same title, another section.
    ([A, A_OTHER_SNIPPET, A_OTHER_SPOT, B], 5, (A, A_OTHER_SNIPPET, A_OTHER_SPOT, B), 0),
    # Counts already merged add up.
    ([times(A, 2), times(A, 3), times(B, 4)], 1, (times(A, 5),), 4),
    (MANY, 5, tuple(times(MANY[n], 200) for n in range(5)), 1000),
    (MANY, 0, (), 2000),
]


@pytest.mark.parametrize("found, limit, shown, cut", CONDENSE)
def test_condense(found, limit, shown, cut):
    assert condense(found, limit) == (shown, cut)
    # Nothing is lost: what is shown and what is cut hold every link.
    assert sum(spot.count for spot in shown) + cut == sum(spot.count for spot in found)


def entry(n: int, links: int, distinct: int) -> PanelEntry:
    """Page `n` linking `links` times, under one heading, with `distinct` different snippets."""
    heading = Heading(2, "s", "Sec")
    # The snippet is made from `start` (see snippet_of): `distinct` different ones, in turn.
    found = [Link(f"p{n}.md", "t.md", "", heading, (), index % distinct) for index in range(links)]
    return PanelEntry(f"P{n}", f"p{n}/", f"p{n}.md", links, found)


def snippet_of(link: Link) -> Snippet:
    return Snippet("", "link", f" {link.start}")


WIDE = MAX_PANEL_OCCURRENCES
WITH_CONTEXT = [
    # (context, max_occurrences, max_entries, (links, distinct snippets) per entry,
    #  (occurrences shown, links left out) per entry shown in full)
    ("snippets", 5, 10, [(3, 3), (2, 2)], [(3, 0), (2, 0)]),
    ("snippets", 5, 10, [(2000, 2000)], [(5, 1995)]),
    ("snippets", 5, 10, [(2000, 1)], [(1, 0)]),  # every link shows the same: one, counted
    ("snippets", 1, 10, [(8, 8), (2, 2)], [(1, 7), (1, 1)]),
    # The panel's bound, whatever the options: given out in panel order.
    ("snippets", 0, 0, [(WIDE - 10, WIDE), (30, 30), (5, 5)], [(WIDE - 10, 0), (10, 20), (0, 5)]),
    ("snippets", 0, 0, [(2000, 2000)] * 3, [(WIDE, 2000 - WIDE), (0, 2000), (0, 2000)]),
    ("snippets", 50, 0, [(60, 60)] * 3, [(50, 10), (50, 10), (0, 60)]),
    # Entries behind "and N more" get no occurrences at all.
    ("snippets", 5, 1, [(9, 9), (9, 9)], [(5, 4)]),
    # Sections: one occurrence per section, counting its links.
    ("sections", 5, 10, [(2000, 1)], [(1, 0)]),
    ("titles", 5, 10, [(2000, 2000)], [(0, 0)]),
]


@pytest.mark.parametrize("context, max_occurrences, max_entries, shape, expected", WITH_CONTEXT)
def test_with_context_caps_entries_and_the_panel(context, max_occurrences, max_entries, shape, expected):
    entries = [entry(n, links, distinct) for n, (links, distinct) in enumerate(shape)]
    panel = with_context(make_panel(entries, max_entries), context, snippet_of, max_occurrences)
    shown = [e for group in panel.shown for e in group.entries]
    assert [(len(e.occurrences), e.more_links) for e in shown] == expected
    assert sum(len(e.occurrences) for e in panel.entries) <= MAX_PANEL_OCCURRENCES
    assert all(not e.occurrences and not e.more_links for group in panel.hidden for e in group.entries)
    if context != "titles":
        # Every link is shown, counted on a merged occurrence, or summed up in "more".
        assert [sum(s.count for s in e.occurrences) + e.more_links for e in shown] == [e.count for e in shown]
