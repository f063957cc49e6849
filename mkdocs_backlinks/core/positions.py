"""Where a link or a mention found in a page's rendered HTML is written in its Markdown source.

A finding about a link (a broken one) or about words (an unlinked mention) is worth most at its
line: CI systems put it on the diff there. The HTML says what a link is (its href, its words);
this module finds the places in the Markdown that produce it, by the forms authors write:
inline links `[words](href)`, reference links and their definitions `[id]: href` (the
definition is where the href is written), raw HTML `<a href="...">`, wikilinks `[[Page]]` and
`[[Page|words]]` (roamlinks, ezlinks), autorefs references `[words][id]` with no definition, and
files included with pymdownx.snippets (`--8<-- "file.md"`), whose places are in that file.

Never a wrong line: the places found are matched to a page's rendered links in document order
only when they account for every one of them (as many places as links, the words agreeing);
otherwise no link of the group gets a line. Code (fenced blocks, code spans), HTML comments and
front matter are no places. Pure functions over text: no MkDocs, no files.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple
from urllib.parse import unquote, urlsplit

__all__ = ["Include", "Place", "WrittenLink", "locate_links", "locate_mention", "written_links"]

Include = Callable[[str], Optional[Tuple[str, str]]]
"""Reads a file included with pymdownx.snippets: its name as written -> (its path as findings name
it, its text), or None when it cannot be read."""


class Place(NamedTuple):
    """A place in a Markdown file: 1-based line and column of its first character, and of the
    character after its last (SARIF's `endColumn`); offsets `start`, `end` into the file's text.
    `edit_start`, `edit_end`: the offsets of what a fix replaces (the href as written; the words
    of a mention); -1 when nothing here can be replaced safely."""

    file: str
    """"" for the page's own source, else the included file's path (see `Include`)."""
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    edit_start: int = -1
    edit_end: int = -1
    form: str = ""
    """How the link is written (`WrittenLink.kind`); "" for a mention."""


class WrittenLink(NamedTuple):
    """A link as written in Markdown. `kind`: `inline`, `reference` (its href written in
    `definition`), `html`, `wikilink` or `autoref`; `href` as the author wrote it (unescaped);
    `words` its visible words (markup left in); `start`, `end`: the whole construct;
    `href_start`, `href_end`: where the href is written (-1 when it is not: a wikilink, an
    autoref)."""

    kind: str
    href: str
    words: str
    start: int
    end: int
    href_start: int
    href_end: int
    label: str = ""


# --- Masking: what is no place for a link ---------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE = re.compile(r"^([ \t]*(?:>[ \t]?)*)(`{3,}|~{3,})", re.M)
_BACKTICKS = re.compile(r"``*")  # not "`+": a pattern that starts with a plain character is searched 10x faster
_COMMENT = re.compile(r"<!--.*?-->", re.S)


_NOT_LINE_END = re.compile(r"[^\r\n]")


def _blanked(text: str, spans: Sequence[Tuple[int, int]]) -> str:
    """`text` with every character of `spans` (sorted by start) but line ends made a space."""
    if not spans:
        return text
    pieces = []
    at = 0
    for start, end in spans:
        start = max(start, at)  # spans that overlap (a link inside raw HTML) blank their union
        if end <= start:
            continue
        pieces.append(text[at:start])
        pieces.append(_NOT_LINE_END.sub(" ", text[start:end]))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def masked(markdown: str) -> str:
    """`markdown` with front matter, fenced code, code spans and HTML comments blanked out
    (line ends kept, so offsets, lines and columns stay as they were)."""
    spans: List[Tuple[int, int]] = []
    found = _FRONT_MATTER.match(markdown)
    if found:
        spans.append((0, found.end()))
    position = found.end() if found else 0
    while "```" in markdown or "~~~" in markdown:
        fence = _FENCE.search(markdown, position)
        if fence is None:
            break
        marker = fence.group(2)
        fence_run = re.escape(marker[0]) + "{" + str(len(marker)) + ",}"
        closing = re.compile(r"^[ \t]*(?:>[ \t]?)*" + fence_run + r"[ \t]*$", re.M)
        line_end = markdown.find("\n", fence.end())
        after = len(markdown) if line_end == -1 else line_end + 1
        close = closing.search(markdown, after)
        end = len(markdown) if close is None else close.end()
        spans.append((fence.start(), end))
        position = end
    text = _blanked(markdown, spans)
    if "<!--" in text:
        text = _blanked(text, [found.span() for found in _COMMENT.finditer(text) if _in_paragraph(text, found.span())])
    if "`" in text:
        text = _blanked(text, _code_spans(text))
    return text


def _in_paragraph(text: str, span: Tuple[int, int]) -> bool:
    """Whether `span` crosses no paragraph break (a comment or a code span never does)."""
    content = text[span[0] : span[1]]
    return "\n\n" not in content and "\n\r\n" not in content


def _code_spans(text: str) -> List[Tuple[int, int]]:
    """The code spans of `text`: a run of backticks (not after a backslash) to the next run as
    long; a pair that crosses a paragraph break is no code span (but its runs are used up)."""
    # Pairing the runs, rather than one regular expression that tries every character after an
    # opening run: the code spans of the 1,000-page link-dense benchmark site are found in 0.01 s
    # instead of 0.14 s (1% of its 13-15 s build), the same spans (checked on random text).
    runs = [(found.start(), found.end()) for found in _BACKTICKS.finditer(text)]
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        closing = next(
            (later for later in range(index + 1, len(runs)) if runs[later][1] - runs[later][0] == end - start), None
        )
        if (start > 0 and text[start - 1] == "\\") or closing is None:
            index += 1
            continue
        if _in_paragraph(text, (start, runs[closing][1])):
            spans.append((start, runs[closing][1]))
        index = closing + 1
    return spans


# --- The link forms -------------------------------------------------------------------------------

_BRACKETED = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\](?:\([^()\s]*\))?)*"
_DESTINATION = r"<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
_ANY_LINK = re.compile(
    r"\[\[(?P<wiki>[^\[\]|\n]+?)(?:\|(?P<wiki_words>[^\[\]\n]+?))?\]\]"  # [[Page]], [[Page|words]]
    r"|\[(?P<words>" + _BRACKETED + r")\]\(\s*(?P<dest>" + _DESTINATION + ")" + _TITLE + r"\s*\)"  # [words](href)
    r"|\[(?P<ref>" + _BRACKETED + r")\](?:[ \t]?\[(?P<label>(?:[^\[\]\\]|\\.)*)\])?"  # [words][id], [id]
)
_DEFINITION = re.compile(
    r"^[ \t]*(?:>[ \t]*)*\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*(<[^<>\n]*>|\S+)"
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$""",
    re.M,
)
_HTML_A = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))[^>]*>(.*?)</a\s*>""", re.I | re.S)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SNIPPET = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["']?)([^"'\s]+)\1[ \t]*$""", re.M)


