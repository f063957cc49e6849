"""Property tests (hypothesis): URL resolution against an independent reference, and link
extraction on generated and mutated HTML.

The reference for resolution shares no code with `mkdocs_backlinks.core.urls`: it joins the href onto
the page's address with `urllib.parse.urljoin`, then plays a static web server over the files
MkDocs would write (`File.dest_uri`): a path ending in `/` serves its `index.html`, a folder
without the slash redirects to it, anything else is looked up as is.

Cases per property are set by `EXAMPLES` below for `make test`; `make fuzz`
(`HYPOTHESIS_PROFILE=fuzz`) runs `FUZZ_SCALE` times as many; both are listed in the README.
"""

from __future__ import annotations

import html
import os
import re
import string
import time
from typing import Dict, List, Optional, Tuple
from urllib.parse import SplitResult, quote, unquote, urljoin, urlsplit

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File

from mkdocs_backlinks.core.html import anchor_extent, anchor_text, extract_anchors
from mkdocs_backlinks.core.urls import Kind, SiteFile, SiteResolver, relative_url

# Cases run by each property under `make test` (per URL mode where a test runs in both): every
# strategy is exercised on every run, the same cases each time, in a few seconds in all. The
# search for new failures is `make fuzz`: 80 times as many (12,000 for resolution), new ones
# on every run.
EXAMPLES = {
    "resolve": 150,
    "round_trip": 75,
    "arbitrary_href": 250,
    "extract_well_formed": 125,
    "extract_mutated": 200,
    "extract_hidden": 75,
}
FUZZ_SCALE = 80
SCALE = FUZZ_SCALE if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 1


