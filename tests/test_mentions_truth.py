"""Unlinked mentions on a 1,000-page synthetic site against the truth the generator planted
(benchmarks/generate.py --profile docs --mentions N): precision and recall must both be 1.000,
in the export, the check's findings and the panels. One build (about 20 s)."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import load_benchmark, source_of_href

MENTION_LINK = re.compile(r'<a class="backlinks__mention-link" href="([^"]*)">')
MENTIONS_PART = re.compile(r'<details class="backlinks__mentions">.*?</details>', re.S)


def precision_recall(found: set, truth: set) -> tuple:
    hits = len(found & truth)
    return (hits / len(found) if found else 1.0, hits / len(truth) if truth else 1.0)


def test_planted_mentions_are_found_exactly(tmp_path):
    options = {"unlinked_mentions": "info", "mentions_in_panel": True, "graph_file": "links.json"}
    truth = load_benchmark("generate").generate(
        str(tmp_path), 1000, seed=3, profile="docs", mentions=200, plugins=["search", ("backlinks", options)]
    )
    pairs = {(p["from"], p["to"]): p["count"] for p in truth["mention_pairs"]}
    assert len(pairs) > 100

    cfg = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()

    data = json.loads((tmp_path / "site" / "links.json").read_text(encoding="utf-8"))
    found = {(m["from"], m["to"]): m["count"] for m in data["mentions"]}
    assert precision_recall(set(found), set(pairs)) == (1.0, 1.0), sorted(set(found) ^ set(pairs))[:20]
    assert found == pairs  # and every mention of each pair counted
    assert data["checks"]["unlinked_mentions"]["findings"] == sorted({to for _, to in pairs})

    # Each target's panel lists exactly its mentioning pages (hrefs resolved as a browser would).
    def site_url(node) -> str:  # the node's URL, decoded, as source_of_href takes it
        return "" if node["url"] == "./" else unquote(node["url"])

    by_url = {site_url(node): node["id"] for node in data["nodes"]}
    site = tmp_path / "site"
    for node in data["nodes"]:
        url = site_url(node)
        page = site / (url + "index.html" if url == "" or url.endswith("/") else url)
        part = MENTIONS_PART.search(page.read_text(encoding="utf-8"))
        listed = [
            source_of_href(href, url, by_url, cfg["use_directory_urls"])
            for href in MENTION_LINK.findall(part.group() if part else "")
        ]
        assert len(listed) == len(set(listed)), node["id"]  # each mentioning page once
        assert set(listed) == {frm for frm, to in pairs if to == node["id"]}, node["id"]
