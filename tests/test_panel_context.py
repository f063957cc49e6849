"""The contextual panel in real builds: occurrences with sections and snippets, counts, limits,
sorting, grouping, placement, the TOC entry, per-page control, languages and the stylesheet."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest

from conftest import OCCURRENCE, source_of_href

SECTION = re.compile(r'<span class="backlinks__section">(.*?)</span>', re.S)
SNIPPET = re.compile(r'<span class="backlinks__snippet">(.*?)</span>', re.S)

GUIDE = """\
# Guide

Start with the [overview](../target.md) before anything else.

## Install the tool

First get Python. Then follow [the target page](../target.md) closely. Nothing else.

- Also see [target again](../target.md) for options.

## Use it

Daily use is covered by [Target](../target.md#details), with examples.
"""


def occurrences(site, src):
    """(href resolved to a page source + #fragment, section title, snippet as text) per occurrence."""
    by_url = {site.url_of(other): other for other in site.sources()}
    found = []
    for href, inner in OCCURRENCE.findall(site.panel(src)):
        section = SECTION.search(inner)
        snippet = SNIPPET.search(inner)
        found.append(
            (
                source_of_href(href, site.url_of(src), by_url, site.directory_urls),
                html.unescape(section.group(1)) if section else "",
                snippet.group(1) if snippet else None,
            )
        )
    return found


def test_one_entry_per_page_with_count_sections_and_snippets(make_site, directory_urls):
    docs = {"index.md": "# Home\n\n[guide](guide/setup.md)\n", "guide/setup.md": GUIDE, "target.md": "# Target\n"}
    site = make_site(docs, use_directory_urls=directory_urls).build()
    assert site.backlinks("target.md") == ["guide/setup.md"]
    panel = site.panel("target.md")
    assert '<span class="backlinks__count" title="Number of links">4</span>' in panel
    assert occurrences(site, "target.md") == [
        # Above the first section: the page itself.
        ("guide/setup.md", "", "Start with the <mark>overview</mark> before anything else."),
        ("guide/setup.md#install-the-tool", "Install the tool", "Then follow <mark>the target page</mark> closely."),
        ("guide/setup.md#install-the-tool", "Install the tool", "Also see <mark>target again</mark> for options."),
        ("guide/setup.md#use-it", "Use it", "Daily use is covered by <mark>Target</mark>, with examples."),
    ]
    # Every occurrence's #fragment is an id on the linking page.
    page = site.html("guide/setup.md")
    for href, _section, _snippet in occurrences(site, "target.md"):
        if "#" in href:
            assert f'id="{href.partition("#")[2]}"' in page


def test_three_links_from_two_sections(make_site, directory_urls):
    """The issue's acceptance case: one entry, count 3, two section titles, the right #ids."""
    source = "# Notes\n\n## Alpha part\n\n[one](t.md) and [two](t.md).\n\n## Beta part\n\nSee [three](t.md).\n"
    site = make_site(
        {"index.md": "# Home\n\n[n](notes.md)\n", "notes.md": source, "t.md": "# T\n"},
        use_directory_urls=directory_urls,
    )
    site.build()
    assert site.backlinks("t.md") == ["notes.md"]
    assert ">3</span>" in site.panel("t.md")
    found = occurrences(site, "t.md")
    assert [(href, section) for href, section, _ in found] == [
        ("notes.md#alpha-part", "Alpha part"),
        ("notes.md#alpha-part", "Alpha part"),
        ("notes.md#beta-part", "Beta part"),
    ]
    assert [snippet for *_, snippet in found] == [
        "<mark>one</mark> and two.",
        "one and <mark>two</mark>.",
        "See <mark>three</mark>.",
    ]


@pytest.mark.parametrize(
    "context, expected",
    [
        ("titles", []),
        (
            "sections",
            [("guide/setup.md#install-the-tool", "Install the tool", None), ("guide/setup.md#use-it", "Use it", None)],
        ),
    ],
)
def test_context_levels(make_site, context, expected):
    docs = {"index.md": "# Home\n\n[guide](guide/setup.md)\n", "guide/setup.md": GUIDE, "target.md": "# Target\n"}
    site = make_site(docs, {"context": context}).build()
    assert site.backlinks("target.md") == ["guide/setup.md"]
    assert occurrences(site, "target.md") == expected
    assert "backlinks__snippet" not in site.panel("target.md")


HOSTILE = "<script>alert(1)</script>"
PROBE = '"><img src=x onerror=alert(1)>'


def test_hostile_titles_headings_and_link_texts_show_as_text(make_site):
    # Code spans and entities: the reader sees these strings literally, and so must the panel.
    # The last heading holds raw HTML: the reader sees `Other "">` and an image; no <img> leaks.
    source = (
        f"---\ntitle: '{PROBE}'\n---\n\n"
        f"## Heading `{HOSTILE}`\n\nText `{PROBE}` around [`{HOSTILE}`](t.md) &lt;i&gt; here.\n\n"
        f"## Other &quot;{PROBE}\n\n[`{PROBE}`](t.md)\n"
    )
    nav = [{"Home": "index.md"}, {f"Section {HOSTILE}": ["s.md"]}, {"T": "t.md"}]
    site = make_site({"index.md": "# Home\n", "s.md": source, "t.md": "# T\n"}, nav=nav).build()
    panel = site.panel("t.md")
    assert "<script" not in panel and "<img" not in panel and "<i>" not in panel
    assert site.panel_links("t.md") == [("../s/", PROBE)]
    crumbs = re.search(r'<span class="backlinks__crumbs">(.*?)</span>', panel).group(1)
    assert html.unescape(crumbs) == "Section"  # a nav title is HTML: the reader sees no script text
    found = occurrences(site, "t.md")
    assert [section for _, section, _ in found] == [f"Heading {HOSTILE}", 'Other "">']
    assert html.unescape(found[0][2]) == f"Text {PROBE} around <mark>{HOSTILE}</mark> <i> here."
    assert html.unescape(found[1][2]) == f"<mark>{PROBE}</mark>"


MANY = {
    "index.md": "# Home\n\n" + " ".join(f"[p{i}](p{i}.md)" for i in range(6)),
    "hub.md": "# Hub\n",
    **{f"p{i}.md": f"# Page {i}\n\n" + "[hub](hub.md) " * (i % 3 + 1) for i in range(6)},
}


def test_max_entries_collapse_behind_details(make_site):
    site = make_site(MANY, {"max_entries": 4, "context": "titles"}).build()
    panel = site.panel("hub.md")
    shown, _, hidden = panel.partition('<details class="backlinks__more">')
    assert len(re.findall('class="backlinks__link"', shown)) == 4
    assert "<summary>and 2 more</summary>" in hidden
    assert len(re.findall('class="backlinks__link"', hidden)) == 2
    assert len(site.backlinks("hub.md")) == 6
    # 0 shows everything.
    site = make_site(MANY, {"max_entries": 0}).build()
    assert "<details" not in site.panel("hub.md") and len(site.backlinks("hub.md")) == 6


def test_sort_by_count_then_nav(make_site):
    site = make_site(MANY, {"sort": "count"}).build()
    # p2 and p5 link 3 times, p1 and p4 twice, p0 and p3 once; ties in nav (here: title) order.
    assert site.backlinks("hub.md") == ["p2.md", "p5.md", "p1.md", "p4.md", "p0.md", "p3.md"]


GROUPED_NAV = [
    {"Home": "index.md"},
    {"Guide": [{"Setup": "guide/setup.md"}, {"Deep": [{"Inner": "guide/deep/inner.md"}]}]},
    {"Reference": [{"API": "ref/api.md"}]},
    {"Hub": "hub.md"},
]
GROUPED = {
    "index.md": "# Home\n\n[hub](hub.md)\n",
    "guide/setup.md": "# Setup\n\n[hub](../hub.md)\n",
    "guide/deep/inner.md": "# Inner\n\n[hub](../../hub.md)\n",
    "ref/api.md": "# API\n\n[hub](../hub.md)\n",
    "loose.md": "# Loose\n\n[hub](hub.md)\n",
    "hub.md": "# Hub\n\n[s](guide/setup.md) [i](guide/deep/inner.md) [a](ref/api.md) [l](loose.md)\n",
}


def test_breadcrumbs_and_grouping_by_top_level_section(make_site):
    site = make_site(GROUPED, nav=GROUPED_NAV).build()
    panel = site.panel("hub.md")
    assert re.findall(r'<span class="backlinks__crumbs">(.*?)</span>', panel) == ["Guide", "Guide › Deep", "Reference"]
    assert "backlinks__group" not in panel

    site = make_site(GROUPED, {"group_by_section": True}, nav=GROUPED_NAV).build()
    panel = site.panel("hub.md")
    assert re.findall(r'<h3 class="backlinks__group">(.*?)</h3>', panel) == ["Guide", "Reference"]
    # Pages in no section come first; a group's title is not repeated in its breadcrumbs.
    assert site.backlinks("hub.md") == ["index.md", "loose.md", "guide/setup.md", "guide/deep/inner.md", "ref/api.md"]
    assert re.findall(r'<span class="backlinks__crumbs">(.*?)</span>', panel) == ["Deep"]


def test_grouped_and_collapsed(make_site):
    site = make_site(GROUPED, {"group_by_section": True, "max_entries": 3}, nav=GROUPED_NAV).build()
    shown, _, hidden = site.panel("hub.md").partition("<details")
    assert re.findall(r'<h3 class="backlinks__group">(.*?)</h3>', shown) == ["Guide"]
    assert re.findall(r'<h3 class="backlinks__group">(.*?)</h3>', hidden) == ["Guide", "Reference"]
    assert "<summary>and 2 more</summary>" in hidden


def test_placement_template_adds_nothing_to_the_content(make_site):
    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "# A\n"}
    site = make_site(docs, {"placement": "template", "toc": True}, theme={"name": "mkdocs", "custom_dir": "overrides"})
    (site.root / "overrides").mkdir()
    (site.root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}<div id="mine">{{ backlinks.html }}</div>{{ super() }}{% endblock %}'
    )
    site.build()
    page = site.html("a.md")
    assert page.count('<aside class="backlinks"') == 1
    assert page.index('<div id="mine"><aside class="backlinks"') < page.index('<h1 id="a">')
    assert 'href="#backlinks-title"' not in page  # no TOC entry for a panel the plugin did not place