def _label(text: str) -> str:
    """A reference label as Markdown compares them: case and white space folded."""
    return " ".join(text.split()).casefold()


def _unescaped(href: str) -> str:
    if "\\" not in href and "&" not in href and "<" not in href:
        return href  # most hrefs: nothing to undo
    if href.startswith("<") and href.endswith(">"):
        href = href[1:-1]
    return html.unescape(_ESCAPE.sub(r"\1", href))


def written_links(markdown: str) -> List[WrittenLink]:
    """Every link written in `markdown` (code and comments left out), in document order; a
    reference link's href is its definition's, and where that definition is written."""
    text = masked(markdown)
    links: List[WrittenLink] = []
    definitions: Dict[str, Tuple[str, int, int]] = {}
    for found in _DEFINITION.finditer(text):
        if found.group(1).startswith("^"):
            continue  # a footnote's definition
        key = _label(found.group(1))
        definitions.setdefault(key, (_unescaped(found.group(2)), found.start(2), found.end(2)))
    for found in _HTML_A.finditer(text):
        value_group = next(group for group in (1, 2, 3) if found.group(group) is not None)
        links.append(
            WrittenLink(
                "html",
                html.unescape(found.group(value_group)),
                markdown[found.start(4) : found.end(4)],
                found.start(),
                found.end(),
                found.start(value_group),
                found.end(value_group),
            )
        )
    position = 0
    while True:
        link_match = _ANY_LINK.search(text, position)
        if link_match is None:
            break
        start, end = link_match.span()
        if start > 0 and text[start - 1] in "!\\":  # an image (or an embed), or an escaped bracket
            position = start + 1
            continue
        if link_match.group("wiki") is not None:
            target, words = link_match.group("wiki").strip(), (link_match.group("wiki_words") or "").strip()
            links.append(WrittenLink("wikilink", target, words or target, start, end, -1, -1))
            position = end
            continue
        if link_match.group("dest") is not None:
            links.append(
                WrittenLink(
                    "inline",
                    _unescaped(link_match.group("dest")),
                    markdown[link_match.start("words") : link_match.end("words")],
                    start,
                    end,
                    link_match.start("dest"),
                    link_match.end("dest"),
                )
            )
            position = end
            continue
        words, label = markdown[link_match.start("ref") : link_match.end("ref")], link_match.group("label")
        key = _label(label if label else words)
        if label is None and text.startswith(":", end):
            position = end  # a definition, read above
        elif key in definitions:
            href, href_start, href_end = definitions[key]
            links.append(WrittenLink("reference", href, words, start, end, href_start, href_end, key))
            position = end
        elif key and label is not None:
            # `[words][id]` or `[id][]` with no definition: autorefs' cross-reference.
            links.append(WrittenLink("autoref", "", words, start, end, -1, -1, " ".join((label or words).split())))
            position = end
        else:
            position = start + 1  # `[words]` and nothing more: text, which may hold a link
    links.sort(key=lambda link: link.start)
    return links


