"""The options as a record of the core: each kind of value read from what a user writes, with
its one-line mistakes, for records of any shape (a new option, or a list of sites with their
own options, is a field or two)."""

from __future__ import annotations

import dataclasses
from typing import List, Optional

import pytest

from mkdocs_backlinks.core.globs import GlobList
from mkdocs_backlinks.core.options import (
    LEVELS,
    BacklinksConfig,
    Choice,
    Flag,
    Globs,
    OptionsError,
    OptionsRecord,
    Records,
    Required,
    Strings,
    Text,
    Url,
    option,
    read_options,
)


@dataclasses.dataclass(frozen=True)
class Site(OptionsRecord):
    graph_file: str = option(Required(Text()))
    url: str = option(Url())


@dataclasses.dataclass(frozen=True)
class Options:
    """A record as a front end might add options to it: one field each."""

    sibling_links: str = option(Choice(LEVELS, "info"))
    inbound_links: List[str] = option(Strings())
    sites: List[Site] = option(Records(Site))
    panel_part: bool = option(Flag(False))
    exempt: GlobList = option(Globs())
    name: Optional[str] = option(Text())


SITE = {"graph_file": "api/links.json", "url": "https://example.org/api/"}

# (written, what is read or the mistake's line, warnings)
TABLE = [
    ({}, Options(), []),
    ({"sibling_links": "warn", "inbound_links": ["gsc/*.csv"]}, Options("warn", ["gsc/*.csv"]), []),
    ({"sites": [SITE]}, Options(sites=[Site("api/links.json", "https://example.org/api/")]), []),
    ({"sites": None}, Options(), []),
    ({"exempt": ["old/**"]}, Options(exempt=GlobList(["old/**"])), []),
    ({"sibling_link": "warn"}, Options(), [("sibling_link", "unknown option; did you mean 'sibling_links'?")]),
    (
        {"sites": [dict(SITE, urls="x")]},
        Options(sites=[Site("api/links.json", "https://example.org/api/")]),
        [("sites", "Item 1: Sub-option 'urls': unknown option; did you mean 'url'?")],
    ),
    (
        {"sibling_links": "loud"},
        "option 'sibling_links': Expected one of: ('ignore', 'info', 'warn', 'error') but received: 'loud'",
        [],
    ),
    (
        {"inbound_links": "gsc.csv"},
        "option 'inbound_links': Expected a list of items, but a <class 'str'> was given.",
        [],
    ),
    ({"inbound_links": [1]}, "option 'inbound_links': Expected type: <class 'str'> but received: <class 'int'>", []),
    (
        {"sites": [{"url": "https://example.org/"}]},
        "option 'sites': Item 1: Sub-option 'graph_file': Required configuration not provided.",
        [],
    ),
    (
        {"sites": [dict(SITE, graph_file=None)]},
        "option 'sites': Item 1: Sub-option 'graph_file': Required configuration not provided.",
        [],
    ),
    (
        {"sites": [dict(SITE, url="example.org/api/")]},
        "option 'sites': Item 1: Sub-option 'url': Expected a URL like 'https://example.org/docs/', got 'example.org/api/'",
        [],
    ),
    (
        {"sites": [SITE, "x"]},
        "option 'sites': Item 2: The configuration is invalid. Expected a key-value mapping (dict) but received: <class 'str'>",
        [],
    ),
    ({"panel_part": "yes"}, "option 'panel_part': Expected type: <class 'bool'> but received: <class 'str'>", []),
    ({"name": 3}, "option 'name': Expected type: <class 'str'> but received: <class 'int'>", []),
]


@pytest.mark.parametrize("written, expected, warnings", TABLE, ids=[str(row[0]) for row in TABLE])
def test_records_read_as_written(written, expected, warnings):
    if isinstance(expected, str):
        with pytest.raises(OptionsError) as caught:
            read_options(Options, written)
        assert str(caught.value) == expected
    else:
        assert read_options(Options, written) == (expected, warnings)


def test_an_option_added_to_the_plugins_record_is_read_by_it():
    """One field with its kind: read, defaulted and named in mistakes like the others."""

    @dataclasses.dataclass(frozen=True)
    class Extended(BacklinksConfig):
        sibling_links: str = option(Choice(LEVELS, "info"))

    assert read_options(Extended, {})[0].sibling_links == "info"
    assert read_options(Extended, {"sibling_links": "error", "orphans": "ignore"})[0].orphans == "ignore"
    assert read_options(Extended, {"siblings_links": "warn"})[1] == [
        ("siblings_links", "unknown option; did you mean 'sibling_links'?")
    ]


def test_the_options_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        BacklinksConfig().orphans = "error"  # type: ignore[misc]


def test_a_record_is_also_a_mapping_of_its_options():
    """As MkDocs' config objects were: `options["orphans"]`, `site.get("url")`, `dict(labels)`."""
    options = BacklinksConfig()
    assert options["orphans"] == options.orphans == "warn"
    assert "orphans" in options and "orphan" not in options and options.get("orphan") is None
    assert list(options) == [field.name for field in dataclasses.fields(BacklinksConfig)]
    site = Site("links.json", "https://example.org/")
    assert dict(site) == {"graph_file": "links.json", "url": "https://example.org/"}
    with pytest.raises(KeyError):
        site["nope"]
