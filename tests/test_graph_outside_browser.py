"""Other sites in the site graph, in headless Chromium: they are drawn as nodes after the pages,
a click on one describes it and opens nothing, their names stay text, the "Other sites" box
hides them, and a page's click still opens the page."""

from __future__ import annotations

from pathlib import Path

import pytest

import browser
import cdp
from mkdocs_backlinks.core.site_graph import OutsideSite, SiteGraphPage, write_site_graph

pytestmark = pytest.mark.skipif(browser.CHROMIUM is None, reason="needs chromium (make test installs it)")

HOSTILE = "<img src=x onerror=alert(1)>"
SETTLED = "document.body.dataset.graphState === 'settled'"


def site_with_others(root: Path, count: int = 12) -> None:
    pages = []
    for i in range(count):
        pages.append(SiteGraphPage(f"p{i}.md", f"Page {i}", f"p{i}/", ["Guide", "API"][i % 2], i * 8.0))
        (root / f"p{i}").mkdir(parents=True)
        (root / f"p{i}" / "index.html").write_text(
            f'<!doctype html><title>p{i}</title><link rel=icon href="data:,"><h1>p{i}</h1>', encoding="utf-8"
        )
    links = [(f"p{i}.md", f"p{(i + 1) % count}.md") for i in range(count)]
    outside = [
        OutsideSite("big.example", 40, 12, ("p0.md", "p3.md", "p5.md")),
        OutsideSite(HOSTILE, 2, 1, ("p7.md",)),
    ]
    write_site_graph(str(root), "graph.html", "Site", pages, links, None, outside)


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_other_sites_are_drawn_and_open_nothing(tmp_path):
    site_with_others(tmp_path)
    with browser.serve(tmp_path) as base, cdp.Chromium(window="1100,800") as chromium:
        chromium.open(f"{base}graph.html")
        chromium.wait_for(SETTLED)
        assert chromium.evaluate("[document.body.dataset.nodes, document.body.dataset.outside]") == ["12", "2"]
        assert chromium.evaluate("[backlinksSiteGraph.nodes, backlinksSiteGraph.outside]") == [12, 2]
        # Named first, the labels apart from each other and from every page's dot.
        boxes = chromium.evaluate("backlinksSiteGraph.labelBoxes()")
        assert [box[5] for box in boxes][:2] == ["big.example", HOSTILE]
        assert not any(overlaps(a, b) for a in boxes for b in boxes if a is not b)
        dots = chromium.evaluate(
            "[...Array(12).keys()].map(k => backlinksSiteGraph.position(k))"
            ".map(([x, y]) => [x - document.getElementById('sg-canvas').getBoundingClientRect().left,"
            " y - document.getElementById('sg-canvas').getBoundingClientRect().top])"
        )
        assert not any(b[0] < x < b[2] and b[1] < y < b[3] for b in boxes for x, y in dots)
        # A click on the first site (node 12) describes it; the page stays.
        x, y = chromium.evaluate("backlinksSiteGraph.position(12)")
        assert chromium.evaluate(f"backlinksSiteGraph.pick({x}, {y})") == 12
        chromium.click(x, y)
        status = chromium.evaluate("document.getElementById('sg-status').textContent")
        assert status == "big.example · other site · 40 links from 12 pages, to 3 pages here"
        chromium.key("Enter", text="\r")
        assert chromium.evaluate("location.pathname") == "/graph.html"
        # The hostile name is only ever text.
        chromium.evaluate("backlinksSiteGraph.select(13)")
        assert chromium.evaluate("document.getElementById('sg-status').textContent").startswith(HOSTILE)
        assert chromium.evaluate("document.querySelectorAll('img').length") == 0
        # Unticked, the sites are not picked any more.
        chromium.evaluate("document.getElementById('sg-outside').click()")
        x, y = chromium.evaluate("backlinksSiteGraph.position(12)")
        assert chromium.evaluate(f"backlinksSiteGraph.pick({x}, {y})") != 12
        # A page still opens on a click.
        chromium.evaluate("document.getElementById('sg-outside').click()")
        status = chromium.evaluate("backlinksSiteGraph.select(5), document.getElementById('sg-status').textContent")
        assert status == "Page 5 · API · 1 in, 1 out · linked from 1 other site drawn"
        x, y = chromium.evaluate("backlinksSiteGraph.position(5)")
        assert chromium.evaluate(f"backlinksSiteGraph.pick({x}, {y})") == 5
        chromium.click(x, y)
        chromium.wait_for("document.title === 'p5'")
        assert chromium.problems() == []
