"""mkdocs-section-index with mkdocs-literate-nav: a section's index page is content, also when it
is literate-nav's nav file (`nav_file: README.md`, `implicit_index: true`); a `SUMMARY.md` nav
file stays out of panels and out of the checks."""

import pytest

# readthedocs: a theme section-index adapts (on `mkdocs` it warns, which fails --strict).
THEME = {"name": "readthedocs"}


def url(src: str, directory_urls: bool) -> str:
    stem = src[: -len(".md")]
    for index in ("index", "README"):
        if stem == index or stem.endswith("/" + index):
            return stem[: -len(index)] + ("" if directory_urls else "index.html")
    return stem + "/" if directory_urls else stem + ".html"


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_a_readme_nav_file_is_its_sections_page_and_content(build, directory_urls):
    docs = {
        "README.md": "# Home\n\nStart with [the tutorial](guide/tutorial.md).\n\n* [Guide](guide/)\n",
        "guide/README.md": "# Guide\n\nThe guide explains [installing](install.md).\n\n"
        "* [Tutorial](tutorial.md)\n* [Install](install.md)\n",
        "guide/tutorial.md": "# Tutorial\n\nFirst [install](install.md).\n",
        "guide/install.md": "# Install\n\nBack to [the guide](README.md).\n",
    }
    plugins = [
        "search",
        {"literate-nav": {"nav_file": "README.md", "implicit_index": True}},
        "section-index",
        "backlinks",
    ]
    site = build(docs, {"theme": THEME, "use_directory_urls": directory_urls, "plugins": plugins})
    u = lambda src: url(src, directory_urls)  # noqa: E731
    assert site.backlinks(u("guide/install.md")) == [u("guide/README.md"), u("guide/tutorial.md")]
    assert site.backlinks(u("guide/tutorial.md")) == [u("README.md"), u("guide/README.md")]
    assert "orphan" not in site.log


def test_section_index_pages_are_content_and_summary_stays_out(build):
    docs = {
        "SUMMARY.md": "* [Home](index.md)\n* [Guide](guide/index.md)\n    * [Install](guide/install.md)\n",
        "index.md": "# Home\n\n[The guide](guide/index.md)\n",
        "guide/index.md": "# Guide\n\nStart by [installing](install.md).\n",
        "guide/install.md": "# Install\n\n[Home](../index.md)\n",
    }
    plugins = ["search", {"literate-nav": {"nav_file": "SUMMARY.md"}}, "section-index", "backlinks"]
    site = build(docs, {"theme": THEME, "plugins": plugins})
    assert site.backlinks("guide/install/") == ["guide/"]
    assert site.backlinks("guide/") == [""]
    assert "SUMMARY" not in site.panel("") and "SUMMARY" not in site.log
