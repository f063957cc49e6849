"""Link metrics against hand-computed values: PageRank, link score, click depth, counts, anchor
texts and nofollow, first on plain graphs, then through real builds."""

from __future__ import annotations

import json

import pytest

from mkdocs_backlinks.core.metrics import click_depths, link_scores, pagerank

# --- PageRank and depth on small graphs, solved by hand --------------------------------------
#
# d = 0.85, N pages, PR(p) = (1-d)/N + d * sum(PR(q)/out(q) for q linking to p), and a page with
# no links spreads its rank over all N pages.
#
# Triangle with a shortcut: A->B, A->C, B->C, C->A.
#   A = 0.05 + 0.85 C;  B = 0.05 + 0.425 A;  C = 0.05 + 0.425 A + 0.85 B.
#   Substituting B into C: C = 0.0925 + 0.78625 A; then A = 0.05 + 0.85 (0.0925 + 0.78625 A)
#   -> A (1 - 0.6683125) = 0.128625 -> A = 0.387789...; B = 0.214810...; C = 0.397399...
TRIANGLE = {"A": {"B", "C"}, "B": {"C"}, "C": {"A"}}
TRIANGLE_RANKS = {"A": 0.128625 / 0.3316875, "B": 0.05 + 0.425 * 0.128625 / 0.3316875}
TRIANGLE_RANKS["C"] = 0.0925 + 0.78625 * TRIANGLE_RANKS["A"]

# A dangling page: A->B, B links nowhere. A = 0.075 + 0.85 B/2; B = 0.075 + 0.85 (A + B/2).
#   With A + B = 1: A = 0.075 + 0.425 (1 - A) -> A = 0.5 / 1.425 = 0.350877...; B = 0.649122...
DANGLING = {"A": {"B"}, "B": set()}
DANGLING_RANKS = {"A": 0.5 / 1.425, "B": 1 - 0.5 / 1.425}


@pytest.mark.parametrize(
    "edges, expected",
    [
        (TRIANGLE, TRIANGLE_RANKS),
        (DANGLING, DANGLING_RANKS),
        ({"A": {"B"}, "B": {"A"}}, {"A": 0.5, "B": 0.5}),  # symmetric: equal ranks
        ({"A": set(), "B": set(), "C": set()}, {"A": 1 / 3, "B": 1 / 3, "C": 1 / 3}),
        ({"A": {"A", "B"}, "B": set()}, DANGLING_RANKS),  # a link to itself is ignored
    ],
)
def test_pagerank_matches_hand_computed_values(edges, expected):
    ranks = pagerank(sorted(edges), edges)
    assert ranks == pytest.approx(expected, abs=1e-9)
    assert sum(ranks.values()) == pytest.approx(1.0, abs=1e-12)


def test_link_score_scales_the_best_page_to_100():
    assert link_scores({"A": 0.5 / 1.425, "B": 1 - 0.5 / 1.425}) == {"A": 54.1, "B": 100.0}
    assert link_scores(TRIANGLE_RANKS) == {"A": 97.6, "B": 54.1, "C": 100.0}
    assert link_scores({}) == {}


def test_pagerank_is_the_same_whatever_the_input_order():
    forward = pagerank(["A", "B", "C"], TRIANGLE)
    backward = pagerank(["C", "B", "A"], dict(reversed(list(TRIANGLE.items()))))
    assert forward == backward  # exactly, not approximately


def test_click_depth_is_the_fewest_clicks():
    # home -> a -> b -> c, and a shortcut home -> c; d links to home but nothing links to d.
    edges = {"home": {"a", "c"}, "a": {"b"}, "b": {"c"}, "c": set(), "d": {"home"}}
    assert click_depths("home", edges) == {"home": 0, "a": 1, "c": 1, "b": 2}
    assert click_depths(None, edges) == {}


# --- The same through real builds ----------------------------------------------------------------

# index -> a, index -> b, a -> b (twice, once nofollow), b -> index, c -> a (c is an orphan).
SITE = {
    "index.md": "# Home\n\n[Alpha](a.md) [Beta](b.md)\n",
    "a.md": '# A\n\n## Part\n\n[Beta](b.md) <a rel="nofollow" href="../b/">Beta</a>\n',
    "b.md": "# B\n\n[Home](index.md) [Gone](gone.md)\n",
    "c.md": "# C\n\n[Alpha](a.md)\n",
}


def metrics_of(site) -> dict:
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    return {node["id"]: node["metrics"] for node in data["nodes"]}


