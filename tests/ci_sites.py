"""A small site for the findings' tests, with the findings it must give: every one at the
Markdown line and column it names (tests/test_ci_findings.py for the plugin,
tests/command/test_findings.py for the command)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# Every broken link and mention is written where the table below says, in several link forms.
DOCS = {
    "index.md": """\
        # Home

        See [setup](guide/setup.md), [a typo](guide/setpu.md) and [old](guide/old/).

        | a | b |
        |---|---|
        | [t](gone.md) | x |
        """,
    "guide/setup.md": """\
        # Setup

        [Home](../index.md). The Orphan page is named here.

        !!! note

            A [reference][r] in a note.

        [r]: ../nowhere.md
        """,
    "guide/orphan.md": """\
        # Orphan page

        [Setup](setup.md), then [s](setpu.md) and [s2](setpu.md) on one line.

        ```
        [in code](setpu.md)
        ```
        """,
}

# (check, file, the text the finding's line and column point at, the fix's new text or None)
EXPECTED = [
    ("orphans", "docs/guide/orphan.md", None, None),
    ("broken_links", "docs/guide/orphan.md", "[s](setpu.md)", "setup.md"),
    ("broken_links", "docs/guide/orphan.md", "[s2](setpu.md)", "setup.md"),
    ("broken_links", "docs/guide/setup.md", "../nowhere.md", None),
    ("broken_links", "docs/index.md", "[a typo](guide/setpu.md)", "guide/setup.md"),
    ("broken_links", "docs/index.md", "[old](guide/old/)", None),
    ("broken_links", "docs/index.md", "[t](gone.md)", None),
    ("unlinked_mentions", "docs/guide/setup.md", "Orphan page", "[Orphan page](orphan.md)"),
]

OPTIONS = {"unlinked_mentions": "warn", "findings_file": "findings.jsonl"}


def pointed_at(root: Path, record: Dict) -> str:
    """The source text from the finding's line and column on."""
    lines = (root / record["file"]).read_text(encoding="utf-8").splitlines()
    return lines[record["line"] - 1][record["column"] - 1 :]


def check_findings(root: Path, records: List[Dict]) -> None:
    assert len(records) == len(EXPECTED)
    for record, (check, file, written, fix) in zip(records, EXPECTED):
        assert (record["check"], record["file"]) == (check, file)
        if written is None:
            assert record["line"] is None
        else:
            assert pointed_at(root, record).startswith(written), record
        assert (record["fix"]["new"] if record["fix"] else None) == fix
