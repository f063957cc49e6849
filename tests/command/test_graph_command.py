"""The graph views from the post-build command on a site Zensical built: the local graph in each
panel, the site graph page, and nothing written with `--check`."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import find_panel, source_of_href
from mkdocs_backlinks.command.cli import main

from .conftest import run, write_docs

DOCS = {
    "index.md": "# Home\n\nSee [the guide](guide.md).\n",
    "guide.md": "# The guide\n\nBack [home](index.md), on to [more](more.md).\n",
    "more.md": "# More\n\nNothing links on.\n",
}
PAGES = {"": "index.md", "guide/": "guide.md", "more/": "more.md"}
"""Where Zensical publishes each page (decoded site URL -> source)."""
NODE = re.compile(r'<a xmlns="http://www.w3.org/1999/xhtml" class="backlinks__graph-link[^"]*" href="([^"]*)"')


def _build(tmp_path: Path, zensical: Path) -> Path:
    write_docs(tmp_path, DOCS)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Graphs\nplugins:\n  - backlinks:\n      local_graph: true\n      graph_page: graph.html\n",
        encoding="utf-8",
    )
    run([zensical, "build"], tmp_path)
    return tmp_path / "site"


def test_command_draws_the_local_graph_on_a_zensical_site(tmp_path, zensical, monkeypatch):
    site = _build(tmp_path, zensical)
    monkeypatch.chdir(tmp_path)
    assert main(["site", "--check", "-q"]) == 0
    assert not (site / "graph.html").exists()
    assert "backlinks__graph" not in (site / "guide" / "index.html").read_text(encoding="utf-8")
    assert main(["site", "-q"]) == 0
    panel = find_panel((site / "guide" / "index.html").read_text(encoding="utf-8"), "guide/index.html")
    assert panel is not None
    svg = re.search(r'<svg class="backlinks__graph".*?</svg>', panel, re.S).group(0)
    # Home links here and is linked from here; More is linked from here; each href is a built page.
    assert all((site / url / "index.html").is_file() for url in PAGES)
    reached = sorted(source_of_href(href, "guide/", PAGES, directory_urls=True) for href in NODE.findall(svg))
    assert reached == ["index.md", "more.md"]
    assert (site / "graph.html").is_file() and (site / "backlinks-site-graph.js").is_file()
    # A second run changes nothing: the graph page is not read as a page, panels are replaced.
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    assert main(["site", "-q"]) == 0
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == before
