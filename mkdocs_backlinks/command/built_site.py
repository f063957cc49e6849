"""Read a built site folder into plain values: its files, its pages (content region, title, URL,
source, front matter, nav position, sections).

What the generators write (checked on zensical 0.0.73, mkdocs 2.0.dev6 and MkDocs 1.6.1's own
themes):
- Zensical: Material's markup. Content in `<article class="md-content__inner md-typeset">`
  (inside `<main class="md-main">`, so the article must win over `<main>`); H1 with a
  `<a class="headerlink">&para;</a>` permalink; the blog's views (its index, archive,
  category and pagination pages) have no article but `<div class="md-content__inner">` with the
  page's content in a `<header class="md-typeset">`, then the post excerpts (`article.md-post`)
  and the pagination; `<title>` is `Page - Site`; `<meta
  name="generator" content="zensical-0.0.73">`. Nav in `<nav class="md-nav md-nav--primary">`:
  sections are `li.md-nav__item--nested` headed by a `<label>`, pages `a.md-nav__link`, the
  current page has a `<label for="__toc">`, its table of contents (`#frag` links) and a link
  `././`; the homepage is linked as `../..` (no slash) or `index.html`. The automatic nav lists
  `index.md` first, then files, then folders, alphabetically. `use_directory_urls: false` works
  (`a.md` -> `a.html`). A `404.html` with a content region and an H1 (not a page); the search
  index is `search.json` (no search page). Attribute values are not always escaped
  (`content="A "quoted" word"`), hence a tokenizer that reads them as browsers do.
- MkDocs 2.0.dev6: no config file, directory URLs only, no `<meta name=generator>`, no 404 page,
  no search. Content in `<main>` (after a `<style>` whose CSS says `main {`); H1 text wrapped in
  `<a class="toclink">` (kept: it is the heading's text). Nav: `<nav class="site">`, a flat list of
  every page (index first, then by path), titled by file name, no sections. Front matter is not
  read: `---` blocks render as `<hr>` and a paragraph. `README.md` is its folder's index.
- MkDocs 1.6 `mkdocs` theme: content in `<div class="col-md-9" role="main">`; nav in the first
  `ul.navbar-nav`, sections as `li.dropdown` / `li.dropdown-submenu` headed by `<a href="#">`.
  `readthedocs` theme: content in `<div role="main" class="document">`; nav in
  `div.wy-menu-vertical`, top sections as `<p class="caption">` before a list, deeper ones as
  `<a>` without href; the current page is linked as `#`; a `search.html` page with a content
  region. Both write `404.html` and `search/search_index.json`.
- Redirect stubs (mkdocs-redirects) are `<meta http-equiv="refresh" content="0; url=...">`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import quote, unquote, urlsplit

import yaml

from mkdocs_backlinks.command.config_file import SiteConfig, load_yaml_text
from mkdocs_backlinks.command.site_nav import built_nav_entries, config_nav_entries, config_nav_titles
from mkdocs_backlinks.core.html import (
    Selector,
    find_inner,
    heading_text,
    iter_tags,
    parse_selector,
    plain_text,
    raw_element,
)
from mkdocs_backlinks.core.html.panels import page_content as core_page_content
from mkdocs_backlinks.core.urls import SiteFile, page_url_keys, remove_dot_segments

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
HTML_EXTENSIONS = (".html", ".htm")

CONTENT_REGIONS: Tuple[Selector, ...] = tuple(
    parse_selector(s)
    for s in (
        "article.md-content__inner",  # Zensical, Material for MkDocs
        # Their blog views (index, archive, category pages; `blog.html`): the page's own
        # content, where the plugin's panel goes too; the post excerpts and the site's nav
        # around it are the template's, not the page's.
        "header.md-typeset",
        "div.col-md-9[role=main]",  # MkDocs 1.x `mkdocs` theme
        "div[role=main].document",  # MkDocs 1.x `readthedocs` theme
        "main",  # MkDocs 2.0 pre-releases; last, as Material also has a <main> around everything
    )
)
"""The content regions of the themes this command knows, the first found winning."""

# The URL part of a refresh's `content` attribute (`0; url=../new/`): a value, not HTML.
_REFRESH_URL = re.compile(r"""url\s*=\s*['"]?([^'"]*)""", re.IGNORECASE)
_H1 = (parse_selector("h1"),)
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_SEARCH_PAGES = ("search.html", "search/index.html")
_NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class BuiltPage:
    """One page of a built site, as plain values."""

    site_path: str
    """The file's path in the site folder, with `/` (`guide/install/index.html`)."""
    src_uri: str
    """Its Markdown source relative to `docs_dir` (`guide/install.md`) when found there, else
    `site_path`."""
    url: str
    """As MkDocs' `File.url`: percent-quoted, `guide/install/` (`./` for the homepage) with
    directory URLs, `guide/install.html` without."""
    title: str
    """Plain text: the first H1 of the content (permalink anchors left out), else `<title>`."""
    html: str
    """The whole file's text, kept only for the pages the site's navigation may be read from (the
    homepage and the first page); "" for the others, whose text `page_text` reads again when the
    page is written. A 10,000-page site built by Zensical holds about 100,000 characters of
    navigation in every page: kept whole, the pages took 1.2 GiB of memory."""
    content_start: int
    content_end: int
    """The file's `text[content_start:content_end]` is the inner HTML of the content region."""
    region: str = ""
    """That inner HTML, as read."""
    has_source: bool = False
    """Whether it is built from a Markdown source found in `docs_dir` (the one `src_uri` names)."""
    markdown: str = ""
    """That source's text as written (see `read_markdown`), kept only for a site whose config has
    a tags entry (its listing rule reads sources; a site without one is spared holding every
    source); "" otherwise, without a source, or when it could not be read (a line in `problems`
    says so)."""
    meta: Dict[str, Any] = field(default_factory=dict)
    """The source's front matter (empty without a source or front matter)."""
    nav_position: Optional[int] = None
    crumbs: Tuple[str, ...] = ()
    """Titles of the nav sections holding the page, outermost first."""


