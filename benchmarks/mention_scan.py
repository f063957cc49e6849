"""Find unlinked mentions of page titles in a generated site's Markdown, independently of how
generate.py planted them.

generate.py records every mention it plants; this module reads the Markdown files it wrote
and finds the mentions again from scratch, so a bookkeeping mistake in the planting (or a title
that turns up in the prose by chance) shows as a difference instead of a wrong truth.

It knows only the Markdown that generate.py writes: front matter, ATX headings, fenced and
indented code, admonitions (`!!! kind "title"` and a four-space indented body), footnotes,
reference definitions, inline code, Markdown and raw-HTML links, autolinks and HTML comments.
The prose left is what a reader sees as running text (paragraphs, list items, table cells,
admonition bodies); a mention is a page's title or alias there as whole words,
case-insensitively, the longest one where two overlap, on a page other than its own and not
linking to it.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

# Where prose was cut out (a link, a code span), titles must not match across the gap.
GAP = "\x00"

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_MD_LINK = re.compile(r"!?\[[^\]\n]*\]\((?:<[^>\n]*>|[^)\n]*)\)")
_REF_LINK = re.compile(r"\[[^\]\n]*\]\[[^\]\n]*\]")
_HTML_LINK = re.compile(r"<a\b[^>]*>.*?</a\s*>", re.IGNORECASE | re.DOTALL)
_AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]*:[^>\s]*|[^>\s@]+@[^>\s]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-z][^>]*>", re.IGNORECASE)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]+\]")
_REF_DEFINITION = re.compile(r"^\[(?!\^)[^\]\n]+\]:\s")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]\n]+\]:\s*")
_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


def front_matter(text: str) -> Tuple[Dict[str, object], str]:
    """The page's front matter (only the flat keys and lists generate.py writes) and the rest."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text
    meta: Dict[str, object] = {}
    key = None
    for line in text[4:end].splitlines():
        if line.startswith("  - ") and key:
            items = meta.setdefault(key, [])
            assert isinstance(items, list)
            items.append(_yaml_scalar(line[4:]))
        elif ":" in line:
            key, _, value = line.partition(":")
            meta[key] = _yaml_scalar(value.strip()) if value.strip() else []
    return meta, text[end + len("\n---\n") :]


def _yaml_scalar(value: str) -> str:
    # generate.py writes scalars either bare or as JSON strings (a subset of YAML).
    return json.loads(value) if value.startswith('"') else value


def page_title(text: str) -> str:
    """The title MkDocs gives a page: front matter `title`, else the first `# ` heading.

    Inline code keeps its text (`# Fish & `<b>` tags` is titled "Fish & <b> tags")."""
    meta, body = front_matter(text)
    if isinstance(meta.get("title"), str):
        return str(meta["title"])
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].replace("`", "").strip()
    return ""


def prose(text: str) -> str:
    """The running text of one generated Markdown page, with GAP where something was cut out."""
    _, body = front_matter(text)
    body = _COMMENT.sub(GAP, body)
    kept: List[str] = []
    in_fence = False
    in_admonition = False
    for line in body.split("\n"):
        if line.strip() and not line.startswith("    "):
            in_admonition = False
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            kept.append(GAP)
            continue
        if in_fence:
            continue
        if line.startswith("    "):
            # An admonition's body is prose; any other indented block is code.
            kept.append(line.strip() if in_admonition else GAP)
            continue
        if line.startswith("!!!"):
            in_admonition = True  # its title is no prose
            kept.append(GAP)
        elif line.startswith("#") or _REF_DEFINITION.match(line):
            kept.append(GAP)
        else:
            kept.append(_FOOTNOTE_DEFINITION.sub("", line))
    text = "\n".join(kept)
    # Code first (it may hold what looks like a link), then links, then any other tag.
    for pattern in (_CODE_SPAN, _HTML_LINK, _MD_LINK, _REF_LINK, _AUTOLINK, _FOOTNOTE_REF, _TAG):
        text = pattern.sub(GAP, text)
    # Table cells are prose, their pipes are not.
    return text.replace("|", GAP)


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.replace("*", "")).strip().casefold()


