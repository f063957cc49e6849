"""Reading inbound-link exports: each format and language recognised by its content, bad input
reported one line per problem, and target URLs matched to pages as a browser reaches them."""

from __future__ import annotations

import csv
import io
import logging
import os
import random
from typing import Dict, List, Optional, Tuple

import pytest
from mkdocs.structure.files import File

from mkdocs_backlinks.core.inbound.formats import (
    ExportFile,
    OutsideLink,
    PageCount,
    SiteCount,
    parse_count,
    read_export,
    rows_of,
)
from mkdocs_backlinks.core.inbound.gather import KEPT_WHILE_READING, Inbound, add_export
from mkdocs_backlinks.core.inbound.load import read_inbound
from mkdocs_backlinks.core.inbound.match import Reach, Target, TargetMatcher
from mkdocs_backlinks.core.urls import SiteFile, SiteResolver

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "inbound")
S = "https://example.org/docs"


def read(path: str):
    with open(os.path.join(DATA, *path.split("/")), "rb") as file:
        return read_export(path, file.read())


# (fixture, format, what it holds: links, page counts, site counts, linking pages)
FORMATS = [
    ("gsc/en-top-linked-pages.csv", "Search Console top linked pages", 0, 5, 0, 0),
    ("gsc/he-top-linked-pages.csv", "Search Console top linked pages", 0, 2, 0, 0),
    ("gsc/es-top-linked-pages.csv", "Search Console top linked pages", 0, 1, 0, 0),
    ("gsc/de-top-linked-pages.csv", "Search Console top linked pages", 0, 1, 0, 0),
    ("gsc/ja-top-linked-pages.csv", "Search Console top linked pages", 0, 1, 0, 0),
    ("gsc/en-top-linking-sites.csv", "Search Console top linking sites", 0, 0, 3, 0),
    ("gsc/he-top-linking-sites.csv", "Search Console top linking sites", 0, 0, 2, 0),
    ("gsc/es-top-linking-sites.csv", "Search Console top linking sites", 0, 0, 1, 0),
    ("gsc/de-top-linking-sites.csv", "Search Console top linking sites", 0, 0, 1, 0),
    ("gsc/en-latest-links.csv", "Search Console latest links", 0, 0, 0, 2),
    ("gsc/he-latest-links.csv", "Search Console latest links", 0, 0, 0, 2),
    ("gsc/es-latest-links.csv", "Search Console latest links", 0, 0, 0, 1),
    ("gsc/de-latest-links.csv", "Search Console latest links", 0, 0, 0, 1),
    ("bing/backlinks.csv", "Bing Webmaster Tools backlinks", 3, 0, 0, 0),
    ("bing/domains.csv", "Bing Webmaster Tools linking domains", 0, 0, 1, 0),
    ("ahrefs/backlinks.csv", "Ahrefs backlinks", 2, 0, 0, 0),
    ("semrush/backlinks.csv", "Semrush backlinks", 1, 0, 0, 0),
]


@pytest.mark.parametrize(("path", "fmt", "links", "pages", "sites", "sources"), FORMATS)
def test_each_format_and_language_is_recognised_by_its_content(path, fmt, links, pages, sites, sources):
    export = read(path)
    assert (export.format, export.problems) == (fmt, [])
    assert (len(export.links), len(export.page_counts), len(export.site_counts), len(export.linking_pages)) == (
        links,
        pages,
        sites,
        sources,
    )


def test_what_each_format_says_is_read_field_by_field():
    assert read("gsc/en-top-linked-pages.csv").page_counts[0] == PageCount(f"{S}/guide/setup/", 1240, 12)
    assert read("gsc/he-top-linked-pages.csv").page_counts[0] == PageCount(f"{S}/guide/setup/", 340, 25)
    assert read("gsc/de-top-linked-pages.csv").page_counts[0] == PageCount(f"{S}/guide/setup/", 1240, 12)
    assert read("gsc/he-top-linking-sites.csv").site_counts[0] == SiteCount("קטן.example.org", 3)
    assert read("gsc/he-latest-links.csv").linking_pages == ["https://old.example.org/a", "https://new.example.org/b"]
    ahrefs = read("ahrefs/backlinks.csv")
    assert ahrefs.links[0] == OutsideLink(
        "https://blog.example.net/post/1",
        f"{S}/guide/setup/",
        "Setup <guide>",
        "Setting up <b>docs</b>",
        "Read the ",  # as written: the panel and the report put the spaces
        " first",
        "",
        False,
        "ahrefs/backlinks.csv",
    )
    assert ahrefs.links[1].nofollow and ahrefs.dropped == 1  # the lost link is not a link
    semrush = read("semrush/backlinks.csv")
    assert (semrush.links[0].title, semrush.links[0].anchor, semrush.dropped) == ("Tutorial list", "API reference", 1)
    assert read("bing/backlinks.csv").links[0].anchor == "the setup guide"


