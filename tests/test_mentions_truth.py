"""Unlinked mentions on a 1,000-page synthetic site against the truth the generator planted
(benchmarks/generate.py --profile docs --mentions N): precision and recall must both be 1.000,
in the export, the check's findings and the panels. One build (about 20 s)."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote

from mkdocs.commands.build import build
from mkdocs.config import load_config

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
MENTION_LINK = re.compile(r'<a class="backlinks__mention-link" href="([^"]*)">')
MENTIONS_PART = re.compile(r'<details class="backlinks__mentions">.*?</details>', re.S)


def _generator():
    name = "_mentions_truth_generate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / "generate.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while being created
        spec.loader.exec_module(module)
    return sys.modules[name]


def precision_recall(found: set, truth: set) -> tuple:
    hits = len(found & truth)
    return (hits / len(found) if found else 1.0, hits / len(truth) if truth else 1.0)


def test_planted_mentions_are_found_exactly(tmp_path):
    options = {"unlinked_mentions": "info", "mentions_in_panel": True, "graph_file": "links.json"}
    truth = _generator().generate(
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

    # Each target's panel lists exactly its mentioning pages (hrefs resolved to pages).
    urls = {node["url"]: node["id"] for node in data["nodes"]}
    site = tmp_path / "site"
    for node in data["nodes"]:
        url = unquote(node["url"])
        page = site / (url + "index.html" if url.endswith("/") else url)
        part = MENTIONS_PART.search(page.read_text(encoding="utf-8"))
        base = "" if node["url"] == "./" else node["url"]
        listed = set()
        for href in MENTION_LINK.findall(part.group() if part else ""):
            listed.add(urls[_resolve(base, html.unescape(href))])
        assert listed == {frm for frm, to in pairs if to == node["id"]}, node["id"]


def _resolve(base: str, href: str) -> str:
    """`href` seen from the page at site URL `base`, as a site URL (directory URLs)."""
    parts = base.split("/")[:-1]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    url = "/".join(parts) + ("/" if href.endswith("/") else "")
    return url or "./"
