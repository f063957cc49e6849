"""The plugin's options, as written under `backlinks:` in `mkdocs.yml` (or in a site's
`zensical.toml`): their types, defaults, validation and one-line errors, in plain Python.

Both front ends read them here: the MkDocs plugin through a thin `Config` adapter
(`plugin/options.py`), the post-build command through `load_options`. Mistakes read as MkDocs
words them for its own settings (`Expected one of: ... but received: ...`), each naming the
option; an unknown name is a warning that says which option was meant, so `--strict` fails on it.

Adding an option is one field of `BacklinksConfig` with its docstring under it, e.g.

    sibling_links: bool = option(Flag(False))
    \"\"\"What it does, and its default.\"\"\"

`Flag`, `Choice`, `Count`, `Share`, `Globs`, `Strings`, `Text`, `SitePath`, `Url`, `Required`,
`Record` and `Records` are the kinds of value an option takes; a new kind is a small `Kind`
subclass with a `read` method.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import Any, Dict, Generic, Iterator, List, Mapping, Optional, Tuple, Type, TypeVar

from mkdocs_backlinks.core.globs import GlobList

__all__ = [
    "LEVELS",
    "BacklinksConfig",
    "LabelsConfig",
    "OptionsError",
    "OptionsRecord",
    "Warnings",
    "check_options",
    "load_options",
    "read_options",
    "option_names",
]

T = TypeVar("T")
R = TypeVar("R")

LEVELS = ("ignore", "info", "warn", "error")
"""How loudly a check reports what it finds; `warn` fails `mkdocs build --strict`, `error` fails
`mkdocs build` outright (but never stops `mkdocs serve`)."""

Warnings = List[Tuple[str, str]]
"""(option, what is wrong) for each mistake that does not stop the build, as MkDocs lists them."""


class OptionsError(Exception):
    """Options that do not validate; the message is one line naming the option."""

    def __init__(self, option: str, text: str) -> None:
        super().__init__(f"option '{option}': {text}")
        self.option = option
        """The option's name, as written."""
        self.text = text
        """What is wrong with it, without the name."""


class _Mistake(Exception):
    """A value a `Kind` cannot read; `read_options` adds the option's name."""


# --- The kinds of value -----------------------------------------------------------------------


class Kind(Generic[T]):
    """How one option is read: its default, and `read`, which turns the value written into the
    option's value or raises `_Mistake` with what is wrong. `null` gives the default, unless
    the kind is `required`."""

    required = False
    """Whether the option must be written (the default is then never used)."""

    def __init__(self, default: T) -> None:
        self._default = default

    def default(self) -> T:
        """A fresh default (a new list each time, for those that are lists)."""
        return self._default

    def read(self, value: object, warnings: List[str]) -> T:
        raise NotImplementedError

    def load(self, value: object, warnings: List[str]) -> T:
        return self.default() if value is None else self.read(value, warnings)


def _type_mistake(expected: type, value: object) -> _Mistake:
    return _Mistake(f"Expected type: {expected} but received: {type(value)}")


class Flag(Kind[bool]):
    """`true` or `false`."""

    def read(self, value: object, warnings: List[str]) -> bool:
        if not isinstance(value, bool):
            raise _type_mistake(bool, value)
        return value


class Choice(Kind[T]):
    """One of a few values. YAML's `true` is not `1` here."""

    def __init__(self, choices: Tuple[T, ...], default: T) -> None:
        super().__init__(default)
        self.choices = choices

    def read(self, value: object, warnings: List[str]) -> T:
        for choice in self.choices:
            if value == choice and isinstance(value, bool) == isinstance(choice, bool):
                return choice
        raise _Mistake(f"Expected one of: {self.choices} but received: {value!r}")


class Count(Kind[int]):
    """A whole number, at least zero (YAML booleans are not numbers here)."""

    def read(self, value: object, warnings: List[str]) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _Mistake(f"Expected a whole number, 0 or more, but received: {value!r}")
        return value


class Share(Kind[float]):
    """A share of the site, written as a number between 0 and 1 (`0.5`) or a percentage (`50%`)."""

    def read(self, value: object, warnings: List[str]) -> float:
        try:
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, str):
                share = float(value[:-1]) / 100 if value.endswith("%") else float(value)
            elif isinstance(value, (int, float)):
                share = float(value)
            else:
                raise ValueError
        except ValueError:
            raise _Mistake(f"Expected a share of the site like 0.5 or '50%', got {value!r}") from None
        if not 0 < share <= 1:
            raise _Mistake(f"Expected a share of the site above 0 and at most 1 (100%), got {value!r}")
        return share


