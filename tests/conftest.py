"""Helpers to build real MkDocs sites in temporary folders and read what they produced."""

from __future__ import annotations

import html
import inspect
import logging
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Dict, List, Optional, Tuple
from urllib.parse import unquote, urljoin

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

PANEL = re.compile(r'<aside class="backlinks".*?</aside>', re.S)
PANEL_LINK = re.compile(r'<a class="backlinks__link" href="([^"]*)">(.*?)</a>', re.S)


class Site:
    """A site written to disk, built with real MkDocs, and read back."""

    def __init__(self, root: Path, docs: Dict[str, str], config: dict) -> None:
        self.root = root
        self.config = config
        for path, text in docs.items():
            file = root / "docs" / path
            file.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                file.write_bytes(text)
            else:
                file.write_text(textwrap.dedent(text), encoding="utf-8")
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")

    @property
    def directory_urls(self) -> bool:
        return self.config.get("use_directory_urls", True)

    def build(self, command: str = "build", serve_url: Optional[str] = None) -> "Site":
        """Build in-process, as `mkdocs build` does (startup and shutdown events included);
        with a `serve_url`, as `mkdocs serve` does (drafts rendered too)."""
        cfg = load_config(config_file=str(self.root / "mkdocs.yml"))
        cfg.plugins.on_startup(command=command, dirty=False)
        try:
            build_serving(cfg, serve_url)
        finally:
            cfg.plugins.on_shutdown()
        return self

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        """Run the real `mkdocs` command line on this site."""
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
        )

    def output_path(self, src: str) -> Path:
        """The built HTML file of the page whose source is `src`."""
        stem = src[: -len(".md")]
        name = stem.rsplit("/", 1)[-1]
        if name in ("index", "README"):
            stem = stem[: -len(name)] + "index"
        elif self.directory_urls:
            stem += "/index"
        return self.root / "site" / (stem + ".html")

    def url_of(self, src: str) -> str:
        """The site-relative URL of the page whose source is `src` (decoded)."""
        path = self.output_path(src).relative_to(self.root / "site").as_posix()
        if self.directory_urls and path.endswith("index.html"):
            path = path[: -len("index.html")]
        return path

    def html(self, src: str) -> str:
        return self.output_path(src).read_text(encoding="utf-8")

    def panel(self, src: str) -> Optional[str]:
        """The panel's HTML on the page `src`, or None when it has none."""
        return find_panel(self.html(src), src)

    def panel_links(self, src: str) -> List[Tuple[str, str]]:
        """(href, title as shown) of each panel entry on page `src`."""
        panel = self.panel(src)
        return [(href, html.unescape(title)) for href, title in PANEL_LINK.findall(panel or "")]

    def backlinks(self, src: str) -> List[str]:
        """The sources of the pages the panel on `src` lists, resolved from the hrefs as a browser
        would (so a wrong href shows up as a wrong or unknown page)."""
        by_url = {self.url_of(other): other for other in self.sources()}
        return [
            source_of_href(href, self.url_of(src), by_url, self.directory_urls)
            for href, _title in self.panel_links(src)
        ]

    def sources(self) -> List[str]:
        docs = self.root / "docs"
        return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def make_config(plugin: Optional[dict] = None, **settings) -> dict:
    config = {"site_name": "Test site", "plugins": ["search", {"backlinks": plugin or {}}]}
    config.update(settings)
    return config


@pytest.fixture
def make_site(tmp_path):
    """`make_site(docs, plugin={...}, **mkdocs_settings)` writes a site and returns a `Site`."""
    counter = iter(range(1000))

    def factory(docs: Dict[str, str], plugin: Optional[dict] = None, **settings) -> Site:
        root = tmp_path / f"site{next(counter)}"
        root.mkdir()
        return Site(root, docs, make_config(plugin, **settings))

    return factory


@pytest.fixture(params=[True, False], ids=["dir-urls", "file-urls"])
def directory_urls(request) -> bool:
    return request.param


@pytest.fixture
def plugin_log(caplog):
    """Messages the plugin logged at one level, without the "backlinks: " prefix."""
    caplog.set_level(logging.INFO, logger="mkdocs")

    def messages(level: int = logging.WARNING) -> List[str]:
        return [
            r.getMessage()[len("backlinks: ") :]
            for r in caplog.records
            if r.name == "mkdocs.plugins.backlinks" and r.levelno == level
        ]

    return messages


# --- Reading panels back as values, for comparing two builds -----------------------------------


