"""End to end on a 1000-page synthetic wiki: every panel and every orphan warning must match the
link graph the generator wrote (benchmarks/generate.py), in both URL modes."""

from __future__ import annotations

import logging
import re

from conftest import load_benchmark

NOT_FOUND = re.compile(r"Doc file '(.*)' contains a link '(.*)', but the target(?: '.*')? is not found")


def reported(messages, one: str, grouped: str):
    """The pages a check of the plugin named, whether it logs one message per page (`one`, a
    regex with the page as group 1) or one grouped message (first line matching `grouped`,
    then one `  - page` line each)."""
    pages = []
    for message in messages:
        match = re.search(one, message)
        if match:
            pages.append(match.group(1))
        elif re.search(grouped, message.split("\n", 1)[0]):
            pages += [line[4:] for line in message.splitlines()[1:] if line.startswith("  - ")]
    return pages


def test_synthetic_site_matches_truth(synthetic_build):
    truth = synthetic_build.truth
    messages = synthetic_build.messages(logging.WARNING)
    # MkDocs itself must agree with the generator about which links are broken, so every other
    # Markdown link of the site reached an existing page (raw HTML hrefs the generator checks).
    broken = sorted([m.group(1), m.group(2)] for m in map(NOT_FOUND.search, messages) if m)
    assert broken == truth["broken"]

    mismatches = load_benchmark("check").check_site(str(synthetic_build.root))
    assert mismatches == [], "\n".join(mismatches[:50])

    plugin = [r for r in synthetic_build.records if r.name.startswith("mkdocs.plugins")]
    # Orphans are warnings by default (they fail `mkdocs build --strict`).
    warnings = [r.getMessage() for r in plugin if r.levelno == logging.WARNING]
    orphans = reported(warnings, r"Orphaned page '(.*)': no other page links to it", r"\borphaned page")
    assert sorted(orphans) == truth["orphans"]
    assert len(orphans) == len(set(orphans)), "an orphan was reported twice"
    # The other page checks report at their default levels (dead ends: info; unreachable: warn).
    for name, one, grouped in (
        ("dead_ends", r"Dead-end page '(.*)'", r"\bdead-end page"),
        ("unreachable", r"Unreachable page '(.*)'", r"\bunreachable page"),
    ):
        assert sorted(reported([r.getMessage() for r in plugin], one, grouped)) == truth[name], name

    # The plugin's broken-link report counts every broken link once.
    counts = [re.search(r"\b(\d+) broken link\(s\)", r.getMessage().split("\n", 1)[0]) for r in plugin]
    assert [int(match.group(1)) for match in counts if match] == [len(truth["broken"])]

    # Nothing else in the generated Markdown may surprise MkDocs.
    core = [
        r.getMessage()
        for r in synthetic_build.records
        if r.levelno >= logging.WARNING and not r.name.startswith("mkdocs.plugins")
    ]
    assert [msg for msg in core if not NOT_FOUND.search(msg)] == []
