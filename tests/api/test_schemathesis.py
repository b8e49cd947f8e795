"""Property-based requests generated from the OpenAPI schema (schemathesis):
whatever the parameters and bodies, the API never answers with a 5xx.

Bounded: a fixed number of examples per operation, derandomised so a failure
reproduces. Runs against the real Neo4j holding the test graph; the Cypher
endpoint gets the key so the guard itself is exercised; POST /v1/articles
runs without a configured key (403 before any ingest), so nothing is loaded."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from api.app import create_app
from api.settings import ApiSettings
from graph.settings import Neo4jSettings

pytestmark = pytest.mark.neo4j

KEY = "schemathesis-key-0123456789"


# Building the app connects to nothing; its lifespan (the driver) starts with
# the first request schemathesis sends.
APP = create_app(ApiSettings(_env_file=None, key=KEY, max_body_bytes=20_000), Neo4jSettings())
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors(loaded_graph: str, case: Any) -> None:
    headers = {"X-API-Key": KEY} if case.path == "/v1/cypher" else {}
    case.call_and_validate(headers=headers, checks=[not_a_server_error])
