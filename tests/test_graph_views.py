"""The graph views wired into real MkDocs builds: the local graph in the panel (which pages, hrefs
that a browser resolves to them, the cap, depth 2), the site graph page (every page, flags from
the checks even at `ignore`, sections, links with the report both ways), the options' errors,
and builds with both off unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conftest import REPO, content_digest, mkdocs_build, source_of_href
from mkdocs_backlinks.core.graph_views import Neighbours, neighbourhood
from mkdocs_backlinks.core.labels import panel_labels
from mkdocs_backlinks.core.local_graph import GraphNode
from mkdocs_backlinks.core.panel import make_panel
from test_render import panels, shipped_writer

NODE = re.compile(r'<a xmlns="http://www.w3.org/1999/xhtml" class="backlinks__graph-link[^"]*" href="([^"]*)"')
GRAPH = re.compile(r'<svg class="backlinks__graph".*?</svg>', re.S)
DATA = re.compile(r'<script type="application/json" id="sg-data">(.*?)</script>', re.S)

DOCS = {
    "index.md": "# Home\n\n[Guide](guide/index.md) and [install](guide/install.md).\n",
    "guide/index.md": "# The guide\n\n[Install](install.md), [home](../index.md).\n",
    "guide/install.md": "# Install\n\n[Use](../use.md).\n",
    "use.md": "# Use\n\n[Install](guide/install.md) again.\n",
    "lonely.md": "# Lonely\n\nLinks to [use](use.md) only.\n",
    "tags.md": "---\nbacklinks_from_here: false\n---\n# Tags\n\n[Install](guide/install.md)\n",
}
NAV = [{"Home": "index.md"}, {"Guide": ["guide/index.md", "guide/install.md"]}, "use.md", "tags.md"]
OFF = {"orphans": "ignore", "unreachable": "ignore"}


def sources_by_url(site) -> dict:
    return {site.url_of(src): src for src in site.sources()}


def graph_nodes(site, src: str):
    """The sources of the pages the local graph on `src` links to, resolved as a browser would."""
    panel = site.panel(src) or ""
    svg = GRAPH.findall(panel)
    assert len(svg) <= 1
    by_url = sources_by_url(site)
    hrefs = NODE.findall(svg[0] if svg else "")
    return sorted(source_of_href(href, site.url_of(src), by_url, site.directory_urls) for href in hrefs)


def test_local_graph_links_to_the_pages_around(make_site, directory_urls):
    site = make_site(DOCS, dict(OFF, local_graph=True), use_directory_urls=directory_urls, nav=NAV)
    site.build()
    # In: index, use (tags keeps its links out of panels); out: use. Every href resolves.
    assert graph_nodes(site, "guide/install.md") == ["guide/index.md", "index.md", "use.md"]
    assert graph_nodes(site, "use.md") == ["guide/install.md", "lonely.md"]
    # The graph follows the panel: after its title, before the entries.
    panel = site.panel("use.md")
    assert panel.index("backlinks__title") < panel.index("backlinks__graph") < panel.index("backlinks__list")
    # No panel (nothing links here), no graph: the option does not add panels.
    assert site.panel("lonely.md") is None


def test_local_graph_on_a_page_only_linking_out_shows_with_show_when_empty(make_site):
    site = make_site(DOCS, dict(OFF, local_graph=True, show_when_empty=True), nav=NAV)
    site.build()
    panel = site.panel("lonely.md")
    assert "backlinks__empty" in panel
    assert graph_nodes(site, "lonely.md") == ["use.md"]


def test_local_graph_cap_and_depth_two(make_site):
    docs = {"index.md": "# Hub\n\n" + "".join(f"[p{i}](p{i}.md) " for i in range(8)) + "\n"}
    docs.update({f"p{i}.md": f"# Page {i}\n\n[hub](index.md) [next](p{(i + 1) % 8}.md)\n" for i in range(8)})
    site = make_site(docs, dict(OFF, local_graph=True, local_graph_max_nodes=3))
    site.build()
    svg = GRAPH.findall(site.panel("index.md"))[0]
    assert len(NODE.findall(svg)) == 3 and ">+5 more</text>" in svg
    deep = make_site(docs, dict(OFF, local_graph=True, local_graph_depth=2, local_graph_max_nodes=0))
    deep.build()
    # p0's neighbours: the hub, p1, p7; theirs add every other page, in dashed outer columns.
    assert graph_nodes(deep, "p0.md") == sorted(["index.md"] + [f"p{i}.md" for i in range(1, 8)])
    assert "backlinks__graph-node--far" in deep.panel("p0.md")


def node(key, direction="in", via=()):
    return GraphNode(key, key, key, direction, float(ord(key[-1])), via)


# (id, incoming, outgoing, depth, max_nodes, expected (key, direction, via) listed, best first,
#  expected left out)
NEIGHBOURHOODS = [
    (
        "depth 1: in, out, both",
        {"me": {"a", "b"}},
        {"me": {"b", "c"}},
        1,
        12,
        [("c", "out", ()), ("b", "both", ()), ("a", "in", ())],
        0,
    ),
    (
        "depth 2 through a neighbour",
        {"me": {"a"}, "a": {"x"}},
        {"me": set(), "a": {"me", "y"}},
        2,
        12,
        [("a", "in", ()), ("x", "in", ("a",)), ("y", "out", ("a",))],
        0,
    ),
    (
        "depth 2 lists only what the cap can draw, counting the rest",
        {"me": {"a"}},
        {"a": {"me", "p", "q", "r", "s"}},
        2,
        3,
        [("a", "in", ()), ("r", "out", ("a",)), ("s", "out", ("a",))],
        2,
    ),
    (
        "depth 1 lists only the best, counting the rest",
        {"me": {"a", "b", "c", "d"}},
        {},
        1,
        2,
        [("d", "in", ()), ("c", "in", ())],
        2,
    ),
    (
        "depth 2 from several neighbours",
        {"me": {"a", "b"}},
        {"a": {"me", "x"}, "b": {"me", "x"}},
        2,
        0,
        [("b", "in", ()), ("a", "in", ()), ("x", "out", ("a", "b"))],
        0,
    ),
]


@pytest.mark.parametrize(
    "incoming, outgoing, depth, max_nodes, expected, left_out",
    [case[1:] for case in NEIGHBOURHOODS],
    ids=[case[0] for case in NEIGHBOURHOODS],
)
def test_neighbourhood(incoming, outgoing, depth, max_nodes, expected, left_out):
    neighbours = Neighbours(incoming, outgoing)

    def ranked(key):  # best-linked first: scores grow with the last letter
        return sorted(neighbours.around(key), key=lambda k: (-ord(k[-1]), k))

    nodes, hidden = neighbourhood("me", neighbours, lambda k, d, v: node(k, d, v), depth, max_nodes, ranked)
    assert [(n.key, n.direction, n.via) for n in nodes] == expected
    assert hidden == left_out


def test_the_template_draws_the_graph_right_after_the_title():
    write = shipped_writer(panel_labels({}, "en"))
    svg = '<svg class="backlinks__graph"><a href="../a/?x=1&amp;y=2"><title>A &lt;b&gt;</title></a></svg>'
    checked = 0
    for panel in list(panels())[::5] + [make_panel([])]:
        panel.graph = svg
        html = write(panel, None)
        assert html.count(svg) == 1  # as it is: the SVG is HTML, escaped when it was drawn
        assert html.index("</h2>") < html.index(svg) < html.index("</aside>")
        checked += 1
    assert checked == 6


def site_graph(site, path: str = "graph.html") -> dict:
    text = (site.root / "site" / path).read_text(encoding="utf-8")
    return json.loads(DATA.search(text).group(1))


@pytest.mark.parametrize("graph_page", ["graph.html", "tools/links/graph.htm"])
def test_site_graph_page(make_site, directory_urls, graph_page):
    site = make_site(
        dict(DOCS, **{"lost.md": "# Lost\n\n[Home](index.md)\n"}),
        dict(OFF, graph_page=graph_page, report_file="health/report.html"),
        use_directory_urls=directory_urls,
        nav=NAV,
    )
    site.build()
    data = site_graph(site, graph_page)
    titles = [n[0] for n in data["nodes"]]
    # Nav order, then the pages outside it by title.
    assert titles == ["Home", "The guide", "Install", "Use", "Tags", "Lonely", "Lost"]
    assert data["sections"][data["nodes"][1][2]] == "Guide" and data["sections"][data["nodes"][0][2]] == ""
    flags = {n[0]: n[4] for n in data["nodes"]}
    # With both checks at `ignore`: lonely and lost are orphans (1) and unreachable (2).
    assert flags["Lonely"] == 3 and flags["Lost"] == 3 and flags["Use"] == 0
    # Every href reaches its page from where the graph is published (the hrefs hold nothing
    # HTML would unescape, so reading them as attribute values changes nothing).
    by_url = sources_by_url(site)
    reached = {title: source_of_href(href, graph_page, by_url, directory_urls) for title, href, *_ in data["nodes"]}
    assert reached == {
        "Home": "index.md",
        "The guide": "guide/index.md",
        "Install": "guide/install.md",
        "Use": "use.md",
        "Tags": "tags.md",
        "Lonely": "lonely.md",
        "Lost": "lost.md",
    }
    base = "http://h/" + graph_page
    assert len(data["links"]) // 2 == 9
    # The report and the graph link each other, and the script and stylesheet are beside it.
    folder = (site.root / "site" / graph_page).parent
    assert (folder / "backlinks-site-graph.js").is_file() and (folder / "backlinks-site-graph.css").is_file()
    page = (site.root / "site" / graph_page).read_text(encoding="utf-8")
    report = (site.root / "site" / "health" / "report.html").read_text(encoding="utf-8")
    back = re.search(r'<a href="([^"]*)">Link-health report</a>', page).group(1)
    there = re.search(r'<a href="([^"]*)">See every page', report).group(1)
    assert urljoin(base, back) == "http://h/health/report.html"
    assert urljoin("http://h/health/report.html", there) == base


def test_a_link_to_the_graph_page_is_not_broken(make_site, plugin_log):
    docs = dict(DOCS, **{"use.md": "# Use\n\n[graph](../graph.html) [Install](guide/install.md)\n"})
    site = make_site(docs, dict(OFF, graph_page="graph.html", broken_links="warn"), nav=NAV)
    site.build()
    assert not any("broken" in m for m in plugin_log())


def test_with_both_off_nothing_changes(make_site):
    site = make_site(DOCS, dict(OFF, report_file="r.html"), nav=NAV)
    site.build()
    assert "backlinks__graph" not in "".join(site.html(src) for src in site.sources())
    assert "See every page" not in (site.root / "site" / "r.html").read_text(encoding="utf-8")
    assert not list(Path(site.root / "site").rglob("*site-graph*"))


def test_builds_with_both_graphs_are_byte_identical(tmp_path):
    """The example site (both graphs on) with depth 2, built twice into two folders."""
    root = REPO / "example_site"
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "backlinks" in plugin:
            plugin["backlinks"].update(local_graph=True, local_graph_depth=2, graph_page="graph.html")
    config["docs_dir"] = str(root / "docs")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    mkdocs_build(config_file, tmp_path / "one")
    mkdocs_build(config_file, tmp_path / "two")
    first = content_digest(tmp_path / "one")
    assert first == content_digest(tmp_path / "two")
    assert "graph.html" in first
    assert "backlinks__graph-node--far" in (tmp_path / "one" / "guide" / "panel" / "index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("count_nofollow", [True, False])
def test_link_scores_alone_match_the_metrics(count_nofollow):
    """The local graph ranks by the scores of `link_ranks` alone, which must be `page_metrics`'."""
    import random

    from mkdocs_backlinks.core.graph import LinkGraph, PageLinks
    from mkdocs_backlinks.core.metrics import link_ranks, link_scores, page_metrics
    from mkdocs_backlinks.core.pages import PageInfo

    rng = random.Random(3)
    names = [f"p{i}.md" for i in range(60)]
    infos = {n: PageInfo(n, n[:-3] + "/", n, i, is_homepage=i == 0, excluded=i == 59) for i, n in enumerate(names)}
    pages = []
    for source in names:
        links = PageLinks()
        for _ in range(rng.randrange(0, 8)):
            links.add(rng.choice(names + ["gone.md"]), rel=("nofollow",) if rng.random() < 0.2 else ())
        pages.append((source, links))
    graph = LinkGraph.build(pages, [], {n: "" for n in names})
    scores = link_scores(link_ranks(graph, infos, count_nofollow))
    metrics = page_metrics(graph, infos, count_nofollow)
    assert scores == {src: m.link_score for src, m in metrics.items()}
    assert len(set(scores.values())) > 10


