"""The command's findings for CI systems: the same findings, lines and fixes as the plugin's on
the same sources; `--findings` in each format; GitHub's annotations; `--suggest-diff`, whose
diff `git apply` applies to a copy of the example site with planted broken links and a mention,
after which the command reports none of them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Dict, List

import jsonschema
import pytest
import yaml

from ci_sites import DOCS, EXPECTED, OPTIONS, SCHEMA, check_findings

from .conftest import EXAMPLE, command, mkdocs16_build, run

EXTENSIONS = ["admonition", "tables"]


def write_site(root: Path, directory_urls: bool = True, **options: object) -> Path:
    """DOCS with two configs: mkdocs.yml with the plugin (and OPTIONS), plain.yml without it."""
    for path, text in DOCS.items():
        file = root / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text), encoding="utf-8")
    config = {"site_name": "Test site", "markdown_extensions": EXTENSIONS, "use_directory_urls": directory_urls}
    plugin = dict(OPTIONS, **options)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(dict(config, plugins=[{"backlinks": plugin}])), encoding="utf-8")
    (root / "plain.yml").write_text(yaml.safe_dump(dict(config, plugins=[])), encoding="utf-8")
    return root


def plain_build(root: Path, config: str = "plain.yml") -> None:
    """The site built without the plugin, as a generator the command serves would build it."""
    mkdocs16_build(root, "-f", config, "-d", "built")


def records_of(path: Path) -> List[Dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_same_findings_and_lines_as_the_plugin(tmp_path: Path, directory_urls: bool) -> None:
    root = write_site(tmp_path, directory_urls)
    mkdocs16_build(root)
    plugin = records_of(root / "findings.jsonl")
    plain_build(root)
    result = command("built", "--check", "--findings", "ours.jsonl", cwd=root)
    assert result.returncode == 0, result.stderr
    ours = records_of(root / "ours.jsonl")
    assert ours == plugin
    check_findings(root, ours)


def test_same_places_from_zensical_and_the_command(zensical, tmp_path: Path) -> None:
    """Zensical renders a missing page's `.md` link as a URL (`gone/`), so the message names that
    href; the places, the fixes and everything else are the plugin's."""
    root = write_site(tmp_path)
    mkdocs16_build(root)
    plugin = records_of(root / "findings.jsonl")
    run([zensical, "build"], root)
    result = command("site", "--check", "--findings", "ours.jsonl", cwd=root)
    assert result.returncode == 0, result.stderr
    ours = records_of(root / "ours.jsonl")

    def without_message(records: List[Dict]) -> List[Dict]:
        return [{key: value for key, value in record.items() if key != "message"} for record in records]

    assert without_message(ours) == without_message(plugin)
    check_findings(root, ours)


def test_findings_formats_and_config_option(tmp_path: Path) -> None:
    root = write_site(tmp_path, findings_file="from-config.xml")
    plain_build(root)
    assert command("built", "--check", cwd=root).returncode == 0
    suites = ET.parse(root / "from-config.xml").getroot()
    failed = [case.get("name") for case in suites.iter("testcase") if case.find("failure") is not None]
    assert failed == ["orphans", "broken_links", "unlinked_mentions"]
    broken = next(case for case in suites.iter("testcase") if case.get("name") == "broken_links")
    failure = broken.find("failure")
    assert failure is not None
    assert len((failure.text or "").splitlines()) == sum(1 for e in EXPECTED if e[0] == "broken_links")
    assert command("built", "--check", "--findings", "cli.sarif", cwd=root).returncode == 0
    jsonschema.validate(json.loads((root / "cli.sarif").read_text(encoding="utf-8")), SCHEMA)
    result = command("built", "--check", "--findings", "x.txt", "--findings-format", "jsonl", cwd=root)
    assert result.returncode == 0 and len(records_of(root / "x.txt")) == len(EXPECTED)


def test_findings_file_mistake_is_one_line(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    plain_build(root)
    result = command("built", "--findings", "findings.json", cwd=root)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "ERROR   -  backlinks: --findings: cannot tell the format of 'findings.json' from its extension: name it "
        ".sarif, .xml (JUnit) or .jsonl, or give the format"
    ]


def test_github_annotations_from_the_command(tmp_path: Path) -> None:
    root = write_site(tmp_path, findings_file=None)
    plain_build(root)
    env = dict(os.environ, GITHUB_ACTIONS="true")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_backlinks", "built", "--check"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(EXPECTED) and all(line.startswith("::warning ") for line in lines)
    assert "file=docs/index.md,line=7,col=3," in lines[-2]  # the link in the table
    # With --suggest-diff, stdout is the diff alone.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_backlinks", "built", "--check", "--suggest-diff"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.stdout.startswith("--- a/docs/guide/orphan.md\n") and "::" not in result.stdout


PLANTED = "\nMore in [the orphans guide](guide/orphan.md) and [the options][o]; see also Seeing the link graph.\n\n[o]: guide/configuraton.md\n"


def copy_example_plain(root: Path) -> Path:
    """The example site with broken links and mentions reported as warnings, and a plain.yml
    that builds it without the plugin."""
    shutil.copytree(EXAMPLE / "docs", root / "docs")
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    entry = next(p for p in config["plugins"] if isinstance(p, dict) and "backlinks" in p)
    entry["backlinks"].update(broken_links="warn", unlinked_mentions="warn", findings_file="findings.jsonl")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    config["plugins"] = [p for p in config["plugins"] if p is not entry]
    (root / "plain.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def test_suggest_diff_applies_and_fixes_what_it_suggests(tmp_path: Path) -> None:
    root = copy_example_plain(tmp_path)
    page = root / "docs" / "getting-started.md"
    page.write_text(page.read_text(encoding="utf-8") + PLANTED, encoding="utf-8")
    plain_build(root)
    before = {path: path.read_bytes() for path in (root / "docs").rglob("*.md")}
    result = command("built", "--check", "--suggest-diff", cwd=root)
    assert result.returncode == 0, result.stderr
    diff = result.stdout
    assert {path: path.read_bytes() for path in (root / "docs").rglob("*.md")} == before  # nothing written
    assert (
        "+More in [the orphans guide](guide/orphans.md) and [the options][o]; see also [Seeing the link graph]" in diff
    )
    assert "+[o]: guide/configuration.md" in diff
    findings = records_of(root / "findings.jsonl")
    planted = [f for f in findings if f["page"] == "getting-started.md"]
    assert {f["check"] for f in planted} == {"broken_links", "unlinked_mentions"} and len(planted) == 3

    (root / "fix.patch").write_text(diff, encoding="utf-8")
    assert git(root, "init", "-q").returncode == 0
    applied = git(root, "apply", "fix.patch")
    assert applied.returncode == 0, applied.stderr

    plain_build(root)
    result = command("built", "--check", "--findings", "after.jsonl", cwd=root)
    assert result.returncode == 0, result.stderr
    after = records_of(root / "after.jsonl")
    assert not [f for f in after if f["page"] == "getting-started.md"]
    assert not [f for f in after if f["fix"]]  # every fix the diff held is made
    assert command("built", "--check", "--suggest-diff", cwd=root).stdout == ""
