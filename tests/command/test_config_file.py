"""Reading a site's config file into plain values: every YAML tag, TOML, the shapes of `plugins`,
files of options only, and one-line errors naming the file."""

from __future__ import annotations

import os
import textwrap

import pytest

from mkdocs_backlinks.command.config_file import ConfigFileError, SiteConfig, find_config, read_config

# (file name, text, expected fields (a subset of SiteConfig's) or the start of the error after the path)
CASES = [
    (
        "list-form",
        "mkdocs.yml",
        """
        site_name: S
        plugins:
          - search
          - backlinks:
              orphans: error
     """,
        {
            "plugin_options": {"orphans": "error"},
            "has_plugin_entry": True,
            "site_name": "S",
            "nav": None,
            "use_directory_urls": True,
            "site_url": None,
            "theme_language": None,
        },
    ),
    ("bare-name", "mkdocs.yml", "plugins: [search, backlinks]\n", {"plugin_options": {}, "has_plugin_entry": True}),
    (
        "dict-form",
        "mkdocs.yml",
        "plugins:\n  search: {}\n  backlinks: {toc: true}\n",
        {"plugin_options": {"toc": True}, "has_plugin_entry": True},
    ),
    ("dict-form-null", "mkdocs.yml", "plugins:\n  backlinks:\n", {"plugin_options": {}, "has_plugin_entry": True}),
    ("no-entry", "mkdocs.yml", "site_name: S\nplugins: [search]\n", {"plugin_options": {}, "has_plugin_entry": False}),
    ("no-plugins", "mkdocs.yml", "site_name: S\n", {"plugin_options": {}, "has_plugin_entry": False}),
    ("empty-file", "mkdocs.yml", "", {"plugin_options": {}, "has_plugin_entry": False, "use_directory_urls": True}),
    (
        "site-values",
        "mkdocs.yml",
        """
        site_name: 2024
        site_url: https://example.org/docs/
        docs_dir: content
        use_directory_urls: false
        nav:
          - Home: index.md
          - Guide: [guide/a.md]
        theme: {name: material, language: de}
     """,
        {
            "site_name": "2024",
            "site_url": "https://example.org/docs/",
            "docs_dir": "<dir>/content",
            "use_directory_urls": False,
            "nav": [{"Home": "index.md"}, {"Guide": ["guide/a.md"]}],
            "theme_language": "de",
        },
    ),
    ("theme-locale", "mkdocs.yml", "theme: {name: readthedocs, locale: fr}\n", {"theme_language": "fr"}),
    ("theme-string", "mkdocs.yml", "theme: mkdocs\n", {"theme_language": None}),
    ("docs-dir-up", "mkdocs.yml", "docs_dir: ../shared/docs\n", {"docs_dir": "<dir>/../shared/docs"}),
    (
        "python-name",
        "mkdocs.yml",
        """
        markdown_extensions:
          - pymdownx.superfences:
              custom_fences:
                - name: mermaid
                  format: !!python/name:pymdownx.superfences.fence_code_format
        plugins:
          - backlinks:
              exclude:
                - !!python/name:os.system
     """,
        {"plugin_options": {"exclude": ["os.system"]}},
    ),
    (
        "python-object-apply",
        "mkdocs.yml",
        """
        markdown_extensions:
          - toc:
              slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
          - x: !!python/object/apply:os.system [echo pwned]
          - y: !!python/object:collections.OrderedDict {a: 1}
          - z: !!python/tuple [1, 2]
        plugins: [backlinks]
     """,
        {"has_plugin_entry": True},
    ),
    ("env-set", "mkdocs.yml", "site_url: !ENV BACKLINKS_TEST_URL\n", {"site_url": "https://from-env.example/"}),
    ("env-unset", "mkdocs.yml", "site_url: !ENV BACKLINKS_TEST_UNSET\n", {"site_url": None}),
    (
        "env-default",
        "mkdocs.yml",
        "site_url: !ENV [BACKLINKS_TEST_UNSET, 'https://default.example/']\n",
        {"site_url": "https://default.example/"},
    ),
    (
        "env-second-var",
        "mkdocs.yml",
        "site_url: !ENV [BACKLINKS_TEST_UNSET, BACKLINKS_TEST_URL, 'https://d/']\n",
        {"site_url": "https://from-env.example/"},
    ),
    (
        "env-typed",
        "mkdocs.yml",
        "use_directory_urls: !ENV [BACKLINKS_TEST_FALSE, true]\n",
        {"use_directory_urls": False},
    ),
    (
        "env-typed-default",
        "mkdocs.yml",
        "use_directory_urls: !ENV [BACKLINKS_TEST_UNSET, false]\n",
        {"use_directory_urls": False},
    ),
    (
        "env-in-options",
        "mkdocs.yml",
        "plugins:\n  - backlinks:\n      orphans: !ENV [BACKLINKS_TEST_LEVEL, warn]\n",
        {"plugin_options": {"orphans": "error"}},
    ),
    (
        "relative-and-unknown",
        "mkdocs.yml",
        """
        markdown_extensions:
          - pymdownx.snippets: {base_path: !relative $config_dir}
          - a: !relative
          - b: !whatever {c: 1}
          - d: !!binary aGk=
        plugins: [{backlinks: {toc: !custom yes}}]
     """,
        {"plugin_options": {"toc": "yes"}},
    ),
    (
        "options-only",
        "backlinks.yml",
        "orphans: error\ntoc: true\n",
        {"plugin_options": {"orphans": "error", "toc": True}, "has_plugin_entry": True, "docs_dir": "<dir>/docs"},
    ),
    ("options-only-typo-kept", "backlinks.yml", "orphanz: error\n", {"plugin_options": {"orphanz": "error"}}),
    (
        "toml-table",
        "zensical.toml",
        """
        [project]
        site_name = "Z"
        site_url = "https://z.example/"
        use_directory_urls = false
        nav = [{ "Home" = "index.md" }, { "Guide" = ["guide/a.md"] }]
        [project.theme]
        language = "ja"
        [project.plugins.backlinks]
        orphans = "error"
        graph_file = "links.json"
     """,
        {
            "site_name": "Z",
            "site_url": "https://z.example/",
            "use_directory_urls": False,
            "nav": [{"Home": "index.md"}, {"Guide": ["guide/a.md"]}],
            "theme_language": "ja",
            "plugin_options": {"orphans": "error", "graph_file": "links.json"},
            "has_plugin_entry": True,
        },
    ),
    (
        "toml-list",
        "site.toml",
        """
        [project]
        plugins = ["search", { backlinks = { toc = true } }]
     """,
        {"plugin_options": {"toc": True}},
    ),
    (
        "toml-no-project",
        "zensical.toml",
        'site_name = "T"\ndocs_dir = "src"\n[plugins.backlinks]\ntoc = true\n',
        {"site_name": "T", "docs_dir": "<dir>/src", "plugin_options": {"toc": True}},
    ),
    ("toml-options-only", "opts.toml", 'orphans = "warn"\n', {"plugin_options": {"orphans": "warn"}}),
    (
        "zensical-new",
        "zensical.toml",
        """
        [project]
        site_name = "Documentation"
        [project.markdown_extensions]
        toc.permalink = true
        pymdownx.superfences.custom_fences = [
          { name = "mermaid", class = "mermaid", format = "pymdownx.superfences.fence_code_format" },
        ]
     """,
        {"plugin_options": {}, "has_plugin_entry": False},
    ),
    # Material's blog and tags entries, for the listings (read as the `backlinks` entry is).
    (
        "blog-tags-list",
        "mkdocs.yml",
        """
        plugins:
          - search
          - blog:
              blog_dir: news
          - material/tags
          - backlinks
     """,
        {"blog_plugins": [{"blog_dir": "news"}], "tags_plugins": [{}], "has_plugin_entry": True},
    ),
    (
        "blog-tags-mapping",
        "mkdocs.yml",
        """
        plugins:
          material/blog: {post_dir: "{blog}/articles"}
          tags: {listings_directive: my/tags}
          blog: {blog_dir: second}
     """,
        {
            "blog_plugins": [{"post_dir": "{blog}/articles"}, {"blog_dir": "second"}],
            "tags_plugins": [{"listings_directive": "my/tags"}],
            "has_plugin_entry": False,
        },
    ),
    (
        "blog-tags-toml",
        "zensical.toml",
        """
        [project]
        site_name = "Z"
        [project.plugins.blog]
        blog_dir = "news"
        pagination_per_page = 2
        [project.plugins.tags]
     """,
        {"blog_plugins": [{"blog_dir": "news", "pagination_per_page": 2}], "tags_plugins": [{}]},
    ),
    ("no-blog-no-tags", "mkdocs.yml", "plugins: [search, backlinks]\n", {"blog_plugins": [], "tags_plugins": []}),
    ("other-plugin-scalar-ignored", "mkdocs.yml", "plugins: [{search: true}, backlinks]\n", {"has_plugin_entry": True}),
    # Errors: one line, naming the file.
    ("bad-yaml", "mkdocs.yml", "site_name: [unclosed\n", "not valid YAML (line 2)"),
    ("bad-toml", "zensical.toml", "[project\n", "not valid TOML"),
    ("top-list", "mkdocs.yml", "- a\n- b\n", "expected a mapping of settings, found a list"),
    ("top-scalar", "mkdocs.yml", "just text\n", "expected a mapping of settings, found str 'just text'"),
    ("plugins-scalar", "mkdocs.yml", "plugins: backlinks\n", "'plugins' must be a list or a mapping"),
    ("plugins-bad-item", "mkdocs.yml", "plugins: [{a: 1, b: 2}]\n", "each entry of 'plugins' must be a name"),
    (
        "options-list",
        "mkdocs.yml",
        "plugins: [{backlinks: [orphans]}]\n",
        "the 'backlinks' plugin options must be a mapping",
    ),
    ("blog-options-list", "mkdocs.yml", "plugins: [{blog: [a]}]\n", "the 'blog' plugin options must be a mapping"),
    (
        "tags-options-scalar",
        "mkdocs.yml",
        "plugins: {material/tags: yes}\n",
        "the 'material/tags' plugin options must be a mapping",
    ),
    ("nav-not-list", "mkdocs.yml", "nav: index.md\n", "'nav' must be a list"),
    ("docs-dir-list", "mkdocs.yml", "docs_dir: [a]\n", "'docs_dir' must be a string"),
    ("dir-urls-str", "mkdocs.yml", "use_directory_urls: maybe\n", "'use_directory_urls' must be true or false"),
    ("not-utf8", "mkdocs.yml", b"site_name: \xff\xfe\n", "not UTF-8 text"),
    ("missing", "absent.yml", None, "cannot read the config file"),
]


