"""The prose of a page: the text a reader reads as sentences, cut from its rendered HTML, as words.

Link text, code, headings, admonition titles, tab labels, `<summary>`, scripts, comments and the
plugin's own panel are not prose: a name written there is not a place to add a link. They are
replaced by marker characters so that no phrase is read across them, and so that the text around
a word (its section, its sentence) can still be found:

- `LINKED` stands for an inline element left out (`<a>`, `<code>`, `<kbd>`, `<samp>`); the
  element itself is kept in `Prose.inline` to show in snippets;
- `HEADING` stands for a heading (kept in `Prose.headings`): it starts a section and a block;
- `BLOCK` ends a block of text (a paragraph, list item, table cell, a block left out...).

The work is a few regular expression passes over the whole page (no per-tag Python loop), so
reading the prose of a 600-word page costs a fraction of a millisecond. Odd HTML never raises:
an element left unclosed runs to the end of the content (a link: to the next link), as in a
browser.

Words: a run of letters, digits and `_` (Unicode-aware), except in scripts written without spaces
(Chinese, Japanese kana), where each character is a word so that a name can be found inside a
run of them. Words are compared case-folded (`str.casefold`), on NFC-normalised text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from itertools import filterfalse, islice
from typing import List, NamedTuple, Optional, Tuple

LINKED = "\x00"
HEADING = "\x01"
BLOCK = "\x02"
MARKERS = LINKED + HEADING + BLOCK
# Not white space for `str.split`, never in HTML text (control characters are dropped first).
_CONTROLS = re.compile(r"[\x00-\x02]")

# Han, kana, and the half-width kana: scripts written without spaces between words.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
WORD = rf"[{UNSPACED}]|[^\W{UNSPACED}]+"
_WORD = re.compile(WORD)
_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
_UNSPACED_RUN_CHARS = _UNSPACED_CHAR
# Every ASCII byte that is not part of a word, as a space (UTF-8 bytes of other characters are
# all above 0x7f, so the table never touches them).
_ASCII_GAPS = bytes(byte if chr(byte).isalnum() or byte == 0x5F or byte > 0x7F else 0x20 for byte in range(256))
# Names are cut into runs of unspaced characters and runs of other word characters.
_NAME_SPLIT = re.compile(f"([{UNSPACED}]+|[^\\W{UNSPACED}]+)")

# One alternative per kind of element left out. Each ends with an empty named group, so that
# `match.lastgroup` names the kind without testing groups one by one.
_LEFT_OUT = re.compile(
    r"""<(?:
      !--.*?(?:-->|\Z)(?P<gone>)
    | (?P<raw>script|style|template|textarea|noscript|svg|math)(?=[\s/>])[^>]*>.*?(?:</(?P=raw)\s*>|\Z)(?P<gone_raw>)
    | (?P<h>h[1-6])(?=[\s/>])(?P<hattrs>[^>]*)>(?P<htext>.*?)(?:</(?P=h)\s*>|\Z)(?P<heading>)
    | a(?=[\s/>])[^>]*>.*?(?:</a\s*>|(?=<a[\s/>])|\Z)(?P<linked>)
    | (?P<inline>code|kbd|samp)(?=[\s/>])[^>]*>.*?(?:</(?P=inline)\s*>|\Z)(?P<linked_code>)
    | (?P<blk>pre|summary|label|button)(?=[\s/>])[^>]*>.*?(?:</(?P=blk)\s*>|\Z)(?P<block>)
    | p(?=\s)[^>]*\badmonition-title\b[^>]*>.*?(?:</p\s*>|\Z)(?P<block_title>)
    )""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_KIND_MARKER = {
    "gone": "",
    "gone_raw": "",
    "linked": LINKED,
    "linked_code": LINKED,
    "block": BLOCK,
    "block_title": BLOCK,
}
# The plugin's panel (`<aside class="backlinks">`, or a `<div>` in a theme's own template) in
# HTML that already has it, e.g. a built site read after the build.
_PANEL_START = re.compile(r"""<(aside|div)\s[^>]*?\bclass=["']?backlinks(?=[\s"'>])[^>]*>""", re.IGNORECASE)
_PANEL_TAG = re.compile(r"<(/?)(aside|div)(?=[\s/>])[^>]*>", re.IGNORECASE)

