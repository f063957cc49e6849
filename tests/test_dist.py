"""The package as a user gets it: `make dist`'s sdist and wheel, the wheel installed into a fresh
virtualenv, and the example site built with that virtualenv's `mkdocs`.

Marked `install` because it is the slowest module of the suite: it builds the sdist and the wheel
(`build` fetches hatchling into an isolated environment), creates a virtualenv and pip-installs
the wheel with MkDocs and Material into it: tens of seconds, mostly pip, less once pip's cache is
warm. It does so once for the whole module. The virtualenv is deliberately not made with
`--system-site-packages`: the project's own editable install would then hide a file missing from
the wheel.

Nothing is written into the repository: the sources are copied to a temporary folder first (with
local clutter planted beside them, to check that the sdist leaves it out), and so is the example
site.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Dict, List, Set

import jsonschema
import pytest

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "mkdocs_backlinks"
DISTRIBUTION = "mkdocs-backlinks-plugin"

# What the plugin reads from its own folder at build time, named here so that the test fails if
# one of them is lost from the sources as well as from the wheel.
DATA_FILES = [
    "mkdocs_backlinks/templates/backlinks/panel.html",
    "mkdocs_backlinks/templates/backlinks/report.html",
    "mkdocs_backlinks/assets/backlinks.css",
    "mkdocs_backlinks/link-graph.schema.json",
    "mkdocs_backlinks/py.typed",
]

# Local output a developer's checkout holds (virtualenvs, built sites, benchmark output, caches):
# none of it belongs in the sdist. Each is planted in the copied sources before building.
CLUTTER = [
    ".venv-py39/lib/site.py",
    "example_site/.venv-docs/pyvenv.cfg",
    ".compat/material/pyvenv.cfg",
    "example_site/site/index.html",
    "benchmarks/out/site-1000/mkdocs.yml",
    "benchmarks/results/run.json",
    "mkdocs_backlinks/__pycache__/plugin.cpython-311.pyc",
    "tests/__pycache__/conftest.cpython-311.pyc",
    ".pytest_cache/README.md",
]

# What the suite needs to run from the sdist, beside the package itself.
SDIST_NEEDS = [
    "pyproject.toml",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    "Makefile",
    "tests/conftest.py",
    "tests/test_dist.py",
    "example_site/mkdocs.yml",
    "example_site/docs/index.md",
    "benchmarks/generate.py",
    "benchmarks/check.py",
]


def run(args: List[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run a command with nothing of the repository on its path; fail the test with its output."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's banner about MkDocs 2.0 is not about this project
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def package_files() -> Set[str]:
    """Every file of the package folder in the sources, as paths relative to the repository."""
    files = set()
    for path in (ROOT / PACKAGE).rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files.add(path.relative_to(ROOT).as_posix())
    return files


def copy_sources(target: Path) -> Path:
    """Copy the checkout (without its git data and local output) to `target`, then plant CLUTTER."""
    shutil.copytree(
        ROOT,
        target,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv*",
            ".compat",
            "dist",
            "build",
            "site",
            "out",
            "results",
            "__pycache__",
            ".pytest_cache",
            ".hypothesis",
        ),
    )
    for name in CLUTTER:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_text("clutter\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Path]:
    """The sdist and the wheel, built as `make dist` builds them (the wheel from the sdist)."""
    sources = copy_sources(tmp_path_factory.mktemp("sources") / "checkout")
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(sources)], cwd=out)
    sdists = sorted(out.glob("mkdocs_backlinks_plugin-*.tar.gz"))
    wheels = sorted(out.glob("mkdocs_backlinks_plugin-*-py3-none-any.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, sorted(p.name for p in out.iterdir())
    return {"sdist": sdists[0], "wheel": wheels[0]}


def fresh_venv(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    home = tmp_path_factory.mktemp(name)
    run([sys.executable, "-m", "venv", str(home)], cwd=home)
    return home


def pip_install(venv: Path, *requirements: str) -> None:
    # pip's own cache is on: the wheel is built once, the registry's files are fetched once.
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", *requirements], cwd=venv)


@pytest.fixture(scope="module")
def venv(dist: Dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv holding the wheel installed as the README tells plugin users (with the
    `mkdocs` extra), and the example site's theme."""
    home = fresh_venv(tmp_path_factory, "venv")
    pip_install(home, f"{dist['wheel']}[mkdocs]", "mkdocs-material")
    return home


def sdist_members(sdist: Path) -> Set[str]:
    """The sdist's file names, without the leading `name-version/` folder."""
    with tarfile.open(sdist) as archive:
        return {member.name.split("/", 1)[1] for member in archive.getmembers() if member.isfile()}


