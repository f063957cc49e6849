"""How long does the post-build command take beside Zensical's own build of the same site?

    python benchmarks/command.py [--sizes 1000,5000,10000] [--profile docs,dense] [--runs 3]
                                 [--zensical .venv-zensical/bin/zensical] [--check]

For each profile and size, one synthetic site is generated (generate.py; its mkdocs.yml lists
the `backlinks` plugin, which Zensical ignores and the command reads its options from). Then,
`--runs` times: the built site is removed, `zensical build --clean` builds it from scratch
(timed), and `python -m mkdocs_backlinks site` adds the panels to it and runs the checks
(timed), each a process of its own reaped with os.wait4 for its CPU time and peak RSS. One
untimed round comes first. Prints the raw runs and a Markdown table of medians: the command's
seconds per 1,000 pages show whether it stays linear (the budget: at most 2 s per 1,000 pages).

Zensical comes from the `.venv-zensical` venv that `make` creates; `--zensical` names another
executable. Until the command exists (`python -m mkdocs_backlinks` fails to import), only
Zensical's build is timed, and the table says so.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_ZENSICAL = os.path.join(ROOT, ".venv-zensical", "bin", "zensical")
# The command as the lead's package installs it; `--command` replaces it (say, the console script).
DEFAULT_COMMAND = [sys.executable, "-m", "mkdocs_backlinks"]
# Exit status of a command run that did its work: 0, or 1 when a check at level `error` found
# something (the synthetic sites have orphans and broken links on purpose).
COMMAND_DONE = (0, 1)
PER_PAGES = 1000


def _load(name: str):
    """generate.py / run.py / check.py, imported by path (they are scripts, not a package)."""
    module_name = f"_benchmarks_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, os.path.join(HERE, f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


@dataclass
class Round:
    profile: str
    size: int
    run: int
    build_wall: float
    build_rss: float
    command_wall: Optional[float]  # None: the command is not there yet
    command_cpu: Optional[float]
    command_rss: Optional[float]


def command_available(command: List[str]) -> Optional[str]:
    """None if `command` can run; else why not, in one line."""
    if command == DEFAULT_COMMAND:
        try:
            found = importlib.util.find_spec("mkdocs_backlinks.__main__")
        except ImportError:
            found = None
        if found is None:
            return "the command does not exist yet (python -m mkdocs_backlinks: no mkdocs_backlinks/__main__.py)"
        return None
    if shutil.which(command[0]) is None:
        return f"{command[0]}: not found"
    return None


def bench_site(args, profile: str, size: int, missing: Optional[str]) -> List[Round]:
    """Generate one site and time `args.runs` rounds of Zensical's build and the command."""
    generate = _load("generate")
    run = _load("run")
    site = os.path.join(args.out, f"{profile}-{size}")
    started = time.perf_counter()
    generate.generate(
        site, size, seed=args.seed, directory_urls=args.directory_urls, words=args.words,
        plugins=["search", "backlinks"], nav=run.DEFAULT_NAV[profile], profile=profile, mentions=args.mentions,
    )  # fmt: skip
    print(f"# {profile}, {size} pages generated in {time.perf_counter() - started:.1f}s: {site}", file=sys.stderr)
    built = os.path.join(site, "site")
    rounds: List[Round] = []
    for i in range(-args.warmup, args.runs):
        shutil.rmtree(built, ignore_errors=True)
        build_wall, _, build_rss = run.timed_process([args.zensical, "build", "--clean"], site, f"zensical build in {site}")
        command_wall = command_cpu = command_rss = None
        if not missing:
            command_wall, command_cpu, command_rss = run.timed_process(
                args.command + ["site"], site, f"{shlex.join(args.command)} site (in {site})", done=COMMAND_DONE
            )
        if i < 0:
            continue  # the warm-up round
        rounds.append(Round(profile, size, i + 1, build_wall, build_rss, command_wall, command_cpu, command_rss))
        command = "n/a" if command_wall is None else f"{command_wall:6.2f}s  peak RSS {command_rss:7.1f} MiB"
        print(
            f"  {profile:<5} {size:>6} pages  run {i + 1}: zensical build {build_wall:6.2f}s  command {command}",
            file=sys.stderr,
        )
    if args.check and not missing:
        mismatches = _load("check").check_site(site)
        print(f"  check {profile} {size}: {'OK' if not mismatches else f'{len(mismatches)} MISMATCH(ES)'}", file=sys.stderr)
        for message in mismatches[:20]:
            print("    " + message, file=sys.stderr)
    return rounds


