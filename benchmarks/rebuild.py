"""How much does the plugin add to a `mkdocs serve` rebuild? Rebuilds as serve runs them.

    python benchmarks/rebuild.py [--size 5000] [--rebuilds 2] [--rounds 2]

`mkdocs serve` keeps plugins that define `on_startup` across rebuilds, reloads the config and
builds the whole site again after every change. This script does the same in one process per
variant (`plain`: search only; `backlinks`: search and this plugin), on a synthetic site from
generate.py: one first build, then `--rebuilds` timed rebuilds, each after editing one page (a
link added). The variants' processes alternate for `--rounds` rounds; it prints the median
rebuild time of each and their ratio. The first build (a cold start for the plugin) is not timed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
VARIANTS = {"plain": ["search"], "backlinks": ["search", "backlinks"]}


def _generate(site: str, size: int) -> None:
    spec = importlib.util.spec_from_file_location("_benchmarks_generate", os.path.join(HERE, "generate.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    module.generate(site, size, plugins=VARIANTS["plain"], nav="sections")


def rebuild_times(config_file: str, rebuilds: int) -> list:
    """Run in a child process: a first build, then `rebuilds` timed rebuilds after edits."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    first = load_config(config_file=config_file)
    first.plugins.on_startup(command="serve", dirty=False)
    docs = first.docs_dir
    edited = os.path.join(docs, "index.md")
    with open(edited, encoding="utf-8") as fh:
        original = fh.read()
    times = []
    try:
        for number in range(rebuilds + 1):
            config = load_config(config_file=config_file)  # what serve does on every change
            start = time.perf_counter()
            build(config, serve_url="http://127.0.0.1:8000/")
            if number:
                times.append(time.perf_counter() - start)
            with open(edited, "w", encoding="utf-8") as fh:
                fh.write(original + f"\n\nEdit {number}: [another link](api/index.md)\n")
    finally:
        with open(edited, "w", encoding="utf-8") as fh:
            fh.write(original)
        first.plugins.on_shutdown()
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--rebuilds", type=int, default=2, help="timed rebuilds per process")
    parser.add_argument("--rounds", type=int, default=2, help="processes per variant, alternating")
    parser.add_argument("--out", default=os.path.join(HERE, "out"))
    parser.add_argument("--child", nargs=2, metavar=("CONFIG", "REBUILDS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(rebuild_times(args.child[0], int(args.child[1]))))
        return 0

    site = os.path.join(args.out, f"rebuild-{args.size}")
    _generate(site, args.size)
    configs = {}
    with open(os.path.join(site, "mkdocs.yml"), encoding="utf-8") as fh:
        base = fh.read()
    for name, plugins in VARIANTS.items():
        path = configs[name] = os.path.join(site, f"mkdocs-{name}.yml")
        text = base.split("\nplugins:")[0] + "\nplugins:\n" + "".join(f"  - {p}\n" for p in plugins)
        text += f"site_dir: site-{name}\n"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    times = {name: [] for name in VARIANTS}
    for round_ in range(args.rounds):
        for name in VARIANTS:
            result = subprocess.run(
                [sys.executable, __file__, "--child", configs[name], str(args.rebuilds)],
                cwd=site,
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise SystemExit(f"{name} failed:\n{result.stderr[-3000:]}")
            found = json.loads(result.stdout.strip().splitlines()[-1])
            times[name].extend(found)
            print(f"round {round_ + 1} {name}: " + ", ".join(f"{t:.2f}s" for t in found), file=sys.stderr)
    plain, ours = statistics.median(times["plain"]), statistics.median(times["backlinks"])
    print(
        f"{args.size} pages, serve rebuild (median of {len(times['plain'])}): plain {plain:.2f} s, "
        f"with the plugin {ours:.2f} s ({ours / plain:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
