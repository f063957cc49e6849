"""The one tokenizer: what a `<` starts, which elements hold no markup, how attributes read.

A page's HTML is read as a browser's tokenizer reads it, without building a tree: the tags that
matter are found by regular expressions compiled here from one grammar, so that every view of a
page (links, text, snippets, prose, a built page's regions) steps over the same things:

- a `<` opens a tag only before an ASCII letter, `/` + letter, `!` or `?`; anywhere else
  (`a < b`, `x <= 1`) it is text;
- a comment runs from `<!--` to `-->` or `--!>` (`<!-->` and `<!--->` are empty comments), an
  unclosed one to the end of the text;
- `<!...>` and `<?...>` (a doctype, `<![CDATA[...]]>` outside SVG and MathML, a processing
  instruction) are bogus comments that end at the first `>`;
- the elements of `NOT_MARKUP` hold no markup: they are read whole, to their end tag (`</name`
  then white space, `/` or `>`) or to the end of the text; `<plaintext>` has no end tag;
- attribute values are read as a browser reads them: quotes open a value only after `=`, so a
  `>` inside a quoted value never ends a tag, and a stray quote elsewhere is part of a name.

Every pattern is written so that any text has one way to match it, which keeps the scan linear
on unclosed or hostile tags. Nothing here raises on odd input.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Dict, FrozenSet, Iterable, Iterator, Mapping, Optional, Sequence, Tuple

__all__ = [
    "NOT_MARKUP",
    "SHOWN_RAW_TEXT",
    "VOID_ELEMENTS",
    "Tag",
    "element_end",
    "hidden_spans",
    "iter_tags",
    "parse_attributes",
    "raw_content",
    "raw_element",
    "tag_pattern",
    "token_pattern",
]

NOT_MARKUP: Mapping[str, str] = {
    # Raw text: nothing inside is markup, and a browser does not show it as the page's text.
    "script": "raw text, run, never shown",
    "style": "raw text, never shown",
    "iframe": "raw text, never shown (the frame shows another document)",
    "noembed": "raw text, never shown (embedding is supported)",
    "noframes": "raw text, never shown (frames are supported)",
    "noscript": "raw text with scripting on (every reader's browser), never shown",
    # Escapable raw text: entities are decoded, tags are not tags; shown only as a control's value
    # or the window's title, never as the page's text.
    "textarea": "escapable raw text, a form control's value, not the page's text",
    "title": "escapable raw text, the window's title, not the page's text",
    # Markup parsed into an inert fragment that is neither shown nor part of the document: its
    # links are in no `document.links`.
    "template": "inert content, never shown, its links are not the page's",
    # Raw text that is shown as it is written.
    "xmp": "raw text, shown literally",
    "plaintext": "raw text to the end of the document, shown literally",
}
"""The elements whose content is not markup, each with the browser's reading (the HTML standard's
tokenizer states with scripting enabled)."""

SHOWN_RAW_TEXT: FrozenSet[str] = frozenset({"xmp", "plaintext"})
"""The elements of `NOT_MARKUP` whose content a reader sees, as written (no entities decoded)."""

VOID_ELEMENTS: FrozenSet[str] = frozenset("area base br col embed hr img input link meta source track wbr".split())
"""Elements that have no content and no end tag."""

# The attribute part of a tag: runs of plain characters between '=' and quote characters, quotes
# opening a value only after '='.
ATTRS = r"""[^>"'=]*(?:(?:=\s*"[^"]*"|=\s*'[^']*'|=(?!\s*"[^"]*")(?!\s*'[^']*')|["'])[^>"'=]*)*"""
COMMENT = r"!--(?:-?>|.*?(?:--!?>|\Z))"
BOGUS_COMMENT = r"[!?][^>]*(?:>|\Z)"
_RAW = tuple(name for name in NOT_MARKUP if name != "plaintext")
# Patterns are compiled without IGNORECASE, which makes every step of the engine slower (twice
# the time of the token scan on the docs-like site's pages): names are matched in any case by
# a scoped `(?i:...)` group (back-references too), letters in classes written in both cases.
# The raw-text elements, read whole; `plaintext` runs to the end of the text.
RAW_ELEMENT = (
    r"(?P<raw>(?i:"
    + "|".join(_RAW)
    + r"))(?=[\s/>])"
    + ATTRS
    + r"(?:>.*?(?:</(?i:(?P=raw))(?=[\s/>])[^>]*(?:>|\Z)|\Z)|\Z)"
    + r"|(?P<plaintext>(?i:plaintext))(?=[\s/>]).*"
)


def any_case(letters: str) -> str:
    """The characters of a regex class for `letters` in both cases."""
    return "".join(sorted(set(letters.lower()) | set(letters.upper())))


def names_pattern(names: Iterable[str]) -> str:
    """A regex matching any of the tag `names`, in any case, tried in the order given: callers
    follow it with the end of a name (`(?=[\\s/>])`), so order only decides speed. Frequent names
    first: a block-tag scan of the docs-like site's pages took 41 µs with `p` and `li` first,
    60 µs with the longest names first."""
    return "(?i:" + "|".join(re.escape(n) for n in names) + ")"


_RAW_FIRST = any_case("".join(name[0] for name in NOT_MARKUP))


def token_pattern(names: Optional[Sequence[str]]) -> "re.Pattern[str]":
    """The tokens that matter in a scan: comments, bogus comments, the elements of `NOT_MARKUP`
    (each read whole, group `raw` or `plaintext`), and start or end tags named one of `names`
    (lower case; any name when None, none when empty), groups `close`, `name`, `attrs` and `end`
    (empty for a tag the text ends inside). Tags of other names are not tokens, so the regex
    engine skips them without a Python step each."""
    if names is None:
        tag_names, first = r"[a-zA-Z][^\s/>]*", "a-zA-Z"
    elif names:
        tag_names = names_pattern(names)
        first = any_case("".join(n[:1] for n in names))
    else:
        tag_names, first = "(?!)", ""  # a name group that never matches: no tag is a token
    # Most `<` of a page start a tag that is no token (`<li>`, `</span>`): a look at the
    # character after it turns them away before the alternatives are tried one by one. On the
    # pages of the 1,000-page docs-like site built by Zensical, a scan of a whole page took
    # 0.09 ms instead of 0.18 naming no tag, 0.17 ms instead of 0.24 naming the content regions'.
    ahead = f"(?=[!?{_RAW_FIRST}{first}]" + (f"|/[{first}])" if first else ")")
    tag = r"(?P<close>/)?(?P<name>" + tag_names + r")(?=[\s/>]|\Z)(?P<attrs>" + ATTRS + r")(?P<end>>|\Z)"
    hidden = COMMENT + "|" + BOGUS_COMMENT + "|" + RAW_ELEMENT
    # Named tags tried first when none of them holds no markup (the common scans: links and
    # headings, a content region): most `<` that get this far are such tags. The link scan of
    # the docs-like site's pages: 27 µs a page, 36 µs with the other tokens tried first.
    named_first = names is not None and not set(n.lower() for n in names) & set(NOT_MARKUP)
    return re.compile(
        "<" + ahead + "(?:" + (tag + "|" + hidden if named_first else hidden + "|" + tag) + ")", re.DOTALL
    )


def tag_pattern(names: Iterable[str]) -> "re.Pattern[str]":
    """Start and end tags named one of `names`, whole (`<p class="x">`, `</li>`), and nothing
    else: for views that only cut text at such tags and find comments and raw text apart
    (`hidden_spans`)."""
    # A tag the text ends inside runs to the end (one match), so that the scan stays linear.
    return re.compile(r"</?" + names_pattern(names) + r"(?=[\s/>])" + ATTRS + r"(?:>|\Z)")


_TOKEN = token_pattern(None)
_TOKENS_FOR: Dict[FrozenSet[str], "re.Pattern[str]"] = {}


def tokens_for(names: Optional[Iterable[str]]) -> "re.Pattern[str]":
    """The token regex for tags named `names` (any tag when None), compiled once."""
    if names is None:
        return _TOKEN
    key = frozenset(names)
    pattern = _TOKENS_FOR.get(key)
    if pattern is None:
        pattern = _TOKENS_FOR[key] = token_pattern(tuple(key))
    return pattern


# What hides a `<` from the tokenizer: comments, bogus comments and the elements of NOT_MARKUP.
# It is the tokenizer's own regex with no tag named, so that the two cannot read them apart.
HIDDEN = token_pattern(())


def hidden_spans(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[Tuple[int, int, str]]:
    """(start, end, element name or "" for a comment) of each span of `text[start:end]` that holds
    no markup (see the module's docstring), in order."""
    for match in HIDDEN.finditer(text, start, len(text) if end is None else end):
        name = match.group("raw") or match.group("plaintext") or ""
        yield match.start(), match.end(), name.lower()


_RAW_CONTENT = re.compile(
    r"<[a-zA-Z][^\s/>]*" + ATTRS + r">(.*?)(?:</[a-zA-Z][^\s/>]*(?=[\s/>])[^>]*(?:>|\Z))?\Z", re.DOTALL
)


def raw_content(element: str) -> str:
    """The content of an element of `NOT_MARKUP` as `hidden_spans` finds it whole (start tag to
    end tag, or to the end of the text), as written."""
    match = _RAW_CONTENT.match(element)
    return match.group(1) if match else ""


def raw_element(html: str, name: str, start: int = 0, end: Optional[int] = None) -> Optional[str]:
    """The content, as written, of the first element `name` of `NOT_MARKUP` (such as `title`) in
    `html[start:end]`; None when there is none."""
    for begin, stop, found in hidden_spans(html, start, end):
        if found == name:
            return raw_content(html[begin:stop])
    return None


_ATTRIBUTE = re.compile(r"""([^\s/>=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")


def parse_attributes(text: str) -> Dict[str, str]:
    """The attributes of a start tag's attribute text, names lower-cased; the first of a
    repeated name wins, as in a browser; entities in values are decoded."""
    attrs: Dict[str, str] = {}
    for name, double, single, bare in _ATTRIBUTE.findall(text):
        name = name.lower()
        if name in attrs:
            continue
        # `findall` gives "" for a group that took no part; only one quoting takes part. One
        # call instead of four `group` calls per attribute: links read 13% sooner (0.478 s ->
        # 0.416 s over the 1,000 pages of the docs-like benchmark site).
        value = double or single or bare
        attrs[name] = html_lib.unescape(value) if "&" in value else value
    return attrs


class Tag:
    """One start or end tag met by `iter_tags`."""

    __slots__ = ("name", "closing", "start", "end", "attr_text")

    def __init__(self, name: str, closing: bool, start: int, end: int, attr_text: str) -> None:
        self.name = name
        self.closing = closing
        self.start = start
        """Offset of its `<`."""
        self.end = end
        """Offset just after its `>`."""
        self.attr_text = attr_text

    @property
    def attrs(self) -> Dict[str, str]:
        return parse_attributes(self.attr_text)


def tag_of(match: "re.Match[str]") -> Tag:
    """The tag a token regex matched (its `name` group took part)."""
    return Tag(
        match.group("name").lower(), bool(match.group("close")), match.start(), match.end(), match.group("attrs")
    )


def iter_tags(
    html: str, start: int = 0, end: Optional[int] = None, names: Optional[Iterable[str]] = None
) -> Iterator[Tag]:
    """The start and end tags of `html[start:end]` in order (names lower-cased), stepping over
    comments, bogus comments and the elements of `NOT_MARKUP`; only tags named `names` when given
    (faster). Stops at a tag the text ends inside (a browser drops it)."""
    stop = len(html) if end is None else end
    for match in tokens_for(names).finditer(html, start, stop):
        if match.group("name") is None:
            continue  # a comment or an element holding no markup: nothing inside is a tag
        if not match.group("end"):
            return
        yield tag_of(match)


def tag_at(html: str, at: int, name: str) -> Optional[Tag]:
    """The start or end tag named `name` that begins at `html[at]`, if one does."""
    match = tokens_for((name,)).match(html, at)
    if match is None or match.group("name") is None or not match.group("end"):
        return None
    return tag_of(match)


def element_end(html: str, open_tag: Tag) -> Optional[int]:
    """Offset of the end tag (`</name>`) that balances `open_tag`, or None when there is none."""
    name = open_tag.name
    if name in VOID_ELEMENTS:
        return None
    depth = 1
    for tag in iter_tags(html, open_tag.end, names=(name,)):
        if tag.name != name:
            continue
        if tag.closing:
            depth -= 1
            if depth == 0:
                return tag.start
        else:
            depth += 1
    return None
