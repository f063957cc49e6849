"""The MkDocs plugin: wires MkDocs' build events to the core, and does nothing else."""

from __future__ import annotations

import contextlib
import gc
import os
from typing import TYPE_CHECKING, Dict, Iterator, Optional

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_backlinks.core.audit import audit, written_over_a_page
from mkdocs_backlinks.core.ci_output import FindingsOutputs, findings_reporter
from mkdocs_backlinks.core.findings import Sources
from mkdocs_backlinks.core.inbound.load import inbound_of
from mkdocs_backlinks.core.labels import panel_labels, theme_language
from mkdocs_backlinks.core.log import prefixed
from mkdocs_backlinks.core.options import BacklinksConfig
from mkdocs_backlinks.core.panel import PANEL_ID, TEMPLATE, Panel, panel_marker
from mkdocs_backlinks.core.render import TEMPLATES_DIR, PanelTemplateError, PanelWriter
from mkdocs_backlinks.core.site import LinkedSite, guarded_reader, link_site, with_written_files
from mkdocs_backlinks.core.urls import SiteResolver
from mkdocs_backlinks.plugin.findings import plugin_outputs, plugin_sources
from mkdocs_backlinks.plugin.incremental import PageRecords, digest, gather_pages, pages_to_read, refresh_carried_pages
from mkdocs_backlinks.plugin.listings import find_listings
from mkdocs_backlinks.plugin.options import PluginConfig, stop_if_strict
from mkdocs_backlinks.plugin.pages import siblings_of, site_files, url_of_source
from mkdocs_backlinks.plugin.redirects import redirect_maps, redirect_targets
from mkdocs_backlinks.plugin.theme import add_stylesheet, add_toc_entry

if TYPE_CHECKING:
    from mkdocs.utils.templates import TemplateContext

# Named after the plugin as users know it: messages read "backlinks: ...".
log = get_plugin_logger("backlinks")


