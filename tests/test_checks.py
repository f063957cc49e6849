"""Link-health checks in real builds: what each finds, exemptions by glob and front matter, and
how each level (ignore, info, warn, error, with and without --strict, and under serve) reports."""

from __future__ import annotations

import json
import logging

import pytest
from mkdocs.exceptions import Abort

CHECKS = ("orphans", "unreachable", "dead_ends", "broken_links", "hubs")

# One site with something for every check except hubs (see HUBBY):
# - orphans: guide/install.md (only a misspelt link points at it), leaf.md;
# - unreachable: island/x.md and island/y.md link to each other, but nothing reachable links
#   to them and they are not in the nav;
# - dead ends: leaf.md (no links at all);
# - broken links: gone.md twice (from index.md and a.md), guide/instal.md once;
# - exempt.md would be an orphan and a dead end with a broken link, but exempts itself.
HEALTH = {
    "index.md": "# Home\n\n[A](a.md) [Gone](gone.md) [Install](guide/instal.md)\n",
    "a.md": "# A\n\n[Home](index.md) [Gone again](gone.md)\n",
    "guide/install.md": "# Install\n\n[A](../a.md)\n",
    "leaf.md": "# Leaf\n\nNo links here.\n",
    "island/x.md": "# X\n\n[Y](y.md)\n",
    "island/y.md": "# Y\n\n[X](x.md)\n",
    "exempt.md": "---\nbacklinks_exempt: [orphans, dead_ends, broken_links]\n---\n# Exempt\n\n[Nowhere](nowhere.md)\n",
}
HEALTH_NAV = ["index.md", "a.md", "guide/install.md", "leaf.md", "exempt.md"]

# A homepage linking to all twelve other pages: a hub (12 >= max(10, 50% of 12)).
HUBBY = {"index.md": "# Home\n\n" + " ".join(f"[P{i}](p{i:02d}.md)" for i in range(1, 13)) + "\n"}
HUBBY.update({f"p{i:02d}.md": f"# P{i}\n\n[Home](index.md) [Next](p{i % 12 + 1:02d}.md)\n" for i in range(1, 13)})

EXPECTED = {
    "orphans": ["guide/install.md", "leaf.md"],
    "unreachable": ["island/x.md", "island/y.md"],
    "dead_ends": ["leaf.md"],
    "broken_links": ["gone.md", "guide/instal.md"],
    "hubs": ["index.md"],
}


def only(check: str, level: str, **options) -> dict:
    """Plugin options with every check ignored except `check`."""
    plugin = {name: "ignore" for name in CHECKS}
    plugin[check] = level
    plugin.update(options)
    return plugin


def site_for(make_site, check: str, plugin: dict, **settings):
    if check == "hubs":
        return make_site(HUBBY, plugin, **settings)
    return make_site(HEALTH, plugin, nav=HEALTH_NAV, **settings)


def findings(site, check: str) -> list:
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    found = data["checks"][check]["findings"]
    return [item["target"] if isinstance(item, dict) else item for item in found]


# --- What each check finds, and exemptions ------------------------------------------------------
# Every exemption by option glob and every `hubs_share` is in the core's table
# (tests/core/test_checks.py); here, what needs MkDocs: Markdown rendered into links, front
# matter read from the page, options read from mkdocs.yml, findings written into the export.


@pytest.mark.parametrize(
    "check, options, front_matter, expected",
    [
        ("orphans", {}, None, EXPECTED["orphans"]),
        ("orphans", {}, ("leaf.md", "orphan: true"), ["guide/install.md"]),
        ("orphans", {}, ("leaf.md", "backlinks_exempt: all"), ["guide/install.md"]),
        ("unreachable", {}, None, EXPECTED["unreachable"]),
        ("unreachable", {}, ("island/y.md", "backlinks_exempt: [unreachable]"), ["island/x.md"]),
        ("unreachable", {}, ("index.md", "backlinks_exempt: [unreachable]"), EXPECTED["unreachable"]),
        ("dead_ends", {}, None, EXPECTED["dead_ends"]),
        ("dead_ends", {}, ("leaf.md", "backlinks_exempt: dead_ends"), []),
        ("broken_links", {}, None, EXPECTED["broken_links"]),
        ("broken_links", {}, ("index.md", "backlinks_exempt: [broken_links]"), ["gone.md"]),
        ("hubs", {}, None, EXPECTED["hubs"]),
        ("hubs", {}, ("index.md", "backlinks_exempt: [hubs]"), []),
        ("hubs", {"hubs_share": "100%"}, None, EXPECTED["hubs"]),
    ],
)
def test_findings_and_exemptions(make_site, directory_urls, check, options, front_matter, expected):
    site = site_for(
        make_site, check, only(check, "info", graph_file="links.json", **options), use_directory_urls=directory_urls
    )
    if front_matter:
        page, line = front_matter
        path = site.root / "docs" / page
        path.write_text(f"---\n{line}\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    site.build()
    assert findings(site, check) == expected


def test_broken_links_are_grouped_by_target_with_sources_and_suggestions(make_site, plugin_log):
    docs = {
        "index.md": "# Home\n\n[a](guide/setup.md) <a href='guide/setup.md'>raw</a> [x](gone.md) [x](gone.md)\n",
        "guide/setup.md": "# Setting up\n\n[Home](../index.md) [x](../gone.md) [typo](instal.md) [t](Setup.md)\n",
        "guide/install.md": '# Install\n\n[Setup](setup.md) <a href="/guide/instal/">root-relative</a>\n',
        "draft.md": "# Draft\n",
    }
    docs["index.md"] += '[draft](draft.md) <a href="http://[">bad</a>\n'
    make_site(docs, only("broken_links", "warn"), draft_docs="draft.md\n").build()
    [message] = plugin_log(logging.WARNING)
    assert message.startswith("9 broken link(s) to 7 target(s)")
    lines = message.splitlines()
    assert lines[1] == "  - gone.md (missing; 3 links): from guide/setup.md ('../gone.md'), index.md ('gone.md') x2"
    assert (
        "  - guide/instal.md (missing; 1 link): from guide/setup.md ('instal.md'); did you mean 'guide/install.md' (Install)?"
        in lines
    )
    assert (
        "  - guide/Setup.md (missing; 1 link): from guide/setup.md ('Setup.md'); did you mean 'guide/setup.md' (Setting up)?"
        in lines
    )
    assert (
        "  - guide/instal/ (missing; 1 link): from guide/install.md ('/guide/instal/'); did you mean 'guide/install.md' (Install)?"
        in lines
    )
    # Raw HTML naming an existing source file: the page exists, the link does not work.
    assert any(
        line.startswith(
            "  - guide/setup.md (missing; 1 link): from index.md ('guide/setup.md'); 'guide/setup.md' is a page"
        )
        for line in lines
    )
    assert "  - draft.md (not in the built site; 1 link): from index.md ('draft/')" in lines
    assert "  - http://[ (not a valid URL; 1 link): from index.md ('http://[')" in lines
    assert "broken_links_exempt" in lines[-1]


def test_unknown_check_in_front_matter_names_the_page(make_site, plugin_log):
    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "---\nbacklinks_exempt: [orphans, dead_end]\n---\n# A\n"}
    make_site(docs, only("orphans", "warn")).build()
    assert plugin_log(logging.WARNING) == [
        "Page 'a.md': front matter 'backlinks_exempt' names unknown check(s) 'dead_end'; "
        "known: orphans, unreachable, dead_ends, broken_links, sibling_links, hubs, unlinked_mentions, lost_inbound_links, all."
    ]


