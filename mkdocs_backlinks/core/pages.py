"""A page as the core sees it: plain values, whichever front end read it.

The plugin learns these from MkDocs' `Page` objects, the post-build command from the built HTML
and the Markdown sources; both turn what they learnt into a `PageInfo` here, so that front
matter means the same thing to both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Tuple


@dataclass(frozen=True)
class PageInfo:
    """One page of the site, as the panel and the reports see it."""

    src_uri: str
    url: str
    """`File.url`: percent-quoted, relative to the site root (`./` for the homepage)."""
    title: str
    """Plain text (never HTML)."""
    nav_position: Optional[int]
    """Index in the site navigation, None for pages outside it."""
    is_homepage: bool = False
    excluded: bool = False
    """A draft or excluded page, rendered only by `mkdocs serve`."""
    orphan_ok: bool = False
    """Front matter `orphan: true`."""
    checks_exempt: Tuple[str, ...] = ()
    """Front matter `backlinks_exempt`: the link checks this page is exempt from (`all` = every
    one), as written; `mkdocs_backlinks.core.checks` validates the names."""
    crumbs: Tuple[str, ...] = ()
    """Titles of the nav sections holding the page, outermost first (plain text)."""
    hide_panel: bool = False
    """Front matter `backlinks_panel: false` (or Material-style `hide: [backlinks]`)."""
    hide_links: bool = False
    """Front matter `backlinks_from_here: false`: the page's links are in no panel."""


def truthy(value: object) -> bool:
    """Front matter switches: YAML booleans, and the strings people write for them."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "on", "1", "ok")
    return bool(value)


def names(value: object) -> Tuple[str, ...]:
    """A front matter list of names: `[a, b]`, `a`, or `true` (= `all`)."""
    if value is None or value is False:
        return ()
    if value is True:
        return ("all",)
    if isinstance(value, (list, tuple)):
        return tuple(str(item).strip() for item in value)
    return tuple(part.strip() for part in str(value).split(",") if part.strip())


def page_info(
    src_uri: str,
    url: str,
    title: str,
    meta: Mapping[str, object],
    *,
    nav_position: Optional[int] = None,
    is_homepage: bool = False,
    excluded: bool = False,
    crumbs: Tuple[str, ...] = (),
) -> PageInfo:
    """The `PageInfo` of a page, its front matter `meta` read by the rules both front ends share."""
    return PageInfo(
        src_uri=src_uri,
        url=url,
        title=title,
        nav_position=nav_position,
        is_homepage=is_homepage,
        excluded=excluded,
        orphan_ok=truthy(meta.get("orphan", False)),
        checks_exempt=names(meta.get("backlinks_exempt")),
        crumbs=crumbs,
        hide_panel=not truthy(meta.get("backlinks_panel", True)) or "backlinks" in names(meta.get("hide")),
        hide_links=not truthy(meta.get("backlinks_from_here", True)),
    )