class Text(Kind[Optional[str]]):
    """A string, unset (None) by default."""

    def __init__(self) -> None:
        super().__init__(None)

    def read(self, value: object, warnings: List[str]) -> Optional[str]:
        if not isinstance(value, str):
            raise _type_mistake(str, value)
        return value


class SitePath(Text):
    """A file to write into `site_dir`, as a relative path with `/` (e.g. `links.json`)."""

    def __init__(self, *suffixes: str) -> None:
        super().__init__()
        self.suffixes = suffixes

    def read(self, value: object, warnings: List[str]) -> Optional[str]:
        path = super().read(value, warnings)
        assert path is not None
        parts = path.split("/")
        if (
            not path
            or path.startswith("/")
            or "\\" in path
            or ":" in parts[0]
            or any(p in ("", ".", "..") for p in parts)
        ):
            raise _Mistake(f"Expected a relative path inside site_dir like 'links{self.suffixes[0]}', got {path!r}")
        if not path.endswith(self.suffixes):
            raise _Mistake(f"Expected a file name ending in {' or '.join(self.suffixes)}, got {path!r}")
        return path


class Globs(Kind[GlobList]):
    """A list of gitignore-like globs matched against source paths (`guide/*.md`, `blog/**`).
    Unlike the other options, `null` is a mistake here, not the default."""

    def __init__(self) -> None:
        super().__init__(GlobList())

    def default(self) -> GlobList:
        return GlobList()

    def load(self, value: object, warnings: List[str]) -> GlobList:
        if value is None:
            raise _Mistake("Required configuration not provided.")
        return self.read(value, warnings)

    def read(self, value: object, warnings: List[str]) -> GlobList:
        if not isinstance(value, list):
            raise _Mistake(f"Expected a list of items, but a {type(value)} was given.")
        for item in value:
            if not isinstance(item, str):
                raise _type_mistake(str, item)
        try:
            return GlobList(value)
        except ValueError as error:
            raise _Mistake(str(error)) from None


class Strings(Kind[List[str]]):
    """A list of strings (file names, patterns read by the option's own code)."""

    def __init__(self) -> None:
        super().__init__([])

    def default(self) -> List[str]:
        return []

    def read(self, value: object, warnings: List[str]) -> List[str]:
        if not isinstance(value, list):
            raise _Mistake(f"Expected a list of items, but a {type(value)} was given.")
        for item in value:
            if not isinstance(item, str):
                raise _type_mistake(str, item)
        return list(value)


class Url(Kind[str]):
    """An http(s) URL with a host, e.g. `https://example.org/docs/`; required."""

    required = True

    def __init__(self) -> None:
        super().__init__("")

    def read(self, value: object, warnings: List[str]) -> str:
        if not isinstance(value, str):
            raise _type_mistake(str, value)
        scheme, _, rest = value.partition("://")
        if scheme.lower() not in ("http", "https") or not rest.split("/", 1)[0]:
            raise _Mistake(f"Expected a URL like 'https://example.org/docs/', got {value!r}")
        return value


class Required(Kind[T]):
    """`kind`, which must be given: neither left out nor `null`."""

    required = True

    def __init__(self, kind: Kind[Optional[T]]) -> None:
        super().__init__(None)  # type: ignore[arg-type]  # never used: reading stops first
        self.kind = kind

    def load(self, value: object, warnings: List[str]) -> T:
        if value is None:
            raise _Mistake("Required configuration not provided.")
        found = self.kind.read(value, warnings)
        assert found is not None  # a kind reads a value given into a value
        return found


class Record(Kind[R]):
    """A mapping of options of its own (`labels:`), read into a record of `cls`."""

    def __init__(self, cls: Type[R]) -> None:
        super().__init__(cls())
        self.cls = cls

    def default(self) -> R:
        return self.cls()

    def read(self, value: object, warnings: List[str]) -> R:
        if not isinstance(value, dict):
            raise _Mistake(
                f"The configuration is invalid. Expected a key-value mapping (dict) but received: {type(value)}"
            )
        try:
            record, found = read_options(self.cls, value)
        except OptionsError as error:
            raise _Mistake(f"Sub-option '{error.option}': {error.text}") from None
        warnings.extend(f"Sub-option '{name}': {text}" for name, text in found)
        return record


