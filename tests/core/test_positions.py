"""Golden table of core/positions.py: where a rendered link (its href and words) or an unlinked
mention is written in the page's Markdown, for every link form, in both URL modes; and where
it cannot be told, no place at all."""

from __future__ import annotations

import textwrap
from typing import Dict, List, Optional, Sequence, Tuple

import pytest

from mkdocs_backlinks.core.positions import locate_links, locate_mention, masked, same_href, source_url

PAGE = "guide/page.md"

# (case id, markdown, rendered href with directory URLs, without, the links' rendered words,
#  the expected (line, column) of each, or None: no place.)
LINK_CASES: List[Tuple[str, str, str, str, Sequence[str], Optional[List[Tuple[int, int]]]]] = [
    ("inline", "Read [the setup](setup.md) first.\n", "../setup/", "setup.html", ["the setup"], [(1, 6)]),
    ("inline broken, as written", "See [gone](gone.md).\n", "gone.md", "gone.md", ["gone"], [(1, 5)]),
    ("inline site path", "See [x](../x/).\n", "../x/", "../x/", ["x"], [(1, 5)]),
    (
        "inline with fragment",
        "\n\nGo [there](other.md#part).\n",
        "../other/#part",
        "other.html#part",
        ["there"],
        [(3, 4)],
    ),
    ("inline with title", 'A [t](setup.md "Setup") b.\n', "../setup/", "setup.html", ["t"], [(1, 3)]),
    ("inline angle brackets", "A [t](<my page.md>) b.\n", "../my%20page/", "my%20page.html", ["t"], [(1, 3)]),
    ("inline to another folder", "A [t](../ref/api.md) b.\n", "../../ref/api/", "../ref/api.html", ["t"], [(1, 3)]),
    ("inline to an index", "A [t](../index.md) b.\n", "../../", "../index.html", ["t"], [(1, 3)]),
    ("a folder's index", "A [t](../ref/index.md) b.\n", "../../ref/", "../ref/index.html", ["t"], [(1, 3)]),
    ("a folder's README", "A [t](../ref/README.md) b.\n", "../../ref/", "../ref/index.html", ["t"], [(1, 3)]),
    (
        "a folder's index and a page named like the folder",
        "[a](ref/index.md) [b](../ref.md)\n",
        "../ref/",
        "ref/index.html",
        ["a"],
        [(1, 1)],
    ),
    ("inline, emphasis in words", "A [**bold** `x`](setup.md).\n", "../setup/", "setup.html", ["bold x"], [(1, 3)]),
    (
        "twice on one line: two columns",
        "Both [a](gone.md) and [b](gone.md).\n",
        "gone.md",
        "gone.md",
        ["a", "b"],
        [(1, 6), (1, 23)],
    ),
    (
        "reference: the definition's line",
        "Read [the setup][s].\n\n[s]: setup.md\n",
        "../setup/",
        "setup.html",
        ["the setup"],
        [(3, 6)],
    ),
    (
        "reference used twice: its definition twice",
        "[One][s] and [two][S].\n\n  [s]: <gone.md> 'T'\n",
        "gone.md",
        "gone.md",
        ["One", "two"],
        [(3, 8), (3, 8)],
    ),
    (
        "collapsed and shortcut references",
        "[Setup][] and [Setup].\n\n[setup]: gone.md\n",
        "gone.md",
        "gone.md",
        ["Setup", "Setup"],
        [(3, 10), (3, 10)],
    ),
    ("raw HTML", 'Text <a class="x" href="gone/">gone</a>.\n', "gone/", "gone/", ["gone"], [(1, 6)]),
    (
        "raw HTML, single quotes, entity",
        "<a href='a.md?x=1&amp;y=2'>A</a>\n",
        "a.md?x=1&y=2",
        "a.md?x=1&y=2",
        ["A"],
        [(1, 1)],
    ),
    ("wikilink (roamlinks)", "See [[Setup]] now.\n", "../setup/", "setup.html", ["Setup"], [(1, 5)]),
    (
        "wikilink with words (ezlinks)",
        "See [[my-page|the page]].\n",
        "../my-page/",
        "my-page.html",
        ["the page"],
        [(1, 5)],
    ),
    ("wikilink with fragment", "See [[Setup#part|it]].\n", "../setup/#part", "setup.html#part", ["it"], [(1, 5)]),
    (
        "autorefs reference",
        "See [the API][api-ref].\n",
        "../../ref/#api-ref",
        "../ref.html#api-ref",
        ["the API"],
        [(1, 5)],
    ),
    ("autorefs identifier", "See [pkg.mod][].\n", "../../api/#pkg.mod", "../api.html#pkg.mod", ["pkg.mod"], [(1, 5)]),
    (
        "in an admonition",
        "!!! note\n\n    Read [this](gone.md).\n",
        "gone.md",
        "gone.md",
        ["this"],
        [(3, 10)],
    ),
    (
        "in a table",
        "| a | b |\n|---|---|\n| x | [y](gone.md) |\n",
        "gone.md",
        "gone.md",
        ["y"],
        [(3, 7)],
    ),
    ("in a list", "- one\n- two [y](gone.md)\n    - [z](other.md)\n", "gone.md", "gone.md", ["y"], [(2, 7)]),
    (
        "in a footnote",
        "Text[^1].\n\n[^1]: See [y](gone.md).\n",
        "gone.md",
        "gone.md",
        ["y"],
        [(3, 11)],
    ),
    ("in a blockquote", "> Quoted [y](gone.md).\n", "gone.md", "gone.md", ["y"], [(1, 10)]),
    (
        "code block and code span are no links",
        "```md\n[y](gone.md)\n```\n\n`[y](gone.md)` and [y](gone.md)\n",
        "gone.md",
        "gone.md",
        ["y"],
        [(5, 20)],
    ),
    ("an image is no link", "![y](gone.md) [y](gone.md)\n", "gone.md", "gone.md", ["y"], [(1, 15)]),
    ("an image inside a link", "[![alt](i.png)](gone.md)\n", "gone.md", "gone.md", [""], [(1, 1)]),
    ("an HTML comment is no link", "<!-- [y](gone.md) -->\n[y](gone.md)\n", "gone.md", "gone.md", ["y"], [(2, 1)]),
    ("front matter is no link", "---\nx: '[y](gone.md)'\n---\n[y](gone.md)\n", "gone.md", "gone.md", ["y"], [(4, 1)]),
    ("CRLF line ends", "a\r\nb [y](gone.md)\r\n", "gone.md", "gone.md", ["y"], [(2, 3)]),
    (
        "non-ASCII before the link: columns in characters",
        "Ünïcödé [y](gone.md)\n",
        "gone.md",
        "gone.md",
        ["y"],
        [(1, 9)],
    ),
    # Never a wrong line:
    ("rendered twice, written once (a macro?): none", "[y](gone.md)\n", "gone.md", "gone.md", ["y", "y"], None),
    ("written twice, rendered once: none", "[y](gone.md) [y](gone.md)\n", "gone.md", "gone.md", ["y"], None),
    ("other words than written: none", "[y](gone.md)\n", "gone.md", "gone.md", ["z"], None),
    ("not written at all: none", "No links.\n", "gone.md", "gone.md", ["y"], None),
    ("a link only in code: none", "    [y](gone.md)\n```\n[y](gone.md)\n```\n", "gone.md", "gone.md", ["y"], [(1, 5)]),
]


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
@pytest.mark.parametrize("case", LINK_CASES, ids=[case[0] for case in LINK_CASES])
def test_link_places(case: tuple, directory_urls: bool) -> None:
    _, markdown, dir_href, file_href, words, expected = case
    href = dir_href if directory_urls else file_href
    places = locate_links(
        markdown,
        href,
        words,
        page_src=PAGE,
        page_url=source_url(PAGE, directory_urls),
        directory_urls=directory_urls,
    )
    got = None if all(place is None for place in places) else [(p.line, p.column) for p in places if p]
    assert got == expected


