"""The local server's files (conf, pom, password) without starting anything."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from graph.server import install, password, process
from graph.server.home import home_dir, restrict_to_owner
from graph.errors import Neo4jServerError
from graph.settings import Neo4jSettings


@pytest.fixture(autouse=True)
def _no_neo4j_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pass every setting explicitly; the caller's NEO4J_* must not leak in."""
    for name in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)


def _settings(home: Path, **overrides: object) -> Neo4jSettings:
    return Neo4jSettings(_env_file=None, home=home, **overrides)  # type: ignore[call-arg]


def _conf_lines(path: Path) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values.setdefault(key, []).append(value)
    return values


def test_conf_binds_loopback_with_the_configured_ports_and_memory(tmp_path: Path) -> None:
    s = _settings(tmp_path, bolt_port=7701, http_port=7702, heap="512m", pagecache="256m")
    conf = _conf_lines(install.write_conf(s))
    assert conf["server.default_listen_address"] == ["127.0.0.1"]
    assert conf["server.bolt.listen_address"] == ["127.0.0.1:7701"]
    assert conf["server.http.listen_address"] == ["127.0.0.1:7702"]
    assert conf["server.https.enabled"] == ["false"]
    assert conf["dbms.usage_report.enabled"] == ["false"]
    assert conf["server.memory.heap.max_size"] == ["512m"]
    assert conf["server.memory.pagecache.size"] == ["256m"]
    jvm = conf["server.jvm.additional"]
    assert "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED" in jvm
    assert "-XX:+AlwaysPreTouch" not in jvm


def test_conf_turns_off_load_csv_sources_and_caps_transaction_memory(tmp_path: Path) -> None:
    conf = _conf_lines(install.write_conf(_settings(tmp_path, transaction_memory="128m")))
    assert conf["dbms.security.allow_csv_import_from_file_urls"] == ["false"]
    assert conf["internal.dbms.cypher_ip_blocklist"] == ["0.0.0.0/0,::/0"]
    assert conf["db.memory.transaction.max"] == ["128m"]


def test_restrict_to_owner_takes_group_and_other_bits_off_everything(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "data" / "dbms").mkdir(parents=True)
    auth = home / "data" / "dbms" / "auth.ini"
    auth.write_text("neo4j:SHA-256,...\n")
    auth.chmod(0o644)
    (home / "data").chmod(0o755)
    script = home / "run.sh"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o775)
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    outside.chmod(0o644)
    (home / "link").symlink_to(outside)
    restrict_to_owner(home)
    assert stat.S_IMODE(auth.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "data").stat().st_mode) == 0o700
    assert stat.S_IMODE(script.stat().st_mode) == 0o700  # owner bits kept
    assert stat.S_IMODE(home.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644  # a symlink's target outside HOME is not touched


def test_pom_pins_the_server_and_browser_versions(tmp_path: Path) -> None:
    pom = install.write_pom(tmp_path).read_text()
    assert f"<version>{install.NEO4J_VERSION}</version>" in pom
    assert f"<version>{install.NEO4J_BROWSER_VERSION}</version>" in pom
    assert "<packaging>pom</packaging>" in pom
    assert "$" not in pom


def test_generated_password_is_private_and_stable(tmp_path: Path) -> None:
    s = _settings(tmp_path)
    first = password.ensure_password(s, log=lambda _: None)
    path = password.password_file(s)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) >= password.MIN_PASSWORD_LENGTH
    assert password.ensure_password(s, log=lambda _: None) == first
    assert password.read_password(s) == first


def test_password_from_settings_wins_and_is_not_written(tmp_path: Path) -> None:
    s = _settings(tmp_path, password="a-long-enough-password")
    assert password.ensure_password(s, log=lambda _: None) == "a-long-enough-password"
    assert password.read_password(s) == "a-long-enough-password"
    assert not password.password_file(s).exists()


def test_short_password_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Neo4jServerError, match="at least 8"):
        password.ensure_password(_settings(tmp_path, password="short"), log=lambda _: None)


def test_generated_passwords_never_look_like_options(tmp_path: Path) -> None:
    # neo4j-admin set-initial-password reads a leading '-' as an option.
    for n in range(200):
        s = _settings(tmp_path / str(n))
        home_dir(s).mkdir(parents=True, exist_ok=True)
        generated = password.ensure_password(s, log=lambda _: None)
        assert generated.isalnum(), generated


def test_password_starting_with_a_dash_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Neo4jServerError, match="starts with '-'"):
        password.ensure_password(_settings(tmp_path, password="-long-enough-password"), log=lambda _: None)


def test_missing_password_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(Neo4jServerError, match="geokg neo4j install"):
        password.read_password(_settings(tmp_path))


def test_nothing_is_installed_or_started_for_an_external_server(tmp_path: Path) -> None:
    s = _settings(tmp_path / "home", uri="bolt://db.example:7687")
    messages: list[str] = []
    assert install.install(s, log=messages.append) is None
    assert process.stop(s, log=messages.append) is False
    assert not (tmp_path / "home").exists()
    assert all("NEO4J_URI is set" in m for m in messages)
    assert process.status(s).managed is False


def test_status_of_an_empty_home(tmp_path: Path) -> None:
    st = process.status(_settings(tmp_path))
    assert (st.installed, st.running, st.bolt_answers) == (False, False, False)
    assert "geokg neo4j install" in st.message