class Records(Kind[List[R]]):
    """A list of mappings of options of their own, each read into a record of `cls`."""

    def __init__(self, cls: Type[R]) -> None:
        super().__init__([])
        self.record = Record(cls)

    def default(self) -> List[R]:
        return []

    def read(self, value: object, warnings: List[str]) -> List[R]:
        if not isinstance(value, list):
            raise _Mistake(f"Expected a list of items, but a {type(value)} was given.")
        records = []
        for index, item in enumerate(value):
            found: List[str] = []
            try:
                records.append(self.record.read(item, found))
            except _Mistake as mistake:
                raise _Mistake(f"Item {index + 1}: {mistake}") from None
            warnings.extend(f"Item {index + 1}: {text}" for text in found)
        return records


def option(kind: Kind[T]) -> T:
    """A field of an options record, read as `kind` says (its default is the kind's)."""
    # Typed as the value it stands for, as `dataclasses.field` is, so the record's fields read
    # `enabled: bool = option(Flag(True))`.
    found: T = dataclasses.field(default_factory=kind.default, metadata={"kind": kind})
    return found


# --- The records --------------------------------------------------------------------------------


class OptionsRecord(Mapping[str, Any]):
    """The base of the options records: each is also a read-only mapping of its options
    (`options["orphans"]`, `labels.items()`, `site.get("url")`), as MkDocs' config objects
    are, for code that reads them that way."""

    def __getitem__(self, key: str) -> Any:
        if key not in option_names(type(self)):
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(option_names(type(self)))

    def __len__(self) -> int:
        return len(option_names(type(self)))


@dataclasses.dataclass(frozen=True)
class LabelsConfig(OptionsRecord):
    """The panel's words. Unset ones come in the theme's language (`theme.language`, else
    `theme.locale`), falling back to English. Read as a mapping of the words set."""

    title: Optional[str] = option(Text())
    """The panel's heading. Default: `Pages linking here`."""

    empty: Optional[str] = option(Text())
    """The line shown when no page links here (with `show_when_empty: true`).
    Default: `No pages link here yet.`"""

    more: Optional[str] = option(Text())
    """The summary of the collapsed entries beyond `max_entries`; `{count}` is their number.
    Default: `and {count} more`."""

    count: Optional[str] = option(Text())
    """The tooltip of an entry's link count (shown when a page links here more than once).
    Default: `Number of links`."""

    more_links: Optional[str] = option(Text())
    """The line under an entry's occurrences beyond `max_occurrences`; `{count}` is the number
    of links they hold. Default: `and {count} more from this page`."""

    mentions: Optional[str] = option(Text())
    """The summary of the collapsed part listing the pages that name this one without linking
    to it (with `mentions_in_panel: true`). Default: `Mentioned without a link`."""

    inbound: Optional[str] = option(Text())
    """The summary of the collapsed part listing links from other sites (with
    `inbound_in_panel: true`). Default: `Linked from other sites`."""


@dataclasses.dataclass(frozen=True)
class SiblingSiteConfig(OptionsRecord):
    """One other site whose pages' links into this one count as links from outside."""

    graph_file: str = option(Required(Text()))
    """That site's link-graph export (its `graph_file`), a path relative to this config file's
    folder."""

    url: str = option(Url())
    """The URL that site is published at (its `site_url`), e.g. `https://example.org/api/`."""


