"""Rebuilds: what the plugin remembers of each page between `mkdocs serve` rebuilds, and how
a dirty build (`--dirty`) gets every page's links although it renders only some pages.

A normal rebuild renders every page again; a page whose HTML did not change has the same links,
so its scan is reused (keyed by a digest of its content). A dirty rebuild (`--dirty`) renders only
the pages whose source changed: the others keep `content=None`, and their links, title and panel
must come from the previous build, or the graph would lose their links.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_backlinks.core.html import Anchor, Heading
from mkdocs_backlinks.core.html.panels import page_content
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.site import AnchorReader, PageHTML
from mkdocs_backlinks.plugin.pages import is_excluded, mark_for_rebuild, page_infos, render_unread_page

# PageInfo fields that come from the nav and file list, which every build recomputes, even for
# pages a dirty build did not read; the other fields come from the page's content and meta.
_FROM_NAV = ("url", "nav_position", "is_homepage", "excluded", "crumbs")


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


PackedHeading = Tuple[int, str, str]
"""A `Heading` as a plain tuple: level, id, text."""
PackedAnchor = Tuple[str, int, Tuple[str, ...], Tuple[str, ...], Optional[PackedHeading]]
"""An `Anchor` as a plain tuple: href, start, classes, rel, packed heading."""


@dataclass
class PageRecord:
    """One page as the last build saw it."""

    content_digest: bytes
    packed_anchors: List[PackedAnchor]
    """The page's anchors as plain tuples (see `pack_anchors`)."""
    info: PageInfo
    content: Optional[str] = None
    """The rendered HTML (pre-panel), kept only for dirty serving, where MkDocs won't re-read it."""
    panel_digest: Optional[bytes] = None
    """Digest of the panel HTML last written into this page's output."""

    @property
    def anchors(self) -> List[Anchor]:
        return unpack_anchors(self.packed_anchors)


def pack_anchors(anchors: List[Anchor]) -> List[PackedAnchor]:
    """`anchors` as plain tuples of strings, numbers and plain tuples. Records live as long as
    `mkdocs serve`, and Python's cycle collector stops walking such tuples after its first look
    at them; named tuples it walks in every full collection of every rebuild. Measured with
    benchmarks/rebuild.py (5,000 pages, README "mkdocs serve rebuilds"): rebuilds took 1.20x
    the plain ones with the scans kept as named tuples, 1.02x as plain tuples."""
    # A slice of a named tuple is a plain tuple (and typed as one, unlike `tuple(heading)`).
    return [(a.href, a.start, a.classes, a.rel, None if a.heading is None else a.heading[:]) for a in anchors]


def unpack_anchors(packed: List[PackedAnchor]) -> List[Anchor]:
    headings: Dict[PackedHeading, Heading] = {}
    anchors = []
    for href, start, classes, rel, heading in packed:
        if heading is not None:
            found = headings.get(heading)
            if found is None:
                found = headings[heading] = Heading(*heading)
            heading = found
        anchors.append(Anchor(href, start, classes, rel, heading))
    return anchors


class PageRecords:
    """Records of every page, carried from one build to the next by the plugin instance."""

    def __init__(self) -> None:
        self._records: Dict[str, PageRecord] = {}

    def __contains__(self, src: str) -> bool:
        return src in self._records

    def get(self, src: str) -> Optional[PageRecord]:
        return self._records.get(src)

    def read(
        self, src: str, content: str, info: PageInfo, keep_content: bool, scan: Callable[[str], List[Anchor]]
    ) -> PageRecord:
        """The record of a page rendered in this build: its old scan when the HTML is unchanged,
        else what `scan` finds in it."""
        key = digest(content)
        old = self._records.get(src)
        if old is not None and old.content_digest == key:
            old.info = info
            old.content = content if keep_content else None
            return old
        record = PageRecord(key, pack_anchors(scan(content)), info, content if keep_content else None)
        self._records[src] = record
        return record

    def carried(self, src: str, fresh: PageInfo) -> Optional[PageRecord]:
        """The record of a page this (dirty) build did not render, its nav facts made current."""
        old = self._records.get(src)
        if old is None or old.content is None:
            return None
        old.info = dataclasses.replace(old.info, **{name: getattr(fresh, name) for name in _FROM_NAV})
        return old

    def keep_only(self, sources: Iterable[str]) -> None:
        """Forget pages that are gone from the site."""
        keep = set(sources)
        for src in [src for src in self._records if src not in keep]:
            del self._records[src]


@dataclass
class GatheredPages:
    """The pages of one build, as the core needs them."""

    infos: Dict[str, PageInfo]
    """Every page of the build (drafts under `mkdocs serve` included)."""
    rendered: List[Page]
    """Pages rendered in this build (their `content` is set)."""
    carried: Dict[str, PageRecord]
    """Pages a dirty build did not render, known from the previous build's records."""


def gather_pages(
    files: Files, config: MkDocsConfig, nav_order: Dict[str, int], records: Optional[PageRecords]
) -> GatheredPages:
    """The pages rendered in this build, and the ones a dirty build did not render.

    A dirty build (`--dirty`) renders only the pages whose source changed; the links, title and
    panel of the others come from the previous build when this plugin instance saw it (under
    `mkdocs serve --dirty`), else the page is rendered here, so the graph is never partial.
    """
    docs = [file.page for file in files if file.is_documentation_page() and file.page is not None]
    rendered = [page for page in docs if page.content is not None]
    unread = [page for page in docs if page.content is None and not is_excluded(page.file)]
    infos = page_infos(rendered + unread, nav_order)
    carried: Dict[str, PageRecord] = {}
    for page in unread:
        src = page.file.src_uri
        record = records.carried(src, infos[src]) if records is not None else None
        if record is not None:
            carried[src] = record
            infos[src] = record.info
        elif render_unread_page(page, config, files):
            # Nothing tells what panel its output has: write it again.
            mark_for_rebuild(page.file)
            rendered.append(page)
            infos.update(page_infos([page], nav_order))
    if records is not None:
        records.keep_only(infos)
    return GatheredPages(infos, rendered, carried)


def pages_to_read(
    gathered: GatheredPages, records: Optional[PageRecords], keep_content: bool, read_anchors: AnchorReader
) -> Iterator[PageHTML]:
    """The pages whose links count, one at a time (so a page's scan is dropped as soon as its
    links are known). Under `mkdocs serve`, a page whose HTML did not change keeps its old scan."""
    for page in gathered.rendered:
        if is_excluded(page.file):
            continue  # a draft under `serve`: it gets a panel, but its links never count
        src = page.file.src_uri
        # Read as the command reads a built page: without panels and other tools' link lists.
        html = page_content(page.content or "")
        anchors = None
        if records is not None:
            scan = functools.partial(read_anchors, src)
            anchors = records.read(src, html, gathered.infos[src], keep_content, scan).anchors
        yield PageHTML(src, page.file.url, html, anchors)
    for src, record in gathered.carried.items():
        yield PageHTML(src, record.info.url, record.content or "", record.anchors)


def refresh_carried_pages(
    carried: Dict[str, PageRecord], panel_html: Callable[[Page], str], config: MkDocsConfig, files: Files
) -> None:
    """Make a dirty build re-render the unchanged pages whose panel changed."""
    for src, record in carried.items():
        file = files.get_file_from_path(src)
        page = file.page if file is not None else None
        if page is None or record.panel_digest == digest(panel_html(page)):
            continue
        if render_unread_page(page, config, files):
            mark_for_rebuild(page.file)
