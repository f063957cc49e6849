"""URL resolution, case by case, against the URLs real MkDocs `File` objects get.

Each case: the page the link sits on, the href as MkDocs writes it (with directory URLs | with
`.html` URLs; one href when both are the same), and what it must resolve to.
"""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File, Files

from mkdocs_backlinks.core.urls import Kind, SiteFile, SiteResolver, relative_url
from mkdocs_backlinks.plugin.pages import site_files

SOURCES = [
    "index.md", "a.md", "sub/b.md", "sub/index.md", "sub2/README.md", "sub/deep/c.md",
    "My Page.md", "ünï.md", "t26 100%.md", "foo.bar.md", "v1.2.md", "T.md", "t.md",
    "tel.md", "https.md", "telx/index.md", "img/x.png", "draft.md",
]  # fmt: skip

PAGE, SELF, ASSET, MISSING, EXTERNAL, EXCLUDED, INVALID = (
    Kind.PAGE, Kind.SELF, Kind.ASSET, Kind.MISSING, Kind.EXTERNAL, Kind.EXCLUDED, Kind.INVALID,
)  # fmt: skip

# (page, href with directory URLs, href with .html URLs (None: the same), expected, target, fragment)
CASES = [
    # Sibling, child, parent; dir-mode hrefs are relative to the page URL, one level deeper.
    ("a.md", "../sub/b/", "sub/b.html", PAGE, "sub/b.md", ""),
    ("sub/b.md", "../../a/", "../a.html", PAGE, "a.md", ""),
    ("sub/b.md", "../", "index.html", PAGE, "sub/index.md", ""),
    ("sub/b.md", "./", "b.html", SELF, "sub/b.md", ""),
    # The homepage, from everywhere; its Page.url is "" and File.url "./".
    ("a.md", "../", "index.html", PAGE, "index.md", ""),
    ("sub/deep/c.md", "../../../", "../../index.html", PAGE, "index.md", ""),
    ("index.md", "a/", "a.html", PAGE, "a.md", ""),
    ("index.md", "./a/", "./a.html", PAGE, "a.md", ""),
    # Section pages: index.md and README.md.
    ("a.md", "../sub/", "sub/index.html", PAGE, "sub/index.md", ""),
    ("a.md", "../sub2/", "sub2/index.html", PAGE, "sub2/README.md", ""),
    ("a.md", "../sub/index.html", "sub/", PAGE, "sub/index.md", ""),
    # Fragments and queries are not part of the path.
    ("a.md", "../sub/b/#sec-b", "sub/b.html#sec-b", PAGE, "sub/b.md", "sec-b"),
    ("a.md", "../sub/b/?q=1#sec-b", "sub/b.html?q=1#sec-b", PAGE, "sub/b.md", "sec-b"),
    ("a.md", "../sub/b/?q=1", "sub/b.html?q=1", PAGE, "sub/b.md", ""),
    ("a.md", "../sub/b/#%C3%A9t%C3%A9", "sub/b.html#%C3%A9t%C3%A9", PAGE, "sub/b.md", "été"),
    # Links to the page itself never count.
    ("a.md", "./#sec-a", "a.html#sec-a", SELF, "a.md", "sec-a"),
    ("a.md", "#sec-a", None, SELF, "a.md", "sec-a"),
    ("a.md", "#fn:1", None, SELF, "a.md", "fn:1"),
    ("a.md", "", None, SELF, "a.md", ""),
    ("a.md", "?x=1", None, SELF, "a.md", ""),
    ("index.md", "./", "index.html", SELF, "index.md", ""),
    # Percent-encoding: decoded exactly once; spaces, non-ASCII, a literal '%'.
    ("a.md", "../My%20Page/", "My%20Page.html", PAGE, "My Page.md", ""),
    ("a.md", "../%C3%BCn%C3%AF/", "%C3%BCn%C3%AF.html", PAGE, "ünï.md", ""),
    ("a.md", "../ünï/", "ünï.html", PAGE, "ünï.md", ""),
    ("a.md", "../t26%20100%25/", "t26%20100%25.html", PAGE, "t26 100%.md", ""),
    ("a.md", "../t26%20100%2525/", "t26%20100%2525.html", MISSING, "", ""),
    ("a.md", "../bad%zz/", "bad%zz.html", MISSING, "", ""),
    # Dots in file names.
    ("a.md", "../foo.bar/", "foo.bar.html", PAGE, "foo.bar.md", ""),
    ("a.md", "../v1.2/", "v1.2.html", PAGE, "v1.2.md", ""),
    # Case-distinct pages are distinct; never case-folded.
    ("a.md", "../T/", "T.html", PAGE, "T.md", ""),
    ("a.md", "../t/", "t.html", PAGE, "t.md", ""),
    ("a.md", "../A/", "A.html", MISSING, "", ""),
    # Root-relative hrefs, left verbatim by MkDocs, resolve from the site root.
    ("sub/b.md", "/a/", "/a.html", PAGE, "a.md", ""),
    ("sub/b.md", "/", "/index.html", PAGE, "index.md", ""),
    ("a.md", "/sub/b.md", None, MISSING, "", ""),
    # Raw HTML hrefs to .md files are what the browser gets: not a page.
    ("a.md", "../sub/b.md", "sub/b.md", MISSING, "", ""),
    # Unrecognized relative links resolve from the page's URL, as a browser does.
    ("a.md", "sub/", "sub/", MISSING, "", ""),  # overridden below for .html URLs
    ("a.md", "../sub/b", "sub/b", PAGE, "sub/b.md", ""),  # hosts redirect 'b' to 'b/'
    # Dot segments written percent-encoded are dot segments to a browser; three dots are a name.
    ("a.md", "%2e%2e/sub/%2E/b/", "sub/%2E/b.html", PAGE, "sub/b.md", ""),
    ("a.md", ".%2E/sub/deep/%2e./b/", "sub/deep/%2e%2E/b.html", PAGE, "sub/b.md", ""),
    ("a.md", "../sub/%2e%2e%2e/", "sub/%2e%2e%2e/b.html", MISSING, "", ""),
    # Going above the root stays at the root.
    ("a.md", "../../../../sub/b/", "../../../sub/b.html", PAGE, "sub/b.md", ""),
    # Schemes that are not links to pages, excluded by scheme, not by prefix.
    ("a.md", "mailto:x@y.z", None, EXTERNAL, "", ""),
    ("a.md", "MAILTO:x@y.z", None, EXTERNAL, "", ""),
    ("a.md", "tel:+123", None, EXTERNAL, "", ""),
    ("a.md", "javascript:alert(1)", None, EXTERNAL, "", ""),
    ("a.md", "data:text/html,hi", None, EXTERNAL, "", ""),
    ("a.md", "//other.host/a/", None, EXTERNAL, "", ""),
    ("a.md", "https://other.org/a/", None, EXTERNAL, "", ""),
    ("a.md", "ftp://x.org/a/", None, EXTERNAL, "", ""),
    # ...so pages named like schemes are still pages.
    ("a.md", "../tel/", "tel.html", PAGE, "tel.md", ""),
    ("a.md", "../https/", "https.html", PAGE, "https.md", ""),
    ("index.md", "telx/", "telx/index.html", PAGE, "telx/index.md", ""),
    # White space browsers strip or ignore.
    ("a.md", "  ../sub/b/\n", " sub/b.html\t", PAGE, "sub/b.md", ""),
    ("a.md", "../su\tb/b/", "su\nb/b.html", PAGE, "sub/b.md", ""),
    # ...and the control characters browsers strip from either end, as urlsplit does.
    ("a.md", "\x01../sub/b/\x1f", "\x0bsub/b.html\x1f", PAGE, "sub/b.md", ""),
    ("a.md", "\x02/sub/b/#x\x03", "\x02/sub/b.html#x\x03", PAGE, "sub/b.md", "x"),
    # A browser reads a backslash as a slash before the query and fragment: paths, other hosts.
    ("a.md", "..\\sub\\b\\#x\\y", "sub\\b.html#x\\y", PAGE, "sub/b.md", "x\\y"),
    ("a.md", "\\sub\\b\\", "\\sub\\b.html", PAGE, "sub/b.md", ""),
    ("a.md", "\\\\other.host\\a\\", None, EXTERNAL, "", ""),
    ("a.md", "/\\other.host/a/", None, EXTERNAL, "", ""),
    ("a.md", "https:\\\\other.org\\a", None, EXTERNAL, "", ""),
    # Assets, excluded pages, missing pages, unparsable URLs.
    ("a.md", "../img/x.png", "img/x.png", ASSET, "img/x.png", ""),
    ("a.md", "../draft/", "draft.html", EXCLUDED, "draft.md", ""),
    ("a.md", "../nope/", "nope.html", MISSING, "", ""),
    ("a.md", "http://[", None, INVALID, "", ""),
    ("a.md", "https://[::1", None, INVALID, "", ""),
]

