"""The graph export of the synthetic benchmark site against the generator's own ground truth
(benchmarks/generate.py writes truth.json from the links it wrote, independently of the plugin):
edges with their counts, orphans, dead ends, unreachable pages and broken links must be equal."""

from __future__ import annotations

import importlib.util
import inspect
import json
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml

GENERATE = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


def load_generator():
    name = "_export_truth_generate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, GENERATE)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while being created
        spec.loader.exec_module(module)
    return sys.modules[name]


def export_edges(data: dict) -> List[list]:
    """The export's edges summed per (from, to): the truth's `[source, target, count]` form."""
    counts: Dict[Tuple[str, str], int] = {}
    for edge in data["edges"]:
        key = (edge["from"], edge["to"])
        counts[key] = counts.get(key, 0) + edge["count"]
    return [[source, target, count] for (source, target), count in sorted(counts.items())]


def export_broken(data: dict) -> List[list]:
    """Every broken link occurrence as `[page, href]`, the truth's form."""
    return sorted(
        [source["page"], source["href"]]
        for finding in data["checks"]["broken_links"]["findings"]
        for source in finding["sources"]
        for _ in range(source["count"])
    )


@pytest.mark.parametrize("directory_urls, pages", [(True, 1000), (False, 300)], ids=["dir-urls-1000", "file-urls-300"])
def test_export_equals_the_generators_truth(tmp_path, directory_urls, pages):
    generate = load_generator()
    options = {}
    if "nav" in inspect.signature(generate.generate).parameters:
        options["nav"] = "sections"  # most pages outside the nav, so reachability matters
    truth = generate.generate(str(tmp_path), pages, seed=11, directory_urls=directory_urls, **options)

    config_file = tmp_path / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    levels = {name: "info" for name in ("orphans", "unreachable", "dead_ends", "broken_links", "hubs")}
    config["plugins"] = ["search", {"backlinks": dict(levels, graph_file="links.json")}]
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(config_file))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    data = json.loads((tmp_path / "site" / "links.json").read_text(encoding="utf-8"))

    assert [node["id"] for node in data["nodes"]] == sorted(truth["pages"])
    assert {node["id"]: node["url"] for node in data["nodes"]} == {
        src: page["url"] or "./" for src, page in truth["pages"].items()
    }
    assert export_edges(data) == truth["edges"]
    checks = data["checks"]
    assert checks["orphans"]["findings"] == truth["orphans"]
    assert checks["dead_ends"]["findings"] == truth["dead_ends"]
    assert export_broken(data) == truth["broken"]
    if "unreachable" in truth:
        assert checks["unreachable"]["findings"] == truth["unreachable"]
    # Inlinks and linking pages follow from the same edges.
    inlinks: Dict[str, int] = {}
    for _source, target, count in truth["edges"]:
        inlinks[target] = inlinks.get(target, 0) + count
    assert {node["id"]: node["metrics"]["inlinks"] for node in data["nodes"]} == {
        src: inlinks.get(src, 0) for src in truth["pages"]
    }
    assert {node["id"]: node["metrics"]["linking_pages"] for node in data["nodes"]} == {
        src: len(sources) for src, sources in truth["backlinks"].items()
    }