def examples(name: str):
    return settings(
        max_examples=EXAMPLES[name] * SCALE,
        # `make test` runs the same cases every time (a CI gate must not flake); `make fuzz`
        # explores new ones on every run.
        derandomize=SCALE == 1,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- The reference: urljoin plus a static file server -------------------------------------------

HOST = "example.org"
OTHER_HOSTS = ("other.example", "EXAMPLE.ORG.evil", "example.org:8080")


def server(url: SplitResult) -> Tuple[Optional[str], Optional[int]]:
    """The host and port a browser connects to, the port None when it is the scheme's default."""
    return url.hostname, None if url.port == {"http": 80, "https": 443}[url.scheme] else url.port


class ReferenceSite:
    """The files of a generated site, as MkDocs names them and a static server serves them."""

    def __init__(self, sources: List[str], directory_urls: bool, site_url: Optional[str]) -> None:
        self.files: Dict[str, File] = {}
        by_dest: Dict[str, File] = {}
        for src in sources:
            file = File(src, "/docs", "/site", directory_urls)
            if file.dest_uri in by_dest:  # `a.md` and `a/index.md` both write `a/index.html`
                continue
            by_dest[file.dest_uri] = file
            self.files[src] = file
        self.by_dest = {dest: file.src_uri for dest, file in by_dest.items()}
        self.site_url = site_url
        # Without a site_url the site still lives somewhere: at a host no generated href names.
        self.root = site_url or "https://unknown.invalid/"
        self.mount = urlsplit(self.root).path

    @property
    def pages(self) -> List[str]:
        return [src for src in self.files if src.endswith(".md")]

    def resolver(self) -> SiteResolver:
        files = [SiteFile(f.src_uri, f.url, f.is_documentation_page()) for f in self.files.values()]
        return SiteResolver(files, self.site_url)

    def address(self, src: str) -> str:
        """The address of a page in the browser's location bar."""
        url = self.files[src].url
        return self.root + ("" if url == "./" else url)

    def serve(self, url_path: str) -> Optional[str]:
        """The source of the file a static server returns for an absolute URL path."""
        if not (url_path + "/").startswith(self.mount):
            return None
        path = unquote(url_path[len(self.mount) :])
        if path == "" or path.endswith("/"):
            return self.by_dest.get(path + "index.html")
        if path in self.by_dest:
            return self.by_dest[path]
        return self.by_dest.get(path + "/index.html")  # the redirect every host makes

    def expect(self, href: str, page: str) -> Tuple[Kind, str, str]:
        """(kind, target source, fragment) a browser on `page` reaches by following `href`."""
        # WHATWG URL parsing: strip leading and trailing C0 controls and spaces, drop tabs and
        # newlines anywhere.
        href = href.strip("".join(map(chr, range(0x21)))).replace("\t", "").replace("\n", "").replace("\r", "")
        # ...and, for web pages, read '\' before the query and fragment as '/', and the path
        # segments '%2e' and '.%2e', '%2e.', '%2e%2e' (any case) as '.' and '..'.
        scheme, before, after = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*:)?([^?#]*)(.*)", href, re.DOTALL).groups()
        segments = before.replace("\\", "/").split("/")
        dots = [re.sub("(?i)%2e", ".", s) if re.fullmatch(r"(?i)(?:\.|%2e){1,2}", s) else s for s in segments]
        href = (scheme or "") + "/".join(dots) + after
        try:
            urlsplit(href)
        except ValueError:
            return Kind.INVALID, "", ""
        # urljoin still knows RFC 1808's ";params" and drops an empty one (";" -> the page
        # itself); to a browser ';' is an ordinary path character, so hide it from urljoin.
        joined = urlsplit(urljoin(self.address(page), href.replace(";", "\x7f")).replace("\x7f", ";"))
        site = urlsplit(self.root)
        if joined.scheme not in ("http", "https") or server(joined) != server(site):
            return Kind.EXTERNAL, "", ""
        # urljoin leaves dot segments of absolute URLs alone; a browser removes them.
        path = urljoin(f"{site.scheme}://{site.netloc}/", (joined.path or "/").replace(";", "\x7f"))
        path = urlsplit(path).path.replace("\x7f", ";")
        fragment = unquote(joined.fragment)
        target = self.serve(path)
        if target is None:
            inside = (path + "/").startswith(self.mount)
            return (Kind.MISSING if inside else Kind.EXTERNAL), "", fragment
        if target == page:
            return Kind.SELF, target, fragment
        if not target.endswith(".md"):
            return Kind.ASSET, target, fragment
        return Kind.PAGE, target, fragment


# --- Generated sites and hrefs ------------------------------------------------------------------

# Characters that make file names hard: spaces, '%', dots, non-ASCII, URL delimiters.
NAME_CHARS = "abcAB01 .-_%é:#?&+~'@!=;ü"
segment = st.one_of(
    st.sampled_from(["a", "b", "sub", "T", "t", "v1.2", "My Page", "ünï", "100%", "tel:x", "x.html"]),
    st.text(alphabet=NAME_CHARS, min_size=1, max_size=5),
).filter(lambda s: s not in (".", "..") and not s.startswith("."))


@st.composite
def sources(draw) -> List[str]:
    pages = draw(st.lists(st.lists(segment, min_size=1, max_size=3), min_size=1, max_size=8))
    found = ["index.md"]
    for parts in pages:
        leaf = draw(st.sampled_from(["{}.md", "index.md", "README.md", "{}.md", "{}.png"]))
        found.append("/".join(parts[:-1] + [leaf.format(parts[-1])]))
    return list(dict.fromkeys(found))


SITE_URLS = st.sampled_from([None, f"https://{HOST}/", f"https://{HOST}/docs/", f"http://{HOST}/a b/"])


@st.composite
def site_and_href(draw, directory_urls: bool):
    site = ReferenceSite(draw(sources()), directory_urls, draw(SITE_URLS))
    page = draw(st.sampled_from(site.pages))
    known = sorted({part for src in site.files for part in src.split("/")} | {"index.html"})
    known += [f.url.rstrip("/").rsplit("/", 1)[-1] for f in site.files.values()]
    parts = draw(
        st.lists(
            st.one_of(st.sampled_from(known), st.sampled_from(["..", ".", "%2e%2e", ".%2E", "%2e"]), segment),
            max_size=5,
        )
    )
    # No empty segments: urljoin drops them ("a//b" -> "a/b") where a browser keeps them, and
    # whether "/a//b" serves "a/b" is up to the web server.
    path = "/".join(parts)
    style = draw(st.sampled_from(["raw", "quoted", "quoted-all"]))
    if style == "quoted":
        path = quote(path, safe="/%")
    elif style == "quoted-all":
        path = quote(path, safe="/")
    if draw(st.booleans()) and path and not path.endswith("/"):
        path += "/"
    prefix = draw(
        st.sampled_from(
            [
                "",
                "",
                "",
                "./",
                "../",
                "..\\",
                "ROOT",
                "ORIGIN",
                "ORIGIN:PORT",
                "//HOST",
                "\\\\HOST",
                "https:",
                "http:",
                "mailto:",
                "tel:",
                "OTHER",
            ]
        )
    )
    root_path = urlsplit(site.root).path
    if prefix == "ROOT":
        href = root_path + path
    elif prefix == "ORIGIN":
        href = site.root.upper().split("/", 3)[0] + "//" + HOST + root_path + path
    elif prefix == "ORIGIN:PORT":  # the scheme's default port, with user info
        scheme = urlsplit(site.root).scheme
        href = f"{scheme}://reader@{HOST}:{dict(http=80, https=443)[scheme]}{root_path}{path}"
    elif prefix in ("//HOST", "\\\\HOST"):
        href = prefix.replace("HOST", HOST) + root_path + path
    elif prefix == "OTHER":
        href = f"https://{draw(st.sampled_from(OTHER_HOSTS))}{root_path}{path}"
    else:
        href = prefix + path
    href += draw(st.sampled_from(["", "", "?q=1", "#part", "#%C3%A9t%C3%A9", "?a#b", "#"]))
    return site, page, href


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_resolution_matches_a_browser_and_a_static_server(directory_urls):
    @examples("resolve")
    @given(site_and_href(directory_urls))
    def check(case):
        site, page, href = case
        expected = site.expect(href, page)
        # A scheme-relative form ("https:x") on a site without site_url: which scheme the site
        # is served with is unknowable, so the answer may fairly differ.
        assume(not (site.site_url is None and ":" in href.split("/")[0] and "//" not in href))
        result = site.resolver().resolve(href, site.files[page].url, page)
        note(f"page={page!r} url={site.files[page].url!r} href={href!r} site_url={site.site_url!r}")
        got = (result.kind, result.target if result.kind in (Kind.PAGE, Kind.SELF, Kind.ASSET) else "")
        assert got == expected[:2]
        if result.kind is Kind.PAGE:
            assert result.fragment == expected[2]

    check()


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_relative_urls_reach_their_target(directory_urls):
    """The panel's hrefs: from any page to any other, following the href lands on the target."""

    @examples("round_trip")
    @given(sources(), SITE_URLS, st.data())
    def check(srcs, site_url, data):
        site = ReferenceSite(srcs, directory_urls, site_url)
        source = data.draw(st.sampled_from(site.pages))
        target = data.draw(st.sampled_from(site.pages))
        href = relative_url(site.files[target].url, site.files[source].url)
        note(f"{source!r} -> {target!r}: {href!r}")
        assert urlsplit(href).scheme == "" and not href.startswith("/")
        assert site.expect(href, source)[:2] == ((Kind.SELF if source == target else Kind.PAGE), target)
        result = site.resolver().resolve(href, site.files[source].url, source)
        assert (result.kind, result.target) == site.expect(href, source)[:2]

    check()


HOSTILE_HREFS = st.one_of(
    st.text(),
    st.text(alphabet="[]:/%?#@\\.\t\n \x00ab", max_size=20),
    st.sampled_from(["http://[", "https://[::1", "//[", "http://a:b:c/", "%", "%zz", "%ff%fe", "http://h:99999/"]),
)


@examples("arbitrary_href")
@given(HOSTILE_HREFS, st.sampled_from(["./", "a/", "a/b.html", "index.html"]))
def test_any_href_resolves_without_raising(href, page_url):
    files = [SiteFile("index.md", "./", True), SiteFile("a.md", "a/", True), SiteFile("a/b.md", "a/b.html", True)]
    result = SiteResolver(files, "https://example.org/docs/").resolve(href, page_url, "x.md")
    assert isinstance(result.kind, Kind)


# --- Link extraction ------------------------------------------------------------------------------

# Text and attribute values a writer might produce, entities and markup characters included.
TEXT = st.text(alphabet=string.ascii_letters + string.digits + " <>&\"';=/#%é\n\t-", max_size=30)
HREF = st.one_of(
    st.text(alphabet=string.ascii_letters + string.digits + "<>&\"';=/#%?é:.[]-_ ", min_size=1, max_size=40),
    st.sampled_from(["http://[", "%zz", "a/?x=1&y=2", "../b/#c", "mailto:x@y.z", "&amp;"]),
)


def attribute(name: str, value: str, quoting: str) -> str:
    if quoting == "unquoted" and value and all(c not in value for c in " \t\n\"'=<>`&"):
        return f" {name}={value}"
    if quoting == "single":
        return f" {name}='{html.escape(value)}'"
    return f' {name}="{html.escape(value)}"'


@st.composite
def well_formed_link(draw) -> Tuple[str, Tuple[str, str]]:
    href = draw(HREF)
    text = draw(TEXT)
    quoting = draw(st.sampled_from(["double", "single", "unquoted"]))
    before = draw(st.sampled_from(["", ' class="x"', " data-x='a>b'", ' title="it\'s"', " download"]))
    inner = html.escape(text, quote=False)
    inner = draw(st.sampled_from(["{}", "<em>{}</em>", "<code>{}</code>", "<span\nclass=y>{}</span>"])).format(inner)
    tag = draw(st.sampled_from(["a", "A"]))
    markup = f"<{tag}{before}{attribute('href', href, quoting)}>{inner}</{tag}>"
    return markup, (href, " ".join(text.split()))


# Markup between links: complete constructs that a browser closes before the next link.
NOISE = st.one_of(
    TEXT.map(lambda t: html.escape(t, quote=False)),
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<br/>",
            "<hr>",
            "<div class=a>",
            "</div>",
            "<img src=x alt='a > b'>",
            "&amp;",
            "&unknown;",
            "&#x1F600;",
            "&#99999999;",
            "&",
            "< b",
            "a > b",
            "<<",
            ">>",
            "<abbr href='x'>y</abbr>",
            "<area href=z>",
            "<a name=top></a>",
            "<a id=x>no href</a>",
            "<h2 id=s>Section</h2>",
            "<h3>Open heading",
            "</h3>",
            "<!---->",
            "<!-- <a href='c/'>x</a> -->",
            "<![CDATA[<a href='c/'>x</a>]]>",
            "<script>document.write('<a href=\"s/\">')</script>",
            "<style>a[href='x']{}</style>",
            "<textarea><a href=t>t</a></textarea>",
            '<div title="' + "x" * 100_000 + '">',
            "<p data-x=" + "y" * 50_000 + ">",
            '<a href="' + "%" * 10_000 + '"></a>',
        ]
    ),
)


