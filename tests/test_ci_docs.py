"""The CI recipes of the example site's "Link health in CI" page, run as far as they run here:
the commands each job calls (not `pip install`), on a copy of the example site with its
`findings_file` setting and a planted broken link; the gate fails, and the file each job uploads
is there, valid, with the finding at its line."""

from __future__ import annotations

import json
import os
import re
import shlex
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

from ci_sites import SCHEMA

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "example_site" / "docs" / "guide" / "ci.md"
PLANTED = "\nA link that went away: [the old page](gone.md).\n"


def blocks() -> Dict[str, str]:
    """The page's code blocks that start with a `# file name` comment, by that name."""
    found = {}
    for body in re.findall(r"^```\w*\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.S | re.M):
        first, _, _ = body.partition("\n")
        if first.startswith("# "):
            found[first[2:].strip()] = body
    return found


def example_copy(root: Path) -> Path:
    """The example site with the page's `findings_file` line (`!ENV` and all) and a broken link."""
    shutil.copytree(ROOT / "example_site" / "docs", root / "docs")
    line = re.search(r"^\s*findings_file: (.*)$", blocks()["mkdocs.yml"], re.M)
    assert line is not None
    config = yaml.safe_load((ROOT / "example_site" / "mkdocs.yml").read_text(encoding="utf-8"))
    entry = next(p for p in config["plugins"] if isinstance(p, dict) and "backlinks" in p)
    entry["backlinks"]["findings_file"] = "FINDINGS-SETTING"
    text = yaml.safe_dump(config, sort_keys=False).replace("FINDINGS-SETTING", line.group(1))
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    with open(root / "docs" / "guide" / "panel.md", "a", encoding="utf-8") as page:
        page.write(PLANTED)
    return root


def run_lines(lines: List[str], root: Path, env: Dict[str, str], zensical: Path = Path("zensical")) -> List[int]:
    """Run each command line as the job would (`pip install` left out), the tools replaced by
    this interpreter's (and the Zensical venv's); their exit statuses."""
    statuses = []
    for line in lines:
        argv = shlex.split(line)
        if argv[:2] == ["pip", "install"]:
            continue
        tools = {
            "mkdocs": [sys.executable, "-m", "mkdocs"],
            "mkdocs-backlinks": [sys.executable, "-m", "mkdocs_backlinks"],
            "zensical": [str(zensical)],
        }
        assert argv[0] in tools, line
        result = subprocess.run(
            tools[argv[0]] + argv[1:],
            cwd=root,
            capture_output=True,
            text=True,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1", **env),
            timeout=300,
        )
        statuses.append(result.returncode)
        if result.returncode != 0:
            break  # a failing step stops the job; the steps marked `always` still run
    return statuses


def check_sarif(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(doc, SCHEMA)
    broken = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "broken_links"]
    assert len(broken) == 1
    location = broken[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/guide/panel.md"
    lines = (path.parent / "docs" / "guide" / "panel.md").read_text(encoding="utf-8").splitlines()
    region = location["region"]
    assert lines[region["startLine"] - 1][region["startColumn"] - 1 :].startswith("[the old page](gone.md)")


def test_github_workflow(tmp_path: Path) -> None:
    workflow = yaml.safe_load(blocks()[".github/workflows/docs.yml"])
    assert workflow["permissions"]["security-events"] == "write"  # upload-sarif needs it
    steps = workflow["jobs"]["docs"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    upload = next(step for step in steps if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    assert upload["if"] == "always()"  # the findings go up when the gate fails too
    root = example_copy(tmp_path)
    statuses = run_lines(runs, root, {"GITHUB_ACTIONS": "true"})
    assert statuses == [1]  # `mkdocs build --strict` fails on the broken link...
    check_sarif(root / upload["with"]["sarif_file"])  # ...and the file to upload is there


def test_github_workflow_with_zensical(tmp_path: Path) -> None:
    zensical = ROOT / ".venv-zensical" / "bin" / "zensical"
    if not zensical.is_file():
        pytest.skip(".venv-zensical is missing: run `make generators`")
    steps = yaml.safe_load(textwrap.dedent(zensical_steps()))
    runs = [step["run"] for step in steps]
    assert runs[0] == "zensical build" and runs[1].startswith("mkdocs-backlinks ")
    root = example_copy(tmp_path)
    # The command reads the site's options (findings_file too) from mkdocs.yml; --findings wins.
    statuses = run_lines(runs, root, {"GITHUB_ACTIONS": "true"}, zensical)
    assert statuses == [0, 1]
    check_sarif(root / "findings.sarif")


def zensical_steps() -> str:
    """The page's steps for a site Zensical builds (a YAML block without a file name)."""
    for body in re.findall(r"^```yaml\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.S | re.M):
        if "zensical build" in body:
            return str(body)
    raise AssertionError("no Zensical steps on the page")


def test_gitlab_job(tmp_path: Path) -> None:
    job = yaml.safe_load(blocks()[".gitlab-ci.yml"])["docs"]
    assert job["artifacts"]["when"] == "always"
    report = job["artifacts"]["reports"]["junit"]
    root = example_copy(tmp_path)
    statuses = run_lines(job["script"], root, {str(k): str(v) for k, v in job["variables"].items()})
    assert statuses == [1]
    suites = ET.parse(root / report).getroot()
    failed = {case.get("name"): case.find("failure") for case in suites.iter("testcase")}
    failure = failed.pop("broken_links")
    assert failure is not None and (failure.text or "").startswith("docs/guide/panel.md:")
    assert all(other is None for other in failed.values())
    assert suites.get("failures") == "1"
    assert not (root / "findings.sarif").exists()  # the variable chose JUnit
