"""Assemble the local server in NEO4J_HOME: the pinned versions, the jars from
Maven Central (through the pom template beside this file), neo4j.conf from its
template and the settings, and the initial password."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from string import Template

from graph.errors import Neo4jServerError
from graph.server.home import SUBDIRS, Log, home_dir, quiet, restrict_to_owner
from graph.server.jvm import ADMIN_CLASS, java_cmd, require_tool, running_pid, server_env
from graph.server.password import ensure_password
from graph.settings import Neo4jSettings

# The one place the Neo4j version is pinned (docker-compose.yml must name the same;
# tests/unit/test_compose.py checks it). Newest 5.26 LTS patch on Maven Central.
NEO4J_VERSION = "5.26.30"
# Neo4j Browser is released separately; 5.24.0 is the newest on Maven Central.
NEO4J_BROWSER_VERSION = "5.24.0"
# Pinned so an offline (`mvn -o`) install finds the same plugin in ~/.m2.
MAVEN_DEPENDENCY_PLUGIN_VERSION = "3.8.1"

_TEMPLATES = Path(__file__).parent  # pom.xml and neo4j.conf
_VERSION_MARKER = ".geokg-neo4j-version"  # in lib/: which versions the jars are


def is_installed(settings: Neo4jSettings) -> bool:
    marker = home_dir(settings) / "lib" / _VERSION_MARKER
    return marker.is_file() and marker.read_text().strip() == _lib_fingerprint()


def _lib_fingerprint() -> str:
    return f"neo4j={NEO4J_VERSION} browser={NEO4J_BROWSER_VERSION}"


def write_pom(home: Path) -> Path:
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
    mvn = require_tool("mvn", "install Maven 3 (it fetches the Neo4j jars from Maven Central).")
    pom = write_pom(home)
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
        transaction_memory=settings.transaction_memory,
    )
    conf = home / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(text, encoding="utf-8")
    return conf


def _system_db_exists(home: Path) -> bool:
    return (home / "data" / "databases" / "system").exists()


def _set_initial_password(settings: Neo4jSettings, password: str, log: Log) -> None:
    home = home_dir(settings)
    if _system_db_exists(home):
        # The password only takes effect before the first start; later it lives in the system database.
        return
    result = subprocess.run(
        java_cmd(home, ADMIN_CLASS, "dbms", "set-initial-password", password),
        env=server_env(home), cwd=home, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise Neo4jServerError(
            "neo4j-admin dbms set-initial-password failed "
            f"(exit {result.returncode}): {(result.stderr or result.stdout).strip()}"
        )
    log("Initial password set (it takes effect at the first start).")


def install(
    settings: Neo4jSettings, *, maven_args: Sequence[str] = (), force: bool = False, log: Log = quiet
) -> Path | None:
    """Assemble Neo4j into NEO4J_HOME, write its conf and set its password.

    Idempotent: jars are fetched only when missing or of another version.
    Returns the home, or None when NEO4J_URI points at an existing server.
    """
    if not settings.managed:
        log(f"NEO4J_URI is set ({settings.uri}): using that server; nothing to install.")
        return None
    home = home_dir(settings)
    for sub in SUBDIRS:
        (home / sub).mkdir(parents=True, exist_ok=True)
    if force or not is_installed(settings):
        if running_pid(home) is not None:
            raise Neo4jServerError(f"The server in {home} is running: stop it before reinstalling its jars.")
        _copy_jars(home, maven_args, log)
    else:
        log(f"Neo4j {NEO4J_VERSION} already installed in {home}.")
    conf = write_conf(settings)
    log(f"Wrote {conf}.")
    password = ensure_password(settings, log)
    _set_initial_password(settings, password, log)
    restrict_to_owner(home)
    return home
