"""The checks every MkDocs-like environment must pass (MkDocs 1.5, 1.6, ProperDocs)."""

from __future__ import annotations

import filecmp

import pytest

WIKI = {
    "index.md": "# Home\n\n[Alpha](alpha.md) and [the guide](guide/index.md).\n",
    "alpha.md": "# Alpha\n\n[Beta](beta.md#part) and [<b>x</b>](My Page.md)\n",
    "beta.md": "# Beta\n\n## Part\n\n[Alpha](alpha.md), [back home](index.md)\n",
    "My Page.md": "---\ntitle: My <Page> & co\n---\n\n[Deep](guide/deep/c.md)\n",
    "guide/index.md": "# Guide\n\n[Beta](../beta.md)\n",
    "guide/deep/c.md": '# C\n\n<a href="RAW">raw HTML with the built URL</a> [Guide](../index.md)\n',
}


def wiki(directory_urls: bool) -> dict:
    docs = dict(WIKI)
    raw = "../../../alpha/" if directory_urls else "../../alpha.html"
    docs["guide/deep/c.md"] = docs["guide/deep/c.md"].replace("RAW", raw)
    return docs


NAV = ["index.md", "alpha.md", "beta.md", "My Page.md", {"Guide": ["guide/index.md", "guide/deep/c.md"]}]


def url(src: str, directory_urls: bool) -> str:
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] if directory_urls else stem + ".html"
    return stem + "/" if directory_urls else stem + ".html"


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_panels(build, directory_urls):
    site = build(
        wiki(directory_urls), {"nav": NAV, "use_directory_urls": directory_urls, "plugins": ["search", "backlinks"]}
    )
    u = lambda src: url(src, directory_urls)  # noqa: E731
    assert site.backlinks(u("alpha.md")) == [u("index.md"), u("beta.md"), u("guide/deep/c.md")], site.panel(
        u("alpha.md")
    )
    assert site.backlinks(u("beta.md")) == [u("alpha.md"), u("guide/index.md")]
    assert site.backlinks(u("index.md")) == [u("beta.md")]
    assert site.backlinks(u("My Page.md")) == [u("alpha.md")]
    assert ">My &lt;Page&gt; &amp; co</a>" in site.panel(u("guide/deep/c.md"))


def test_orphans_fail_strict_naming_the_page(build):
    site = build({"index.md": "# Home\n", "lonely.md": "# Lonely\n"}, {"plugins": ["backlinks"]}, check=False)
    assert site.result.returncode != 0
    assert "lonely.md" in site.log and "Traceback" not in site.log


def test_config_mistake_is_one_line(build):
    site = build({"index.md": "# Home\n"}, {"plugins": [{"backlinks": {"orphans": "loud"}}]}, check=False)
    assert site.result.returncode != 0
    assert "orphans" in site.log and "Traceback" not in site.log


def test_two_builds_are_byte_identical(build):
    config = {"nav": NAV, "plugins": ["search", "backlinks"]}
    first, second = build(wiki(True), config), build(wiki(True), config)
    comparison = filecmp.dircmp(first.root / "site", second.root / "site")

    def same(c: filecmp.dircmp) -> None:
        assert not c.left_only and not c.right_only
        assert filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)[1:] == ([], [])
        for sub in c.subdirs.values():
            same(sub)

    same(comparison)
