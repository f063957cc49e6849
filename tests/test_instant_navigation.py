"""Material's instant navigation with every panel option on, in headless Chromium: the example
site built by MkDocs with the plugin (both URL styles) and by Zensical then the post-build
command. Real clicks on sidebar links, panel entries and the local graph's nodes each land on
the page linked (its URL and its h1), without a full page load and without a script error; the
table of contents' entry then leads to the panel.

Material re-assigns `el.href` on every `[href]` element of each new page and reads `a.href` of
the link clicked as a string: an SVG `<a>` (read-only `href`, an `SVGAnimatedString`) broke both.
"""

from __future__ import annotations

import json
from typing import List, Tuple

import pytest

import browser
import cdp

pytestmark = pytest.mark.skipif(browser.CHROMIUM is None, reason="needs chromium (make test installs it)")

# The text of a page's h1 without its permalink, in the page shown and in a page fetched.
H1_TEXT = """const h1Text = (doc) => {
  const h1 = doc.querySelector('.md-content h1, article h1, h1');
  if (!h1) return null;
  const copy = h1.cloneNode(true);
  copy.querySelectorAll('.headerlink').forEach(a => a.remove());
  return copy.textContent.trim();
};"""

# Marks the first link matching the selector that leads to another page (whose path ends
# with `want`, unless it is ""), shown on screen; scrolls it into view and returns where it
# leads (path), where it is on screen, and the h1 of the page it leads to, as the server sends it.
AIM = (
    """(async (selector, want) => {
  %s
  const links = [...document.querySelectorAll(selector)].filter(a => {
    const path = new URL(a.getAttribute('href'), location.href).pathname;
    return path !== location.pathname && path.endsWith(want) && a.getClientRects().length;
  });
  if (!links.length) return null;
  const a = links[0];
  a.scrollIntoView({block: 'center'});
  const url = new URL(a.getAttribute('href'), location.href);
  const box = a.getBoundingClientRect();
  const text = await fetch(url.pathname).then(r => r.text());
  return {path: url.pathname, x: box.x + box.width / 2, y: box.y + box.height / 2,
          h1: h1Text(new DOMParser().parseFromString(text, 'text/html'))};
})"""
    % H1_TEXT
)

SIDEBAR = "nav.md-nav--primary a.md-nav__link[href]"
PANEL_ENTRY = "aside.backlinks a.backlinks__link[href]"
GRAPH_NODE = "aside.backlinks .backlinks__graph a[href]"


def click_through(chromium: cdp.Chromium, base: str, steps: List[Tuple[str, str]]) -> List[str]:
    """Open the homepage, then for each (selector, page path) step click the link matching
    `selector` whose path ends with the page path (or, with "", the first link elsewhere; every
    other graph node is focused and opened with Enter instead). Each must land, by instant
    navigation, on the linked page: its URL and its h1."""
    chromium.open(base)
    chromium.wait_for("document.querySelector('aside.backlinks') !== null")
    # Instant navigation serves only the URLs of the sitemap, which the theme fetches first.
    chromium.wait_for("performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))")
    chromium.evaluate("new Promise(done => setTimeout(done, 200))")
    # Gone after a full page load: the clicks below must be served by instant navigation.
    chromium.evaluate("window.__notReloaded = true")
    visited, graph_nodes = [], 0
    for selector, page in steps:
        aim = chromium.evaluate(f"{AIM}({json.dumps(selector)}, {json.dumps(page)})")
        assert aim is not None, (selector, page, visited)
        assert aim["h1"], aim
        graph_nodes += selector == GRAPH_NODE
        if selector == GRAPH_NODE and graph_nodes == 2:
            # By keyboard: the graph's links take the focus and open on Enter.
            focused = chromium.evaluate(
                f"(() => {{ const a = [...document.querySelectorAll({json.dumps(selector)})].find(a =>"
                f" new URL(a.getAttribute('href'), location.href).pathname === {json.dumps(aim['path'])});"
                " a.focus(); return document.activeElement === a; })()"
            )
            assert focused, aim
            chromium.key("Enter", text="\r")
        else:
            chromium.click(aim["x"], aim["y"])
        # The URL and the h1 must both be the linked page's: a failed swap leaves the old
        # page's content under the new URL.
        landed = chromium.wait_for(
            f"(() => {{ {H1_TEXT} return location.pathname === {json.dumps(aim['path'])}"
            f" && h1Text(document) === {json.dumps(aim['h1'])} && document.readyState === 'complete'; }})()",
            timeout=15,
        )
        assert landed, aim
        assert chromium.evaluate("window.__notReloaded === true"), ("a full page load", aim)
        visited.append(aim["path"])
    return visited


