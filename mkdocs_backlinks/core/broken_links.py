"""Broken links: links in page content that reach no page of the built site, grouped by the
target they meant, each with a "did you mean" suggestion when a built page is close.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Set, Tuple
from urllib.parse import unquote, urlsplit

from mkdocs_backlinks.core.graph import LinkGraph, UnresolvedLink
from mkdocs_backlinks.core.html import has_id
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.urls import page_url_keys, site_mount

Exempt = Callable[[str], bool]


def built_pages(infos: Mapping[str, PageInfo]) -> List[str]:
    """The pages of the built site (drafts rendered by `mkdocs serve` are not)."""
    return sorted(src for src, info in infos.items() if not info.excluded)


@dataclass(frozen=True)
class BrokenSource:
    """A page that links to a missing target, the href it wrote and how many times."""

    page: str
    href: str
    count: int


@dataclass(frozen=True)
class BrokenTarget:
    """A target that broken links lead to, with every page linking there."""

    target: str
    """A source path (`guide/old.md`) for links naming a `.md` file, otherwise the site path the
    browser asks for (`guide/old/`), or the href itself when no browser could parse it."""
    kind: str
    """`missing` (nothing there), `excluded` (a draft or excluded page) or `invalid` (no URL);
    for a link into a sibling build (`find_sibling_links`), `language` or `version`."""
    sources: Tuple[BrokenSource, ...]
    suggestion: str = ""
    """A built page with a close path or title: "did you mean ...?"."""
    missing_here: str = ""
    """For a link into another version of the site: the rest of its path (after the version)
    when this build has no page there, "" otherwise."""

    @property
    def count(self) -> int:
        return sum(source.count for source in self.sources)


def _target_of(link: UnresolvedLink) -> str:
    if link.kind == "excluded" and link.target:
        return link.target
    if link.kind == "invalid":
        return link.href
    try:
        parts = urlsplit(link.href)
    except ValueError:
        return link.path or link.href
    path = unquote(parts.path)
    # A relative link to a `.md` file that MkDocs left alone (it warned that the file does not
    # exist) names the file it meant: group and suggest by that path relative to docs_dir (even
    # when it climbs out of it), not by the URL the browser then asks for, which depends on the
    # linking page's URL.
    if not parts.scheme and not parts.netloc and path.endswith(".md") and not path.startswith("/"):
        return posixpath.normpath(posixpath.join(posixpath.dirname(link.source), path))
    return link.path or path or link.href


def find_broken_links(
    graph: LinkGraph,
    infos: Mapping[str, PageInfo],
    exempt: Exempt,
    suggest: bool = True,
    siblings: Optional["SiblingBuilds"] = None,
) -> List[BrokenTarget]:
    """Links from built pages that reach no built page, grouped by target, most linked first.

    A link is left out when its page or its target matches the exemption, and when it leads
    into a sibling build of the site (`siblings`: another language or version, published
    beside this one; see `find_sibling_links`).
    """
    grouped: Dict[Tuple[str, str], Dict[Tuple[str, str], int]] = {}
    into_siblings = siblings.of(infos) if siblings is not None and siblings != NO_SIBLINGS else None
    for link in graph.unresolved:
        info = infos.get(link.source)
        if info is None or info.excluded:
            continue
        if into_siblings is not None and into_siblings(link) is not None:
            continue
        target = _target_of(link)
        if exempt(link.source) or exempt(target):
            continue
        sources = grouped.setdefault((target, link.kind), {})
        sources[(link.source, link.href)] = sources.get((link.source, link.href), 0) + 1
    suggester = Suggester(infos, graph.contents) if suggest and grouped else None

    def suggestion(target: str, kind: str, sources: Mapping[Tuple[str, str], int]) -> str:
        if suggester is None or kind == "invalid":
            return ""
        fragments = sorted({_fragment(href) for _page, href in sources} - {""})
        return suggester.suggest(target, fragments, sorted({page for page, _href in sources}))

    found = [
        BrokenTarget(
            target,
            kind,
            tuple(BrokenSource(page, href, n) for (page, href), n in sorted(sources.items())),
            suggestion(target, kind, sources),
        )
        for (target, kind), sources in grouped.items()
    ]
    return sorted(found, key=lambda b: (-b.count, b.target, b.kind))


def _fragment(href: str) -> str:
    """The decoded `#fragment` of an href ("" without one)."""
    return unquote(href.partition("#")[2])


_SEPARATORS = re.compile(r"[\s_\-.%]+")


def _stem(path: str) -> str:
    """A path reduced to what people mistype least: no extension, index or trailing slash."""
    path = path.strip("/")
    for suffix in ("/index.html", "/index.md", "/README.md", ".html", ".md", "/"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    if path in ("index.html", "index.md", "README.md", "index"):
        path = ""
    return path


def _loose(text: str) -> str:
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def _deletions(word: str) -> Set[str]:
    """The word and every way to delete one character from it. Two words within one typo
    (a missing, extra, wrong or swapped letter) share at least one of these."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _shared_suffix(a: Sequence[str], b: Sequence[str]) -> int:
    """How many path segments `a` and `b` share at their ends."""
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _shared_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    """How many path segments `a` and `b` share at their starts."""
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