def table(rounds: List[Round]) -> str:
    """Medians per site: Zensical's build, the command, its seconds per 1,000 pages, peak RSS."""
    lines = [
        "| profile | pages | zensical build (s) | command (s) | command s per 1,000 pages "
        "| command / build | command peak RSS (MiB) | zensical peak RSS (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    median = statistics.median
    for profile, size in sorted({(r.profile, r.size) for r in rounds}):
        mine = [r for r in rounds if r.profile == profile and r.size == size]
        build = median(r.build_wall for r in mine)
        build_rss = median(r.build_rss for r in mine)
        if mine[0].command_wall is None:
            cells = "n/a | n/a | n/a | n/a"
        else:
            wall = median(r.command_wall for r in mine)
            rss = median(r.command_rss for r in mine)
            cells = f"{wall:.2f} | {wall * PER_PAGES / size:.2f} | {wall / build:.2f}x | {rss:.0f}"
        lines.append(f"| {profile} | {size} | {build:.2f} | {cells} | {build_rss:.0f} |")
    return "\n".join(lines)


def environment(args, missing: Optional[str]) -> str:
    try:
        zensical = subprocess.run([args.zensical, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        zensical = "?"
    command = f"not timed: {missing}" if missing else shlex.join(args.command)
    return (
        f"Python {platform.python_version()}, zensical {zensical}, {os.cpu_count()} CPUs, {platform.system()}; "
        f"command: {command}; use_directory_urls={args.directory_urls}, ~{args.words} words/page, seed {args.seed}, "
        f"{args.runs} timed round(s) after {args.warmup} warm-up; medians."
    )


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated page counts")
    parser.add_argument("--profile", default="docs,dense", help="docs, dense or both (default: docs,dense)")
    parser.add_argument("--runs", type=int, default=3, help="timed rounds (build, then command) per site")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first")
    parser.add_argument("--zensical", default=DEFAULT_ZENSICAL, help=f"the zensical executable (default: {DEFAULT_ZENSICAL})")
    parser.add_argument(
        "--command", default=None, metavar="COMMAND",
        help="the post-build command to time, given the site folder as last argument "
        "(default: python -m mkdocs_backlinks, with this Python)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--mentions", type=int, default=0, metavar="N", help="plant N unlinked mentions per site")
    urls = parser.add_mutually_exclusive_group()
    urls.add_argument("--directory-urls", dest="directory_urls", action="store_true", default=True)
    urls.add_argument("--no-directory-urls", dest="directory_urls", action="store_false")
    parser.add_argument("--check", action="store_true", help="also check the panels the command wrote against the truth")
    parser.add_argument("--out", default=os.path.join(HERE, "out-command"), help="where to generate and build")
    args = parser.parse_args(argv)

    profiles = [p for p in args.profile.split(",") if p]
    if not profiles or any(p not in ("docs", "dense") for p in profiles):
        parser.error(f"--profile {args.profile!r}: expected docs, dense or docs,dense")
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes {args.sizes!r}: expected page counts such as 1000,5000")
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be 1 or more, --warmup 0 or more")
    if not (os.path.isfile(args.zensical) and os.access(args.zensical, os.X_OK)):
        parser.error(f"no zensical at {args.zensical}: run `make .venv-zensical` or pass --zensical PATH")
    args.zensical = os.path.abspath(args.zensical)
    args.command = shlex.split(args.command) if args.command else DEFAULT_COMMAND
    if os.sep in args.command[0]:
        args.command[0] = os.path.abspath(args.command[0])  # it runs in the site's folder
    missing = command_available(args.command)
    if missing:
        print(f"# {missing}: timing Zensical's build only", file=sys.stderr)

    rounds: List[Round] = []
    for profile in profiles:
        for size in sizes:
            rounds += bench_site(args, profile, size, missing)
    print(environment(args, missing))
    print()
    print(table(rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
