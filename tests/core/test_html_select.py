"""Property: the content region found by searching a page for its class (`find_content_region`
on a whole page) is the region found by tokenizing the page from its top, on pages assembled
from the pieces that hide markup from the tokenizer (comments, bogus comments, CDATA, raw-text
elements with odd attributes and end tags, unclosed ones) around the known content regions.

Left out, as the search by class documents: a `<` inside an attribute value of a tag that the
tokenizer reads (`article`, `header`, `div`, `main`), which built pages write as `&lt;`.

Cases as in tests/test_properties.py: the same ones on every run, `HYPOTHESIS_PROFILE=fuzz`
for many more and new ones."""

from __future__ import annotations

import os
from typing import Optional, Tuple

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from mkdocs_backlinks.command.built_site import CONTENT_REGIONS, find_content_region
from mkdocs_backlinks.core.html import find_first, find_inner

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"

# Tags the tokenizer reads, each whole (quotes balanced, `>` at the end): the content regions,
# near misses, and end tags.
REGION_TAGS = [
    '<article class="md-content__inner md-typeset">',
    "<article class=md-content__inner>",
    '<ARTICLE CLASS="x md-content__inner">',
    '<article class="other">',
    '<article data-x=">" class="md-content__inner">',
    '<article title="md-content__inner">',
    "</article>",
    '<header class="md-typeset">',
    "</header>",
    '<div class="col-md-9" role="main">',
    '<div class="md-content__inner">',
    "</div>",
    "<main>",
    "</main >",
]
# Everything else: text, other tags (their attribute values are not read), and what hides
# markup from the tokenizer, opened, closed or left open.
PIECES = [
    "text",
    "md-content__inner",
    "<p>",
    "</p>",
    '<a href="x">',
    '<span title="<!--">',
    "<!-- ",
    " -->",
    "<!---->",
    "<!-->",
    "<!x ",
    "<?php ",
    "?>",
    ">",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<script>",
    '<script x="></script>">',
    "<script type='a>b'>",
    "</script>",
    "</script x>",
    "</SCRIPT/>",
    "<script",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<xmp>",
    "</xmp>",
    "<iframe>",
    "</iframe>",
    "<noembed>",
    "</noembed>",
    "<noframes>",
    "</noframes>",
    "<scripts>",
    '"',
    "'",
    "=",
]
# Unclosed region tags, only ever last: what follows would be read as their attribute values.
LAST = ["", '<article class="md-content__inner', "<article class=md-content__inner "]

pages = st.builds(
    lambda pieces, last: "".join(pieces) + last,
    # Region tags as often as all the other pieces together: most pages have several.
    st.lists(st.one_of(st.sampled_from(REGION_TAGS), st.sampled_from(PIECES)), max_size=14),
    st.sampled_from(LAST),
)


def start_tag(html: str, end: Optional[int]) -> Optional[Tuple[int, int]]:
    """(index of the selector, offset) of the content region's start tag, found in the whole
    page (by its class first) or, with `end`, by tokenizing."""
    found = find_first(html, CONTENT_REGIONS, 0, end)
    return None if found is None else (found[0], found[1].start)


@settings(
    max_examples=40 * 300 if FUZZ else 300,
    derandomize=not FUZZ,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(pages)
def test_search_by_class_finds_what_tokenizing_finds(html):
    note(repr(html))
    assert start_tag(html, None) == start_tag(html, len(html))
    assert find_content_region(html) == find_inner(html, CONTENT_REGIONS, 0, len(html))
