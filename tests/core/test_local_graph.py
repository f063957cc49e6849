"""The local graph's SVG, from plain neighbourhoods: which nodes and links it draws, the cap and
its count, escaping, determinism, and labels that never overlap (measured on the output)."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mkdocs_backlinks.core.graph_views import LocalGraphs, Neighbours, count_beyond, neighbourhood
from mkdocs_backlinks.core.local_graph import FONT_SIZE, LINK_REACH, ROW, GraphNode, label_width, local_graph_svg
from mkdocs_backlinks.core.pages import page_info

SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', 'Tom & Jerry\'s "quote"', "]]><!--"]


def n(key, direction="in", score=0.0, title=None, via=()):
    return GraphNode(key=key, title=title or key.title(), href=f"../{key}/", direction=direction, score=score, via=via)


def many(count, direction, prefix):
    return [n(f"{prefix}{i:02d}", direction, score=float(i)) for i in range(count)]


# (id, nodes, max_nodes, expected hrefs drawn, expected "+N more" count, expected arrowheads)
TABLE = [
    ("nothing around", [], 12, set(), None, 0),
    ("one incoming", [n("a")], 12, {"../a/"}, None, 1),
    ("one outgoing", [n("b", "out")], 12, {"../b/"}, None, 1),
    ("mutual link: two arrowheads", [n("c", "both")], 12, {"../c/"}, None, 2),
    ("in and out", [n("a"), n("b", "out"), n("c", "both")], 12, {"../a/", "../b/", "../c/"}, None, 4),
    ("the page itself is not drawn as a neighbour", [n("self"), n("a")], 12, {"../a/"}, None, 1),
    ("a page listed twice counts once", [n("a"), n("a")], 12, {"../a/"}, None, 1),
    ("listed as in and as out: mutual", [n("a"), n("a", "out")], 12, {"../a/"}, None, 2),
    (
        "cap keeps the best-linked",
        many(5, "in", "i") + many(5, "out", "o"),
        4,
        {"../i04/", "../o04/", "../i03/", "../o03/"},
        6,
        4,
    ),
    ("cap 0 draws all", many(20, "in", "i"), 0, {f"../i{i:02d}/" for i in range(20)}, None, 20),
    (
        "depth 2 hangs from a drawn neighbour",
        [n("a"), n("far", "in", via=("a",)), n("lost", via=("zzz",))],
        12,
        {"../a/", "../far/"},
        1,
        2,
    ),
    (
        "depth 2 fills only the room left",
        [n("a", score=5), n("b", "out", score=5), n("f1", via=("a",), score=99), n("f2", via=("b",))],
        3,
        {"../a/", "../b/", "../f1/"},
        1,
        3,
    ),
    (
        "a depth-2 node that is a neighbour counts once",
        [n("a"), n("a", via=("a",)), n("b", "out")],
        12,
        {"../a/", "../b/"},
        None,
        2,
    ),
    (
        "hostile titles",
        [n(f"h{i}", "in" if i % 2 else "out", title=t) for i, t in enumerate(HOSTILE)],
        12,
        {f"../h{i}/" for i in range(len(HOSTILE))},
        None,
        len(HOSTILE),
    ),
    (
        "long and wide titles",
        [
            n("long", title="A title that goes on and on " * 5),
            n("cjk", "out", title="漢字のタイトル" * 6),
            n("caps", "out", title="WWWWWWWWWWWWWWWWWWWW MMMMMMMMMMMM"),
        ],
        12,
        {"../long/", "../cjk/", "../caps/"},
        None,
        3,
    ),
    ("big neighbourhood", many(40, "in", "i") + many(40, "out", "o") + many(10, "both", "b"), 30, None, 60, None),
]


def boxes(svg):
    """Each drawn label and dot as an (x0, y0, x1, y1) box, from the SVG's own coordinates; and
    each node's link box (its `<foreignObject>`)."""
    labels, dots, links = [], [], []
    for text in svg.iter(f"{SVG}text"):
        x, y, width = float(text.get("x")), float(text.get("y")), label_width(text.text)
        x0 = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor")]
        labels.append((x0, y - FONT_SIZE * 0.8, x0 + width, y + FONT_SIZE * 0.25, text.text))
    for box in svg.iter(f"{SVG}foreignObject"):
        x, y, w, h = (float(box.get(k)) for k in ("x", "y", "width", "height"))
        link = box.find(f"{XHTML}a")
        side = link.get("class").rsplit("--", 1)[1]
        # The label as the stylesheet places it: after the padding on the dot's side.
        x0 = x + LINK_REACH if side == "right" else x + w - LINK_REACH - label_width(link.text)
        labels.append(
            (x0, y + h / 2 - FONT_SIZE * 0.65, x0 + label_width(link.text), y + h / 2 + FONT_SIZE * 0.5, link.text)
        )
        links.append((x, y, x + w, y + h, link.get("href")))
    for circle in svg.iter(f"{SVG}circle"):
        x, y, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
        dots.append((x - r, y - r, x + r, y + r, "dot"))
    return labels, dots, links


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("case, nodes, cap, hrefs, more, arrows", TABLE, ids=[row[0] for row in TABLE])
def test_local_graph(case, nodes, cap, hrefs, more, arrows):
    markup = local_graph_svg("self", 'This <page> & "that"', nodes, max_nodes=cap)
    if not nodes or all(node.key == "self" for node in nodes):
        assert markup == ""
        return
    # Deterministic: the same neighbourhood in another order gives the same bytes.
    for seed in range(3):
        shuffled = list(nodes)
        random.Random(seed).shuffle(shuffled)
        assert local_graph_svg("self", 'This <page> & "that"', shuffled, max_nodes=cap) == markup
    svg = ET.fromstring(markup)  # well-formed: hostile titles did not break out
    assert svg.get("class") == "backlinks__graph"
    assert svg.get("aria-label") == 'Links around This <page> & "that"'
    # No SVG link (Material's instant navigation cannot handle one): HTML links, one per node.
    assert svg.findall(f".//{SVG}a") == []
    links = svg.findall(f".//{XHTML}a")
    drawn = {a.get("href") for a in links}
    if hrefs is not None:
        assert drawn == hrefs
    assert len(drawn) == len(links) <= (cap or len(links))
    by_href = {f"../{node.key}/": node for node in nodes}
    directions = {}
    for node in nodes:
        directions.setdefault(node.key, set()).add(node.direction)
    nodes_drawn = [g for g in svg.iter(f"{SVG}g") if g.find(f"{SVG}foreignObject") is not None]
    assert len(nodes_drawn) == len(links)
    for g in nodes_drawn:
        a = g.find(f"{SVG}foreignObject/{XHTML}a")
        node = by_href[a.get("href")]
        assert a.get("aria-label") == node.title and a.get("title") == node.title
        assert a.text and node.title.startswith(a.text.rstrip("…"))
        direction = node.direction if len(directions[node.key]) == 1 else "both"
        assert f"backlinks__graph-node--{direction}" in g.get("class")
        # The dot is inside its link's box.
        circle = g.find(f"{SVG}circle")
        box = g.find(f"{SVG}foreignObject")
        cx, cy, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
        x, y, w, h = (float(box.get(k)) for k in ("x", "y", "width", "height"))
        assert x <= cx - r and cx + r <= x + w and y <= cy - r and cy + r <= y + h, (a.get("href"), box.attrib)
    page = [g for g in svg.iter(f"{SVG}g") if "backlinks__graph-node--page" in (g.get("class") or "")]
    assert len(page) == 1 and page[0].get("aria-current") == "page"
    assert "<script" not in markup and "<img" not in markup and "<!--" not in markup
    assert " style=" not in markup and " fill=" not in markup and " stroke=" not in markup  # colours: CSS only
    more_text = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "backlinks__graph-more"]
    if more is None:
        assert more_text == []
    else:
        assert more_text == [f"+{more} more"]
        assert len(set(node.key for node in nodes) - {"self"}) == len(links) + more
    if arrows is not None:
        assert len(svg.findall(f".//{SVG}polygon")) == arrows

    labels, dots, link_boxes = boxes(svg)
    _, _, width, height = (float(v) for v in svg.get("viewBox").split())
    for i, box in enumerate(labels):
        assert 0 <= box[0] and box[2] <= width and 0 <= box[1] and box[3] <= height, box
        for other in labels[i + 1 :] + dots:
            assert not overlap(box, other), (box, other)
    # Two links never share a spot (a click lands on one page), nor cover the page's own label
    # or the "+N more" line.
    drawn_texts = labels[: len(list(svg.iter(f"{SVG}text")))]  # `boxes` lists the SVG texts first
    for i, box in enumerate(link_boxes):
        assert 0 <= box[0] and box[2] <= width and 0 <= box[1] and box[3] <= height, box
        for other in link_boxes[i + 1 :] + drawn_texts:
            assert not overlap(box, other), (box, other)


