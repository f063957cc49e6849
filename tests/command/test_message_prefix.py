"""Every message of both front ends starts with `backlinks:`, collected from real builds in
which every check finds something, front matter and options are wrong, the build is stopped
by an error-level check or a file written over a page, and the command is called wrongly.

Lines are read as the user sees them: `LEVEL -  message`, then the message's indented lines.
MkDocs' own lines (its progress, its summary of an aborted build) are not ours; they are known
by their text below.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

from .conftest import command, write_docs, zensical_build

LEVEL_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s*-\s+(.*)$")
MKDOCS_OWN = (
    "Cleaning site directory",
    "Building documentation to directory",
    "Documentation built in",
    "Aborted with a BuildError!",
    "Aborted with ",  # "... warnings in strict mode!"
    "The following pages exist in the docs directory, but are not included in the",
    "Serving ",
)

# Every check finds something: orphans (lonely.md), unreachable (island/*), dead ends, broken
# links, links into other builds (/es/), a hub (index.md links to ten of its pages), unlinked
# mentions ("Lonely page" named without a link); front matter values that are wrong.
DOCS = {
    "index.md": "# Home\n\n"
    + " ".join(f"[P{i}](p{i}.md)" for i in range(10))
    + "\n\n[gone](gone.md) [es](/es/p1/)\n\nThe Lonely page is somewhere.\n",
    **{f"p{i}.md": f"# P{i}\n\n[Home](index.md)\n" for i in range(10)},
    "lonely.md": "---\norphan: perhaps\nbacklinks_exempt: [orphanz]\n---\n# Lonely page\n",
    "island/x.md": "# X\n\n[Y](y.md)\n",
    "island/y.md": "# Y\n\n[X](x.md)\n",
}
NAV = ["index.md", *[f"p{i}.md" for i in range(10)], "lonely.md"]
ALL_CHECKS = {
    "orphans": "warn",
    "unreachable": "warn",
    "dead_ends": "info",
    "broken_links": "warn",
    "sibling_links": "info",
    "hubs": "info",
    "hubs_share": 0.5,
    "unlinked_mentions": "info",
}
# An option warning, and an option error (both front ends report them in the plugin's words,
# not in MkDocs' "Config value 'plugins': Plugin 'backlinks' option ...").
OPTION_WARNING = {"toc": True, "placement": "template"}
OPTION_ERROR = {"sort": "random"}


def _site(root, **plugin):
    write_docs(root, DOCS)
    config = {
        "site_name": "Prefixes",
        "nav": NAV,
        "theme": {"name": "material"},
        "extra": {"alternate": [{"link": "/"}, {"link": "/es/"}]},
        "validation": {"links": {"not_found": "ignore", "absolute_links": "ignore", "unrecognized_links": "ignore"}},
        "plugins": [{"backlinks": {**ALL_CHECKS, **plugin}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def messages(output):
    """The first line of each message in a front end's output."""
    return [match.group(2) for match in map(LEVEL_LINE.match, output.splitlines()) if match]


def ours(output):
    return [m for m in messages(output) if not m.startswith(MKDOCS_OWN)]


def _mkdocs(root, *args):
    env = dict(os.environ, NO_COLOR="1", NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args], cwd=root, capture_output=True, text=True, env=env, timeout=300
    )


def test_every_plugin_message_says_backlinks(tmp_path):
    found = []
    # Every check at its level, wrong front matter.
    result = _mkdocs(_site(tmp_path / "a"))
    assert result.returncode == 0, result.stderr
    found += ours(result.stderr)
    assert len(found) >= 9, result.stderr  # 7 checks, 2 front matter problems
    # Every check at `error`: the build stops with them.
    result = _mkdocs(_site(tmp_path / "b", **{name: "error" for name in ("orphans", "unreachable", "broken_links")}))
    assert result.returncode == 1
    found += ours(result.stderr)
    # A report written over a page.
    result = _mkdocs(_site(tmp_path / "c", report_file="p1/index.html"))
    assert result.returncode == 1
    found += ours(result.stderr)
    # Option mistakes: a warning (the build goes on; under --strict it stops), an error.
    for name, options, args, status in (
        ("d", OPTION_WARNING, (), 0),
        ("e", OPTION_WARNING, ("--strict",), 1),
        ("f", {**OPTION_WARNING, **OPTION_ERROR}, (), 1),
    ):
        result = _mkdocs(_site(tmp_path / name, **options), *args)
        assert result.returncode == status, result.stderr
        found += ours(result.stderr)
    assert any("option 'toc'" in m for m in found) and any("option 'sort'" in m for m in found)
    assert any("orphaned page" in m for m in found) and any("is where page" in m for m in found)
    assert [m for m in found if not m.startswith("backlinks: ")] == []


def test_every_command_message_says_backlinks(zensical, tmp_path):
    root = _site(tmp_path, **OPTION_WARNING)
    site = zensical_build(zensical, root)
    (site / "latin1.html").write_bytes(b"<html><body><article class='md-content__inner'>\xe9</article></body></html>")
    found = []
    for args in (("site",), ("site", "--check", "--strict")):
        result = command(*args, cwd=root)
        found += messages(result.stderr)
    assert any("orphaned page" in m for m in found) and any("not UTF-8" in m for m in found)
    assert any("option 'toc'" in m for m in found)
    assert any("pages read" in m for m in found)
    # Stopped by error-level checks, by a file over a page, by mistakes on the command line.
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["backlinks"].update(orphans="error", report_file="p1/index.html")
    (root / "other.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    config["plugins"][0]["backlinks"].pop("report_file")
    (root / "errors.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for args in (
        ("site", "-f", "errors.yml"),
        ("site", "-f", "other.yml"),
        ("mkdocs.yml",),
        ("nowhere",),
        ("site", "--no-such-option"),
        ("site", "-f", "missing.yml"),
    ):
        result = command(*args, cwd=root)
        assert result.returncode != 0, args
        found += messages(result.stderr)
    # Without a config file.
    bare = tmp_path / "bare"
    bare.mkdir()
    result = command(str(site), "--check", cwd=bare)
    found += messages(result.stderr)
    assert any(m.startswith("backlinks: no config file") for m in found)
    assert [m for m in found if not m.startswith("backlinks: ")] == []
