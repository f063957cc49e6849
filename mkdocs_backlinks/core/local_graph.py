"""The local graph: an inline SVG of one page's neighbourhood, laid out at build time.

The page sits in the middle; pages linking to it stand in an arc on the left, pages it links to
in an arc on the right (a page doing both goes to the emptier side, with arrows both ways), and
with depth 2 their own neighbours stand in a column further out. Every row is one node, so no
two labels share a line, and columns sit as far apart as their longest labels are wide: labels
cannot overlap, whatever the titles, without a font on the build machine to measure them with.

Nothing here needs JavaScript, and nothing refers to an id (arrowheads are drawn as shapes, not
`<marker>`s), so two graphs on one page, instant navigation and a `<base>` element all work.
Colours come from CSS classes (`backlinks.css`), never from attributes, so the theme's light and
dark schemes apply.

The links are HTML `<a>` elements in a `<foreignObject>`, one over each node's dot and label,
never SVG `<a>`s: Material's instant navigation re-assigns `href` on every `[href]` element of a
new page and reads the clicked link's `href` as a string, and an SVG `<a>`'s `href` is a
read-only `SVGAnimatedString` (the script threw and left the old page under the new URL). HTML
links are focusable, followed without JavaScript, and take the theme's focus ring.
"""

from __future__ import annotations

import functools
import html
import math
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

DIRECTIONS = ("in", "out", "both")
"""How a node is linked with the node it hangs from: `in` links to it, `out` is linked from it,
`both` does both."""

FONT_SIZE = 12.0
"""Label size in SVG user units; the SVG scales as a whole, so this is a proportion."""

ROW = 22.0
"""Vertical distance between two nodes of a column: a label's height and some air."""

MAX_LABEL_WIDTH = 150.0
"""Labels longer than this (estimated) are cut with an ellipsis; the full title stays in the
node's `<title>` and `aria-label`."""

GAP = 6.0
"""Space between a node's circle and its label."""

LINK_REACH = 20.0
"""How far a node's link reaches past its label towards its dot (the stylesheet pads the label
by as much): the widest dot (2 x 7) and `GAP`, so every dot is inside its link."""

COLUMN_GAP = 28.0
"""Space between a column's labels and the next column's nodes."""

PAD = 8.0
"""Margin around the drawing."""

ARC = 36.0
"""How far the middle node of a depth-1 column stands out beyond its ends: the arc's bulge."""

ARROW_LENGTH = 6.0
ARROW_HALF_WIDTH = 3.0


@dataclass(frozen=True)
class GraphNode:
    """One page around the current one, as plain values.

    `href` is relative to the page the graph is shown on (as the panel's links). `score` is the
    page's link score (0-100): the cap keeps the highest first, and it sizes the dot. `via` is
    empty for a direct neighbour; for a depth-2 node, the keys of the direct neighbours it is
    linked with, and `direction` is then relative to them.
    """

    key: str
    title: str
    href: str
    direction: str
    score: float = 0.0
    via: Tuple[str, ...] = ()


@dataclass
class _Placed:
    node: Optional[GraphNode]  # None for the page itself
    x: float
    y: float
    r: float
    label: str
    side: int  # -1: label to the left, +1: to the right, 0: centred below (the page)


@functools.lru_cache(maxsize=8192)
def label_width(text: str, font_size: float = FONT_SIZE) -> float:
    """A generous estimate of how wide `text` is drawn in a proportional font.

    Generous on purpose: an overestimate only leaves some air, an underestimate lets labels
    touch. East Asian wide characters count a full em, capitals and `m`/`w` most of one.
    """
    width = 0.0
    for char in text:
        if unicodedata.combining(char):
            continue
        if unicodedata.east_asian_width(char) in ("W", "F"):
            width += 1.0
        elif char in "MW":
            width += 0.95
        elif char in "mw" or char.isupper() or char.isdigit():
            width += 0.75
        elif char in " .,:;'|!il":
            width += 0.35
        else:
            width += 0.6
    return width * font_size


