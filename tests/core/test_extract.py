"""Link extraction from rendered HTML: what counts as a link, its text, and its heading."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.html import Heading, anchor_extent, anchor_text, extract_anchors, plain_text

# (HTML, [(href, text)] expected in order)
CASES = [
    ('<p><a href="a/">A</a></p>', [("a/", "A")]),
    ("<A HREF='a/'>Upper</A>", [("a/", "Upper")]),
    ("<a href=a/ class=x>Unquoted</a>", [("a/", "Unquoted")]),
    ('<a title="x > y" href="a/">Angle in a value</a>', [("a/", "Angle in a value")]),
    ('<a title=it\'s href="a/">Stray quote</a>', [("a/", "Stray quote")]),
    ('<a href="a/"><em>Nested</em> <code>&lt;b&gt;</code></a>', [("a/", "Nested <b>")]),
    ('<a href="a/?x=1&amp;y=2">Entity in href</a>', [("a/?x=1&y=2", "Entity in href")]),
    ('<a href="&#109;&#97;ilto:x@y.z">mail</a>', [("mailto:x@y.z", "mail")]),
    ("<a name=top></a><a id=x>no href</a>", []),
    ('<a href="">empty</a>', [("", "empty")]),
    ("<a href>bare</a>", [("", "bare")]),
    ("<!-- <a href='c/'>commented</a> -->", []),
    ("<!-- unclosed comment <a href='c/'>x</a>", []),
    ("<script>var s = '<a href=\"s/\">x</a>';</script><a href='b/'>b</a>", [("b/", "b")]),
    ("<style>a[href='x']{}</style>", []),
    ("<![CDATA[<a href='c/'>x</a>]]>", []),
    ('<pre><code>&lt;a href="c/"&gt;x&lt;/a&gt;</code></pre>', []),
    # Nested links: a new <a> ends the open one, as in a browser.
    ('<a href="a/">one <a href="b/">two</a> after</a>', [("a/", "one"), ("b/", "two")]),
    # Unclosed link: ends with the content.
    ('<a href="a/">never closed', [("a/", "never closed")]),
    ('<a href="a/"', []),
    ("<abbr href='x'>not a link</abbr><area href='y'><article href='z'>", []),
    ("<a\nhref='a/'\n>multi-line tag</a>", [("a/", "multi-line tag")]),
    ("<a href='a/' href='b/'>first wins</a>", [("a/", "first wins")]),
    ("<a/href='a/'>slash</a>", [("a/", "slash")]),  # a browser reads '/' as a space here
    ("<a href='x\u0000y'>nul</a>", [("x\u0000y", "nul")]),
    ("", []),
    ("<<<a>>><a href='a/'>&unknown; &amp</a>", [("a/", "&unknown; &")]),
]


@pytest.mark.parametrize("html, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_extraction_table(html, expected):
    assert [(a.href, anchor_text(html, a.start)) for a in extract_anchors(html)] == expected


# (HTML, [(href, heading as (level, id, text) or None, classes, rel)] of each link in order)
HEADINGS = [
    ('<p><a href="a/">before any heading</a></p>', [("a/", None, (), ())]),
    ('<h2 id="s">Install</h2><p><a href="a/">A</a></p>', [("a/", (2, "s", "Install"), (), ())]),
    # The permalink the toc extension appends is not part of the title (but is a link).
    ('<h2 id="s">Install <a class="headerlink" href="#s" title="Permanent link">&para;</a></h2><a href="a/">A</a>',
     [("#s", (2, "s", "Install"), ("headerlink",), ()), ("a/", (2, "s", "Install"), (), ())]),
    # A link inside a heading belongs to it, and its text is part of the title.
    ('<h3 id="d">Deep &amp; <code>&lt;b&gt;</code> <a href="in/">linked</a></h3>',
     [("in/", (3, "d", "Deep & <b> linked"), (), ())]),
    ("<h2>No id</h2><a href='a/'>A</a>", [("a/", (2, "", "No id"), (), ())]),
    ('<H4 ID="up">Upper</H4><a href="a/">A</a>', [("a/", (4, "up", "Upper"), (), ())]),
    # The most recent heading counts, whatever its level.
    ('<h2 id="a">A</h2><h5 id="e">E</h5><a href="x/">x</a><h1 id="t">T</h1><a href="y/">y</a>',
     [("x/", (5, "e", "E"), (), ()), ("y/", (1, "t", "T"), (), ())]),
    # An unclosed heading runs to the end of the content.
    ('<h2 id="h">Open <a href="a/">A</a> and on', [("a/", (2, "h", "Open A and on"), (), ())]),
    # A heading left open ends where the next heading starts (a browser closes it there), and
    # the links inside it take its text up to there.
    ('<h2 id="o">Open <a href="a/">A</a><h3 id="n">Next</h3><a href="b/">B</a>',
     [("a/", (2, "o", "Open A"), (), ()), ("b/", (3, "n", "Next"), (), ())]),
    # Links after an end tag of another level still sit in the open heading.
    ('<h2 id="o">Open</h3><a href="a/">A</a></h2><a href="b/">B</a>',
     [("a/", (2, "o", "OpenA"), (), ()), ("b/", (2, "o", "OpenA"), (), ())]),
    # Headings inside comments and raw text are not headings.
    ('<h2 id="s">S</h2><!-- <h2 id="c">C</h2> --><a href="a/">A</a>', [("a/", (2, "s", "S"), (), ())]),
    ('<a href="y/" rel="nofollow UGC" class="a  b">Y</a>', [("y/", None, ("a", "b"), ("nofollow", "ugc"))]),
]  # fmt: skip


@pytest.mark.parametrize("html, expected", HEADINGS, ids=[c[0][:40] for c in HEADINGS])
def test_headings_and_attributes_table(html, expected):
    found = [(a.href, tuple(a.heading) if a.heading else None, a.classes, a.rel) for a in extract_anchors(html)]
    assert found == expected


def test_links_know_their_heading_and_offsets():
    content = (
        '<p><a href="intro/">before any heading</a></p>\n'
        '<h2 id="install">Install <a class="headerlink" href="#install" title="Permanent link">&para;</a></h2>\n'
        '<p>See <a href="x/">X</a>.</p>\n'
        '<h3 id="deep">Deep &amp; <code>&lt;b&gt;</code> <a href="in-heading/">linked</a></h3>\n'
        '<p><a href="y/" rel="nofollow UGC" class="a b">Y</a></p>'
    )
    anchors = extract_anchors(content)
    assert [a.href for a in anchors] == ["intro/", "#install", "x/", "in-heading/", "y/"]
    assert anchors[0].heading is None
    assert anchors[1].classes == ("headerlink",)
    assert anchors[2].heading == Heading(2, "install", "Install")
    assert anchors[3].heading == Heading(3, "deep", "Deep & <b> linked")
    assert anchors[4].heading == Heading(3, "deep", "Deep & <b> linked")
    assert anchors[4].rel == ("nofollow", "ugc")
    assert anchors[4].classes == ("a", "b")
    x = anchors[2]
    text_start, text_end, end = anchor_extent(content, x.start)
    assert content[x.start : end] == '<a href="x/">X</a>'
    assert content[text_start:text_end] == "X"


def test_plain_text():
    assert plain_text("  <b>Tom</b> &amp;\n <i>Jerry</i> ") == "Tom & Jerry"
    assert plain_text("a &lt;script&gt;") == "a <script>"
