"""The site audit at the end of a build: run every check with its options and exemptions, and,
when asked, compute the metrics and write the JSON export and the HTML report into `site_dir`."""

from __future__ import annotations

import logging
from typing import List, Optional

from mkdocs_backlinks.core import export, report_html
from mkdocs_backlinks.core.checks import CHECKS, Audited, exemption, front_matter_problems
from mkdocs_backlinks.core.messages import CheckResult, report_checks
from mkdocs_backlinks.core.metrics import page_metrics
from mkdocs_backlinks.core.site import LinkedSite


def run_checks(site: LinkedSite, want_all: bool = False) -> List[CheckResult]:
    """Every check's findings, in `CHECKS` order. Checks at level `ignore` are skipped unless
    `want_all` (an export lists every check's findings)."""
    options = site.options
    results = []
    for check in CHECKS:
        level = getattr(options, check.name)
        if level == "ignore" and not want_all:
            results.append(CheckResult(check, level, []))
            continue
        exempt = exemption(check.name, site.infos, getattr(options, f"{check.name}_exempt"))
        audited = Audited(site.graph, site.infos, options, exempt, site.mentions)
        found = check.find(audited)
        results.append(CheckResult(check, level, found, check.message(found, audited) if found else ""))
    return results


def audit(
    site: LinkedSite,
    *,
    site_dir: str,
    site_name: str,
    use_directory_urls: bool,
    log: logging.Logger,
    serving: bool,
    write_files: bool = True,
) -> Optional[str]:
    """Run the audit; return the message to stop the build with, if it must stop.

    The files (`graph_file`, `report_file`) are written before anything is reported, so a
    failing CI build still has them; `write_files=False` (the command's `--check`) writes none.
    """
    for src in sorted(site.infos):
        for problem in site.infos[src].problems:
            log.warning(problem)
    for problem in front_matter_problems(site.infos):
        log.warning(problem)
    options = site.options
    exporting = write_files and bool(options.graph_file or options.report_file)
    results = run_checks(site, want_all=exporting)
    if exporting:
        metrics = page_metrics(site.graph, site.infos, options.count_nofollow)
        # Unlinked mentions and related pages: the export and the report list them all.
        mentions, related = site.mentions(), site.related()
        if options.graph_file:
            doc = export.document(site.graph, site.infos, metrics, results, use_directory_urls, mentions, related)
            export.write(site_dir, options.graph_file, export.dumps(doc))
        if options.report_file:
            html = report_html.render_report(
                site_name, options.report_file, site.infos, metrics, results, mentions,
                related if options.related_pages else None,
            )
            export.write(site_dir, options.report_file, html)
    return report_checks(log, results, serving)
