"""How much does the plugin add to `mkdocs build`? Whole builds, with and without it, in pairs.

    python benchmarks/run.py [--profile dense|docs|docs,dense] [--sizes 1000,5000,10000] [--runs 3]

For each profile and size, one synthetic site is generated (generate.py), then complete
`mkdocs build -q` processes are timed in *pairs*: each variant (say `backlinks`) is built right
before or right after its baseline (`plain`: the search plugin only), on the same docs, the
order alternating from one pair to the next. Each pair gives one ratio (variant / baseline) of
wall time, CPU time and peak RSS, and the table reports the median of those ratios: a slow
spell of a shared machine lands on both builds of a pair and cancels out, where a ratio of two
medians taken minutes apart would carry it. Every build is its own process, reaped with
os.wait4, so its CPU time and peak RSS are its own. One untimed warm-up build of each
configuration comes first.

Variants are named configurations in VARIANTS (or `--variant NAME=search,plugin:option=value`);
each is paired with `plain` unless BASELINES names another baseline for it.
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
from typing import Dict, List, Optional, Tuple, Union

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# A plugin as mkdocs.yml lists it: a name, or a name and its options.
Plugin = Union[str, Tuple[str, Dict[str, object]]]

# Named configurations: the plugins each one lists in mkdocs.yml.
VARIANTS: Dict[str, List[Plugin]] = {
    "plain": ["search"],
    "backlinks": ["search", "backlinks"],  # default options: snippets on
    "titles": ["search", ("backlinks", {"context": "titles"})],
    # The two backlink plugins on PyPI before this one (`pip install .[bench]`), one per build.
    "section-plugin": ["search", "backlinks_section"],  # mkdocs-backlinks-section-plugin
    "mkdocs-backlinks": ["search", "mkdocs-backlinks"],  # mkdocs-backlinks (needs theme edits to show)
    # Unlinked mentions on (issue 15), against the plugin with them off; plant some with --mentions.
    "mentions": ["search", ("backlinks", {"unlinked_mentions": "info"})],
    # Every finding at its source line, written as SARIF, against the plugin without it.
    "findings": ["search", ("backlinks", {"findings_file": "findings.sarif"})],
}
DEFAULT_VARIANTS = "plain,backlinks"
BASELINE = "plain"
# What a variant is paired with when it is not BASELINE.
BASELINES: Dict[str, str] = {"mentions": "backlinks", "findings": "backlinks"}
# The navigation each profile is benchmarked with unless --nav says otherwise: both stay linear
# in pages (MkDocs renders the whole navigation into every page).
DEFAULT_NAV = {"dense": "sections", "docs": "docs"}


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
    profile: str = "dense"
    pair: str = ""  # "VARIANT#RUN": the pair this build belongs to ("" when unpaired)


def baseline_of(variant: str) -> str:
    """The configuration a variant is paired with."""
    return BASELINES.get(variant, BASELINE)


def plugin_name(plugin: Plugin) -> str:
    return plugin if isinstance(plugin, str) else plugin[0]


def parse_plugin(text: str) -> Plugin:
    """`name` or `name:option=value:option=value` (values read as YAML: `false`, `3`, `titles`)."""
    name, *options = text.split(":")
    if not options:
        return name
    parsed: Dict[str, object] = {}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not key:
            raise ValueError(f"plugin option {option!r} in {text!r}: expected option=value")
        parsed[key] = yaml.safe_load(value)
    return (name, parsed)


def _rss_mib(ru_maxrss: int) -> float:
    # Linux reports KiB, macOS bytes.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def timed_process(command: List[str], cwd: str, what: str, done: Tuple[int, ...] = (0,)) -> Tuple[float, float, float]:
    """Run one process to completion; (wall s, CPU s, peak RSS MiB) of that process. Exits
    naming `what` and showing the end of its error output when its exit status is not in `done`."""
    if not hasattr(os, "wait4"):
        raise SystemExit("the benchmarks need os.wait4 (Linux or macOS)")
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        # wait4 rather than proc.wait(): it returns the rusage of exactly this child.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in done:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-3000:]
            raise SystemExit(f"{what} failed ({proc.returncode}):\n{tail}")
    return wall, usage.ru_utime + usage.ru_stime, _rss_mib(usage.ru_maxrss)


def timed_build(config: str, cwd: str) -> Tuple[float, float, float]:
    """Run one `mkdocs build -q` to completion; (wall s, CPU s, peak RSS MiB) of that process."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config]
    return timed_process(command, cwd, f"mkdocs build -f {config}")


