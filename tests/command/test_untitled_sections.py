"""Nav sections written `- "":` (a title-less section whose first page is its index, as some
large Material sites nest their whole nav).

Material (9.8, with and without `navigation.indexes`) and MkDocs' own themes show no title for
such a section: its label, its index link and its breadcrumb are empty. Zensical (0.1.2) shows
the index page's title. The panel's crumbs and groups show what the generator shows: an empty
title is no crumb (never an empty crumb or a lone `›`) and no group heading.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import read_panel

from .conftest import command, mkdocs16_build, write_docs, zensical_build

DOCS = {
    "index.md": "# Home\n\nStart at [one](a/one.md).\n",
    "a/index.md": "# Section A\n\nSee [one](one.md).\n",
    "a/one.md": "# One\n\nBack [home](../index.md).\n",
    "b/index.md": "# Section B\n\nSee [one](../a/one.md).\n",
    "b/two.md": "# Two\n\nSee [one](../a/one.md).\n",
}
NAV = [
    {
        "": [
            "index.md",
            {"": ["a/index.md", "a/one.md"]},
            {"Named": ["b/index.md", "b/two.md"]},
        ]
    }
]


def _site(root, directory_urls, features, **plugin):
    write_docs(root, DOCS)
    config = {
        "site_name": "Untitled sections",
        "use_directory_urls": directory_urls,
        "theme": {"name": "material", "features": features},
        "nav": NAV,
        "plugins": [{"backlinks": plugin}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def _one_panel(site, directory_urls):
    page = "a/one/index.html" if directory_urls else "a/one.html"
    panel = read_panel((site / page).read_text(encoding="utf-8"))
    assert panel is not None
    return {entry.title: entry for entry in panel}


@pytest.mark.parametrize("features", [[], ["navigation.indexes"]], ids=["plain", "indexes"])
@pytest.mark.parametrize("grouped", [False, True], ids=["flat", "grouped"])
def test_material_untitled_sections_are_no_crumbs(tmp_path, directory_urls, features, grouped):
    site = mkdocs16_build(_site(tmp_path, directory_urls, features, group_by_section=grouped))
    entries = _one_panel(site, directory_urls)
    assert set(entries) == {"Home", "Section A", "Section B", "Two"}
    # Home sits in the untitled top section only, Section A in two untitled ones: no crumbs.
    for title in ("Home", "Section A"):
        assert entries[title].crumbs == "" and entries[title].group == "", title
    if grouped:
        # The named section is the group; its pages show no crumbs below it.
        assert entries["Two"].group == "Named" and entries["Two"].crumbs == ""
        assert entries["Section B"].group == "Named"
    else:
        assert entries["Two"].crumbs == "Named" and entries["Section B"].crumbs == "Named"


@pytest.mark.parametrize("grouped", [False, True], ids=["flat", "grouped"])
def test_zensical_untitled_sections_take_their_index_title(zensical, tmp_path, directory_urls, grouped):
    root = _site(tmp_path, directory_urls, [], group_by_section=grouped)
    site = zensical_build(zensical, root)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'content="zensical-' in home  # the rule below is Zensical's
    result = command("site", cwd=root)
    assert result.returncode == 0, result.stderr
    entries = _one_panel(site, directory_urls)
    assert set(entries) == {"Home", "Section A", "Section B", "Two"}
    if grouped:
        assert {entry.group for entry in entries.values()} == {"Home"}
        assert entries["Section A"].crumbs == "Section A"
        assert entries["Two"].crumbs == "Named"
    else:
        assert entries["Home"].crumbs == "Home"
        assert entries["Section A"].crumbs == "Home › Section A"
        assert entries["Two"].crumbs == "Home › Named"


def test_command_on_a_material_build_leaves_untitled_sections_out(tmp_path):
    """The command over MkDocs' output follows MkDocs: the same crumbs as the plugin."""
    root = _site(tmp_path, True, ["navigation.indexes"], enabled=False)
    site = mkdocs16_build(root)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [{"backlinks": {}}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = command("site", cwd=root)
    assert result.returncode == 0, result.stderr
    entries = _one_panel(site, True)
    assert entries["Home"].crumbs == "" and entries["Section A"].crumbs == ""
    assert entries["Two"].crumbs == "Named"
