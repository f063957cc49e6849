"""Writing a panel as HTML through its Jinja template, `backlinks/panel.html`: the shipped one,
or the one a theme puts in its place.

The template is the one description of the panel's markup. A plain-Python copy of it wrote the
same bytes 41 ms sooner in a 1,000-page docs-like build (0.9% of that build; 21 ms with
`context: titles`, 67 ms on the link-dense site; measured with benchmarks/replay.py): too little
to keep two copies in step.
"""

from __future__ import annotations

import os
from typing import Dict, Optional

from jinja2 import Environment, Template, TemplateError

from mkdocs_backlinks.core.panel import TEMPLATE, Panel

__all__ = ["PACKAGE_DIR", "SHIPPED_TEMPLATE", "TEMPLATES_DIR", "PanelTemplateError", "PanelWriter"]

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

    def __call__(self, panel: Panel, page: object) -> str:
        """The HTML of `panel` on `page` (what the template sees as `page`: title, url...)."""
        try:
            if self._template is None:
                self._template = self.env.get_template(TEMPLATE)
            return self._template.render(backlinks=panel, labels=self.labels, page=page)
        except TemplateError as error:
            raise PanelTemplateError(str(error)) from None