def prepare_site(args, profile: str, size: int, variants: Dict[str, List[Plugin]]) -> Tuple[str, Dict[str, str]]:
    """Generate the site of one profile and size; write one config per variant, each building
    into its own `site-NAME`. Returns the site folder and the config of each variant."""
    generate = _load("generate")
    site = os.path.join(args.out, f"{profile}-{size}")
    nav_kind = args.nav or DEFAULT_NAV[profile]
    started = time.perf_counter()
    truth = generate.generate(
        site, size, seed=args.seed, directory_urls=args.directory_urls, words=args.words,
        plugins=variants[BASELINE], nav=nav_kind, profile=profile, mentions=args.mentions,
    )  # fmt: skip
    nav = generate.navigation(nav_kind, sorted(truth["pages"]))
    extensions = generate.markdown_extensions(profile, args.mentions)
    configs = {}
    for name, plugins in variants.items():
        configs[name] = generate.write_config(
            site, plugins, args.directory_urls, filename=f"mkdocs-{name}.yml", site_dir=f"site-{name}",
            nav=nav, extensions=extensions,
        )  # fmt: skip
    links = sum(n for _, _, n in truth["edges"])
    print(
        f"# {profile}, {size} pages ({links / size:.1f} content links a page, nav {nav_kind}) "
        f"generated in {time.perf_counter() - started:.1f}s: {site}",
        file=sys.stderr,
    )
    return site, configs


def bench_site(args, profile: str, size: int, variants: Dict[str, List[Plugin]]) -> List[Run]:
    """Time every variant against its baseline in `args.runs` pairs on one generated site."""
    site, configs = prepare_site(args, profile, size, variants)
    for _ in range(args.warmup):
        for name in variants:
            timed_build(configs[name], site)

    def timed(name: str, run: int, pair: str) -> Run:
        wall, cpu, rss = timed_build(configs[name], site)
        print(
            f"  {profile:<5} {size:>6} pages  {name:<16} run {run}: wall {wall:6.2f}s  cpu {cpu:6.2f}s  "
            f"peak RSS {rss:7.1f} MiB",
            file=sys.stderr,
        )
        return Run(size, name, run, wall, cpu, rss, profile, pair)

    runs: List[Run] = []
    contenders = [name for name in variants if name != BASELINE]
    for i in range(args.runs):
        if not contenders:
            runs.append(timed(BASELINE, i + 1, ""))
            continue
        # Alternate which variant comes first in the round, and which of a pair comes first.
        for j, name in enumerate(contenders if i % 2 == 0 else contenders[::-1]):
            pair = [baseline_of(name), name]
            for member in pair if (i + j) % 2 == 0 else pair[::-1]:
                runs.append(timed(member, i + 1, f"{name}#{i + 1}"))
    if args.check:
        check = _load("check")
        for name, plugins in variants.items():
            if "backlinks" in map(plugin_name, plugins):
                mismatches = check.check_site(site, built=f"site-{name}")
                status = "OK" if not mismatches else f"{len(mismatches)} MISMATCH(ES)"
                print(f"  check {profile} {size} {name}: {status}", file=sys.stderr)
                for message in mismatches[:20]:
                    print("    " + message, file=sys.stderr)
    return runs


def pairs_of(runs: List[Run], profile: str, size: int, name: str) -> List[Tuple[Run, Run]]:
    """(baseline run, variant run) of each pair timed for `name` on one site."""
    found: Dict[str, Dict[str, Run]] = {}
    for r in runs:
        if r.profile == profile and r.size == size and r.pair.partition("#")[0] == name:
            found.setdefault(r.pair, {})[r.variant] = r
    base = baseline_of(name)
    complete = [members for _, members in sorted(found.items()) if base in members and name in members]
    return [(members[base], members[name]) for members in complete]


