"""The plugin's options as MkDocs wants them: a `Config` class whose validation is the core's.

MkDocs loads a plugin's options into `plugin.config`; what it is told of their mistakes it
prints in its own words (`Config value 'plugins': Plugin 'backlinks' option 'sort': ...`). Every
message of this plugin starts with `backlinks:`, so the mistakes are logged here instead, as the
post-build command prints them (`backlinks: option 'sort': ...`), and MkDocs' conventions are
kept by hand: an error stops the build while the config is read, as MkDocs' own errors do
(`Abort`, its "Aborted with a configuration error!"); a warning stops it under `--strict`
before anything is built (`stop_if_strict`, from the plugin's `on_config`: MkDocs counts
warnings for `--strict` only from the start of the build). The rules are the core's
(`core.options.check_options`): a new option of `BacklinksConfig` needs no line here.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from mkdocs.config import base
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger

from mkdocs_backlinks.core.options import BacklinksConfig, OptionsError, check_options, option_names

__all__ = ["PluginConfig", "stop_if_strict"]

# Named after the plugin as users know it: messages read "backlinks: option 'x': ...".
log = get_plugin_logger("backlinks")


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
        self.warned: List[str] = []
        """The warnings `validate` logged, each "option 'name': what is wrong"."""
        super().__init__(config_file_path=config_file_path)
        self.update(vars(self.options))

    def load_dict(self, patch: Dict[str, Any]) -> None:
        super().load_dict(patch)
        self._written.update(patch)

    def validate(self) -> Tuple[base.ConfigErrors, base.ConfigWarnings]:
        try:
            self.options, warnings = check_options(self._written)
        except OptionsError as error:
            log.error(str(error))
            # Returned, the error would be printed again in MkDocs' words; raised, it stops the
            # build as MkDocs stops it for a mistake of its own.
            raise Abort("Aborted with a configuration error!") from None
        self.update(vars(self.options))
        self.warned = [f"option '{name}': {text}" for name, text in warnings]
        for line in self.warned:
            log.warning(line)
        return [], []

    def __getattr__(self, name: str) -> Any:
        # `config.orphans` as on any MkDocs Config; the plugin itself reads `options`.
        if name in _NAMES:
            return getattr(self.__dict__["options"], name)
        raise AttributeError(name)


_NAMES = frozenset(option_names(BacklinksConfig))


def stop_if_strict(config: PluginConfig, strict: bool) -> None:
    """Under `--strict`, stop the build before anything is built when an option warned."""
    if strict and config.warned:
        count = len(config.warned)
        raise Abort(f"Aborted with {count} configuration warning{'s' if count > 1 else ''} in 'strict' mode!")
