"""The prose's words and headings: `word_sequence` finds exactly what `WORD` finds over the whole
text, whichever of its paths a text takes; `read_prose` keeps each heading's level."""

from __future__ import annotations

import random
import re

import pytest

from mkdocs_backlinks.core.prose import WORD, Heading, read_prose, word_sequence

FINDALL = re.compile(WORD).findall

# Each path of `word_sequence`, in turn.
CASES = [
    # ASCII punctuation only (the markers are ASCII): split.
    ("", []),
    ("a\x00b\x01c\x02d", ["a", "b", "c", "d"]),
    ("한국어 page", ["한국어", "page"]),
    # A few odd pieces (an underscore, a curly quote, a dash, a zero-width space): spliced in.
    ("the link-graph, (node.js) a1 _x", ["the", "link", "graph", "node", "js", "a1", "_x"]),
    (
        "’tis the link’s graph and more words here, one dash — at the end",
        ["tis", "the", "link", "s", "graph", "and", "more", "words", "here", "one", "dash", "at", "the", "end"],
    ),
    ("zero\u200bwidth\u00a0nbsp\u2028line ²½ ①x", ["zero", "width", "nbsp", "line", "²½", "①x"]),
    # Most pieces odd: the whole text through the expression.
    ("l’a d’é snake_case…", ["l", "a", "d", "é", "snake_case"]),
    ("the link’s graph — and “more” words", ["the", "link", "s", "graph", "and", "more", "words"]),
    # Unspaced scripts: each character a word.
    ("see 链接图 and ｱｲ", ["see", "链", "接", "图", "and", "ｱ", "ｲ"]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_word_sequence_cases(text, expected):
    assert word_sequence(text) == expected == FINDALL(text)


ODD = list("’‘“”—–…«»·§¶©•′\u00a0\u2009\u200b\u2028_é²½①→✓\U0001f600\ud800\u0301") + ["\x00", "\x01", "\x02"]
UNSPACED = list("链接图ひらカナｱ")
PLAIN = ["the", "link", "graph", "Node", "js", "x", "42", "page", "of"]
SEPARATORS = [" ", " ", " ", "", ", ", ". ", "-", "\n", "'", "(", ")"]


def generated(rng: random.Random) -> str:
    odd_rate = rng.choice([0.0, 0.01, 0.05, 0.2, 0.5, 1.0])
    unspaced = rng.random() < 0.1
    parts = []
    for _ in range(rng.randint(0, 60)):
        roll = rng.random()
        if roll < odd_rate:
            parts.append("".join(rng.choice(ODD + PLAIN) for _ in range(rng.randint(1, 3))))
        elif unspaced and roll < odd_rate + 0.1:
            parts.append(rng.choice(UNSPACED))
        elif roll > 0.99:
            parts.append(chr(rng.randrange(0x110000)))
        else:
            parts.append(rng.choice(PLAIN))
        parts.append(rng.choice(SEPARATORS))
    text = "".join(parts)
    return text.casefold() if rng.random() < 0.7 else text


def test_word_sequence_finds_what_the_expression_finds():
    rng = random.Random(20240611)
    for _ in range(5000):
        text = generated(rng)
        assert word_sequence(text) == FINDALL(text), repr(text)


def test_read_prose_keeps_heading_levels():
    prose = read_prose(
        '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1><p>One.</p>'
        '<H2 ID="s">Sec</H2><p>Two.</p><h6>Deep</h6><h3 id="u">Un<b>closed'
    )
    assert prose.headings == (
        Heading(1, "t", "Title"),
        Heading(2, "s", "Sec"),
        Heading(6, "", "Deep"),
        Heading(3, "u", "Unclosed"),
    )