def table(runs: List[Run], variants: List[str]) -> str:
    """The Markdown table: per site and variant, medians of the pairs' builds and of their ratios."""
    lines = [
        "| profile | pages | variant | vs | baseline wall (s) | variant wall (s) | wall ratio "
        "| wall ratios (min-max) | CPU ratio | peak RSS baseline / variant (MiB) | RSS ratio |",
        "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    median = statistics.median
    for profile, size in sorted({(r.profile, r.size) for r in runs}):
        for name in variants:
            pairs = pairs_of(runs, profile, size, name)
            if not pairs:
                continue
            wall = [v.wall / b.wall for b, v in pairs]
            cpu = [v.cpu / b.cpu for b, v in pairs]
            rss = [v.rss_mib / b.rss_mib for b, v in pairs]
            lines.append(
                f"| {profile} | {size} | {name} | {baseline_of(name)} | {median(b.wall for b, _ in pairs):.2f} "
                f"| {median(v.wall for _, v in pairs):.2f} | {median(wall):.3f}x | {min(wall):.3f}-{max(wall):.3f} "
                f"| {median(cpu):.3f}x | {median(b.rss_mib for b, _ in pairs):.0f} / "
                f"{median(v.rss_mib for _, v in pairs):.0f} | {median(rss):.3f}x |"
            )
    return "\n".join(lines)


def environment(args) -> str:
    try:
        from importlib.metadata import version

        versions = f"mkdocs {version('mkdocs')}, mkdocs-backlinks-plugin {version('mkdocs-backlinks-plugin')}"
    except Exception:  # not installed: the build would fail anyway
        versions = "versions unknown"
    navs = ", ".join(f"{p}: nav {args.nav or DEFAULT_NAV[p]}" for p in args.profiles)
    mentions = f", {args.mentions} planted mentions" if args.mentions else ""
    return (
        f"Python {platform.python_version()}, {versions}, {os.cpu_count()} CPUs, {platform.system()}; "
        f"{navs}; use_directory_urls={args.directory_urls}, ~{args.words} words/page{mentions}, "
        f"seed {args.seed}, {args.runs} pair(s) per variant after {args.warmup} warm-up; "
        f"medians of per-pair ratios."
    )


def choose_variants(parser: argparse.ArgumentParser, args) -> Dict[str, List[Plugin]]:
    """The configurations to build, baseline first, each contender's own baseline included."""
    known = dict(VARIANTS)
    for spec in args.variant:
        name, sep, plugins = spec.partition("=")
        if not sep or not name:
            parser.error(f"--variant {spec!r}: expected NAME=PLUGIN,PLUGIN")
        try:
            known[name] = [parse_plugin(p) for p in plugins.split(",") if p]
        except ValueError as error:
            parser.error(f"--variant {spec!r}: {error}")
    names = [n for n in args.variants.split(",") if n] + [s.partition("=")[0] for s in args.variant]
    names = [BASELINE] + [baseline_of(n) for n in names] + names
    names = list(dict.fromkeys(names))
    unknown = [n for n in names if n not in known]
    if unknown:
        parser.error(f"unknown variant(s) {unknown}; known: {sorted(known)}")
    return {n: known[n] for n in names}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--profile", default="dense",
        help="dense (default), docs, or both as docs,dense: which synthetic site (see generate.py)",
    )  # fmt: skip
    parser.add_argument("--sizes", default="1000", help="comma-separated page counts (default: 1000)")
    parser.add_argument("--runs", type=int, default=3, help="timed pairs per variant and site")
    parser.add_argument("--warmup", type=int, default=1, help="untimed builds per variant first")
    parser.add_argument(
        "--variants", default=DEFAULT_VARIANTS,
        help=f"names from VARIANTS ({', '.join(VARIANTS)}); plain is always built",
    )  # fmt: skip
    parser.add_argument(
        "--variant", action="append", default=[], metavar="NAME=PLUGIN,...",
        help="add a named configuration, e.g. other=search,some-backlinks-plugin or "
        "quiet=search,backlinks:orphans=ignore:context=sections",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--mentions", type=int, default=0, metavar="N", help="plant N unlinked mentions per site")
    parser.add_argument(
        "--nav", choices=("auto", "sections", "docs"), default=None,
        help="default: sections for the dense profile, docs for the docs profile (both linear in "
        "pages); auto: MkDocs lists every page, which makes each build quadratic in pages",
    )  # fmt: skip
    urls = parser.add_mutually_exclusive_group()
    urls.add_argument("--directory-urls", dest="directory_urls", action="store_true", default=True)
    urls.add_argument("--no-directory-urls", dest="directory_urls", action="store_false")
    parser.add_argument("--check", action="store_true", help="also check the built panels against the truth")
    parser.add_argument("--out", default=os.path.join(HERE, "out"), help="where to generate and build")
    parser.add_argument("--json", help="also write the raw runs to this file")
    args = parser.parse_args(argv)

    args.profiles = [p for p in args.profile.split(",") if p]
    wrong = [p for p in args.profiles if p not in DEFAULT_NAV]
    if wrong or not args.profiles:
        parser.error(f"--profile {args.profile!r}: expected dense, docs or docs,dense")
    if args.runs < 1 or args.warmup < 0 or args.mentions < 0:
        parser.error("--runs must be 1 or more, --warmup and --mentions 0 or more")
    variants = choose_variants(parser, args)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes {args.sizes!r}: expected page counts such as 1000,5000")

    runs: List[Run] = []
    for profile in args.profiles:
        for size in sizes:
            runs += bench_site(args, profile, size, variants)

    print(environment(args))
    print()
    print(table(runs, list(variants)))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"environment": environment(args), "runs": [asdict(r) for r in runs]}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
