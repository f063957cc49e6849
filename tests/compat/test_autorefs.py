"""mkdocs-autorefs: cross-references to headings of other pages count as links."""


def test_cross_references_count(build):
    docs = {
        "index.md": "# Home\n\n[Install](install.md)\n",
        "install.md": "# Install\n\n## Requirements {#requirements}\n\nSee [the usage notes][usage-notes].\n",
        "usage.md": "# Usage\n\n## Usage notes {#usage-notes}\n\nCheck the [requirements][] and [Home](index.md).\n",
    }
    site = build(docs, {"markdown_extensions": ["attr_list"], "plugins": ["search", "autorefs", "backlinks"]})
    assert site.backlinks("usage/") == ["install/"]
    assert site.backlinks("install/") == ["", "usage/"]
