"""The site audit at the end of a build: run every check with its options and exemptions, and,
when asked, compute the metrics and write the JSON export and the HTML report into `site_dir`."""

from __future__ import annotations

import logging
from typing import List, Mapping, Optional

from mkdocs_backlinks.core import checks
from mkdocs_backlinks.core import export
from mkdocs_backlinks.core import report_html as report_page
from mkdocs_backlinks.core.graph import LinkGraph
from mkdocs_backlinks.core.metrics import page_metrics
from mkdocs_backlinks.core.pages import PageInfo
from mkdocs_backlinks.core.messages import CheckResult, report_checks


def run_checks(graph: LinkGraph, infos: Mapping[str, PageInfo], options, want_all: bool = False) -> List[CheckResult]:
    """Every check's findings, in `checks.CHECKS` order. Checks at level `ignore` are skipped
    unless `want_all` (an export lists every check's findings)."""
    results = []
    for name in checks.CHECKS:
        level = options[name]
        if level == "ignore" and not want_all:
            results.append(CheckResult(name, level, []))
            continue
        exempt = checks.exemption(name, infos, options[f"{name}_exempt"])
        detail = ""
        if name == "orphans":
            found: list = checks.find_orphans(graph, infos, exempt)
        elif name == "unreachable":
            found = checks.find_unreachable(graph, infos, checks.nav_pages_of(infos), exempt)
        elif name == "dead_ends":
            found = checks.find_dead_ends(graph, infos, exempt)
        elif name == "broken_links":
            # The export and the report are written after the links were read: links to them work.
            own = {options["graph_file"], options["report_file"]} - {None}
            found = checks.find_broken_links(graph, infos, lambda path: path in own or exempt(path))
        else:
            share = options["hubs_share"]
            found = checks.find_hubs(graph, infos, share, exempt)
            detail = f"at least {share:.0%}"
        results.append(CheckResult(name, level, found, detail))
    return results


def audit(
    graph: LinkGraph,
    infos: Mapping[str, PageInfo],
    options,
    *,
    site_dir: str,
    site_name: str,
    use_directory_urls: bool,
    log: logging.Logger,
    serving: bool,
) -> Optional[str]:
    """Run the audit; return the message to stop the build with, if it must stop.

    The files are written before anything is reported, so a failing CI build still has them.
    """
    for src in sorted(infos):
        for problem in infos[src].problems:
            log.warning(problem)
    for problem in checks.front_matter_problems(infos):
        log.warning(problem)
    exporting = bool(options["graph_file"] or options["report_file"])
    results = run_checks(graph, infos, options, want_all=exporting)
    if exporting:
        metrics = page_metrics(graph, infos, options["count_nofollow"])
        if options["graph_file"]:
            doc = export.document(graph, infos, metrics, results, use_directory_urls)
            export.write(site_dir, options["graph_file"], export.dumps(doc))
        if options["report_file"]:
            html = report_page.render_report(site_name, options["report_file"], infos, metrics, results)
            export.write(site_dir, options["report_file"], html)
    titles = {src: info.title for src, info in infos.items()}
    return report_checks(log, results, serving, titles)