@dataclass
class BuiltSite:
    """What `read_built_site` found."""

    pages: List[BuiltPage]
    """In site-path order."""
    files: List[SiteFile]
    """Every file of the site (pages and everything else) for the link resolver."""
    problems: List[str]
    """One line per file skipped or read in part, naming it."""
    redirects: Dict[str, str] = field(default_factory=dict)
    """Redirect stubs: the stub's `File.url` -> the target page's `src_uri` ("" when the target
    is no page of the site), for `SiteResolver(redirects=...)`."""


def page_content(page: BuiltPage) -> str:
    """The page's content region as its Markdown made it: without a panel (the plugin's or an
    earlier run's) and without the parts other tools write there (`core.html.NOT_THE_AUTHORS`:
    the theme's tag chips, mkdocstrings' backlinks), which the plugin never reads as content."""
    return core_page_content(page.region or page.html[page.content_start : page.content_end])


def page_text(site_dir: str, page: BuiltPage) -> Optional[str]:
    """The page's whole text, to write it: the one kept, or the file read again; None when it
    cannot be read, or changed since it was read (its content region is no longer where it was)."""
    if page.html:
        return page.html
    try:
        with open(os.path.join(site_dir, *page.site_path.split("/")), "rb") as file:
            text = file.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return text if text[page.content_start : page.content_end] == page.region else None


# --- URLs and sources ---------------------------------------------------------------------------


def page_url(site_path: str, use_directory_urls: bool) -> str:
    """`File.url` of the page written at `site_path` (`guide/index.html` -> `guide/`)."""
    if use_directory_urls and (site_path == "index.html" or site_path.endswith("/index.html")):
        return quote(site_path[: -len("index.html")] or "./")
    return quote(site_path)


def page_dest(src_uri: str, use_directory_urls: bool) -> str:
    """Where MkDocs and Zensical write the page of the Markdown file `src_uri`: `a.md` ->
    `a/index.html` (or `a.html`), `index.md` and `README.md` -> their folder's `index.html`."""
    folder, _, name = src_uri.rpartition("/")
    stem = os.path.splitext(name)[0]
    prefix = folder + "/" if folder else ""
    if stem in ("index", "README"):
        return prefix + "index.html"
    if use_directory_urls:
        return prefix + stem + "/index.html"
    return prefix + stem + ".html"


def source_map(sources: Iterable[str], use_directory_urls: bool) -> Dict[str, str]:
    """site path -> Markdown source, for the Markdown files `sources` (relative to docs_dir).

    Where two sources claim one page, `index.md` wins over `README.md` (as in MkDocs), else the
    first in path order."""
    found: Dict[str, str] = {}

    def readme_last(src: str) -> Tuple[bool, str]:
        return os.path.splitext(src.rpartition("/")[2])[0] == "README", src

    for src in sorted(sources, key=readme_last):
        if src.lower().endswith(MARKDOWN_EXTENSIONS):
            found.setdefault(page_dest(src, use_directory_urls), src)
    return found


