"""Helpers for the compatibility matrix (`make compat`, see run.py).

These tests run only inside an environment made by run.py (`BACKLINKS_COMPAT` names it), and
build every site with that environment's real command line, as users do.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Dict, List, Optional
from urllib.parse import unquote, urljoin

import pytest
import yaml

ENVIRONMENT = os.environ.get("BACKLINKS_COMPAT")
PANEL = re.compile(r'<aside class="backlinks".*?</aside>', re.S)
PANEL_LINK = re.compile(r'<a class="backlinks__link" href="([^"]*)"')


def pytest_ignore_collect(collection_path, config):
    # The matrix needs its own virtualenvs: outside them (`make test`) nothing here is collected.
    if not ENVIRONMENT:
        return True
    name = Path(str(collection_path)).name
    return name.startswith("test_") and name != f"test_{ENVIRONMENT.replace('-', '_')}.py"


class BuiltSite:
    def __init__(self, root: Path, result: subprocess.CompletedProcess) -> None:
        self.root = root
        self.result = result
        self.log = result.stderr + result.stdout

    def html(self, url: str) -> str:
        path = self.root / "site" / unquote(url)
        if url == "" or url.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def panel(self, url: str) -> Optional[str]:
        found = PANEL.findall(self.html(url))
        assert len(found) <= 1, f"{url} has {len(found)} panels"
        return found[0] if found else None

    def backlinks(self, url: str) -> List[str]:
        """The site URLs (as `guide/`) of the pages the panel on `url` lists."""
        base = "http://h/" + url
        return [
            unquote(urljoin(base, html.unescape(href)))[len("http://h/") :]
            for href in PANEL_LINK.findall(self.panel(url) or "")
        ]


def command() -> List[str]:
    if ENVIRONMENT == "properdocs":
        return [str(Path(sys.executable).with_name("properdocs"))]
    return [sys.executable, "-m", "mkdocs"]


@pytest.fixture
def build(tmp_path):
    """`build(docs, config, *args)`: write a site, run `<mkdocs|properdocs> build --strict`."""
    counter = iter(range(100))

    def factory(docs: Dict[str, str], config: dict, *args: str, check: bool = True) -> BuiltSite:
        root = tmp_path / f"site{next(counter)}"
        for path, text in docs.items():
            file = root / "docs" / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        config = {"site_name": "Compat", **config}
        if ENVIRONMENT == "properdocs":
            config.setdefault("theme", {"name": "mkdocs"})  # ProperDocs wants it said
        (root / ("properdocs.yml" if ENVIRONMENT == "properdocs" else "mkdocs.yml")).write_text(
            yaml.safe_dump(config, allow_unicode=True), encoding="utf-8"
        )
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SOURCE_DATE_EPOCH="1700000000")
        result = subprocess.run(
            [*command(), "build", "--strict", *args], cwd=root, capture_output=True, text=True, env=env
        )
        site = BuiltSite(root, result)
        if check:
            assert result.returncode == 0, site.log
            assert "Traceback" not in site.log, site.log
        return site

    return factory
