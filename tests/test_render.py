"""The shipped template and its plain-Python twin write the same bytes, for every shape of panel.

Without an override the plugin writes panels in Python (`shipped_panel_html`); the template is
what users read and copy. Any difference between them is a bug in one or the other.
"""

from __future__ import annotations

import itertools
import shutil

import pytest
from jinja2 import Environment, FileSystemLoader

from mkdocs_backlinks.core.labels import panel_labels
from mkdocs_backlinks.core.panel import TEMPLATE, Occurrence, PanelEntry, make_panel
from mkdocs_backlinks.core.render import SHIPPED_TEMPLATE, TEMPLATES_DIR, PanelWriter, shipped_panel_html
from mkdocs_backlinks.core.snippets import Snippet

HOSTILE = '"><img src=x onerror=alert(1)> & \'q\' <b>'


def jinja_html(panel, labels) -> str:
    # As MkDocs sets up its theme environment: no autoescape, default whitespace handling.
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), auto_reload=False)
    return env.get_template(TEMPLATE).render(backlinks=panel, labels=labels, page=None)


def entry(n: int, *, count=1, crumbs=(), occurrences=(), more_links=0) -> PanelEntry:
    return PanelEntry(
        f"Page {n} {HOSTILE if n % 2 else ''}", f"../p{n}/?a=1&b='2'", f"p{n}.md", count, [], crumbs, occurrences, more_links
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


def panels():
    """Panels of every shape: empty, short, long (hidden entries), grouped or not; entries with
    and without occurrences, merged occurrences, and links beyond `max_occurrences` (also on an
    entry with no occurrence left, past the panel's bound)."""
    entries = [
        entry(n, count=1 + n % 3, crumbs=CRUMBS[n % 3], occurrences=tuple(SPOTS[: n % 7]), more_links=(n % 4) * 997)
        for n in range(14)
    ]
    assert any(e.more_links and not e.occurrences for e in entries)
    for count, max_entries, grouped in itertools.product([0, 1, 3, 14], [0, 2, 10], [False, True]):
        yield make_panel(entries[:count], max_entries, grouped)


LABELS = [panel_labels({}, "en"), panel_labels({}, "ja"), {**panel_labels({}, "de"), "title": HOSTILE, "more": "{count} & more <i>", "count": HOSTILE, "empty": HOSTILE, "more_links": "{count} & <i>more</i>"}]


@pytest.mark.parametrize("labels", LABELS, ids=["en", "ja", "hostile"])
def test_python_writer_matches_the_template(labels):
    checked = 0
    for panel in panels():
        assert shipped_panel_html(panel, labels) == jinja_html(panel, labels)
        checked += 1
    assert checked == 24


def test_a_real_build_writes_the_same_panels_through_a_copied_template(make_site, directory_urls):
    """The same site, once with the shipped template (Python writer) and once with a byte-identical
    copy in custom_dir (which the plugin must render with Jinja): identical pages."""
    docs = {
        "index.md": "# Home\n\n[A](a.md) and [B](guide/b.md)\n",
        "a.md": "# A & <b>\n\n## Part one\n\nSee [home](index.md), [b](guide/b.md#x).\n\n## Part two\n\n[b again](guide/b.md)\n",
        "guide/b.md": "---\ntitle: B \"quoted\" <i>\n---\n\n# B\n\nBack to [A](../a.md) and [home](../index.md).\n",
        "guide/c.md": "# C\n\n" + "".join(f"[b {n}](b.md) " for n in range(3)) + "[a](../a.md)\n",
    }
    nav = [{"Home": "index.md"}, {"A": "a.md"}, {"Guide": [{"B": "guide/b.md"}, {"C": "guide/c.md"}]}]
    options = {"max_entries": 1, "group_by_section": True, "show_when_empty": True, "orphans": "ignore"}
    shipped = make_site(docs, options, nav=nav, use_directory_urls=directory_urls).build()
    copied = make_site(
        docs, options, nav=nav, use_directory_urls=directory_urls, theme={"name": "mkdocs", "custom_dir": "overrides"}
    )
    (copied.root / "overrides" / "backlinks").mkdir(parents=True)
    shutil.copy(SHIPPED_TEMPLATE, copied.root / "overrides" / "backlinks" / "panel.html")
    copied.build()
    panels_seen = 0
    for src in shipped.sources():
        assert copied.panel(src) == shipped.panel(src), src
        panels_seen += shipped.panel(src) is not None
    assert panels_seen == 4


def test_only_the_shipped_template_takes_the_python_writer(tmp_path):
    overrides = tmp_path / "overrides" / "backlinks"
    overrides.mkdir(parents=True)
    shutil.copy(SHIPPED_TEMPLATE, overrides / "panel.html")
    panel = make_panel([entry(1)])
    for dirs, shipped in [([TEMPLATES_DIR], True), ([str(tmp_path / "overrides"), TEMPLATES_DIR], False)]:
        writer = PanelWriter(Environment(loader=FileSystemLoader(dirs)), LABELS[0])
        assert writer(panel, None) == shipped_panel_html(panel, LABELS[0])
        assert writer.uses_python_writer is shipped
