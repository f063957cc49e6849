"""The MkDocs plugin: wires MkDocs' build events to the small functions that do the work."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Dict, List, Optional, Tuple

from jinja2 import Environment, TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_backlinks.config import BacklinksConfig
from mkdocs_backlinks.extract import extract_anchors
from mkdocs_backlinks.graph import Link, LinkGraph, UnresolvedLink, page_links
from mkdocs_backlinks.labels import panel_labels, theme_language
from mkdocs_backlinks.listings import find_listings
from mkdocs_backlinks.pages import PageInfo, is_excluded, page_infos, site_files, url_of_source
from mkdocs_backlinks.panel import PANEL_ID, TEMPLATE, Panel, make_panel, panel_entries
from mkdocs_backlinks.audit import audit
from mkdocs_backlinks.redirects import redirect_maps, redirect_targets
from mkdocs_backlinks.theme import add_stylesheet, add_toc_entry
from mkdocs_backlinks.urls import SiteResolver

# Named after the plugin as users know it: messages read "backlinks: ...".
log = get_plugin_logger("backlinks")

TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


class BacklinksPlugin(BasePlugin[BacklinksConfig]):
    """Adds a "Pages linking here" panel to every page and reports orphaned pages."""

    def __init__(self) -> None:
        self._serving = False
        self._start_build()

    def _start_build(self) -> None:
        """Forget everything learnt from a previous build (`mkdocs serve` keeps this instance)."""
        self._graph = LinkGraph()
        self._infos: Dict[str, PageInfo] = {}
        self._nav_order: Dict[str, int] = {}
        self._env: Optional[Environment] = None
        self._labels: Dict[str, str] = {}
        # Pages whose links are in no panel (`ignore_links_from`, `backlinks_from_here: false`).
        self._ignored_sources: frozenset = frozenset()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across `serve` rebuilds,
        # which is why every per-build value is reset in on_config.
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> Optional[MkDocsConfig]:
        self._start_build()
        if not self.config.enabled:
            return config
        # Appended, not prepended: a theme's custom_dir comes first and can override the panel.
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        self._labels = panel_labels(self.config.labels, theme_language(config.theme))
        return config

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Optional[Navigation]:
        self._nav_order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
        return nav

    # -75: after mkdocs-autorefs (-50) has turned cross-references into real <a> elements, and
    # before mkdocstrings (-100) adds its own backlinks, which are not links of the author's.
    @event_priority(-75)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Optional[Environment]:
        if not self.config.enabled:
            return env
        self._env = env
        # Every page rendered in this build; under `serve` that includes drafts, which get a
        # panel of their own but whose links never count.
        pages = [
            file.page
            for file in files
            if file.is_documentation_page() and file.page is not None and file.page.content is not None
        ]
        self._infos = page_infos(pages, self._nav_order)
        listings = find_listings(config.plugins, pages)
        for src in listings.generated & self._infos.keys():
            # Generated blog views: only the blog's own navigation links to them.
            self._infos[src] = replace(self._infos[src], checks_exempt=self._infos[src].checks_exempt + ("all",))
        self._ignored_sources = frozenset(
            src for src, info in self._infos.items() if info.hide_links or self.config.ignore_links_from.matches(src)
        ) | (frozenset() if self.config.listings_in_panels else listings.sources)
        redirects = redirect_targets(
            redirect_maps(config.plugins),
            [file.src_uri for file in files if file.is_documentation_page()],
            lambda src: url_of_source(src, config.use_directory_urls),
        )
        resolver = SiteResolver(site_files(files), config.site_url, redirects)
        snippet_length = self.config.snippet_length if self.config.context == "snippets" else 0
        links_by_page, unresolved = _read_links(pages, resolver, snippet_length, self._ignored_sources)
        # Links a listing shows through its template (Material's blog index, to every post).
        links_by_page = [
            (source, links + [Link(source, target) for target in listings.template_links[source] if target != source])
            if source in listings.template_links
            else (source, links)
            for source, links in links_by_page
        ]
        self._graph = LinkGraph.build(links_by_page, unresolved)
        if self.config.stylesheet and self._any_panel():
            add_stylesheet(config, files)
        return env

    def _shows_panel(self, src: str) -> bool:
        info = self._infos[src]
        return not info.hide_panel and not self.config.ignore_links_to.matches(src)

    def _any_panel(self) -> bool:
        """Whether some built page shows a panel (the stylesheet is added only then)."""
        for src, info in self._infos.items():
            if info.excluded or not self._shows_panel(src):
                continue
            if self.config.show_when_empty:
                return True
            if any(link.source not in self._ignored_sources for link in self._graph.incoming.get(src, ())):
                return True
        return False

    # -100: after the search plugins (priority 0) have indexed page.content, so the panel stays
    # out of the search index.
    @event_priority(-100)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        src = page.file.src_uri
        if not self.config.enabled or src not in self._infos or self._env is None:
            return context
        if not self._shows_panel(src):
            context["backlinks"] = Panel([])
            return context
        entries = panel_entries(
            src, self._graph, self._infos, self.config.sort, self.config.context, self._ignored_sources
        )
        panel = make_panel(entries, self.config.max_entries, self.config.group_by_section)
        if entries or self.config.show_when_empty:
            panel.html = self._render(page, panel)
            if self.config.placement == "bottom":
                page.content = (page.content or "") + panel.html
                if self.config.toc and entries:
                    add_toc_entry(page, self._labels["title"], PANEL_ID)
        context["backlinks"] = panel
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        failure = audit(
            self._graph,
            self._infos,
            self.config,
            site_dir=config.site_dir,
            site_name=config.site_name,
            use_directory_urls=config.use_directory_urls,
            log=log,
            serving=self._serving,
        )
        if failure:
            raise PluginError(failure)

    def _render(self, page: Page, panel: Panel) -> str:
        assert self._env is not None
        try:
            template = self._env.get_template(TEMPLATE)
            return template.render(backlinks=panel, labels=self._labels, page=page)
        except TemplateError as error:
            raise PluginError(
                f"backlinks: could not render the panel of page '{page.file.src_uri}' "
                f"with template '{TEMPLATE}': {error}"
            ) from None


def _read_links(
    pages: List[Page], resolver: SiteResolver, snippet_length: int = 0, ignored: frozenset = frozenset()
) -> Tuple[list, List[UnresolvedLink]]:
    """Each built page's outgoing links, and the links that reach no built page; with snippets
    of `snippet_length` for the links that can show in a panel (not those of `ignored` pages)."""
    links_by_page: List[Tuple[str, List[Link]]] = []
    unresolved: List[UnresolvedLink] = []
    for page in pages:
        if is_excluded(page.file):
            continue
        src = page.file.src_uri
        try:
            content = page.content
            length = 0 if src in ignored else snippet_length
            links, broken = page_links(src, page.file.url, extract_anchors(content), resolver, content, length)
        except Exception as error:  # a bug of ours must not take the user's build down
            log.warning(f"Could not read the links of page '{src}': {error!r}")
            continue
        links_by_page.append((src, links))
        unresolved.extend(broken)
    return links_by_page, unresolved