class Suggester:
    """Finds the built page a broken link most likely meant, cheaply enough for 10,000 pages.

    The same path after normalizing case, separators and extensions wins outright. Otherwise the
    candidates are the pages anywhere with the link's file name (or whose title it is), else the
    pages of the same folder within one typo of the name: a one-letter neighbour (`fares-v1`
    for `fares-v2`) never beats an exact name elsewhere. Candidates are ranked by how many of the
    links' `#fragments` are ids on the page, then by how many folders at the end of the path
    they share with the link's target (`config/build.md` for `latest/config/build/`), then by
    how deep a folder they share with the linking pages, then a name before a title and the
    closer spelling, then by path."""

    def __init__(self, infos: Mapping[str, PageInfo], contents: Optional[Mapping[str, str]] = None) -> None:
        self.contents: Mapping[str, str] = contents or {}
        self.by_stem: Dict[str, str] = {}
        self.by_loose: Dict[str, str] = {}
        self.by_name: Dict[str, List[str]] = {}
        self.by_title: Dict[str, List[str]] = {}
        self.folders: Dict[str, Dict[str, str]] = {}
        self.stems: Dict[str, List[List[str]]] = {}
        """Each page's stems (of its source and of its URL), as loose path segments."""
        self._typos: Dict[str, Dict[str, List[str]]] = {}
        for src in built_pages(infos):
            info = infos[src]
            for stem in sorted({_stem(src), _stem(unquote(info.url))}):
                self.by_stem.setdefault(stem, src)
                self.by_loose.setdefault(_loose(stem), src)
                folder, _, name = stem.rpartition("/")
                self.folders.setdefault(folder, {}).setdefault(_loose(name), src)
                names = self.by_name.setdefault(_loose(name), [])
                if src not in names:
                    names.append(src)
                self.stems.setdefault(src, []).append([_loose(part) for part in stem.split("/")])
            self.by_title.setdefault(_loose(info.title), []).append(src)

    def _within_one_typo(self, folder: str, name: str) -> List[Tuple[float, str]]:
        """The pages of `folder` within one typo of `name`, with how alike the names are."""
        siblings = self.folders.get(folder)
        if not siblings:
            return []
        index = self._typos.get(folder)
        if index is None:  # built once per folder, only for folders with broken links
            index = self._typos[folder] = {}
            for sibling in sorted(siblings):
                for variant in _deletions(sibling):
                    index.setdefault(variant, []).append(sibling)
        candidates = sorted({c for variant in _deletions(name) for c in index.get(variant, ())})
        return [(difflib.SequenceMatcher(None, name, c).ratio(), siblings[c]) for c in candidates]

    def suggest(self, target: str, fragments: Sequence[str] = (), linking: Sequence[str] = ()) -> str:
        """The page `target` most likely meant ("" when none is close); `fragments` are the
        links' `#fragments`, `linking` the pages holding them."""
        stem = _stem(target)
        if stem in self.by_stem:
            return self.by_stem[stem]
        loose = _loose(stem)
        if loose in self.by_loose:
            return self.by_loose[loose]
        folder, _, name = stem.rpartition("/")
        name = _loose(name)
        # (page, its tier: a name before a title, the spelling's closeness for a typo)
        candidates: Dict[str, float] = {src: 2.0 for src in self.by_name.get(name, ())}
        for src in self.by_title.get(name, ()):
            candidates.setdefault(src, 1.0)
        if not candidates:
            candidates = {src: ratio for ratio, src in self._within_one_typo(folder, name)}
        if not candidates:
            return ""
        wanted = [_loose(part) for part in stem.split("/")]
        linking_folders = [src.split("/")[:-1] for src in linking]

        def rank(src: str) -> Tuple[int, int, int, float]:
            content = self.contents.get(src, "")
            ids = sum(1 for fragment in fragments if content and has_id(content, fragment))
            suffix = max(_shared_suffix(wanted, stem) for stem in self.stems.get(src, [[]]))
            folder_parts = src.split("/")[:-1]
            shared = max((_shared_prefix(folder_parts, f) for f in linking_folders), default=0)
            return ids, suffix, shared, candidates[src]

        return max(sorted(candidates), key=rank)  # a tie: the first in path order, as `max` keeps it


