"""Read a site's config file (mkdocs.yml, properdocs.yml, zensical.toml) as plain values.

Nothing is imported or run: YAML tags such as `!!python/name:pymdownx.superfences.fence_code_format`
or `!!python/object/apply:pymdownx.slugs.slugify {kwds: ...}` name extensions that need not be
installed where the command runs, so every tag is read as the plain data written under it
(`!ENV` is resolved from the environment, as MkDocs does).

Where the options sit:
- YAML: the `backlinks` entry of `plugins:`, as a list (`- backlinks: {...}` or `- backlinks`)
  or as a mapping (`plugins: {backlinks: {...}}`).
- TOML (Zensical): everything sits under `[project]` (or at the top when there is no `project`
  table, as Zensical reads it), the options in a `[project.plugins.backlinks]` table; a
  `plugins = [...]` list works as in YAML.
- A file of options only (MkDocs 2.0 pre-releases read no config file at all): a mapping that has
  none of the keys a site config has (`site_name`, `nav`, `theme`, `plugins`, `docs_dir`, ... see
  `SITE_KEYS`) is taken to be the `backlinks` options themselves; the option validator then
  names any key that is not an option.

The `blog` and `tags` entries (`material/blog`, `material/tags`: Zensical takes both names) are
read the same way, as plain mappings: they say which pages are automatic listings
(`command/listings.py`).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

PLUGIN_NAME = "backlinks"
BLOG_NAMES = ("blog", "material/blog")
TAGS_NAMES = ("tags", "material/tags")
"""The names Material's blog and tags plugins go by (Zensical takes both)."""
CONFIG_NAMES = ("zensical.toml", "mkdocs.yml", "properdocs.yml")
"""Looked for in this order in the current folder when `-f` is not given."""

SITE_KEYS = frozenset(
    {
        "INHERIT",
        "copyright",
        "dev_addr",
        "docs_dir",
        "draft_docs",
        "edit_uri",
        "edit_uri_template",
        "exclude_docs",
        "extra",
        "extra_css",
        "extra_javascript",
        "extra_templates",
        "google_analytics",
        "hooks",
        "markdown_extensions",
        "nav",
        "not_in_nav",
        "pages",
        "plugins",
        "project",
        "remote_branch",
        "remote_name",
        "repo_name",
        "repo_url",
        "site_author",
        "site_description",
        "site_dir",
        "site_name",
        "site_url",
        "strict",
        "theme",
        "use_directory_urls",
        "validation",
        "watch",
    }
)
"""Top-level keys of MkDocs / Zensical configs: a mapping with any of them is a site config."""

_MAX_INHERIT = 10


class ConfigFileError(Exception):
    """A config file that cannot be used; the message is one line naming the file."""


@dataclass
class SiteConfig:
    """What the command needs from a site's config file, as plain values."""

    config_path: Optional[str]
    """The file read (absolute), None when there was none."""
    plugin_options: Dict[str, Any] = field(default_factory=dict)
    """The `backlinks` options as written (not validated yet); {} when the entry has none."""
    has_plugin_entry: bool = False
    """Whether the file names the plugin at all (or is a file of options only)."""
    site_url: Optional[str] = None
    site_name: Optional[str] = None
    docs_dir: Optional[str] = None
    """Absolute; relative paths are taken from the config file's folder (default `docs`)."""
    use_directory_urls: bool = True
    nav: Optional[List[Any]] = None
    """The `nav` as written (titles, paths, nested sections); None when the file has none."""
    theme_language: Optional[str] = None
    """`theme.language` (Material, Zensical) or `theme.locale` (mkdocs, readthedocs themes)."""
    custom_dir: Optional[str] = None
    """`theme.custom_dir` (absolute): where a site overrides the panel's template."""
    blog_plugins: List[Dict[str, Any]] = field(default_factory=list)
    """The options of each `blog` (or `material/blog`) entry of `plugins`, as written."""
    tags_plugins: List[Dict[str, Any]] = field(default_factory=list)
    """The options of each `tags` (or `material/tags`) entry of `plugins`, as written."""
    extra: Dict[str, Any] = field(default_factory=dict)
    """`extra` as written ({} when absent or not a mapping): its `alternate` languages and
    `version` provider name the builds published beside this one."""
    mike_plugin: Optional[Dict[str, Any]] = None
    """The options of the `mike` plugin entry, None without one."""

    @classmethod
    def defaults(cls, base_dir: str) -> "SiteConfig":
        """The values a site has without a config file: `docs` next to `base_dir`, directory URLs."""
        return cls(config_path=None, docs_dir=os.path.abspath(os.path.join(base_dir, "docs")))


