"""The plugin in real builds: panels, ordering, escaping, orphans, serve rebuilds, themes, config."""

from __future__ import annotations

import json
import logging

import pytest
from mkdocs.exceptions import Abort

from conftest import ServeLoop, content_digest

WIKI = {
    "index.md": "# Home\n\n[Alpha](alpha.md) [Beta](beta.md)\n",
    "alpha.md": "# Alpha\n\n[Beta](beta.md) and [Zeta](zeta.md)\n",
    "beta.md": "# Beta\n\n[Alpha](alpha.md)\n",
    "zeta.md": "# Zeta\n\n[Alpha](alpha.md) [Beta](beta.md)\n",
    "extra/aardvark.md": "# Aardvark\n\n[Beta](../beta.md)\n",
    "extra/mole.md": "# Mole\n\n[Beta](../beta.md)\n",
}
NAV = [{"Home": "index.md"}, {"Zeta": "zeta.md"}, {"Alpha": "alpha.md"}, {"Beta": "beta.md"}]


def test_panel_lists_linking_pages_in_nav_order_then_by_title(make_site, directory_urls):
    site = make_site(WIKI, nav=NAV, use_directory_urls=directory_urls).build()
    # Nav order: Home, Zeta, Alpha; then the pages outside the nav, by title.
    assert site.backlinks("beta.md") == ["index.md", "zeta.md", "alpha.md", "extra/aardvark.md", "extra/mole.md"]
    assert [title for _href, title in site.panel_links("beta.md")] == ["Home", "Zeta", "Alpha", "Aardvark", "Mole"]
    assert site.backlinks("alpha.md") == ["index.md", "zeta.md", "beta.md"]
    assert site.backlinks("extra/aardvark.md") == []


def test_sort_by_title(make_site):
    site = make_site(WIKI, {"sort": "title"}, nav=NAV).build()
    assert site.backlinks("beta.md") == ["extra/aardvark.md", "alpha.md", "index.md", "extra/mole.md", "zeta.md"]


def test_panel_hrefs_from_nested_pages(make_site, directory_urls):
    docs = {
        "index.md": "# Home\n\n[deep](a/b/c.md)\n",
        "a/b/c.md": "# C\n\n[home](../../index.md) [x](../x.md)\n",
        "a/x.md": "# X\n\n[c](b/c.md) [home](../index.md)\n",
    }
    site = make_site(docs, use_directory_urls=directory_urls).build()
    assert site.backlinks("a/b/c.md") == ["index.md", "a/x.md"]
    assert sorted(site.backlinks("index.md")) == ["a/b/c.md", "a/x.md"]


def test_no_panel_without_backlinks_unless_asked(make_site):
    docs = {"index.md": "# Home\n", "lonely.md": "# Lonely\n\n[home](index.md)\n"}
    site = make_site(docs).build()
    assert site.panel("lonely.md") is None
    assert site.backlinks("index.md") == ["lonely.md"]

    site = make_site(docs, {"show_when_empty": True}).build()
    panel = site.panel("lonely.md")
    assert '<p class="backlinks__empty">No pages link here yet.</p>' in panel


def test_labels_can_be_overridden(make_site):
    docs = {"index.md": "# Home\n", "a.md": "# A\n\n[home](index.md)\n"}
    site = make_site(docs, {"labels": {"title": "What links here", "empty": "Nobody <yet>"}, "show_when_empty": True})
    site.build()
    assert '<h2 class="backlinks__title" id="backlinks-title">What links here</h2>' in site.panel("index.md")
    assert "Nobody &lt;yet&gt;" in site.panel("a.md")


HOSTILE = "<script>alert(1)</script>"
PROBE = '"><img src=x onerror=alert(1)>'


@pytest.mark.parametrize(
    "source, shown",
    [
        # Front matter titles are plain text.
        (f"---\ntitle: '{HOSTILE}'\n---\n\n[t](target.md)\n", HOSTILE),
        (f"---\ntitle: '{PROBE}'\n---\n\n[t](target.md)\n", PROBE),
        ("---\ntitle: Tom &amp; Jerry\n---\n\n[t](target.md)\n", "Tom &amp; Jerry"),
        # Titles from the first heading are HTML in MkDocs: shown as the reader sees the heading.
        ("# Use `<b>` & `&amp;`\n\n[t](target.md)\n", "Use <b> & &amp;"),
        ("# Tom &amp; Jerry\n\n[t](target.md)\n", "Tom & Jerry"),
        ("# A <img src=x onerror=alert(1)> b\n\n[t](target.md)\n", "A b"),
        # Python-Markdown does not unescape "\\<": the reader sees the backslash, and so does the panel.
        ("# Fish \\<b\\> chips\n\n[t](target.md)\n", "Fish \\<b> chips"),
    ],
)
def test_titles_are_escaped_exactly_once(make_site, source, shown):
    site = make_site({"index.md": "# Home\n", "target.md": "# Target\n", "src.md": source}).build()
    panel = site.panel("target.md")
    assert [title for _href, title in site.panel_links("target.md")] == [shown]
    assert "<script>" not in panel and "<img" not in panel


