"""How the checks' findings reach the user: one grouped message per check at the end of the build.

`info` and `warn` log the message (a warning makes `mkdocs build --strict` fail); `error` makes
`mkdocs build` fail with every error-level check's findings in one message. Under `mkdocs serve`
nothing stops the server: errors are logged as warnings.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence

from mkdocs_backlinks.core.checks import Check
from mkdocs_backlinks.core.log import Log

__all__ = ["CheckResult", "report_checks"]

_LOG_LEVELS = {"info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}


@dataclass(frozen=True)
class CheckResult:
    """What one check found, and how loudly to say it."""

    check: Check
    level: str
    findings: Sequence[Any]
    message: str = ""
    """The check's grouped message about its findings ("" when it found nothing)."""

    @property
    def name(self) -> str:
        return self.check.name


def report_checks(log: Log, results: Sequence[CheckResult], serving: bool) -> Optional[str]:
    """Log each check's findings at its level; return the message to stop the build with, if
    any check at level `error` found something (never under `mkdocs serve`)."""
    failures: List[str] = []
    for result in results:
        if result.level == "ignore" or not result.findings:
            continue
        if result.level == "error" and not serving:
            failures.append(result.message)
            continue
        log.log(_LOG_LEVELS["warn" if result.level == "error" else result.level], result.message)
    if not failures:
        return None
    return "\n".join(failures)
