"""Start, stop and report on the local server (installing it first when needed)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.errors import Neo4jServerError
from graph.server.home import OWNER_ONLY_UMASK, Log, home_dir, quiet
from graph.server.install import NEO4J_VERSION, install, is_installed
from graph.server.jvm import LAUNCHER_CLASS, is_our_server, java_cmd, pid_file, running_pid, server_env
from graph.server.password import password_file, read_password
from graph.settings import Neo4jSettings


@dataclass(frozen=True)
class ServerStatus:
    """What `status()` found. `pid` is the server JVM when it is running."""

    managed: bool
    home: Path | None
    installed: bool
    running: bool
    pid: int | None
    bolt_answers: bool
    uri: str
    http_url: str | None
    message: str


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _bolt_answers(settings: Neo4jSettings) -> bool:
    # Imported here: install and stop need no driver.
    import neo4j

    from graph.driver_errors import NEO4J_UNAVAILABLE

    driver = neo4j.GraphDatabase.driver(
        settings.effective_uri, auth=(settings.user, read_password(settings)), connection_timeout=3
    )
    try:
        driver.verify_connectivity()
        return True
    except neo4j.exceptions.AuthError as e:
        raise Neo4jServerError(
            f"Neo4j at {settings.effective_uri} answers but refused user '{settings.user}': {e.message}. "
            f"The password in {password_file(settings)} or NEO4J_PASSWORD does not match the one the "
            "server was first started with."
        ) from e
    except NEO4J_UNAVAILABLE:
        return False
    finally:
        driver.close()


def _log_tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return f"({path} does not exist)"


def start(settings: Neo4jSettings, *, log: Log = quiet) -> ServerStatus:
    """Start the local server in the background and wait until Bolt answers.

    Harmless when our server is already running. Installs first when needed.
    """
    if not settings.managed:
        log(f"NEO4J_URI is set ({settings.uri}): using that server; nothing to start.")
        return status(settings)
    home = home_dir(settings)
    pid = running_pid(home)
    if pid is not None:
        log(f"Neo4j is already running from {home} (pid {pid}).")
        _wait_for_bolt(settings, home, pid, time.monotonic())
        return status(settings)
    if not is_installed(settings):
        log(f"Neo4j is not installed in {home}; installing it first.")
    install(settings, log=log)  # cheap when installed: rewrites conf from current settings
    for name, port in (("NEO4J_BOLT_PORT", settings.bolt_port), ("NEO4J_HTTP_PORT", settings.http_port)):
        if not _port_free(port):
            raise Neo4jServerError(
                f"Port {port} on 127.0.0.1 is already in use by another process (not the Neo4j "
                f"server of {home}). Stop that process, or choose other ports with {name} "
                "(and NEO4J_HOME for a separate server)."
            )
    pid_file(home).unlink(missing_ok=True)
    began = time.monotonic()
    launcher_log = home / "logs" / "launcher.log"
    with open(launcher_log, "w", encoding="utf-8", opener=lambda p, f: os.open(p, f, 0o600)) as out:
        # `start` forks the server JVM (its output goes to logs/neo4j.log), writes
        # run/neo4j.pid and returns; our own wait for Bolt follows.
        try:
            result = subprocess.run(
                java_cmd(home, LAUNCHER_CLASS, "start"),
                env=server_env(home), cwd=home, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, timeout=settings.start_timeout_s, umask=OWNER_ONLY_UMASK,
            )  # fmt: skip
        except subprocess.TimeoutExpired as e:
            raise Neo4jServerError(
                f"The Neo4j launcher did not return within {settings.start_timeout_s:.0f}s "
                "(NEO4J_START_TIMEOUT_S); on a busy machine raise it and run "
                f"`geokg neo4j start` again.\n{launcher_log}:\n{_log_tail(launcher_log)}"
            ) from e
    pid = running_pid(home)
    if result.returncode != 0 or pid is None:
        raise Neo4jServerError(
            f"The Neo4j launcher failed (exit {result.returncode}).\n{launcher_log}:\n"
            f"{_log_tail(launcher_log)}\n{home / 'logs' / 'neo4j.log'}:\n{_log_tail(home / 'logs' / 'neo4j.log')}"
        )
    log(f"Started Neo4j {NEO4J_VERSION} (pid {pid}); waiting for Bolt on {settings.effective_uri}...")
    _wait_for_bolt(settings, home, pid, began)
    log(f"Neo4j answers on {settings.effective_uri} after {time.monotonic() - began:.1f}s.")
    return status(settings)


def _wait_for_bolt(settings: Neo4jSettings, home: Path, pid: int, began: float) -> None:
    deadline = began + settings.start_timeout_s
    while True:
        if _bolt_answers(settings):
            return
        if not is_our_server(pid, home):
            raise Neo4jServerError(
                f"The Neo4j server (pid {pid}) exited during startup. "
                f"{home / 'logs' / 'neo4j.log'}:\n{_log_tail(home / 'logs' / 'neo4j.log')}"
            )
        if time.monotonic() > deadline:
            raise Neo4jServerError(
                f"Neo4j (pid {pid}) did not answer on {settings.effective_uri} within "
                f"{settings.start_timeout_s:.0f}s (NEO4J_START_TIMEOUT_S). It is still running; "
                f"see {home / 'logs'} and stop it with `geokg neo4j stop`."
            )
        time.sleep(0.5)


def stop(settings: Neo4jSettings, *, timeout_s: float = 120.0, log: Log = quiet) -> bool:
    """Stop the local server with SIGTERM (a clean shutdown) and wait for it to exit.

    Returns True when a server was stopped, False when none was running.
    """
    if not settings.managed:
        log(f"NEO4J_URI is set ({settings.uri}): that server is not ours to stop.")
        return False
    home = home_dir(settings)
    pid = running_pid(home)
    if pid is None:
        log(f"Neo4j is not running from {home}.")
        pid_file(home).unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while is_our_server(pid, home):
        if time.monotonic() > deadline:
            # Last resort; Neo4j recovers from its transaction log at the next start.
            log(f"Neo4j (pid {pid}) did not stop within {timeout_s:.0f}s; killing it.")
            os.kill(pid, signal.SIGKILL)
            time.sleep(1)
            break
        time.sleep(0.3)
    pid_file(home).unlink(missing_ok=True)
    log(f"Stopped Neo4j (pid {pid}).")
    return True


def status(settings: Neo4jSettings) -> ServerStatus:
    """Installed? Running? Does Bolt answer? Never raises for a stopped server."""
    http_url = f"http://localhost:{settings.http_port}/browser/"
    if not settings.managed:
        return ServerStatus(
            managed=False, home=None, installed=False, running=False, pid=None, bolt_answers=False,
            uri=settings.effective_uri, http_url=None,
            message=f"NEO4J_URI is set: using the server at {settings.uri} (not managed by geokg).",
        )  # fmt: skip
    home = home_dir(settings)
    installed = is_installed(settings)
    pid = running_pid(home)
    answers = False
    if pid is not None:
        try:
            answers = _bolt_answers(settings)
        except Neo4jServerError:
            answers = False
    if not installed:
        message = f"Neo4j is not installed in {home}: run `geokg neo4j install`."
    elif pid is None:
        message = f"Neo4j {NEO4J_VERSION} is installed in {home} and stopped."
    elif answers:
        message = f"Neo4j {NEO4J_VERSION} is running (pid {pid}) on {settings.effective_uri}; Browser at {http_url}"
    else:
        message = f"Neo4j {NEO4J_VERSION} is running (pid {pid}) but Bolt does not answer yet (starting?)."
    return ServerStatus(
        managed=True, home=home, installed=installed, running=pid is not None, pid=pid,
        bolt_answers=answers, uri=settings.effective_uri, http_url=http_url, message=message,
    )  # fmt: skip
