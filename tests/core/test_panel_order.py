"""Panel order and grouping (core/panel.py: sort_keys, panel_entries, make_panel) as golden
tables, on one small site whose pages all link to `t.md`. Capping and merging occurrences are
in test_panel.py."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.panel import make_panel, panel_entries, sort_keys

from .conftest import linked_site

# Linking page: (title, times it links to t.md).
LINKING = {
    "index.md": ("Home", 1),
    "guide/z.md": ("Zeta", 3),
    "guide/a.md": ("alpha", 1),  # titles sort case-blind
    "ref/b.md": ("Beta", 2),
    "extra/m.md": ("Mole", 2),
    "extra/aa.md": ("Aardvark", 1),
    "extra/twin.md": ("Mole", 1),  # the same title: the source path decides
}
NAV = ["index.md", "guide/a.md", "guide/z.md", "ref/b.md", "t.md"]
CRUMBS = {"guide/z.md": ("Guide",), "guide/a.md": ("Guide",), "ref/b.md": ("Reference", "Deep")}
PAGES = {src: " ".join('<a href="{t.md}">t</a>' for _ in range(n)) for src, (_title, n) in LINKING.items()}
PAGES["t.md"] = '<p><a href="{index.md}">home</a></p>'  # t.md's own links are not in its panel
TITLES = {src: title for src, (title, _n) in LINKING.items()}
# The href from t.md to each linking page: (with directory URLs, with .html URLs).
HREFS = {
    "index.md": ("../", "index.html"),
    "guide/z.md": ("../guide/z/", "guide/z.html"),
    "guide/a.md": ("../guide/a/", "guide/a.html"),
    "ref/b.md": ("../ref/b/", "ref/b.html"),
    "extra/m.md": ("../extra/m/", "extra/m.html"),
    "extra/aa.md": ("../extra/aa/", "extra/aa.html"),
    "extra/twin.md": ("../extra/twin/", "extra/twin.html"),
}

# (sort, ignored linking pages, expected entries as (source, count))
ORDER = [
    # Pages in the nav in nav order, then the others by title, then by source path.
    ("nav", (), [("index.md", 1), ("guide/a.md", 1), ("guide/z.md", 3), ("ref/b.md", 2),
                 ("extra/aa.md", 1), ("extra/m.md", 2), ("extra/twin.md", 1)]),
    ("title", (), [("extra/aa.md", 1), ("guide/a.md", 1), ("ref/b.md", 2), ("index.md", 1),
                   ("extra/m.md", 2), ("extra/twin.md", 1), ("guide/z.md", 3)]),
    # Most links first; ties in nav order, then by title.
    ("count", (), [("guide/z.md", 3), ("ref/b.md", 2), ("extra/m.md", 2), ("index.md", 1),
                   ("guide/a.md", 1), ("extra/aa.md", 1), ("extra/twin.md", 1)]),
    ("nav", ("guide/z.md", "index.md"), [("guide/a.md", 1), ("ref/b.md", 2), ("extra/aa.md", 1),
                                          ("extra/m.md", 2), ("extra/twin.md", 1)]),
]  # fmt: skip

# (sort, max_entries, group_by_section, shown groups, hidden groups); groups as (title, sources).
GROUPS = [
    ("nav", 0, False, [("", ["index.md", "guide/a.md", "guide/z.md", "ref/b.md", "extra/aa.md", "extra/m.md", "extra/twin.md"])], []),
    ("nav", 3, False, [("", ["index.md", "guide/a.md", "guide/z.md"])], [("", ["ref/b.md", "extra/aa.md", "extra/m.md", "extra/twin.md"])]),
    ("nav", 7, False, [("", ["index.md", "guide/a.md", "guide/z.md", "ref/b.md", "extra/aa.md", "extra/m.md", "extra/twin.md"])], []),
    # Pages in no section first, then each top-level section where its first page comes.
    ("nav", 0, True, [("", ["index.md", "extra/aa.md", "extra/m.md", "extra/twin.md"]), ("Guide", ["guide/a.md", "guide/z.md"]), ("Reference", ["ref/b.md"])], []),
    # The cut comes after grouping: a section can start above it and go on below.
    ("nav", 5, True, [("", ["index.md", "extra/aa.md", "extra/m.md", "extra/twin.md"]), ("Guide", ["guide/a.md"])], [("Guide", ["guide/z.md"]), ("Reference", ["ref/b.md"])]),
    ("count", 0, True, [("", ["extra/m.md", "index.md", "extra/aa.md", "extra/twin.md"]), ("Guide", ["guide/z.md", "guide/a.md"]), ("Reference", ["ref/b.md"])], []),
    ("title", 1, True, [("", ["extra/aa.md"])], [("", ["index.md", "extra/m.md", "extra/twin.md"]), ("Guide", ["guide/a.md", "guide/z.md"]), ("Reference", ["ref/b.md"])]),
]  # fmt: skip


def site(directory_urls: bool):
    return linked_site(PAGES, directory_urls, nav=NAV, crumbs=CRUMBS, titles=TITLES)


@pytest.mark.parametrize("sort, ignored, expected", ORDER, ids=[f"{c[0]}-{len(c[1])}-ignored" for c in ORDER])
def test_panel_order_table(directory_urls, sort, ignored, expected):
    linked = site(directory_urls)
    keys = sort_keys(linked.infos, sort)
    entries = panel_entries("t.md", linked.graph, linked.infos, sort, frozenset(ignored), keys)
    assert [(entry.src_uri, entry.count) for entry in entries] == expected
    # Worked out per panel when no keys are given: the same order.
    assert panel_entries("t.md", linked.graph, linked.infos, sort, frozenset(ignored)) == entries
    # Each entry carries what the panel shows: plain title, href from t.md, its nav sections.
    for entry in entries:
        assert entry.title == TITLES[entry.src_uri] and entry.crumbs == CRUMBS.get(entry.src_uri, ())
        assert entry.url == HREFS[entry.src_uri][0 if directory_urls else 1]


@pytest.mark.parametrize(
    "sort, max_entries, grouped, shown, hidden",
    GROUPS,
    ids=[f"{c[0]}-max{c[1]}-{'grouped' if c[2] else 'flat'}" for c in GROUPS],
)
def test_panel_grouping_table(sort, max_entries, grouped, shown, hidden):
    linked = site(True)
    panel = make_panel(panel_entries("t.md", linked.graph, linked.infos, sort), max_entries, grouped)
    assert [(g.title, [e.src_uri for e in g.entries]) for g in panel.shown] == shown
    assert [(g.title, [e.src_uri for e in g.entries]) for g in panel.hidden] == hidden
    assert panel.hidden_count == sum(len(sources) for _title, sources in hidden)
    assert panel.grouped is grouped
    # Iterating the panel gives every entry, in the order shown then hidden.
    assert [e.src_uri for e in panel] == [src for _title, sources in shown + hidden for src in sources]
