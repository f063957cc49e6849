"""The link graph as the two graph views need it, from a finished build's graph.

`local_graph.py` and `site_graph.py` draw from plain values (`GraphNode`, `SiteGraphPage`); this
module turns the site's `LinkGraph`, `PageInfo`s and link scores into those values, with hrefs
relative to where each view is shown. It knows no front end: both call it through `LinkedSite`
(the local graph) and the audit (the site graph).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet, Callable, Dict, Iterable, List, Mapping, Sequence, Set, Tuple
from urllib.parse import quote

from mkdocs_backlinks.core.graph import LinkGraph
from mkdocs_backlinks.core.local_graph import GraphNode, select
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

    def around(self, src: str) -> Set[str]:
        """Every page linking with `src`, either way."""
        return self.incoming.get(src, set()) | self.outgoing.get(src, set())

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
    """The nodes to hand `local_graph_svg` for page `src`, and how many depth-2 pages were left
    out before listing them (to add to its "+N more").

    `node(key, direction, via)` makes a page's `GraphNode`; `ranked(page)` lists the pages
    linking with `page`, best-linked first. With depth 2, only the neighbours' neighbours that
    could be drawn are listed: the best `room` of each drawn neighbour's list, which holds every
    page among the best `room` of them all. A hub linking to every page thus costs each page a
    few dozen nodes, not the whole site.
    """
    direct = [node(key, neighbours.direction(key, src), ()) for key in sorted(neighbours.around(src))]
    if depth < 2 or not direct:
        return direct, 0
    shown, _outer, _hidden = select(src, direct, max_nodes)
    taken = {n.key for n in direct} | {src}
    far: Set[str] = set().union(*(neighbours.around(near.key) for near in shown)) - taken
    if max_nodes > 0:
        room = max(max_nodes - len(shown), 0)
        candidates: Set[str] = set()
        for near in shown:
            found = 0
            for key in ranked(near.key):
                if found >= room:
                    break
                if key not in taken:
                    candidates.add(key)
                    found += 1
    else:
        candidates = far
    nodes = list(direct)
    around = [(n.key, neighbours.around(n.key)) for n in shown]
    for key in sorted(candidates):
        via = tuple(sorted(near for near, linked in around if key in linked))
        directions = {neighbours.direction(key, near) for near in via}
        nodes.append(node(key, directions.pop() if len(directions) == 1 else "both", via))
    return nodes, len(far) - len(candidates)


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

    def order(src: str) -> tuple:
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
    pairs = {(source, target) for source in graph.pages if source in built for target in graph.targets_from(source) if target in built}
    return sorted(pairs)
