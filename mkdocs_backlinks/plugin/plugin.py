"""The MkDocs plugin: wires MkDocs' build events to the small functions that do the work."""

from __future__ import annotations

import contextlib
import functools
import gc
from dataclasses import replace
from typing import Dict, List, Optional, Tuple

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_backlinks.core.options import BacklinksConfig
from mkdocs_backlinks.core.snippets import Snippets
from mkdocs_backlinks.core.extract import extract_anchors
from mkdocs_backlinks.core.graph import LinkGraph, PageLinks, UnresolvedLink, page_links
from mkdocs_backlinks.core.labels import panel_labels, theme_language
from mkdocs_backlinks.plugin.listings import find_listings
from mkdocs_backlinks.plugin.incremental import PageRecord, PageRecords, digest
from mkdocs_backlinks.plugin.pages import (
    PageInfo,
    is_excluded,
    mark_for_rebuild,
    page_infos,
    render_unread_page,
    site_files,
    url_of_source,
)
from mkdocs_backlinks.core.panel import (
    PANEL_ID,
    panel_marker,
    TEMPLATE,
    Panel,
    make_panel,
    panel_entries,
    sort_keys,
    with_context,
)
from mkdocs_backlinks.core.audit import audit
from mkdocs_backlinks.plugin.redirects import redirect_maps, redirect_targets
from mkdocs_backlinks.core.render import TEMPLATES_DIR, PanelTemplateError, PanelWriter
from mkdocs_backlinks.plugin.theme import add_stylesheet, add_toc_entry
from mkdocs_backlinks.core.urls import SiteResolver

# Named after the plugin as users know it: messages read "backlinks: ...".
log = get_plugin_logger("backlinks")


