"""A researcher's read-only Cypher, run so that it cannot hurt anyone.

In order: the text checks (graph.cypher.guard); Neo4j's EXPLAIN, in a READ
transaction, whose plan must be a plain read of the configured database
(graph.cypher.plan_guard); then the statement itself in a READ transaction
(the server refuses writes in it) with a server-side timeout, under the
server's per-transaction memory limit (db.memory.transaction.max), reading
at most `row_cap` rows and converting them to JSON-ready values with a byte
budget for the whole response and for any one value, counted while
converting, so a fat row stops the conversion instead of being built first.

Explicit transactions, not the driver's managed ones: those retry transient
errors, and a query that ran out of memory would just run out again.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import READ_ACCESS, AsyncDriver

from graph.cypher.guard import check_read_query_text
from graph.cypher.plan_guard import check_read_plan
from graph.driver_errors import NARROW_HINT, translate_errors
from graph.errors import InvalidQuery, QueryTimedOut
from graph.views import CypherResult

# Records the driver buffers per fetch: small, so rows past a cap are mostly
# never pulled from the server (the driver's default is 1000).
FETCH_SIZE = 50


@dataclass(frozen=True, slots=True)
class CypherLimits:
    timeout_s: float = 10.0
    row_cap: int = 1000
    response_bytes: int = 8_000_000  # the JSON of all rows together
    value_bytes: int = 1_000_000  # the JSON of any one value (a cell)


class _OverBudget(Exception):
    """Raised inside the conversion when a value's JSON passes its budget."""


class _Budget:
    """Bytes left for the value being converted."""

    __slots__ = ("left",)

    def __init__(self, left: int) -> None:
        self.left = left

    def spend(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise _OverBudget


def _json_len(scalar: Any) -> int:
    # The bytes Starlette's JSONResponse writes for it (UTF-8, no ASCII escaping).
    return len(json.dumps(scalar, ensure_ascii=False).encode("utf-8"))


def to_json(value: Any, budget: _Budget) -> Any:
    """Any value a Cypher result can hold as JSON-ready data (nodes,
    relationships and paths as dicts, temporals as ISO strings, bytes as
    base64, non-finite floats as None), spending the bytes of its JSON from
    `budget` as it goes: _OverBudget as soon as it is spent."""
    if value is None or isinstance(value, bool):
        budget.spend(5)
        return value
    if isinstance(value, int):
        budget.spend(len(str(value)))
        return value
    if isinstance(value, float):
        budget.spend(24)
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        # Check the length first: UTF-8 needs at least a byte per character,
        # so a string longer than the budget is never encoded.
        budget.spend(len(value))
        budget.spend(_json_len(value) - len(value))
        return value
    if isinstance(value, neo4j.graph.Node):
        budget.spend(40 + len(value.element_id))
        return {
            "element_id": value.element_id,
            "labels": to_json(sorted(value.labels), budget),
            "properties": to_json(dict(value), budget),
        }
    if isinstance(value, neo4j.graph.Relationship):
        start = value.start_node.element_id if value.start_node else None
        end = value.end_node.element_id if value.end_node else None
        budget.spend(60 + len(value.element_id) + len(start or "") + len(end or "") + len(value.type))
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": start,
            "end": end,
            "properties": to_json(dict(value), budget),
        }
    if isinstance(value, neo4j.graph.Path):
        budget.spend(30)
        return {
            "nodes": [to_json(n, budget) for n in value.nodes],
            "relationships": [to_json(r, budget) for r in value.relationships],
        }
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return to_json(value.iso_format(), budget)
    if isinstance(value, (bytes, bytearray)):
        budget.spend(len(value) * 4 // 3)
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dict):
        budget.spend(2)
        out = {}
        for k, v in value.items():
            key = str(k)
            budget.spend(_json_len(key) + 2)
            out[key] = to_json(v, budget)
        return out
    if isinstance(value, (list, tuple)):
        budget.spend(2)
        items = []
        for v in value:
            budget.spend(1)
            items.append(to_json(v, budget))
        return items
    if isinstance(value, neo4j.spatial.Point):
        budget.spend(30)
        return {"srid": value.srid, "coordinates": to_json(list(value), budget)}
    return to_json(str(value), budget)


