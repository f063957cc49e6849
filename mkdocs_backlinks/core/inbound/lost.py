"""The `lost_inbound_links` check: URLs of this site that links from other sites lead to, where
this build has no page and no redirect. Each is reported with its links and linking sites, the
page it most likely became (the did-you-mean rules of broken links), and the `redirect_maps`
entry for mkdocs-redirects that would send those readers on to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from mkdocs_backlinks.core.broken_links import Suggester
from mkdocs_backlinks.core.inbound.gather import Inbound
from mkdocs_backlinks.core.pages import PageInfo

__all__ = [
    "LostURL",
    "describe",
    "export_finding",
    "find_lost",
    "message",
    "printable",
    "redirect_entries",
    "redirect_key",
    "report_finding",
]

Exempt = Callable[[str], bool]

MAX_SHOWN_SITES = 3
"""Linking sites named in each finding's line, by name."""


@dataclass(frozen=True)
class LostURL:
    """A site path outside links lead to where this build has no page."""

    path: str
    """The site path, decoded (`guide/old-setup/`)."""
    url: str
    """One URL as an export writes it (the first by sort order)."""
    links: int
    sites: int
    linking_sites: Tuple[str, ...]
    suggestion: str = ""
    """The built page it most likely became (its source path), or ""."""
    redirect_from: str = ""
    """The `redirect_maps` key that serves this path with mkdocs-redirects ("" when none can)."""


def redirect_key(path: str, directory_urls: bool) -> str:
    """The Markdown path mkdocs-redirects needs as a `redirect_maps` key to write a redirect page
    where a browser asking for site path `path` finds it; "" when no key can (another extension,
    or a `.html` URL on a site with directory URLs)."""
    stem = path
    if directory_urls:
        if stem.endswith("/index.html"):
            stem = stem[: -len("/index.html")]
        elif stem.endswith("/"):
            stem = stem[:-1]
        if not stem or "." in stem.rsplit("/", 1)[-1]:
            return ""
        return stem + ".md"  # written as stem/index.html, served at stem/ and stem
    if stem.endswith(".html"):
        return stem[: -len(".html")] + ".md"
    if "." in stem.rstrip("/").rsplit("/", 1)[-1]:
        return ""
    return (stem if stem.endswith("/") or not stem else stem + "/") + "index.md"


def find_lost(
    inbound: Optional[Inbound], infos: Mapping[str, PageInfo], exempt: Exempt, directory_urls: bool
) -> List[LostURL]:
    """The lost URLs, most links first."""
    if inbound is None or not inbound.lost:
        return []
    suggester = Suggester(infos)
    found = []
    for path, lost in inbound.lost.items():
        if exempt(path):
            continue
        suggestion = suggester.suggest(path)
        found.append(
            LostURL(
                path,
                min(lost.urls),
                lost.link_count,
                lost.site_count,
                tuple(sorted(lost.sites)[:MAX_SHOWN_SITES]),
                suggestion,
                redirect_key(path, directory_urls) if suggestion else "",
            )
        )
    return sorted(found, key=lambda item: (-item.links, item.path))


def redirect_entries(found: Sequence[LostURL]) -> Dict[str, str]:
    """The `redirect_maps` entries that keep the lost URLs' links working, sorted by key."""
    return dict(sorted((item.redirect_from, item.suggestion) for item in found if item.redirect_from))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def printable(text: str) -> str:
    """`text` from an export without the characters a terminal would act on (escapes, line
    breaks), each shown as `?`: the build log is no place for another site's control codes."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def describe(item: LostURL, titles: Mapping[str, str]) -> str:
    """One line for a lost URL."""
    sites = printable(", ".join(item.linking_sites))
    if sites and item.sites > len(item.linking_sites):
        sites += ", ..."
    line = f"{printable(item.path) or '/'} ({_plural(item.links, 'link')} from {_plural(item.sites, 'site')}"
    line += f": {sites}" if sites else ""
    line += f"; e.g. {printable(item.url)})"
    if item.suggestion:
        title = titles.get(item.suggestion)
        line += f": did you mean '{item.suggestion}'" + (f" ({title})" if title else "") + "?"
    else:
        line += ": no page of this build looks like it"
    return line


def message(found: Sequence[LostURL], infos: Mapping[str, PageInfo]) -> str:
    """The check's grouped message, with the `redirect_maps` entries to add."""
    titles = {src: info.title for src, info in infos.items()}
    links = sum(item.links for item in found)
    lines = [
        f"{_plural(len(found), 'URL')} of this site that links from other sites lead to "
        f"({_plural(links, 'link')}) are neither pages of this build nor redirects:"
    ]
    lines += [f"  - {describe(item, titles)}" for item in found]
    entries = redirect_entries(found)
    if entries:
        lines.append("Keep those links working with the mkdocs-redirects plugin, in mkdocs.yml:")
        lines.append("  plugins:\n    - redirects:\n        redirect_maps:")
        lines += [f"          {_yaml(printable(old))}: {_yaml(new)}" for old, new in entries.items()]
    lines.append("Or move the pages back, or exempt the URLs with the 'lost_inbound_links_exempt' option (site paths).")
    return "\n".join(lines)


def _yaml(text: str) -> str:
    """A YAML scalar in single quotes (a path may hold `:`, `#` or spaces)."""
    return "'" + text.replace("'", "''") + "'"


def export_finding(item: LostURL) -> object:
    return {
        "path": item.path,
        "url": item.url,
        "links": item.links,
        "sites": item.sites,
        "suggestion": item.suggestion or None,
        "redirect_from": item.redirect_from or None,
    }


def report_finding(item: LostURL, infos: Mapping[str, PageInfo], href: Callable[[str], str]) -> Dict[str, object]:
    return {
        "path": item.path,
        "url": item.url,
        "links": item.links,
        "sites": item.sites,
        "linking_sites": item.linking_sites,
        "suggestion": item.suggestion,
        "suggestion_href": href(item.suggestion) if item.suggestion and item.suggestion in infos else "",
        "redirect_from": item.redirect_from,
    }
