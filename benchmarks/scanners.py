"""Which way of finding links in rendered HTML is fastest? The measurement behind extract.py.

Renders the Markdown pages of a synthetic site (benchmarks/generate.py) to HTML as MkDocs does,
then times three ways of collecting every `<a href>` with its text:

- `scanner`: the plugin's own regex scanner (mkdocs_backlinks.core.html), once with every link's
  text and once as a build uses it (texts read later, for the few links a panel shows);
- `html.parser`: the standard library's HTMLParser, what a dependency-free plugin would use;
- `selectolax`: the Lexbor-based compiled parser (a PyPI dependency), if it is installed.

Run: python benchmarks/scanners.py [--pages 300] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs_backlinks.core.html import anchor_text, extract_anchors  # noqa: E402


class _StdlibLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            self._open = [href, []] if href is not None else None
            if self._open is not None:
                self.links.append(self._open)

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)


def stdlib_links(html: str) -> list:
    parser = _StdlibLinks()
    parser.feed(html)
    parser.close()
    return [(href, "".join(text).strip()) for href, text in parser.links]


def selectolax_links(html: str) -> list:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    return [(node.attributes.get("href"), node.text(strip=True)) for node in tree.css("a[href]")]


def scanner_links(html: str) -> list:
    return [(a.href, anchor_text(html, a.start)) for a in extract_anchors(html)]


def scanner_hrefs(html: str) -> list:
    # What a build does: each link's href, offset and heading; texts only for the links shown.
    return extract_anchors(html)


def corpus(pages: int) -> list:
    from generate import main as generate  # the synthetic wiki generator beside this file

    with tempfile.TemporaryDirectory() as tmp:
        generate([tmp, "--pages", str(pages), "--nav", "sections"])
        sources = sorted(Path(tmp, "docs").rglob("*.md"))
        converter = markdown.Markdown(
            extensions=["toc", "footnotes", "tables"], extension_configs={"toc": {"permalink": True}}
        )
        htmls = []
        for source in sources:
            text = source.read_text(encoding="utf-8")
            if text.startswith("---"):
                text = text.split("---", 2)[2]
            htmls.append(converter.reset().convert(text))
        return htmls


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    htmls = corpus(args.pages)
    links = sum(html.count("<a ") for html in htmls)
    size = sum(len(html) for html in htmls)
    print(f"{len(htmls)} pages, {size / len(htmls) / 1024:.1f} KiB of HTML and {links / len(htmls):.0f} links a page\n")
    ways = {"scanner": scanner_links, "scanner, texts left for later": scanner_hrefs, "html.parser": stdlib_links}
    try:
        import selectolax  # noqa: F401

        ways["selectolax"] = selectolax_links
    except ImportError:
        print("(selectolax not installed: pip install selectolax to compare it too)\n")
    print("| approach | µs per page (median of runs) | links found |")
    print("| --- | ---: | ---: |")
    for name, find in ways.items():
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            found = sum(len(find(html)) for html in htmls)
            runs.append((time.perf_counter() - start) / len(htmls) * 1e6)
        print(f"| {name} | {statistics.median(runs):.0f} | {found} |")


if __name__ == "__main__":
    main()
