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
        for page in PAGES:
            verdict = browser.check_page(site, base, page)
            assert verdict["panels"] == 1, (variant, page)
            assert verdict["visible"] and verdict["styled"] and verdict["search_exclude"], (variant, page, verdict)
            assert verdict["title"] == "Pages linking here"
            links = verdict["links"]
            assert any(link["cls"] == "backlinks__link" for link in links)
            assert any(link["cls"] == "backlinks__jump" for link in links), (variant, page)
            for link in links:
                assert link["status"] == 200, (variant, page, link)
                assert link["anchor"] in (None, True), (variant, page, link)
        shot = tmp_path / "shot.png"
        browser.screenshot(base, browser.SCREENSHOT_PAGE, shot)
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1200, 2000)


def test_readme_shows_the_screenshots():
    readme = (browser.ROOT / "README.md").read_text(encoding="utf-8")
    for variant in list(browser.THEMES) + list(browser.ZENSICAL_THEMES):
        path = f"docs/screenshots/panel-{variant}.png"
        assert path in readme and (browser.ROOT / path).is_file(), path
