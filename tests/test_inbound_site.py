"""Links from outside in real builds: the example site with a planted export (the panel part,
the report's section, the export's new fields against the schema, the `lost_inbound_links`
finding with its `redirect_maps` entries, and a build with those redirects that reports nothing
lost), and two sites linking each other through their exports (`sibling_sites`), through the
plugin and the post-build command."""

from __future__ import annotations

import html
import json
import logging
import re
import shutil
from pathlib import Path

import jsonschema
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import find_panel
from mkdocs_backlinks.command import cli
from mkdocs_backlinks.core.export import SCHEMA_FILE

EXAMPLE = Path(__file__).resolve().parent.parent / "example_site"
BASE = "https://example.org/backlinks"
HOSTILE = '<img src=x onerror="alert(1)">'

AHREFS = [
    "Referring page title\tReferring page URL\tTarget URL\tAnchor\tLeft context\tRight context\tNofollow\tLost",
    f"Docs roundup {HOSTILE}\thttps://blog.example.net/roundup\t{BASE}/guide/PANEL?ref=roundup\tthe panel\tSee\tfor details\tfalse\t",
    f"Evil\tjavascript:alert(1)\t{BASE}/guide/PANEL\t{HOSTILE}\t\t\tfalse\t",
    "Forum thread\thttps://forum.example.com/t/7\thttps://www.example.org/backlinks/panel/\told panel page\t\t\tfalse\t",
    "Forum thread\thttps://forum.example.com/t/8\thttp://example.org/backlinks/guide/orphan/\torphans\t\t\ttrue\t",
    f"Gone\thttps://gone.example/x\t{BASE}/guide/PANEL\tgone\t\t\tfalse\t2025-01-01",
    "Other\thttps://other.example/x\thttps://another.example/page\telsewhere\t\t\tfalse\t",
]
GSC = ["Target page,Incoming links,Linking sites", f"{BASE}/guide/PANEL,40,6", f"{BASE}/panel/,12,3"]
# The panel page's URL as each use_directory_urls setting publishes it.
PANEL_URL = {True: "panel/", False: "panel.html"}
# Where each lost URL's links should be sent, by mkdocs-redirects, per use_directory_urls.
REDIRECTS = {
    True: {"guide/orphan.md": "guide/orphans.md", "panel.md": "guide/panel.md"},
    False: {"guide/orphan/index.md": "guide/orphans.md", "panel/index.md": "guide/panel.md"},
}


def example(tmp_path: Path, directory_urls: bool, redirects=None) -> Path:
    """The example site, its config in `tmp_path` beside an `exports/` folder, built in-process."""
    (tmp_path / "exports").mkdir(exist_ok=True)
    ahrefs = "\n".join(AHREFS).replace("PANEL", PANEL_URL[directory_urls]) + "\n"
    (tmp_path / "exports" / "ahrefs.csv").write_bytes(b"\xff\xfe" + ahrefs.encode("utf-16-le"))
    gsc = "\n".join(GSC).replace("PANEL", PANEL_URL[directory_urls]) + "\n"
    (tmp_path / "exports" / "links.csv").write_text(gsc, encoding="utf-8-sig")
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = []
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "backlinks" in plugin:
            options = dict(plugin["backlinks"], broken_links="ignore", local_graph=False, graph_page=None)
            options.update(inbound_links=["exports/*.csv"], inbound_in_panel=True)
            plugin = {"backlinks": options}
        plugins.append(plugin)
    if redirects:
        plugins.insert(1, {"redirects": {"redirect_maps": redirects}})
    config.update(
        plugins=plugins,
        theme={"name": "mkdocs"},
        use_directory_urls=directory_urls,
        docs_dir=str(EXAMPLE / "docs"),
        site_dir=str(tmp_path / "site"),
    )
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build(load_config(config_file=str(tmp_path / "mkdocs.yml")))
    return tmp_path / "site"


def page(site: Path, path: str, directory_urls: bool) -> str:
    file = site / (path + "/index.html" if directory_urls else path + ".html")
    return file.read_text(encoding="utf-8")


