"""Reading a built site folder: content regions of odd HTML, titles, URL <-> source mapping, the
built nav, and real sites built by Zensical (both URL modes) and the MkDocs 2.0 pre-release."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Optional, Tuple

import pytest

from mkdocs_backlinks.command.built_site import (
    CONTENT_REGIONS,
    find_content_region,
    front_matter,
    page_dest,
    page_text,
    page_title,
    page_url,
    read_built_site,
    resolve_site_path,
    source_map,
)
from mkdocs_backlinks.command.config_file import SiteConfig, read_config
from mkdocs_backlinks.command.listings import find_listings
from mkdocs_backlinks.command.site_nav import built_nav_entries, config_nav_entries
from mkdocs_backlinks.core.html import find_inner, parse_selector

from .conftest import run, write_docs, zensical_build

MATERIAL = '<main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">{}</article></div></main>'

# (id, html, content_selector, expected inner HTML or None)
REGIONS = [
    ("material", MATERIAL.format("<h1>T</h1><p>x</p>"), None, "<h1>T</h1><p>x</p>"),
    ("material-before-main", '<main class="md-main">a' + MATERIAL.format("<p>in</p>") + "</main>", None, "<p>in</p>"),
    (
        "mkdocs-theme",
        '<div class="col-md-3"></div><div class="col-md-9" role="main"><div class="x"><p>a</p></div><div>b</div></div><footer>',
        None,
        '<div class="x"><p>a</p></div><div>b</div>',
    ),
    (
        "readthedocs",
        '<div class="rst-content"><div role="main" class="document" itemscope><div class="section">s</div></div></div>',
        None,
        '<div class="section">s</div>',
    ),
    (
        "mkdocs2-main",
        "<style>main { margin: 0 }</style><nav class=site></nav><main><h1>H</h1></main>",
        None,
        "<h1>H</h1>",
    ),
    ("comment-with-end-tag", "<main>a<!-- </main> --></main>", None, "a<!-- </main> -->"),
    ("commented-out-start", "<!-- <main>fake</main> --><main>real</main>", None, "real"),
    (
        "script-with-tags",
        '<main><script>if (a</main>) document.write("<main>")</script>b</main>',
        None,
        '<script>if (a</main>) document.write("<main>")</script>b',
    ),
    ("style-raw-text", "<main><style>div>main{}</style>c</main>", None, "<style>div>main{}</style>c"),
    # The content region's class written earlier in a script or a comment is not the region.
    (
        "class-in-script-first",
        "<script>var t = '<article class=\"md-content__inner\">x</article>';</script>" + MATERIAL.format("real"),
        None,
        "real",
    ),
    (
        "class-in-upper-case-script-first",
        "<SCRIPT type=x>'<article class=md-content__inner>'</Script >" + MATERIAL.format("real"),
        None,
        "real",
    ),
    (
        "class-in-comment-first",
        "<!-- <article class=md-content__inner>x</article> -->" + MATERIAL.format("real"),
        None,
        "real",
    ),
    ("comment-start-in-script", "<script>var c = '<!--';</script>" + MATERIAL.format("real"), None, "real"),
    ("class-after-unclosed-comment", "<!-- " + MATERIAL.format("no"), None, None),
    ("quoted-gt-in-attribute", '<div class="col-md-9" role="main" data-x="a>b" title=\'</div>\'>in</div>', None, "in"),
    ("unquoted-attribute", "<div class=col-md-9 role=main>in</div>", None, "in"),
    ("uppercase-tags", "<MAIN CLASS=x>in<DIV>d</DIV></Main>", None, "in<DIV>d</DIV>"),
    (
        "unescaped-quotes-in-head",
        '<meta name="description" content="A "quoted" > word">' + MATERIAL.format("ok"),
        None,
        "ok",
    ),
    ("nested-same-tag", "<main>a<main>b</main>c</main>d", None, "a<main>b</main>c"),
    ("empty-region", "<main></main>", None, ""),
    ("unclosed-region", "<main><p>never closed", None, None),
    ("unclosed-start-tag", '<main class="x', None, None),
    ("unclosed-script", "<main><script>var a = '</div>';", None, None),
    ("no-region", "<html><body><p>plain</p></body></html>", None, None),
    ("not-html", "\x00\xff binary-ish < > <<< >>> </ </>", None, None),
    ("cdata-and-doctype", "<!DOCTYPE html><![CDATA[<main>]]><main>m</main>", None, "m"),
    ("bogus-end-tag", "<main>a</ >b</main>", None, "a</ >b"),
    ("selector-id", '<div id="content">c<div id="other">o</div></div>', "#content", 'c<div id="other">o</div>'),
    ("selector-class", '<section class="a prose b">p</section>', ".prose", "p"),
    ("selector-class-needs-all", '<div class="prose">no</div><div class="prose wide">yes</div>', ".prose.wide", "yes"),
    ("selector-attr", '<div data-role="content">d</div>', "[data-role=content]", "d"),
    ("selector-attr-quoted", '<div data-role="main content">d</div>', '[data-role="main content"]', "d"),
    ("selector-attr-present", "<div hidden>h</div>", "[hidden]", "h"),
    (
        "selector-compound",
        '<div class="doc">no</div><section class="doc" data-x="y">yes</section>',
        'section.doc[data-x="y"]',
        "yes",
    ),
    ("selector-tag-uppercase", "<ARTICLE>a</ARTICLE>", "Article", "a"),
    ("selector-overrides-known", MATERIAL.format("<div id=c>inner</div>"), "#c", "inner"),
    ("selector-entity-in-value", '<div data-x="a&amp;b">e</div>', "[data-x=a&b]", "e"),
    ("selector-not-found", "<main>m</main>", "#nope", None),
]


def tokenized_region(html: str, selector: Optional[str] = None) -> Optional[Tuple[int, int]]:
    """The content region as tokenizing the page from its top finds it: `find_content_region`
    without its search by class (which only runs on a whole page, `end` None)."""
    selectors = (parse_selector(selector),) if selector else CONTENT_REGIONS
    return find_inner(html, selectors, 0, len(html))


@pytest.mark.parametrize("name, html, selector, expected", REGIONS, ids=[r[0] for r in REGIONS])
def test_find_content_region(name, html, selector, expected):
    region = find_content_region(html, selector)
    if expected is None:
        assert region is None
    else:
        assert region is not None
        assert html[region[0] : region[1]] == expected
    assert tokenized_region(html, selector) == region


FAKE = '<article class="md-content__inner">fake</article>'
REAL = '<article class="md-content__inner">real</article>'
# Pages where the content region's class is first written inside something the tokenizer steps
# over as a whole (not markup): the search by class must step over the same, and find the
# region the tokenizer finds. (id, html, expected inner HTML or None)
HIDDEN_REGIONS = [
    ("gt-in-quoted-script-attribute", f'<script x="></script>">{FAKE}</script>{REAL}', "real"),
    ("gt-in-single-quoted-style-attribute", f"<style media='></style>'>{FAKE}</style>{REAL}", "real"),
    ("bogus-comment", f"<!x {FAKE} {REAL}", "real"),
    ("processing-instruction", f"<?php {FAKE} ?>{REAL}", "real"),
    ("cdata", f"<![CDATA[{FAKE}]]>{REAL}", "real"),
    ("doctype-with-class", f'<!DOCTYPE html "{FAKE}">{REAL}', "real"),
    ("script-end-tag-with-attributes", f"<script>x</script foo>{REAL}<script></script>{FAKE}", "real"),
    ("script-end-tag-with-slash", f"<script>x</script/>{REAL}<script></script>{FAKE}", "real"),
    ("title-with-class", f"<title>{FAKE}</title>{REAL}", "real"),
    ("textarea-with-class", f"<TEXTAREA>{FAKE}</textarea >{REAL}", "real"),
    ("noframes-with-class", f"<noframes>{FAKE}</noframes>{REAL}", "real"),
    ("raw-name-prefix-is-no-raw-element", f"<scripts>{REAL}</scripts>", "real"),
    ("unclosed-bogus-comment", f"<!x {FAKE}", None),
    ("unclosed-raw-start-tag", f'<script x="{FAKE}', None),
]


@pytest.mark.parametrize("name, html, expected", HIDDEN_REGIONS, ids=[r[0] for r in HIDDEN_REGIONS])
def test_search_by_class_steps_over_what_the_tokenizer_steps_over(name, html, expected):
    region = find_content_region(html)
    assert region == tokenized_region(html)
    assert (html[region[0] : region[1]] if region else None) == expected


@pytest.mark.parametrize("selector", ["div > p", "div p", "a:hover", "[x=", "::before", "*"])
def test_bad_selector(selector):
    with pytest.raises(ValueError, match="content_selector"):
        find_content_region("<main></main>", selector)


def zensical_page(paragraphs: int) -> str:
    """The Zensical page shape: a long nav before the content, then `paragraphs` of content."""
    nav = "".join(
        f'<li class="md-nav__item"><a href="p{i}/" class="md-nav__link"><span>P {i}</span></a></li>' for i in range(300)
    )
    body = "".join(
        f'<p>Text <a href="x{i}/">link</a> <code>c</code> <span class="n">s</span></p>\n' for i in range(paragraphs)
    )
    return (
        f'<html><head><meta name="x" content="y"></head><body><nav class="md-nav md-nav--primary"><ul>{nav}</ul></nav>'
        + MATERIAL.format(body)
        + "</body></html>"
    )


def region_seconds(html: str) -> float:
    """The best of five content-region searches of `html`: the least disturbed by whatever else
    the machine is doing."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        find_content_region(html)
        best = min(best, time.perf_counter() - start)
    return best


