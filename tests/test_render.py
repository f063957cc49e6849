"""The shipped template writes every shape of panel completely (the "Mentioned without a link"
part included), escaped, and well nested, in every language; a theme's own `backlinks/panel.html`
takes its place."""

from __future__ import annotations

import html
import itertools
import re
from html.parser import HTMLParser

import pytest
from jinja2 import Environment, FileSystemLoader

from mkdocs_backlinks.core.labels import TRANSLATIONS, panel_labels
from mkdocs_backlinks.core.panel import TEMPLATE, MentionEntry, Occurrence, PanelEntry, make_panel
from mkdocs_backlinks.core.render import TEMPLATES_DIR, PanelWriter, write_shipped_panel
from mkdocs_backlinks.core.snippets import Snippet

HOSTILE = "\"><img src=x onerror=alert(1)> & 'q' <b>"


def entry(n: int, *, count=1, crumbs=(), occurrences=(), more_links=0) -> PanelEntry:
    return PanelEntry(
        f"Page {n} {HOSTILE if n % 2 else ''}",
        f"../p{n}/?a=1&b='2'",
        f"p{n}.md",
        count,
        [],
        crumbs,
        occurrences,
        more_links,
    )


SPOTS = [
    Occurrence("../p/#s"),
    Occurrence("../p/#s", "Section " + HOSTILE),
    Occurrence("../p/", "", Snippet("before " + HOSTILE, "the <link>", " after…")),
    Occurrence("../p/#t", "Install", Snippet("", "X", "")),
    # Merged: links that show the same section and snippet, or a section's links.
    Occurrence("../p/#u", "Use " + HOSTILE, None, 2),
    Occurrence("../p/", "", Snippet("same ", "words", " again"), 1995),
]
CRUMBS = [(), ("Guide",), ("Guide", "Deep " + HOSTILE)]
MENTION_SPOTS = [
    None,
    Occurrence("../m/#s", "Section " + HOSTILE, None, 2),
    Occurrence("../m/", "", Snippet("before " + HOSTILE, "Link graph", " after…")),
    Occurrence("../m/#t", "Install", Snippet("", "LINK GRAPH", "")),
]


def mention(n: int) -> MentionEntry:
    return MentionEntry(
        f"Mentioning {n} {HOSTILE if n % 2 else ''}", f"../m{n}/?a=1&b='2'", f"m{n}.md", 1 + n % 2, MENTION_SPOTS[n % 4]
    )


def panels():
    """Panels of every shape: empty, short, long (hidden entries), grouped or not; entries with
    and without occurrences, merged occurrences, and links beyond `max_occurrences` (also on an
    entry with no occurrence left, past the panel's bound); and with no, one or four mentions
    (`mentions_in_panel`: with and without a section or snippet), on every number of entries."""
    entries = [
        entry(n, count=1 + n % 3, crumbs=CRUMBS[n % 3], occurrences=tuple(SPOTS[: n % 7]), more_links=(n % 4) * 997)
        for n in range(14)
    ]
    assert any(e.more_links and not e.occurrences for e in entries)
    shapes = itertools.product([0, 1, 3, 14], [0, 2, 10], [False, True])
    for i, (count, max_entries, grouped) in enumerate(shapes):
        panel = make_panel(entries[:count], max_entries, grouped)
        panel.mentions = [mention(n) for n in range([0, 1, 4][i % 3])]
        yield panel


LABELS = [panel_labels({}, language) for language in TRANSLATIONS] + [
    {
        **panel_labels({}, "de"),
        "title": HOSTILE,
        "more": "{count} & more <i>",
        "count": HOSTILE,
        "empty": HOSTILE,
        "more_links": "{count} & <i>more</i>",
        "mentions": HOSTILE,
    },
]


def shipped_writer(labels) -> PanelWriter:
    # As MkDocs sets up its theme environment: no autoescape, default whitespace handling.
    return PanelWriter(Environment(loader=FileSystemLoader(TEMPLATES_DIR), auto_reload=False), labels)


