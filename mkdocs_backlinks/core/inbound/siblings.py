"""Sibling sites: other sites' link-graph exports (`graph_file`), read as sources of outside links.

An organisation's docs, API reference and blog, each its own build, each writing its export: the
`outbound` list of one export holds its pages' links written as absolute http(s) URLs, which
are the links into the other sites. Read with the URL each site is published at, they become
outside links with the linking page's title and section, exactly as an export of a console's.
"""

from __future__ import annotations

import json
import re
from typing import Dict, Iterable, List, Mapping, Sequence, Tuple

from mkdocs_backlinks.core.html import anchor_text, extract_anchors
from mkdocs_backlinks.core.html.text import page_section
from mkdocs_backlinks.core.inbound.formats import OutsideLink

__all__ = ["SiblingError", "outbound_objects", "sibling_links"]

JsonObject = Dict[str, object]

_ABSOLUTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
# An href attribute whose value starts like an absolute URL (quoted or not), or with an entity
# in its scheme (`https&#58;//`, `&#104;ttps://`): only such pages are read again for `outbound`.
_ABSOLUTE_HREF = re.compile(r"""href\s*=\s*["']?\s*(?:(?:https?:)?//|\w*&)""", re.IGNORECASE)


def outbound_objects(contents: Mapping[str, str], pages: Sequence[str]) -> List[JsonObject]:
    """The export's `outbound` list: every link of a built page written as an absolute http(s)
    URL (mostly links to other sites), one object per distinct (from, url, text, section, rel)
    with its count. The pages' HTML is read again here, only when an export is written."""
    counts: Dict[Tuple[str, str, str, str, str, Tuple[str, ...]], int] = {}
    for src in pages:
        html = contents.get(src)
        if not html or not _ABSOLUTE_HREF.search(html):
            continue  # the page's anchors are read only when it has an absolute link
        for anchor in extract_anchors(html):
            href = anchor.href.strip()
            if not _ABSOLUTE.match(href):
                continue
            if href.startswith("//"):
                href = "https:" + href
            heading = page_section(anchor.heading)
            key = (
                src,
                href,
                anchor_text(html, anchor.start),
                heading.text if heading else "",
                heading.id if heading else "",
                tuple(sorted(set(anchor.rel))),
            )
            counts[key] = counts.get(key, 0) + 1
    return [
        {
            "from": src,
            "url": url,
            "text": text,
            "section": section,
            "section_id": section_id,
            "rel": list(rel),
            "count": n,
        }
        for (src, url, text, section, section_id, rel), n in sorted(counts.items())
    ]


class SiblingError(Exception):
    """A sibling site's export could not be read; the message says why, in one line."""


def sibling_links(text: str, site_url: str, name: str) -> List[OutsideLink]:
    """The outside links an export (`text`, named `name` in messages) holds, its pages
    published under `site_url`: one per distinct (linking page, URL, text, section)."""
    try:
        doc = json.loads(text)
    except ValueError as error:
        raise SiblingError(f"'{name}' is not JSON ({error})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        raise SiblingError(f"'{name}' is not a link-graph export of mkdocs-backlinks-plugin (no 'nodes')")
    outbound = doc.get("outbound")
    if not isinstance(outbound, list):
        raise SiblingError(
            f"'{name}' lists no outside links ('outbound'): it was written by an older version; build that site again"
        )
    base = site_url if site_url.endswith("/") else site_url + "/"
    pages: Dict[str, Tuple[str, str]] = {}
    for node in doc["nodes"]:
        if isinstance(node, dict) and isinstance(node.get("id"), str) and isinstance(node.get("url"), str):
            url = node["url"]
            pages[node["id"]] = (base + ("" if url in (".", "./") else url), str(node.get("title") or ""))
    return list(_links(outbound, pages, site_url))


def _links(outbound: Iterable[object], pages: Mapping[str, Tuple[str, str]], origin: str) -> Iterable[OutsideLink]:
    for edge in outbound:
        if not isinstance(edge, dict):
            continue
        page = pages.get(str(edge.get("from")))
        url = edge.get("url")
        if page is None or not isinstance(url, str):
            continue
        section = str(edge.get("section") or "")
        section_id = str(edge.get("section_id") or "")
        source = page[0] + ("#" + section_id if section_id else "")
        yield OutsideLink(
            source,
            url,
            str(edge.get("text") or ""),
            page[1],
            section=section,
            nofollow="nofollow" in (edge.get("rel") or ()),
            origin=origin,
        )
