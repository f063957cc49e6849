"""Unlinked mentions: places where a page's prose names another page without linking to it.

For every page P and every other page Q that P does not link to, the places in P's prose (see
`prose.py`: not in links, code, headings, admonition titles or the panel) where Q's title or one
of its aliases is written as whole words, case-insensitively. Each finding is a link to add.

Precision comes first, since every false finding asks an author for a wrong link:
- whole words only ("Sets" is not in "Settings", nor "Graph" in "link-graph": a hyphenated
  compound is one word), but white space and hyphens inside a name are interchangeable ("link
  graph" names "Link-graph"), and a possessive or an elided article around it is fine ("Caché's",
  "l'Überblick");
- where names overlap, the longest wins ("Link graph export" is not a mention of "Link graph");
- a page never mentions itself, and a name two pages share names neither;
- generic titles never count: the built-in list (`wordlists.py`), names shorter than
  `min_length`, and names found on more than `max_share` of the site's pages (and on at least
  `COMMON_FLOOR`), which are words of the site's language more than names of one page.
No stemming: "Link graphs" is not "Link graph"; a page lists the forms it goes by in `aliases`.

Cost: each page's prose is read once, as a sequence of words (split in C). A one-word name is
looked for when its word is among the page's words; a name of several words only when its
anchor (its longest word) and the word next to it are neighbours in the page (its set of word
pairs), so titles made of the site's everyday words cost nothing where they are not written
together. Only those anchors are searched for (`str.find`) and checked in place; no regular
expression per title, so the cost follows the size of the site, not the number of titles times
the number of pages.
"""

from __future__ import annotations

from typing import (
    AbstractSet,
    Callable,
    Dict,
    FrozenSet,
    Iterable,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Set,
    Tuple,
)

from mkdocs_backlinks.core.prose import (
    BLOCK,
    HEADING,
    HYPHENS,
    LINKED,
    Folded,
    Heading,
    Prose,
    heading_before,
    is_unspaced,
    is_word_char,
    name_words,
    plain_text,
    read_prose,
    separator_key,
    unspaced_length,
    word_sequence,
)
from mkdocs_backlinks.core.snippets import Snippet, trim_after, trim_before
from mkdocs_backlinks.core.wordlists import generic_titles

COMMON_FLOOR = 5
"""A name is too common to count only when found on this many pages or more (and on more than
`max_share` of them): on a small site a share is a handful of pages."""


class MentionPage(NamedTuple):
    """A page, as mention detection needs it: its source path `id`, `title` (plain text),
    `aliases` (front matter `aliases`), rendered `content` (HTML), and `enabled` (false with
    front matter `backlinks_mentions: false`: the page neither mentions nor is mentioned)."""

    id: str
    title: str
    content: str
    aliases: Tuple[str, ...] = ()
    enabled: bool = True


class Mention(NamedTuple):
    """Page `source` names page `target` `count` times without linking to it.

    `text` is the first mention as written (white space collapsed); `section` the heading it
    sits under (None above the first heading); `snippet` the text around it, `snippet.text`
    being the mention (None when `snippet_length` is 0)."""

    source: str
    target: str
    text: str
    count: int  # type: ignore[assignment]  # a field named like tuple.count, as in panel.py
    section: Optional[Heading]
    snippet: Optional[Snippet]


class _Name(NamedTuple):
    """A title or alias, filed under its longest word (its anchor, searched for in the text):
    its folded words, the separators between them (`prose.separator_key`), the anchor's index,
    and the pages it names."""

    words: Tuple[str, ...]
    separators: Tuple[str, ...]
    anchor: int
    targets: Tuple[str, ...]


class _Found(NamedTuple):
    """The first mention of a target in a page, and how many there are."""

    start: int
    end: int
    count: int  # type: ignore[assignment]  # a field named like tuple.count, as in panel.py


def _names(pages: Sequence[MentionPage], generic: AbstractSet[str], min_length: int) -> Dict[str, List[_Name]]:
    """Every page's title and aliases that may count, filed by anchor word."""
    targets: Dict[Tuple[Tuple[str, ...], Tuple[str, ...]], Set[str]] = {}
    for page in pages:
        for name in (page.title, *page.aliases):
            words, separators = name_words(name)
            if not words or " ".join(words) in generic:
                continue
            if unspaced_length(" ".join(name.split())) < min_length:
                continue
            targets.setdefault((tuple(words), tuple(separators)), set()).add(page.id)
    by_anchor: Dict[str, List[_Name]] = {}
    for (name_key, separators_key), ids in sorted(targets.items()):
        # The longest word is the rarest, as a rule, and the quickest to rule out.
        anchor = max(range(len(name_key)), key=lambda index: (len(name_key[index]), -index))
        by_anchor.setdefault(name_key[anchor], []).append(_Name(name_key, separators_key, anchor, tuple(sorted(ids))))
    return by_anchor


