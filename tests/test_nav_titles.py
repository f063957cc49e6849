"""Nav titles are HTML (issue 11, item 3).

API references made with mkdocs-gen-files and mkdocs-literate-nav (the mkdocstrings recipe) have
navs whose titles are HTML, e.g. `<code>nl2br</code>`, which themes render unescaped. The panel,
the export and the report show their text, escaped exactly once.
"""

from __future__ import annotations

import html
import json
import re
import textwrap

# A gen-files script as the mkdocstrings recipe writes it: one page per object, and a literate
# nav whose titles are wrapped in <code>. `<script>` is a function's name, written as text; the
# `<img>` is markup that the theme renders (as an image), so no text of it shows.
GEN_REF = textwrap.dedent(
    """
    import mkdocs_gen_files

    nav = mkdocs_gen_files.Nav()
    objects = {
        "nl2br": "<code>nl2br</code>",
        "slug": "<code>slug</code> &amp; co",
        "escape": "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>",
        "probe": 'probe <img src=x onerror="alert(2)">',
    }
    for name, title in objects.items():
        nav["<code>textutil</code>", title] = f"textutil/{name}.md"
        with mkdocs_gen_files.open(f"reference/textutil/{name}.md", "w") as page:
            page.write(f"# `{name}`\\n\\n[nl2br](nl2br.md) is related to [slug](slug.md).\\n")
    with mkdocs_gen_files.open("reference/SUMMARY.md", "w") as summary:
        summary.writelines(nav.build_literate_nav())
    """
)
DOCS = {
    "SUMMARY.md": "* [Home](index.md)\n* [Reference](reference/)\n",
    "index.md": "# Home\n\nSee [`nl2br`](reference/textutil/nl2br.md).\n",
}
PLUGINS = [
    "search",
    {"gen-files": {"scripts": ["gen_ref.py"]}},
    {"literate-nav": {"nav_file": "SUMMARY.md"}},
    {"backlinks": {"graph_file": "links.json", "report_file": "report.html"}},
]
# The page slug.md's panel: (title as a reader sees it) of each page linking to it.
EXPECTED_TITLES = ["nl2br", "slug & co", "<script>alert(1)</script>", "probe"]
CRUMBS = re.compile(r'<span class="backlinks__crumbs">(.*?)</span>')


def test_generated_api_nav_titles_show_as_text_escaped_once(make_site, directory_urls):
    site = make_site(DOCS, plugins=PLUGINS, use_directory_urls=directory_urls)
    (site.root / "gen_ref.py").write_text(GEN_REF, encoding="utf-8")
    site.build()

    target = "reference/textutil/slug.md"
    panel = site.panel(target)
    links = site.panel_links(target)  # titles unescaped once, as a browser reads them
    assert sorted(title for _href, title in links) == sorted(t for t in EXPECTED_TITLES if t != "slug & co")
    assert [html.unescape(crumbs) for crumbs in CRUMBS.findall(panel)] == ["Reference › textutil"] * 3
    # Escaped exactly once: no tag of a title survives as markup or as escaped text.
    assert "&lt;code&gt;" not in panel and "<code>" not in panel and "&amp;" not in panel
    assert "<script" not in panel and "<img" not in panel
    assert ">&lt;script&gt;alert(1)&lt;/script&gt;</a>" in panel

    # The nl2br page is linked from the homepage and from every other reference page.
    assert sorted(title for _href, title in site.panel_links("reference/textutil/nl2br.md")) == sorted(
        ["Home"] + [t for t in EXPECTED_TITLES if t != "nl2br"]
    )

    data = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    titles = {node["id"]: node["title"] for node in data["nodes"]}
    assert [titles[f"reference/textutil/{name}.md"] for name in ("nl2br", "slug", "escape", "probe")] == EXPECTED_TITLES
    report = (site.root / "site" / "report.html").read_text(encoding="utf-8")
    assert "&lt;code&gt;" not in report and "&amp;lt;" not in report and "<img" not in report
    assert ">slug &amp; co</a>" in report and ">&lt;script&gt;alert(1)&lt;/script&gt;</a>" in report
