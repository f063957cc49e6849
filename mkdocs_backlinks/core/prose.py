"""Words of a page's prose: how a name is cut into words, compared and found again in text.

The prose itself (the text a reader reads as sentences, with markers where links, code,
headings and blocks were) is read by the HTML layer, `core.html.prose`; it is re-exported here
with the one plain-text function and `Heading`, as the mention and related-page code uses them.

Words: a run of letters, digits and `_` (Unicode-aware), except in scripts written without spaces
(Chinese, Japanese kana), where each character is a word so that a name can be found inside a
run of them. Words are compared case-folded (`str.casefold`), on NFC-normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from itertools import filterfalse, islice
from typing import List, Optional, Tuple

from mkdocs_backlinks.core.html.prose import BLOCK, HEADING, LINKED, MARKERS, Prose, read_prose
from mkdocs_backlinks.core.html.prose import CONTROLS as _CONTROLS
from mkdocs_backlinks.core.html.text import Heading, plain_text

__all__ = [
    "BLOCK",
    "HEADING",
    "HYPHENS",
    "LINKED",
    "MARKERS",
    "UNSPACED",
    "WORD",
    "Folded",
    "Heading",
    "Prose",
    "heading_before",
    "is_unspaced",
    "is_word_char",
    "name_words",
    "plain_text",
    "read_prose",
    "separator_key",
    "unspaced_length",
    "word_sequence",
]

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
