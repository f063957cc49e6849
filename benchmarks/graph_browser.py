"""The site graph in headless Chromium: how long its layout takes to settle and a redraw takes
once settled, for a generated site (10,000 pages and 30,000 links unless told otherwise).

    python benchmarks/graph_browser.py [--pages 10000] [--links 30000] [--runs 3]

Prints one line per run and the median. Needs Debian's `chromium`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path
from typing import List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from mkdocs_backlinks.core.site_graph import SiteGraphPage, write_site_graph  # noqa: E402

SECTIONS = ["Guide", "Reference", "Tutorials", "Blog", "About", "API", "How-to", ""]


def generated_site(pages: int, links: int, seed: int = 1) -> Tuple[List[SiteGraphPage], List[Tuple[str, str]]]:
    """A site shaped like real documentation: sections, most links within a section, a few
    much-linked pages, some orphans and unreachable pages. Same seed, same site."""
    rng = random.Random(seed)
    nodes = []
    for i in range(pages):
        section = SECTIONS[min(len(SECTIONS) - 1, int(rng.paretovariate(1.2)) - 1)]
        nodes.append(
            SiteGraphPage(
                key=f"p{i}.md",
                title=f"{section or 'Page'} page {i}",
                href=f"p{i}/",
                section=section,
                score=min(100.0, rng.paretovariate(1.5) * 2),
                orphan=rng.random() < 0.02,
                unreachable=rng.random() < 0.01,
            )
        )
    by_section = {}
    for node in nodes:
        by_section.setdefault(node.section, []).append(node.key)
    hubs = [node.key for node in nodes[: max(1, pages // 200)]]
    edges = set()
    while len(edges) < links:
        source = nodes[rng.randrange(pages)]
        roll = rng.random()
        if roll < 0.7:
            target = rng.choice(by_section[source.section])
        elif roll < 0.85:
            target = rng.choice(hubs)
        else:
            target = nodes[rng.randrange(pages)].key
        if target != source.key:
            edges.add((source.key, target))
    return nodes, sorted(edges)


def write_graph(directory: Path, pages: int, links: int) -> Path:
    """Write the graph page of a generated site into `directory`; return its path."""
    nodes, edges = generated_site(pages, links)
    write_site_graph(str(directory), "graph.html", "Generated site", nodes, edges)
    return directory / "graph.html"


def measure(url: str, redraws: int = 10) -> dict:
    """Open the graph page at `url`; return settle time, median redraw time and any problems."""
    import cdp

    with cdp.Chromium(window="1280,900", timeout=120) as browser:
        browser.open(url)
        browser.wait_for("document.body.dataset.graphState === 'settled'", timeout=120)
        settle = browser.evaluate("backlinksSiteGraph.settleMs")
        ticks = browser.evaluate("backlinksSiteGraph.ticks")
        # Problems are read before the redraws: reading pixels back again and again (to time
        # the drawing finished, not just queued) earns a console hint of its own.
        problems = browser.problems()
        times = [browser.evaluate("backlinksSiteGraph.redraw()") for _ in range(redraws)]
        return {
            "settle_ms": settle,
            "ticks": ticks,
            "redraw_ms": statistics.median(times),
            "redraw_min_ms": min(times),
            "redraw_max_ms": max(times),
            "problems": problems,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--links", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page = write_graph(Path(tmp), args.pages, args.links)
        size = sum(f.stat().st_size for f in Path(tmp).iterdir())
        print(f"{args.pages:,} pages, {args.links:,} links; page and assets {size / 1e6:.1f} MB")
        settles, redraws = [], []
        for run in range(args.runs):
            result = measure(page.as_uri())
            settles.append(result["settle_ms"])
            redraws.append(result["redraw_ms"])
            print(
                f"run {run + 1}: settled in {result['settle_ms']:.0f} ms ({result['ticks']} ticks), "
                f"redraw {result['redraw_ms']:.1f} ms "
                f"(min {result['redraw_min_ms']:.1f}, max {result['redraw_max_ms']:.1f})"
                + (f", PROBLEMS: {result['problems']}" if result["problems"] else "")
            )
        print(f"median: settle {statistics.median(settles):.0f} ms, redraw {statistics.median(redraws):.1f} ms")


if __name__ == "__main__":
    main()
