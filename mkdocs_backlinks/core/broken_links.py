"""Broken links: links in page content that reach no page of the built site, grouped by the
target they meant, each with a "did you mean" suggestion when a built page is close.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional, Set, Tuple
from urllib.parse import unquote, urlsplit

from mkdocs_backlinks.core.graph import LinkGraph, UnresolvedLink
from mkdocs_backlinks.core.pages import PageInfo

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
    """`missing` (nothing there), `excluded` (a draft or excluded page) or `invalid` (no URL)."""
    sources: Tuple[BrokenSource, ...]
    suggestion: str = ""
    """A built page with a close path or title: "did you mean ...?"."""

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
    graph: LinkGraph, infos: Mapping[str, PageInfo], exempt: Exempt, suggest: bool = True
) -> List[BrokenTarget]:
    """Links from built pages that reach no built page, grouped by target, most linked first.

    A link is left out when its page or its target matches the exemption.
    """
    grouped: Dict[Tuple[str, str], Dict[Tuple[str, str], int]] = {}
    for link in graph.unresolved:
        info = infos.get(link.source)
        if info is None or info.excluded:
            continue
        target = _target_of(link)
        if exempt(link.source) or exempt(target):
            continue
        sources = grouped.setdefault((target, link.kind), {})
        sources[(link.source, link.href)] = sources.get((link.source, link.href), 0) + 1
    suggester = Suggester(infos) if suggest and grouped else None
    found = [
        BrokenTarget(
            target,
            kind,
            tuple(BrokenSource(page, href, n) for (page, href), n in sorted(sources.items())),
            suggester.suggest(target) if suggester and kind != "invalid" else "",
        )
        for (target, kind), sources in grouped.items()
    ]
    return sorted(found, key=lambda b: (-b.count, b.target, b.kind))


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


class Suggester:
    """Finds the built page a broken link most likely meant, cheaply enough for 10,000 pages:
    the same path after normalizing case, separators and extensions; else a page of the same
    folder within one typo of the name; else a page anywhere with that name or that title."""

    def __init__(self, infos: Mapping[str, PageInfo]) -> None:
        self.by_stem: Dict[str, str] = {}
        self.by_loose: Dict[str, str] = {}
        self.by_name: Dict[str, str] = {}
        self.by_title: Dict[str, str] = {}
        self.folders: Dict[str, Dict[str, str]] = {}
        self._typos: Dict[str, Dict[str, List[str]]] = {}
        for src in built_pages(infos):
            info = infos[src]
            for stem in sorted({_stem(src), _stem(unquote(info.url))}):
                self.by_stem.setdefault(stem, src)
                self.by_loose.setdefault(_loose(stem), src)
                folder, _, name = stem.rpartition("/")
                self.folders.setdefault(folder, {}).setdefault(_loose(name), src)
                self.by_name.setdefault(_loose(name), src)
            self.by_title.setdefault(_loose(info.title), src)

    def _within_one_typo(self, folder: str, name: str) -> str:
        siblings = self.folders.get(folder)
        if not siblings:
            return ""
        index = self._typos.get(folder)
        if index is None:  # built once per folder, only for folders with broken links
            index = self._typos[folder] = {}
            for sibling in sorted(siblings):
                for variant in _deletions(sibling):
                    index.setdefault(variant, []).append(sibling)
        candidates = sorted({c for variant in _deletions(name) for c in index.get(variant, ())})
        if not candidates:
            return ""
        best = max(candidates, key=lambda c: (difflib.SequenceMatcher(None, name, c).ratio(), [-ord(ch) for ch in c]))
        return siblings[best]

    def suggest(self, target: str) -> str:
        stem = _stem(target)
        if stem in self.by_stem:
            return self.by_stem[stem]
        loose = _loose(stem)
        if loose in self.by_loose:
            return self.by_loose[loose]
        folder, _, name = stem.rpartition("/")
        name = _loose(name)
        return self._within_one_typo(folder, name) or self.by_name.get(name, "") or self.by_title.get(name, "")


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