def _gap_after(text: str, position: int) -> int:
    """Where the non-word characters starting at `position` end."""
    end = position
    while end < len(text) and not is_word_char(text[end]):
        end += 1
    return end


def _gap_before(text: str, position: int) -> int:
    """Where the non-word characters ending at `position` start."""
    start = position
    while start > 0 and not is_word_char(text[start - 1]):
        start -= 1
    return start


def _joined(left: str, right: str) -> bool:
    """Whether two word characters side by side are one word: yes, unless either is unspaced."""
    return not (is_unspaced(left) or is_unspaced(right))


def _extent(text: str, start: int, end: int, name: _Name) -> Optional[Tuple[int, int]]:
    """Where `name` is written around its anchor word found at `text[start:end]` (folded text),
    as whole words, or None."""
    words, separators = name.words, name.separators
    for index in range(name.anchor + 1, len(words)):
        gap = _gap_after(text, end)
        between = text[end:gap]
        if separator_key(between) != separators[index - 1] or not text.startswith(words[index], gap):
            return None
        if not between and _joined(text[end - 1], text[gap]):
            return None  # "graphexport" is not "graph export"
        end = gap + len(words[index])
    for index in range(name.anchor - 1, -1, -1):
        gap = _gap_before(text, start)
        between = text[gap:start]
        word = words[index]
        if separator_key(between) != separators[index] or not text.endswith(word, 0, gap):
            return None
        if not between and _joined(text[gap - 1], text[start]):
            return None
        start = gap - len(word)
    # Whole words: not inside a longer word, nor part of a hyphenated compound.
    if start > 0:
        before = text[start - 1]
        if is_word_char(before) and _joined(before, text[start]):
            return None
        if before in HYPHENS and start > 1 and is_word_char(text[start - 2]):
            return None
    if end < len(text):
        after = text[end]
        if is_word_char(after) and _joined(text[end - 1], after):
            return None
        if after in HYPHENS and end + 1 < len(text) and is_word_char(text[end + 1]):
            return None
    return start, end


class _Index(NamedTuple):
    """The names, filed for a quick look per page. A name of several words (of spaced scripts)
    can only be written where its anchor and the word next to it are neighbours in the text:
    `by_pair` files it under that pair of words (with its anchor), and a page's neighbouring
    pairs pick the few names worth looking for, however many titles share its words. The
    others (one word, or words of unspaced scripts) are in `alone`, by anchor. Each name comes
    with its index in `by_anchor[anchor]`, the order overlapping matches keep."""

    alone: Dict[str, Tuple[Tuple[int, _Name], ...]]
    by_pair: Dict[Tuple[str, str], Tuple[Tuple[str, int, _Name], ...]]
    pairs: FrozenSet[Tuple[str, str]]


def _index(by_anchor: Dict[str, List[_Name]]) -> _Index:
    """`by_anchor` filed as `_Index` says."""
    alone: Dict[str, List[Tuple[int, _Name]]] = {}
    by_pair: Dict[Tuple[str, str], List[Tuple[str, int, _Name]]] = {}
    for anchor, names in by_anchor.items():
        for order, name in enumerate(names):
            words, at = name.words, name.anchor
            if len(words) == 1 or any(is_unspaced(char) for word in words for char in word):
                alone.setdefault(anchor, []).append((order, name))
            else:
                pair = (words[at], words[at + 1]) if at + 1 < len(words) else (words[at - 1], words[at])
                by_pair.setdefault(pair, []).append((anchor, order, name))
    return _Index(
        {anchor: tuple(found) for anchor, found in alone.items()},
        {pair: tuple(found) for pair, found in by_pair.items()},
        frozenset(by_pair),
    )


def _matches(text: str, index: _Index, unspaced: Sequence[str]) -> List[Tuple[int, int, _Name]]:
    """The names written in `text` (folded prose), leftmost first, the longest where names
    overlap, as (start, end, name). `index` is made once per site; `unspaced` are its anchors
    of unspaced scripts (all in `index.alone`), looked for as substrings: a run of such
    characters is not cut into words the way a name's anchor is."""
    sequence = word_sequence(text)
    wanted: Dict[str, List[Tuple[int, _Name]]] = {}
    for anchor in index.alone.keys() & set(sequence):
        wanted[anchor] = list(index.alone[anchor])
    for anchor in unspaced:
        if anchor not in wanted and anchor in text:
            wanted[anchor] = list(index.alone[anchor])
    for pair in index.pairs & set(zip(sequence, sequence[1:])):
        for anchor, order, name in index.by_pair[pair]:
            wanted.setdefault(anchor, []).append((order, name))
    candidates = []
    size = len(text)
    for anchor, names in wanted.items():
        position = text.find(anchor)
        while position != -1:
            after = position + len(anchor)
            # The anchor itself must be a whole word for any name to be written here (what
            # `_extent` would find for each name in turn).
            glued = (
                position > 0 and is_word_char(text[position - 1]) and _joined(text[position - 1], text[position])
            ) or (after < size and is_word_char(text[after]) and _joined(text[after - 1], text[after]))
            if not glued:
                for order, name in names:
                    extent = _extent(text, position, after, name)
                    if extent is not None:
                        candidates.append((extent[0], extent[0] - extent[1], order, anchor, extent[1], name))
            position = text.find(anchor, position + 1)
    candidates.sort()
    found: List[Tuple[int, int, _Name]] = []
    free = 0
    for start, _, _, _, end, name in candidates:
        if start >= free:
            found.append((start, end, name))
            free = end
    return found


