"""What links from outside cost a build: a 200,000-row export on a docs-like synthetic site.

    python benchmarks/inbound.py [PAGES] [ROWS] [RUNS]

Generates a docs-like site of PAGES pages (default 500; `generate.py --profile docs`) and an
Ahrefs-style export of ROWS rows (default 200,000: UTF-16, tab-separated, 19 columns) whose
targets are the site's pages in every URL form, 1 in 20 an old URL of no page, 1 in 20 another
host. Prints, as CPU time (the machine is shared; CPU time is what the build pays):
- reading and matching the export alone, in-process (best of RUNS);
- `mkdocs build` of the site without and with `inbound_links` and `inbound_in_panel` (median of
  RUNS, each build a process of its own), and the difference;
- the export's `outbound` list (every absolute link read again from the pages' HTML), the one
  cost a `graph_file` pays whether or not links from outside are read.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from mkdocs_backlinks.core.inbound.formats import read_export  # noqa: E402
from mkdocs_backlinks.core.inbound.gather import Inbound, add_export  # noqa: E402
from mkdocs_backlinks.core.inbound.match import TargetMatcher  # noqa: E402
from mkdocs_backlinks.core.inbound.siblings import outbound_objects  # noqa: E402
from mkdocs_backlinks.core.urls import SiteFile, SiteResolver  # noqa: E402
from timing import best  # noqa: E402

SITE_URL = "https://example.org/docs/"
HEADER = (
    "Referring page title\tReferring page URL\tReferring page HTTP code\tDomain rating\tUR\tDomain traffic\t"
    "Page traffic\tTarget URL\tAnchor\tLeft context\tRight context\tType\tNofollow\tUGC\tSponsored\tFirst seen\t"
    "Last seen\tLost\tDrop reason"
)


def export_bytes(urls, rows: int, seed: int = 3) -> bytes:
    rng = random.Random(seed)
    lines = [HEADER]
    for i in range(rows):
        url = rng.choice(urls)
        form = i % 20
        target = SITE_URL + url
        if form == 0:
            target = SITE_URL + "old/" + url
        elif form == 1:
            target = "https://elsewhere.example/" + url
        elif form == 2:
            target = target.replace("https://", "http://www.") + "?utm_source=x#top"
        site = f"site{rng.randrange(5000)}.example.net"
        lines.append(
            f"Post {i} on {site}\thttps://{site}/p/{i}\t200\t40\t10\t1000\t20\t{target}\tanchor {i % 97}\t"
            f"Some words before\tsome after\ttext\tfalse\tfalse\tfalse\t2026-01-01\t2026-11-01\t\t"
        )
    return b"\xff\xfe" + ("\n".join(lines) + "\n").encode("utf-16-le")


def bing_bytes(ahrefs: bytes) -> bytes:
    """The same links as Bing Webmaster Tools writes them: UTF-8, three quoted columns."""
    rows = ahrefs[2:].decode("utf-16-le").splitlines()[1:]
    lines = ['"Source Url","Anchor text","Target Url"']
    for row in rows:
        cells = row.split("\t")
        lines.append(f'"{cells[1]}","{cells[8]}","{cells[7]}"')
    return ("\n".join(lines) + "\n").encode("utf-8")


def cpu_of(args, cwd) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(out), "--pages", str(pages), "--profile", "docs"],
            check=True,
            capture_output=True,
        )
        truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
        page_urls = {src: info["url"] for src, info in truth["pages"].items()}
        data = export_bytes(sorted(page_urls.values()), rows)
        (out / "ahrefs.csv").write_bytes(data)

        files = [SiteFile(src, url, True) for src, url in page_urls.items()]
        resolver = SiteResolver(files, SITE_URL)

        def read_and_match(export=data):
            inbound = Inbound()
            add_export(inbound, TargetMatcher(resolver, SITE_URL), read_export("export.csv", export))
            return inbound

        alone, inbound = best(read_and_match, runs)
        print(
            f"{pages} pages, {rows:,} rows (Ahrefs, {len(data) / 2**20:.1f} MiB): read and matched in {alone:.2f} s CPU"
        )
        bing = bing_bytes(data)
        bing_alone, _ = best(lambda: read_and_match(bing), runs)
        print(f"  the same links as Bing writes them ({len(bing) / 2**20:.1f} MiB): {bing_alone:.2f} s CPU")
        print(f"  {len(inbound.pages)} pages linked, {len(inbound.sites)} sites, {len(inbound.lost)} lost URLs, "
              f"{inbound.elsewhere} rows for other hosts")  # fmt: skip

        config = (out / "mkdocs.yml").read_text(encoding="utf-8")
        with_inbound = config.replace(
            "  - backlinks", "  - backlinks:\n      inbound_links: [ahrefs.csv]\n      inbound_in_panel: true", 1
        )
        assert with_inbound != config, "the generated config has no backlinks entry"
        (out / "inbound.yml").write_text(with_inbound, encoding="utf-8")
        build = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(Path(tmp) / "out")]
        plain, read = [], []
        for _ in range(runs):  # interleaved, so that a busy moment weighs on both
            plain.append(cpu_of(build + ["-f", "mkdocs.yml"], out))
            read.append(cpu_of(build + ["-f", "inbound.yml"], out))
        base, extra = statistics.median(plain), statistics.median(read)
        print(f"mkdocs build: {base:.2f} s CPU without, {extra:.2f} s with the export: +{extra - base:.2f} s "
              f"({extra / base:.3f}x; differences of the pairs {min(b - a for a, b in zip(plain, read)):.2f}-"
              f"{max(b - a for a, b in zip(plain, read)):.2f} s; load average {os.getloadavg()[0]:.1f})")  # fmt: skip

        contents = {}
        for src, url in page_urls.items():
            path = Path(tmp) / "out" / (url + "index.html" if url.endswith("/") or not url else url)
            if path.is_file():
                contents[src] = path.read_text(encoding="utf-8")
        outbound, found = best(lambda: outbound_objects(contents, sorted(contents)), runs)
        print(f"outbound list of the export ({len(contents)} whole pages read again): {outbound:.2f} s CPU, "
              f"{len(found)} links")  # fmt: skip


if __name__ == "__main__":
    main()
