"""Every configuration mistake is one line naming the option and what it accepts; a page the
plugin cannot process is named; nothing ends in a traceback."""

from __future__ import annotations

import logging

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

# (options, the option named, words saying what is allowed)
MISTAKES = [
    ({"enabled": "maybe"}, "enabled", "bool"),
    ({"show_when_empty": "sometimes"}, "show_when_empty", "bool"),
    ({"sort": "random"}, "sort", "'nav', 'title', 'count'"),
    ({"context": "all"}, "context", "'titles', 'sections', 'snippets'"),
    ({"snippet_length": -3}, "snippet_length", "whole number"),
    ({"snippet_length": True}, "snippet_length", "whole number"),
    ({"max_entries": 1.5}, "max_entries", "whole number"),
    ({"max_occurrences": -1}, "max_occurrences", "whole number"),
    ({"labels": {"more_links": 5}}, "labels", "'more_links'"),
    ({"placement": "top"}, "placement", "'bottom', 'template'"),
    ({"toc": 2}, "toc", "bool"),
    ({"placement": "template", "toc": True}, "toc", "'placement: bottom'"),  # a warning: fails --strict
    ({"ignore_links_from": "tags.md"}, "ignore_links_from", "list"),
    ({"ignore_links_to": [3]}, "ignore_links_to", "str"),
    ({"orphans_exempt": ["ok.md", "bad["]}, "orphans_exempt", "unclosed '['"),
    ({"unreachable_exempt": [""]}, "unreachable_exempt", "empty glob"),
    ({"labels": "nope"}, "labels", "mapping"),
    ({"labels": {"title": 3}}, "labels", "'title'"),
    ({"labels": {"tittle": "x"}}, "tittle", ""),
    ({"orphans": "loud"}, "orphans", "'ignore', 'info', 'warn', 'error'"),
    ({"broken_links": True}, "broken_links", "'ignore', 'info', 'warn', 'error'"),
    ({"hubs_share": 2}, "hubs_share", "at most 1"),
    ({"graph_file": "../out.json"}, "graph_file", "inside site_dir"),
    ({"graph_file": "links.txt"}, "graph_file", ".json"),
    ({"report_file": "/abs.html"}, "report_file", "inside site_dir"),
    ({"count_nofollow": "x"}, "count_nofollow", "bool"),
    ({"listings_in_panels": 1}, "listings_in_panels", "bool"),
    ({"no_such_option": 1}, "no_such_option", ""),
]


@pytest.mark.parametrize("options, option, allowed", MISTAKES, ids=[str(m[0]) for m in MISTAKES])
def test_config_mistake_is_one_line_naming_the_option(tmp_path, caplog, options, option, allowed):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    config = {"site_name": "x", "plugins": [{"backlinks": options}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    caplog.set_level(logging.WARNING, logger="mkdocs")
    with pytest.raises((ConfigurationError, Abort)):
        load_config(config_file=str(tmp_path / "mkdocs.yml"), strict=True)
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(messages) == 1, messages
    message = messages[0]
    assert "\n" not in message and "Traceback" not in message
    assert f"'{option}'" in message and allowed in message, message


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