@pytest.mark.parametrize(
    "markdown, href, directory_urls",
    [("[a](gone.md) and [b](../gone/)\n", "../gone/", True), ("[a](gone.md) and [b](gone.html)\n", "gone.html", False)],
)
def test_the_same_target_written_two_ways(markdown: str, href: str, directory_urls: bool) -> None:
    """`gone.md` (missing, so left as written) and the URL it would have: only the link written
    as rendered makes this href."""
    places = locate_links(
        markdown, href, ["b"], page_src=PAGE, page_url=source_url(PAGE, directory_urls), directory_urls=directory_urls
    )
    assert [(p.line, p.column) for p in places if p] == [(1, 18)]


def test_link_place_edit_span_is_the_href() -> None:
    markdown = "x [a](gone.md 'T') [b][r]\n\n[r]: <gone.md>\n"
    first, second = locate_links(
        markdown, "gone.md", ["a", "b"], page_src=PAGE, page_url="guide/page/", directory_urls=True
    )
    assert first is not None and second is not None
    assert markdown[first.edit_start : first.edit_end] == "gone.md"
    assert (first.line, first.column, first.end_line, first.end_column) == (1, 3, 1, 19)
    assert markdown[second.edit_start : second.edit_end] == "<gone.md>"
    assert (second.line, second.column) == (3, 6)


SNIPPETS: Dict[str, str] = {
    "includes/common.md": "Shared text.\n\nSee [the faq](gone.md).\n",
    "includes/outer.md": '--8<-- "includes/common.md"\n',
}


