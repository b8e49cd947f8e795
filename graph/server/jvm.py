"""The JVM side of the local server: the java binary, the launcher classes of
the tarball's bin/ scripts, their environment, and recognising the server's
own process (by its pid file and command line)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from graph.errors import Neo4jServerError

# Entry points the tarball's bin/neo4j and bin/neo4j-admin run.
LAUNCHER_CLASS = "org.neo4j.server.startup.Neo4jCommand"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"
# The server JVM's main class in 5.x; used to recognise our process by its command line.
ENTRY_POINT_CLASS = "org.neo4j.server.CommunityEntryPoint"


def require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise Neo4jServerError(f"`{name}` was not found on PATH: {hint}")
    return path


def java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    return require_tool("java", "install Java 17 or 21 (Neo4j 5.26 runs on either).")


def server_env(home: Path) -> dict[str, str]:
    """The environment for Neo4j's launchers.

    JAVA_OPTS would replace every JVM flag from neo4j.conf (heap included) and
    HEAP_SIZE the heap; our own NEO4J_* settings are not Neo4j's to read.
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("JAVA_OPTS", "HEAP_SIZE", "JAVA_TOOL_OPTIONS") and not k.startswith("NEO4J_")
    }
    env["NEO4J_HOME"] = str(home)
    env["NEO4J_CONF"] = str(home / "conf")
    return env


def java_cmd(home: Path, main_class: str, *args: str) -> list[str]:
    return [java(), "-cp", str(home / "lib" / "*"), main_class, *args]


def pid_file(home: Path) -> Path:
    return home / "run" / "neo4j.pid"  # written by the launcher's `start`


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def is_our_server(pid: int, home: Path) -> bool:
    """True when `pid` is alive and is the Neo4j server JVM of this home (pids get reused)."""
    cmd = _cmdline(pid)
    if not cmd:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (not Linux): trust the pid file
    return ENTRY_POINT_CLASS in cmd and str(home) in cmd


def running_pid(home: Path) -> int | None:
    try:
        pid = int(pid_file(home).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    return pid if is_our_server(pid, home) else None
