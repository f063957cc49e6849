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

import jsonschema
import pytest

from ci_sites import DOCS, EXPECTED, OPTIONS, SCHEMA, check_findings


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
