"""Paths to the generators the post-build command serves, each in the venv the Makefile makes
(`make generators`, done by `make test`)."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path
from typing import Dict

import pytest

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
