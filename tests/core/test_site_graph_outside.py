"""Other sites in the site graph (`graph_outside_sites`): the data of their nodes and links from
plain values, the page's parts they add (escaped, linking nowhere), the page unchanged without
them, and the sites an audit draws from an export read through the public inbound API."""

from __future__ import annotations

import html
import json
import logging
import re

import pytest

from mkdocs_backlinks.core.audit import audit
from mkdocs_backlinks.core.inbound.load import read_inbound
from mkdocs_backlinks.core.options import load_options
from mkdocs_backlinks.core.site_graph import OutsideSite, SiteGraphPage, graph_data, render_site_graph
from mkdocs_backlinks.core.urls import SiteFile, SiteResolver

from .conftest import linked_site, url_of

HOSTILE = '</script><img src=x onerror=alert(1)> & "q" <!--'
DATA = re.compile(r'<script type="application/json" id="sg-data">(.*?)</script>', re.S)
PAGES = [SiteGraphPage(k, k.upper(), f"{k}/", "Guide" if k < "c" else "") for k in ("a", "b", "c")]
LINKS = [("a", "b"), ("b", "c")]


def site(host, links, pages, *targets):
    return OutsideSite(host, links, pages, tuple(targets))


# (id, outside sites, expected `outside`, expected `outside_links` as (host, page key) pairs)
TABLE = [
    ("none", [], None, None),
    ("a site linking to no page drawn is left out", [site("x.example", 9, 2, "zzz")], None, None),
    (
        "in the given order, links sorted by site then page",
        [site("big.example", 30, 4, "c", "a"), site("small.example", 2, 1, "b")],
        [["big.example", 30, 4], ["small.example", 2, 1]],
        [("big.example", "a"), ("big.example", "c"), ("small.example", "b")],
    ),
    (
        "unknown targets dropped, a repeated host drawn once",
        [site("x.example", 5, 1, "a", "gone"), site("y.example", 4, 1, "gone"), site("x.example", 1, 1, "b")],
        [["x.example", 5, 1]],
        [("x.example", "a")],
    ),
    ("a hostile name is data", [site(HOSTILE, 1, 1, "b")], [[HOSTILE, 1, 1]], [(HOSTILE, "b")]),
]


@pytest.mark.parametrize("case, outside, rows, pairs", TABLE, ids=[row[0] for row in TABLE])
def test_graph_data_with_other_sites(case, outside, rows, pairs):
    data = graph_data(PAGES, LINKS, outside)
    assert {k: data[k] for k in ("sections", "nodes", "links", "labels")} == graph_data(PAGES, LINKS)
    if rows is None:
        assert set(data) == {"sections", "nodes", "links", "labels"}
        # Without sites to draw, the page is byte for byte the page drawn without the option.
        assert render_site_graph("S", PAGES, LINKS, None, outside) == render_site_graph("S", PAGES, LINKS)
        return
    assert data["outside"] == rows
    flat = data["outside_links"]
    assert [(rows[s][0], PAGES[p].key) for s, p in zip(flat[::2], flat[1::2])] == pairs

    text = render_site_graph("S", PAGES, LINKS, None, outside)
    raw = DATA.search(text).group(1)
    assert json.loads(raw) == data and "<" not in raw and "&" not in raw
    others = f"{len(rows)} other site{'s' if len(rows) > 1 else ''}"
    assert f"3 pages · 2 linked page pairs · {others} linking here" in text
    assert '<input type="checkbox" id="sg-outside" checked>' in text
    assert '<span class="sg-swatch sg-swatch--outside"></span>' in text
    assert f'aria-label="Link graph of 3 pages and {others};' in text
    # Without JavaScript: a table of the sites, each named as text, with links to its pages only.
    table = re.search(r"<caption>Other sites linking here</caption>.*?</table>", text, re.S).group()
    cells = re.findall(r"<tr><td>(.*?)</td><td>(\d+)</td><td>(\d+)</td><td>(.*?)</td></tr>", table)
    assert [(html.unescape(c[0]), int(c[1]), int(c[2])) for c in cells] == [tuple(r) for r in rows]
    for (name, *_), (_, _, _, linked) in zip(rows, cells):
        hrefs = re.findall(r'<a href="([^"]*)">', linked)
        assert hrefs == [f"{key}/" for host, key in pairs if host == name]
    assert "<img" not in text and "<script>" not in text and "http" not in text.replace("http-equiv", "")


