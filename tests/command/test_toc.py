"""`toc: true` from the post-build command: the panel's entry in the table of contents of pages
Zensical wrote (as the plugin puts it into Material's), escaped, and the same bytes on a second
run; and the edit itself, on the markup of Material and Zensical, as a golden table."""

from __future__ import annotations

import re

import pytest
import yaml

from mkdocs_backlinks.command.toc import TOC_END, TOC_START, with_toc_entry

from .conftest import command, copy_example, site_pages, zensical_build

TOC_LIST = re.compile(r'<ul class="md-nav__list" data-md-component="toc"[^>]*>')
ENTRY = re.compile(r'<a href="#backlinks-title" class="md-nav__link"><span class="md-ellipsis">(.*?)</span></a>')


_LIST_TAG = re.compile(r"<ul[\s>]|</ul>")


def toc_lists(page: str) -> list:
    """The text of each table-of-contents list of a page, to the end tag that balances it (a
    page with subsections has lists inside it)."""
    lists = []
    for start in TOC_LIST.finditer(page):
        depth = 1
        for tag in _LIST_TAG.finditer(page, start.end()):
            depth += -1 if tag.group() == "</ul>" else 1
            if depth == 0:
                lists.append(page[start.end() : tag.start()])
                break
    return lists


def test_zensical_pages_get_the_panel_in_their_table_of_contents(zensical, tmp_path):
    title = 'Links <here> & "there"'
    root = copy_example(tmp_path, labels={"title": title})
    site = zensical_build(zensical, root)
    assert command("site", "-q", cwd=root).returncode == 0
    with_panel = 0
    for path in site_pages(site):
        page = (site / path).read_text(encoding="utf-8")
        entries = ENTRY.findall(page)
        if 'id="backlinks-title"' not in page:
            assert entries == [], path
            continue
        with_panel += 1
        lists = toc_lists(page)
        assert lists, path  # a page without headings gets a list of its own
        for listed in lists:
            found = ENTRY.findall(listed)
            assert len(found) == 1, (path, found)
            # Escaped, in Zensical's own wrapping for entry text.
            assert found[0] == '<span class="md-typeset">Links &lt;here&gt; &amp; "there"</span>' or (
                found[0] == 'Links &lt;here&gt; &amp; "there"'
            ), (path, found)
    assert with_panel >= 10
    # The homepage has no headings: its secondary sidebar's empty nav now holds the entry.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert len(ENTRY.findall(home)) == 1 and "On this page</label>" in home
    # A second run writes the same bytes; with `toc: false`, the entries go.
    before = {p: (site / p).read_bytes() for p in site_pages(site)}
    assert command("site", "-q", cwd=root).returncode == 0
    assert {p: (site / p).read_bytes() for p in site_pages(site)} == before
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    next(p for p in config["plugins"] if isinstance(p, dict) and "backlinks" in p)["backlinks"]["toc"] = False
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    assert command("site", "-q", cwd=root).returncode == 0
    for path in site_pages(site):
        page = (site / path).read_text(encoding="utf-8")
        assert TOC_START not in page and not ENTRY.findall(page), path


MATERIAL_LIST = (
    '<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>\n'
    '<li class="md-nav__item"><a href="#a" class="md-nav__link"><span class="md-ellipsis">A</span></a>\n'
    '<nav class="md-nav"><ul class="md-nav__list"><li class="md-nav__item"><a href="#b" class="md-nav__link">'
    '<span class="md-ellipsis">B</span></a></li></ul></nav></li>\n</ul>'
)
ZENSICAL_LIST = (
    '<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix><li class="md-nav__item">'
    '<a href="#a" class="md-nav__link"><span class="md-ellipsis"><span class="md-typeset">A</span></span></a></li>\n</ul>'
)


def entry(text: str) -> str:
    return (
        f'{TOC_START}<li class="md-nav__item"><a href="#backlinks-title" class="md-nav__link">'
        f'<span class="md-ellipsis">{text}</span></a></li>{TOC_END}'
    )


TABLE = [
    # (case, page, title, expected)
    ("material list, nested", MATERIAL_LIST, "Here", MATERIAL_LIST[:-5] + entry("Here") + "</ul>"),
    (
        "zensical list",
        ZENSICAL_LIST,
        "Here",
        ZENSICAL_LIST[:-5] + entry('<span class="md-typeset">Here</span>') + "</ul>",
    ),
    ("escaped", MATERIAL_LIST, "<b> & 'x'", MATERIAL_LIST[:-5] + entry("&lt;b&gt; &amp; 'x'") + "</ul>"),
    ("two lists", MATERIAL_LIST + MATERIAL_LIST, "H", (MATERIAL_LIST[:-5] + entry("H") + "</ul>") * 2),
    (
        "the plugin's own entry",
        MATERIAL_LIST.replace("</nav></li>", '</nav></li><li><a href="#backlinks-title">x</a></li>'),
        "H",
        None,
    ),
    (
        "empty secondary nav",
        '<nav class="md-nav md-nav--secondary" aria-label="Auf &lt;dieser&gt; Seite">\n  \n</nav>',
        "H",
        '<nav class="md-nav md-nav--secondary" aria-label="Auf &lt;dieser&gt; Seite">\n  \n'
        f'{TOC_START}<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>'
        'Auf &lt;dieser&gt; Seite</label><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>'
        f"{TOC_END}{entry('H')}{TOC_START}</ul>{TOC_END}</nav>",
    ),
    ("no table of contents (another theme)", "<div class=toc><ul><li>A</li></ul></div>", "H", None),
    ("unclosed list", '<ul class="md-nav__list" data-md-component="toc"><li>', "H", None),
    ("no title: nothing added", MATERIAL_LIST, None, None),
]


@pytest.mark.parametrize("case, page, title, expected", TABLE, ids=[row[0] for row in TABLE])
def test_toc_entry(case, page, title, expected):
    expected = page if expected is None else expected
    edited = with_toc_entry(page, title, "backlinks-title")
    assert edited == expected
    # Idempotent, replaced when the title changes, and taken out with no title.
    assert with_toc_entry(edited, title, "backlinks-title") == edited
    assert with_toc_entry(with_toc_entry(edited, "Other", "backlinks-title"), title, "backlinks-title") == edited
    assert with_toc_entry(edited, None, "backlinks-title") == page
