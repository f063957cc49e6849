"""Link-health checks over the finished link graph: orphans, unreachable pages, dead ends, broken
links, hubs, and unlinked mentions (from `mentions.py`, worked out once per build when needed).

Each check is one `Check` record: its name (which is also its option, `<name>`, with its
exemption globs in `<name>_exempt`, and what a page names in front matter `backlinks_exempt`),
how it finds what it finds, how the build log says so, and how the export and the report show
each finding. The audit, the log, the export and the report all iterate `CHECKS`, so a new check
is one record here and its two options. Findings are sorted, so every output is deterministic;
every check counts the links a reader can follow, whatever their `rel`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from mkdocs_backlinks.core.broken_links import (
    NO_SIBLINGS,
    BrokenTarget,
    Exempt,
    SiblingBuilds,
    built_pages,
    describe_broken,
    describe_sibling,
    find_broken_links,
    find_sibling_links,
)
from mkdocs_backlinks.core.globs import GlobList
from mkdocs_backlinks.core.graph import LinkGraph
from mkdocs_backlinks.core.inbound import lost
from mkdocs_backlinks.core.inbound.gather import Inbound
from mkdocs_backlinks.core.mentions import Mention
from mkdocs_backlinks.core.options import BacklinksConfig
from mkdocs_backlinks.core.pages import PageInfo

HUB_MIN_TARGETS = 10
"""A hub links to at least this many pages, whatever `hubs_share` says, so that the index of a
five-page site is not called a hub."""


@dataclass(frozen=True)
class Audited:
    """What every check looks at."""

    graph: LinkGraph
    infos: Mapping[str, PageInfo]
    options: BacklinksConfig
    exempt: Exempt
    """Whether a page (or, for broken links, a target) is exempt from the check at hand."""
    mentions: Callable[[], Sequence[Mention]] = lambda: ()
    """The site's unlinked mentions, worked out on the first call (only a check that needs them
    calls it)."""
    siblings: SiblingBuilds = NO_SIBLINGS
    """The builds published beside this one (other languages, versions), from the config."""
    inbound: Optional[Inbound] = None
    """Links from other sites, when the options name any (`inbound_links`, `sibling_sites`)."""


Href = Callable[[str], str]
"""The href from the report to a page, by source path."""


@dataclass(frozen=True)
class Check:
    """One link-health check."""

    name: str
    title: str
    """The heading of its findings in the report."""
    find: Callable[[Audited], Sequence[Any]]
    message: Callable[[Sequence[Any], Audited], str]
    """The one grouped message for all its findings."""
    export: Callable[[Any], object]
    """A finding as JSON data."""
    report: Callable[[Any, Mapping[str, PageInfo], Href], Optional[Dict[str, object]]]
    """A finding as the report template's data (None: not shown)."""
    level: Callable[[BacklinksConfig], str]
    """Its level in the options (`orphans: warn`...)."""
    exempt: Callable[[BacklinksConfig], GlobList]
    """The globs of its exempt pages in the options (`orphans_exempt`...)."""
    report_kind: str = "pages"
    """How the report template lays its findings out: `pages` (a list of pages) or `broken`."""


# --- Finders ------------------------------------------------------------------------------------


def find_orphans(graph: LinkGraph, infos: Mapping[str, PageInfo], exempt: Exempt) -> List[str]:
    """Built pages no other page's content links to. The homepage is never an orphan."""
    return [
        src
        for src in built_pages(infos)
        if not infos[src].is_homepage and not graph.has_incoming(src) and not exempt(src)
    ]


