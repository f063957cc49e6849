"""The "Pages linking here" panel: which entries it lists, in what order, with what context."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    AbstractSet,
    Callable,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Union,
)
from urllib.parse import quote

from mkdocs_backlinks.core.graph import Link, LinkGraph
from mkdocs_backlinks.core.html.text import Heading, page_section
from mkdocs_backlinks.core.mentions import Mention
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.snippets import Snippet
from mkdocs_backlinks.core.urls import relative_url

if TYPE_CHECKING:
    from mkdocs_backlinks.core.inbound.show import InboundEntry

TEMPLATE = "backlinks/panel.html"
"""The panel's template, shipped in the package; a theme's `custom_dir` can override it."""


def panel_marker(src_uri: str) -> str:
    """Stands in page.content for the panel until the page's HTML is final (see on_post_page).

    One per page: a page's content can show up in another page (a blog index showing whole
    posts), and only the page's own marker may become its panel."""
    return f"<!-- mkdocs-backlinks-plugin: panel {hashlib.blake2b(src_uri.encode(), digest_size=8).hexdigest()} -->"


PANEL_ID = "backlinks-title"
"""The `id` of the panel's heading: the target of the optional table-of-contents entry."""

# Characters left as they are in a #fragment built from a heading id.
_FRAGMENT_SAFE = "-._~!$&'()*+,;=:@/?"


MAX_PANEL_OCCURRENCES = 100
"""The most occurrences one panel shows in all, whatever `max_entries` and `max_occurrences`
say: with each occurrence at most one snippet long, this bounds a panel's size on any site. The
entries past it show only how many links they hold ("and N more from this page")."""


# Named tuples: a big site's panels have tens of thousands of entries, built on every build.
class Occurrence(NamedTuple):
    """One spot of the linking page: a section holding links here, or one link with its text."""

    url: str
    """Relative href to that spot: the linking page, with `#id` of the section when it has one."""
    section: str = ""
    """The section's title, plain text; "" for links above the page's first section."""
    snippet: Optional[Snippet] = None
    # mypy rejects a field named like the method `tuple.count`, which it shadows; the field is
    # what templates read, and NamedTuple keeps the many entries of a big site cheap.
    count: int = 1  # type: ignore[assignment]
    """How many links this spot stands for: the links of its section (`context: sections`),
    or the links showing the same snippet in the same section (`context: snippets`)."""


class PanelEntry(NamedTuple):
    """One page that links to the page showing the panel."""

    title: str
    """Plain text: escape it when writing HTML."""
    url: str
    """Relative href from the page showing the panel to the linking page."""
    src_uri: str
    count: int  # type: ignore[assignment]  # named like `tuple.count`, as in Occurrence
    """How many times that page links here."""
    links: Sequence[Link] = ()
    crumbs: Tuple[str, ...] = ()
    """Titles of the nav sections holding the linking page (without the group's own title)."""
    occurrences: Tuple[Occurrence, ...] = ()
    """Where the links sit (with `context: sections` or `snippets`; empty for the entries
    behind "and N more", which are listed by title), at most `max_occurrences` of them."""
    more_links: int = 0
    """How many of its links the occurrences leave out (beyond `max_occurrences`, or beyond
    the panel's bound `MAX_PANEL_OCCURRENCES`): the panel says "and N more from this page"."""


class MentionEntry(NamedTuple):
    """A page that names the page showing the panel without linking to it (`mentions_in_panel`)."""

    title: str
    """Plain text: escape it when writing HTML."""
    url: str
    """Relative href from the page showing the panel to the mentioning page."""
    src_uri: str
    count: int  # type: ignore[assignment]  # a field named like tuple.count, read by templates
    """How many times that page names this one."""
    occurrence: Optional[Occurrence] = None
    """Where the first mention sits: its section and snippet (the mention as `snippet.text`);
    None when there is neither."""


class PanelGroup(NamedTuple):
    """Entries under one top-level nav section ("" for pages in no section)."""

    title: str
    entries: List[PanelEntry]