def test_content_region_search_grows_linearly():
    """A page ten times as long takes about ten times as long, not a hundred (compared on the
    same machine at the same moment, so a busy machine neither fails the test nor hides a
    regression; how fast the search is, benchmarks/command.py measures)."""
    short, long = zensical_page(400), zensical_page(4000)
    assert find_content_region(short) is not None and find_content_region(long) is not None
    assert region_seconds(long) < 30 * region_seconds(short)


# Pages that made the content-region search quadratic, or would: ~250 KB each, so quadratic
# behaviour takes minutes where linear takes milliseconds.
HOSTILE_PAGES = {
    "class in a script, many times": "<script>" + "md-content__inner " * 15_000 + "</script>" + MATERIAL.format("x"),
    "class in one tag, many times": '<article class="' + "md-content__inner " * 15_000,
    "class in other tags": '<span class="md-content__inner">' * 8_000 + MATERIAL.format("x"),
    "unclosed script tags": "<script " * 32_000 + MATERIAL.format("x"),
    "unclosed script start tags": "<script " * 32_000 + "<article class=md-content__inner",
    "comment starts": "<!--" * 60_000 + MATERIAL.format("x"),
    "classes in comments": "<!-- md-content__inner -->" * 10_000 + MATERIAL.format("x"),
    "bogus comment starts": "<!x" * 80_000 + MATERIAL.format("x"),
    "classes in bogus comments": "<!x md-content__inner>" * 11_000 + MATERIAL.format("x"),
    "script start tags with a quoted >": '<script x=">' * 20_000 + MATERIAL.format("x"),
}