def test_nav_titles_are_html_shown_as_text(make_site):
    # Themes render nav titles unescaped: the reader sees "A nav & title", with "nav" in italics.
    nav = [{"Home": "index.md"}, {"A <i>nav</i> & title": "src.md"}, {"T": "target.md"}]
    site = make_site({"index.md": "# H\n", "target.md": "# T\n", "src.md": "# S\n\n[t](target.md)\n"}, nav=nav)
    site.build()
    assert site.panel_links("target.md")[0][1] == "A nav & title"
    assert "<i>" not in site.panel("target.md") and "&lt;i&gt;" not in site.panel("target.md")


def test_only_the_pages_own_marker_becomes_its_panel(make_site):
    """A page can show another page's content after its own (a blog index showing whole posts),
    markers included: the panel goes where the page's own content ends, and only there."""
    from mkdocs_backlinks.core.panel import panel_marker

    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "# A\n\n[home](index.md)\n"}
    site = make_site(docs, theme={"name": "mkdocs", "custom_dir": "overrides"})
    (site.root / "overrides").mkdir()
    (site.root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ super() }}'
        '<div id="shown-after">' + panel_marker("a.md") + "</div>{% endblock %}"
    )
    site.build()
    home = site.html("index.md")
    assert home.index('<aside class="backlinks"') < home.index('<div id="shown-after">')
    assert '<div id="shown-after">' + panel_marker("a.md") + "</div>" in home
    assert site.backlinks("index.md") == ["a.md"]


def test_panel_is_not_in_the_search_index(make_site):
    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "# A\n\n[home](index.md)\n"}
    site = make_site(docs).build()
    assert site.panel("a.md") is not None
    index = (site.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "backlinks" not in index and "Pages linking here" not in index
    assert json.loads(index)["docs"]  # the index itself was built


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_panel_in_every_theme(make_site, theme):
    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "# A\n\n[home](index.md)\n"}
    site = make_site(docs, theme={"name": theme}).build()
    page = site.html("a.md")
    assert site.backlinks("a.md") == ["index.md"]
    # Inside the page's content, before the end of the theme's main content area.
    content_end = {"mkdocs": "<footer", "readthedocs": "<footer", "material": "</article>"}[theme]
    assert page.index('<aside class="backlinks"') < page.index(content_end)
    if theme == "material":
        search = (site.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "Pages linking here" not in search


def test_custom_dir_overrides_the_template_and_sees_the_context(make_site):
    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "# A\n\n[home](index.md)\n"}
    site = make_site(docs, theme={"name": "mkdocs", "custom_dir": "overrides"})
    (site.root / "overrides" / "backlinks").mkdir(parents=True)
    (site.root / "overrides" / "backlinks" / "panel.html").write_text(
        '<div class="my-panel">{% for e in backlinks %}[{{ e.title|e }} x{{ e.count }}]{% endfor %}</div>'
    )
    (site.root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ super() }}'
        '<p id="ctx">{{ backlinks|length }} / {% for e in backlinks %}{{ e.src_uri }}{% endfor %}</p>{% endblock %}'
    )
    site.build()
    page = site.html("a.md")
    assert '<div class="my-panel">[Home x1]</div>' in page
    assert '<p id="ctx">1 / index.md</p>' in page


def test_disabled_plugin_adds_nothing(make_site):
    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "# A\n"}
    site = make_site(docs, {"enabled": False}).build()
    assert site.panel("a.md") is None


# --- Orphans -----------------------------------------------------------------------------------

ORPHANED = {
    "index.md": "# Home\n\n[a](a.md)\n",
    "a.md": "# A\n\n[self](a.md) [home](index.md)\n",
    "lonely.md": "# Lonely\n\n[a](a.md)\n",
    "old/gone.md": "# Gone\n",
    "fm.md": "---\norphan: true\n---\n# Exempt by front matter\n",
}


def test_orphans_warn_by_default(make_site, plugin_log):
    make_site(ORPHANED).build()
    # One grouped summary, not one line per orphan.
    assert plugin_log(logging.WARNING) == [
        "2 orphaned page(s): no other page links to them:\n  - lonely.md\n  - old/gone.md\n"
        "Link to them, or exempt them with 'orphan: true' in their front matter or the "
        "'orphans_exempt' option."
    ]


def test_orphan_exemptions_by_glob(make_site, plugin_log):
    make_site(ORPHANED, {"orphans_exempt": ["old/*", "lone*.md"]}).build()
    assert plugin_log(logging.WARNING) == []


