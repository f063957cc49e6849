"""Rebuilds: `mkdocs serve` (the plugin kept across builds) and dirty builds that skip pages."""

from __future__ import annotations

import os
import time

import pytest

from conftest import ServeLoop
from mkdocs_backlinks.core.html import extract_anchors

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


@pytest.mark.parametrize("dirty", [True, False], ids=["serve --dirty", "serve"])
def test_panels_follow_an_edit_between_rebuilds(make_site, directory_urls, dirty):
    site = make_site(DOCS, use_directory_urls=directory_urls)
    server = ServeLoop(site.root / "mkdocs.yml", dirty=dirty)
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
    server = ServeLoop(site.root / "mkdocs.yml", dirty=True)
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


def test_serve_rebuilds_scan_only_the_pages_whose_html_changed(make_site, monkeypatch):
    import mkdocs_backlinks.core.site as core_site

    scanned = []

    def counting_extract(content):
        # The pages' titles tell them apart: "<h1 id="d">D</h1>" is d.md.
        scanned.extend(src for src in DOCS if f">{DOCS[src][2:].splitlines()[0]}</h1>" in content)
        return extract_anchors(content)

    monkeypatch.setattr(core_site, "extract_anchors", counting_extract)
    site = make_site(DOCS)
    server = ServeLoop(site.root / "mkdocs.yml", dirty=False)
    server.rebuild()
    assert sorted(scanned) == sorted(DOCS)
    scanned.clear()
    edit(site, "d.md", "# D\n\n[b](b.md)\n")
    server.rebuild()
    # Same HTML, same scan: only the edited page was read again, and its new link counts.
    assert scanned == ["d.md"]
    assert site.backlinks("b.md") == ["index.md", "a.md", "d.md"]
    server.stop()


def test_page_records_reuse_scans_and_keep_html_only_when_asked():
    from mkdocs_backlinks.core.pages import PageInfo
    from mkdocs_backlinks.plugin.incremental import PageRecords

    calls = []

    def scan(content):
        calls.append(content)
        return extract_anchors(content)

    info = PageInfo("a.md", "a/", "A", 0)
    moved = PageInfo("a.md", "b/a/", "A", 3)
    records = PageRecords()
    first = records.read("a.md", '<a href="x/">x</a>', info, False, scan)
    assert calls == ['<a href="x/">x</a>'] and [a.href for a in first.anchors] == ["x/"]
    # Not serving dirty: the HTML is not kept, so a later dirty build has nothing to carry.
    assert first.content is None and records.carried("a.md", moved) is None
    # The same HTML again: the same record, not scanned again.
    assert records.read("a.md", '<a href="x/">x</a>', info, True, scan) is first and len(calls) == 1
    assert first.content == '<a href="x/">x</a>'
    # Kept HTML is carried into a dirty build, with the nav's facts of this build.
    carried = records.carried("a.md", moved)
    assert carried is first and (carried.info.url, carried.info.nav_position) == ("b/a/", 3)
    # Other HTML: scanned again.
    assert [a.href for a in records.read("a.md", '<a href="y/">y</a>', info, False, scan).anchors] == ["y/"]
    assert len(calls) == 2
    records.keep_only(["b.md"])
    assert "a.md" not in records and records.get("a.md") is None


def test_packed_anchors_round_trip_and_are_left_alone_by_the_cycle_collector():
    import gc

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