@pytest.mark.parametrize(
    ("cell", "count"),
    [("56", 56), ("1,240", 1240), ("1.240", 1240), ("1 240", 1240), ("1\u202f240", 1240), ("", None), ("12a", None),
     ("-5", None), ("1,24", None)],
)  # fmt: skip
def test_counts_as_consoles_write_them(cell, count):
    assert parse_count(cell) == count


BAD = [
    ("bad/unknown.csv", ["'bad/unknown.csv': not an export of outside links this plugin knows"]),
    ("bad/empty.csv", ["'bad/empty.csv': empty file; no outside links read from it"]),
    ("bad/truncated.csv", ["'bad/truncated.csv', line 3: 2 column(s) where 3 are needed; row skipped"]),
    ("bad/mixed-encoding.csv", ["'bad/mixed-encoding.csv', line 2: not UTF-8; read as Windows-1252"]),
    ("bad/short-rows.csv", ["'bad/short-rows.csv', line 2: 2 column(s) where 3 are needed; row skipped"]),
]


@pytest.mark.parametrize(("path", "expected"), BAD)
def test_bad_input_is_one_line_per_problem_naming_file_and_row(path, expected):
    export = read(path)
    assert [p[: len(e)] for p, e in zip(export.problems, expected)] == expected
    assert len(export.problems) == len(expected)


def test_bad_rows_lose_nothing_else():
    assert [link.source for link in read("bad/truncated.csv").links] == ["https://a.example.com/1"]
    assert [link.anchor for link in read("bad/mixed-encoding.csv").links] == ["café", "café"]
    assert [link.source for link in read("bad/short-rows.csv").links] == ["https://a.example.com/2"]


@pytest.mark.parametrize("path", [path for path, *_ in FORMATS] + [path for path, _ in BAD])
def test_an_export_read_from_its_open_file_is_read_as_from_its_bytes(path):
    with open(os.path.join(DATA, *path.split("/")), "rb") as file:
        from_file = read_export(path, file)
    assert from_file == read(path)


def test_a_utf16_export_is_read_from_its_file_as_from_its_bytes(tmp_path):
    text = "Source Url\tAnchor text\tTarget Url\n" + "".join(
        f"https://a.example/{n}\tcafé {n}\t{S}/guide/setup/\n" for n in range(5000)
    )
    for data in (
        b"\xff\xfe" + text.encode("utf-16-le"),
        text.encode("utf-16-le"),
        b"\xff\xfe" + text.encode("utf-16-le") + b"\x00",
    ):
        (tmp_path / "x.csv").write_bytes(data)
        with open(tmp_path / "x.csv", "rb") as file:
            from_file = read_export("x.csv", file)
        assert from_file == read_export("x.csv", data) and len(from_file.links) == 5000


def test_utf16_without_bom_and_a_cut_character_are_read():
    text = f"Target page,Incoming links,Linking sites\n{S}/,3,1\n".encode("utf-16-le")
    assert read_export("x.csv", text).page_counts == [PageCount(f"{S}/", 3, 1)]
    cut = read_export("y.csv", b"\xff\xfe" + text + b"\x00")  # one byte too many
    assert cut.page_counts == [PageCount(f"{S}/", 3, 1)]
    assert cut.problems == ["'y.csv': the file ends in the middle of a character (truncated?)"]


def test_a_binary_file_is_one_line_never_a_traceback():
    export = read_export("x.csv", bytes(range(256)) * 4)
    assert export.format == "" and len(export.problems) == 1


def test_a_200000_row_export_is_read_whole():
    rows = "".join(f"https://s{i % 977}.example.net/p{i},anchor {i},{S}/guide/setup/\n" for i in range(200_000))
    export = read_export("big.csv", ("Source Url,Anchor text,Target Url\n" + rows).encode())
    assert (export.rows, len(export.links), export.problems) == (200_000, 200_000, [])


