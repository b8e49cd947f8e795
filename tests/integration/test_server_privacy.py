"""The generated conf turns Neo4j's usage report and Browser's product
analytics off, and the running server (started from that conf) says so to
Browser: `dbms.clientConfig()` is what Browser reads on connecting to decide
whether it shows the usage-collection banner and sends telemetry."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from graph.server.install import write_conf
from graph.settings import Neo4jSettings

pytestmark = pytest.mark.neo4j

PRIVACY_SETTINGS = {
    "dbms.usage_report.enabled": "false",
    "client.allow_telemetry": "false",
    "browser.remote_content_hostname_whitelist": "localhost",
}


def conf_values(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
    return {k.strip(): v.strip() for k, v in pairs}


def test_generated_conf_turns_telemetry_off(tmp_path: Path) -> None:
    settings = Neo4jSettings(_env_file=None, home=tmp_path, bolt_port=7999, http_port=7998)
    values = conf_values(write_conf(settings).read_text(encoding="utf-8"))
    assert {k: values.get(k) for k in PRIVACY_SETTINGS} == PRIVACY_SETTINGS


def test_running_server_tells_browser_telemetry_is_off(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> None:
    if not neo4j_settings.managed:
        pytest.fail("This test checks the local server's conf; unset NEO4J_URI to run it.")
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.clientConfig() YIELD name, value RETURN name, value", database_="system"
    )
    reported = {r["name"]: str(r["value"]).lower() for r in records}
    assert reported["client.allow_telemetry"] == "false"
    assert reported["browser.remote_content_hostname_whitelist"] == "localhost"
    records, _, _ = neo4j_driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name = 'dbms.usage_report.enabled' RETURN value", database_="system"
    )
    assert [r["value"].lower() for r in records] == ["false"]