MATERIAL_TOC = """\
{#- overrides/partials/toc.html: the page's table of contents, then the backlinks panel. -#}
{%- set toc = page.toc -%}
{%- if toc | first is defined and (toc | first).level == 1 %}{% set toc = (toc | first).children %}{% endif %}
<nav class="md-nav md-nav--secondary" aria-label="{{ lang.t('toc') | e }}">
  {%- if toc %}
  <label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>{{ lang.t("toc") }}</label>
  <ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>
    {%- for toc_item in toc %}{% include "partials/toc-item.html" %}{% endfor %}
  </ul>
  {%- endif %}
</nav>
{#- Material repeats this partial in the mobile navigation (where `nav_item` is set): once is enough. #}
{%- if backlinks is defined and nav_item is not defined %}{{ backlinks.html }}{% endif %}
"""


def test_material_right_sidebar_snippet_from_the_documentation(make_site):
    docs_page = __import__("pathlib").Path(__file__).parents[1] / "example_site" / "docs" / "guide" / "panel.md"
    assert MATERIAL_TOC in docs_page.read_text(encoding="utf-8")  # the snippet users copy is the one tested here
    docs = {"index.md": "# Home\n\n## Part\n\n[a](a.md)\n", "a.md": "# A\n\n## One\n\n## Two\n"}
    site = make_site(docs, {"placement": "template"}, theme={"name": "material", "custom_dir": "overrides"})
    (site.root / "overrides" / "partials").mkdir(parents=True)
    (site.root / "overrides" / "partials" / "toc.html").write_text(MATERIAL_TOC)
    site.build()
    page = site.html("a.md")
    sidebar = page[page.index("md-sidebar--secondary") :]
    sidebar = sidebar[: sidebar.index("</article>")] if "</article>" in sidebar else sidebar
    assert 'href="#one"' in sidebar and '<aside class="backlinks"' in sidebar
    assert site.backlinks("a.md") == ["index.md"]
    assert page.count('<aside class="backlinks"') == 1


