"""The link graph as the two graph views need it, from a finished build's graph.

`local_graph.py` and `site_graph.py` draw from plain values (`GraphNode`, `SiteGraphPage`); this
module turns the site's `LinkGraph`, `PageInfo`s and link scores into those values, with hrefs
relative to where each view is shown. It knows no front end: both call it through `LinkedSite`
(the local graph) and the audit (the site graph).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import AbstractSet, Callable, Dict, FrozenSet, Iterable, List, Mapping, Sequence, Set, Tuple
from urllib.parse import quote

from mkdocs_backlinks.core.graph import LinkGraph
from mkdocs_backlinks.core.local_graph import GraphNode, local_graph_svg
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.site_graph import SiteGraphPage
from mkdocs_backlinks.core.urls import relative_url


@dataclass
class Neighbours:
    """Who links with whom, once per build: distinct pages, no self-links, only pages the build
    knows. `incoming` leaves out the sources whose links are in no panel (`ignore_links_from`,
    listings), as the panel does: a tag listing would otherwise stand around every page."""

    incoming: Dict[str, Set[str]]
    outgoing: Dict[str, Set[str]]
    _around: Dict[str, FrozenSet[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """`around(page)` for each page asked about, made once per build rather than once per graph
    drawn: at depth 2 every page's graph asks for its neighbours' sets, and a hub's set is the
    whole site. Measured (`neighbourhood` of every page at depth 2, a homepage linking to every
    page, each page linking to it and 3 others): rebuilt on each call, 0.60 s at 4,000 pages and
    4.5 s at 8,000; cached, 0.37 s and 1.15 s (with `count_beyond`, 0.21 s and 0.44 s)."""

    @classmethod
    def of(cls, graph: LinkGraph, infos: Mapping[str, PageInfo], ignored: AbstractSet[str]) -> "Neighbours":
        incoming: Dict[str, Set[str]] = {}
        outgoing: Dict[str, Set[str]] = {}
        for source in graph.pages:
            if source not in infos:
                continue
            targets = {t for t in graph.targets_from(source) if t in infos and t != source}
            outgoing[source] = targets
            if source in ignored:
                continue
            for target in targets:
                incoming.setdefault(target, set()).add(source)
        return cls(incoming, outgoing)

    def around(self, src: str) -> FrozenSet[str]:
        """Every page linking with `src`, either way."""
        found = self._around.get(src)
        if found is None:
            found = self._around[src] = frozenset(self.incoming.get(src, ())) | self.outgoing.get(src, set())
        return found

    def direction(self, page: str, of: str) -> str:
        """How `page` links with `of`: `in` (it links to `of`), `out` (`of` links to it) or `both`."""
        linking = page in self.incoming.get(of, ())
        linked = page in self.outgoing.get(of, ())
        return "both" if linking and linked else "in" if linking else "out"


def neighbourhood(
    src: str,
    neighbours: Neighbours,
    node: Callable[[str, str, Tuple[str, ...]], GraphNode],
    depth: int,
    max_nodes: int,
    ranked: Callable[[str], Sequence[str]],
) -> Tuple[List[GraphNode], int]:
    """The nodes to hand `local_graph_svg` for page `src`, and how many pages around it were
    left out before listing them (to add to its "+N more").

    `node(key, direction, via)` makes a page's `GraphNode`; `ranked(page)` lists the pages
    linking with `page`, best-linked first (as `local_graph.select` orders them). Only pages
    that can be drawn are listed: the best `max_nodes` neighbours, and with depth 2 the best
    `room` of each drawn neighbour's own list, which holds every page among the best `room` of
    them all. A hub linking to every page thus costs each page a few dozen nodes, not the site.
    """
    around_here = ranked(src)
    room = max_nodes if max_nodes > 0 else len(around_here)
    shown = around_here[:room]
    nodes = [node(key, neighbours.direction(key, src), ()) for key in shown]
    left_out = len(around_here) - len(shown)
    if depth < 2 or not shown:
        return nodes, left_out
    taken = set(around_here) | {src}
    around = [(near, neighbours.around(near)) for near in shown]
    if max_nodes > 0:
        room = max(max_nodes - len(shown), 0)
        candidates: Set[str] = set()
        for near in shown:
            found = 0
            for key in ranked(near):
                if found >= room:
                    break
                if key not in taken:
                    candidates.add(key)
                    found += 1
        far = count_beyond([linked for _near, linked in around], taken)
    else:
        candidates = set().union(*(linked for _near, linked in around)) - taken
        far = len(candidates)
    for key in sorted(candidates):
        via = tuple(sorted(near for near, linked in around if key in linked))
        directions = {neighbours.direction(key, near) for near in via}
        nodes.append(node(key, directions.pop() if len(directions) == 1 else "both", via))
    return nodes, left_out + far - len(candidates)


def count_beyond(sets: Sequence[AbstractSet[str]], taken: AbstractSet[str]) -> int:
    """How many pages are in some of `sets` and not in `taken`: `len(union(sets) - taken)`,
    without copying the largest set. Next to a hub that set is the whole site: copied for every
    page's graph, it kept all the neighbourhoods together O(pages^2) even with `around` cached
    (measured as there: 1.15 s at 8,000 pages, 7.9 s at 16,000; counted this way, 0.44 s and
    0.94 s, about 55 microseconds a page whatever the site's size)."""
    if not sets:
        return 0
    largest = max(sets, key=len)
    others = {key for linked in sets if linked is not largest for key in linked if key not in largest}
    return len(largest) - sum(1 for key in taken if key in largest) + len(others - taken)


class LocalGraphs:
    """Draws each page's local graph; what every page's graph shares (the neighbours, the
    ranking by link score, each page's neighbours in that order) is worked out once per build."""

    def __init__(self, neighbours: Neighbours, infos: Mapping[str, PageInfo], scores: Mapping[str, float]) -> None:
        self.neighbours = neighbours
        self.infos = infos
        self.scores = scores
        # Every page's place in the ranking `local_graph.select` uses, to sort neighbours by.
        order = sorted(infos, key=lambda k: (-scores.get(k, 0.0), infos[k].title.casefold(), k))
        self._rank = {key: index for index, key in enumerate(order)}
        self._ranked: Dict[str, List[str]] = {}

    def ranked(self, key: str) -> List[str]:
        """The pages linking with `key`, best-linked first; sorted once per build."""
        found = self._ranked.get(key)
        if found is None:
            found = self._ranked[key] = sorted(self.neighbours.around(key), key=self._rank.__getitem__)
        return found

    def svg(self, src: str, depth: int, max_nodes: int) -> str:
        """The `<svg>` of page `src`'s neighbourhood, hrefs relative to its URL ("" when nothing
        links with it)."""
        infos, scores = self.infos, self.scores
        here = infos[src].url

        def node(key: str, direction: str, via: Tuple[str, ...]) -> GraphNode:
            return GraphNode(
                key, infos[key].title, relative_url(infos[key].url, here), direction, scores.get(key, 0.0), via
            )

        nodes, left_out = neighbourhood(src, self.neighbours, node, depth, max_nodes, self.ranked)
        return local_graph_svg(src, infos[src].title, nodes, max_nodes, also_hidden=left_out)


def site_graph_pages(
    infos: Mapping[str, PageInfo],
    scores: Mapping[str, float],
    orphans: Iterable[str],
    unreachable: Iterable[str],
    graph_page: str,
) -> List[SiteGraphPage]:
    """Every built page as the site graph shows it, in nav order (pages outside the nav after,
    by title), with hrefs relative to `graph_page` and its section the top-level nav section."""
    orphaned, lost = set(orphans), set(unreachable)
    here = quote(graph_page)
    pages = [src for src, info in infos.items() if not info.excluded]

    def order(src: str) -> Tuple[bool, int, str, str]:
        info = infos[src]
        position = info.nav_position
        return (position is None, position if position is not None else 0, info.title.casefold(), src)

    return [
        SiteGraphPage(
            key=src,
            title=infos[src].title,
            href=relative_url(infos[src].url, here),
            section=infos[src].crumbs[0] if infos[src].crumbs else "",
            score=scores.get(src, 0.0),
            orphan=src in orphaned,
            unreachable=src in lost,
        )
        for src in sorted(pages, key=order)
    ]


def content_links(graph: LinkGraph, infos: Mapping[str, PageInfo]) -> List[Tuple[str, str]]:
    """Each distinct (from, to) pair of built pages linked in content, sorted."""
    built = {src for src, info in infos.items() if not info.excluded}
    pairs = {
        (source, target)
        for source in graph.pages
        if source in built
        for target in graph.targets_from(source)
        if target in built
    }
    return sorted(pairs)
