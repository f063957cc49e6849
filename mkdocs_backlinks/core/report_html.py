"""The link-health report as a standalone HTML file in the built site: the checks' findings and a
sortable table of pages by link score, inlinks and depth.

Rendered with its own Jinja environment with autoescaping on, so every title, path, href and
anchor text from the site shows as text. Links to pages are relative to the report's location.
"""

from __future__ import annotations

from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from jinja2 import Environment, FileSystemLoader

from mkdocs_backlinks import __version__
from mkdocs_backlinks.core.inbound.gather import Inbound
from mkdocs_backlinks.core.inbound.show import report_data as inbound_report
from mkdocs_backlinks.core.mentions import Mention
from mkdocs_backlinks.core.messages import CheckResult
from mkdocs_backlinks.core.metrics import PageMetrics
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.panel import shown_section, spot_url
from mkdocs_backlinks.core.related import Related
from mkdocs_backlinks.core.render import TEMPLATES_DIR
from mkdocs_backlinks.core.urls import relative_url

TEMPLATE = "backlinks/report.html"


# --- Link opportunities: unlinked mentions and related pages ---------------------------------------


def opportunities(
    mentions: Sequence[Mention], metrics: Mapping[str, PageMetrics], infos: Mapping[str, PageInfo]
) -> List[Mention]:
    """The unlinked mentions between built pages, the most valuable links first: to the pages
    with the highest link score (the site's most important pages), then the most mentions."""
    shown = [m for m in mentions if m.source in metrics and m.target in metrics]
    return sorted(
        shown,
        key=lambda m: (-metrics[m.target].link_score, -m.count, infos[m.target].title.casefold(), m.target, m.source),
    )


def related_rows(
    related: Mapping[str, Sequence[Related]], metrics: Mapping[str, PageMetrics]
) -> List[Tuple[str, Related]]:
    """Each page's related pages not yet linked, by page, most alike first."""
    return [
        (source, item)
        for source in sorted(related)
        if source in metrics
        for item in related[source]
        if item.page in metrics
    ]


def render_report(
    site_name: str,
    report_path: str,
    infos: Mapping[str, PageInfo],
    metrics: Mapping[str, PageMetrics],
    results: Sequence[CheckResult],
    mentions: Sequence[Mention] = (),
    related: Optional[Mapping[str, Sequence[Related]]] = None,
    graph_href: Optional[str] = None,
    inbound: Optional[Inbound] = None,
) -> str:
    """The report's HTML, for a file published at `report_path` (relative to the site root).
    `related` is None when `related_pages` is 0 (the report then has no such table); `graph_href`,
    relative to the report, links the site graph (`graph_page`)."""

    def href(src: str) -> str:
        return relative_url(infos[src].url, report_path)

    def page(src: str) -> Dict[str, object]:
        return {"src": src, "title": infos[src].title, "href": href(src)}

    checks: List[Dict[str, object]] = []
    for result in results:
        shown = (result.check.report(item, infos, href) for item in result.findings)
        checks.append(
            {
                "name": result.name,
                "title": result.check.title,
                "kind": result.check.report_kind,
                "level": result.level,
                "findings": [finding for finding in shown if finding is not None],
            }
        )
    pages = [
        dict(page(src), m=metrics[src])
        for src in sorted(metrics, key=lambda s: (-metrics[s].link_score, infos[s].title.casefold(), s))
    ]
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, keep_trailing_newline=True)
    return env.get_template(TEMPLATE).render(
        site_name=site_name,
        generator=f"mkdocs-backlinks-plugin {__version__}",
        checks=checks,
        pages=pages,
        link_count=sum(m.outlinks for m in metrics.values()),
        graph_href=graph_href,
        opportunities=[
            {
                "to": page(m.target),
                "from": page(m.source),
                "text": m.text,
                "count": m.count,
                "section": section.text if section else "",
                "section_href": spot_url(href(m.source), section),
                "link_score": metrics[m.target].link_score,
            }
            for m in opportunities(mentions, metrics, infos)
            for section in [shown_section(m)]
        ],
        inbound=None
        if inbound is None
        else inbound_report(inbound, list(metrics), {src: info.title for src, info in infos.items()}, href),
        related=None
        if related is None
        else [
            {"from": page(source), "to": page(item.page), "score": item.score, "terms": item.terms}
            for source, item in related_rows(related, metrics)
        ],
    )
