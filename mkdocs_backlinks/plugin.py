"""The MkDocs plugin: wires MkDocs' build events to the small functions that do the work."""

from __future__ import annotations

import os
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
from mkdocs_backlinks.labels import panel_labels
from mkdocs_backlinks.pages import PageInfo, is_excluded, page_infos, site_files, url_of_source
from mkdocs_backlinks.panel import TEMPLATE, Panel, panel_entries
from mkdocs_backlinks.audit import audit
from mkdocs_backlinks.redirects import redirect_maps, redirect_targets
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
        self._labels = panel_labels(self.config.labels)
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
        redirects = redirect_targets(
            redirect_maps(config.plugins),
            [file.src_uri for file in files if file.is_documentation_page()],
            lambda src: url_of_source(src, config.use_directory_urls),
        )
        resolver = SiteResolver(site_files(files), config.site_url, redirects)
        self._graph = LinkGraph.build(*_read_links(pages, resolver))
        return env

    # -100: after the search plugins (priority 0) have indexed page.content, so the panel stays
    # out of the search index.
    @event_priority(-100)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        src = page.file.src_uri
        if not self.config.enabled or src not in self._infos or self._env is None:
            return context
        entries = panel_entries(src, self._graph, self._infos, self.config.sort)
        panel = Panel(entries)
        if entries or self.config.show_when_empty:
            panel.html = self._render(page, entries)
            page.content = (page.content or "") + panel.html
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

    def _render(self, page: Page, entries) -> str:
        assert self._env is not None
        try:
            template = self._env.get_template(TEMPLATE)
            return template.render(backlinks=entries, labels=self._labels, page=page)
        except TemplateError as error:
            raise PluginError(
                f"backlinks: could not render the panel of page '{page.file.src_uri}' "
                f"with template '{TEMPLATE}': {error}"
            ) from None


def _read_links(pages: List[Page], resolver: SiteResolver) -> Tuple[list, List[UnresolvedLink]]:
    """Each built page's outgoing links, and the links that reach no built page."""
    links_by_page: List[Tuple[str, List[Link]]] = []
    unresolved: List[UnresolvedLink] = []
    for page in pages:
        if is_excluded(page.file):
            continue
        src = page.file.src_uri
        try:
            links, broken = page_links(src, page.file.url, extract_anchors(page.content), resolver)
        except Exception as error:  # a bug of ours must not take the user's build down
            log.warning(f"Could not read the links of page '{src}': {error!r}")
            continue
        links_by_page.append((src, links))
        unresolved.extend(broken)
    return links_by_page, unresolved
