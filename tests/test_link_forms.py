"""Every way a page can link to another, built with real MkDocs in both URL modes.

Each case is one page, `cases/<name>.md`, holding one link; the case says which page's panel
must list it (None: no panel may list it). One build per URL mode serves every case.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from conftest import Site, make_config

SITE_URL = "https://example.org/docs/"

TARGETS = {
    "index.md": "# Home\n",
    "guide/index.md": "# Guide\n",
    "guide/install.md": "# Install\n\n## Setup\n",
    "notes/README.md": "# Notes\n",
    "My Page.md": "# My page\n",
    "ünï.md": "# Unicode\n",
    "t26 100%.md": "# Percent\n",
    "v1.2.md": "# Version 1.2\n",
    "Case.md": "# Upper case\n",
    "case.md": "# Lower case\n",
    "tel.md": "# Tel page\n",
    "https.md": "# Https page\n",
    "draft.md": "# Draft\n\n[install](guide/install.md)\n",
    "excluded.md": "# Excluded\n\n[install](guide/install.md)\n",
}

# name -> (Markdown, or (Markdown with directory URLs, Markdown with .html URLs), page listed)
CASES = {
    "relative": ("[x](../guide/install.md)", "guide/install.md"),
    "dot_relative": ("[x](./../guide/./install.md)", "guide/install.md"),
    "fragment": ("[x](../guide/install.md#setup)", "guide/install.md"),
    "query_fragment": ("[x](../guide/install.md?q=1#setup)", "guide/install.md"),
    "homepage": ("[x](../index.md)", "index.md"),
    "section_index": ("[x](../guide/index.md)", "guide/index.md"),
    "section_readme": ("[x](../notes/README.md)", "notes/README.md"),
    "space_angle": ("[x](<../My Page.md>)", "My Page.md"),
    "space_percent": ("[x](../My%20Page.md)", "My Page.md"),
    "non_ascii": ("[x](../ünï.md)", "ünï.md"),
    "literal_percent": ("[x](<../t26 100%.md>)", "t26 100%.md"),
    "dots": ("[x](../v1.2.md)", "v1.2.md"),
    "case_upper": ("[x](../Case.md)", "Case.md"),
    "case_lower": ("[x](../case.md)", "case.md"),
    "named_tel": ("[x](../tel.md)", "tel.md"),
    "named_https": ("[x](../https.md)", "https.md"),
    "reference": ("[x][r]\n\n[r]: ../guide/install.md", "guide/install.md"),
    "html_in_markdown_text": ("[*x* `y`](../guide/install.md)", "guide/install.md"),
    "raw_html_url": (
        ('<a href="../../guide/install/">x</a>', '<a href="../guide/install.html">x</a>'),
        "guide/install.md",
    ),
    "raw_html_root_relative": (
        ('<a href="/docs/guide/install/">x</a>', '<a href="/docs/guide/install.html">x</a>'),
        "guide/install.md",
    ),
    "own_absolute_url": (
        (f"[x]({SITE_URL}guide/install/)", f"[x]({SITE_URL}guide/install.html)"),
        "guide/install.md",
    ),
    "raw_html_homepage": (('<a href="/docs/">x</a>', '<a href="/docs/index.html">x</a>'), "index.md"),
    # Links that reach no page: never in a panel.
    "root_relative_md": ("[x](/guide/install.md)", None),
    "raw_html_md": ('<a href="../guide/install.md">x</a>', None),
    "unrecognized": ("[x](../guide/install)", None),
    "outside_mount": ('<a href="/guide/install/">x</a>', None),
    "mailto": ("[x](mailto:a@example.org) <a@example.org>", None),
    "tel": ("[x](tel:+123)", None),
    "javascript": ('<a href="javascript:alert(1)">x</a>', None),
    "data": ('<a href="data:text/html,hi">x</a>', None),
    "other_host": ("[x](//other.example/guide/install/) [y](https://other.example/docs/)", None),
    "self_fragment": ("# Me\n\n## Top\n\n[x](#top) [y](self_fragment.md#top)", None),
    "code": ("`[x](../tel.md)`\n\n```\n[x](../tel.md)\n<a href='../../tel/'>x</a>\n```", None),
    "comment": ("<!-- [x](../tel.md) <a href='../../tel/'>x</a> -->", None),
    "asset": ("[x](../img/pic.png)", None),
    "draft_target": ("[x](../draft.md)", None),
    "excluded_target": ("[x](../excluded.md)", None),
    "missing": ("[x](../nope.md)", None),
}
CASES["self_link"] = ("[x](self_link.md) [y](#z)", None)


def case_sources(directory_urls: bool) -> dict:
    docs = dict(TARGETS)
    docs["img/pic.png"] = b"\x89PNG\r\n\x1a\n"
    for name, (markdown, _target) in CASES.items():
        if isinstance(markdown, tuple):
            markdown = markdown[0] if directory_urls else markdown[1]
        docs[f"cases/{name}.md"] = f"# Case {name}\n\n{markdown}\n"
    return docs


@pytest.fixture(scope="module", params=[True, False], ids=["dir-urls", "file-urls"])
def built(request, tmp_path_factory):
    directory_urls = request.param
    root = tmp_path_factory.mktemp("forms")
    config = make_config(
        site_url=SITE_URL,
        use_directory_urls=directory_urls,
        draft_docs="draft.md\n",
        exclude_docs="excluded.md\n",
    )
    site = Site(root, case_sources(directory_urls), config).build()
    listed = defaultdict(set)
    for source in site.sources():
        if source in ("draft.md", "excluded.md"):
            continue
        for linking in site.backlinks(source):
            listed[linking].add(source)
    return site, listed


@pytest.mark.parametrize("name", sorted(CASES))
def test_link_form(built, name):
    site, listed = built
    expected = CASES[name][1]
    source = f"cases/{name}.md"
    assert listed.get(source, set()) == ({expected} if expected else set())


def test_panels_list_nothing_else(built):
    """No page's panel lists a page outside the cases (drafts and excluded pages included)."""
    site, listed = built
    assert set(listed) <= {f"cases/{name}.md" for name in CASES}
    assert not (site.root / "site" / "excluded").exists()
