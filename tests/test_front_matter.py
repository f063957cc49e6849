"""Typos in front matter (issue 11, item 5): every value the plugin reads is checked; a wrong one
is one warning naming the page, the key, the value and what is accepted, and its default applies.
"""

from __future__ import annotations

import pytest

SWITCH = "accepted: true or false (also yes/no, on/off, 1/0)"

# (front matter of page.md, the one warning it gives, with "Page 'page.md': front matter " cut)
WRONG = [
    ("backlinks_panel: maybe", f"'backlinks_panel' is 'maybe'; {SWITCH}. Using the default, true."),
    ("backlinks_panel: 2", f"'backlinks_panel' is 2; {SWITCH}. Using the default, true."),
    ("backlinks_panel: 'ture'", f"'backlinks_panel' is 'ture'; {SWITCH}. Using the default, true."),
    ("backlinks_from_here: [false]", f"'backlinks_from_here' is [False]; {SWITCH}. Using the default, true."),
    ("backlinks_from_here: nein", f"'backlinks_from_here' is 'nein'; {SWITCH}. Using the default, true."),
    ("orphan:", f"'orphan' is empty; {SWITCH}. Using the default, false."),
    ("orphan: 0.5", f"'orphan' is 0.5; {SWITCH}. Using the default, false."),
    (
        "backlinks_exempt: 3",
        "'backlinks_exempt' is 3; accepted: a check name, a list of them, or true (every check). Using the default, no exemption.",
    ),
    (
        "backlinks_exempt: {orphans: true}",
        "'backlinks_exempt' is {'orphans': True}; accepted: a check name, a list of them, or true (every check). Using the default, no exemption.",
    ),
    (
        "backlinks_exempt: [hubs, [orphans]]",
        "'backlinks_exempt' is ['hubs', ['orphans']]; accepted: a check name, a list of them, or true (every check). Using the default, no exemption.",
    ),
    ("hide: [toc, Backlinks]", "'hide' lists 'Backlinks'; only 'backlinks' hides the panel. Showing the panel."),
    ("hide: [back-links]", "'hide' lists 'back-links'; only 'backlinks' hides the panel. Showing the panel."),
]
# Spellings that are accepted: no warning at all.
ACCEPTED = [
    "backlinks_panel: 'off'",
    "backlinks_panel: 'No'",
    "backlinks_panel: 0",
    "backlinks_from_here: ' TRUE '",
    "orphan: yes",
    "orphan: 1",
    "backlinks_exempt: orphans, hubs",
    "backlinks_exempt: true",
    "backlinks_exempt: []",
    "hide: [toc, backlinks]",
    "hide: [navigation]",
]
DOCS = {
    "index.md": "# Home\n\n[The page](page.md)\n",
    "page.md": "---\nFRONT\n---\n\n# Page\n\n[Home](index.md)\n",
}


@pytest.mark.parametrize("front, warning", WRONG + [(front, None) for front in ACCEPTED])
def test_front_matter_values_are_checked(make_site, plugin_log, front, warning):
    site = make_site({**DOCS, "page.md": DOCS["page.md"].replace("FRONT", front)}).build()
    expected = [] if warning is None else [f"Page 'page.md': front matter {warning}"]
    assert plugin_log() == expected
    if warning is not None:
        # The default applies: the panel is shown, and the page's links are in panels.
        assert site.panel("page.md") is not None
        assert site.backlinks("index.md") == ["page.md"]


def test_a_wrong_value_fails_a_strict_build(make_site):
    site = make_site({**DOCS, "page.md": DOCS["page.md"].replace("FRONT", "backlinks_panel: maybe")})
    result = site.cli("build", "--strict")
    assert result.returncode != 0
    assert "Page 'page.md': front matter 'backlinks_panel' is 'maybe'" in result.stderr
    assert "Traceback" not in result.stderr
    assert site.cli("build").returncode == 0
