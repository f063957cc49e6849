"""The site graph: a standalone page in the built site showing every page and content link.

The page is plain HTML with its data in a `<script type="application/json">` element and its
script and stylesheet as files written beside it (`backlinks-site-graph.js` / `.css`, from the
package's assets). That is what lets it work from `file://` and under a strict
Content-Security-Policy (it declares one itself): the browser runs no inline script and applies
no inline style, and a JSON data block is never executed, only read as text. Nothing is
loaded from another host.

Without JavaScript the page shows a table of the pages and the pages each links to.

With `graph_outside_sites`, the sites linking here most (from `inbound_links` and
`sibling_sites`) are drawn too, as diamonds joined to the pages they link to. Their names come
from files the user downloaded: they are text everywhere (JSON, canvas text, escaped HTML),
and their nodes link nowhere, so the page leads to no other host.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import AbstractSet, Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from mkdocs_backlinks.core.files import write_atomically
from mkdocs_backlinks.core.inbound.gather import Inbound
from mkdocs_backlinks.core.inbound.show import top_sites

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
SCRIPT = "backlinks-site-graph.js"
STYLESHEET = "backlinks-site-graph.css"
ASSET_SOURCES = {SCRIPT: "site-graph.js", STYLESHEET: "site-graph.css"}
"""Files written beside the graph page -> their source in the package's assets."""

ORPHAN, UNREACHABLE = 1, 2
"""Bits of a node's flags in the page's data."""


CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
)
"""The page's own policy: only its two files run or style it; a title that somehow escaped
would still run nothing."""


@dataclass(frozen=True)
class SiteGraphPage:
    """One page of the site, as plain values.

    `href` is relative to the graph page's own location. `section` is the title of the page's
    top-level nav section ("" for none). `score` is its link score (0-100), which sizes its dot.
    """

    key: str
    title: str
    href: str
    section: str = ""
    score: float = 0.0
    orphan: bool = False
    unreachable: bool = False


@dataclass(frozen=True)
class OutsideSite:
    """Another site linking here, as the site graph draws it.

    `host` is the site's name as the exports give it (untrusted text); `links` its links here,
    `pages` its linking pages, `targets` the keys of the pages it links to.
    """

    host: str
    links: int
    pages: int
    targets: Tuple[str, ...]


def outside_sites(inbound: Optional[Inbound], count: int, shown: AbstractSet[str]) -> List[OutsideSite]:
    """The `count` sites linking here most (most links first, then by name, as the report
    ranks them) among those linking to a page in `shown`, each with only those pages.

    Worked out here from `Inbound.sites`, only when the graph asks: sites that exports only
    count (Search Console's top linking sites) name no page, so they have nowhere to join."""
    if inbound is None or count <= 0:
        return []
    found: List[OutsideSite] = []
    for host, site in top_sites(inbound):
        targets = tuple(sorted(src for src in site.targets if src in shown))
        if targets:
            found.append(OutsideSite(host, site.link_count, site.page_count, targets))
            if len(found) == count:
                break
    return found