@pytest.mark.parametrize("name, file_name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_read_config(tmp_path, monkeypatch, name, file_name, text, expected):
    monkeypatch.setenv("BACKLINKS_TEST_URL", "https://from-env.example/")
    monkeypatch.setenv("BACKLINKS_TEST_FALSE", "false")
    monkeypatch.setenv("BACKLINKS_TEST_LEVEL", "error")
    monkeypatch.delenv("BACKLINKS_TEST_UNSET", raising=False)
    path = tmp_path / file_name
    if isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    if isinstance(expected, str):
        with pytest.raises(ConfigFileError) as caught:
            read_config(str(path))
        message = str(caught.value)
        assert message.startswith(f"{path}: {expected}"), message
        assert "\n" not in message and "Traceback" not in message
        return
    config = read_config(str(path))
    assert isinstance(config, SiteConfig)
    assert config.config_path == str(path)
    for field_name, value in expected.items():
        if isinstance(value, str) and "<dir>" in value:
            value = os.path.normpath(value.replace("<dir>", str(tmp_path)))
        assert getattr(config, field_name) == value, field_name


def test_reading_imports_nothing(tmp_path):
    """The tags name modules that must not be imported (nor run) by reading the file."""
    import sys

    (tmp_path / "mkdocs.yml").write_text(
        "a: !!python/name:backlinks_no_such_module.x\nb: !!python/object/apply:backlinks_other_module.f [1]\n"
        "c: !!python/module:backlinks_third_module\n",
        encoding="utf-8",
    )
    read_config(str(tmp_path / "mkdocs.yml"))
    assert not any(m.startswith("backlinks_") for m in sys.modules)


def test_inherit(tmp_path):
    (tmp_path / "base.yml").write_text(
        "site_name: Base\ntheme: {name: material, language: de, features: [a]}\nplugins: [{backlinks: {toc: true}}]\n",
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "mkdocs.yml").write_text("INHERIT: ../base.yml\ntheme: {language: fr}\n", encoding="utf-8")
    config = read_config(str(tmp_path / "sub" / "mkdocs.yml"))
    assert (config.site_name, config.theme_language, config.plugin_options) == ("Base", "fr", {"toc": True})
    (tmp_path / "base.yml").write_text("INHERIT: sub/mkdocs.yml\n", encoding="utf-8")
    with pytest.raises(ConfigFileError, match="INHERIT loops back"):
        read_config(str(tmp_path / "sub" / "mkdocs.yml"))


@pytest.mark.parametrize(
    "present, explicit, expected",
    [
        (["mkdocs.yml", "zensical.toml", "properdocs.yml"], None, "zensical.toml"),
        (["mkdocs.yml", "properdocs.yml"], None, "mkdocs.yml"),
        (["properdocs.yml"], None, "properdocs.yml"),
        ([], None, None),
        (["mkdocs.yml"], "conf/zensical.yml", "conf/zensical.yml"),
    ],
)
def test_find_config(tmp_path, present, explicit, expected):
    for name in present:
        (tmp_path / name).write_text("", encoding="utf-8")
    found = find_config(str(tmp_path), explicit)
    assert found == (None if expected is None else str(tmp_path / expected))
