"""Findings for CI systems from real MkDocs builds with the plugin: each finding at its Markdown
source line (`findings_file`), the SARIF valid, GitHub's annotations on `GITHUB_ACTIONS=true`,
a page without a source named without a line, mistakes in the options in one line, and nothing
asked: nothing written, nothing printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import jsonschema
import pytest

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


def test_each_finding_at_its_source_line(make_site, directory_urls) -> None:
    site = make_site(DOCS, OPTIONS, markdown_extensions=["admonition", "tables"], use_directory_urls=directory_urls)
    site.build()
    records = [json.loads(line) for line in (site.root / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    check_findings(site.root, records)
    # The mention's fix links to the page's Markdown, relative to the mentioning page.
    assert records[-1]["fix"]["old"] == "Orphan page"
    assert not (site.root / "docs" / "findings.jsonl").exists()


def test_sarif_of_a_build_validates(make_site) -> None:
    site = make_site(
        DOCS, dict(OPTIONS, findings_file="out/findings.sarif"), markdown_extensions=["admonition", "tables"]
    )
    site.build()
    doc = json.loads((site.root / "out" / "findings.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(doc, SCHEMA)
    results = doc["runs"][0]["results"]
    assert len(results) == len(EXPECTED)
    fixes = [r for r in results if "fixes" in r]
    assert len(fixes) == 4  # three did-you-mean hrefs, one mention
    # Byte-identical on a second build.
    first = (site.root / "out" / "findings.sarif").read_bytes()
    site.build()
    assert (site.root / "out" / "findings.sarif").read_bytes() == first


def mkdocs_cli(root: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=root,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        timeout=300,
    )


def test_github_annotations_on_github_actions_only(make_site) -> None:
    site = make_site(DOCS, {"unlinked_mentions": "warn"}, markdown_extensions=["admonition", "tables"])
    quiet = mkdocs_cli(site.root, GITHUB_ACTIONS="")
    assert "::" not in quiet.stdout
    result = mkdocs_cli(site.root, GITHUB_ACTIONS="true")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(lines) == len(EXPECTED)
    assert lines[0] == (
        "::warning file=docs/guide/orphan.md,title=backlinks%3A Orphaned pages::backlinks: orphaned page: "
        "no other page links to 'guide/orphan.md' (Orphan page)"
    )
    assert lines[1].startswith(
        "::warning file=docs/guide/orphan.md,line=3,col=25,endLine=3,endColumn=38,title=backlinks%3A Broken links::"
        "backlinks: broken link 'setpu.md' to guide/setpu.md (missing); did you mean 'guide/setup.md'?"
    )
    assert not (site.root / "findings.jsonl").exists()


def test_nothing_asked_nothing_written(make_site) -> None:
    site = make_site(DOCS, {"unlinked_mentions": "warn"}, markdown_extensions=["admonition", "tables"])
    result = mkdocs_cli(site.root, GITHUB_ACTIONS="false")
    assert result.returncode == 0 and "::" not in result.stdout
    assert sorted(p.name for p in site.root.iterdir()) == ["docs", "mkdocs.yml", "site"]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"findings_file": "findings.json"}, "option 'findings_file': cannot tell the format of 'findings.json'"),
        ({"findings_file": "docs/f.sarif"}, "option 'findings_file': 'docs/f.sarif' is inside docs_dir"),
        ({"findings_file": "f.sarif", "findings_format": "csv"}, "findings_format"),
    ],
)
def test_option_mistakes_in_one_line(make_site, options, message) -> None:
    site = make_site({"index.md": "# Home\n"}, options)
    result = mkdocs_cli(site.root)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr


def test_generated_page_named_without_a_line(make_site) -> None:
    """A page gen-files writes has no Markdown source: its findings name it, without a line."""
    script = "import mkdocs_gen_files\nwith mkdocs_gen_files.open('gen.md', 'w') as f:\n    f.write('# Gen\\n\\n[x](nope.md)\\n')\n"
    site = make_site(
        {"index.md": "# Home\n\n[gen](gen.md)\n", "../gen_pages.py": script},
        {"findings_file": "findings.jsonl", "dead_ends": "ignore"},
        plugins=[{"gen-files": {"scripts": ["gen_pages.py"]}}, {"backlinks": {"findings_file": "findings.jsonl"}}],
    )
    site.build()
    records = [json.loads(line) for line in (site.root / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    broken = [r for r in records if r["check"] == "broken_links"]
    assert [(r["page"], r["file"], r["line"]) for r in broken] == [("gen.md", None, None)]