@dataclass
class PanelEntry:
    """One entry of a panel as a reader sees it: every part of the markup, as text."""

    href: str = ""
    title: str = ""
    count: str = ""
    """The count badge ("" when there is none: one link)."""
    crumbs: str = ""
    group: str = ""
    """The section heading the entry sits under (`group_by_section`)."""
    hidden: bool = False
    """Behind the "and N more" `<details>` (`max_entries`)."""
    occurrences: List[Tuple[str, str, str, str]] = field(default_factory=list)
    """(jump href, section, snippet with the link text as «text», count badge)."""
    more_links: str = ""


class _PanelReader(HTMLParser):
    """Reads the first `<aside class="backlinks">` of a page into `PanelEntry` values."""

    # The elements whose text is a field: class -> field name.
    TEXT_FIELDS = {
        "backlinks__link": "title",
        "backlinks__crumbs": "crumbs",
        "backlinks__group": "group",
        "backlinks__section": "section",
        "backlinks__snippet": "snippet",
        "backlinks__more-links": "more_links",
        "backlinks__count": "count",
        "backlinks__empty": "empty",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = False
        self.done = False
        self.empty = ""
        self.entries: List[PanelEntry] = []
        self._group = ""
        self._hidden = False
        self._occurrence: Optional[list] = None  # [href, section, snippet, count]
        self._capture: Optional[list] = None  # [field, tag, depth, text]

    def handle_starttag(self, tag, attrs) -> None:
        if self.done:
            return
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if not self.found:
            self.found = tag == "aside" and "backlinks" in classes
            return
        if self._capture is not None:
            if tag == "mark":
                self._capture[3] += "«"
            elif tag == self._capture[1]:
                self._capture[2] += 1
            return
        if "backlinks__more" in classes:
            self._hidden = True
        elif "backlinks__item" in classes:
            self.entries.append(PanelEntry(group=self._group, hidden=self._hidden))
        elif "backlinks__occurrence" in classes:
            self._occurrence = ["", "", "", ""]
            self.entries[-1].occurrences.append(self._occurrence)  # type: ignore[arg-type]
        elif "backlinks__jump" in classes:
            self._occurrence[0] = attrs.get("href") or ""
        elif "backlinks__link" in classes:
            self.entries[-1].href = attrs.get("href") or ""
        for name, field_name in self.TEXT_FIELDS.items():
            if name in classes:
                self._capture = [field_name, tag, 0, ""]

    def handle_endtag(self, tag) -> None:
        if not self.found or self.done:
            return
        capture = self._capture
        if capture is not None:
            if tag == "mark":
                capture[3] += "»"
            elif tag == capture[1]:
                if capture[2]:
                    capture[2] -= 1
                    return
                self._capture = None
                self._store(capture[0], " ".join(capture[3].split()))
            return
        if tag == "aside":
            self.done = True
        elif tag == "details":
            self._hidden = False
        elif tag == "li" and self._occurrence is not None:
            self._occurrence = None

    def handle_data(self, data) -> None:
        if self._capture is not None:
            self._capture[3] += data

    def _store(self, name: str, text: str) -> None:
        if name == "group":
            self._group = text
        elif name == "empty":
            self.empty = text
        elif name in ("section", "snippet"):
            self._occurrence[1 if name == "section" else 2] = text
        elif name == "count" and self._occurrence is not None:
            self._occurrence[3] = text
        else:
            setattr(self.entries[-1], name, text)


def read_panel(page_html: str) -> Optional[List[PanelEntry]]:
    """The entries of the page's panel, in order (occurrences as tuples); None when the page has
    no panel. An empty panel (`show_when_empty`) is []."""
    reader = _PanelReader()
    reader.feed(page_html)
    reader.close()
    if not reader.found:
        return None
    for entry in reader.entries:
        entry.occurrences = [tuple(spot) for spot in entry.occurrences]
    return reader.entries


# =================================================================================================
# Shared helpers: panel parsing, href-to-source resolution, the serve-like rebuild loop, `mkdocs
# build` in a process of its own, content digests and loading the benchmark scripts. One copy
# each; test files import them with
# `from conftest import ...` (tests/ is on sys.path, as for `import browser`).
# =================================================================================================

import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import os  # noqa: E402
import types  # noqa: E402
from typing import Mapping  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OCCURRENCE = re.compile(
    r'<li class="backlinks__occurrence"><a class="backlinks__jump" href="([^"]*)">(.*?)</a></li>', re.S
)


def find_panel(page_html: str, where: str = "the page") -> Optional[str]:
    """The panel in a page's HTML, or None when it has none; a page with two fails the test."""
    found = PANEL.findall(page_html)
    assert len(found) <= 1, f"{where} has {len(found)} panels"
    return found[0] if found else None


def source_of_href(href: str, page_url: str, sources_by_url: Mapping[str, str], directory_urls: bool) -> str:
    """The source of the page a browser on the page at `page_url` (site-relative, decoded) lands
    on by following `href` as written in the HTML, with its `#fragment` when it has one; or
    `<unknown href>` when no page of `sources_by_url` (decoded URL -> source) is there. So a
    wrong href shows up as a wrong or unknown page."""
    url = urljoin("http://h/" + page_url, html.unescape(href))[len("http://h/") :]
    path, _, fragment = url.partition("#")
    path = unquote(path)
    if not directory_urls and path.endswith("/"):
        path += "index.html"  # what a static host serves for a folder
    source = sources_by_url.get(path)
    if source is None:
        return f"<unknown {href}>"
    return source + (f"#{fragment}" if fragment else "")


def build_serving(config, serve_url: Optional[str] = None, dirty: bool = False) -> None:
    """`build(config)` as `mkdocs serve` calls it, on MkDocs 1.5 (`live_server`) and later
    (`serve_url`); without a `serve_url`, as a plain (or dirty) build."""
    if serve_url is None:
        build(config, dirty=dirty)
    elif "serve_url" in inspect.signature(build).parameters:
        build(config, dirty=dirty, serve_url=serve_url)
    else:  # MkDocs 1.5
        build(config, dirty=dirty, live_server=True)


class ServeLoop:
    """What `mkdocs serve` does: the plugins are started once, then every rebuild loads the
    config afresh (MkDocs hands it the same plugin instances) and builds. Use as a context
    manager, or call `stop()`."""

    def __init__(self, config_file: Path, dirty: bool = False, serve_url: Optional[str] = None) -> None:
        self.config_file = str(config_file)
        self.dirty = dirty
        self.serve_url = serve_url
        first = load_config(config_file=self.config_file)
        first.plugins.on_startup(command="serve", dirty=dirty)
        self.plugins = first.plugins

    def rebuild(self):
        """One rebuild; returns the config it built with."""
        config = load_config(config_file=self.config_file)
        build_serving(config, self.serve_url, self.dirty)
        return config

    def stop(self) -> None:
        self.plugins.on_shutdown()

    def __enter__(self) -> "ServeLoop":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def content_digest(root: Path) -> Dict[str, str]:
    """The SHA-256 of every file under `root`, by its path relative to `root`: two trees hold
    the same bytes exactly when their digests are equal (and a failure names the files). Bytes
    only: unlike tests/command/conftest.py's `tree_digest`, file modes and folders are not
    compared, and a symlink to a file counts as that file's bytes."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    """`mkdocs build` in a process of its own: another hash seed, so set and dict orders that
    depend on it would show up as a difference."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site_dir)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def load_benchmark(name: str) -> types.ModuleType:
    """benchmarks/<name>.py (`generate`, `check`, ...) as a module, loaded once per session.
    The scripts are not a package; they load under names no other module has."""
    module_name = f"_benchmark_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, REPO / "benchmarks" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses look their module up while being created
        spec.loader.exec_module(module)
    return sys.modules[module_name]


class SyntheticBuild:
    """The synthetic wiki of benchmarks/generate.py, built once with the plugin at its default
    levels and the graph export on (`links.json`), with the generator's own truth (`truth.json`,
    written from the links it wrote) and what MkDocs and the plugins logged at INFO and above."""

    def __init__(self, root: Path, directory_urls: bool, truth: dict, records: List[logging.LogRecord]) -> None:
        self.root = root
        self.directory_urls = directory_urls
        self.truth = truth
        self.records = records

    def messages(self, min_level: int = logging.INFO, plugins_only: bool = False) -> List[str]:
        return [
            r.getMessage()
            for r in self.records
            if r.levelno >= min_level and (not plugins_only or r.name.startswith("mkdocs.plugins"))
        ]


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: List[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="session", params=[True, False], ids=["dir-urls", "file-urls"])
def synthetic_build(request, tmp_path_factory) -> SyntheticBuild:
    """A 1000-page synthetic wiki, built once per URL mode for every test that reads it
    (tests/test_synthetic_truth.py, tests/test_export_truth.py): the section-only nav keeps the
    build linear in pages and leaves most pages outside the nav, as on large real sites."""
    directory_urls = request.param
    root = tmp_path_factory.mktemp("synthetic")
    truth = load_benchmark("generate").generate(str(root), 1000, seed=7, directory_urls=directory_urls, nav="sections")
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["plugins"] = ["search", {"backlinks": {"graph_file": "links.json"}}]
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")

    logger = logging.getLogger("mkdocs")
    recorder, level = _Recorder(), logger.level
    logger.addHandler(recorder)  # on the logger itself: the CLI may have turned propagation off
    logger.setLevel(logging.INFO)
    try:
        cfg = load_config(config_file=str(config_file))
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg, dirty=False)
        finally:
            cfg.plugins.on_shutdown()
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(level)
    return SyntheticBuild(root, directory_urls, truth, recorder.records)
