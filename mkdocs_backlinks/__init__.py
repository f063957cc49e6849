"""mkdocs-backlinks-plugin: "Pages linking here" panels and orphan checks for MkDocs sites.

The MkDocs plugin is `mkdocs_backlinks.plugin.BacklinksPlugin` (entry point `backlinks`); the
post-build command is `mkdocs_backlinks.command.main` (`mkdocs-backlinks SITE_DIR`)."""

__all__ = ["__version__"]

__version__ = "0.1.0"