def find_config(cwd: str, explicit: Optional[str] = None) -> Optional[str]:
    """The config file to read: `explicit` (the `-f` path, relative to `cwd`), else the first of
    `CONFIG_NAMES` found in `cwd`, else None."""
    if explicit:
        return os.path.abspath(os.path.join(cwd, explicit))
    for name in CONFIG_NAMES:
        path = os.path.join(cwd, name)
        if os.path.isfile(path):
            return os.path.abspath(path)
    return None


def read_config(path: str) -> SiteConfig:
    """Read the config file at `path` (YAML, or TOML when it ends in `.toml`) into a SiteConfig.

    Raises ConfigFileError with one line naming the file when it cannot be read or used."""
    path = os.path.abspath(path)
    if path.lower().endswith(".toml"):
        data = _load_toml(path)
        if isinstance(data.get("project"), dict):
            data = data["project"]
    else:
        data = _load_yaml_inheriting(path, seen=())
    return _site_config(data, path)


# --- YAML ---------------------------------------------------------------------------------------


class _TagTolerantLoader(yaml.SafeLoader):
    """A safe loader that reads any tag as the plain data under it and imports nothing."""


def _construct_plain(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> Any:
    # `!!python/name:pkg.func` carries its meaning in the tag: keep the dotted name as the value,
    # so that `format: !!python/name:x.y` reads as the string "x.y" rather than "".
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        for marker in ("python/name:", "python/module:"):
            if not value and marker in tag_suffix:
                return tag_suffix.partition(marker)[2]
        return value
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    assert isinstance(node, yaml.MappingNode)  # the third and last kind of node
    return loader.construct_mapping(node, deep=True)


def _resolved_scalar(loader: yaml.SafeLoader, text: str) -> Any:
    """A string read as YAML reads a plain scalar (`true` -> True, `5` -> 5), as MkDocs' `!ENV`."""
    # types-PyYAML leaves `resolve` unannotated: (node class, value, implicit) -> tag.
    tag: str = loader.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return loader.construct_object(yaml.ScalarNode(tag, text))


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV VAR` or `!ENV [VAR, OTHER_VAR, default]`: the first variable set, else the default
    (the last item of a list of two or more), else None."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode):
        items = node.value
        if not items:
            return None
        if len(items) > 1:
            default = loader.construct_object(items[-1], deep=True)
            items = items[:-1]
        else:
            default = None
        names = [loader.construct_object(item, deep=True) for item in items]
    else:
        return None
    for name in names:
        value = os.environ.get(str(name))
        if value is not None:
            return _resolved_scalar(loader, value)
    return default


_TagTolerantLoader.add_constructor("!ENV", _construct_env)
_TagTolerantLoader.add_multi_constructor("", _construct_plain)


def load_yaml_text(text: str) -> Any:
    """Parse YAML text with the tag-tolerant safe loader (raises yaml.YAMLError)."""
    return yaml.load(text, Loader=_TagTolerantLoader)  # noqa: S506 - a SafeLoader subclass


def _load_yaml(path: str) -> Dict[str, Any]:
    text = _read_text(path)
    try:
        data = load_yaml_text(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigFileError(f"{path}: not valid YAML{where}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigFileError(f"{path}: expected a mapping of settings, found {_kind(data)}")
    return data


def _load_yaml_inheriting(path: str, seen: Tuple[str, ...]) -> Dict[str, Any]:
    """Load a YAML config and, as MkDocs does, merge it over the file its `INHERIT` names."""
    data = _load_yaml(path)
    parent = data.pop("INHERIT", None)
    if parent is None:
        return data
    if not isinstance(parent, str):
        raise ConfigFileError(f"{path}: INHERIT must be a file path, found {_kind(parent)}")
    parent_path = os.path.abspath(os.path.join(os.path.dirname(path), parent))
    if parent_path in seen or len(seen) > _MAX_INHERIT:
        raise ConfigFileError(f"{path}: INHERIT loops back to {parent_path}")
    if not os.path.isfile(parent_path):
        raise ConfigFileError(f"{path}: INHERIT names {parent_path}, which does not exist")
    base = _load_yaml_inheriting(parent_path, seen + (path,))
    return _merged(base, data)


def _merged(base: Dict[str, Any], over: Dict[str, Any]) -> Dict[str, Any]:
    """`over` merged into `base`: mappings merge key by key, anything else is replaced."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


# --- TOML ---------------------------------------------------------------------------------------


def _load_toml(path: str) -> Dict[str, Any]:
    text = _read_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(f"{path}: not valid TOML: {str(error).splitlines()[0]}") from None


# --- Shared -------------------------------------------------------------------------------------


def _read_text(path: str) -> str:
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise ConfigFileError(f"{path}: cannot read the config file: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigFileError(f"{path}: not UTF-8 text (byte {error.start})") from None


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


def _plugin_items(plugins: object, path: str) -> List[Tuple[str, Dict[str, Any]]]:
    """(name, options) of each entry of a `plugins` value (list or mapping), in order; options
    {} when an entry has none."""
    if plugins is None:
        return []
    items: List[Tuple[object, object]] = []
    if isinstance(plugins, dict):
        items = list(plugins.items())
    elif isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, str):
                items.append((item, None))
            elif isinstance(item, dict) and len(item) == 1:
                items.extend(item.items())
            else:
                raise ConfigFileError(
                    f"{path}: each entry of 'plugins' must be a name or a single 'name: options' mapping, "
                    f"found {_kind(item)}"
                )
    else:
        raise ConfigFileError(f"{path}: 'plugins' must be a list or a mapping, found {_kind(plugins)}")
    out = []
    for name, options in items:
        if options is not None and not isinstance(options, dict):
            # Only the entries read here are checked: others belong to their generator.
            if name in (PLUGIN_NAME, *BLOG_NAMES, *TAGS_NAMES):
                raise ConfigFileError(f"{path}: the '{name}' plugin options must be a mapping, found {_kind(options)}")
            continue
        out.append((str(name), dict(options or {})))
    return out


def _plugin_entry(items: List[Tuple[str, Dict[str, Any]]]) -> Tuple[bool, Dict[str, Any]]:
    """(found, options) for the `backlinks` entry."""
    for name, options in items:
        if name == PLUGIN_NAME:
            return True, options
    return False, {}


def _optional_str(data: Dict[str, Any], key: str, path: str) -> Optional[str]:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigFileError(f"{path}: '{key}' must be a string, found {_kind(value)}")
    return value


def _site_config(data: Dict[str, Any], path: str) -> SiteConfig:
    folder = os.path.dirname(path)
    if data and not SITE_KEYS.intersection(data):
        # A file of options only (see the module docstring).
        return SiteConfig(
            config_path=path,
            plugin_options=dict(data),
            has_plugin_entry=True,
            docs_dir=os.path.join(folder, "docs"),
        )
    plugins = _plugin_items(data.get("plugins"), path)
    found, options = _plugin_entry(plugins)
    docs_dir = _optional_str(data, "docs_dir", path) or "docs"
    use_directory_urls = data.get("use_directory_urls", True)
    if not isinstance(use_directory_urls, bool):
        raise ConfigFileError(f"{path}: 'use_directory_urls' must be true or false, found {_kind(use_directory_urls)}")
    nav = data.get("nav")
    if nav is not None and not isinstance(nav, list):
        raise ConfigFileError(f"{path}: 'nav' must be a list, found {_kind(nav)}")
    theme = data.get("theme")
    language = custom_dir = None
    if isinstance(theme, dict):
        language = theme.get("language") or theme.get("locale")
        language = str(language) if language is not None else None
        if isinstance(theme.get("custom_dir"), str):
            custom_dir = os.path.normpath(os.path.join(folder, theme["custom_dir"]))
    return SiteConfig(
        config_path=path,
        plugin_options=options,
        has_plugin_entry=found,
        site_url=_optional_str(data, "site_url", path),
        site_name=None if data.get("site_name") is None else str(data["site_name"]),
        docs_dir=os.path.normpath(os.path.join(folder, docs_dir)),
        use_directory_urls=use_directory_urls,
        nav=nav,
        theme_language=language,
        custom_dir=custom_dir,
        blog_plugins=[options for name, options in plugins if name in BLOG_NAMES],
        tags_plugins=[options for name, options in plugins if name in TAGS_NAMES],
        extra=dict(data["extra"]) if isinstance(data.get("extra"), dict) else {},
        mike_plugin=next((dict(options) for name, options in plugins if name == "mike"), None),
    )
