"""Per-page link metrics, as SEO crawlers report them: inlinks, linking pages, outlinks, anchor
texts, nofollow links, an internal link score (PageRank) and click depth from the homepage.

Computed only when an export asks for them (they cost more than the checks), always in sorted
order so the numbers are the same on every run.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Set, Tuple

from mkdocs_backlinks.core.broken_links import NO_SIBLINGS, SiblingBuilds
from mkdocs_backlinks.core.graph import Link, LinkGraph
from mkdocs_backlinks.core.pages import PageInfo

NOFOLLOW = frozenset({"nofollow", "ugc", "sponsored"})
"""`rel` values that tell crawlers not to pass value through a link."""

DAMPING = 0.85
TOLERANCE = 1e-12
MAX_ITERATIONS = 200


def is_nofollow(link: Link) -> bool:
    return any(value.lower() in NOFOLLOW for value in link.rel)


@dataclass
class PageMetrics:
    inlinks: int = 0
    """Links from other pages to this one (occurrences)."""
    linking_pages: int = 0
    """Distinct pages linking here."""
    outlinks: int = 0
    """Links from this page to other pages (occurrences)."""
    linked_pages: int = 0
    """Distinct pages this page links to."""
    nofollow_inlinks: int = 0
    """Inlinks marked `rel="nofollow"`, `ugc` or `sponsored` (recorded even when not counted)."""
    broken_outlinks: int = 0
    """Links from this page that reach no built page, but for those into a sibling build (another
    language or version, published beside this one), which are not broken: as the checks count."""
    anchor_texts: List[Tuple[str, int]] = field(default_factory=list)
    """The texts of the links here and how often each is used, most used first."""
    pagerank: float = 0.0
    link_score: float = 0.0
    """PageRank scaled so the site's best page scores 100."""
    depth: Optional[int] = None
    """Clicks from the homepage following content links; None when no such path exists."""


def pagerank(nodes: Sequence[str], edges: Mapping[str, Set[str]], damping: float = DAMPING) -> Dict[str, float]:
    """PageRank by power iteration over the graph `edges` (page -> pages it links to).

    Each page spreads its rank evenly over the distinct pages it links to; a page linking nowhere
    spreads it over every page (the usual "dangling node" rule), so the ranks always sum to 1.
    Nodes are processed in sorted order and iteration runs to a fixed tolerance: same graph, same
    numbers.
    """
    order = sorted(nodes)
    n = len(order)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(order)}
    out = [sorted(index[t] for t in edges.get(node, ()) if t in index and t != node) for node in order]
    rank = [1.0 / n] * n
    for _ in range(MAX_ITERATIONS):
        dangling = sum(rank[i] for i in range(n) if not out[i])
        base = (1.0 - damping) / n + damping * dangling / n
        new = [base] * n
        for i in range(n):
            targets = out[i]
            if targets:
                share = damping * rank[i] / len(targets)
                for j in targets:
                    new[j] += share
        delta = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if delta < TOLERANCE:
            break
    return {node: rank[i] for i, node in enumerate(order)}


def link_scores(ranks: Mapping[str, float]) -> Dict[str, float]:
    """PageRank scaled to 0-100 (the best page gets 100), rounded to one decimal."""
    top = max(ranks.values(), default=0.0)
    return {node: round(100.0 * value / top, 1) if top else 0.0 for node, value in sorted(ranks.items())}


def click_depths(start: Optional[str], edges: Mapping[str, Set[str]]) -> Dict[str, int]:
    """Fewest clicks from `start` to every page it can reach (breadth-first)."""
    if start is None:
        return {}
    depths = {start: 0}
    queue = deque([start])
    while queue:
        page = queue.popleft()
        for target in sorted(edges.get(page, ())):
            if target not in depths:
                depths[target] = depths[page] + 1
                queue.append(target)
    return depths


def link_edges(graph: LinkGraph, infos: Mapping[str, PageInfo], count_nofollow: bool = True) -> Dict[str, Set[str]]:
    """Every built page, in sorted order -> the built pages its counted links reach: the graph
    the link score and the click depth walk. With `count_nofollow` false, nofollow/ugc/sponsored
    links are left out."""
    pages = sorted(src for src, info in infos.items() if not info.excluded)
    built = set(pages)
    edges: Dict[str, Set[str]] = {}
    for source in pages:
        if count_nofollow:  # the targets alone: no `Link` made per link
            edges[source] = {t for t in graph.targets_from(source) if t in built}
        else:
            edges[source] = {
                link.target for link in graph.links_from(source) if link.target in built and not is_nofollow(link)
            }
    return edges


def link_ranks(graph: LinkGraph, infos: Mapping[str, PageInfo], count_nofollow: bool = True) -> Dict[str, float]:
    """The PageRank of every built page: what `page_metrics` reports and `link_scores` scales.
    A build works it out once (`LinkedSite.link_ranks`) for the local graph, the site graph
    and the exports alike."""
    edges = link_edges(graph, infos, count_nofollow)
    return pagerank(list(edges), edges)


def page_metrics(
    graph: LinkGraph,
    infos: Mapping[str, PageInfo],
    count_nofollow: bool = True,
    ranks: Optional[Mapping[str, float]] = None,
    siblings: SiblingBuilds = NO_SIBLINGS,
) -> Dict[str, PageMetrics]:
    """Metrics of every built page. With `count_nofollow` false, nofollow/ugc/sponsored links are
    left out of every number except `nofollow_inlinks`. `ranks`: the pages' `link_ranks`, when
    the caller has them already (worked out here otherwise). `siblings`: the builds published
    beside this one, links into which are not broken (`broken_links.find_sibling_links`)."""
    edges = link_edges(graph, infos, count_nofollow)
    pages = list(edges)
    metrics = {src: PageMetrics() for src in pages}
    texts: Dict[str, Dict[str, int]] = {src: {} for src in pages}
    linking: Dict[str, Set[str]] = {src: set() for src in pages}
    for source in pages:
        for target in edges[source]:
            linking[target].add(source)
        for link in graph.links_from(source):
            if link.target not in metrics:
                continue
            if is_nofollow(link):
                metrics[link.target].nofollow_inlinks += 1
                if not count_nofollow:
                    continue
            metrics[source].outlinks += 1
            metrics[link.target].inlinks += 1
            counts = texts[link.target]
            text = graph.text(link)
            counts[text] = counts.get(text, 0) + 1
    into_sibling = siblings.of(infos)
    for broken in graph.unresolved:
        if broken.source in metrics and into_sibling(broken) is None:
            metrics[broken.source].broken_outlinks += 1
    if ranks is None:
        ranks = pagerank(pages, edges)
    scores = link_scores(ranks)
    homepage = next((src for src in pages if infos[src].is_homepage), None)
    depths = click_depths(homepage, edges)
    for src in pages:
        m = metrics[src]
        m.linked_pages = len(edges[src])
        m.linking_pages = len(linking[src])
        m.anchor_texts = sorted(texts[src].items(), key=lambda item: (-item[1], item[0]))
        m.pagerank = round(ranks[src], 8)
        m.link_score = scores[src]
        m.depth = depths.get(src)
    return metrics