def _toc_links(page: str):
    return re.findall(r'href="#backlinks-title"', page)


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_toc_entry_only_where_the_panel_has_entries(make_site, theme):
    docs = {
        "index.md": "# Home\n\n## Part\n\n[a](a.md)\n",
        "a.md": "# A\n\n## One\n",
        "b.md": "# B\n\n[home](index.md)\n",
    }
    site = make_site(docs, {"toc": True, "show_when_empty": True, "orphans": "ignore"}, theme={"name": theme})
    site.build()
    assert len(_toc_links(site.html("a.md"))) >= 1
    assert _toc_links(site.html("b.md")) == []  # an empty panel gets no entry
    site = make_site(docs, {"orphans": "ignore"}, theme={"name": theme}).build()
    assert _toc_links(site.html("a.md")) == []  # off by default


def test_per_page_front_matter_and_globs(make_site):
    docs = {
        "index.md": "# Home\n\n[a](a.md) [b](b.md) [c](c.md) [t](tags.md)\n",
        "a.md": "---\nbacklinks_panel: false\n---\n# A\n\n[home](index.md)\n",
        "b.md": "---\nhide:\n  - backlinks\n---\n# B\n\n[home](index.md)\n",
        "c.md": "# C\n\n[a](a.md) [b](b.md)\n",
        "tags.md": "---\nbacklinks_from_here: false\n---\n# Tags\n\n[a](a.md) [c](c.md) [home](index.md)\n",
        "changelog.md": "# Changes\n\n[c](c.md) [home](index.md)\n",
        "private/x.md": "# X\n\n[home](../index.md)\n",
    }
    site = make_site(
        docs, {"ignore_links_from": ["changelog.md"], "ignore_links_to": ["private/"], "orphans": "ignore"}
    )
    site.build()
    assert site.panel("a.md") is None and site.panel("b.md") is None
    assert site.backlinks("c.md") == ["index.md"]  # not tags.md nor changelog.md
    assert site.backlinks("index.md") == ["a.md", "b.md", "private/x.md"]
    assert site.panel("private/x.md") is None
    assert site.panel("tags.md") is not None  # its own panel still shows