def test_problems_beyond_twenty_are_counted_in_one_line():
    rows = "".join(f"https://a.example/{i}\n" for i in range(30))
    export = read_export("x.csv", ("Source Url,Anchor text,Target Url\n" + rows).encode())
    assert (len(export.problems), export.more_problems) == (20, 10)


# --- Matching target URLs to pages ------------------------------------------------------------------

SOURCES = ["index.md", "guide/index.md", "guide/setup.md", "reference/API.md", "Café au lait.md", "img/logo.png"]
REDIRECTS = {"guide/old-setup.md": "guide/setup.md", "moved.md": "https://elsewhere.example/"}


def matcher(directory_urls: bool, site_url: Optional[str] = f"{S}/") -> TargetMatcher:
    def url(src: str) -> str:
        return File(src, "/d", "/s", directory_urls).url

    files = [SiteFile(src, url(src), src.endswith(".md")) for src in SOURCES]
    redirects = {url(old): "" if new.startswith("http") else new for old, new in REDIRECTS.items()}
    return TargetMatcher(SiteResolver(files, site_url, redirects), site_url)


P, LOST, OTHER, ELSEWHERE, INVALID = Reach.PAGE, Reach.LOST, Reach.OTHER, Reach.ELSEWHERE, Reach.INVALID
# (URL, with directory URLs, with .html URLs): (reach, page or lost path)
MATCHES: List[Tuple[str, Tuple[Reach, str], Tuple[Reach, str]]] = [
    (f"{S}/", (P, "index.md"), (P, "index.md")),
    (f"{S}", (P, "index.md"), (P, "index.md")),
    (f"{S}/index.html", (P, "index.md"), (P, "index.md")),
    ("https://example.org/docs/guide/setup/", (P, "guide/setup.md"), (LOST, "guide/setup/")),
    ("https://example.org/docs/guide/setup", (P, "guide/setup.md"), (LOST, "guide/setup")),
    ("https://example.org/docs/guide/setup/index.html", (P, "guide/setup.md"), (LOST, "guide/setup/index.html")),
    ("https://example.org/docs/guide/setup.html", (LOST, "guide/setup.html"), (P, "guide/setup.md")),
    ("http://example.org/docs/guide/setup/", (P, "guide/setup.md"), (LOST, "guide/setup/")),
    ("https://www.example.org/docs/guide/setup/", (P, "guide/setup.md"), (LOST, "guide/setup/")),
    ("http://WWW.Example.ORG/docs/guide/setup/", (P, "guide/setup.md"), (LOST, "guide/setup/")),
    ("https://example.org:443/docs/guide/setup/", (P, "guide/setup.md"), (LOST, "guide/setup/")),
    ("http://example.org:80/docs/guide/setup.html", (LOST, "guide/setup.html"), (P, "guide/setup.md")),
    ("https://example.org/docs/guide/setup/?utm_source=news", (P, "guide/setup.md"), (LOST, "guide/setup/")),
    ("https://example.org/docs/guide/setup.html#step-2", (LOST, "guide/setup.html"), (P, "guide/setup.md")),
    ("https://example.org/docs/guide/setup/?a=1#b", (P, "guide/setup.md"), (LOST, "guide/setup/")),
    ("https://example.org/docs/guide/", (P, "guide/index.md"), (P, "guide/index.md")),
    ("https://example.org/docs/guide", (P, "guide/index.md"), (P, "guide/index.md")),
    ("https://example.org/docs/guide/index.html", (P, "guide/index.md"), (P, "guide/index.md")),
    ("https://example.org/docs/reference/API/", (P, "reference/API.md"), (LOST, "reference/API/")),
    ("https://example.org/docs/reference/api/", (LOST, "reference/api/"), (LOST, "reference/api/")),
    ("https://example.org/docs/reference/API.html", (LOST, "reference/API.html"), (P, "reference/API.md")),
    ("https://example.org/docs/Caf%C3%A9%20au%20lait/", (P, "Café au lait.md"), (LOST, "Café au lait/")),
    ("https://example.org/docs/Café au lait.html", (LOST, "Café au lait.html"), (P, "Café au lait.md")),
    ("https://example.org/docs/Caf%C3%A9%20au%20lait.html", (LOST, "Café au lait.html"), (P, "Café au lait.md")),
    ("https://example.org/docs/guide/../guide/setup/", (P, "guide/setup.md"), (LOST, "guide/setup/")),
    ("https://example.org/docs/guide/%2e%2e/index.html", (P, "index.md"), (P, "index.md")),
    ("https://example.org/docs/guide/old-setup/", (P, "guide/setup.md"), (LOST, "guide/old-setup/")),
    ("https://example.org/docs/guide/old-setup.html", (LOST, "guide/old-setup.html"), (P, "guide/setup.md")),
    ("https://example.org/docs/guide/old-setup", (P, "guide/setup.md"), (LOST, "guide/old-setup")),
    ("https://example.org/docs/moved/", (OTHER, "moved/"), (LOST, "moved/")),
    ("https://example.org/docs/img/logo.png", (OTHER, "img/logo.png"), (OTHER, "img/logo.png")),
    ("https://example.org/docs/gone/", (LOST, "gone/"), (LOST, "gone/")),
    ("https://example.org/docs/guide/Setup/", (LOST, "guide/Setup/"), (LOST, "guide/Setup/")),
    ("https://example.org/blog/post/", (ELSEWHERE, ""), (ELSEWHERE, "")),
    ("https://example.org/", (ELSEWHERE, ""), (ELSEWHERE, "")),
    ("https://example.org/docsx/", (ELSEWHERE, ""), (ELSEWHERE, "")),
    ("https://docs.example.org/docs/guide/setup/", (ELSEWHERE, ""), (ELSEWHERE, "")),
    ("https://example.org.evil.test/docs/", (ELSEWHERE, ""), (ELSEWHERE, "")),
    ("ftp://example.org/docs/", (INVALID, ""), (INVALID, "")),
    ("javascript:alert(1)", (INVALID, ""), (INVALID, "")),
    ("example.org/docs/guide/setup/", (INVALID, ""), (INVALID, "")),
    ("http://[::1", (INVALID, ""), (INVALID, "")),
    ("  https://example.org/docs/guide/setup/  ", (P, "guide/setup.md"), (LOST, "guide/setup/")),
]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(("url", "with_dirs", "with_html"), MATCHES)
def test_target_urls_reach_pages_as_a_browser_reaches_them(url, with_dirs, with_html, directory_urls):
    reach, where = with_dirs if directory_urls else with_html
    found = matcher(directory_urls).match(url)
    assert (found.reach, found.page or found.path) == (reach, where)


