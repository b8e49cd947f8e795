"""POST /v1/cypher against the real server: refused by plan (with the text
checks bypassed too), the lexer facts the text checks rely on, byte caps,
memory and time limits, LOAD CSV turned off in the server, and a victim
transaction that survives a researcher's attempt to terminate it."""

from __future__ import annotations

import http.server
import json
import threading
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from graph.cypher.guard import LINE_COMMENT_ENDS, NEO4J_WHITESPACE
from graph.cypher.plan_guard import check_read_plan
from graph.errors import InvalidQuery

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

# Not plain reads, each in a spelling the text checks do not catch where one
# exists, so the plan has to. `{tx}` is a live transaction id.
NOT_READS = [
    "SHOW TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD *",
    "SHOW SETTINGS",
    "SHOW SETTINGS YIELD name, value WHERE name CONTAINS 'directories'",
    "SHOW PROCEDURES",
    "SHOW FUNCTIONS",
    "SHOW INDEXES",
    "SHOW CONSTRAINTS",
    "SHOW DATABASES",
    "SHOW USERS",
    "SHOW CURRENT USER",
    "TERMINATE TRANSACTIONS '{tx}'",
    "TERMINATE TRANSACTION $tx",
    "CYPHER runtime=slotted TERMINATE TRANSACTIONS '{tx}'",
    "USE neo4j TERMINATE TRANSACTIONS '{tx}'",
    "ALTER USER neo4j SET PASSWORD 'hacked-password-1'",
    "CREATE USER hacker SET PASSWORD 'hacker-password'",
    "STOP DATABASE neo4j",
    "LOAD CSV FROM 'http://127.0.0.1:7430/' AS l RETURN l",
    "CALL dbms.listConfig()",
    "CALL dbms.components()",
    "CALL db.createLabel('Hacked')",
    "CALL dbms.security.changePassword('hacked-password')",
    "CALL db.clearQueryCaches()",
    "CALL db.awaitIndexes(1)",
    "CALL db.ping()",
    "MATCH (n) CALL db.createProperty('hacked') RETURN n",
    "CREATE (x:Hacked)",
    "MATCH (e:Entity) SET e.hacked = true",
    "MERGE (x:Hacked {id: 1})",
    "MATCH (e:Entity) CALL (e) { SET e.hacked = 1 } IN TRANSACTIONS",
]


def explain(driver: Driver, database: str, query: str, params: dict[str, Any]) -> None:
    """Neo4j's EXPLAIN and the plan check alone, without the text checks."""
    with driver.session(database=database, default_access_mode="READ") as session:
        with session.begin_transaction() as tx:
            summary = tx.run("EXPLAIN " + query, params).consume()
            check_read_plan(summary.plan, summary.query_type, database)


@pytest.fixture
def key_header(api_key: str) -> dict[str, str]:
    return {"X-API-Key": api_key}


@pytest.fixture
def victim(neo4j_driver: Driver, loaded_graph: str) -> Iterator[tuple[Any, str]]:
    """An open write transaction of another connection, and its id (as SHOW TRANSACTIONS names it)."""
    session = neo4j_driver.session(database=loaded_graph)
    tx = session.begin_transaction(metadata={"app": "victim"})
    tx.run("CREATE (:Victim {at: 1})").consume()
    records, _, _ = neo4j_driver.execute_query(
        "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.app = 'victim' RETURN transactionId",
        database_=loaded_graph,
    )
    assert len(records) == 1
    yield tx, records[0]["transactionId"]
    if not tx.closed():
        tx.rollback()
    session.close()
    neo4j_driver.execute_query("MATCH (v:Victim) DELETE v", database_=loaded_graph)


@pytest.mark.parametrize("query", NOT_READS)
def test_the_plan_alone_refuses_what_is_not_a_plain_read(
    neo4j_driver: Driver, loaded_graph: str, query: str
) -> None:
    params = {"tx": "neo4j-transaction-1"}
    with pytest.raises((InvalidQuery, Neo4jError)):
        explain(neo4j_driver, loaded_graph, query.replace("{tx}", "neo4j-transaction-1"), params)


