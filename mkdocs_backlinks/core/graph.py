"""The site's link graph: who links to whom, built once per build in O(pages + links).

Pages are named by their source path (`File.src_uri`), so the graph holds plain strings and can
be built and tested without MkDocs objects.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple

from mkdocs_backlinks.core.html import Anchor, Heading, anchor_text
from mkdocs_backlinks.core.urls import Kind, SiteResolver


class Link(NamedTuple):
    """One occurrence of a link from one page to another page of the site, as `LinkGraph`
    hands it out (it keeps links in a compact form and makes these on demand). Its text is read
    from the source page's HTML only when needed (`LinkGraph.text`)."""

    source: str
    target: str
    fragment: str = ""
    heading: Optional[Heading] = None
    """The heading of the section the link sits in (None above the page's first heading)."""
    rel: Tuple[str, ...] = ()
    start: int = -1
    """Offset of the `<a>` element in the source page's HTML."""


class PageLinks:
    """The links of one page to pages of the site, in document order, as parallel sequences.

    A big site has hundreds of thousands of links: a record for each would take about twice the
    memory. Measured against a `Link` per link kept in both directions (peak RSS of paired
    whole `mkdocs build` processes, 1,000 pages): this form keeps 0.55 MiB less (0.6% of the
    docs-like build's 85 MiB) and 2.4 MiB less on the link-dense site (2.2%); build time the
    same within noise. Kept for the peak-memory budget (1.06x), which the plugin meets narrowly."""

    __slots__ = ("targets", "fragments", "headings", "rels", "starts")

    def __init__(self) -> None:
        self.targets: List[str] = []
        self.fragments: List[str] = []
        self.headings: List[Optional[Heading]] = []
        self.rels: List[Tuple[str, ...]] = []
        self.starts = array("q")

    def add(
        self,
        target: str,
        fragment: str = "",
        heading: Optional[Heading] = None,
        rel: Tuple[str, ...] = (),
        start: int = -1,
    ) -> None:
        self.targets.append(target)
        self.fragments.append(fragment)
        self.headings.append(heading)
        self.rels.append(rel)
        self.starts.append(start)

    def __len__(self) -> int:
        return len(self.targets)

    def link(self, source: str, index: int) -> Link:
        """The `index`-th link, from page `source`."""
        return Link(
            source,
            self.targets[index],
            self.fragments[index],
            self.headings[index],
            self.rels[index],
            self.starts[index],
        )


class UnresolvedLink(NamedTuple):
    """A link that reaches no built page: missing, excluded, or unparsable. Kept for reports."""

    source: str
    href: str
    kind: str
    path: str = ""
    text: str = ""
    target: str = ""


# An incoming link is a number: the linking page's place in `LinkGraph.pages`, shifted left by
# this many bits, plus the link's place among that page's links.
_LINK_BITS = 32


@dataclass
class LinkGraph:
    """Outgoing and incoming links of every page that took part in the build."""

    pages: List[str] = field(default_factory=list)
    """Every page whose links were read, in build order."""
    unresolved: List[UnresolvedLink] = field(default_factory=list)
    contents: Dict[str, str] = field(default_factory=dict)
    """The HTML each page's links were read from, for their texts."""
    _outgoing: Dict[str, PageLinks] = field(default_factory=dict)
    _incoming: Dict[str, array[int]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        links_by_page: Iterable[Tuple[str, PageLinks]],
        unresolved: Iterable[UnresolvedLink] = (),
        contents: Optional[Dict[str, str]] = None,
    ) -> "LinkGraph":
        graph = cls(unresolved=list(unresolved), contents=contents if contents is not None else {})
        incoming = graph._incoming
        for number, (source, links) in enumerate(links_by_page):
            graph.pages.append(source)
            graph._outgoing[source] = links
            base = number << _LINK_BITS
            for index, target in enumerate(links.targets):
                codes = incoming.get(target)
                if codes is None:
                    codes = incoming[target] = array("q")
                codes.append(base + index)
        return graph

    def targets_from(self, source: str) -> List[str]:
        """The target of each link of page `source`, in document order (with repeats)."""
        links = self._outgoing.get(source)
        return links.targets if links is not None else []

    def links_from(self, source: str) -> Iterator[Link]:
        """The links of page `source`, in document order."""
        links = self._outgoing.get(source)
        if links is None:
            return
        for index in range(len(links)):
            yield links.link(source, index)

    def sources_to(self, target: str) -> Iterator[str]:
        """The source of each link to `target`, in build order (with repeats)."""
        pages = self.pages
        for code in self._incoming.get(target, ()):
            yield pages[code >> _LINK_BITS]

    def linking_pages(self, target: str) -> Dict[str, List[Link]]:
        """The pages that link to `target`, each with its links there, in build order."""
        grouped: Dict[str, List[Link]] = {}
        mask = (1 << _LINK_BITS) - 1
        for code in self._incoming.get(target, ()):
            source = self.pages[code >> _LINK_BITS]
            link = self._outgoing[source].link(source, code & mask)
            links = grouped.get(source)
            if links is None:
                grouped[source] = [link]
            else:
                links.append(link)
        return grouped

    def has_incoming(self, target: str) -> bool:
        return bool(self._incoming.get(target))

    def text(self, link: Link) -> str:
        """The plain text of `link` ("" when its page's HTML is not known)."""
        content = self.contents.get(link.source)
        return anchor_text(content, link.start) if content is not None and link.start >= 0 else ""


# Anchors that are never links between pages, whatever they point at: the toc extension's
# permalinks and the footnote extension's back-references.
_NOT_CONTENT_LINKS = frozenset({"headerlink", "footnote-backref"})


def page_links(
    source: str,
    url: str,
    anchors: Iterable[Anchor],
    resolver: SiteResolver,
    content: str = "",
) -> Tuple[PageLinks, List[UnresolvedLink]]:
    """Resolve the anchors of the page `source` (published at `url`, HTML `content`) into links
    to other pages, and the links that reach no built page."""
    links = PageLinks()
    unresolved: List[UnresolvedLink] = []
    for anchor in anchors:
        href = anchor.href
        if href[:1] == "#":
            continue  # the page itself, the most common kind of link there is (permalinks, toc)
        if anchor.classes and _NOT_CONTENT_LINKS.intersection(anchor.classes):
            continue
        result = resolver.resolve(href, url, source)
        kind = result.kind
        if kind is Kind.PAGE:
            links.add(result.target, result.fragment, anchor.heading, anchor.rel, anchor.start)
        elif kind in _BROKEN or (kind is Kind.EXTERNAL and _climbs_to_a_source_file(href)):
            # `../../x.md` climbing above a site mounted at a sub-path leaves the site, but what
            # it names is a Markdown file MkDocs could not find (it warned): a broken link.
            text = anchor_text(content, anchor.start) if content else ""
            if kind is Kind.EXTERNAL:
                unresolved.append(UnresolvedLink(source, href, Kind.MISSING.value, "", text))
            else:
                unresolved.append(UnresolvedLink(source, href, kind.value, result.path, text, result.target))
    return links, unresolved


_BROKEN = (Kind.MISSING, Kind.EXCLUDED, Kind.INVALID)


def _climbs_to_a_source_file(href: str) -> bool:
    """A relative href (no scheme, host or leading `/`) to a `.md` file, left as written."""
    path = href.partition("#")[0].partition("?")[0]
    return path.startswith("../") and path.endswith(".md") and ":" not in path