class BacklinksPlugin(BasePlugin[BacklinksConfig]):
    """Adds a "Pages linking here" panel to every page and reports orphaned pages."""

    def __init__(self) -> None:
        self._serving = False
        self._dirty = False
        # What the last build saw of each page; kept only under `mkdocs serve`, whose rebuilds
        # reuse it (a single build has nothing to reuse it for).
        self._records: Optional[PageRecords] = None
        self._start_build()

    def _start_build(self) -> None:
        """Forget everything learnt from a previous build (`mkdocs serve` keeps this instance)."""
        self._graph = LinkGraph()
        self._infos: Dict[str, PageInfo] = {}
        self._nav_order: Dict[str, int] = {}
        self._sort_keys: Optional[Dict[str, tuple]] = None
        self._env: Optional[Environment] = None
        self._write_panel: Optional[PanelWriter] = None
        self._labels: Dict[str, str] = {}
        # Pages whose links are in no panel (`ignore_links_from`, `backlinks_from_here: false`).
        self._ignored_sources: frozenset = frozenset()
        # Cuts the snippets of the links a panel shows, from their pages' HTML.
        self._contents: Dict[str, str] = {}
        self._snippets = Snippets(self._contents, 0)
        # A rendered panel waiting between on_page_context and on_post_page.
        self._pending_html: Dict[str, str] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across `serve` rebuilds,
        # which is why every per-build value is reset in on_config.
        self._serving = command == "serve"
        self._dirty = dirty
        self._records = PageRecords() if self._serving else None

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
        with _collector_paused():
            return self._read_site(env, config, files)

    def _read_site(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Read every page's links into the graph (and what the panels need besides)."""
        self._env = env
        self._write_panel = PanelWriter(env, self._labels)
        rendered, carried = self._gather_pages(config, files)
        listings = find_listings(config.plugins, rendered)
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
        links_by_page, unresolved = self._read_links(rendered, carried, resolver)
        # Links a listing shows through its template (Material's blog index, to every post).
        for source, links in links_by_page:
            for target in listings.template_links.get(source, ()):
                if target != source:
                    links.add(target)
        self._graph = LinkGraph.build(links_by_page, unresolved, self._contents)
        if carried:
            self._refresh_carried_pages(carried, config, files)
        if self.config.stylesheet and self._any_panel():
            add_stylesheet(config, files)
        return env

    def _gather_pages(self, config: MkDocsConfig, files: Files) -> Tuple[List[Page], Dict[str, PageRecord]]:
        """The pages rendered in this build, and the ones a dirty build did not render.

        A dirty build (`--dirty`) renders only the pages whose source changed; the links, title
        and panel of the others come from the previous build when this instance saw it (under
        `mkdocs serve --dirty`), else the page is rendered here, so the graph is never partial.
        """
        docs = [file.page for file in files if file.is_documentation_page() and file.page is not None]
        rendered = [page for page in docs if page.content is not None]
        unread = [page for page in docs if page.content is None and not is_excluded(page.file)]
        self._infos = page_infos(rendered + unread, self._nav_order)
        carried: Dict[str, PageRecord] = {}
        for page in unread:
            src = page.file.src_uri
            record = self._records.carried(src, self._infos[src]) if self._records is not None else None
            if record is not None:
                carried[src] = record
                self._infos[src] = record.info
            elif render_unread_page(page, config, files):
                # Nothing tells what panel its output has: write it again.
                mark_for_rebuild(page.file)
                rendered.append(page)
                self._infos.update(page_infos([page], self._nav_order))
        if self._records is not None:
            self._records.keep_only(self._infos)
        return rendered, carried

    def _read_links(
        self, rendered: List[Page], carried: Dict[str, PageRecord], resolver: SiteResolver
    ) -> Tuple[List[Tuple[str, PageLinks]], List[UnresolvedLink]]:
        """Each page's outgoing links, and the links that reach no built page. Pages are read
        one by one, so a page's scan is dropped as soon as its links are known."""
        links_by_page: List[Tuple[str, PageLinks]] = []
        unresolved: List[UnresolvedLink] = []
        contents: Dict[str, str] = {}
        for page in rendered:
            if is_excluded(page.file):
                continue  # a draft under `serve`: it gets a panel, but its links never count
            src = page.file.src_uri
            scan = functools.partial(_anchors_of, src)
            if self._records is not None:
                anchors = self._records.read(src, page.content, self._infos[src], self._dirty, scan).anchors
            else:
                anchors = scan(page.content)
            links, broken = page_links(src, page.file.url, anchors, resolver, page.content)
            links_by_page.append((src, links))
            unresolved.extend(broken)
            contents[src] = page.content
        for src, record in carried.items():
            links, broken = page_links(src, record.info.url, record.anchors, resolver, record.content)
            links_by_page.append((src, links))
            unresolved.extend(broken)
            contents[src] = record.content
        length = self.config.snippet_length if self.config.context == "snippets" else 0
        # One map of the pages' HTML, shared by the graph (link texts) and the snippets.
        self._contents = contents
        self._snippets = Snippets(contents, length)
        return links_by_page, unresolved

    def _shows_panel(self, src: str) -> bool:
        info = self._infos[src]
        return not info.hide_panel and not self.config.ignore_links_to.matches(src)

    def _any_panel(self) -> bool:
        """Whether some page shows a panel (the stylesheet is added only then)."""
        for src in self._infos:
            if not self._shows_panel(src):
                continue
            if self.config.show_when_empty:
                return True
            if any(source not in self._ignored_sources for source in self._graph.sources_to(src)):
                return True
        return False

    def _panel(self, src: str) -> Panel:
        """The panel of page `src`, with context only for the entries it shows in full."""
        if not self._shows_panel(src):
            return Panel([])
        config = self.config
        if self._sort_keys is None:
            self._sort_keys = sort_keys(self._infos, config.sort)
        entries = panel_entries(src, self._graph, self._infos, config.sort, self._ignored_sources, self._sort_keys)
        panel = make_panel(entries, config.max_entries, config.group_by_section)
        return with_context(panel, config.context, self._snippets, config.max_occurrences)

    def _refresh_carried_pages(self, carried: Dict[str, PageRecord], config: MkDocsConfig, files: Files) -> None:
        """Make a dirty build re-render the unchanged pages whose panel changed."""
        for src, record in carried.items():
            page = files.get_file_from_path(src).page
            if record.panel_digest == digest(self._panel_html(page, self._panel(src))):
                continue
            if render_unread_page(page, config, files):
                mark_for_rebuild(page.file)

    def _panel_html(self, page: Page, panel: Panel) -> str:
        if not (panel or self.config.show_when_empty):
            return ""
        panel.html = self._render(page, panel)
        return panel.html

    # -100: after the search plugins (priority 0) have indexed page.content, so the panel stays
    # out of the search index.
    @event_priority(-100)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        src = page.file.src_uri
        if not self.config.enabled or src not in self._infos or self._env is None:
            return context
        with _collector_paused():
            panel = self._panel(src)
            html = self._panel_html(page, panel)
        if self._records is not None and src in self._records:
            self._records.get(src).panel_digest = digest(html)
        if html and self.config.placement == "bottom":
            # Only a marker goes into page.content (which MkDocs keeps for the whole build);
            # on_post_page puts the panel in its place.
            content = page.content or ""
            page.content = content + panel_marker(src)
            self._snippets.content_grew(src, content, page.content)
            self._pending_html[src] = html
            if self.config.toc and panel:
                add_toc_entry(page, self._labels["title"], PANEL_ID)
        context["backlinks"] = panel
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
        if not self.config.enabled:
            return
        # Paused too: the checks' allocations set off a full collection (60 ms of a 1,000-page
        # build) that has nothing to free, as the build's objects all live until it ends.
        with _collector_paused():
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
        assert self._write_panel is not None
        try:
            return self._write_panel(panel, page)
        except PanelTemplateError as error:
            raise PluginError(
                f"backlinks: could not render the panel of page '{page.file.src_uri}' "
                f"with template '{TEMPLATE}': {error}"
            ) from None


@contextlib.contextmanager
def _collector_paused():
    """Pause Python's cycle collector while the plugin makes its many small tuples (links,
    panel entries), none of which form cycles: each automatic collection would walk every
    object of the build, MkDocs' own included, and dozens would run. Measured on a 1000-page
    site: reading the links took 40% less time with the collector paused."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _anchors_of(src: str, content: str) -> list:
    try:
        return extract_anchors(content)
    except Exception as error:  # a bug of ours must not take the user's build down
        log.warning(f"Could not read the links of page '{src}': {error!r}")
        return []
