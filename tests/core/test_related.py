"""Related pages not yet linked: alike pages by prominent words, never across an existing link."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.related import Document, related_pages

ROCKETS = "Rockets burn propellant in engines; rocket engines need oxidizer and propellant tanks."
CATS = "Cats purr and sleep; kittens chase mice, and cats groom their whiskers."
FILLER = [
    Document(f"other{i}.md", f"Other {i}", f"Unrelated words number{i} about gardening{i} and cooking{i}.")
    for i in range(6)
]

# (documents, links, {page: [related pages, most alike first]})
CASES = [
    # Two pairs of alike pages, each finds its twin and not the other pair.
    (
        [
            Document("a.md", "Rocket engines", ROCKETS),
            Document("b.md", "Propellant", ROCKETS + " Tanks hold propellant."),
            Document("c.md", "Cats", CATS),
            Document("d.md", "Kittens", CATS + " Kittens sleep."),
        ],
        {},
        {"a.md": ["b.md"], "b.md": ["a.md"], "c.md": ["d.md"], "d.md": ["c.md"]},
    ),
    # A link either way removes the pair.
    (
        [
            Document("a.md", "Rocket engines", ROCKETS),
            Document("b.md", "Propellant", ROCKETS),
            Document("c.md", "Cats", CATS),
        ],
        {"b.md": {"a.md"}},
        {},
    ),
    # Shared stop words only, in English and in the site's language, make no pair.
    (
        [
            Document("a.md", "One", "the and of with which would should there the and"),
            Document("b.md", "Two", "the and of with which would should there"),
            Document("c.md", "Drei", "und der die das nicht wird"),
            Document("d.md", "Vier", "und der die das nicht wird"),
        ],
        {},
        {},
    ),
    # Titles and headings are words of the page too.
    (
        [
            Document("a.md", "Telescope", "Grinding lenses by hand."),
            Document("b.md", "Optics", "A telescope gathers starlight."),
            Document("c.md", "Recipes", "Soup needs salt.", ("Astrolabe",)),
            Document("d.md", "Navigation", "The astrolabe measured stars."),
        ],
        {},
        {"a.md": ["b.md"], "b.md": ["a.md"], "c.md": ["d.md"], "d.md": ["c.md"]},
    ),
    # Unspaced scripts are compared by character pairs.
    (
        [
            Document("a.md", "火箭发动机", "火箭发动机需要推进剂和氧化剂。"),
            Document("b.md", "推进剂", "推进剂储存在火箭的贮箱中,发动机燃烧推进剂。"),
            Document("c.md", "猫", "猫喜欢睡觉和抓老鼠。"),
        ],
        {},
        {"a.md": ["b.md"], "b.md": ["a.md"]},
    ),
]


@pytest.mark.parametrize("documents, links, expected", CASES)
def test_related_pages(documents, links, expected):
    found = related_pages(documents + FILLER, links, languages=["de"])
    assert {page: [r.page for r in related] for page, related in found.items()} == expected
    for related in found.values():
        scores = [r.score for r in related]
        assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
        assert all(r.terms for r in related)


def test_deterministic_and_bounded():
    documents = [
        Document(f"p{i}.md", f"Topic {i % 5}", f"alpha{i % 5} beta{i % 7} gamma{i % 3} shared{i % 5} words")
        for i in range(40)
    ]
    first = related_pages(documents, {}, count=2)
    assert related_pages(documents[::-1], {}, count=2) == first
    assert first and all(len(related) <= 2 for related in first.values())
    assert related_pages(documents, {}, count=0) == {} and related_pages(documents[:1], {}) == {}
