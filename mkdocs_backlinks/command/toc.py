"""The panel's entry in the table of contents of a page Material or Zensical already wrote
(`toc: true`), where the plugin adds it to `page.toc` before the theme renders it.

Those themes write each page's table of contents as `<ul class="md-nav__list"
data-md-component="toc">` lists (one in the secondary sidebar, one in the primary nav for small
screens); a page without headings gets an empty `<nav class="md-nav md-nav--secondary">`. The
entry goes at the end of each list, or in a list of its own in an empty secondary nav, between
two markers, so that a second run takes out what the first put in and writes the same bytes.
A list that already links the panel (a page the plugin built) is left as it is. Other themes
write no such lists: their pages get no entry.
"""

from __future__ import annotations

import html
import re
from typing import List, Optional, Tuple

__all__ = ["TOC_END", "TOC_START", "with_toc_entry"]

TOC_START = "<!-- mkdocs-backlinks: toc -->"
TOC_END = "<!-- /mkdocs-backlinks: toc -->"

_TOC_LIST = re.compile(r'<ul\b[^>]*\sdata-md-component="toc"[^>]*>', re.I)
_LIST_TAG = re.compile(r"<(/?)ul\b[^>]*>", re.I)
_EMPTY_SECONDARY = re.compile(
    r'<nav\b[^>]*\sclass="md-nav md-nav--secondary"[^>]*>(?P<inside>\s*)</nav>',
    re.I,
)
_ARIA_LABEL = re.compile(r'\saria-label="([^"]*)"', re.I)


def _without_entries(text: str) -> str:
    """`text` with every entry an earlier run wrote taken out."""
    while True:
        begin = text.find(TOC_START)
        if begin == -1:
            return text
        stop = text.find(TOC_END, begin)
        if stop == -1:
            return text
        text = text[:begin] + text[stop + len(TOC_END) :]


def _list_end(text: str, start: int) -> Optional[int]:
    """Where the `</ul>` closing the list opened just before `start` begins."""
    depth = 1
    for tag in _LIST_TAG.finditer(text, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return None


def _item(title: str, anchor: str, typeset: bool) -> str:
    # Zensical (0.0.73 and 0.1.2) wraps each entry's text in a `md-typeset` span; Material
    # for MkDocs does not. The entry looks as its neighbours do.
    label = f'<span class="md-typeset">{title}</span>' if typeset else title
    return (
        f'{TOC_START}<li class="md-nav__item"><a href="#{anchor}" class="md-nav__link">'
        f'<span class="md-ellipsis">{label}</span></a></li>{TOC_END}'
    )


def with_toc_entry(text: str, title: Optional[str], anchor: str) -> str:
    """The page `text` with an entry `title` linking `#anchor` in its tables of contents (with
    `title` None, with none); an earlier run's entries are replaced. `title` is plain text."""
    text = _without_entries(text)
    if title is None:
        return text
    escaped = html.escape(title, quote=False)
    inserts: List[Tuple[int, str]] = []
    for found in _TOC_LIST.finditer(text):
        end = _list_end(text, found.end())
        if end is None:
            continue
        entries = text[found.end() : end]
        if f'href="#{anchor}"' in entries:
            continue  # the plugin's own entry
        inserts.append((end, _item(escaped, anchor, 'class="md-typeset"' in entries)))
    if not inserts and not _TOC_LIST.search(text):
        empty = _EMPTY_SECONDARY.search(text)
        if empty is not None:
            named = _ARIA_LABEL.search(empty.group(0))
            heading = html.escape(html.unescape(named.group(1)), quote=False) if named else ""
            at = empty.start("inside") + len(empty.group("inside"))
            inserts.append(
                (
                    at,
                    f'{TOC_START}<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon">'
                    f'</span>{heading}</label><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>'
                    f"{TOC_END}{_item(escaped, anchor, False)}{TOC_START}</ul>{TOC_END}",
                )
            )
    if not inserts:
        return text
    pieces: List[str] = []
    position = 0
    for at, new in inserts:
        pieces += (text[position:at], new)
        position = at
    pieces.append(text[position:])
    return "".join(pieces)