@pytest.mark.parametrize(
    "theme, title",
    [
        ({"name": "material", "language": "de"}, "Seiten, die hierher verlinken"),
        ({"name": "material", "language": "pt-BR"}, "Páginas com links para aqui"),
        ({"name": "material", "language": "zh-TW"}, "連結到本頁的頁面"),
        ({"name": "mkdocs", "locale": "fr"}, "Pages qui renvoient ici"),
        ({"name": "readthedocs", "locale": "ja"}, "このページへのリンク元"),
        ({"name": "mkdocs", "locale": "pl"}, "Strony, które tu linkują"),
        ({"name": "mkdocs", "locale": "sv"}, "Pages linking here"),  # no translation: English
    ],
)
def test_labels_follow_the_theme_language(make_site, plugin_log, theme, title):
    docs = {
        "index.md": "# Home\n\n" + " ".join(f"[p{i}](p{i}.md)" for i in range(3)),
        **{f"p{i}.md": f"# P{i}\n\n[h](index.md)\n" for i in range(3)},
    }
    site = make_site(docs, {"max_entries": 1}, theme=theme).build()
    panel = site.panel("index.md")
    assert f'id="backlinks-title">{html.escape(title, quote=False)}</h2>' in panel
    assert "{count}" not in panel and "2" in re.search(r"<summary>(.*?)</summary>", panel).group(1)
    assert plugin_log() == []


def test_each_label_can_be_overridden_in_any_language(make_site):
    docs = {"index.md": "# Home\n\n[a](a.md) [a](a.md) [b](b.md)\n", "a.md": "# A\n", "b.md": "# B\n\n[a](a.md)\n"}
    labels = {"title": "Mentions", "more": "+{count} <more>", "count": "Links & more"}
    site = make_site(docs, {"labels": labels, "max_entries": 1}, theme={"name": "mkdocs", "locale": "de"}).build()
    panel = site.panel("a.md")
    assert 'id="backlinks-title">Mentions</h2>' in panel
    assert "<summary>+1 &lt;more&gt;</summary>" in panel
    assert 'title="Links &amp; more">2</span>' in panel


def test_stylesheet_only_when_some_page_shows_a_panel(make_site, directory_urls):
    docs = {"index.md": "# Home\n\n[a](guide/a.md)\n", "guide/a.md": "# A\n"}
    site = make_site(docs, use_directory_urls=directory_urls).build()
    css = site.root / "site" / "assets" / "backlinks.css"
    assert css.is_file() and ".backlinks" in css.read_text(encoding="utf-8")
    assert not (site.root / "docs" / "assets").exists()  # never written into docs_dir
    # Linked with a working relative href from nested pages too.
    for src in ("index.md", "guide/a.md"):
        [href] = re.findall(r'<link[^>]+href="([^"]*backlinks\.css)"', site.html(src))
        base = "http://h/" + site.url_of(src)
        assert urljoin(base, href) == "http://h/assets/backlinks.css"

    site = make_site(docs, {"stylesheet": False}).build()
    assert not (site.root / "site" / "assets" / "backlinks.css").exists()
    assert "backlinks.css" not in site.html("index.md")

    site = make_site({"index.md": "# Home\n", "b.md": "# B\n"}, {"orphans": "ignore"}).build()
    assert not (site.root / "site" / "assets" / "backlinks.css").exists()
    assert "backlinks.css" not in site.html("index.md")


def test_a_docs_stylesheet_replaces_the_shipped_one(make_site):
    docs = {"index.md": "# Home\n\n[a](a.md)\n", "a.md": "# A\n", "assets/backlinks.css": ".backlinks{color:red}"}
    site = make_site(docs).build()
    assert (site.root / "site" / "assets" / "backlinks.css").read_text() == ".backlinks{color:red}"
    assert site.html("a.md").count("backlinks.css") == 1
