"""Screenshots of links from outside on the example site (Material, light): the panel's
"Linked from other sites" part opened, and the report's "Links from outside" section, from a
planted export.

    python tests/inbound_screenshots.py [OUT_DIR]    (default: docs/screenshots)
"""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

import yaml

import browser
import cdp

PANEL = "guide/panel/"
BASE = "https://example.org/backlinks"
# An Ahrefs export (UTF-16, tab-separated), a Search Console one, and an old URL still linked.
AHREFS = [
    "Referring page title\tReferring page URL\tTarget URL\tAnchor\tLeft context\tRight context\tNofollow\tLost",
    f"Ten MkDocs plugins we use\thttps://blog.example.net/plugins\t{BASE}/guide/panel/\tbacklinks panel\t"
    "Every page gets a\tlisting who links to it.\tfalse\t",
    f"Docs that link themselves\thttps://wiki.example.com/docs-links\t{BASE}/guide/panel/#its-markup\tthe markup\t"
    "Style it from\tof the panel.\tfalse\t",
    f"Re: what links here in MkDocs?\thttps://forum.example.org/t/812\t{BASE}/guide/panel/\tthis plugin\t"
    "Try\t, it adds the panel for you.\ttrue\t",
    f"Re: orphans\thttps://forum.example.org/t/901\t{BASE}/orphans/\torphan check\t\t\tfalse\t",
]
GSC = ["Target page,Incoming links,Linking sites", f"{BASE}/guide/panel/,48,9", f"{BASE}/,112,21"]


def build(workdir: Path) -> Path:
    (workdir / "exports").mkdir(parents=True, exist_ok=True)
    ahrefs = "\n".join(AHREFS) + "\n"
    (workdir / "exports" / "ahrefs.csv").write_bytes(b"\xff\xfe" + ahrefs.encode("utf-16-le"))
    (workdir / "exports" / "links.csv").write_text("\n".join(GSC) + "\n")
    config = yaml.safe_load((browser.EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = []
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "backlinks" in plugin:
            options = dict(plugin["backlinks"], inbound_links=["exports/*.csv"], inbound_in_panel=True)
            options["lost_inbound_links"] = "info"  # the planted export has lost URLs: --strict passes
            plugin = {"backlinks": options}
        plugins.append(plugin)
    return browser.build_example("material", workdir, plugins=plugins)


def shoot(chromium: cdp.Chromium, selector: str, out: Path, height: int) -> None:
    box = chromium.evaluate(
        f"(() => {{ const e = document.querySelector({selector!r}); if (e.tagName === 'DETAILS') e.open = true;"
        " e.scrollIntoView(); const r = e.getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY, r.width, r.height]; })()"
    )
    x, y, width, box_height = box
    clip = {
        "x": max(x - 16, 0),
        "y": max(y - 16, 0),
        "width": width + 32,
        "height": min(box_height, height) + 32,
        "scale": 1,
    }
    data = chromium.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
    out.write_bytes(base64.b64decode(data))


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build(Path(tmp))
        with browser.serve(site) as base, cdp.Chromium(window="1200,900") as chromium:
            chromium.open(base + PANEL)
            shoot(chromium, "details.backlinks__inbound", out_dir / "inbound-panel.png", 520)
            chromium.open(base + "link-report.html")
            # The section is the heading and what follows it, up to the next section.
            box = chromium.evaluate(
                "(() => { const h = document.getElementById('inbound'); let end = h;"
                " for (let e = h.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) end = e;"
                " const a = h.getBoundingClientRect(), b = end.getBoundingClientRect();"
                " return [a.x + scrollX, a.y + scrollY, Math.max(a.width, b.width), b.bottom - a.top]; })()"
            )
            x, y, width, height = box
            clip = {"x": max(x - 16, 0), "y": max(y - 16, 0), "width": width + 32, "height": height + 32, "scale": 1}
            data = chromium.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
            (out_dir / "inbound-report.png").write_bytes(base64.b64decode(data))
    for name in ("inbound-panel.png", "inbound-report.png"):
        print(out_dir / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else browser.ROOT / "docs" / "screenshots")
