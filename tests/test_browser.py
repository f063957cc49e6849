"""The example site in a real browser (built by MkDocs with the plugin, and by Zensical then
the post-build command): in each theme, the panel is visible, styled, and every
link in it reaches an existing page (and, for section links, an existing id on it)."""

from __future__ import annotations

import struct

import pytest

import browser

pytestmark = pytest.mark.skipif(browser.CHROMIUM is None, reason="needs chromium (make test installs it)")

# Pages of the example site with a panel: contextual entries with sections, and one linked
# from its homepage only.
PAGES = ["guide/configuration/", "guide/panel/", "getting-started/"]


@pytest.mark.parametrize("variant", sorted(browser.THEMES) + sorted(browser.ZENSICAL_THEMES))
def test_example_site_panel_in_a_browser(tmp_path, variant):
    if variant in browser.ZENSICAL_THEMES and not browser.ZENSICAL.is_file():
        pytest.skip("needs .venv-zensical: run `make generators` (`make test` makes it)")
    site = browser.build(variant, tmp_path)
    with browser.serve(site) as base:
        verdicts = browser.check_pages(site, base, PAGES)
        shot = browser.screenshot_file(tmp_path, variant)
        browser.screenshot(base, browser.SCREENSHOT_PAGE, shot)
    for page, verdict in verdicts.items():
        assert verdict["panels"] == 1, (variant, page)
        assert verdict["visible"] and verdict["styled"] and verdict["search_exclude"], (variant, page, verdict)
        assert verdict["title"] == "Pages linking here"
        links = verdict["links"]
        assert any(link["cls"] == "backlinks__link" for link in links)
        assert any(link["cls"] == "backlinks__jump" for link in links), (variant, page)
        for link in links:
            assert link["status"] == 200, (variant, page, link)
            assert link["anchor"] in (None, True), (variant, page, link)
    assert png_size(shot) == (1200, 2000)
    # The README shows the picture `make screenshots` takes of this variant, the same way: the
    # committed one is a screenshot of the same size, under the name it writes.
    committed = browser.screenshot_file(browser.ROOT / "docs" / "screenshots", variant)
    assert committed.relative_to(browser.ROOT).as_posix() in (browser.ROOT / "README.md").read_text(encoding="utf-8")
    assert png_size(committed) == (1200, 2000)


def png_size(path) -> tuple:
    """(width, height) of a PNG file; fails on anything else."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])