def hand_pagerank(edges):
    """Solve PR = (1-d)/N + d M PR exactly by Gaussian elimination: the reference."""
    nodes = sorted(edges)
    n = len(nodes)
    d = 0.85
    # (I - d M) PR = (1-d)/N, no dangling pages in these graphs.
    matrix = [[(1.0 if i == j else 0.0) for j in range(n)] + [(1 - d) / n] for i in range(n)]
    for j, source in enumerate(nodes):
        for target in edges[source]:
            matrix[nodes.index(target)][j] -= d / len(edges[source])
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(matrix[r][col]))
        matrix[col], matrix[pivot] = matrix[pivot], matrix[col]
        for row in range(n):
            if row != col:
                factor = matrix[row][col] / matrix[col][col]
                matrix[row] = [x - factor * y for x, y in zip(matrix[row], matrix[col])]
    return {node: matrix[i][n] / matrix[i][i] for i, node in enumerate(nodes)}


def test_metrics_in_a_real_build(make_site, directory_urls):
    site = make_site(SITE, {"graph_file": "links.json", "orphans": "ignore"}, use_directory_urls=directory_urls)
    if not directory_urls:
        path = site.root / "docs" / "a.md"
        path.write_text(path.read_text().replace("../b/", "b.html"))
    site.build()
    m = metrics_of(site)
    assert {src: (x["inlinks"], x["linking_pages"], x["outlinks"], x["linked_pages"]) for src, x in m.items()} == {
        "index.md": (1, 1, 2, 2),
        "a.md": (2, 2, 2, 1),
        "b.md": (3, 2, 1, 1),
        "c.md": (0, 0, 1, 1),
    }
    assert m["b.md"]["nofollow_inlinks"] == 1
    assert m["b.md"]["broken_outlinks"] == 1
    assert m["b.md"]["anchor_texts"] == [{"text": "Beta", "count": 3}]
    assert m["a.md"]["anchor_texts"] == [{"text": "Alpha", "count": 2}]
    assert {src: x["depth"] for src, x in m.items()} == {"index.md": 0, "a.md": 1, "b.md": 1, "c.md": None}
    expected = hand_pagerank({"index.md": {"a.md", "b.md"}, "a.md": {"b.md"}, "b.md": {"index.md"}, "c.md": {"a.md"}})
    assert {src: x["pagerank"] for src, x in m.items()} == pytest.approx(expected, abs=1e-7)
    top = max(expected.values())
    assert {src: x["link_score"] for src, x in m.items()} == {
        src: round(100 * v / top, 1) for src, v in expected.items()
    }


def test_nofollow_links_can_be_left_out_of_the_metrics(make_site):
    site = make_site(SITE, {"graph_file": "links.json", "count_nofollow": False, "orphans": "ignore"}).build()
    m = metrics_of(site)
    assert (m["b.md"]["inlinks"], m["b.md"]["nofollow_inlinks"], m["a.md"]["outlinks"]) == (2, 1, 1)
    assert m["b.md"]["anchor_texts"] == [{"text": "Beta", "count": 2}]
    # The link graph still records the nofollow link, with its rel.
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    assert [e["rel"] for e in data["edges"] if e["from"] == "a.md"] == [[], ["nofollow"]]


def test_links_into_sibling_builds_are_not_broken_outlinks(make_site, directory_urls):
    """A link into another language (`extra.alternate`) or a mike version is reported by the
    `sibling_links` check, not as broken: `broken_outlinks` leaves it out as the checks do."""
    docs = {
        "index.md": "# Home\n\n[B](b.md)\n",
        "b.md": "# B\n\n[Spanish](/es/b/) [Latest](/latest/b/) [Gone](gone.md) [Home](index.md)\n",
    }
    site = make_site(
        docs,
        {"graph_file": "links.json", "orphans": "ignore", "broken_links": "info", "sibling_links": "info"},
        use_directory_urls=directory_urls,
        extra={"alternate": [{"link": "/"}, {"link": "/es/"}], "version": {"provider": "mike"}},
        validation={"links": {"not_found": "ignore", "absolute_links": "ignore", "unrecognized_links": "ignore"}},
    ).build()
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    checks = data["checks"]
    assert [finding["target"] for finding in checks["broken_links"]["findings"]] == ["gone.md"], checks
    assert len(checks["sibling_links"]["findings"]) == 2, checks
    assert metrics_of(site)["b.md"]["broken_outlinks"] == 1