# --- Matching a rendered link ---------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_MARKUP = re.compile(r"!\[([^\]]*)\]\([^)]*\)|<[^>]*>|[*_~`]|\\(?=[!-/:-@\[-`{-~])")


def words_key(words: str) -> str:
    """Link words compared loosely: markup, emphasis, quotes' shapes, case and spacing aside."""
    plain = _MARKUP.sub(lambda m: m.group(1) or "", html.unescape(words))
    return " ".join(plain.translate(_QUOTES).split()).casefold()


def source_url(src: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) MkDocs publishes the source `src` at."""
    stem, _, extension = src.rpartition(".")
    if extension.lower() not in ("md", "markdown"):
        return src
    folder, _, name = stem.rpartition("/")
    base = folder + "/" if folder else ""
    if name in ("index", "README"):
        return base
    return base + name + ("/" if directory_urls else ".html")


def _site_path(path: str) -> str:
    """A site path compared loosely: decoded, no trailing slash nor `index.html`."""
    path = unquote(path)
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path.strip("/")


def _resolved(path: str, folder: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, path)) if path else folder
    return "" if joined in (".", "") else joined


@functools.lru_cache(maxsize=4096)
def _written_target(written: str, page_src: str, page_url: str, directory_urls: bool) -> Optional[Tuple[str, str, str]]:
    """The site path, query and fragment a relative href written in the source of `page_src`
    reaches once MkDocs has made it a URL (a path to a Markdown file becomes the URL it is
    published at); None for any other href."""
    try:
        parts = urlsplit(written)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or written.startswith(("/", "#")):
        return None
    target = _resolved(unquote(parts.path), posixpath.dirname(page_src))
    if parts.path and target.startswith(".."):
        return None
    if target.endswith((".md", ".markdown")):
        target = source_url(target, directory_urls)
    elif not parts.path:
        target = page_url
    return _site_path(target), parts.query, unquote(parts.fragment)


@functools.lru_cache(maxsize=1024)
def _rendered_target(rendered: str, page_url: str) -> Optional[Tuple[str, str, str]]:
    """The site path, query and fragment a relative href on the page at `page_url` reaches."""
    try:
        parts = urlsplit(rendered)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    page_folder = page_url[: page_url.rfind("/") + 1] if page_url not in (".", "./") else ""
    reached = _resolved(unquote(parts.path), page_folder.rstrip("/")) if parts.path else page_url
    return _site_path(reached), parts.query, unquote(parts.fragment)


_INDEX_NAMES = ("", ".", "..", "index", "README")
_BY_HREF = ("inline", "reference", "html")
"""The link forms matched by their href (`same_href`)."""


def _last_name(href: str) -> str:
    """The name an href's path ends with, without `.md`, `.html` or a final slash (`guide/a.md`,
    `../a/` and `a.html` all end with `a`); a folder's index file is named by its folder
    (`a/index.md`, `a/README.md`); "" when the path ends with no name (`./`, `../`, `#top`)."""
    path = unquote(href.partition("#")[0].partition("?")[0]).rstrip("/")
    for suffix in (".md", ".markdown", ".html"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            folder, _, name = path.rpartition("/")
            # MkDocs publishes `a/index.md` and `a/README.md` at `a/`; a browser opens `a/` for `a/index.html`.
            if name == "index" or (name == "README" and suffix != ".html"):
                path = folder
            break
    name = path.rpartition("/")[2]
    return "" if name in _INDEX_NAMES else name


def same_href(written: str, rendered: str, page_src: str, page_url: str, directory_urls: bool) -> bool:
    """Whether a link written `written` in the source of page `page_src` (published at
    `page_url`) is rendered with the href `rendered`: the same, or the same target once MkDocs
    has turned a path to a source file into the URL it is published at."""
    if written == rendered or unquote(written) == unquote(rendered):
        return True
    target = _written_target(written, page_src, page_url, directory_urls)
    return target is not None and target == _rendered_target(rendered, page_url)


def _stem_key(path: str) -> str:
    path = unquote(path).strip("/")
    for suffix in ("/index.html", ".html", ".md"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return re.sub(r"[\s_\-]+", " ", path.rpartition("/")[2]).casefold().strip()


def _matches(link: WrittenLink, href: str, page_src: str, page_url: str, directory_urls: bool) -> bool:
    if link.kind == "wikilink":
        target = link.href.partition("#")[0]
        try:
            path = urlsplit(href).path
        except ValueError:
            return False
        return bool(target) and _stem_key(target) == _stem_key(path)
    if link.kind == "autoref":
        try:
            fragment = unquote(urlsplit(href).fragment)
        except ValueError:
            return False
        return fragment == link.label
    return same_href(link.href, href, page_src, page_url, directory_urls)


class _Occurrence(NamedTuple):
    order: Tuple[int, ...]
    """Where the rendered link comes in the page: the offsets of the include directives leading
    to it, then its own."""
    link: WrittenLink
    file: str
    text: str
    name: str
    """`_last_name` of its href, worked out once per page."""


# A page's links are looked up once per broken href it has (`findings.py` asks page by page):
# its Markdown is read into links once.
@functools.lru_cache(maxsize=4)
def _occurrences(markdown: str, file: str, include: Optional[Include], depth: int = 0) -> List[_Occurrence]:
    found = [
        _Occurrence((link.start,), link, file, markdown, _last_name(link.href)) for link in written_links(markdown)
    ]
    if include is not None and depth < 3 and "8<" in markdown:
        for directive in _SNIPPET.finditer(masked(markdown)):
            included = include(directive.group(2))
            if included is None:
                continue
            path, text = included
            for inner in _occurrences(text, path, include, depth + 1):
                found.append(inner._replace(order=(directive.start(), *inner.order)))
    found.sort(key=lambda occurrence: occurrence.order)
    return found


def _place(text: str, file: str, start: int, end: int, edit: Tuple[int, int] = (-1, -1), form: str = "") -> Place:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = line + text.count("\n", start, end)
    end_column = end - (text.rfind("\n", 0, end) + 1) + 1
    return Place(file, line, column, end_line, end_column, start, end, edit[0], edit[1], form)


def locate_links(
    markdown: str,
    href: str,
    words: Sequence[str],
    *,
    page_src: str,
    page_url: str,
    directory_urls: bool,
    include: Optional[Include] = None,
) -> List[Optional[Place]]:
    """Where each of a page's rendered links to `href` is written, in document order: `words`
    are the links' words as rendered (one item per link, "" when unknown). One place per link,
    all None unless the source's links to that href are exactly as many and their words agree
    (a reference link's place is its definition, where the href is written)."""
    name = _last_name(href)
    candidates = [
        occurrence
        for occurrence in _occurrences(markdown, "", include)
        # Hrefs that end with another name never match: most of a page's links, ruled out cheaply.
        if not (name and occurrence.name and name != occurrence.name and occurrence.link.kind in _BY_HREF)
        and _matches(occurrence.link, href, page_src, page_url, directory_urls)
    ]
    if len(candidates) != len(words):
        # Links written another way to the same target (`./gone.md` beside `gone.md`) that the
        # generator left as written are links to another href: those written as rendered, if
        # they are as many as the links, are the places.
        candidates = [c for c in candidates if c.link.kind in _BY_HREF and unquote(c.link.href) == unquote(href)]
        if len(candidates) != len(words):
            return [None] * len(words)
    places: List[Optional[Place]] = []
    for occurrence, rendered in zip(candidates, words):
        link = occurrence.link
        if rendered and link.kind != "wikilink" and words_key(link.words) != words_key(rendered):
            return [None] * len(words)
        if link.kind == "reference":
            start, end = link.href_start, link.href_end
        else:
            start, end = link.start, link.end
        edit = (link.href_start, link.href_end) if link.href_start >= 0 else (-1, -1)
        places.append(_place(occurrence.text, occurrence.file, start, end, edit, link.kind))
    return places


# --- Mentions -----------------------------------------------------------------------------------

_NOT_PROSE = re.compile(
    r"^[ \t]*(?:>[ \t]*)*#{1,6}(?:[ \t].*)?$"  # an ATX heading
    r"|^[ \t]*(?:!!!|\?\?\?\+?)[ \t].*$"  # an admonition's first line, its title
    r"|<[^>\n]*>",  # a tag
    re.M,
)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_GAP = r"(?:[\s*_~\-\u2010\u2011]|<[^>\n]*>)+"


def _prose_of(markdown: str) -> str:
    """`masked(markdown)` with links, headings, admonition titles, definitions and tags blanked
    out too: what is left is where an unlinked mention can be written."""
    text = masked(markdown)
    text = _blanked(text, [(link.start, link.end) for link in written_links(markdown)])
    for pattern in (_DEFINITION, _NOT_PROSE, _SNIPPET):
        text = _blanked(text, [found.span() for found in pattern.finditer(text)])
    return text


def _name_pattern(name: str) -> str:
    return _GAP.join(re.escape(part) for part in _WORD.findall(name))


def locate_mention(markdown: str, words: str, count: int, names: Sequence[str] = ()) -> Optional[Place]:
    """Where the first of a page's `count` unlinked mentions of a page is in its Markdown, the
    first written as `words` (as rendered): found in the prose only, as whole words, in any
    case, white space, hyphens and emphasis between them. `names` are all the names the page
    goes by (its title and aliases; `words` alone when not given), each mention counted once,
    the longest name winning where two overlap. None unless exactly `count` are found and the
    first of them reads `words`."""
    forms = sorted({" ".join(_WORD.findall(name)) for name in (words, *names)} - {""}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(_name_pattern(form) for form in forms) + r")(?![\w]|-\w)", re.I)
    found = list(pattern.finditer(_prose_of(markdown)))
    if len(found) != count:
        return None
    first = found[0]
    if _WORD.findall(first.group(0).casefold()) != _WORD.findall(words.casefold()):
        return None
    plain = re.fullmatch(r"[\w' \-\u2019]+", markdown[first.start() : first.end()]) is not None
    return _place(markdown, "", first.start(), first.end(), (first.start(), first.end()) if plain else (-1, -1))