# With .html URLs, 'sub/' from a.html is the folder sub/, which a host serves as sub/index.html.
# And 'sub/b' is no file at all, where a directory URL host would redirect it to 'sub/b/'.
FILE_URL_OVERRIDES = {("a.md", "sub/"): (PAGE, "sub/index.md"), ("a.md", "../sub/b"): (MISSING, "")}


def make_resolver(directory_urls: bool, site_url=None) -> "tuple[SiteResolver, dict]":
    files = Files([File(src, "/docs", "/site", directory_urls) for src in SOURCES])
    excluded = {"draft.md"}
    site = [f.__class__(f.src_uri, f.url, f.is_page, f.src_uri in excluded) for f in site_files(files)]
    urls = {file.src_uri: file.url for file in files}
    return SiteResolver(site, site_url), urls


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}:{c[1]!r}" for c in CASES])
def test_resolution_table(case, directory_urls):
    page, dir_href, file_href, kind, target, fragment = case
    href = dir_href if directory_urls or file_href is None else file_href
    if not directory_urls and (page, dir_href) in FILE_URL_OVERRIDES:
        kind, target = FILE_URL_OVERRIDES[(page, dir_href)]
    resolver, urls = make_resolver(directory_urls)
    result = resolver.resolve(href, urls[page], page)
    assert (result.kind, result.target) == (kind, target)
    if kind in (PAGE, SELF):
        assert result.fragment == fragment