# --- Levels --------------------------------------------------------------------------------------


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("level", ["ignore", "info", "warn"])
def test_levels_log_one_grouped_summary(make_site, plugin_log, check, level):
    site_for(make_site, check, only(check, level)).build()
    logged = {lvl: plugin_log(lvl) for lvl in (logging.INFO, logging.WARNING, logging.ERROR)}
    expected_level = {"ignore": None, "info": logging.INFO, "warn": logging.WARNING}[level]
    for lvl, messages in logged.items():
        if lvl != expected_level:
            assert messages == [], (lvl, messages)
    if expected_level is not None:
        [message] = logged[expected_level]
        for item in EXPECTED[check]:
            assert f"\n  - {item}" in message


@pytest.mark.parametrize("check", CHECKS)
def test_error_stops_the_build_listing_every_finding(make_site, caplog, check):
    site = site_for(make_site, check, only(check, "error"))
    with pytest.raises(Abort):
        site.build()
    [message] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    for item in EXPECTED[check]:
        assert f"\n  - {item}" in message


def test_every_error_level_check_is_listed_in_one_failure(make_site, caplog):
    site = make_site(HEALTH, {name: "error" for name in CHECKS}, nav=HEALTH_NAV)
    with pytest.raises(Abort):
        site.build()
    [message] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    for check in ("orphans", "unreachable", "dead_ends", "broken_links"):
        for item in EXPECTED[check]:
            assert f"\n  - {item}" in message


def test_serve_is_never_stopped(make_site, plugin_log):
    site = make_site(HEALTH, {name: "error" for name in CHECKS}, nav=HEALTH_NAV)
    site.build(command="serve", serve_url="http://127.0.0.1:8000/")
    assert len(plugin_log(logging.WARNING)) == 4  # orphans, unreachable, dead ends, broken links


@pytest.mark.parametrize("check", CHECKS)
def test_cli_strict_fails_on_warn_only(make_site, check):
    # MkDocs' own link validation warns about Markdown links to missing pages; turn it down so
    # that the plugin's level alone decides.
    quiet = {"validation": {"links": {"not_found": "info"}}}
    warn = site_for(make_site, check, only(check, "warn"), **quiet).cli("build", "--strict")
    assert warn.returncode == 1
    assert "Aborted with 1 warnings in strict mode" in warn.stdout + warn.stderr
    for item in EXPECTED[check]:
        assert f"  - {item}" in warn.stderr

    passed = site_for(make_site, check, only(check, "info"), **quiet).cli("build", "--strict")
    assert passed.returncode == 0, passed.stderr

    failed = site_for(make_site, check, only(check, "error"), **quiet).cli("build")
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    for item in EXPECTED[check]:
        assert f"  - {item}" in failed.stderr


def test_default_levels(make_site, plugin_log):
    make_site(HEALTH, nav=HEALTH_NAV).build()
    warnings = plugin_log(logging.WARNING)
    infos = plugin_log(logging.INFO)
    assert [m.split(" ", 2)[1] for m in warnings] == ["orphaned", "unreachable", "broken"]
    assert any(m.startswith("1 dead-end page(s)") for m in infos)


@pytest.mark.parametrize("option", ["report_file", "graph_page"])
def test_a_file_over_a_page_stops_the_build_before_any_page_is_written(make_site, caplog, option):
    """The plugin checks where its files go as soon as it knows where every page is published:
    the build stops with one message and the site folder holds no page, old or new."""
    site = make_site(HEALTH, {option: "a/index.html"}, nav=HEALTH_NAV)
    with pytest.raises(Abort):
        site.build()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [
        f"backlinks: option '{option}': 'a/index.html' is where page 'a.md' is published; choose another path"
    ]
    assert not list((site.root / "site").rglob("*.html"))
