"""The package's layout holds: the core and the post-build command know nothing of MkDocs (the
command runs where MkDocs 2.0, or no MkDocs, is installed); the core knows no front end; the two
front ends never import each other."""

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
        ("core", ("mkdocs_backlinks.plugin", "mkdocs_backlinks.command", "mkdocs")),
        ("plugin", ("mkdocs_backlinks.command",)),
        ("command", ("mkdocs_backlinks.plugin", "mkdocs")),
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


# Python run with `mkdocs` made unimportable, as where MkDocs is not installed: an entry of None
# in sys.modules makes `import mkdocs` (and any `mkdocs.x`) raise ImportError.
WITHOUT_MKDOCS = "import sys; sys.modules['mkdocs'] = None; "


def test_importing_the_core_and_the_command_loads_no_mkdocs():
    code = (
        "import sys, mkdocs_backlinks.core.site, mkdocs_backlinks.core.audit, mkdocs_backlinks.command.cli;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs' or m.startswith('mkdocs_backlinks.plugin')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_command_runs_where_mkdocs_cannot_be_imported(tmp_path):
    """`mkdocs-backlinks --help`, then a run over a small built site, with MkDocs unimportable."""
    run = "from mkdocs_backlinks.command.cli import main; sys.exit(main(sys.argv[1:]))"
    helped = subprocess.run([sys.executable, "-c", WITHOUT_MKDOCS + run, "--help"], capture_output=True, text=True)
    assert helped.returncode == 0, helped.stderr
    assert "SITE_DIR" in helped.stdout
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    page = "<!doctype html><html><head><title>{0}</title></head><body><main><h1>{0}</h1>{1}</main></body></html>"
    (site / "index.html").write_text(page.format("Home", '<p><a href="a/">A</a></p>'), encoding="utf-8")
    (site / "a" / "index.html").write_text(page.format("A", '<p><a href="../">Home</a></p>'), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_MKDOCS + run, "site"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert 'class="backlinks"' in (site / "a" / "index.html").read_text(encoding="utf-8")
