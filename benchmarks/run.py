"""How much does the plugin add to `mkdocs build`? Whole builds, with and without it.

    python benchmarks/run.py [--sizes 1000,5000,10000] [--runs 3]

For each size, one synthetic site is generated (generate.py), then complete `mkdocs build -q`
processes are timed, alternating between the configurations in VARIANTS (all on the same
docs), after one untimed warm-up build of each. Every build is its own process, reaped with
os.wait4, so its CPU time and peak RSS are its own. Prints the raw runs and a Markdown table of
medians against the `plain` baseline.

To compare other plugins later, add a named configuration to VARIANTS (or pass
`--variant NAME=search,other-plugin`) and list it in `--variants`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from typing import Dict, List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))

# Named configurations: the plugins each one lists in mkdocs.yml. The first is the baseline.
VARIANTS: Dict[str, List[str]] = {
    "plain": ["search"],
    "backlinks": ["search", "backlinks"],
    # The two backlink plugins on PyPI before this one (`pip install .[bench]`), one per build.
    "section-plugin": ["search", "backlinks_section"],  # mkdocs-backlinks-section-plugin
    "mkdocs-backlinks": ["search", "mkdocs-backlinks"],  # mkdocs-backlinks (needs theme edits to show)
}
DEFAULT_VARIANTS = "plain,backlinks"
BASELINE = "plain"


def _load(name: str):
    """generate.py / check.py, imported by path (they are scripts, not a package)."""
    module_name = f"_benchmarks_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, os.path.join(HERE, f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


@dataclass
class Run:
    size: int
    variant: str
    run: int
    wall: float  # seconds
    cpu: float  # user + system seconds of the build process
    rss_mib: float  # peak resident set size of the build process


def _rss_mib(ru_maxrss: int) -> float:
    # Linux reports KiB, macOS bytes.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def timed_build(config: str, cwd: str) -> tuple:
    """Run one `mkdocs build -q` to completion; (wall s, CPU s, peak RSS MiB) of that process."""
    if not hasattr(os, "wait4"):
        raise SystemExit("benchmarks/run.py needs os.wait4 (Linux or macOS)")
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        # wait4 rather than proc.wait(): it returns the rusage of exactly this child.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-3000:]
            raise SystemExit(f"mkdocs build -f {config} failed ({proc.returncode}):\n{tail}")
    return wall, usage.ru_utime + usage.ru_stime, _rss_mib(usage.ru_maxrss)


def bench_size(args, size: int, variants: Dict[str, List[str]]) -> List[Run]:
    generate = _load("generate")
    site = os.path.join(args.out, f"pages-{size}")
    started = time.perf_counter()
    generate.generate(
        site, size, seed=args.seed, directory_urls=args.directory_urls, words=args.words,
        plugins=variants[BASELINE], nav=args.nav,
    )
    nav = generate.section_nav(_truth(site)["pages"]) if args.nav == "sections" else None
    configs = {}
    for name, plugins in variants.items():
        configs[name] = generate.write_config(
            site, plugins, args.directory_urls, filename=f"mkdocs-{name}.yml", site_dir=f"site-{name}", nav=nav
        )
    print(f"# {size} pages generated in {time.perf_counter() - started:.1f}s: {site}", file=sys.stderr)

    names = list(variants)
    for _ in range(args.warmup):
        for name in names:
            timed_build(configs[name], site)
    runs: List[Run] = []
    for i in range(args.runs):
        # Alternate the order so that neither variant always runs right after the other.
        for name in names if i % 2 == 0 else names[::-1]:
            wall, cpu, rss = timed_build(configs[name], site)
            runs.append(Run(size, name, i + 1, wall, cpu, rss))
            print(
                f"  {size:>6} pages  {name:<12} run {i + 1}: wall {wall:6.2f}s  cpu {cpu:6.2f}s  "
                f"peak RSS {rss:7.1f} MiB",
                file=sys.stderr,
            )
    if args.check:
        check = _load("check")
        for name, plugins in variants.items():
            if "backlinks" in plugins:
                mismatches = check.check_site(site, built=f"site-{name}")
                status = "OK" if not mismatches else f"{len(mismatches)} MISMATCH(ES)"
                print(f"  check {name}: {status}", file=sys.stderr)
                for message in mismatches[:20]:
                    print("    " + message, file=sys.stderr)
    return runs


def _truth(site: str) -> dict:
    with open(os.path.join(site, "truth.json"), encoding="utf-8") as fh:
        return json.load(fh)


def table(runs: List[Run], variants: List[str]) -> str:
    def median(size: int, name: str, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in runs if r.size == size and r.variant == name)

    lines = [
        "| pages | variant | plain wall (s) | variant wall (s) | wall ratio | CPU ratio "
        "| peak RSS plain / variant (MiB) | RSS ratio |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sorted({r.size for r in runs}):
        base_wall, base_cpu, base_rss = (median(size, BASELINE, a) for a in ("wall", "cpu", "rss_mib"))
        for name in variants:
            if name == BASELINE:
                continue
            wall, cpu, rss = (median(size, name, a) for a in ("wall", "cpu", "rss_mib"))
            lines.append(
                f"| {size} | {name} | {base_wall:.2f} | {wall:.2f} | {wall / base_wall:.2f}x "
                f"| {cpu / base_cpu:.2f}x | {base_rss:.0f} / {rss:.0f} | {rss / base_rss:.2f}x |"
            )
    return "\n".join(lines)


def environment(args) -> str:
    try:
        from importlib.metadata import version

        versions = f"mkdocs {version('mkdocs')}, mkdocs-backlinks-plugin {version('mkdocs-backlinks-plugin')}"
    except Exception:  # not installed: the build would fail anyway
        versions = "versions unknown"
    return (
        f"Python {platform.python_version()}, {versions}, {os.cpu_count()} CPUs, {platform.system()}; "
        f"nav={args.nav}, use_directory_urls={args.directory_urls}, ~{args.words} words/page, "
        f"seed {args.seed}, {args.runs} timed run(s) per variant after {args.warmup} warm-up; medians."
    )


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated page counts (default: 1000)")
    parser.add_argument("--runs", type=int, default=3, help="timed builds per variant and size")
    parser.add_argument("--warmup", type=int, default=1, help="untimed builds per variant first")
    parser.add_argument(
        "--variants", default=DEFAULT_VARIANTS,
        help=f"names from VARIANTS ({', '.join(VARIANTS)}), baseline first",
    )  # fmt: skip
    parser.add_argument(
        "--variant", action="append", default=[], metavar="NAME=PLUGIN,...",
        help="add a named configuration, e.g. other=search,some-backlinks-plugin",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument(
        "--nav", choices=("auto", "sections"), default="sections",
        help="sections (default): nav of section pages only; auto: MkDocs lists every page, "
        "which makes each build quadratic in pages (fine at 1000, hours at 10000)",
    )
    urls = parser.add_mutually_exclusive_group()
    urls.add_argument("--directory-urls", dest="directory_urls", action="store_true", default=True)
    urls.add_argument("--no-directory-urls", dest="directory_urls", action="store_false")
    parser.add_argument("--check", action="store_true", help="also check the built panels against the truth")
    parser.add_argument("--out", default=os.path.join(HERE, "out"), help="where to generate and build")
    parser.add_argument("--json", help="also write the raw runs to this file")
    args = parser.parse_args(argv)

    known = dict(VARIANTS)
    for spec in args.variant:
        name, _, plugins = spec.partition("=")
        known[name] = [p for p in plugins.split(",") if p]
    names = [n for n in args.variants.split(",") if n] + [s.partition("=")[0] for s in args.variant]
    names = list(dict.fromkeys(names))
    if BASELINE not in names:
        names.insert(0, BASELINE)
    unknown = [n for n in names if n not in known]
    if unknown:
        parser.error(f"unknown variant(s) {unknown}; known: {sorted(known)}")
    variants = {BASELINE: known[BASELINE], **{n: known[n] for n in names if n != BASELINE}}

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs: List[Run] = []
    for size in sizes:
        runs += bench_size(args, size, variants)

    print(environment(args))
    print()
    print(table(runs, list(variants)))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"environment": environment(args), "runs": [asdict(r) for r in runs]}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