def test_count_beyond_is_the_size_of_the_union_left_out():
    rng = random.Random(5)
    pages = [f"p{i}" for i in range(40)]
    assert count_beyond([], {"a"}) == 0
    for _ in range(300):
        sets = [frozenset(rng.sample(pages, rng.randrange(0, 40))) for _ in range(rng.randrange(1, 6))]
        if rng.random() < 0.3:
            sets.append(sets[0])  # the same set twice, as two neighbours never share one, but still right
        taken = set(rng.sample(pages, rng.randrange(0, 20))) | {"not-a-page"}
        assert count_beyond(sets, taken) == len(frozenset().union(*sets) - taken)


@pytest.mark.parametrize("max_nodes", [3, 12])
def test_every_page_two_steps_away_is_drawn_or_counted_around_a_hub(max_nodes):
    """At depth 2 each page's graph draws or counts (in its "+N more") every page within two
    links of it, however the count is worked out; a hub links with every page."""
    rng = random.Random(11)
    names = [f"p{i:03d}" for i in range(120)]
    outgoing = {name: set(rng.sample(names, 3)) - {name} for name in names}
    outgoing["hub"] = set(names)
    for name in names:
        outgoing[name].add("hub")
    incoming: dict = {}
    for source, targets in outgoing.items():
        for target in targets:
            incoming.setdefault(target, set()).add(source)
    neighbours = Neighbours(incoming, outgoing)
    graphs = LocalGraphs(neighbours, {k: page_info(k, f"{k}/", k.upper(), {}) for k in outgoing}, {"hub": 100.0})
    for src in outgoing:
        nodes, left_out = neighbourhood(src, neighbours, lambda k, d, v: n(k, d, via=v), 2, max_nodes, graphs.ranked)
        near = neighbours.incoming.get(src, set()) | neighbours.outgoing.get(src, set())
        far = set().union(*(neighbours.incoming.get(k, set()) | neighbours.outgoing.get(k, set()) for k in near))
        assert len(nodes) + left_out == len(near | far - {src}), src
        assert len(nodes) <= max_nodes * max_nodes


def test_the_stylesheet_pads_labels_by_the_reach_the_drawing_leaves():
    """`LINK_REACH` (room for the dot inside each link) and the stylesheet's padding of the
    label on the dot's side are one number: otherwise a label would sit off its dot."""
    css = (Path(__file__).resolve().parents[2] / "mkdocs_backlinks" / "assets" / "backlinks.css").read_text(
        encoding="utf-8"
    )
    for side, padding in (("right", "padding-left"), ("left", "padding-right")):
        rule = re.search(r"a\.backlinks__graph-link--%s \{([^}]*)\}" % side, css).group(1)
        assert f"{padding}: {LINK_REACH:g}px;" in rule, (side, rule)
    rule = re.search(r"a\.backlinks__graph-link \{([^}]*)\}", css).group(1)
    assert f"font-size: {FONT_SIZE:g}px;" in rule and f"line-height: {ROW:g}px;" in rule