@dataclasses.dataclass(frozen=True)
class BacklinksConfig(OptionsRecord):
    """Options of the `backlinks` plugin."""

    enabled: bool = option(Flag(True))
    """Turn the whole plugin off, e.g. `enabled: !ENV [BACKLINKS, true]` for quick local builds."""

    show_when_empty: bool = option(Flag(False))
    """On a page no other page links to: `false` adds no panel, `true` adds the panel with a short
    "no pages link here" line."""

    sort: str = option(Choice(("nav", "title", "count"), "nav"))
    """Order of the panel's entries: `nav` follows the site navigation (pages outside it come
    after, by title); `title` sorts by title; `count`: most links first, then nav order."""

    context: str = option(Choice(("titles", "sections", "snippets"), "snippets"))
    """What each entry shows under the linking page's title: `titles`: nothing more;
    `sections`: the sections of that page the links sit in, each linking there; `snippets`:
    each link's section and the text around it."""

    snippet_length: int = option(Count(160))
    """About how many characters of text a snippet shows around the link text, split between
    before and after it."""

    max_occurrences: int = option(Count(5))
    """Occurrences (sections or snippets) shown under each entry; the links of the rest are
    summed up in one line ("and 1995 more from this page"). Links that would show the same
    section and snippet are one occurrence, with their count. 0: no limit of its own, but a
    panel never shows more than 100 occurrences in all, whatever the site."""

    max_entries: int = option(Count(10))
    """Entries shown in full before the rest collapse behind a native "and N more" disclosure,
    listed by title (no context); 0 shows every entry in full."""

    group_by_section: bool = option(Flag(False))
    """Group entries under the top-level nav section of the linking page."""

    placement: str = option(Choice(("bottom", "template"), "bottom"))
    """`bottom`: the panel is appended to the page content. `template`: nothing is added to
    the content; the theme places `{{ backlinks.html }}` itself."""

    toc: bool = option(Flag(False))
    """Add the panel's title to the page's table of contents (only where the panel shows, with
    `placement: bottom`)."""

    ignore_links_from: GlobList = option(Globs())
    """Source paths (globs) whose links appear in no panel, e.g. tag or index pages. A page can
    do the same with `backlinks_from_here: false` in its front matter."""

    ignore_links_to: GlobList = option(Globs())
    """Source paths (globs) that get no panel: links to them are not listed. A page can do the
    same with `backlinks_panel: false` (or Material's `hide: [backlinks]`) in its front matter."""

    listings_in_panels: bool = option(Flag(False))
    """Whether the links of pages that Material's tags and blog plugins fill with automatic
    lists (tag listings, the blog index, archive and category pages) appear in panels. `false`:
    they don't, so "Tags" does not top every tagged page's panel; they still count for orphans
    and reachability."""

    stylesheet: bool = option(Flag(True))
    """Add the plugin's small stylesheet to `extra_css` (only when some page shows a panel)."""

    labels: LabelsConfig = option(Record(LabelsConfig))
    """Override the panel's words."""

    orphans: str = option(Choice(LEVELS, "warn"))
    """What to do about orphaned pages (built pages no other page's content links to):
    `ignore`, `info`, `warn` (the default; fails `mkdocs build --strict`) or `error` (fails
    `mkdocs build`). The homepage is never an orphan."""

    orphans_exempt: GlobList = option(Globs())
    """Source paths (globs, relative to `docs_dir`) that may be orphans, e.g. `[changelog.md,
    "drafts/**"]`. A page can also exempt itself with `orphan: true` in its front matter."""

    # --- Link-health checks, metrics and exports (see checks.py, metrics.py, export.py) -------

    unreachable: str = option(Choice(LEVELS, "warn"))
    """Pages a reader cannot get to: not in the nav, and not linked from any page that can be
    reached from the homepage or the nav."""

    unreachable_exempt: GlobList = option(Globs())
    """Source paths (globs) that may be unreachable."""

    dead_ends: str = option(Choice(LEVELS, "info"))
    """Pages whose content links to no other page."""

    dead_ends_exempt: GlobList = option(Globs())
    """Source paths (globs) that may be dead ends."""

    broken_links: str = option(Choice(LEVELS, "warn"))
    """Links in page content that lead to no page of the built site, grouped by target, with a
    "did you mean" suggestion."""

    broken_links_exempt: GlobList = option(Globs())
    """Globs for linking pages whose broken links are not reported, or for targets (as source
    paths or site paths) that may be missing."""

    sibling_links: str = option(Choice(LEVELS, "info"))
    """Links into the other builds published beside this one: the languages of
    `extra.alternate` (`/es/...`) and, for a site deployed with mike, its versions
    (`/latest/...`). This build cannot check them, so they are no broken links; this note
    lists them, and says when a version link's rest is no page of this build."""

    sibling_links_exempt: GlobList = option(Globs())
    """Globs for linking pages (or targets, as site paths) whose links into other builds are
    not listed."""

    hubs: str = option(Choice(LEVELS, "info"))
    """Pages that link to a large share of the site (indexes, tag listings)."""

    hubs_exempt: GlobList = option(Globs())
    """Source paths (globs) of pages that may be hubs."""

    hubs_share: float = option(Share(0.5))
    """The share of the site's other pages a page must link to to be a hub (`0.5` or `"50%"`);
    a hub also links to at least 10 pages."""

    count_nofollow: bool = option(Flag(True))
    """Whether links marked `rel="nofollow"`, `ugc` or `sponsored` count in the metrics (inlinks,
    outlinks, link score, depth). They are recorded either way."""

    graph_file: Optional[str] = option(SitePath(".json"))
    """Write the link graph, metrics and findings as JSON to this path inside `site_dir`
    (e.g. `links.json`). Off by default."""

    report_file: Optional[str] = option(SitePath(".html", ".htm"))
    """Write a readable link-health report to this path inside `site_dir`
    (e.g. `link-report.html`). Off by default."""

    # --- Findings for CI systems (see findings.py, ci_output.py) ---------------------------------

    findings_file: Optional[str] = option(Text())
    """Also write the checks' findings one by one, each at its source file and line, to this file,
    relative to the config file's folder (e.g. `findings.sarif`): SARIF 2.1.0 for `.sarif`, JUnit
    XML for `.xml`, JSON lines for `.jsonl`. Off by default. On GitHub Actions
    (`GITHUB_ACTIONS=true`) each finding is also printed as an annotation, with or without it."""

    findings_format: str = option(Choice(("auto", "sarif", "junit", "jsonl"), "auto"))
    """The format of `findings_file`: `auto` (from its extension), `sarif`, `junit` or `jsonl`."""

    # --- The link graph views (see local_graph.py and site_graph.py) ----------------------------

    local_graph: bool = option(Flag(False))
    """Draw the page's neighbourhood in the panel as an inline SVG: the pages linking here, the
    pages it links to, each a link; laid out at build time, no JavaScript."""

    local_graph_depth: int = option(Choice((1, 2), 1))
    """How far the local graph reaches: `1`, the pages linking here and linked from here; `2`,
    also their own neighbours, in an outer column."""

    local_graph_max_nodes: int = option(Count(12))
    """Pages drawn in the local graph at most, the best-linked first; the rest are counted in a
    "+N more" line. 0 draws every one."""

    graph_page: Optional[str] = option(SitePath(".html", ".htm"))
    """Write an interactive graph of every page and link to this path inside `site_dir`
    (e.g. `graph.html`), with its script and stylesheet beside it. Off by default."""

    graph_outside_sites: int = option(Count(0))
    """Also draw, in the graph of `graph_page`, the sites linking here most (as `inbound_links`
    and `sibling_sites` tell), at most this many: each a diamond named by its host and sized by
    its links, joined to the pages it links to, linking nowhere itself. 0 (the default) draws
    none."""

    # --- Unlinked mentions and related pages (see mentions.py, related.py) ---------------------

    unlinked_mentions: str = option(Choice(LEVELS, "ignore"))
    """Pages whose title or an alias (front matter `aliases: [...]`) is written in another page's
    prose, as whole words and in any case, where that page does not link to it: each one is a
    link to add. Off (`ignore`) by default; `info`, `warn` or `error` report them, in one summary
    grouped by mentioned page."""

    unlinked_mentions_exempt: GlobList = option(Globs())
    """Source paths (globs) of pages that may be mentioned without a link: their mentions are not
    reported by the check (they still show in the export, the report and the panel)."""

    mentions_exempt: GlobList = option(Globs())
    """Source paths (globs) of pages left out of mention detection on both sides: their prose is
    not read, and their titles are not looked for (e.g. `[changelog.md, "blog/**"]`). A page can
    do the same with `backlinks_mentions: false` in its front matter."""

    mentions_min_length: int = option(Count(4))
    """Titles and aliases shorter than this many characters are never looked for ("Go", "API");
    a Chinese or Japanese character counts as two."""

    mentions_max_share: float = option(Share(0.2))
    """A title found in the prose of more than this share of the site's pages (and of at least 5
    pages) is a word of the site's language rather than the name of one page, and is not
    reported (`0.2` or `"20%"`)."""

    mentions_in_panel: bool = option(Flag(False))
    """Add a collapsed "Mentioned without a link" part to each page's panel, listing the pages
    that name it without linking to it, each with the sentence, the mention marked."""

    related_pages: int = option(Count(0))
    """How many related pages not yet linked to list for each page in the JSON export and the
    report: the pages most alike by their prominent words, between which no link exists either
    way. 0 (the default) computes nothing."""

    # --- Links from outside (see core/inbound/) ------------------------------------------------

    inbound_links: List[str] = option(Strings())
    """CSV exports of links from other sites (Search Console's Links report, Bing Webmaster
    Tools', Ahrefs' or Semrush's backlinks), as files or globs relative to the config file's
    folder. Read offline; nothing is fetched."""

    sibling_sites: List[SiblingSiteConfig] = option(Records(SiblingSiteConfig))
    """Other sites built with this plugin, each `{graph_file: ..., url: ...}`: the links of their
    pages into this site count as links from outside, with their titles and sections."""

    inbound_in_panel: bool = option(Flag(False))
    """Add a collapsed "Linked from other sites" part to each page's panel, listing the linking
    pages or sites with their anchor text and context."""

    lost_inbound_links: str = option(Choice(LEVELS, "warn"))
    """URLs of this site that links from outside lead to, where this build has no page and no
    redirect: reported with the page each most likely became and the `redirect_maps` entries
    that keep those links working."""

    lost_inbound_links_exempt: GlobList = option(Globs())
    """Site paths (globs, e.g. `old/**`) of lost URLs that need not be reported."""

    # --- The post-build command only (`mkdocs-backlinks SITE_DIR`) --------------------------------

    content_selector: Optional[str] = option(Text())
    """Where a built page's content is, for themes and generators the command does not know: a
    tag (`main`), `.class`, `#id` or `[attr=value]`, or several together (`div.content`). Unset:
    Zensical's and Material's `article.md-content__inner`, MkDocs 2.0's `<main>`, and the
    content of the `mkdocs` and `readthedocs` themes. The plugin ignores it."""


