"""A site's real MkDocs config (with the real plugin instances it names) and its pages, for the
plugin adapter's pure parts: no build runs, only what `load_config` and the file list give."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable, List, Mapping, Tuple

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, get_files
from mkdocs.structure.pages import Page


def site_pages(
    root: Path, plugins: list, docs: Mapping[str, str], generated: Mapping[str, str] = {}
) -> Tuple[MkDocsConfig, List[Page]]:
    """The loaded config of a site with `plugins` and the Markdown files `docs`, and a `Page`
    for each; `generated` adds pages a plugin made (source -> that plugin's `generated_by`)."""
    for src, text in {**docs, **{src: f"# {src}\n" for src in generated}}.items():
        path = root / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "x", "plugins": plugins}), encoding="utf-8")
    config = load_config(config_file=str(root / "mkdocs.yml"))
    files = get_files(config)
    for src, by in generated.items():
        # Written to disk like the others; what sets them apart is whom MkDocs says made them.
        files.get_file_from_path(src).generated_by = by
    pages = [Page(None, file, config) for file in files.documentation_pages()]
    return config, pages


def url_of(directory_urls: bool) -> Callable[[str], str]:
    """`src -> File.url` for any source, in one URL mode."""
    return lambda src: File(src, "/docs", "/site", directory_urls).url
