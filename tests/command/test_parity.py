"""Parity: on the example site, the panels the command writes into Zensical's build are the
panels the plugin writes into MkDocs 1.6's build, entry by entry (titles, hrefs, order, counts,
crumbs, sections, snippets), in both URL modes."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import read_panel

from .conftest import REPO, command, copy_example, mkdocs16_build, site_panels, zensical_and_command, zensical_build


@pytest.fixture(scope="module", params=[True, False], ids=["dir-urls", "file-urls"])
def both_builds(request, zensical, tmp_path_factory):
    """(the MkDocs 1.6 build with the plugin, the Zensical build after the command) of the
    example site. The one line Zensical renders differently (a raw HTML link written with
    MkDocs' built URL; see test_zensical_resolves_relative_hrefs_in_raw_html_from_the_source_folder)
    is left out of both."""
    directory_urls = request.param
    plugin_root = copy_example(tmp_path_factory.mktemp("mkdocs16"), directory_urls, drop_raw_html_link=True)
    command_root = copy_example(tmp_path_factory.mktemp("zensical"), directory_urls, drop_raw_html_link=True)
    return mkdocs16_build(plugin_root), zensical_and_command(zensical, command_root)


def test_same_panels_as_the_plugin(both_builds):
    plugin_site, command_site = both_builds
    plugin, ours = site_panels(plugin_site), site_panels(command_site)
    with_panels = [page for page, panel in plugin.items() if panel]
    assert len(with_panels) >= 8  # the example's pages, each linked from somewhere
    # Occurrences with sections and snippets, counts and crumbs are all in the comparison.
    entries = [entry for page in with_panels for entry in plugin[page]]
    assert any(spot[1] for entry in entries for spot in entry.occurrences)
    assert any(entry.count for entry in entries) and any(entry.crumbs for entry in entries)
    for page in with_panels:
        assert ours.get(page) == plugin[page], page
    # Pages without a panel in the plugin's build have none after the command either (the
    # theme's 404 page, the report).
    for page, panel in ours.items():
        if panel is not None:
            assert plugin.get(page) is not None, page


def test_same_link_checks_as_the_plugin(both_builds, tmp_path):
    """The exported graph names the same pages, links and findings."""
    import json

    plugin_site, command_site = both_builds
    plugin = json.loads((plugin_site / "links.json").read_text(encoding="utf-8"))
    ours = json.loads((command_site / "links.json").read_text(encoding="utf-8"))
    assert ours["checks"] == plugin["checks"]
    assert ours["edges"] == plugin["edges"]
    assert [n["id"] for n in ours["nodes"]] == [n["id"] for n in plugin["nodes"]]
    assert [n["title"] for n in ours["nodes"]] == [n["title"] for n in plugin["nodes"]]
    # Links to the export and the report count as links to files of the site in both.
    assert [n["metrics"] for n in ours["nodes"]] == [n["metrics"] for n in plugin["nodes"]]


def test_zensical_resolves_relative_hrefs_in_raw_html_from_the_source_folder(zensical, tmp_path):
    """Zensical (0.0.73 and 0.1.2), unlike MkDocs, rewrites a relative href in raw HTML as if it were a
    Markdown link from the source file's folder: with directory URLs, `<a href="../../guide/
    configuration/">` written in reference/link-forms.md (MkDocs' built URL) gets one more
    `../` and leaves the site. The command reads the links as a browser follows them, so that
    link is not in the panel (the plugin's build counts 6 links from Link forms, this build 5)."""
    root = copy_example(tmp_path)
    site = zensical_build(zensical, root)
    forms = (site / "reference" / "link-forms" / "index.html").read_text(encoding="utf-8")
    assert 'raw HTML with the built URL: <a href="../../../guide/configuration/">' in forms
    assert command("site", cwd=root).returncode == 0
    panel = read_panel((site / "guide" / "configuration" / "index.html").read_text(encoding="utf-8"))
    link_forms = next(entry for entry in panel if entry.title == "Link forms")
    assert link_forms.count == "5"
    assert not any("raw HTML" in spot[2] for spot in link_forms.occurrences)


def test_same_table_of_contents_entries_as_the_plugin(both_builds):
    """`toc: true` (the example's): the pages whose table of contents links the panel are the
    same in both builds."""
    plugin_site, command_site = both_builds
    entry = 'href="#backlinks-title" class="md-nav__link"'

    def listed(site):
        return {page for page in site_panels(site) if entry in (site / page).read_text(encoding="utf-8")}

    assert len(listed(plugin_site)) >= 8
    assert listed(command_site) == listed(plugin_site)


def test_the_zensical_tested_is_the_one_the_makefile_pins(zensical):
    pinned = re.search(r"^ZENSICAL_VERSION := (\S+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    result = subprocess.run([str(zensical), "--version"], capture_output=True, text=True, timeout=60)
    assert pinned is not None and pinned.group(1) in result.stdout + result.stderr
