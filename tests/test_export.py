"""The JSON link-graph export and the HTML report in real builds: schema, content, determinism,
escaping; and links to pages moved with the real mkdocs-redirects plugin."""

from __future__ import annotations

import json
import re

import jsonschema

from mkdocs_backlinks.core.export import SCHEMA_FILE

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'
# The same, written in Markdown so that it renders as text (as an author would quote it).
HOSTILE_MD = '&lt;script&gt;alert(1)&lt;/script&gt; "&gt;&lt;img src=x onerror=alert(2)&gt;'

DOCS = {
    "index.md": "# Home\n\n[Guide](guide/index.md) [Gone](gone.md)\n\n## Next\n\n[Setup](guide/setup.md#install)\n",
    "guide/index.md": "# Guide\n\n[Setup](setup.md) [Setup](setup.md) [Home](../index.md)\n",
    "guide/setup.md": f"---\ntitle: '{HOSTILE}'\n---\n\n# Setup\n\n## Install\n\n[{HOSTILE_MD}](index.md)\n",
    "lonely.md": "# Lonely\n",
}
OPTIONS = {
    "graph_file": "meta/links.json",
    "report_file": "meta/report.html",
    "orphans": "info",
    "broken_links": "info",
}


def load(site, path="meta/links.json") -> dict:
    return json.loads((site.root / "site" / path).read_text(encoding="utf-8"))


def test_export_matches_the_schema_and_the_site(make_site, directory_urls):
    site = make_site(DOCS, OPTIONS, use_directory_urls=directory_urls).build()
    data = load(site)
    schema = json.loads(open(SCHEMA_FILE, encoding="utf-8").read())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)

    assert data["version"] == 3 and data["use_directory_urls"] is directory_urls
    nodes = {node["id"]: node for node in data["nodes"]}
    assert list(nodes) == ["guide/index.md", "guide/setup.md", "index.md", "lonely.md"]
    assert nodes["guide/setup.md"]["url"] == ("guide/setup/" if directory_urls else "guide/setup.html")
    assert nodes["guide/setup.md"]["title"] == HOSTILE
    assert nodes["index.md"]["homepage"] and nodes["index.md"]["in_nav"]

    edges = [
        (e["from"], e["to"], e["fragment"], e["text"], e["section"], e["section_id"], e["count"]) for e in data["edges"]
    ]
    assert edges == [
        ("guide/index.md", "guide/setup.md", "", "Setup", "Guide", "guide", 2),
        ("guide/index.md", "index.md", "", "Home", "Guide", "guide", 1),
        ("guide/setup.md", "guide/index.md", "", HOSTILE, "Install", "install", 1),
        ("index.md", "guide/index.md", "", "Guide", "Home", "home", 1),
        ("index.md", "guide/setup.md", "install", "Setup", "Next", "next", 1),
    ]
    checks = data["checks"]
    assert checks["orphans"] == {"level": "info", "findings": ["lonely.md"]}
    assert checks["dead_ends"]["findings"] == ["lonely.md"]
    assert checks["broken_links"]["findings"] == [
        {
            "target": "gone.md",
            "kind": "missing",
            "count": 1,
            "suggestion": None,
            "sources": [{"page": "index.md", "href": "gone.md", "count": 1}],
        }
    ]


def test_exports_are_byte_identical_and_hold_no_machine_paths(make_site, directory_urls):
    site = make_site(DOCS, OPTIONS, use_directory_urls=directory_urls)
    site.build()
    first = {name: (site.root / "site" / "meta" / name).read_bytes() for name in ("links.json", "report.html")}
    site.build()
    for name, content in first.items():
        assert (site.root / "site" / "meta" / name).read_bytes() == content, name
        text = content.decode("utf-8")
        assert str(site.root) not in text and "/tmp" not in text and "\\\\" not in text
    assert first["links.json"].endswith(b"}\n")
    assert not (site.root / "docs" / "meta").exists()


