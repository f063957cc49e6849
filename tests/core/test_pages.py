"""Golden tables for the core's page rules: the homepage, titles, and front matter values."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.html import plain_text
from mkdocs_backlinks.core.pages import front_matter_values, name_list, switch
from mkdocs_backlinks.core.urls import is_site_root

IS_SITE_ROOT = [
    ("./", True),  # index.md (or README.md) with directory URLs
    ("", True),  # Page.url of the same
    (".", True),
    ("index.html", True),  # index.md without directory URLs
    ("guide/", False),
    ("guide/index.html", False),
    ("fr/", False),  # a translation's homepage is a section of this site
    ("index.htm", False),
    ("Index.html", False),
    ("about/", False),
    ("about.html", False),
]


@pytest.mark.parametrize("url, expected", IS_SITE_ROOT)
def test_is_site_root(url, expected):
    assert is_site_root(url) is expected


# Titles from the nav and from first headings are HTML: their text, as a browser shows it.
HTML_TITLES = [
    ("<code>nl2br</code>", "nl2br"),
    ("<code>slug</code> &amp; co", "slug & co"),
    ("slug & co", "slug & co"),  # a bare '&' is text
    ("<code>&lt;script&gt;</code>", "<script>"),
    ("&amp;lt;b&amp;gt;", "&lt;b&gt;"),  # decoded once, never twice
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("&copy; 2024 &#8211; now", "\u00a9 2024 \u2013 now"),
    ("A <i>nav</i> title", "A nav title"),
    ("a < b", "a < b"),  # '<' before a space opens no tag
    ("x <= 1 <3", "x <= 1 <3"),
    ("probe <img src=x onerror=alert(1)>", "probe"),
    ("Section <script>alert(1)</script>", "Section"),  # a script's text is never shown
    ("a<style>p{}</style>b", "ab"),
    ("a <!-- note > here --> b", "a b"),
    ("<b>unclosed", "unclosed"),
    ("tag at the end <a href='x'", "tag at the end"),
    ("  many\n  spaces\t", "many spaces"),
    ("", ""),
]


@pytest.mark.parametrize("fragment, text", HTML_TITLES)
def test_html_titles_as_text(fragment, text):
    assert plain_text(fragment) == text


SWITCHES = [
    (True, True),
    (False, False),
    (1, True),
    (0, False),
    ("true", True),
    (" Yes ", True),
    ("ON", True),
    ("1", True),
    ("ok", True),  # accepted before values were checked; kept so no site changes meaning
    ("false", False),
    ("No", False),
    ("off", False),
    ("0", False),
    ("maybe", None),
    ("", None),
    ("ture", None),
    (2, None),
    (-1, None),
    (0.0, None),
    (None, None),
    ([True], None),
    ({"a": 1}, None),
]


@pytest.mark.parametrize("value, expected", SWITCHES)
def test_switch(value, expected):
    assert switch(value) is expected


NAME_LISTS = [
    ("orphans", ("orphans",)),
    ("orphans, hubs", ("orphans", "hubs")),
    (["orphans", " hubs "], ("orphans", "hubs")),
    (("dead_ends",), ("dead_ends",)),
    ([], ()),
    ("", ()),
    (True, ("all",)),
    (False, ()),
    ("typo", ("typo",)),  # a name, unknown: the checks report it against the checks that exist
    (None, None),
    (3, None),
    (1.5, None),
    ({"orphans": True}, None),
    (["hubs", ["orphans"]], None),
    (["hubs", None], None),
]


@pytest.mark.parametrize("value, expected", NAME_LISTS)
def test_name_list(value, expected):
    assert name_list(value) == expected


DEFAULTS = {
    "backlinks_panel": True,
    "backlinks_from_here": True,
    "orphan": False,
    "backlinks_exempt": (),
    "hide_panel": False,
}
DEFAULTS.update({"backlinks_mentions": True, "aliases": ()})  # unlinked mentions
# (front matter, the values read that differ from the defaults, the keys of the problems)
FRONT_MATTER = [
    ({}, {}, []),
    ({"title": "x", "tags": ["a"], "hide": ["toc"]}, {}, []),  # keys of others: not read
    ({"backlinks_panel": False}, {"backlinks_panel": False}, []),
    ({"backlinks_panel": "maybe"}, {}, ["backlinks_panel"]),
    ({"backlinks_from_here": "no"}, {"backlinks_from_here": False}, []),
    ({"backlinks_from_here": None}, {}, ["backlinks_from_here"]),
    ({"orphan": "yes"}, {"orphan": True}, []),
    ({"orphan": "sure"}, {}, ["orphan"]),
    ({"backlinks_exempt": "all"}, {"backlinks_exempt": ("all",)}, []),
    ({"backlinks_exempt": 7}, {}, ["backlinks_exempt"]),
    ({"hide": ["toc", "backlinks"]}, {"hide_panel": True}, []),
    ({"hide": "backlinks"}, {"hide_panel": True}, []),
    ({"hide": ["Backlinks"]}, {}, ["hide"]),
    ({"hide": ["backlink", "toc"]}, {}, ["hide"]),
    ({"hide": True}, {}, []),  # not a list Material reads; nothing of the plugin's in it
    # Unlinked mentions: `aliases` (Obsidian's key) and `backlinks_mentions`.
    ({"aliases": ["Link graphs", "  graph  of links ", " "]}, {"aliases": ("Link graphs", "graph of links")}, []),
    ({"aliases": "Graph"}, {"aliases": ("Graph",)}, []),
    ({"aliases": None}, {}, []),
    ({"aliases": [1, "x"]}, {}, ["aliases"]),
    ({"aliases": {"a": 1}}, {}, ["aliases"]),
    ({"backlinks_mentions": "off"}, {"backlinks_mentions": False}, []),
    ({"backlinks_mentions": "never"}, {}, ["backlinks_mentions"]),
    (
        {"backlinks_panel": "x", "backlinks_from_here": "y", "orphan": "z", "backlinks_exempt": 1.0},
        {},
        ["backlinks_panel", "backlinks_from_here", "orphan", "backlinks_exempt"],
    ),
]


@pytest.mark.parametrize("meta, changed, problem_keys", FRONT_MATTER)
def test_front_matter_values(meta, changed, problem_keys):
    values, problems = front_matter_values("dir/p.md", meta)
    assert values == {**DEFAULTS, **changed}
    assert [p.split("'")[3] for p in problems] == problem_keys
    assert all(p.startswith("Page 'dir/p.md': front matter '") for p in problems)
