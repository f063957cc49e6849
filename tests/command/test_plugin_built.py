"""The command on sites where a panel or another tool's link list is already in the pages:

- a site the plugin built (`mkdocs build` with the plugin, then `mkdocs-backlinks site`): the
  plugin's panel is replaced, never added to, and never read as content, so the checks find
  what the plugin found;
- a site with mkdocstrings' own backlinks (`backlinks: tree`), which it adds after the plugin has
  read the links: the command leaves them out as the plugin does (`core.html.NOT_THE_AUTHORS`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from .conftest import command, site_pages, site_panels, write_docs

DOCS = {
    "index.md": "# Home\n\nSee [Alpha](a.md) and [Beta](b.md).\n",
    "a.md": "# Alpha\n\nAlpha goes on to [Beta](b.md#usage).\n",
    "b.md": "# Beta\n\n## Usage\n\nBack to [the start](index.md).\n",
    # Linked from no page: the orphan both front ends must report.
    "lone.md": "# Lone\n\nNobody links here, though this links [Alpha](a.md).\n",
}
THEMES = ["mkdocs", "material"]


def _mkdocs_build(root: Path) -> str:
    """`mkdocs build` in `root`; returns its log (it must succeed)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="0")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def _orphans(log: str) -> list:
    """The pages the orphan finding of a log names (either front end's: a line about orphaned
    pages, then one `  - page` line for each)."""
    found = []
    listing = False
    for line in log.splitlines():
        if "orphan" in line and "page" in line:
            listing = True
        elif listing and line.lstrip().startswith("- "):
            found.append(line.strip()[2:])
        else:
            listing = False
    return sorted(found)


@pytest.fixture(
    params=[(t, d) for t in THEMES for d in (True, False)], ids=lambda p: f"{p[0]}-{p[1] and 'dir' or 'file'}"
)
def plugin_built(request, tmp_path):
    """A site built by MkDocs with the plugin (orphans at `warn`, the export on): (root, log)."""
    theme, directory_urls = request.param
    write_docs(tmp_path, DOCS)
    config = {
        "site_name": "Twice",
        "theme": {"name": theme},
        "use_directory_urls": directory_urls,
        "plugins": ["search", {"backlinks": {"orphans": "warn", "graph_file": "links.json", "toc": True}}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return tmp_path, _mkdocs_build(tmp_path)


def test_the_command_replaces_the_plugins_panel(plugin_built):
    root, plugin_log = plugin_built
    site = root / "site"
    plugin_panels = site_panels(site)
    plugin_export = json.loads((site / "links.json").read_text(encoding="utf-8"))
    assert "lone.md" in _orphans(plugin_log)

    checked = command("site", "--check", cwd=root)
    assert checked.returncode == 0, checked.stderr
    assert _orphans(checked.stderr) == _orphans(plugin_log)

    result = command("site", cwd=root)
    assert result.returncode == 0, result.stderr
    assert site_panels(site) == plugin_panels  # the same entries, none read from a panel
    export = json.loads((site / "links.json").read_text(encoding="utf-8"))
    assert export["edges"] == plugin_export["edges"]
    assert export["checks"] == plugin_export["checks"]
    for page in site_pages(site):
        text = (site / page).read_text(encoding="utf-8")
        panels = 1 if plugin_panels[page] is not None else 0
        assert text.count('class="backlinks"') == panels, page
        assert text.count('id="backlinks-title"') == panels, page
        assert len(re.findall(r"<link[^>]*backlinks\.css", text)) == 1, page

    # A second run finds its own panel and writes the same bytes.
    before = {page: (site / page).read_bytes() for page in site_pages(site)}
    again = command("site", cwd=root)
    assert again.returncode == 0, again.stderr
    assert {page: (site / page).read_bytes() for page in site_pages(site)} == before


MODULE = '''
"""A small module for mkdocstrings."""


def fetch(url):
    """Fetch `url`."""


def parse(text):
    """Parse `text`; see [fetch][shop.fetch]."""
'''

API_DOCS = {
    "index.md": "# Home\n\nThe [API](api.md) and the [guide](guide.md).\n",
    "api.md": "# API\n\n::: shop\n",
    # Cross-references to the API: mkdocstrings lists this page under each object it names.
    "guide.md": "# Guide\n\nCall [shop.fetch][] then [shop.parse][].\n",
    "notes.md": "# Notes\n\nAlso [fetch][shop.fetch], see the [guide](guide.md).\n",
}


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_mkdocstrings_backlinks_are_not_read_as_links(tmp_path, directory_urls):
    plugin_root, command_root = tmp_path / "plugin", tmp_path / "command"
    for root, plugins in (
        (plugin_root, [{"backlinks": {"graph_file": "links.json"}}]),
        (command_root, []),
    ):
        write_docs(root, API_DOCS)
        (root / "src").mkdir()
        (root / "src" / "shop.py").write_text(textwrap.dedent(MODULE), encoding="utf-8")
        handlers = {"python": {"paths": ["src"], "options": {"backlinks": "tree", "show_root_heading": True}}}
        config = {
            "site_name": "API",
            "theme": {"name": "material"},
            "use_directory_urls": directory_urls,
            "plugins": ["search", {"mkdocstrings": {"handlers": handlers}}, *plugins],
        }
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        _mkdocs_build(root)
    # The command reads the same config with the plugin's entry (MkDocs never loads it there).
    config["plugins"] = [*config["plugins"], {"backlinks": {"graph_file": "links.json"}}]
    (command_root / "command.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    api = "api/index.html" if directory_urls else "api.html"
    built_api = (command_root / "site" / api).read_text(encoding="utf-8")
    assert 'class="doc doc-backlinks"' in built_api  # mkdocstrings wrote its list of pages

    result = command("site", "-f", "command.yml", cwd=command_root)
    assert result.returncode == 0, result.stderr
    plugin = site_panels(plugin_root / "site")
    ours = site_panels(command_root / "site")
    for page, panel in plugin.items():
        if panel is not None:
            assert ours.get(page) == panel, page
    # The guide and the notes link nowhere but the API and each other: no page gains an entry.
    assert {page for page, panel in ours.items() if panel} == {page for page, panel in plugin.items() if panel}
    plugin_export = json.loads((plugin_root / "site" / "links.json").read_text(encoding="utf-8"))
    export = json.loads((command_root / "site" / "links.json").read_text(encoding="utf-8"))
    assert export["edges"] == plugin_export["edges"]
    assert export["checks"] == plugin_export["checks"]
