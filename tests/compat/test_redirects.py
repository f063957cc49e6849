"""mkdocs-redirects: a link to a page's old address counts for the page it moved to."""


def test_links_through_redirects_count_for_the_target(build):
    docs = {
        "index.md": "# Home\n\n[Old name](old/)\n",
        "new.md": "# New\n\n[Home](index.md)\n",
    }
    config = {"plugins": ["search", {"redirects": {"redirect_maps": {"old.md": "new.md"}}}, "backlinks"]}
    site = build(docs, config)
    assert site.backlinks("new/") == [""]
    assert "new/" in (site.root / "site" / "old" / "index.html").read_text()  # the redirect page
    assert site.panel("old/") is None
