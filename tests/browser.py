"""Build the example site in several themes and look at it in headless Chromium.

Used by `tests/test_browser.py`, and by `make screenshots` (`python tests/browser.py DIR`) to
refresh the screenshots the README shows. Needs Debian's `chromium` (`make test` installs it).
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Dict, Iterator, List, Optional
from urllib.parse import quote

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "example_site"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Flags that let Chromium run headless as root in a container, offline, with no first-run work.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]

# Variants of the example site: (theme settings, file name of the screenshot).
THEMES: Dict[str, dict] = {
    "material": {"name": "material", "features": ["navigation.sections", "navigation.instant"]},
    "material-dark": {"name": "material", "palette": {"scheme": "slate"}, "features": ["navigation.instant"]},
    "mkdocs": {"name": "mkdocs"},
    "readthedocs": {"name": "readthedocs"},
}

# The same site built by Zensical, then given its panels by the post-build command
# (`mkdocs-backlinks site`); Zensical reads the Material theme settings of mkdocs.yml.
ZENSICAL_THEMES: Dict[str, dict] = {
    "zensical": THEMES["material"],
    "zensical-dark": THEMES["material-dark"],
}
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
"""Made by `make generators` (and `make test`)."""

SCREENSHOT_PAGE = "guide/panel/"
"""The example page the screenshots show: several pages link to it, from several sections."""

# Loaded next to the pages under test (same origin): opens each page in a frame in turn,
# measures its panel as laid out, and follows every link in it. The verdicts (page -> verdict)
# are written into the DOM, which `--dump-dom` prints once the fetches are done. One Chromium
# run checks every page: starting Chromium is most of the time a check takes.
CHECK_PAGE = """<!doctype html>
<meta charset="utf-8">
<pre id="verdict">pending</pre>
<iframe id="page" style="width:1200px;height:1600px"></iframe>
<script>
const verdict = document.getElementById("verdict");
const frame = document.getElementById("page");
const targets = new URLSearchParams(location.search).getAll("page");
const opened = (src) => new Promise((resolve) => { frame.onload = resolve; frame.src = src; });
const check = async () => {
  const doc = frame.contentDocument;
  const panels = doc.querySelectorAll("aside.backlinks");
  const result = {panels: panels.length, links: [], visible: false};
  if (panels.length) {
    const panel = panels[0];
    panel.scrollIntoView();
    const box = panel.getBoundingClientRect();
    const style = frame.contentWindow.getComputedStyle(panel);
    const title = panel.querySelector(".backlinks__title");
    result.visible = box.width > 100 && box.height > 20 && style.display !== "none"
      && style.visibility === "visible" && parseFloat(style.opacity) > 0.5 && !!title
      && title.getBoundingClientRect().height > 0;
    result.title = title ? title.textContent : null;
    result.search_exclude = panel.hasAttribute("data-search-exclude");
    // The shipped stylesheet is in effect: the theme's bullets are gone from the panel's list.
    const list = panel.querySelector(".backlinks__list");
    result.styled = !!list && frame.contentWindow.getComputedStyle(list).listStyleType === "none";
    for (const a of panel.querySelectorAll("a[href]")) {
      const url = new URL(a.getAttribute("href"), frame.contentWindow.location.href);
      const link = {href: a.getAttribute("href"), cls: a.className, status: 0, anchor: null};
      try {
        const response = await fetch(url.href.split("#")[0]);
        link.status = response.status;
        if (url.hash) {
          const html = await response.text();
          const linked = new DOMParser().parseFromString(html, "text/html");
          link.anchor = !!linked.getElementById(decodeURIComponent(url.hash.slice(1)));
        }
      } catch (error) {
        link.error = String(error);
      }
      result.links.push(link);
    }
  }
  return result;
};
(async () => {
  const verdicts = {};
  for (const target of targets) {
    await opened(target);
    verdicts[target] = await check();
  }
  verdict.textContent = JSON.stringify(verdicts);
})();
</script>
"""


EVERY_OPTION: Dict[str, object] = {
    "local_graph": True,
    "graph_page": "graph.html",
    "toc": True,
    "mentions_in_panel": True,
    "unlinked_mentions": "info",
    "related_pages": 3,
    "group_by_section": True,
    "context": "snippets",
    "report_file": "link-report.html",
    "graph_file": "links.json",
}
"""The panel's options that add something to each page, all on (the example has most)."""


def example_config(settings: Dict[str, object], backlinks: Optional[Dict[str, object]] = None) -> dict:
    """The example's mkdocs.yml as a dict, `settings` overriding its top-level keys and
    `backlinks` its plugin's options."""
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(settings)
    if backlinks:
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "backlinks" in plugin:
                plugin["backlinks"].update(backlinks)
    return config


def build_example(
    variant: str, workdir: Path, backlinks: Optional[Dict[str, object]] = None, **settings: object
) -> Path:
    """Build the example site with the theme of `variant` into `workdir`; return the site dir.
    `settings` override the example's (e.g. `use_directory_urls=False`; `theme` is merged into
    the variant's), `backlinks` the plugin's options."""
    config = example_config(settings, backlinks)
    config["theme"] = {**THEMES[variant], **dict(settings.get("theme") or {})}
    config["docs_dir"] = str(EXAMPLE / "docs")
    config["site_dir"] = str(workdir / "site")
    config_file = workdir / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
        capture_output=True,
        text=True,
        env=env,
    )
    if result.returncode != 0:
        raise RuntimeError(f"building the example site with {variant} failed:\n{result.stderr}")
    return workdir / "site"