def test_the_page_without_other_sites_is_the_page_as_it_was():
    """The keys, the header, the controls and the table: nothing of the sites' parts shows."""
    text = render_site_graph("S", PAGES, LINKS)
    assert set(json.loads(DATA.search(text).group(1))) == {"sections", "nodes", "links", "labels"}
    assert "sg-outside" not in text and "other site" not in text.lower() and "Diamonds" not in text


# The pages of a small site, and an export of outside links to them (Bing's backlinks).
SITE = {
    "index.md": '<p><a href="{guide.md}">Guide</a></p>',
    "guide.md": '<p><a href="{index.md}">Home</a></p>',
    "api.md": '<p><a href="{guide.md}">Guide</a></p>',
}
BASE = "https://docs.example.org"
HOSTILE_HOST = "<b>&'x'<i>"
BING = [
    '"Source Url","Anchor text","Target Url"',
    *[f'"https://big.example/post/{i}","guide","{BASE}/guide/"' for i in range(4)],
    f'"https://big.example/post/9","home","{BASE}/"',
    f'"https://www.small.example/a","api","{BASE}/api/"',
    f'"https://small.example/b","api","{BASE}/api/"',
    f'"https://tiny.example/x","home","{BASE}/"',
    f'"https://{HOSTILE_HOST}/x","home","{BASE}/"',
    f'"https://gone.example/x","lost","{BASE}/no-such-page/"',
]


@pytest.mark.parametrize("count, expected", [(0, None), (2, ["big.example", "small.example"]), (50, 4)])
def test_an_audit_draws_the_sites_linking_most(tmp_path, count, expected):
    (tmp_path / "bing.csv").write_text("\n".join(BING) + "\n", encoding="utf-8")
    raw = {"graph_page": "tools/graph.html", "inbound_links": ["bing.csv"], "graph_outside_sites": count}
    site = linked_site(SITE, options=raw, nav=list(SITE))
    files = [SiteFile(src, url_of(src, True), True) for src in SITE]
    log = logging.getLogger("tests.core")
    site.inbound = read_inbound(["bing.csv"], [], str(tmp_path), SiteResolver(files, BASE), BASE, log)
    options, warnings = load_options(raw)
    assert warnings == []
    assert (
        audit(site, site_dir=str(tmp_path / "site"), site_name="S", use_directory_urls=True, log=log, serving=False)
        is None
    )
    text = (tmp_path / "site" / "tools" / "graph.html").read_text(encoding="utf-8")
    data = json.loads(DATA.search(text).group(1))
    if expected is None:
        # The option off: the same page as a build told of no outside link at all.
        site.inbound = None
        audit(site, site_dir=str(tmp_path / "bare"), site_name="S", use_directory_urls=True, log=log, serving=False)
        assert (tmp_path / "bare" / "tools" / "graph.html").read_text(encoding="utf-8") == text
        assert "outside" not in data
        return
    titles = [node[0] for node in data["nodes"]]
    joined = {}
    for s, p in zip(data["outside_links"][::2], data["outside_links"][1::2]):
        joined.setdefault(data["outside"][s][0], []).append(titles[p])
    if isinstance(expected, list):
        assert data["outside"] == [["big.example", 5, 5], ["small.example", 2, 2]]
        assert joined == {"big.example": ["index", "guide"], "small.example": ["api"]}
    else:
        # Every site naming a page, ranked by links then name; the lost URL's site names none.
        hosts = [row[0] for row in data["outside"]]
        assert len(hosts) == expected and "gone.example" not in hosts
        assert hosts[:2] == ["big.example", "small.example"] and sorted(hosts[2:]) == hosts[2:]
        assert HOSTILE_HOST in hosts and "<b>" not in text and "<i>" not in text
        assert "<tr><td>&lt;b&gt;&amp;&#x27;x&#x27;&lt;i&gt;</td><td>1</td><td>1</td><td>" in text


def test_the_option_warns_when_it_can_draw_nothing():
    for raw in ({"graph_outside_sites": 5}, {"graph_outside_sites": 5, "graph_page": "g.html"}):
        _options, warnings = load_options(raw)
        assert warnings == [
            "option 'graph_outside_sites': 'graph_outside_sites: 5' draws nothing without 'graph_page' "
            "and 'inbound_links' or 'sibling_sites' (the sites drawn are those they name)"
        ]
    _options, warnings = load_options({"graph_outside_sites": 5, "graph_page": "g.html", "sibling_sites": []})
    assert len(warnings) == 1
    with pytest.raises(Exception, match="graph_outside_sites"):
        load_options({"graph_outside_sites": -1})
