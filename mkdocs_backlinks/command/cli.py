"""`mkdocs-backlinks SITE_DIR`: the panels and link checks for a site some generator already built
(Zensical, the MkDocs 2.0 pre-releases, or anything else), where no MkDocs plugin can run.

It reads the built pages, hands them to the same core as the plugin, writes each page's panel at
the end of its content region and runs the same checks. Exit status: 0; 1 when a check at level
`error` found something, a page could not be written, or (with `--strict`) anything was
warned about; 2 for a mistake in the command line or the config.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import stat
import sys
import types
from typing import Dict, NoReturn, Optional, Sequence, Tuple

from jinja2 import Environment, FileSystemLoader

from mkdocs_backlinks import __version__
from mkdocs_backlinks.command.built_site import (
    BuiltPage,
    BuiltSite,
    page_content,
    page_text,
    read_built_site,
    shown_title,
)
from mkdocs_backlinks.command.config_file import CONFIG_NAMES, ConfigFileError, SiteConfig, find_config, read_config
from mkdocs_backlinks.command.findings import add_arguments, command_findings
from mkdocs_backlinks.command.listings import find_listings, with_blog_names, with_post_crumbs
from mkdocs_backlinks.command.page_edit import edited_page, stylesheet_href, without_panel
from mkdocs_backlinks.command.site_nav import config_nav_titles
from mkdocs_backlinks.command.toc import with_toc_entry
from mkdocs_backlinks.core.audit import audit, written_over_a_page
from mkdocs_backlinks.core.broken_links import SiblingBuilds, sibling_builds
from mkdocs_backlinks.core.files import write_atomically
from mkdocs_backlinks.core.inbound.load import inbound_of
from mkdocs_backlinks.core.labels import panel_labels
from mkdocs_backlinks.core.log import PREFIX, prefixed
from mkdocs_backlinks.core.options import BacklinksConfig, OptionsError, load_options
from mkdocs_backlinks.core.pages import PageInfo, page_info
from mkdocs_backlinks.core.panel import PANEL_ID
from mkdocs_backlinks.core.render import PACKAGE_DIR, TEMPLATES_DIR, PanelTemplateError, PanelWriter
from mkdocs_backlinks.core.site import LinkedSite, PageHTML, guarded_reader, link_site, with_written_files
from mkdocs_backlinks.core.urls import SiteResolver

STYLESHEET = "assets/backlinks.css"
"""Where the panel's stylesheet is written in the site, as the plugin publishes it."""

log = logging.getLogger("mkdocs_backlinks.command")


class UsageError(Exception):
    """A mistake in the command line or the config: exit status 2, one line."""


class _Prefixed(logging.Formatter):
    """Writes each message as MkDocs writes the plugin's: its level, then `backlinks: ` (the core
    and the page reader log their lines without it, as the plugin's logger adds it)."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if not message.startswith(PREFIX):
            record.msg, record.args = prefixed(message), ()
        return super().format(record)


class _Parser(argparse.ArgumentParser):
    """argparse, with its mistakes said in one line that starts as every other message does."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"ERROR   -  {PREFIX}{message} (see '{self.prog} --help')\n")


