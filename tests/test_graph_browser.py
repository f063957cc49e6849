"""The graphs in headless Chromium: the site graph of a 10,000-page site settles and redraws
from file:// (benchmarks/graph_browser.py times both), a click and the keyboard open pages over
HTTP, hostile titles stay text (in the graph's search results and in the table shown without
JavaScript), and the local graph's labels, as the browser lays them out, never overlap."""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

import pytest

import browser

pytestmark = pytest.mark.skipif(browser.CHROMIUM is None, reason="needs chromium (make test installs it)")

sys.path.insert(0, str(browser.ROOT / "benchmarks"))

import cdp  # noqa: E402
import graph_browser  # noqa: E402
from mkdocs_backlinks.core.local_graph import GraphNode, local_graph_svg  # noqa: E402
from mkdocs_backlinks.core.site_graph import SiteGraphPage, write_site_graph  # noqa: E402

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'
SETTLED = "document.body.dataset.graphState === 'settled'"


def test_site_graph_of_10000_pages_settles_and_redraws(tmp_path):
    """The big graph lays out, settles and redraws with no console problem. How fast it does is
    measured by benchmarks/graph_browser.py, not here: a timed test fails on a busy machine."""
    page = graph_browser.write_graph(tmp_path, 10_000, 30_000)
    with cdp.Chromium(window="1280,900", timeout=120) as chromium:
        chromium.open(page.as_uri())
        chromium.wait_for(SETTLED, timeout=60)
        assert chromium.evaluate("document.body.dataset.nodes") == "10000"
        assert chromium.evaluate("backlinksSiteGraph.links") == 30_000
        assert chromium.evaluate("backlinksSiteGraph.ticks") > 0
        assert chromium.problems() == []
        # After the check above: reading pixels back repeatedly earns a console hint.
        redraw = chromium.evaluate("backlinksSiteGraph.redraw()")
    assert isinstance(redraw, (int, float)) and redraw > 0


def small_site(root: Path, count: int = 40, page_file: str = "") -> list:
    """A site of `count` pages with real files, a ring of links and hostile titles; links end in
    `page_file` (`index.html` as with `use_directory_urls: false`, for file://)."""
    pages = []
    for i in range(count):
        title = f"Page {i}" if i % 5 else f"{HOSTILE} {i}"
        pages.append(
            SiteGraphPage(
                f"p{i}.md",
                title,
                f"p{i}/{page_file}",
                ["Guide", "API", ""][i % 3],
                i * 2.5,
                orphan=i == 7,
                unreachable=i == 8,
            )
        )
        (root / f"p{i}").mkdir(parents=True)
        (root / f"p{i}" / "index.html").write_text(
            f'<!doctype html><title>p{i}</title><link rel=icon href="data:,"><h1 id=h>p{i}</h1>', encoding="utf-8"
        )
    links = [(f"p{i}.md", f"p{(i + 1) % count}.md") for i in range(count)] + [
        (f"p{i}.md", "p0.md") for i in range(1, count, 3)
    ]
    write_site_graph(str(root), "graph.html", "Small <site>", pages, links)
    return pages


@pytest.mark.parametrize("over", ["http", "file"])
def test_site_graph_click_and_keyboard_open_pages(tmp_path, over):
    pages = small_site(tmp_path, page_file="" if over == "http" else "index.html")
    with browser.serve(tmp_path) as base, cdp.Chromium(window="1100,800") as chromium:
        url = f"{base}graph.html" if over == "http" else (tmp_path / "graph.html").as_uri()
        chromium.open(url)
        chromium.wait_for(SETTLED)
        assert chromium.evaluate("document.body.dataset.nodes") == str(len(pages))
        # A real click on page 12's dot opens page 12.
        x, y = chromium.evaluate("backlinksSiteGraph.position(12)")
        assert chromium.evaluate(f"backlinksSiteGraph.pick({x}, {y})") == 12
        chromium.click(x, y)
        chromium.wait_for("document.title === 'p12'")
        # The keyboard: / to the search box, type, Enter chooses the first hit, Enter opens it.
        chromium.open(url)
        chromium.wait_for(SETTLED)
        chromium.evaluate("document.getElementById('sg-canvas').focus()")
        chromium.key("/", text="/")
        assert chromium.evaluate("document.activeElement.id") == "sg-search"
        chromium.call("Input.insertText", text="onerror")
        hits = chromium.evaluate("[...document.querySelectorAll('#sg-results a')].map(a => a.textContent)")
        assert hits and all(hit.startswith(HOSTILE) for hit in hits)  # titles shown as text
        assert chromium.evaluate("document.querySelectorAll('img').length") == 0
        chromium.key("Enter", text="\r")
        assert chromium.evaluate("document.activeElement.id") == "sg-canvas"
        status = chromium.evaluate("document.getElementById('sg-status').textContent")
        assert status.startswith(HOSTILE)
        chromium.key("Enter", text="\r")
        chromium.wait_for("/^p\\d+$/.test(document.title)")
        assert chromium.problems() == []


