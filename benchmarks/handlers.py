"""Where the plugin's time goes inside one `mkdocs build`: CPU time of each event handler.

    python benchmarks/handlers.py SITE [--variants plain,backlinks,titles] [--runs 3]

SITE is a folder made by `run.py` (it holds `mkdocs-NAME.yml` for each variant). Each build runs
in its own process, `build()` called in-process with the plugin's event handlers wrapped to add
up their CPU time (`time.process_time`, which another process's load barely moves, unlike wall
time); Python's cycle collector is timed too, in and out of the handlers. Variants are built in
pairs with `plain`, alternating which goes first. It prints, as medians over the pairs: each
build's CPU time, the difference to `plain`, and each handler's CPU time and share of the plain
build; `--json` keeps every run.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Dict, List

EVENTS = ("on_config", "on_nav", "on_env", "on_page_context", "on_post_page", "on_post_build")


def measure(config_file: str) -> Dict[str, float]:
    """One build of `config_file` in this process: CPU seconds of the build, of each handler of
    the plugin, and of the cycle collector (in all, and inside the handlers)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from mkdocs_backlinks.plugin.plugin import BacklinksPlugin

    spent: Dict[str, float] = {name: 0.0 for name in EVENTS}
    collector = {"gc": 0.0, "gc_in_handlers": 0.0, "collections": 0}
    inside = [False]
    started = [0.0]

    def on_collection(phase: str, info: Dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.process_time()
            return
        took = time.process_time() - started[0]
        collector["gc"] += took
        collector["collections"] += 1
        if inside[0]:
            collector["gc_in_handlers"] += took

    def timed(name: str, method):
        @functools.wraps(method)  # keeps `mkdocs_priority`
        def wrapper(*args, **kwargs):
            inside[0] = True
            start = time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start
                inside[0] = False

        return wrapper

    for name in EVENTS:
        setattr(BacklinksPlugin, name, timed(name, getattr(BacklinksPlugin, name)))
    gc.callbacks.append(on_collection)
    config = load_config(config_file=config_file)
    start = time.process_time()
    build(config)
    total = time.process_time() - start
    return {"build": total, **spent, **collector}


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?")
    parser.add_argument("--variants", default="plain,backlinks")
    parser.add_argument("--runs", type=int, default=3, help="pairs per variant")
    parser.add_argument("--json", help="write every run here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    if not args.site:
        parser.error("SITE is required")

    def run(name: str) -> Dict[str, float]:
        config = os.path.join(args.site, f"mkdocs-{name}.yml")
        out = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--child", config],
            cwd=args.site, capture_output=True, text=True, check=True,
        )  # fmt: skip
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"  {name:<10} build CPU {result['build']:6.2f}s  gc {result['gc']:5.2f}s", file=sys.stderr)
        return result

    contenders = [name for name in args.variants.split(",") if name != "plain"]
    pairs: Dict[str, List[tuple]] = {name: [] for name in contenders}
    for i in range(args.runs):
        for j, name in enumerate(contenders):
            first, second = ("plain", name) if (i + j) % 2 == 0 else (name, "plain")
            results = {first: run(first), second: run(second)}
            pairs[name].append((results["plain"], results[name]))

    def median(values) -> float:
        return statistics.median(list(values))

    for name, runs in pairs.items():
        plain = median(p["build"] for p, _ in runs)
        print(
            f"\n{name}: build CPU {median(v['build'] for _, v in runs):.3f}s against plain {plain:.3f}s, "
            f"ratio {median(v['build'] / p['build'] for p, v in runs):.4f}x (medians of {len(runs)} pairs)"
        )
        print(f"{'':18} {'CPU s':>8} {'of plain':>9}")
        handlers = 0.0
        for event in EVENTS:
            seconds = median(v[event] for _, v in runs)
            handlers += seconds
            print(f"{event:18} {seconds:8.3f} {median(v[event] / p['build'] for p, v in runs):9.2%}")
        print(
            f"{'all handlers':18} {handlers:8.3f} "
            f"{median(sum(v[e] for e in EVENTS) / p['build'] for p, v in runs):9.2%}"
        )
        print(
            f"{'difference':18} {median(v['build'] - p['build'] for p, v in runs):8.3f} "
            f"{median(v['build'] / p['build'] - 1 for p, v in runs):9.2%}"
        )
        print(f"{'gc (plain)':18} {median(p['gc'] for p, _ in runs):8.3f}")
        print(
            f"{'gc (variant)':18} {median(v['gc'] for _, v in runs):8.3f}  in handlers "
            f"{median(v['gc_in_handlers'] for _, v in runs):.3f}"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(pairs, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
