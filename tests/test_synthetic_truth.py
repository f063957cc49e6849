"""End to end on a 1000-page synthetic wiki: every panel and every orphan warning must match the
link graph the generator wrote (benchmarks/generate.py), in both URL modes."""

from __future__ import annotations

import logging
import re
from collections import Counter

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import content_digest, load_benchmark

generate = load_benchmark("generate")
check = load_benchmark("check")

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


@pytest.fixture
def mkdocs_records(caplog):
    """INFO and above from MkDocs and its plugins, during the test (some reports are INFO)."""
    logger = logging.getLogger("mkdocs")
    # `mkdocs.__main__` turns propagation off when the CLI runs in-process; catch records anyway.
    attach = not logger.propagate
    if attach:
        logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="mkdocs")
    try:
        yield caplog
    finally:
        if attach:
            logger.removeHandler(caplog.handler)


def test_synthetic_site_matches_truth(synthetic_build):
    truth = synthetic_build.truth
    messages = synthetic_build.messages(logging.WARNING)
    # MkDocs itself must agree with the generator about which links are broken, so every other
    # Markdown link of the site reached an existing page (raw HTML hrefs the generator checks).
    broken = sorted([m.group(1), m.group(2)] for m in map(NOT_FOUND.search, messages) if m)
    assert broken == truth["broken"]

    mismatches = check.check_site(str(synthetic_build.root))
    assert mismatches == [], "\n".join(mismatches[:50])

    plugin = synthetic_build.messages(plugins_only=True)
    # Orphans are warnings by default (they fail `mkdocs build --strict`); no check reports at
    # `error` by default, so what the plugin logs at WARNING and above is warnings.
    assert synthetic_build.messages(logging.ERROR, plugins_only=True) == []
    warnings = synthetic_build.messages(logging.WARNING, plugins_only=True)
    orphans = reported(warnings, r"Orphaned page '(.*)': no other page links to it", r"\borphaned page")
    assert sorted(orphans) == truth["orphans"]
    assert len(orphans) == len(set(orphans)), "an orphan was reported twice"
    # The other page checks report at their default levels (dead ends: info; unreachable: warn).
    for name, one, grouped in (
        ("dead_ends", r"Dead-end page '(.*)'", r"\bdead-end page"),
        ("unreachable", r"Unreachable page '(.*)'", r"\bunreachable page"),
    ):
        assert sorted(reported(plugin, one, grouped)) == truth[name], name

    # The plugin's broken-link report counts every broken link once.
    counts = [re.search(r"\b(\d+) broken link\(s\)", message.split("\n", 1)[0]) for message in plugin]
    assert [int(match.group(1)) for match in counts if match] == [len(truth["broken"])]

    # Nothing else in the generated Markdown may surprise MkDocs.
    core = (Counter(messages) - Counter(warnings)).elements()  # what MkDocs itself logged
    assert [msg for msg in core if not NOT_FOUND.search(msg)] == []


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_docs_profile_with_mentions_matches_truth(tmp_path, mkdocs_records, directory_urls):
    # The docs-like profile with planted mentions: same arguments give the same bytes, the
    # pages hold about 10 content links each, MkDocs builds them without surprise, and every
    # panel matches the truth. (The generator itself checks the planted mentions against an
    # independent scan of the pages it wrote; it would stop here if they disagreed.)
    options = dict(seed=5, directory_urls=directory_urls, profile="docs", mentions=40)
    truth = generate.generate(str(tmp_path / "one"), 300, **options)
    generate.generate(str(tmp_path / "two"), 300, **options)
    assert content_digest(tmp_path / "one") == content_digest(tmp_path / "two")

    links_per_page = sum(n for _, _, n in truth["edges"]) / len(truth["pages"])
    assert 8 <= links_per_page <= 14
    assert len(truth["mentions"]) == 40
    assert sum(pair["count"] for pair in truth["mention_pairs"]) == 40
    # The decoys are there: without the rule "not on a page that links the target", the scan
    # finds more (the mentions on linking pages and on the target itself).
    scan = load_benchmark("mention_scan")
    pages = sorted(truth["pages"])
    linked = {(source, target) for source, target, _ in truth["edges"]}
    assert len(scan.scan(str(tmp_path / "one" / "docs"), pages, linked)) == 40
    assert len(scan.scan(str(tmp_path / "one" / "docs"), pages, set())) > 40

    cfg = load_config(config_file=str(tmp_path / "one" / "mkdocs.yml"))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg, dirty=False)
    finally:
        cfg.plugins.on_shutdown()
    core = [
        r.getMessage()
        for r in mkdocs_records.records
        if r.levelno >= logging.WARNING and not r.name.startswith("mkdocs.plugins")
    ]
    broken = sorted([m.group(1), m.group(2)] for m in map(NOT_FOUND.search, core) if m)
    assert broken == truth["broken"]
    assert [msg for msg in core if not NOT_FOUND.search(msg)] == []
    mismatches = check.check_site(str(tmp_path / "one"))
    assert mismatches == [], "\n".join(mismatches[:50])
