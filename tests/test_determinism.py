"""Same input, same bytes: the example site and a benchmark site built twice with the plugin are
identical; and 50 serve-style rebuilds with edits in between always give the panels
of a fresh build, with flat memory."""

from __future__ import annotations

import gc
import pathlib
import random
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from conftest import REPO, ServeLoop, content_digest, find_panel, mkdocs_build


def panel_in(page: Path):
    return find_panel(page.read_text(encoding="utf-8"), str(page))


def test_example_site_builds_byte_identical(tmp_path):
    mkdocs_build(REPO / "example_site" / "mkdocs.yml", tmp_path / "one")
    mkdocs_build(REPO / "example_site" / "mkdocs.yml", tmp_path / "two")
    assert content_digest(tmp_path / "one") == content_digest(tmp_path / "two")
    # The builds compared hold panels: pages several others link to, the homepage among them.
    for page in ("index.html", "guide/panel/index.html", "guide/configuration/index.html"):
        assert panel_in(tmp_path / "one" / page) is not None, page


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_benchmark_site_builds_byte_identical(tmp_path, directory_urls):
    site = tmp_path / "wiki"
    args = [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(site), "--pages", "150", "--seed", "7"]
    subprocess.run(args + ([] if directory_urls else ["--no-directory-urls"]), check=True, capture_output=True)
    mkdocs_build(site / "mkdocs.yml", tmp_path / "one")
    mkdocs_build(site / "mkdocs.yml", tmp_path / "two")
    assert content_digest(tmp_path / "one") == content_digest(tmp_path / "two")
    assert sum(panel_in(p) is not None for p in (tmp_path / "one").rglob("*.html")) > 50


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
    """The panel of every page of the soak site, by source."""
    return {
        page: panel_in(site_dir / ("index.html" if page == "index.md" else f"{page[:-3]}/index.html"))
        for page in ["index.md", *PAGES]
    }


# Bytes are traced over the last rebuilds only (from TRACED_FROM on): tracing makes a build about
# six times slower, and a leak of per-build state grows by the same amount on every rebuild.
TRACED_FROM = 29
LEAK_PER_REBUILD = 12_500
"""Bytes a rebuild may leave allocated on average, about one page's scan of this site."""


def test_fifty_serve_rebuilds_match_fresh_builds_with_flat_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    rng = random.Random(6)
    links = {page: set(rng.sample(PAGES, 3)) - {page} for page in PAGES}
    served = tmp_path / "served"
    write_site(served, links)
    objects, memory = [], []
    try:
        with ServeLoop(served / "mkdocs.yml", serve_url="http://127.0.0.1:8000/") as server:
            for round in range(50):
                if round == TRACED_FROM:
                    tracemalloc.start()
                config = server.rebuild()  # a fresh config, as serve loads on every change
                assert config.plugins["backlinks"] is server.plugins["backlinks"]
                # The panels every page shows match the links as they stand now: a page is
                # listed on the pages it links to.
                shown = panels(served / "site")
                for page in PAGES:
                    sources = sorted(src for src in PAGES if page in links[src]) + (
                        ["index.md"] if page in PAGES[:3] else []
                    )
                    assert (shown[page] or "").count('class="backlinks__link"') == len(sources), (round, page)
                if round in (9, 29, 49):
                    # A fresh `mkdocs build` (new process, new plugin) of the same files: same panels.
                    fresh = tmp_path / f"fresh{round}"
                    shutil.copytree(served / "docs", fresh / "docs")
                    shutil.copy(served / "mkdocs.yml", fresh / "mkdocs.yml")
                    mkdocs_build(fresh / "mkdocs.yml", fresh / "site")
                    assert panels(fresh / "site") == shown, round
                if round >= 9:
                    gc.collect()
                    objects.append(len(gc.get_objects()))
                if round >= TRACED_FROM and round % 10 == 9:
                    memory.append(traced_bytes())
                # An edit: one page gains a link, another loses one.
                page, target = rng.choice(PAGES), rng.choice(PAGES)
                if target != page:
                    links[page].symmetric_difference_update({target})
                write_site(served, links)
    finally:
        tracemalloc.stop()
    # Flat: what is still allocated after rebuild 50 is what it was after rebuild 10 (objects)
    # and 30 (bytes). A leak of per-build state, such as keeping each build's pages or graph,
    # grows with every rebuild: keeping each build's linked site adds ~170 objects a rebuild.
    print(f"objects after rebuilds 10, 20, .. 50: {objects[::10]}; traced bytes after 30, 40, 50: {memory}")
    assert objects[-1] - objects[0] < 200, f"objects grew over 40 rebuilds: {objects[::5]}"
    assert memory[-1] - memory[0] < LEAK_PER_REBUILD * (49 - TRACED_FROM), (
        f"grew over {49 - TRACED_FROM} rebuilds: {memory}"
    )


def traced_bytes() -> int:
    """Bytes allocated and still held, leaving out the interpreter's table of interned strings:
    pathlib interns every path part, and the table's one-time resize (~2 MB once enough paths
    were seen in the whole test session) is no one's leak."""
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, pathlib.__file__)])
    return sum(stat.size for stat in snapshot.statistics("filename"))
