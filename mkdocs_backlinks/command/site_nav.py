"""The navigation of a built site: the order of its pages and the sections holding each.

Two sources, as plain (target, crumbs) pairs in nav order:
- the config's `nav` (`- Title: page.md`, `- page.md`, `- Section: [...]`, as MkDocs and
  Zensical read it), targets being source paths relative to `docs_dir`;
- the navigation a theme wrote into a page, targets being the hrefs as written (resolved by the
  caller against that page's URL).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from mkdocs_backlinks.core.html import find_inner, iter_tags, parse_selector, plain_text

NavEntry = Tuple[str, Tuple[str, ...]]
"""(target, titles of the sections holding it, outermost first)."""


def config_nav_entries(
    nav: Optional[List[Any]], untitled_section: Optional[Callable[[str], str]] = None
) -> List[NavEntry]:
    """The pages of a config `nav`, in order, with their sections. Links (`https://...`) are
    left to the caller: it keeps the targets that are pages of the site.

    A section without a title (`- "":`) whose first page is its index (`index.md`, `README.md`)
    is titled `untitled_section(that page's target)`: the title the generator shows for it
    (Zensical shows the index page's title; MkDocs' themes and Material show none, the default)."""
    out: List[NavEntry] = []

    def walk(items: Any, crumbs: Tuple[str, ...]) -> None:
        if isinstance(items, str):
            out.append((_clean_path(items), crumbs))
        elif isinstance(items, list):
            for item in items:
                walk(item, crumbs)
        elif isinstance(items, dict):
            for title, value in items.items():
                if isinstance(value, list):
                    text = " ".join(str(title if title is not None else "").split())
                    index = _first_page(value)
                    if not text and untitled_section is not None and index and _is_index(index):
                        text = untitled_section(index)
                    walk(value, crumbs + (text,))
                elif isinstance(value, str):
                    out.append((_clean_path(value), crumbs))

    walk(nav or [], ())
    return out


def _first_page(items: List[Any]) -> Optional[str]:
    """The target of a section's first item when it is a page (`- a.md`, `- Title: a.md`)."""
    if not items:
        return None
    first = items[0]
    if isinstance(first, dict) and len(first) == 1:
        first = next(iter(first.values()))
    return _clean_path(first) if isinstance(first, str) and "://" not in first else None


def _is_index(target: str) -> bool:
    """A section's index page, as MkDocs and Material tell it: `index.md` or `README.md`."""
    name = target.rpartition("/")[2]
    return name.rpartition(".")[0] in ("index", "README")


def _clean_path(path: str) -> str:
    path = path.strip().replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


# Where each theme writes its site navigation, most specific first: Material / Zensical, MkDocs
# 2.0's default theme, readthedocs, mkdocs (its first navbar list; the second holds search and
# previous/next links).
NAV_REGIONS = tuple(
    parse_selector(s) for s in ("nav.md-nav--primary", "nav.site", "div.wy-menu-vertical", "ul.navbar-nav")
)
# List items that are sections: Material's nested items, the mkdocs theme's dropdowns. The
# readthedocs theme marks a section by a link without href, and top-level sections by a caption.
_SECTION_ITEM_CLASSES = frozenset({"md-nav__item--nested", "dropdown", "dropdown-submenu"})
_HEAD_TAGS = ("a", "label")
_NAV_TAGS = ("li", "ul", "ol", "p") + _HEAD_TAGS


class _Item:
    __slots__ = ("section", "depth", "head_done", "pushed")

    def __init__(self, section: bool, depth: int) -> None:
        self.section = section
        self.depth = depth  # how many lists hold it
        self.head_done = False
        self.pushed = False


def built_nav_entries(html: str) -> List[NavEntry]:
    """The links of the site navigation in a built page, in order, with their sections.

    An href of `#` or `` is the page itself (the readthedocs theme links the current page so);
    fragment-only hrefs (a page's table of contents inside the nav) are left out."""
    region = find_inner(html, NAV_REGIONS)
    if region is None:
        return []
    out: List[NavEntry] = []
    crumbs: List[str] = []
    items: List[_Item] = []
    lists: List[bool] = []  # per open <ul>/<ol>: whether it pushed a caption onto crumbs
    caption: Optional[str] = None
    # (tag name, start offset of its text, href or None, item) of a head, or of a caption (no item)
    capture: Optional[Tuple[str, int, Optional[str], Optional[_Item]]] = None

    def close_item() -> None:
        item = items.pop()
        if item.pushed:
            crumbs.pop()

    def finish(text_end: int) -> None:
        """The head (or caption) being read ends at `text_end`."""
        nonlocal capture, caption
        if capture is None:
            return
        kind, text_start, href, item = capture
        capture = None
        text = plain_text(html[text_start:text_end])
        if kind == "p" or item is None:
            caption = text
            return
        item.head_done = True
        if item.section:
            crumbs.append(text)
            item.pushed = True
            if href and href.strip() not in ("#", ""):
                link(href)  # a section's index page (Material's navigation.indexes)
        else:
            link(href)

    def link(href: Optional[str]) -> None:
        if href is None:
            return
        href = href.strip()
        if href.startswith("#") and href != "#":
            return
        out.append((href, tuple(crumbs)))

    for tag in iter_tags(html, region[0], region[1], names=_NAV_TAGS):
        name = tag.name
        if capture is not None and name in ("li", "ul", "ol") and capture[0] != "p":
            finish(tag.start)  # a head link left open (`<li><a href=x>X<li>`) ends with its item
        if not tag.closing:
            if name == "li":
                while items and items[-1].depth >= len(lists):
                    close_item()  # an <li> left open (allowed in HTML) ends at the next one
                classes = tag.attrs.get("class", "").split() if "class" in tag.attr_text.lower() else ()
                items.append(_Item(bool(_SECTION_ITEM_CLASSES.intersection(classes)), len(lists)))
            elif name in ("ul", "ol"):
                pushed = False
                if caption is not None and not items:
                    crumbs.append(caption)
                    pushed = True
                caption = None
                lists.append(pushed)
            elif name == "p" and capture is None and "caption" in tag.attrs.get("class", "").split():
                capture = ("p", tag.end, None, None)
            elif name in _HEAD_TAGS and capture is None:
                attrs = tag.attrs
                if items and not items[-1].head_done:
                    capture = (name, tag.end, attrs.get("href") if name == "a" else None, items[-1])
                    # A section is told by its class, or (readthedocs) by a head link without href.
                    if name == "a" and "href" not in attrs:
                        items[-1].section = True
                elif name == "a" and items:
                    link(attrs.get("href"))  # (links outside any item, such as a logo, are no entries)
            continue
        if capture is not None and name == capture[0]:
            finish(tag.start)
        elif name == "li":
            if items and items[-1].depth == len(lists):
                close_item()
        elif name in ("ul", "ol") and lists:
            while items and items[-1].depth >= len(lists):
                close_item()
            if lists.pop():
                crumbs.pop()
    return out


def config_nav_titles(nav: Optional[List[Any]]) -> Dict[str, str]:
    """The titles a config `nav` gives its pages (`- Title: page.md`), by source path: MkDocs and
    Zensical show these rather than the page's own heading."""
    titles: Dict[str, str] = {}

    def walk(items: Any) -> None:
        if isinstance(items, list):
            for item in items:
                walk(item)
        elif isinstance(items, dict):
            for title, value in items.items():
                if isinstance(value, list):
                    walk(value)
                elif isinstance(value, str):
                    titles.setdefault(_clean_path(value), " ".join(str(title).split()))

    walk(nav or [])
    return titles