def _readable(prose: Prose, start: int, end: int) -> str:
    """`prose.text[start:end]` as a reader sees it: the links and code left out put back as
    text, white space collapsed (one space kept at either edge)."""
    chunk = prose.text[start:end]
    if LINKED in chunk:
        first = prose.text.count(LINKED, 0, start)
        pieces = chunk.split(LINKED)
        chunk = pieces[0] + "".join(
            plain_text(prose.inline[first + k]) + piece
            for k, piece in enumerate(pieces[1:])
            if first + k < len(prose.inline)
        )
    words = chunk.split()
    if not words:
        return " " if chunk else ""
    text = " ".join(words)
    return (" " if chunk[:1].isspace() else "") + text + (" " if chunk[-1:].isspace() else "")


def _snippet(prose: Prose, start: int, end: int, text: str, length: int) -> Snippet:
    """The text around the mention at `prose.text[start:end]`, within its block, trimmed to its
    sentence and to about `length` characters (the same rules as a link's snippet)."""
    body = prose.text
    window = 2 * length + 64
    low = max(body.rfind(HEADING, 0, start), body.rfind(BLOCK, 0, start), start - window - 1) + 1
    ends = [found for found in (body.find(HEADING, end), body.find(BLOCK, end)) if found != -1]
    high = min(ends + [len(body), end + window])
    before = trim_before(_readable(prose, low, start), length // 2)
    after = trim_after(_readable(prose, end, high), length - len(before))
    return Snippet(before, text, after)


def find_mentions(
    pages: Sequence[MentionPage],
    links: Mapping[str, AbstractSet[str]],
    *,
    exempt: Optional[Callable[[str], bool]] = None,
    languages: Iterable[object] = ("en",),
    min_length: int = 4,
    max_share: float = 0.2,
    snippet_length: int = 0,
) -> List[Mention]:
    """The unlinked mentions of the site's `pages`, sorted by source then target.

    `links[P]` is the set of pages P's content links to (source paths); `exempt(path)` is true
    for the pages left out on both sides (`mentions_exempt`); `languages` are the site's
    languages, for the generic titles; `min_length`, `max_share`: see the module's docstring;
    `snippet_length`: about how many characters of text each snippet shows (0, the default:
    no snippets; they are for the panel, `mentions_in_panel`).
    """
    generic = generic_titles(languages)
    by_anchor = _names(pages, generic, min_length)
    if not by_anchor:
        return []
    unspaced = sorted(anchor for anchor in by_anchor if is_unspaced(anchor[0]))
    index = _index(by_anchor)
    left_out = {page.id for page in pages if not page.enabled or (exempt is not None and exempt(page.id))}

    found: Dict[Tuple[str, str], _Found] = {}
    details: Dict[Tuple[str, str], Tuple[str, Optional[Heading], Optional[Snippet]]] = {}
    pages_naming: Dict[str, int] = {}
    for page in pages:
        if page.id in left_out:
            continue
        prose = read_prose(page.content)
        folded = Folded(prose.text)
        named: Set[str] = set()
        for start, end, name in _matches(folded.folded, index, unspaced):
            if len(name.targets) != 1 or name.targets[0] == page.id:
                continue  # a name two pages share names neither
            target = name.targets[0]
            named.add(target)
            key = (page.id, target)
            seen = found.get(key)
            if seen is not None:
                found[key] = seen._replace(count=seen.count + 1)
                continue
            start, end = folded.original(start), folded.original(end)
            found[key] = _Found(start, end, 1)
            if target in left_out or target in links.get(page.id, ()):
                continue  # counted for `max_share`, not reported: no details needed
            text = " ".join(prose.text[start:end].split())
            snippet = _snippet(prose, start, end, text, snippet_length) if snippet_length > 0 else None
            details[key] = (text, heading_before(prose, start), snippet)
        for target in named:
            pages_naming[target] = pages_naming.get(target, 0) + 1

    limit = max_share * len(pages)
    too_common = {target for target, count in pages_naming.items() if count > limit and count >= COMMON_FLOOR}
    return [
        Mention(source, target, text, found[(source, target)].count, section, snippet)
        for (source, target), (text, section, snippet) in sorted(details.items())
        if target not in too_common
    ]
