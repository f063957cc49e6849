"""The site's link graph: who links to whom, built once per build in O(pages + links).

Pages are named by their source path (`File.src_uri`), so the graph holds plain strings and can
be built and tested without MkDocs objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, NamedTuple, Optional, Tuple

from mkdocs_backlinks.extract import Anchor, Heading, anchor_text
from mkdocs_backlinks.urls import Kind, SiteResolver


class Link(NamedTuple):
    """One occurrence of a link from one page to another page of the site.

    A named tuple: a large site has hundreds of thousands of links, and tuples take a fraction
    of the memory and time of dataclass instances. Its text is read from the source page's HTML
    only when needed (`LinkGraph.text`): few links are ever shown with their text."""

    source: str
    target: str
    fragment: str = ""
    heading: Optional[Heading] = None
    """The heading of the section the link sits in (None above the page's first heading)."""
    rel: Tuple[str, ...] = ()
    start: int = -1
    """Offset of the `<a>` element in the source page's HTML."""


class UnresolvedLink(NamedTuple):
    """A link that reaches no built page: missing, excluded, or unparsable. Kept for reports."""

    source: str
    href: str
    kind: str
    path: str = ""
    text: str = ""
    target: str = ""


@dataclass
class LinkGraph:
    """Outgoing and incoming links of every page that took part in the build."""

    pages: List[str] = field(default_factory=list)
    """Every page whose links were read, in build order."""
    outgoing: Dict[str, List[Link]] = field(default_factory=dict)
    incoming: Dict[str, List[Link]] = field(default_factory=dict)
    unresolved: List[UnresolvedLink] = field(default_factory=list)
    contents: Dict[str, str] = field(default_factory=dict)
    """The HTML each page's links were read from, for their texts."""

    @classmethod
    def build(
        cls,
        links_by_page: Iterable[Tuple[str, List[Link]]],
        unresolved: Iterable[UnresolvedLink] = (),
        contents: Optional[Dict[str, str]] = None,
    ) -> "LinkGraph":
        graph = cls(unresolved=list(unresolved), contents=contents if contents is not None else {})
        for source, links in links_by_page:
            graph.pages.append(source)
            graph.outgoing[source] = links
            for link in links:
                graph.incoming.setdefault(link.target, []).append(link)
        return graph

    def linking_pages(self, target: str) -> Dict[str, List[Link]]:
        """The pages that link to `target`, each with its links there, in build order."""
        grouped: Dict[str, List[Link]] = {}
        for link in self.incoming.get(target, ()):
            grouped.setdefault(link.source, []).append(link)
        return grouped

    def has_incoming(self, target: str) -> bool:
        return bool(self.incoming.get(target))

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
) -> Tuple[List[Link], List[UnresolvedLink]]:
    """Resolve the anchors of the page `source` (published at `url`, HTML `content`) into links
    to other pages, and the links that reach no built page."""
    links: List[Link] = []
    append = links.append
    unresolved: List[UnresolvedLink] = []
    resolve = resolver.resolve
    page = Kind.PAGE
    for anchor in anchors:
        href = anchor.href
        if href[:1] == "#":
            continue  # the page itself, the most common kind of link there is (permalinks, toc)
        if anchor.classes and _NOT_CONTENT_LINKS.intersection(anchor.classes):
            continue
        result = resolve(href, url, source)
        kind = result.kind
        if kind is page:
            append(Link(source, result.target, result.fragment, anchor.heading, anchor.rel, anchor.start))
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