def build_with_zensical(
    variant: str, workdir: Path, backlinks: Optional[Dict[str, object]] = None, **settings: object
) -> Path:
    """Build the example site with Zensical in the look of `variant`, then run the post-build
    command on it (it reads the plugin's options, overridden by `backlinks`, from mkdocs.yml);
    return the site dir."""
    config = example_config(settings, backlinks)
    config["theme"] = {**ZENSICAL_THEMES[variant], **dict(settings.get("theme") or {})}
    shutil.copytree(EXAMPLE / "docs", workdir / "docs", dirs_exist_ok=True)
    (workdir / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    for args in ([str(ZENSICAL), "build", "--clean"], [sys.executable, "-m", "mkdocs_backlinks", "site"]):
        result = subprocess.run(args, cwd=workdir, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed for {variant}:\n{result.stderr}")
    return workdir / "site"


def build(variant: str, workdir: Path) -> Path:
    """The example site in `variant` (a key of THEMES or ZENSICAL_THEMES), built into `workdir`."""
    if variant in ZENSICAL_THEMES:
        return build_with_zensical(variant, workdir)
    return build_example(variant, workdir)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium(*args: str, timeout: float = 90) -> str:
    """Run headless Chromium with a fresh profile; return what it printed on stdout."""
    if CHROMIUM is None:
        raise RuntimeError("chromium is not installed (make test installs it)")
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    return result.stdout


def check_pages(site_dir: Path, base: str, pages: List[str]) -> Dict[str, dict]:
    """Open each of `pages` (URL paths under `base`) and report on its panel and the panel's
    links: page -> verdict."""
    (site_dir / "__check__.html").write_text(CHECK_PAGE, encoding="utf-8")
    query = "&".join(f"page=/{quote(page)}" for page in pages)
    dom = chromium("--virtual-time-budget=30000", "--dump-dom", f"{base}__check__.html?{query}")
    found = re.search(r'<pre id="verdict">(.*?)</pre>', dom, re.S)
    if found is None or found.group(1) == "pending":
        raise AssertionError(f"the check page did not finish for {pages}: {dom[:500]!r}")
    verdicts = json.loads(html.unescape(found.group(1)))
    return {page: verdicts[f"/{page}"] for page in pages}


def screenshot(base: str, page: str, out: Path, size: str = "1200,2000") -> None:
    """Save a PNG of `page`, tall enough to show its panel."""
    chromium(f"--screenshot={out}", f"--window-size={size}", "--virtual-time-budget=5000", f"{base}{page}")
    if not out.is_file() or out.stat().st_size < 1000:
        raise AssertionError(f"no screenshot of {page} was written to {out}")


def screenshot_file(out_dir: Path, variant: str) -> Path:
    """Where `make screenshots` writes the screenshot of `variant` (the README shows them)."""
    return out_dir / f"panel-{variant}.png"


def take_screenshots(out_dir: Path, workdir: Optional[Path] = None) -> Dict[str, Path]:
    """Build every variant (the Zensical ones when Zensical is installed) and screenshot its
    `SCREENSHOT_PAGE` into `out_dir`; and the two graph views, light and dark (`graph_screenshots`)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = {}
    with tempfile.TemporaryDirectory() as tmp:
        variants = list(THEMES) + (list(ZENSICAL_THEMES) if ZENSICAL.is_file() else [])
        for variant in variants:
            work = Path(workdir or tmp) / variant
            work.mkdir(parents=True, exist_ok=True)
            site = build(variant, work)
            with serve(site) as base:
                shots[variant] = screenshot_file(out_dir, variant)
                screenshot(base, SCREENSHOT_PAGE, shots[variant])
                if variant in GRAPH_SHOTS:
                    shots.update(graph_screenshots(base, out_dir, GRAPH_SHOTS[variant]))
    return shots


# --- The graph views' screenshots: the panel with its local graph, and the site graph ------

GRAPH_SHOTS = {"material": "light", "material-dark": "dark"}
"""The example builds whose graphs are shot, and the colour scheme each shows."""


def graph_screenshots(base: str, out_dir: Path, scheme: str) -> Dict[str, Path]:
    """The panel of `SCREENSHOT_PAGE` (with its local graph) and the site graph page, in the
    colour scheme `scheme` (`light` or `dark`), as `local-graph-<scheme>.png` and
    `site-graph-<scheme>.png`."""
    import base64

    import cdp

    shots = {}
    with cdp.Chromium(window="1200,800") as chromium:
        chromium.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": scheme}])
        chromium.open(base + SCREENSHOT_PAGE)
        box = chromium.evaluate(
            "(() => { const a = document.querySelector('aside.backlinks'); a.scrollIntoView();"
            " const r = a.getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY, r.width, r.height]; })()"
        )
        x, y, width, height = box
        clip = {
            "x": max(x - 16, 0),
            "y": max(y - 16, 0),
            "width": width + 32,
            "height": min(height, 420) + 32,
            "scale": 1,
        }
        shots[f"local-graph-{scheme}"] = out_dir / f"local-graph-{scheme}.png"
        data = chromium.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
        shots[f"local-graph-{scheme}"].write_bytes(base64.b64decode(data))
        chromium.open(base + "graph.html")
        chromium.wait_for("document.body.dataset.graphState === 'settled'")
        chromium.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        shots[f"site-graph-{scheme}"] = out_dir / f"site-graph-{scheme}.png"
        data = chromium.call("Page.captureScreenshot", format="png")["data"]
        shots[f"site-graph-{scheme}"].write_bytes(base64.b64decode(data))
    return shots


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for variant, path in take_screenshots(target).items():
        print(f"{variant}: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
