"""The prose of a page: the text a reader reads as sentences, cut from its content.

Link text, code, headings, admonition titles, tab labels, `<summary>`, SVG and MathML, comments
and the elements holding no markup (`tokens.NOT_MARKUP`) are not prose: a name written there is
not a place to add a link. They are replaced by marker characters so that no phrase is read
across them, and so that the text around a word (its section, its sentence) can still be found:

- `LINKED` stands for an inline element left out (`<a>`, `<code>`, `<kbd>`, `<samp>`); the
  element itself is kept in `Prose.inline` to show in snippets;
- `HEADING` stands for a heading (kept in `Prose.headings`): it starts a section and a block;
- `BLOCK` ends a block of text (a paragraph, list item, table cell, a block left out...).

The work is a few regular expression passes over the whole page, compiled from the tokenizer's
grammar (no per-tag Python loop), so reading the prose of a 600-word page costs a fraction of a
millisecond. Odd HTML never raises: an element left unclosed runs to the end of the content (a
link: to the next link), as in a browser.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from typing import List, NamedTuple, Tuple

from mkdocs_backlinks.core.html.panels import page_content
from mkdocs_backlinks.core.html.text import Heading, heading_text, without_tags
from mkdocs_backlinks.core.html.tokens import (
    ATTRS,
    BOGUS_COMMENT,
    COMMENT,
    NOT_MARKUP,
    SHOWN_RAW_TEXT,
    names_pattern,
    parse_attributes,
    tag_pattern,
)

__all__ = ["BLOCK", "HEADING", "LINKED", "MARKERS", "Prose", "read_prose"]

LINKED = "\x00"
HEADING = "\x01"
BLOCK = "\x02"
MARKERS = LINKED + HEADING + BLOCK
# Not white space for `str.split`, never in HTML text (control characters are dropped first).
CONTROLS = re.compile(r"[\x00-\x02]")

# Left out whole: what holds no markup, and pictures drawn in markup.
_GONE = [name for name in NOT_MARKUP if name not in SHOWN_RAW_TEXT] + ["svg", "math"]
# Blocks of text that are not prose: code, and the controls' labels (raw text shown as written,
# `<xmp>`, is code too).
_BLOCKS = ["pre", "summary", "label", "button", *sorted(SHOWN_RAW_TEXT)]


def _element(group: str, names: List[str]) -> str:
    """An element named one of `names` (group `group`), start tag to end tag, or to the end of
    the text when it has none."""
    return (
        f"(?P<{group}>"
        + names_pattern(names)
        + r")(?=[\s/>])"
        + ATTRS
        + rf">.*?(?:</(?i:(?P={group}))(?=[\s/>])[^>]*(?:>|\Z)|\Z)"
    )


# One alternative per kind of element left out. Each ends with an empty named group, so that
# `match.lastgroup` names the kind without testing groups one by one.
_LEFT_OUT = re.compile(
    "<(?:"
    + "(?:"
    + COMMENT
    + "|"
    + BOGUS_COMMENT
    + ")(?P<gone>)"
    + "|"
    + _element("raw", _GONE)
    + "(?P<gone_raw>)"
    + r"|(?P<h>[hH][1-6])(?=[\s/>])(?P<hattrs>"
    + ATTRS
    + r")>(?P<htext>.*?)(?:</(?i:(?P=h))(?=[\s/>])[^>]*(?:>|\Z)|\Z)(?P<heading>)"
    + r"|[aA](?=[\s/>])"
    + ATTRS
    + r">.*?(?:</[aA](?=[\s/>])[^>]*(?:>|\Z)|(?=<[aA][\s/>])|\Z)(?P<linked>)"
    + "|"
    + _element("inline", ["code", "kbd", "samp"])
    + "(?P<linked_code>)"
    + "|"
    + _element("blk", _BLOCKS)
    + "(?P<block>)"
    + r"|[pP]\s(?=[^>]*\badmonition-title\b)"
    + ATTRS
    + r">.*?(?:</[pP](?=[\s/>])[^>]*(?:>|\Z)|\Z)(?P<block_title>)"
    + ")",
    re.DOTALL,
)
_KIND_MARKER = {
    "gone": "",
    "gone_raw": "",
    "linked": LINKED,
    "linked_code": LINKED,
    "block": BLOCK,
    "block_title": BLOCK,
}

# Tags that start or end a block of text: prose never runs across them.
_BLOCK_TAG = tag_pattern(
    "p li dd dt td th tr div blockquote table thead tbody tfoot caption ul ol dl section article aside details "
    "figure figcaption header footer nav main form fieldset legend br hr img input select option video audio "
    "iframe object".split()
)


class Prose(NamedTuple):
    """A page's prose (see the module's docstring): `text` with the markers, the `headings` in
    order (the k-th `HEADING` in `text` is `headings[k]`), and the `inline` elements left out,
    as HTML (the k-th `LINKED` in `text` is `inline[k]`)."""

    text: str
    headings: Tuple[Heading, ...]
    inline: Tuple[str, ...]


def read_prose(content: str) -> Prose:
    """The prose of the page content `content` (see the module's docstring), read as the page's
    author wrote it: without panels and other tools' link lists (`page_content`)."""
    content = page_content(content)
    if CONTROLS.search(content):
        content = CONTROLS.sub("", content)
    headings: List[Heading] = []
    inline: List[str] = []

    def left_out(match: "re.Match[str]") -> str:
        kind = match.lastgroup
        if kind == "heading":
            attrs = match.group("hattrs")
            heading_id = parse_attributes(attrs).get("id", "") if attrs else ""
            headings.append(Heading(int(match.group("h")[1]), heading_id, heading_text(match.group("htext"))))
            return HEADING
        marker = _KIND_MARKER[kind]  # type: ignore[index]
        if marker == LINKED:
            inline.append(match.group())
        return marker

    text = _LEFT_OUT.sub(left_out, content) if "<" in content else content
    text = _BLOCK_TAG.sub(BLOCK, text)
    text = without_tags(text, tags_only=True)  # comments and hidden elements are gone already
    if "&" in text:
        text = html_lib.unescape(text)
        if CONTROLS.search(text):  # `&#1;` and the like: not markers
            text = CONTROLS.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return Prose(text, tuple(headings), tuple(inline))
