"""mkdocs-backlinks-plugin: "Pages linking here" panels and orphan checks for MkDocs sites."""

__version__ = "0.1.0"
