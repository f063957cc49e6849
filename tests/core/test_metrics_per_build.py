"""Link scores once per build: PageRank runs once whoever asks first (the panels' local graphs,
the export, the report, the site graph), and every output is the same whichever that was."""

from __future__ import annotations

import logging
import random

import pytest

from mkdocs_backlinks.core import metrics
from mkdocs_backlinks.core.audit import audit
from mkdocs_backlinks.core.graph import LinkGraph, PageLinks
from mkdocs_backlinks.core.metrics import link_edges, link_ranks, link_scores, page_metrics
from mkdocs_backlinks.core.pages import PageInfo

from .conftest import linked_site

SITE = {
    "index.md": '<a href="{a.md}">A</a> <a href="{b.md}">B</a> <a href="{c.md}" rel="nofollow">C</a>',
    "a.md": '<a href="{b.md}">B</a> <a href="{index.md}">Home</a>',
    "b.md": '<a href="{c.md}">C</a> <a href="{gone.md}">Gone</a>',
    "c.md": '<a href="{a.md}">A</a> <a href="{a.md}">A again</a>',
    "d.md": "<p>Nobody links here.</p>",
}
WRITTEN = {"graph_file": "links.json", "report_file": "report.html", "graph_page": "graph.html"}


def audited(tmp_path, options, draw_panels):
    """The files the audit writes, with or without every panel (and its local graph) drawn first."""
    site = linked_site(SITE, options={**WRITTEN, **options}, nav=list(SITE))
    if draw_panels:
        for src in SITE:
            site.panel(src)
    log = logging.getLogger("tests.core")
    assert audit(site, site_dir=str(tmp_path), site_name="S", use_directory_urls=True, log=log, serving=False) is None
    return {name: (tmp_path / path).read_bytes() for name, path in WRITTEN.items()}


@pytest.mark.parametrize("count_nofollow", [True, False])
def test_pagerank_runs_once_per_build(tmp_path, monkeypatch, count_nofollow):
    calls = []
    real = metrics.pagerank

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(metrics, "pagerank", counted)
    options = {"local_graph": True, "count_nofollow": count_nofollow}
    written = audited(tmp_path, options, draw_panels=True)
    assert len(calls) == 1
    assert b"backlinks-site-graph.js" in written["graph_page"]


@pytest.mark.parametrize("count_nofollow", [True, False])
def test_the_files_are_the_same_whoever_asks_for_the_scores_first(tmp_path, count_nofollow):
    options = {"local_graph": True, "local_graph_depth": 2, "count_nofollow": count_nofollow}
    after_panels = audited(tmp_path / "panels", options, draw_panels=True)
    alone = audited(tmp_path / "alone", options, draw_panels=False)
    assert after_panels == alone


@pytest.mark.parametrize("count_nofollow", [True, False])
def test_metrics_from_given_ranks_are_the_metrics(count_nofollow):
    """`page_metrics` with the build's ranks gives what it works out alone, on a random graph
    with nofollow links, self-links, repeats, broken links and a draft."""
    rng = random.Random(7)
    names = [f"p{i}.md" for i in range(50)]
    infos = {n: PageInfo(n, n[:-3] + "/", n, i, is_homepage=i == 0, excluded=i == 49) for i, n in enumerate(names)}
    pages = []
    for source in names:
        links = PageLinks()
        for _ in range(rng.randrange(0, 8)):
            links.add(rng.choice(names + ["gone.md"]), rel=("nofollow",) if rng.random() < 0.2 else ())
        pages.append((source, links))
    graph = LinkGraph.build(pages, [], {n: "" for n in names})
    ranks = link_ranks(graph, infos, count_nofollow)
    alone = page_metrics(graph, infos, count_nofollow)
    assert page_metrics(graph, infos, count_nofollow, ranks) == alone
    assert link_scores(ranks) == {src: m.link_score for src, m in alone.items()}
    edges = link_edges(graph, infos, count_nofollow)
    assert list(edges) == sorted(n for n in names if not infos[n].excluded)
    assert {src: len(targets) for src, targets in edges.items()} == {src: m.linked_pages for src, m in alone.items()}