SITE_URL_CASES = [
    # site_url with a sub-path: root-relative links must carry it, absolute URLs to the site count.
    ("/docs/a/", PAGE, "a.md"),
    ("/docs/", PAGE, "index.md"),
    ("/docs", PAGE, "index.md"),
    ("/a/", EXTERNAL, ""),  # outside the site's mount path
    ("https://example.org/docs/a/", PAGE, "a.md"),
    ("http://EXAMPLE.org/docs/sub/b/#x", PAGE, "sub/b.md"),
    ("https://example.org/docs/../docs/a/", PAGE, "a.md"),
    ("https://example.org/other/a/", EXTERNAL, ""),
    ("https://example.org.evil/docs/a/", EXTERNAL, ""),
    # The scheme's default port and user info name the same host; another port another one.
    ("https://example.org:443/docs/a/", PAGE, "a.md"),
    ("http://reader@example.org:80/docs/a/", PAGE, "a.md"),
    ("https://example.org:/docs/a/", PAGE, "a.md"),
    ("https://example.org:8443/docs/a/", EXTERNAL, ""),
    ("http://example.org:443/docs/a/", EXTERNAL, ""),
    ("https://example.org@other.example/docs/a/", EXTERNAL, ""),
    ("//example.org/docs/a/", PAGE, "a.md"),
    ("https://example.org/docs/nope/", MISSING, ""),
    ("../a/", PAGE, "a.md"),  # relative links are unaffected by the mount path
]


@pytest.mark.parametrize("href, kind, target", SITE_URL_CASES)
def test_resolution_under_a_site_url_sub_path(href, kind, target):
    resolver, urls = make_resolver(True, "https://example.org/docs/")
    result = resolver.resolve(href, urls["T.md"], "T.md")
    assert (result.kind, result.target) == (kind, target)


# Hrefs that mean the same from every page, whatever its depth: (href with directory URLs,
# href with .html URLs (None: the same), kind, target). SELF means: the page the link is on.
FROM_EVERY_PAGE = [
    ("/sub/b/", "/sub/b.html", PAGE, "sub/b.md"),
    ("/sub", None, PAGE, "sub/index.md"),  # hosts redirect a folder to its index
    ("/sub/", "/sub/index.html", PAGE, "sub/index.md"),
    ("/", "/index.html", PAGE, "index.md"),
    ("/My%20Page/#x", "/My%20Page.html#x", PAGE, "My Page.md"),
    ("/img/x.png", None, ASSET, "img/x.png"),
    ("/draft/", "/draft.html", EXCLUDED, "draft.md"),
    ("/nope/", "/nope.html", MISSING, ""),
    ("#part", None, SELF, "SELF"),
    ("?q=1", None, SELF, "SELF"),
    ("", None, SELF, "SELF"),
    ("mailto:x@example.org", None, EXTERNAL, ""),
    ("//other.example/sub/b/", None, EXTERNAL, ""),
    ("http://[", None, INVALID, ""),
]
EVERY_PAGE = ["index.md", "a.md", "sub/index.md", "sub/b.md", "sub/deep/c.md", "sub2/README.md", "My Page.md"]


