"""The link graph (core/graph.py), built from small sites in both URL modes: which links each
page has, which pages link to each page, and the links that reach no built page."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.core.graph import LinkGraph, PageLinks

from .conftest import linked_site

# Built in this order (the graph keeps build order: panels sort later).
PAGES = {
    "index.md": '<p><a href="{a.md}">A</a> <a href="{b/c.md}">C</a> <a href="#top">top</a></p>',
    "a.md": (
        '<p>Intro <a href="{b/c.md}">C</a></p><h2 id="part">Part</h2>'
        '<p><a href="{b/c.md}#deep">C again</a> <a href="{a.md}">itself</a> <a href="{index.md}" rel="nofollow">home</a></p>'
    ),
    "b/c.md": (
        '<h1 id="c">C</h1><p><a href="{a.md}">A</a> <a class="headerlink" href="{index.md}">perma</a>'
        ' <a class="footnote-backref" href="{index.md}">back</a> <a href="https://example.org/">out</a>'
        ' <a href="{img/x.png}">picture</a> <a href="{gone.md}">gone</a> <a href="http://[">bad</a>'
        ' <a href="{draft.md}">draft</a></p>'
    ),
    "lonely.md": "<p>No links.</p>",
    "draft.md": '<p><a href="{a.md}">A from a draft</a></p>',
}

# (query, page, expected). Links: (target#fragment, id of the heading they sit under).
GRAPH = [
    ("pages", None, ["index.md", "a.md", "b/c.md", "lonely.md"]),  # drafts are not read
    ("targets_from", "index.md", ["a.md", "b/c.md"]),  # the page's own #top is no link
    ("targets_from", "a.md", ["b/c.md", "b/c.md", "index.md"]),  # with repeats; itself left out
    ("targets_from", "b/c.md", ["a.md"]),  # permalinks, backrefs, other hosts, assets: no links
    ("targets_from", "lonely.md", []),
    ("targets_from", "not-a-page.md", []),
    ("links_from", "a.md", [("b/c.md", None), ("b/c.md#deep", "part"), ("index.md", "part")]),
    ("links_from", "b/c.md", [("a.md", "c")]),
    ("sources_to", "b/c.md", ["index.md", "a.md", "a.md"]),  # build order, with repeats
    ("sources_to", "a.md", ["index.md", "b/c.md"]),
    ("sources_to", "lonely.md", []),
    ("linking_pages", "b/c.md", {"index.md": [("b/c.md", None)], "a.md": [("b/c.md", None), ("b/c.md#deep", "part")]}),
    ("linking_pages", "index.md", {"a.md": [("index.md", "part")]}),
    ("linking_pages", "lonely.md", {}),
    ("has_incoming", "a.md", True),
    ("has_incoming", "lonely.md", False),
    ("has_incoming", "draft.md", False),  # the draft's link to a.md does not count either
    ("unresolved", "b/c.md", [("../gone.md", "missing"), ("http://[", "invalid"), ("draft.md", "excluded")]),
    ("unresolved", "a.md", []),
    ("texts", "a.md", ["C", "C again", "home"]),
    ("rels", "a.md", [(), (), ("nofollow",)]),
]


def answer(site, query: str, page):
    graph = site.graph
    if query == "pages":
        return graph.pages
    if query == "targets_from":
        return list(graph.targets_from(page))
    if query == "links_from":
        return [links_as_text(link) for link in graph.links_from(page)]
    if query == "sources_to":
        return list(graph.sources_to(page))
    if query == "linking_pages":
        return {src: [links_as_text(link) for link in links] for src, links in graph.linking_pages(page).items()}
    if query == "has_incoming":
        return graph.has_incoming(page)
    if query == "unresolved":
        # Excluded pages by their source; other links by the href, as MkDocs left it.
        return [(link.target or link.href, link.kind) for link in graph.unresolved if link.source == page]
    if query == "texts":
        return [graph.text(link) for link in graph.links_from(page)]
    if query == "rels":
        return [link.rel for link in graph.links_from(page)]
    raise AssertionError(query)


def links_as_text(link) -> tuple:
    return (link.target + (f"#{link.fragment}" if link.fragment else ""), link.heading.id if link.heading else None)


@pytest.mark.parametrize("query, page, expected", GRAPH, ids=[f"{q}-{p}" for q, p, _ in GRAPH])
def test_graph_table(directory_urls, query, page, expected):
    site = linked_site(PAGES, directory_urls, excluded=["draft.md"], assets=["img/x.png"])
    assert answer(site, query, page) == expected


def test_graph_built_from_plain_links():
    """`LinkGraph.build` needs no HTML: links added by hand (a blog index's template links)."""
    index, post = PageLinks(), PageLinks()
    index.add("post.md")
    index.add("post.md", "more")
    post.add("index.md")
    graph = LinkGraph.build([("index.md", index), ("post.md", post)])
    assert list(graph.sources_to("post.md")) == ["index.md", "index.md"]
    assert [link.fragment for link in graph.linking_pages("post.md")["index.md"]] == ["", "more"]
    assert graph.text(next(graph.links_from("index.md"))) == ""  # no HTML known: no text
