"""What the plugin needs to know of MkDocs' files and pages, as plain values.

This is the one module that reads MkDocs' objects (and the one place that knows their quirks),
so the graph, panel and report code can work on plain strings.
"""

from __future__ import annotations

import html
import os
from typing import Dict, Iterable, List

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_backlinks.core.pages import PageInfo, page_info
from mkdocs_backlinks.core.urls import SiteFile


def is_excluded(file: File) -> bool:
    """Left out of `mkdocs build` by `exclude_docs` or `draft_docs` (rendered by `serve` only)."""
    inclusion = getattr(file, "inclusion", None)
    return inclusion is not None and inclusion.is_excluded()


def site_files(files: Files) -> List[SiteFile]:
    return [
        SiteFile(file.src_uri, file.url, file.is_documentation_page(), is_excluded(file))
        for file in files
    ]


def plain_title(page: Page) -> str:
    """The page's title as plain text, whatever MkDocs derived it from.

    A title from front matter or from `nav` is plain text; a title MkDocs took from the page's
    first heading is HTML (entities kept, tags stripped). Decoding only the latter, and escaping
    every title once when rendering, shows readers exactly what the author wrote.
    """
    title = page.title
    if title is None:
        return page.file.src_uri
    title = str(title)
    from_heading = getattr(page, "_title_from_render", None)
    if from_heading and title == from_heading and "title" not in (page.meta or {}):
        title = html.unescape(title)
    return " ".join(title.split())


def url_of_source(src_uri: str, use_directory_urls: bool) -> str:
    """The `File.url` MkDocs gives (or would give) the page `src_uri`, e.g. the old location of
    a page moved with mkdocs-redirects, which is no longer among the site's files."""
    return File(src_uri, "", "", use_directory_urls).url


def page_infos(pages: Iterable[Page], nav_order: Dict[str, int]) -> Dict[str, PageInfo]:
    return {
        page.file.src_uri: page_info(
            page.file.src_uri,
            page.file.url,
            plain_title(page),
            page.meta or {},
            nav_position=nav_order.get(page.file.src_uri),
            is_homepage=page.is_homepage,
            excluded=is_excluded(page.file),
            crumbs=tuple(" ".join(str(section.title).split()) for section in reversed(list(page.ancestors))),
        )
        for page in pages
    }


def render_unread_page(page: Page, config: MkDocsConfig, files: Files) -> bool:
    """Read and render a page that a dirty build (`--dirty`) skipped, as MkDocs would have.

    Uses MkDocs' own page pipeline (`on_pre_page` to `on_page_content` included); it runs in
    `on_env`, after other plugins' `on_env` handlers of higher priority. Returns whether the page
    has content now."""
    try:
        from mkdocs.commands.build import _populate_page
    except ImportError:  # pragma: no cover - a future MkDocs 1.x without it
        return False
    _populate_page(page, config, files, dirty=False)
    return page.content is not None


def mark_for_rebuild(file: File) -> None:
    """Make a dirty build write this page again: MkDocs skips pages whose output is newer than
    their source, so the output's time is set back (the page is about to be rewritten)."""
    if file.abs_dest_path and os.path.isfile(file.abs_dest_path):
        os.utime(file.abs_dest_path, (0, 0))
