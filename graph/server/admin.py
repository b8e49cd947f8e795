"""neo4j-admin (the import tool and command line) from the same jars as the server."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from graph.errors import Neo4jServerError
from graph.server.home import home_dir
from graph.server.install import is_installed
from graph.server.jvm import ADMIN_CLASS, java, server_env
from graph.settings import Neo4jSettings


def run_admin(
    settings: Neo4jSettings, args: Sequence[str], *, heap: str = "1g", log_path: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run neo4j-admin (the tarball's admin launcher class) with `args`, e.g.
    ("database", "import", "full", ...). Output goes to `log_path` when given,
    else is captured. The caller checks the exit code."""
    home = home_dir(settings)
    if not is_installed(settings):
        raise Neo4jServerError(f"Neo4j is not installed in {home}: run `geokg neo4j install`.")
    command = [java(), f"-Xmx{heap}", "-cp", str(home / "lib" / "*"), ADMIN_CLASS, *args]
    if log_path is None:
        return subprocess.run(command, env=server_env(home), cwd=home, capture_output=True, text=True)
    with open(log_path, "w", encoding="utf-8") as out:
        return subprocess.run(command, env=server_env(home), cwd=home, stdout=out, stderr=subprocess.STDOUT, text=True)
