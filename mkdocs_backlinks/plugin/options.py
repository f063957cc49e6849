"""The plugin's options as MkDocs wants them: a `Config` class whose validation is the core's.

MkDocs loads a plugin's options into `plugin.config` and lists the mistakes under the option's
name (`Config value 'plugins': Plugin 'backlinks' option 'sort': ...`): errors stop the build,
warnings stop it under `--strict`. This adapter keeps those conventions and adds no rule of its
own: it hands the mapping written to `core.options.check_options` and returns what it says as
MkDocs' errors and warnings. A new option of `BacklinksConfig` needs no line here.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from mkdocs.config import base

from mkdocs_backlinks.core.options import BacklinksConfig, OptionsError, check_options, option_names

__all__ = ["PluginConfig"]


class _CoreOption(base.BaseConfigOption[Any]):
    """One entry of the schema MkDocs reads (`plugin.config_scheme`: it tells MkDocs the
    plugin has an `enabled` option of its own). Reading is left to the core."""


class PluginConfig(base.Config):
    """The `backlinks` entry of `plugins:`, validated by the core. After validation its
    `options` is the core's record, and `config.orphans` (or `config["orphans"]`) is the same
    value as `options.orphans`."""

    _schema = tuple((name, _CoreOption()) for name in option_names(BacklinksConfig))

    def __init__(self, config_file_path: Optional[str] = None) -> None:
        self._written: Dict[str, Any] = {}
        """The options as the user wrote them, for the core to read."""
        self.options = BacklinksConfig()
        """The options as the core reads them (the defaults until `validate` has run)."""
        super().__init__(config_file_path=config_file_path)
        self.update(vars(self.options))

    def load_dict(self, patch: Dict[str, Any]) -> None:
        super().load_dict(patch)
        self._written.update(patch)

    def validate(self) -> Tuple[base.ConfigErrors, base.ConfigWarnings]:
        try:
            self.options, warnings = check_options(self._written)
        except OptionsError as error:
            return [(error.option, base.ValidationError(error.text))], []
        self.update(vars(self.options))
        return [], warnings

    def __getattr__(self, name: str) -> Any:
        # `config.orphans` as on any MkDocs Config; the plugin itself reads `options`.
        if name in _NAMES:
            return getattr(self.__dict__["options"], name)
        raise AttributeError(name)


_NAMES = frozenset(option_names(BacklinksConfig))
