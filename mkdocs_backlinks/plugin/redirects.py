"""Pages moved with the mkdocs-redirects plugin: where their old URLs lead.

mkdocs-redirects writes a small redirect page at each old URL after the build (`on_post_build`),
so while the plugin reads links, links to an old URL look broken. Reading its `redirect_maps`
(old `.md` path -> new `.md` path, optionally with `#fragment`, or an `http(s)` URL) lets the
resolver send those links on to the page a reader finally lands on.
"""

from __future__ import annotations

from typing import Callable, Dict, Iterable, Mapping


def redirect_maps(plugins: Mapping[str, object]) -> Dict[str, str]:
    """The `redirect_maps` of every mkdocs-redirects plugin in the config (usually one)."""
    maps: Dict[str, str] = {}
    for name in sorted(plugins):
        if name != "redirects" and not name.endswith("/redirects"):
            continue
        options = getattr(plugins[name], "config", None) or {}
        value = options.get("redirect_maps") if hasattr(options, "get") else None
        if isinstance(value, dict):
            maps.update({str(old): str(new) for old, new in value.items()})
    return maps


def redirect_targets(maps: Mapping[str, str], pages: Iterable[str], url_of: Callable[[str], str]) -> Dict[str, str]:
    """Old URL (`File.url` style) -> source path of the page it redirects to, or "" off-site.

    Redirects to pages that do not exist are left out: mkdocs-redirects writes no page for them
    (it warns), so links there really are broken. `url_of` gives a source path's URL.
    """
    existing = set(pages)
    targets: Dict[str, str] = {}
    for old, new in sorted(maps.items()):
        old = old.strip().lstrip("/")
        if not old.endswith(".md"):
            continue  # mkdocs-redirects warns about these itself
        new_path = new.strip().partition("#")[0].lstrip("/")
        if new.strip().lower().startswith(("http://", "https://")):
            targets[url_of(old)] = ""
        elif new_path in existing:
            targets[url_of(old)] = new_path
    return targets
