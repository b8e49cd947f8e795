"""docker-compose.yml and the Dockerfile agree with the project (no Docker engine
here, so this checks the files themselves)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from graph.server.install import NEO4J_VERSION

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _published(service: dict[str, Any]) -> set[int]:
    return {int(str(p).rsplit(":", 1)[-1]) for p in service["ports"]}


def test_neo4j_image_is_the_pinned_version() -> None:
    neo4j = _compose()["services"]["neo4j"]
    assert neo4j["image"] == f"neo4j:{NEO4J_VERSION}-community"


def test_neo4j_has_data_volume_auth_and_healthcheck() -> None:
    compose = _compose()
    neo4j = compose["services"]["neo4j"]
    volume, target = neo4j["volumes"][0].split(":")
    assert target == "/data" and volume in compose["volumes"]
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD")
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert _published(neo4j) == {7474, 7687}


def test_api_waits_for_healthy_neo4j_and_reaches_it_by_service_name() -> None:
    api = _compose()["services"]["api"]
    assert api["build"] == "."
    assert api["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert _published(api) == {8000}


def test_dockerfile_installs_the_project_and_serves_on_all_interfaces() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()]
    assert "FROM python:3.11-slim" in lines
    assert any(line.startswith("RUN pip install .") for line in lines)
    assert 'CMD ["geokg", "serve", "--host", "0.0.0.0", "--port", "8000"]' in lines


def test_watcher_reaches_neo4j_keeps_its_state_in_a_volume_and_runs_geokg_watch() -> None:
    compose = _compose()
    watcher = compose["services"]["watcher"]
    assert watcher["build"] == "."
    assert watcher["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert watcher["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    volume, target = watcher["volumes"][0].split(":")
    assert volume in compose["volumes"]
    assert watcher["environment"]["GEOKG_WATCH_STATE"].startswith(target + "/")
    assert "exec geokg watch --every" in " ".join(watcher["command"])
    assert "ports" not in watcher  # it serves nothing
