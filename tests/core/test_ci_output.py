"""The findings' forms for CI systems (core/ci_output.py): GitHub's workflow commands and their
escaping, SARIF validated against the official 2.1.0 schema, JUnit read back with xml.etree,
JSON lines; the format of a findings file; the same findings in every form."""

from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Dict, List

import jsonschema
import pytest

from mkdocs_backlinks.core.checks import CHECKS
from mkdocs_backlinks.core.ci_output import (
    FindingsOutputs,
    findings_format,
    findings_outputs,
    findings_reporter,
    github_commands,
    json_lines,
    junit,
    sarif,
    write_findings,
)
from mkdocs_backlinks.core.findings import Edit, Finding, Sources
from mkdocs_backlinks.core.messages import CheckResult

SCHEMA = json.loads((Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
LEVELS = {"orphans": "error", "unreachable": "warn", "dead_ends": "info", "broken_links": "warn", "hubs": "ignore"}


def results(found: List[Finding]) -> List[CheckResult]:
    by_check: Dict[str, list] = {}
    for finding in found:
        by_check.setdefault(finding.check, []).append(finding)
    return [
        CheckResult(check, LEVELS.get(check.name, "ignore"), by_check.get(check.name, []), "")
        for check in CHECKS
        if check.name in LEVELS
    ]


FINDINGS = [
    Finding("orphans", "error", "orphaned page: no other page links to 'a.md' (A)", "a.md", "docs/a.md"),
    Finding("orphans", "error", "orphaned page: 'gen.md' (generated)", "gen.md"),
    Finding(
        "broken_links",
        "warn",
        "broken link 'gon.md' to gon.md (missing); did you mean 'gone.md'?",
        "b.md",
        "docs/b.md",
        3,
        5,
        3,
        20,
        Edit("docs/b.md", 40, 46, 3, 10, 3, 16, "gon.md", "gone.md"),
    ),
    Finding(
        "broken_links",
        "warn",
        "broken link 'x%,:\n' to x (missing), 100% sure: yes",
        "b.md",
        "docs/b, c.md",
        4,
        1,
        4,
        9,
    ),
    Finding("dead_ends", "info", "dead end: 'c.md' (C) links to no other page", "c.md", "docs/c.md"),
]


def test_github_commands_syntax_and_escaping() -> None:
    titles = {"orphans": "Orphaned pages", "broken_links": "Broken links", "dead_ends": "Dead ends"}
    lines = github_commands(FINDINGS, titles)
    assert lines == [
        "::error file=docs/a.md,title=backlinks%3A Orphaned pages::backlinks: orphaned page: no other page links to "
        "'a.md' (A)",
        "::error title=backlinks%3A Orphaned pages::backlinks: orphaned page: 'gen.md' (generated)",
        "::warning file=docs/b.md,line=3,col=5,endLine=3,endColumn=20,title=backlinks%3A Broken links::backlinks: "
        "broken link 'gon.md' to gon.md (missing); did you mean 'gone.md'?",
        # In the message: % -> %25, LF -> %0A (`:` and `,` stay); in properties also `:`, `,`.
        "::warning file=docs/b%2C c.md,line=4,col=1,endLine=4,endColumn=9,title=backlinks%3A Broken links::"
        "backlinks: broken link 'x%25,:%0A' to x (missing), 100%25 sure: yes",
        "::notice file=docs/c.md,title=backlinks%3A Dead ends::backlinks: dead end: 'c.md' (C) links to no other page",
    ]
    assert all("\n" not in line and "\r" not in line for line in lines)


def test_sarif_validates_and_carries_every_finding() -> None:
    doc = json.loads(sarif(FINDINGS, results(FINDINGS)))
    jsonschema.validate(doc, SCHEMA)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["orphans", "unreachable", "dead_ends", "broken_links"]
    assert [rule["defaultConfiguration"]["level"] for rule in rules] == ["error", "warning", "note", "warning"]
    assert all(rule["help"]["text"] for rule in rules)
    got = run["results"]
    assert [(r["ruleId"], r["level"]) for r in got] == [
        ("orphans", "error"),
        ("orphans", "error"),
        ("broken_links", "warning"),
        ("broken_links", "warning"),
        ("dead_ends", "note"),
    ]
    assert got[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/a.md", "uriBaseId": "PROJECTROOT"}
    }
    assert "locations" not in got[1]  # a page without a source: no location rather than a wrong one
    assert got[2]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 5,
        "endLine": 3,
        "endColumn": 20,
    }
    (fix,) = got[2]["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 3, "startColumn": 10, "endLine": 3, "endColumn": 16},
            "insertedContent": {"text": "gone.md"},
        }
    ]
    assert "fixes" not in got[3]
    assert got[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/b%2C%20c.md"
    assert len({r["partialFingerprints"]["backlinksFinding/v1"] for r in got}) == len(got)


def test_sarif_schema_catches_a_broken_log() -> None:
    """The schema check can fail: a result without its message is refused."""
    doc = json.loads(sarif(FINDINGS, results(FINDINGS)))
    del doc["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_junit_one_case_per_check_counts_match() -> None:
    root = ET.fromstring(junit(FINDINGS, results(FINDINGS)))
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == ["orphans", "unreachable", "dead_ends", "broken_links"]
    assert suite.get("tests") == "4" and root.get("tests") == "4"
    # orphans (error) and broken_links (warn) fail; unreachable found nothing; dead_ends is info.
    assert suite.get("failures") == "2" == root.get("failures")
    failed = {case.get("name"): case.find("failure") for case in cases if case.find("failure") is not None}
    assert set(failed) == {"orphans", "broken_links"}
    orphans = failed["orphans"]
    assert orphans is not None and orphans.get("type") == "error"
    assert (orphans.text or "").splitlines() == [
        "docs/a.md: orphaned page: no other page links to 'a.md' (A)",
        "gen.md: orphaned page: 'gen.md' (generated)",
    ]
    broken = failed["broken_links"]
    assert broken is not None and len((broken.text or "").splitlines()) == 2
    assert (broken.text or "").startswith("docs/b.md:3:5: broken link")
    dead_ends = cases[2]
    assert dead_ends.find("failure") is None and "dead end" in (dead_ends.findtext("system-out") or "")


def test_json_lines_one_per_finding() -> None:
    records = [json.loads(line) for line in json_lines(FINDINGS).splitlines()]
    assert len(records) == len(FINDINGS)
    assert records[1]["file"] is None and records[1]["line"] is None
    assert records[2]["fix"] == {"file": "docs/b.md", "line": 3, "column": 10, "old": "gon.md", "new": "gone.md"}
    assert records[3]["message"].endswith("100% sure: yes") and "\n" in records[3]["message"]


@pytest.mark.parametrize(
    "name, explicit, expected",
    [
        ("findings.sarif", None, "sarif"),
        ("out/f.SARIF.json", None, "sarif"),
        ("findings.xml", None, "junit"),
        ("findings.jsonl", "auto", "jsonl"),
        ("report.txt", "junit", "junit"),
        ("findings.xml", "jsonl", "jsonl"),
    ],
)
def test_findings_format(name: str, explicit: str, expected: str) -> None:
    assert findings_format(name, explicit) == expected


def test_findings_format_mistakes_say_what_is_accepted() -> None:
    with pytest.raises(ValueError, match=r"\.sarif, \.xml \(JUnit\) or \.jsonl"):
        findings_format("findings.json")
    with pytest.raises(ValueError, match="known: sarif, junit, jsonl"):
        findings_format("findings.sarif", "csv")


def test_nothing_asked_nothing_worked_out(tmp_path: Path) -> None:
    sources = Sources(str(tmp_path), str(tmp_path / "docs"), {})
    assert findings_reporter(FindingsOutputs(), sources, True, logging.getLogger("t")) is None
    assert findings_reporter(FindingsOutputs(github=True), sources, True, logging.getLogger("t")) is not None


def test_findings_outputs(tmp_path: Path) -> None:
    docs = str(tmp_path / "docs")
    none = findings_outputs(None, "auto", str(tmp_path), docs, {})
    assert not none
    github = findings_outputs(None, "auto", str(tmp_path), docs, {"GITHUB_ACTIONS": "true"})
    assert github and github.github and not github.path
    asked = findings_outputs("out/f.xml", "auto", str(tmp_path), docs, {})
    assert asked.path == str(tmp_path / "out" / "f.xml") and asked.format == "junit" and not asked.github
    with pytest.raises(ValueError, match="inside docs_dir"):
        findings_outputs("docs/f.sarif", "auto", str(tmp_path), docs, {})


@pytest.mark.parametrize("format", ["sarif", "junit", "jsonl"])
def test_written_atomically_and_byte_identical(tmp_path: Path, format: str) -> None:
    path = tmp_path / "out" / "findings"
    write_findings(str(path), format, FINDINGS, results(FINDINGS))
    first = path.read_bytes()
    write_findings(str(path), format, FINDINGS, results(FINDINGS))
    assert path.read_bytes() == first
    assert [p.name for p in path.parent.iterdir()] == ["findings"]  # no temporary file left


def test_findings_of_checks_written_in_no_source(tmp_path: Path) -> None:
    """A lost link from outside names a URL, not a source: its finding has no file; a check
    this module does not know is reported as it exports its findings, never dropped."""
    import types

    from mkdocs_backlinks.core.checks import Check
    from mkdocs_backlinks.core.findings import Sources, collect_findings
    from mkdocs_backlinks.core.inbound.lost import LostURL

    lost_check = next(check for check in CHECKS if check.name == "lost_inbound_links")
    lost = LostURL("old/", "https://example.org/old/", 3, 2, ("a.example", "b.example"), "new.md")
    odd_check = Check("odd", "Odd things", lambda a: [], lambda f, a: "", lambda item: {"x": item[0]}, lambda *a: None,
                      lambda o: "warn", lambda o: None)  # fmt: skip
    site = types.SimpleNamespace(infos={})
    results = [CheckResult(lost_check, "warn", [lost]), CheckResult(odd_check, "error", [(1,)])]
    found = collect_findings(site, results, Sources(str(tmp_path), str(tmp_path / "docs"), {}), True)  # type: ignore[arg-type]
    assert [(f.check, f.level, f.file, f.line) for f in found] == [
        ("lost_inbound_links", "warn", "", 0),
        ("odd", "error", "", 0),
    ]
    assert found[0].message.startswith("lost link from outside: old/ (3 links from 2 sites: a.example, b.example")
    assert "did you mean 'new.md'" in found[0].message
    assert found[1].message == "Odd things: {'x': 1}"
    jsonschema.validate(json.loads(sarif(found, results)), SCHEMA)
