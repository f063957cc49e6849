"""Which pages of a built site are automatic listings (Material's tag listings and blog views,
as Zensical or Material for MkDocs built them), as the plugin finds them during a build: a
`core.site.Listings` from the config file's `blog` and `tags` entries and the built pages.

The rules are the plugin's (`core.listings`); what differs is how the pages are known. A tag
listing is found in its Markdown source (`BuiltPage.markdown`), as the plugin finds it. A blog's
posts and generated views have no Markdown source at their path in the built site (posts are
published at `{date}/{slug}`, not under `posts/`), so under the blog dir a page without a source
(`BuiltPage.has_source`) is:
- one of the blog's generated views (archive, category, author and pagination pages, which
  the plugin knows by `File.generated_by`) when its path has the form the blog's options give
  them: `archive_url_format`, `categories_url_format`, `authors_profiles_url_format`, each
  optionally followed by `pagination_url_format`, or `pagination_url_format` alone (the blog
  index's further pages);
- a post otherwise.
A form that is all placeholders (`categories_url_format: "{slug}"`) cannot be told from a
post's path, so it is not used, and such views are taken for posts.

Those pages are then named as the plugin names them, so that the two front ends' exports can
be joined (`with_blog_names`): a post by its Markdown source under `post_dir` (found by its slug,
its file name or its title), a view by the path Material's blog gives it
(`blog/archive/2024.md`, `blog/category/news.md`, the index's further pages
`blog/page/2/index.md`).
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import replace
from typing import Any, Callable, Dict, List, Mapping, Optional, Pattern, Sequence, Set, Tuple

from markdown.extensions.toc import slugify

from mkdocs_backlinks.command.built_site import (
    BuiltPage,
    BuiltSite,
    front_matter,
    markdown_sources,
    page_dest,
    read_markdown,
)
from mkdocs_backlinks.command.config_file import SiteConfig
from mkdocs_backlinks.core.listings import blog_layout, is_enabled, option_value, tags_listing_rule
from mkdocs_backlinks.core.log import Log
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.site import Listings
from mkdocs_backlinks.core.urls import SiteFile

__all__ = ["blog_path", "find_listings", "view_pattern", "with_blog_names", "with_post_crumbs"]

VIEW_FORMATS = (
    ("archive_url_format", "archive/{date}"),
    ("categories_url_format", "category/{slug}"),
    ("authors_profiles_url_format", "author/{slug}"),
)
"""The blog options that place its generated views, with Material's defaults (Zensical's too)."""
PAGINATION_FORMAT = ("pagination_url_format", "page/{page}")

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_ANY_SEGMENTS = r"[^/]+(?:/[^/]+)*"
"""What a placeholder stands for: a date may span segments (`archive_url_date_format: yyyy/MM`)."""


def _format_pattern(url_format: str) -> Optional[str]:
    """A regex for the paths of a URL format (`archive/{date}`), None when it has no literal text
    to tell its pages from posts."""
    url_format = url_format.strip("/")
    literal = _PLACEHOLDER.sub("", url_format)
    if not literal.strip("/"):
        return None
    return _ANY_SEGMENTS.join(re.escape(part) for part in _PLACEHOLDER.split(url_format))


def view_pattern(options: object) -> Optional[Pattern[str]]:
    """The paths (under the blog dir, as `blog_path` gives them) of the generated views of a blog
    with these options; None when no format can be told from posts."""
    views = [p for p in (_format_pattern(str(option_value(options, n, d))) for n, d in VIEW_FORMATS) if p]
    pagination = _format_pattern(str(option_value(options, *PAGINATION_FORMAT)))
    alternatives = []
    if views:
        paged = f"(?:/{pagination})?" if pagination else ""
        alternatives.append(f"(?:{'|'.join(views)}){paged}")
    if pagination:
        alternatives.append(pagination)
    return re.compile("|".join(alternatives)) if alternatives else None


def blog_path(site_path: str, blog_dir: str) -> Optional[str]:
    """The path of the page written at `site_path` under the blog dir, without its file name's
    `index.html` or `.html` and slashes around (`blog/page/2/index.html` -> `page/2`,
    `blog/archive/2024.html` -> `archive/2024`); None when the page is not under it."""
    if blog_dir != ".":
        if not site_path.startswith(blog_dir + "/"):
            return None
        site_path = site_path[len(blog_dir) + 1 :]
    folder, _, name = site_path.rpartition("/")
    if posixpath.splitext(name)[0] != "index":
        folder = posixpath.join(folder, posixpath.splitext(name)[0])
    return folder.strip("/")


def _given(text: str) -> Callable[[], str]:
    """A source already read, as the listing rule asks for one (the plugin reads it only if
    asked; `read_built_site` has read it with the page's front matter)."""
    return lambda: text


def find_listings(config: SiteConfig, pages: Sequence[BuiltPage], log: Log) -> Listings:
    """The listing pages among the built `pages`, from the `blog` and `tags` entries of the
    config."""
    where = os.path.basename(config.config_path) if config.config_path else "config"
    sources: Set[str] = set()
    template_links: Dict[str, List[str]] = {}
    generated: Set[str] = set()

    for tags in config.tags_plugins:
        if not is_enabled(tags):
            continue
        rule = tags_listing_rule(tags)
        for page in pages:
            if page.has_source and rule.lists(page.src_uri, _given(page.markdown)):
                sources.add(page.src_uri)

    for blog in config.blog_plugins:
        if not is_enabled(blog):
            continue
        try:
            layout = blog_layout(blog)
        except ValueError as error:
            log.warning(f"{where}: {error}; its posts and views are taken for ordinary pages.")
            continue
        views = view_pattern(blog)
        index_path = page_dest(layout.index, config.use_directory_urls)
        index = None
        posts = []
        for page in pages:
            if page.src_uri == layout.index or page.site_path == index_path:
                index = page.src_uri
            elif layout.is_post(page.src_uri):
                posts.append(page.src_uri)
            elif not page.has_source:
                path = blog_path(page.site_path, layout.blog_dir)
                if path is None:
                    continue
                if views is not None and views.fullmatch(path):
                    generated.add(page.src_uri)
                    sources.add(page.src_uri)
                else:
                    posts.append(page.src_uri)
        if index is not None:
            sources.add(index)
            template_links[index] = posts

    return Listings(frozenset(sources), template_links, frozenset(generated))


def with_post_crumbs(infos: Dict[str, PageInfo], listings: Listings) -> Dict[str, PageInfo]:
    """The pages with each blog post placed under its blog index, as Material's blog places it
    (the post's parent in the nav is the index page), so that a panel shows the same sections
    for a post as the plugin: the index's sections, then the index itself. The posts are the
    index's template links. The built nav never lists posts, so they have no sections else."""
    out = dict(infos)
    for index, posts in listings.template_links.items():
        parent = infos.get(index)
        if parent is None:
            continue
        crumbs = parent.crumbs + (parent.title,)
        for post in posts:
            if post in out:
                out[post] = replace(out[post], crumbs=crumbs)
    return out


# --- Naming posts and views as the plugin does ------------------------------------------------------

_H1_LINE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_FRONT_MATTER_BLOCK = re.compile(r"\A\ufeff?-{3}[ \t]*\r?\n.*?\r?\n(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _post_names(text: str, src: str) -> Tuple[Set[str], str]:
    """The last URL segments a post of source `src` (Markdown `text`) may be published under
    (its front matter `slug`, its title slugified as Material's blog does by default, its file
    name), and its title."""
    try:
        meta: Mapping[str, Any] = front_matter(text)
    except ValueError:
        meta = {}
    heading = _H1_LINE.search(_FRONT_MATTER_BLOCK.sub("", text, count=1))
    title = str(meta.get("title") or (heading.group(1) if heading else "")).strip()
    names = {posixpath.splitext(src.rpartition("/")[2])[0]}
    if meta.get("slug"):
        names.add(str(meta["slug"]))
    if title:
        names.add(slugify(title, "-"))
    return names, " ".join(title.split())


def with_blog_names(built: BuiltSite, config: SiteConfig) -> BuiltSite:
    """The built site with each blog post named by its Markdown source and each generated view
    by the source path Material's blog gives it, as the plugin names them, when `docs_dir` holds
    the sources (else it is returned as it is). A post that cannot be told apart from another
    (the same slug and title) keeps its built path."""
    docs_dir = config.docs_dir if config.docs_dir and os.path.isdir(config.docs_dir) else None
    if docs_dir is None:
        return built  # without the sources every page keeps its built path, views included
    renamed: Dict[str, BuiltPage] = {}
    for blog in config.blog_plugins:
        if not is_enabled(blog):
            continue
        try:
            layout = blog_layout(blog)
        except ValueError:
            continue  # find_listings says so
        views = view_pattern(blog)
        pagination = _format_pattern(str(option_value(blog, *PAGINATION_FORMAT)))
        unnamed: Dict[str, List[BuiltPage]] = {}  # last segment or title -> built posts
        for page in built.pages:
            if page.has_source or page.site_path in renamed:
                continue
            path = blog_path(page.site_path, layout.blog_dir)
            if not path:
                continue
            if views is not None and views.fullmatch(path):
                index_page = pagination is not None and re.fullmatch(pagination, path) is not None
                name = posixpath.join(path, "index") if index_page else path
                prefix = "" if layout.blog_dir == "." else layout.blog_dir + "/"
                renamed[page.site_path] = replace(page, src_uri=f"{prefix}{name}.md")
                continue
            unnamed.setdefault("/" + path.rpartition("/")[2], []).append(page)
            unnamed.setdefault("#" + page.title, []).append(page)
        if not unnamed:
            continue
        known = {page.src_uri for page in built.pages}
        claims: Dict[str, List[Tuple[str, str]]] = {}  # built page -> (source, its text) claiming it
        for src in markdown_sources(docs_dir):
            if not layout.is_post(src) or src in known:
                continue
            try:
                text = read_markdown(os.path.join(docs_dir, *src.split("/")))
            except OSError:
                continue
            slugs, title = _post_names(text, src)
            found = {page.site_path for slug in slugs for page in unnamed.get("/" + slug, ())}
            if len(found) != 1 and title:
                found = {page.site_path for page in unnamed.get("#" + title, ())}
            if len(found) == 1:
                claims.setdefault(found.pop(), []).append((src, text))
        by_path = {page.site_path: page for page in built.pages}
        for site_path, claimed in claims.items():
            if len(claimed) != 1 or site_path in renamed:
                continue  # two posts alike: neither is named
            src, text = claimed[0]
            try:
                meta = front_matter(text)
            except ValueError:
                meta = {}
            kept = text if config.tags_plugins else ""  # as read_built_site keeps sources
            renamed[site_path] = replace(by_path[site_path], src_uri=src, has_source=True, meta=meta, markdown=kept)
    if not renamed:
        return built
    names = {page.src_uri: renamed[page.site_path].src_uri for page in built.pages if page.site_path in renamed}
    return replace(
        built,
        pages=[renamed.get(page.site_path, page) for page in built.pages],
        files=[
            SiteFile(names[file.src_uri], file.url, file.is_page, file.excluded) if file.src_uri in names else file
            for file in built.files
        ],
        redirects={url: names.get(src, src) for url, src in built.redirects.items()},
    )