def test_example_site_with_a_planted_export(tmp_path, directory_urls, plugin_log):
    site = example(tmp_path, directory_urls)
    (lost,) = [m for m in plugin_log(logging.WARNING) if "links from other sites lead to" in m]
    lines = lost.splitlines()
    assert (
        lines[0]
        == "2 URLs of this site that links from other sites lead to (13 links) are neither pages of this build nor redirects:"
    )
    assert (
        lines[1]
        == "  - panel/ (12 links from 3 sites: forum.example.com, ...; e.g. https://example.org/backlinks/panel/): did you mean 'guide/panel.md' (The panel)?"
    )
    assert (
        lines[2]
        == "  - guide/orphan/ (1 link from 1 site: forum.example.com; e.g. http://example.org/backlinks/guide/orphan/): did you mean 'guide/orphans.md' (Orphaned pages)?"
    )
    assert lines[3] == "Keep those links working with the mkdocs-redirects plugin, in mkdocs.yml:"
    entries = [f"          '{old}': '{new}'" for old, new in sorted(REDIRECTS[directory_urls].items())]
    assert lines[4:9] == ["  plugins:", "    - redirects:", "        redirect_maps:", *entries]

    # The panel's part: the planted links, escaped once; the javascript: page is no link.
    panel = find_panel(page(site, "guide/panel", directory_urls))
    part = re.search(r'<details class="backlinks__inbound">.*?</details>', panel, re.S).group()
    assert (
        '<summary>Linked from other sites <span class="backlinks__count" title="Number of links">40</span></summary>'
        in part
    )
    links = re.findall(r'<a class="backlinks__inbound-link" href="([^"]*)" rel="nofollow noopener">(.*?)</a>', part)
    assert [(href, html.unescape(title)) for href, title in links] == [
        ("https://blog.example.net/roundup", f"Docs roundup {HOSTILE}")
    ]
    assert '<span class="backlinks__inbound-link">Evil</span>' in part and "javascript:" not in part
    assert "See <mark>the panel</mark> for details" in part
    assert HOSTILE not in panel and "&amp;lt;" not in panel and "gone" not in part
    assert "backlinks__inbound" not in (find_panel(page(site, "guide/link-health", directory_urls)) or "")

    # The export: valid against the schema, with the page's links and the finding.
    data = json.loads((site / "links.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(Path(SCHEMA_FILE).read_text(encoding="utf-8")))
    assert data["version"] == 3
    (panel_page,) = [p for p in data["inbound"]["pages"] if p["page"] == "guide/panel.md"]
    assert (panel_page["links"], panel_page["sites"], panel_page["linking_sites"]) == (40, 6, ["blog.example.net"])
    assert data["inbound"]["ignored"]["other_sites"] == 1
    findings = data["checks"]["lost_inbound_links"]["findings"]
    assert [(f["path"], f["links"], f["suggestion"], f["redirect_from"]) for f in findings] == [
        ("panel/", 12, "guide/panel.md", "panel.md" if directory_urls else "panel/index.md"),
        ("guide/orphan/", 1, "guide/orphans.md", "guide/orphan.md" if directory_urls else "guide/orphan/index.md"),
    ]

    # The report: the section, the page most linked from outside, the finding.
    report = (site / "link-report.html").read_text(encoding="utf-8")
    section = report.split('<h2 id="inbound">Links from outside</h2>', 1)[1]
    assert re.search(r"<td><a href=\"[^\"]*\">The panel</a>.*?<td class=\"num\">40</td>", section, re.S)
    assert "<td>blog.example.net</td>" in section and HOSTILE not in report
    assert '<section class="check" id="check-lost_inbound_links">' in report


def test_the_redirects_it_prints_keep_the_links_alive(tmp_path, directory_urls, plugin_log):
    site = example(tmp_path, directory_urls, redirects=REDIRECTS[directory_urls])
    assert not [m for m in plugin_log(logging.WARNING) if "links from other sites" in m]
    data = json.loads((site / "links.json").read_text(encoding="utf-8"))
    assert data["checks"]["lost_inbound_links"]["findings"] == []
    # The links to the old URLs now count for the pages they redirect to.
    counts = {p["page"]: p["links"] for p in data["inbound"]["pages"]}
    assert counts["guide/orphans.md"] == 1 and counts["guide/panel.md"] == 40


# --- Sibling sites -------------------------------------------------------------------------------

SIBLINGS = {
    "docs": ("https://docs.example.org/", {
        "index.md": "# Docs\n\nSee the [Guide](guide.md).\n",
        "guide.md": "# Guide\n\n## Calling the API\n\nEach call is in the [API reference](https://api.example.org/CALLS#list).\n",
    }),
    "api": ("https://api.example.org/", {
        "index.md": "# API\n\nThe [calls](calls.md).\n",
        "calls.md": "# Calls\n\nWritten for the [guide](https://www.docs.example.org/GUIDE) and [not us](https://elsewhere.example/).\n",
    }),
}  # fmt: skip


def sibling_config(name: str, with_other: bool, directory_urls: bool) -> dict:
    url, _ = SIBLINGS[name]
    other = "api" if name == "docs" else "docs"
    options = {"graph_file": "links.json", "inbound_in_panel": True, "orphans": "ignore", "dead_ends": "ignore"}
    if with_other:
        options["sibling_sites"] = [{"graph_file": f"../{other}/site/links.json", "url": SIBLINGS[other][0]}]
    return {
        "site_name": name,
        "site_url": url,
        "use_directory_urls": directory_urls,
        "plugins": ["search", {"backlinks": options}],
    }


def build_sibling(root: Path, name: str, with_other: bool, directory_urls: bool) -> None:
    config = sibling_config(name, with_other, directory_urls)
    (root / name / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(config_file=str(root / name / "mkdocs.yml")))


def test_two_sites_show_each_others_pages_in_their_panels(tmp_path, directory_urls, plugin_log):
    for name, (_, docs) in SIBLINGS.items():
        for path, text in docs.items():
            (tmp_path / name / "docs").mkdir(parents=True, exist_ok=True)
            text = text.replace("CALLS", "calls/" if directory_urls else "calls.html")
            text = text.replace("GUIDE", "guide/" if directory_urls else "guide.html")
            (tmp_path / name / "docs" / path).write_text(text, encoding="utf-8")
    for name in SIBLINGS:  # each writes its export
        build_sibling(tmp_path, name, False, directory_urls)
    for name in SIBLINGS:  # each reads the other's
        build_sibling(tmp_path, name, True, directory_urls)
    assert plugin_log(logging.WARNING) == []

    def part(name: str, path: str) -> str:
        site = tmp_path / name / "site"
        html_text = page(site, path, directory_urls)
        found = re.search(r'<details class="backlinks__inbound">.*?</details>', find_panel(html_text) or "", re.S)
        return found.group() if found else ""

    calls = part("api", "calls")
    guide_url = "https://docs.example.org/guide/" if directory_urls else "https://docs.example.org/guide.html"
    assert (
        f'<a class="backlinks__inbound-link" href="{guide_url}#calling-the-api" rel="nofollow noopener">Guide</a>'
        in calls
    )
    assert (
        '<span class="backlinks__section">Calling the API</span> <span class="backlinks__snippet"><mark>API reference</mark></span>'
        in calls
    )
    calls_url = "https://api.example.org/calls/" if directory_urls else "https://api.example.org/calls.html"
    guide = part("docs", "guide")
    assert f'href="{calls_url}" rel="nofollow noopener">Calls</a>' in guide and "<mark>guide</mark>" in guide

    # The post-build command reads the same options and writes the same part, on the api site
    # built without the plugin.
    config = sibling_config("api", True, directory_urls)
    plain = dict(config, site_dir="site", plugins=["search"])
    shutil.move(str(tmp_path / "api" / "site"), str(tmp_path / "api" / "with-plugin"))
    (tmp_path / "api" / "plain.yml").write_text(yaml.safe_dump(plain), encoding="utf-8")
    build(load_config(config_file=str(tmp_path / "api" / "plain.yml")))
    assert part("api", "calls") == ""
    assert cli.main([str(tmp_path / "api" / "site"), "-f", str(tmp_path / "api" / "mkdocs.yml"), "-q"]) == 0
    assert part("api", "calls") == calls


def test_a_bad_sibling_export_is_one_line(tmp_path, plugin_log):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "old.json").write_text('{"version": 2, "nodes": []}', encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    options = {
        "sibling_sites": [
            {"graph_file": "old.json", "url": "https://a.example/"},
            {"graph_file": "bad.json", "url": "https://b.example/"},
            {"graph_file": "missing.json", "url": "https://c.example/"},
        ],
        "inbound_links": ["exports/*.csv"],
    }
    config = {"site_name": "x", "site_url": "https://x.example/", "plugins": [{"backlinks": options}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(config_file=str(tmp_path / "mkdocs.yml")))
    messages = plugin_log(logging.WARNING)
    assert [m.split(":")[0] for m in messages] == ["option 'inbound_links'", *["option 'sibling_sites'"] * 3]
    assert "'old.json' lists no outside links ('outbound')" in messages[1]
    assert "'bad.json' is not JSON" in messages[2]
    assert "cannot read 'missing.json'" in messages[3]


def test_the_command_follows_redirect_stubs_to_their_pages(tmp_path, directory_urls):
    """A site built without the plugin, mkdocs-redirects' stubs in it: the post-build command
    counts outside links to an old URL for the page it redirects to, and reports only the URL
    that leads nowhere."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[New](new.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "new.md").write_text("# New place\n\n[Home](index.md)\n", encoding="utf-8")
    old, new, gone = ("old/", "new/", "gone/") if directory_urls else ("old.html", "new.html", "gone.html")
    rows = [f"https://example.org/{path},{n},1" for path, n in ((old, 5), (new, 7), (gone, 2))]
    (tmp_path / "links.csv").write_text("Target page,Incoming links,Linking sites\n" + "\n".join(rows) + "\n")
    config = {
        "site_name": "x",
        "site_url": "https://example.org/",
        "use_directory_urls": directory_urls,
        "plugins": ["search", {"redirects": {"redirect_maps": {"old.md": "new.md"}}}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(config_file=str(tmp_path / "mkdocs.yml")))
    assert (tmp_path / "site" / (old + "index.html" if directory_urls else old)).is_file()
    # The command reads the same config, with the plugin's options added.
    options = {"inbound_links": ["links.csv"], "graph_file": "links.json", "lost_inbound_links": "warn"}
    command_config = dict(config, plugins=[*config["plugins"], {"backlinks": options}])
    (tmp_path / "command.yml").write_text(yaml.safe_dump(command_config), encoding="utf-8")
    assert cli.main([str(tmp_path / "site"), "-f", str(tmp_path / "command.yml"), "-q"]) == 0
    data = json.loads((tmp_path / "site" / "links.json").read_text(encoding="utf-8"))
    assert {p["page"]: p["links"] for p in data["inbound"]["pages"]} == {"new.md": 7}
    assert [f["path"] for f in data["checks"]["lost_inbound_links"]["findings"]] == [gone]
