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
from typing import List, Optional, Tuple

from mkdocs_backlinks.core.html import element_end, iter_tags

__all__ = ["TOC_END", "TOC_START", "with_toc_entry"]

TOC_START = "<!-- mkdocs-backlinks: toc -->"
TOC_END = "<!-- /mkdocs-backlinks: toc -->"


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
    any_list = False
    empty_nav: Optional[Tuple[int, str]] = None
    for tag in iter_tags(text, names=("ul", "nav")):
        if tag.closing:
            continue
        attrs = tag.attrs
        if tag.name == "ul" and attrs.get("data-md-component") == "toc":
            any_list = True
            end = element_end(text, tag)
            if end is None:
                continue
            entries = text[tag.end : end]
            if f'href="#{anchor}"' in entries:
                continue  # the plugin's own entry
            inserts.append((end, _item(escaped, anchor, 'class="md-typeset"' in entries)))
        elif tag.name == "nav" and empty_nav is None and "md-nav--secondary" in attrs.get("class", "").split():
            end = element_end(text, tag)
            if end is not None and not text[tag.end : end].strip():
                heading = html.escape(attrs.get("aria-label", ""), quote=False)
                empty_nav = (end, heading)
    if not any_list and empty_nav is not None:
        end, heading = empty_nav
        inserts.append(
            (
                end,
                f'{TOC_START}<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon">'
                f'</span>{heading}</label><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>'
                f"{TOC_END}{_item(escaped, anchor, False)}{TOC_START}</ul>{TOC_END}",
            )
        )
    if not inserts:
        return text
    pieces: List[str] = []
    position = 0
    for at, new in sorted(inserts):
        pieces += (text[position:at], new)
        position = at
    pieces.append(text[position:])
    return "".join(pieces)
