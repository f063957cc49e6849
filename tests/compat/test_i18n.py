"""mkdocs-static-i18n: every language is built on its own, and panels stay within it."""


def test_panels_stay_within_a_language(build):
    docs = {
        "index.en.md": "# Home\n\n[Guide](guide.md)\n",
        "index.fr.md": "# Accueil\n\n[Guide](guide.md)\n",
        "guide.en.md": "# Guide\n\n[Home](index.md)\n",
        "guide.fr.md": "# Guide (fr)\n\n[Accueil](index.md)\n",
    }
    i18n = {"docs_structure": "suffix", "languages": [
        {"locale": "en", "default": True, "name": "English", "build": True},
        {"locale": "fr", "name": "Français", "build": True},
    ]}  # fmt: skip
    site = build(docs, {"plugins": ["search", {"i18n": i18n}, "backlinks"]})
    assert site.backlinks("guide/") == [""]
    assert site.backlinks("fr/guide/") == ["fr/"]
    assert site.backlinks("fr/") == ["fr/guide/"]
    assert "Accueil" in site.panel("fr/guide/") and "Accueil" not in site.panel("guide/")
