"""Find the links (and the headings they sit under) in a page's rendered HTML.

A page's content is the output of Markdown plus whatever raw HTML its author wrote, so this is a
tolerant scanner rather than a tree-building parser: it walks the tags that matter (`<a>`,
`<h1>`-`<h6>`) and steps over comments, CDATA and raw-text elements (`<script>`, `<style>`, ...)
whose contents are not markup. It never raises on odd input: an unclosed link ends where the next
link starts or where the content ends, as in a browser.
"""

from __future__ import annotations

import html
import re
from typing import List, NamedTuple, Optional, Tuple

# One alternative per kind of token; everything else (text, other tags) is skipped by finditer.
# The pattern starts with a literal '<' so the regex engine can jump between tags quickly.
# Attribute values are matched as a browser tokenizes them: quotes only open a value after '='.
# The attribute part is written so that any text has exactly one way to match it (runs of plain
# characters between special ones), which keeps the regex linear on unclosed or hostile tags.
_TOKENS = re.compile(
    r"""<(?:
      !--.*?(?:-->|\Z)
    | !\[CDATA\[.*?(?:\]\]>|\Z)
    | (?P<raw>script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)
        (?=[\s/>])[^>]*(?:>.*?(?:</(?P=raw)\s*>|\Z)|\Z)
    | (?P<close>/)?(?P<tag>a|h[1-6])(?=[\s/>])
        (?P<attrs>[^>"'=<]*(?:(?:=\s*"[^"]*"|=\s*'[^']*'|=(?!\s*"[^"]*")(?!\s*'[^']*')|["'])[^>"'=<]*)*)>
    )""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)

_ATTRIBUTE = re.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""",
)
# The start tag MkDocs itself writes for a link, parsed without the general attribute loop.
_PLAIN_HREF = re.compile(r"""\s+href="([^"&]*)"\s*""")

# Tags end at '>' or, unclosed, at the end of the text; either way every regex below reads each
# character a bounded number of times, so hostile input cannot make them quadratic.
_TAG = re.compile(r"<[^>]*(?:>|\Z)")
_LINK_START = re.compile(r"<a(?=[\s/>])[^>]*(?:>|\Z)", re.IGNORECASE)
_LINK_END = re.compile(r"</a\s*>", re.IGNORECASE)
# Link text that is already plain and single-spaced (most of it) skips html_to_text; any tag,
# entity, double space or white space other than ' ' (tabs, NBSP...) needs the full treatment.
_NEEDS_CLEANING = re.compile(r"[<&]|[^\S ]| {2}")


# Named tuples rather than dataclasses: a big site has hundreds of thousands of links, and
# tuples are several times cheaper to create.
class Heading(NamedTuple):
    """A heading of the page: its level (1-6), `id` attribute ("" when it has none) and text."""

    level: int
    id: str
    text: str


class Anchor(NamedTuple):
    """One `<a href>` found in the content.

    `href` and `text` are plain text (entities decoded, tags stripped); `start`/`end` are the
    offsets of the whole element in the HTML, for later use by context snippets.
    """

    href: str
    text: str
    classes: Tuple[str, ...]
    rel: Tuple[str, ...]
    heading: Optional[Heading]
    start: int
    end: int


def parse_attributes(attrs: str) -> dict:
    """The attributes of a start tag, first occurrence winning, values entity-decoded."""
    plain = _PLAIN_HREF.fullmatch(attrs)
    if plain is not None:
        return {"href": plain.group(1)}
    found: dict = {}
    for match in _ATTRIBUTE.finditer(attrs):
        name = match.group(1).lower()
        if name in found:
            continue
        value = match.group(2)
        if value is None:
            value = match.group(3)
        if value is None:
            value = match.group(4) or ""
        found[name] = html.unescape(value) if "&" in value else value
    return found


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, white space collapsed."""
    text = _TAG.sub("", fragment) if "<" in fragment else fragment
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def _heading_text(inner_html: str) -> str:
    # Permalink anchors ("¶") that the toc extension appends are not part of the title.
    if "headerlink" not in inner_html:
        return html_to_text(inner_html)
    kept = []
    position = 0
    for start in _LINK_START.finditer(inner_html, position):
        if start.start() < position:
            continue  # inside a permalink already cut
        classes = parse_attributes(start.group()[2:].rstrip(">")).get("class", "").split()
        if "headerlink" not in classes:
            continue
        end = _LINK_END.search(inner_html, start.end())
        kept.append(inner_html[position : start.start()])
        position = end.end() if end else len(inner_html)
    kept.append(inner_html[position:])
    return html_to_text("".join(kept))


def extract_anchors(content: str) -> List[Anchor]:
    """Every `<a>` with an `href` in `content`, in document order."""
    anchors: List[Anchor] = []
    heading: Optional[Heading] = None
    # The link being read: (start offset, end of its start tag, attributes, heading).
    open_link: Optional[tuple] = None
    # The heading being read: (level, id, end of its start tag, links that started inside it).
    open_heading: Optional[tuple] = None

    def finish_link(end_of_text: int, end: int) -> None:
        start, text_start, attrs, under = open_link
        text = content[text_start:end_of_text]
        if _NEEDS_CLEANING.search(text):
            text = html_to_text(text)
        anchors.append(
            Anchor(
                attrs["href"],
                text.strip(),
                tuple(attrs["class"].split()) if "class" in attrs else (),
                tuple(attrs["rel"].lower().split()) if "rel" in attrs else (),
                under,
                start,
                end,
            )
        )

    for match in _TOKENS.finditer(content):
        tag = match.group("tag")
        if tag is None:
            continue  # a comment, CDATA or raw-text element: no markup inside
        tag = tag.lower()
        closing = match.group("close") is not None
        if tag == "a":
            # A new <a> implicitly ends an open one, as browsers do with nested links.
            if open_link is not None:
                finish_link(match.start(), match.start() if not closing else match.end())
                open_link = None
            if not closing:
                attrs = parse_attributes(match.group("attrs"))
                if "href" in attrs:
                    open_link = (match.start(), match.end(), attrs, heading)
        elif not closing:
            attrs = parse_attributes(match.group("attrs"))
            level = int(tag[1])
            # Links inside a heading belong to it; its text is known only at its end tag.
            heading = Heading(level, attrs.get("id", ""), "")
            open_heading = (level, attrs.get("id", ""), match.end(), heading)
        elif open_heading is not None and int(tag[1]) == open_heading[0]:
            level, heading_id, text_start, placeholder = open_heading
            heading = Heading(level, heading_id, _heading_text(content[text_start : match.start()]))
            _replace_heading(anchors, placeholder, heading)
            if open_link is not None and open_link[3] is placeholder:
                open_link = open_link[:3] + (heading,)
            open_heading = None

    if open_link is not None:
        finish_link(len(content), len(content))
    if open_heading is not None:
        level, heading_id, text_start, placeholder = open_heading
        _replace_heading(anchors, placeholder, Heading(level, heading_id, _heading_text(content[text_start:])))
    return anchors


def _replace_heading(anchors: List[Anchor], placeholder: Heading, heading: Heading) -> None:
    """Give the links found inside a heading the heading's final text."""
    index = len(anchors) - 1
    while index >= 0 and anchors[index].heading is placeholder:
        anchors[index] = anchors[index]._replace(heading=heading)
        index -= 1
