"""The link graph as a JSON document: pages with their metrics, links, and the checks' findings.

The format is versioned (`version`) and described by `link-graph.schema.json`, shipped beside
this module. Everything in it is relative (source paths, site URLs), never a path of the
machine that built the site, and every object and list is sorted, so two builds of the same site
write the same bytes.
"""

from __future__ import annotations

import json
import os
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from mkdocs_backlinks import __version__
from mkdocs_backlinks.core.files import write_atomically
from mkdocs_backlinks.core.graph import LinkGraph
from mkdocs_backlinks.core.inbound.gather import Inbound
from mkdocs_backlinks.core.inbound.show import export_object as inbound_object
from mkdocs_backlinks.core.inbound.siblings import outbound_objects
from mkdocs_backlinks.core.mentions import Mention
from mkdocs_backlinks.core.messages import CheckResult
from mkdocs_backlinks.core.metrics import PageMetrics
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.related import Related

JsonObject = Dict[str, object]
"""A JSON object of the export, as plain data."""

SCHEMA_VERSION = 3
SCHEMA_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "link-graph.schema.json")


def _metrics(m: PageMetrics) -> JsonObject:
    return {
        "inlinks": m.inlinks,
        "linking_pages": m.linking_pages,
        "outlinks": m.outlinks,
        "linked_pages": m.linked_pages,
        "nofollow_inlinks": m.nofollow_inlinks,
        "broken_outlinks": m.broken_outlinks,
        "anchor_texts": [{"text": text, "count": count} for text, count in m.anchor_texts],
        "pagerank": m.pagerank,
        "link_score": m.link_score,
        "depth": m.depth,
    }


def edges(graph: LinkGraph, pages: Sequence[str]) -> List[JsonObject]:
    """Every link between built pages, one edge per distinct (from, to, fragment, text, section,
    rel) with how many times it occurs."""
    built = set(pages)
    counts: Dict[Tuple[str, str, str, str, str, str, Tuple[str, ...]], int] = {}
    for source in pages:
        for link in graph.links_from(source):
            if link.target not in built:
                continue
            heading = link.heading
            key = (
                source,
                link.target,
                link.fragment,
                graph.text(link),
                heading.text if heading else "",
                heading.id if heading else "",
                tuple(sorted(set(link.rel))),
            )
            counts[key] = counts.get(key, 0) + 1
    return [
        {
            "from": source,
            "to": target,
            "fragment": fragment,
            "text": text,
            "section": section,
            "section_id": section_id,
            "rel": list(rel),
            "count": count,
        }
        for (source, target, fragment, text, section, section_id, rel), count in sorted(counts.items())
    ]


def mention_objects(mentions: Sequence[Mention], pages: Sequence[str]) -> List[JsonObject]:
    """One object per (page, mentioned page) between built pages, sorted by `from` then `to`.

    `section` is the heading the mention sits under, whatever its level, as `edges` gives a
    link's: the export says where things are; the panel and the report leave a level-1
    heading out, the same way for links and mentions (`panel.shown_section`)."""
    built = set(pages)
    return [
        {
            "from": m.source,
            "to": m.target,
            "text": m.text,
            "count": m.count,
            "section": m.section.text if m.section else "",
            "section_id": m.section.id if m.section else "",
        }
        for m in sorted(mentions, key=lambda m: (m.source, m.target))
        if m.source in built and m.target in built
    ]


def related_objects(related: Mapping[str, Sequence[Related]], pages: Sequence[str]) -> List[JsonObject]:
    """One object per (page, related page), each page's list in its order (most alike first)."""
    built = set(pages)
    return [
        {"from": source, "to": item.page, "score": item.score, "terms": list(item.terms)}
        for source in sorted(related)
        if source in built
        for item in related[source]
        if item.page in built
    ]


def document(
    graph: LinkGraph,
    infos: Mapping[str, PageInfo],
    metrics: Mapping[str, PageMetrics],
    results: Sequence[CheckResult],
    use_directory_urls: bool,
    mentions: Sequence[Mention] = (),
    related: Mapping[str, Sequence[Related]] = {},  # noqa: B006 (read only)
    inbound: Optional[Inbound] = None,
) -> JsonObject:
    """The export as plain data (see the schema for what each field means). `mentions` and
    `related` are empty unless their options ask for them; `inbound` is null unless the options
    name exports of outside links or sibling sites."""
    pages = sorted(metrics)
    nodes = [
        {
            "id": src,
            "url": infos[src].url,
            "title": infos[src].title,
            "homepage": infos[src].is_homepage,
            "in_nav": infos[src].nav_position is not None,
            "metrics": _metrics(metrics[src]),
        }
        for src in pages
    ]
    return {
        "version": SCHEMA_VERSION,
        "generator": f"mkdocs-backlinks-plugin {__version__}",
        "use_directory_urls": use_directory_urls,
        "nodes": nodes,
        "edges": edges(graph, pages),
        "checks": {
            result.name: {"level": result.level, "findings": [result.check.export(item) for item in result.findings]}
            for result in results
        },
        "mentions": mention_objects(mentions, pages),
        "related": related_objects(related, pages),
        # Links written as absolute URLs: what a sibling site reads as its links from outside.
        "outbound": outbound_objects(graph.contents, pages),
        "inbound": inbound_object(inbound, pages) if inbound is not None else None,
    }


def dumps(doc: JsonObject) -> str:
    """Stable JSON text: sorted keys, UTF-8 kept readable, one node, edge or check per line (easy
    to diff and grep), and a final newline.

    Each line is encoded compactly by the json module's C encoder; an indented dump goes through
    its pure-Python encoder, several times slower on a big site.
    """

    def compact(value: object) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":"))

    def block(value: object) -> str:
        if isinstance(value, list) and value:
            return "[\n" + ",\n".join("  " + compact(item) for item in value) + "\n ]"
        if isinstance(value, dict) and value:
            items = (f"  {compact(key)}:{compact(value[key])}" for key in sorted(value))
            return "{\n" + ",\n".join(items) + "\n }"
        return compact(value)

    return "{\n" + ",\n".join(f" {compact(key)}:{block(doc[key])}" for key in sorted(doc)) + "\n}\n"


def write(site_dir: str, path: str, text: str) -> str:
    """Write `text` to `path` (relative, with `/`) inside `site_dir`; return the full path."""
    target = os.path.join(site_dir, *path.split("/"))
    write_atomically(target, text)
    return target
