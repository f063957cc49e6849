"""The one plain-text function, and the one `Heading`.

Plain text is what a reader sees of an HTML fragment: tags dropped, comments and the elements
that are never shown (`tokens.NOT_MARKUP` but `xmp` and `plaintext`, whose text shows as
written) left out, entities decoded, white space collapsed. A `<` that opens no tag is text.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import List, NamedTuple

from mkdocs_backlinks.core.html.tokens import (
    ATTRS,
    BOGUS_COMMENT,
    COMMENT,
    RAW_ELEMENT,
    parse_attributes,
    raw_content,
    tokens_for,
)

__all__ = ["Heading", "heading_text", "plain_text", "without_tags"]


# A named tuple rather than a dataclass: a big site has hundreds of thousands of links, each
# with its heading, and tuples are several times cheaper to create.
class Heading(NamedTuple):
    """A heading of the page: its level (1-6), `id` attribute ("" when it has none) and plain
    text (permalink anchors left out)."""

    level: int
    id: str
    text: str


# Everything plain text leaves out, in one pass: comments, bogus comments, the elements of
# NOT_MARKUP whole, and tags (an end tag `</` before no letter is a bogus comment, `</>` nothing).
_DROPPED = re.compile(
    "<(?:" + COMMENT + "|" + BOGUS_COMMENT + "|" + RAW_ELEMENT + "|/?[A-Za-z]" + ATTRS + r"(?:>|\Z)|/[^>]*(?:>|\Z))",
    re.IGNORECASE | re.DOTALL,
)
_SHOWN_RAW = re.compile(r"<(?:xmp|plaintext)(?=[\s/>])", re.IGNORECASE)


def without_tags(fragment: str) -> str:
    """`fragment` without what plain text leaves out (tags, comments, elements never shown);
    entities and white space as they are."""
    return _DROPPED.sub("", fragment) if "<" in fragment else fragment


def _text(fragment: str) -> str:
    """`fragment` without what plain text leaves out, entities decoded, white space as it is."""
    if "<" in fragment:
        if _SHOWN_RAW.search(fragment):
            return _text_with_raw(fragment)
        fragment = _DROPPED.sub("", fragment)
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


def plain_text(fragment: str, edges: bool = False) -> str:
    """The plain text of an HTML fragment (see the module's docstring). With `edges`, white
    space at either end is kept as one space (for pieces of text joined to others)."""
    text = _text(fragment)
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


def heading_text(inner_html: str) -> str:
    """The plain text of a heading's inner HTML, without the permalink anchors ("¶") that the
    toc extension appends to it (links of class `headerlink`)."""
    if "headerlink" not in inner_html:
        return plain_text(inner_html)
    kept: List[str] = []
    position = 0
    tags = tokens_for(("a",))
    for match in tags.finditer(inner_html):
        if match.start() < position or match.group("name") is None or match.group("close"):
            continue
        attrs = match.group("attrs")
        if "headerlink" not in attrs:
            continue
        if "headerlink" not in parse_attributes(attrs).get("class", "").split():
            continue
        kept.append(inner_html[position : match.start()])
        # The permalink ends at its end tag, or where the next link starts (links do not nest).
        position = len(inner_html)
        for after in tags.finditer(inner_html, match.end()):
            if after.group("name") is not None:
                position = after.end() if after.group("close") else after.start()
                break
    kept.append(inner_html[position:])
    return plain_text("".join(kept))
