"""The graph export of the synthetic benchmark site against the generator's own ground truth
(benchmarks/generate.py writes truth.json from the links it wrote, independently of the plugin):
edges with their counts, orphans, dead ends, unreachable pages and broken links must be equal."""

from __future__ import annotations

import json
from typing import Dict, List, Tuple


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


def test_export_equals_the_generators_truth(synthetic_build):
    truth = synthetic_build.truth
    data = json.loads((synthetic_build.root / "site" / "links.json").read_text(encoding="utf-8"))

    assert [node["id"] for node in data["nodes"]] == sorted(truth["pages"])
    assert {node["id"]: node["url"] for node in data["nodes"]} == {
        src: page["url"] or "./" for src, page in truth["pages"].items()
    }
    assert export_edges(data) == truth["edges"]
    checks = data["checks"]
    assert checks["orphans"]["findings"] == truth["orphans"]
    assert checks["dead_ends"]["findings"] == truth["dead_ends"]
    assert export_broken(data) == truth["broken"]
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
