"""The post-build command on real builds: the example site built by Zensical (both URL modes) and
by the MkDocs 2.0 pre-release; then its behaviour: idempotence, `--check`, exit statuses, and
damaged sites (odd HTML, no content region, bytes that are not UTF-8, symlinks out of the site,
read-only files), each a clear message naming the file, no traceback, nothing half-written and
nothing written outside SITE_DIR."""

from __future__ import annotations

import shutil
import stat
import sys
from pathlib import Path
from typing import Dict
from urllib.parse import unquote, urljoin

import pytest
import yaml

from conftest import read_panel

from .conftest import EXAMPLE, command, copy_example, run, temp_files, tree_digest, zensical_build

SOURCES = [
    "index.md",
    "getting-started.md",
    "changelog.md",
    "guide/configuration.md",
    "guide/panel.md",
    "guide/orphans.md",
    "guide/link-health.md",
    "guide/link-graph.md",
    "guide/missing-links.md",
    "guide/inbound-links.md",
    "reference/link-forms.md",
    "reference/how-it-works.md",
    "reference/other-generators.md",
]


def built_path(src: str, directory_urls: bool) -> str:
    stem = src[: -len(".md")]
    if stem == "index":
        return "index.html"
    return stem + ("/index.html" if directory_urls else ".html")


def content_region(page: str, opening: str, closing: str):
    """(start, end) of the page's content element, found by its literal markup."""
    start = page.index(opening)
    return start, page.index(closing, start)


def reached(site: Path, page: str, href: str) -> str:
    """The site path a browser on `page` opens for `href`."""
    path = unquote(urljoin("http://h/" + page, href)[len("http://h/") :]).split("#")[0]
    return path + "index.html" if path == "" or path.endswith("/") else path


