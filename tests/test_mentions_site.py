"""Unlinked mentions and related pages in real MkDocs builds, through both front ends: a site with
planted mentions (case variants, multi-word titles, aliases, non-ASCII titles, overlapping
titles) and decoys (partial words, code, links, headings, admonition titles, a page that already
links, the page itself, generic titles, a page opted out). Every planted mention must show in
the check's message, the export, the report and the panel, and no decoy anywhere."""

from __future__ import annotations

import html
import json
import logging
import re

import jsonschema
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_backlinks.command import cli
from mkdocs_backlinks.core.export import SCHEMA_FILE

DOCS = {
    "index.md": "# Welcome\n\nThe welcome page links nowhere.\n",
    # Targets. "Link graph export" overlaps "Link graph": the longest match wins.
    "graph.md": (
        "---\naliases: [graph of links]\n---\n\n# Link graph\n\n"
        "The link graph is every link of the site. Link graph, link graph: a page never mentions itself.\n"
    ),
    "graph-export.md": "# Link graph export\n\nThe export writes JSON.\n",
    "cache.md": "# Überblick über Caché\n\nCaching pages.\n",
    "sets.md": "# Sets\n\nSets of pages.\n",
    "zh.md": "# 链接图\n\n页面之间的链接。\n",
    "overview.md": "# Overview\n\nA generic title: never looked for.\n",
    "secret.md": "---\nbacklinks_mentions: false\n---\n\n# Secret recipe\n\nOpted out of mentions.\n",
    # Planted mentions.
    "writer.md": (
        "# Writer\n\n"
        "The LINK GRAPH holds every link; it is a graph of links.\n\n"
        "!!! tip\n\n    Read the überblick über caché first.\n\n"
        "| Column | Meaning |\n|---|---|\n| Sets | sets of pages |\n\n"
        "## Chinese\n\n请看链接图的说明。\n\n"
        "The secret recipe and the overview stay unmentioned.\n"
    ),
    "export-user.md": "# Export user\n\nThe link graph export is one file (not a mention of the shorter title).\n",
    # Decoys: none of these is a mention.
    "decoys.md": (
        "# Decoys\n\n"
        "Settings, Link graphs, graphing, link-graphing and Cachés are other words.\n\n"
        "Inline `link graph` code and [the link graph](https://example.org/) as link text.\n\n"
        "```\nlink graph in a code block\n```\n\n"
        "## Link graph in a heading\n\n"
        '!!! note "Link graph in an admonition title"\n\n    Only the body is prose.\n\n'
        "An Overview is generic.\n"
    ),
    "linked.md": "# Linked\n\nThe link graph and its [page](graph.md): already linked, not reported.\n",
}

# (from, to, text as written, count)
PLANTED = [
    ("export-user.md", "graph-export.md", "link graph export", 1),
    ("writer.md", "cache.md", "überblick über caché", 1),
    ("writer.md", "graph.md", "LINK GRAPH", 2),
    ("writer.md", "sets.md", "Sets", 2),
    ("writer.md", "zh.md", "链接图", 1),
]
TITLES = {"writer.md": "Writer", "export-user.md": "Export user"}
TARGETS = sorted({to for _, to, _, _ in PLANTED})

OPTIONS = {
    "unlinked_mentions": "info",
    "orphans": "ignore",
    "unreachable": "ignore",
    "dead_ends": "ignore",
    "mentions_in_panel": True,
    "graph_file": "links.json",
    "report_file": "report.html",
}
SETTINGS = {"markdown_extensions": ["admonition", "tables"]}


def assert_export(data: dict, directory_urls: bool) -> None:
    schema = json.loads(open(SCHEMA_FILE, encoding="utf-8").read())
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["version"] == 3 and data["use_directory_urls"] is directory_urls
    found = [(m["from"], m["to"], m["text"], m["count"]) for m in data["mentions"]]
    assert found == PLANTED
    sections = {(m["from"], m["to"]): (m["section"], m["section_id"]) for m in data["mentions"]}
    assert sections[("writer.md", "zh.md")] == ("Chinese", "chinese")
    assert sections[("writer.md", "graph.md")] == ("Writer", "writer")
    assert data["checks"]["unlinked_mentions"] == {"level": "info", "findings": TARGETS}