@pytest.mark.parametrize("level, notes", [("info", 1), ("ignore", 0)])
def test_orphans_at_info_and_ignore(make_site, plugin_log, level, notes):
    # One build per case, so that what one level logged cannot pass for what the other did.
    make_site(ORPHANED, {"orphans": level}).build()
    orphan_notes = [
        m for lvl in (logging.INFO, logging.WARNING, logging.ERROR) for m in plugin_log(lvl) if "orphaned page" in m
    ]
    assert len(orphan_notes) == notes
    assert plugin_log(logging.WARNING) == []


def test_orphans_error_stops_the_build_naming_each(make_site, caplog):
    site = make_site(ORPHANED, {"orphans": "error"})
    with pytest.raises(Abort):
        site.build()
    [message] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "2 orphaned page(s)" in message
    assert "\n  - lonely.md" in message and "\n  - old/gone.md" in message
    assert "fm.md" not in message and "index.md" not in message


def test_orphans_never_stop_serve(make_site, plugin_log):
    site = make_site(ORPHANED, {"orphans": "error"})
    site.build(command="serve")
    [warning] = plugin_log(logging.WARNING)
    assert "\n  - lonely.md\n  - old/gone.md\n" in warning


def test_orphans_cli_exit_codes(make_site):
    site = make_site(ORPHANED)
    plain = site.cli("build")
    assert plain.returncode == 0, plain.stderr
    assert "2 orphaned page(s)" in plain.stderr and "  - lonely.md" in plain.stderr
    strict = site.cli("build", "--strict")
    assert strict.returncode == 1
    assert "  - old/gone.md" in strict.stderr
    assert "Aborted with 1 warnings in strict mode" in strict.stdout + strict.stderr

    site = make_site(ORPHANED, {"orphans": "error"})
    failed = site.cli("build")
    assert failed.returncode == 1
    assert "- lonely.md" in failed.stderr and "- old/gone.md" in failed.stderr
    assert "Traceback" not in failed.stderr


def test_drafts_never_count_as_backlinks(make_site):
    docs = {
        "index.md": "# Home\n\n[a](a.md)\n",
        "a.md": "# A\n\n[home](index.md)\n",
        "draft.md": "# Draft\n\n[a](a.md) [home](index.md) [b](b.md)\n",
        "b.md": "# B linked only from the draft\n",
    }
    site = make_site(docs, draft_docs="draft.md\n")
    site.build()
    assert site.backlinks("a.md") == ["index.md"]
    assert site.panel("b.md") is None
    assert not site.output_path("draft.md").exists()
    # Served (drafts are rendered then): the draft gets a panel, but its links still do not count.
    site.build(command="serve", serve_url="http://127.0.0.1:8000/")
    assert site.backlinks("a.md") == ["index.md"]
    assert site.backlinks("draft.md") == []


# --- mkdocs serve: the same plugin instance across rebuilds --------------------------------------


def test_serve_style_rebuilds_start_afresh(make_site):
    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "# A\n\n[b](b.md)\n", "b.md": "# B\n"}
    site = make_site(docs)
    with ServeLoop(site.root / "mkdocs.yml") as server:
        for round in range(4):
            config = server.rebuild()
            assert config.plugins["backlinks"] is server.plugins["backlinks"]  # MkDocs kept the instance
            assert site.backlinks("b.md") == (["a.md"] if round % 2 == 0 else ["index.md"])
            assert site.html("b.md").count('class="backlinks"') == 1
            assert config.theme.dirs.count(config.theme.dirs[-1]) == 1
            # Edit between rebuilds: the link to b moves from a to index and back.
            if round % 2 == 0:
                (site.root / "docs" / "a.md").write_text("# A\n")
                (site.root / "docs" / "index.md").write_text("# Home\n\n[a](a.md) [b](b.md)\n")
            else:
                (site.root / "docs" / "a.md").write_text("# A\n\n[b](b.md)\n")
                (site.root / "docs" / "index.md").write_text("# Home\n\n[a](a.md)\n")


# --- Config and hygiene ------------------------------------------------------------------------


def test_never_writes_into_docs_and_builds_are_byte_identical(make_site, directory_urls, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # MkDocs' own build date
    docs = dict(WIKI)
    docs["weird.md"] = "# W\n\n<a href='http://['>x</a> <a href=\"beta.md\">raw</a> [b](beta.md)\n"
    site = make_site(docs, nav=NAV, use_directory_urls=directory_urls)
    before = content_digest(site.root / "docs")
    site.build()
    first = content_digest(site.root / "site")
    site.build()
    assert content_digest(site.root / "docs") == before
    assert content_digest(site.root / "site") == first
