"""The command's side of the findings for CI systems: `--findings FILE` (or the config's
`findings_file`), GitHub's annotations, and `--suggest-diff`; where the built pages' Markdown
sources are (`core/ci_output.py` and `core/suggest_diff.py` do the rest)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Optional, Sequence, TextIO

from mkdocs_backlinks.command.built_site import BuiltSite
from mkdocs_backlinks.command.config_file import SiteConfig
from mkdocs_backlinks.core.ci_output import FORMATS, findings_outputs, report_findings
from mkdocs_backlinks.core.findings import Sources, collect_findings
from mkdocs_backlinks.core.log import Log
from mkdocs_backlinks.core.messages import CheckResult
from mkdocs_backlinks.core.options import BacklinksConfig
from mkdocs_backlinks.core.site import LinkedSite
from mkdocs_backlinks.core.suggest_diff import suggested_diff, unpatched

Report = Callable[[LinkedSite, Sequence[CheckResult]], None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--findings",
        metavar="FILE",
        help="also write every finding at its source line to FILE: SARIF for .sarif, JUnit XML for .xml, "
        "JSON lines for .jsonl (default: the config's findings_file)",
    )
    parser.add_argument("--findings-format", choices=FORMATS, help="the format of --findings, whatever its name")
    parser.add_argument(
        "--suggest-diff",
        action="store_true",
        help="print a unified diff of the Markdown fixes the findings suggest where they are unambiguous "
        "(apply it with 'git apply' from the config file's folder); no source is written",
    )


def command_findings(
    args: argparse.Namespace,
    options: BacklinksConfig,
    config: SiteConfig,
    built: BuiltSite,
    cwd: str,
    log: Log,
    out: Optional[TextIO] = None,
) -> Optional[Report]:
    """What `audit(findings=...)` calls, or None when no output of findings is asked for.
    Raises ValueError (a message naming the option) for a findings file it cannot write."""
    root = os.path.dirname(config.config_path) if config.config_path else cwd
    docs_dir = config.docs_dir or os.path.join(root, "docs")
    if args.findings:
        path, base, explicit = args.findings, cwd, args.findings_format
    else:
        path, base, explicit = options.findings_file, root, args.findings_format or options.findings_format
    try:
        outputs = findings_outputs(path, explicit, base, docs_dir, os.environ)
    except ValueError as error:
        option = "--findings" if args.findings else "option 'findings_file'"
        raise ValueError(f"{option}: {error}") from None
    if args.suggest_diff and outputs.github:
        # The diff is for a person (or `git apply`), on stdout: no annotations mixed into it.
        outputs = type(outputs)(outputs.path, outputs.format, False)
    if not outputs and not args.suggest_diff:
        return None
    files = {page.src_uri: os.path.join(docs_dir, *page.src_uri.split("/")) for page in built.pages if page.has_source}
    sources = Sources(root, docs_dir, files, [cwd, root] if cwd != root else [root])
    stream = out or sys.stdout
    directory_urls = config.use_directory_urls

    def report(site: LinkedSite, results: Sequence[CheckResult]) -> None:
        if outputs:
            findings = report_findings(site, results, sources, directory_urls, outputs, log, stream)
        else:
            findings = collect_findings(site, results, sources, directory_urls)
        if args.suggest_diff:
            stream.write(suggested_diff(findings, sources.file_text))
            stream.flush()
            for where, message in unpatched(findings):
                log.info(f"backlinks: not in the diff (no unambiguous fix): {where}: {message}")

    return report