@st.composite
def document(draw) -> Tuple[str, List[Tuple[str, str]]]:
    chunks: List[str] = []
    expected: List[Tuple[str, str]] = []
    for _ in range(draw(st.integers(0, 8))):
        chunks.append(draw(NOISE))
        if draw(st.booleans()):
            markup, found = draw(well_formed_link())
            chunks.append(markup)
            expected.append(found)
    return "".join(chunks), expected


@examples("extract_well_formed")
@given(document())
def test_every_well_formed_link_is_found(doc):
    markup, expected = doc
    anchors = extract_anchors(markup)
    # Every generated link, in order, with its exact href and text; noise adds no link with an
    # href but the one NOISE spells out (the '%%%' one).
    found = [(a.href, anchor_text(markup, a.start)) for a in anchors if a.href != "%" * 10_000]
    assert found == expected
    for anchor in anchors:
        assert 0 <= anchor.start < anchor_extent(markup, anchor.start)[2] <= len(markup)
        assert markup[anchor.start] == "<"


@examples("extract_hidden")
@given(well_formed_link(), st.sampled_from([
    "<!--{}-->", "<![CDATA[{}]]>", "<script>{}</script>", "<style>{}</style>", "<SCRIPT type=x>{}</script >",
    "<textarea>{}</textarea>", "<title>{}</title>", "<!--{}",
]))  # fmt: skip
def test_links_in_comments_and_raw_text_are_not_links(link, container):
    markup, _ = link
    closing = container[container.index("}") + 1 :].split(">")[0].split()[0] if "</" in container else ""
    assume(not closing or closing.lower() not in markup.lower())
    assert extract_anchors(container.format(markup)) == []


MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "duplicate", "truncate"]),
        st.integers(0, 10_000),
        st.sampled_from(
            [
                "<",
                ">",
                '"',
                "'",
                "=",
                "<a ",
                "<a href=",
                "</a>",
                "<!--",
                "-->",
                "<h2>",
                "</h2",
                "<script>",
                "&#",
                "&",
                "<![CDATA[",
                "\x00",
                "\ufffd",
                " ",
            ]
        ),
    ),
    max_size=6,
)


@examples("extract_mutated")
@given(document(), MUTATIONS)
def test_mutated_html_never_breaks_extraction(doc, mutations):
    markup = doc[0]
    for action, position, piece in mutations:
        at = position % (len(markup) + 1)
        if action == "insert":
            markup = markup[:at] + piece + markup[at:]
        elif action == "delete":
            markup = markup[:at] + markup[at + len(piece) :]
        elif action == "duplicate":
            markup = markup[:at] + markup[at : at + 200] * 3 + markup[at:]
        else:
            markup = markup[:at]
    for anchor in extract_anchors(markup):
        text_start, text_end, end = anchor_extent(markup, anchor.start)
        assert 0 <= anchor.start < text_start <= text_end <= end <= len(markup)
        assert isinstance(anchor.href, str) and isinstance(anchor_text(markup, anchor.start), str)
        if anchor.heading is not None:
            assert 1 <= anchor.heading.level <= 6


