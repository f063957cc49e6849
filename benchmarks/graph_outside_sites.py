"""What `graph_outside_sites` costs a build: choosing the sites the site graph draws from a big
export, and the graph page's data with them.

    python benchmarks/graph_outside_sites.py [PAGES] [ROWS] [SITES] [RUNS]

Reads the Ahrefs-style export of `inbound.py` (ROWS rows, default 200,000, from 5,000 linking
sites, to PAGES pages, default 500) once, then prints as CPU time (best of RUNS): the linking
sites counted from the links (`Inbound.sites`: the report and the export ask for it too, so a
build writing either pays it once whatever this option), the SITES sites linking most chosen
(default 10), and the page's HTML with and without them.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from inbound import SITE_URL, export_bytes  # noqa: E402
from mkdocs_backlinks.core.inbound.formats import read_export  # noqa: E402
from mkdocs_backlinks.core.inbound.gather import Inbound, add_export  # noqa: E402
from mkdocs_backlinks.core.inbound.match import TargetMatcher  # noqa: E402
from mkdocs_backlinks.core.site_graph import SiteGraphPage, outside_sites, render_site_graph  # noqa: E402
from mkdocs_backlinks.core.urls import SiteFile, SiteResolver  # noqa: E402
from timing import best  # noqa: E402


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    sources = [f"p{i}.md" for i in range(pages)]
    urls = {src: f"p{i}/" for i, src in enumerate(sources)}
    resolver = SiteResolver([SiteFile(src, url, True) for src, url in urls.items()], SITE_URL)
    export = read_export("export.csv", export_bytes(sorted(urls.values()), rows))

    def read() -> Inbound:
        inbound = Inbound()
        add_export(inbound, TargetMatcher(resolver, SITE_URL), export)
        return inbound

    inbounds = [read() for _ in range(runs)]  # each run asks a fresh Inbound (sites are kept once counted)
    counted, _ = best(lambda: len(inbounds.pop().sites), runs)
    inbound = read()
    shown = set(sources)
    _ = inbound.sites
    chosen, sites = best(lambda: outside_sites(inbound, count, shown), runs)
    graph = [SiteGraphPage(src, f"Page {i}", urls[src], "", 50.0) for i, src in enumerate(sources)]
    links = [(sources[i], sources[(i * 7 + 1) % pages]) for i in range(pages)]
    without, _ = best(lambda: render_site_graph("Site", graph, links), runs)
    with_sites, _ = best(lambda: render_site_graph("Site", graph, links, None, sites), runs)
    print(f"{pages} pages, {rows:,} rows, {len(inbound.sites):,} linking sites")
    print(f"  the linking sites counted from the links: {counted * 1000:.1f} ms CPU")
    print(f"  the {len(sites)} sites linking most chosen: {chosen * 1000:.1f} ms CPU")
    print(f"  the graph page: {without * 1000:.1f} ms CPU without them, {with_sites * 1000:.1f} ms with")


if __name__ == "__main__":
    main()