class BacklinksPlugin(BasePlugin[PluginConfig]):
    """Adds a "Pages linking here" panel to every page and reports orphaned pages."""

    def __init__(self) -> None:
        self._serving = False
        self._dirty = False
        # What the last build saw of each page; kept only under `mkdocs serve`, whose rebuilds
        # reuse it (a single build has nothing to reuse it for).
        self._records: Optional[PageRecords] = None
        self._start_build()

    @property
    def options(self) -> BacklinksConfig:
        """The options, as the core reads them (MkDocs validated them through `PluginConfig`)."""
        return self.config.options

    def _start_build(self) -> None:
        """Forget everything learnt from a previous build (`mkdocs serve` keeps this instance)."""
        self._site: Optional[LinkedSite] = None
        self._nav_order: Dict[str, int] = {}
        self._write_panel: Optional[PanelWriter] = None
        self._labels: Dict[str, str] = {}
        # A rendered panel waiting between on_page_context and on_post_page.
        self._pending_html: Dict[str, str] = {}
        # The findings for CI systems: what is asked for, and where the pages' Markdown is.
        self._findings_outputs = FindingsOutputs()
        self._sources: Optional[Sources] = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across `serve` rebuilds,
        # which is why every per-build value is reset in on_config.
        self._serving = command == "serve"
        self._dirty = dirty
        self._records = PageRecords() if self._serving else None

    def on_config(self, config: MkDocsConfig) -> Optional[MkDocsConfig]:
        stop_if_strict(self.config, bool(config.strict))
        self._start_build()
        if not self.options.enabled:
            return config
        # Appended, not prepended: a theme's custom_dir comes first and can override the panel.
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        self._labels = panel_labels(self.options.labels, theme_language(config.theme))
        self._findings_outputs = plugin_outputs(self.options, config)
        return config

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Optional[Navigation]:
        self._nav_order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
        return nav

    # -75: after mkdocs-autorefs (-50) has turned cross-references into real <a> elements, and
    # before mkdocstrings (-100) adds its own backlinks, which are not links of the author's.
    @event_priority(-75)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Optional[Environment]:
        if not self.options.enabled:
            return env
        self._write_panel = PanelWriter(env, self._labels)
        with collector_paused():
            self._site = self._read_site(config, files)
        clash = written_over_a_page(self._site)
        if clash:
            raise PluginError(prefixed(clash))  # now, before MkDocs writes any page
        if self._findings_outputs:
            self._sources = plugin_sources(config, files)
        if self.options.stylesheet and self._site.any_panel():
            add_stylesheet(config, files)
        return env

    def _read_site(self, config: MkDocsConfig, files: Files) -> LinkedSite:
        """Read every page's links into the site's graph."""
        gathered = gather_pages(files, config, self._nav_order, self._records)
        redirects = redirect_targets(
            redirect_maps(config.plugins),
            [file.src_uri for file in files if file.is_documentation_page()],
            lambda src: url_of_source(src, config.use_directory_urls),
        )
        resolver = SiteResolver(with_written_files(site_files(files), self.options), config.site_url, redirects)
        pages = pages_to_read(gathered, self._records, self._dirty, guarded_reader(log))
        listings = find_listings(config.plugins, gathered.rendered)
        config_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        inbound = inbound_of(self.options, config_dir, resolver, config.site_url, config.use_directory_urls, log)
        site = link_site(
            gathered.infos,
            pages,
            resolver,
            self.options,
            guarded_reader(log),
            listings,
            language=theme_language(config.theme),
            inbound=inbound,
        )
        if gathered.carried:
            refresh_carried_pages(gathered.carried, lambda page: self._written_panel(site, page).html, config, files)
        return site

    def _written_panel(self, site: LinkedSite, page: Page) -> Panel:
        """The panel of `page`, with the HTML it is written as ("" when the page gets none)."""
        panel = site.panel(page.file.src_uri)
        panel.html = self._render(page, panel) if site.writes_panel(panel) else ""
        return panel

    # -100: after the search plugins (priority 0) have indexed page.content, so the panel stays
    # out of the search index.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        site = self._site
        src = page.file.src_uri
        if site is None or src not in site.infos:
            return context
        with collector_paused():
            panel = self._written_panel(site, page)
        html = panel.html
        record = self._records.get(src) if self._records is not None else None
        if record is not None:
            record.panel_digest = digest(html)
        if html and self.options.placement == "bottom":
            # Only a marker goes into page.content (which MkDocs keeps for the whole build);
            # on_post_page puts the panel in its place.
            content = page.content or ""
            page.content = content + panel_marker(src)
            site.snippets.content_grew(src, content, page.content)
            self._pending_html[src] = html
            if self.options.toc and panel:
                add_toc_entry(page, self._labels["title"], PANEL_ID)
        # MkDocs' TemplateContext lists only the keys MkDocs sets; this event is where plugins
        # add their own (the theme reads `backlinks`).
        context["backlinks"] = panel  # type: ignore[typeddict-unknown-key]
        return context

    # 100: first, so that post-processors (minifiers, link checkers) see the page with its panel.
    @event_priority(100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> Optional[str]:
        html = self._pending_html.pop(page.file.src_uri, None)
        if html is None:
            return output
        marker = panel_marker(page.file.src_uri)
        at = output.rfind(marker)
        if at == -1:
            return output
        return output[:at] + html + output[at + len(marker) :]

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._site is None:
            return
        with collector_paused():
            failure = audit(
                self._site,
                site_dir=config.site_dir,
                site_name=config.site_name,
                use_directory_urls=config.use_directory_urls,
                log=log,
                serving=self._serving,
                findings=findings_reporter(self._findings_outputs, self._sources, config.use_directory_urls, log),
                siblings=siblings_of(config),
            )
        if failure:
            # MkDocs logs the error's text as its own message: it says whose it is.
            raise PluginError(prefixed(failure))

    def _render(self, page: Page, panel: Panel) -> str:
        assert self._write_panel is not None
        try:
            return self._write_panel(panel, page)
        except PanelTemplateError as error:
            raise PluginError(
                f"backlinks: could not render the panel of page '{page.file.src_uri}' "
                f"with template '{TEMPLATE}': {error}"
            ) from None


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the plugin makes its many small, cycle-free objects
    (links, panel entries, findings). Each automatic full collection walks every object of the
    process, and under `mkdocs serve` that is every object MkDocs and the plugin keep across
    rebuilds. Measured with benchmarks/rebuild.py (5,000 pages, median of the rebuilds after a
    first build): 1.32x the plain rebuild without the pause (56.8 s against 43.0 s), 1.08x with
    it (48.2 s against 44.7 s). A single `mkdocs build` gains little (the same collector time on
    the docs-like site, 0.5% on the link-dense one; benchmarks/handlers.py)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
