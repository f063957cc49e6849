"""Writing a panel as HTML: through its Jinja template, `backlinks/panel.html`, when a theme puts
its own in place of the shipped one; else by joining strings, with the very bytes the shipped
template writes.

The shipped template stays the one description of the panel's markup: `write_shipped_panel`
follows it line by line, and a test renders every shape of panel both ways and compares the
bytes (tests/test_render.py). The copy is kept for speed: the template took 51-54 µs a page on
the 1,000-page docs-like site, the joins 18-20 µs, about 35 ms per 1,000 pages: 2-3% of the
post-build command's run, which writes every panel (benchmarks/command.py).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable, Dict, List, Optional, Sequence

from jinja2 import Environment, Template, TemplateError
from markupsafe import escape

from mkdocs_backlinks.core.panel import TEMPLATE, MentionEntry, Occurrence, Panel, PanelGroup

if TYPE_CHECKING:
    from mkdocs_backlinks.core.inbound.show import InboundEntry

__all__ = [
    "PACKAGE_DIR",
    "SHIPPED_TEMPLATE",
    "TEMPLATES_DIR",
    "PanelTemplateError",
    "PanelWriter",
    "write_shipped_panel",
]

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES_DIR = os.path.join(PACKAGE_DIR, "templates")
SHIPPED_TEMPLATE = os.path.join(TEMPLATES_DIR, *TEMPLATE.split("/"))


class PanelTemplateError(Exception):
    """The panel's template could not be loaded or rendered; the message says why."""


class PanelWriter:
    """Writes panels with the template the theme resolves `backlinks/panel.html` to."""

    def __init__(self, env: Environment, labels: Dict[str, str]) -> None:
        self.env = env
        self.labels = labels
        self._template: Optional[Template] = None
        self._write: Optional[Callable[[Panel, object], str]] = None

    def __call__(self, panel: Panel, page: object) -> str:
        """The HTML of `panel` on `page` (what the template sees as `page`: title, url...)."""
        if self._write is None:
            self._write = self._writer()
        return self._write(panel, page)

    def _writer(self) -> Callable[[Panel, object], str]:
        try:
            template = self.env.get_template(TEMPLATE)
        except TemplateError as error:
            raise PanelTemplateError(str(error)) from None
        if template.filename and os.path.realpath(template.filename) == os.path.realpath(SHIPPED_TEMPLATE):
            labels = self.labels
            return lambda panel, page: write_shipped_panel(panel, labels)
        self._template = template
        return self._render

    def _render(self, panel: Panel, page: object) -> str:
        assert self._template is not None
        try:
            return self._template.render(backlinks=panel, labels=self.labels, page=page)
        except TemplateError as error:
            raise PanelTemplateError(str(error)) from None


def _e(value: object) -> str:
    """Jinja's `|e`: `&<>"'` escaped as MarkupSafe writes them, safe markup (`Markup`) as it is.
    Plain strings by `str.replace`: MarkupSafe's `escape` makes a `Markup` of each, 0.43 µs a
    string against 0.15 (a panel escapes about 55)."""
    if type(value) is not str:
        return str(escape(value))
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def _count(count: int, title: str) -> str:
    return f' <span class="backlinks__count" title="{title}">{count}</span>' if count > 1 else ""


def _spot(spot: Occurrence, count_title: Optional[str]) -> str:
    """One `li.backlinks__occurrence`; with its count unless `count_title` is None (mentions)."""
    out = [f'\n<li class="backlinks__occurrence"><a class="backlinks__jump" href="{_e(spot.url)}">']
    if spot.section:
        out.append(f'<span class="backlinks__section">{_e(spot.section)}</span>')
    snippet = spot.snippet
    if spot.section and snippet:
        out.append(" ")
    if snippet:
        out.append(
            f'<span class="backlinks__snippet">{_e(snippet.before)}<mark>{_e(snippet.text)}</mark>'
            f"{_e(snippet.after)}</span>"
        )
    if count_title is not None:
        out.append(_count(spot.count, count_title))
    out.append("</a></li>")
    return "".join(out)