@pytest.mark.parametrize("name", list(HOSTILE_PAGES))
def test_content_region_search_is_linear_on_hostile_pages(name):
    """Each hostile page is searched about as fast as a page of ordinary content of the same
    length (compared at the same moment; linear takes a few times as long, quadratic thousands)."""
    hostile = HOSTILE_PAGES[name]
    ordinary = zensical_page(len(hostile) // 90)
    best = {"hostile": region_seconds(hostile), "ordinary": region_seconds(ordinary)}
    assert best["hostile"] < 50 * best["ordinary"], best


# (id, html, site_name, expected title)
TITLES = [
    (
        "material-permalink",
        MATERIAL.format(
            '<h1 id="t">The <em>panel</em><a class="headerlink" href="#t" title="Permanent link">&para;</a></h1>'
        ),
        None,
        "The panel",
    ),
    (
        "mkdocs2-toclink",
        '<main><h1 id="s"><a class="toclink" href="#s">Sub <em>index</em> &amp; more</a></h1></main>',
        None,
        "Sub index & more",
    ),
    ("whitespace-folded", "<main><h1>\n  A\n\tB&nbsp; C </h1></main>", None, "A B C"),
    ("first-h1-only", "<main><h1>One</h1><h1>Two</h1></main>", None, "One"),
    ("h1-outside-content-ignored", "<h1>Site</h1><main><p>x</p></main>", None, ""),
    ("title-fallback", "<html><head><title>Page - My Site</title></head><main><p>x</p></main>", "My Site", "Page"),
    ("title-fallback-no-site-name", "<title>Page - My Site</title><main>x</main>", None, "Page - My Site"),
    ("empty-h1-falls-back", '<title>T</title><main><h1><a class="headerlink" href="#">¶</a></h1></main>', None, "T"),
    (
        "nested-permalink-markup",
        '<main><h1>A<a class="x headerlink" href="#a"><span>¶</span></a> B</h1></main>',
        None,
        "A B",
    ),
    ("h1-with-attributes", '<main><H1 class="x" data-a=">">Up</H1></main>', None, "Up"),
]


@pytest.mark.parametrize("name, html, site_name, expected", TITLES, ids=[t[0] for t in TITLES])
def test_page_title(name, html, site_name, expected):
    region = find_content_region(html)
    assert page_title(html, region[0], region[1], site_name) == expected


# (source, use_directory_urls, where the page is written, its File.url)
MAPPING = [
    ("index.md", True, "index.html", "./"),
    ("index.md", False, "index.html", "index.html"),
    ("README.md", True, "index.html", "./"),
    ("a.md", True, "a/index.html", "a/"),
    ("a.md", False, "a.html", "a.html"),
    ("guide/install.md", True, "guide/install/index.html", "guide/install/"),
    ("guide/install.md", False, "guide/install.html", "guide/install.html"),
    ("guide/index.md", True, "guide/index.html", "guide/"),
    ("guide/index.md", False, "guide/index.html", "guide/index.html"),
    ("guide/README.md", False, "guide/index.html", "guide/index.html"),
    ("guide/readme.md", True, "guide/readme/index.html", "guide/readme/"),
    ("notes.markdown", True, "notes/index.html", "notes/"),
    ("a b/c d.md", True, "a b/c d/index.html", "a%20b/c%20d/"),
    ("a b/c d.md", False, "a b/c d.html", "a%20b/c%20d.html"),
    ("ünï/cödé.md", True, "ünï/cödé/index.html", "%C3%BCn%C3%AF/c%C3%B6d%C3%A9/"),
    ("50%.md", False, "50%.html", "50%25.html"),
]


@pytest.mark.parametrize("src, directory_urls, dest, url", MAPPING)
def test_url_source_mapping(src, directory_urls, dest, url):
    assert page_dest(src, directory_urls) == dest
    assert page_url(dest, directory_urls) == url
    assert source_map([src], directory_urls) == {dest: src}


def test_source_map_prefers_index_over_readme():
    assert source_map(["g/README.md", "g/index.md", "README.md"], True) == {
        "g/index.html": "g/index.md",
        "index.html": "README.md",
    }
    assert source_map(["a.md", "a/index.md"], True) == {"a/index.html": "a.md"}


# (href, the file it is in, mount, the site path it reaches)
HREFS = [
    ("../..", "guide/panel/index.html", "/", ""),
    ("././", "guide/panel/index.html", "/", "guide/panel/"),
    ("../configuration/", "guide/panel/index.html", "/", "guide/configuration/"),
    ("./guide/a.html", "index.html", "/", "guide/a.html"),
    (".", "sub/index.html", "/", "sub/"),
    ("", "sub/index.html", "/", "sub/index.html"),
    ("/docs/a%20b/", "index.html", "/docs/", "a b/"),
    ("/other/", "index.html", "/docs/", None),
    ("https://example.com/", "index.html", "/", None),
    ("//cdn.example/x", "index.html", "/", None),
    ("mailto:a@b", "index.html", "/", None),
    ("http://[", "index.html", "/", None),
]


@pytest.mark.parametrize("href, base, mount, expected", HREFS)
def test_resolve_site_path(href, base, mount, expected):
    assert resolve_site_path(href, base, mount) == expected


# (front matter text, expected mapping or the start of the error)
FRONT_MATTER = [
    ("---\nbacklinks_panel: false\norphan: true\n---\n# T\n", {"backlinks_panel": False, "orphan": True}),
    ("---\ntitle: x\n...\nbody\n", {"title": "x"}),
    ("\ufeff---\na: 1\n---\n", {"a": 1}),
    ("---\r\na: 1\r\n---\r\n", {"a": 1}),
    ("---\n---\n# empty\n", {}),
    ("# no front matter\n---\na: 1\n---\n", {}),
    ("---\nhide: [backlinks]\nx: !ENV [BACKLINKS_TEST_UNSET, d]\n---\n", {"hide": ["backlinks"], "x": "d"}),
    ("---\n- a\n---\n", "front matter is not a mapping"),
    ("---\na: [\n---\n", "front matter is not valid YAML"),
]


@pytest.mark.parametrize("text, expected", FRONT_MATTER)
def test_front_matter(text, expected):
    if isinstance(expected, str):
        with pytest.raises(ValueError, match=expected):
            front_matter(text)
    else:
        assert front_matter(text) == expected


def test_config_nav_entries():
    nav = [
        {"Home": "index.md"},
        "about.md",
        {"Guide": ["guide/a.md", {"Deeper": [{"B": "./guide/b.md"}, "https://example.com/"]}]},
        {"Ext": "https://example.com/x"},
    ]
    assert config_nav_entries(nav) == [
        ("index.md", ()),
        ("about.md", ()),
        ("guide/a.md", ("Guide",)),
        ("guide/b.md", ("Guide", "Deeper")),
        ("https://example.com/", ("Guide", "Deeper")),
        ("https://example.com/x", ()),
    ]


# (id, nav markup, expected (href, crumbs) entries)
BUILT_NAVS = [
    (
        "readthedocs",
        """<div class="wy-menu wy-menu-vertical"><ul class="current">
        <li class="toctree-l1 current"><a class="reference internal current" href="#">Home</a><ul class="current"><li><a href="#sec">Sec</a></li></ul></li></ul>
        <p class="caption"><span class="caption-text">Guide</span></p>
        <ul><li class="toctree-l1"><a class="reference internal" href="guide/panel/">Panel</a></li>
            <li class="toctree-l1"><a class="reference internal">Deeper</a><ul><li class="toctree-l2"><a href="guide/o/">O</a></li></ul></li></ul>
        <ul><li class="toctree-l1"><a href="changelog/">Changelog</a></li></ul></div>""",
        [("#", ()), ("guide/panel/", ("Guide",)), ("guide/o/", ("Guide", "Deeper")), ("changelog/", ())],
    ),
    (
        "mkdocs-theme",
        """<ul class="nav navbar-nav"><li class="nav-item"><a href="." class="nav-link active">Home</a></li>
        <li class="nav-item dropdown"><a href="#" class="nav-link dropdown-toggle">Guide</a><ul class="dropdown-menu">
        <li><a href="guide/panel/" class="dropdown-item">Panel</a></li>
        <li class="dropdown-submenu"><a href="#" class="dropdown-item">Deeper</a><ul class="dropdown-menu"><li><a href="guide/o/">O</a></li></ul></li>
        </ul></li></ul><ul class="nav navbar-nav ms-md-auto"><li><a rel="next" href="changelog/">Next</a></li></ul>""",
        [(".", ()), ("guide/panel/", ("Guide",)), ("guide/o/", ("Guide", "Deeper"))],
    ),
    (
        "material-indexes-and-logo",
        """<nav class="md-nav md-nav--primary"><label class="md-nav__title"><a href="../" class="md-logo">L</a></label>
        <ul class="md-nav__list"><li class="md-nav__item md-nav__item--nested"><input type="checkbox">
        <div class="md-nav__link md-nav__container"><a href="../guide/" class="md-nav__link"><span class="md-ellipsis">Guide</span></a></div>
        <nav class="md-nav"><label class="md-nav__title">Guide</label><ul class="md-nav__list">
        <li class="md-nav__item md-nav__item--active"><label class="md-nav__link md-nav__link--active" for="__toc">Here</label>
        <a href="./" class="md-nav__link md-nav__link--active">Here</a>
        <nav class="md-nav md-nav--secondary"><ul><li class="md-nav__item"><a href="#toc" class="md-nav__link">Toc</a></li></ul></nav></li>
        </ul></nav></li></ul></nav>""",
        [("../guide/", ("Guide",)), ("./", ("Guide",))],
    ),
    (
        "unclosed-items",
        '<nav class="site"><ul><li><a href="a/">A<li><a href="b/">B</ul></nav>',
        [("a/", ()), ("b/", ())],
    ),
    ("no-nav", "<main><ul><li><a href='x/'>x</a></li></ul></main>", []),
]


@pytest.mark.parametrize("name, html, expected", BUILT_NAVS, ids=[b[0] for b in BUILT_NAVS])
def test_built_nav_entries(name, html, expected):
    assert built_nav_entries(html) == expected


def test_odd_site_folder(tmp_path):
    """Files that are no pages, bytes that are not UTF-8, a symlink out of the site: each gives
    one message naming the file, and everything else is read."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        "<title>Home</title><main><h1>Home</h1><a href='a/'>a</a></main>", encoding="utf-8"
    )
    (site / "a" / "index.html").write_text("<main><p>no heading</p></main>", encoding="utf-8")
    (site / "latin1.html").write_bytes("<main><h1>caf\xe9</h1></main>".encode("latin-1"))
    (site / "plain.html").write_text("<p>no content region</p>", encoding="utf-8")
    (site / "404.html").write_text("<main><h1>404 - Not found</h1></main>", encoding="utf-8")
    (site / "old").mkdir()
    (site / "old" / "index.html").write_text(
        '<html><head><meta http-equiv="refresh" content="0; url=../a/"></head></html>', encoding="utf-8"
    )
    (site / "img.png").write_bytes(b"\x89PNG")
    outside = tmp_path / "secret.html"
    outside.write_text("<main><h1>Secret</h1></main>", encoding="utf-8")
    (tmp_path / "secret_dir").mkdir()
    (tmp_path / "secret_dir" / "x.html").write_text("<main>x</main>", encoding="utf-8")
    os.symlink(outside, site / "link.html")
    os.symlink(tmp_path / "secret_dir", site / "linked_dir")
    os.symlink(site / "a", site / "alias")  # inside: read once, under its first name
    result = read_built_site(str(site), SiteConfig(config_path=None))
    assert [(p.site_path, p.url, p.title) for p in result.pages] == [
        ("a/index.html", "a/", "a/index.html"),
        ("index.html", "./", "Home"),
    ]
    assert sorted(result.problems) == sorted(
        [
            "link.html: skipped, a symlink to outside the site folder",
            "linked_dir/: skipped, a symlink to outside the site folder",
            "latin1.html: skipped, not UTF-8 text (byte 13)",
        ]
    )
    files = {f.url: f.is_page for f in result.files}
    assert files == {
        "404.html": False,
        "./": True,
        "a/": True,
        "img.png": False,
        "latin1.html": False,
        "plain.html": False,
    }
    assert result.redirects == {"old/": "a/index.html"}
    assert not any("secret" in p.html.lower() for p in result.pages)


def test_sources_read_once_with_their_pages(tmp_path, monkeypatch):
    """Each Markdown source is read once, with its page: its text (one decoding: UTF-8 without
    a byte order mark, bytes that are not UTF-8 replaced) and its front matter; the tag listings
    are found in that text, not by reading the source again. A page without a source has no
    text; a source whose front matter is broken keeps its text (its listing directive counts)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_bytes("\ufeff---\ntitle: Start\n---\n# Home\n".encode("utf-8"))
    (docs / "tags.md").write_bytes(b"---\na: [\n---\n# Tags\n<!-- material/tags -->\n")
    (docs / "latin.md").write_bytes(b"# caf\xe9\n")
    site = tmp_path / "site"
    for page in ("index.html", "tags/index.html", "latin/index.html", "extra/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text("<main><h1>T</h1></main>", encoding="utf-8")
    config = SiteConfig(config_path=None, docs_dir=str(docs), tags_plugins=[{}])

    opened = []
    real_open = open

    def counting_open(file, *args, **kwargs):
        if str(file).endswith(".md"):
            opened.append(os.path.relpath(file, docs))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    result = read_built_site(str(site), config)
    listings = find_listings(config, result.pages, logging.getLogger("test_built_site"))
    monkeypatch.undo()

    assert sorted(opened) == ["index.md", "latin.md", "tags.md"]
    pages = {p.site_path: (p.src_uri, p.has_source, p.markdown, p.meta) for p in result.pages}
    assert pages == {
        "index.html": ("index.md", True, "---\ntitle: Start\n---\n# Home\n", {"title": "Start"}),
        "tags/index.html": ("tags.md", True, "---\na: [\n---\n# Tags\n<!-- material/tags -->\n", {}),
        "latin/index.html": ("latin.md", True, "# caf\ufffd\n", {}),
        "extra/index.html": ("extra/index.html", False, "", {}),
    }
    assert [p.split(":")[0] for p in result.problems] == ["tags.md"]
    assert listings.sources == frozenset({"tags.md"})
    # Without a tags entry nothing reads the sources' text again: it is not kept.
    untagged = read_built_site(str(site), SiteConfig(config_path=None, docs_dir=str(docs)))
    assert [(p.markdown, p.meta) for p in untagged.pages if p.has_source] == [
        ("", {"title": "Start"}),
        ("", {}),
        ("", {}),
    ]


# --- Real generators ---------------------------------------------------------------------------

DOCS = {
    "index.md": "# Home page\n\nSee [install](guide/install.md).\n",
    "about.md": "---\norphan: true\nbacklinks_panel: false\n---\n# About <em>us</em>\n",
    "guide/index.md": "# The guide\n",
    "guide/install.md": "# Install &amp; run\n\n[Home](../index.md)\n",
    "guide/deep/more.md": "# More\n",
    "notes/README.md": "# Notes\n",
    "space name.md": "# Spaced\n",
}
NAV = [
    {"Home": "index.md"},
    {"Guide": ["guide/index.md", "guide/install.md", {"Deeper": ["guide/deep/more.md"]}]},
    "notes/README.md",
]


def _zensical_site(tmp_path: Path, zensical: Path, directory_urls: bool, nav: bool):
    write_docs(tmp_path, DOCS)
    lines = [
        "site_name: Test site",
        f"use_directory_urls: {str(directory_urls).lower()}",
        "plugins:",
        "  - backlinks:",
        "      orphans: error",
    ]
    if nav:
        import yaml

        lines.append(yaml.safe_dump({"nav": NAV}).strip())
    (tmp_path / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    site = zensical_build(zensical, tmp_path)
    config = read_config(str(tmp_path / "mkdocs.yml"))
    return config, read_built_site(str(site), config)


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_zensical_site_with_config_nav(tmp_path, zensical, directory_urls):
    config, site = _zensical_site(tmp_path, zensical, directory_urls, nav=True)
    assert config.plugin_options == {"orphans": "error"}
    assert site.problems == []
    url = {True: lambda d, f: d, False: lambda d, f: f}[directory_urls]
    got = {p.src_uri: (p.url, p.title, p.nav_position, p.crumbs) for p in site.pages}
    assert got == {
        "index.md": (url("./", "index.html"), "Home page", 0, ()),
        "guide/index.md": (url("guide/", "guide/index.html"), "The guide", 1, ("Guide",)),
        "guide/install.md": (url("guide/install/", "guide/install.html"), "Install & run", 2, ("Guide",)),
        "guide/deep/more.md": (url("guide/deep/more/", "guide/deep/more.html"), "More", 3, ("Guide", "Deeper")),
        "notes/README.md": (url("notes/", "notes/index.html"), "Notes", 4, ()),
        "about.md": (url("about/", "about.html"), "About us", None, ()),
        "space name.md": (url("space%20name/", "space%20name.html"), "Spaced", None, ()),
    }
    pages = {p.src_uri: p for p in site.pages}
    assert pages["about.md"].meta == {"orphan": True, "backlinks_panel": False}
    home = pages["index.md"]
    assert "See <a href=" in home.html[home.content_start : home.content_end]
    assert "md-nav" not in home.html[home.content_start : home.content_end]
    # 404.html and the search index are files of the site, not pages.
    others = {f.url for f in site.files if not f.is_page}
    assert {"404.html", "search.json"} <= others
    assert {f.src_uri for f in site.files if f.is_page} == set(DOCS)


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_zensical_site_with_built_nav(tmp_path, zensical, directory_urls):
    """Without `nav` in the config, the order and sections come from the navigation Zensical wrote."""
    config, site = _zensical_site(tmp_path, zensical, directory_urls, nav=False)
    order = sorted((p.nav_position, p.src_uri, p.crumbs) for p in site.pages)
    assert order == [
        (0, "index.md", ()),
        (1, "about.md", ()),
        (2, "space name.md", ()),
        (3, "guide/index.md", ("Guide",)),
        (4, "guide/install.md", ("Guide",)),
        (5, "guide/deep/more.md", ("Guide", "Deep")),
        (6, "notes/README.md", ("Notes",)),
    ]


def test_mkdocs2_site(tmp_path, mkdocs2):
    write_docs(tmp_path, DOCS)
    run([mkdocs2, "build", "--dir", "docs", "--output", "site"], tmp_path)
    # No config file: MkDocs 2.0's defaults, sources found in ./docs.
    site = read_built_site(str(tmp_path / "site"), SiteConfig.defaults(str(tmp_path)))
    assert site.problems == []
    got = sorted((p.nav_position, p.src_uri, p.url, p.title, p.crumbs) for p in site.pages)
    assert got == [
        (0, "index.md", "./", "Home page", ()),
        (1, "about.md", "about/", "About us", ()),
        (2, "guide/index.md", "guide/", "The guide", ()),
        (3, "guide/deep/more.md", "guide/deep/more/", "More", ()),
        (4, "guide/install.md", "guide/install/", "Install & run", ()),
        (5, "notes/README.md", "notes/", "Notes", ()),
        (6, "space name.md", "space%20name/", "Spaced", ()),
    ]
    # Without docs_dir, pages are named by their site path.
    bare = read_built_site(str(tmp_path / "site"), None)
    assert sorted(p.src_uri for p in bare.pages)[:2] == ["about/index.html", "guide/deep/more/index.html"]
    # A nav from an options-and-nav config still orders them.
    config = SiteConfig(config_path=None, nav=[{"Guide": ["guide/install.md"]}, "index.md"])
    ordered = {p.src_uri: (p.nav_position, p.crumbs) for p in read_built_site(str(tmp_path / "site"), config).pages}
    assert ordered["guide/install/index.html"] == (0, ("Guide",))
    assert ordered["index.html"] == (1, ())
    assert ordered["about/index.html"] == (None, ())


def test_pages_keep_their_region_and_are_read_again_to_be_written(tmp_path):
    """Only the pages the navigation may be read from keep their whole text; the others are
    read again when written, and one that changed since is not written over."""
    site = tmp_path / "site"
    for path in ("a/index.html", "b/index.html", "index.html"):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        nav = "<nav>" + "x" * 1000 + "</nav>"
        (site / path).write_text(f"<html><body>{nav}<main><h1>{path}</h1><p>t</p></main></body></html>", "utf-8")
    pages = {p.site_path: p for p in read_built_site(str(site), SiteConfig(config_path=None)).pages}
    assert [path for path, page in sorted(pages.items()) if page.html] == ["a/index.html", "index.html"]
    b = pages["b/index.html"]
    assert b.region == "<h1>b/index.html</h1><p>t</p>"
    assert page_text(str(site), b) == (site / "b/index.html").read_text("utf-8")
    (site / "b/index.html").write_text("<main>changed</main>", "utf-8")
    assert page_text(str(site), b) is None
    (site / "b/index.html").unlink()
    assert page_text(str(site), b) is None
