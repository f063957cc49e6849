"""Unlinked mentions and related pages of one linked site: the detection of `mentions.py` and
`related.py`, fed with what the build learnt (titles, front matter, content, links).

Both front ends get them through `LinkedSite.mentions()` and `LinkedSite.related()`, which call
these once per build, on first use (a panel with `mentions_in_panel`, the `unlinked_mentions`
check, or the files the audit writes), so a build that asks for none of them pays nothing.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, List, Mapping

from mkdocs_backlinks.core.graph import LinkGraph
from mkdocs_backlinks.core.mentions import Mention, MentionPage, find_mentions
from mkdocs_backlinks.core.options import BacklinksConfig
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.prose import read_prose
from mkdocs_backlinks.core.related import Document, Related, related_pages


def linked_targets(graph: LinkGraph, pages: Mapping[str, str]) -> Dict[str, FrozenSet[str]]:
    """The pages each page's content links to, whatever the links' `rel`: a page already linked
    from another, even once and nofollow, is not mentioned there without a link."""
    return {src: frozenset(graph.targets_from(src)) for src in pages}


def site_mentions(
    infos: Mapping[str, PageInfo],
    contents: Mapping[str, str],
    graph: LinkGraph,
    options: BacklinksConfig,
    language: object,
) -> List[Mention]:
    """Every unlinked mention among the pages whose links count (`contents`: their rendered
    content, by source path), sorted by source then target. Snippets are cut only for the panel."""
    pages = [
        MentionPage(src, infos[src].title, content, infos[src].aliases, infos[src].mentions)
        for src, content in sorted(contents.items())
        if src in infos
    ]
    return find_mentions(
        pages,
        linked_targets(graph, contents),
        exempt=options.mentions_exempt.matches,
        languages=[language or "en"],
        min_length=options.mentions_min_length,
        max_share=options.mentions_max_share,
        snippet_length=options.snippet_length if options.mentions_in_panel else 0,
    )


def site_related(
    infos: Mapping[str, PageInfo],
    contents: Mapping[str, str],
    graph: LinkGraph,
    options: BacklinksConfig,
    language: object,
) -> Dict[str, List[Related]]:
    """For each page, up to `related_pages` pages alike to it and not linked either way (none
    when the option is 0). Pages left out of mentions are left out here too."""
    if options.related_pages <= 0:
        return {}
    documents = []
    for src, content in sorted(contents.items()):
        info = infos.get(src)
        if info is None or not info.mentions or options.mentions_exempt.matches(src):
            continue
        prose = read_prose(content)
        documents.append(Document(src, info.title, prose.text, tuple(heading.text for heading in prose.headings)))
    return related_pages(
        documents, linked_targets(graph, contents), languages=[language or "en"], count=options.related_pages
    )


def mentions_of(mentions: List[Mention]) -> Dict[str, List[Mention]]:
    """The mentions grouped by the page they name, each list in source order."""
    by_target: Dict[str, List[Mention]] = {}
    for mention in mentions:
        by_target.setdefault(mention.target, []).append(mention)
    return by_target
