"""What the plugin adds around the panel: its stylesheet and its table-of-contents entry.

Besides `pages.py`, the one module that touches MkDocs objects, here only the theme-facing ones:
`Files`/`extra_css` for the stylesheet and `page.toc` for the TOC entry.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from mkdocs_backlinks.core.render import PACKAGE_DIR

STYLESHEET = "assets/backlinks.css"
"""Where the stylesheet is published, relative to the site root. A file at this path in
`docs_dir` replaces the shipped one."""


def add_stylesheet(config: MkDocsConfig, files: Files) -> None:
    """Publish the shipped stylesheet (straight from the package, never through `docs_dir`) and
    link it from every page through `extra_css`."""
    if files.get_file_from_path(STYLESHEET) is None:
        files.append(File(STYLESHEET, PACKAGE_DIR, config.site_dir, config.use_directory_urls))
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)


def add_toc_entry(page: Page, title: str, anchor: str) -> None:
    """Add the panel's heading (plain text `title`) to the page's table of contents, at the
    level of the page's sections."""
    entry = AnchorLink(html.escape(title), anchor, 2)  # TOC titles are HTML
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        # One title heading holding every section (how themes show most pages): join them.
        items[0].children.append(entry)
    else:
        items.append(entry)