# Tags that start or end a block of text: prose never runs across them.
_BLOCK_TAG = re.compile(
    r"</?(?:p|li|dd|dt|td|th|tr|div|blockquote|table|thead|tbody|tfoot|caption|ul|ol|dl|section"
    r"|article|aside|details|figure|figcaption|header|footer|nav|main|form|fieldset|legend"
    r"|br|hr|img|input|select|option|video|audio|iframe|object)(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*(?:>|\Z)")
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))""", re.IGNORECASE)
# The "¶" permalink the toc extension appends to headings is not part of their text.
_HEADERLINK = re.compile(r"""<a\s[^>]*\bheaderlink\b[^>]*>.*?(?:</a\s*>|\Z)""", re.IGNORECASE | re.DOTALL)


class Heading(NamedTuple):
    """A heading of the page: its level (1-6), `id` attribute ("" when it has none) and plain
    text, as `extract.Heading` has them for links."""

    level: int
    id: str
    text: str


class Prose(NamedTuple):
    """A page's prose (see the module's docstring): `text` with the markers, the `headings` in
    order (the k-th `HEADING` in `text` is `headings[k]`), and the `inline` elements left out,
    as HTML (the k-th `LINKED` in `text` is `inline[k]`)."""

    text: str
    headings: Tuple[Heading, ...]
    inline: Tuple[str, ...]


def plain_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, white space collapsed."""
    if "<" in fragment:
        fragment = _TAG.sub("", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    return " ".join(fragment.split())


def _without_panel(content: str) -> str:
    """`content` with the plugin's panel cut out (its elements are counted, as they may nest)."""
    while True:
        start = _PANEL_START.search(content)
        if start is None:
            return content
        name, depth, end = start.group(1).lower(), 1, len(content)
        for tag in _PANEL_TAG.finditer(content, start.end()):
            if tag.group(2).lower() != name:
                continue
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        content = content[: start.start()] + BLOCK + content[end:]


def read_prose(content: str) -> Prose:
    """The prose of the rendered page content `content` (see the module's docstring)."""
    if _CONTROLS.search(content):
        content = _CONTROLS.sub("", content)
    if "backlinks" in content:
        content = _without_panel(content)
    headings: List[Heading] = []
    inline: List[str] = []

    def left_out(match: "re.Match[str]") -> str:
        kind = match.lastgroup
        if kind == "heading":
            found = _ID.search(match.group("hattrs"))
            heading_id = html.unescape(next(g for g in found.groups() if g is not None)) if found else ""
            text = match.group("htext")
            if "headerlink" in text:
                text = _HEADERLINK.sub("", text)
            headings.append(Heading(int(match.group("h")[1]), heading_id, plain_text(text)))
            return HEADING
        marker = _KIND_MARKER[kind]  # type: ignore[index]
        if marker == LINKED:
            inline.append(match.group())
        return marker

    text = _LEFT_OUT.sub(left_out, content) if "<" in content else content
    text = _BLOCK_TAG.sub(BLOCK, text)
    text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
        if _CONTROLS.search(text):  # `&#1;` and the like: not markers
            text = _CONTROLS.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return Prose(text, tuple(headings), tuple(inline))


def is_unspaced(char: str) -> bool:
    """Whether `char` belongs to a script written without spaces (Chinese, Japanese kana)."""
    return _UNSPACED_CHAR.match(char) is not None


def is_word_char(char: str) -> bool:
    """Whether `char` is part of a word (`\\w` in a regular expression)."""
    return char.isalnum() or char == "_"


def word_sequence(folded: str) -> List[str]:
    """The words of `folded` (folded text) in order, exactly as `WORD.findall` finds them, but
    quickly: ASCII punctuation becomes space (a byte table, in C), white space splits the text
    (in C), and only the odd pieces, left with characters such as a curly quote, a dash or `_`,
    go through the regular expression. Splitting at characters that are never part of a word
    cuts no word, so the pieces' words are the text's.

    Why piece by piece: typographic punctuation ("smarty" quotes, dashes) is in most pages, and
    one such character used to send the whole page through the expression. Measured on a
    600-word page: 57 µs split, 77 µs with a few odd pieces spliced in, 160 µs through the
    expression. Text with unspaced scripts goes through the expression whole (each of their
    characters is a word), and so does text with many odd pieces, where it is the quicker."""
    if _UNSPACED_CHAR.search(folded):
        return _WORD.findall(folded)
    spaced = folded.encode("utf-8", "surrogatepass").translate(_ASCII_GAPS).decode("utf-8", "surrogatepass")
    pieces = spaced.split()
    # Past one odd piece in four, piece by piece costs more than the whole text at once: stop
    # counting there.
    most = len(pieces) // 4
    odd = list(islice(filterfalse(str.isalnum, pieces), most + 1))
    if not odd:
        return pieces
    if len(odd) > most:
        return _WORD.findall(folded)
    words: List[str] = []
    start = 0
    for piece in odd:
        # Found from `start`, an equal piece is this one: one before it would be as odd, and passed.
        at = pieces.index(piece, start)
        words += pieces[start:at]
        words += _WORD.findall(piece)
        start = at + 1
    words += pieces[start:]
    return words


def name_words(name: str) -> Tuple[List[str], List[str]]:
    """A name (a title, an alias) as folded words and the separators between them (see
    `separator_key`); a run of unspaced characters is one word here, found as a substring."""
    name = unicodedata.normalize("NFC", _CONTROLS.sub("", name)).casefold()
    parts = _NAME_SPLIT.split(name)
    return parts[1::2], [separator_key(between) for between in parts[2:-1:2]]


# Hyphens join a compound ("link-graph"); inside a name they read like a space.
HYPHENS = frozenset("-\u2010\u2011")
_APOSTROPHES = str.maketrans("\u2019\u02bc", "''")


def separator_key(between: str) -> str:
    """What lies between two words, as compared inside a name: white space, a hyphen and
    nothing all read as " "; anything else (punctuation, a marker) must be written the same
    (curly and straight apostrophes are the same)."""
    squeezed = "".join(between.split()) if between else ""
    if not squeezed or squeezed in HYPHENS:
        return " "
    return squeezed.translate(_APOSTROPHES)


def unspaced_length(text: str) -> int:
    """The length of a name for `min_length`, a character of an unspaced script (Chinese,
    Japanese) counting as two: a two-character Chinese title carries as much as a four-letter
    English one."""
    return len(text) + len(_UNSPACED_RUN_CHARS.findall(text))


def heading_before(prose: Prose, position: int) -> Optional[Heading]:
    """The heading the text at `position` of `prose.text` sits under, None above the first."""
    index = prose.text.count(HEADING, 0, position)
    return prose.headings[index - 1] if index else None


_EXPANDING: List[Optional["re.Pattern[str]"]] = [None]


def _expanding() -> "re.Pattern[str]":
    """The characters that case-fold to more than one (German ß to ss, ligatures...): 104, all
    in the Basic Multilingual Plane; listed on first need."""
    if _EXPANDING[0] is None:
        chars = "".join(chr(code) for code in range(0x10000) if len(chr(code).casefold()) > 1)
        _EXPANDING[0] = re.compile("[" + re.escape(chars) + "]")
    return _EXPANDING[0]  # type: ignore[return-value]


class Folded:
    """`text` case-folded, with a way back from a position in the folded text to the text as
    written (`casefold` can make a character longer: "ß" becomes "ss")."""

    __slots__ = ("folded", "_starts", "_marks")

    def __init__(self, text: str) -> None:
        self.folded = text.casefold()
        # For each character that grew: where its folding starts and ends in the folded text,
        # its position in `text`, and how much longer the folded text is after it.
        self._starts: List[int] = []
        self._marks: List[Tuple[int, int, int]] = []
        if len(self.folded) != len(text):
            grown = 0
            for match in _expanding().finditer(text):
                size = len(match.group().casefold())
                start = match.start() + grown
                grown += size - 1
                self._starts.append(start)
                self._marks.append((start + size, match.start(), grown))

    def original(self, position: int) -> int:
        """The position in the text as written of `position` in the folded text (a position
        inside a character's folding goes to that character)."""
        index = bisect_left(self._starts, position) - 1
        if index < 0:
            return position
        end, written, grown = self._marks[index]
        return written if position < end else position - grown
