"""How long unlinked-mention detection and related pages take on a synthetic site.

    python benchmarks/mentions_cost.py [PAGES] [WORDS] [stress|planted]

Pages of about WORDS words (default 1,000 pages of 600), written as MkDocs renders Markdown:
headings with permalinks, paragraphs, lists, links, inline code, a code block and an admonition.
`stress` (the default): every page has a title of one to three words from the same vocabulary
as the prose, so titles turn up by chance all over the site (about 15 mentions a page: the
costly case). `planted`: titles have words of their own, so a page names another only where one
is planted. Either way about one in four paragraphs names another page's title. Prints the
seconds each part takes (CPU time, best of 3: the machine is shared, and CPU time is what the
build pays).
"""

from __future__ import annotations

import random
import sys

from mkdocs_backlinks.core.mentions import MentionPage, find_mentions
from mkdocs_backlinks.core.prose import read_prose
from mkdocs_backlinks.core.related import Document, related_pages
from timing import best


def site(pages: int, words: int, seed: int = 7, mode: str = "stress"):
    rng = random.Random(seed)
    vocabulary = [
        f"{rng.choice('bcdfghklmnprstvz')}{rng.choice('aeiou')}{rng.choice('bcdfghklmnprstvz')}{rng.choice('aeiou')}{i}"
        for i in range(6000)
    ]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf-like
    title_words = vocabulary[200:] if mode == "stress" else [word + "x" for word in vocabulary]
    titles = [" ".join(rng.choices(title_words, k=rng.randint(1, 3))).capitalize() for _ in range(pages)]
    ids = [f"section{i % 20}/page{i}.md" for i in range(pages)]
    built, links = [], {}
    for number in range(pages):
        chunks, written, targets = (
            [f'<h1 id="title">{titles[number]}<a class="headerlink" href="#title">¶</a></h1>'],
            0,
            set(),
        )
        while written < words:
            if written % 150 == 0:
                chunks.append(f'<h2 id="s{written}">Part {written}<a class="headerlink" href="#s{written}">¶</a></h2>')
            sentence = rng.choices(vocabulary, weights, k=rng.randint(30, 50))
            other = rng.randrange(pages)
            sentence.insert(5, f'<a href="../{ids[other]}">{rng.choice(vocabulary)}</a>')
            targets.add(ids[other])
            sentence.insert(12, f"<code>{rng.choice(vocabulary)}</code>")
            if rng.random() < 0.25:
                sentence.insert(20, titles[rng.randrange(pages)].lower())
            chunks.append("<p>" + " ".join(sentence) + ".</p>")
            written += len(sentence)
        chunks.append(
            '<div class="admonition note"><p class="admonition-title">Note</p><p>'
            + " ".join(rng.choices(vocabulary, k=20))
            + "</p></div>"
        )
        chunks.append(
            "<ul><li>"
            + "</li><li>".join(" ".join(rng.choices(vocabulary, weights, k=8)) for _ in range(5))
            + "</li></ul>"
        )
        chunks.append(
            '<div class="highlight"><pre><span></span><code>'
            + " ".join(rng.choices(vocabulary, k=30))
            + "</code></pre></div>"
        )
        built.append(MentionPage(ids[number], titles[number], "\n".join(chunks)))
        links[ids[number]] = targets
    return built, links


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    words = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    mode = sys.argv[3] if len(sys.argv) > 3 else "stress"
    built, links = site(pages, words, mode=mode)
    size = sum(len(page.content) for page in built)
    seconds, found = best(lambda: find_mentions(built, links))
    print(f"{pages} pages, {size / 1e6:.1f} MB of HTML, titles: {mode}")
    print(f"find_mentions: {seconds:.3f} s, {len(found)} mentions")
    seconds, proses = best(lambda: [read_prose(page.content) for page in built])
    print(f"  of which read_prose alone: {seconds:.3f} s")
    documents = [
        Document(page.id, page.title, prose.text, tuple(h.text for h in prose.headings))
        for page, prose in zip(built, proses)
    ]
    seconds, related = best(lambda: related_pages(documents, links))
    print(f"related_pages: {seconds:.3f} s, {sum(len(v) for v in related.values())} suggestions")


if __name__ == "__main__":
    main()
