"""Tag listings and blog views in the post-build command, treated as the plugin treats them: the
rules (golden tables), then a real Zensical build of a site with a blog and a tags listing in
both URL modes (YAML and zensical.toml), and parity with MkDocs 1.6 + Material's blog and tags
plugins + the plugin on the same site."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import List, Optional

import pytest
import yaml

from mkdocs_backlinks.command.built_site import BuiltPage, page_content
from mkdocs_backlinks.command.config_file import SiteConfig
from mkdocs_backlinks.command.listings import blog_path, find_listings, view_pattern
from mkdocs_backlinks.core.html import parse_selector, without_elements
from mkdocs_backlinks.core.listings import blog_layout, tags_listing_rule
from mkdocs_backlinks.core.site import Listings

from .conftest import mkdocs16_build, site_pages, site_panels, write_docs, zensical_and_command

# --- The rules ----------------------------------------------------------------------------------

# (id, blog options, (blog_dir, post_dir, index) or the start of the error)
LAYOUTS = [
    ("defaults", {}, ("blog", "blog/posts", "blog/index.md")),
    ("none-values", {"blog_dir": None, "post_dir": None}, ("blog", "blog/posts", "blog/index.md")),
    ("custom-dir", {"blog_dir": "news/"}, ("news", "news/posts", "news/index.md")),
    ("root-blog", {"blog_dir": "."}, (".", "posts", "index.md")),
    ("post-dir", {"blog_dir": "b", "post_dir": "{blog}/articles"}, ("b", "b/articles", "b/index.md")),
    ("post-dir-outside", {"post_dir": "posts"}, ("blog", "posts", "blog/index.md")),
    ("bad-placeholder", {"post_dir": "{blog_dir}/posts"}, "blog option 'post_dir' '{blog_dir}/posts'"),
    ("bad-brace", {"post_dir": "{blog/posts"}, "blog option 'post_dir'"),
    ("bad-position", {"post_dir": "{0}/posts"}, "blog option 'post_dir' '{0}/posts'"),
    ("bad-attribute", {"post_dir": "{blog.x}/posts"}, "blog option 'post_dir' '{blog.x}/posts'"),
    ("bad-index", {"post_dir": "{blog[x]}/posts"}, "blog option 'post_dir' '{blog[x]}/posts'"),
    ("bad-conversion", {"post_dir": "{blog!z}/posts"}, "blog option 'post_dir' '{blog!z}/posts'"),
    ("bad-spec", {"post_dir": "{blog:d}/posts"}, "blog option 'post_dir' '{blog:d}/posts'"),
]


@pytest.mark.parametrize("name, options, expected", LAYOUTS, ids=[c[0] for c in LAYOUTS])
def test_blog_layout(name, options, expected):
    if isinstance(expected, str):
        with pytest.raises(ValueError) as caught:
            blog_layout(options)
        assert str(caught.value).startswith(expected) and "\n" not in str(caught.value)
        return
    layout = blog_layout(options)
    assert (layout.blog_dir, layout.post_dir, layout.index) == expected
    assert layout.is_post(layout.post_dir + "/a.md") and not layout.is_post(layout.post_dir + "x/a.md")


# (id, tags options, page source path, its Markdown, whether it is a tag listing)
TAG_LISTINGS = [
    ("directive", {}, "tags.md", "# Tags\n\n<!-- material/tags -->\n", True),
    ("directive-with-options", {}, "t.md", "<!--material/tags { include: [a] } -->", True),
    ("directive-spaced", {}, "t.md", "<!--   material/tags -->", True),
    ("no-directive", {}, "t.md", "# Tags\n\nmaterial/tags in prose\n", False),
    ("other-directive", {"listings_directive": "my/tags"}, "t.md", "<!-- my/tags -->", True),
    ("default-when-other-set", {"listings_directive": "my/tags"}, "t.md", "<!-- material/tags -->", False),
    ("directive-as-regex-text", {"listings_directive": "a.b"}, "t.md", "<!-- axb -->", False),
    ("tags-file", {"tags_file": "tags.md"}, "tags.md", "# Tags\n", True),
    ("tags-file-other-page", {"tags_file": "tags.md"}, "other.md", "# Other\n", False),
]


@pytest.mark.parametrize("name, options, src, markdown, expected", TAG_LISTINGS, ids=[c[0] for c in TAG_LISTINGS])
def test_tags_listing_rule(name, options, src, markdown, expected):
    assert tags_listing_rule(options).lists(src, lambda: markdown) is expected


# (id, blog options, site path, what the page is to the blog: None not under the blog dir,
# "view" one of its generated views, "other" anything else)
VIEW_PATHS = [
    ("archive", {}, "blog/archive/2024/index.html", "view"),
    ("archive-file-urls", {}, "blog/archive/2024.html", "view"),
    ("archive-paged", {}, "blog/archive/2024/page/2/index.html", "view"),
    ("archive-paged-file-urls", {}, "blog/archive/2024/page/2.html", "view"),
    ("category", {}, "blog/category/news/index.html", "view"),
    ("category-paged", {}, "blog/category/news/page/3/index.html", "view"),
    ("author", {}, "blog/author/jane/index.html", "view"),
    ("index-paged", {}, "blog/page/2/index.html", "view"),
    ("post", {}, "blog/2024/01/10/post-1/index.html", "other"),
    ("post-file-urls", {}, "blog/2024/01/10/post-1.html", "other"),
    ("index", {}, "blog/index.html", "other"),
    ("bare-archive-folder", {}, "blog/archive/index.html", "other"),
    ("not-under-blog", {}, "guide/index.html", None),
    ("blog-prefix-only", {}, "blogger/archive/2024/index.html", None),
    ("monthly-archive", {"archive_url_format": "archive/{date}"}, "blog/archive/2024/05/index.html", "view"),
    (
        "custom-formats",
        {"blog_dir": "news", "categories_url_format": "topics/{slug}", "pagination_url_format": "p{page}"},
        "news/topics/x/p2/index.html",
        "view",
    ),
    (
        "custom-format-old-path",
        {"blog_dir": "news", "categories_url_format": "topics/{slug}"},
        "news/category/x/index.html",
        "other",
    ),
    ("all-placeholder-format-unused", {"categories_url_format": "{slug}"}, "blog/news/index.html", "other"),
    ("root-blog", {"blog_dir": "."}, "archive/2024/index.html", "view"),
    ("root-blog-page", {"blog_dir": "."}, "guide/index.html", "other"),
]


@pytest.mark.parametrize("name, options, site_path, expected", VIEW_PATHS, ids=[c[0] for c in VIEW_PATHS])
def test_blog_views_by_path(name, options, site_path, expected):
    path = blog_path(site_path, blog_layout(options).blog_dir)
    if path is None:
        assert expected is None
        return
    pattern = view_pattern(options)
    assert ("view" if pattern is not None and pattern.fullmatch(path) else "other") == expected


def test_no_view_pattern_when_every_format_is_placeholders():
    formats = ("archive_url_format", "categories_url_format", "authors_profiles_url_format", "pagination_url_format")
    assert view_pattern({name: "{x}" for name in formats}) is None


SOURCES = {"tags.md": "# Tags\n<!-- material/tags -->\n", "guide.md": "# Guide\n"}


def _page(site_path: str, src: Optional[str] = None) -> BuiltPage:
    """A page built at `site_path`, from the source `src` (its text from SOURCES) or none."""
    return BuiltPage(
        site_path=site_path,
        src_uri=src or site_path,
        url=site_path,
        title=site_path,
        html="<main></main>",
        content_start=6,
        content_end=6,
        has_source=src is not None,
        markdown=SOURCES.get(src or "", ""),
    )


SITE = [
    _page("index.html", "index.md"),
    _page("guide/index.html", "guide.md"),
    _page("tags/index.html", "tags.md"),
    _page("blog/index.html", "blog/index.md"),
    _page("blog/2024/01/10/one/index.html"),
    _page("blog/2024/02/10/two/index.html"),
    _page("blog/archive/2024/index.html"),
    _page("blog/category/news/index.html"),
    _page("blog/page/2/index.html"),
    _page("blog/about/index.html", "blog/about.md"),
]
POSTS = ["blog/2024/01/10/one/index.html", "blog/2024/02/10/two/index.html"]
VIEWS = frozenset({"blog/archive/2024/index.html", "blog/category/news/index.html", "blog/page/2/index.html"})


def _bad_post_dir(post_dir: str) -> List[str]:
    """The warning for a blog whose `post_dir` cannot be filled."""
    return [
        f"mkdocs.yml: blog option 'post_dir' {post_dir!r}: the only placeholder it may have is {{blog}}; "
        "its posts and views are taken for ordinary pages."
    ]


# (id, config fields, pages, expected listings, expected warnings)
FIND = [
    ("no-plugins", {}, SITE, Listings(), []),
    (
        "tags-and-blog",
        {"tags_plugins": [{}], "blog_plugins": [{}]},
        SITE,
        Listings(frozenset({"tags.md", "blog/index.md"}) | VIEWS, {"blog/index.md": POSTS}, VIEWS),
        [],
    ),
    ("tags-only", {"tags_plugins": [{}]}, SITE, Listings(frozenset({"tags.md"})), []),
    ("tags-disabled", {"tags_plugins": [{"enabled": False}]}, SITE, Listings(), []),
    ("blog-disabled", {"blog_plugins": [{"enabled": False}]}, SITE, Listings(), []),
    ("blog-disabled-bad-post-dir", {"blog_plugins": [{"enabled": False, "post_dir": "{x}"}]}, SITE, Listings(), []),
    ("blog-elsewhere", {"blog_plugins": [{"blog_dir": "news"}]}, SITE, Listings(), []),
    ("bad-post-dir-skipped", {"blog_plugins": [{"post_dir": "{x}"}]}, SITE, Listings(), _bad_post_dir("{x}")),
    (
        "bad-post-dir-attribute-skipped",
        {"blog_plugins": [{"post_dir": "{blog.x}/posts"}]},
        SITE,
        Listings(),
        _bad_post_dir("{blog.x}/posts"),
    ),
    (
        "bad-post-dir-one-blog-of-two",
        {"tags_plugins": [{}], "blog_plugins": [{"post_dir": "{blog[x]}"}, {}]},
        SITE,
        Listings(frozenset({"tags.md", "blog/index.md"}) | VIEWS, {"blog/index.md": POSTS}, VIEWS),
        _bad_post_dir("{blog[x]}"),
    ),
    # Without the sources (no docs_dir), the index is found where it is built.
    (
        "index-without-source",
        {"blog_plugins": [{}]},
        [_page("blog/index.html"), *SITE[4:9]],
        Listings(frozenset({"blog/index.html"}) | VIEWS, {"blog/index.html": POSTS}, VIEWS),
        [],
    ),
    # Posts found by their sources when they are built where their source says.
    (
        "posts-by-source",
        {"blog_plugins": [{}]},
        [_page("blog/index.html", "blog/index.md"), _page("blog/posts/a/index.html", "blog/posts/a.md")],
        Listings(frozenset({"blog/index.md"}), {"blog/index.md": ["blog/posts/a.md"]}),
        [],
    ),
    (
        "file-urls-index",
        {"blog_plugins": [{}], "use_directory_urls": False},
        [_page("blog/index.html"), _page("blog/archive/2024.html"), _page("blog/2024/01/10/one.html")],
        Listings(
            frozenset({"blog/index.html", "blog/archive/2024.html"}),
            {"blog/index.html": ["blog/2024/01/10/one.html"]},
            frozenset({"blog/archive/2024.html"}),
        ),
        [],
    ),
    # A page without a source is no tag listing, even where `tags_file` names its path.
    (
        "tags-file-without-source",
        {"tags_plugins": [{"tags_file": "tags/index.html"}]},
        [_page("tags/index.html")],
        Listings(),
        [],
    ),
]


@pytest.mark.parametrize("name, fields, pages, expected, warnings", FIND, ids=[c[0] for c in FIND])
def test_find_listings(name, fields, pages, expected, warnings, caplog):
    config = SiteConfig(config_path="/site/mkdocs.yml", **fields)
    log = logging.getLogger("test_listings")
    with caplog.at_level(logging.WARNING, logger="test_listings"):
        found = find_listings(config, pages, log)
    assert found == expected
    assert [record.getMessage() for record in caplog.records] == warnings


TAG_CHIPS = '<nav class="md-tags"><a href="../tags/#tag:a" class="md-tag">a</a></nav>'
# (id, content region, what is read of it)
TEMPLATE_PARTS = [
    ("tag-chips", "<h1>T</h1><p>x</p>\n" + TAG_CHIPS + "\n", "<h1>T</h1><p>x</p>\n\n"),
    ("two-chip-lists", TAG_CHIPS + "<p>x</p>" + TAG_CHIPS, "<p>x</p>"),
    ("nested-nav", '<nav class="md-tags"><nav>i</nav>t</nav><p>after</p>', "<p>after</p>"),
    ("other-nav-kept", '<nav class="toc"><a href="a/">a</a></nav>', '<nav class="toc"><a href="a/">a</a></nav>'),
    (
        "unclosed-kept",
        '<p>x</p><nav class="md-tags"><a href="t/">t</a>',
        '<p>x</p><nav class="md-tags"><a href="t/">t</a>',
    ),
    ("nothing", "", ""),
]


@pytest.mark.parametrize("name, region, expected", TEMPLATE_PARTS, ids=[c[0] for c in TEMPLATE_PARTS])
def test_template_parts_are_not_content(name, region, expected):
    html = f'<article class="md-content__inner">{region}</article>'
    page = BuiltPage(
        "a.html", "a.md", "a.html", "A", html, len('<article class="md-content__inner">'), len(html) - len("</article>")
    )
    assert page_content(page) == expected
    assert without_elements(region, (parse_selector("nav.md-tags"),)) == expected


# --- Real builds --------------------------------------------------------------------------------

POST = """\
---
date: 2024-0{n}-10
categories:
  - Topic {n}
{tags}---
# Post {n}

