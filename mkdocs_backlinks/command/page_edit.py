"""Putting the panel and the stylesheet into a page the generator already wrote, so that a second
run gives the same bytes: the panel sits between two markers at the end of the content region,
and a run first takes out what an earlier run put in.
"""

from __future__ import annotations

import posixpath
from typing import Tuple

PANEL_START = "<!-- mkdocs-backlinks: panel -->"
PANEL_END = "<!-- /mkdocs-backlinks: panel -->"
STYLESHEET_ATTRIBUTE = "data-mkdocs-backlinks"
"""Marks the `<link>` this command adds, so a second run finds it."""


def without_panel(region: str) -> str:
    """The content region with the panel of an earlier run taken out (its links are ours, not
    the author's, and must not count)."""
    start = region.find(PANEL_START)
    if start == -1:
        return region
    end = region.find(PANEL_END, start)
    if end == -1:
        return region
    if region[start - 1 : start] == "\n":
        start -= 1  # the line break `with_panel` put before it
    return region[:start] + region[end + len(PANEL_END) :]


def with_panel(html: str, content: Tuple[int, int], panel_html: str) -> str:
    """The page `html` with `panel_html` (or no panel when it is "") at the end of its content
    region `content` (offsets of the region's inner HTML), replacing an earlier run's."""
    start, end = content
    region = without_panel(html[start:end])
    if panel_html:
        # The region usually ends in a newline before its closing tag; the panel goes before it.
        body = region.rstrip("\n")
        region = f"{body}\n{PANEL_START}{panel_html}{PANEL_END}{region[len(body) :] or chr(10)}"
    return html[:start] + region + html[end:]


def stylesheet_href(site_path: str, stylesheet: str) -> str:
    """The href from the page at `site_path` to the stylesheet at site path `stylesheet`."""
    folder = posixpath.dirname(site_path)
    return posixpath.relpath(stylesheet, folder or ".")


def with_stylesheet(html: str, href: str, wanted: bool) -> str:
    """The page `html` linking the panel's stylesheet at `href` in its `<head>` (once), or not
    linking it when not `wanted` (a page without a panel)."""
    link = f'<link rel="stylesheet" href="{href}" {STYLESHEET_ATTRIBUTE}>'
    at = html.find(f" {STYLESHEET_ATTRIBUTE}>")
    if at != -1:
        begin = html.rfind("<link", 0, at)
        stop = at + len(STYLESHEET_ATTRIBUTE) + 2
        if begin != -1:
            old = html[begin:stop]
            if wanted and old == link:
                return html
            # Take the old one out with the newline written before it.
            if html[begin - 1 : begin] == "\n":
                begin -= 1
            html = html[:begin] + html[stop:]
    if not wanted:
        return html
    head_end = html.find("</head>")
    if head_end == -1:
        head_end = html.find("</HEAD>")
    if head_end == -1:
        return html
    return f"{html[:head_end]}\n{link}{html[head_end:]}"
