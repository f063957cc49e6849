"""mkdocs16: the core checks with this version's own command line."""

from .core_checks import *  # noqa: F401,F403