# --- Links into sibling builds ---------------------------------------------------------------------

_VERSION = re.compile(
    r"(?:v?\d+(?:[.\-_+][0-9a-z]+)*(?:\.x)?"
    r"|latest|stable|dev|develop|development|main|master|next|nightly|preview|unstable|edge|current|beta|alpha)",
    re.IGNORECASE,
)
"""A folder name that mike deployments use for a version or its alias (`1.2`, `v2`, `2.0.x`,
`latest`, `dev`...)."""


@dataclass(frozen=True)
class SiblingBuilds:
    """The other builds published beside this one, which content links may point into: the
    languages of Material's `extra.alternate` (as site paths, `es/`) and, for a site deployed
    with mike, its versions (`latest/`, `1.2/`). None of them is part of this build, so a link
    there can be neither followed nor found broken here."""

    languages: Tuple[str, ...] = ()
    """Site-path prefixes of the other languages, each ending with `/` (`es/`, `zh/`)."""
    versioned: bool = False
    """Deployed with mike (`extra.version.provider: mike`, or the `mike` plugin)."""
    versions: Tuple[str, ...] = ()
    """Version names the config gives (`extra.version.default`, mike's `canonical_version`),
    besides the names that look like versions (`_VERSION`)."""

    def of(self, infos: Mapping[str, PageInfo]) -> Callable[[UnresolvedLink], Optional[Tuple[str, str, str]]]:
        """For the site `infos`: which sibling build a link that reached no page leads into, as
        (`language` or `version`, the build's name, the rest of the path), None for no sibling.
        A folder of this build's own pages is never taken for a sibling build."""
        own = {unquote(info.url).split("/", 1)[0] for info in infos.values() if "/" in info.url}

        def build(link: UnresolvedLink) -> Optional[Tuple[str, str, str]]:
            if link.kind != "missing" or not link.path:
                return None
            path = link.path
            first, slash, rest = path.partition("/")
            if not slash or first in own:
                return None
            if first + "/" in self.languages:
                return ("language", first, rest)
            if self.versioned and (first in self.versions or _VERSION.fullmatch(first)):
                return ("version", first, rest)
            return None

        return build


NO_SIBLINGS = SiblingBuilds()