# --- Real builds --------------------------------------------------------------------------------


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_zensical_example_site(zensical, tmp_path, directory_urls):
    root = copy_example(tmp_path, directory_urls)
    site = zensical_build(zensical, root)
    search_index = (site / "search.json").read_bytes()
    result = command("site", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr

    for src in SOURCES:
        page = built_path(src, directory_urls)
        text = (site / page).read_text(encoding="utf-8")
        assert text.count('<aside class="backlinks"') == 1, page
        start, end = content_region(text, '<article class="md-content__inner', "</article>")
        assert start < text.index('<aside class="backlinks"') < end, f"{page}: panel outside the content"
        # The stylesheet is linked from the head, and reached from the page.
        head = text[: text.index("</head>")]
        href = head.split("data-mkdocs-backlinks")[0].rsplit('href="', 1)[1].split('"')[0]
        assert reached(site, page, href) == "assets/backlinks.css"
    assert (site / "assets" / "backlinks.css").is_file()
    assert read_panel((site / "404.html").read_text(encoding="utf-8")) is None
    assert (site / "links.json").is_file() and (site / "link-report.html").is_file()
    # The search index was written before: panels stay out of search.
    assert (site / "search.json").read_bytes() == search_index

    page = built_path("guide/configuration.md", directory_urls)
    panel = read_panel((site / page).read_text(encoding="utf-8"))
    assert [(entry.title, reached(site, page, entry.href)) for entry in panel] == [
        ("Home", "index.html"),
        ("The panel", built_path("guide/panel.md", directory_urls)),
        ("Orphaned pages", built_path("guide/orphans.md", directory_urls)),
        ("Link health", built_path("guide/link-health.md", directory_urls)),
        ("Seeing the link graph", built_path("guide/link-graph.md", directory_urls)),
        ("Missing links", built_path("guide/missing-links.md", directory_urls)),
        ("Link forms", built_path("reference/link-forms.md", directory_urls)),
        ("Zensical and MkDocs 2.0", built_path("reference/other-generators.md", directory_urls)),
    ]
    assert [entry.crumbs for entry in panel] == [
        "",
        "Guide",
        "Guide",
        "Guide",
        "Guide",
        "Guide",
        "Reference",
        "Reference",
    ]
    assert panel[1].occurrences[0][1:3] == (
        "Its markup",
        "Entries are listed in navigation order unless you «sort them otherwise».",
    )


def test_mkdocs2_site_with_an_options_file(mkdocs2, tmp_path):
    """MkDocs 2.0 reads no config: the site is built from a folder, and `-f` names a YAML file
    of options only."""
    shutil.copytree(EXAMPLE / "docs", tmp_path / "docs")
    run([mkdocs2, "build", "--dir", "docs", "--output", "site"], tmp_path)
    (tmp_path / "options.yml").write_text(
        "orphans: error\nbroken_links: warn\ngraph_file: links.json\n", encoding="utf-8"
    )
    result = command("-f", "options.yml", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for src in SOURCES:
        page = built_path(src, True)
        text = (site / page).read_text(encoding="utf-8")
        start, end = content_region(text, "<main>", "</main>")
        assert start < text.index('<aside class="backlinks"') < end, page
    assert (site / "links.json").is_file()
    page = "guide/configuration/index.html"
    panel = read_panel((site / page).read_text(encoding="utf-8"))
    # No nav titles and no sections: titles are the pages' headings, in the order of MkDocs
    # 2.0's navigation (the homepage, then by path).
    assert [(entry.title, reached(site, page, entry.href), entry.crumbs) for entry in panel] == [
        ("mkdocs-backlinks-plugin", "index.html", ""),
        ("Seeing the link graph", "guide/link-graph/index.html", ""),
        ("Link health", "guide/link-health/index.html", ""),
        ("Missing links", "guide/missing-links/index.html", ""),
        ("Orphaned pages", "guide/orphans/index.html", ""),
        ("The panel", "guide/panel/index.html", ""),
        ("Link forms", "reference/link-forms/index.html", ""),
        ("Zensical and MkDocs 2.0", "reference/other-generators/index.html", ""),
    ]
    assert "orphan" not in result.stderr.lower()


def test_the_console_script_and_the_module_are_the_same_command():
    script = Path(sys.executable).parent / "mkdocs-backlinks"
    assert script.is_file(), "the console script is not installed"
    import subprocess

    by_script = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    by_module = command("--help", cwd=Path.cwd())
    assert by_script.returncode == by_module.returncode == 0
    assert by_script.stdout == by_module.stdout and "SITE_DIR" in by_script.stdout


# --- Behaviour ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_build(zensical, tmp_path_factory) -> Path:
    """The example site built by Zensical (directory URLs), the command not yet run."""
    root = copy_example(tmp_path_factory.mktemp("example") / "root")
    zensical_build(zensical, root)
    return root


@pytest.fixture
def root(example_build, tmp_path) -> Path:
    """A fresh copy of `example_build` inside `tmp_path` (which holds nothing else)."""
    copy = tmp_path / "root"
    shutil.copytree(example_build, copy, symlinks=True)
    return copy


def outside_digest(tmp_path: Path) -> Dict[str, str]:
    """Everything under tmp_path but the site folder."""
    return {path: digest for path, digest in tree_digest(tmp_path).items() if not path.startswith("root/site/")}


def set_options(root: Path, **options) -> None:
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "backlinks" in plugin:
            plugin["backlinks"].update(options)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def add_orphan(root: Path) -> None:
    """A page no page links to: a copy of a built page at a new place."""
    (root / "site" / "extra").mkdir()
    shutil.copy(root / "site" / "changelog" / "index.html", root / "site" / "extra" / "index.html")


def test_a_second_run_changes_no_byte(root):
    first = command("site", cwd=root)
    assert first.returncode == 0, first.stderr
    after_first = tree_digest(root / "site")
    second = command("site", cwd=root)
    assert second.returncode == 0, second.stderr
    assert tree_digest(root / "site") == after_first
    # The panels replaced themselves: one each.
    text = (root / "site" / "guide" / "panel" / "index.html").read_text(encoding="utf-8")
    assert text.count('<aside class="backlinks"') == 1 and text.count("data-mkdocs-backlinks") == 1


def test_check_writes_nothing_and_still_reports(root, tmp_path):
    add_orphan(root)
    before = tree_digest(tmp_path)
    result = command("--check", "site", cwd=root)
    assert tree_digest(tmp_path) == before
    assert result.returncode == 1  # the example site has `orphans: error`
    assert "orphaned page(s)" in result.stderr and "extra/index.html" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "options, args, status",
    [
        ({"orphans": "error"}, [], 1),
        ({"orphans": "warn", "unreachable": "ignore"}, [], 0),
        ({"orphans": "warn", "unreachable": "ignore"}, ["--strict"], 1),
        ({"orphans": "ignore", "unreachable": "ignore"}, ["--strict"], 0),
    ],
    ids=["error", "warning", "warning-strict", "ignored-strict"],
)
def test_exit_status_of_findings(root, options, args, status):
    add_orphan(root)
    set_options(root, **options)
    result = command(*args, "site", cwd=root)
    assert result.returncode == status, result.stderr
    if options["orphans"] != "ignore":
        assert "orphaned page(s)" in result.stderr and "  - extra/index.html" in result.stderr
    else:
        assert "orphan" not in result.stderr


@pytest.mark.parametrize(
    "args, config, expected",
    [
        (["site"], {"orphans": "maybe"}, ["mkdocs.yml", "'orphans'", "maybe"]),
        (["site"], {"max_entries": "lots"}, ["mkdocs.yml", "'max_entries'"]),
        (["-f", "nowhere.yml", "site"], {}, ["nowhere.yml", "does not exist"]),
        (["no-site"], {}, ["no-site", "does not exist"]),
        (["mkdocs.yml"], {}, ["backlinks: 'mkdocs.yml' is a file", "the folder the site was built into"]),
        (["site", "--no-such-flag"], {}, ["backlinks: unrecognized arguments: --no-such-flag", "--help"]),
        (["site"], {"content_selector": "div["}, ["content_selector"]),
        (
            ["site"],
            {"report_file": "index.html"},
            ["'report_file'", "'index.html' is where page 'index.md' is published"],
        ),
    ],
    ids=[
        "bad-value",
        "bad-type",
        "missing-config",
        "missing-site",
        "config-as-site",
        "bad-flag",
        "bad-selector",
        "over-a-page",
    ],
)
def test_usage_and_config_mistakes_exit_2_with_one_line(root, tmp_path, args, config, expected):
    set_options(root, **config)
    before = outside_digest(tmp_path), tree_digest(root / "site")
    result = command(*args, cwd=root)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for part in expected:
        assert part in lines[0], (part, lines[0])
    assert (outside_digest(tmp_path), tree_digest(root / "site")) == before


def test_the_last_line_counts_pages_read_and_panels_written(root):
    site = root / "site"
    pages = len([p for p in site.rglob("*.html") if p.name != "404.html"])
    result = command("site", cwd=root)
    assert result.returncode == 0, result.stderr
    panels = sum('<aside class="backlinks"' in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert 0 < panels <= pages
    last = result.stderr.strip().splitlines()[-1]
    assert last == f"INFO    -  backlinks: {pages} pages read, {panels} panels written.", result.stderr
    checked = command("site", "--check", cwd=root).stderr.strip().splitlines()[-1]
    assert checked == f"INFO    -  backlinks: {pages} pages read, {panels} with a panel (--check: nothing written)."


def test_without_a_config_file_one_line_says_how_pages_are_named(root, tmp_path):
    bare = tmp_path / "bare"
    bare.mkdir()
    result = command(str(root / "site"), "--check", cwd=bare)
    notes = [line for line in result.stderr.splitlines() if "config file" in line]
    assert notes == [
        "INFO    -  backlinks: no config file (zensical.toml, mkdocs.yml, properdocs.yml) in the current "
        "folder: using the defaults; pages are named by their built paths (no 'docs' folder here; see --docs-dir)."
    ]
    shutil.copytree(root / "docs", bare / "docs")
    result = command(str(root / "site"), "--check", cwd=bare)
    assert "pages are named by their sources in 'docs'." in result.stderr


def test_help_says_where_the_sources_are_looked_for():
    help_text = " ".join(command("--help", cwd=Path.cwd()).stdout.split())
    assert "default: the config's docs_dir, else docs/ beside the config file" in help_text


def test_an_unknown_option_is_a_warning_as_in_the_plugin(root):
    """`orphan: error` (for `orphans`) names the option meant; `--strict` fails on it."""
    set_options(root, orphan="error")
    for args, status in (([], 0), (["--strict"], 1)):
        result = command(*args, "site", cwd=root)
        assert result.returncode == status, result.stderr
        assert "option 'orphan': unknown option; did you mean 'orphans'?" in result.stderr


# Damaged sites: (damage, extra args, exit status, message parts, pages that must stay as they were).
def odd_html(site: Path) -> None:
    page = site / "getting-started" / "index.html"
    text = page.read_text(encoding="utf-8")
    junk = (
        '<div><p><b><a href="../guide/panel/">x</i></span></p><table><tr><td><a href=../>y</td></tr></table>'
        '<svg><a xlink:href="../">z</a></svg><![CDATA[ <a href="x"> ]]><!-- <a href="../"> --><a href="../"b=">c">'
        "<script>document.write('</article>')</script>"
    )
    at = text.index("<h1")
    page.write_text(text[:at] + junk + text[at:], encoding="utf-8")


def no_content_region(site: Path) -> None:
    page = site / "guide" / "orphans" / "index.html"
    text = page.read_text(encoding="utf-8")
    text = text.replace('<article class="md-content__inner', '<div class="md-other').replace("<main", "<div")
    page.write_text(text, encoding="utf-8")


def not_utf8(site: Path) -> None:
    (site / "guide" / "panel" / "index.html").write_bytes(b"<html>\xff\xfe caf\xe9 </html>")


def symlinks_out(site: Path) -> None:
    outside = site.parent.parent / "outside"
    outside.mkdir()
    (outside / "page.html").write_text(
        '<html><head></head><body><article class="md-content__inner"><h1>Out</h1>'
        '<a href="../index.html">x</a></article></body></html>',
        encoding="utf-8",
    )
    (site / "out.html").symlink_to(outside / "page.html")
    (site / "outdir").symlink_to(outside, target_is_directory=True)


def read_only(site: Path) -> None:
    (site / "guide" / "panel" / "index.html").chmod(0o444)


DAMAGE: Dict[str, tuple] = {
    "odd-html": (odd_html, [], 0, [], []),
    "no-content-region": (
        no_content_region,
        ["--strict"],
        1,
        ["guide/orphans/index.html: no content region found in the page built from 'guide/orphans.md'"],
        ["guide/orphans/index.html"],
    ),
    # The page's links are unknown, so the one page only it links to is an orphan (an error here).
    "not-utf8": (
        not_utf8,
        [],
        1,
        ["guide/panel/index.html: skipped, not UTF-8 text", "  - reference/how-it-works.md"],
        ["guide/panel/index.html"],
    ),
    "symlink-out": (
        symlinks_out,
        ["--strict"],
        1,
        ["out.html: skipped, a symlink to outside the site folder", "outdir/: skipped, a symlink to outside"],
        [],
    ),
    "read-only": (
        read_only,
        [],
        1,
        ["Cannot write 'guide/panel/index.html': the file is read-only"],
        ["guide/panel/index.html"],
    ),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_sites(root, tmp_path, case):
    damage, args, status, messages, untouched = DAMAGE[case]
    site = root / "site"
    damage(site)
    before = {page: (site / page).read_bytes() for page in untouched}
    outside = outside_digest(tmp_path)
    try:
        result = command(*args, "site", cwd=root)
        assert result.returncode == status, result.stderr
        assert "Traceback" not in result.stderr
        for message in messages:
            assert message in result.stderr, (message, result.stderr)
        for page in untouched:
            assert (site / page).read_bytes() == before[page], page
        assert outside_digest(tmp_path) == outside
        assert temp_files(tmp_path) == []
        # Every other page got its panel all the same.
        panel_page = (site / "guide" / "configuration" / "index.html").read_text(encoding="utf-8")
        assert panel_page.count('<aside class="backlinks"') == 1
        if case == "odd-html":
            text = (site / "getting-started" / "index.html").read_text(encoding="utf-8")
            start, end = content_region(text, '<article class="md-content__inner', "</article>\n")
            assert text.count('<aside class="backlinks"') == 1
            assert start < text.index('<aside class="backlinks"') < end
    finally:
        for path in site.rglob("*"):
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_options_from_zensical_toml(root):
    """zensical.toml is read first; its `[project.plugins.backlinks]` table holds the options."""
    (root / "zensical.toml").write_text(
        '[project]\nsite_name = "Example"\nsite_url = "https://example.org/backlinks/"\n\n'
        '[project.plugins.backlinks]\norphans = "maybe"\n',
        encoding="utf-8",
    )
    result = command("site", cwd=root)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "ERROR   -  backlinks: zensical.toml: backlinks option 'orphans': "
        "Expected one of: ('ignore', 'info', 'warn', 'error') but received: 'maybe'"
    ]
    (root / "zensical.toml").write_text(
        '[project]\nsite_name = "Example"\nsite_url = "https://example.org/backlinks/"\n\n'
        '[project.plugins.backlinks]\nshow_when_empty = true\nbroken_links = "warn"\n',
        encoding="utf-8",
    )
    add_orphan(root)
    result = command("site", cwd=root)
    # mkdocs.yml says `orphans: error`; zensical.toml, read instead, leaves it at `warn`.
    assert result.returncode == 0, result.stderr
    assert "  - extra/index.html" in result.stderr
    # show_when_empty: the page no page links to shows an empty panel.
    assert read_panel((root / "site" / "extra" / "index.html").read_text(encoding="utf-8")) == []
    assert read_panel((root / "site" / "404.html").read_text(encoding="utf-8")) is None
