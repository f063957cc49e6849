"""Writing a panel as HTML: through its Jinja template, or, for the shipped template, directly.

The template `backlinks/panel.html` is what users read and override. When it is not overridden,
`shipped_panel_html` writes the same bytes in plain Python, several times faster than Jinja on a
site with thousands of panels (a test renders many panels both ways and compares them).
"""

from __future__ import annotations

import os
from typing import Dict, List, Optional

from jinja2 import Environment, Template, TemplateError, TemplateNotFound
from markupsafe import escape

from mkdocs_backlinks.core.panel import TEMPLATE, Panel, PanelGroup

__all__ = ["PACKAGE_DIR", "SHIPPED_TEMPLATE", "TEMPLATES_DIR", "PanelTemplateError", "PanelWriter", "shipped_panel_html"]

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
        self._shipped: Optional[bool] = None

    @property
    def uses_python_writer(self) -> Optional[bool]:
        """Whether panels are written by `shipped_panel_html` (None until the first panel)."""
        return self._shipped

    def __call__(self, panel: Panel, page: object) -> str:
        """The HTML of `panel` on `page` (what the template sees as `page`: title, url...)."""
        if self._shipped is None:
            self._shipped = self._finds_shipped_template()
        if self._shipped:
            return shipped_panel_html(panel, self.labels)
        try:
            if self._template is None:
                self._template = self.env.get_template(TEMPLATE)
            return self._template.render(backlinks=panel, labels=self.labels, page=page)
        except TemplateError as error:
            raise PanelTemplateError(str(error)) from None

    def _finds_shipped_template(self) -> bool:
        """Whether the theme resolves the panel's template to the one shipped here (a theme's
        custom_dir, or another folder before ours, may hold its own). Asks the loader, which
        does not compile the template: every `serve` rebuild has a new environment."""
        loader = self.env.loader
        if loader is None:
            return False
        try:
            _source, filename, _uptodate = loader.get_source(self.env, TEMPLATE)
        except TemplateNotFound:
            return False  # get_template says so, in the message the user sees
        except TemplateError as error:
            raise PanelTemplateError(str(error)) from None
        return filename is not None and os.path.normcase(os.path.abspath(filename)) == os.path.normcase(SHIPPED_TEMPLATE)


def _e(text: str) -> str:
    """`text` escaped as Jinja's `|e` does; most panel strings need nothing, so check first."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return str(escape(text))
    return text


def _entry_lines(
    out: List[str], groups: List[PanelGroup], grouped: bool, count_label: str, full: bool, more_links_label: str = ""
) -> None:
    """The lists of entries of `groups`, as the template writes them (`full`: with occurrences;
    `count_label` escaped, `more_links_label` not yet, as `{count}` goes in first)."""
    for group in groups:
        if group.title:
            out.append(f'\n<h3 class="backlinks__group">{_e(group.title)}</h3>')
        out.append('\n<ul class="backlinks__list">')
        for entry in group.entries:
            out.append(f'\n<li class="backlinks__item"><a class="backlinks__link" href="{_e(entry.url)}">{_e(entry.title)}</a>')
            if entry.count > 1:
                out.append(f' <span class="backlinks__count" title="{count_label}">{entry.count}</span>')
            crumbs = entry.crumbs[1:] if grouped else entry.crumbs
            if crumbs:
                out.append(f' <span class="backlinks__crumbs">{_e(" › ".join(crumbs))}</span>')
            if full and (entry.occurrences or entry.more_links):
                out.append('\n<ul class="backlinks__occurrences">')
                for spot in entry.occurrences:
                    out.append(f'\n<li class="backlinks__occurrence"><a class="backlinks__jump" href="{_e(spot.url)}">')
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
                    if spot.count > 1:
                        out.append(f' <span class="backlinks__count" title="{count_label}">{spot.count}</span>')
                    out.append("</a></li>")
                if entry.more_links:
                    more = _e(more_links_label.replace("{count}", str(entry.more_links)))
                    out.append(f'\n<li class="backlinks__more-links">{more}</li>')
                out.append("\n</ul>")
            out.append("</li>")
        out.append("\n</ul>")


def shipped_panel_html(panel: Panel, labels: Dict[str, str]) -> str:
    """The panel exactly as the shipped `backlinks/panel.html` renders it."""
    out = [
        '<aside class="backlinks" aria-labelledby="backlinks-title" data-search-exclude>\n'
        f'<h2 class="backlinks__title" id="backlinks-title">{_e(labels["title"])}</h2>'
    ]
    if panel.graph:  # `local_graph: true`; the SVG is escaped where it is drawn
        out.append(f"\n{panel.graph}")
    if panel:
        count_label = _e(labels["count"])
        _entry_lines(out, panel.shown, panel.grouped, count_label, full=True, more_links_label=labels["more_links"])
        if panel.hidden:
            more = labels["more"].replace("{count}", str(panel.hidden_count))
            out.append(f'\n<details class="backlinks__more">\n<summary>{_e(more)}</summary>')
            _entry_lines(out, panel.hidden, panel.grouped, count_label, full=False)
            out.append("\n</details>")
    else:
        out.append(f'\n<p class="backlinks__empty">{_e(labels["empty"])}</p>')
    if panel.mentions:
        _mention_lines(out, panel, labels)
    out.append("\n</aside>")
    return "".join(out)


def _mention_lines(out: List[str], panel: Panel, labels: Dict[str, str]) -> None:
    """The collapsed "Mentioned without a link" part, as the template writes it."""
    out.append(f'\n<details class="backlinks__mentions">\n<summary>{_e(labels["mentions"])}</summary>')
    out.append('\n<ul class="backlinks__mention-list">')
    for entry in panel.mentions:
        out.append(
            f'\n<li class="backlinks__mention"><a class="backlinks__mention-link" href="{_e(entry.url)}">{_e(entry.title)}</a>'
        )
        spot = entry.occurrence
        if spot:
            out.append(f'\n<ul class="backlinks__occurrences">\n<li class="backlinks__occurrence"><a class="backlinks__jump" href="{_e(spot.url)}">')
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
            out.append("</a></li>\n</ul>")
        out.append("</li>")
    out.append("\n</ul>\n</details>")
