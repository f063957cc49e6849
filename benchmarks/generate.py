"""Generate a synthetic MkDocs site together with the exact link graph it contains.

    python benchmarks/generate.py OUT_DIR --pages 1000 [--seed 1] [--no-directory-urls]
                                  [--profile dense|docs] [--mentions N]

writes `OUT_DIR/mkdocs.yml`, `OUT_DIR/docs/**` and `OUT_DIR/truth.json`. The truth is computed
from the links the generator itself wrote, so it does not depend on the plugin under test.

Two profiles:
- `dense` (the default): a link-dense wiki, 20 to 40 content links a page and plenty of links
  that must not count, to test link handling hard and measure the worst case;
- `docs`: pages like real documentation, about 10 content links a page (most to pages of the
  same section), headings, code blocks, admonitions, tables and lists, and a navigation that
  lists the sections and the first page of each.

`--mentions N` plants N unlinked mentions of page titles and aliases in the prose (see
`MentionPlanter`), with decoys that must not count, and writes them to truth.json under
`mentions` and `mention_pairs`; mention_scan.py finds them again independently, and the
generator stops if the two disagree.

The site mixes every way an author can link one page to another (Markdown, reference-style,
angle brackets, percent-encoding, raw HTML with built URLs, root-relative and absolute URLs of the
site itself) with links that must never count (other schemes, other hosts, code, comments,
assets, self links, missing pages). File names include spaces, non-ASCII letters, a literal `%`,
dots, case-distinct twins and names that look like URL schemes (`tel.md`, `https.md`).

Same arguments and seed => byte-identical output.
"""

from __future__ import annotations

import argparse
import importlib.util
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
from typing import Dict, List, Optional, Sequence, Set, Tuple
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
    "guide",
    "reference",
    "howto",
    "concepts",
    "api",
    "ops",
    "community",
    "blog",
    "tutorials",
    "internals",
    "integrations",
    "security",
)

# Every form a counted link can take; see `Generator.counted_link`.
FORMS = (
    "plain",
    "dotslash",
    "parent",
    "detour",
    "fragment",
    "query",
    "angle",
    "percent",
    "titled",
    "reference",
    "collapsed_ref",
    "root_html",
    "absolute",
    "autolink",
    "rel_html",
    "rel_html_single_quoted",
)

PROFILES = ("dense", "docs")

# How often each form is drawn in the docs profile: documentation mostly writes plain relative
# links, links to a heading and reference links; the odd forms stay, rarely.
DOCS_FORM_WEIGHTS = {
    "plain": 30,
    "dotslash": 4,
    "parent": 12,
    "detour": 1,
    "fragment": 20,
    "query": 1,
    "angle": 3,
    "percent": 2,
    "titled": 2,
    "reference": 8,
    "collapsed_ref": 2,
    "root_html": 1,
    "absolute": 2,
    "autolink": 1,
    "rel_html": 2,
    "rel_html_single_quoted": 1,
}

# Links of the docs profile that leave the site (never counted; nothing is fetched).
EXTERNAL_LINKS = (
    "[the Python documentation](https://docs.python.org/3/)",
    "[YAML](https://yaml.org/spec/1.2.2/)",
    "[the issue tracker](https://github.com/example/project/issues)",
    "[semantic versioning](https://semver.org/)",
    "[CommonMark](https://spec.commonmark.org/0.31.2/)",
    "[the changelog on PyPI](https://pypi.org/project/example/#history)",
)

DOCS_FORMS = tuple(DOCS_FORM_WEIGHTS)
DOCS_WEIGHTS = tuple(DOCS_FORM_WEIGHTS.values())
assert set(DOCS_FORMS) == set(FORMS)

ADMONITION_KINDS = ("note", "tip", "warning", "info", "example", "danger")


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
    aliases: List[str] = field(default_factory=list)  # front matter `aliases:` (planted mentions)


@dataclass
class Planted:
    """What the mention planter adds to one page: snippets for its prose, blocks for its end."""

    inline: List[str] = field(default_factory=list)
    blocks: List[str] = field(default_factory=list)


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


def area_of(src: str) -> str:
    """The top folder of a page ("" for pages at the root): its section of the site."""
    return src.split("/", 1)[0] if "/" in src else ""


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


