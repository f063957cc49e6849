"""The site-graph page from plain values: its data block (escaped, compact, deterministic), the
fallback table, `noindex`, its own CSP, the assets written beside it, and their size."""

from __future__ import annotations

import html
import json
import logging
import os
import re
import stat

import pytest

from mkdocs_backlinks.core import export
from mkdocs_backlinks.core import site as site_module
from mkdocs_backlinks.core.audit import audit
from mkdocs_backlinks.core.site_graph import (
    SCRIPT,
    STYLESHEET,
    SiteGraphPage,
    graph_data,
    render_site_graph,
    script_json,
    write_site_graph,
)

from .conftest import linked_site

HOSTILE = '</script><script>alert(1)</script> "><img src=x onerror=alert(1)> & <!-- \u2028\u2029'
DATA = re.compile(r'<script type="application/json" id="sg-data">(.*?)</script>', re.S)


def page(key, section="", **kw):
    return SiteGraphPage(key=key, title=kw.pop("title", key.upper()), href=f"{key}/", section=section, **kw)


# (id, pages, links, expected sections, expected link pairs as keys)
TABLE = [
    ("empty site", [], [], [], []),
    ("one page, no links", [page("a")], [], [""], []),
    (
        "sections in order of first appearance",
        [page("a", "Guide"), page("b", "API"), page("c", "Guide")],
        [("a", "b"), ("b", "c")],
        ["Guide", "API"],
        [("a", "b"), ("b", "c")],
    ),
    (
        "self-links, duplicates and unknown pages dropped",
        [page("a"), page("b")],
        [("a", "a"), ("a", "b"), ("a", "b"), ("a", "zzz"), ("zzz", "b")],
        [""],
        [("a", "b")],
    ),
    (
        "links sorted",
        [page("a"), page("b"), page("c")],
        [("c", "a"), ("b", "c"), ("a", "c")],
        [""],
        [("a", "c"), ("b", "c"), ("c", "a")],
    ),
    (
        "hostile titles and sections",
        [page("a", HOSTILE, title=HOSTILE), page("b", title=HOSTILE)],
        [("b", "a")],
        [HOSTILE, ""],
        [("b", "a")],
    ),
]


@pytest.mark.parametrize("case, pages, links, sections, pairs", TABLE, ids=[row[0] for row in TABLE])
def test_site_graph_page(case, pages, links, sections, pairs):
    text = render_site_graph("My <site>", pages, links, report_href="../report.html")
    assert text == render_site_graph("My <site>", list(pages), list(reversed(links)), report_href="../report.html")
    found = DATA.findall(text)
    assert len(found) == 1
    raw = found[0]
    # Nothing in the data block can end it or open markup, and it parses back to the same data.
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in raw
    data = json.loads(raw)
    assert data == graph_data(pages, links)
    assert data["sections"] == sections
    keys = [p.key for p in pages]
    assert [(keys[a], keys[b]) for a, b in zip(data["links"][::2], data["links"][1::2])] == pairs
    for node, p in zip(data["nodes"], pages):
        assert node[0] == p.title and node[1] == p.href and data["sections"][node[2]] == p.section
    # The page: noindex, strict CSP, no inline script or style, assets beside it.
    assert '<meta name="robots" content="noindex, nofollow">' in text
    assert "script-src 'self'" in text and "default-src 'none'" in text
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S)
    assert [attrs for attrs, body in scripts if body] == [' type="application/json" id="sg-data"']
    assert re.search(rf'<script src="{SCRIPT}\?v=[0-9a-f]{{12}}"></script>', text)
    assert re.search(rf'<link rel="stylesheet" href="{STYLESHEET}\?v=[0-9a-f]{{12}}">', text)
    assert not re.search(r"<[^>]*\s(style|on\w+)=", text) and "<style" not in text
    assert "http://" not in text.replace('xmlns="http://www.w3.org', "") and "https://" not in text
    # The fallback table: every page as a link, every link as a link in its row; titles as text.
    table = re.search(r"<noscript>(.*)</noscript>", text, re.S).group(1)
    rows = re.findall(r"<tr><td>(.*?)</tr>", table)
    assert len(rows) == len(pages)
    for row, p in zip(rows, pages):
        first = re.match(r'<a href="([^"]*)">(.*?)</a>', row)
        assert html.unescape(first.group(1)) == p.href and html.unescape(first.group(2)) == p.title
        expected = [f"{b}/" for a, b in pairs if a == p.key]
        assert [html.unescape(h) for h in re.findall(r'href="([^"]*)"', row)[1:]] == expected
    assert "<script>alert" not in text and "<img" not in text and "<!--" not in text.replace("<!doctype", "")
    assert "My &lt;site&gt;" in text and '<a href="../report.html">' in text


