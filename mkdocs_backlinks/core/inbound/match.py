"""Which page of this site an outside link's target URL reaches, as a browser would reach it.

The site's own resolver (`urls.SiteResolver`) decides, so that outside links follow the rules the
site's own links follow: `site_url`'s sub-path, both `use_directory_urls` forms, `index.html`, a
trailing slash, percent-encoding, dot segments, the path's case kept (static hosts are
case-sensitive), mkdocs-redirects' old URLs leading to their new pages. Before it, what a link
from elsewhere adds: `http` and `https`, and a leading `www.`, are the same site; the query and
the fragment are dropped.
"""

from __future__ import annotations

import enum
from typing import Dict, NamedTuple, Optional
from urllib.parse import urlsplit

from mkdocs_backlinks.core.urls import Kind, SiteResolver

__all__ = ["Reach", "Target", "TargetMatcher", "bare_host"]


class Reach(enum.Enum):
    """Where an outside link's target URL leads."""

    PAGE = "page"
    """A page of the build (also through a redirect)."""
    LOST = "lost"
    """A path of this site where no page is: a reader following the link gets a 404."""
    OTHER = "other"
    """Something of this site that is no page (a file), or a redirect off the site."""
    ELSEWHERE = "elsewhere"
    """Another host, or this host outside the site's sub-path: not this site's."""
    INVALID = "invalid"
    """Not an http(s) URL."""


class Target(NamedTuple):
    reach: Reach
    page: str = ""
    """The page's source path (for PAGE)."""
    path: str = ""
    """The site path the URL asks for, decoded (for PAGE, LOST and OTHER)."""


def bare_host(netloc: str) -> str:
    """A URL's host as the same site for any scheme: lower case, no user, no default port, no
    leading `www.`."""
    host = netloc.rpartition("@")[2].lower().rstrip(".")
    for port in (":80", ":443"):
        if host.endswith(port):
            host = host[: -len(port)]
    return host[4:] if host.startswith("www.") else host


class TargetMatcher:
    """Matches target URLs to pages, each distinct URL once (an export names the same targets
    on many rows)."""

    def __init__(self, resolver: SiteResolver, site_url: Optional[str]) -> None:
        self.resolver = resolver
        self.host: Optional[str] = None
        """This site's bare host; None when `site_url` is not set (every host is this site's)."""
        if site_url:
            try:
                netloc = urlsplit(site_url).netloc
            except ValueError:
                netloc = ""
            self.host = bare_host(netloc) if netloc else None
        self._cache: Dict[str, Target] = {}

    def match(self, url: str) -> Target:
        found = self._cache.get(url)
        if found is None:
            found = self._cache[url] = self._match(url)
        return found

    def _match(self, url: str) -> Target:
        text = url.strip()
        try:
            parts = urlsplit(text)
        except ValueError:
            return Target(Reach.INVALID)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return Target(Reach.INVALID)
        if self.host is not None and bare_host(parts.netloc) != self.host:
            return Target(Reach.ELSEWHERE)
        # The path alone, root-relative: the resolver mounts it under site_url's sub-path.
        result = self.resolver.resolve("/" + parts.path.lstrip("/"), "")
        kind = result.kind
        if kind is Kind.PAGE or kind is Kind.SELF:
            return Target(Reach.PAGE, result.target, result.path)
        if kind is Kind.MISSING or kind is Kind.EXCLUDED:
            return Target(Reach.LOST, "", result.path)
        if kind is Kind.ASSET or (kind is Kind.EXTERNAL and result.path):
            return Target(Reach.OTHER, "", result.path)
        if kind is Kind.EXTERNAL:
            return Target(Reach.ELSEWHERE)
        return Target(Reach.INVALID)
