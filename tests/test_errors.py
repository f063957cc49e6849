"""Every configuration mistake is one line naming the option and what it accepts; a page the
plugin cannot process is named; nothing ends in a traceback."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_backlinks.core.options import BacklinksConfig, LabelsConfig, OptionsError, load_options
from mkdocs_backlinks.plugin.options import PluginConfig

BOOL = "Expected type: <class 'bool'> but received: <class '{}'>"
LEVEL = "Expected one of: ('ignore', 'info', 'warn', 'error') but received: {}"
COUNT = "Expected a whole number, 0 or more, but received: {}"
LIST = "Expected a list of items, but a <class 'str'> was given."
SHARE = "Expected a share of the site above 0 and at most 1 (100%), got {}"
SHARE_FORM = "Expected a share of the site like 0.5 or '50%', got {}"
INSIDE = "Expected a relative path inside site_dir like '{}', got '{}'"

# Every kind of option mistake, each with the one line that names it: (options, option, what
# the line says after "option '<option>': "). A warning (an option that has no effect, an
# unknown name) fails the build under --strict, as errors always do.
MISTAKES = [
    ({"enabled": "maybe"}, "enabled", BOOL.format("str")),
    ({"show_when_empty": "sometimes"}, "show_when_empty", BOOL.format("str")),
    ({"toc": 2}, "toc", BOOL.format("int")),
    ({"count_nofollow": "x"}, "count_nofollow", BOOL.format("str")),
    ({"listings_in_panels": 1}, "listings_in_panels", BOOL.format("int")),
    ({"sort": "random"}, "sort", "Expected one of: ('nav', 'title', 'count') but received: 'random'"),
    (
        {"context": "paragraphs"},
        "context",
        "Expected one of: ('titles', 'sections', 'snippets') but received: 'paragraphs'",
    ),
    ({"placement": "sidebar"}, "placement", "Expected one of: ('bottom', 'template') but received: 'sidebar'"),
    ({"snippet_length": -3}, "snippet_length", COUNT.format(-3)),
    ({"snippet_length": True}, "snippet_length", COUNT.format(True)),
    ({"max_entries": 1.5}, "max_entries", COUNT.format(1.5)),
    ({"max_entries": "ten"}, "max_entries", COUNT.format("'ten'")),
    ({"max_occurrences": -1}, "max_occurrences", COUNT.format(-1)),
    (
        {"placement": "template", "toc": True},
        "toc",
        "'toc: true' has no effect with 'placement: template' (the theme places the panel, and its "
        "table of contents); use 'placement: bottom' or drop 'toc'",
    ),
    ({"ignore_links_from": "tags.md"}, "ignore_links_from", LIST),
    ({"orphans_exempt": "notalist"}, "orphans_exempt", LIST),
    ({"ignore_links_to": [3]}, "ignore_links_to", "Expected type: <class 'str'> but received: <class 'int'>"),
    ({"ignore_links_to": ["[x"]}, "ignore_links_to", "unclosed '[' in glob '[x'"),
    ({"orphans_exempt": ["ok.md", "bad["]}, "orphans_exempt", "unclosed '[' in glob 'bad['"),
    ({"broken_links_exempt": ["x["]}, "broken_links_exempt", "unclosed '[' in glob 'x['"),
    ({"unreachable_exempt": [""]}, "unreachable_exempt", "empty glob ''"),
    (
        {"labels": "nope"},
        "labels",
        "The configuration is invalid. Expected a key-value mapping (dict) but received: <class 'str'>",
    ),
    (
        {"labels": {"title": 3}},
        "labels",
        "Sub-option 'title': Expected type: <class 'str'> but received: <class 'int'>",
    ),
    (
        {"labels": {"more_links": 5}},
        "labels",
        "Sub-option 'more_links': Expected type: <class 'str'> but received: <class 'int'>",
    ),
    ({"labels": {"tittle": "x"}}, "labels", "Sub-option 'tittle': unknown option; did you mean 'title'?"),
    ({"orphans": "loud"}, "orphans", LEVEL.format("'loud'")),
    ({"dead_ends": "loud"}, "dead_ends", LEVEL.format("'loud'")),
    ({"broken_links": True}, "broken_links", LEVEL.format(True)),
    ({"hubs_share": 2}, "hubs_share", SHARE.format(2)),
    ({"hubs_share": 0}, "hubs_share", SHARE.format(0)),
    ({"hubs_share": "lots"}, "hubs_share", SHARE_FORM.format("'lots'")),
    ({"hubs_share": True}, "hubs_share", SHARE_FORM.format(True)),
    ({"graph_file": "../out.json"}, "graph_file", INSIDE.format("links.json", "../out.json")),
    ({"graph_file": "/tmp/links.json"}, "graph_file", INSIDE.format("links.json", "/tmp/links.json")),
    ({"graph_file": "links.txt"}, "graph_file", "Expected a file name ending in .json, got 'links.txt'"),
    ({"report_file": "/abs.html"}, "report_file", INSIDE.format("links.html", "/abs.html")),
    ({"report_file": "C:/x/report.html"}, "report_file", INSIDE.format("links.html", "C:/x/report.html")),
    # The graph views.
    ({"local_graph": "yes"}, "local_graph", BOOL.format("str")),
    ({"local_graph_depth": 3}, "local_graph_depth", "Expected one of: (1, 2) but received: 3"),
    ({"local_graph_depth": "2"}, "local_graph_depth", "Expected one of: (1, 2) but received: '2'"),
    ({"local_graph_depth": True}, "local_graph_depth", "Expected one of: (1, 2) but received: True"),
    ({"local_graph_max_nodes": -1}, "local_graph_max_nodes", COUNT.format(-1)),
    ({"local_graph_max_nodes": True}, "local_graph_max_nodes", COUNT.format(True)),
    ({"graph_page": "graph.txt"}, "graph_page", "Expected a file name ending in .html or .htm, got 'graph.txt'"),
    ({"graph_page": "../graph.html"}, "graph_page", INSIDE.format("links.html", "../graph.html")),
    ({"graph_page": 3}, "graph_page", "Expected type: <class 'str'> but received: <class 'int'>"),
    (
        {"graph_page": "x.html", "report_file": "x.html"},
        "graph_page",
        "'graph_page' and 'report_file' name the same file, 'x.html'; give each its own",
    ),
    # Unlinked mentions and related pages.
    ({"unlinked_mentions": "loud"}, "unlinked_mentions", LEVEL.format("'loud'")),
    ({"unlinked_mentions_exempt": "x.md"}, "unlinked_mentions_exempt", LIST),
    ({"unlinked_mentions_exempt": ["a["]}, "unlinked_mentions_exempt", "unclosed '[' in glob 'a['"),
    ({"mentions_exempt": [""]}, "mentions_exempt", "empty glob ''"),
    ({"mentions_exempt": None}, "mentions_exempt", "Required configuration not provided."),
    ({"mentions_min_length": 2.5}, "mentions_min_length", COUNT.format(2.5)),
    ({"mentions_max_share": 0}, "mentions_max_share", SHARE.format(0)),
    ({"mentions_max_share": "150%"}, "mentions_max_share", SHARE.format("'150%'")),
    ({"mentions_max_share": "lots"}, "mentions_max_share", SHARE_FORM.format("'lots'")),
    ({"mentions_in_panel": "yes"}, "mentions_in_panel", BOOL.format("str")),
    ({"related_pages": "5"}, "related_pages", COUNT.format("'5'")),
    ({"related_pages": -1}, "related_pages", COUNT.format(-1)),
    # The post-build command's option: its type is checked with the others'.
    ({"content_selector": 3}, "content_selector", "Expected type: <class 'str'> but received: <class 'int'>"),
    # A name that is no option says which option was meant, when one is close.
    ({"no_such_option": 1}, "no_such_option", "unknown option"),
    ({"orphan": "error"}, "orphan", "unknown option; did you mean 'orphans'?"),
    ({"graph_pages": "g.html"}, "graph_pages", "unknown option; did you mean 'graph_page'?"),
    ({"deadends": "warn"}, "deadends", "unknown option; did you mean 'dead_ends'?"),
]


def write_site(root, options: dict) -> None:
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n")
    config = {"site_name": "x", "plugins": [{"backlinks": options}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))


@pytest.mark.parametrize("options, option, says", MISTAKES, ids=[str(m[0]) for m in MISTAKES])
def test_config_mistake_is_one_line_naming_the_option(tmp_path, caplog, options, option, says):
    """`mkdocs build --strict` (which loads the config, then builds) stops with exactly one
    line, the plugin's: the option, and what is wrong with it; an error while the config is
    read, a warning before anything is built."""
    write_site(tmp_path, options)
    caplog.set_level(logging.WARNING, logger="mkdocs")
    with pytest.raises(Abort):
        build(load_config(config_file=str(tmp_path / "mkdocs.yml"), strict=True))
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert messages == [f"backlinks: option '{option}': {says}"]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("options, option, says", MISTAKES, ids=[str(m[0]) for m in MISTAKES])
def test_the_core_reads_the_options_with_the_same_words(options, option, says):
    """The post-build command reads the options through the core alone: the same mistakes,
    the same words, an error raised or a warning returned as under MkDocs."""
    try:
        _options, warnings = load_options(options)
    except OptionsError as error:
        assert str(error) == f"option '{option}': {says}"
    else:
        assert warnings == [f"option '{option}': {says}"]


def test_the_defaults_are_the_records_defaults():
    """An empty `backlinks:` entry gives every option its default, under both front ends."""
    options, warnings = load_options({})
    assert (options, warnings) == (BacklinksConfig(), [])
    config = PluginConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert config.options == options
    assert config.orphans == config["orphans"] == "warn"
    assert options.ignore_links_from.matches("tags.md") is False
    assert dict(options.labels) == dict.fromkeys(
        ("title", "empty", "more", "count", "more_links", "mentions", "inbound")
    )


def test_null_gives_the_default_except_for_lists_of_globs():
    options, _ = load_options({"orphans": None, "max_entries": None, "labels": None, "graph_file": None})
    assert (options.orphans, options.max_entries, options.labels, options.graph_file) == (
        "warn",
        10,
        LabelsConfig(),
        None,
    )


@pytest.mark.parametrize("strict, status", [(False, 0), (True, 1)])
def test_an_unknown_option_says_which_was_meant_on_the_command_line(tmp_path, strict, status):
    """`orphan: error` (for `orphans`) is named with the option meant; `mkdocs build --strict`
    fails on it before building anything, a plain build goes on."""
    write_site(tmp_path, {"orphan": "error"})
    args = [sys.executable, "-m", "mkdocs", "build"] + (["--strict"] if strict else [])
    result = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == status, result.stderr
    assert "WARNING -  backlinks: option 'orphan': unknown option; did you mean 'orphans'?" in result.stderr
    assert "Plugin 'backlinks'" not in result.stderr  # not printed again in MkDocs' words
    assert (tmp_path / "site").exists() is not strict


@pytest.mark.parametrize(
    "options, strict",
    [
        ({"sort": "random"}, False),
        ({"no_such_option": 1}, True),
        ({"graph_page": "x.html", "report_file": "x.html"}, False),  # checked after the options
    ],
    ids=["error", "warning", "two-options"],
)
def test_config_mistake_on_the_command_line(tmp_path, options, strict):
    """The real `mkdocs build` exits with 1 and prints that one line, no traceback."""
    write_site(tmp_path, options)
    args = [sys.executable, "-m", "mkdocs", "build"] + (["--strict"] if strict else [])
    result = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"backlinks: option '{next(iter(options))}': " in result.stderr
    assert "Plugin 'backlinks'" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_page_that_cannot_be_rendered_is_named(make_site, caplog):
    site = make_site({"index.md": "# Home\n\n[t](guide/target.md)\n", "guide/target.md": "# T\n"},
                     {"dead_ends": "ignore"}, theme={"name": "mkdocs", "custom_dir": "overrides"})  # fmt: skip
    panel = site.root / "overrides" / "backlinks" / "panel.html"
    panel.parent.mkdir(parents=True)
    panel.write_text("{{ no_such_thing.attribute.deeper }}")
    with pytest.raises(Abort):
        site.build()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("guide/target.md" in m and "backlinks/panel.html" in m for m in errors), errors
    assert not any("Traceback" in m for m in errors)


def test_a_front_matter_mistake_names_the_page(make_site, plugin_log):
    site = make_site({"index.md": "# Home\n\n[a](a.md)\n", "a.md": "---\nbacklinks_exempt: [orphanz]\n---\n# A\n"})
    site.build()
    warnings = plugin_log(logging.WARNING)
    assert any("a.md" in m and "orphanz" in m for m in warnings), warnings
