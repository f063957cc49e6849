"""Pages moved with mkdocs-redirects (plugin/redirects.py) as golden tables: the maps read from
real plugin instances, and where each old URL leads, in both URL modes."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.plugin.redirects import redirect_maps, redirect_targets

from .conftest import site_pages, url_of

# (plugins of the config, the redirect maps read from them)
MAPS = [
    (["search"], {}),
    (["redirects"], {}),
    ([{"redirects": {"redirect_maps": {"old.md": "new.md", "a/b.md": "https://example.org/"}}}],
     {"old.md": "new.md", "a/b.md": "https://example.org/"}),
]  # fmt: skip

PAGES = ["index.md", "new.md", "guide/index.md", "guide/setup.md"]

# (redirect_maps, the page each old source now leads to: "" off-site; left out: no redirect)
TARGETS = [
    ({"old.md": "new.md"}, {"old.md": "new.md"}),
    ({"/old.md": "/new.md#part"}, {"old.md": "new.md"}),  # slashes and a #fragment
    ({" old.md ": " new.md "}, {"old.md": "new.md"}),
    ({"old.md": "gone.md"}, {}),  # no such page: mkdocs-redirects writes no redirect (it warns)
    ({"old.html": "new.md"}, {}),  # not a page's source: mkdocs-redirects warns
    ({"old.md": "https://example.org/x"}, {"old.md": ""}),
    ({"old.md": "HTTP://example.org/x"}, {"old.md": ""}),
    ({"setup/index.md": "guide/setup.md", "guide/old.md": "guide/index.md"},
     {"setup/index.md": "guide/setup.md", "guide/old.md": "guide/index.md"}),
]  # fmt: skip


@pytest.mark.parametrize("plugins, maps", MAPS, ids=[str(case[0]) for case in MAPS])
def test_redirect_maps_table(tmp_path, plugins, maps):
    config, _pages = site_pages(tmp_path, plugins, {"index.md": "# Home\n"})
    assert redirect_maps(config.plugins) == maps


@pytest.mark.parametrize("maps, leads_to", TARGETS, ids=[str(case[0]) for case in TARGETS])
def test_redirect_targets_table(directory_urls, maps, leads_to):
    url = url_of(directory_urls)
    assert redirect_targets(maps, PAGES, url) == {url(old): target for old, target in leads_to.items()}
