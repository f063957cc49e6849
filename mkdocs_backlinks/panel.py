"""The "Pages linking here" panel: which entries it lists, in what order, and its HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping

from mkdocs_backlinks.graph import Link, LinkGraph
from mkdocs_backlinks.pages import PageInfo
from mkdocs_backlinks.urls import relative_url

TEMPLATE = "backlinks/panel.html"
"""The panel's template, shipped in the package; a theme's `custom_dir` can override it."""


@dataclass(frozen=True)
class PanelEntry:
    """One page that links to the page showing the panel."""

    title: str
    """Plain text: escape it when writing HTML."""
    url: str
    """Relative href from the page showing the panel to the linking page."""
    src_uri: str
    count: int
    """How many times that page links here."""
    links: List[Link] = field(default_factory=list)


@dataclass
class Panel:
    """What the plugin adds to each page's template context as `backlinks`.

    Iterating over it gives the entries; `html` is the rendered panel (empty when hidden).
    """

    entries: List[PanelEntry]
    html: str = ""

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return bool(self.entries)


def _sort_key(info: PageInfo, sort: str):
    title = info.title.casefold()
    if sort == "nav":
        in_nav = info.nav_position is not None
        return (0 if in_nav else 1, info.nav_position if in_nav else 0, title, info.src_uri)
    return (title, info.src_uri)


def panel_entries(
    target: str, graph: LinkGraph, infos: Mapping[str, PageInfo], sort: str = "nav"
) -> List[PanelEntry]:
    """The entries of `target`'s panel: one per page linking to it, sorted by `sort`."""
    here = infos[target]
    grouped: Dict[str, List[Link]] = graph.linking_pages(target)
    sources = sorted((infos[source] for source in grouped if source in infos), key=lambda i: _sort_key(i, sort))
    return [
        PanelEntry(
            title=source.title,
            url=relative_url(source.url, here.url),
            src_uri=source.src_uri,
            count=len(grouped[source.src_uri]),
            links=grouped[source.src_uri],
        )
        for source in sources
    ]
