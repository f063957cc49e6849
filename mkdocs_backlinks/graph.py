"""The site's link graph: who links to whom, built once per build in O(pages + links).

Pages are named by their source path (`File.src_uri`), so the graph holds plain strings and can
be built and tested without MkDocs objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from mkdocs_backlinks.context import Snippet, SnippetCutter
from mkdocs_backlinks.extract import Anchor, Heading
from mkdocs_backlinks.urls import Kind, SiteResolver


@dataclass(frozen=True)
class Link:
    """One occurrence of a link from one page to another page of the site."""

    source: str
    target: str
    fragment: str = ""
    text: str = ""
    heading: Optional[Heading] = None
    rel: Tuple[str, ...] = ()
    snippet: Optional[Snippet] = None
    """The text around the link, when `page_links` was asked for snippets."""


@dataclass(frozen=True)
class UnresolvedLink:
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

    @classmethod
    def build(cls, links_by_page: Iterable[Tuple[str, List[Link]]], unresolved: Iterable[UnresolvedLink] = ()) -> "LinkGraph":
        graph = cls(unresolved=list(unresolved))
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


# Anchors that are never links between pages, whatever they point at: the toc extension's
# permalinks and the footnote extension's back-references.
_NOT_CONTENT_LINKS = frozenset({"headerlink", "footnote-backref"})


def page_links(
    source: str,
    url: str,
    anchors: Iterable[Anchor],
    resolver: SiteResolver,
    content: str = "",
    snippet_length: int = 0,
) -> Tuple[List[Link], List[UnresolvedLink]]:
    """Resolve the anchors of the page `source` (published at `url`) into links to other pages,
    and the links that reach no built page.

    With `snippet_length` > 0, each link to a page carries the text around it, cut from
    `content` (the HTML the anchors were extracted from); only those links pay for it."""
    links: List[Link] = []
    unresolved: List[UnresolvedLink] = []
    cutter = SnippetCutter(content, snippet_length) if snippet_length > 0 else None
    for anchor in anchors:
        if anchor.classes and _NOT_CONTENT_LINKS.intersection(anchor.classes):
            continue
        result = resolver.resolve(anchor.href, url, source)
        if result.kind is Kind.PAGE:
            snippet = cutter.at(anchor.start, anchor.end, anchor.text) if cutter is not None else None
            links.append(
                Link(source, result.target, result.fragment, anchor.text, anchor.heading, anchor.rel, snippet)
            )
        elif result.kind in (Kind.MISSING, Kind.EXCLUDED, Kind.INVALID):
            unresolved.append(
                UnresolvedLink(source, anchor.href, result.kind.value, result.path, anchor.text, result.target)
            )
        elif result.kind is Kind.EXTERNAL and _climbs_to_a_source_file(anchor.href):
            # `../../x.md` climbing above a site mounted at a sub-path leaves the site, but what
            # it names is a Markdown file MkDocs could not find (it warned): a broken link.
            unresolved.append(UnresolvedLink(source, anchor.href, Kind.MISSING.value, "", anchor.text))
    return links, unresolved


def _climbs_to_a_source_file(href: str) -> bool:
    """A relative href (no scheme, host or leading `/`) to a `.md` file, left as written."""
    path = href.partition("#")[0].partition("?")[0]
    return path.startswith("../") and path.endswith(".md") and ":" not in path
