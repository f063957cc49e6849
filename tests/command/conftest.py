"""Paths to the generators the post-build command serves, each in the venv the Makefile makes
(`make generators`, done by `make test`), and what the command's tests share: builds by them and
by MkDocs 1.6, the command run on a site, a built site's pages and panels."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Dict, List, Optional

import pytest
import yaml

from conftest import PanelEntry, read_panel

REPO = Path(__file__).resolve().parents[2]


def _executable(venv: str, name: str) -> Path:
    path = REPO / venv / "bin" / name
    if not path.is_file():
        pytest.skip(f"{venv} is missing: run `make generators` (`make test` makes it)")
    return path


@pytest.fixture(scope="session")
def zensical() -> Path:
    """The `zensical` executable of .venv-zensical."""
    return _executable(".venv-zensical", "zensical")


@pytest.fixture(scope="session")
def mkdocs2() -> Path:
    """The `mkdocs` 2.0 pre-release executable of .venv-mkdocs2."""
    return _executable(".venv-mkdocs2", "mkdocs")


def write_docs(root: Path, docs: Dict[str, str]) -> Path:
    """Write Markdown files under root/docs (dedented) and return that folder."""
    for path, text in docs.items():
        file = root / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "docs"


def run(args, cwd: Path) -> None:
    """Run a generator; fail the test with its output when it fails."""
    env = dict(os.environ, NO_COLOR="1")
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")


EXAMPLE = REPO / "example_site"
BROKEN_HTML_LINK = '- raw HTML with the built URL: <a href="../../guide/configuration/">configuration</a>;\n'
"""A line of the example site that Zensical renders differently from MkDocs (see
`test_zensical_resolves_relative_hrefs_in_raw_html_from_the_source_folder`)."""


def copy_example(root: Path, directory_urls: bool = True, drop_raw_html_link: bool = False, **options) -> Path:
    """The example site copied to `root` (mkdocs.yml and docs/), optionally with file URLs (and
    broken links only warned about: the example writes some built URLs of directory mode) and
    other backlinks options; returns `root`."""
    shutil.copytree(EXAMPLE / "docs", root / "docs")
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = next(p["backlinks"] for p in config["plugins"] if isinstance(p, dict) and "backlinks" in p)
    if not directory_urls:
        config["use_directory_urls"] = False
        plugin["broken_links"] = "warn"
    plugin.update(options)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if drop_raw_html_link:
        forms = root / "docs" / "reference" / "link-forms.md"
        text = forms.read_text(encoding="utf-8")
        assert BROKEN_HTML_LINK in text
        forms.write_text(text.replace(BROKEN_HTML_LINK, ""), encoding="utf-8")
    return root


def zensical_build(zensical: Path, root: Path) -> Path:
    """`zensical build` in `root` (it reads mkdocs.yml there); returns the site folder."""
    run([zensical, "build"], root)
    return root / "site"


def command(*args, cwd: Path) -> subprocess.CompletedProcess:
    """The post-build command, run as `python -m mkdocs_backlinks` with this interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_backlinks", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_COLOR="1"),
        timeout=300,
    )


def zensical_and_command(zensical: Path, root: Path, *options: str) -> Path:
    """`zensical build` in `root`, then the command on its site with `options` (it must
    succeed); returns the site folder."""
    site = zensical_build(zensical, root)
    result = command("site", *options, cwd=root)
    assert result.returncode == 0, result.stderr
    return site


def mkdocs16_build(root: Path, *options: str) -> Path:
    """`mkdocs build -q` with MkDocs 1.6 (this interpreter's, the plugin's MkDocs) in `root`
    with `options` (it must succeed); returns the site folder."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *options, "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


def site_pages(site: Path) -> List[str]:
    """The site paths of the HTML files of a built site, sorted."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def site_panels(site: Path) -> Dict[str, Optional[List[PanelEntry]]]:
    """Each HTML file of a built site -> its panel's entries (None without a panel)."""
    return {page: read_panel((site / page).read_text(encoding="utf-8")) for page in site_pages(site)}


def tree_digest(root: Path) -> Dict[str, str]:
    """Every file, folder and symlink under `root` -> a digest of its bytes, mode or target: two
    equal digests mean nothing was written, created, removed or re-moded."""
    out: Dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[key] = "-> " + os.readlink(path)
        elif path.is_dir():
            out[key] = f"dir {path.stat().st_mode:o}"
        else:
            out[key] = f"{path.stat().st_mode:o} " + hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def temp_files(root: Path) -> list:
    """The command's temporary files left under `root` (there must be none)."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(".backlinks-*.tmp"))
