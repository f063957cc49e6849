"""The plugin's side of the findings for CI systems: where MkDocs keeps the pages' Markdown, and
what the options ask for (`core/ci_output.py` does the rest)."""

from __future__ import annotations

import os
from typing import List

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from mkdocs_backlinks.core.ci_output import FindingsOutputs, findings_outputs, inside
from mkdocs_backlinks.core.findings import Sources
from mkdocs_backlinks.core.log import prefixed
from mkdocs_backlinks.core.options import BacklinksConfig


def project_dir(config: MkDocsConfig) -> str:
    """The config file's folder: the findings' paths are relative to it."""
    path = config.config_file_path
    return os.path.dirname(os.path.abspath(path)) if path else os.getcwd()


def plugin_outputs(options: BacklinksConfig, config: MkDocsConfig) -> FindingsOutputs:
    """What the options and the environment ask for; a mistake stops the build, naming the option."""
    try:
        return findings_outputs(
            options.findings_file, options.findings_format, project_dir(config), config.docs_dir, os.environ
        )
    except ValueError as error:
        raise PluginError(prefixed(f"option 'findings_file': {error}")) from None


def snippets_dirs(config: MkDocsConfig) -> List[str]:
    """The folders pymdownx.snippets reads included files from: its `base_path`, relative to the
    current folder as the extension reads it (default: the current folder)."""
    settings = config.mdx_configs.get("pymdownx.snippets") or {}
    base = settings.get("base_path", ["."]) if isinstance(settings, dict) else ["."]
    folders = [base] if isinstance(base, str) else list(base) if isinstance(base, (list, tuple)) else ["."]
    return [os.path.abspath(str(folder)) for folder in folders]


def plugin_sources(config: MkDocsConfig, files: Files) -> Sources:
    """Each page's Markdown source: the file in `docs_dir` it was read from. A page a plugin
    generated (gen-files writes into a temporary folder) has none."""
    docs_dir = os.path.normpath(os.path.abspath(config.docs_dir))
    sources = {}
    for file in files.documentation_pages():
        path = file.abs_src_path
        if path and inside(os.path.abspath(path), docs_dir) and os.path.isfile(path):
            sources[file.src_uri] = os.path.abspath(path)
    return Sources(project_dir(config), docs_dir, sources, snippets_dirs(config))
