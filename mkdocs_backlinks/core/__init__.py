"""The core: reads links from rendered HTML, builds the link graph, writes panels, runs the
link-health checks and writes the exports. It knows no MkDocs objects (no `mkdocs.structure`,
no plugin events): the front ends hand it plain values.

What the front ends use, by module: `options` (the typed options), `pages` (a page as plain
values), `urls` (the site's files and link resolution), `extract` (a page's links), `site` (the
linked site and each page's panel), `panel`, `render` and `labels` (the panel and its words),
`audit` (the checks, the export and the report) and `files` (atomic writes). The other modules
serve these."""

__all__ = ["audit", "extract", "files", "labels", "options", "pages", "panel", "render", "site", "urls"]
