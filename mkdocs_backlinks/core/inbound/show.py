"""Outside links as the panel, the report and the export show them.

Everything here comes from files the user downloaded or from other sites' exports: titles,
anchors and context are untrusted text, escaped once where they are written (the templates'
autoescaping or `|e`), and a linking page's URL becomes an href only when it is an http(s) URL.
"""

from __future__ import annotations

from typing import Callable, Dict, List, NamedTuple, Optional, Tuple
from urllib.parse import urlsplit

from mkdocs_backlinks.core.inbound.formats import OutsideLink
from mkdocs_backlinks.core.inbound.gather import Inbound, PageInbound, SiteInbound, site_of

__all__ = ["InboundEntry", "export_object", "panel_part", "report_data", "safe_href", "top_pages", "top_sites"]

JsonObject = Dict[str, object]


def safe_href(url: str) -> str:
    """`url` when a browser may follow it from this site (http or https with a host), else ""."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return text


class InboundEntry(NamedTuple):
    """One link from another site, as the panel lists it."""

    title: str
    """The linking page's title, else its URL (plain text: escape it when writing HTML)."""
    url: str
    """The linking page's URL when it is an http(s) URL, else "" (then no link is written)."""
    site: str
    section: str = ""
    before: str = ""
    anchor: str = ""
    after: str = ""
    nofollow: bool = False


def entry(link: OutsideLink) -> InboundEntry:
    return InboundEntry(
        link.title.strip() or link.source,
        safe_href(link.source),
        site_of(link.source),
        link.section,
        link.before.strip(),
        link.anchor.strip(),
        link.after.strip(),
        link.nofollow,
    )


def panel_part(page: Optional[PageInbound], max_entries: int) -> Tuple[List[InboundEntry], int]:
    """The panel's "Linked from other sites" entries of a page (at most `max_entries`, 0: every
    kept one) and the number of outside links it has in all."""
    if page is None:
        return [], 0
    links = page.shown_links(max_entries) if max_entries else page.shown_links()
    return [entry(link) for link in links], page.link_count


def link_object(link: OutsideLink) -> JsonObject:
    return {
        "source": link.source,
        "title": link.title.strip(),
        "anchor": link.anchor.strip(),
        "before": link.before.strip(),
        "after": link.after.strip(),
        "section": link.section,
        "nofollow": link.nofollow,
        "from": link.origin,
    }


def export_object(inbound: Inbound, pages: List[str]) -> JsonObject:
    """The export's `inbound` part: per page its outside links and linking sites, the linking
    sites, the lost URLs' counts (their findings are the check's), and what was read."""
    built = set(pages)
    return {
        "sources": sorted(inbound.sources),
        "pages": [
            {
                "page": src,
                "links": page.link_count,
                "sites": page.site_count,
                "linking_sites": sorted(page.sites),
                "sample": [link_object(link) for link in page.shown_links()],
            }
            for src, page in sorted(inbound.pages.items())
            if src in built
        ],
        "sites": [
            {
                "site": host,
                "links": max(site.links, site.page_count),
                "pages": site.page_count,
                "targets": sorted(site.targets),
            }
            for host, site in top_sites(inbound)
        ],
        "ignored": {"other_sites": inbound.elsewhere, "not_pages": inbound.not_pages, "invalid": inbound.invalid},
    }


def top_sites(inbound: Inbound) -> List[Tuple[str, SiteInbound]]:
    """The linking sites, most links first."""
    return sorted(inbound.sites.items(), key=lambda item: (-item[1].link_count, item[0]))


def top_pages(inbound: Inbound, pages: List[str]) -> List[Tuple[str, PageInbound]]:
    """The pages most linked from outside, most links first."""
    built = set(pages)
    found = [(src, page) for src, page in inbound.pages.items() if src in built and page.link_count]
    return sorted(found, key=lambda item: (-item[1].link_count, -item[1].site_count, item[0]))


MAX_REPORT_ROWS = 50
"""Rows in each of the report's tables of links from outside (top sites, top pages)."""


def report_data(
    inbound: Inbound, pages: List[str], titles: Dict[str, str], href: Callable[[str], str]
) -> Dict[str, object]:
    """The report's "Links from outside" section: the pages most linked from outside (each with
    some of its links), the top linking sites, and what was read."""
    return {
        "sources": sorted(inbound.sources),
        "pages": [
            {
                "src": src,
                "title": titles.get(src, src),
                "href": href(src),
                "links": page.link_count,
                "sites": page.site_count,
                "sample": [entry(link) for link in page.shown_links(5)],
            }
            for src, page in top_pages(inbound, pages)[:MAX_REPORT_ROWS]
        ],
        "sites": [
            {
                "site": host,
                "links": site.link_count,
                "pages": site.page_count,
                "targets": [(titles.get(src, src), href(src)) for src in sorted(site.targets)[:5]],
                "more_targets": max(0, len(site.targets) - 5),
            }
            for host, site in top_sites(inbound)[:MAX_REPORT_ROWS]
        ],
        "ignored": inbound.elsewhere,
    }
