"""Each link-health check of core/checks.py (`CHECKS`) as a golden table over small sites, with
its exemptions by option and by front matter; broken links with their grouping and "did you
mean" suggestions; front matter naming unknown checks."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.audit import run_checks
from mkdocs_backlinks.core.broken_links import Suggester, describe_broken
from mkdocs_backlinks.core.checks import CHECK_NAMES, front_matter_problems

from .conftest import linked_site

# Something for every check but hubs:
# - orphans: guide/install.md (only a misspelt link points at it), leaf.md;
# - unreachable: island/x.md and island/y.md link to each other, and nothing reachable links
#   to them, nor are they in the nav;
# - dead ends: leaf.md;
# - broken links: gone.md (twice from index.md, once from a.md), guide/instal.md (once);
# - exempt.md would be an orphan and a dead end with a broken link, but exempts itself.
HEALTH = {
    "index.md": '<a href="{a.md}">A</a> <a href="{gone.md}">Gone</a> <a href="{gone.md}">Gone</a> <a href="{guide/instal.md}">I</a>',
    "a.md": '<a href="{index.md}">Home</a> <a href="{gone.md}">Gone again</a>',
    "guide/install.md": '<a href="{a.md}">A</a>',
    "leaf.md": "<p>No links here.</p>",
    "island/x.md": '<a href="{island/y.md}">Y</a>',
    "island/y.md": '<a href="{island/x.md}">X</a>',
    "exempt.md": '<a href="{nowhere.md}">Nowhere</a>',
}
HEALTH_NAV = ["index.md", "a.md", "guide/install.md", "leaf.md", "exempt.md"]
HEALTH_META = {"exempt.md": {"backlinks_exempt": ["orphans", "dead_ends", "broken_links"]}}

# A homepage linking to all twelve other pages: a hub (12 >= max(10, 50% of 12)). The others
# link to two pages each.
HUBBY = {"index.md": " ".join(f'<a href="{{p{i:02d}.md}}">P{i}</a>' for i in range(1, 13))}
HUBBY.update(
    {
        f"p{i:02d}.md": f'<a href="{{index.md}}">Home</a> <a href="{{p{i % 12 + 1:02d}.md}}">Next</a>'
        for i in range(1, 13)
    }
)

# (check, site, options, front matter added, findings)
CHECKS = [
    ("orphans", HEALTH, {}, {}, ["guide/install.md", "leaf.md"]),
    ("orphans", HEALTH, {"orphans_exempt": ["guide/"]}, {}, ["leaf.md"]),
    ("orphans", HEALTH, {}, {"leaf.md": {"orphan": True}}, ["guide/install.md"]),
    ("orphans", HEALTH, {}, {"leaf.md": {"backlinks_exempt": "all"}}, ["guide/install.md"]),
    ("orphans", HUBBY, {}, {}, []),  # the homepage is never an orphan
    ("unreachable", HEALTH, {}, {}, ["island/x.md", "island/y.md"]),
    ("unreachable", HEALTH, {"unreachable_exempt": ["island/x.md"]}, {}, ["island/y.md"]),
    ("unreachable", HEALTH, {}, {"island/y.md": {"backlinks_exempt": ["unreachable"]}}, ["island/x.md"]),
    # A page exempt from the check is still a way in for the others.
    ("unreachable", HEALTH, {}, {"index.md": {"backlinks_exempt": ["unreachable"]}}, ["island/x.md", "island/y.md"]),
    ("dead_ends", HEALTH, {}, {}, ["leaf.md"]),
    ("dead_ends", HEALTH, {"dead_ends_exempt": ["leaf.*"]}, {}, []),
    ("dead_ends", HEALTH, {}, {"leaf.md": {"backlinks_exempt": "dead_ends"}}, []),
    ("broken_links", HEALTH, {}, {}, [("gone.md", "missing", {"index.md": 2, "a.md": 1}, ""),
                                      ("guide/instal.md", "missing", {"index.md": 1}, "guide/install.md")]),
    # A glob exempts the pages holding broken links, or the targets they point at.
    ("broken_links", HEALTH, {"broken_links_exempt": ["a.md", "index.md"]}, {}, []),
    ("broken_links", HEALTH, {"broken_links_exempt": ["gone.md"]}, {}, [("guide/instal.md", "missing", {"index.md": 1}, "guide/install.md")]),
    ("broken_links", HEALTH, {}, {"index.md": {"backlinks_exempt": ["broken_links"]}}, [("gone.md", "missing", {"a.md": 1}, "")]),
    # Links to the export and the report are written after the links are read: they work.
    ("broken_links", {"index.md": '<a href="{links.json}">graph</a> <a href="{report.html}">report</a>'},
     {"graph_file": "links.json", "report_file": "report.html"}, {}, []),
    ("hubs", HUBBY, {}, {}, ["index.md"]),
    ("hubs", HUBBY, {"hubs_exempt": ["index.md"]}, {}, []),
    ("hubs", HUBBY, {}, {"index.md": {"backlinks_exempt": ["hubs"]}}, []),
    ("hubs", HUBBY, {"hubs_share": 0.95}, {}, ["index.md"]),  # 12 of 12 other pages
    ("hubs", HUBBY, {"hubs_share": "100%"}, {}, ["index.md"]),
    ("hubs", HUBBY, {"hubs_share": 0.1}, {}, ["index.md"]),  # the others link to 2 pages, < 10
    ("hubs", HEALTH, {"hubs_share": 0.01}, {}, []),  # a small site has no hub
]  # fmt: skip


def finding(item):
    """A finding as the table writes it: a page, or a broken target with its linking pages."""
    if isinstance(item, str):
        return item
    return (item.target, item.kind, {s.page: s.count for s in item.sources}, item.suggestion)


@pytest.mark.parametrize(
    "check, pages, options, meta, expected",
    CHECKS,
    ids=[
        f"{c[0]}-{'health' if c[1] is HEALTH else 'hubby' if c[1] is HUBBY else 'own'}-{i}"
        for i, c in enumerate(CHECKS)
    ],
)
def test_check_table(directory_urls, check, pages, options, meta, expected):
    front_matter = {**(HEALTH_META if pages is HEALTH else {}), **meta}
    site = linked_site(pages, directory_urls, options, front_matter, nav=HEALTH_NAV if pages is HEALTH else ())
    results = {result.name: result for result in run_checks(site, want_all=True)}
    assert list(results) == list(CHECK_NAMES)
    assert [finding(item) for item in results[check].findings] == expected
    # Its one grouped message names every finding on a line of its own.
    for item in expected:
        assert f"\n  - {item if isinstance(item, str) else item[0]}" in results[check].message


# A site for suggestions: (target a broken link meant, the built page suggested, or "").
SUGGESTIONS = [
    ("guide/instal.md", "guide/install.md"),  # one letter missing, same folder
    ("guide/isntall.md", "guide/install.md"),  # two letters swapped
    ("guide/Install.md", "guide/install.md"),  # case
    ("guide/install/", "guide/install.md"),  # the URL for the source
    ("guide/install.html", "guide/install.md"),
    ("guide/getting_started.md", "guide/getting-started.md"),  # separators
    ("other/install.md", "guide/install.md"),  # the same name anywhere
    ("reference.md", "ref/index.md"),  # a page's title
    ("guide/", "guide/index.md"),
    ("guide/install.md", "guide/install.md"),  # the page's source itself: a browser cannot follow it
    ("guide/zzz.md", ""),
    ("nothing/like/it/", ""),
]
SUGGEST_SITE = {
    "index.md": "",
    "guide/index.md": "",
    "guide/install.md": "",
    "guide/getting-started.md": "",
    "guide/instance.md": "",  # within two typos of "instal": the closer page wins
    "ref/index.md": "",
}


@pytest.mark.parametrize("target, suggestion", SUGGESTIONS)
def test_suggestion_table(directory_urls, target, suggestion):
    site = linked_site(SUGGEST_SITE, directory_urls, titles={"ref/index.md": "Reference"})
    assert Suggester(site.infos).suggest(target) == suggestion


# (broken target as found, its line in the grouped message)
DESCRIBED = [
    (("gone.md", "missing", {"index.md": 2, "a.md": 1}, ""),
     "gone.md (missing; 3 links): from a.md ('gone.md'), index.md ('gone.md') x2"),
    (("guide/instal.md", "missing", {"index.md": 1}, "guide/install.md"),
     "guide/instal.md (missing; 1 link): from index.md ('guide/instal.md'); did you mean 'guide/install.md' (install)?"),
]  # fmt: skip


@pytest.mark.parametrize("found, line", DESCRIBED, ids=[d[0][0] for d in DESCRIBED])
def test_broken_link_line_table(found, line):
    site = linked_site(HEALTH, True, None, HEALTH_META, nav=HEALTH_NAV)
    [broken] = [r for r in run_checks(site, want_all=True) if r.name == "broken_links"]
    [item] = [item for item in broken.findings if item.target == found[0]]
    assert finding(item) == found
    assert describe_broken(item, {src: info.title for src, info in site.infos.items()}) == line


def test_front_matter_naming_unknown_checks():
    meta = {
        "a.md": {"backlinks_exempt": ["orphans", "dead_end"]},
        "b.md": {"backlinks_exempt": "all, hub"},
        "c.md": {"backlinks_exempt": True},
    }
    site = linked_site({"a.md": "", "b.md": "", "c.md": ""}, meta=meta)
    known = "known: orphans, unreachable, dead_ends, broken_links, sibling_links, hubs, unlinked_mentions, lost_inbound_links, all."
    assert front_matter_problems(site.infos) == [
        f"Page 'a.md': front matter 'backlinks_exempt' names unknown check(s) 'dead_end'; {known}",
        f"Page 'b.md': front matter 'backlinks_exempt' names unknown check(s) 'hub'; {known}",
    ]


# Ranking the pages a broken link may have meant: (target, its links' fragments, the linking
# pages, the page suggested). Drawn from real sites: a versioned site linking
# `latest/config/build/`, a site whose two `reference.md` pages have different ids, and a
# `feed-entities/overview` among several `overview.md` pages.
RANKED = [
    # The longest shared path suffix: config/build.md, not the first build.md in path order.
    ("latest/config/build/", (), ("index.md",), "config/build.md"),
    ("docs/config/build.md", (), ("index.md",), "config/build.md"),
    # The fragment is an id on only one of the pages with that name.
    ("documentation/reference/", ("areastxt",), ("documentation/realtime/intro.md",), "documentation/schedule/reference.md"),
    ("documentation/reference/", ("feed-header",), ("documentation/schedule/intro.md",), "documentation/realtime/reference.md"),
    # No fragment: the page sharing the deepest folder with the linking page.
    ("documentation/reference/", (), ("documentation/realtime/intro.md",), "documentation/realtime/reference.md"),
    ("documentation/reference/", (), ("documentation/schedule/intro.md",), "documentation/schedule/reference.md"),
    # A fragment no page has changes nothing.
    ("documentation/reference/", ("nowhere",), ("documentation/schedule/intro.md",), "documentation/schedule/reference.md"),
    # The whole target path at the end of a page's path beats an earlier page with the name.
    ("documentation/schedule/realtime/feed-entities/overview/", (), ("documentation/schedule/intro.md",),
     "documentation/realtime/feed-entities/overview.md"),
    # A one-letter neighbour in the same folder never beats the exact name elsewhere.
    ("fares/fares-v2/", (), ("fares/intro.md",), "extensions/fares-v2.md"),
    ("fares/fares-v2/", ("zones",), ("fares/intro.md",), "extensions/fares-v2.md"),
    # Without an exact name, the neighbour is still found.
    ("fares/fares-v3/", (), ("fares/intro.md",), "fares/fares-v1.md"),
    # Equal on every rule: the first in path order.
    ("other/page/", (), ("index.md",), "a/page.md"),
]  # fmt: skip
RANKED_SITE = {
    "index.md": "",
    "build.md": "",
    "config/build.md": "",
    "documentation/realtime/intro.md": "",
    "documentation/realtime/reference.md": '<h2 id="feed-header">Feed header</h2>',
    "documentation/schedule/intro.md": "",
    "documentation/schedule/reference.md": '<h2 id="areastxt">areas.txt</h2><h3 id=zones>Zones</h3>',
    "community/extensions/overview.md": "",
    "documentation/realtime/feed-entities/overview.md": "",
    "fares/intro.md": "",
    "fares/fares-v1.md": '<h2 id="zones">Zones</h2>',
    "extensions/fares-v2.md": "",
    "a/page.md": "",
    "b/page.md": "",
}


@pytest.mark.parametrize("target, fragments, linking, suggestion", RANKED)
def test_suggestion_ranking_table(directory_urls, target, fragments, linking, suggestion):
    site = linked_site(RANKED_SITE, directory_urls)
    suggester = Suggester(site.infos, site.graph.contents)
    assert suggester.suggest(target, fragments, linking) == suggestion


# Sibling builds named by a config: (extra, site_url, mike plugin, link's site path, the build
# it leads into or None).
SIBLINGS = [
    ({"alternate": [{"link": "/"}, {"link": "/es/"}]}, None, False, "es/guide/", ("language", "es", "guide/")),
    ({"alternate": [{"link": "/"}, {"link": "/es/"}]}, None, False, "fr/guide/", None),
    # A URL on the site's host, or a path under the site's mount path.
    ({"alternate": [{"link": "https://example.org/docs/zh/"}]}, "https://example.org/docs/", False, "zh/", ("language", "zh", "")),
    ({"alternate": [{"link": "https://other.org/zh/"}]}, "https://example.org/", False, "zh/", None),
    ({"alternate": [{"link": "/docs/de/index.html"}]}, "https://example.org/docs/", False, "de/x/", ("language", "de", "x/")),
    # Versions only with mike, as `extra.version.provider` or the plugin.
    ({"version": {"provider": "mike"}}, None, False, "latest/config/", ("version", "latest", "config/")),
    ({}, None, True, "1.2/config/", ("version", "1.2", "config/")),
    ({}, None, True, "v2.0.x/", ("version", "v2.0.x", "")),
    ({}, None, False, "latest/config/", None),
    ({}, None, True, "guides/config/", None),  # not a version's name
    ({"version": {"provider": "mike", "default": ["lts"]}}, None, False, "lts/a/", ("version", "lts", "a/")),
    # A folder of this build's own pages is never another build.
    ({"version": {"provider": "mike"}}, None, False, "dev/gone/", None),
    ({"alternate": [{"link": "/dev/"}]}, None, False, "dev/gone/", None),
]  # fmt: skip


@pytest.mark.parametrize("extra, site_url, mike, path, expected", SIBLINGS)
def test_sibling_build_table(extra, site_url, mike, path, expected):
    from mkdocs_backlinks.core.broken_links import sibling_builds
    from mkdocs_backlinks.core.graph import UnresolvedLink

    site = linked_site({"index.md": "", "dev/notes.md": ""})
    build = sibling_builds(extra, site_url, mike).of(site.infos)
    assert build(UnresolvedLink("index.md", "/" + path, "missing", path)) == expected
