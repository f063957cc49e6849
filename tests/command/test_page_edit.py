"""Editing a built page: the panel at the end of the content region, the stylesheet's link at the
end of the head, each replacing an earlier run's, so that a second run changes no byte."""

from __future__ import annotations

import pytest

from mkdocs_backlinks.command.page_edit import PANEL_END, PANEL_START, edited_page, without_panel

LINK = '<link rel="stylesheet" href="../s.css" data-mkdocs-backlinks>'
P = f"{PANEL_START}<aside>P</aside>{PANEL_END}"
Q = f"{PANEL_START}<aside>Q</aside>{PANEL_END}"

# (id, page with the content region between "[" and "]" inside its <main>, panel, stylesheet href,
# expected page)
CASES = [
    ("panel", "<head></head><main>[<p>x</p>\n]</main>", "<aside>P</aside>", None,
     f"<head></head><main><p>x</p>\n{P}\n</main>"),
    ("no-line-break-at-the-end", "<head></head><main>[<p>x</p>]</main>", "<aside>P</aside>", None,
     f"<head></head><main><p>x</p>\n{P}\n</main>"),
    ("line-breaks-kept", "<main>[<p>x</p>\n\n]</main>", "<aside>P</aside>", None,
     f"<main><p>x</p>\n{P}\n\n</main>"),
    ("spaces-are-text", "<main>[<p>x</p>\n  ]</main>", "<aside>P</aside>", None,
     f"<main><p>x</p>\n  \n{P}\n</main>"),
    ("empty-region", "<main>[]</main>", "<aside>P</aside>", None, f"<main>\n{P}\n</main>"),
    ("old-panel-replaced", f"<main>[<p>x</p>\n{P}\n]</main>", "<aside>Q</aside>", None,
     f"<main><p>x</p>\n{Q}\n</main>"),
    ("old-panel-removed", f"<main>[<p>x</p>\n{P}\n]</main>", "", None, "<main><p>x</p>\n</main>"),
    ("old-panel-without-end-kept", f"<main>[<p>x</p>\n{PANEL_START}\n]</main>", "", None,
     f"<main><p>x</p>\n{PANEL_START}\n</main>"),
    ("panel-marker-outside-region-ignored", f"<head>{P}</head><main>[<p>x</p>]</main>", "", None,
     f"<head>{P}</head><main><p>x</p></main>"),
    ("stylesheet", "<head><title>t</title></head><main>[<p>x</p>\n]</main>", "<aside>P</aside>", "../s.css",
     f"<head><title>t</title>\n{LINK}</head><main><p>x</p>\n{P}\n</main>"),
    ("stylesheet-only-with-a-panel", "<head></head><main>[<p>x</p>]</main>", "", "../s.css",
     "<head></head><main><p>x</p></main>"),
    ("stylesheet-unchanged", f"<head>\n{LINK}</head><main>[<p>x</p>\n]</main>", "<aside>P</aside>", "../s.css",
     f"<head>\n{LINK}</head><main><p>x</p>\n{P}\n</main>"),
    ("stylesheet-moved", f"<head>\n{LINK}<meta x></head><main>[]</main>", "<aside>P</aside>", "../t.css",
     f"<head><meta x>\n{LINK.replace('s.css', 't.css')}</head><main>\n{P}\n</main>"),
    ("stylesheet-removed-without-panel", f"<head>\n{LINK}</head><main>[{P}]</main>", "", "../s.css",
     "<head></head><main></main>"),
    ("upper-case-head", "<HEAD></HEAD><main>[]</main>", "<aside>P</aside>", "../s.css",
     f"<HEAD>\n{LINK}</HEAD><main>\n{P}\n</main>"),
    ("no-head", "<main>[]</main>", "<aside>P</aside>", "../s.css", f"<main>\n{P}\n</main>"),
    ("head-text-in-content-ignored", "<main>[<p>&lt;/head&gt; </head></p>]</main>", "<aside>P</aside>", "../s.css",
     f"<main><p>&lt;/head&gt; </head></p>\n{P}\n</main>"),
]  # fmt: skip


def region(page: str):
    """The page without its "[" and "]" markers, and the region's offsets."""
    start = page.index("[")
    end = page.index("]") - 1
    return page.replace("[", "", 1).replace("]", "", 1), (start, end)


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_edited_page(case):
    _, page, panel, stylesheet, expected = case
    html, content = region(page)
    edited = edited_page(html, content, panel, stylesheet)
    assert edited == expected
    # A second run over its own output changes no byte.
    start, end = edited.index("<main>") + len("<main>"), edited.rindex("</main>")
    assert edited_page(edited, (start, end), panel, stylesheet) == edited
    # And what is left without a panel is the same, up to the line break added.
    before, after = (without_panel(text).rstrip("\n") for text in (html[content[0] : content[1]], edited[start:end]))
    assert after == before
