"""How the checks' findings reach the user: one grouped message per check at the end of the build.

`info` and `warn` log the message (a warning makes `mkdocs build --strict` fail); `error` makes
`mkdocs build` fail with every error-level check's findings in one message. Under `mkdocs serve`
nothing stops the server: errors are logged as warnings.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import List, Mapping, Optional, Sequence, Union

from mkdocs_backlinks.core.checks import BrokenTarget, describe_broken

_LOG_LEVELS = {"info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}


@dataclass
class CheckResult:
    """What one check found, and how loudly to say it."""

    name: str
    level: str
    findings: Sequence[Union[str, BrokenTarget]]
    detail: str = ""
    """Check-specific words for the summary (the hub threshold)."""


def _items(lines: Sequence[str]) -> str:
    return "".join(f"\n  - {line}" for line in lines)


def summary(result: CheckResult, titles: Optional[Mapping[str, str]] = None) -> str:
    """The grouped message for one check's findings."""
    found = result.findings
    n = len(found)
    if result.name == "orphans":
        return (
            f"{n} orphaned page(s): no other page links to them:{_items(found)}\n"
            "Link to them, or exempt them with 'orphan: true' in their front matter or the "
            "'orphans_exempt' option."
        )
    if result.name == "unreachable":
        return (
            f"{n} unreachable page(s): not in the nav, and no page a reader can reach from the "
            f"homepage links to them:{_items(found)}\n"
            "Add them to the nav or link to them from a reachable page, or exempt them with "
            "'backlinks_exempt: [unreachable]' in their front matter or the 'unreachable_exempt' option."
        )
    if result.name == "dead_ends":
        return (
            f"{n} dead-end page(s): they link to no other page:{_items(found)}\n"
            "Link onwards from them, or exempt them with 'backlinks_exempt: [dead_ends]' in their "
            "front matter or the 'dead_ends_exempt' option."
        )
    if result.name == "broken_links":
        links = sum(item.count for item in found)  # type: ignore[union-attr]
        lines = [describe_broken(item, titles) for item in found]  # type: ignore[arg-type]
        return (
            f"{links} broken link(s) to {n} target(s) that are not pages of the built site:"
            f"{_items(lines)}\n"
            "Fix the links, or exempt the linking pages or the targets with the "
            "'broken_links_exempt' option or 'backlinks_exempt: [broken_links]' in front matter."
        )
    if result.name == "hubs":
        return (
            f"{n} hub page(s) link to {result.detail} of the site's pages:{_items(found)}\n"
            "Such pages (indexes, tag listings) show up in almost every panel: keep their links "
            "out of the panels with the 'ignore_links_from' option or 'backlinks_from_here: false' "
            "in their front matter (their links still count for the checks), and silence this "
            "note with 'hubs_exempt', 'hubs: ignore' or 'backlinks_exempt: [hubs]'."
        )
    raise ValueError(result.name)


def report_checks(
    log: logging.Logger,
    results: Sequence[CheckResult],
    serving: bool,
    titles: Optional[Mapping[str, str]] = None,
) -> Optional[str]:
    """Log each check's findings at its level; return the message to stop the build with, if
    any check at level `error` found something (never under `mkdocs serve`)."""
    failures: List[str] = []
    for result in results:
        if result.level == "ignore" or not result.findings:
            continue
        message = summary(result, titles)
        if result.level == "error" and not serving:
            failures.append(message)
            continue
        log.log(_LOG_LEVELS["warn" if result.level == "error" else result.level], message)
    if not failures:
        return None
    return "\n".join(failures)
