"""The panel's "Mentioned without a link" part as the shipped template writes it, for every shape
of the part, in every language, with hostile strings."""

from __future__ import annotations

import itertools

import pytest
from jinja2 import Environment, FileSystemLoader
from markupsafe import escape

from mkdocs_backlinks.core.labels import TRANSLATIONS, panel_labels
from mkdocs_backlinks.core.panel import TEMPLATE, MentionEntry, Occurrence, PanelEntry, make_panel
from mkdocs_backlinks.core.render import TEMPLATES_DIR
from mkdocs_backlinks.core.snippets import Snippet

HOSTILE = "\"><img src=x onerror=alert(1)> & 'q' <b>"


def jinja_html(panel, labels) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), auto_reload=False)
    return env.get_template(TEMPLATE).render(backlinks=panel, labels=labels, page=None)


SPOTS = [
    None,
    Occurrence("../m/#s", "Section " + HOSTILE, None, 2),
    Occurrence("../m/", "", Snippet("before " + HOSTILE, "Link graph", " after…")),
    Occurrence("../m/#t", "Install", Snippet("", "LINK GRAPH", "")),
]


def mention(n: int) -> MentionEntry:
    return MentionEntry(
        f"Mentioning {n} {HOSTILE if n % 2 else ''}", f"../m{n}/?a=1&b='2'", f"m{n}.md", 1 + n % 2, SPOTS[n % 4]
    )


def panels():
    linking = [PanelEntry(f"Page {n}", f"../p{n}/", f"p{n}.md", 1) for n in range(3)]
    for links, mentions in itertools.product([0, 1, 3], [0, 1, 4]):
        panel = make_panel(linking[:links], 2)
        panel.mentions = [mention(n) for n in range(mentions)]
        yield panel


LABELS = [panel_labels({}, key) for key in TRANSLATIONS] + [{**panel_labels({}, "en"), "mentions": HOSTILE}]


@pytest.mark.parametrize("labels", LABELS, ids=[*TRANSLATIONS, "hostile"])
def test_the_template_writes_the_mentions_part(labels):
    assert labels["mentions"] and labels["mentions"] != "{mentions}"
    for panel in panels():
        html = jinja_html(panel, labels)
        part = html[html.find('<details class="backlinks__mentions"') :] if panel.mentions else ""
        assert ("backlinks__mentions" in html) is bool(panel.mentions)
        assert "<img" not in html and "onerror=alert(1)>" not in html
        if not panel.mentions:
            continue
        assert escape(labels["mentions"]) in part
        assert part.count('class="backlinks__mention"') == len(panel.mentions)
        for entry in panel.mentions:
            assert f'href="{escape(entry.url)}"' in part and escape(entry.title) in part
            spot = entry.occurrence
            if spot is not None and spot.snippet is not None:
                assert f"<mark>{escape(spot.snippet.text)}</mark>" in part