def _groups(panel: Panel, groups: List[PanelGroup], labels: Dict[str, str], full: bool) -> List[str]:
    count_title = _e(labels["count"])
    more_links = labels["more_links"]
    out: List[str] = []
    for group in groups:
        if group.title:
            out.append(f'\n<h3 class="backlinks__group">{_e(group.title)}</h3>')
        out.append('\n<ul class="backlinks__list">')
        for entry in group.entries:
            out.append(
                f'\n<li class="backlinks__item"><a class="backlinks__link" href="{_e(entry.url)}">{_e(entry.title)}</a>'
            )
            out.append(_count(entry.count, count_title))
            crumbs = entry.crumbs[1:] if panel.grouped else entry.crumbs
            if crumbs:
                out.append(f' <span class="backlinks__crumbs">{_e(" › ".join(crumbs))}</span>')
            if full and (entry.occurrences or entry.more_links):
                out.append('\n<ul class="backlinks__occurrences">')
                out.extend(_spot(spot, count_title) for spot in entry.occurrences)
                if entry.more_links:
                    words = more_links.replace("{count}", str(entry.more_links))
                    out.append(f'\n<li class="backlinks__more-links">{_e(words)}</li>')
                out.append("\n</ul>")
            out.append("</li>")
        out.append("\n</ul>")
    return out


def _mentions(mentions: Sequence[MentionEntry], labels: Dict[str, str]) -> List[str]:
    out = [
        f'\n<details class="backlinks__mentions">\n<summary>{_e(labels["mentions"])}</summary>'
        '\n<ul class="backlinks__mention-list">'
    ]
    for entry in mentions:
        out.append(
            f'\n<li class="backlinks__mention"><a class="backlinks__mention-link" href="{_e(entry.url)}">'
            f"{_e(entry.title)}</a>"
        )
        if entry.occurrence:
            out.append(f'\n<ul class="backlinks__occurrences">{_spot(entry.occurrence, None)}\n</ul>')
        out.append("</li>")
    out.append("\n</ul>\n</details>")
    return out


def _inbound(panel: Panel, labels: Dict[str, str]) -> List[str]:
    count_title = _e(labels["count"])
    out = [
        f'\n<details class="backlinks__inbound">\n<summary>{_e(labels["inbound"])} '
        f'<span class="backlinks__count" title="{count_title}">{panel.inbound_count}</span></summary>'
        '\n<ul class="backlinks__inbound-list">'
    ]
    entry: "InboundEntry"
    for entry in panel.inbound:
        out.append('\n<li class="backlinks__inbound-item">')
        if entry.url:
            out.append(
                f'<a class="backlinks__inbound-link" href="{_e(entry.url)}" rel="nofollow noopener">'
                f"{_e(entry.title)}</a>"
            )
        else:
            out.append(f'<span class="backlinks__inbound-link">{_e(entry.title)}</span>')
        if entry.site and entry.title != entry.site:
            out.append(f' <span class="backlinks__crumbs">{_e(entry.site)}</span>')
        if entry.section or entry.anchor:
            out.append('\n<ul class="backlinks__occurrences"><li class="backlinks__occurrence">')
            if entry.section:
                out.append(f'<span class="backlinks__section">{_e(entry.section)}</span>')
            if entry.section and entry.anchor:
                out.append(" ")
            if entry.anchor:
                out.append('<span class="backlinks__snippet">')
                if entry.before:
                    out.append(f"{_e(entry.before)} ")
                out.append(f"<mark>{_e(entry.anchor)}</mark>")
                if entry.after:
                    if entry.after[:1] not in ",.;:!?)":
                        out.append(" ")
                    out.append(_e(entry.after))
                out.append("</span>")
            out.append("</li></ul>")
        out.append("</li>")
    if panel.inbound_count > len(panel.inbound):
        words = labels["more"].replace("{count}", str(panel.inbound_count - len(panel.inbound)))
        out.append(f'\n<li class="backlinks__more-links">{_e(words)}</li>')
    out.append("\n</ul>\n</details>")
    return out


def write_shipped_panel(panel: Panel, labels: Dict[str, str]) -> str:
    """What the shipped `backlinks/panel.html` writes for `panel`, byte for byte."""
    out = [
        '<aside class="backlinks" aria-labelledby="backlinks-title" data-search-exclude>'
        f'\n<h2 class="backlinks__title" id="backlinks-title">{_e(labels["title"])}</h2>'
    ]
    if panel.graph:
        out.append(f"\n{panel.graph}")
    if panel:
        out.extend(_groups(panel, panel.shown, labels, True))
        if panel.hidden:
            words = labels["more"].replace("{count}", str(panel.hidden_count))
            out.append(f'\n<details class="backlinks__more">\n<summary>{_e(words)}</summary>')
            out.extend(_groups(panel, panel.hidden, labels, False))
            out.append("\n</details>")
    else:
        out.append(f'\n<p class="backlinks__empty">{_e(labels["empty"])}</p>')
    if panel.mentions:
        out.extend(_mentions(panel.mentions, labels))
    if panel.inbound_count:
        out.extend(_inbound(panel, labels))
    out.append("\n</aside>")
    return "".join(out)
