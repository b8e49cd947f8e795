"""NEO4J_HOME: where the local server lives, and its sub-directories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graph.settings import Neo4jSettings

SUBDIRS = ("conf", "lib", "plugins", "data", "logs", "import", "run")

Log = Callable[[str], None]


def quiet(_: str) -> None:
    return None


def home_dir(settings: Neo4jSettings) -> Path:
    """NEO4J_HOME as an absolute path (a relative one is relative to the current directory)."""
    return settings.home.expanduser().resolve()
