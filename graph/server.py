"""The project's own local Neo4j server: assemble it from Maven Central, configure,
start, stop and report on it.

No Docker and no neo4j.com tarball are needed: the tarball's `lib/` is Neo4j's own
modules and their dependencies, all on Maven Central, so a generated pom and
`mvn dependency:copy-dependencies` rebuild it in NEO4J_HOME (default `.neo4j/`,
git-ignored). The server is then started with the tarball's own launcher class.

Layout of NEO4J_HOME: `lib/` (jars), `conf/neo4j.conf` (written from settings),
`data/`, `logs/`, `run/` (pid file), `import/`, `plugins/`, `password` (the
generated password, mode 600, only when NEO4J_PASSWORD is not set) and
`pom.xml` (the generated pom).

When NEO4J_URI is set (`settings.managed` is False) nothing here installs or
starts anything: the project uses that server instead.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from graph.errors import Neo4jServerError
from graph.settings import Neo4jSettings

# The one place the Neo4j version is pinned (docker-compose.yml must name the same;
# tests/unit/test_compose.py checks it). Newest 5.26 LTS patch on Maven Central.
NEO4J_VERSION = "5.26.30"
# Neo4j Browser is released separately; 5.24.0 is the newest on Maven Central.
NEO4J_BROWSER_VERSION = "5.24.0"
# Pinned so an offline (`mvn -o`) install finds the same plugin in ~/.m2.
MAVEN_DEPENDENCY_PLUGIN_VERSION = "3.8.1"

# Entry points the tarball's bin/neo4j and bin/neo4j-admin run.
LAUNCHER_CLASS = "org.neo4j.server.startup.Neo4jCommand"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"
# The server JVM's main class in 5.x; used to recognise our process by its command line.
ENTRY_POINT_CLASS = "org.neo4j.server.CommunityEntryPoint"

MIN_PASSWORD_LENGTH = 8  # Neo4j's default dbms.security.auth_minimum_password_length
_TEMPLATES = Path(__file__).parent / "neo4j"
_VERSION_MARKER = ".geokg-neo4j-version"  # in lib/: which versions the jars are
_SUBDIRS = ("conf", "lib", "plugins", "data", "logs", "import", "run")

Log = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


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


# --- paths and password -----------------------------------------------------


def home_dir(settings: Neo4jSettings) -> Path:
    """NEO4J_HOME as an absolute path (a relative one is relative to the current directory)."""
    return settings.home.expanduser().resolve()


def password_file(settings: Neo4jSettings) -> Path:
    return home_dir(settings) / "password"


def read_password(settings: Neo4jSettings) -> str:
    """The password of the local server: NEO4J_PASSWORD when set, else the one
    generated at install time and kept in HOME/password."""
    if settings.password is not None:
        return settings.password.get_secret_value()
    path = password_file(settings)
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise Neo4jServerError(
            f"No password for the local Neo4j server: {path} does not exist and NEO4J_PASSWORD "
            "is not set. Run `geokg neo4j install` (it generates one), or set NEO4J_PASSWORD."
        ) from None


_PASSWORD_ALPHABET = string.ascii_letters + string.digits
GENERATED_PASSWORD_LENGTH = 24


def _ensure_password(settings: Neo4jSettings, log: Log) -> str:
    if settings.password is not None:
        password = settings.password.get_secret_value()
        if len(password) < MIN_PASSWORD_LENGTH:
            raise Neo4jServerError(
                f"NEO4J_PASSWORD is {len(password)} characters; Neo4j requires at least "
                f"{MIN_PASSWORD_LENGTH}. Choose a longer one."
            )
        if password.startswith("-"):
            # neo4j-admin's option parser would take it for an option and fail.
            raise Neo4jServerError(
                "NEO4J_PASSWORD starts with '-', which neo4j-admin reads as an option. "
                "Choose a password that does not start with '-'."
            )
        return password
    path = password_file(settings)
    if path.exists():
        return read_password(settings)
    # Letters and digits only: a token_urlsafe password can start with '-',
    # which neo4j-admin set-initial-password takes for an option.
    password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(GENERATED_PASSWORD_LENGTH))
    # Create with mode 600 from the start, so it is never readable by others.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(password + "\n")
    log(f"Generated a password for user '{settings.user}' in {path} (mode 600).")
    return password


# --- install ----------------------------------------------------------------


def is_installed(settings: Neo4jSettings) -> bool:
    marker = home_dir(settings) / "lib" / _VERSION_MARKER
    return marker.is_file() and marker.read_text().strip() == _lib_fingerprint()


def _lib_fingerprint() -> str:
    return f"neo4j={NEO4J_VERSION} browser={NEO4J_BROWSER_VERSION}"


def _require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise Neo4jServerError(f"`{name}` was not found on PATH: {hint}")
    return path


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    return _require_tool("java", "install Java 17 or 21 (Neo4j 5.26 runs on either).")


def _write_pom(home: Path) -> Path:
    text = Template((_TEMPLATES / "pom.xml").read_text(encoding="utf-8")).substitute(
        neo4j_version=NEO4J_VERSION,
        browser_version=NEO4J_BROWSER_VERSION,
        dependency_plugin_version=MAVEN_DEPENDENCY_PLUGIN_VERSION,
    )
    pom = home / "pom.xml"
    pom.write_text(text, encoding="utf-8")
    return pom


def _copy_jars(home: Path, maven_args: Sequence[str], log: Log) -> None:
    """Fill HOME/lib from ~/.m2 (offline first, so a second home costs seconds),
    downloading from Maven Central only what is missing."""
    mvn = _require_tool("mvn", "install Maven 3 (it fetches the Neo4j jars from Maven Central).")
    pom = _write_pom(home)
    lib = home / "lib"
    # Never mix versions: the server finds its parts through service files in every jar.
    shutil.rmtree(lib, ignore_errors=True)
    lib.mkdir()
    goal = [
        mvn, "-B", "-q", "-f", str(pom),
        f"org.apache.maven.plugins:maven-dependency-plugin:{MAVEN_DEPENDENCY_PLUGIN_VERSION}:copy-dependencies",
        "-DincludeScope=runtime", "-DexcludeTypes=pom", f"-DoutputDirectory={lib}",
        *maven_args,
    ]  # fmt: skip
    log_path = home / "logs" / "maven.log"
    with open(log_path, "w", encoding="utf-8") as out:
        offline = subprocess.run([*goal, "-o"], stdout=out, stderr=subprocess.STDOUT, cwd=home)
    if offline.returncode != 0:
        log(f"Downloading Neo4j {NEO4J_VERSION} jars from Maven Central (a few minutes the first time)...")
        with open(log_path, "a", encoding="utf-8") as out:
            online = subprocess.run(goal, stdout=out, stderr=subprocess.STDOUT, cwd=home)
        if online.returncode != 0:
            raise Neo4jServerError(
                f"Maven could not fetch Neo4j {NEO4J_VERSION} (exit {online.returncode}); "
                f"see {log_path}. Check network access to Maven Central."
            )
    jars = list(lib.glob("*.jar"))
    if not any(j.name == f"neo4j-{NEO4J_VERSION}.jar" for j in jars):
        raise Neo4jServerError(f"Maven ran but {lib} has no neo4j-{NEO4J_VERSION}.jar; see {log_path}.")
    (lib / _VERSION_MARKER).write_text(_lib_fingerprint() + "\n")
    log(f"{len(jars)} jars in {lib}.")


def write_conf(settings: Neo4jSettings) -> Path:
    """Write HOME/conf/neo4j.conf from the template and the settings."""
    home = home_dir(settings)
    text = Template((_TEMPLATES / "neo4j.conf").read_text(encoding="utf-8")).substitute(
        database=settings.database,
        bolt_port=settings.bolt_port,
        http_port=settings.http_port,
        heap=settings.heap,
        pagecache=settings.pagecache,
    )
    conf = home / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(text, encoding="utf-8")
    return conf


def _server_env(home: Path) -> dict[str, str]:
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


def _java_cmd(home: Path, main_class: str, *args: str) -> list[str]:
    return [_java(), "-cp", str(home / "lib" / "*"), main_class, *args]


def _system_db_exists(home: Path) -> bool:
    return (home / "data" / "databases" / "system").exists()


def _set_initial_password(settings: Neo4jSettings, password: str, log: Log) -> None:
    home = home_dir(settings)
    if _system_db_exists(home):
        # The password only takes effect before the first start; later it lives in the system database.
        return
    result = subprocess.run(
        _java_cmd(home, ADMIN_CLASS, "dbms", "set-initial-password", password),
        env=_server_env(home), cwd=home, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise Neo4jServerError(
            "neo4j-admin dbms set-initial-password failed "
            f"(exit {result.returncode}): {(result.stderr or result.stdout).strip()}"
        )
    log("Initial password set (it takes effect at the first start).")


def install(
    settings: Neo4jSettings, *, maven_args: Sequence[str] = (), force: bool = False, log: Log = _quiet
) -> Path | None:
    """Assemble Neo4j into NEO4J_HOME, write its conf and set its password.

    Idempotent: jars are fetched only when missing or of another version.
    Returns the home, or None when NEO4J_URI points at an existing server.
    """
    if not settings.managed:
        log(f"NEO4J_URI is set ({settings.uri}): using that server; nothing to install.")
        return None
    home = home_dir(settings)
    for sub in _SUBDIRS:
        (home / sub).mkdir(parents=True, exist_ok=True)
    if force or not is_installed(settings):
        if _running_pid(home) is not None:
            raise Neo4jServerError(f"The server in {home} is running: stop it before reinstalling its jars.")
        _copy_jars(home, maven_args, log)
    else:
        log(f"Neo4j {NEO4J_VERSION} already installed in {home}.")
    conf = write_conf(settings)
    log(f"Wrote {conf}.")
    password = _ensure_password(settings, log)
    _set_initial_password(settings, password, log)
    return home


# --- processes ----------------------------------------------------------------


def _pid_file(home: Path) -> Path:
    return home / "run" / "neo4j.pid"  # written by the launcher's `start`


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _is_our_server(pid: int, home: Path) -> bool:
    """True when `pid` is alive and is the Neo4j server JVM of this home (pids get reused)."""
    cmd = _cmdline(pid)
    if not cmd:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (not Linux): trust the pid file
    return ENTRY_POINT_CLASS in cmd and str(home) in cmd


def _running_pid(home: Path) -> int | None:
    try:
        pid = int(_pid_file(home).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    return pid if _is_our_server(pid, home) else None


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _bolt_answers(settings: Neo4jSettings) -> bool:
    import neo4j

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
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, OSError):
        return False
    finally:
        driver.close()


def _log_tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return f"({path} does not exist)"


def start(settings: Neo4jSettings, *, log: Log = _quiet) -> ServerStatus:
    """Start the local server in the background and wait until Bolt answers.

    Harmless when our server is already running. Installs first when needed.
    """
    if not settings.managed:
        log(f"NEO4J_URI is set ({settings.uri}): using that server; nothing to start.")
        return status(settings)
    home = home_dir(settings)
    pid = _running_pid(home)
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
    _pid_file(home).unlink(missing_ok=True)
    began = time.monotonic()
    launcher_log = home / "logs" / "launcher.log"
    with open(launcher_log, "w", encoding="utf-8") as out:
        # `start` forks the server JVM (its output goes to logs/neo4j.log), writes
        # run/neo4j.pid and returns; our own wait for Bolt follows.
        try:
            result = subprocess.run(
                _java_cmd(home, LAUNCHER_CLASS, "start"),
                env=_server_env(home), cwd=home, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, timeout=settings.start_timeout_s,
            )  # fmt: skip
        except subprocess.TimeoutExpired as e:
            raise Neo4jServerError(
                f"The Neo4j launcher did not return within {settings.start_timeout_s:.0f}s "
                "(NEO4J_START_TIMEOUT_S); on a busy machine raise it and run "
                f"`geokg neo4j start` again.\n{launcher_log}:\n{_log_tail(launcher_log)}"
            ) from e
    pid = _running_pid(home)
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
        if not _is_our_server(pid, home):
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


def stop(settings: Neo4jSettings, *, timeout_s: float = 120.0, log: Log = _quiet) -> bool:
    """Stop the local server with SIGTERM (a clean shutdown) and wait for it to exit.

    Returns True when a server was stopped, False when none was running.
    """
    if not settings.managed:
        log(f"NEO4J_URI is set ({settings.uri}): that server is not ours to stop.")
        return False
    home = home_dir(settings)
    pid = _running_pid(home)
    if pid is None:
        log(f"Neo4j is not running from {home}.")
        _pid_file(home).unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while _is_our_server(pid, home):
        if time.monotonic() > deadline:
            # Last resort; Neo4j recovers from its transaction log at the next start.
            log(f"Neo4j (pid {pid}) did not stop within {timeout_s:.0f}s; killing it.")
            os.kill(pid, signal.SIGKILL)
            time.sleep(1)
            break
        time.sleep(0.3)
    _pid_file(home).unlink(missing_ok=True)
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
    pid = _running_pid(home)
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


# --- neo4j-admin ----------------------------------------------------------------


def run_admin(
    settings: Neo4jSettings, args: Sequence[str], *, heap: str = "1g", log_path: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run neo4j-admin (the tarball's admin launcher class, from the same jars)
    with `args`, e.g. ("database", "import", "full", ...). Output goes to
    `log_path` when given, else is captured. The caller checks the exit code."""
    home = home_dir(settings)
    if not is_installed(settings):
        raise Neo4jServerError(f"Neo4j is not installed in {home}: run `geokg neo4j install`.")
    command = [_java(), f"-Xmx{heap}", "-cp", str(home / "lib" / "*"), ADMIN_CLASS, *args]
    if log_path is None:
        return subprocess.run(command, env=_server_env(home), cwd=home, capture_output=True, text=True)
    with open(log_path, "w", encoding="utf-8") as out:
        return subprocess.run(command, env=_server_env(home), cwd=home, stdout=out, stderr=subprocess.STDOUT, text=True)
