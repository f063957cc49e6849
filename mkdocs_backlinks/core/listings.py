"""The rules that say which pages Material's tags and blog plugins fill with automatic lists,
shared by both front ends: the plugin reads the options from the running plugins, the command
from the config file's plugin entries, and both ask these rules the same questions.

- A tag listing is a page whose Markdown source has the tags plugin's listing directive
  (`<!-- material/tags -->`, Material >= 9.6 and Zensical), or the one `tags_file` of older
  Material releases.
- A blog keeps its posts under `post_dir` (`{blog}/posts`) and its index at
  `{blog_dir}/index.md`; the index is taken to link to every post, as its template does.

Which pages are the blog's generated views (archive, category, pagination) is not here: the
plugin asks MkDocs (`File.generated_by`), the command reads the site's paths.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, List, Optional, Pattern

__all__ = ["BlogLayout", "TagsListingRule", "blog_layout", "option_value", "tags_listing_rule"]

DEFAULT_TAGS_DIRECTIVE = "material/tags"
"""The tags plugin's `listings_directive` when none is set."""


def option_value(options: Any, name: str, default: object) -> object:
    """A plugin's option as configured: `options[name]`, or `default` when it is missing or
    None. `options` is a running plugin's config (MkDocs) or the plain mapping a config file
    holds (the command); anything else reads as having no options."""
    try:
        value = options[name]
    except (KeyError, TypeError, AttributeError):
        return default
    return default if value is None else value


def is_enabled(options: Any) -> bool:
    """Whether a plugin's `enabled` option leaves it on (the default)."""
    return bool(option_value(options, "enabled", True))


@dataclass(frozen=True)
class TagsListingRule:
    """Which pages one tags plugin fills with tag listings."""

    directive: Pattern[str]
    """The listing directive as it opens an HTML comment in the Markdown source."""
    tags_file: Optional[str]
    """Material < 9.6: the one page that lists every tag (a source path), None when unset."""

    def lists(self, src: str, markdown: Callable[[], str]) -> bool:
        """Whether page `src` is a tag listing; `markdown()` gives its source as written (the
        plugin replaces the directive while rendering), asked for only when needed."""
        return src == self.tags_file or bool(self.directive.search(markdown()))


def tags_listing_rule(options: Any) -> TagsListingRule:
    """The listing rule of a tags plugin with these options."""
    name = str(option_value(options, "listings_directive", DEFAULT_TAGS_DIRECTIVE))
    tags_file = option_value(options, "tags_file", None)
    return TagsListingRule(
        directive=re.compile(r"<!--\s*" + re.escape(name)),
        tags_file=None if tags_file is None else str(tags_file),
    )


@dataclass(frozen=True)
class BlogLayout:
    """Where one blog keeps its pages, as source paths relative to `docs_dir`."""

    blog_dir: str
    """Normalized: `.` when the whole site is the blog."""
    post_dir: str
    index: str
    """The blog index's source: `{blog_dir}/index.md`."""

    def is_post(self, src: str) -> bool:
        """Whether the page of source `src` is one of the blog's posts."""
        return src.startswith(self.post_dir + "/")

    def posts(self, sources: Iterable[str]) -> List[str]:
        """The posts among `sources`, in their order: every page the blog index lists."""
        return [src for src in sources if self.is_post(src)]


# What `str.format` raises for a format it cannot fill with `blog` alone: another name (`{x}`),
# a position (`{0}`), a bad brace, conversion or spec (`{blog`, `{blog!z}`, `{blog:d}`), an
# attribute or an index the value has not (`{blog.x}`, `{blog[x]}`).
_BAD_FORMAT = (KeyError, IndexError, ValueError, AttributeError, TypeError)


def blog_layout(options: Any) -> BlogLayout:
    """The layout of a blog plugin with these options (`blog_dir`, `post_dir`). Raises
    ValueError naming the option when `post_dir` cannot be filled with `{blog}` alone."""
    blog_dir = posixpath.normpath(str(option_value(options, "blog_dir", "blog")))
    post_format = str(option_value(options, "post_dir", "{blog}/posts"))
    try:
        # As Material's blog reads it, so that a format it takes is taken the same way.
        post_dir = posixpath.normpath(post_format.format(blog=blog_dir))
    except _BAD_FORMAT:
        problem = f"blog option 'post_dir' {post_format!r}: the only placeholder it may have is {{blog}}"
        raise ValueError(problem) from None
    index = "index.md" if blog_dir == "." else f"{blog_dir}/index.md"
    return BlogLayout(blog_dir=blog_dir, post_dir=post_dir, index=index)
