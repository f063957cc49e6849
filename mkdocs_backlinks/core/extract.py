"""The links of a page (and the headings they sit under), as the rest of the core names them.

The reading itself is the HTML layer's (`core.html`): `extract_anchors` and the link's text come
from `core.html.links`, `html_to_text` is the layer's one plain-text function.
"""

from __future__ import annotations

from mkdocs_backlinks.core.html.links import Anchor, anchor_extent, anchor_text, extract_anchors, read_anchor
from mkdocs_backlinks.core.html.text import Heading
from mkdocs_backlinks.core.html.text import plain_text as html_to_text

__all__ = ["Anchor", "Heading", "anchor_extent", "anchor_text", "extract_anchors", "html_to_text", "read_anchor"]
