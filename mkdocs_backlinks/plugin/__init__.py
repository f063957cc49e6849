"""The MkDocs 1.x / ProperDocs front end: plugin events in, core calls out.

The entry point `backlinks` is `mkdocs_backlinks.plugin:BacklinksPlugin`."""

from mkdocs_backlinks.plugin.plugin import BacklinksPlugin

__all__ = ["BacklinksPlugin"]
