"""The plugin's options, as written under `backlinks:` in `mkdocs.yml`.

Every option is validated by MkDocs itself, so a wrong type or an unknown value is reported as
`Config value 'plugins'...` naming the option, like any other MkDocs setting.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_backlinks.globs import GlobList

LEVELS = ("ignore", "info", "warn", "error")
"""How loudly a check reports what it finds; `warn` fails `mkdocs build --strict`, `error` fails
`mkdocs build` outright (but never stops `mkdocs serve`)."""


class GlobListOption(c.ListOfItems):
    """A list of gitignore-like globs matched against source paths (`guide/*.md`, `blog/**`)."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default=[])

    def run_validation(self, value: object) -> GlobList:  # type: ignore[override]
        patterns = super().run_validation(value)
        try:
            return GlobList(patterns)
        except ValueError as error:
            raise c.ValidationError(str(error)) from None


class LabelsConfig(base.Config):
    """The panel's words. Unset ones come from the built-in English text."""

    title = c.Optional(c.Type(str))
    """The panel's heading. Default: `Pages linking here`."""

    empty = c.Optional(c.Type(str))
    """The line shown when no page links here (with `show_when_empty: true`).
    Default: `No pages link here yet.`"""


class BacklinksConfig(base.Config):
    """Options of the `backlinks` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off, e.g. `enabled: !ENV [BACKLINKS, true]` for quick local builds."""

    show_when_empty = c.Type(bool, default=False)
    """On a page no other page links to: `false` adds no panel, `true` adds the panel with a short
    "no pages link here" line."""

    sort = c.Choice(("nav", "title"), default="nav")
    """Order of the panel's entries: `nav` follows the site navigation (pages outside it come
    after, by title); `title` sorts by title."""

    labels = c.SubConfig(LabelsConfig)
    """Override the panel's words."""

    orphans = c.Choice(LEVELS, default="warn")
    """What to do about orphaned pages (built pages no other page's content links to):
    `ignore`, `info`, `warn` (the default; fails `mkdocs build --strict`) or `error` (fails
    `mkdocs build`). The homepage is never an orphan."""

    orphans_exempt = GlobListOption()
    """Source paths (globs, relative to `docs_dir`) that may be orphans, e.g. `[changelog.md,
    "drafts/**"]`. A page can also exempt itself with `orphan: true` in its front matter."""
