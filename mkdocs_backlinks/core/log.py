"""Where the project's messages go, and how each starts: the lowest layer of the core's output,
imported by any module that logs (the checks' grouped messages are `core.messages`)."""

from __future__ import annotations

import logging
from typing import Union

__all__ = ["PREFIX", "Log", "prefixed"]

PREFIX = "backlinks: "
"""What every message of both front ends starts with. The plugin's logger (MkDocs'
`get_plugin_logger`) adds it to what it logs, the command's log formatter to what it writes;
a message that reaches the user some other way (the text of a `PluginError`, which MkDocs logs
as its own) gets it from `prefixed`."""


def prefixed(message: str) -> str:
    """`message` starting with `PREFIX` (once)."""
    return message if message.startswith(PREFIX) else PREFIX + message


Log = Union[logging.Logger, "logging.LoggerAdapter[logging.Logger]"]
"""Where messages go: a logger, or an adapter of one (the plugin's `get_plugin_logger` gives a
`PrefixedLogger`, which puts "backlinks: " before each message)."""