@dataclass
class Panel:
    """What the plugin adds to each page's template context as `backlinks`.

    Iterating over it gives every entry; `shown` and `hidden` are the same entries in groups,
    split at `max_entries`; `html` is the rendered panel (empty when the page shows none).
    """

    entries: List[PanelEntry]
    shown: List[PanelGroup] = field(default_factory=list)
    hidden: List[PanelGroup] = field(default_factory=list)
    hidden_count: int = 0
    grouped: bool = False
    """Grouped by top-level section: each group's title is shown once, not in the breadcrumbs."""
    html: str = ""
    graph: str = ""
    """The local graph's `<svg>` (`local_graph: true`), already escaped HTML; "" without one."""
    mentions: List[MentionEntry] = field(default_factory=list)
    """The pages naming this one without a link (only with `mentions_in_panel: true`)."""
    inbound: List["InboundEntry"] = field(default_factory=list)
    """Links from other sites to this page (only with `inbound_in_panel: true`)."""
    inbound_count: int = 0
    """How many links from other sites this page has in all (`inbound` lists some of them)."""

    def __iter__(self) -> Iterator[PanelEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return bool(self.entries)


SortKey = Tuple[Union[int, str], ...]
"""A page's place in sorted panels; the keys of one build all have the same shape."""


def sort_keys(infos: Mapping[str, PageInfo], sort: str) -> Dict[str, SortKey]:
    """Each page's place in panels sorted by `sort` (for "count", after the number of links),
    worked out once per build rather than once per panel entry."""
    keys: Dict[str, SortKey] = {}
    for src, info in infos.items():
        title = info.title.casefold()
        if sort == "title":
            keys[src] = (title, src)
        elif info.nav_position is not None:
            keys[src] = (0, info.nav_position, title, src)
        else:
            keys[src] = (1, 0, title, src)
    return keys


def _section(link: Link) -> Optional[Heading]:
    """The section a link shows under (see `page_section`)."""
    return page_section(link.heading)


def spot_url(url: str, heading: Optional[Heading]) -> str:
    """The href of a spot of the page reached at `url`: `url` with the id of the section's
    `heading` as its #fragment, or `url` itself above the first section or under a heading
    without an id. Shared by the panel and the report, which link the same spots."""
    return f"{url}#{quote(heading.id, safe=_FRAGMENT_SAFE)}" if heading is not None and heading.id else url


SnippetOf = Callable[[Link], Optional[Snippet]]


def condense(found: Iterable[Occurrence], limit: int) -> Tuple[Tuple[Occurrence, ...], int]:
    """`found` (in page order) with the occurrences that show the same spot, section and snippet
    merged into the first of them (their counts added), cut to the first `limit` distinct ones;
    and how many links the ones cut stood for. A link that repeats a shown occurrence adds to
    its count even when it comes after the cut."""
    shown: List[Occurrence] = []
    at: Dict[Tuple[str, str, Optional[Snippet]], int] = {}
    more = 0
    for spot in found:
        key = (spot.url, spot.section, spot.snippet)
        index = at.get(key)
        if index is not None:
            shown[index] = shown[index]._replace(count=shown[index].count + spot.count)
        elif len(shown) < limit:
            at[key] = len(shown)
            shown.append(spot)
        else:
            more += spot.count
    return tuple(shown), more


def occurrences(
    links: Sequence[Link],
    url: str,
    context: str,
    snippet_of: Optional[SnippetOf] = None,
    limit: int = MAX_PANEL_OCCURRENCES,
) -> Tuple[Tuple[Occurrence, ...], int]:
    """Where `links` (all from the page reached at `url`) sit, as `context` asks, at most `limit`
    distinct spots (see `condense`); and how many links the spots beyond `limit` hold.
    `snippet_of` gives each link's snippet with `context: snippets`."""
    if context == "snippets":
        if limit <= 0:
            return (), len(links)  # nothing shown: no snippet needs cutting
        found = []
        for link in links:
            heading = _section(link)
            snippet = snippet_of(link) if snippet_of is not None else None
            found.append(Occurrence(spot_url(url, heading), heading.text if heading else "", snippet))
        return condense(found, limit)
    if context == "sections":
        # Links above the first section belong to the page as a whole: the entry's title is
        # their spot, so they are neither shown nor counted here.
        spots = (
            Occurrence(spot_url(url, heading), heading.text) for heading in map(_section, links) if heading is not None
        )
        return condense(spots, limit)
    return (), 0


def panel_entries(
    target: str,
    graph: LinkGraph,
    infos: Mapping[str, PageInfo],
    sort: str = "nav",
    ignored: AbstractSet[str] = frozenset(),
    keys: Optional[Mapping[str, SortKey]] = None,
) -> List[PanelEntry]:
    """The entries of `target`'s panel: one per page linking to it (except the `ignored`
    sources), sorted by `sort` (`keys` from `sort_keys`, when known), without their
    occurrences (see `with_context`)."""
    here = infos[target]
    grouped: Dict[str, List[Link]] = graph.linking_pages(target)
    if keys is None:
        keys = sort_keys({src: infos[src] for src in grouped if src in infos}, sort)
    sources = [src for src in grouped if src in infos and src not in ignored]
    if sort == "count":
        sources.sort(key=lambda src: (-len(grouped[src]),) + keys[src])
    else:
        sources.sort(key=keys.__getitem__)
    entries = []
    for src in sources:
        source = infos[src]
        links = grouped[src]
        entries.append(
            PanelEntry(source.title, relative_url(source.url, here.url), src, len(links), links, source.crumbs)
        )
    return entries


def with_context(
    panel: "Panel", context: str, snippet_of: Optional[SnippetOf] = None, max_occurrences: int = 0
) -> "Panel":
    """`panel` with the occurrences of its shown entries filled in: at most `max_occurrences`
    per entry (0: no limit of its own), and `MAX_PANEL_OCCURRENCES` in the whole panel, given
    out in the panel's order. Entries behind "and N more" are listed by title only: a hub page
    can have hundreds, and their context is what makes a panel long and a build slow."""
    if context == "titles":
        return panel
    left = MAX_PANEL_OCCURRENCES
    filled: Dict[str, PanelEntry] = {}
    for group in panel.shown:
        for entry in group.entries:
            limit = min(max_occurrences, left) if max_occurrences else left
            spots, more = occurrences(entry.links, entry.url, context, snippet_of, limit)
            left -= len(spots)
            filled[entry.src_uri] = entry._replace(occurrences=spots, more_links=more)
    panel.shown = [PanelGroup(group.title, [filled[e.src_uri] for e in group.entries]) for group in panel.shown]
    panel.entries = [filled.get(entry.src_uri, entry) for entry in panel.entries]
    return panel


def shown_section(mention: Mention) -> Optional[Heading]:
    """The section a mention shows under in the panel and the report (see `page_section`): by
    the heading's level, not its text, as the page's title may come from the nav and differ from
    its level-1 heading, and a lower heading may be worded like the title."""
    return page_section(mention.section)


def mention_entries(
    target: str, mentions: Iterable[Mention], infos: Mapping[str, PageInfo], keys: Mapping[str, SortKey]
) -> List[MentionEntry]:
    """The "Mentioned without a link" entries of `target`'s panel, from the mentions of it, in
    the panel's order (`keys` from `sort_keys`)."""
    here = infos[target]
    entries = []
    for mention in sorted((m for m in mentions if m.source in infos), key=lambda m: keys[m.source]):
        source = infos[mention.source]
        url = relative_url(source.url, here.url)
        section = shown_section(mention)
        spot = None
        if section is not None or mention.snippet is not None:
            spot = Occurrence(spot_url(url, section), section.text if section else "", mention.snippet, mention.count)
        entries.append(MentionEntry(source.title, url, mention.source, mention.count, spot))
    return entries


def _group(entries: List[PanelEntry]) -> List[PanelGroup]:
    """Consecutive runs of entries with the same top-level section, as groups."""
    groups: List[PanelGroup] = []
    for entry in entries:
        title = entry.crumbs[0] if entry.crumbs else ""
        if groups and groups[-1].title == title:
            groups[-1].entries.append(entry)
        else:
            groups.append(PanelGroup(title, [entry]))
    return groups


def make_panel(entries: List[PanelEntry], max_entries: int = 0, group_by_section: bool = False) -> Panel:
    """The panel of `entries`: grouped by top-level nav section if asked (pages in no section
    first, then each section where its first page comes), the ones beyond `max_entries` hidden."""
    if group_by_section:
        order: Dict[str, int] = {}
        for entry in entries:
            order.setdefault(entry.crumbs[0] if entry.crumbs else "", len(order) + 1)
        order[""] = 0
        entries = sorted(entries, key=lambda e: order[e.crumbs[0] if e.crumbs else ""])  # stable
    limit = max_entries if max_entries and len(entries) > max_entries else len(entries)
    shown, hidden = entries[:limit], entries[limit:]
    if group_by_section:
        return Panel(entries, _group(shown), _group(hidden), len(hidden), grouped=True)
    return Panel(
        entries, [PanelGroup("", shown)] if shown else [], [PanelGroup("", hidden)] if hidden else [], len(hidden)
    )
