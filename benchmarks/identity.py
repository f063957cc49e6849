"""Are two versions of the package byte-identical on real builds?

    python benchmarks/identity.py BASE_DIR [--new DIR] [--out DIR] [--sites example,docs,dense,command]

`BASE_DIR` holds the other version's `mkdocs_backlinks` package (say, `git archive main | tar -x
-C /tmp/base`); `--new` the version under test (default: this checkout). Each site is built
twice, once with each version on `PYTHONPATH`, and the two output trees are compared file by
file; differing files are listed with their first differing line. Sites:

- `example`: the example site, built by MkDocs with the plugin (every option it sets);
- `docs`: a 400-page docs-like synthetic site with planted mentions, the plugin with
  `mentions_in_panel`, related pages, the export and the report;
- `dense`: a 300-page link-dense synthetic site without directory URLs, `context: sections`;
- `command`: the docs-like site and the example site built by Zensical, then the post-build
  command run over a copy with each version (with its export and report).

A refactoring of how pages are read must leave every one of these trees unchanged, except where
a decided change of reading says otherwise (see the CHANGELOG).
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from typing import List

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ZENSICAL = os.path.join(ROOT, ".venv-zensical", "bin", "zensical")
REUSE_BASE = False
"""`--reuse-base`: keep the base version's trees (and Zensical's builds) of an earlier run."""
OPTIONS = {"graph_file": "links.json", "report_file": "report.html", "orphans": "info"}


def _generate():
    spec = importlib.util.spec_from_file_location("_identity_generate", os.path.join(HERE, "generate.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _run(args: List[str], code: str, cwd: str) -> None:
    env = dict(os.environ, PYTHONPATH=code, SOURCE_DATE_EPOCH="0")  # no build dates in pages
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"{' '.join(args)} failed with status {done.returncode}")


def _differences(a: str, b: str) -> List[str]:
    out: List[str] = []
    for root, _dirs, files in os.walk(a):
        for name in sorted(files):
            path_a = os.path.join(root, name)
            rel = os.path.relpath(path_a, a)
            path_b = os.path.join(b, rel)
            if not os.path.exists(path_b):
                out.append(f"{rel}: only in base")
            elif not filecmp.cmp(path_a, path_b, shallow=False):
                out.append(f"{rel}: {_first_difference(path_a, path_b)}")
    for root, _dirs, files in os.walk(b):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), b)
            if not os.path.exists(os.path.join(a, rel)):
                out.append(f"{rel}: only in new")
    return sorted(out)


def _first_difference(a: str, b: str) -> str:
    with open(a, encoding="utf-8", errors="replace") as fa, open(b, encoding="utf-8", errors="replace") as fb:
        text_a, text_b = fa.read(), fb.read()
    at = next((i for i, (x, y) in enumerate(zip(text_a, text_b)) if x != y), min(len(text_a), len(text_b)))
    return f"at {at}: base {text_a[max(at - 60, 0) : at + 100]!r} / new {text_b[max(at - 60, 0) : at + 100]!r}"


def _mkdocs_pair(config_dir: str, base: str, new: str, out: str, name: str) -> List[str]:
    dirs = []
    for label, code in (("base", base), ("new", new)):
        site = os.path.join(out, f"{name}-{label}")
        dirs.append(site)
        if label == "base" and REUSE_BASE and os.path.isdir(site):
            continue
        shutil.rmtree(site, ignore_errors=True)
        _run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", site], code, config_dir)
    return _differences(*dirs)


def _command_pair(config_dir: str, base: str, new: str, out: str, name: str) -> List[str]:
    built = os.path.join(out, f"{name}-zensical")
    if not (REUSE_BASE and os.path.isdir(built)):
        shutil.rmtree(built, ignore_errors=True)
        subprocess.run([ZENSICAL, "build", "--clean"], cwd=config_dir, capture_output=True, check=True)
        shutil.move(os.path.join(config_dir, "site"), built)
    dirs = []
    for label, code in (("base", base), ("new", new)):
        site = os.path.join(out, f"{name}-command-{label}")
        dirs.append(site)
        if label == "base" and REUSE_BASE and os.path.isdir(site):
            continue
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(built, site)
        _run([sys.executable, "-m", "mkdocs_backlinks", site, "-q"], code, config_dir)
    return _differences(*dirs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base")
    parser.add_argument("--new", default=ROOT)
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "backlinks-identity"))
    parser.add_argument("--sites", default="example,docs,dense,command")
    parser.add_argument("--reuse-base", action="store_true", help="keep the base trees of an earlier run")
    args = parser.parse_args()
    global REUSE_BASE
    REUSE_BASE = args.reuse_base
    base, new = os.path.abspath(args.base), os.path.abspath(args.new)
    os.makedirs(args.out, exist_ok=True)
    generate = _generate()
    wanted = args.sites.split(",")
    found = {}
    if "example" in wanted:
        example = os.path.join(args.out, "example-src")
        if not os.path.isdir(example):
            shutil.copytree(os.path.join(ROOT, "example_site"), example)
        found["example"] = _mkdocs_pair(example, base, new, args.out, "example")
    docs = os.path.join(args.out, "docs-src")
    if ("docs" in wanted or "command" in wanted) and not (REUSE_BASE and os.path.isdir(docs)):
        options = dict(OPTIONS, mentions_in_panel=True, related_pages=3, unlinked_mentions="info")
        generate.generate(docs, 400, plugins=["search", ("backlinks", options)], profile="docs", mentions=60)
    if "docs" in wanted:
        found["docs"] = _mkdocs_pair(docs, base, new, args.out, "docs")
    if "dense" in wanted:
        dense = os.path.join(args.out, "dense-src")
        options = dict(OPTIONS, context="sections", broken_links="info")
        generate.generate(dense, 300, directory_urls=False, plugins=["search", ("backlinks", options)])
        found["dense"] = _mkdocs_pair(dense, base, new, args.out, "dense")
    if "command" in wanted:
        found["command-docs"] = _command_pair(docs, base, new, args.out, "docs")
        example = os.path.join(args.out, "example-src")
        if not os.path.isdir(example):
            shutil.copytree(os.path.join(ROOT, "example_site"), example)
        found["command-example"] = _command_pair(example, base, new, args.out, "example")
    status = 0
    for name, differences in found.items():
        print(f"{name}: {'identical' if not differences else f'{len(differences)} files differ'}")
        for line in differences[:20]:
            print(f"  {line[:400]}")
        status |= bool(differences)
    return status


if __name__ == "__main__":
    sys.exit(main())
