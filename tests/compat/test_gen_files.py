"""mkdocs-gen-files with mkdocs-literate-nav: an API reference generated as the mkdocstrings
recipe does it, whose nav titles are HTML (`<code>nl2br</code>`). Panels show their text,
escaped once; the homepage inside a section of the generated nav is still the homepage."""

from __future__ import annotations

import html
import json
import re

import pytest

# The script sits beside mkdocs.yml (the fixture writes files under docs/, hence the "../").
GEN_REF = """
import mkdocs_gen_files

nav = mkdocs_gen_files.Nav()
nav["Start", "Home"] = "index.md"  # the homepage inside a nav section
for name in ("nl2br", "slug", "escape"):
    title = "<code>&lt;escape&gt;</code>" if name == "escape" else f"<code>{name}</code>"
    nav["<code>textutil</code>", title] = f"reference/{name}.md"
    with mkdocs_gen_files.open(f"reference/{name}.md", "w") as page:
        page.write(f"# `{name}`\\n\\n[nl2br](nl2br.md) and [slug](slug.md).\\n")
with mkdocs_gen_files.open("SUMMARY.md", "w") as summary:
    summary.writelines(nav.build_literate_nav())
"""
DOCS = {
    "../gen_ref.py": GEN_REF,
    "index.md": "# Home\n\nThe [API](reference/nl2br.md).\n",
}
PLUGINS = [
    "search",
    {"gen-files": {"scripts": ["gen_ref.py"]}},
    {"literate-nav": {"nav_file": "SUMMARY.md"}},
    {"backlinks": {"graph_file": "links.json"}},
]
TITLE = re.compile(r'<a class="backlinks__link" href="[^"]*">(.*?)</a>')
CRUMBS = re.compile(r'<span class="backlinks__crumbs">(.*?)</span>')


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_generated_api_nav_titles_show_as_text(build, directory_urls):
    site = build(DOCS, {"plugins": PLUGINS, "use_directory_urls": directory_urls})
    slug = "reference/slug/" if directory_urls else "reference/slug.html"
    panel = site.panel(slug)
    assert "&lt;code&gt;" not in panel and "<code>" not in panel and "&amp;lt;" not in panel
    assert sorted(TITLE.findall(panel)) == ["&lt;escape&gt;", "nl2br"]
    assert [html.unescape(c) for c in CRUMBS.findall(panel)] == ["textutil", "textutil"]
    nl2br = "reference/nl2br/" if directory_urls else "reference/nl2br.html"
    assert sorted(TITLE.findall(site.panel(nl2br))) == ["&lt;escape&gt;", "Home", "slug"]
    nodes = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))["nodes"]
    assert [node["id"] for node in nodes if node["homepage"]] == ["index.md"]
    assert {node["id"]: node["title"] for node in nodes}["reference/escape.md"] == "<escape>"