def assert_report(text: str) -> None:
    table = text.split('<table id="opportunities-table">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>\s*<td>.*?</tr>", table, re.S)
    shown = sorted(
        (
            re.findall(r'<code class="muted">([^<]*)</code>', row)[1],
            re.findall(r'<code class="muted">([^<]*)</code>', row)[0],
            html.unescape(re.search(r"<td>“(.*?)”</td>", row).group(1)),
        )
        for row in rows
    )
    assert shown == sorted((frm, to, text) for frm, to, text, _ in PLANTED)


def assert_panels(site) -> None:
    for src in site.sources():
        panel = site.panel(src) or ""
        part = re.search(r'<details class="backlinks__mentions">.*?</details>', panel, re.S)
        expected = [(frm, text) for frm, to, text, _ in PLANTED if to == src]
        if not expected:
            assert part is None, src
            continue
        assert part is not None, src
        marks = [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", part.group())]
        assert marks == [text for _, text in expected], src
        titles = [
            html.unescape(t)
            for t in re.findall(r'class="backlinks__mention-link" href="[^"]*">(.*?)</a>', part.group())
        ]
        assert titles == [TITLES[frm] for frm, _ in expected], src
    # The linking page lists it as a backlink, not as a mention; the panel has the snippet.
    assert site.backlinks("graph.md") == ["linked.md"]
    assert "The <mark>LINK GRAPH</mark> holds every link" in site.panel("graph.md")


def test_planted_mentions_are_found_and_no_decoy(make_site, directory_urls, plugin_log):
    site = make_site(DOCS, OPTIONS, use_directory_urls=directory_urls, **SETTINGS).build()
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    assert_export(data, directory_urls)
    assert_report((site.root / "site" / "report.html").read_text(encoding="utf-8"))
    assert_panels(site)

    (message,) = [m for m in plugin_log(logging.INFO) if "unlinked mention" in m]
    assert message.startswith("7 unlinked mention(s) of 5 page(s)")
    lines = [line for line in message.splitlines() if line.startswith("  - ")]
    assert lines == [
        "  - cache.md (Überblick über Caché): named in writer.md",
        "  - graph-export.md (Link graph export): named in export-user.md",
        "  - graph.md (Link graph): named in writer.md x2",
        "  - sets.md (Sets): named in writer.md x2",
        "  - zh.md (链接图): named in writer.md",
    ]
    assert not plugin_log(logging.WARNING)


def test_the_post_build_command_finds_the_same(make_site, monkeypatch):
    """A site built without the plugin, then `mkdocs-backlinks SITE_DIR`."""
    site = make_site(DOCS, OPTIONS, **SETTINGS)
    plain = dict(site.config, plugins=["search"], site_dir="site")
    (site.root / "plain.yml").write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    build(load_config(config_file=str(site.root / "plain.yml")))
    monkeypatch.chdir(site.root)
    assert cli.main(["site", "-f", "mkdocs.yml", "-q"]) == 0
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    assert_export(data, True)
    assert_report((site.root / "site" / "report.html").read_text(encoding="utf-8"))
    assert_panels(site)


def test_exemptions_and_the_default(make_site):
    """`unlinked_mentions_exempt` silences the check only; `mentions_exempt` and front matter
    leave pages out on both sides; by default nothing is computed or shown."""
    options = dict(OPTIONS, unlinked_mentions_exempt=["sets.md"], mentions_exempt=["zh.md", "export-user.md"])
    site = make_site(DOCS, options, **SETTINGS).build()
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    assert [(m["from"], m["to"]) for m in data["mentions"]] == [
        ("writer.md", "cache.md"),
        ("writer.md", "graph.md"),
        ("writer.md", "sets.md"),
    ]
    assert data["checks"]["unlinked_mentions"]["findings"] == ["cache.md", "graph.md"]

    quiet = make_site(DOCS, {"graph_file": "links.json"}, **SETTINGS).build()
    data = json.loads((quiet.root / "site" / "links.json").read_text(encoding="utf-8"))
    assert data["checks"]["unlinked_mentions"]["level"] == "ignore"
    assert len(data["mentions"]) == len(PLANTED) and data["related"] == []
    assert "backlinks__mentions" not in (quiet.panel("graph.md") or "")


@pytest.mark.parametrize("value", [["ok", 3], {"a": 1}])
def test_wrong_aliases_are_one_warning(make_site, plugin_log, value):
    docs = dict(DOCS, **{"graph.md": "---\n" + yaml.safe_dump({"aliases": value}) + "---\n\n# Link graph\n"})
    make_site(docs, {"unlinked_mentions": "info"}, **SETTINGS).build()
    (warning,) = [w for w in plugin_log() if "aliases" in w]
    assert warning.startswith("Page 'graph.md': front matter 'aliases' is ")


RELATED_DOCS = {
    "index.md": "# Home\n\nNothing here.\n",
    "rockets.md": "# Rockets\n\nRocket engines burn propellant; liquid propellant rocket engines need turbopumps.\n",
    "boosters.md": "# Boosters\n\nSolid boosters burn propellant too; rocket engines and turbopumps again.\n",
    "gardens.md": "# Gardens\n\nTomatoes, basil and compost in raised beds.\n",
}


def test_related_pages_in_the_export_and_the_report(make_site):
    site = make_site(RELATED_DOCS, {"related_pages": 2, "graph_file": "links.json", "report_file": "r.html"}).build()
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    pairs = {(r["from"], r["to"]) for r in data["related"]}
    assert pairs == {("rockets.md", "boosters.md"), ("boosters.md", "rockets.md")}
    assert "propellant" in data["related"][0]["terms"]
    report = (site.root / "site" / "r.html").read_text(encoding="utf-8")
    assert "Related pages not yet linked" in report and report.count("propellant") >= 2


@pytest.mark.parametrize("level", ["warn", "error"])
def test_levels_warn_and_error(make_site, plugin_log, caplog, level):
    """`warn` is one grouped warning (`--strict` fails); `error` stops the build listing every
    mentioned page; `backlinks_exempt: [unlinked_mentions]` in front matter silences one."""
    docs = dict(DOCS, **{"sets.md": "---\nbacklinks_exempt: [unlinked_mentions]\n---\n\n# Sets\n"})
    site = make_site(docs, {"unlinked_mentions": level, "orphans": "ignore", "unreachable": "ignore"}, **SETTINGS)
    if level == "warn":
        site.build()
        (message,) = [m for m in plugin_log() if "unlinked mention" in m]
    else:
        with pytest.raises(Abort):
            site.build()
        (message,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert message.count("\n  - ") == len(TARGETS) - 1 and "sets.md" not in message
    for target in set(TARGETS) - {"sets.md"}:
        assert f"\n  - {target} (" in message


# A nav title that differs from the page's H1, and an H2 worded like the title: the mention's
# section is decided by the heading's level, as a link's is, never by comparing it with the title.
SECTION_DOCS = {
    "index.md": "# Home\n\nNothing here.\n",
    "graph.md": "# Link graph\n\nEvery link of the site.\n",
    "guide.md": "# Writing guide\n\nThe link graph, above the first H2.\n\n## More\n\nNothing.\n",
    "install.md": "# Install\n\nIntro.\n\n## Install\n\nThen the link graph.\n",
}
SECTION_NAV = [{"Home": "index.md"}, {"Guide": "guide.md"}, {"Link graph": "graph.md"}, {"Install": "install.md"}]
MENTION_SPOT = re.compile(
    r'<li class="backlinks__mention"><a class="backlinks__mention-link" href="[^"]*">([^<]*)</a>\s*'
    r'<ul class="backlinks__occurrences">\s*<li class="backlinks__occurrence"><a class="backlinks__jump" '
    r'href="([^"]*)">(?:<span class="backlinks__section">([^<]*)</span>)?'
)


def test_the_section_of_a_mention_is_decided_by_the_heading_level(make_site):
    options = {"mentions_in_panel": True, "report_file": "report.html", "graph_file": "links.json"}
    site = make_site(SECTION_DOCS, options, nav=SECTION_NAV).build()
    panel = site.panel("graph.md") or ""
    spots = {
        html.unescape(title): (html.unescape(href), section) for title, href, section in MENTION_SPOT.findall(panel)
    }
    # Under the H1 "Writing guide" of the page the nav calls "Guide": the page as a whole.
    assert spots == {"Guide": ("../guide/", ""), "Install": ("../install/#install_1", "Install")}
    report = (site.root / "site" / "report.html").read_text(encoding="utf-8")
    assert '<a href="guide/">Guide</a>' in report and '<a href="install/#install_1">Install › Install</a>' in report
    # The export gives the heading each sits under, whatever its level, as for links.
    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    assert {m["from"]: (m["section"], m["section_id"]) for m in data["mentions"]} == {
        "guide.md": ("Writing guide", "writing-guide"),
        "install.md": ("Install", "install_1"),
    }
