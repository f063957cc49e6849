"""Compare the "Pages linking here" panels of a built synthetic site with its truth.json.

    python benchmarks/check.py SITE_DIR

SITE_DIR holds mkdocs.yml, truth.json (both from generate.py) and the built `site/`. For every
page of the truth, the panel's links are resolved as a browser would resolve them from that
page, and the pages they reach must be exactly the truth's backlinks of the page; a page without
backlinks must have no panel (`show_when_empty` is off by default). Each entry's text must be the
linking page's title. Prints every mismatch; exits 1 if there is any.
"""

from __future__ import annotations

import json
import os
import re
import sys
from html.parser import HTMLParser
from typing import Dict, List, Optional, Tuple
from urllib.parse import unquote, urljoin, urlsplit


class Entry:
    """One entry of a panel: the link to the linking page, and the links to the spots on that
    page where it links here (`a.backlinks__jump`, when the panel shows them)."""

    def __init__(self, href: str) -> None:
        self.href = href
        self.text = ""
        self.jumps: List[str] = []


class _PanelParser(HTMLParser):
    """Collects every `<aside class="backlinks">` and the entries in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.panels: List[List[Entry]] = []
        self._aside_depth = 0  # nesting of <aside> inside the current panel
        self._in_link = False  # inside an a.backlinks__link: collect its text

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "aside":
            if self._aside_depth:
                self._aside_depth += 1
            elif "backlinks" in classes:
                self._aside_depth = 1
                self.panels.append([])
        elif tag == "a" and self._aside_depth:
            if "backlinks__link" in classes:
                self.panels[-1].append(Entry(attributes.get("href") or ""))
                self._in_link = True
            elif "backlinks__jump" in classes and self.panels[-1]:
                self.panels[-1][-1].jumps.append(attributes.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._in_link:
            entry = self.panels[-1][-1]
            entry.text = " ".join(entry.text.split())
            self._in_link = False
        elif tag == "aside" and self._aside_depth:
            self._aside_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_link:
            self.panels[-1][-1].text += data


_ASIDE = re.compile(r"<aside\b[^>]*>|</aside\s*>", re.IGNORECASE)


def read_panels(path: str) -> List[List[Entry]]:
    """The panels of one built page, each a list of entries."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    # Parsing only the <aside> elements keeps this fast on pages with a huge navigation.
    parser = _PanelParser()
    depth, start = 0, 0
    for match in _ASIDE.finditer(text):
        if match.group().startswith("</"):
            if depth:
                depth -= 1
                if not depth:
                    parser.feed(text[start : match.end()])
        else:
            if not depth:
                start = match.start()
            depth += 1
    if depth:
        parser.feed(text[start:])  # an unclosed panel still counts
    parser.close()
    return parser.panels


def _use_directory_urls(site_dir: str, truth: dict) -> bool:
    if "use_directory_urls" in truth:
        return bool(truth["use_directory_urls"])
    # Older truth files: read the one setting from mkdocs.yml (MkDocs' default is true).
    with open(os.path.join(site_dir, "mkdocs.yml"), encoding="utf-8") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key.strip() == "use_directory_urls":
                return value.strip().lower() in ("true", "yes", "on")
    return True


def html_file(site_dir: str, url: str, built: str = "site") -> str:
    """The file a static server returns for the page published at `url` (percent-quoted)."""
    path = unquote(url)
    if path == "" or path.endswith("/"):
        path += "index.html"
    return os.path.join(site_dir, built, *path.split("/"))


def check_site(site_dir: str, built: str = "site") -> List[str]:
    """Every difference between the built panels and truth.json, as readable messages.

    `built`: the folder under `site_dir` holding the built site (the benchmark builds each
    variant into its own)."""
    with open(os.path.join(site_dir, "truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    site_url = truth.get("site_url", "https://example.org/docs/")
    origin = urlsplit(site_url)
    pages: Dict[str, dict] = truth["pages"]

    # Decoded site path -> page. A directory URL is also reachable as `dir/index.html`.
    by_path: Dict[str, str] = {}
    for src, page in pages.items():
        path = unquote(page["url"])
        by_path[path] = src
        if path == "" or path.endswith("/"):
            by_path.setdefault(path + "index.html", src)
        elif path == "index.html" or path.endswith("/index.html"):
            by_path.setdefault(path[: -len("index.html")], src)

    mismatches: List[str] = []
    for src in sorted(pages):
        page = pages[src]
        expected = set(truth["backlinks"].get(src, ()))
        path = html_file(site_dir, page["url"], built)
        if not os.path.exists(path):
            mismatches.append(f"{src}: built file {os.path.relpath(path, site_dir)} is missing")
            continue
        panels = read_panels(path)
        if len(panels) > 1:
            mismatches.append(f"{src}: {len(panels)} backlinks panels, expected at most one")
        if not expected:
            if panels:
                hrefs = [entry.href for entry in panels[0]]
                mismatches.append(f"{src}: has a panel (links {hrefs[:5]!r}) but no page links to it")
            continue
        if not panels:
            mismatches.append(f"{src}: no panel, expected {len(expected)} backlink(s): {sorted(expected)[:5]}")
            continue

        base = site_url + page["url"]

        def reach(href: str, base: str = base) -> Tuple[Optional[str], str]:
            """The page a browser on this page gets by following `href` (decoded once)."""
            absolute = urlsplit(urljoin(base, href))
            if (absolute.scheme, absolute.netloc) != (origin.scheme, origin.netloc):
                return None, absolute.geturl()
            if not absolute.path.startswith(origin.path):
                return None, absolute.geturl()
            return by_path.get(unquote(absolute.path[len(origin.path) :])), absolute.geturl()

        found: Dict[str, str] = {}  # source page -> href
        for entry in panels[0]:
            href, text = entry.href, entry.text
            reached, absolute_url = reach(href)
            if reached is None:
                mismatches.append(f"{src}: panel link href={href!r} reaches no page ({absolute_url})")
                continue
            for jump in entry.jumps:
                jumped, jump_url = reach(jump)
                if jumped != reached:
                    mismatches.append(
                        f"{src}: entry {reached} has a jump link href={jump!r} reaching {jumped or jump_url}"
                    )
            if reached in found:
                mismatches.append(f"{src}: panel lists {reached} twice (hrefs {found[reached]!r}, {href!r})")
            found[reached] = href
            if reached not in expected:
                mismatches.append(f"{src}: panel link href={href!r} reaches {reached}, which does not link here")
            elif text != pages[reached]["title"]:
                mismatches.append(
                    f"{src}: panel entry for {reached} reads {text!r}, expected title {pages[reached]['title']!r}"
                )
        for missing in sorted(expected - set(found)):
            mismatches.append(f"{src}: panel lacks {missing}, which links here")
    return mismatches


def summary(site_dir: str) -> str:
    with open(os.path.join(site_dir, "truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    with_links = sum(1 for sources in truth["backlinks"].values() if sources)
    entries = sum(len(sources) for sources in truth["backlinks"].values())
    return (
        f"{len(truth['pages'])} pages, {with_links} with a panel, {entries} panel entries expected, "
        f"{len(truth['orphans'])} orphans, use_directory_urls={_use_directory_urls(site_dir, truth)}"
    )


def main(argv: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    site_dir = args[0]
    mismatches = check_site(site_dir)
    print(summary(site_dir))
    for message in mismatches:
        print("MISMATCH " + message)
    print(f"{len(mismatches)} mismatch(es)")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
