"""Related pages not yet linked: for each page, the pages most alike by their prominent words
between which no link exists either way.

Each page becomes a TF-IDF vector over its words, stop words of the site's languages left out:
a word weighs more the more often the page uses it (sublinearly: 1 + log of the count), the
fewer pages use it (log of pages / pages using it), and when it is in the title (x3) or in a
heading (x2). Only the page's `TOP_TERMS` heaviest words are kept, its prominent words; pages are
alike by the cosine of these vectors.

Comparing every pair would be quadratic. Instead, pages are compared only through the words
they share, read from each word's list of pages; a word kept by more than `MAX_POSTINGS` pages is
left out (it says little about any of them, and would make the cost grow with the square of the
site). The cost is then at most pages x `TOP_TERMS` x `MAX_POSTINGS`, linear in the site.

Words of scripts written without spaces (Chinese, Japanese) are compared as overlapping
character pairs, which are as close to words as one gets without a dictionary.
Deterministic: same input, same scores (rounded to 4 decimals) and order.
"""

from __future__ import annotations

import heapq
import math
import operator
import re
from collections import Counter
from typing import AbstractSet, Dict, FrozenSet, Iterable, List, Mapping, NamedTuple, Sequence, Tuple

from mkdocs_backlinks.core.prose import UNSPACED, WORD
from mkdocs_backlinks.core.wordlists import stop_words

TOP_TERMS = 24
"""How many of its heaviest words represent a page."""

MAX_POSTINGS = 50
"""A word kept by more pages than this is not used to compare them."""

_TITLE_WEIGHT = 3
_HEADING_WEIGHT = 2
# Overlapping pairs of unspaced characters: the lookahead lets each character start a pair.
_PAIRS = re.compile(f"(?=([{UNSPACED}]{{2}}))")
_HAS_UNSPACED = re.compile(f"[{UNSPACED}]")
_WORD = re.compile(WORD)


class Document(NamedTuple):
    """A page as compared here: its source path `id`, `title`, `text` (its prose, e.g.
    `prose.read_prose(html).text`; marker characters are ignored) and its `headings`' texts."""

    id: str
    title: str
    text: str
    headings: Tuple[str, ...] = ()


class Related(NamedTuple):
    """A page alike to the one it is listed under: its source path `page`, the cosine `score`
    (0-1, 4 decimals) and the prominent words both share, heaviest first (at most 3)."""

    page: str
    score: float
    terms: Tuple[str, ...]


def _words(text: str) -> "Counter[str]":
    """The words of `text`, folded and counted; unspaced scripts also as character pairs."""
    folded = text.casefold()
    if _HAS_UNSPACED.search(folded):
        counts = Counter(_WORD.findall(folded))
        counts.update(_PAIRS.findall(folded))
        return counts
    # White space splits most of the text in C; pieces with punctuation are split again.
    counts = Counter(folded.split())
    for piece in [piece for piece in counts if not piece.isalnum()]:
        times = counts.pop(piece)
        for word in _WORD.findall(piece):
            counts[word] += times
    return counts


def _worthless(word: str, stop: FrozenSet[str]) -> bool:
    """Stop words, numbers, and words shorter than three characters (two in scripts like
    Hangul, whose syllables carry more) say nothing about what a page is about."""
    return word in stop or word.isdigit() or len(word) < (2 if word[0] >= "\u1100" else 3)


def _vectors(documents: Sequence[Document], stop: FrozenSet[str]) -> List[Dict[str, float]]:
    """Each document's prominent words with their TF-IDF weights, normalised to length 1."""
    counted = []
    for document in documents:
        counts = _words(document.text)
        for heading in document.headings:
            for word, count in _words(heading).items():
                counts[word] += _HEADING_WEIGHT * count
        for word, count in _words(document.title).items():
            counts[word] += _TITLE_WEIGHT * count
        counted.append(counts)
    frequency: "Counter[str]" = Counter()
    for counts in counted:
        frequency.update(counts.keys())
    total = len(documents)
    # Per word of the site rather than per word of each page: a site has far fewer distinct
    # words than it has (page, word) pairs. Words on every page weigh nothing.
    dropped = {word for word, pages in frequency.items() if pages == total or _worthless(word, stop)}
    idf = {word: math.log(total / pages) for word, pages in frequency.items() if word not in dropped}
    vectors = []
    for counts in counted:
        for word in counts.keys() & dropped:
            del counts[word]
        # (1 + log(count)) x idf, in C: map over the page's words.
        words = list(counts)
        weights = zip(words, map(operator.mul, map(_tf, counts.values()), map(idf.__getitem__, words)))
        # Heaviest first, ties by word: the same words are kept on every run.
        kept = heapq.nsmallest(TOP_TERMS, weights, key=lambda item: (-item[1], item[0]))
        norm = math.sqrt(sum(weight * weight for _, weight in kept))
        vectors.append({word: weight / norm for word, weight in kept} if norm else {})
    return vectors


def _tf(count: int) -> float:
    """The weight of a word used `count` times in a page (sublinear: the tenth use adds little)."""
    return 1 + math.log(count)


def related_pages(
    documents: Sequence[Document],
    links: Mapping[str, AbstractSet[str]],
    *,
    languages: Iterable[object] = ("en",),
    count: int = 3,
    min_score: float = 0.1,
) -> Dict[str, List[Related]]:
    """For each document (by id), up to `count` others alike to it (score at least
    `min_score`), most alike first, between which no link exists either way (`links[P]`: the
    pages P's content links to). Pages with none are left out of the result."""
    if count <= 0 or len(documents) < 2:
        return {}
    documents = sorted(documents, key=lambda document: document.id)
    vectors = _vectors(documents, stop_words(languages))

    postings: Dict[str, List[Tuple[int, float]]] = {}
    for index, vector in enumerate(vectors):
        for word, weight in vector.items():
            postings.setdefault(word, []).append((index, weight))
    usable = {word: pages for word, pages in postings.items() if 1 < len(pages) <= MAX_POSTINGS}

    related: Dict[str, List[Related]] = {}
    for index, (document, vector) in enumerate(zip(documents, vectors)):
        scores: Dict[int, float] = {}
        for word in sorted(vector):
            weight = vector[word]
            for other, other_weight in usable.get(word, ()):
                if other != index:
                    scores[other] = scores.get(other, 0.0) + weight * other_weight
        if not scores:
            continue
        out = links.get(document.id, ())
        ranked = sorted(
            (-round(score, 4), documents[other].id, other)
            for other, score in scores.items()
            if score >= min_score
            and documents[other].id not in out
            and document.id not in links.get(documents[other].id, ())
        )[:count]
        if ranked:
            related[document.id] = [
                Related(page, -negative, _shared(vector, vectors[other])) for negative, page, other in ranked
            ]
    return related


def _shared(first: Dict[str, float], second: Dict[str, float]) -> Tuple[str, ...]:
    """The words two vectors share, heaviest product first (ties by word), at most 3."""
    common = sorted((-(first[word] * second[word]), word) for word in first.keys() & second.keys())
    return tuple(word for _, word in common[:3])
