"""The panel's words."""

from __future__ import annotations

from typing import Dict, Mapping, Optional

ENGLISH: Dict[str, str] = {
    "title": "Pages linking here",
    "empty": "No pages link here yet.",
}


def panel_labels(overrides: Mapping[str, Optional[str]]) -> Dict[str, str]:
    """The built-in words, with each one the user set in `labels:` replacing its default."""
    labels = dict(ENGLISH)
    labels.update({key: value for key, value in overrides.items() if value is not None})
    return labels