Post {n} is about [the guide](../../guide.md).

<!-- more -->

More of post {n}.
"""

DOCS = {
    "index.md": "# Home\n\nThe [guide](guide.md), [other](other.md), the [blog](blog/index.md) and the [tags](tags.md).\n",
    "guide.md": "---\ntags:\n  - alpha\n---\n# Guide\n\nBack [home](index.md).\n",
    "other.md": "---\ntags:\n  - alpha\n---\n# Other\n\nSee the [guide](guide.md).\n",
    "tags.md": "# Tags\n\n<!-- material/tags -->\n",
    "blog/index.md": "# Blog\n\nNews from [home](../index.md).\n",
    # Only the first post is tagged: the others are linked by the blog index alone (and its views).
    **{f"blog/posts/post{n}.md": POST.format(n=n, tags="tags:\n  - alpha\n" if n == 1 else "") for n in (1, 2, 3)},
}
OPTIONS = {
    "graph_file": "links.json",
    "orphans": "error",
    "unreachable": "error",
    "dead_ends": "error",
    "broken_links": "error",
}
BLOG = {"pagination_per_page": 2}
"""Three posts, two a page: the index and the archive have a second page."""


def _built(stem: str, directory_urls: bool) -> str:
    """Where a page is written: `guide` -> `guide/index.html` or `guide.html`."""
    return stem + ("/index.html" if directory_urls else ".html")


POST_STEMS = [f"blog/2024/0{n}/10/post-{n}" for n in (1, 2, 3)]


def _write_site(root: Path, directory_urls: bool, config_format: str, **options) -> Path:
    write_docs(root, DOCS)
    backlinks = {**OPTIONS, **options}
    if config_format == "toml":
        lines = [
            "[project]",
            'site_name = "Listings"',
            f"use_directory_urls = {str(directory_urls).lower()}",
            "[project.plugins.blog]",
            *(f"{k} = {json.dumps(v)}" for k, v in BLOG.items()),
            "[project.plugins.tags]",
            "[project.plugins.backlinks]",
            *(f"{k} = {json.dumps(v)}" for k, v in backlinks.items()),
        ]
        (root / "zensical.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        config = {
            "site_name": "Listings",
            "use_directory_urls": directory_urls,
            "theme": {"name": "material"},
            "plugins": ["search", {"blog": BLOG}, "tags", {"backlinks": backlinks}],
        }
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(
    scope="module",
    params=[(True, "yml"), (False, "yml"), (True, "toml"), (False, "toml")],
    ids=["dir-urls-yml", "file-urls-yml", "dir-urls-toml", "file-urls-toml"],
)
def zensical_site(request, zensical, tmp_path_factory):
    """(site folder, directory URLs) of the site built by Zensical, then the command run on it."""
    directory_urls, config_format = request.param
    root = _write_site(tmp_path_factory.mktemp("zensical"), directory_urls, config_format)
    return zensical_and_command(zensical, root, "--strict"), directory_urls


def _titles(panel: Optional[list]) -> List[str]:
    return [entry.title for entry in panel or []]


def test_listings_stay_out_of_panels(zensical_site):
    site, directory_urls = zensical_site
    pages = site_pages(site)
    # The blog's views exist: archive, category and pagination pages.
    assert any("/archive/" in page for page in pages) and any("/category/" in page for page in pages)
    assert sum("/page/2" in page for page in pages) == 2
    panels = site_panels(site)
    # The tags page lists the guide and Other, the blog views list every post: none of them is
    # in a panel.
    guide = panels[_built("guide", directory_urls)]
    assert _titles(guide) == ["Home", "Other", "Post 1", "Post 2", "Post 3"]
    assert _titles(panels[_built("other", directory_urls)]) == ["Home"]
    for post in POST_STEMS:
        assert _titles(panels[_built(post, directory_urls)]) == [], post
    # Posts sit under their blog index, as in Material's blog.
    post_entries = [entry for entry in guide if entry.title.startswith("Post")]
    assert {entry.crumbs for entry in post_entries} == {"Blog › Blog"}
    # A view's panel sits in its own content, before the post excerpts, where the plugin puts it.
    index = (site / "blog" / "index.html").read_text(encoding="utf-8")
    assert index.index('<aside class="backlinks"') < index.index('<article class="md-post md-post--excerpt">')


def test_blog_index_links_every_post_and_views_are_exempt(zensical_site):
    site, directory_urls = zensical_site
    graph = json.loads((site / "links.json").read_text(encoding="utf-8"))
    posts = {node["id"] for node in graph["nodes"] if node["title"].startswith("Post ")}
    assert len(posts) == 3
    from_index = {edge["to"] for edge in graph["edges"] if edge["from"] == "blog/index.md"}
    assert posts <= from_index
    # Posts 2 and 3 are linked by the blog index alone, the archive, category and pagination
    # pages by nobody's content: with orphans, unreachable and dead ends at `error`, the command
    # passed (--strict), and nothing was found.
    for check in ("orphans", "unreachable", "dead_ends", "broken_links"):
        assert graph["checks"][check]["findings"] == [], check


def test_listings_in_panels_when_asked(zensical, tmp_path):
    """The same site with `listings_in_panels: true`: the tags page and the blog index are back
    in the panels (so the tests above can fail)."""
    root = _write_site(tmp_path, True, "yml", listings_in_panels=True)
    panels = site_panels(zensical_and_command(zensical, root, "--strict"))
    assert "Tags" in _titles(panels["guide/index.html"])
    assert _titles(panels["blog/2024/02/10/post-2/index.html"]) == ["Blog"]
    assert sorted(_titles(panels["blog/2024/01/10/post-1/index.html"])) == ["Blog", "Tags"]


@pytest.mark.parametrize("listings_in_panels", [False, True], ids=["listings-out", "listings-in"])
@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_same_panels_as_the_plugin(zensical, tmp_path, directory_urls, listings_in_panels):
    """MkDocs 1.6 + Material's blog and tags plugins + the plugin, and Zensical + the command, on
    the same site: the same panels on every page, entry by entry."""
    plugin_site = mkdocs16_build(
        _write_site(tmp_path / "mkdocs", directory_urls, "yml", listings_in_panels=listings_in_panels), "--strict"
    )
    command_site = zensical_and_command(
        zensical,
        _write_site(tmp_path / "zensical", directory_urls, "yml", listings_in_panels=listings_in_panels),
        "--strict",
    )
    plugin, ours = site_panels(plugin_site), site_panels(command_site)
    assert sorted(plugin) == sorted(ours)
    assert sum(bool(panel) for panel in plugin.values()) >= 4
    assert any(entry.crumbs for panel in plugin.values() for entry in panel or [])
    for page in plugin:
        assert ours[page] == plugin[page], page


SLUGGED_POST = """\
---
date: 2024-04-10
slug: a-custom-slug
categories:
  - Topic 1