@pytest.mark.parametrize(
    "dir_href, file_href, kind, target", FROM_EVERY_PAGE, ids=[c[0] or "empty" for c in FROM_EVERY_PAGE]
)
def test_resolution_from_every_page_table(directory_urls, dir_href, file_href, kind, target):
    resolver, urls = make_resolver(directory_urls)
    href = dir_href if directory_urls or file_href is None else file_href
    for page in EVERY_PAGE:
        result = resolver.resolve(href, urls[page], page)
        expected = (SELF, page) if target == "SELF" or target == page else (kind, target)
        assert (result.kind, result.target) == expected, page


@pytest.mark.parametrize(
    "target, base, expected",
    [
        ("a/", "./", "a/"),
        ("./", "a/", "../"),
        ("./", "./", "./"),
        ("a/", "a/", "./"),
        ("sub/b/", "a/", "../sub/b/"),
        ("a/", "sub/deep/c/", "../../../a/"),
        ("sub/b.html", "a.html", "sub/b.html"),
        ("index.html", "sub/b.html", "../index.html"),
        ("a.html", "a.html", "a.html"),
        ("My%20Page/", "sub/b/", "../../My%20Page/"),
        ("tel:x/", "a/", "../tel:x/"),
        ("tel:x/", "./", "./tel:x/"),
        ("sub/index.html", "sub/b.html", "index.html"),
    ],
)
def test_relative_url(target, base, expected):
    assert relative_url(target, base) == expected


def test_relative_url_round_trips_through_the_resolver(directory_urls):
    """Every panel href from every page reaches the intended page."""
    resolver, urls = make_resolver(directory_urls)
    pages = [src for src in SOURCES if src.endswith(".md") and src != "draft.md"]
    for source in pages:
        for target in pages:
            href = relative_url(urls[target], urls[source])
            result = resolver.resolve(href, urls[source], source)
            expected = Kind.SELF if source == target else Kind.PAGE
            assert (result.kind, result.target) == (expected, target), (source, target, href)


# Hrefs climbing out of a page's folder, worked out by hand with RFC 3986 (section 5.2.4): an
# empty segment is a segment ('a//b/' is three levels deep), '.' is the folder itself, and '../'
# never climbs above the site's mount path ('/' stays at the root; above '/docs/' is another site).
# (folder of the page, href, path reached with the site at '/', path reached under '/docs/').
CLIMBS = [
    ("a//b/", "z", "a//b/z", "a//b/z"),
    ("a//b/", "../z", "a//z", "a//z"),
    ("a//b/", "../../z", "a/z", "a/z"),
    ("a//b/", "../../../z", "z", "z"),
    ("a//b/", "../../../../z", "z", EXTERNAL),
    ("guide/x/", "z", "guide/x/z", "guide/x/z"),
    ("guide/x/", "../z", "guide/z", "guide/z"),
    ("guide/x/", "../../z", "z", "z"),
    ("guide/x/", "../../../z", "z", EXTERNAL),
    ("guide/x/", "../../../../z", "z", EXTERNAL),
    ("", "z", "z", "z"),
    ("", "../z", "z", EXTERNAL),
    ("", "../../../../z", "z", EXTERNAL),
    ("./", "z", "z", "z"),
    ("./", "../z", "z", EXTERNAL),
    ("./", "../../z", "z", EXTERNAL),
    ("a/b/c/", "z", "a/b/c/z", "a/b/c/z"),
    ("a/b/c/", "../z", "a/b/z", "a/b/z"),
    ("a/b/c/", "../../z", "a/z", "a/z"),
    ("a/b/c/", "../../../z", "z", "z"),
    ("a/b/c/", "../../../../z", "z", EXTERNAL),
]


@pytest.mark.parametrize("folder, href, at_root, under_docs", CLIMBS, ids=[f"{c[0]!r}:{c[1]}" for c in CLIMBS])
def test_climbing_folders(folder, href, at_root, under_docs):
    """Hrefs that start with '../' climb exactly as RFC 3986 removes dot segments, empty
    segments included, and never above the site's mount path."""
    for site_url, expected in ((None, at_root), ("https://example.org/docs/", under_docs)):
        resolver = SiteResolver([SiteFile("x.md", "x/", True)], site_url)
        result = resolver.resolve(href, folder + "page.html")
        if expected is EXTERNAL:
            assert result.kind is Kind.EXTERNAL, (site_url, result)
        else:
            assert (result.kind, result.path) == (Kind.MISSING, expected), site_url
