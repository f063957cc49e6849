"""Golden tables for the core's page rules: the homepage, titles, and front matter values."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.extract import html_to_text
from mkdocs_backlinks.core.urls import is_site_root

IS_SITE_ROOT = [
    ("./", True),  # index.md (or README.md) with directory URLs
    ("", True),  # Page.url of the same
    (".", True),
    ("index.html", True),  # index.md without directory URLs
    ("guide/", False),
    ("guide/index.html", False),
    ("fr/", False),  # a translation's homepage is a section of this site
    ("index.htm", False),
    ("Index.html", False),
    ("about/", False),
    ("about.html", False),
]


@pytest.mark.parametrize("url, expected", IS_SITE_ROOT)
def test_is_site_root(url, expected):
    assert is_site_root(url) is expected


# Titles from the nav and from first headings are HTML: their text, as a browser shows it.
HTML_TITLES = [
    ("<code>nl2br</code>", "nl2br"),
    ("<code>slug</code> &amp; co", "slug & co"),
    ("slug & co", "slug & co"),  # a bare '&' is text
    ("<code>&lt;script&gt;</code>", "<script>"),
    ("&amp;lt;b&amp;gt;", "&lt;b&gt;"),  # decoded once, never twice
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("&copy; 2024 &#8211; now", "\u00a9 2024 \u2013 now"),
    ("A <i>nav</i> title", "A nav title"),
    ("a < b", "a < b"),  # '<' before a space opens no tag
    ("x <= 1 <3", "x <= 1 <3"),
    ("probe <img src=x onerror=alert(1)>", "probe"),
    ("Section <script>alert(1)</script>", "Section"),  # a script's text is never shown
    ("a<style>p{}</style>b", "ab"),
    ("a <!-- note > here --> b", "a b"),
    ("<b>unclosed", "unclosed"),
    ("tag at the end <a href='x'", "tag at the end"),
    ("  many\n  spaces\t", "many spaces"),
    ("", ""),
]


@pytest.mark.parametrize("fragment, text", HTML_TITLES)
def test_html_titles_as_text(fragment, text):
    assert html_to_text(fragment) == text