class Nesting(HTMLParser):
    """Fails on an end tag that does not close the innermost open element; `tags` counts the
    start tags seen."""

    VOID = {"img", "br", "hr", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list = []
        self.tags: list = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def texts(pattern: str, markup: str):
    return [tuple(html.unescape(part) for part in found) if isinstance(found, tuple) else html.unescape(found)
            for found in re.findall(pattern, markup)]  # fmt: skip


@pytest.mark.parametrize("labels", LABELS, ids=[*TRANSLATIONS, "hostile"])
def test_the_shipped_template_writes_every_part_of_every_panel(labels):
    assert labels["mentions"] and labels["mentions"] != "{mentions}"
    write = shipped_writer(labels)
    checked = with_mentions = 0
    for panel in panels():
        whole = write(panel, None)
        nesting = Nesting()
        nesting.feed(whole)
        nesting.close()
        assert nesting.open == [] and "img" not in nesting.tags and "b" not in nesting.tags and "i" not in nesting.tags
        assert "<img" not in whole and "onerror=alert(1)>" not in whole
        # The mentions part comes last, after the entries (or the empty line), inside the panel.
        assert ("backlinks__mentions" in whole) is bool(panel.mentions)
        at = whole.find('<details class="backlinks__mentions">')
        markup, part = (whole[:at], whole[at:]) if panel.mentions else (whole, "")
        assert texts(r'<h2 class="backlinks__title" id="backlinks-title">(.*?)</h2>', markup) == [labels["title"]]

        groups = panel.shown + panel.hidden
        listed = [e for group in groups for e in group.entries]
        assert listed == panel.entries
        assert texts(r'<a class="backlinks__link" href="([^"]*)">(.*?)</a>', markup) == [
            (e.url, e.title) for e in listed
        ]
        assert texts(r'<h3 class="backlinks__group">(.*?)</h3>', markup) == [g.title for g in groups if g.title]
        crumbs = [" › ".join(e.crumbs[1:] if panel.grouped else e.crumbs) for e in listed]
        assert texts(r'<span class="backlinks__crumbs">(.*?)</span>', markup) == [c for c in crumbs if c]

        shown = [e for group in panel.shown for e in group.entries]
        spots = [spot for e in shown for spot in e.occurrences]
        assert texts(r'<a class="backlinks__jump" href="([^"]*)">', markup) == [spot.url for spot in spots]
        assert texts(r'<span class="backlinks__section">(.*?)</span>', markup) == [
            s.section for s in spots if s.section
        ]
        assert texts(r'<span class="backlinks__snippet">(.*?)<mark>(.*?)</mark>(.*?)</span>', markup) == [
            tuple(s.snippet) for s in spots if s.snippet
        ]
        counts = [e.count for e in shown] + [s.count for s in spots] + [e.count for e in panel.entries[len(shown) :]]
        assert sorted(
            map(int, re.findall(r'<span class="backlinks__count" title="[^"]*">(\d+)</span>', markup))
        ) == sorted(c for c in counts if c > 1)
        assert texts(r'class="backlinks__count" title="([^"]*)"', markup) == [labels["count"]] * sum(
            c > 1 for c in counts
        )
        assert texts(r'<li class="backlinks__more-links">(.*?)</li>', markup) == [
            labels["more_links"].replace("{count}", str(e.more_links)) for e in shown if e.more_links
        ]
        more = [labels["more"].replace("{count}", str(panel.hidden_count))] if panel.hidden else []
        assert texts(r"<summary>(.*?)</summary>", markup) == more
        empty = texts(r'<p class="backlinks__empty">(.*?)</p>', markup)
        assert empty == ([] if panel else [labels["empty"]])
        checked += 1

        if not panel.mentions:
            continue
        assert part.endswith("</details>\n</aside>")
        assert texts(r"<summary>(.*?)</summary>", part) == [labels["mentions"]]
        assert part.count('class="backlinks__mention"') == len(panel.mentions)
        assert texts(r'<a class="backlinks__mention-link" href="([^"]*)">(.*?)</a>', part) == [
            (m.url, m.title) for m in panel.mentions
        ]
        spots = [m.occurrence for m in panel.mentions if m.occurrence is not None]
        assert texts(r'<a class="backlinks__jump" href="([^"]*)">', part) == [spot.url for spot in spots]
        assert texts(r'<span class="backlinks__section">(.*?)</span>', part) == [s.section for s in spots if s.section]
        assert texts(r'<span class="backlinks__snippet">(.*?)<mark>(.*?)</mark>(.*?)</span>', part) == [
            tuple(s.snippet) for s in spots if s.snippet
        ]
        with_mentions += 1
    assert checked == 24 and with_mentions == 16


def test_a_template_in_a_folder_before_the_shipped_one_takes_its_place(tmp_path):
    overrides = tmp_path / "overrides" / "backlinks"
    overrides.mkdir(parents=True)
    (overrides / "panel.html").write_text(
        "<p>{{ backlinks|length }} {{ labels.title|e }} on {{ page }}</p>", encoding="utf-8"
    )
    panel = make_panel([entry(1), entry(2)])
    for dirs, expected in [
        ([TEMPLATES_DIR], '<h2 class="backlinks__title" id="backlinks-title">Pages linking here</h2>'),
        ([str(tmp_path / "overrides"), TEMPLATES_DIR], "<p>2 Pages linking here on Home</p>"),
    ]:
        written = PanelWriter(Environment(loader=FileSystemLoader(dirs)), LABELS[0])(panel, "Home")
        assert expected in written


def inbound_entries():
    from mkdocs_backlinks.core.inbound.show import InboundEntry

    return [
        InboundEntry(
            "Blog " + HOSTILE, "https://blog.example/a?b=1&c='2'", "blog.example", "Why", "see", "the graph", ", too"
        ),
        InboundEntry("blog.example", "", "blog.example", "", "", "", ""),
        InboundEntry(
            "Forum", "https://forum.example/t", "forum.example", "", "", "anchor " + HOSTILE, "after " + HOSTILE
        ),
        InboundEntry("Wiki", "https://wiki.example/", "", "Links " + HOSTILE, "", "", ""),
        InboundEntry("News", "https://news.example/", "news.example", "", "before", "x", ""),
        InboundEntry("Docs", "https://docs.example/", "docs.example", "S", "", "y", ") so"),
    ]


def every_panel():
    """The table's panels, and the same with a local graph and links from other sites."""
    for i, panel in enumerate(panels()):
        yield panel
        with_more = make_panel(panel.entries, 2 if i % 2 else 0, panel.grouped)
        with_more.mentions = panel.mentions
        with_more.graph = '<svg class="backlinks__graph"><a href="../x/">x</a></svg>'
        with_more.inbound = inbound_entries()[: 1 + i % 6]
        with_more.inbound_count = len(with_more.inbound) + (i % 3) * 7
        yield with_more


@pytest.mark.parametrize("labels", LABELS, ids=[*TRANSLATIONS, "hostile"])
def test_the_string_writer_writes_the_shipped_templates_bytes(labels):
    """The shipped template is written by joining strings (for speed): the same bytes as Jinja's
    rendering of it, for every shape of panel, in every language."""
    template = Environment(loader=FileSystemLoader(TEMPLATES_DIR), auto_reload=False).get_template(TEMPLATE)
    compared = 0
    for panel in every_panel():
        assert write_shipped_panel(panel, labels) == template.render(backlinks=panel, labels=labels, page=None)
        compared += 1
    assert compared == 48
    writer = shipped_writer(labels)
    assert writer(panel, None) == template.render(backlinks=panel, labels=labels, page=None)
    assert writer._template is None  # the shipped template: written by joins, Jinja not used


def test_a_theme_template_is_rendered_by_jinja_not_by_joins(tmp_path):
    overrides = tmp_path / "overrides" / "backlinks"
    overrides.mkdir(parents=True)
    (overrides / "panel.html").write_text("<p>{{ backlinks|length }}</p>", encoding="utf-8")
    writer = PanelWriter(Environment(loader=FileSystemLoader([str(tmp_path / "overrides"), TEMPLATES_DIR])), LABELS[0])
    assert writer(make_panel([entry(1)]), None) == "<p>1</p>"
    assert writer._template is not None
