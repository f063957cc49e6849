"""mkdocs-literate-nav: the nav comes from SUMMARY.md; panels follow its order, and the
SUMMARY file links to nothing a reader sees as content."""


def test_panel_order_follows_the_literate_nav(build):
    docs = {
        "SUMMARY.md": "* [Home](index.md)\n* [Zeta](zeta.md)\n* [Alpha](alpha.md)\n* [Target](target.md)\n",
        "index.md": "# Home\n\n[Alpha](alpha.md) [Zeta](zeta.md) [Target](target.md)\n",
        "alpha.md": "# Alpha\n\n[Target](target.md)\n",
        "zeta.md": "# Zeta\n\n[Target](target.md)\n",
        "target.md": "# Target\n\n[Home](index.md)\n",
    }
    site = build(docs, {"plugins": ["search", {"literate-nav": {"nav_file": "SUMMARY.md"}}, "backlinks"]})
    assert site.backlinks("target/") == ["", "zeta/", "alpha/"]
    # SUMMARY.md is built as a page, but it is the nav: not an orphan, not in any panel.
    assert "SUMMARY" not in site.panel("target/")