async def test_a_victim_transaction_survives_every_attempt_to_terminate_it(
    client: httpx.AsyncClient, key_header: dict[str, str], victim: tuple[Any, str], neo4j_driver: Driver,
    loaded_graph: str,
) -> None:
    tx, tx_id = victim
    attempts = [q.replace("{tx}", tx_id) for q in NOT_READS if "TERMINATE" in q] + [
        f"/* x */ TERMINATE TRANSACTIONS '{tx_id}'",
        f"TERMINATE\u2028TRANSACTIONS '{tx_id}'",
        f"\\u0054ERMINATE TRANSACTIONS '{tx_id}'",  # T as an escape: Neo4j decodes it before lexing
        f"CYPHER 5 TERMINATE TRANSACTIONS '{tx_id}'",
        f"SHOW TRANSACTIONS YIELD transactionId AS t WHERE t = '{tx_id}' TERMINATE TRANSACTIONS t",
    ]
    for query in attempts:
        r = await client.post("/v1/cypher", json={"query": query, "params": {"tx": tx_id}}, headers=key_header)
        assert r.status_code == 400, (query, r.status_code, r.text)
    tx.run("CREATE (:Victim {at: 2})").consume()
    tx.commit()
    records, _, _ = neo4j_driver.execute_query("MATCH (v:Victim) RETURN count(v) AS n", database_=loaded_graph)
    assert records[0]["n"] == 2


async def test_show_commands_do_not_leak_settings_or_other_queries(
    client: httpx.AsyncClient, key_header: dict[str, str]
) -> None:
    for query in ("SHOW SETTINGS", "SHOW TRANSACTIONS YIELD *", "\\u0053HOW SETTINGS", "CYPHER 5 SHOW SETTINGS"):
        r = await client.post("/v1/cypher", json={"query": query}, headers=key_header)
        assert r.status_code == 400, (query, r.text)
        assert "directories" not in r.text and "password" not in r.text.lower()


READS = [
    ("CALL db.index.fulltext.queryNodes('entity_names', 'azerbaijan') YIELD node RETURN node.id AS id", [["AZE"]]),
    ("CALL db.labels() YIELD label WHERE label = 'Country' RETURN label", [["Country"]]),
    ("CALL db.relationshipTypes() YIELD relationshipType AS t WHERE t = 'REJECTS' RETURN t", [["REJECTS"]]),
    ("CALL db.schema.visualization() YIELD nodes RETURN size(nodes) > 0", [[True]]),
    ("MATCH p = SHORTEST 1 (a:Entity {id: 'TUR'})-[:SUPPLIES_ARMS|REJECTS]-+(b:Entity {id: 'ISR'}) RETURN length(p)", [[2]]),
    ("MATCH (a:Entity {id: 'AZE'}) RETURN COUNT { (a)-[:FIGHTS]-() } AS n", [[1]]),
    ("MATCH (a:Country) WHERE NOT EXISTS { (a)-[:SUPPLIES_ARMS]->() } RETURN a.id ORDER BY a.id", [["ARM"], ["AZE"], ["IRN"]]),
    ("CYPHER runtime=slotted MATCH (a:Entity {id: 'ISR'}) RETURN a.name", [["Israel"]]),
    ("RETURN '\\u00B0' AS degree", [["\u00b0"]]),
]


@pytest.mark.parametrize(("query", "rows"), READS)
async def test_plain_reads_pass(client: httpx.AsyncClient, key_header: dict[str, str], query: str, rows: list[Any]) -> None:
    r = await client.post("/v1/cypher", json={"query": query}, headers=key_header)
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == rows


def test_the_text_checks_use_neo4js_own_whitespace_and_line_breaks(neo4j_driver: Driver, loaded_graph: str) -> None:
    """What the server takes for whitespace, and what ends a // comment, over every
    control, format, separator and space character of the BMP."""
    candidates = [
        chr(c) for c in range(0x10000)
        if not 0xD800 <= c <= 0xDFFF and (unicodedata.category(chr(c)) in ("Zs", "Zl", "Zp", "Cc", "Cf") or chr(c).isspace())
    ]
    whitespace, comment_ends = set(), set()
    with neo4j_driver.session(database=loaded_graph, default_access_mode="READ") as session:
        for ch in candidates:
            for query, found in ((f"RETURN{ch}1 AS a", whitespace), (f"RETURN 1 AS a //x{ch}, 2 AS b", comment_ends)):
                try:
                    keys = session.run("EXPLAIN " + query).keys()
                except Neo4jError:
                    continue
                if len(keys) == (1 if found is whitespace else 2):
                    found.add(ch)
    assert whitespace == set(NEO4J_WHITESPACE)
    assert comment_ends == set(LINE_COMMENT_ENDS)