def test_site_graph_without_javascript_shows_the_table(tmp_path):
    pages = small_site(tmp_path)
    with cdp.Chromium() as chromium:
        chromium.call("Emulation.setScriptExecutionDisabled", value=True)
        chromium.open((tmp_path / "graph.html").as_uri())
        rows = chromium.evaluate(
            "[...document.querySelectorAll('.sg-table tbody tr')].map(r => [r.cells[0].textContent, r.cells[0].querySelector('a').getAttribute('href')])"
        )
        assert rows == [[p.title, p.href] for p in pages]
        assert chromium.evaluate("document.getElementById('sg-app').hidden") is True
        assert chromium.evaluate("document.querySelectorAll('img').length") == 0
        assert chromium.problems() == []


NEIGHBOURHOODS = {
    "few": [GraphNode("a", "Getting started", "a/", "in", 40), GraphNode("b", "Reference", "b/", "out", 90)],
    "hostile": [GraphNode(f"h{i}", f"{HOSTILE} {i}", f"h{i}/", ["in", "out", "both"][i % 3], i * 10) for i in range(6)],
    "wide": [
        GraphNode("w1", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "w1/", "in"),
        GraphNode("w2", "漢字のタイトル" * 5, "w2/", "out"),
        GraphNode("w3", "Mmmm wide capitals MMMM WWW", "w3/", "both"),
    ],
    "big": [
        GraphNode(f"n{i:02d}", f"Neighbour number {i} of many", f"n{i}/", ["in", "out", "both"][i % 3], i)
        for i in range(60)
    ],
    "depth 2": [GraphNode(f"d{i}", f"Direct {i}", f"d{i}/", "in" if i % 2 else "out", 50) for i in range(5)]
    + [
        GraphNode(f"f{i}", f"Far page {i} with a longer title", f"f{i}/", "in", 5, via=(f"d{i % 5}",)) for i in range(8)
    ],
}


def test_local_graph_labels_do_not_overlap_as_rendered(tmp_path):
    css = (browser.ROOT / "mkdocs_backlinks" / "assets" / "backlinks.css").read_text(encoding="utf-8")
    (tmp_path / "backlinks.css").write_text(css, encoding="utf-8")
    figures = "".join(
        f'<aside class="backlinks" data-case="{html.escape(name)}">{local_graph_svg("self", "The page & its <title>", nodes, max_nodes=16)}</aside>'
        for name, nodes in NEIGHBOURHOODS.items()
    )
    (tmp_path / "page.html").write_text(
        # Material's link colour, as the theme would set it: the graph's dots take it.
        '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="backlinks.css">'
        f"<style>body {{ --md-typeset-a-color: rgb(1, 2, 3); }}</style><body>{figures}",
        encoding="utf-8",
    )
    # Every box in the page's pixels: SVG labels and dots by their bounding boxes, each node's
    # label by the extent of its text inside its HTML link (a Range's box is the glyphs', not
    # the link's padded box).
    measure = """[...document.querySelectorAll('svg.backlinks__graph')].map(svg => {
      const flat = r => [r.left, r.top, r.right, r.bottom];
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const range = document.createRange();
      const labels = [...svg.querySelectorAll('a')].map(a => { range.selectNodeContents(a); return [...flat(range.getBoundingClientRect()), a.textContent]; });
      const texts = [...svg.querySelectorAll('text')].map(t => [...flat(t.getBoundingClientRect()), t.textContent]);
      const dots = [...svg.querySelectorAll('circle')].map(c => [...flat(c.getBoundingClientRect()), 'dot']);
      const links = [...svg.querySelectorAll('a')].map(a => [...flat(a.getBoundingClientRect()), a.getAttribute('href')]);
      return {frame: flat(svg.getBoundingClientRect()), scale, boxes: labels.concat(texts), dots, links,
              svgLinks: svg.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'a').length,
              htmlLinks: links.length,
              fill: getComputedStyle(svg.querySelector('.backlinks__graph-node--in circle, .backlinks__graph-node--out circle, .backlinks__graph-node--both circle')).fill,
              img: svg.querySelectorAll('img, script').length};
    })"""
    with cdp.Chromium() as chromium:
        chromium.open((tmp_path / "page.html").as_uri())
        chromium.evaluate("document.fonts.ready.then(() => true)")
        figures = chromium.evaluate(measure)
        assert chromium.problems() == []
    assert len(figures) == len(NEIGHBOURHOODS)
    for name, figure in zip(NEIGHBOURHOODS, figures):
        assert figure["img"] == 0 and figure["htmlLinks"] > 0 and figure["svgLinks"] == 0, name
        assert figure["fill"] == "rgb(1, 2, 3)", (name, figure["fill"])  # styled by the sheet, from the theme
        x0, y0, x1, y1 = figure["frame"]
        # Glyph boxes include the font's line gap: allow them to touch by half a unit.
        slack = 0.5 * figure["scale"]
        for i, box in enumerate(figure["boxes"]):
            assert x0 - slack <= box[0] and box[2] <= x1 + slack and y0 - slack <= box[1] and box[3] <= y1 + slack, (
                name,
                box,
            )
            for other in figure["boxes"][i + 1 :] + figure["dots"]:
                assert not overlaps(box, other, slack), (name, box, other, json.dumps(figure["frame"]))
        for i, box in enumerate(figure["links"]):
            for other in figure["links"][i + 1 :]:
                assert not overlaps(box, other, slack), (name, box, other)


def overlaps(box, other, slack):
    return (
        box[0] < other[2] - slack
        and other[0] < box[2] - slack
        and box[1] < other[3] - slack
        and other[1] < box[3] - slack
    )
