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
from typing import Dict, List, NamedTuple, Optional, Tuple

# One alternative per kind of token; everything else (text, other tags) is skipped by finditer.
# The pattern starts with a literal '<' so the regex engine can jump between tags quickly.
# Attribute values are matched as a browser tokenizes them: quotes only open a value after '='.
# The attribute part is written so that any text has exactly one way to match it (runs of plain
# characters between special ones), which keeps the regex linear on unclosed or hostile tags.
_TOKENS = re.compile(
    r"""<(?:
      (?P<end>/a>)
    | !--.*?(?:-->|\Z)
    | !\[CDATA\[.*?(?:\]\]>|\Z)
    | (?P<raw>script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)
        (?=[\s/>])[^>]*(?:>.*?(?:</(?P=raw)\s*>|\Z)|\Z)
    | (?P<close>/)?(?P<tag>a|h[1-6])(?=[\s/>])
        (?P<attrs>[^>"'=<]*(?:(?:=\s*"[^"]*"|=\s*'[^']*'|=(?!\s*"[^"]*")(?!\s*'[^']*')|["'])[^>"'=<]*)*)>
    )""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
# Which alternative matched, by `match.lastindex` (the last group that took part).
_END_LINK, _TAG_ATTRS = 1, 5

_ATTRIBUTE = re.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""",
)

# Tags end at '>' or, unclosed, at the end of the text; either way every regex below reads each
# character a bounded number of times, so hostile input cannot make them quadratic.
# What html_to_text drops: tags, comments, and the contents of elements a browser never shows as
# text. A '<' opens a tag only before a letter, '/', '!' or '?' (as in a browser's tokenizer);
# before anything else (`a < b`, `x <= 1`) it is text, as it is in nav titles written in mkdocs.yml.
_TAG = re.compile(
    r"<(?:(?P<hidden>script|style|template)(?=[\s/>])[^>]*>.*?(?:</(?P=hidden)\s*>|\Z)"
    r"|!--.*?(?:-->|\Z)"
    r"|(?=[A-Za-z/!?])[^>]*(?:>|\Z))",
    re.IGNORECASE | re.DOTALL,
)
_LINK_START = re.compile(r"<a(?=[\s/>])[^>]*(?:>|\Z)", re.IGNORECASE)
_LINK_END = re.compile(r"</a\s*>", re.IGNORECASE)


# Named tuples rather than dataclasses: a big site has hundreds of thousands of links, and
# tuples are several times cheaper to create.
class Heading(NamedTuple):
    """A heading of the page: its level (1-6), `id` attribute ("" when it has none) and text."""

    level: int
    id: str
    text: str


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


def parse_attributes(attrs: str) -> Dict[str, str]:
    """The attributes of a start tag, first occurrence winning, values entity-decoded."""
    found: Dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(attrs):
        name = match.group(1).lower()
        if name in found:
            continue
        value = match.group(2)
        if value is None:
            value = match.group(3)
        if value is None:
            value = match.group(4) or ""
        found[name] = html.unescape(value)
    return found


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, white space collapsed."""
    text = _TAG.sub("", fragment) if "<" in fragment else fragment
    return " ".join(html.unescape(text).split())


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
    # The heading being read: (level, id, end of its start tag, placeholder given to its links).
    open_heading: Optional[Tuple[int, str, int, Heading]] = None

    for match in _TOKENS.finditer(content):
        if match.lastindex != _TAG_ATTRS:
            continue  # a comment, CDATA or raw-text element: no markup inside
        closing = match.group("close") is not None
        tag = match.group("tag").lower()
        if tag == "a":
            if not closing:
                attrs = parse_attributes(match.group("attrs"))
                if "href" in attrs:
                    anchors.append(
                        Anchor(
                            attrs["href"],
                            match.start(),
                            tuple(attrs["class"].split()) if "class" in attrs else (),
                            tuple(attrs["rel"].lower().split()) if "rel" in attrs else (),
                            heading,
                        )
                    )
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
            open_heading = None

    if open_heading is not None:
        level, heading_id, text_start, placeholder = open_heading
        _replace_heading(anchors, placeholder, Heading(level, heading_id, _heading_text(content[text_start:])))
    return anchors


_A = ("a", "A")  # the tag group as matched (the pattern ignores case)


def anchor_extent(content: str, start: int) -> Tuple[int, int, int]:
    """Where the link whose start tag is at `content[start]` has its text, `(text start, text
    end, end of the element)`. As in a browser, a link ends at its end tag, or where the next link
    starts (links do not nest), or at the end of the content."""
    tag = _TOKENS.match(content, start) if start >= 0 else None
    if tag is None or not (tag.lastindex == _TAG_ATTRS and tag.group("tag") in _A and tag.group("close") is None):
        return start, start, start  # no link starts there: nothing to read
    for match in _TOKENS.finditer(content, tag.end()):
        kind = match.lastindex
        if kind == _END_LINK:
            return tag.end(), match.start(), match.end()
        if kind == _TAG_ATTRS and match.group("tag") in _A:
            if match.group("close") is not None:
                return tag.end(), match.start(), match.end()
            return tag.end(), match.start(), match.start()
    return tag.end(), len(content), len(content)


def read_anchor(content: str, start: int) -> Tuple[str, int]:
    """The plain text of the link whose start tag is at `content[start]`, and where it ends."""
    text_start, text_end, end = anchor_extent(content, start)
    return html_to_text(content[text_start:text_end]), end


def anchor_text(content: str, start: int) -> str:
    """The plain text of the link whose start tag is at `content[start]`."""
    return read_anchor(content, start)[0]


def _replace_heading(anchors: List[Anchor], placeholder: Heading, heading: Heading) -> None:
    """Give the links found inside a heading the heading's final text."""
    index = len(anchors) - 1
    while index >= 0 and anchors[index].heading is placeholder:
        anchors[index] = anchors[index]._replace(heading=heading)
        index -= 1
