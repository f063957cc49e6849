"""Same input, same bytes: the example site and a benchmark site built twice with the plugin are
identical (`diff -r`); and 50 serve-style rebuilds with edits in between always give the panels
of a fresh build, with flat memory."""

from __future__ import annotations

import gc
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
PANEL = re.compile(r'<aside class="backlinks".*?</aside>', re.S)


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def assert_identical(first: Path, second: Path) -> None:
    diff = subprocess.run(["diff", "-r", str(first), str(second)], capture_output=True, text=True)
    assert diff.returncode == 0, diff.stdout[:2000]


def test_example_site_builds_byte_identical(tmp_path):
    mkdocs_build(ROOT / "example_site" / "mkdocs.yml", tmp_path / "one")
    mkdocs_build(ROOT / "example_site" / "mkdocs.yml", tmp_path / "two")
    assert_identical(tmp_path / "one", tmp_path / "two")
    assert 'class="backlinks"' in (tmp_path / "one" / "index.html").read_text(encoding="utf-8") or any(
        'class="backlinks"' in p.read_text(encoding="utf-8") for p in (tmp_path / "one").rglob("*.html")
    )


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_benchmark_site_builds_byte_identical(tmp_path, directory_urls):
    site = tmp_path / "wiki"
    args = [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(site), "--pages", "150", "--seed", "7"]
    subprocess.run(args + ([] if directory_urls else ["--no-directory-urls"]), check=True, capture_output=True)
    mkdocs_build(site / "mkdocs.yml", tmp_path / "one")
    mkdocs_build(site / "mkdocs.yml", tmp_path / "two")
    assert_identical(tmp_path / "one", tmp_path / "two")
    assert sum('class="backlinks"' in p.read_text(encoding="utf-8") for p in (tmp_path / "one").rglob("*.html")) > 50


# --- 50 rebuilds as `mkdocs serve` does them ----------------------------------------------------

PAGES = [f"p{i}.md" for i in range(12)]


def write_site(root: Path, links: dict) -> None:
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        body = " ".join(f"[{t}]({t})" for t in sorted(links[page]))
        (docs / page).write_text(f"# Page {page}\n\nText {body}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\n" + " ".join(f"[{p}]({p})" for p in PAGES[:3]) + "\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Soak\nplugins:\n  - search\n  - backlinks:\n      orphans: ignore\n      unreachable: ignore\n"
    )


def panels(site_dir: Path) -> dict:
    found = {}
    for page in ["index.md", *PAGES]:
        name = "index.html" if page == "index.md" else f"{page[:-3]}/index.html"
        match = PANEL.search((site_dir / name).read_text(encoding="utf-8"))
        found[page] = match.group() if match else None
    return found


def test_fifty_serve_rebuilds_match_fresh_builds_with_flat_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    rng = random.Random(6)
    links = {page: set(rng.sample(PAGES, 3)) - {page} for page in PAGES}
    served = tmp_path / "served"
    write_site(served, links)
    config_file = str(served / "mkdocs.yml")
    first = load_config(config_file=config_file)
    first.plugins.on_startup(command="serve", dirty=False)
    plugin = first.plugins["backlinks"]
    memory = []
    tracemalloc.start()
    try:
        for round in range(50):
            config = load_config(config_file=config_file)  # what serve does on every change
            assert config.plugins["backlinks"] is plugin
            build(config, serve_url="http://127.0.0.1:8000/")
            # The panels every page shows match the links as they stand now: a page is listed
            # on the pages it links to.
            for page in PAGES:
                sources = sorted(src for src in PAGES if page in links[src]) + (["index.md"] if page in PAGES[:3] else [])
                html = panels(served / "site")[page] or ""
                assert html.count('class="backlinks__link"') == len(sources), (round, page)
            if round in (9, 29, 49):
                # A fresh `mkdocs build` (new process, new plugin) of the same files: same panels.
                fresh = tmp_path / f"fresh{round}"
                shutil.copytree(served / "docs", fresh / "docs")
                shutil.copy(served / "mkdocs.yml", fresh / "mkdocs.yml")
                mkdocs_build(fresh / "mkdocs.yml", fresh / "site")
                assert panels(fresh / "site") == panels(served / "site"), round
            if round >= 9:
                gc.collect()
                memory.append(traced_bytes())
            # An edit: one page gains a link, another loses one.
            page, target = rng.choice(PAGES), rng.choice(PAGES)
            if target != page:
                links[page].symmetric_difference_update({target})
            write_site(served, links)
    finally:
        tracemalloc.stop()
        first.plugins.on_shutdown()
    # Flat: what is still allocated after rebuild 50 is what it was after rebuild 10 (a leak of
    # per-build state, such as keeping each build's pages, grows with every rebuild).
    print(f"traced memory after rebuilds 10, 20, .. 50: {memory[::10]}")
    assert memory[-1] - memory[0] < 500_000, f"grew over 40 rebuilds: {memory[::5]}"


def traced_bytes() -> int:
    """Bytes allocated and still held, leaving out the interpreter's table of interned strings:
    pathlib interns every path part, and the table's one-time resize (~2 MB once enough paths
    were seen in the whole test session) is no one's leak."""
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, pathlib.__file__)])
    return sum(stat.size for stat in snapshot.statistics("filename"))
