"""Both graph views of the example site in headless Chromium, in the material, mkdocs and
readthedocs themes: the local graph is visible and links only to pages linking here or linked
from here; the site graph loads over HTTP and from file:// without a console message, shows
every page, and a click on a page's dot opens it. Hostile titles stay text in all three places
(the SVG, the graph's search, its table without JavaScript)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, Set, Tuple

import pytest
import yaml

import browser
import cdp

pytestmark = pytest.mark.skipif(browser.CHROMIUM is None, reason="needs chromium (make test installs it)")

SETTLED = "document.body.dataset.graphState === 'settled'"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>']

# The local graph as laid out in the page, and where each of its links leads (fetched).
LOCAL_GRAPH = """(async () => {
  const svg = document.querySelector('aside.backlinks svg.backlinks__graph');
  if (!svg) return null;
  svg.scrollIntoView();
  const box = svg.getBoundingClientRect(), style = getComputedStyle(svg);
  const links = [...svg.querySelectorAll('a[href]')];
  const status = await Promise.all(links.map(a => fetch(new URL(a.getAttribute('href'), location.href)).then(r => r.status)));
  return {width: box.width, height: box.height, visible: style.display !== 'none' && style.visibility === 'visible',
          dot: getComputedStyle(svg.querySelector('.backlinks__graph-node:not(.backlinks__graph-node--page) circle')).fill,
          label: links.every(a => a.localName === 'a' && a.namespaceURI === 'http://www.w3.org/1999/xhtml'
                                  && a.textContent.trim() && a.getBoundingClientRect().width > 5),
          paths: links.map(a => new URL(a.getAttribute('href'), location.href).pathname), status};
})()"""


def export_links(site: Path) -> Tuple[Dict[str, Set[str]], Dict[str, Set[str]]]:
    """From the export's edges (every content link), each page's URL -> the URLs of the pages
    linking to it or linked from it; and each page's URL -> the URLs of the pages it links to."""
    data = json.loads((site / "links.json").read_text(encoding="utf-8"))
    url = {node["id"]: node["url"] for node in data["nodes"]}
    around: Dict[str, Set[str]] = {u: set() for u in url.values()}
    outgoing: Dict[str, Set[str]] = {u: set() for u in url.values()}
    for edge in data["edges"]:
        if edge["from"] in url and edge["to"] in url and edge["from"] != edge["to"]:
            source, target = url[edge["from"]], url[edge["to"]]
            around[target].add(source)
            around[source].add(target)
            outgoing[source].add(target)
    return around, outgoing


def open_node(chromium: cdp.Chromium, title: str) -> None:
    """Click the dot of the page titled `title` in the settled site graph."""
    index = chromium.evaluate(
        f"JSON.parse(document.getElementById('sg-data').textContent).nodes.findIndex(n => n[0] === {json.dumps(title)})"
    )
    assert index >= 0, title
    x, y = chromium.evaluate(f"backlinksSiteGraph.position({index})")
    assert chromium.evaluate(f"backlinksSiteGraph.pick({x}, {y})") == index
    chromium.click(x, y)
    chromium.wait_for(f"document.title.startsWith({json.dumps(title)})")


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_example_site_graphs_over_http(tmp_path, theme):
    site = browser.build_example(theme, tmp_path)
    neighbours, linked = export_links(site)
    with browser.serve(site) as base, cdp.Chromium(window="1200,900") as chromium:
        drawn = 0
        for page in sorted(neighbours):
            chromium.open(base + ("" if page == "./" else page))
            graph = chromium.evaluate(LOCAL_GRAPH)
            if graph is None:
                continue
            drawn += 1
            assert graph["visible"] and graph["width"] > 100 and graph["height"] > 30 and graph["label"], (page, graph)
            assert graph["dot"] not in ("none", "rgba(0, 0, 0, 0)"), (page, graph["dot"])
            assert set(graph["status"]) == {200}, (page, graph)
            shown = {path.lstrip("/") or "./" for path in graph["paths"]}
            assert shown <= neighbours[page], (page, shown - neighbours[page])
            assert linked[page] <= shown, (page, linked[page] - shown)
        assert drawn >= 6, drawn
    # A browser of its own, so that its console holds only what the graph page says (the
    # themes' pages ask for web fonts this offline machine cannot reach).
    with browser.serve(site) as base, cdp.Chromium(window="1200,900") as chromium:
        chromium.open(f"{base}graph.html")
        chromium.wait_for(SETTLED)
        assert chromium.evaluate("document.body.dataset.nodes") == str(len(neighbours))
        assert chromium.problems() == []
        open_node(chromium, "The panel")
        assert chromium.evaluate("location.pathname") == "/guide/panel/"


