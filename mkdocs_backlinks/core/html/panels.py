"""What of a page is not its author's: panels written by either front end, and the link lists
that other tools add. Both front ends read a page through `page_content`, so that neither reads
a panel, or another tool's list of links, as the page's own links or prose.

A panel is found in either of its two forms:
- the command's: `COMMAND_PANEL_START` ... `COMMAND_PANEL_END` (two comments around it, so that a
  second run finds what the first one wrote, whatever the template made of the panel);
- the plugin's, or one the shipped template wrote anywhere: an `<aside>` or `<div>` (a theme's
  own template) with the class `backlinks`, to its balancing end tag.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from mkdocs_backlinks.core.html.select import Selector, first_by_class, parse_selector, without_elements
from mkdocs_backlinks.core.html.tokens import element_end

__all__ = [
    "COMMAND_PANEL_END",
    "COMMAND_PANEL_START",
    "NOT_THE_AUTHORS",
    "PANEL_CLASS",
    "find_panel",
    "page_content",
    "without_panels",
]

COMMAND_PANEL_START = "<!-- mkdocs-backlinks: panel -->"
COMMAND_PANEL_END = "<!-- /mkdocs-backlinks: panel -->"
PANEL_CLASS = "backlinks"
"""The class of the panel's outer element in the shipped template."""

_PANEL_ELEMENTS: Tuple[Selector, ...] = (parse_selector("aside.backlinks"), parse_selector("div.backlinks"))

NOT_THE_AUTHORS: Tuple[Selector, ...] = (
    # mkdocstrings' backlinks (`backlinks: tree` or `flat`): the API pages that link to an object,
    # added after the plugin has read the links (it reads before mkdocstrings writes them).
    parse_selector("div.doc-backlinks"),
    # The tag chips Material and Zensical write above a tagged page's content: links to the tag
    # listings, written by the theme's template, which the plugin never sees.
    parse_selector("nav.md-tags"),
)
"""Link lists that other tools add to a page's content region: not the page's links, nor its
prose. Each names a class, which these tools write as it is (so a page without that text needs no
tokenizing to tell)."""


# Where a panel's start tag may be: an `<aside` or `<div` with `backlinks` as a word of its
# attributes (not `doc-backlinks`, nor the plugin's `mkdocs-backlinks-plugin` marker), before any
# other `<`. A first look, in one regular expression: a page that writes "backlinks" in its text
# (this project's own documentation does on every page) is tokenized only where it may be.
_PANEL_HINT = re.compile(r"<(?i:aside|div)\s[^<>]*?(?<![\w-])" + PANEL_CLASS + r"(?![\w-])")


def find_panel(html: str, start: int = 0, end: Optional[int] = None) -> Optional[Tuple[int, int]]:
    """The span of the first panel in `html[start:end]` written by either front end (see the
    module's docstring), or None. A command's panel is found whole, with the element inside it."""
    stop = len(html) if end is None else end
    if html.find(PANEL_CLASS, start, stop) == -1:  # also in the command's marker
        return None
    marked = html.find(COMMAND_PANEL_START, start, stop)
    if marked != -1:
        close = html.find(COMMAND_PANEL_END, marked, stop)
        if close != -1:
            element = _panel_element(html, start, marked)
            if element is None:
                return marked, close + len(COMMAND_PANEL_END)
            return element
    return _panel_element(html, start, stop)


def _panel_element(html: str, start: int, stop: int) -> Optional[Tuple[int, int]]:
    """The span of the first `aside.backlinks` / `div.backlinks` in `html[start:stop]`, found by
    its class (see `first_by_class`: the template writes it as it is)."""
    if _PANEL_HINT.search(html, start, stop) is None:
        return None  # (a hint only: one inside a comment is for `first_by_class` to step over)
    found = [tag for tag in (first_by_class(html, s, start, stop) for s in _PANEL_ELEMENTS) if tag is not None]
    if not found:
        return None
    tag = min(found, key=lambda tag: tag.start)
    close = element_end(html, tag)
    if close is None or close >= stop:
        return None
    return tag.start, html.find(">", close) + 1


def without_panels(html: str) -> str:
    """`html` with every panel (see `find_panel`) taken out; a panel whose end is missing is left
    in, and nothing after it is looked at."""
    if PANEL_CLASS not in html:  # also in the command's marker
        return html
    pieces: List[str] = []
    position = 0
    while True:
        span = find_panel(html, position)
        if span is None:
            break
        pieces.append(html[position : span[0]])
        position = span[1]
    pieces.append(html[position:])
    return "".join(pieces)


# The words whose absence tells that a page has nothing to take out: `backlinks` stands for the
# classes holding it (`doc-backlinks`) too. Each look is a search of the whole page in C (2 µs
# for a 5,000-character page on a loaded machine): as few as will do.
_WORDS = (PANEL_CLASS, *[part.classes[0] for part in NOT_THE_AUTHORS if PANEL_CLASS not in part.classes[0]])


def page_content(html: str) -> str:
    """A page's content as its author wrote it: `html` without panels and without the link lists
    of `NOT_THE_AUTHORS`. The same string when there is nothing to take out (the common case,
    told by a look for the class names, without tokenizing)."""
    if not any(word in html for word in _WORDS):
        return html
    html = without_panels(html)
    if any(part.classes[0] in html for part in NOT_THE_AUTHORS):
        html = without_elements(html, NOT_THE_AUTHORS)
    return html