@functools.lru_cache(maxsize=8192)  # a page's title comes back in each neighbour's graph
def shorten(title: str, limit: float = MAX_LABEL_WIDTH) -> str:
    """`title` cut (with an ellipsis) to fit in `limit` estimated units; whitespace collapsed."""
    text = " ".join(title.split())
    if label_width(text) <= limit:
        return text
    # Widths add up character by character: keep the longest start that fits with the ellipsis.
    budget, width, cut = limit - label_width("…"), 0.0, 0
    for index, char in enumerate(text):
        width += label_width(char)
        if width > budget:
            break
        cut = index + 1
    return text[:cut].rstrip() + "…"


def node_radius(score: float) -> float:
    """The dot of a page with this link score: the best-linked pages stand out a little."""
    share = min(max(score, 0.0), 100.0) / 100.0
    return 3.5 + 3.5 * math.sqrt(share)


def _importance(node: GraphNode) -> Tuple[float, str, str]:
    return (-node.score, node.title.casefold(), node.key)


def _reading_order(node: GraphNode) -> Tuple[str, str]:
    return (node.title.casefold(), node.key)


def select(page_key: str, nodes: Sequence[GraphNode], max_nodes: int) -> Tuple[List[GraphNode], List[GraphNode], int]:
    """The direct neighbours and the depth-2 nodes to draw, and how many pages are left out.

    Direct neighbours come first, by link score; depth-2 nodes fill what room is left, and only
    those hanging from a drawn neighbour. `max_nodes` 0 draws every node. A page listed twice
    counts once (listed as `in` and as `out`, it is `both`); a depth-2 node that is also a
    direct neighbour, or the page itself, is not drawn again.
    """
    direct: Dict[str, GraphNode] = {}
    for node in nodes:
        if node.via or node.key == page_key:
            continue
        seen = direct.get(node.key)
        if seen is None:
            direct[node.key] = node
        elif seen.direction != node.direction or seen.score < node.score:
            # Listed once as linking here and once as linked from here: a mutual link.
            direction = seen.direction if seen.direction == node.direction else "both"
            direct[node.key] = GraphNode(seen.key, seen.title, seen.href, direction, max(seen.score, node.score))
    second: Dict[str, GraphNode] = {}
    for node in nodes:
        if node.via and node.key != page_key and node.key not in direct and node.key not in second:
            second[node.key] = node
    room = max_nodes if max_nodes > 0 else len(direct) + len(second)
    shown = sorted(direct.values(), key=_importance)[:room]
    shown_keys = {node.key for node in shown}
    outer = [n for n in sorted(second.values(), key=_importance) if any(v in shown_keys for v in n.via)]
    outer = outer[: room - len(shown)]
    hidden = len(direct) + len(second) - len(shown) - len(outer)
    return shown, outer, hidden


def _split_sides(shown: Sequence[GraphNode]) -> Tuple[List[GraphNode], List[GraphNode]]:
    """Pages linking here to the left, linked pages to the right, mutual ones where there is room."""
    left = [n for n in shown if n.direction == "in"]
    right = [n for n in shown if n.direction == "out"]
    for node in sorted((n for n in shown if n.direction not in ("in", "out")), key=_reading_order):
        (left if len(left) <= len(right) else right).append(node)
    return sorted(left, key=_reading_order), sorted(right, key=_reading_order)


def _column_offsets(count: int) -> List[float]:
    """Vertical offsets from the page's row for `count` nodes, one row each, centred."""
    return [(i - (count - 1) / 2) * ROW for i in range(count)]


