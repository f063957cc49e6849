"""Unlinked mentions: planted mentions are found, decoys are not (one golden table), plus the
options around it (exemptions, generic titles, too common titles, snippets, determinism)."""

from __future__ import annotations

import unicodedata

import pytest

from mkdocs_backlinks.core.mentions import MentionPage, find_mentions
from mkdocs_backlinks.core.prose import Folded, read_prose

# The pages a source page may mention: (id, title, aliases, enabled).
TARGETS = [
    ("sets.md", "Sets", (), True),
    ("graph.md", "Link graph", (), True),
    ("export.md", "Link graph export", (), True),
    ("cache.md", "Überblick über Caché", ("Caché internals",), True),
    ("cjk.md", "链接图", (), True),
    ("plugins.md", "Plugins", ("plugin system",), True),
    ("node.md", "Node.js", (), True),
    ("strasse.md", "Straße", (), True),
    ("linked.md", "Linked target", (), True),
    ("home.md", "Home", (), True),
    ("overview.md", "Overview", (), True),
    ("go.md", "Go", (), True),
    ("twin-a.md", "Twin page", (), True),
    ("twin-b.md", "Twin page", (), True),
    ("quiet.md", "Quiet page", (), False),
    ("exempt/page.md", "Exempt page", (), True),
    ("common.md", "Everywhere title", (), True),
]
# Pages that write "everywhere title": a title found on too many pages is a word, not a name.
FILLERS = [MentionPage(f"filler{i}.md", f"Filler number {i}", "<p>The everywhere title again.</p>") for i in range(8)]
SOURCE = "src.md"
LINKS = {SOURCE: {"linked.md"}}


def site(content: str):
    pages = [MentionPage(SOURCE, "Source page", content)]
    pages += [
        MentionPage(page, title, "<p>Nothing here.</p>", aliases, enabled) for page, title, aliases, enabled in TARGETS
    ]
    return pages + FILLERS


def mentions_in(content: str, **options):
    options.setdefault("exempt", lambda path: path.startswith("exempt/"))
    found = find_mentions(site(content), LINKS, **options)
    return [mention for mention in found if mention.source == SOURCE]


# (HTML of src.md, expected mentions: (target, text as written, count, section id or None))
CASES = [
    # Planted: case variants, counted, the first one's text as written.
    ("<p>See sets here.</p>", [("sets.md", "sets", 1, None)]),
    ("<p>SETS and Sets, then sets.</p>", [("sets.md", "SETS", 3, None)]),
    # Punctuation around a name.
    ("<p>(Sets) “Sets” Sets. Sets! Sets's size.</p>", [("sets.md", "Sets", 5, None)]),
    # Multi-word titles: any white space or a hyphen between the words, markup inside.
    ("<p>The link graph is built.</p>", [("graph.md", "link graph", 1, None)]),
    ("<p>The Link-graph is built.</p>", [("graph.md", "Link-graph", 1, None)]),
    ("<p>The link\n   graph is built.</p>", [("graph.md", "link graph", 1, None)]),
    ("<p>The <em>link</em> <strong>graph</strong> is built.</p>", [("graph.md", "link graph", 1, None)]),
    # Overlapping titles: the longest wins; each stands alone elsewhere.
    ("<p>The link graph export is JSON.</p>", [("export.md", "link graph export", 1, None)]),
    (
        "<p>A link graph, and a Link Graph Export.</p>",
        [("export.md", "Link Graph Export", 1, None), ("graph.md", "link graph", 1, None)],
    ),
    # Aliases; non-ASCII titles in any case, decomposed or not, with elision and possessive.
    ("<p>Read about Caché internals.</p>", [("cache.md", "Caché internals", 1, None)]),
    ("<p>Das Überblick über Caché hilft.</p>", [("cache.md", "Überblick über Caché", 1, None)]),
    ("<p>DAS ÜBERBLICK ÜBER CACHÉ!</p>", [("cache.md", "ÜBERBLICK ÜBER CACHÉ", 1, None)]),
    (unicodedata.normalize("NFD", "<p>Ein Überblick über Caché.</p>"), [("cache.md", "Überblick über Caché", 1, None)]),
    ("<p>Voir l’Überblick über Caché’s texte.</p>", [("cache.md", "Überblick über Caché", 1, None)]),
    ("<p>Use the plugin system or Plugins.</p>", [("plugins.md", "plugin system", 2, None)]),
    ("<p>Runs on node.js and Node.JS.</p>", [("node.md", "node.js", 2, None)]),
    # Case folding that changes length: the text as written is kept.
    ("<p>Die STRASSE ist die Straße.</p>", [("strasse.md", "STRASSE", 2, None)]),
    # Unspaced scripts: a name inside a run of characters.
    ("<p>我们的链接图很好。</p>", [("cjk.md", "链接图", 1, None)]),
    # In lists, tables and quotes; the section is the heading above the first mention.
    (
        '<h2 id="part">Part <a class="headerlink" href="#part">¶</a></h2><ul><li>sets</li></ul>'
        "<table><tr><td>Sets</td></tr></table><blockquote><p>sets</p></blockquote>",
        [("sets.md", "sets", 3, "part")],
    ),
    # Decoys: partial words and compounds.
    ("<p>Settings are subsets of presets; sets-based, pre-sets and sets_x.</p>", []),
    ("<p>Link graphs, a link. Graph, and link/graph.</p>", []),
    ("<p>nodejs and node js</p>", []),
    ("<p>Überblick übercaché, linkgraph and link graphexport (an export).</p>", []),
    # Decoys: text that is not prose.
    ('<p>See <a href="sets/">Sets</a> and <a href="graph/">link</a> graph.</p>', []),
    ("<p><code>Sets</code> <kbd>Sets</kbd> <samp>Sets</samp></p><pre><code>link graph</code></pre>", []),
    ('<h1 id="sets">Sets</h1><h3>Link graph</h3>', []),
    ('<div class="admonition note"><p class="admonition-title">Sets</p><p>Body.</p></div>', []),
    ("<details><summary>Sets</summary><p>Body.</p></details>", []),
    ("<script>var s = 'Sets';</script><style>.sets{}</style><!-- Sets --><p>Body.</p>", []),
    ('<p><img alt="Sets" src="x.png" title="Link graph"></p>', []),
    (
        '<aside class="backlinks" aria-labelledby="backlinks-title"><h2 class="backlinks__title">Pages linking here</h2>'
        "<ul><li>Sets and the link graph</li></ul></aside><p>Body.</p>",
        [],
    ),
    # Decoys: already linked, the page itself, generic, short, shared and switched-off titles.
    ('<p>The <a href="linked/">target</a> and the Linked target again.</p>', []),
    ("<p>This Source page.</p>", []),
    ("<p>Home, overview and Go.</p>", []),
    ("<p>A twin page.</p>", []),
    ("<p>A quiet page and an exempt page.</p>", []),
    ("<p>The everywhere title.</p>", []),
    # Odd HTML never raises.
    ('<p>Unclosed <a href="x">Sets and <code>sets', []),
    ("<p>Sets &amp; link &lt;graph&gt; &#1;</p>", [("sets.md", "Sets", 1, None)]),
]


