"""Other sites in the site graph of a real build (`graph_outside_sites`): a small site told of
its outside links by a planted export and by a sibling site's export, built with MkDocs; the
graph page draws the sites linking most, joined to their pages, escaped, linking nowhere; the
post-build command draws the same; with the option at 0 the page is the one drawn without any
outside link."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_backlinks.command import cli

DATA = re.compile(r'<script type="application/json" id="sg-data">(.*?)</script>', re.S)
HOSTILE = "<b>&'x'<i>"
DOCS = {
    "index.md": "# Home\n\n[Guide](guide.md) and [the API](api.md).\n",
    "guide.md": "# Guide\n\n[Home](index.md)\n",
    "api.md": "# API\n\n[Guide](guide.md)\n",
}
BASE = "https://docs.example.org"
BING = [
    '"Source Url","Anchor text","Target Url"',
    *[f'"https://big.example/post/{i}","the guide","{BASE}/guide/"' for i in range(3)],
    f'"https://big.example/post/9","home","{BASE}/"',
    f'"https://small.example/a","api","{BASE}/api/"',
    f'"https://{HOSTILE}/x","home","{BASE}/"',
]


def write_sibling(root: Path) -> None:
    """A sibling site linking twice to the guide, built with its export."""
    (root / "sib" / "docs").mkdir(parents=True)
    (root / "sib" / "docs" / "index.md").write_text(
        f"# Sibling\n\nSee [the guide]({BASE}/guide/) and [again]({BASE}/guide/#top).\n", encoding="utf-8"
    )
    config = {
        "site_name": "sib",
        "site_url": "https://sib.example.net/",
        "plugins": [{"backlinks": {"graph_file": "links.json", "orphans": "ignore", "dead_ends": "ignore"}}],
    }
    (root / "sib" / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(config_file=str(root / "sib" / "mkdocs.yml")))


def docs_site(root: Path, count: int, plugin: bool = True) -> Path:
    (root / "docs").mkdir(exist_ok=True)
    for path, text in DOCS.items():
        (root / "docs" / path).write_text(text, encoding="utf-8")
    (root / "bing.csv").write_text("\n".join(BING) + "\n", encoding="utf-8")
    options = {
        "graph_page": "graph.html",
        "graph_outside_sites": count,
        "inbound_links": ["bing.csv"],
        "sibling_sites": [{"graph_file": "sib/site/links.json", "url": "https://sib.example.net/"}],
    }
    config = {"site_name": "Docs", "site_url": f"{BASE}/", "plugins": ["search", {"backlinks": options}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    if plugin:
        build(load_config(config_file=str(root / "mkdocs.yml")))
    else:
        (root / "plain.yml").write_text(yaml.safe_dump(dict(config, plugins=["search"])), encoding="utf-8")
        build(load_config(config_file=str(root / "plain.yml")))
        assert cli.main([str(root / "site"), "-f", str(root / "mkdocs.yml"), "-q"]) == 0
    return root / "site" / "graph.html"


def test_the_graph_page_draws_the_sites_linking_most(tmp_path, plugin_log):
    write_sibling(tmp_path)
    text = docs_site(tmp_path, 2).read_text(encoding="utf-8")
    assert plugin_log(logging.WARNING) == []
    data = json.loads(DATA.search(text).group(1))
    titles = [node[0] for node in data["nodes"]]
    assert data["outside"] == [["big.example", 4, 4], ["sib.example.net", 2, 1]]
    flat = data["outside_links"]
    assert [(data["outside"][s][0], titles[p]) for s, p in zip(flat[::2], flat[1::2])] == [
        ("big.example", "Home"),
        ("big.example", "Guide"),
        ("sib.example.net", "Guide"),
    ]
    assert "<p>3 pages · 4 linked page pairs · 2 other sites linking here" in text
    # The sites link nowhere: the page names no other host, in its data or its markup.
    assert "big.example/" not in text and "https://" not in text and "http://" not in text
    table = re.search(r"<caption>Other sites linking here</caption>.*?</table>", text, re.S).group()
    assert "<tr><td>big.example</td><td>4</td><td>4</td><td>" in table

    # All of them (and the hostile name stays text), from the plugin and from the command alike.
    shutil.rmtree(tmp_path / "site")
    text = docs_site(tmp_path, 10).read_text(encoding="utf-8")
    data = json.loads(DATA.search(text).group(1))
    assert [row[0] for row in data["outside"]] == ["big.example", "sib.example.net", HOSTILE, "small.example"]
    assert "<b>" not in text and "&lt;b&gt;&amp;&#x27;x&#x27;&lt;i&gt;" in text
    shutil.rmtree(tmp_path / "site")
    commanded = docs_site(tmp_path, 10, plugin=False).read_text(encoding="utf-8")
    assert json.loads(DATA.search(commanded).group(1)) == data


def test_at_zero_the_graph_page_is_the_one_drawn_without_outside_links(tmp_path):
    write_sibling(tmp_path)
    text = docs_site(tmp_path, 0).read_text(encoding="utf-8")
    assert "outside" not in json.loads(DATA.search(text).group(1))
    shutil.rmtree(tmp_path / "site")
    (tmp_path / "bing.csv").unlink()
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][1]["backlinks"] = {"graph_page": "graph.html"}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(config_file=str(tmp_path / "mkdocs.yml")))
    assert (tmp_path / "site" / "graph.html").read_text(encoding="utf-8") == text
