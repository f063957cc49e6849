"""Where a link sits: the plain-text snippet around it, cut from the page's rendered HTML.

Works on the HTML string and the offset where a link starts (from `extract.Anchor`), looking at a
bounded window on each side so its cost does not grow with the page: the snippet stays inside the
link's block (paragraph, list item, table cell, heading...), is trimmed to the sentence holding
the link, and when that is still too long, at a word boundary marked with an ellipsis. What a
reader does not see (comments, the elements holding no markup), the block tags and the text are
the HTML layer's (`core.html`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Dict, NamedTuple, Optional, Protocol

from mkdocs_backlinks.core.html.links import read_anchor
from mkdocs_backlinks.core.html.text import plain_text
from mkdocs_backlinks.core.html.tokens import SHOWN_RAW_TEXT, hidden_spans, tag_pattern

ELLIPSIS = "\u2026"

# Tags that start or end a block of text: a snippet never crosses them.
_BLOCK_TAG = tag_pattern(
    "p li dd dt td th tr h1 h2 h3 h4 h5 h6 div blockquote pre table thead tbody ul ol dl section article aside "
    "details summary figure figcaption header footer nav main form fieldset br hr".split()
)
_LAST_BLOCK_TAG = re.compile("(?s:.*)(" + _BLOCK_TAG.pattern + ")")
# The end of a sentence: terminal punctuation (with closing quotes or brackets) then white space,
# or a full-width terminal mark, which needs no space after it. A full stop after a one-letter
# word is an abbreviation or an initial ("e.g. this", "J. Doe"), not an end. The pattern starts
# with the terminal marks as one class, which the regex engine looks for before trying the rest:
# the first end in a snippet's text after its link is found in 0.5 µs, against 12 µs for the same
# ends written as alternatives (tried at every character), and the last one before the link,
# from the back, in 0.3-0.7 µs (docs-like pages' texts).
_SENTENCE_END_PATTERN = (
    r"[.!?\u3002\uff01\uff1f]"
    # a full stop not after a one-letter word; the other marks anywhere
    r"(?:(?<=[!?\u3002\uff01\uff1f])|(?<![\s.]\w\.))"
    # a full-width mark ends there; the others take closing quotes or brackets, then white space
    r"(?:(?<=[\u3002\uff01\uff1f])|[\"'\u201d\u2019)\]]*\s)"
)
_SENTENCE_END = re.compile(_SENTENCE_END_PATTERN)
_LAST_SENTENCE_END = re.compile("(?s:.*)" + _SENTENCE_END_PATTERN)


def _first_sentence_end(text: str) -> int:
    """Where the first sentence end in `text` ends; -1 if there is none."""
    found = _SENTENCE_END.search(text)
    return found.end() if found is not None else -1


def _last_sentence_end(text: str) -> int:
    """Where the sentence end that starts last in `text` ends; -1 if there is none."""
    found = _LAST_SENTENCE_END.match(text)
    return found.end() if found is not None else -1


class Snippet(NamedTuple):
    """The text around one link, as plain text: `before` + `text` (the link's own) + `after`.

    Escape each part when writing HTML. A part cut short starts or ends with an ellipsis.
    """

    before: str
    text: str
    after: str

    def __str__(self) -> str:
        return self.before + self.text + self.after


class SnippetCutter:
    """Cuts the snippets of one page's links, each from a short window of HTML on either side of
    the link, so a snippet costs the same on a short page and on a long one."""

    __slots__ = ("_hidden", "_hidden_starts", "_tags_only", "content", "length", "window")

    def __init__(self, content: str, length: int) -> None:
        # What a reader does not see (comments, scripts...) is blanked out of each window as it
        # is cut (not out of a copy of the page: a cutter is kept for every page that links to a
        # panel).
        spans = tuple(hidden_spans(content))
        self._hidden = tuple((start, end) for start, end, name in spans if name not in SHOWN_RAW_TEXT)
        # Without `<xmp>` or `<plaintext>` (shown as written), a window holds tags and text only.
        self._tags_only = len(self._hidden) == len(spans)
        self._hidden_starts = tuple(start for start, _end in self._hidden)
        self.content = content
        self.length = length
        # Enough HTML for `length` characters of text in a typical paragraph (markup included),
        # however long the block: the cost per link stays flat.
        self.window = 2 * length + 64

    def _in_hidden(self, position: int) -> bool:
        index = bisect_right(self._hidden_starts, position) - 1
        return index >= 0 and position < self._hidden[index][1]

    def _cut(self, low: int, high: int) -> str:
        """`content[low:high]` with what readers don't see (comments, scripts) blanked out."""
        chunk = self.content[low:high]
        if not self._hidden:
            return chunk
        # The spans that may overlap: from the last one starting before `low` (spans are in order).
        first = max(bisect_right(self._hidden_starts, low) - 1, 0)
        for start, end in self._hidden[first:]:
            if start >= high:
                break
            if end > low:
                a, b = max(start, low) - low, min(end, high) - low
                chunk = chunk[:a] + " " * (b - a) + chunk[b:]
        return chunk

    def _html_before(self, start: int) -> str:
        """The HTML from the start of the link's block (or the window) up to the link."""
        low = max(start - self.window, 0)
        block_start = -1
        content = self.content
        last = _LAST_BLOCK_TAG.match(content, low, start)
        at = last.start(1) if last is not None else -1
        if (
            last is not None
            and content.rfind("<", low, at) <= content.rfind(">", low, at)
            and not (self._hidden and self._in_hidden(at))
        ):
            # The last block tag of the window, found from its end in C rather than by a loop over
            # all of them; it stands in no other tag's attribute value (no `<` left open before it)
            # and in no comment. On the docs-like site's pages: 455-477 µs a page for every
            # link's snippet, 491-525 with the loop.
            block_start = last.end()
        elif last is not None:
            for tag in _BLOCK_TAG.finditer(content, low, start):
                if not (self._hidden and self._in_hidden(tag.start())):  # no block inside a comment
                    block_start = tag.end()
        if block_start >= 0:
            return self._cut(block_start, start)
        chunk = self._cut(low, start)
        if low > 0:
            # The window may begin inside a tag: drop everything up to that tag's end.
            close, open_ = chunk.find(">"), chunk.find("<")
            if close != -1 and (open_ == -1 or close < open_):
                chunk = chunk[close + 1 :]
        return chunk

    def _html_after(self, end: int) -> str:
        """The HTML from the link's end up to the end of its block (or the window)."""
        high = min(end + self.window, len(self.content))
        for tag in _BLOCK_TAG.finditer(self.content, end, high):
            if not (self._hidden and self._in_hidden(tag.start())):
                return self._cut(end, tag.start())
        chunk = self._cut(end, high)
        if high < len(self.content):
            # The window may end inside a tag: drop that partial tag.
            open_, close = chunk.rfind("<"), chunk.rfind(">")
            if open_ > close:
                chunk = chunk[:open_]
        return chunk

    def at(self, start: int) -> Snippet:
        """The snippet around the link whose start tag is at `content[start]`."""
        if not 0 <= start < len(self.content):
            return Snippet("", "", "")
        text, end = read_anchor(self.content, start)
        if end == start:
            return Snippet("", "", "")  # no link starts there
        # The windows hold no comment or hidden element: they were blanked out as they were cut.
        tags_only = self._tags_only
        before = trim_before(plain_text(self._html_before(start), True, tags_only), self.length // 2)
        after = trim_after(plain_text(self._html_after(end), True, tags_only), self.length - len(before))
        return Snippet(before, text, after)


def trim_before(text: str, budget: int) -> str:
    """The end of `text`: from the start of the sentence holding its end, at most `budget` long."""
    done = _last_sentence_end(text.rstrip())
    text = (text[done:] if done >= 0 else text).lstrip()
    if len(text) <= budget:
        return text
    cut = text[len(text) - budget :]
    if not text[len(text) - budget - 1].isspace():
        # Keep whole words: start after the first space, unless the cut is one long word.
        space = cut.find(" ")
        cut = cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut
    return ELLIPSIS + cut.lstrip()


def trim_after(text: str, budget: int) -> str:
    """The start of `text`: up to the end of the sentence holding its start, at most `budget`."""
    # A sentence ending right at the link ("...see [this]. Next") ends the snippet there.
    done = _first_sentence_end(text)
    text = (text[:done] if done >= 0 else text).rstrip()
    if len(text) <= budget:
        return text
    cut = text[:budget]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else cut
    return cut.rstrip() + ELLIPSIS


def snippet_at(content: str, start: int, length: int) -> Optional[Snippet]:
    """The snippet around the link whose start tag is at `content[start]` (see `SnippetCutter`),
    with at most about `length` characters of context split between both sides, or None if
    `length` is 0. Never raises on odd HTML."""
    return SnippetCutter(content, length).at(start) if length > 0 else None


class LinkPlace(Protocol):
    """Where a link is: its source page, and the offset of its start tag in that page's HTML."""

    @property
    def source(self) -> str: ...

    @property
    def start(self) -> int: ...


class Snippets:
    """Snippets cut on demand, as panels are rendered: `snippets(link)` is the text around
    `link` (anything with `source` and `start`) in its source page's HTML, from `contents`."""

    def __init__(self, contents: Dict[str, str], length: int) -> None:
        # Shared with the link graph, not copied: both read the same strings.
        self.contents = contents
        self.length = length
        self._cutters: Dict[str, SnippetCutter] = {}

    def content_grew(self, source: str, old: str, new: str) -> None:
        """The page's HTML `old` was replaced by `new`, which only adds to its end (the panel
        marker): keep `new`, so that `old` is not held in memory beside it."""
        if self.contents.get(source) is old:
            self.contents[source] = new
            cutter = self._cutters.get(source)
            if cutter is not None and cutter.content is old:
                cutter.content = new

    def __call__(self, link: LinkPlace) -> Optional[Snippet]:
        # A link with no place in the HTML (one a listing shows through its template) has no
        # text around it, whether or not the page's other links were cut already.
        if self.length <= 0 or link.start < 0:
            return None
        cutter = self._cutters.get(link.source)
        if cutter is None:
            content = self.contents.get(link.source)
            if content is None:
                return None
            cutter = self._cutters[link.source] = SnippetCutter(content, self.length)
        return cutter.at(link.start)
