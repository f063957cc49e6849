"""The findings (`findings.py`) in the forms CI systems read: GitHub Actions workflow commands
(annotations on the pull request's diff), SARIF 2.1.0 (code scanning), JUnit XML (the test
reports of GitLab, Jenkins, Azure Pipelines, CircleCI) and JSON lines (scripts). The same
findings in each; every form is deterministic (no dates, no absolute paths).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Dict, List, Mapping, Optional, Sequence, TextIO, Tuple
from urllib.parse import quote

from mkdocs_backlinks import __version__
from mkdocs_backlinks.core.files import write_atomically
from mkdocs_backlinks.core.findings import Finding, Sources, collect_findings
from mkdocs_backlinks.core.log import Log
from mkdocs_backlinks.core.messages import CheckResult

if TYPE_CHECKING:
    from mkdocs_backlinks.core.site import LinkedSite

__all__ = [
    "FORMATS",
    "FindingsOutputs",
    "findings_outputs",
    "findings_reporter",
    "report_findings",
    "findings_format",
    "github_commands",
    "junit",
    "json_lines",
    "print_github_commands",
    "sarif",
    "write_findings",
]

TOOL = "mkdocs-backlinks"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
ROOT_ID = "PROJECTROOT"
"""SARIF's name for the folder the findings' paths are relative to (the config file's)."""

FORMATS = ("sarif", "junit", "jsonl")
_EXTENSIONS = (
    (".sarif", "sarif"),
    (".sarif.json", "sarif"),
    (".xml", "junit"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
)

_SARIF_LEVELS = {"error": "error", "warn": "warning", "info": "note"}
_GITHUB_COMMANDS = {"error": "error", "warn": "warning", "info": "notice"}

RULE_HELP = {
    "orphans": "A built page no other page's content links to. Link to it, or exempt it with "
    "'orphan: true' in its front matter or the 'orphans_exempt' option.",
    "unreachable": "A page a reader cannot get to: not in the nav, and no page reachable from the "
    "homepage links to it. Add it to the nav or link to it from a reachable page.",
    "dead_ends": "A page whose content links to no other page. Link onwards from it.",
    "broken_links": "A link in page content that reaches no page of the built site. Fix the href "
    "(the finding says which page it likely meant), or exempt the page or the target with "
    "'broken_links_exempt'.",
    "sibling_links": "A link into another build published beside this one (another language or "
    "version of the site), which this build cannot check. Check it in that build.",
    "lost_inbound_links": "A URL that links from other sites lead to, where the build has no page and no "
    "redirect. Add a redirect to the page it became (the finding names the likely one).",
    "hubs": "A page linking to a large share of the site's pages (an index, a tag listing). Keep its "
    "links out of the panels with 'ignore_links_from'.",
    "unlinked_mentions": "A page's title or alias written in another page's prose without a link. "
    "Link the words to the page.",
}
"""Each check's help, as SARIF rules carry it; a check not listed here is described by its title."""


def findings_format(path: str, explicit: Optional[str] = None) -> str:
    """The format of a findings file: `explicit` when given, else from the name's extension.
    Raises ValueError with a message naming what is accepted."""
    if explicit and explicit != "auto":
        if explicit not in FORMATS:
            raise ValueError(f"unknown format {explicit!r}; known: {', '.join(FORMATS)}")
        return explicit
    lower = path.lower()
    for extension, name in _EXTENSIONS:
        if lower.endswith(extension):
            return name
    raise ValueError(
        f"cannot tell the format of {path!r} from its extension: name it .sarif, .xml (JUnit) or .jsonl, "
        "or give the format"
    )


# --- GitHub Actions ------------------------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_commands(findings: Sequence[Finding], titles: Mapping[str, str]) -> List[str]:
    """One workflow command per finding (`::warning file=docs/a.md,line=12,col=5,...::...`), as
    GitHub's documentation of workflow commands says, escaped as it requires."""
    lines = []
    for finding in findings:
        properties: List[Tuple[str, str]] = []
        if finding.file:
            properties.append(("file", finding.file))
            if finding.line:
                properties += [("line", str(finding.line)), ("col", str(finding.column))]
                properties += [("endLine", str(finding.end_line)), ("endColumn", str(finding.end_column))]
        properties.append(("title", f"backlinks: {titles.get(finding.check, finding.check)}"))
        joined = ",".join(f"{key}={_escape_property(value)}" for key, value in properties)
        command = _GITHUB_COMMANDS.get(finding.level, "warning")
        lines.append(f"::{command} {joined}::{_escape_data('backlinks: ' + finding.message)}")
    return lines


def print_github_commands(findings: Sequence[Finding], results: Sequence[CheckResult], out: TextIO) -> None:
    titles = {result.name: result.check.title for result in results}
    for line in github_commands(findings, titles):
        out.write(line + "\n")
    out.flush()


# --- SARIF 2.1.0 ---------------------------------------------------------------------------------


def _region(line: int, column: int, end_line: int, end_column: int) -> Dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _uri(path: str) -> str:
    """A relative path as the URI reference SARIF wants (`docs/my page.md` -> `docs/my%20page.md`)."""
    return quote(path, safe="/")


def _location(finding: Finding) -> Dict[str, object]:
    physical: Dict[str, object] = {"artifactLocation": {"uri": _uri(finding.file), "uriBaseId": ROOT_ID}}
    if finding.line:
        physical["region"] = _region(finding.line, finding.column, finding.end_line, finding.end_column)
    return {"physicalLocation": physical}


def _fingerprint(finding: Finding) -> str:
    """Stable across runs and line moves: the check, the file and the message."""
    key = "\0".join((finding.check, finding.file or finding.page, finding.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def sarif(findings: Sequence[Finding], results: Sequence[CheckResult]) -> str:
    """A SARIF 2.1.0 log of one run: one rule per check that ran, one result per finding."""
    ran = [result for result in results if result.level != "ignore"]
    rule_index = {result.name: index for index, result in enumerate(ran)}
    rules = [
        {
            "id": result.name,
            "name": "".join(part.title() for part in result.name.split("_")),
            "shortDescription": {"text": result.check.title},
            "fullDescription": {"text": RULE_HELP.get(result.name, result.check.title)},
            "help": {"text": RULE_HELP.get(result.name, result.check.title)},
            "defaultConfiguration": {"level": _SARIF_LEVELS.get(result.level, "warning")},
        }
        for result in ran
    ]
    out = []
    for finding in findings:
        item: Dict[str, object] = {
            "ruleId": finding.check,
            "level": _SARIF_LEVELS.get(finding.level, "warning"),
            "message": {"text": finding.message},
        }
        if finding.check in rule_index:
            item["ruleIndex"] = rule_index[finding.check]
        if finding.file:
            item["locations"] = [_location(finding)]
        item["partialFingerprints"] = {"backlinksFinding/v1": _fingerprint(finding)}
        edit = finding.edit
        if edit is not None:
            item["fixes"] = [
                {
                    "description": {"text": f"Replace '{edit.old}' with '{edit.new}'"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(edit.file), "uriBaseId": ROOT_ID},
                            "replacements": [
                                {
                                    "deletedRegion": _region(edit.line, edit.column, edit.end_line, edit.end_column),
                                    "insertedContent": {"text": edit.new},
                                }
                            ],
                        }
                    ],
                }
            ]
        out.append(item)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": TOOL, "version": __version__, "rules": rules}},
                "originalUriBaseIds": {ROOT_ID: {"description": {"text": "The folder of the site's config file."}}},
                "columnKind": "unicodeCodePoints",
                "results": out,
            }
        ],
    }
    # Compact: a SARIF log is read by programs, and json's C encoder writes only this form
    # (indented, the 2,000 findings of the link-dense benchmark site took 0.1 s more).
    return json.dumps(log, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- JUnit XML -----------------------------------------------------------------------------------


def _where(finding: Finding) -> str:
    if not finding.file:
        return finding.page or "(site)"
    return finding.file + (f":{finding.line}:{finding.column}" if finding.line else "")


def junit(findings: Sequence[Finding], results: Sequence[CheckResult]) -> str:
    """One test case per check that ran: it fails with one line per finding when the check is at
    level `warn` or `error`; an `info` check passes, its findings in its output."""
    ran = [result for result in results if result.level != "ignore"]
    by_check: Dict[str, List[Finding]] = {}
    for finding in findings:
        by_check.setdefault(finding.check, []).append(finding)
    failures = sum(1 for result in ran if by_check.get(result.name) and result.level != "info")
    suites = ET.Element("testsuites", name=TOOL, tests=str(len(ran)), failures=str(failures), errors="0")
    suite = ET.SubElement(
        suites, "testsuite", name=TOOL, tests=str(len(ran)), failures=str(failures), errors="0", skipped="0", time="0"
    )
    for result in ran:
        case = ET.SubElement(suite, "testcase", classname=TOOL, name=result.name, time="0")
        found = by_check.get(result.name, [])
        if not found:
            continue
        # One line per finding: a line end inside a message (an odd href) is written as a space.
        lines = "".join(f"{_where(f)}: {' '.join(f.message.splitlines())}\n" for f in found)
        if result.level == "info":
            ET.SubElement(case, "system-out").text = lines
            continue
        failure = ET.SubElement(
            case, "failure", message=f"{len(found)} finding(s): {result.check.title.lower()}", type=result.level
        )
        failure.text = lines
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


# --- JSON lines ----------------------------------------------------------------------------------


def json_lines(findings: Sequence[Finding]) -> str:
    """One JSON object per finding and line: check, level, message, page, file, line, column,
    end_line, end_column, and the fix (`fix`: file, line, column, old, new) or null."""
    out = []
    for finding in findings:
        edit = finding.edit
        record = {
            "check": finding.check,
            "level": finding.level,
            "message": finding.message,
            "page": finding.page,
            "file": finding.file or None,
            "line": finding.line or None,
            "column": finding.column or None,
            "end_line": finding.end_line or None,
            "end_column": finding.end_column or None,
            "fix": None
            if edit is None
            else {"file": edit.file, "line": edit.line, "column": edit.column, "old": edit.old, "new": edit.new},
        }
        out.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return "".join(line + "\n" for line in out)


def write_findings(path: str, format: str, findings: Sequence[Finding], results: Sequence[CheckResult]) -> None:
    """Write the findings to `path` (absolute) in `format`, atomically."""
    if format == "sarif":
        text = sarif(findings, results)
    elif format == "junit":
        text = junit(findings, results)
    else:
        text = json_lines(findings)
    write_atomically(os.path.abspath(path), text)


# --- What a build asked for ------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingsOutputs:
    """The outputs of findings a build asked for: a file (`path`, absolute, in `format`), and
    GitHub's annotations (on GitHub Actions)."""

    path: str = ""
    format: str = ""
    github: bool = False

    def __bool__(self) -> bool:
        return bool(self.path) or self.github


def inside(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or inside it (both absolute and normalized)."""
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # on another drive
        return False


def findings_outputs(
    findings_file: Optional[str],
    explicit_format: Optional[str],
    base_dir: str,
    docs_dir: str,
    environ: Mapping[str, str],
) -> FindingsOutputs:
    """The outputs asked for: `findings_file` (relative to `base_dir`, the config file's folder),
    in its format, and annotations when `GITHUB_ACTIONS` is `true`. Raises ValueError (a message
    for the option) for a format it cannot tell or a file inside `docs_dir`."""
    github = environ.get("GITHUB_ACTIONS", "").lower() == "true"
    if not findings_file:
        return FindingsOutputs(github=github)
    path = os.path.normpath(os.path.join(base_dir, findings_file))
    format = findings_format(findings_file, explicit_format)
    docs = os.path.normpath(docs_dir)
    if inside(path, docs):
        raise ValueError(f"{findings_file!r} is inside docs_dir; nothing is written there: choose a path outside it")
    return FindingsOutputs(path, format, github)


def report_findings(
    site: "LinkedSite",
    results: Sequence[CheckResult],
    sources: Sources,
    directory_urls: bool,
    outputs: FindingsOutputs,
    log: Log,
    out: TextIO,
) -> List[Finding]:
    """Work out the findings, write the findings file and print the annotations asked for."""
    findings = collect_findings(site, results, sources, directory_urls)
    if outputs.path:
        try:
            write_findings(outputs.path, outputs.format, findings, results)
        except OSError as error:
            log.error(f"Cannot write the findings file '{outputs.path}': {error.strerror or error}.")
    if outputs.github:
        print_github_commands(findings, results, out)
    return findings


def findings_reporter(
    outputs: FindingsOutputs, sources: Optional[Sources], directory_urls: bool, log: Log, out: Optional[TextIO] = None
) -> Optional[Callable[["LinkedSite", Sequence[CheckResult]], None]]:
    """What `audit(findings=...)` calls to report the findings as `outputs` asks (None: nothing
    asked, nothing worked out)."""
    if not outputs or sources is None:
        return None
    known = sources

    def report(site: "LinkedSite", results: Sequence[CheckResult]) -> None:
        report_findings(site, results, known, directory_urls, outputs, log, out or sys.stdout)

    return report
