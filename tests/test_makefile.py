"""`make test` runs on any machine: Chromium is installed where that needs no password (root with
apt-get), and elsewhere the browser tests are skipped with one line saying how to get them.

The Makefile's `chromium` step runs with a PATH of stand-ins only: `id` answers as root or as a
user, `apt-get` records how it was called, `chromium` is there or not.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Dict

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKE = shutil.which("make")

pytestmark = pytest.mark.skipif(MAKE is None, reason="needs make")


def stand_ins(folder: Path, tools: Dict[str, str]) -> Path:
    """A folder of executable scripts, one per tool, each running the shell code given."""
    folder.mkdir()
    for name, code in tools.items():
        path = folder / name
        path.write_text(f"#!/bin/sh\n{code}\n", encoding="utf-8")
        path.chmod(0o755)
    return folder


def make_chromium(tmp_path: Path, tools: Dict[str, str]) -> subprocess.CompletedProcess:
    assert MAKE is not None
    bin_dir = stand_ins(tmp_path / "bin", tools)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path), "LOG": str(tmp_path / "apt.log")}
    return subprocess.run(
        [MAKE, "--no-print-directory", "-C", str(ROOT), "chromium"], env=env, capture_output=True, text=True
    )


APT = 'echo "$@" >> "$LOG"'


@pytest.mark.parametrize(
    "tools, installs, says",
    [
        # A user without root, apt-get there or not: nothing asked, one line on how to get them.
        ({"id": "echo 1000", "apt-get": APT}, False, "the browser tests are skipped"),
        ({"id": "echo 1000"}, False, "the browser tests are skipped"),
        # Root without apt-get (another distribution): the same.
        ({"id": "echo 0"}, False, "the browser tests are skipped"),
        # Root with apt-get (CI): installed.
        ({"id": "echo 0", "apt-get": APT}, True, ""),
        # Chromium there already: nothing to do, whoever runs it.
        ({"id": "echo 1000", "chromium": "true"}, False, ""),
        ({"id": "echo 0", "apt-get": APT, "chromium-browser": "true"}, False, ""),
    ],
    ids=["user", "user-no-apt", "root-no-apt", "root-apt", "present", "present-root"],
)
def test_chromium_is_installed_or_the_browser_tests_are_skipped(tmp_path, tools, installs, says):
    result = make_chromium(tmp_path, tools)
    assert result.returncode == 0, result.stderr
    log = tmp_path / "apt.log"
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    assert calls == (["update -q", "install -y -q chromium"] if installs else [])
    lines = result.stdout.strip().splitlines()
    if says:
        assert len(lines) == 1 and says in lines[0] and "install Chromium" in lines[0], result.stdout
    else:
        assert not any("skipped" in line for line in lines), result.stdout


def test_make_test_never_calls_sudo():
    """No recipe of the Makefile runs sudo (it would stop to ask for a password)."""
    recipes = [line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if line.startswith("\t")]
    assert not [line for line in recipes if "sudo " in line.replace("'sudo apt-get install chromium'", "")]
