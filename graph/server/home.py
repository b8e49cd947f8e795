"""NEO4J_HOME: where the local server lives, and its sub-directories."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from graph.settings import Neo4jSettings

SUBDIRS = ("conf", "lib", "plugins", "data", "logs", "import", "run")

Log = Callable[[str], None]


def quiet(_: str) -> None:
    return None


# The server and the tools it runs create files readable by their owner only
# (data/dbms/auth.ini holds the password hash; conf/neo4j.conf, logs and the
# store say where everything lives and what the graph holds).
OWNER_ONLY_UMASK = 0o077


def restrict_to_owner(home: Path) -> None:
    """Take every group and other permission off HOME and everything in it
    (symlinks are left alone: chmod would follow them out of HOME)."""
    for path in (home, *home.rglob("*")):
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def home_dir(settings: Neo4jSettings) -> Path:
    """NEO4J_HOME as an absolute path (a relative one is relative to the current directory)."""
    return settings.home.expanduser().resolve()