def _checked_together(options: BacklinksConfig) -> Warnings:
    """The rules between options, once each has been read: warnings, or OptionsError."""
    if options.graph_page is not None and options.graph_page == options.report_file:
        same = f"'graph_page' and 'report_file' name the same file, {options.graph_page!r}; give each its own"
        raise OptionsError("graph_page", same)
    warnings: Warnings = []
    if options.toc and options.placement == "template":
        # A warning rather than an error: the build is still right (no TOC entry), and
        # `--strict` turns it into a failure for those who want contradictions caught.
        warnings.append(
            (
                "toc",
                "'toc: true' has no effect with 'placement: template' (the theme places the panel, "
                "and its table of contents); use 'placement: bottom' or drop 'toc'",
            )
        )
    if options.graph_outside_sites and not (options.graph_page and (options.inbound_links or options.sibling_sites)):
        # The same reasoning: nothing is wrong with the build, only nothing is drawn.
        warnings.append(
            (
                "graph_outside_sites",
                f"'graph_outside_sites: {options.graph_outside_sites}' draws nothing without 'graph_page' "
                "and 'inbound_links' or 'sibling_sites' (the sites drawn are those they name)",
            )
        )
    return warnings


# --- Reading ------------------------------------------------------------------------------------


def option_names(cls: type) -> Tuple[str, ...]:
    """The options of a record class, in the order they are declared (and documented)."""
    return tuple(f.name for f in dataclasses.fields(cls))


