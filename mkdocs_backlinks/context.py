"""Where a link sits: the plain-text snippet around it, cut from the page's rendered HTML.

Works on the HTML string and a link's start/end offsets (from `extract.Anchor`), looking only at a
bounded window on each side so its cost does not grow with the page: the snippet stays inside the
link's block (paragraph, list item, table cell, heading...), is trimmed to the sentence holding
the link, and when that is still too long, at a word boundary marked with an ellipsis.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Optional

ELLIPSIS = "\u2026"

# Tags that start or end a block of text: a snippet never crosses them.
_BLOCK_TAG = re.compile(
    r"</?(?:p|li|dd|dt|td|th|tr|h[1-6]|div|blockquote|pre|table|thead|tbody|ul|ol|dl|section"
    r"|article|aside|details|summary|figure|figcaption|header|footer|nav|main|form|fieldset"
    r"|br|hr)(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)
# Elements whose content is not text a reader sees in the paragraph.
_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template|textarea)(?=[\s/>])[^>]*>.*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")
# The end of a sentence: terminal punctuation (with closing quotes or brackets) then white space,
# or a full-width terminal mark, which needs no space after it.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s|[\u3002\uff01\uff1f]")


@dataclass(frozen=True)
class Snippet:
    """The text around one link, as plain text: `before` + `text` (the link's own) + `after`.

    Escape each part when writing HTML. A part cut short starts or ends with an ellipsis.
    """

    before: str
    text: str
    after: str

    def __str__(self) -> str:
        return self.before + self.text + self.after


def _plain(fragment: str) -> str:
    """Text of an HTML fragment with white space collapsed, keeping one space at either edge."""
    if "<" in fragment:
        fragment = _TAG.sub("", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    words = fragment.split()
    if not words:
        return " " if fragment else ""
    text = " ".join(words)
    if fragment[:1].isspace():
        text = " " + text
    if fragment[-1:].isspace():
        text += " "
    return text


def _without_hidden(chunk: str) -> str:
    """`chunk` with comments, scripts and styles blanked out: their text is not a block's."""
    return _HIDDEN.sub(" ", chunk) if "<!--" in chunk or "</" in chunk else chunk


def _html_before(content: str, start: int, window: int) -> str:
    """The HTML from the start of the link's block (or the window) up to the link."""
    low = max(0, start - window)
    chunk = _without_hidden(content[low:start])
    last = None
    for last in _BLOCK_TAG.finditer(chunk):
        pass
    if last is not None:
        return chunk[last.end() :]
    if low > 0:
        # The window may begin inside a tag: drop everything up to that tag's end.
        close, open_ = chunk.find(">"), chunk.find("<")
        if close != -1 and (open_ == -1 or close < open_):
            chunk = chunk[close + 1 :]
    return chunk


def _html_after(content: str, end: int, window: int) -> str:
    """The HTML from the link's end up to the end of its block (or the window)."""
    high = min(len(content), end + window)
    chunk = _without_hidden(content[end:high])
    found = _BLOCK_TAG.search(chunk)
    if found is not None:
        return chunk[: found.start()]
    if high < len(content):
        # The window may end inside a tag: drop that partial tag.
        open_, close = chunk.rfind("<"), chunk.rfind(">")
        if open_ > close:
            chunk = chunk[:open_]
    return chunk


def _trim_before(text: str, budget: int) -> str:
    """The end of `text`: from the start of the sentence holding its end, at most `budget` long."""
    sentence_start = 0
    for sentence_end in _SENTENCE_END.finditer(text.rstrip()):
        sentence_start = sentence_end.end()
    text = text[sentence_start:].lstrip()
    if len(text) <= budget:
        return text
    cut = text[len(text) - budget :]
    if not text[len(text) - budget - 1].isspace():
        # Keep whole words: start after the first space, unless the cut is one long word.
        space = cut.find(" ")
        cut = cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut
    return ELLIPSIS + cut.lstrip()


def _trim_after(text: str, budget: int) -> str:
    """The start of `text`: up to the end of the sentence holding its start, at most `budget`."""
    # A sentence ending right at the link ("...see [this]. Next") ends the snippet there.
    found = _SENTENCE_END.search(text)
    if found is not None:
        text = text[: found.end()].rstrip()
    else:
        text = text.rstrip()
    if len(text) <= budget:
        return text
    cut = text[:budget]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else cut
    return cut.rstrip() + ELLIPSIS


def snippet_at(content: str, start: int, end: int, text: str, length: int) -> Optional[Snippet]:
    """The snippet around the link spanning `content[start:end]`, whose text is `text`, with at
    most about `length` characters of context (split between both sides), or None if `length`
    is 0. Never raises on odd HTML: offsets outside the content give an empty context."""
    if length <= 0:
        return None
    # Enough HTML for `length` characters of text in a typical paragraph, however long the page.
    window = 4 * length + 256
    before = _trim_before(_plain(_html_before(content, start, window)), length // 2)
    after = _trim_after(_plain(_html_after(content, end, window)), length - len(before))
    return Snippet(before, text, after)