def title_lines(spec: PageSpec) -> List[str]:
    """The lines that give a page its title, as its `title_style` says."""
    if spec.title_style == "front":
        title = spec.title.replace("\\", "\\\\").replace('"', '\\"')
        return ["---", f'title: "{title}"', "---", "", "# Front matter sets this page's title", ""]
    if spec.title_style == "h1_code":
        # "Fish & Chips with `<b>` tags": `&` alone stays text, the code span shows `<b>`.
        return ["# " + spec.title.replace("<b>", "`<b>`"), ""]
    return [f"# {spec.title}", ""]


# ----------------------------------------------------------------------------------------------
# The site.


class Generator:
    def __init__(
        self,
        pages: int,
        seed: int = 1,
        directory_urls: bool = True,
        words: int = 600,
        profile: str = "dense",
        mentions: int = 0,
    ) -> None:
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}: expected one of {', '.join(PROFILES)}")
        self.rng = random.Random(seed)
        self.seed = seed
        self.profile = profile
        self.mentions = mentions
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
        # Planted mentions: what each page gets (see MentionPlanter), and the truth.
        self.planted: Dict[str, "Planted"] = {}
        self.planted_mentions: List[dict] = []

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
        """Decide who links to whom and in which form (`self.plan`), orphans and dead ends."""
        rng = self.rng
        order = self.order
        targets, popular = self._plan_orphans_and_popularity()
        self.plan: Dict[str, List[Tuple[str, str]]] = {src: [] for src in order}
        dead = set(self.dead_ends)
        sources = [src for src in order if src not in dead]
        if self.profile == "docs":
            self._plan_docs_links(sources, popular)
        else:
            for source in sources:
                for _ in range(rng.randint(20, 40)):
                    target = popular()
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
                self.plan[source].append((target, self._any_form()))
        # Every tricky target gets every form at least once, from a random page (in the docs
        # profile the special names only: section pages get plenty of ordinary links there).
        for target in order:
            spec = self.specs[target]
            if spec.special or (spec.section_index and self.profile == "dense"):
                for form in FORMS:
                    source = rng.choice(sources)
                    while source == target:
                        source = rng.choice(sources)
                    self.plan[source].append((target, form))
        for source in sources:
            rng.shuffle(self.plan[source])

    def _plan_orphans_and_popularity(self):
        """Pick the orphans and dead ends; return the pages that may be linked, and a function
        that draws one of them by popularity."""
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

        def popular() -> str:
            return targets[bisect_right(cumulative, rng.random() * cumulative[-1])]

        return targets, popular

    def _plan_docs_links(self, sources: List[str], popular) -> None:
        """About 10 content links a page, as in documentation: one in ten to the section's
        overview page, half to other pages of the same section, the rest to popular pages."""
        rng = self.rng
        orphans = set(self.orphans)
        by_area: Dict[str, List[str]] = {}
        for src in self.order:
            if src not in orphans:
                by_area.setdefault(area_of(src), []).append(src)
        for source in sources:
            area = area_of(source)
            local = by_area.get(area, [])
            overview = f"{area}/index.md" if area else "index.md"
            for _ in range(rng.randint(6, 14)):
                draw = rng.random()
                if draw < 0.1 and overview in self.specs:
                    target = overview
                elif draw < 0.6 and len(local) > 1:
                    target = rng.choice(local)
                else:
                    target = popular()
                if target != source:
                    self.plan[source].append((target, self._any_form()))

    def _any_form(self) -> str:
        """A link form for an ordinary link: uniform in the dense profile, weighted like real
        documentation in the docs profile."""
        if self.profile == "docs":
            return self.rng.choices(DOCS_FORMS, DOCS_WEIGHTS)[0]
        return self.rng.choice(FORMS)

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
            f'```markdown\nSee [the page](<{rel}>) or <a href="{html_attr(built)}">this</a>.\n```',
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
        """The Markdown of one page."""
        if self.profile == "docs":
            return self.docs_page_text(source)
        rng = self.rng
        spec = self.specs[source]
        dead_end = source in self.dead_ends
        planted = self.planted.get(source) or Planted()
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
        inline = counted + selfs + inline_noise + planted.inline
        rng.shuffle(inline)

        lines = self.front_matter(source) + title_lines(spec)

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
        lines += [block + "\n" for block in planted.blocks]
        if footnote:
            lines += ["[^1]: " + self.prose(8, []), ""]
        if refs:
            lines += refs + [""]
        return "\n".join(lines)

    def front_matter(self, source: str) -> List[str]:
        """Front matter lines for a page with aliases (only planted mention targets have any)."""
        aliases = self.specs[source].aliases
        if not aliases:
            return []
        return ["---", "aliases:"] + [f"  - {json.dumps(a, ensure_ascii=False)}" for a in aliases] + ["---", ""]

    # -- the docs profile ----------------------------------------------------------------------

    def docs_page_text(self, source: str) -> str:
        """A page like real documentation: an intro, sections with prose, code blocks, lists,
        tables and admonitions, about 10 content links, and sometimes a "See also" list."""
        rng = self.rng
        spec = self.specs[source]
        dead_end = source in self.dead_ends
        planted = self.planted.get(source) or Planted()
        refs: List[str] = []
        counted: List[str] = []
        for target, form in self.plan.get(source, ()):
            counted.append(self.counted_link(source, target, form, self.docs_link_text(target), refs))
            key = (source, target)
            self.edges[key] = self.edges.get(key, 0) + 1
        see_also: List[str] = []
        if len(counted) >= 8 and rng.random() < 0.5:
            see_also, counted = counted[-3:], counted[:-3]
        selfs = [f"[above](#{rng.choice(spec.headings)[1]})"] if rng.random() < 0.3 else []
        if dead_end:
            noise, blocks = [rng.choice(EXTERNAL_LINKS)], []
        else:
            noise, blocks = self.docs_noise(source)
        inline = counted + selfs + noise + planted.inline
        rng.shuffle(inline)

        lines = self.front_matter(source) + title_lines(spec)

        sections = spec.headings
        chunks: List[List[str]] = [[] for _ in range(len(sections) + 1)]
        for i, snippet in enumerate(inline):
            chunks[i % len(chunks)].append(snippet)
        intro = max(15, self.words // 10)
        # Two thirds of a section's words are its paragraph; lists, tables and admonitions
        # bring the rest.
        per_section = max(20, (self.words - intro) * 2 // (3 * len(sections)))
        lines += [self.prose(intro, chunks[0]), ""]
        if rng.random() < 0.3:
            lines += self.admonition_block([]) + [""]
        for (heading, _), chunk in zip(sections, chunks[1:]):
            lines += [f"## {heading}", ""]
            odds = (("code", 0.5), ("list", 0.35), ("table", 0.25), ("admonition", 0.3))
            extras = [kind for kind, p in odds if rng.random() < p]
            slots: Dict[str, List[str]] = {"para": []}
            slots.update({k: [] for k in extras if k != "code"})
            names = list(slots)
            for snippet in chunk:
                slots[rng.choice(names)].append(snippet)
            lines += [self.prose(per_section, slots["para"]), ""]
            for kind in extras:
                if kind == "code":
                    lines += [self.code_block(), ""]
                elif kind == "list":
                    lines += self.list_block(slots["list"]) + [""]
                elif kind == "table":
                    lines += self.table_block(slots["table"]) + [""]
                else:
                    lines += self.admonition_block(slots["admonition"]) + [""]
        lines += [block + "\n" for block in blocks]
        lines += [block + "\n" for block in planted.blocks]
        if see_also:
            lines += ["## See also", ""] + [f"- {link}" for link in see_also] + [""]
        if refs:
            lines += refs + [""]
        return "\n".join(lines)

    def docs_link_text(self, target: str) -> str:
        """Documentation links often read as the target's title; the special titles (markup,
        quotes) are kept out of link text, where they would be markup."""
        spec = self.specs[target]
        if not spec.special and self.rng.random() < 0.5:
            return spec.title
        return " ".join(self.rng.sample(WORDS, 2))

    def docs_noise(self, source: str) -> Tuple[List[str], List[str]]:
        """The few links of a documentation page that must never count as backlinks."""
        rng = self.rng
        inline = rng.sample(EXTERNAL_LINKS, rng.randint(0, 2))
        blocks: List[str] = []
        if rng.random() < 0.25:
            png = posixpath.relpath("assets/pixel.png", posixpath.dirname(source) or ".")
            inline.append(f"![a diagram]({png})")
        if rng.random() < 0.1:
            inline.append("[write to us](mailto:team@example.org)")
        if rng.random() < 0.05:
            missing = f"missing-page-{rng.randint(1, 999):03d}.md"
            inline.append(f"[the old page]({missing})")
            self.broken.append((source, missing))
        if rng.random() < 0.05:
            other = rng.choice(self.order)
            if other != source:
                blocks.append(f"<!-- moved: [old link](<{self.md_path(source, other)}>) -->")
        return inline, blocks

    def code_block(self) -> str:
        """A short fenced code block of made-up configuration or code."""
        rng = self.rng
        a, b, c = rng.sample(WORDS, 3)
        n = rng.randint(1, 99)
        lang = rng.choice(("python", "yaml", "bash", "toml"))
        if lang == "python":
            body = [f"from {a} import {b}_{c}", "", f"def {c}_{a}(value):", f'    """{b.capitalize()} the {a}."""',
                    f"    return {b}_{c}(value, {n})"]  # fmt: skip
        elif lang == "yaml":
            body = ["plugins:", "  - search", f"  - {a}:", f"      {b}_{c}: true", f"      {c}: {n}"]
        elif lang == "bash":
            body = [f"pip install {a}-{b}", f"{a} build --{c} {n}"]
        else:
            body = [f"[{a}.{b}]", f"{c} = {n}", f'name = "{b}"']
        return "\n".join([f"```{lang}"] + body + ["```"])

    def list_block(self, inserts: List[str]) -> List[str]:
        """A bulleted list; the snippets go into its items."""
        rng = self.rng
        items = max(2, min(5, len(inserts) + rng.randint(0, 2)))
        per_item: List[List[str]] = [[] for _ in range(items)]
        for i, snippet in enumerate(inserts):
            per_item[i % items].append(snippet)
        return [f"- {self.prose(rng.randint(5, 12), item)}" for item in per_item]

    def table_block(self, inserts: List[str]) -> List[str]:
        """An options table (name, default, description); the snippets go into descriptions."""
        rng = self.rng
        rows = max(2, min(5, len(inserts) + rng.randint(1, 2)))
        per_row: List[List[str]] = [[] for _ in range(rows)]
        for i, snippet in enumerate(inserts):
            per_row[i % rows].append(snippet)
        lines = ["| Option | Default | Description |", "| --- | --- | --- |"]
        for row in per_row:
            name = "_".join(rng.sample(WORDS, 2))
            default = rng.choice(("true", "false", "null", str(rng.randint(1, 500))))
            lines.append(f"| `{name}` | `{default}` | {self.prose(rng.randint(6, 14), row)} |")
        return lines

    def admonition_block(self, inserts: List[str]) -> List[str]:
        """A note, tip or warning, with or without its own title; the snippets go into its body."""
        rng = self.rng
        kind = rng.choice(ADMONITION_KINDS)
        head = f"!!! {kind}"
        if rng.random() < 0.5:
            head += f' "{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}"'
        return [head, "    " + self.prose(rng.randint(15, 35), inserts)]

    # -- writing the site ----------------------------------------------------------------------

    def write(self, out_dir: str, plugins: List[str], nav: str = "auto") -> dict:
        self.nav_kind = nav
        self.plan_links()
        if self.mentions:
            MentionPlanter(self).plant(self.mentions)
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
        write_config(out_dir, plugins, self.directory_urls, nav=self.nav(nav), extensions=self.extensions())
        truth = self.truth()
        if self.mentions:
            truth.update(self.mention_truth(docs))
        with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8", newline="\n") as fh:
            json.dump(truth, fh, indent=1, sort_keys=True, ensure_ascii=False)
            fh.write("\n")
        return truth

    def extensions(self) -> List[str]:
        """Markdown extensions beyond the ones every profile uses (see `markdown_extensions`)."""
        return markdown_extensions(self.profile, self.mentions)

    def mention_truth(self, docs: str) -> dict:
        """The planted mentions, checked against an independent scan of the written pages."""
        planted = sorted(self.planted_mentions, key=mention_scan().mention_key)
        found = mention_scan().scan(docs, self.order, set(self.edges))
        wrong = mention_scan().differences(planted, found)
        assert not wrong, "the planted mentions and the pages disagree:\n" + "\n".join(wrong)
        return {"mentions": planted, "mention_pairs": mention_scan().pairs(planted)}

    def nav(self, kind: str) -> Optional[List[Tuple[str, List[str]]]]:
        return navigation(kind, self.order)

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
                reached = urljoin(base, href)[len(SITE_URL) :]
                assert by_url.get(reached) == target, (source, target, href, reached)


# ----------------------------------------------------------------------------------------------
# Unlinked mentions.

# Invented words for the titles of mention targets: found nowhere else in the site, so a title
# can only appear where it was planted. One in five starts with an accented letter, so that
# case-insensitive matching must be Unicode-aware ("Élvanor" / "ÉLVANOR").
ONSETS = "b br d dr f g gr k kl l m n p pr r s st t tr v z".split()
VOWELS = "aeiou"
ACCENTED = "éöåü"
CODAS = ("n", "r", "l", "th", "x", "sk", "m", "nd")
# What a decoy turns a title into: a longer word, one word of several, no prose at all.
SUFFIXES = ("s", "ic", "ing", "ish")
DECOYS = ("suffix", "one_word", "code", "fence", "link", "heading", "admonition", "linked", "self")
# Words around each planted snippet: two snippets inserted side by side never run together.
LEADS = ("the", "with", "for", "on", "to")
TAILS = ("page", "guide", "section", "example", "system")
MENTIONS_PER_TARGET = 4
PAGES_PER_TARGET = 3  # few, so that no target looks like a generic title found everywhere


class MentionPlanter:
    """Plant unlinked mentions of page titles and aliases, and decoys that must not count.

    Targets are ordinary pages (no special names, no section pages), one per
    MENTIONS_PER_TARGET mentions, retitled with two invented words ("Brovalek tursimon"), each
    word owned by one title. One target in five comes with a second one whose title extends the
    first by a word ("Brovalek tursimon kelvath"), so the longest match must win; one in three
    gets an alias in its front matter. Each mention is the title or an alias, as written, in
    lower case, upper case or with every word capitalised, sometimes in bold, in the prose of a
    page that neither is the target nor links to it; it is recorded with its page and text.

    Decoys, two per target, cycling through DECOYS: the title with a suffix on a word ("Sets"
    in "Settings"), one word of it alone, in inline code, in a fenced block, as the text of a
    link, in a heading, as an admonition's title, in the prose of a page that links the target,
    in the prose of the target itself.

    Its random numbers are its own: planting changes nothing else of the site.
    """

    def __init__(self, generator: "Generator") -> None:
        self.gen = generator
        self.rng = random.Random(f"mentions:{generator.seed}")
        self.used: Set[str] = set(WORDS) | set(FILLER) | set(AREAS) | set(LEADS) | set(TAILS)
        self.links = {(source, target) for source, links in generator.plan.items() for target, _ in links}

    def word(self) -> str:
        """A new invented word."""
        rng = self.rng
        accented = rng.random() < 0.2
        while True:
            syllables = [
                rng.choice(ONSETS) + (rng.choice(ACCENTED) if accented and i == 0 else rng.choice(VOWELS))
                for i in range(rng.randint(2, 3))
            ]
            word = "".join(syllables) + rng.choice(CODAS)
            if word not in self.used:
                self.used.add(word)
                return word

    def name(self) -> str:
        """A new two-word title or alias, written as the generator writes titles."""
        return f"{self.word()} {self.word()}".capitalize()

    def plant(self, total: int) -> None:
        """Retitle the targets, give some aliases, and plant `total` mentions and the decoys."""
        gen = self.gen
        rng = self.rng
        candidates = [s for s in gen.order if not gen.specs[s].special and not gen.specs[s].section_index]
        n_targets = -(-total // MENTIONS_PER_TARGET)
        if n_targets > len(candidates) // 4:
            most = len(candidates) // 4 * MENTIONS_PER_TARGET
            raise SystemExit(f"--mentions {total}: at most {most} on a site of {len(gen.order)} pages")
        targets = rng.sample(candidates, n_targets)
        extended: Dict[str, str] = {}  # target -> the shorter title its title extends
        i = 0
        while i < len(targets):
            gen.specs[targets[i]].title = self.name()
            if i + 1 < len(targets) and rng.random() < 0.2:
                shorter = gen.specs[targets[i]].title
                gen.specs[targets[i + 1]].title = f"{shorter} {self.word()}"
                extended[targets[i + 1]] = shorter
                i += 1
            i += 1
        for target in targets:
            if rng.random() < 1 / 3:
                gen.specs[target].aliases = [self.name()]

        for k, target in enumerate(targets):
            count = total // n_targets + (1 if k < total % n_targets else 0)
            pages = [self.unlinked_page(target) for _ in range(min(PAGES_PER_TARGET, count))]
            for j in range(count):
                page = pages[j] if j < len(pages) else rng.choice(pages)
                written = self.as_written(rng.choice(gen.specs[target].aliases + [gen.specs[target].title] * 2))
                shown = f"**{written}**" if rng.random() < 0.15 else written
                self.add_inline(page, shown)
                gen.planted_mentions.append({"from": page, "to": target, "text": written})
            for j in range(2):
                self.decoy(target, DECOYS[(2 * k + j) % len(DECOYS)], extended.get(target))

    def unlinked_page(self, target: str) -> str:
        """A random page that is not `target` and does not link to it."""
        for _ in range(100 * len(self.gen.order)):
            page = self.rng.choice(self.gen.order)
            if page != target and (page, target) not in self.links:
                return page
        raise SystemExit(f"--mentions: every page links to {target}; no place for an unlinked mention")

    def as_written(self, name: str) -> str:
        """The name as an author might write it in running text."""
        style = self.rng.randrange(4)
        if style == 1:
            return name.lower()
        if style == 2:
            return name.upper()
        if style == 3:
            return " ".join(word[:1].upper() + word[1:] for word in name.split())
        return name

    def add_inline(self, page: str, text: str) -> None:
        rng = self.rng
        snippet = f"{rng.choice(LEADS)} {text} {rng.choice(TAILS)}"
        self.gen.planted.setdefault(page, Planted()).inline.append(snippet)

    def filler(self, count: int) -> str:
        return " ".join(self.rng.choice(FILLER) for _ in range(count)).capitalize() + "."

    def decoy(self, target: str, kind: str, shorter: Optional[str]) -> None:
        """One place where `target`'s title appears but is no unlinked mention."""
        gen = self.gen
        rng = self.rng
        title = gen.specs[target].title
        words = title.split()
        page = rng.choice(gen.order)
        if kind == "suffix":
            # Suffix the first word when the title extends a shorter one: "Brovalek tursimon
            # kelvathic" would still hold that shorter title.
            at = 0 if shorter else len(words) - 1
            words[at] += rng.choice(SUFFIXES)
            self.add_inline(page, " ".join(words))
        elif kind == "one_word":
            self.add_inline(page, words[-1])
        elif kind == "code":
            self.add_inline(page, f"`{self.as_written(title)}`")
        elif kind == "link":
            self.add_inline(page, f"[{self.as_written(title)}](https://other.org/wiki/)")
        elif kind == "fence":
            block = f"```text\n{self.as_written(title)}\n```"
            gen.planted.setdefault(page, Planted()).blocks.append(block)
        elif kind == "heading":
            block = f"## Notes on {self.as_written(title)}\n\n{self.filler(12)}"
            gen.planted.setdefault(page, Planted()).blocks.append(block)
        elif kind == "admonition":
            block = f'!!! note "{self.as_written(title)}"\n    {self.filler(12)}'
            gen.planted.setdefault(page, Planted()).blocks.append(block)
        else:
            linking = sorted(source for source, t in self.links if t == target)
            page = rng.choice(linking) if kind == "linked" and linking else target
            self.add_inline(page, self.as_written(title))


NAVS = ("auto", "sections", "docs")


def navigation(kind: str, pages: Sequence[str]) -> Optional[List[Tuple[str, List[str]]]]:
    """The `nav` of mkdocs.yml for a kind of NAVS: None for "auto" (MkDocs lists every page)."""
    if kind == "auto":
        return None
    if kind == "sections":
        return section_nav(pages)
    if kind == "docs":
        return docs_nav(pages)
    raise ValueError(f"unknown nav {kind!r}: expected one of {', '.join(NAVS)}")


def default_nav(profile: str) -> str:
    """The navigation a profile gets unless told otherwise: MkDocs' own (every page) for the
    dense wiki, as before; a documentation-like one for the docs profile."""
    return "docs" if profile == "docs" else "auto"


def markdown_extensions(profile: str, mentions: int = 0) -> List[str]:
    """Extensions a profile needs beyond toc, footnotes and tables: admonitions in docs pages,
    and for the admonition titles that the mention planter uses as decoys."""
    return ["admonition"] if profile == "docs" or mentions else []


def mention_scan():
    """benchmarks/mention_scan.py, loaded by path (the benchmarks are scripts, not a package)."""
    name = "_benchmarks_mention_scan"
    if name not in sys.modules:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mention_scan.py")
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def docs_nav(pages: Sequence[str]) -> List[Tuple[str, List[str]]]:
    """The section navigation plus, after each section page, the first page of its folder: a
    few hundred entries at most, like the navigation of a large documentation site (and
    rendered into every page, as themes do)."""
    first: Dict[str, str] = {}
    for src in sorted(pages):
        folder, name = posixpath.split(src)
        if folder and name not in ("index.md", "README.md"):
            first.setdefault(folder, src)
    nav = []
    for group, srcs in section_nav(pages):
        listed: List[str] = []
        for src in srcs:
            listed.append(src)
            folder = posixpath.dirname(src)
            if folder in first:
                listed.append(first[folder])
        nav.append((group, listed))
    return nav


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
    extensions: Sequence[str] = (),
) -> str:
    """Write a config for the generated site; the benchmark writes one per plugin variant.

    `nav`: None for MkDocs' default navigation (every page), else (section, pages) groups;
    pages are listed without a title so that each keeps its own. `extensions`: Markdown
    extensions to add (see `markdown_extensions`). A plugin is a name, or a (name, options)
    pair whose options are written under it (`("backlinks", {"context": "titles"})`).
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
    lines += [f"  - {name}" for name in extensions]
    if plugins:
        lines.append("plugins:")
        for plugin in plugins:
            if isinstance(plugin, str):
                lines.append(f"  - {plugin}")
            else:
                name, options = plugin
                lines.append(f"  - {name}:")
                lines += [f"      {key}: {json.dumps(value)}" for key, value in options.items()]
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
    nav: Optional[str] = None,
    profile: str = "dense",
    mentions: int = 0,
) -> dict:
    """Generate the site into `out_dir` and return its truth (also written to truth.json).

    `nav`: "auto" (no `nav` in mkdocs.yml: MkDocs lists every page), "sections" (see
    `section_nav`), "docs" (see `docs_nav`); by default the profile's (`default_nav`).
    `profile`: "dense" or "docs" (see the module's docstring). `mentions`: how many unlinked
    mentions to plant (truth.json then has `mentions` and `mention_pairs`)."""
    os.makedirs(out_dir, exist_ok=True)
    if plugins is None:
        plugins = ["search", "backlinks"]
    generator = Generator(pages, seed, directory_urls, words, profile=profile, mentions=mentions)
    return generator.write(out_dir, plugins, nav or default_nav(profile))


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
        choices=NAVS,
        default=None,
        help="auto (the dense profile's default): no nav in mkdocs.yml (every page in the "
        "navigation, builds grow quadratically); sections: only the homepage and section pages; "
        "docs (the docs profile's default): the section pages and the first page of each",
    )
    parser.add_argument(
        "--profile", choices=PROFILES, default="dense",
        help="dense (default): a link-dense wiki; docs: pages like real documentation",
    )  # fmt: skip
    parser.add_argument(
        "--mentions", type=int, default=0, metavar="N",
        help="plant N unlinked mentions of page titles, with decoys (default: 0)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.mentions < 0:
        parser.error("--mentions must be 0 or more")
    plugins = ["search"] if args.no_plugin else ["search", args.plugin]
    truth = generate(
        args.out_dir, args.pages, args.seed, args.directory_urls, args.words, plugins, args.nav,
        profile=args.profile, mentions=args.mentions,
    )  # fmt: skip
    edges = sum(n for _, _, n in truth["edges"])
    planted = f", {len(truth['mentions'])} unlinked mentions" if args.mentions else ""
    print(
        f"{len(truth['pages'])} pages, {len(truth['edges'])} linked pairs ({edges} links), "
        f"{len(truth['orphans'])} orphans, {len(truth['dead_ends'])} dead ends, "
        f"{len(truth['broken'])} broken links{planted} -> {args.out_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