def test_script_json_escapes():
    value = {"t": "</script><!-- & \u2028\u2029 >"}
    text = script_json(value)
    assert text == '{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e"}'
    assert json.loads(text) == value


def test_written_beside_the_page_atomically_and_small(tmp_path):
    pages = [page("a", "Guide", score=100, orphan=True), page("b", unreachable=True)]
    written = write_site_graph(str(tmp_path), "tools/graph.html", "Site", pages, [("a", "b")])
    names = sorted(p.rsplit("/", 1)[-1] for p in written)
    assert names == sorted([SCRIPT, STYLESHEET, "graph.html"])
    assert sorted(f.name for f in (tmp_path / "tools").iterdir()) == names  # no temporary files left
    first = {f.name: f.read_bytes() for f in (tmp_path / "tools").iterdir()}
    write_site_graph(str(tmp_path), "tools/graph.html", "Site", pages, [("a", "b")])
    assert {f.name: f.read_bytes() for f in (tmp_path / "tools").iterdir()} == first
    assert json.loads(DATA.search(first["graph.html"].decode()).group(1))["nodes"] == [
        ["A", "a/", 0, 100.0, 1],
        ["B", "b/", 1, 0.0, 2],
    ]
    assert len(first[SCRIPT]) + len(first[STYLESHEET]) < 40_000


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_written_with_the_mode_of_the_other_files(tmp_path, umask, mode):
    """The page and its two files get the mode the umask gives a new file, as the export does:
    not mkstemp's 0600, which a web server running as another user could not read."""
    previous = os.umask(umask)
    try:
        written = write_site_graph(str(tmp_path), "graph.html", "Site", [page("a")], [])
        other = export.write(str(tmp_path), "links.json", "{}")
    finally:
        os.umask(previous)
    assert len(written) == 3
    assert {path: stat.S_IMODE(os.stat(path).st_mode) for path in written} == dict.fromkeys(written, mode)
    assert stat.S_IMODE(os.stat(other).st_mode) == mode


# "Frobnicator setup" is named without a link on two pages: unlinked mentions to find;
# lonely.md is an orphan and unreachable (not in the nav), which the site graph marks at any level.
MENTIONED = {
    "index.md": '<p>Read <a href="{install.md}">the guide</a>.</p>',
    "install.md": "<h1>Frobnicator setup</h1><p>How to set the frobnicator up on every system.</p>",
    "use.md": '<p>After the Frobnicator setup, use it. <a href="{index.md}">Home</a></p>',
    "lonely.md": "<p>Frobnicator setup first, then use the frobnicator on every system.</p>",
}
TITLES = {"index.md": "Home", "install.md": "Frobnicator setup", "use.md": "Use", "lonely.md": "Lonely"}


@pytest.fixture
def computed(monkeypatch):
    """How often the build worked out the site's unlinked mentions and related pages (the real
    functions still do the work)."""
    counts = {"mentions": 0, "related": 0}

    def counting(name, real):
        def call(*args, **kwargs):
            counts[name] += 1
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(site_module, "site_mentions", counting("mentions", site_module.site_mentions))
    monkeypatch.setattr(site_module, "site_related", counting("related", site_module.site_related))
    return counts


@pytest.mark.parametrize(
    "options, expected",
    [
        ({"graph_page": "graph.html"}, {"mentions": 0, "related": 0}),
        ({"graph_page": "graph.html", "report_file": "report.html"}, {"mentions": 1, "related": 1}),
        ({"graph_page": "graph.html", "graph_file": "links.json"}, {"mentions": 1, "related": 1}),
        ({"graph_page": "graph.html", "unlinked_mentions": "info"}, {"mentions": 1, "related": 0}),
    ],
    ids=["graph-page-alone", "with-report", "with-export", "with-the-check"],
)
def test_the_site_graph_alone_computes_no_mentions(tmp_path, computed, options, expected):
    """The site graph needs the orphans, unreachable pages and link scores only: mentions and
    related pages are for the check, the panel, the export and the report."""
    site = linked_site(
        MENTIONED, options={"related_pages": 2, **options}, nav=["index.md", "install.md", "use.md"], titles=TITLES
    )
    failure = audit(
        site,
        site_dir=str(tmp_path),
        site_name="Site",
        use_directory_urls=True,
        log=logging.getLogger("tests.core"),
        serving=False,
    )
    assert failure is None
    assert computed == expected
    data = json.loads(DATA.search((tmp_path / "graph.html").read_text(encoding="utf-8")).group(1))
    flags = {node[0]: node[4] for node in data["nodes"]}
    assert flags == {"Home": 0, "Frobnicator setup": 0, "Use": 1, "Lonely": 3}
    if "report_file" in options:
        assert site.mentions() and site.related()  # the counts above were of real work
