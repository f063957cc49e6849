"""The one HTML layer (`core.html`): golden tables of how a page is read, each case decided once
for every view (links, plain text, prose, snippets, panels) and both front ends, with the
browser's reading (the HTML standard's tokenizer, scripting enabled)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from mkdocs_backlinks.core.html import (
    NOT_MARKUP,
    anchor_text,
    extract_anchors,
    find_panel,
    has_id,
    heading_text,
    page_content,
    parse_attributes,
    plain_text,
    without_panels,
)
from mkdocs_backlinks.core.html.prose import BLOCK, LINKED, read_prose
from mkdocs_backlinks.core.html.tokens import hidden_spans, raw_element
from mkdocs_backlinks.core.snippets import snippet_at

PACKAGE = Path(__file__).resolve().parents[2] / "mkdocs_backlinks"

# Each element whose content is not markup, inside a paragraph with a link after it:
# (element, what a reader sees of its content in the paragraph's text).
ELEMENTS = [
    ("script", ""),
    ("style", ""),
    ("iframe", ""),
    ("noembed", ""),
    ("noframes", ""),
    ("noscript", ""),  # raw text with scripting on: its link is no link
    ("textarea", ""),  # a control's value, not the page's text
    ("title", ""),
    ("template", ""),  # inert: its link is in no `document.links`
    ("xmp", 'hidden <a href="x/">in</a> &amp;'),  # shown as written, entities and all
]


@pytest.mark.parametrize("name, shown", ELEMENTS, ids=[e[0] for e in ELEMENTS])
def test_elements_holding_no_markup(name, shown):
    assert name in NOT_MARKUP
    html = f'<p>Before <{name} class="k">hidden <a href="x/">in</a> &amp;</{name}> after <a href="y/">y</a> end.</p>'
    anchors = extract_anchors(html)
    assert [a.href for a in anchors] == ["y/"]  # never the link inside
    expected = " ".join(f"Before {shown} after y end.".split())
    assert plain_text(html) == expected
    assert str(snippet_at(html, anchors[0].start, 200)) == expected
    prose = read_prose(html).text
    assert "hidden" not in prose and "in" not in prose.split()  # code or hidden: never prose
    assert [start for start, _end, found in hidden_spans(html) if found == name] == [html.index(f"<{name}")]


def test_every_element_of_the_list_is_in_the_table():
    assert {name for name, _shown in ELEMENTS} | {"plaintext"} == set(NOT_MARKUP)


def test_plaintext_runs_to_the_end():
    html = '<p>A <a href="a/">a</a></p><plaintext><a href="b/">b</a></plaintext> &amp;'
    assert [a.href for a in extract_anchors(html)] == ["a/"]
    assert plain_text(html) == 'A a<a href="b/">b</a></plaintext> &amp;'


# (HTML, its plain text): the readings that used to differ between the project's readers.
TEXT = [
    ("a < b <em>x</em>", "a < b x"),  # a `<` before a space opens no tag
    ("x <= 1 &lt; 2", "x <= 1 < 2"),
    ("if a<b then", "if a"),  # before a letter it does: a tag the text ends inside is dropped
    ("<!-- c --> kept", "kept"),
    ("<!-- unclosed <a href='c/'>x</a>", ""),
    ("<!--> empty --> shown", "empty --> shown"),  # `<!-->` is an empty comment
    ("<!-- a --!> b", "b"),
    ("<![CDATA[ a > b ]]>", "b ]]>"),  # a bogus comment in HTML content: it ends at the first `>`
    ("<!DOCTYPE html><?php x ?> t", "t"),
    ("</ x> t </> u", "t u"),
    ('<span title="a > b">t</span>', "t"),  # a `>` in a quoted value ends no tag
    ("<b>one</b>\n\n  two&nbsp;three", "one two three"),
    ("&unknown; &amp", "&unknown; &"),
    ("<SCRIPT>x</SCRIPT >y<Script type=z>w</script", "y"),
]


@pytest.mark.parametrize("html, expected", TEXT, ids=[c[0][:30] for c in TEXT])
def test_plain_text_table(html, expected):
    assert plain_text(html) == expected


def test_plain_text_keeps_edges_when_asked():
    assert plain_text(" a <b>b</b> ", edges=True) == " a b "
    assert plain_text("<b></b>  ", edges=True) == " "
    assert plain_text("", edges=True) == ""


# (HTML, links as (href, text)): one tokenizer for the graph and the text.
LINKS = [
    ("<template><a href='t/'>t</a></template><a href='a/'>a</a>", [("a/", "a")]),
    ("<noscript><a href='n/'>n</a></noscript><a href='a/'>a</a>", [("a/", "a")]),
    ("<textarea><a href='t/'>t</a></textarea>", []),
    ("<![CDATA[<a href='c/'>x</a>]]>", []),  # the bogus comment ends inside the tag
    ("<a href='a/'>a < b <textarea>no</textarea></a>", [("a/", "a < b")]),
    ("<a href='a/' title='x > y'>t</a>", [("a/", "t")]),
    ("<a <b href='a/'>stray</a>", [("a/", "stray")]),  # `<b` is an attribute name here
    ("<a href='a/'>open <a href='b/'>b</a >", [("a/", "open"), ("b/", "b")]),
    ("<a href='a/'", []),  # a tag the text ends inside is dropped
]


@pytest.mark.parametrize("html, expected", LINKS, ids=[c[0][:30] for c in LINKS])
def test_links_table(html, expected):
    assert [(a.href, anchor_text(html, a.start)) for a in extract_anchors(html)] == expected


ATTRIBUTES = [
    ('href="a" HREF="b"', {"href": "a"}),
    ("href=a/ class='x y'", {"href": "a/", "class": "x y"}),
    ('title="&lt;b&gt;" data-x', {"title": "<b>", "data-x": ""}),
    ("a'b=c", {"a'b": "c"}),
    ("", {}),
]


@pytest.mark.parametrize("text, expected", ATTRIBUTES, ids=[c[0] or "empty" for c in ATTRIBUTES])
def test_attributes_table(text, expected):
    assert parse_attributes(text) == expected


# Whether a page has an element with an id (the fragment of a link "did you mean" weighs):
# (HTML, id, found).
IDS = [
    ('<h2 id="zones">Zones</h2>', "zones", True),
    ("<h2 id='zones'>Zones</h2>", "zones", True),
    ("<h3 id=zones>Zones</h3>", "zones", True),
    ('<h2 ID="zones">Zones</h2>', "zones", True),
    ('<h2 id="caf&eacute;">Café</h2>', "café", True),
    ('<h2 data-id="zones">Zones</h2>', "zones", False),
    ('<h2 id="zones-2">Zones</h2>', "zones", False),
    ('<!-- <h2 id="zones"> -->', "zones", False),
    ('<script>x = \'<h2 id="zones">\'</script>', "zones", False),
    ('<textarea><h2 id="zones"></textarea>', "zones", False),
    ("<p>zones</p>", "zones", False),
    ('<h2 id="">Empty</h2>', "", False),
]  # fmt: skip


@pytest.mark.parametrize("html, element_id, expected", IDS, ids=[c[0] for c in IDS])
def test_has_id_table(html, element_id, expected):
    assert has_id(html, element_id) is expected


HEADINGS = [
    ('Install <a class="headerlink" href="#s">&para;</a>', "Install"),
    ('A <a class="x headerlink" href="#s">¶</a> B', "A B"),
    ('<a href="other/">Linked</a> title', "Linked title"),
    ('T <a class="headerlink" href="#t">¶', "T"),  # unclosed: to the end
]


@pytest.mark.parametrize("html, expected", HEADINGS, ids=[c[0][:30] for c in HEADINGS])
def test_heading_text_table(html, expected):
    assert heading_text(html) == expected


PLUGIN_PANEL = '<aside class="backlinks" aria-labelledby="backlinks-title"><h2 id="backlinks-title">P</h2><ul><li><a href="x/">X</a></li></ul></aside>'
COMMAND_PANEL = f"<!-- mkdocs-backlinks: panel -->{PLUGIN_PANEL}<!-- /mkdocs-backlinks: panel -->"

# (HTML, what remains once panels are taken out)
PANELS = [
    (f"<p>a</p>{PLUGIN_PANEL}<p>b</p>", "<p>a</p><p>b</p>"),
    (f"<p>a</p>\n{COMMAND_PANEL}\n", "<p>a</p>\n\n"),
    ('<div class="backlinks"><div>in</div></div>after', "after"),  # a theme's own template
    ('<aside class="note backlinks"><aside>x</aside></aside>!', "!"),
    ('<aside class="backlinks-like">kept</aside>', '<aside class="backlinks-like">kept</aside>'),
    ('<div class="doc-backlinks">kept here</div>', '<div class="doc-backlinks">kept here</div>'),
    ("<!-- <aside class='backlinks'> --><p>all kept</p>", "<!-- <aside class='backlinks'> --><p>all kept</p>"),
    ("<!-- <aside class=backlinks></aside> -->kept", "<!-- <aside class=backlinks></aside> -->kept"),
    ('<aside class="backlinks">never closed', '<aside class="backlinks">never closed'),
    (f"{PLUGIN_PANEL}<p>x</p>{PLUGIN_PANEL}", "<p>x</p>"),
    ("<p>backlinks everywhere, no panel</p>", "<p>backlinks everywhere, no panel</p>"),
]


@pytest.mark.parametrize("html, expected", PANELS, ids=[c[0][:40] for c in PANELS])
def test_panels_table(html, expected):
    assert without_panels(html) == expected


def test_a_command_panel_is_found_whole():
    html = f"<p>a</p>{COMMAND_PANEL}"
    assert find_panel(html) == (8, len(html))


# (HTML, the page's content as its author wrote it)
CONTENT = [
    (
        '<p>See <a href="a/">A</a>.</p><div class="doc doc-backlinks"><b>Used by:</b><ul><li><a href="g/">G</a></li></ul></div>',
        '<p>See <a href="a/">A</a>.</p>',
    ),
    ('<nav class="md-tags"><a href="tags/#x">x</a></nav><p>t</p>', "<p>t</p>"),
    (f"<p>t</p>{PLUGIN_PANEL}", "<p>t</p>"),
    ("<p>unchanged</p>", "<p>unchanged</p>"),
]


@pytest.mark.parametrize("html, expected", CONTENT, ids=[c[0][:40] for c in CONTENT])
def test_page_content_table(html, expected):
    assert page_content(html) == expected
    prose = read_prose(html).text
    assert "Used by" not in prose and "Pages" not in prose


def test_a_page_without_anything_to_take_out_is_the_same_string():
    html = "<p>plain</p>" * 3
    assert page_content(html) is html


def test_prose_reads_the_same_elements_as_links():
    prose = read_prose('<p>a < b <noscript>x</noscript> <a href="l/">link</a> c</p>')
    assert prose.text == f"{BLOCK}a < b  {LINKED} c{BLOCK}"


def test_title_read_whole():
    assert raw_element("<head><title>A &amp; <b>B</b></title></head>", "title") == "A &amp; <b>B</b>"
    assert raw_element("<p>no title</p>", "title") is None


def test_no_module_outside_the_layer_reads_html():
    """One reader of HTML: no module outside `core/html` compiles a pattern of tags, or parses
    attributes, text or panels of its own (modules reading Markdown sources are not readers of
    rendered pages)."""
    # Readers of Markdown sources, not of rendered pages: a listing directive
    # (`<!-- material/tags -->`), and the places in a source that findings point at.
    allowed = {"core/listings.py", "core/positions.py"}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("core/html/") or rel in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in (
                "compile",
                "sub",
                "search",
                "finditer",
            ):
                for arg in node.args[:1]:
                    for text in (n.value for n in ast.walk(arg) if isinstance(n, ast.Constant)):
                        assert not (isinstance(text, str) and re.search(r"(?<!\(\?)<[a-z/!(\[]", text)), (rel, text)
            if isinstance(node, ast.FunctionDef):
                assert node.name not in ("parse_attributes", "plain_text", "html_to_text", "without_panel_html"), rel


SNIPPETS = [
    # A block tag written inside another block tag's attribute value is no block tag.
    ('<p>One. Two</p><div title="<p>">three <a href="x/">link</a> after.</div>', "three link after."),
    ('<li>Item with <a href="x/">link</a></li><li>next</li>', "Item with link"),
    ("<p>Start <!-- <p> --> mid <a href='x/'>link</a> end</p>", "Start mid link end"),
    ("<div><p>No end <a href='x/'>link", "No end link"),
]


@pytest.mark.parametrize("html, expected", SNIPPETS, ids=[c[0][:30] for c in SNIPPETS])
def test_snippets_table(html, expected):
    start = extract_anchors(html)[0].start
    assert str(snippet_at(html, start, 160)) == expected