def layout(
    page_title: str, shown: Sequence[GraphNode], outer: Sequence[GraphNode]
) -> Tuple[List[_Placed], float, float]:
    """Place the page and every drawn node; return them with the drawing's width and height
    (coordinates already shifted to start at the margin)."""
    page_label = shorten(page_title)
    left, right = _split_sides(shown)
    # Depth-2 nodes stand on the side of the first neighbour they hang from, ordered as those
    # neighbours are, so their edges cross as little as possible.
    position = {n.key: (-1, i) for i, n in enumerate(left)}
    position.update({n.key: (1, i) for i, n in enumerate(right)})
    outer_sides: Dict[int, List[Tuple[Tuple[int, str, str], GraphNode]]] = {-1: [], 1: []}
    for node in outer:
        side, index = min(position[v] for v in node.via if v in position)
        outer_sides[side].append(((index,) + _reading_order(node), node))
    outer_left = [n for _, n in sorted(outer_sides[-1], key=lambda item: item[0])]
    outer_right = [n for _, n in sorted(outer_sides[1], key=lambda item: item[0])]

    rows = max(len(left), len(right), len(outer_left), len(outer_right), 1)
    half_height = (rows - 1) / 2 * ROW
    page_r = 7.0
    # The page's label is centred under it: the arcs keep clear of it entirely.
    inner = max(label_width(page_label) / 2, page_r) + COLUMN_GAP

    placed: List[_Placed] = [_Placed(None, 0.0, 0.0, page_r, page_label, 0)]
    extent = {-1: inner, 1: inner}
    for side, column in ((-1, left), (1, right)):
        labels = [shorten(n.title) for n in column]
        widest = 0.0
        for node, label, dy in zip(column, labels, _column_offsets(len(column))):
            # An arc: the middle of the column stands furthest out.
            bulge = ARC * math.sqrt(max(0.0, 1 - (dy / (half_height + ROW)) ** 2)) if column else 0.0
            r = node_radius(node.score)
            x = side * (inner + r + bulge)
            placed.append(_Placed(node, x, dy, r, label, side))
            widest = max(widest, abs(x) + r + GAP + label_width(label))
        extent[side] = max(extent[side], widest)
    for side, column in ((-1, outer_left), (1, outer_right)):
        if not column:
            continue
        labels = [shorten(n.title) for n in column]
        biggest = max(node_radius(n.score) for n in column)
        x = side * (extent[side] + COLUMN_GAP + biggest)
        widest = 0.0
        for node, label, dy in zip(column, labels, _column_offsets(len(column))):
            r = node_radius(node.score)
            placed.append(_Placed(node, x, dy, r, label, side))
            widest = max(widest, abs(x) + r + GAP + label_width(label))
        extent[side] = widest

    # The page's label hangs below it; keep room for it under the lowest row too.
    top = -half_height - ROW / 2
    bottom = max(half_height + ROW / 2, page_r + GAP + FONT_SIZE * 1.3)
    width = extent[-1] + extent[1] + 2 * PAD
    height = bottom - top + 2 * PAD
    for item in placed:
        item.x += extent[-1] + PAD
        item.y += -top + PAD
    return placed, width, height


def _num(value: float) -> str:
    """Coordinates with one decimal: short, and the same on every machine."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _edge(a: _Placed, b: _Placed, direction: str, depth: int) -> str:
    """A line from the inner dot `a` to the outer dot `b`, stopped at their rims, with arrowheads
    where the link points: `b`'s `direction` says how `b` links with `a`."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    # `a` is the inner end (the page, or the neighbour a depth-2 node hangs from).
    start = (a.x + ux * (a.r + 1), a.y + uy * (a.r + 1))
    end = (b.x - ux * (b.r + 1), b.y - uy * (b.r + 1))
    heads = []
    if direction != "in":  # `a` links to `b`
        heads.append((end, (ux, uy)))
    if direction != "out":  # `b` links to `a`
        heads.append((start, (-ux, -uy)))
    cls = f"backlinks__graph-edge backlinks__graph-edge--{direction if direction in DIRECTIONS else 'both'}"
    if depth == 2:
        cls += " backlinks__graph-edge--far"
    parts = [
        f'<line class="{cls}" x1="{_num(start[0])}" y1="{_num(start[1])}" x2="{_num(end[0])}" y2="{_num(end[1])}"/>'
    ]
    for (tx, ty), (vx, vy) in heads:
        bx, by = tx - vx * ARROW_LENGTH, ty - vy * ARROW_LENGTH
        px, py = -vy * ARROW_HALF_WIDTH, vx * ARROW_HALF_WIDTH
        points = " ".join(f"{_num(x)},{_num(y)}" for x, y in ((tx, ty), (bx + px, by + py), (bx - px, by - py)))
        parts.append(f'<polygon class="backlinks__graph-arrow" points="{points}"/>')
    return "".join(parts)


def _label(item: _Placed) -> str:
    # The baseline sits about a third of the font below the dot's centre, which centres
    # lower-case text on it in common fonts (dominant-baseline is not supported everywhere).
    if item.side == 0:
        x, y, anchor = item.x, item.y + item.r + GAP + FONT_SIZE * 0.8, "middle"
    else:
        x, y = item.x + item.side * (item.r + GAP), item.y + FONT_SIZE * 0.35
        anchor = "start" if item.side > 0 else "end"
    return f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}">{html.escape(item.label)}</text>'