def test_no_files_unless_asked(make_site):
    def files(site):
        return sorted(p.relative_to(site.root / "site").as_posix() for p in (site.root / "site").rglob("*"))

    plain = make_site(DOCS, {"enabled": False}).build()
    default = make_site(DOCS, {"orphans": "info", "broken_links": "info"}).build()
    # (The panel may bring a stylesheet; the audit writes nothing unless asked.)
    assert [f for f in set(files(default)) - set(files(plain)) if f.endswith((".json", ".html"))] == []
    exporting = make_site(DOCS, OPTIONS).build()
    assert sorted(set(files(exporting)) - set(files(default))) == ["meta", "meta/links.json", "meta/report.html"]


def test_report_escapes_everything_and_links_to_pages(make_site, directory_urls):
    site = make_site(DOCS, OPTIONS, use_directory_urls=directory_urls).build()
    report = (site.root / "site" / "meta" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in report and "<img src=x" not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert report.count("<script>") == 1  # the report's own table sorter
    # Findings, with links relative to the report's folder.
    setup = "../guide/setup/" if directory_urls else "../guide/setup.html"
    lonely = "../lonely/" if directory_urls else "../lonely.html"
    assert f'<a href="{lonely}">Lonely</a>' in report
    assert "<code>gone.md</code> (missing, 1 link)" in report
    # One table row per page, best link score first, each cell carrying its sort key.
    rows = re.findall(r"<tr>\n<td data-sort=\"[^\"]*\"><a href=\"([^\"]*)\">", report)
    assert len(rows) == 4 and setup in rows
    assert re.search(r'<td class="num" data-sort="100.0">100.0</td>', report)
    assert 'aria-sort="descending"' in report


# --- mkdocs-redirects ---------------------------------------------------------------------------

REDIRECTED = {
    "index.md": "# Home\n\n[new](new.md)\n",
    # Links to the old URLs, as people keep writing them: raw HTML and root-relative.
    "a.md": '# A\n\n<a href="../old/">old</a> <a href="/old/#part">old part</a> <a href="../away/">away</a>\n',
    "new.md": "# New\n\n## Part\n\n[home](index.md)\n",
}


def test_links_to_a_redirected_page_count_for_its_target(make_site, directory_urls):
    docs = dict(REDIRECTED)
    if not directory_urls:
        docs["a.md"] = (
            '# A\n\n<a href="old.html">old</a> <a href="/old.html#part">old part</a> <a href="away.html">away</a>\n'
        )
    redirects = {"redirect_maps": {"old.md": "new.md", "away.md": "https://example.com/", "ghost.md": "missing.md"}}
    config_plugins = [
        "search",
        {"redirects": redirects},
        {"backlinks": {"graph_file": "links.json", "orphans": "ignore"}},
    ]
    site = make_site(docs, use_directory_urls=directory_urls)
    site.config["plugins"] = config_plugins
    (site.root / "mkdocs.yml").write_text(json.dumps(site.config), encoding="utf-8")
    site.build()
    data = load(site, "links.json")
    assert [(e["from"], e["to"], e["fragment"], e["count"]) for e in data["edges"] if e["from"] == "a.md"] == [
        ("a.md", "new.md", "", 1),
        ("a.md", "new.md", "part", 1),
    ]
    assert data["checks"]["broken_links"]["findings"] == []  # the off-site redirect is external
    assert site.backlinks("new.md") == ["index.md", "a.md"]
    # mkdocs-redirects really wrote the page a browser lands on first.
    old = site.root / "site" / ("old/index.html" if directory_urls else "old.html")
    assert "new" in old.read_text(encoding="utf-8")


def test_links_to_the_report_and_export_are_not_broken(make_site, plugin_log):
    docs = {
        "index.md": '# Home\n\n<a href="meta/report.html">report</a> <a href="/meta/links.json">graph</a> [a](a.md)\n',
        "a.md": '# A\n\n[home](index.md) <a href="/meta/other.json">not written</a>\n',
    }
    make_site(docs, dict(OPTIONS, broken_links="warn")).build()
    [warning] = plugin_log()
    assert warning.startswith("1 broken link(s) to 1 target(s)") and "meta/other.json" in warning
