"""All outside links of one build: the exports and sibling sites read, each target matched to a
page, and counted per page, per linking site and per lost URL.

Sources overlap (Search Console counts the links Ahrefs lists one by one), so nothing is added
across them: a link listed by several is one link (same linking page, page and anchor), and a
page's count is the largest any one source gives it.
"""

from __future__ import annotations

import heapq
import operator
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Set, Tuple

from mkdocs_backlinks.core.inbound.formats import ExportFile, OutsideLink
from mkdocs_backlinks.core.inbound.match import Reach, TargetMatcher, bare_host

__all__ = ["Inbound", "LostTarget", "PageInbound", "SiteInbound", "StoredLink", "add_export", "add_links", "site_of"]

MAX_KEPT_LINKS = 100
"""Links kept per page (and per lost URL) for the panel, the report and the export, the ones
with the most to show first; every link is counted."""


StoredLink = Tuple[object, ...]
"""An OutsideLink kept as a plain tuple of strings and a flag: the cycle collector stops
tracking those after its first look, never a named tuple. With the 190,000 links of a big export
kept as named tuples, each full collection of the rest of the build took 0.37 s longer."""

_by_source = operator.itemgetter(0)


@dataclass
class PageInbound:
    """The outside links to one page of the build."""

    links: Dict[Tuple[str, str], StoredLink] = field(default_factory=dict)
    """Each distinct link, by (linking page, anchor), as a plain tuple (see StoredLink)."""
    sites: Set[str] = field(default_factory=set)
    reported_links: int = 0
    reported_sites: int = 0
    """The largest counts a console gives for the page (Search Console's top linked pages)."""
    _shown: Optional[List[OutsideLink]] = field(default=None, repr=False, compare=False)

    @property
    def link_count(self) -> int:
        return max(len(self.links), self.reported_links)

    @property
    def site_count(self) -> int:
        return max(len(self.sites), self.reported_sites)

    def shown_links(self) -> List[OutsideLink]:
        """The links to show, at most MAX_KEPT_LINKS: those with a section or context first,
        then with an anchor, then with a title, each by linking page. Worked out once (the
        panel, the report and the export all ask)."""
        if self._shown is None:
            # Ranked by class, then the few needed taken by linking page: a key made per link
            # of a page with 200,000 cost a third of a second more.
            classes: List[List[StoredLink]] = [[] for _ in range(8)]
            for link in self.links.values():
                # section or context, anchor, title: OutsideLink's fields 6, 4, 2, 3
                classes[4 * (not (link[6] or link[4])) + 2 * (not link[2]) + (not link[3])].append(link)
            shown: List[StoredLink] = []
            for links in classes:
                if len(shown) >= MAX_KEPT_LINKS:
                    break
                shown += heapq.nsmallest(MAX_KEPT_LINKS - len(shown), links, key=_by_source)
            self._shown = [OutsideLink._make(link) for link in shown]
        return self._shown


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
    links: Dict[Tuple[str, str], StoredLink] = field(default_factory=dict)
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
    sites: Dict[str, SiteInbound] = field(default_factory=dict)
    lost: Dict[str, LostTarget] = field(default_factory=dict)
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

    def page(self, src: str) -> Optional[PageInbound]:
        return self.pages.get(src)

    def site(self, host: str) -> SiteInbound:
        site = self.sites.get(host)
        if site is None:
            site = self.sites[host] = SiteInbound()
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


def add_links(inbound: Inbound, matcher: TargetMatcher, links: Iterable[OutsideLink]) -> None:
    """Count links listed one by one (Bing, Ahrefs, Semrush, sibling sites). The loop runs once
    per row of the biggest exports: it looks things up in local names."""
    match = matcher.match
    name_site = site_namer()
    pages, sites, lost_targets = inbound.pages, inbound.sites, inbound.lost
    page_reach, lost_reach = Reach.PAGE, Reach.LOST
    for link in links:
        target = match(link.target)
        reach = target.reach
        if reach is not page_reach and reach is not lost_reach:
            if reach is Reach.ELSEWHERE:
                inbound.elsewhere += 1
            elif reach is Reach.INVALID:
                inbound.invalid += 1
            else:
                inbound.not_pages += 1
            continue
        source = link.source
        host = name_site(source)
        key = (source, link.anchor)
        if reach is page_reach:
            page = pages.get(target.page)
            if page is None:
                page = pages[target.page] = PageInbound()
            new = key not in page.links  # the same link in two exports is one link
            if new:
                page.links[key] = tuple(link)
            if host:  # "" for a linking "page" that is no URL: shown as text, no site
                site = sites.get(host)
                if site is None:
                    site = sites[host] = SiteInbound()
                site.links += new
                page.sites.add(host)
                site.pages.add(source if "#" not in source else source.partition("#")[0])
                site.targets.add(target.page)
        else:
            lost = lost_targets.get(target.path)
            if lost is None:
                lost = lost_targets[target.path] = LostTarget(target.path)
            lost.urls.add(link.target)
            lost.links.setdefault(key, tuple(link))
            if host:
                lost.sites.add(host)


def add_export(inbound: Inbound, matcher: TargetMatcher, export: ExportFile) -> None:
    """Count what one export file holds."""
    add_links(inbound, matcher, export.links)
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
        site = inbound.site(site_of(site_count.site))
        site.reported_pages = max(site.reported_pages, site_count.pages)
    for url in export.linking_pages:
        inbound.site(site_of(url)).pages.add(url.strip())
