"""All outside links of one build: the exports and sibling sites read, each target matched to a
page, and counted per page, per linking site and per lost URL.

Sources overlap (Search Console counts the links Ahrefs lists one by one), so nothing is added
across them: a link listed by several is one link (same linking page, page and anchor), and a
page's count is the largest any one source gives it.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Set, Tuple

from mkdocs_backlinks.core.inbound.formats import ExportFile, LinkRecord, OutsideLink
from mkdocs_backlinks.core.inbound.match import Reach, Target, TargetMatcher, bare_host

__all__ = ["Inbound", "LostTarget", "PageInbound", "SiteInbound", "StoredLink", "add_export", "add_links", "site_of"]

MAX_KEPT_LINKS = 100
"""Links kept whole per page for the panel, the report and the export, the ones with the most to
show first; every link is counted."""

KEPT_WHILE_READING = 1000
"""Links a page keeps whole as an export is read before the ones no one shows are dropped."""


StoredLink = LinkRecord
"""An OutsideLink kept as a plain tuple (see LinkRecord)."""

_by_source = operator.itemgetter(0)

LinkKey = Tuple[str, str]
"""What makes a link distinct: its linking page and its anchor text."""


@dataclass
class PageInbound:
    """The outside links to one page of the build: each distinct one counted, and kept whole
    only when it may be shown (the panel, the report and the export show the MAX_KEPT_LINKS
    with the most to show, and no other). Filled by `add`, one link at a time, as an export is
    read; `pick` then drops what no one shows."""

    firsts: Dict[str, str] = field(default_factory=dict)
    """Each linking page's first anchor text (a link is its linking page and its anchor). Kept
    as strings, not as (page, anchor) tuples: the cycle collector never looks into a dict of
    strings, and 190,000 links kept as tuples took 0.02 s longer to count, the collector's first
    look at them 0.035 s and freeing them 0.02 s more."""
    more: Set[LinkKey] = field(default_factory=set)
    """The other links of a linking page that has several (other anchors)."""
    reported_links: int = 0
    reported_sites: int = 0
    """The largest counts a console gives for the page (Search Console's top linked pages)."""
    _kept: List[StoredLink] = field(default_factory=list, repr=False, compare=False)
    """Its links that may be shown, whole: the best ones in the order shown (`_picked` of
    them), then those added since, in the order read."""
    _picked: int = field(default=0, repr=False, compare=False)
    _sites: Optional[Tuple[int, Set[str]]] = field(default=None, repr=False, compare=False)

    @property
    def links(self) -> List[LinkKey]:
        """Each distinct link's (linking page, anchor)."""
        return list(self.firsts.items()) + list(self.more)

    def add(self, link: StoredLink) -> None:
        """Count a link, and keep it whole for now; a link already counted (the same link in
        two exports) is left as first read."""
        source, anchor = link[0], link[2]
        first = self.firsts.get(source)
        if first is None:
            self.firsts[source] = anchor
        elif first == anchor or (source, anchor) in self.more:
            return
        else:
            self.more.add((source, anchor))
        kept = self._kept
        kept.append(link)
        if len(kept) >= KEPT_WHILE_READING:
            self.pick()

    def pick(self) -> None:
        """Keep only the MAX_KEPT_LINKS links to show, in the order shown: those with a section
        or context first, then with an anchor, then with a title, each by linking page, then in
        the order read."""
        if self._picked == len(self._kept):
            return
        # Sorted by linking page in C (stable: ties stay in the order read, and the links picked
        # before stay before the links read since), then dealt into their classes until the first
        # is full: a key made per link of a page with 200,000 cost a third of a second more, and
        # ranking every link before sorting 0.15 s more for the 190,000 links of a 200,000-row
        # export spread over 500 pages. Picked as each link was read (each page keeping its best
        # ones only), the same export took 0.05 s longer to count.
        classes: List[List[StoredLink]] = [[] for _ in range(8)]
        best = classes[0]
        for link in sorted(self._kept, key=_by_source):
            # section or context, anchor, title: OutsideLink's fields 6, 4, 2, 3
            rank = 4 * (not (link[6] or link[4])) + 2 * (not link[2]) + (not link[3])
            classes[rank].append(link)
            if not rank and len(best) >= MAX_KEPT_LINKS:
                break
        self._kept = [link for links in classes for link in links][:MAX_KEPT_LINKS]
        self._picked = len(self._kept)

    @property
    def sites(self) -> Set[str]:
        """Its linking sites (bare hosts), worked out from its links when first asked: only the
        report and the export ask (see Inbound.sites)."""
        if self._sites is None or self._sites[0] != len(self.firsts):  # links are only ever added
            name_site = site_namer()
            sites = {host for host in map(name_site, self.firsts) if host}
            self._sites = (len(self.firsts), sites)
        return self._sites[1]

    @property
    def link_count(self) -> int:
        return max(len(self.firsts) + len(self.more), self.reported_links)

    @property
    def site_count(self) -> int:
        return max(len(self.sites), self.reported_sites)

    def shown_links(self, limit: int = MAX_KEPT_LINKS) -> List[OutsideLink]:
        """The first `limit` links to show, of at most MAX_KEPT_LINKS (see pick)."""
        self.pick()
        # Kept plain, made OutsideLinks for each caller: 50,000 named tuples kept for 500 pages
        # added 0.02 s to each full collection of the rest of the build.
        return [OutsideLink._make(link) for link in self._kept[:limit]]


@dataclass
class SiteInbound:
    """One site linking here: how many links, from how many of its pages, to which pages."""

    links: int = 0
    pages: Set[str] = field(default_factory=set)
    """Its linking pages' URLs."""
    targets: Set[str] = field(default_factory=set)
    """The pages of this build it links to (source paths)."""
    reported_pages: int = 0

    @property
    def page_count(self) -> int:
        return max(len(self.pages), self.reported_pages)

    @property
    def link_count(self) -> int:
        """Its links here: listed one by one, or at least one per linking page it is known for."""
        return max(self.links, self.page_count)


@dataclass
class LostTarget:
    """A site path outside links lead to where this build has no page."""

    path: str
    urls: Set[str] = field(default_factory=set)
    """The URLs as the exports write them."""
    links: Set[LinkKey] = field(default_factory=set)
    """Each distinct link's (linking page, anchor)."""
    sites: Set[str] = field(default_factory=set)
    reported_links: int = 0
    reported_sites: int = 0

    @property
    def link_count(self) -> int:
        return max(len(self.links), self.reported_links)

    @property
    def site_count(self) -> int:
        return max(len(self.sites), self.reported_sites)


@dataclass
class Inbound:
    """Every outside link of one build, matched to the build's pages."""

    pages: Dict[str, PageInbound] = field(default_factory=dict)
    lost: Dict[str, LostTarget] = field(default_factory=dict)
    reported_sites: Dict[str, SiteInbound] = field(default_factory=dict)
    """What exports that count links say of linking sites (their pages' counts, some pages)."""
    elsewhere: int = 0
    """Rows whose target is another host (or outside the site's sub-path): counted, not used."""
    not_pages: int = 0
    """Rows whose target is a file of the site that is no page, or a redirect off the site."""
    invalid: int = 0
    """Rows whose target is no http(s) URL."""
    sources: List[str] = field(default_factory=list)
    """What was read: each file with its format, each sibling site."""
    directory_urls: bool = True
    """The build's `use_directory_urls`: which redirects can serve a lost URL."""
    _sites: Optional[Dict[str, SiteInbound]] = field(default=None, repr=False, compare=False)

    def page(self, src: str) -> Optional[PageInbound]:
        return self.pages.get(src)

    @property
    def sites(self) -> Dict[str, SiteInbound]:
        """Every linking site: the pages' links counted per site when first asked, with what
        exports that count links say. Only the report and the export ask: counted as the rows
        were read, a 200,000-row export cost 0.15 s more (the panels need none of it)."""
        if self._sites is None:
            sites = {
                host: SiteInbound(pages=set(told.pages), reported_pages=told.reported_pages)
                for host, told in self.reported_sites.items()
            }
            name_site = site_namer()
            for src, page in self.pages.items():
                for source, _ in page.links:
                    host = name_site(source)
                    if not host:
                        continue  # a linking "page" that is no URL: shown as text, no site
                    site = sites.get(host)
                    if site is None:
                        site = sites[host] = SiteInbound()
                    site.links += 1
                    site.pages.add(source if "#" not in source else source.partition("#")[0])
                    site.targets.add(src)
            self._sites = sites
        return self._sites

    def reported_site(self, host: str) -> SiteInbound:
        """What counting exports say of linking site `host` (made when first named)."""
        self._sites = None
        site = self.reported_sites.get(host)
        if site is None:
            site = self.reported_sites[host] = SiteInbound()
        return site


def site_of(url: str) -> str:
    """The linking site of a linking page's URL (a bare host: `www.` and the scheme dropped), or
    the text itself when it is a host already (Search Console's top linking sites)."""
    text = url.strip()
    scheme, slashes, rest = text.partition("//")
    if not slashes:
        host = text.split("/")[0]
        return "" if ":" in host else bare_host(host)  # `javascript:...` is no site
    if scheme.lower() not in ("http:", "https:", ""):
        return ""
    # The authority as urlsplit finds it (up to the path, query or fragment), without its cost:
    # a 200,000-row export names as many linking pages.
    for end in "/?#":
        rest = rest.split(end, 1)[0]
    return bare_host(rest)


_AUTHORITY = re.compile(r"\s*(?:[Hh][Tt][Tt][Pp][Ss]?:)?//([^/?#\s]*)")


def site_namer() -> Callable[[str], str]:
    """`site_of`, each distinct host worked out once: an export of 200,000 rows names about as
    many linking pages, on a few thousand sites."""
    hosts: Dict[str, str] = {}

    def name(url: str) -> str:
        found = _AUTHORITY.match(url)
        if found is None:
            return site_of(url)
        authority = found.group(1)
        host = hosts.get(authority)
        if host is None:
            host = hosts[authority] = bare_host(authority)
        return host

    return name


def add_links(inbound: Inbound, matcher: TargetMatcher, links: Iterable[LinkRecord]) -> None:
    """Count links listed one by one (Bing, Ahrefs, Semrush, sibling sites), as plain records or
    OutsideLinks. The loop runs once per row of the biggest exports: it looks things up in local
    names; a page counts each link and keeps whole only those it may show (PageInbound.add);
    what is counted per linking site is worked out when asked (Inbound.sites)."""
    match = matcher.match
    name_site = site_namer()
    pages, lost_targets = inbound.pages, inbound.lost
    page_reach, lost_reach = Reach.PAGE, Reach.LOST
    matched: Dict[str, Target] = {}  # each distinct target URL matched once
    inbound._sites = None
    for link in links:
        known = matched.get(link[1])
        if known is None:
            known = matched[link[1]] = match(link[1])
        reach = known.reach
        if reach is page_reach:
            page = pages.get(known.page)
            if page is None:
                page = pages[known.page] = PageInbound()
            page.add(link)
        elif reach is lost_reach:
            lost = lost_targets.get(known.path)
            if lost is None:
                lost = lost_targets[known.path] = LostTarget(known.path)
            lost.urls.add(link[1])
            lost.links.add((link[0], link[2]))
            host = name_site(link[0])
            if host:
                lost.sites.add(host)
        elif reach is Reach.ELSEWHERE:
            inbound.elsewhere += 1
        elif reach is Reach.INVALID:
            inbound.invalid += 1
        else:
            inbound.not_pages += 1
    for page in pages.values():
        page.pick()  # the links no one shows are freed now, never looked at by the collector


def add_export(inbound: Inbound, matcher: TargetMatcher, export: ExportFile) -> None:
    """Count what one export file holds."""
    add_links(inbound, matcher, export.links.records)
    for count in export.page_counts:
        target = matcher.match(count.target)
        if target.reach is Reach.PAGE:
            page = inbound.pages.setdefault(target.page, PageInbound())
            page.reported_links = max(page.reported_links, count.links)
            page.reported_sites = max(page.reported_sites, count.sites)
        elif target.reach is Reach.LOST:
            lost = inbound.lost.setdefault(target.path, LostTarget(target.path))
            lost.urls.add(count.target)
            lost.reported_links = max(lost.reported_links, count.links)
            lost.reported_sites = max(lost.reported_sites, count.sites)
        elif target.reach is Reach.ELSEWHERE:
            inbound.elsewhere += 1
        elif target.reach is Reach.OTHER:
            inbound.not_pages += 1
        else:
            inbound.invalid += 1
    for site_count in export.site_counts:
        site = inbound.reported_site(site_of(site_count.site))
        site.reported_pages = max(site.reported_pages, site_count.pages)
    for url in export.linking_pages:
        inbound.reported_site(site_of(url)).pages.add(url.strip())
