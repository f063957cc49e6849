""" "Did you mean": on real builds (MkDocs 1.6 with the plugin, Zensical 0.1.2 with the command),
a broken link is answered with the page its fragment, its path and its linking page point at,
not with the first page of the same file name.

The site copies the shape of a real one: two `reference.md` pages, only one holding the ids the
links name; a link written with a built URL one folder too shallow; several `overview.md`
pages, one ending with the whole target path.
"""

from __future__ import annotations

import subprocess
import sys

import yaml

from .conftest import command, write_docs, zensical_build

DOCS = {
    "index.md": "# Home\n\n[Schedule](documentation/schedule/index.md)\n",
    "documentation/realtime/reference.md": "# Realtime reference\n\n## Feed header\n\nText.\n",
    "documentation/schedule/index.md": "# Schedule\n\n[Examples](examples/index.md)\n",
    "documentation/schedule/reference.md": "# Schedule reference\n\n## areas.txt\n\nText.\n",
    "documentation/schedule/examples/index.md": (
        "# Examples\n\nSee [areas](../../reference/#areastxt) and [entities](../realtime/feed-entities/overview/).\n"
    ),
    "documentation/realtime/feed-entities/overview.md": "# Feed entities\n",
    "community/extensions/overview.md": "# Extensions\n",
}


def _write(root, directory_urls):
    write_docs(root, DOCS)
    config = {
        "site_name": "Suggestions",
        "use_directory_urls": directory_urls,
        "theme": {"name": "material"},
        "plugins": [{"backlinks": {"broken_links": "warn", "orphans": "ignore", "unreachable": "ignore"}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


EXPECTED = [
    "documentation/reference/ (missing; 1 link): from documentation/schedule/examples/index.md "
    "('../../reference/#areastxt'); did you mean 'documentation/schedule/reference.md' (Schedule reference)?",
    "documentation/schedule/realtime/feed-entities/overview/ (missing; 1 link): from "
    "documentation/schedule/examples/index.md ('../realtime/feed-entities/overview/'); "
    "did you mean 'documentation/realtime/feed-entities/overview.md' (Feed entities)?",
]


def _lines(text):
    return [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("- ")]


def test_plugin_suggests_by_fragment_and_path(tmp_path, directory_urls):
    root = _write(tmp_path, directory_urls)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = _lines(result.stderr)
    for line in EXPECTED:
        assert line in lines, result.stderr


def test_command_suggests_by_fragment_and_path(zensical, tmp_path, directory_urls):
    root = _write(tmp_path, directory_urls)
    zensical_build(zensical, root)
    result = command("site", "--check", cwd=root)
    lines = _lines(result.stderr)
    for line in EXPECTED:
        assert line in lines, result.stderr
