"""The site audit at the end of a build: run every check with its options and exemptions, and,
when asked, compute the metrics and write the JSON export and the HTML report into `site_dir`."""

from __future__ import annotations

from typing import AbstractSet, Callable, Dict, List, Mapping, Optional, Sequence
from urllib.parse import quote

from mkdocs_backlinks.core import export, report_html
from mkdocs_backlinks.core.broken_links import NO_SIBLINGS, SiblingBuilds
from mkdocs_backlinks.core.checks import CHECKS, Audited, exemption, front_matter_problems
from mkdocs_backlinks.core.graph_views import content_links, site_graph_pages
from mkdocs_backlinks.core.log import Log
from mkdocs_backlinks.core.messages import CheckResult, report_checks
from mkdocs_backlinks.core.site import LinkedSite
from mkdocs_backlinks.core.site_graph import outside_sites, write_site_graph
from mkdocs_backlinks.core.urls import page_url_keys, relative_url

__all__ = ["audit", "run_checks"]


GRAPH_PAGE_CHECKS = frozenset({"orphans", "unreachable"})
"""The checks whose findings the site graph marks, whatever their level."""


def run_checks(
    site: LinkedSite,
    want_all: bool = False,
    want: AbstractSet[str] = frozenset(),
    siblings: SiblingBuilds = NO_SIBLINGS,
) -> List[CheckResult]:
    """Every check's findings, in `CHECKS` order. Checks at level `ignore` are skipped unless
    `want_all` (an export lists every check's findings) or named in `want`. `siblings` are the
    builds published beside this one (`sibling_builds`), whose links are no broken links."""
    options = site.options
    results = []
    for check in CHECKS:
        level = check.level(options)
        if level == "ignore" and not (want_all or check.name in want):
            results.append(CheckResult(check, level, []))
            continue
        exempt = exemption(check.name, site.infos, check.exempt(options))
        audited = Audited(site.graph, site.infos, options, exempt, site.mentions, siblings, site.inbound)
        found = check.find(audited)
        results.append(CheckResult(check, level, found, check.message(found, audited) if found else ""))
    return results


def audit(
    site: LinkedSite,
    *,
    site_dir: str,
    site_name: str,
    use_directory_urls: bool,
    log: Log,
    serving: bool,
    write_files: bool = True,
    siblings: SiblingBuilds = NO_SIBLINGS,
    findings: Optional[Callable[[LinkedSite, Sequence[CheckResult]], None]] = None,
) -> Optional[str]:
    """Run the audit; return the message to stop the build with, if it must stop.

    The files (`graph_file`, `report_file`, `graph_page`) are written before anything is reported, so a
    failing CI build still has them; `write_files=False` (the command's `--check`) writes none.
    Each front end has checked `written_over_a_page` already, before it wrote anything.
    `siblings` are the builds published beside this one, from the site's config.
    `findings`, when given, gets the checks' results before they are logged (the findings for
    CI systems, `ci_output.report_findings`).
    """
    for src in sorted(site.infos):
        for problem in site.infos[src].problems:
            log.warning(problem)
    for problem in front_matter_problems(site.infos):
        log.warning(problem)
    options = site.options
    # The export and the report list every check's findings, unlinked mentions and related
    # pages included (the costliest part of an audit); the site graph needs only two checks'
    # findings and the link scores.
    exporting = write_files and bool(options.graph_file or options.report_file)
    graph_page = options.graph_page if write_files else ""
    results = run_checks(
        site, want_all=exporting, want=GRAPH_PAGE_CHECKS if graph_page else frozenset(), siblings=siblings
    )
    if exporting:
        metrics = site.page_metrics(siblings)
        mentions, related = site.mentions(), site.related()
        if options.graph_file:
            doc = export.document(
                site.graph, site.infos, metrics, results, use_directory_urls, mentions, related, site.inbound
            )
            export.write(site_dir, options.graph_file, export.dumps(doc))
        if options.report_file:
            graph_href = (
                relative_url(quote(options.graph_page), quote(options.report_file)) if options.graph_page else None
            )
            html = report_html.render_report(
                site_name,
                options.report_file,
                site.infos,
                metrics,
                results,
                mentions,
                related if options.related_pages else None,
                graph_href=graph_href,
                inbound=site.inbound,
            )
            export.write(site_dir, options.report_file, html)
    if graph_page:
        write_graph_page(site, site_dir, graph_page, site_name, site.link_scores(), results)
    if findings is not None:
        findings(site, results)
    return report_checks(log, results, serving)


def written_over_a_page(site: LinkedSite) -> Optional[str]:
    """The message to stop with when `graph_file`, `report_file` or `graph_page` names the
    file a page of the site is published as: writing it would replace that page."""
    options = site.options
    if not (options.graph_file or options.report_file or options.graph_page):
        return None  # nothing written: no need to list where every page is published
    published: Dict[str, str] = {}
    for src, info in site.infos.items():
        for path in page_url_keys(info.url):
            published.setdefault(path, src)
    for option in ("graph_file", "report_file", "graph_page"):
        path = getattr(options, option)
        if path and path in published:
            return f"option '{option}': '{path}' is where page '{published[path]}' is published; choose another path"
    return None


def write_graph_page(
    site: LinkedSite,
    site_dir: str,
    graph_page: str,
    site_name: str,
    scores: Mapping[str, float],
    results: Sequence[CheckResult],
) -> None:
    """Write the site graph (`graph_page`) and its two files, each page's dot sized by its link
    score (`scores`). Orphans and unreachable pages are marked from the checks' findings, which
    `audit` computes even for checks at `ignore` (`GRAPH_PAGE_CHECKS`)."""
    report_file = site.options.report_file
    found = {result.name: result.findings for result in results}
    pages = site_graph_pages(
        site.infos,
        scores,
        found.get("orphans", ()),
        found.get("unreachable", ()),
        graph_page,
    )
    report_href = relative_url(quote(report_file), quote(graph_page)) if report_file else None
    outside = outside_sites(site.inbound, site.options.graph_outside_sites, {page.key for page in pages})
    links = content_links(site.graph, site.infos)
    write_site_graph(site_dir, graph_page, site_name, pages, links, report_href, outside)