async def test_every_line_break_and_escape_around_a_comment_is_refused_or_harmless(
    client: httpx.AsyncClient, key_header: dict[str, str], fingerprint: Callable[[], dict[str, Any]]
) -> None:
    before = fingerprint()
    tails = ["LOAD CSV FROM 'http://127.0.0.1:7430/' AS l RETURN l", "CREATE (:Hacked)"]
    breaks = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\\u000a", "\\u000d", "\\\\\\u000a"]
    for tail in tails:
        for br in breaks:
            query = f"MATCH (n) RETURN count(n) AS c //{br}{tail}"
            r = await client.post("/v1/cypher", json={"query": query}, headers=key_header)
            if r.status_code == 200:
                # Only when Neo4j, too, reads the tail as part of the comment.
                assert r.json()["columns"] == ["c"], (repr(br), r.text)
            else:
                assert r.status_code == 400, (repr(br), r.text)
    assert fingerprint() == before


async def test_byte_caps_stop_the_conversion_and_say_why(
    make_client: Callable[..., Any], loaded_graph: str, key_header: dict[str, str]
) -> None:
    async with make_client(cypher_value_bytes=10_000, cypher_response_bytes=50_000) as c:
        # One huge value: stopped at the value cap, fast, without converting 10 million items.
        r = await c.post("/v1/cypher", json={"query": "RETURN 1 AS one, range(1, 10000000) AS big"}, headers=key_header)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["truncated"] is True and body["truncated_by"] == "value_bytes" and body["rows"] == []
        assert "'big'" in body["truncated_reason"] and "10000 bytes" in body["truncated_reason"]
        # Many fat rows: stopped at the response cap; what comes back is under it.
        fat = "UNWIND range(1, 1000) AS i RETURN i, reduce(s = '', x IN range(1, 2000) | s + 'x') AS fat"
        r = await c.post("/v1/cypher", json={"query": fat}, headers=key_header)
        body = r.json()
        assert body["truncated_by"] == "response_bytes" and 0 < body["row_count"] < 1000
        assert len(json.dumps(body["rows"], ensure_ascii=False).encode()) <= 50_000
        assert "SKIP/LIMIT" in body["truncated_reason"]
        # Under every cap: not truncated.
        r = await c.post("/v1/cypher", json={"query": "UNWIND range(1, 5) AS i RETURN i"}, headers=key_header)
        body = r.json()
        assert body["truncated"] is False and body["truncated_by"] is None and body["row_count"] == 5


async def test_a_query_past_the_memory_limit_is_a_422_not_busy(
    client: httpx.AsyncClient, key_header: dict[str, str]
) -> None:
    greedy = "UNWIND range(1, 5000000) AS i WITH collect(toString(i) + 'padding-padding-padding') AS c RETURN size(c)"
    r = await client.post("/v1/cypher", json={"query": greedy}, headers=key_header)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "query_memory_limit"
    assert "memory" in error["message"] and "narrow the query" in error["message"]
    # The server is fine afterwards.
    r = await client.post("/v1/cypher", json={"query": "RETURN 1 AS one"}, headers=key_header)
    assert r.status_code == 200


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"a,b\n1,2\n")

    def log_message(self, *args: Any) -> None:
        return None


def test_the_server_itself_fetches_no_load_csv_source(neo4j_driver: Driver, loaded_graph: str) -> None:
    """Even for the admin user, bypassing the API: LOAD CSV reaches no URL and no file."""
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        for url in (f"http://127.0.0.1:{port}/a.csv", f"http://localhost:{port}/b.csv", "file:///etc/passwd"):
            with pytest.raises(Neo4jError) as caught:
                neo4j_driver.execute_query(f"LOAD CSV FROM '{url}' AS l RETURN l", database_=loaded_graph)
            assert "blocked" in str(caught.value) or "allow_csv_import_from_file_urls" in str(caught.value)
    finally:
        httpd.shutdown()
    assert _Recorder.hits == []
