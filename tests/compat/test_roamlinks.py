"""mkdocs-roamlinks-plugin: [[wikilinks]] count as links."""


def test_wikilinks_count(build):
    docs = {
        "index.md": "# Home\n\n[[Getting Started]] and [[notes/Ideas|my ideas]]\n",
        "Getting Started.md": "# Getting started\n\n[[Ideas]]\n",
        "notes/Ideas.md": "# Ideas\n\n[[index]]\n",
    }
    site = build(docs, {"plugins": ["search", "roamlinks", "backlinks"]})
    assert site.backlinks("Getting Started/") == [""]
    assert site.backlinks("notes/Ideas/") == ["", "Getting Started/"]
    assert site.backlinks("") == ["notes/Ideas/"]
