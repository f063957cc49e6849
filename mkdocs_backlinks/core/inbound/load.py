"""Read the outside links a build is told about: the export files named by `inbound_links`
(globs relative to the config file's folder) and the sibling sites' link-graph exports
(`sibling_sites`). Nothing is fetched: every source is a file the build can read.
"""

from __future__ import annotations

import glob
import os
from typing import List, Mapping, Optional, Sequence

from mkdocs_backlinks.core.inbound.formats import read_export
from mkdocs_backlinks.core.inbound.gather import Inbound, add_export, add_links
from mkdocs_backlinks.core.inbound.match import TargetMatcher
from mkdocs_backlinks.core.inbound.siblings import SiblingError, sibling_links
from mkdocs_backlinks.core.log import Log
from mkdocs_backlinks.core.options import BacklinksConfig
from mkdocs_backlinks.core.urls import SiteResolver

__all__ = ["export_files", "inbound_of", "read_inbound"]


def export_files(patterns: Sequence[str], base_dir: str, log: Log) -> List[str]:
    """The files `patterns` name (globs, relative to `base_dir`), each once, sorted per pattern;
    one warning for a pattern that names no file."""
    found: List[str] = []
    for pattern in patterns:
        path = os.path.join(base_dir, os.path.expanduser(pattern))
        matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
        if not matches:
            log.warning(f"option 'inbound_links': '{pattern}' names no file (relative to '{base_dir}')")
        found.extend(p for p in matches if p not in found)
    return found


def _display(path: str, base_dir: str) -> str:
    relative = os.path.relpath(path, base_dir)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def read_inbound(
    patterns: Sequence[str],
    siblings: Sequence[Mapping[str, Optional[str]]],
    base_dir: str,
    resolver: SiteResolver,
    site_url: Optional[str],
    log: Log,
    directory_urls: bool = True,
) -> Optional[Inbound]:
    """Every outside link the build is told about, matched to its pages; None when no export and
    no sibling site is named (then nothing is read and nothing costs). Each problem is one
    warning naming the file (and the row); nothing raises."""
    if not patterns and not siblings:
        return None
    if not site_url:
        log.warning(
            "option 'inbound_links': 'site_url' is not set, so every target URL is read as a URL of "
            "this site; set 'site_url' to tell this site's URLs from other sites'"
        )
    inbound = Inbound(directory_urls=directory_urls)
    matcher = TargetMatcher(resolver, site_url)
    for path in export_files(patterns, base_dir, log):
        name = _display(path, base_dir)
        try:
            with open(path, "rb") as file:
                export = read_export(name, file)
        except OSError as error:
            log.warning(f"option 'inbound_links': cannot read '{name}': {error.strerror or error}")
            continue
        for problem in export.problems:
            log.warning(f"inbound links: {problem}")
        if export.more_problems:
            log.warning(f"inbound links: '{name}': {export.more_problems} more row(s) skipped")
        if export.format:
            before = inbound.elsewhere
            add_export(inbound, matcher, export)
            inbound.sources.append(f"{name} ({export.format}, {export.rows} rows)")
            if inbound.elsewhere > before:
                log.info(f"inbound links: '{name}': {inbound.elsewhere - before} row(s) for other sites ignored")
    for sibling in siblings:
        graph_file, url = sibling.get("graph_file") or "", sibling.get("url") or ""
        if not url.lower().startswith(("http://", "https://")):
            log.warning(f"option 'sibling_sites': '{url}' is not an http(s) URL; '{graph_file}' is not read")
            continue
        path = os.path.join(base_dir, os.path.expanduser(graph_file))
        name = _display(path, base_dir)
        try:
            with open(path, encoding="utf-8") as file:
                text = file.read()
            links = sibling_links(text, url, name)
        except OSError as error:
            log.warning(f"option 'sibling_sites': cannot read '{name}': {error.strerror or error}")
            continue
        except (SiblingError, UnicodeDecodeError) as error:
            log.warning(f"option 'sibling_sites': {error}")
            continue
        add_links(inbound, matcher, links)
        inbound.sources.append(f"{url} ({name})")
    return inbound


def inbound_of(
    options: BacklinksConfig,
    base_dir: str,
    resolver: SiteResolver,
    site_url: Optional[str],
    directory_urls: bool,
    log: Log,
) -> Optional[Inbound]:
    """`read_inbound` with the files the options name (`inbound_links`, `sibling_sites`), relative
    to `base_dir`, the config file's folder: the one call each front end makes."""
    siblings = [{"graph_file": s.graph_file, "url": s.url} for s in options.sibling_sites]
    return read_inbound(list(options.inbound_links), siblings, base_dir, resolver, site_url, log, directory_urls)
