"""Rebuilds: `mkdocs serve` (the plugin kept across builds) and dirty builds that skip pages."""

from __future__ import annotations

import os
import time

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

DOCS = {
    "index.md": "# Home\n\n[a](a.md) [b](b.md) [c](c.md)\n",
    "a.md": "# A\n\n## Part\n\nAlpha links to [b](b.md) here.\n",
    "b.md": "# B\n\n[home](index.md)\n",
    "c.md": "# C\n\n[home](index.md)\n",
    "d.md": "# D\n\n[c](c.md) [a](a.md)\n",
}


def edit(site, src: str, text: str) -> None:
    """Change a source and make sure its time is after every output's, as a later edit is."""
    path = site.root / "docs" / src
    path.write_text(text, encoding="utf-8")
    later = time.time() + 60
    os.utime(path, (later, later))


class Server:
    """What `mkdocs serve` does: one plugin instance, a fresh config for every rebuild."""

    def __init__(self, site, dirty: bool) -> None:
        self.site = site
        self.dirty = dirty
        self.config_file = str(site.root / "mkdocs.yml")
        first = load_config(config_file=self.config_file)
        first.plugins.on_startup(command="serve", dirty=dirty)
        self.plugins = first.plugins

    def rebuild(self) -> None:
        config = load_config(config_file=self.config_file)
        build(config, dirty=self.dirty)

    def stop(self) -> None:
        self.plugins.on_shutdown()


@pytest.mark.parametrize("dirty", [True, False], ids=["serve --dirty", "serve"])
def test_panels_follow_an_edit_between_rebuilds(make_site, directory_urls, dirty):
    site = make_site(DOCS, use_directory_urls=directory_urls)
    server = Server(site, dirty)
    server.rebuild()
    assert site.backlinks("b.md") == ["index.md", "a.md"]
    assert site.backlinks("c.md") == ["index.md", "d.md"]
    b_before = site.output_path("b.md").stat().st_mtime

    # a.md stops linking to b.md and starts linking to c.md; only a.md changed on disk.
    edit(site, "a.md", "# A\n\n## Part\n\nAlpha now links to [c](c.md#part) instead.\n")
    server.rebuild()
    assert site.backlinks("b.md") == ["index.md"]
    assert site.backlinks("c.md") == ["index.md", "a.md", "d.md"]
    assert "now links to" in site.panel("c.md")  # the snippet of the new link
    # Unchanged pages keep the panels they had, and index.md still lists a.md's back-link.
    assert site.backlinks("a.md") == ["index.md", "d.md"]
    assert site.backlinks("index.md") == ["b.md", "c.md"]
    if dirty:
        # b.md was written again only because its panel changed; d.md was not touched.
        assert site.output_path("b.md").stat().st_mtime != b_before

    # And back again, with a title change that shows in other pages' panels.
    edit(site, "a.md", "# Alpha renamed\n\nAlpha links to [b](b.md) again.\n")
    server.rebuild()
    assert site.backlinks("b.md") == ["index.md", "a.md"]
    assert site.backlinks("c.md") == ["index.md", "d.md"]
    assert ("../a/" if directory_urls else "a.html", "Alpha renamed") in site.panel_links("b.md")
    server.stop()


def test_unchanged_pages_keep_their_panels_in_a_dirty_rebuild(make_site):
    site = make_site(DOCS)
    server = Server(site, dirty=True)
    server.rebuild()
    d_written = site.output_path("d.md").stat().st_mtime
    edit(site, "b.md", "# B\n\n[home](index.md) and [d](d.md)\n")
    server.rebuild()
    # d.md's panel changed (b.md links to it now): re-rendered, with the new entry.
    assert site.backlinks("d.md") == ["b.md"]
    assert site.output_path("d.md").stat().st_mtime != d_written
    # c.md was not re-rendered but still has its panel, unchanged.
    assert site.backlinks("c.md") == ["index.md", "d.md"]
    server.stop()


def test_cli_dirty_build_reads_what_it_skipped(make_site):
    """`mkdocs build --dirty` is a new process: nothing to reuse, so skipped pages are read."""
    site = make_site(DOCS)
    assert site.cli("build").returncode == 0
    edit(site, "a.md", "# A\n\nNow [c](c.md) only.\n")
    result = site.cli("build", "--dirty")
    assert result.returncode == 0, result.stderr
    assert site.backlinks("b.md") == ["index.md"]
    assert site.backlinks("c.md") == ["index.md", "a.md", "d.md"]
    assert "Traceback" not in result.stderr


def test_serve_rebuilds_reuse_unchanged_pages_scans(make_site):
    site = make_site(DOCS)
    server = Server(site, dirty=False)
    server.rebuild()
    plugin = server.plugins["backlinks"]
    first = {src: plugin._records.get(src).packed_anchors for src in DOCS}
    edit(site, "d.md", "# D\n\n[b](b.md)\n")
    server.rebuild()
    # Same HTML, same scan object; the edited page was scanned again.
    assert all(plugin._records.get(src).packed_anchors is first[src] for src in DOCS if src != "d.md")
    assert plugin._records.get("d.md").packed_anchors is not first["d.md"]
    assert site.backlinks("b.md") == ["index.md", "a.md", "d.md"]
    # Not serving dirty: no page's HTML is kept between builds.
    assert all(plugin._records.get(src).content is None for src in DOCS)
    server.stop()


def test_packed_anchors_round_trip_and_are_left_alone_by_the_cycle_collector():
    import gc

    from mkdocs_backlinks.core.extract import extract_anchors
    from mkdocs_backlinks.plugin.incremental import pack_anchors, unpack_anchors

    content = (
        '<p><a href="a/">top</a></p><h2 id="s">S</h2>'
        '<p><a href="b/" class="x y" rel="nofollow">b</a> <a href="c/#f">c</a></p>'
    )
    anchors = extract_anchors(content)
    packed = pack_anchors(anchors)
    assert unpack_anchors(packed) == anchors
    assert [a.heading for a in unpack_anchors(packed)][1:] == [anchors[1].heading] * 2
    # Plain tuples of strings, numbers and plain tuples: untracked once the collector has seen
    # them (those holding a heading tuple on its second look, the heading being untracked first).
    gc.collect()
    gc.collect()
    assert not any(gc.is_tracked(item) for item in packed)
    assert all(gc.is_tracked(anchor) for anchor in anchors)  # what the records no longer keep
