"""The plugin's own work in one build, replayed many times: a precise figure for small changes.

    python benchmarks/replay.py CONFIG [--repeat 7]

Builds the site of CONFIG once in this process, keeping what MkDocs hands the plugin's event
handlers (the environment, files, each page with its content, each page's output), then calls
the handlers again `--repeat` times over those same values, as a build would: `on_env` (read
every page's links), `on_page_context` and `on_post_page` for every page, `on_post_build` (the
checks, the export). Prints the CPU time of each handler, minimum over the repeats: MkDocs'
own work does not take part, so a difference of a few milliseconds shows, where whole builds
on a shared machine vary by hundreds. The build's objects stay alive throughout, so the cycle
collector sees a heap like a real build's.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from typing import Any, Dict, List, Tuple

EVENTS = ("on_env", "on_page_context", "on_post_page", "on_post_build")


def capture(config_file: str) -> Tuple[Any, Dict[str, Any]]:
    """Build once; the plugin instance and what its handlers were called with."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from mkdocs_backlinks.plugin.plugin import BacklinksPlugin

    seen: Dict[str, Any] = {"pages": [], "outputs": []}
    originals = {name: getattr(BacklinksPlugin, name) for name in EVENTS}

    def on_env(self, env, *, config, files):
        seen.update(plugin=self, env=env, config=config, files=files)
        return originals["on_env"](self, env, config=config, files=files)

    def on_page_context(self, context, *, page, config, nav):
        seen["pages"].append((page, page.content, context, nav))
        return originals["on_page_context"](self, context, page=page, config=config, nav=nav)

    def on_post_page(self, output, *, page, config):
        seen["outputs"].append((page, output))
        return originals["on_post_page"](self, output, page=page, config=config)

    for name, wrapper in (("on_env", on_env), ("on_page_context", on_page_context), ("on_post_page", on_post_page)):
        wrapper.mkdocs_priority = getattr(originals[name], "mkdocs_priority", 0)  # type: ignore[attr-defined]
        setattr(BacklinksPlugin, name, wrapper)
    try:
        build(load_config(config_file=config_file))
    finally:
        for name, method in originals.items():
            setattr(BacklinksPlugin, name, method)
    return seen["plugin"], seen


def replay(plugin: Any, seen: Dict[str, Any]) -> Dict[str, float]:
    """The handlers once more over the captured values; CPU seconds of each."""
    config, files = seen["config"], seen["files"]
    spent: Dict[str, float] = {}
    clock = time.process_time
    # As in a build, on_env reads the rendered content, without the panel marker that the last
    # replay's on_page_context appended.
    for page, content, _context, _nav in seen["pages"]:
        page.content = content
    start = clock()
    plugin.on_config(config)
    plugin.on_nav(seen["nav"], config=config, files=files) if "nav" in seen else None
    plugin.on_env(seen["env"], config=config, files=files)
    spent["on_env"] = clock() - start
    total = 0.0
    for page, content, context, nav in seen["pages"]:
        page.content = content
        start = clock()
        plugin.on_page_context(context, page=page, config=config, nav=nav)
        total += clock() - start
    spent["on_page_context"] = total
    total = 0.0
    for page, output in seen["outputs"]:
        start = clock()
        plugin.on_post_page(output, page=page, config=config)
        total += clock() - start
    spent["on_post_page"] = total
    start = clock()
    plugin.on_post_build(config=config)
    spent["on_post_build"] = clock() - start
    return spent


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", metavar="HTML", help="also profile the replays with pyinstrument into HTML")
    args = parser.parse_args(argv)
    import logging

    plugin, seen = capture(args.config)
    logging.disable(logging.WARNING)  # the checks' findings, once per replay
    # on_nav's argument: the order of pages comes from the nav MkDocs built.
    seen["nav"] = seen["pages"][0][3] if seen["pages"] else None
    runs = []
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
        profiler.start()
    for _ in range(args.repeat):
        gc.collect()
        runs.append(replay(plugin, seen))
    if profiler is not None:
        profiler.stop()
        with open(args.profile, "w", encoding="utf-8") as fh:
            fh.write(profiler.output_html())
        print(profiler.output_text(unicode=False, color=False, show_all=False), file=sys.stderr)
    best = {event: min(run[event] for run in runs) for event in EVENTS}
    for event in EVENTS:
        print(f"{event:18} {best[event] * 1000:8.1f} ms")
    print(f"{'all handlers':18} {sum(best.values()) * 1000:8.1f} ms  (min of {args.repeat} for each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
