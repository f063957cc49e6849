"""Links into the builds published beside this one: the languages of Material's
`extra.alternate` (`/es/...`) and the versions of a site deployed with mike (`/latest/...`,
`/dev/...`). This build cannot check them: they are no broken links, but one info note of their
own (`sibling_links`), which says when a version link's rest is no page of this build. Real
builds: MkDocs 1.6 with the plugin, Zensical 0.1.2 with the command, both URL modes."""

from __future__ import annotations

import json
import logging

import pytest
import yaml

from .conftest import command, write_docs, zensical_build


def _docs(directory_urls):
    page = "config/build/" if directory_urls else "config/build.html"
    return {
        "index.md": (
            "# Home\n\n[Build](config/build.md)\n\n"
            f"In Spanish: [guía](/es/{page}), in Chinese: [指南](/zh/).\n\n"
            f"The latest release: [build](/latest/{page}), the next one: [new page](/dev/config/new-page/).\n\n"
            "And a broken one: [gone](/gone/).\n"
        ),
        "config/build.md": "# Build\n\n[Home](../index.md) [1.2](../../1.2/config/build/)\n",
    }


def _config(directory_urls, provider):
    extra = {
        "alternate": [
            {"name": "English", "link": "/", "lang": "en"},
            {"name": "Español", "link": "/es/", "lang": "es"},
            {"name": "中文", "link": "https://example.org/zh/", "lang": "zh"},
        ]
    }
    plugins = [{"backlinks": {"graph_file": "links.json", "orphans": "ignore"}}]
    if provider == "extra":
        extra["version"] = {"provider": "mike"}
    else:
        plugins.insert(0, "mike")
    return {
        "site_name": "Siblings",
        "site_url": "https://example.org/",
        "use_directory_urls": directory_urls,
        "theme": {"name": "material"},
        "extra": extra,
        "plugins": plugins,
    }


def _check(notes, export, directory_urls):
    page = "config/build/" if directory_urls else "config/build.html"
    broken = [line for line in notes if "broken link" in line]
    assert len(broken) == 1, notes
    assert broken[0].startswith("1 broken link(s) to 1 target(s)") and "  - gone/ (missing" in broken[0]
    [sibling] = [line for line in notes if "other builds" in line]
    lines = sibling.splitlines()
    assert lines[0].startswith("5 link(s) into 5 place(s) of other builds of the site")
    assert f"  - es/{page} (the 'es' language; 1 link): from index.md ('/es/{page}')" in lines
    assert "  - zh/ (the 'zh' language; 1 link): from index.md ('/zh/')" in lines
    assert f"  - latest/{page} (version 'latest'; 1 link): from index.md ('/latest/{page}')" in lines
    assert (
        "  - dev/config/new-page/ (version 'dev'; 1 link): from index.md ('/dev/config/new-page/'); "
        "'config/new-page/' is no page of this build" in lines
    )
    assert any(line.startswith("  - 1.2/config/build/ (version '1.2'; 1 link): from config/build.md") for line in lines)
    checks = export["checks"]
    assert [item["target"] for item in checks["broken_links"]["findings"]] == ["gone/"]
    assert checks["sibling_links"]["level"] == "info"
    assert sorted(item["kind"] for item in checks["sibling_links"]["findings"]) == ["language"] * 2 + ["version"] * 3


def test_plugin_reports_sibling_links_apart(make_site, caplog, directory_urls):
    config = _config(directory_urls, "extra")  # (mike itself is not installed here)
    site = make_site(_docs(directory_urls), **{k: v for k, v in config.items() if k != "site_name"})
    caplog.set_level(logging.INFO, logger="mkdocs")
    site.build()
    notes = [r.getMessage()[len("backlinks: ") :] for r in caplog.records if r.name == "mkdocs.plugins.backlinks"]
    export = json.loads((site.root / "site" / "links.json").read_text(encoding="utf-8"))
    _check(notes, export, directory_urls)


@pytest.mark.parametrize("provider", ["extra", "plugin"])
def test_command_reports_sibling_links_apart(zensical, tmp_path, directory_urls, provider):
    write_docs(tmp_path, _docs(directory_urls))
    config = _config(directory_urls, provider)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = zensical_build(zensical, tmp_path)
    result = command("site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # Each message: its first line after the level, then its indented lines.
    notes, current = [], None
    for line in result.stderr.splitlines():
        if line.startswith(("INFO", "WARNING", "ERROR")):
            current = line.split("-  ", 1)[1]
            if current.startswith("backlinks: "):
                current = current[len("backlinks: ") :]
            notes.append(current)
        elif notes:
            notes[-1] += "\n" + line
    export = json.loads((site / "links.json").read_text(encoding="utf-8"))
    _check(notes, export, directory_urls)