def sibling_builds(
    extra: Mapping[str, object], site_url: Optional[str] = None, mike_plugin: bool = False, versions: Sequence[str] = ()
) -> SiblingBuilds:
    """The sibling builds a config names: `extra.alternate` links (Material's language
    selector: `/es/`, or a URL on the site's host) and, with `extra.version.provider: mike` or
    the `mike` plugin (`mike_plugin`), versions; `versions` are more names of them."""
    mount, parts = site_mount(site_url)
    host = (parts.hostname or "").lower() if parts is not None else ""
    languages: List[str] = []
    alternate = extra.get("alternate") if isinstance(extra, Mapping) else None
    for entry in alternate if isinstance(alternate, list) else ():
        link = entry.get("link") if isinstance(entry, Mapping) else None
        if not isinstance(link, str) or not link.strip():
            continue
        try:
            parts = urlsplit(link.strip())
        except ValueError:
            continue
        if parts.netloc and (parts.hostname or "").lower() != host:
            continue  # another host: an external link, never a broken one
        path = parts.path if parts.path.startswith("/") else mount + parts.path
        path = posixpath.normpath(path) + "/"
        if path.startswith(mount) and path != mount:
            prefix = path[len(mount) :].split("/", 1)[0] + "/"
            if prefix not in languages:
                languages.append(prefix)
    version = extra.get("version") if isinstance(extra, Mapping) else None
    named: List[str] = [str(name) for name in versions if name]
    versioned = mike_plugin
    if isinstance(version, Mapping):
        versioned = versioned or str(version.get("provider", "")).strip().lower() == "mike"
        default = version.get("default")
        named += [str(name) for name in (default if isinstance(default, list) else [default]) if name]
    return SiblingBuilds(tuple(languages), versioned, tuple(sorted(set(named))))


def find_sibling_links(
    graph: LinkGraph, infos: Mapping[str, PageInfo], exempt: Exempt, siblings: SiblingBuilds
) -> List[BrokenTarget]:
    """Links from built pages into sibling builds (other languages or versions), grouped by
    target as broken links are, most linked first. A version link whose rest is no page of
    this build has that rest as its `missing_here`."""
    if not siblings.languages and not siblings.versioned:
        return []  # most sites: nothing published beside them
    into = siblings.of(infos)
    here = {key for info in infos.values() if not info.excluded for key in page_url_keys(info.url)}
    grouped: Dict[Tuple[str, str, str], Dict[Tuple[str, str], int]] = {}
    for link in graph.unresolved:
        info = infos.get(link.source)
        if info is None or info.excluded:
            continue
        build = into(link)
        if build is None or exempt(link.source) or exempt(link.path):
            continue
        kind, _name, rest = build
        missing = rest if kind == "version" and rest.split("#")[0] not in here else ""
        sources = grouped.setdefault((link.path, kind, missing), {})
        sources[(link.source, link.href)] = sources.get((link.source, link.href), 0) + 1
    found = [
        BrokenTarget(target, kind, tuple(BrokenSource(p, h, n) for (p, h), n in sorted(sources.items())), "", missing)
        for (target, kind, missing), sources in grouped.items()
    ]
    return sorted(found, key=lambda b: (-b.count, b.target, b.kind))


def describe_sibling(item: BrokenTarget) -> str:
    """One line for a group of links into a sibling build."""
    name = item.target.split("/", 1)[0]
    what = f"the '{name}' language" if item.kind == "language" else f"version '{name}'"
    sources = ", ".join(f"{s.page} ('{s.href}')" + (f" x{s.count}" if s.count > 1 else "") for s in item.sources)
    line = f"{item.target} ({what}; {item.count} link{'s' if item.count != 1 else ''}): from {sources}"
    if item.missing_here:
        line += f"; '{item.missing_here}' is no page of this build"
    return line


def describe_broken(item: BrokenTarget, titles: Optional[Mapping[str, str]] = None) -> str:
    """One line for a broken-link group: the target, its links, and a suggestion."""
    what = {"missing": "missing", "excluded": "not in the built site", "invalid": "not a valid URL"}[item.kind]
    sources = ", ".join(f"{s.page} ('{s.href}')" + (f" x{s.count}" if s.count > 1 else "") for s in item.sources)
    line = f"{item.target} ({what}; {item.count} link{'s' if item.count != 1 else ''}): from {sources}"
    if item.suggestion == item.target:
        line += (
            f"; '{item.target}' is a page, but a browser cannot follow a link to its source file: use a Markdown link"
        )
    elif item.suggestion:
        title = (titles or {}).get(item.suggestion)
        line += f"; did you mean '{item.suggestion}'" + (f" ({title})" if title else "") + "?"
    return line
