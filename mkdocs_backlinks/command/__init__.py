"""The post-build front end: `mkdocs-backlinks SITE_DIR` reads a site some generator already
built (Zensical, MkDocs 2.0, ...) and hands its pages to the core, as plain values."""

from mkdocs_backlinks.command.cli import main

__all__ = ["main"]