def markdown_sources(docs_dir: str) -> List[str]:
    """The Markdown files under `docs_dir` (relative, with `/`), in path order; hidden ones left out."""
    out = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(root, docs_dir).replace(os.sep, "/")
        for name in sorted(files):
            if name.lower().endswith(MARKDOWN_EXTENSIONS) and not name.startswith("."):
                out.append(name if rel == "." else f"{rel}/{name}")
    return out


def front_matter(text: str) -> Dict[str, Any]:
    """The YAML front matter of a Markdown text as a dict ({} when there is none); raises
    ValueError with the YAML problem when it is not a mapping of valid YAML."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        data = load_yaml_text(match.group(1) or "")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ValueError(f"front matter is not valid YAML{where}: {getattr(error, 'problem', None) or error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("front matter is not a mapping of keys to values")
    return data


# --- Hrefs of the built nav ---------------------------------------------------------------------


def resolve_site_path(href: str, base_site_path: str, mount: str = "/") -> Optional[str]:
    """The decoded site path that `href`, found in the file at `base_site_path`, reaches; None
    for another host, scheme or a path outside the site's mount path."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    if not path:
        return base_site_path
    if path.startswith("/"):
        absolute = remove_dot_segments(path)
        if not absolute.startswith(mount):
            return None if absolute + "/" != mount else ""
        return unquote(absolute[len(mount) :])
    base = "/" + base_site_path
    absolute = remove_dot_segments(base[: base.rfind("/") + 1] + path)
    return unquote(absolute[1:])


def _mount(site_url: Optional[str]) -> str:
    if not site_url:
        return "/"
    try:
        path = urlsplit(site_url).path.strip("/")
    except ValueError:
        return "/"
    return "/" + path + "/" if path else "/"


# --- Pages --------------------------------------------------------------------------------------


def find_content_region(html: str, selector: Optional[str] = None) -> Optional[Tuple[int, int]]:
    """(start, end) offsets of the inner HTML of the page's content element: the one
    `selector` names (`tag`, `.class`, `#id`, `[attr=value]`, combined), else the first of
    `CONTENT_REGIONS` found. None when there is none or its end is not certain."""
    selectors: Sequence[Selector] = (parse_selector(selector),) if selector else CONTENT_REGIONS
    return find_inner(html, selectors)


def page_title(html: str, start: int, end: int, site_name: Optional[str] = None) -> str:
    """The text of the first H1 of `html[start:end]` (permalink anchors left out), else the
    page's `<title>` without a trailing ` - site_name`, else ""."""
    h1 = find_inner(html, _H1, start, end)
    if h1 is not None:
        text = heading_text(html[h1[0] : h1[1]])
        if text:
            return text
    title = raw_element(html, "title", 0, start if start else len(html))
    if title is None:
        return ""
    text = plain_text(title)
    if site_name:
        for separator in (" - ", " — ", " | "):
            suffix = separator + " ".join(site_name.split())
            if text.endswith(suffix) and len(text) > len(suffix):
                return text[: -len(suffix)]
    return text


def _redirect_target(text: str, end: int) -> Optional[str]:
    """The URL a redirect stub sends to (a `<meta http-equiv="refresh">` before `text[end]` and
    its `</head>`), None when the page is no redirect stub."""
    head_end = text.find("</head", 0, end)
    if head_end != -1:
        end = head_end  # the head only: a theme's navigation after it can be 100,000 characters
    if text.find("efresh", 0, end) == -1 and text.find("EFRESH", 0, end) == -1:
        return None  # no tag there can say it: nothing to tokenize
    for tag in iter_tags(text, 0, end, names=("meta",)):
        attrs = tag.attrs
        if not tag.closing and attrs.get("http-equiv", "").strip().lower() == "refresh":
            url = _REFRESH_URL.search(attrs.get("content", ""))
            return url.group(1).strip() if url else ""
    return None


def _walk_site(site_dir: str, problems: List[str]) -> List[str]:
    """The files of the site (site paths, sorted), never leaving the site folder: a symlink
    whose real path is outside is skipped with a message naming it. A symlinked folder inside is
    not walked (its files are read under their own names; no loops)."""
    real_root = os.path.realpath(site_dir)
    out: List[str] = []

    def inside(path: str) -> bool:
        real = os.path.realpath(path)
        return real == real_root or real.startswith(real_root + os.sep)

    for root, dirs, files in os.walk(site_dir):
        rel = os.path.relpath(root, site_dir).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        keep = []
        for name in sorted(dirs):
            path = os.path.join(root, name)
            if os.path.islink(path):
                if not inside(path):
                    problems.append(f"{prefix}{name}/: skipped, a symlink to outside the site folder")
                continue
            keep.append(name)
        dirs[:] = keep
        for name in sorted(files):
            path = os.path.join(root, name)
            if os.path.islink(path) and not inside(path):
                problems.append(f"{prefix}{name}: skipped, a symlink to outside the site folder")
                continue
            out.append(prefix + name)
    out.sort()
    return out


