"""Section index pages are content (issue 11, item 2).

With mkdocs-literate-nav's `nav_file: README.md` (or `index.md`) and `implicit_index: true`, the
nav file is also its section's index page, shown to readers with its prose: the pages it links to
list it in their panels. mkdocs-section-index's index pages likewise. A nav file readers never see
as a page of the nav (`SUMMARY.md`, or a `README.md` without `implicit_index`) stays out of panels
and out of the checks' findings.
"""

from __future__ import annotations

import pytest

# readthedocs: a theme mkdocs-section-index adapts (it warns on `mkdocs`, failing --strict).
THEME = {"name": "readthedocs"}


def literate_site(nav_file: str) -> dict:
    """A root nav file and a `guide/` nav file, each with prose above its nav list."""
    return {
        nav_file: "# Home\n\nWelcome. Start with [the tutorial](guide/tutorial.md).\n\n"
        "* [Guide](guide/)\n* [Reference](reference.md)\n",
        f"guide/{nav_file}": "# Guide\n\nThe guide explains [installing](install.md) in depth.\n\n"
        "* [Tutorial](tutorial.md)\n* [Install](install.md)\n",
        "guide/tutorial.md": "# Tutorial\n\nFirst [install](install.md).\n",
        "guide/install.md": "# Install\n\nBack to [the guide](index.md).\n".replace("index.md", nav_file),
        "reference.md": f"# Reference\n\nSee [home]({nav_file}).\n",
    }


def plugins(literate_nav: dict, section_index: bool) -> list:
    return ["search", {"literate-nav": literate_nav}] + (["section-index"] if section_index else []) + ["backlinks"]


@pytest.mark.parametrize("section_index", [False, True], ids=["literate-nav", "with-section-index"])
@pytest.mark.parametrize("nav_file", ["README.md", "index.md"])
def test_a_nav_file_that_is_its_sections_index_page_is_content(
    make_site, directory_urls, nav_file, section_index, plugin_log
):
    site = make_site(
        literate_site(nav_file),
        theme=THEME,
        use_directory_urls=directory_urls,
        plugins=plugins({"nav_file": nav_file, "implicit_index": True}, section_index),
    ).build()
    guide = f"guide/{nav_file}"
    # Both the prose link and the nav list's link of the guide's index page are the reader's.
    assert site.backlinks("guide/install.md") == [guide, "guide/tutorial.md"], site.panel("guide/install.md")
    assert "backlinks__count" in site.panel("guide/install.md")
    assert site.backlinks("guide/tutorial.md") == [nav_file, guide]
    assert site.backlinks(guide) == [nav_file, "guide/install.md"]
    assert plugin_log() == []


@pytest.mark.parametrize(
    "nav_file, implicit_index", [("SUMMARY.md", True), ("README.md", False)], ids=["summary", "readme-not-index"]
)
def test_a_nav_file_readers_never_see_in_the_nav_stays_out(
    make_site, directory_urls, nav_file, implicit_index, plugin_log
):
    docs = {
        "index.md": "# Home\n\n[Install](guide/install.md)\n",
        f"guide/{nav_file}": "# Guide nav\n\nSee [install](install.md).\n\n* [Install](install.md)\n",
        "guide/install.md": "# Install\n\n[Home](../index.md)\n",
    }
    if nav_file == "SUMMARY.md":
        docs["guide/index.md"] = "# Guide\n\nHow to [install](install.md) and [go home](../index.md).\n"
        docs["index.md"] += "\n[The guide](guide/index.md)\n"
    site = make_site(
        docs,
        theme=THEME,
        use_directory_urls=directory_urls,
        plugins=plugins({"nav_file": nav_file, "implicit_index": implicit_index}, section_index=True),
    ).build()
    expected = ["guide/index.md", "index.md"] if nav_file == "SUMMARY.md" else ["index.md"]
    assert sorted(site.backlinks("guide/install.md")) == expected, site.panel("guide/install.md")
    # Built as a page, but exempt from the checks: neither an orphan nor unreachable.
    assert not [message for message in plugin_log() if nav_file in message]


def test_section_index_pages_from_a_yaml_nav_are_content(make_site, directory_urls, plugin_log):
    docs = {
        "index.md": "# Home\n\n[Guide](guide/index.md)\n",
        "guide/index.md": "# Guide\n\nStart by [installing](install.md).\n",
        "guide/install.md": "# Install\n\n[Back](index.md)\n",
    }
    nav = ["index.md", {"Guide": ["guide/index.md", "guide/install.md"]}]
    site = make_site(
        docs, theme=THEME, nav=nav, use_directory_urls=directory_urls, plugins=["search", "section-index", "backlinks"]
    ).build()
    assert site.backlinks("guide/install.md") == ["guide/index.md"]
    assert site.panel_links("guide/install.md")[0][1] == "Guide"
    assert site.backlinks("guide/index.md") == ["index.md", "guide/install.md"]
    assert plugin_log() == []