def test_sdist_holds_the_sources_and_no_local_output(dist: Dict[str, Path]) -> None:
    """The sdist holds the package, the tests and what they read, and none of the clutter."""
    members = sdist_members(dist["sdist"])
    missing = (package_files() | set(SDIST_NEEDS)) - members
    assert not missing, f"missing from the sdist: {sorted(missing)}"
    shipped_clutter = [name for name in CLUTTER if name in members]
    assert not shipped_clutter, f"local output in the sdist: {shipped_clutter}"
    assert not [name for name in members if "__pycache__" in name or name.endswith(".pyc")]


def installed(venv: Path, code: str) -> str:
    """Run `code` with the virtualenv's Python, from inside the virtualenv (never the repo)."""
    return run([str(venv / "bin" / "python"), "-c", code], cwd=venv).stdout


def test_wheel_installs_every_file_of_the_package(venv: Path) -> None:
    """The installed distribution holds exactly the package folder's files, data files included,
    imported from the virtualenv and registered as the `backlinks` plugin."""
    report = json.loads(
        installed(
            venv,
            f"""if True:
        import json, importlib.metadata as metadata, {PACKAGE}
        dist = metadata.distribution("{DISTRIBUTION}")
        print(json.dumps({{
            "files": [str(f) for f in dist.files],
            "module": {PACKAGE}.__file__,
            "plugins": [e.value for e in dist.entry_points if e.group == "mkdocs.plugins" and e.name == "backlinks"],
        }}))
    """,
        )
    )
    files = {name for name in report["files"] if name.startswith(PACKAGE + "/") and "__pycache__" not in name}
    expected = package_files()
    assert set(DATA_FILES) <= expected, "a data file is missing from the sources themselves"
    assert files == expected, (
        f"missing from the wheel: {sorted(expected - files)}; not in the sources: {sorted(files - expected)}"
    )
    assert Path(report["module"]).resolve().is_relative_to(venv.resolve()), report["module"]
    assert report["plugins"] == ["mkdocs_backlinks.plugin:BacklinksPlugin"]


def test_example_site_builds_with_the_installed_wheel(venv: Path, tmp_path: Path) -> None:
    """The example site (Material, every check at `error`, graph and report on) builds --strict
    with the installed plugin: panels in the pages, its stylesheet in the site, and a link graph
    valid against the schema the wheel installed."""
    project = tmp_path / "example_site"
    shutil.copytree(ROOT / "example_site", project, ignore=shutil.ignore_patterns("site"))
    out = tmp_path / "out"
    run([str(venv / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(out)], cwd=project)

    page = (out / "guide" / "configuration" / "index.html").read_text(encoding="utf-8")
    assert '<aside class="backlinks"' in page
    assert 'href="../../assets/backlinks.css"' in page
    assert (out / "assets" / "backlinks.css").read_bytes() == (ROOT / PACKAGE / "assets" / "backlinks.css").read_bytes()
    assert (out / "link-report.html").is_file()

    schema_path = installed(venv, f"import {PACKAGE}.core.export as e; print(e.SCHEMA_FILE)").strip()
    assert Path(schema_path).resolve().is_relative_to(venv.resolve()), schema_path
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((out / "links.json").read_text(encoding="utf-8")), schema)


def installed_version(venv: Path, distribution: str) -> str:
    return installed(venv, f"import importlib.metadata as m; print(m.version({distribution!r}))").strip()


def test_the_wheel_installs_beside_mkdocs_2_and_the_command_runs_there(dist: Dict[str, Path], tmp_path_factory) -> None:
    """Where MkDocs 2.0 (a pre-release) is installed, installing the wheel keeps it, and the
    command from the same virtualenv adds the panels to what that MkDocs built."""
    home = fresh_venv(tmp_path_factory, "venv-mkdocs2")
    pip_install(home, "--pre", "mkdocs==2.0.dev6")
    pip_install(home, str(dist["wheel"]))
    assert installed_version(home, "mkdocs") == "2.0.dev6"
    assert installed_version(home, DISTRIBUTION)

    # MkDocs 2.0 reads no config file and refuses to run beside a mkdocs.yml: the pages alone.
    project = tmp_path_factory.mktemp("mkdocs2-site")
    shutil.copytree(ROOT / "example_site" / "docs", project / "docs")
    run([str(home / "bin" / "mkdocs"), "build", "--dir", "docs", "--output", "site"], cwd=project)
    result = run([str(home / "bin" / "mkdocs-backlinks"), "site"], cwd=project)
    assert "Traceback" not in result.stderr
    pages = [path.read_text(encoding="utf-8") for path in (project / "site").rglob("*.html")]
    assert sum('<aside class="backlinks"' in page for page in pages) >= 5
    assert (project / "site" / "assets" / "backlinks.css").is_file()