@pytest.mark.parametrize("directory_urls, path", [(True, "guide/install/index.html"), (False, "guide/install.html")])
@pytest.mark.parametrize("option", ["graph_page", "report_file"])
def test_a_written_file_never_replaces_a_page(make_site, directory_urls, option, path):
    site = make_site(DOCS, {option: path}, use_directory_urls=directory_urls)
    result = site.cli("build")
    assert result.returncode != 0
    assert f"option '{option}': '{path}' is where page 'guide/install.md' is published" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_graph_counts_linked_page_pairs_and_the_report_links(tmp_path):
    """The example site: the site graph counts pairs of pages linked (a page linking another
    twice is one pair), the report every link; each says which it counts, and the numbers are
    those of the export."""
    root = REPO / "example_site"
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(root / "docs")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    mkdocs_build(config_file, tmp_path / "site")
    site = tmp_path / "site"
    export = json.loads((site / "links.json").read_text(encoding="utf-8"))
    pairs = {(e["from"], e["to"]) for e in export["edges"] if e["from"] != e["to"]}
    links = sum(node["metrics"]["outlinks"] for node in export["nodes"])
    assert links > len(pairs) > 10  # the example links some pages more than once
    graph = (site / "graph.html").read_text(encoding="utf-8")
    report = (site / "link-report.html").read_text(encoding="utf-8")
    assert f"{len(export['nodes'])} pages · {len(pairs)} linked page pairs" in graph
    assert f"{links} links between them, repeats included" in report
    # Neither names its count with the other's word.
    header = re.search(r'<header class="sg-header">(.*?)</header>', graph, re.S).group(1)
    summary = re.search(r'<p class="muted">(.*?)</p>', report, re.S).group(1)
    assert " links" not in header and "pairs" not in summary
