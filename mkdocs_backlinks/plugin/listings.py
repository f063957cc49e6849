"""Pages that other plugins fill with automatic lists of pages: Material's tag listings and blog,
and mkdocs-literate-nav's nav files.

Such a page links to every page of a tag or every post, so if its links were listed like an
author's, "Tags" or "Blog" would top the panel of every tagged page or post. By default the
plugin keeps these links out of panels (`listings_in_panels: false`) but still counts them for
orphans and reachability, because readers do follow them.

Material's blog renders its views (the blog index, archive, category and pagination pages) from
the template, so their links to posts are not in the page content this plugin reads: the blog
index is taken to link to every post, and the generated archive, category and pagination pages
are exempt from the link checks (nobody links to them in content; the blog's own navigation
does). So are mkdocs-literate-nav's nav files that readers never see as a page of the nav
(`SUMMARY.md`), which MkDocs also builds as pages. A nav file that is also its section's index
page (`nav_file: README.md` or `index.md` with `implicit_index: true`) is shown to readers with
its prose: its links are content, like any page's. mkdocs-section-index's index pages are
ordinary pages too, and nothing here sets them apart.

Only plugin options and `File` attributes are read here, never a plugin's internals.
"""

from __future__ import annotations

import posixpath
from functools import partial
from typing import Dict, Iterable, List

from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, PluginCollection
from mkdocs.structure.pages import Page

from mkdocs_backlinks.core.listings import blog_layout, is_enabled, option_value, tags_listing_rule
from mkdocs_backlinks.core.site import Listings


def _instances(plugins: PluginCollection, module: str) -> List[BasePlugin[Config]]:
    return [plugin for plugin in plugins.values() if type(plugin).__module__.startswith(module)]


def _source(page: Page) -> str:
    """The page's Markdown source as written (MkDocs 1.5 has no `File.content_string`)."""
    try:
        if hasattr(page.file, "content_string"):
            return page.file.content_string
        if page.file.abs_src_path is None:  # a generated file without content_string
            return page.markdown or ""
        with open(page.file.abs_src_path, encoding="utf-8-sig", errors="replace") as source:
            return source.read()
    except (OSError, TypeError, ValueError):
        return page.markdown or ""


def is_index_page(file_name: str) -> bool:
    """Whether a page whose `File.name` is `file_name` is its folder's index page: MkDocs names
    both `index.md` and `README.md` "index" and gives them the folder's URL. With
    `implicit_index: true`, literate-nav puts that page first in its section of the nav, even
    when it is the nav file itself."""
    return file_name == "index"


def find_listings(plugins: PluginCollection, pages: Iterable[Page]) -> Listings:
    """The listing pages among `pages`, from the Material plugins configured in `plugins`."""
    pages = list(pages)
    sources = set()
    template_links: Dict[str, List[str]] = {}
    generated = set()

    for tags in _instances(plugins, "material.plugins.tags"):
        if not is_enabled(tags.config):
            continue
        # Material >= 9.6: a page lists tags where its source has the directive; before: one
        # `tags_file`.
        rule = tags_listing_rule(tags.config)
        for page in pages:
            if rule.lists(page.file.src_uri, partial(_source, page)):
                sources.add(page.file.src_uri)

    for blog in _instances(plugins, "material.plugins.blog"):
        if not is_enabled(blog.config):
            continue
        layout = blog_layout(blog.config)
        posts = layout.posts(page.file.src_uri for page in pages)
        for page in pages:
            src = page.file.src_uri
            if str(getattr(page.file, "generated_by", None) or "").startswith("material/blog"):
                generated.add(src)
                sources.add(src)
            elif src == layout.index:
                sources.add(src)
                template_links[src] = posts

    for literate_nav in _instances(plugins, "mkdocs_literate_nav."):
        # Its nav files (SUMMARY.md) are built as pages too, but are the nav, not content.
        nav_file = str(option_value(literate_nav.config, "nav_file", "SUMMARY.md"))
        implicit_index = bool(option_value(literate_nav.config, "implicit_index", False))
        for page in pages:
            if posixpath.basename(page.file.src_uri) == nav_file and not (
                implicit_index and is_index_page(page.file.name)
            ):
                generated.add(page.file.src_uri)
                sources.add(page.file.src_uri)

    return Listings(frozenset(sources), template_links, frozenset(generated))
