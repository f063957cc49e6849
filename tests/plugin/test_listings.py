"""Pages other plugins fill with automatic lists (plugin/listings.py: `find_listings`), as a
golden table over real plugin instances (Material's tags and blog, mkdocs-literate-nav) loaded
from a real config: which pages are listings, which links a listing shows through its template,
and which pages a plugin generated."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.plugin.listings import find_listings

from .conftest import site_pages

DOCS = {
    "index.md": "# Home\n",
    "tags.md": "# Tags\n\n<!-- material/tags -->\n",
    "topics.md": "# Topics\n\n<!--   my/tags { include: [a] } -->\n",
    "guide/page.md": "# Page\n\nMentions material/tags in prose, not as a directive.\n",
    "blog/index.md": "# Blog\n",
    "blog/posts/first.md": "# First\n",
    "blog/posts/second.md": "# Second\n",
    "news/index.md": "# News\n",
    "news/entries/one.md": "# One\n",
    "SUMMARY.md": "* [Home](index.md)\n",
    "guide/SUMMARY.md": "* [Page](page.md)\n",
    "guide/README.md": "# Guide\n\nIts prose, and [a page](page.md).\n",
}
# Pages Material's blog generates (its archive and category views), as MkDocs marks them.
BLOG_VIEWS = {"blog/archive/2024.md": "material/blog", "blog/category/news.md": "material/blog"}

# (plugins, generated pages, listing pages, template links, generated)
LISTINGS = [
    (["search"], {}, [], {}, []),
    # Material >= 9.6: any page with the listings directive.
    (["search", "material/tags"], {}, ["tags.md"], {}, []),
    ([{"material/tags": {"listings_directive": "my/tags"}}], {}, ["topics.md"], {}, []),
    ([{"material/tags": {"enabled": False}}], {}, [], {}, []),
    # The blog index is taken to link to every post; its views are generated.
    (["material/blog"], BLOG_VIEWS, ["blog/archive/2024.md", "blog/category/news.md", "blog/index.md"],
     {"blog/index.md": ["blog/posts/first.md", "blog/posts/second.md"]}, ["blog/archive/2024.md", "blog/category/news.md"]),
    ([{"material/blog": {"blog_dir": "news", "post_dir": "{blog}/entries"}}], {}, ["news/index.md"],
     {"news/index.md": ["news/entries/one.md"]}, []),
    ([{"material/blog": {"blog_dir": "."}}], {}, ["index.md"], {"index.md": []}, []),
    ([{"material/blog": {"enabled": False}}], BLOG_VIEWS, [], {}, []),
    # literate-nav's nav files are the nav, not content: every SUMMARY.md...
    (["literate-nav"], {}, ["SUMMARY.md", "guide/SUMMARY.md"], {}, ["SUMMARY.md", "guide/SUMMARY.md"]),
    # ...or README.md, unless it is also its section's page (implicit_index).
    ([{"literate-nav": {"nav_file": "README.md"}}], {}, ["guide/README.md"], {}, ["guide/README.md"]),
    ([{"literate-nav": {"nav_file": "README.md", "implicit_index": True}}], {}, [], {}, []),
    (["material/tags", "literate-nav"], {}, ["SUMMARY.md", "guide/SUMMARY.md", "tags.md"], {}, ["SUMMARY.md", "guide/SUMMARY.md"]),
]  # fmt: skip


@pytest.mark.parametrize(
    "plugins, generated, sources, template_links, made",
    LISTINGS,
    ids=[str(case[0]) for case in LISTINGS],
)
def test_listings_table(tmp_path, plugins, generated, sources, template_links, made):
    config, pages = site_pages(tmp_path, plugins, DOCS, generated)
    listings = find_listings(config.plugins, pages)
    assert sorted(listings.sources) == sources
    assert {page: sorted(targets) for page, targets in listings.template_links.items()} == template_links
    assert sorted(listings.generated) == made


@pytest.mark.parametrize("post_dir", ["{x}/posts", "{0}/posts", "{blog.x}/posts", "{blog[x]}/posts", "{blog!z}"])
def test_post_dir_it_cannot_fill_is_a_one_line_error(tmp_path, post_dir):
    """A blog `post_dir` that `{blog}` alone cannot fill: an error naming the option, whatever
    `str.format` raised. (Material's blog stops the build on such a `post_dir` itself, in
    `on_files`, before the plugin reads it; the post-build command warns and goes on.)"""
    config, pages = site_pages(tmp_path, [{"material/blog": {"post_dir": post_dir}}], DOCS)
    with pytest.raises(ValueError) as caught:
        find_listings(config.plugins, pages)
    assert str(caught.value) == f"blog option 'post_dir' {post_dir!r}: the only placeholder it may have is {{blog}}"