@dataclass(slots=True)
class RowConverter:
    """Rows in, JSON-ready rows out, until a cap says stop."""

    columns: list[str]
    limits: CypherLimits
    rows: list[list[Any]]
    used: int = 2  # the brackets of the rows list
    truncated_by: str | None = None
    reason: str | None = None

    def add(self, values: list[Any]) -> bool:
        """Convert and keep one row; False (and why) when a cap stops the result."""
        if len(self.rows) >= self.limits.row_cap:
            self._stop(
                "row_cap",
                f"the result has more than {self.limits.row_cap} rows (the row cap): add ORDER BY with "
                "SKIP/LIMIT to page through it, or aggregate",
            )
            return False
        row: list[Any] = []
        row_bytes = 3  # brackets and a comma
        for column, value in zip(self.columns, values):
            response_left = self.limits.response_bytes - self.used - row_bytes
            budget = _Budget(min(self.limits.value_bytes, response_left))
            try:
                row.append(to_json(value, budget))
            except _OverBudget:
                if self.limits.value_bytes <= response_left:
                    self._stop(
                        "value_bytes",
                        f"the value of column {column!r} in row {len(self.rows) + 1} is larger than "
                        f"{self.limits.value_bytes} bytes (the cap on one value): return a part of it "
                        "(a slice list[0..100], substring(), size(), a few properties instead of the node)",
                    )
                else:
                    self._stop(
                        "response_bytes",
                        f"the rows so far fill the {self.limits.response_bytes}-byte response cap: "
                        "return fewer or smaller columns, or page with ORDER BY ... SKIP/LIMIT",
                    )
                return False
            row_bytes += min(self.limits.value_bytes, response_left) - budget.left + 1
        self.used += row_bytes
        self.rows.append(row)
        return True

    def _stop(self, by: str, reason: str) -> None:
        self.truncated_by = by
        self.reason = reason

    def result(self) -> CypherResult:
        return CypherResult(
            columns=self.columns,
            rows=self.rows,
            row_count=len(self.rows),
            truncated=self.truncated_by is not None,
            truncated_by=self.truncated_by,
            truncated_reason=self.reason,
        )


async def run_user_cypher(
    driver: AsyncDriver,
    database: str,
    query: str,
    params: dict[str, Any] | None = None,
    limits: CypherLimits | None = None,
) -> CypherResult:
    """Run one researcher statement (see the module docstring). InvalidQuery
    when it is refused or Neo4j rejects it; QueryTimedOut / QueryOutOfMemory
    when it passes the time or memory limit."""
    text = check_read_query_text(query)
    params = dict(params or {})
    limits = limits or CypherLimits()
    try:
        return await _run(driver, database, text, params, limits)
    except QueryTimedOut as e:
        raise QueryTimedOut(f"the query ran longer than its {limits.timeout_s:g} s limit; {NARROW_HINT}") from e


async def _run(
    driver: AsyncDriver, database: str, text: str, params: dict[str, Any], limits: CypherLimits
) -> CypherResult:
    with translate_errors(InvalidQuery):
        async with driver.session(
            database=database, default_access_mode=READ_ACCESS, fetch_size=FETCH_SIZE
        ) as session:
            async with await session.begin_transaction(timeout=limits.timeout_s) as tx:
                plan = await tx.run("EXPLAIN " + text, params)
                summary = await plan.consume()
                check_read_plan(summary.plan, summary.query_type, database)
            async with await session.begin_transaction(timeout=limits.timeout_s) as tx:
                result = await tx.run(text, params)
                converter = RowConverter(columns=list(result.keys()), limits=limits, rows=[])
                async for record in result:
                    if not converter.add(list(record.values())):
                        break
                # Not consumed: leaving the block rolls the transaction back,
                # which discards the rows past the cap on the server.
                return converter.result()
