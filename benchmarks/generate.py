"""Generate a synthetic, wiki-like MkDocs site together with the exact link graph it contains.

    python benchmarks/generate.py OUT_DIR --pages 1000 [--seed 1] [--no-directory-urls]

writes `OUT_DIR/mkdocs.yml`, `OUT_DIR/docs/**` and `OUT_DIR/truth.json`. The truth is computed
from the links the generator itself wrote, so it does not depend on the plugin under test.

The site mixes every way an author can link one page to another (Markdown, reference-style,
angle brackets, percent-encoding, raw HTML with built URLs, root-relative and absolute URLs of the
site itself) with links that must never count (other schemes, other hosts, code, comments,
assets, self links, missing pages). File names include spaces, non-ASCII letters, a literal `%`,
dots, case-distinct twins and names that look like URL schemes (`tel.md`, `https.md`).

Same arguments and seed => byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import random
import shutil
import struct
import sys
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Dict, List, Optional, Sequence, Tuple
from urllib.parse import quote, urljoin, urlsplit

SITE_URL = "https://example.org/docs/"
SITE_ORIGIN = "https://example.org"
MOUNT = urlsplit(SITE_URL).path  # "/docs/"

WORDS = (
    "anchor archive atlas beacon binder bridge canvas cargo cedar channel cipher cobalt compass "
    "copper cursor delta drift ember engine falcon fathom fern fiber garnet glacier gravel harbor "
    "hazel helix indigo island ivory juniper kernel kestrel lantern ledger lumen magnet maple "
    "meadow mesa nectar nickel nimbus oasis orbit otter parcel pepper pilot prism quarry quartz "
    "quill radar raven relay ripple saddle signal socket spruce summit tablet tango thistle "
    "timber tundra umber valley vector velvet willow window yonder zephyr zinc"
).split()

FILLER = (
    "the a of to and in is for that with as on by this it be are from or at which can when "
    "each page section reader note example value change system result process build guide"
).split()

AREAS = (
    "guide", "reference", "howto", "concepts", "api", "ops", "community", "blog",
    "tutorials", "internals", "integrations", "security",
)

# Every form a counted link can take; see `Generator.counted_link`.
FORMS = (
    "plain", "dotslash", "parent", "detour", "fragment", "query", "angle", "percent",
    "titled", "reference", "collapsed_ref", "root_html", "absolute", "autolink",
    "rel_html", "rel_html_single_quoted",
)


@dataclass
class PageSpec:
    src: str
    title: str
    # How the title is written: "h1" (a plain heading), "front" (front matter `title:`), or
    # "h1_code" (a heading whose `<b>` sits in a code span and `&` is plain text).
    title_style: str = "h1"
    headings: List[Tuple[str, str]] = field(default_factory=list)  # (text, id)
    special: bool = False
    section_index: bool = False
    url: str = ""  # percent-quoted, relative to the site root, "" for the homepage in dir mode


# ----------------------------------------------------------------------------------------------
# URLs, computed independently of MkDocs and of the plugin.


def page_url(src: str, directory_urls: bool) -> str:
    """The URL MkDocs publishes `src` at (like `Page.url`: percent-quoted, "" for the homepage)."""
    parent, name = posixpath.split(src)
    stem = name[: -len(".md")]
    if stem in ("index", "README"):
        path = posixpath.join(parent, "index.html")
        if directory_urls:
            path = parent + "/" if parent else ""
    elif directory_urls:
        path = posixpath.join(parent, stem) + "/"
    else:
        path = posixpath.join(parent, stem + ".html")
    return quote(path)


def relative_url(target: str, base: str) -> str:
    """A relative href that takes a browser from the page at `base` to the one at `target`."""
    base_dir = base[: base.rfind("/") + 1].rstrip("/") or "."
    target_dir, _, name = target.rpartition("/")
    up = posixpath.relpath(target_dir or ".", base_dir)
    if up == ".":
        href = name or "./"
    else:
        href = up + "/" + name
    if ":" in href.split("/", 1)[0]:
        href = "./" + href  # would read as a URL scheme otherwise
    return href


def site_href(url: str) -> str:
    return SITE_ORIGIN + MOUNT + url


# ----------------------------------------------------------------------------------------------
# Small text helpers.


def slugify(text: str) -> str:
    """The id Python-Markdown's toc extension gives a heading made of ASCII words and digits."""
    return "-".join(text.lower().split())


