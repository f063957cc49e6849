"""The entry both front ends call: pages and their HTML in, the link graph and panels out.

A front end (the MkDocs plugin, or the post-build command reading a built site) learns each
page's `PageInfo`, the HTML its links are read from, and the site's files, as plain values; then
`link_site` reads and resolves every link into one `LinkedSite`, which answers for each page
whether it shows a panel and what that panel lists. The rules of panels (which links count,
which pages show one) live here once, for both front ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import quote

from markupsafe import Markup

from mkdocs_backlinks.core.broken_links import NO_SIBLINGS, SiblingBuilds
from mkdocs_backlinks.core.graph import LinkGraph, PageLinks, UnresolvedLink, page_links
from mkdocs_backlinks.core.graph_views import LocalGraphs, Neighbours
from mkdocs_backlinks.core.html import Anchor, extract_anchors
from mkdocs_backlinks.core.inbound.gather import Inbound
from mkdocs_backlinks.core.inbound.show import panel_part
from mkdocs_backlinks.core.log import Log
from mkdocs_backlinks.core.mentions import Mention
from mkdocs_backlinks.core.metrics import PageMetrics, link_ranks, link_scores, page_metrics
from mkdocs_backlinks.core.options import BacklinksConfig
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.panel import (
    Panel,
    SortKey,
    make_panel,
    mention_entries,
    panel_entries,
    sort_keys,
    with_context,
)
from mkdocs_backlinks.core.related import Related
from mkdocs_backlinks.core.site_mentions import mentions_of, site_mentions, site_related
from mkdocs_backlinks.core.snippets import Snippets
from mkdocs_backlinks.core.urls import SiteFile, SiteResolver

__all__ = [
    "AnchorReader",
    "LinkedSite",
    "Listings",
    "PageHTML",
    "guarded_reader",
    "ignored_sources",
    "link_site",
    "with_written_files",
]


@dataclass(frozen=True)
class Listings:
    """Pages that a generator fills with automatic lists of pages (tag listings, blog views, nav
    files). Their links would top every listed page's panel, so by default they are in no panel
    (`listings_in_panels: false`), though they still count for orphans and reachability."""

    sources: FrozenSet[str] = frozenset()
    """Pages whose links are automatic lists."""
    template_links: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Links a listing page shows through its template rather than its content: page -> targets."""
    generated: FrozenSet[str] = frozenset()
    """Pages a plugin generated (blog archive, category and pagination pages) or uses as its input
    (a nav file readers never see as a page): exempt from the link checks."""


@dataclass(frozen=True)
class PageHTML:
    """A page whose links count: where it is published, and the HTML its links are read from."""

    src: str
    url: str
    html: str
    anchors: Optional[List[Anchor]] = None
    """The page's anchors when a front end already has them (the plugin's serve records)."""


AnchorReader = Callable[[str, str], List[Anchor]]
"""Reads the anchors of one page: `(src, html) -> anchors`."""


def guarded_reader(log: Log) -> AnchorReader:
    """`extract_anchors`, with a bug of ours on one page turned into a warning naming the page:
    it must not take the user's build down."""

    def read(src: str, html: str) -> List[Anchor]:
        try:
            return extract_anchors(html)
        except Exception as error:
            log.warning(f"Could not read the links of page '{src}': {error!r}")
            return []

    return read