def script_json(value: object) -> str:
    """`value` as JSON that is safe inside `<script type="application/json">`.

    `<`, `>` and `&` become `\\u003c`, `\\u003e`, `\\u0026` (no `</script>` or `<!--` can end or
    bend the element), and U+2028/U+2029 are escaped for old JavaScript parsers. Those
    characters only occur inside JSON strings, where the escapes mean the same text.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def graph_data(
    pages: Sequence[SiteGraphPage],
    links: Iterable[Tuple[str, str]],
    outside: Sequence[OutsideSite] = (),
) -> Dict[str, Any]:
    """The compact form the page's script reads.

    `sections`: section titles in order of first appearance; `nodes`: one
    `[title, href, section index, score, flags]` per page, in the given order; `links`: a flat
    list of node indexes, two per link, sorted, without self-links, duplicates or links to pages
    not in `pages`.

    With `outside` sites linking to some of `pages`, also `outside`: one `[host, links, linking
    pages]` per site, in the given order, and `outside_links`: a flat list of (site index, node
    index) pairs, sorted. Without, the data has neither key (the page is as it always was).
    """
    index: Dict[str, int] = {}
    sections: Dict[str, int] = {}
    # Rows of mixed types, as the script reads them: [title, href, section, score, flags].
    nodes: List[List[Any]] = []
    for page in pages:
        if page.key in index:
            continue
        index[page.key] = len(nodes)
        section = sections.setdefault(page.section, len(sections))
        flags = (ORPHAN if page.orphan else 0) | (UNREACHABLE if page.unreachable else 0)
        nodes.append([page.title, page.href, section, round(float(page.score), 2), flags])
    pairs = sorted({(index[a], index[b]) for a, b in links if a in index and b in index and a != b})
    data: Dict[str, Any] = {
        "sections": list(sections),
        "nodes": nodes,
        "links": [i for pair in pairs for i in pair],
        "labels": {"orphan": "orphan", "unreachable": "unreachable"},
    }
    # Rows as the script reads them: [host, links, linking pages].
    sites: List[List[Any]] = []
    joined: Set[Tuple[int, int]] = set()
    hosts: Set[str] = set()
    for site in outside:
        targets = {index[src] for src in site.targets if src in index}
        if not targets or site.host in hosts:
            continue
        hosts.add(site.host)
        joined.update((len(sites), target) for target in targets)
        sites.append([site.host, int(site.links), int(site.pages)])
    if sites:
        data["outside"] = sites
        data["outside_links"] = [i for pair in sorted(joined) for i in pair]
    return data


def asset_texts() -> Dict[str, str]:
    """The script and stylesheet the page links, by the names they are written under."""
    return {name: (ASSETS_DIR / source).read_text(encoding="utf-8") for name, source in ASSET_SOURCES.items()}


def _version(text: str) -> str:
    # A query string of the file's content hash: a browser never pairs a cached old script with
    # a new page, and the same content always gives the same bytes.
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def render_site_graph(
    site_name: str,
    pages: Sequence[SiteGraphPage],
    links: Iterable[Tuple[str, str]],
    report_href: Optional[str] = None,
    outside: Sequence[OutsideSite] = (),
) -> str:
    """The graph page's HTML. `links` are (from key, to key) pairs of content links;
    `report_href`, relative to the page, adds a link back to the link-health report; `outside`
    sites are drawn as nodes of their own (see `graph_data`)."""
    data = graph_data(pages, links, outside)
    assets = asset_texts()
    e = html.escape
    nodes, sections = data["nodes"], data["sections"]
    flat = data["links"]
    # Pairs, not links: a page linking another three times is one line of the graph (the
    # report counts each link, repeats included, and says so).
    count = f"{len(nodes):,} pages · {len(flat) // 2:,} linked page pairs"
    sites = data.get("outside", [])
    # Everything the outside sites add is added only when there are some: without them the
    # page is byte for byte what it was before they could be drawn.
    others = f"{len(sites):,} other site{'' if len(sites) == 1 else 's'}"
    if sites:
        count += f" · {others} linking here"
    outside_control = '<label><input type="checkbox" id="sg-outside" checked> Other sites</label>' if sites else ""
    outside_legend = (
        '<li><span class="sg-swatch sg-swatch--outside"></span>Other site linking here (size: its links)</li>'
        if sites
        else ""
    )
    outside_help = (
        " Diamonds: other sites linking here, joined to the pages they link to, named by host; "
        "a click on one shows its links (it opens nothing)."
        if sites
        else ""
    )
    described = f"{len(nodes)} pages and {others}" if sites else f"{len(nodes)} pages"
    back = f' · <a href="{e(report_href)}">Link-health report</a>' if report_href else ""
    section_options = "".join(f'<option value="{i}">{e(name)}</option>' for i, name in enumerate(sections) if name)
    legend = "".join(
        f'<li><span class="sg-swatch" data-sg-swatch="{i}"></span>{e(name or "No section")}</li>'
        for i, name in enumerate(sections)
    )
    out: List[str] = [
        "<!doctype html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="robots" content="noindex, nofollow">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
        '<link rel="icon" href="data:,">\n',
        f"<title>Link graph · {e(site_name)}</title>\n",
        f'<link rel="stylesheet" href="{STYLESHEET}?v={_version(assets[STYLESHEET])}">\n',
        "</head>\n<body>\n",
        f'<header class="sg-header"><h1>Link graph of {e(site_name)}</h1><p>{count}{back}</p></header>\n',
        '<div id="sg-app" hidden>\n',
        '<div class="sg-header sg-controls">',
        '<label>Find a page <input type="search" id="sg-search" autocomplete="off" '
        'aria-controls="sg-results" placeholder="Title…"></label>',
        '<label>Section <select id="sg-section"><option value="">All sections</option>',
        f"{section_options}</select></label>",
        '<label><input type="checkbox" id="sg-problems"> Only orphaned and unreachable pages</label>',
        outside_control,
        '<button type="button" id="sg-fit">Fit to screen</button></div>\n',
        '<div class="sg-stage"><ul id="sg-results" aria-label="Pages found" hidden></ul>',
        '<canvas id="sg-canvas" tabindex="0" role="img" aria-roledescription="link graph" '
        f'aria-label="Link graph of {described}; use the search box to find and open a page" '
        'aria-describedby="sg-help"></canvas></div>\n',
        '<p id="sg-status" role="status" aria-live="polite"></p>\n',
        f'<ul class="sg-legend">{legend}',
        '<li><span class="sg-swatch sg-swatch--orphan"></span>Orphan (no page links here)</li>',
        '<li><span class="sg-swatch sg-swatch--unreachable"></span>'
        "Unreachable (not in the nav, not linked from it)</li>",
        outside_legend,
        "</ul>\n",
        '<p class="sg-help" id="sg-help">Drag the background to pan, a page to move it; wheel to zoom; click a page '
        "to open it. Keys on the graph: arrows pan, <kbd>+</kbd>/<kbd>-</kbd> zoom, <kbd>0</kbd> fits, "
        "<kbd>/</kbd> searches, <kbd>]</kbd>/<kbd>[</kbd> step through the found page's neighbours, "
        "<kbd>.</kbd> walks on, <kbd>Enter</kbd> opens, <kbd>Esc</kbd> lets go. "
        f"Dot size: link score; colour: top-level section.{outside_help}</p>\n",
        "</div>\n",
        _fallback_table(nodes, sections, flat, sites, data.get("outside_links", [])),
        f'<script type="application/json" id="sg-data">{script_json(data)}</script>\n',
        f'<script src="{SCRIPT}?v={_version(assets[SCRIPT])}"></script>\n',
        "</body>\n</html>\n",
    ]
    return "".join(out)


def _fallback_table(
    nodes: List[List[Any]],
    sections: List[str],
    flat: List[int],
    sites: Sequence[List[Any]] = (),
    site_links: Sequence[int] = (),
) -> str:
    """The `<noscript>` table: each page, its section, score, flags and the pages it links to;
    then, when there are `sites`, each other site (its name as text) and the pages it links to."""
    e = html.escape
    targets: Dict[int, List[int]] = {}
    for i in range(0, len(flat), 2):
        targets.setdefault(flat[i], []).append(flat[i + 1])
    rows = []
    for i, (title, href, section, score, flags) in enumerate(nodes):
        marks = ", ".join(word for bit, word in ((ORPHAN, "orphan"), (UNREACHABLE, "unreachable")) if flags & bit)
        linked = ", ".join(f'<a href="{e(nodes[t][1])}">{e(nodes[t][0])}</a>' for t in targets.get(i, ()))
        rows.append(
            f'<tr><td><a href="{e(href)}">{e(title)}</a></td><td>{e(sections[section])}</td>'
            f"<td>{score:g}</td><td>{marks}</td><td>{linked}</td></tr>\n"
        )
    others = ""
    if sites:
        reached: Dict[int, List[int]] = {}
        for i in range(0, len(site_links), 2):
            reached.setdefault(site_links[i], []).append(site_links[i + 1])
        site_rows = "".join(
            f"<tr><td>{e(host)}</td><td>{count}</td><td>{linking}</td><td>"
            + ", ".join(f'<a href="{e(nodes[t][1])}">{e(nodes[t][0])}</a>' for t in reached.get(i, ()))
            + "</td></tr>\n"
            for i, (host, count, linking) in enumerate(sites)
        )
        others = (
            '\n<table class="sg-table"><caption>Other sites linking here</caption>\n'
            "<thead><tr><th>Site</th><th>Links</th><th>Linking pages</th><th>Links to</th></tr></thead>\n"
            f"<tbody>\n{site_rows}</tbody></table>"
        )
    return (
        '<noscript><table class="sg-table"><caption>Pages and the pages they link to</caption>\n'
        "<thead><tr><th>Page</th><th>Section</th><th>Link score</th><th>Flags</th><th>Links to</th></tr></thead>\n"
        f"<tbody>\n{''.join(rows)}</tbody></table>{others}</noscript>\n"
    )


def write_site_graph(
    site_dir: str,
    path: str,
    site_name: str,
    pages: Sequence[SiteGraphPage],
    links: Iterable[Tuple[str, str]],
    report_href: Optional[str] = None,
    outside: Sequence[OutsideSite] = (),
) -> List[str]:
    """Write the graph page to `path` (relative, with `/`) inside `site_dir`, and its script and
    stylesheet beside it; return the full paths written. `pages[].href` and `report_href` must
    be relative to `path`; `outside` sites are drawn too."""
    target = os.path.join(site_dir, *path.split("/"))
    written = []
    # The shared writer: atomic, and with the mode every other file of the site gets (a web
    # server running as another user must be able to read these too).
    for name, text in asset_texts().items():
        asset = os.path.join(os.path.dirname(target), name)
        write_atomically(asset, text)
        written.append(asset)
    write_atomically(target, render_site_graph(site_name, pages, links, report_href, outside))
    written.append(target)
    return written