def test_the_golden_table_holds_at_least_30_url_forms():
    assert len(MATCHES) >= 30


def test_without_site_url_every_host_is_this_site():
    found = matcher(True, None).match("https://anything.example/guide/setup/")
    assert found == Target(Reach.PAGE, "guide/setup.md", "guide/setup/")


# --- Gathering: counted per page, per site, per lost URL -----------------------------------------


def gathered(*paths: str) -> Inbound:
    inbound = Inbound()
    m = matcher(True)
    for path in paths:
        add_export(inbound, m, read(path))
    return inbound


def test_links_are_counted_per_page_per_site_and_per_lost_url():
    inbound = gathered("gsc/en-top-linked-pages.csv", "bing/backlinks.csv", "ahrefs/backlinks.csv")
    setup = inbound.pages["guide/setup.md"]
    assert (setup.link_count, setup.site_count) == (1240, 12)  # Search Console's count, not a sum
    assert sorted(setup.sites) == ["blog.example.net", "forum.example.com"]
    lost: Dict[str, int] = {path: t.link_count for path, t in inbound.lost.items()}
    # The path's case is kept: "api" is not the page "API", Ahrefs' "Old-Setup" is not the old
    # URL "old-setup", which mkdocs-redirects sends on to the setup page.
    assert lost == {"reference/api/": 7, "guide/Old-Setup": 1}
    assert sorted(source for source, _ in setup.links) == [
        "https://blog.example.net/post/1",
        "https://forum.example.com/t/42",
        "https://forum.example.com/t/43",
    ]
    assert inbound.elsewhere == 2  # the blog's URL in Search Console, another host in Bing's
    assert inbound.sites["forum.example.com"].targets == {"guide/setup.md"}


def test_the_same_link_listed_twice_is_one_link():
    inbound = gathered("bing/backlinks.csv", "bing/backlinks.csv")
    assert len(inbound.pages["guide/setup.md"].links) == 2
    assert inbound.sites["forum.example.com"].links == 2
    assert inbound.sites["forum.example.com"].page_count == 2


