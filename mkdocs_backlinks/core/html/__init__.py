"""The one HTML layer: how this project reads a page's HTML, for both front ends.

- `tokens`: the tokenizer's grammar (what a `<` starts, comments, the elements whose content is
  not markup, `NOT_MARKUP`, each with the browser's reading), attributes, tags and their ends;
- `text`: the one plain-text function and the one `Heading`;
- `links`: a page's links, with their positions and headings, and a link's text;
- `prose`: the prose of a page, for unlinked mentions and related pages;
- `select`: elements found by a simple selector (a built page's content region);
- `panels`: panels written by either front end, and other tools' link lists, found and taken out
  (`page_content`: what both front ends read).

Snippets (`core.snippets`) are cut with this layer's hidden spans, block tags and plain text.
No other module tokenizes HTML.
"""

from mkdocs_backlinks.core.html.links import Anchor, anchor_extent, anchor_text, extract_anchors, read_anchor
from mkdocs_backlinks.core.html.panels import NOT_THE_AUTHORS, find_panel, page_content, without_panels
from mkdocs_backlinks.core.html.select import (
    Selector,
    find_first,
    find_inner,
    has_id,
    parse_selector,
    without_elements,
)
from mkdocs_backlinks.core.html.text import Heading, heading_text, plain_text
from mkdocs_backlinks.core.html.tokens import NOT_MARKUP, Tag, element_end, iter_tags, parse_attributes, raw_element

__all__ = [
    "NOT_MARKUP",
    "NOT_THE_AUTHORS",
    "Anchor",
    "Heading",
    "Selector",
    "Tag",
    "anchor_extent",
    "anchor_text",
    "element_end",
    "extract_anchors",
    "find_first",
    "find_inner",
    "find_panel",
    "has_id",
    "heading_text",
    "iter_tags",
    "page_content",
    "parse_attributes",
    "parse_selector",
    "plain_text",
    "raw_element",
    "read_anchor",
    "without_elements",
    "without_panels",
]