def include(name: str) -> Optional[Tuple[str, str]]:
    text = SNIPPETS.get(name)
    return None if text is None else ("docs/" + name, text)


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ('Intro [a](gone.md).\n\n--8<-- "includes/common.md"\n', [("", 1, 7), ("docs/includes/common.md", 3, 5)]),
        ('--8<-- "includes/common.md"\n\nOutro [a](gone.md).\n', [("docs/includes/common.md", 3, 5), ("", 3, 7)]),
        ("--8<-- 'includes/outer.md'\n[a](gone.md)\n", [("docs/includes/common.md", 3, 5), ("", 2, 1)]),
        ('--8<-- "includes/missing.md"\n[a](gone.md)\n', None),
    ],
    ids=["included after", "included before", "nested include", "unreadable include: none"],
)
def test_link_places_in_included_files(markdown: str, expected: Optional[list]) -> None:
    places = locate_links(
        markdown,
        "gone.md",
        ["a", "the faq"] if "Intro" in markdown else ["the faq", "a"],
        page_src=PAGE,
        page_url="guide/page/",
        directory_urls=True,
        include=include,
    )
    got = None if all(p is None for p in places) else [(p.file, p.line, p.column) for p in places if p]
    if "missing" in markdown:
        # The included file's link is rendered but cannot be read: the two links are not
        # accounted for, so neither gets a place.
        assert got is None
    else:
        assert got == expected


MENTION_CASES = [
    ("plain", "We use the Link graph here.\n", "Link graph", 1, (1, 12)),
    ("case and line break", "About the link\ngraph page.\n", "link graph", 1, (1, 11)),
    ("emphasis between words", "A **Link** graph.\n", "Link graph", 1, (1, 5)),
    ("the heading is no prose", "# Link graph\n\nThe link graph.\n", "link graph", 1, (3, 5)),
    ("an admonition title is no prose", '!!! note "Link graph"\n\n    The link graph.\n', "link graph", 1, (3, 9)),
    ("a link's words are no prose", "[Link graph](x.md) and link graph.\n", "link graph", 1, (1, 24)),
    ("code is no prose", "`link graph` and link graph.\n", "link graph", 1, (1, 18)),
    ("not inside a longer word", "Link graphs, link-graph-y, the link graph.\n", "link graph", 1, (1, 32)),
    ("count differs: none", "link graph and link graph\n", "link graph", 1, None),
    ("by an alias too", "The link map, then the Link graph.\n", "link map", 2, (1, 5)),
    # Inside another page's longer name ("Link graph export") the detector counts no mention of
    # this page; names of other pages are not looked for here, so the two are not told apart.
    ("inside another page's longer name: none", "The link graph export and the link map.\n", "link map", 1, None),
    ("the first found reads otherwise: none", "The Link graph, then the link map.\n", "link map", 2, None),
    ("not found: none", "nothing\n", "link graph", 1, None),
]


@pytest.mark.parametrize("case", MENTION_CASES, ids=[case[0] for case in MENTION_CASES])
def test_mention_places(case: tuple) -> None:
    _, markdown, words, count, expected = case
    # The page goes by "Link graph" and the alias "link map"; another is "Link graph export".
    names = ("Link graph", "link map") if "map" in markdown else ()
    place = locate_mention(markdown, words, count, names)
    assert (None if place is None else (place.line, place.column)) == expected


def test_mention_edit_only_when_plain() -> None:
    plain = locate_mention("The link graph.\n", "link graph", 1)
    assert plain is not None and (plain.edit_start, plain.edit_end) == (4, 14)
    marked = locate_mention("The **link** graph.\n", "link graph", 1)
    assert marked is not None and marked.edit_start == -1


@pytest.mark.parametrize(
    "written, rendered, directory_urls, same",
    [
        ("setup.md", "../setup/", True, True),
        ("setup.md", "setup.html", False, True),
        ("setup.md#a", "../setup/#b", True, False),
        ("../index.md", "../../", True, True),
        ("../index.md", "../index.html", False, True),
        ("img/a.png", "../img/a.png", True, True),
        ("img/a.png", "img/a.png", False, True),
        ("other.md", "../setup/", True, False),
        ("https://example.org/x", "https://example.org/x", True, True),
        ("/abs/", "../../abs/", True, False),
        ("#part", "#part", True, True),
    ],
)
def test_same_href(written: str, rendered: str, directory_urls: bool, same: bool) -> None:
    page_url = source_url(PAGE, directory_urls)
    assert same_href(written, rendered, PAGE, page_url, directory_urls) is same


def test_masked_keeps_offsets() -> None:
    text = textwrap.dedent(
        """\
        ---
        a: b
        ---
        x `y` z
        ~~~
        code
        ~~~
        <!-- c -->
        """
    )
    out = masked(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert out.split("\n")[3] == "x     z"
    assert "code" not in out and "c --" not in out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a `b` c", "a     c"),
        ("a ``b ` c`` d", "a           d"),  # a shorter run inside a longer span
        ("a `b`` c` d", "a         d"),  # the next run as long closes it
        ("a \\`b` c`", "a \\`b    "),  # an escaped run opens nothing: the next one does
        ("a `b\n\nc` d `e`", "a `b\n\nc` d    "),  # a pair across a paragraph: no span, its runs used up
        ("a ``b` c", "a ``b` c"),  # no closing run
    ],
)
def test_masked_code_spans(text: str, expected: str) -> None:
    assert masked(text) == expected
