"""mkdocs-awesome-pages-plugin: the nav comes from .pages files; panels follow its order."""


def test_panel_order_follows_the_pages_files(build):
    docs = {
        ".pages": "nav:\n  - index.md\n  - zeta.md\n  - alpha.md\n  - target.md\n",
        "index.md": "# Home\n\n[Alpha](alpha.md) [Zeta](zeta.md) [Target](target.md)\n",
        "alpha.md": "# Alpha\n\n[Target](target.md)\n",
        "zeta.md": "# Zeta\n\n[Target](target.md)\n",
        "target.md": "# Target\n\n[Home](index.md)\n",
    }
    site = build(docs, {"plugins": ["search", "awesome-pages", "backlinks"]})
    assert site.backlinks("target/") == ["", "zeta/", "alpha/"]