def html_attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def tiny_png() -> bytes:
    """A valid 1x1 transparent PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x00\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# ----------------------------------------------------------------------------------------------
# The site.


class Generator:
    def __init__(self, pages: int, seed: int = 1, directory_urls: bool = True, words: int = 600) -> None:
        self.rng = random.Random(seed)
        self.directory_urls = directory_urls
        self.words = words
        self.specs: Dict[str, PageSpec] = {}
        self._plan_pages(pages)
        for spec in self.specs.values():
            spec.url = page_url(spec.src, directory_urls)
        self.order = sorted(self.specs)
        # Truth, filled while writing pages.
        self.edges: Dict[Tuple[str, str], int] = {}
        self.broken: List[Tuple[str, str]] = []
        self.form_counts: Dict[str, int] = {form: 0 for form in FORMS}

    # -- which pages exist ---------------------------------------------------------------------

    def _add(self, src: str, title: str, **kwargs) -> PageSpec:
        assert src not in self.specs, src
        spec = PageSpec(src, title, **kwargs)
        self.specs[src] = spec
        return spec

    def _plan_pages(self, total: int) -> None:
        rng = self.rng
        self._add("index.md", "Home of the synthetic wiki", special=True, section_index=True)
        # Names that trip naive link handling; each a real page.
        specials = [
            ("tel.md", "Telephony notes"),
            ("https.md", "Secure transport notes"),
            ("guide/My Page.md", "My Page with spaces"),
            ("guide/über uns.md", "Über uns"),
            ("guide/Team Notes/kickoff.md", "Kickoff in a folder with a space"),
            ("reference/grün.md", "Grün and other colours"),
            ("reference/100% sure.md", "One hundred percent sure"),
            ("reference/50%off.md", "Fifty percent off"),
            ("reference/v1.2.md", "Release v1.2"),
            ("reference/api.v2.md", "API v2 dotted name"),
            ("concepts/Case.md", "Case with a capital C"),
            ("concepts/case.md", "case in lower case"),
            ("howto/faq/README.md", "FAQ section from a README"),
        ]
        for src, title in specials:
            self._add(src, title, special=True, section_index=src.endswith("README.md"))
        self._add("concepts/q-and-a.md", 'Q&A: <b>bold</b> claims & "quotes"', title_style="front", special=True)
        self._add("concepts/fish.md", "Fish & Chips with <b> tags", title_style="h1_code", special=True)

        n_areas = min(len(AREAS), max(4, total // 100))
        folders: List[str] = ["guide/Team Notes", "howto/faq"]
        for area in AREAS[:n_areas]:
            title = area.capitalize()
            self._add(f"{area}/index.md", f"{title} overview", section_index=True)
            folders.append(area)
            n_topics = max(2, min(10, total // (n_areas * 40)))
            for t in range(1, n_topics + 1):
                topic = f"{area}/topic-{t}"
                self._add(f"{topic}/index.md", f"{title} topic {t} overview", section_index=True)
                folders.append(topic)
                if t % 2 == 1:
                    folders.append(f"{topic}/deep")
        fillers = total - len(self.specs)
        if fillers < 20:
            raise SystemExit(f"--pages must be at least {len(self.specs) + 20}")
        folders.sort()
        for serial in range(1, fillers + 1):
            folder = rng.choice(folders)
            a, b = rng.sample(WORDS, 2)
            self._add(f"{folder}/{a}-{b}-{serial:05d}.md", f"{a.capitalize()} {b} {serial:05d}")

        # Section headings, unique within a page thanks to their number; links aim at their ids.
        for src in sorted(self.specs):
            for i, word in enumerate(rng.sample(WORDS, rng.randint(3, 6)), 1):
                text = f"{word.capitalize()} {rng.choice(WORDS)} {i}"
                self.specs[src].headings.append((text, slugify(text)))

    # -- who links to whom ---------------------------------------------------------------------

    def plan_links(self) -> None:
        rng = self.rng
        order = self.order
        plain = [src for src in order if not self.specs[src].special and not self.specs[src].section_index]
        n_orphans = max(1, round(len(order) * 0.02))
        picked = rng.sample(plain, n_orphans + 2)
        self.orphans = sorted(picked[:n_orphans])
        self.dead_ends = sorted(picked[n_orphans:])
        orphan_set = set(self.orphans)

        # Zipf-like popularity: a few hubs collect most links. Section pages and the homepage
        # are ranked among the most popular, as in a real wiki.
        targets = [src for src in order if src not in orphan_set]
        rng.shuffle(targets)
        targets.sort(key=lambda src: 0 if self.specs[src].section_index else 1)
        weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(targets))]
        cumulative = list(accumulate(weights))

        self.plan: Dict[str, List[Tuple[str, str]]] = {src: [] for src in order}
        dead = set(self.dead_ends)
        sources = [src for src in order if src not in dead]
        for source in sources:
            for _ in range(rng.randint(20, 40)):
                target = targets[bisect_right(cumulative, rng.random() * cumulative[-1])]
                if target != source:
                    self.plan[source].append((target, rng.choice(FORMS)))
        # Popularity alone would leave some unpopular pages without any link: give each page
        # that is not meant to be an orphan one link from a random page.
        linked = {target for links in self.plan.values() for target, _ in links}
        for target in targets:
            if target not in linked and target != "index.md":
                source = rng.choice(sources)
                while source == target:
                    source = rng.choice(sources)
                self.plan[source].append((target, rng.choice(FORMS)))
        # Every tricky target gets every form at least once, from a random page.
        for target in order:
            if self.specs[target].special or self.specs[target].section_index:
                for form in FORMS:
                    source = rng.choice(sources)
                    while source == target:
                        source = rng.choice(sources)
                    self.plan[source].append((target, form))
        for source in sources:
            rng.shuffle(self.plan[source])

    # -- one link of each form -----------------------------------------------------------------

    def md_path(self, source: str, target: str) -> str:
        """The target's path relative to the source file's folder, as written in Markdown."""
        return posixpath.relpath(target, posixpath.dirname(source) or ".")

    def counted_link(self, source: str, target: str, form: str, text: str, refs: List[str]) -> str:
        """Markdown/HTML for one link from `source` to `target` that MkDocs and browsers resolve
        to `target`. Forms that do not fit a pair fall back to one that does."""
        spec = self.specs[target]
        rel = self.md_path(source, target)
        needs_quoting = any(ch in rel for ch in " %()<>")
        frag = self.rng.choice(spec.headings)[1]
        built = relative_url(spec.url, self.specs[source].url)

        if form == "dotslash" and rel.startswith(".."):
            form = "parent"
        if form == "parent" and not rel.startswith(".."):
            form = "dotslash"
        if form == "detour" and "/" not in source:
            form = "percent"
        if form in ("plain", "dotslash", "parent", "titled") and needs_quoting:
            form = "angle"
        self.form_counts[form] += 1

        if form == "plain" or form == "parent":
            return f"[{text}]({rel})"
        if form == "dotslash":
            return f"[{text}](./{rel})"
        if form == "detour":
            # In and out of the source's own folder: `../guide/x.md` from `guide/a.md`.
            folder = posixpath.dirname(source)
            return f"[{text}](<../{posixpath.basename(folder)}/{rel}>)"
        if form == "fragment":
            return f"[{text}]({quote(rel)}#{frag})"
        if form == "query":
            return f"[{text}]({quote(rel)}?q=1&lang=en#{frag})"
        if form == "angle":
            return f"[{text}](<{rel}>)"
        if form == "percent":
            return f"[{text}]({quote(rel)})"
        if form == "titled":
            return f'[{text}]({rel} "About {text}")'
        if form in ("reference", "collapsed_ref"):
            label = f"ref-{len(refs) + 1}"
            dest = quote(rel)
            if self.rng.random() < 0.5:
                dest += "#" + frag
            refs.append(f"[{label}]: {dest}")
            return f"[{text}][{label}]" if form == "reference" else f"[{label}][]"
        if form == "root_html":
            return f'<a href="{html_attr(MOUNT + spec.url)}">{text}</a>'
        if form == "absolute":
            return f"[{text}]({site_href(spec.url)})"
        if form == "autolink":
            return f"<{site_href(spec.url)}>"
        if form == "rel_html":
            return f'<a class="wiki" href="{html_attr(built)}">{text}</a>'
        if form == "rel_html_single_quoted":
            return f"<a title='{text}' href='{html_attr(built)}#{frag}'>{text}</a>"
        raise AssertionError(form)

    def self_links(self, source: str) -> List[str]:
        spec = self.specs[source]
        name = posixpath.basename(source)
        frag = self.rng.choice(spec.headings)[1]
        own = quote(name)
        return [
            f"[back to {frag}](#{frag})",
            f"[this page]({own})",
            f"[this section]({own}#{frag})",
            f'<a href="{html_attr(relative_url(spec.url, spec.url))}">this very page</a>',
            f'<a href="#{frag}">up</a>',
            '<a href="">empty href</a>',
            '<a id="anchor-only">anchor without href</a>',
        ]

    def noise(self, source: str) -> Tuple[List[str], List[str]]:
        """Inline snippets and whole blocks whose links must never count as backlinks."""
        rng = self.rng
        some_target = self.rng.choice(self.orphans) if rng.random() < 0.6 else rng.choice(self.order)
        if some_target == source:
            some_target = "index.md" if source != "index.md" else self.order[-1]
        spec = self.specs[some_target]
        rel = self.md_path(source, some_target)
        built = relative_url(spec.url, self.specs[source].url)
        png = posixpath.relpath("assets/pixel.png", posixpath.dirname(source) or ".")
        inline = [
            "[write to us](mailto:team@example.org)",
            "<team@example.org>",
            "[call us](tel:+1-555-0100)",
            '<a href="javascript:void(0)">do nothing</a>',
            "[inline data](data:text/plain,hello)",
            f"[other host](//other.host/x/{posixpath.basename(built)})",
            "[elsewhere](https://other.org/)",
            f"[same path, other host](https://other.org{MOUNT}{spec.url})",
            f"`[{rel}](<{rel}>)`",
            f'`<a href="{html_attr(built)}">code</a>`',
            f'<!-- <a href="{html_attr(built)}">inline comment</a> -->',
            f"![a pixel]({png})",
            f"[the pixel file]({png})",
        ]
        blocks = [
            f"```markdown\nSee [the page](<{rel}>) or <a href=\"{html_attr(built)}\">this</a>.\n```",
            f"    [indented code](<{rel}>)",
            f'<!--\nOld link: [retired](<{rel}>)\n<a href="{html_attr(built)}">retired</a>\n-->',
        ]
        for missing in (f"missing-page-{rng.randint(1, 999):03d}.md", f"../nowhere/gone-{rng.randint(1, 99)}.md#top"):
            inline.append(f"[missing]({missing})")
            self.broken.append((source, missing))
        return inline, blocks

    # -- writing -------------------------------------------------------------------------------

    def prose(self, count: int, inserts: Sequence[str]) -> str:
        rng = self.rng
        words = [rng.choice(FILLER) if rng.random() < 0.55 else rng.choice(WORDS) for _ in range(count)]
        words[0] = words[0].capitalize()
        for snippet in inserts:
            # Never at position 0: a paragraph starting with a tag or `<` reads differently.
            words.insert(rng.randint(1, len(words)), snippet)
        text = " ".join(words) + "."
        return text

    def page_text(self, source: str) -> str:
        rng = self.rng
        spec = self.specs[source]
        dead_end = source in self.dead_ends
        refs: List[str] = []
        counted: List[str] = []
        for target, form in self.plan.get(source, ()):
            text = " ".join(rng.sample(WORDS, 2))
            counted.append(self.counted_link(source, target, form, text, refs))
            key = (source, target)
            self.edges[key] = self.edges.get(key, 0) + 1
        selfs = self.self_links(source)
        if dead_end:
            inline_noise = ["[elsewhere](https://other.org/)", "[write to us](mailto:team@example.org)"]
            blocks: List[str] = []
        else:
            inline_noise, blocks = self.noise(source)
        inline = counted + selfs + inline_noise
        rng.shuffle(inline)

        lines: List[str] = []
        if spec.title_style == "front":
            title = spec.title.replace("\\", "\\\\").replace('"', '\\"')
            lines += ["---", f'title: "{title}"', "---", "", "# Front matter sets this page's title", ""]
        elif spec.title_style == "h1_code":
            # "Fish & Chips with `<b>` tags": `&` alone stays text, the code span shows `<b>`.
            lines += ["# " + spec.title.replace("<b>", "`<b>`"), ""]
        else:
            lines += [f"# {spec.title}", ""]

        sections = len(spec.headings)
        per_section = max(20, self.words // (sections + 1))
        # Spread links over the intro and every section.
        chunks: List[List[str]] = [[] for _ in range(sections + 1)]
        for i, snippet in enumerate(inline):
            chunks[i % (sections + 1)].append(snippet)
        lines += [self.prose(per_section, chunks[0]), ""]
        if not dead_end and rng.random() < 0.5:
            lines += ["Some claims need a source.[^1]", ""]
            footnote = True
        else:
            footnote = False
        for (heading, _), chunk in zip(spec.headings, chunks[1:]):
            lines += [f"## {heading}", ""]
            if chunk and rng.random() < 0.3:
                # Some links live in list items and tables rather than paragraphs.
                half = len(chunk) // 2
                lines += [f"- {rng.choice(WORDS)} {snippet}" for snippet in chunk[:half]]
                lines += [""]
                chunk = chunk[half:]
            if chunk and "|" not in chunk[0] and rng.random() < 0.2:
                lines += ["| Item | Where |", "| --- | --- |", f"| {rng.choice(WORDS)} | {chunk[0]} |", ""]
                chunk = chunk[1:]
            first = per_section // 2
            lines += [self.prose(first, chunk[: len(chunk) // 2]), ""]
            lines += [self.prose(per_section - first, chunk[len(chunk) // 2 :]), ""]
            if blocks and rng.random() < 0.5:
                lines += [blocks.pop(), ""]
        lines += [block + "\n" for block in blocks]
        if footnote:
            lines += ["[^1]: " + self.prose(8, []), ""]
        if refs:
            lines += refs + [""]
        return "\n".join(lines)

    def write(self, out_dir: str, plugins: List[str], nav: str = "auto") -> dict:
        self.nav_kind = nav
        self.plan_links()
        docs = os.path.join(out_dir, "docs")
        if os.path.isdir(docs):
            shutil.rmtree(docs)
        os.makedirs(os.path.join(docs, "assets"))
        with open(os.path.join(docs, "assets", "pixel.png"), "wb") as fh:
            fh.write(tiny_png())
        for source in self.order:
            path = os.path.join(docs, *source.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(self.page_text(source))
        write_config(out_dir, plugins, self.directory_urls, nav=self.nav(nav))
        truth = self.truth()
        with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8", newline="\n") as fh:
            json.dump(truth, fh, indent=1, sort_keys=True, ensure_ascii=False)
            fh.write("\n")
        return truth

    def nav(self, kind: str) -> Optional[List[Tuple[str, List[str]]]]:
        if kind == "auto":
            return None
        if kind == "sections":
            return section_nav(self.order)
        raise ValueError(f"unknown nav {kind!r}: expected 'auto' or 'sections'")

    def truth(self) -> dict:
        backlinks: Dict[str, List[str]] = {src: [] for src in self.order}
        for source, target in sorted(self.edges):
            backlinks[target].append(source)
        has_outgoing = {source for source, _ in self.edges}
        orphans = sorted(src for src in self.order if not backlinks[src] and src != "index.md")
        dead_ends = sorted(src for src in self.order if src not in has_outgoing)
        # The plan and what was written must agree, or the generator is wrong.
        assert orphans == self.orphans, (orphans, self.orphans)
        assert dead_ends == self.dead_ends, (dead_ends, self.dead_ends)
        self._verify_built_urls()
        return {
            "nav": self.nav_kind,
            "unreachable": self.unreachable(),
            "site_url": SITE_URL,
            "use_directory_urls": self.directory_urls,
            "pages": {src: {"url": self.specs[src].url, "title": self.specs[src].title} for src in self.order},
            "backlinks": backlinks,
            "edges": [[s, t, n] for (s, t), n in sorted(self.edges.items())],
            "orphans": orphans,
            "dead_ends": dead_ends,
            "broken": sorted([s, h] for s, h in self.broken),
            "form_counts": dict(sorted(self.form_counts.items())),
        }

    def unreachable(self) -> List[str]:
        """Pages a reader cannot get to from the homepage or the nav by following links."""
        nav = self.nav(self.nav_kind)
        roots = set(self.order) if nav is None else {src for _, srcs in nav for src in srcs}
        outgoing: Dict[str, List[str]] = {}
        for source, target in self.edges:
            outgoing.setdefault(source, []).append(target)
        seen = set(roots) | {"index.md"}
        todo = sorted(seen)
        while todo:
            for target in outgoing.get(todo.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return sorted(set(self.order) - seen)

    def _verify_built_urls(self) -> None:
        """Every relative built URL the generator writes must lead a browser to its page."""
        by_url = {self.specs[src].url: src for src in self.order}
        for source in self.order:
            base = SITE_URL + self.specs[source].url
            for target in {t for t, _ in self.plan.get(source, ())}:
                href = relative_url(self.specs[target].url, self.specs[source].url)
                reached = urljoin(base, href)[len(SITE_URL):]
                assert by_url.get(reached) == target, (source, target, href, reached)


def section_nav(pages: Sequence[str]) -> List[Tuple[str, List[str]]]:
    """A navigation of the homepage and the section pages only, grouped by top folder.

    MkDocs renders the whole navigation into every page, so the default navigation (every page)
    makes a build quadratic in the number of pages: a 10,000-page site would take most of an
    hour and hide everything else. Real large sites list their sections, not every page.
    """
    groups: Dict[str, List[str]] = {}
    for src in sorted(pages):
        if src == "index.md" or posixpath.basename(src) not in ("index.md", "README.md"):
            continue
        groups.setdefault(src.split("/", 1)[0], []).append(src)
    return [("", ["index.md"])] + sorted(groups.items())


def write_config(
    out_dir: str,
    plugins: List[str],
    directory_urls: bool,
    filename: str = "mkdocs.yml",
    site_dir: Optional[str] = None,
    nav: Optional[List[Tuple[str, List[str]]]] = None,
) -> str:
    """Write a config for the generated site; the benchmark writes one per plugin variant.

    `nav`: None for MkDocs' default navigation (every page), else (section, pages) groups;
    pages are listed without a title so that each keeps its own.
    """
    lines = [
        "site_name: Synthetic wiki",
        f"site_url: {SITE_URL}",
        f"use_directory_urls: {'true' if directory_urls else 'false'}",
        "docs_dir: docs",
    ]
    if site_dir:
        lines.append(f"site_dir: {site_dir}")
    if nav is not None:
        lines.append("nav:")
        for section, srcs in nav:
            if section:
                lines.append(f"  - {json.dumps(section.capitalize())}:")
                lines += [f"      - {json.dumps(src, ensure_ascii=False)}" for src in srcs]
            else:
                lines += [f"  - {json.dumps(src, ensure_ascii=False)}" for src in srcs]
    lines += [
        "markdown_extensions:",
        "  - toc:",
        "      permalink: true",
        "  - footnotes",
        "  - tables",
    ]
    if plugins:
        lines += ["plugins:"] + [f"  - {name}" for name in plugins]
    else:
        lines.append("plugins: []")
    path = os.path.join(out_dir, filename)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


def generate(
    out_dir: str,
    pages: int,
    seed: int = 1,
    directory_urls: bool = True,
    words: int = 600,
    plugins: Optional[List[str]] = None,
    nav: str = "auto",
) -> dict:
    """Generate the site into `out_dir` and return its truth (also written to truth.json).

    `nav`: "auto" (no `nav` in mkdocs.yml: MkDocs lists every page) or "sections"
    (see `section_nav`)."""
    os.makedirs(out_dir, exist_ok=True)
    if plugins is None:
        plugins = ["search", "backlinks"]
    return Generator(pages, seed, directory_urls, words).write(out_dir, plugins, nav)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=600, help="approximate prose words per page")
    urls = parser.add_mutually_exclusive_group()
    urls.add_argument("--directory-urls", dest="directory_urls", action="store_true", default=True)
    urls.add_argument("--no-directory-urls", dest="directory_urls", action="store_false")
    plugin = parser.add_mutually_exclusive_group()
    plugin.add_argument("--plugin", default="backlinks", help="plugin to list after search (default: backlinks)")
    plugin.add_argument("--no-plugin", action="store_true", help="list the search plugin only")
    parser.add_argument(
        "--nav",
        choices=("auto", "sections"),
        default="auto",
        help="auto: no nav in mkdocs.yml (every page in the navigation, builds grow quadratically); "
        "sections: only the homepage and section pages",
    )
    args = parser.parse_args(argv)
    plugins = ["search"] if args.no_plugin else ["search", args.plugin]
    truth = generate(args.out_dir, args.pages, args.seed, args.directory_urls, args.words, plugins, args.nav)
    edges = sum(n for _, _, n in truth["edges"])
    print(
        f"{len(truth['pages'])} pages, {len(truth['edges'])} linked pairs ({edges} links), "
        f"{len(truth['orphans'])} orphans, {len(truth['dead_ends'])} dead ends, "
        f"{len(truth['broken'])} broken links -> {args.out_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
