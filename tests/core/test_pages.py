"""Golden tables for the core's page rules: the homepage, titles, and front matter values."""

from __future__ import annotations

import pytest

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