def test_read_inbound_logs_one_line_per_problem_and_costs_nothing_unasked(caplog):
    log = logging.getLogger("test.inbound")
    resolver = matcher(True).resolver
    assert read_inbound([], [], DATA, resolver, f"{S}/", log) is None
    with caplog.at_level(logging.INFO, "test.inbound"):
        inbound = read_inbound(["bad/*.csv", "gsc/en-*.csv", "nothing/*.csv"], [], DATA, resolver, f"{S}/", log)
    assert inbound is not None and inbound.pages["guide/setup.md"].link_count == 1240
    messages = [r.getMessage() for r in caplog.records]
    assert sum("bad/" in m for m in messages) == 5
    assert any("'nothing/*.csv' names no file" in m for m in messages)
    assert any("1 row(s) for other sites ignored" in m for m in messages)
    assert all("\n" not in m for m in messages)


def test_a_lost_url_with_control_characters_is_printed_without_them():
    from mkdocs_backlinks.core.inbound.lost import LostURL, describe, redirect_key

    item = LostURL("old\x1b[31m/", "https://example.org/docs/old\x1b[31m/\n", 2, 1, ("a.example\x07",), "", "")
    line = describe(item, {})
    assert "\x1b" not in line and "\n" not in line and "\x07" not in line
    assert (
        line
        == "old?[31m/ (2 links from 1 site: a.example?; e.g. https://example.org/docs/old?[31m/?): no page of this build looks like it"
    )
    # The redirect_maps key serving a lost path, per use_directory_urls.
    dirs = ("a/b/", "a/b", "a/b/index.html", "a/b.html", "", "f.pdf")
    assert [redirect_key(p, True) for p in dirs] == ["a/b.md", "a/b.md", "a/b.md", "", "", ""]
    files = ("a/b.html", "a/b/", "a/b", "a/index.html", "", "f.pdf")
    expected = ["a/b.md", "a/b/index.md", "a/b/index.md", "a/index.md", "index.md", ""]
    assert [redirect_key(p, False) for p in files] == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ({"inbound_links": "exports/*.csv"}, "option 'inbound_links': Expected a list of items"),
        ({"sibling_sites": [{"graph_file": "a.json"}]}, "option 'sibling_sites': Item 1:"),
        ({"sibling_sites": [{"graph_file": "a.json", "url": "ftp://a.example/"}]}, "option 'sibling_sites': Item 1:"),
        ({"lost_inbound_links": "loud"}, "option 'lost_inbound_links': Expected one of:"),
    ],
)
def test_a_mistake_in_the_inbound_options_is_one_line_naming_it(written, message):
    from mkdocs_backlinks.core.options import OptionsError, load_options

    with pytest.raises(OptionsError) as raised:
        load_options(written)
    assert str(raised.value).startswith(message) and "\n" not in str(raised.value)


def test_the_inbound_options_read_as_written():
    from mkdocs_backlinks.core.options import load_options

    options, warnings = load_options(
        {
            "inbound_links": ["a.csv"],
            "sibling_sites": [{"graph_file": "../api/links.json", "url": "https://api.example/"}],
        }
    )
    assert warnings == [] and options.inbound_links == ["a.csv"]
    assert (options.sibling_sites[0].graph_file, options.sibling_sites[0].url) == (
        "../api/links.json",
        "https://api.example/",
    )
    assert (options.inbound_in_panel, options.lost_inbound_links) == (False, "warn")


def test_a_cell_too_big_for_the_reader_loses_its_row_only():
    big = "y" * 200_000
    rows = [f"https://a.example/1,x,{S}/", f"https://a.example/2,{big},{S}/", f"https://a.example/3,{big},{S}/"]
    rows.append(f"https://a.example/4,z,{S}/")
    export = read_export("big.csv", ("Source Url,Anchor text,Target Url\n" + "\n".join(rows) + "\n").encode())
    assert [link.source for link in export.links] == ["https://a.example/1", "https://a.example/4"]
    assert [p.split(":")[0] for p in export.problems] == ["'big.csv', line 3", "'big.csv', line 4"]


# --- What is kept: the links shown, the linking sites counted when asked ---------------------------


def _brute_force_shown(links: List[OutsideLink]) -> List[OutsideLink]:
    """The order the panel, the report and the export promise, worked out the slow way."""

    def rank(item: Tuple[int, OutsideLink]) -> Tuple[int, str, int]:
        order, link = item
        klass = 4 * (not (link.section or link.before)) + 2 * (not link.anchor) + (not link.title)
        return klass, link.source, order

    return [link for _, link in sorted(enumerate(links), key=rank)][:100]


