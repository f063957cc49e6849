"""The links of a page's content (and the headings they sit under), and the text of a link.

One scan with the tokenizer, naming only `<a>` and `<h1>`-`<h6>`: comments and the elements
holding no markup (`tokens.NOT_MARKUP`: a link in `<template>` or `<noscript>` is no link of the
page) are stepped over. An unclosed link ends where the next link starts or where the content
ends, as in a browser.
"""

from __future__ import annotations

from typing import List, NamedTuple, Optional, Tuple

from mkdocs_backlinks.core.html.text import Heading, heading_text, plain_text
from mkdocs_backlinks.core.html.tokens import parse_attributes, tokens_for

__all__ = ["Anchor", "anchor_extent", "anchor_text", "extract_anchors", "read_anchor"]

_LINKS_AND_HEADINGS = tokens_for(("a", "h1", "h2", "h3", "h4", "h5", "h6"))
_LINKS = tokens_for(("a",))
# The scan's groups by number (quicker than by name in a loop over every tag): a tag is the one
# token whose last group is `end` (empty when the text ends inside the tag).
_GROUPS = _LINKS_AND_HEADINGS.groupindex
CLOSE, NAME, ATTRIBUTES, END = _GROUPS["close"], _GROUPS["name"], _GROUPS["attrs"], _GROUPS["end"]
_A_CLOSE, _A_END = _LINKS.groupindex["close"], _LINKS.groupindex["end"]


class Anchor(NamedTuple):
    """One `<a href>` found in the content.

    `href` is plain text (entities decoded); `start` is the offset of the element in the HTML.
    Its text and end are found only when asked for (`anchor_text`, `anchor_extent`): a big site
    has hundreds of thousands of links and shows the text of few of them.
    """

    href: str
    start: int
    classes: Tuple[str, ...] = ()
    rel: Tuple[str, ...] = ()
    heading: Optional[Heading] = None


def extract_anchors(content: str) -> List[Anchor]:
    """Every `<a>` with an `href` in `content`, in document order."""
    anchors: List[Anchor] = []
    heading: Optional[Heading] = None
    # The heading being read: its level, id and the end of its start tag. Its text is known only
    # at its end tag, so the links inside it wait in `inside` until then.
    open_heading: Optional[Tuple[int, str, int]] = None
    inside: List[Tuple[str, int, Tuple[str, ...], Tuple[str, ...]]] = []

    for match in _LINKS_AND_HEADINGS.finditer(content):
        if match.lastindex != END:
            continue  # a comment or an element holding no markup
        if not match.group(END):
            break  # a tag the content ends inside: a browser drops it
        tag = match.group(NAME)
        closing = match.group(CLOSE) is not None
        if tag == "a" or tag == "A":
            if closing:
                continue
            attrs = parse_attributes(match.group(ATTRIBUTES))
            if "href" in attrs:
                link = (
                    attrs["href"],
                    match.start(),
                    tuple(attrs["class"].split()) if "class" in attrs else (),
                    tuple(attrs["rel"].lower().split()) if "rel" in attrs else (),
                )
                if open_heading is None:
                    anchors.append(Anchor(*link, heading))
                else:
                    inside.append(link)
        elif not closing:
            if open_heading is not None:  # a heading left open: it ends where the next starts
                heading = _close_heading(content, open_heading, match.start(), inside, anchors)
            heading_id = parse_attributes(match.group(ATTRIBUTES)).get("id", "")
            open_heading = (int(tag[1]), heading_id, match.end())
        elif open_heading is not None and int(tag[1]) == open_heading[0]:
            heading = _close_heading(content, open_heading, match.start(), inside, anchors)
            open_heading = None

    if open_heading is not None:
        _close_heading(content, open_heading, len(content), inside, anchors)
    return anchors


def _close_heading(
    content: str,
    open_heading: Tuple[int, str, int],
    text_end: int,
    inside: List[Tuple[str, int, Tuple[str, ...], Tuple[str, ...]]],
    anchors: List[Anchor],
) -> Heading:
    """The heading whose text ends at `text_end`, its waiting links (`inside`) added to `anchors`
    with it."""
    level, heading_id, text_start = open_heading
    heading = Heading(level, heading_id, heading_text(content[text_start:text_end]))
    anchors.extend(Anchor(*link, heading) for link in inside)
    inside.clear()
    return heading


def anchor_extent(content: str, start: int) -> Tuple[int, int, int]:
    """Where the link whose start tag is at `content[start]` has its text, `(text start, text
    end, end of the element)`. As in a browser, a link ends at its end tag, or where the next link
    starts (links do not nest), or at the end of the content."""
    tag = _LINKS.match(content, start) if start >= 0 else None
    if tag is None or tag.lastindex != _A_END or tag.group(_A_CLOSE) is not None or not tag.group(_A_END):
        return start, start, start  # no link starts there: nothing to read
    for match in _LINKS.finditer(content, tag.end()):
        if match.lastindex != _A_END:
            continue  # a comment or an element holding no markup
        if match.group(_A_CLOSE) is not None:
            return tag.end(), match.start(), match.end()
        return tag.end(), match.start(), match.start()
    return tag.end(), len(content), len(content)


def read_anchor(content: str, start: int) -> Tuple[str, int]:
    """The plain text of the link whose start tag is at `content[start]`, and where it ends."""
    text_start, text_end, end = anchor_extent(content, start)
    return plain_text(content[text_start:text_end]), end


def anchor_text(content: str, start: int) -> str:
    """The plain text of the link whose start tag is at `content[start]`."""
    return read_anchor(content, start)[0]