def unknown_name(name: str, known: Tuple[str, ...]) -> str:
    """What to say about a name that is no option: the closest option's name, when one is close."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"unknown option; did you mean '{close[0]}'?" if close else "unknown option"


def read_options(cls: Type[R], raw: Mapping[Any, object]) -> Tuple[R, Warnings]:
    """The record of class `cls` (a dataclass of `option(...)` fields) from the options written.
    Returns the record and its warnings, (option, text) each; raises OptionsError for the first
    mistake, in the order the options are declared."""
    values: Dict[str, Any] = {}
    warnings: Warnings = []
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]  # a dataclass, by contract
        kind: Kind[Any] = field.metadata["kind"]
        found: List[str] = []
        try:
            if field.name in raw:
                values[field.name] = kind.load(raw[field.name], found)
            elif kind.required:
                raise _Mistake("Required configuration not provided.")
        except _Mistake as mistake:
            raise OptionsError(field.name, str(mistake)) from None
        warnings.extend((field.name, text) for text in found)
    known = option_names(cls)
    warnings.extend((str(name), unknown_name(str(name), known)) for name in raw if name not in known)
    return cls(**values), warnings


def check_options(raw: Mapping[Any, object]) -> Tuple[BacklinksConfig, Warnings]:
    """The plugin's options from those written for it (the `backlinks` entry's mapping), with
    the same rules and messages under both front ends. Returns the options and the warnings,
    (option, text) each; raises OptionsError for the first mistake."""
    options, warnings = read_options(BacklinksConfig, raw)
    warnings.extend(_checked_together(options))
    return options, warnings


def load_options(raw: Mapping[Any, object]) -> Tuple[BacklinksConfig, List[str]]:
    """`check_options`, with each warning a line "option 'name': what is wrong"."""
    options, warnings = check_options(raw)
    return options, [f"option '{name}': {text}" for name, text in warnings]
