"""The one plain-text function, and the one `Heading`.

Plain text is what a reader sees of an HTML fragment: tags dropped, comments and the elements
that are never shown (`tokens.NOT_MARKUP` but `xmp` and `plaintext`, whose text shows as
written) left out, entities decoded, white space collapsed. A `<` that opens no tag is text.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import List, NamedTuple, Optional

from mkdocs_backlinks.core.html.tokens import (
    ATTRS,
    BOGUS_COMMENT,
    COMMENT,
    HIDDEN,
    RAW_ELEMENT,
    parse_attributes,
    raw_content,
    tag_pattern,
)

__all__ = ["Heading", "heading_text", "page_section", "plain_text", "without_tags"]


# A named tuple rather than a dataclass: a big site has hundreds of thousands of links, each
# with its heading, and tuples are several times cheaper to create.
class Heading(NamedTuple):
    """A heading of the page: its level (1-6), `id` attribute ("" when it has none) and plain
    text (permalink anchors left out)."""

    level: int
    id: str
    text: str


def page_section(heading: Optional[Heading]) -> Optional[Heading]:
    """The section of what sits under `heading`, or None when it belongs to the page as a whole:
    above the first heading, or under a level-1 heading (the page's title, whatever the nav
    calls it). One rule for links and mentions, so that the panel, the report and the links
    another site reads from the export agree."""
    return None if heading is None or heading.level == 1 else heading


# Everything plain text leaves out, in one pass: comments, bogus comments, the elements of
# NOT_MARKUP whole, and tags (an end tag `</` before no letter is a bogus comment, `</>` nothing).
_DROPPED = re.compile(
    "<(?=[!?/A-Za-z])(?:"
    + COMMENT
    + "|"
    + BOGUS_COMMENT
    + "|"
    + RAW_ELEMENT
    + "|/?[A-Za-z]"
    + ATTRS
    + r"(?:>|\Z)|/[^>]*(?:>|\Z))",
    re.DOTALL,
)
_SHOWN_RAW = re.compile(r"<(?i:xmp|plaintext)(?=[\s/>])")


# Tags alone, for text that holds no comment and no element of NOT_MARKUP (most text): one
# alternative, where `_DROPPED` tries several at each `<`. On the docs-like site's pages, 17 µs a
# page against 50.
_TAGS = re.compile(r"</?[A-Za-z]" + ATTRS + r"(?:>|\Z)|</[^>]*(?:>|\Z)")


def without_tags(fragment: str, tags_only: bool = False) -> str:
    """`fragment` without what plain text leaves out (tags, comments, elements never shown);
    entities and white space as they are. `tags_only`: as for `plain_text`."""
    if "<" not in fragment:
        return fragment
    if tags_only or HIDDEN.search(fragment) is None:
        return _TAGS.sub("", fragment)
    return _DROPPED.sub("", fragment)


def _text(fragment: str, tags_only: bool = False) -> str:
    """`fragment` without what plain text leaves out, entities decoded, white space as it is."""
    if "<" in fragment:
        if tags_only:
            fragment = _TAGS.sub("", fragment)
        elif _SHOWN_RAW.search(fragment):
            return _text_with_raw(fragment)
        else:
            fragment = without_tags(fragment)
    return html_lib.unescape(fragment) if "&" in fragment else fragment


def _text_with_raw(fragment: str) -> str:
    """`_text` of a fragment holding `<xmp>` or `<plaintext>`, whose content shows as written."""
    pieces: List[str] = []
    position = 0
    for match in _DROPPED.finditer(fragment):
        pieces.append(html_lib.unescape(fragment[position : match.start()]))
        position = match.end()
        name = (match.group("raw") or match.group("plaintext") or "").lower()
        if name in ("xmp", "plaintext"):
            pieces.append(raw_content(match.group()))
    pieces.append(html_lib.unescape(fragment[position:]))
    return "".join(pieces)


def plain_text(fragment: str, edges: bool = False, tags_only: bool = False) -> str:
    """The plain text of an HTML fragment (see the module's docstring). With `edges`, white
    space at either end is kept as one space (for pieces of text joined to others). With
    `tags_only`, the caller knows the fragment holds no comment and no element of NOT_MARKUP
    (it blanked them out): its tags are dropped without looking for them (a snippet's windows,
    two for each link of a panel)."""
    text = _text(fragment, tags_only)
    words = text.split()
    if not edges:
        return " ".join(words)
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    if text[:1].isspace():
        joined = " " + joined
    if text[-1:].isspace():
        joined += " "
    return joined


_LINK_TAG = tag_pattern(("a",))


def heading_text(inner_html: str) -> str:
    """The plain text of a heading's inner HTML, without the permalink anchors ("¶") that the
    toc extension appends to it (links of class `headerlink`)."""
    if "headerlink" not in inner_html:
        return plain_text(inner_html)
    # The common case: the heading's one link is the permalink the toc extension wrote at its end.
    last = inner_html.rfind("<a")
    if last > 0 and inner_html.find("<a", 0, last) == -1 and inner_html.endswith("</a>"):
        tag = _LINK_TAG.match(inner_html, last)
        if tag is not None and "headerlink" in parse_attributes(tag.group()[2:-1]).get("class", "").split():
            return plain_text(inner_html[:last])
    kept: List[str] = []
    position = 0
    skipping = False
    for tag in _LINK_TAG.finditer(inner_html):
        closing = tag.group()[1] == "/"
        if skipping:
            # The permalink ends at its end tag, or where the next link starts (no nesting).
            kept_from = tag.end() if closing else tag.start()
            position, skipping = kept_from, False
            if closing:
                continue
        if closing or "headerlink" not in tag.group():
            continue
        if "headerlink" in parse_attributes(tag.group()[2:-1]).get("class", "").split():
            kept.append(inner_html[position : tag.start()])
            skipping = True
    if skipping:
        position = len(inner_html)
    kept.append(inner_html[position:])
    return plain_text("".join(kept))