STEPS = [
    (SIDEBAR, "guide/panel/"),
    (PANEL_ENTRY, ""),
    (SIDEBAR, "guide/configuration/"),
    (GRAPH_NODE, ""),
    (PANEL_ENTRY, ""),
    (GRAPH_NODE, ""),
]
"""Two sidebar links, and four links of the panels: two entries, two nodes of local graphs (one
clicked, one opened from the keyboard)."""


def steps_for(directory_urls: bool) -> List[Tuple[str, str]]:
    return [(s, p if directory_urls or not p else p.rstrip("/") + ".html") for s, p in STEPS]


def links_from_outside(workdir, base: str) -> dict:
    """An export of links from other sites (Ahrefs' columns) into the pages of the site served
    at `base`, beside the config `workdir` gets; the options that read it and show it."""
    rows = [
        "Referring page title\tReferring page URL\tTarget URL\tAnchor\tLeft context\tRight context\tNofollow\tLost",
        f"Plugins we use\thttps://blog.example.net/plugins\t{base}guide/panel/\tbacklinks panel\tA\tlisting.\tfalse\t",
        f"Re: orphans\thttps://forum.example.org/t/901\t{base}guide/orphans/\torphan check\t\t\tfalse\t",
        f"Home links\thttps://wiki.example.com/docs\t{base}\tthe docs\tSee\there.\tfalse\t",
    ]
    (workdir / "exports").mkdir(parents=True, exist_ok=True)
    (workdir / "exports" / "ahrefs.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return {"inbound_links": ["exports/*.csv"], "inbound_in_panel": True, "lost_inbound_links": "info"}


@pytest.mark.parametrize(
    "generator, directory_urls", [("mkdocs", True), ("mkdocs", False), ("zensical", True)], ids=str
)
def test_instant_navigation_with_every_option(tmp_path, generator, directory_urls):
    if generator == "zensical" and not browser.ZENSICAL.is_file():
        pytest.skip("needs .venv-zensical: run `make generators` (`make test` makes it)")
    root = tmp_path / "root"
    root.mkdir()
    with browser.serve(root) as server, cdp.Chromium(window="1400,1000") as chromium:
        # Served where its site_url says, as `mkdocs serve` does: the theme's instant navigation
        # takes only the sitemap's URLs, and the example links to /backlinks/... pages.
        base = f"{server}backlinks/"
        # No web font: nothing to fetch from another host (the check below allows no error).
        settings = {"site_url": base, "theme": {"font": False}}
        options = dict(browser.EVERY_OPTION, **links_from_outside(tmp_path, base))
        if generator == "zensical":
            site = browser.build_with_zensical("zensical", tmp_path, backlinks=options, **settings)
        else:
            # The example links one page as `/backlinks/guide/configuration/`, which is no page
            # with `use_directory_urls: false`: reported, not failing this build.
            if not directory_urls:
                options["broken_links"] = "info"
            site = browser.build_example(
                "material", tmp_path, backlinks=options, use_directory_urls=directory_urls, **settings
            )
        (root / "backlinks").symlink_to(site, target_is_directory=True)
        assert "backlinks__graph" in (site / "index.html").read_text(encoding="utf-8")
        assert "Linked from other sites" in (site / "index.html").read_text(encoding="utf-8")
        visited = click_through(chromium, base, steps_for(directory_urls))
        assert len(set(visited)) >= 4, visited
        # `toc: true`: the table of contents (the plugin's, or the command's in Zensical's
        # page) leads to the panel of the page instant navigation brought in.
        entry = chromium.evaluate(
            "(() => { const a = document.querySelector('.md-sidebar--secondary a[href$=\"#backlinks-title\"]');"
            " if (!a) return null; const b = a.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; })()"
        )
        assert entry is not None, visited[-1]
        chromium.click(*entry)
        chromium.wait_for(
            "location.hash === '#backlinks-title' && (() => { const t = document.getElementById('backlinks-title')"
            ".getBoundingClientRect(); return t.top >= 0 && t.top < innerHeight; })()",
            timeout=15,
        )
        assert chromium.evaluate("window.__notReloaded === true")
        assert chromium.problems() == []