class _Counter(logging.Handler):
    """Counts the warnings and errors logged, for `--strict`."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = _Parser(
        prog="mkdocs-backlinks",
        description="Add 'Pages linking here' panels to a built site and check its links.",
    )
    parser.add_argument("site_dir", metavar="SITE_DIR", help="the folder the generator built the site into")
    parser.add_argument(
        "-f",
        "--config-file",
        metavar="CONFIG_FILE",
        help="the site's config (zensical.toml, mkdocs.yml, ...), or a YAML file of options only; "
        "default: the first of zensical.toml, mkdocs.yml, properdocs.yml in the current folder",
    )
    parser.add_argument("--strict", action="store_true", help="exit with status 1 on any warning")
    parser.add_argument("--check", action="store_true", help="write nothing; only report")
    parser.add_argument(
        "--docs-dir",
        metavar="DIR",
        help="the Markdown sources, which name the pages (default: the config's docs_dir, else docs/ "
        "beside the config file, or in the current folder without one)",
    )
    parser.add_argument("--site-url", metavar="URL", help="the site's URL (default: from the config)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    add_arguments(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def site_config(args: argparse.Namespace, cwd: str) -> SiteConfig:
    """The site's config: the file named or found, with the command line's overrides."""
    path = find_config(cwd, args.config_file)
    if args.config_file and (path is None or not os.path.isfile(path)):
        raise UsageError(f"config file '{args.config_file}' does not exist")
    try:
        config = read_config(path) if path else SiteConfig.defaults(cwd)
    except ConfigFileError as error:
        raise UsageError(str(error)) from None
    if path is None:
        docs = args.docs_dir or "docs"
        named = (
            f"by their sources in '{docs}'"
            if os.path.isdir(os.path.join(cwd, docs))
            else "by their built paths (no 'docs' folder here; see --docs-dir)"
        )
        names = ", ".join(CONFIG_NAMES)
        log.info(f"no config file ({names}) in the current folder: using the defaults; pages are named {named}.")
    if args.docs_dir:
        config.docs_dir = os.path.abspath(os.path.join(cwd, args.docs_dir))
    if args.site_url:
        config.site_url = args.site_url
    return config


def options_of(config: SiteConfig) -> BacklinksConfig:
    """The plugin's options from the config file, validated as MkDocs validates the plugin's."""
    where = os.path.basename(config.config_path) if config.config_path else "the defaults"
    try:
        options, warnings = load_options(config.plugin_options)
    except OptionsError as error:
        raise UsageError(f"{where}: backlinks {error}") from None
    for warning in warnings:
        log.warning(f"{where}: backlinks {warning}")
    return options


def page_infos(pages: Sequence[BuiltPage], config: SiteConfig) -> Dict[str, PageInfo]:
    """Each built page as the core sees it. Titles as MkDocs gives them: the nav's, else the
    front matter's, else the page's own heading."""
    nav_titles = config_nav_titles(config.nav)
    return {
        page.src_uri: page_info(
            page.src_uri,
            page.url,
            shown_title(page, nav_titles),
            page.meta,
            nav_position=page.nav_position,
            crumbs=page.crumbs,
        )
        for page in pages
    }


def siblings_of(config: SiteConfig) -> SiblingBuilds:
    """The builds published beside this one, from the config's `extra` and `mike` entry."""
    mike = config.mike_plugin
    canonical = mike.get("canonical_version") if mike else None
    return sibling_builds(config.extra, config.site_url, mike is not None, [str(canonical)] if canonical else [])


def link_built_site(built: BuiltSite, config: SiteConfig, options: BacklinksConfig) -> LinkedSite:
    """The site's link graph, from each page's content region without an earlier run's panel;
    tag listings and blog views are treated as the plugin treats them."""
    listings = find_listings(config, built.pages, log)
    infos = with_post_crumbs(page_infos(built.pages, config), listings)
    files = with_written_files(built.files, options, [STYLESHEET] if options.stylesheet else [])
    resolver = SiteResolver(files, config.site_url, built.redirects)
    pages = (PageHTML(page.src_uri, page.url, without_panel(page_content(page))) for page in built.pages)
    config_dir = os.path.dirname(config.config_path) if config.config_path else os.getcwd()
    inbound = inbound_of(options, config_dir, resolver, config.site_url, config.use_directory_urls, log)
    language = config.theme_language or "en"
    return link_site(infos, pages, resolver, options, guarded_reader(log), listings, language, inbound)


def panel_writer(options: BacklinksConfig, config: SiteConfig) -> PanelWriter:
    """Writes panels with the shipped template (or a `backlinks/panel.html` in the theme's
    `custom_dir`, as the plugin would)."""
    folders = [TEMPLATES_DIR]
    if config.custom_dir and os.path.isdir(config.custom_dir):
        folders.insert(0, config.custom_dir)
    env = Environment(loader=FileSystemLoader(folders))
    return PanelWriter(env, panel_labels(options.labels, config.theme_language or "en"))


def new_page_text(
    page: BuiltPage, site: LinkedSite, write_panel: PanelWriter, text: Optional[str] = None
) -> Tuple[str, bool]:
    """The page's text (`text`, else the one kept) with its panel (and the stylesheet's link) as
    this run makes them, and whether it has a panel."""
    panel = site.panel(page.src_uri)
    html = ""
    if site.writes_panel(panel):
        info = site.infos[page.src_uri]
        try:
            html = write_panel(panel, types.SimpleNamespace(title=info.title, url=info.url, src_uri=page.src_uri))
        except PanelTemplateError as error:
            raise UsageError(f"could not render the panel of '{page.site_path}': {error}") from None
    stylesheet = stylesheet_href(page.site_path, STYLESHEET) if site.options.stylesheet else None
    old = page.html if text is None else text
    new = edited_page(old, (page.content_start, page.content_end), html, stylesheet)
    # `toc: true`: the entry goes where the plugin puts it, into the theme's table of contents.
    wants_entry = bool(html) and site.options.toc and site.options.placement == "bottom"
    return with_toc_entry(new, write_panel.labels["title"] if wants_entry else None, PANEL_ID), bool(html)


def is_read_only(path: str) -> bool:
    """Whether the file's mode forbids writing it (checked from the mode, so also for root)."""
    return not os.stat(path).st_mode & stat.S_IWUSR