class LinkedSite:
    """One build's link graph, and the panel of each page.

    `infos` holds every page the build knows (drafts served by `mkdocs serve` included);
    `ignored` the pages whose links appear in no panel."""

    def __init__(
        self,
        infos: Dict[str, PageInfo],
        graph: LinkGraph,
        snippets: Snippets,
        ignored: FrozenSet[str],
        options: BacklinksConfig,
        language: object = "en",
        inbound: Optional[Inbound] = None,
    ) -> None:
        self.infos = infos
        self.graph = graph
        self.snippets = snippets
        self.ignored = ignored
        self.options = options
        self._sort_keys: Optional[Dict[str, SortKey]] = None
        # The graph views' data, made on first use (see link_ranks, page_metrics and local_graph).
        self._ranks: Optional[Dict[str, float]] = None
        self._scores: Optional[Dict[str, float]] = None
        self._metrics: Optional[Dict[str, PageMetrics]] = None
        self._local_graphs: Optional[LocalGraphs] = None
        # --- Unlinked mentions and related pages: computed on first use, once per build ---
        self.language = language
        """The site's language (the theme's), for generic titles and stop words."""
        self._mentions: Optional[List[Mention]] = None
        self._mentions_by_target: Optional[Dict[str, List[Mention]]] = None
        self._related: Optional[Dict[str, List[Related]]] = None
        self.inbound = inbound
        """Links from other sites (`inbound_links`, `sibling_sites`); None when none is named."""

    def shows_panel(self, src: str) -> bool:
        """Whether page `src` may show a panel at all (front matter and `ignore_links_to`)."""
        info = self.infos.get(src)
        return info is not None and not info.hide_panel and not self.options.ignore_links_to.matches(src)

    def any_panel(self) -> bool:
        """Whether some page shows a panel (the stylesheet is added only then)."""
        for src in self.infos:
            if not self.shows_panel(src):
                continue
            if self.options.show_when_empty:
                return True
            if any(source not in self.ignored for source in self.graph.sources_to(src)):
                return True
            if self.options.mentions_in_panel and self.mentions_of(src):
                return True
            if self.options.inbound_in_panel and self.inbound is not None and self.inbound.page(src):
                return True
        return False

    def panel(self, src: str) -> Panel:
        """The panel of page `src`, with context only for the entries it shows in full."""
        if not self.shows_panel(src):
            return Panel([])
        options = self.options
        if self._sort_keys is None:  # once per build, not once per panel
            self._sort_keys = sort_keys(self.infos, options.sort)
        entries = panel_entries(src, self.graph, self.infos, options.sort, self.ignored, self._sort_keys)
        panel = make_panel(entries, options.max_entries, options.group_by_section)
        panel = with_context(panel, options.context, self.snippets, options.max_occurrences)
        if options.mentions_in_panel:
            panel.mentions = mention_entries(src, self.mentions_of(src), self.infos, self._sort_keys)
        if options.inbound_in_panel and self.inbound is not None:
            panel.inbound, panel.inbound_count = panel_part(self.inbound.page(src), options.max_entries)
        if options.local_graph and self.writes_panel(panel):
            panel.graph = self.local_graph(src)
        return panel

    def writes_panel(self, panel: Panel) -> bool:
        """Whether a page with this panel gets one written: it lists pages, says it lists none,
        or lists pages that name it without a link."""
        return bool(panel) or self.options.show_when_empty or bool(panel.mentions) or bool(panel.inbound_count)

    # --- Unlinked mentions and related pages (site_mentions.py) ---------------------------------

    def mentions(self) -> List[Mention]:
        """Every unlinked mention of the site, sorted by source then target; worked out on the
        first call (the first panel with `mentions_in_panel`, else the audit)."""
        if self._mentions is None:
            self._mentions = site_mentions(self.infos, self.snippets.contents, self.graph, self.options, self.language)
        return self._mentions

    def mentions_of(self, target: str) -> List[Mention]:
        """The unlinked mentions of page `target`."""
        if self._mentions_by_target is None:
            self._mentions_by_target = mentions_of(self.mentions())
        return self._mentions_by_target.get(target, [])

    def related(self) -> Dict[str, List[Related]]:
        """Each page's related pages not yet linked (`related_pages` of them; none when 0)."""
        if self._related is None:
            self._related = site_related(self.infos, self.snippets.contents, self.graph, self.options, self.language)
        return self._related

    # --- The graph views: metrics shared with the audit, and each panel's local graph --------

    def link_ranks(self) -> Dict[str, float]:
        """Every built page's PageRank, worked out once per build by whichever asks first: the
        panels' local graphs (drawn before the audit), else the metrics of the export and the
        report, or the site graph."""
        if self._ranks is None:
            self._ranks = link_ranks(self.graph, self.infos, self.options.count_nofollow)
        return self._ranks

    def link_scores(self) -> Dict[str, float]:
        """Every built page's link score (its PageRank scaled to 0-100), once per build."""
        if self._scores is None:
            self._scores = link_scores(self.link_ranks())
        return self._scores

    def page_metrics(self, siblings: SiblingBuilds = NO_SIBLINGS) -> Dict[str, PageMetrics]:
        """Every built page's metrics, computed once per build and only when asked: by the
        export or the report (the graph views need only the link scores). `siblings`: the
        builds published beside this one (links into them are not broken)."""
        metrics = self._metrics
        if metrics is None:
            metrics = self._metrics = page_metrics(
                self.graph, self.infos, self.options.count_nofollow, self.link_ranks(), siblings
            )
        return metrics

    def local_graph(self, src: str) -> str:
        """The `<svg>` of page `src`'s neighbourhood ("" when nothing links with it), its links
        relative to the page as the panel's are. Safe HTML: every title in it is escaped."""
        if self._local_graphs is None:
            neighbours = Neighbours.of(self.graph, self.infos, self.ignored)
            self._local_graphs = LocalGraphs(neighbours, self.infos, self.link_scores())
        options = self.options
        return Markup(self._local_graphs.svg(src, options.local_graph_depth, options.local_graph_max_nodes))