# Inputs that made early versions of the scanner quadratic (or worse): each is ~250 KB, so
# quadratic behaviour takes minutes where linear takes milliseconds.
ADVERSARIAL = {
    "unclosed script tags": "<script " * 32_000,
    "unclosed title tags": "<title " * 32_000,
    "open link, then unclosed tags": "<a href=x>" + "<a " * 80_000,
    "open heading, then unclosed links": "<h1>" + "<a " * 80_000,
    "heading full of permalink starts": "<h1>" + '<a class="headerlink" ' * 12_000,
    "heading of '<'": "<h1>" + "<" * 250_000,
    "unclosed attribute values": "<a href='" * 28_000,
    "equals signs": "<a " + '=""' * 80_000,
    "comment starts": "<!--" * 60_000,
    "closing tags": "</a " * 60_000 + "</h2 " * 40_000,
}


# Ordinary rendered Markdown: headings with permalinks, paragraphs with links and inline markup.
ORDINARY = (
    '<h2 id="part">Part <a class="headerlink" href="#part" title="Permanent link">&para;</a></h2>\n'
    '<p>Some text with <a href="../guide/">a link</a>, <em>emphasis</em> and <code>&lt;b&gt;</code>.</p>\n'
)


def scan_seconds(text: str) -> float:
    """The best of three scans: the least disturbed by whatever else the machine is doing."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extract_anchors(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_hostile_html_is_scanned_in_linear_time(name):
    """Each hostile input scans about as fast as ordinary HTML of the same length (measured on
    the same machine at the same moment, so a slow or busy machine neither fails the test nor
    hides a regression): linear takes a few times as long, quadratic thousands of times."""
    hostile = ADVERSARIAL[name]
    ordinary = (ORDINARY * (len(hostile) // len(ORDINARY) + 1))[: len(hostile)]
    assert scan_seconds(hostile) < 50 * scan_seconds(ordinary)


# What the properties above found, kept as plain cases: (site_url, page URL, href, expected).
FOUND = [
    # A folder without its slash redirects to its index.html in .html-URL mode too.
    (None, "index.html", "sub", "sub/index.md"),
    (None, "a.html", "sub#x", "sub/index.md"),
    # Same scheme as the site's and no host: the rest is a relative reference.
    ("https://example.org/docs/", "a/", "https:../sub/", "sub/index.md"),
    ("https://example.org/docs/", "./", "https:sub/index.html", "sub/index.md"),
    ("https://example.org/docs/", "./", "https:/docs/a/", "a.md"),
    ("https://example.org/docs/", "./", "http:sub/", None),  # another scheme: host "sub"
    ("https://example.org/docs/", "./", "https:https:x", None),  # a path segment "https:x"
]


@pytest.mark.parametrize("site_url, page_url, href, target", FOUND)
def test_found_by_the_properties(site_url, page_url, href, target):
    directory_urls = page_url.endswith("/")
    site = ReferenceSite(["index.md", "a.md", "sub/index.md"], directory_urls, site_url)
    page = {f.url: src for src, f in site.files.items()}[page_url]
    result = site.resolver().resolve(href, page_url, page)
    assert (result.target if result.kind is Kind.PAGE else None) == target
    kind, reference_target, _ = site.expect(href, page)
    assert (reference_target if kind is Kind.PAGE else None) == target