def write_pages(
    site_dir: str, built: BuiltSite, site: LinkedSite, write_panel: PanelWriter, check: bool
) -> Tuple[int, int]:
    """Write every page whose text changed (none with `check`); return how many could not be
    written, and how many pages have a panel."""
    failed = 0
    panels = 0
    for page in built.pages:
        old = page_text(site_dir, page)
        if old is None:
            log.error(f"Cannot write '{page.site_path}': it changed or went away while it was read.")
            failed += 1
            continue
        text, has_panel = new_page_text(page, site, write_panel, old)
        panels += has_panel
        if text == old or check:
            continue
        path = os.path.join(site_dir, *page.site_path.split("/"))
        if is_read_only(path):
            log.error(f"Cannot write '{page.site_path}': the file is read-only; its panel is not updated.")
            failed += 1
            continue
        try:
            write_atomically(path, text)
        except OSError as error:
            log.error(f"Cannot write '{page.site_path}': {error.strerror or error}.")
            failed += 1
    if panels and site.options.stylesheet and not check:
        failed += write_stylesheet(site_dir)
    return failed, panels


def write_stylesheet(site_dir: str) -> int:
    """Publish the shipped stylesheet (unless the site already has the same bytes there)."""
    with open(os.path.join(PACKAGE_DIR, *STYLESHEET.split("/")), encoding="utf-8") as shipped:
        text = shipped.read()
    path = os.path.join(site_dir, *STYLESHEET.split("/"))
    try:
        with open(path, encoding="utf-8") as existing:
            if existing.read() == text:
                return 0
    except (OSError, UnicodeDecodeError):
        pass
    try:
        write_atomically(path, text)
    except OSError as error:
        log.error(f"Cannot write '{STYLESHEET}': {error.strerror or error}.")
        return 1
    return 0


def summary(pages: int, panels: int, failed: int, check: bool) -> str:
    """The command's last line: what it read and wrote."""
    read = f"{pages} page{'s' if pages != 1 else ''} read"
    if check:
        return f"{read}, {panels} with a panel (--check: nothing written)."
    written = max(panels - failed, 0)
    wrote = f"{written} panel{'s' if written != 1 else ''} written"
    return f"{read}, {wrote}" + (f", {failed} file(s) not written" if failed else "") + "."


def run(args: argparse.Namespace, cwd: str) -> int:
    """The command; returns its exit status."""
    site_dir = os.path.abspath(os.path.join(cwd, args.site_dir))
    if os.path.isfile(site_dir):
        raise UsageError(
            f"'{args.site_dir}' is a file; give the folder the site was built into (e.g. 'site'), "
            "and the config file with -f if it is not in the current folder"
        )
    if not os.path.isdir(site_dir):
        raise UsageError(f"site folder '{args.site_dir}' does not exist (build the site first)")
    config = site_config(args, cwd)
    options = options_of(config)
    if not options.enabled:
        log.info("'enabled: false' in the config; nothing to do.")
        return 0
    try:
        built = read_built_site(site_dir, config, options.content_selector)
    except ValueError as error:
        raise UsageError(f"option 'content_selector': {error}") from None
    built = with_blog_names(built, config)
    for problem in built.problems:
        log.warning(problem)
    if not built.pages:
        raise UsageError(
            f"no page with a content region in '{args.site_dir}': is it a built site? "
            "For other themes set the 'content_selector' option."
        )
    site = link_built_site(built, config, options)
    clash = written_over_a_page(site)
    if clash:
        raise UsageError(clash)  # before any page is written
    try:
        findings = command_findings(args, options, config, built, cwd, log)
    except ValueError as error:
        raise UsageError(str(error)) from None
    failed, panels = write_pages(site_dir, built, site, panel_writer(options, config), args.check)
    failure = audit(
        site,
        site_dir=site_dir,
        site_name=config.site_name or "",
        use_directory_urls=config.use_directory_urls,
        log=log,
        serving=False,
        write_files=not args.check,
        findings=findings,
        siblings=siblings_of(config),
    )
    if failure:
        log.error(failure)
    log.info(summary(len(built.pages), panels, failed, args.check))
    return 1 if failure or failed else 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Prefixed("%(levelname)-7s -  %(message)s"))
    counter = _Counter()
    log.handlers[:] = [handler, counter]
    log.setLevel(logging.WARNING if args.quiet else logging.INFO)
    log.propagate = False
    # A short-lived process that makes many small objects and no cycles: the collector's
    # passes over them would find nothing to free.
    gc.disable()
    try:
        status = run(args, os.getcwd())
    except UsageError as error:
        log.error(str(error))
        return 2
    if status == 0 and args.strict and counter.count:
        log.error(f"{counter.count} warning(s) in strict mode.")
        return 1
    return status