def overlapping(boxes):
    """The pairs of label boxes ([x0, y0, x1, y1, node]) that overlap."""
    return [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


def test_site_graph_labels_never_overlap(tmp_path):
    """The example's site graph, as the README's screenshot shows it and zoomed in and out: no
    two labels overlap; a label left out for want of room appears when its page is hovered."""
    site = browser.build_example("material", tmp_path)
    with browser.serve(site) as base, cdp.Chromium(window="1200,800") as chromium:
        chromium.open(f"{base}graph.html")
        chromium.wait_for(SETTLED)
        chromium.evaluate("document.getElementById('sg-canvas').focus()")
        shown_at = {}
        for step, key in enumerate(["0", "+", "+", "+", "+", "+", "0", "-", "-"]):
            chromium.key(key, text=key)
            boxes = chromium.evaluate("backlinksSiteGraph.labelBoxes()")
            assert overlapping(boxes) == [], (step, key)
            # Each box holds its text as the browser measures it (13 px system-ui).
            widths = chromium.evaluate(
                "(() => { const c = document.createElement('canvas').getContext('2d');"
                " c.font = '13px system-ui, sans-serif';"
                " return backlinksSiteGraph.labelBoxes().map(b => [b[2] - b[0], c.measureText(b[5]).width]); })()"
            )
            assert all(box >= text for box, text in widths), widths
            shown_at[step] = {box[4] for box in boxes}
        assert shown_at[0], "no label at the screenshot's zoom"
        # A page whose label was left out shows it when hovered, and its neighbours' labels
        # (those with room) around it, still without overlap.
        chromium.key("0", text="0")
        shown = {box[4] for box in chromium.evaluate("backlinksSiteGraph.labelBoxes()")}
        hidden = [k for k in range(int(chromium.evaluate("backlinksSiteGraph.nodes"))) if k not in shown]
        assert hidden, "every label had room: the example no longer tests hiding"
        for k in hidden[:3]:
            x, y = chromium.evaluate(f"backlinksSiteGraph.position({k})")
            chromium.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
            boxes = chromium.evaluate("backlinksSiteGraph.labelBoxes()")
            if chromium.evaluate(f"backlinksSiteGraph.pick({x}, {y})") == k:
                assert k in {box[4] for box in boxes}, k
            assert overlapping(boxes) == []
        # Zoomed into (the wheel, over the page), it gets its label.
        chromium.call("Input.dispatchMouseEvent", type="mouseMoved", x=5, y=5)
        chromium.key("0", text="0")
        k = hidden[0]
        for _ in range(12):
            x, y = chromium.evaluate(f"backlinksSiteGraph.position({k})")
            # Just beside the dot, not on it: hovering would name it anyway.
            chromium.call("Input.dispatchMouseEvent", type="mouseWheel", x=x - 30, y=y, deltaX=0, deltaY=-200)
            boxes = chromium.evaluate("backlinksSiteGraph.labelBoxes()")
            assert overlapping(boxes) == []
            if k in {box[4] for box in boxes}:
                break
        else:
            raise AssertionError(f"page {k} got no label, zoomed into")
        assert chromium.problems() == []


def test_example_site_graph_from_file(tmp_path):
    # One example link is written for directory URLs (`/backlinks/guide/configuration/`).
    plugins = yaml.safe_load((browser.EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    plugins = [
        dict(p, backlinks=dict(p["backlinks"], broken_links="ignore"))
        if isinstance(p, dict) and "backlinks" in p
        else p
        for p in plugins
    ]
    site = browser.build_example("material", tmp_path, use_directory_urls=False, plugins=plugins)
    with cdp.Chromium(window="1200,900") as chromium:
        chromium.open((site / "graph.html").as_uri())
        chromium.wait_for(SETTLED)
        assert chromium.evaluate("document.body.dataset.nodes") == str(len(export_links(site)[0]))
        assert chromium.problems() == []
        open_node(chromium, "How it works")
        assert chromium.evaluate("location.href") == (site / "reference" / "how-it-works.html").as_uri()


def test_hostile_titles_stay_text_in_both_graphs(make_site):
    docs = {
        "index.md": "# Home\n\n[Target](target.md)\n",
        "target.md": "# Target\n\n[Home](index.md) [first](bad1.md)\n",
    }
    for i, title in enumerate(HOSTILE, 1):
        quoted = title.replace("'", "''")
        docs[f"bad{i}.md"] = f"---\ntitle: '{quoted}'\n---\n\n[Target](target.md)\n"
    site = make_site(
        docs,
        {"local_graph": True, "graph_page": "graph.html", "orphans": "ignore", "unreachable": "ignore"},
        theme={"name": "mkdocs"},
        nav=["index.md", "target.md"],
    )
    site.build()
    root = site.root / "site"
    with browser.serve(root) as base, cdp.Chromium() as chromium:
        chromium.open(f"{base}target/")
        names = chromium.evaluate(
            "[...document.querySelectorAll('svg.backlinks__graph a')].map(a => [a.getAttribute('aria-label'), a.getAttribute('title')])"
        )
        assert sorted(name for name, _ in names) == sorted(HOSTILE + ["Home"])
        assert all(name == tooltip for name, tooltip in names)
        assert chromium.evaluate("document.querySelectorAll('aside img, aside script').length") == 0
    with browser.serve(root) as base, cdp.Chromium() as chromium:
        chromium.open(f"{base}graph.html")
        chromium.wait_for(SETTLED)
        chromium.evaluate("document.getElementById('sg-search').focus()")
        chromium.call("Input.insertText", text="alert")
        hits = chromium.evaluate("[...document.querySelectorAll('#sg-results a')].map(a => a.textContent)")
        assert sorted(hits) == sorted(HOSTILE)
        assert chromium.evaluate("document.querySelectorAll('img').length") == 0
        assert chromium.problems() == []
    with cdp.Chromium() as chromium:
        chromium.call("Emulation.setScriptExecutionDisabled", value=True)
        chromium.open((root / "graph.html").as_uri())
        cells = chromium.evaluate(
            "[...document.querySelectorAll('.sg-table tbody tr')].map(r => r.cells[0].textContent)"
        )
        assert sorted(cells) == sorted(HOSTILE + ["Home", "Target"])
        assert chromium.evaluate("document.querySelectorAll('img').length") == 0
