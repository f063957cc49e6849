"""Link-health checks over the finished graph, and how their findings are reported."""

from __future__ import annotations

import logging
from typing import List, Mapping, Optional

from mkdocs_backlinks.globs import GlobList
from mkdocs_backlinks.graph import LinkGraph
from mkdocs_backlinks.pages import PageInfo

_LOG_LEVELS = {"info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}


def find_orphans(graph: LinkGraph, infos: Mapping[str, PageInfo], exempt: GlobList) -> List[str]:
    """Built pages that no other page's content links to, by source path.

    Never orphans: the homepage, pages with `orphan: true` in front matter, pages matching
    `exempt`, and pages left out of the built site (drafts under `mkdocs serve`).
    """
    return sorted(
        info.src_uri
        for info in infos.values()
        if not info.excluded
        and not info.is_homepage
        and not info.orphan_ok
        and not graph.has_incoming(info.src_uri)
        and not exempt.matches(info.src_uri)
    )


def report(
    log: logging.Logger,
    level: str,
    findings: List[str],
    summary: str,
    one: str,
    serving: bool,
) -> Optional[str]:
    """Log `findings` at `level`; return the message to stop the build with, if it must stop.

    `one` formats a single finding for its own log line (so `--strict` counts each); `summary`
    (with `{count}` and `{items}`) is the one message that stops a build at level `error`.
    Under `mkdocs serve` nothing stops the server: errors are logged as warnings.
    """
    if level == "ignore" or not findings:
        return None
    if level == "error" and not serving:
        items = "".join(f"\n  - {item}" for item in findings)
        return summary.format(count=len(findings), items=items)
    log_level = _LOG_LEVELS["warn" if level == "error" else level]
    for item in findings:
        log.log(log_level, one.format(item=item))
    return None