def reachable_pages(graph: LinkGraph, starts: Iterable[str]) -> Set[str]:
    """Every page reached from `starts` by following content links."""
    seen = set(starts)
    queue = deque(sorted(seen))
    while queue:
        for target in graph.targets_from(queue.popleft()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def nav_pages_of(infos: Mapping[str, PageInfo]) -> List[str]:
    """The pages listed in the site navigation."""
    return sorted(src for src, info in infos.items() if info.nav_position is not None)


def find_unreachable(
    graph: LinkGraph, infos: Mapping[str, PageInfo], nav_pages: Iterable[str], exempt: Exempt
) -> List[str]:
    """Built pages a reader cannot get to from the homepage by following the navigation and
    content links. Every page in the nav is one click away; from there, content links lead on."""
    pages = built_pages(infos)
    starts = {src for src in nav_pages if src in infos} | {src for src in pages if infos[src].is_homepage}
    reached = reachable_pages(graph, starts)
    return [src for src in pages if src not in reached and not exempt(src)]


def find_dead_ends(graph: LinkGraph, infos: Mapping[str, PageInfo], exempt: Exempt) -> List[str]:
    """Built pages whose content links to no other page."""
    return [src for src in built_pages(infos) if not graph.targets_from(src) and not exempt(src)]


def find_hubs(graph: LinkGraph, infos: Mapping[str, PageInfo], share: float, exempt: Exempt) -> List[str]:
    """Pages linking to at least `share` of the site's other pages (and to HUB_MIN_TARGETS)."""
    pages = built_pages(infos)
    needed = max(HUB_MIN_TARGETS, share * (len(pages) - 1))
    return [src for src in pages if len(set(graph.targets_from(src))) >= needed and not exempt(src)]


# --- Messages and their forms in the export and the report ---------------------------------------


def _items(lines: Sequence[str]) -> str:
    return "".join(f"\n  - {line}" for line in lines)


def _page_finding(src: str, infos: Mapping[str, PageInfo], href: Href) -> Optional[Dict[str, object]]:
    if src not in infos:
        return None
    return {"src": src, "title": infos[src].title, "href": href(src)}


def _as_is(finding: object) -> object:
    return finding


def _broken_export(item: BrokenTarget) -> object:
    return {
        "target": item.target,
        "kind": item.kind,
        "count": item.count,
        "suggestion": item.suggestion or None,
        "sources": [{"page": s.page, "href": s.href, "count": s.count} for s in item.sources],
    }


def _broken_report(item: BrokenTarget, infos: Mapping[str, PageInfo], href: Href) -> Dict[str, object]:
    return {
        "target": item.target,
        "kind": item.kind,
        "count": item.count,
        "suggestion": item.suggestion,
        "suggestion_href": href(item.suggestion) if item.suggestion else "",
        "sources": [
            {"page": s.page, "href": s.href, "count": s.count, "href_to_page": href(s.page)} for s in item.sources
        ],
    }


def _find_broken(audited: Audited) -> List[BrokenTarget]:
    return find_broken_links(audited.graph, audited.infos, audited.exempt, siblings=audited.siblings)


def _sibling_message(found: Sequence[BrokenTarget], audited: Audited) -> str:
    links = sum(item.count for item in found)
    return (
        f"{links} link(s) into {len(found)} place(s) of other builds of the site (languages, versions), "
        f"which this build cannot check:{_items([describe_sibling(item) for item in found])}\n"
        "Check them in those builds; silence this note with 'sibling_links: ignore', or exempt the "
        "linking pages with 'sibling_links_exempt' or 'backlinks_exempt: [sibling_links]'."
    )


def _broken_message(found: Sequence[BrokenTarget], audited: Audited) -> str:
    titles = {src: info.title for src, info in audited.infos.items()}
    links = sum(item.count for item in found)
    return (
        f"{links} broken link(s) to {len(found)} target(s) that are not pages of the built site:"
        f"{_items([describe_broken(item, titles) for item in found])}\n"
        "Fix the links, or exempt the linking pages or the targets with the "
        "'broken_links_exempt' option or 'backlinks_exempt: [broken_links]' in front matter."
    )


# --- Unlinked mentions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MentionedPage:
    """A page named in other pages' prose without a link: `count` mentions in all, and each
    mentioning page with its own count, by source path."""

    target: str
    count: int
    sources: Tuple[Tuple[str, int], ...]


def find_unlinked_mentions(mentions: Iterable[Mention], exempt: Exempt) -> List[MentionedPage]:
    """The mentioned pages that are not exempt, by source path, each with its mentions."""
    by_target: Dict[str, List[Tuple[str, int]]] = {}
    for mention in mentions:
        if not exempt(mention.target):
            by_target.setdefault(mention.target, []).append((mention.source, mention.count))
    return [
        MentionedPage(target, sum(count for _, count in sources), tuple(sorted(sources)))
        for target, sources in sorted(by_target.items())
    ]


def _mentions_message(found: Sequence[MentionedPage], audited: Audited) -> str:
    def named_in(item: MentionedPage) -> str:
        sources = ", ".join(src if count == 1 else f"{src} x{count}" for src, count in item.sources)
        info = audited.infos.get(item.target)
        return f"{item.target} ({info.title if info else item.target}): named in {sources}"

    return (
        f"{sum(item.count for item in found)} unlinked mention(s) of {len(found)} page(s): their title or an "
        f"alias is written in other pages without a link:{_items([named_in(item) for item in found])}\n"
        "Link the words to the page, or exempt it with 'backlinks_exempt: [unlinked_mentions]' in its front "
        "matter or the 'unlinked_mentions_exempt' option."
    )


CHECKS = (
    Check(
        "orphans",
        "Orphaned pages",
        lambda a: find_orphans(a.graph, a.infos, a.exempt),
        lambda found, a: (
            f"{len(found)} orphaned page(s): no other page links to them:{_items(found)}\n"
            "Link to them, or exempt them with 'orphan: true' in their front matter or the "
            "'orphans_exempt' option."
        ),
        _as_is,
        _page_finding,
        lambda o: o.orphans,
        lambda o: o.orphans_exempt,
    ),
    Check(
        "unreachable",
        "Unreachable pages",
        lambda a: find_unreachable(a.graph, a.infos, nav_pages_of(a.infos), a.exempt),
        lambda found, a: (
            f"{len(found)} unreachable page(s): not in the nav, and no page a reader can reach from the "
            f"homepage links to them:{_items(found)}\n"
            "Add them to the nav or link to them from a reachable page, or exempt them with "
            "'backlinks_exempt: [unreachable]' in their front matter or the 'unreachable_exempt' option."
        ),
        _as_is,
        _page_finding,
        lambda o: o.unreachable,
        lambda o: o.unreachable_exempt,
    ),
    Check(
        "dead_ends",
        "Dead ends",
        lambda a: find_dead_ends(a.graph, a.infos, a.exempt),
        lambda found, a: (
            f"{len(found)} dead-end page(s): they link to no other page:{_items(found)}\n"
            "Link onwards from them, or exempt them with 'backlinks_exempt: [dead_ends]' in their "
            "front matter or the 'dead_ends_exempt' option."
        ),
        _as_is,
        _page_finding,
        lambda o: o.dead_ends,
        lambda o: o.dead_ends_exempt,
    ),
    Check(
        "broken_links",
        "Broken links",
        _find_broken,
        _broken_message,
        _broken_export,
        _broken_report,
        lambda o: o.broken_links,
        lambda o: o.broken_links_exempt,
        report_kind="broken",
    ),
    Check(
        "sibling_links",
        "Links into other builds",
        lambda a: find_sibling_links(a.graph, a.infos, a.exempt, a.siblings),
        _sibling_message,
        _broken_export,
        _broken_report,
        lambda o: o.sibling_links,
        lambda o: o.sibling_links_exempt,
        report_kind="broken",
    ),
    Check(
        "hubs",
        "Hubs",
        lambda a: find_hubs(a.graph, a.infos, a.options.hubs_share, a.exempt),
        lambda found, a: (
            f"{len(found)} hub page(s) link to at least {a.options.hubs_share:.0%} of the site's pages:"
            f"{_items(found)}\n"
            "Such pages (indexes, tag listings) show up in almost every panel: keep their links "
            "out of the panels with the 'ignore_links_from' option or 'backlinks_from_here: false' "
            "in their front matter (their links still count for the checks), and silence this "
            "note with 'hubs_exempt', 'hubs: ignore' or 'backlinks_exempt: [hubs]'."
        ),
        _as_is,
        _page_finding,
        lambda o: o.hubs,
        lambda o: o.hubs_exempt,
    ),
    Check(
        "unlinked_mentions",
        "Unlinked mentions",
        lambda a: find_unlinked_mentions(a.mentions(), a.exempt),
        _mentions_message,
        lambda item: item.target,
        lambda item, infos, href: _page_finding(item.target, infos, href),
        lambda o: o.unlinked_mentions,
        lambda o: o.unlinked_mentions_exempt,
    ),
    Check(
        "lost_inbound_links",
        "Lost links from outside",
        lambda a: lost.find_lost(a.inbound, a.infos, a.exempt, a.inbound.directory_urls if a.inbound else True),
        lambda found, a: lost.message(found, a.infos),
        lost.export_finding,
        lost.report_finding,
        lambda o: o.lost_inbound_links,
        lambda o: o.lost_inbound_links_exempt,
        report_kind="lost",
    ),
)
"""Every check, in the order they are reported."""

CHECK_NAMES = tuple(check.name for check in CHECKS)


def front_matter_problems(infos: Mapping[str, PageInfo]) -> List[str]:
    """One message per page whose `backlinks_exempt` names a check that does not exist."""
    known = set(CHECK_NAMES) | {"all"}
    problems = []
    for src in sorted(infos):
        unknown = [name for name in infos[src].checks_exempt if name not in known]
        if unknown:
            problems.append(
                f"Page '{src}': front matter 'backlinks_exempt' names unknown check(s) "
                f"{', '.join(repr(n) for n in unknown)}; known: {', '.join(CHECK_NAMES)}, all."
            )
    return problems


def exemption(check: str, infos: Mapping[str, PageInfo], globs: GlobList) -> Exempt:
    """Whether a page is exempt from `check`: by glob, or by its front matter."""

    def exempt(src: str) -> bool:
        info = infos.get(src)
        if info is not None:
            if check in info.checks_exempt or "all" in info.checks_exempt:
                return True
            if check == "orphans" and info.orphan_ok:
                return True
        return globs.matches(src)

    return exempt