def _link(item: _Placed, href: str, title: str) -> str:
    """The HTML link over a node: its label, with room for the dot on the side facing it.

    The box spans the node's row (`ROW` high, rows never share a line) and the label's generous
    width estimate plus `LINK_REACH`; `backlinks.css` pads the text by `LINK_REACH` on the dot's
    side and sets its font and line height, so the text sits where an SVG label would."""
    width = label_width(item.label) + LINK_REACH + GAP
    x = item.x + item.r + GAP - LINK_REACH if item.side > 0 else item.x - item.r - GAP - width + LINK_REACH
    side = "right" if item.side > 0 else "left"
    return (
        f'<foreignObject x="{_num(x)}" y="{_num(item.y - ROW / 2)}" width="{_num(width)}" height="{_num(ROW)}">'
        f'<a xmlns="http://www.w3.org/1999/xhtml" class="backlinks__graph-link backlinks__graph-link--{side}" '
        f'href="{html.escape(href)}" title="{title}" aria-label="{title}">{html.escape(item.label)}</a>'
        "</foreignObject>"
    )


def local_graph_svg(
    page_key: str,
    page_title: str,
    nodes: Sequence[GraphNode],
    max_nodes: int = 12,
    label: str = "Links around {title}",
    more: str = "+{count} more",
    also_hidden: int = 0,
) -> str:
    """The `<svg class="backlinks__graph">` of a page's neighbourhood, or "" when it has none.

    `nodes`: the pages around it (see `GraphNode`), in any order: the drawing depends only on
    their values. At most `max_nodes` are drawn (0: all), the best-linked first; the rest are
    counted in a "+N more" line (`more`, with `{count}`). `label` (with `{title}`) names the
    graph for screen readers. Every title is escaped: it shows as text whatever it contains.
    `also_hidden` counts pages left out before `nodes` were listed (added to "+N more").
    """
    shown, outer, hidden = select(page_key, nodes, max_nodes)
    hidden += also_hidden
    if not shown:
        return ""
    placed, width, height = layout(page_title, shown, outer)
    more_line = FONT_SIZE * 1.6 if hidden else 0.0
    total_height = height + more_line
    by_key = {item.node.key: item for item in placed if item.node is not None}
    page = placed[0]

    edges = []
    for item in placed[1:]:
        node = item.node
        assert node is not None
        if not node.via:
            edges.append(_edge(page, item, node.direction, 1))
        else:
            for key in node.via:
                if key in by_key:
                    edges.append(_edge(by_key[key], item, node.direction, 2))

    out = [
        f'<svg class="backlinks__graph" xmlns="http://www.w3.org/2000/svg" role="group" '
        f'aria-label="{html.escape(label.replace("{title}", page_title))}" '
        f'viewBox="0 0 {_num(width)} {_num(total_height)}" width="{_num(width)}" height="{_num(total_height)}" '
        f'font-size="{_num(FONT_SIZE)}">',
        f'<g class="backlinks__graph-edges" aria-hidden="true">{"".join(edges)}</g>',
        f'<g class="backlinks__graph-node backlinks__graph-node--page" aria-current="page">'
        f"<title>{html.escape(page_title)}</title>"
        f'<circle cx="{_num(page.x)}" cy="{_num(page.y)}" r="{_num(page.r)}"/>{_label(page)}</g>',
    ]
    for item in placed[1:]:
        node = item.node
        assert node is not None
        kind = node.direction if node.direction in DIRECTIONS else "both"
        far = " backlinks__graph-node--far" if node.via else ""
        title = html.escape(node.title)
        out.append(
            f'<g class="backlinks__graph-node backlinks__graph-node--{kind}{far}">'
            f'<circle cx="{_num(item.x)}" cy="{_num(item.y)}" r="{_num(item.r)}"/>{_link(item, node.href, title)}</g>'
        )
    if hidden:
        out.append(
            f'<text class="backlinks__graph-more" x="{_num(width / 2)}" y="{_num(height + FONT_SIZE * 0.9)}" '
            f'text-anchor="middle">{html.escape(more.replace("{count}", str(hidden)))}</text>'
        )
    out.append("</svg>")
    return "".join(out)