class TitleIndex:
    """Every page's title and aliases, looked up by the words they start with."""

    def __init__(self, names: Dict[str, Sequence[str]]) -> None:
        # (first word, number of words) -> normalised name -> page
        self.by_start: Dict[str, Dict[int, Dict[str, str]]] = {}
        for page, page_names in names.items():
            for name in page_names:
                words = _TOKEN.findall(name.casefold())
                if not words:
                    continue
                lengths = self.by_start.setdefault(words[0], {})
                lengths.setdefault(len(words), {})[_normal(name)] = page

    def find(self, text: str) -> Iterable[Tuple[str, str]]:
        """(page, text as written) for each name in `text`, leftmost and longest first."""
        tokens = list(_TOKEN.finditer(text))
        folded = [t.group().casefold() for t in tokens]
        i = 0
        while i < len(tokens):
            lengths = self.by_start.get(folded[i])
            hit = None
            if lengths:
                for n in sorted(lengths, reverse=True):
                    if i + n > len(tokens):
                        continue
                    written = text[tokens[i].start() : tokens[i + n - 1].end()]
                    if GAP in written:
                        continue
                    page = lengths[n].get(_normal(written))
                    if page is not None:
                        hit = (page, _SPACES.sub(" ", written.replace("*", "")), n)
                        break
            if hit:
                yield hit[0], hit[1]
                i += hit[2]
            else:
                i += 1


def scan(docs_dir: str, pages: Sequence[str], links: Set[Tuple[str, str]]) -> List[dict]:
    """Every unlinked mention in the site: sorted `{"from", "to", "text"}` objects, one per
    occurrence. `pages` are the sources under `docs_dir`; `links` the (from, to) pairs linked."""
    texts: Dict[str, str] = {}
    names: Dict[str, List[str]] = {}
    for page in pages:
        with open(os.path.join(docs_dir, *page.split("/")), encoding="utf-8") as fh:
            texts[page] = fh.read()
        meta, _ = front_matter(texts[page])
        aliases = meta.get("aliases") or []
        names[page] = [page_title(texts[page])] + [str(a) for a in aliases]  # type: ignore[union-attr]
    index = TitleIndex(names)
    found = []
    for page in pages:
        for target, written in index.find(prose(texts[page])):
            if target != page and (page, target) not in links:
                found.append({"from": page, "to": target, "text": written})
    return sorted(found, key=mention_key)


def mention_key(mention: dict) -> Tuple[str, str, str]:
    """The order of `truth.json`'s mentions."""
    return (mention["from"], mention["to"], mention["text"])


def pairs(mentions: Sequence[dict]) -> List[dict]:
    """Mentions counted per (from, to), the form the detector reports."""
    counts: Dict[Tuple[str, str], int] = {}
    for m in mentions:
        counts[(m["from"], m["to"])] = counts.get((m["from"], m["to"]), 0) + 1
    return [{"from": s, "to": t, "count": n} for (s, t), n in sorted(counts.items())]


def differences(planted: Sequence[dict], found: Sequence[dict], limit: Optional[int] = 20) -> List[str]:
    """What was planted but not found, and found but not planted (one line each)."""
    want = sorted(map(mention_key, planted))
    got = sorted(map(mention_key, found))
    missing = _minus(want, got)
    extra = _minus(got, want)
    lines = [f"planted, not found: {m}" for m in missing] + [f"found, not planted: {m}" for m in extra]
    return lines[:limit] if limit else lines


def _minus(a: List[Tuple[str, str, str]], b: List[Tuple[str, str, str]]) -> List[Tuple[str, str, str]]:
    """`a` without `b`, counting repeats (a multiset difference)."""
    return sorted((Counter(a) - Counter(b)).elements())