@pytest.mark.parametrize("best", [0, 30, 99, 100, 150])
def test_the_links_shown_are_those_with_most_to_show_then_by_linking_page(best):
    import random

    from mkdocs_backlinks.core.inbound.gather import PageInbound

    rng = random.Random(best)
    links = []
    for n in range(2500):  # more than a page keeps while reading (KEPT_WHILE_READING)
        full = n < best  # context, anchor and title: shown first
        links.append(
            OutsideLink(
                f"https://s{rng.randrange(40)}.example/{rng.randrange(30)}",  # sources repeat: ties
                f"{S}/",
                f"anchor {n}" if full or n % 2 else "",
                "title" if full or n % 3 else "",
                "before" if full or n % 5 == 0 else "",
                "",
                "",
                False,
                "x.csv",
            )
        )
    page = PageInbound()
    for n, link in enumerate(links):
        page.add(tuple(link))  # type: ignore[arg-type]
        if n == 1200:
            page.shown_links()  # asked while links are still read: picked, then more added
    firsts: Dict[Tuple[str, str], OutsideLink] = {}
    for link in links:
        firsts.setdefault((link.source, link.anchor), link)  # a link listed again is one link
    kept = list(firsts.values())
    assert page.link_count == len(kept) > KEPT_WHILE_READING
    assert page.shown_links() == _brute_force_shown(kept)
    assert page.shown_links(7) == _brute_force_shown(kept)[:7]


def test_linking_sites_are_counted_again_after_more_links_are_read():
    def sites(inbound: Inbound):
        return (
            sorted(inbound.pages["guide/setup.md"].sites),
            {host: (site.link_count, site.page_count, sorted(site.pages)) for host, site in inbound.sites.items()},
        )

    inbound = gathered("bing/backlinks.csv")
    read_so_far = ["bing/backlinks.csv"]
    for path in ("ahrefs/backlinks.csv", "gsc/en-top-linking-sites.csv"):
        before = sites(inbound)  # counted now, then more is read
        add_export(inbound, matcher(True), read(path))
        read_so_far.append(path)
        assert sites(inbound) != before
        assert sites(inbound) == sites(gathered(*read_so_far))


# --- Rows: split where no quote is, read by the CSV reader elsewhere, the same cells either way -----


def _rows_the_slow_way(text: str, delimiter: str) -> Tuple[List[Tuple[int, List[str]]], List[int]]:
    """Every row as the CSV reader alone reads it, with the line it ends on; the lines of the
    rows it cannot read."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: List[Tuple[int, List[str]]] = []
    failed: List[int] = []
    while True:
        try:
            for row in reader:
                rows.append((reader.line_num, row))
            return rows, failed
        except csv.Error:
            if failed and failed[-1] == reader.line_num:
                return rows, failed
            failed.append(reader.line_num)


CELLS = ["a", "b c", " ", "", '"', '""', '"x\ny"', '"q,t"', "\0", "é", "日本", '"open', ",", ";", "\t"]
ENDS = ["\n", "\r\n", "\r"]


@pytest.mark.parametrize("seed", range(40))
def test_rows_are_the_cells_the_csv_reader_reads(seed):
    rng = random.Random(seed)
    delimiter = rng.choice([",", "\t", ";"])
    lines = [delimiter.join(["Source Url", "Anchor text", "Target Url"]) + "\n"]
    for _ in range(60):
        if rng.random() < 0.1:
            lines.append(rng.choice(ENDS))  # a blank line
            continue
        cells = [rng.choice(CELLS) for _ in range(rng.randrange(1, 5))]
        if rng.random() < 0.05:
            cells.append("y" * (csv.field_size_limit() + 1))  # a cell over the reader's limit
        lines.append(delimiter.join(cells) + rng.choice(ENDS))
    text = "".join(lines)
    if rng.random() < 0.5:
        text = text.rstrip("\r\n")  # no line end after the last row
    report = ExportFile("x.csv")
    line_now, rows = rows_of(io.StringIO(text, newline=""), report)
    read = [(line_now(), row) for row in rows]
    expected, failed = _rows_the_slow_way(text, delimiter)
    assert read == expected
    assert [int(p.split("line ")[1].split(":")[0]) for p in report.problems] == failed
