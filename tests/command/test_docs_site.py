"""The project's documentation (`example_site/`) is a site built with the plugin: it builds with
`--strict` under MkDocs 1.6 and under Zensical followed by the command, every page with its
panel and local graph, and the site graph beside them; and it documents every option with the
default the core gives it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import read_panel
from mkdocs_backlinks.core.labels import ENGLISH
from mkdocs_backlinks.core.options import BacklinksConfig, LabelsConfig, option_names

from .conftest import EXAMPLE, command, copy_example, mkdocs16_build, zensical_build

CONFIGURATION = EXAMPLE / "docs" / "guide" / "configuration.md"
PAGES = sorted(p.relative_to(EXAMPLE / "docs").as_posix() for p in (EXAMPLE / "docs").rglob("*.md"))


def documented_defaults() -> dict:
    """The options of the YAML block that opens the configuration page."""
    text = CONFIGURATION.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert block, "the configuration page opens with a YAML block of every option"
    plugins = yaml.safe_load(block.group(1))["plugins"]
    return next(p["backlinks"] for p in plugins if isinstance(p, dict) and "backlinks" in p)


def test_every_option_is_documented_with_its_default():
    defaults = BacklinksConfig()
    expected = {name: getattr(defaults, name) for name in option_names(BacklinksConfig)}
    expected = {
        name: list(value) if name.endswith(("_from", "_to", "exempt")) else value for name, value in expected.items()
    }
    expected["labels"] = {name: ENGLISH[name] for name in option_names(LabelsConfig)}
    assert documented_defaults() == expected
    # Each option also has its own entry (a definition term) saying what it does.
    terms = {
        name
        for line in CONFIGURATION.read_text(encoding="utf-8").splitlines()
        if line.startswith("`")
        for name in re.findall(r"`(\w+)`", line)
    }
    assert set(option_names(BacklinksConfig)) - terms == set()


def built_path(src: str) -> str:
    stem = src[: -len(".md")]
    return "index.html" if stem == "index" else stem + "/index.html"


def assert_every_page_has_its_panel_and_graph(site: Path) -> None:
    for src in PAGES:
        text = (site / built_path(src)).read_text(encoding="utf-8")
        panel = read_panel(text)
        assert panel, f"{src}: no panel"
        assert 'class="backlinks__graph"' in text, f"{src}: no local graph"
    for path in ("graph.html", "link-report.html", "links.json", "assets/backlinks.css"):
        assert (site / path).is_file(), path


def test_the_documentation_builds_strict_with_mkdocs(tmp_path):
    root = copy_example(tmp_path)
    site = mkdocs16_build(root, "--strict")
    assert_every_page_has_its_panel_and_graph(site)


def test_the_documentation_builds_with_zensical_and_the_command(zensical, tmp_path):
    root = copy_example(tmp_path)
    site = zensical_build(zensical, root)
    result = command("--strict", "site", cwd=root)
    assert result.returncode == 0, result.stderr
    assert_every_page_has_its_panel_and_graph(site)


@pytest.mark.parametrize(
    "path", ["README.md", "CHANGELOG.md", *[f"example_site/docs/{p}" for p in PAGES], "benchmarks/README.md"]
)
def test_user_facing_text_speaks_of_the_software(path):
    """What users read says what the software does and measures: no planning words."""
    text = (EXAMPLE.parent / path).read_text(encoding="utf-8")
    found = re.findall(r"issue \d+|not met|budget|owner", text, re.I)
    assert not found, found