def with_written_files(files: List[SiteFile], options: BacklinksConfig, others: Sequence[str] = ()) -> List[SiteFile]:
    """The site's files, with those this build writes itself after reading the links (the
    export, the report, the site graph, and `others` such as the stylesheet): links to them work, and resolve
    the same on the first build as on the next."""
    present = {file.src_uri for file in files}
    written = [options.graph_file, options.report_file, options.graph_page, *others]
    return files + [SiteFile(path, quote(path), False) for path in written if path and path not in present]


def ignored_sources(infos: Mapping[str, PageInfo], options: BacklinksConfig, listings: Listings) -> FrozenSet[str]:
    """The pages whose links are in no panel: `ignore_links_from`, front matter
    `backlinks_from_here: false`, and automatic listings unless `listings_in_panels`."""
    ignored = frozenset(src for src, info in infos.items() if info.hide_links or options.ignore_links_from.matches(src))
    return ignored if options.listings_in_panels else ignored | listings.sources


def link_site(
    infos: Dict[str, PageInfo],
    pages: Iterable[PageHTML],
    resolver: SiteResolver,
    options: BacklinksConfig,
    read_anchors: AnchorReader,
    listings: Listings = Listings(),
    language: object = "en",
    inbound: Optional[Inbound] = None,
) -> LinkedSite:
    """Read and resolve the links of `pages` (the ones whose links count; drafts are not among
    them) into the site's graph. `infos` is every page of the build, by source path; `language`
    the site's (the theme's), for mention detection; `inbound` the links from other sites, when
    an option names some."""
    for src in listings.generated & infos.keys():
        # Nobody links to generated pages in content; their generator's navigation does. Nor
        # does anyone write about them: a blog archive titled "2024" or a category "Release" is
        # no page that prose mentions, and its excerpts are its posts' words: such pages neither
        # mention nor are mentioned, in the panels, the export and related pages alike.
        infos[src] = replace(infos[src], checks_exempt=infos[src].checks_exempt + ("all",), mentions=False)
    links_by_page: List[Tuple[str, PageLinks]] = []
    unresolved: List[UnresolvedLink] = []
    contents: Dict[str, str] = {}
    for page in pages:
        anchors = page.anchors if page.anchors is not None else read_anchors(page.src, page.html)
        links, broken = page_links(page.src, page.url, anchors, resolver, page.html)
        for target in listings.template_links.get(page.src, ()):
            if target != page.src:
                links.add(target)
        links_by_page.append((page.src, links))
        unresolved.extend(broken)
        contents[page.src] = page.html
    length = options.snippet_length if options.context == "snippets" else 0
    # One map of the pages' HTML, shared by the graph (link texts) and the snippets.
    graph = LinkGraph.build(links_by_page, unresolved, contents)
    # Unlinked mentions are left to their first use (`LinkedSite.mentions`), even for the panels:
    # the plugin appends its panel marker to a page's content only after drawing that page's
    # panel, so the first panel (or `any_panel`) asks for them before any page has one; and the
    # marker is an HTML comment, which the prose they are read from leaves out anyway.
    return LinkedSite(
        infos, graph, Snippets(contents, length), ignored_sources(infos, options, listings), options, language, inbound
    )
