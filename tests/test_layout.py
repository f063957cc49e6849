"""The package's layout holds: the core knows no MkDocs objects and no front end; the two front
ends never import each other."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mkdocs_backlinks"


def _imports(path: Path) -> set:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "folder, forbidden",
    [
        ("core", ("mkdocs_backlinks.plugin", "mkdocs_backlinks.command", "mkdocs.structure", "mkdocs.plugins")),
        ("plugin", ("mkdocs_backlinks.command",)),
        ("command", ("mkdocs_backlinks.plugin", "mkdocs.structure", "mkdocs.plugins")),
    ],
)
def test_imports_follow_the_layout(folder, forbidden):
    files = sorted((PACKAGE / folder).glob("*.py"))
    assert files, folder
    wrong = {
        f"{path.name} imports {name}"
        for path in files
        for name in _imports(path)
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    }
    assert not wrong


def test_importing_the_core_loads_no_mkdocs_structure():
    # mkdocs.config (the options) loads mkdocs.plugins for its own option types; only the
    # structure of a build (pages, files, nav) and the front ends must stay out.
    code = (
        "import sys, mkdocs_backlinks.core.site, mkdocs_backlinks.core.audit;"
        "print(sorted(m for m in sys.modules if m.startswith(('mkdocs.structure', 'mkdocs_backlinks.plugin', 'mkdocs_backlinks.command'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
