"""The HTML layer's names that the command's readers of built pages use (`core.html`): finding an
element by a simple selector, its inner HTML, its text. Built pages are whole documents written
by a theme, read with the same tokenizer, attribute parser and plain text as the core's."""

from __future__ import annotations

from mkdocs_backlinks.core.html.select import Selector, find_first, find_inner, parse_selector, without_elements
from mkdocs_backlinks.core.html.text import heading_text, plain_text
from mkdocs_backlinks.core.html.tokens import VOID_ELEMENTS, Tag, element_end, iter_tags, parse_attributes, raw_element

__all__ = [
    "VOID_ELEMENTS",
    "Selector",
    "Tag",
    "element_end",
    "find_first",
    "find_inner",
    "heading_text",
    "iter_tags",
    "parse_attributes",
    "parse_selector",
    "plain_text",
    "raw_element",
    "without_elements",
]