def read_built_site(
    site_dir: str, config: Optional[SiteConfig] = None, content_selector: Optional[str] = None
) -> BuiltSite:
    """Read every file of the built site in `site_dir` into plain values.

    `config` gives `docs_dir` (to name sources and read front matter), `use_directory_urls`,
    `nav`, `site_url` and `site_name`; None means MkDocs 2.0's defaults (directory URLs, no
    sources). `content_selector` replaces the known content regions. Raises ValueError for a
    `content_selector` that is no selector; anything wrong with one file is a line in
    `problems`."""
    config = config or SiteConfig(config_path=None)
    selectors: Sequence[Selector] = (parse_selector(content_selector),) if content_selector else CONTENT_REGIONS
    directory_urls = config.use_directory_urls
    mount = _mount(config.site_url)
    problems: List[str] = []

    docs_dir = config.docs_dir if config.docs_dir and os.path.isdir(config.docs_dir) else None
    sources = source_map(markdown_sources(docs_dir), directory_urls) if docs_dir else {}

    files: List[SiteFile] = []
    pages: List[BuiltPage] = []
    stubs: Dict[str, str] = {}  # stub site path -> target href
    for site_path in _walk_site(site_dir, problems):
        if not site_path.lower().endswith(HTML_EXTENSIONS):
            files.append(SiteFile(site_path, quote(site_path), False))
            continue
        text = _read_page(os.path.join(site_dir, *site_path.split("/")), site_path, problems)
        page = None
        if text is not None:
            page = _page(site_path, text, sources, selectors, config, stubs, problems)
        if page is None:
            if site_path not in stubs:
                files.append(SiteFile(site_path, quote(site_path), False))
            continue
        if page.has_source and docs_dir:
            page = _with_source(page, docs_dir, problems, keep_text=bool(config.tags_plugins))
        # The whole text only where the navigation may be read (see `BuiltPage.html`).
        keep = not pages or site_path == "index.html"
        region = page.html[page.content_start : page.content_end]
        pages.append(replace(page, html=page.html if keep else "", region=region))
        files.append(SiteFile(page.src_uri, page.url, True))

    pages = _with_nav(pages, config, sources, mount, problems)
    redirects = _redirects(stubs, pages, directory_urls, mount)
    return BuiltSite(pages=pages, files=files, problems=problems, redirects=redirects)


def _read_page(path: str, site_path: str, problems: List[str]) -> Optional[str]:
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        problems.append(f"{site_path}: skipped, cannot be read: {error.strerror or error}")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{site_path}: skipped, not UTF-8 text (byte {error.start})")
        return None


def _page(
    site_path: str,
    text: str,
    sources: Mapping[str, str],
    selectors: Sequence[Selector],
    config: SiteConfig,
    stubs: Dict[str, str],
    problems: List[str],
) -> Optional[BuiltPage]:
    """The page in the HTML file `site_path`, None for a file that is no page."""
    src = sources.get(site_path)
    region = find_inner(text, selectors)
    target = _redirect_target(text, region[0] if region else len(text))
    if target is not None:
        stubs[site_path] = target
        return None
    if src is None and (site_path == _NOT_FOUND_PAGE or site_path in _SEARCH_PAGES):
        return None  # the theme's 404 and search pages are no pages of the graph
    if region is None:
        # A file built from a Markdown source should have one; any other HTML file of the site
        # (a report, a verification file, a page of another tool) is simply no page of the graph.
        if src is not None:
            problems.append(
                f"{site_path}: no content region found in the page built from '{src}' (left out of the link graph)"
            )
        return None
    return BuiltPage(
        site_path=site_path,
        src_uri=src or site_path,
        has_source=src is not None,
        url=page_url(site_path, config.use_directory_urls),
        title=page_title(text, region[0], region[1], config.site_name) or site_path,
        html=text,
        content_start=region[0],
        content_end=region[1],
    )


def read_markdown(path: str) -> str:
    """A Markdown source's text, read once for all that needs it (front matter, listing
    directives): UTF-8 as MkDocs reads it (`utf-8-sig`: a byte order mark left out), with any
    bytes that are not UTF-8 replaced rather than the page lost."""
    with open(path, "rb") as file:
        return file.read().decode("utf-8-sig", errors="replace")


