"""A page as the core sees it: plain values, whichever front end read it.

The plugin learns these from MkDocs' `Page` objects, the post-build command from the built HTML
and the Markdown sources; both turn what they learnt into a `PageInfo` here, so that front
matter means the same thing to both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

from mkdocs_backlinks.core.urls import is_site_root


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
    """Titles of the nav sections holding the page, outermost first (plain text); a section
    without a title (`- "":` in the nav) is no crumb (see `section_crumbs`)."""
    hide_panel: bool = False
    """Front matter `backlinks_panel: false` (or Material-style `hide: [backlinks]`)."""
    hide_links: bool = False
    """Front matter `backlinks_from_here: false`: the page's links are in no panel."""
    problems: Tuple[str, ...] = ()
    """One message per front matter value of this page that the plugin does not accept (its
    default applied instead); the audit logs them as warnings."""
    # --- Unlinked mentions (mentions.py) ---
    aliases: Tuple[str, ...] = ()
    """Front matter `aliases`: other names the page goes by, looked for as mentions of it."""
    mentions: bool = True
    """Front matter `backlinks_mentions: false` turns this off: the page neither mentions nor
    is mentioned."""


def names(value: object) -> Tuple[str, ...]:
    """A front matter list of names: `[a, b]`, `a`, or `true` (= `all`)."""
    if value is None or value is False:
        return ()
    if value is True:
        return ("all",)
    if isinstance(value, (list, tuple)):
        return tuple(str(item).strip() for item in value)
    return tuple(part.strip() for part in str(value).split(",") if part.strip())


SWITCH_TRUE = ("true", "yes", "on", "1", "ok")
SWITCH_FALSE = ("false", "no", "off", "0")
SWITCH_ACCEPTED = "true or false (also yes/no, on/off, 1/0)"

# The front matter switches the plugin reads, with their defaults.
SWITCHES = {"backlinks_panel": True, "backlinks_from_here": True, "orphan": False, "backlinks_mentions": True}


def switch(value: object) -> Optional[bool]:
    """A front matter switch: a YAML boolean, 0 or 1, or one of the words people write for them
    (`SWITCH_TRUE`, `SWITCH_FALSE`, any case); None for anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in SWITCH_TRUE:
            return True
        if word in SWITCH_FALSE:
            return False
    return None


def name_list(value: object) -> Optional[Tuple[str, ...]]:
    """A front matter list of names (`[a, b]`, `a`, `a, b`, `true` = `all`, `false`), or None
    when `value` is none of those (a number, a mapping, a list holding more than strings)."""
    if isinstance(value, (bool, str)):
        return names(value)
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return names(value)
    return None


def _shown(value: object) -> str:
    """A front matter value as its author wrote it, on one short line."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "\u2026"


def _near_backlinks(item: str) -> bool:
    """`item` of Material's `hide` list looks meant to hide the panel but does not say
    `backlinks` (`Backlinks`, `backlink`, `back-links`)."""
    loose = "".join(ch for ch in item.lower() if ch.isalnum())
    return loose in ("backlinks", "backlink") and item.strip() != "backlinks"


def front_matter_values(src_uri: str, meta: Mapping[str, object]) -> Tuple[Dict[str, Any], List[str]]:
    """The front matter values the plugin reads (defaults for those missing or wrong) and one
    message per wrong value, naming the page, the key, the value and what is accepted.

    The check names in `backlinks_exempt` are checked later, against the checks that exist
    (`mkdocs_backlinks.core.checks.front_matter_problems`)."""
    # Any: each key has its own type (switches are bools, `backlinks_exempt` a tuple of names).
    values: Dict[str, Any] = {}
    problems: List[str] = []
    for key, default in SWITCHES.items():
        value = switch(meta[key]) if key in meta else default
        if value is None:
            value = default
            problems.append(
                f"Page '{src_uri}': front matter '{key}' is {_shown(meta[key])}; accepted: "
                f"{SWITCH_ACCEPTED}. Using the default, {'true' if default else 'false'}."
            )
        values[key] = value
    exempt = name_list(meta["backlinks_exempt"]) if "backlinks_exempt" in meta else ()
    if exempt is None:
        exempt = ()
        problems.append(
            f"Page '{src_uri}': front matter 'backlinks_exempt' is {_shown(meta['backlinks_exempt'])}; "
            "accepted: a check name, a list of them, or true (every check). Using the default, no exemption."
        )
    values["backlinks_exempt"] = exempt
    # `hide` belongs to Material: only its `backlinks` item is the plugin's business.
    hidden = names(meta.get("hide")) if isinstance(meta.get("hide"), (str, list, tuple)) else ()
    for item in hidden:
        if _near_backlinks(item):
            problems.append(
                f"Page '{src_uri}': front matter 'hide' lists {item!r}; only 'backlinks' hides the "
                "panel. Showing the panel."
            )
    values["hide_panel"] = "backlinks" in hidden
    values["aliases"] = _aliases(src_uri, meta, problems)
    return values, problems


def _aliases(src_uri: str, meta: Mapping[str, object], problems: List[str]) -> Tuple[str, ...]:
    """Front matter `aliases` (Obsidian's key): a name or a list of names, blank ones dropped;
    anything else is one problem and no alias."""
    if "aliases" not in meta or meta["aliases"] is None:
        return ()
    raw = meta["aliases"]
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, (list, tuple)) or not all(isinstance(item, str) for item in raw):
        problems.append(
            f"Page '{src_uri}': front matter 'aliases' is {_shown(raw)}; accepted: a name or a list "
            "of names. Using no alias."
        )
        return ()
    return tuple(" ".join(item.split()) for item in raw if item.strip())


def section_crumbs(titles: Iterable[str]) -> Tuple[str, ...]:
    """The crumbs of the nav sections titled `titles`, outermost first: each title on one line,
    and an empty one left out. A section written `- "":` in the nav shows no title (Material and
    MkDocs' themes write an empty label for it), so it is no crumb, nor a group of its own in a
    panel grouped by section: its pages belong to the nearest section with a title."""
    return tuple(text for text in (" ".join(title.split()) for title in titles) if text)


def page_info(
    src_uri: str,
    url: str,
    title: str,
    meta: Mapping[str, object],
    *,
    nav_position: Optional[int] = None,
    excluded: bool = False,
    crumbs: Tuple[str, ...] = (),
) -> PageInfo:
    """The `PageInfo` of a page, its front matter `meta` read by the rules both front ends share;
    wrong front matter values are in its `problems`."""
    values, problems = front_matter_values(src_uri, meta)
    return PageInfo(
        src_uri=src_uri,
        url=url,
        title=title,
        nav_position=nav_position,
        is_homepage=is_site_root(url),
        excluded=excluded,
        orphan_ok=values["orphan"],
        checks_exempt=values["backlinks_exempt"],
        crumbs=section_crumbs(crumbs),
        hide_panel=not values["backlinks_panel"] or values["hide_panel"],
        hide_links=not values["backlinks_from_here"],
        problems=tuple(problems),
        aliases=values["aliases"],
        mentions=values["backlinks_mentions"],
    )
