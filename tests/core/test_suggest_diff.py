"""The suggested patch (core/suggest_diff.py): the findings' fixes as one unified diff that
`git apply` applies (files without a final line end, CRLF files, several fixes in one file),
overlapping or stale fixes left out, and the findings with a suggestion but no fix listed."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from mkdocs_backlinks.core.findings import Edit, Finding
from mkdocs_backlinks.core.suggest_diff import suggested_diff, unpatched


def fix(file: str, text: str, old: str, new: str, nth: int = 0) -> Finding:
    """A broken-link finding whose fix replaces the `nth` `old` of `text` by `new`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(old, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    edit = Edit(file, start, start + len(old), line, column, line, column + len(old), old, new)
    return Finding("broken_links", "warn", "broken link", "p.md", file, line, column, line, column, edit)


CASES = [
    ("plain", "# A\n\n[x](gon.md) and [y](gon.md)\n", [("gon.md", "gone.md", 0), ("gon.md", "gone.md", 1)]),
    ("no final line end", "# A\n\n[x](gon.md)", [("gon.md", "gone.md", 0)]),
    ("CRLF", "# A\r\n\r\n[x](gon.md)\r\nmore\r\n", [("gon.md", "gone.md", 0)]),
    ("a mention made a link", "Intro.\n\nThe Link graph page.\n", [("Link graph", "[Link graph](graph.md)", 0)]),
]


def apply(tmp_path: Path, files: Dict[str, str], diff: str) -> Dict[str, str]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    (tmp_path / "fix.patch").write_bytes(diff.encode("utf-8"))
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + diff
    return {name: (tmp_path / name).read_bytes().decode("utf-8") for name in files}


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_git_applies_the_diff(tmp_path: Path, case: tuple) -> None:
    _, text, edits = case
    findings = [fix("docs/p.md", text, old, new, nth) for old, new, nth in edits]
    diff = suggested_diff(findings, {"docs/p.md": text}.get)
    assert diff.startswith("--- a/docs/p.md\n+++ b/docs/p.md\n")
    expected = text
    for old, new, _ in edits:
        expected = expected.replace(old, new, 1)
    assert apply(tmp_path, {"docs/p.md": text}, diff) == {"docs/p.md": expected}


def test_overlapping_and_stale_fixes_are_left_out(tmp_path: Path) -> None:
    text = "[x](gon.md)\n"
    first = fix("docs/p.md", text, "gon.md", "gone.md")
    overlapping = fix("docs/p.md", text, "(gon.md)", "(other.md)")
    stale = Finding(
        "broken_links", "warn", "m", "p.md", "docs/p.md", 1, 1, 1, 2, Edit("docs/p.md", 0, 3, 1, 1, 1, 4, "zzz", "y")
    )
    diff = suggested_diff([first, overlapping, stale, first], {"docs/p.md": text}.get)
    # Of two fixes that overlap, the one starting first is made; the stale one is not.
    assert apply(tmp_path, {"docs/p.md": text}, diff) == {"docs/p.md": "[x](other.md)\n"}


def test_files_in_path_order_and_unreadable_left_alone() -> None:
    texts: Dict[str, Optional[str]] = {"docs/b.md": "[x](a)\n", "docs/a.md": "[x](a)\n", "docs/gone.md": None}
    findings = [fix(name, "[x](a)\n", "a", "b") for name in ("docs/b.md", "docs/a.md")]
    findings.append(
        Finding(
            "broken_links",
            "warn",
            "m",
            "p.md",
            "docs/gone.md",
            1,
            1,
            1,
            2,
            Edit("docs/gone.md", 0, 1, 1, 1, 1, 2, "[", "("),
        )
    )
    diff = suggested_diff(findings, texts.get)
    files = [line[6:] for line in diff.splitlines() if line.startswith("+++ ")]
    assert files == ["docs/a.md", "docs/b.md"]
    assert suggested_diff([], texts.get) == ""


def test_unpatched_lists_suggestions_without_a_fix() -> None:
    findings: List[Finding] = [
        Finding(
            "broken_links", "warn", "broken link 'a' to a (missing); did you mean 'b.md'?", "p.md", "docs/p.md", 3, 4
        ),
        Finding("broken_links", "warn", "broken link 'c' to c (missing)", "p.md", "docs/p.md", 4, 1),
        Finding("unlinked_mentions", "warn", "unlinked mention: 'X' names page 'x.md'", "q.md", "docs/q.md"),
        Finding("orphans", "warn", "orphaned page", "r.md", "docs/r.md"),
    ]
    assert unpatched(findings) == [
        ("docs/p.md:3:4", "broken link 'a' to a (missing); did you mean 'b.md'?"),
        ("docs/q.md", "unlinked mention: 'X' names page 'x.md'"),
    ]
