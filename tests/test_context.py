"""Snippets around links, cut from rendered HTML: block limits, sentence and word trimming."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_backlinks.core.html import extract_anchors
from mkdocs_backlinks.core.snippets import _first_sentence_end, _last_sentence_end, snippet_at

LONG_BEFORE = " ".join(f"w{i}" for i in range(60))
LONG_AFTER = " ".join(f"v{i}" for i in range(60))

# (HTML with one link to "x/", snippet length, (before, text, after) expected)
CASES = [
    # The sentence holding the link, from the block holding it.
    (
        '<p>First one. Then see <a href="x/">the <em>X</em> page</a>, which helps. Last one.</p>',
        160,
        ("Then see ", "the X page", ", which helps."),
    ),
    ('<p>Intro.</p><p>Read <a href="x/">X</a> now</p><p>Next block.</p>', 160, ("Read ", "X", " now")),
    ('<p><a href="x/">X</a> opens the paragraph.</p>', 160, ("", "X", " opens the paragraph.")),
    ('<p>Closes it: <a href="x/">X</a></p>', 160, ("Closes it: ", "X", "")),
    ('<p>Ends a sentence <a href="x/">X</a>. The next one is left out.</p>', 160, ("Ends a sentence ", "X", ".")),
    ('<p>Asked? Then <a href="x/">X</a>! Done.</p>', 160, ("Then ", "X", "!")),
    ('<p>Use a theme, e.g. <a href="x/">X</a> by J. Doe. Or not.</p>', 160, ("Use a theme, e.g. ", "X", " by J. Doe.")),
    ('<p>He said "stop." Then <a href="x/">X</a>.</p>', 160, ("Then ", "X", ".")),
    # The last sentence end before the link, looked for from the back: initials, abbreviations
    # and numbers before it end nothing.
    ('<p>Written by A. B. Smith. See also J. <a href="x/">X</a> here</p>', 160, ("See also J. ", "X", " here")),
    ('<p>One. Version 1.2 and e.g. <a href="x/">X</a></p>', 160, ("Version 1.2 and e.g. ", "X", "")),
    ('<p>Really?! “Yes.” Then <a href="x/">X</a></p>', 160, ("Then ", "X", "")),
    # Lists, tables, headings and line breaks bound the block.
    ('<ul><li>One</li><li>See <a href="x/">X</a> here<ul><li>nested</li></ul></li></ul>', 160, ("See ", "X", " here")),
    ('<table><tr><td>cell one</td><td>in <a href="x/">X</a> cell</td></tr></table>', 160, ("in ", "X", " cell")),
    ('<h2 id="h">About <a href="x/">X</a> things</h2><p>body</p>', 160, ("About ", "X", " things")),
    ('<p>line one<br>line <a href="x/">X</a> two<br/>line three</p>', 160, ("line ", "X", " two")),
    # Markup stripped, entities decoded (the template escapes them again), white space collapsed.
    (
        '<p>Use <code>&lt;b&gt;</code> &amp;\n  <a href="x/">X</a> <strong>&quot;now&quot;</strong></p>',
        160,
        ("Use <b> & ", "X", ' "now"'),
    ),
    (
        '<p>Before<script>var a = "<p>";</script> <a href="x/">X</a><!-- <p> --> after</p>',
        160,
        ("Before ", "X", " after"),
    ),
    # Full-width sentence marks need no space after them.
    ('<p>最初の文。次に<a href="x/">X</a>を見る。最後。</p>', 160, ("次に", "X", "を見る。")),
    # Too long: trimmed at word boundaries with an ellipsis, the before side getting half.
    (
        f'<p>{LONG_BEFORE} <a href="x/">X</a> {LONG_AFTER}</p>',
        40,
        ("\u2026w55 w56 w57 w58 w59 ", "X", " v0 v1 v2 v3 v4 v5\u2026"),
    ),
    # A side shorter than its half leaves the rest to the other side.
    (f'<p>Short <a href="x/">X</a> {LONG_AFTER}</p>', 40, ("Short ", "X", " v0 v1 v2 v3 v4 v5 v6 v7 v8 v9\u2026")),
    # A single word longer than the budget is cut inside it rather than dropped.
    ("<p>" + "a" * 100 + ' <a href="x/">X</a></p>', 20, ("\u2026" + "a" * 9 + " ", "X", "")),
    # Far from any block tag, the window starts inside a tag: no markup leaks into the text.
    (
        '<p><span title="' + "t" * 2000 + '">' + "word " * 40 + '<a href="x/">X</a></span></p>',
        40,
        ("\u2026word word word word ", "X", ""),
    ),
]


@pytest.mark.parametrize("content, length, expected", CASES)
def test_snippets(content, length, expected):
    [anchor] = [a for a in extract_anchors(content) if a.href == "x/"]
    snippet = snippet_at(content, anchor.start, length)
    assert (snippet.before, snippet.text, snippet.after) == expected
    assert "<" not in snippet.before.replace("<b>", "") and ">" not in snippet.after


def test_no_snippet_when_length_is_zero():
    assert snippet_at('<p>a <a href="x/">X</a></p>', 5, 0) is None


@pytest.mark.parametrize("start", [0, -5, 3, 50, 10_000])
def test_odd_offsets_never_raise(start):
    # No link starts there: an empty snippet, whatever the offset.
    assert str(snippet_at("<p>tiny</p>", start, 80)) == ""


@pytest.mark.parametrize("cut_first", [False, True], ids=["first", "after-a-cut"])
def test_no_snippet_for_a_template_link(cut_first):
    """A link a listing shows through its template (start -1) has no snippet, even after another
    link of the same page was cut (the blog index: its own links, then its posts)."""
    from types import SimpleNamespace

    from mkdocs_backlinks.core.snippets import Snippets

    html = '<p>News from <a href="../">home</a>.</p>'
    snippets = Snippets({"blog/index.md": html}, 80)
    if cut_first:
        assert str(snippets(SimpleNamespace(source="blog/index.md", start=html.index("<a")))) == "News from home."
    assert snippets(SimpleNamespace(source="blog/index.md", start=-1)) is None


# The sentence ends, read plainly one character at a time: the reference the snippets' pattern is
# held to. A terminal mark ends a sentence when it is full-width, or when it is followed by
# closing quotes or brackets and then white space; a full stop not when it follows a one-letter
# word (an initial, "e.g.").
_FULL_WIDTH, _CLOSERS = "\u3002\uff01\uff1f", "\"')]\u201d\u2019"


def _ends(text: str) -> list:
    """(start, end) of every sentence end in `text`, in order of their starts."""
    found = []
    for at, mark in enumerate(text):
        if mark in _FULL_WIDTH:
            found.append((at, at + 1))
            continue
        if mark not in ".!?":
            continue
        if mark == "." and at >= 1 and (text[at - 1].isalnum() or text[at - 1] == "_"):
            before = text[at - 2] if at >= 2 else ""
            if before.isspace() or before == ".":
                continue  # a one-letter word's full stop
        end = at + 1
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if end < len(text) and text[end].isspace():
            found.append((at, end + 1))
    return found


_ALPHABET = "ab1_ .!?\"')]\u201d\u2019\u3002\uff01\uff1f\n\u00e9"


@given(st.text(alphabet=_ALPHABET, max_size=14))
@settings(max_examples=3000, deadline=None)
def test_sentence_ends_are_found_as_the_plain_reading_finds_them(text):
    ends = _ends(text)
    assert _first_sentence_end(text) == (ends[0][1] if ends else -1)
    assert _last_sentence_end(text) == (ends[-1][1] if ends else -1)