---
# Post *four*: its slug is set

Post 4 links [the guide](../../guide.md).
"""


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_posts_and_views_are_named_as_the_plugin_names_them(zensical, tmp_path, directory_urls):
    """Zensical publishes posts at `blog/{date}/{slug}/` and views at `blog/archive/2024/`...:
    the command names them as the plugin does (a post by its source, a view by the path
    Material's blog gives it), so that the two exports join, node by node and edge by edge."""
    roots = []
    for name in ("mkdocs", "zensical"):
        root = _write_site(tmp_path / name, directory_urls, "yml")
        (root / "docs" / "blog" / "posts" / "post4.md").write_text(SLUGGED_POST, encoding="utf-8")
        roots.append(root)
    plugin_site = mkdocs16_build(roots[0], "--strict")
    command_site = zensical_and_command(zensical, roots[1], "--strict")
    plugin = json.loads((plugin_site / "links.json").read_text(encoding="utf-8"))
    ours = json.loads((command_site / "links.json").read_text(encoding="utf-8"))
    ids = sorted(node["id"] for node in plugin["nodes"])
    assert {f"blog/posts/post{n}.md" for n in (1, 2, 3, 4)} <= set(ids)
    assert {"blog/archive/2024.md", "blog/category/topic-1.md", "blog/page/2/index.md"} <= set(ids)
    assert sorted(node["id"] for node in ours["nodes"]) == ids
    assert ours["edges"] == plugin["edges"]
    assert ours["checks"] == plugin["checks"]


NOTES = """\
# Release notes

What changed in 2024: Topic 1 grew, and Topic 2 and Topic 3 were written about a lot in 2024.
The blog's posts cover each topic; Topic 1 comes first. Back [home](index.md).
The Frobnicator handbook says more.
"""
VIEW_STEMS = ("blog/archive/", "blog/category/", "blog/page/")


@pytest.mark.parametrize("front_end", ["plugin", "command"])
def test_blog_views_are_never_mentioned_nor_related(zensical, tmp_path, front_end):
    """The archive ("2024") and the categories ("Topic 1"...) are views, not pages anyone
    writes about: with mentions in the panel and related pages, no panel, no export entry and
    no related page names them (the unlinked-mentions check left them out already)."""
    root = _write_site(
        tmp_path,
        True,
        "yml",
        mentions_in_panel=True,
        unlinked_mentions="info",
        related_pages=3,
        mentions_min_length=4,
        mentions_max_share=1.0,
    )
    (root / "docs" / "notes.md").write_text(NOTES, encoding="utf-8")
    (root / "docs" / "handbook.md").write_text("# Frobnicator handbook\n\n[Home](index.md)\n", encoding="utf-8")
    index = root / "docs" / "index.md"
    more = "\nSee the [notes](notes.md) and the [handbook](handbook.md).\n"
    index.write_text(index.read_text(encoding="utf-8") + more, encoding="utf-8")
    site = mkdocs16_build(root) if front_end == "plugin" else zensical_and_command(zensical, root)
    graph = json.loads((site / "links.json").read_text(encoding="utf-8"))
    views = {node["id"] for node in graph["nodes"] if any(node["url"].startswith(stem) for stem in VIEW_STEMS)}
    assert len(views) >= 5  # the archive, its second page, three categories, the index's second page
    # The site has unlinked mentions of pages, so the assertions below can fail.
    assert [(m["from"], m["to"]) for m in graph["mentions"]] == [("notes.md", "handbook.md")]
    assert not [m for m in graph["mentions"] if m["to"] in views or m["from"] in views]
    assert not [r for r in graph["related"] if r["to"] in views or r["from"] in views]
    shown = [page for page in site_pages(site) if 'class="backlinks__mentions"' in (site / page).read_text("utf-8")]
    assert shown == ["handbook/index.html"]  # the one page mentioned; no view


# Naming a built blog's pages as the plugin names them: (id, blog options, post sources, built
# pages (site path, H1 title), expected names by site path).
POST_SOURCE = "---\ndate: 2024-01-10\n{meta}---\n# {title}\n\nText.\n"
NAMING = [
    (
        "slugified-title",
        {},
        {"blog/posts/first.md": ("", "Hello, World!")},
        [("blog/2024/01/10/hello-world/index.html", "Hello, World!")],
        {"blog/2024/01/10/hello-world/index.html": "blog/posts/first.md"},
    ),
    (
        "front-matter-slug",
        {},
        {"blog/posts/first.md": ("slug: custom\n", "Hello")},
        [("blog/2024/01/10/custom/index.html", "Hello")],
        {"blog/2024/01/10/custom/index.html": "blog/posts/first.md"},
    ),
    (
        "file-name",
        {"post_url_format": "{file}"},
        {"blog/posts/first.md": ("", "Hello")},
        [("blog/first.html", "Something else")],
        {"blog/first.html": "blog/posts/first.md"},
    ),
    (
        "title-when-the-slug-differs",  # a generator slugifying otherwise (non-ASCII titles)
        {},
        {"blog/posts/first.md": ("", "Ça marche")},
        [("blog/2024/01/10/ça-marche/index.html", "Ça marche")],
        {"blog/2024/01/10/ça-marche/index.html": "blog/posts/first.md"},
    ),
    (
        "ambiguous-kept",
        {},
        {"blog/posts/a.md": ("", "Same"), "blog/posts/b.md": ("", "Same")},
        [("blog/2024/01/10/same/index.html", "Same")],
        {},
    ),
    (
        "views",
        {},
        {},
        [
            ("blog/archive/2024/index.html", "2024"),
            ("blog/archive/2024/page/2/index.html", "2024"),
            ("blog/category/news/index.html", "News"),
            ("blog/page/2/index.html", "Blog"),
            ("blog/page/3.html", "Blog"),
        ],
        {
            "blog/archive/2024/index.html": "blog/archive/2024.md",
            "blog/archive/2024/page/2/index.html": "blog/archive/2024/page/2.md",
            "blog/category/news/index.html": "blog/category/news.md",
            "blog/page/2/index.html": "blog/page/2/index.md",
            "blog/page/3.html": "blog/page/3/index.md",
        },
    ),
    (
        "root-blog",
        {"blog_dir": "."},
        {"posts/first.md": ("", "Hello")},
        [("archive/2024/index.html", "2024"), ("2024/01/10/hello/index.html", "Hello")],
        {"archive/2024/index.html": "archive/2024.md", "2024/01/10/hello/index.html": "posts/first.md"},
    ),
]


@pytest.mark.parametrize("name, options, sources, built, expected", NAMING, ids=[c[0] for c in NAMING])
def test_blog_pages_named_as_the_plugin_names_them(tmp_path, name, options, sources, built, expected):
    from mkdocs_backlinks.command.built_site import BuiltSite
    from mkdocs_backlinks.command.listings import with_blog_names
    from mkdocs_backlinks.core.urls import SiteFile

    for src, (meta, title) in sources.items():
        path = tmp_path / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(POST_SOURCE.format(meta=meta, title=title), encoding="utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    pages = [replace(_page(site_path), title=title) for site_path, title in built]
    site = BuiltSite(pages, [SiteFile(p.src_uri, p.url, True) for p in pages], [], {"old/": pages[0].src_uri})
    config = SiteConfig(
        config_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), blog_plugins=[options]
    )
    named = with_blog_names(site, config)
    assert {p.site_path: p.src_uri for p in named.pages} == {
        p.site_path: expected.get(p.site_path, p.site_path) for p in pages
    }
    assert [f.src_uri for f in named.files] == [p.src_uri for p in named.pages]
    assert named.redirects == {"old/": named.pages[0].src_uri}
    for page in named.pages:
        assert page.has_source == (page.src_uri in sources)
        if page.has_source:
            assert page.meta["date"]  # its front matter, read
    # Without the sources at hand, nothing is renamed.
    config.docs_dir = str(tmp_path / "nowhere")
    assert with_blog_names(site, config) is site
