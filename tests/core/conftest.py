"""Small sites for the core's golden tables, made of plain values as the front ends hand them
over: each page's source, title, nav place and HTML, with hrefs written as MkDocs writes them.

A page's HTML names the pages it links to as `{other.md}` (optionally followed by `#part`):
the placeholder becomes the relative href MkDocs writes from that page in the URL mode at
hand, so one table serves both `use_directory_urls` settings. A page that does not exist stays
a relative `.md` path, as MkDocs leaves it; `{links.json}` is a site path made relative.
"""

from __future__ import annotations

import logging
import posixpath
import re
from typing import Iterable, Mapping, Optional

from mkdocs.structure.files import File

from mkdocs_backlinks.core.options import load_options
from mkdocs_backlinks.core.pages import page_info
from mkdocs_backlinks.core.site import LinkedSite, Listings, PageHTML, guarded_reader, link_site, with_written_files
from mkdocs_backlinks.core.urls import SiteFile, SiteResolver, relative_url

_PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")


def url_of(src: str, directory_urls: bool) -> str:
    """The `File.url` MkDocs gives `src`."""
    return File(src, "/docs", "/site", directory_urls).url


def linked_site(
    pages: Mapping[str, str],
    directory_urls: bool = True,
    options: Optional[Mapping[str, object]] = None,
    meta: Optional[Mapping[str, Mapping[str, object]]] = None,
    nav: Iterable[str] = (),
    crumbs: Optional[Mapping[str, tuple]] = None,
    titles: Optional[Mapping[str, str]] = None,
    excluded: Iterable[str] = (),
    assets: Iterable[str] = (),
    listings: Optional[Listings] = None,
) -> LinkedSite:
    """`link_site` over `pages` (source -> HTML with `{target.md}` placeholders).

    `nav` lists the pages of the navigation in order; `meta` is front matter by page; `titles`
    default to the file name's stem; `excluded` pages are drafts: known, but not read."""
    nav = list(nav)
    excluded = set(excluded)
    urls = {src: url_of(src, directory_urls) for src in [*pages, *assets]}
    infos = {
        src: page_info(
            src,
            urls[src],
            (titles or {}).get(src, src.rsplit("/", 1)[-1][: -len(".md")]),
            (meta or {}).get(src, {}),
            nav_position=nav.index(src) if src in nav else None,
            excluded=src in excluded,
            crumbs=(crumbs or {}).get(src, ()),
        )
        for src in pages
    }

    def href(src: str, target: str) -> str:
        if target.endswith(".md") and target not in urls:
            # MkDocs leaves a link to a missing page as written (and warns): relative to the page's source.
            return posixpath.relpath(target, posixpath.dirname(src) or ".")
        return relative_url(urls[target] if target in urls else target, urls[src])

    def written(src: str, html: str) -> str:
        return _PLACEHOLDER.sub(lambda match: href(src, match.group(1)), html)

    reading = [PageHTML(src, urls[src], written(src, html)) for src, html in pages.items() if src not in excluded]
    files = [SiteFile(src, urls[src], src in pages, src in excluded) for src in urls]
    loaded, _warnings = load_options(options or {})
    reader = guarded_reader(logging.getLogger("tests.core"))
    return link_site(
        infos, reading, SiteResolver(with_written_files(files, loaded)), loaded, reader, listings or Listings()
    )