def _with_source(page: BuiltPage, docs_dir: str, problems: List[str], keep_text: bool) -> BuiltPage:
    """The page with its Markdown source's front matter, and its text when `keep_text`."""
    try:
        text = read_markdown(os.path.join(docs_dir, *page.src_uri.split("/")))
    except OSError as error:
        problems.append(f"{page.src_uri}: front matter not read: {error.strerror or error}")
        return page
    kept = text if keep_text else ""
    try:
        meta = front_matter(text)
    except ValueError as error:
        # The text is still the page's source: a listing directive in it counts.
        problems.append(f"{page.src_uri}: {error}")
        return replace(page, markdown=kept)
    return replace(page, markdown=kept, meta=meta)


def _with_nav(
    pages: List[BuiltPage], config: SiteConfig, sources: Mapping[str, str], mount: str, problems: List[str]
) -> List[BuiltPage]:
    """The pages with their nav position and sections: from the config's `nav` when it has one,
    else from the navigation the theme wrote into the homepage (or the first page)."""
    by_key: Dict[str, BuiltPage] = {}
    for page in pages:
        for key in page_url_keys(page.url):
            by_key.setdefault(key, page)
        by_key.setdefault(page.site_path, page)
    by_src = {page.src_uri: page for page in pages}

    found: List[Tuple[BuiltPage, Tuple[str, ...]]] = []
    if config.nav:
        nav_titles = config_nav_titles(config.nav)

        def index_title(target: str) -> str:
            page = by_src.get(target) or by_key.get(page_dest(target, config.use_directory_urls))
            return shown_title(page, nav_titles) if page is not None else ""

        # Zensical titles a section written `- "":` by its index page; MkDocs' themes leave it
        # untitled (checked on zensical 0.1.2 and Material 9.8 with and without
        # `navigation.indexes`).
        home = by_key.get("index.html") or (pages[0] if pages else None)
        untitled = index_title if home is not None and built_by_zensical(home.html) else None
        for target, crumbs in config_nav_entries(config.nav, untitled):
            listed = by_src.get(target)
            if listed is None and "://" not in target:
                # No docs_dir (or a source not there): find the page where the source is built.
                listed = by_key.get(page_dest(target, config.use_directory_urls))
            if listed is not None:
                found.append((listed, crumbs))
    elif pages:
        home = by_key.get("index.html") or pages[0]
        for href, crumbs in built_nav_entries(home.html):
            site_path = resolve_site_path(href, home.site_path, mount) if href not in ("", "#") else home.site_path
            listed = by_key.get(site_path) if site_path is not None else None
            if listed is not None:
                found.append((listed, crumbs))

    position: Dict[str, Tuple[int, Tuple[str, ...]]] = {}
    for page, crumbs in found:
        if page.site_path not in position:
            position[page.site_path] = (len(position), crumbs)
    out = []
    for page in pages:
        if page.site_path in position:
            index, crumbs = position[page.site_path]
            page = replace(page, nav_position=index, crumbs=crumbs)
        out.append(page)
    return out


def built_by_zensical(html: str) -> bool:
    """Whether the page says Zensical wrote it (`<meta name="generator" content="zensical-...">`)."""
    head_end = html.find("</head")
    for tag in iter_tags(html, 0, head_end if head_end != -1 else None, names=("meta",)):
        attrs = tag.attrs
        if not tag.closing and attrs.get("name", "").lower() == "generator":
            return "zensical" in attrs.get("content", "").lower()
    return False


def shown_title(page: BuiltPage, nav_titles: Mapping[str, str]) -> str:
    """The page's title as MkDocs and Zensical show it: the config nav's (HTML, read as text),
    else the front matter's, else the page's own heading; on one line."""
    meta = page.meta
    title = plain_text(nav_titles.get(page.src_uri, "")) or (str(meta["title"]) if meta.get("title") else "")
    return " ".join((title or page.title).split())


def _redirects(stubs: Dict[str, str], pages: List[BuiltPage], directory_urls: bool, mount: str) -> Dict[str, str]:
    by_key: Dict[str, BuiltPage] = {}
    for page in pages:
        for key in page_url_keys(page.url):
            by_key.setdefault(key, page)
    out: Dict[str, str] = {}
    for stub, href in sorted(stubs.items()):
        target = resolve_site_path(href, stub, mount) if href else None
        found = by_key.get(target) if target is not None else None
        out[page_url(stub, directory_urls)] = found.src_uri if found else ""
    return out