@pytest.mark.parametrize("content, expected", CASES)
def test_planted_mentions_are_found_and_decoys_are_not(content, expected):
    found = mentions_in(content)
    assert [(m.target, m.text, m.count, m.section.id if m.section else None) for m in found] == expected


def test_switched_off_or_exempt_source_mentions_nothing():
    pages = site("<p>Sets</p>")
    assert find_mentions(pages, LINKS, exempt=lambda path: path == SOURCE) == []
    pages[0] = pages[0]._replace(enabled=False)
    assert [m for m in find_mentions(pages, LINKS) if m.source == SOURCE] == []


def test_thresholds():
    content = "<p>Go and the everywhere title.</p>"
    assert [m.target for m in mentions_in(content, min_length=2, max_share=1.0)] == ["common.md", "go.md"]


def test_snippet_marks_the_mention_in_its_sentence():
    content = (
        '<p>First sentence. Then the <a href="x/">graph</a> of Link graph export, done. Next one.</p><p>Other.</p>'
    )
    [mention] = mentions_in(content, snippet_length=160)
    assert tuple(mention.snippet) == ("Then the graph of ", "Link graph export", ", done.")
    assert mentions_in(content)[0].snippet is None


def test_same_result_whatever_the_page_order():
    pages = site("<p>Sets, link graph and Caché internals.</p>")
    forward = find_mentions(pages, LINKS, snippet_length=80)
    assert find_mentions(pages[::-1], LINKS, snippet_length=80) == forward
    assert [(m.source, m.target) for m in forward] == sorted((m.source, m.target) for m in forward)


@pytest.mark.parametrize("text", ["Straße ﬁx Maß", "İstanbul ß", "plain", "ßßß", ""])
def test_folded_positions_map_back(text):
    folded = Folded(text)
    for word in folded.folded.split():
        start = folded.folded.find(word)
        written = text[folded.original(start) : folded.original(start + len(word))]
        assert written.casefold() == word


def test_prose_reads_only_prose():
    prose = read_prose('<h2 id="a">Head</h2><p>one <a href="x">two</a> three</p><pre>four</pre>')
    assert [h.text for h in prose.headings] == ["Head"] and prose.inline == ('<a href="x">two</a>',)
    assert "".join(c for c in prose.text if c.isalnum() or c == " ").split() == ["one", "three"]
