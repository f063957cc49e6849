"""Run the compatibility matrix: one virtualenv per environment, so versions never clash.

    python tests/compat/run.py            # every environment
    python tests/compat/run.py material   # only the ones named

Each environment lives in `.compat/<name>/` (git-ignored) and holds the plugin (editable), pytest
and that environment's packages, pinned to the versions the matrix was last run with. A venv is
rebuilt only when its package list changes. Its tests are `tests/compat/test_<name>.py` (with
`_` for `-`), which build real sites with the real command line of that environment.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[2]
HOME = ROOT / ".compat"

# name -> packages installed beside the plugin. Pinned: bump them on purpose, then rerun.
ENVIRONMENTS: Dict[str, List[str]] = {
    "mkdocs15": ["mkdocs==1.5.3"],
    "mkdocs16": ["mkdocs==1.6.1"],
    "properdocs": ["properdocs==1.6.7", "properdocs-theme-mkdocs==1.6.7"],
    "material": ["mkdocs==1.6.1", "mkdocs-material==9.8.1"],
    "autorefs": ["mkdocs==1.6.1", "mkdocs-autorefs==1.4.5"],
    "roamlinks": ["mkdocs==1.6.1", "mkdocs-roamlinks-plugin==0.3.2"],
    "redirects": ["mkdocs==1.6.1", "mkdocs-redirects==1.2.3"],
    "i18n": ["mkdocs==1.6.1", "mkdocs-static-i18n==1.3.1"],
    "literate_nav": ["mkdocs==1.6.1", "mkdocs-literate-nav==0.6.3"],
    "section-index": ["mkdocs==1.6.1", "mkdocs-literate-nav==0.6.3", "mkdocs-section-index==0.3.12"],
    "gen_files": ["mkdocs==1.6.1", "mkdocs-gen-files==0.6.1", "mkdocs-literate-nav==0.6.3"],
    "awesome_nav": ["mkdocs==1.6.1", "mkdocs-awesome-nav==3.3.0"],
    "awesome_pages": ["mkdocs==1.6.1", "mkdocs-awesome-pages-plugin==2.10.1"],
    "macros": ["mkdocs==1.6.1", "mkdocs-macros-plugin==1.5.0"],
}

BASE = ["pytest>=7"]


def ensure_venv(name: str, packages: List[str]) -> Path:
    """The environment's python, (re)creating the venv when its package list changed."""
    home = HOME / name
    python = home / "bin" / "python"
    stamp = home / ".installed"
    wanted = hashlib.sha256("\n".join(BASE + packages).encode()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    print(f"[{name}] creating {home.relative_to(ROOT)} with {' '.join(packages)}", flush=True)
    venv.EnvBuilder(clear=True, with_pip=True).create(home)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # Everything in one resolver run, so the environment's pins win over the plugin's ranges.
    # The plugin with its `mkdocs` extra, as its users install it.
    subprocess.run(pip + ["-e", f"{ROOT}[mkdocs]", *BASE, *packages], check=True)
    stamp.write_text(wanted)
    return python


def tests_of(name: str) -> str:
    """The file of an environment's tests: a module name, so `-` becomes `_`."""
    return f"test_{name.replace('-', '_')}.py"


def run(name: str) -> bool:
    python = ensure_venv(name, ENVIRONMENTS[name])
    started = time.monotonic()
    env = dict(os.environ, BACKLINKS_COMPAT=name, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    # --confcutdir: the compat tests drive the environment's own command line and do not load
    # tests/conftest.py (which imports MkDocs in-process).
    result = subprocess.run(
        [
            str(python),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--confcutdir",
            str(ROOT / "tests" / "compat"),
            str(ROOT / "tests" / "compat" / tests_of(name)),
        ],
        cwd=ROOT,
        env=env,
    )
    print(
        f"[{name}] {'passed' if result.returncode == 0 else 'FAILED'} in {time.monotonic() - started:.1f}s", flush=True
    )
    return result.returncode == 0


def main(names: List[str]) -> int:
    unknown = [n for n in names if n not in ENVIRONMENTS]
    if unknown:
        print(f"unknown environment(s): {', '.join(unknown)}; known: {', '.join(ENVIRONMENTS)}")
        return 2
    results = {name: run(name) for name in (names or list(ENVIRONMENTS))}
    print("\ncompatibility matrix:")
    for name, ok in results.items():
        print(f"  {name:<14} {'ok' if ok else 'FAILED'}  {' '.join(ENVIRONMENTS[name])}")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
