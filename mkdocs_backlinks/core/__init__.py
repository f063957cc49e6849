"""The core: reads links from rendered HTML, builds the link graph, writes panels, runs the
link-health checks and writes the exports. It knows no MkDocs objects (no `mkdocs.structure`,
no plugin events): the front ends hand it plain values."""
