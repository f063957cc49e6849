"""mkdocs-material with its blog and tags plugins: listings do not flood panels by default."""

from __future__ import annotations

POST = """---
date: 2024-0{n}-01
categories: [News]
tags: [alpha]
---
# Post {n}

Post {n} is about [the guide](../../guide.md).

<!-- more -->
"""

DOCS = {
    "index.md": "# Home\n\n[Guide](guide.md), [Other](other.md), the [blog](blog/index.md), [tags](tags.md).\n",
    "guide.md": "---\ntags: [alpha, beta]\n---\n# Guide\n\n[Home](index.md)\n",
    "other.md": "---\ntags: [alpha]\n---\n# Other\n\n[Guide](guide.md)\n",
    "tags.md": "# Tags\n\n<!-- material/tags -->\n",
    "blog/index.md": "# Blog\n",
    **{f"blog/posts/post{n}.md": POST.format(n=n) for n in (1, 2, 3)},
}
POSTS = ["blog/2024/01/01/post-1/", "blog/2024/02/01/post-2/", "blog/2024/03/01/post-3/"]


def config(plugins=("blog", "tags"), **options):
    return {"theme": {"name": "material"}, "plugins": ["search", *plugins, {"backlinks": options}]}


def test_tag_listings_and_blog_views_stay_out_of_panels_by_default(build):
    site = build(DOCS, config())
    assert site.backlinks("other/") == [
        "",
    ]  # the homepage only, not the tags page
    assert site.backlinks("guide/") == ["", "other/", *POSTS]
    for post in POSTS:
        assert site.backlinks(post) == []  # neither "Tags" nor "Blog"
    # --strict passed: the generated archive and category pages are not reported as orphans,
    # unreachable or dead ends, and posts listed by the blog index are not orphans.
    assert "orphan" not in site.log.lower() and "unreachable" not in site.log.lower()


def test_listings_in_panels_when_asked(build):
    site = build(DOCS, config(listings_in_panels=True))
    assert site.backlinks("other/") == ["", "tags/"]
    assert "tags/" in site.backlinks(POSTS[0])


def test_blog_posts_are_not_orphans_without_tags(build):
    docs = {k: v for k, v in DOCS.items() if k != "tags.md"}
    docs["index.md"] = "# Home\n\n[Guide](guide.md), [Other](other.md), the [blog](blog/index.md).\n"
    site = build(docs, config(plugins=("blog",), orphans="error"))
    assert site.backlinks(POSTS[1]) == []


def test_panel_shows_in_material(build):
    site = build(DOCS, config())
    assert 'class="backlinks__link"' in site.panel("guide/")
    assert 'class="md-content' in site.html("guide/")
