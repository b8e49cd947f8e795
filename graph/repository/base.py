"""The repository's plumbing: READ-mode sessions with a short retry time,
driver values as plain Python, the edge filter, and the row -> view helpers
every resource module shares."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import neo4j
from neo4j import READ_ACCESS, AsyncDriver, AsyncManagedTransaction, AsyncSession

from graph.cypher import read as q
from graph.driver_errors import translate_errors
from graph.errors import NotFound
from graph.ontology import (
    DEFAULT_FACT_MODALITIES,
    RELATION_TYPES,
    EntityKind,
    Modality,
    is_fact,
)
from graph.views import (
    ArticleSummary,
    ClaimView,
    Edge,
    EntitySummary,
)

Direction = Literal["out", "in", "both"]

Interval = Literal["week", "month"]

KIND_LABELS: list[str] = [k.value for k in EntityKind]
MAX_DEPTH = 3
# Neighbourhood caps. A hop follows at most `fanout` edges per frontier node
# (its strongest) and expands at most `frontier` nodes (those reached by the
# strongest edges), so the work and the response of a hop are bounded by
# frontier x fanout whatever the degree of the hubs on the way (a news graph's
# top country has thousands of fact edges). Depth 1 keeps its old meaning: the
# centre's `limit` strongest edges. Deeper requests default to a small fanout,
# so the node budget reaches the second hop instead of being spent on the
# centre's own neighbours.
DEFAULT_FANOUT = 10
DEFAULT_FRONTIER = 20
MAX_FANOUT = 500
MAX_FRONTIER = 200
# Rows one hop may return at most (a backstop: frontier x fanout is smaller
# with the defaults).
HOP_ROWS_MAX = 5000
EVIDENCE_MAX_CLAIMS = 1000

# Lucene query syntax characters, escaped with a backslash in search terms.
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def lucene_query(text: str, *, fuzzy: bool = True) -> str | None:
    """A Lucene query matching every word of `text` by prefix (`word*`) or,
    when `fuzzy`, also by spelling (`word~`); None when `text` has no word.
    Terms are lower-cased (the index's analyser lower-cases too), so AND/OR/NOT
    typed by a user stay words, and every syntax character is escaped."""
    clauses = []
    for raw in text.split():
        term = _LUCENE_SPECIAL.sub(r"\\\1", raw.lower())
        if not any(ch.isalnum() for ch in raw):
            continue
        alternatives = [f"{term}^3", f"{term}*"]
        if fuzzy and len(raw) >= 4:
            # Edit distance 1 for short words, 2 for longer: "Iran~2" would match "Iraq".
            alternatives.append(f"{term}~{1 if len(raw) < 7 else 2}")
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses) if clauses else None


def default_sign(rtype: str) -> float:
    """The ontology's sign of a claim type; 0 for a type the vocabulary no longer has."""
    known = RELATION_TYPES.get(rtype)
    return known.sign if known is not None else 0.0


def edge_id(edge_type: str, source: str, target: str, origin: str) -> str:
    suffix = "#reference" if origin == "reference" else ""
    return f"{source}-{edge_type}->{target}{suffix}"


def native(value: Any) -> Any:
    """Driver values as plain Python: neo4j temporal types to datetime's."""
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time)):
        return value.to_native()
    if isinstance(value, neo4j.time.Duration):
        return value.iso_format()
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [native(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class EdgeFilter:
    """Which fact edges a neighbourhood or relations query keeps. Reference
    (backbone) edges have no counts or dates: they are kept or dropped as a
    whole by `include_reference`."""

    since: date | None = None  # last seen on or after
    until: date | None = None  # first seen on or before
    min_confidence: float | None = None
    min_articles: int | None = None
    include_reference: bool = True

    @property
    def active(self) -> bool:
        """Whether the filter drops anything at all (the queries leave it out otherwise)."""
        return (
            any(v is not None for v in (self.since, self.until, self.min_confidence, self.min_articles))
            or not self.include_reference
        )

    def params(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "until": self.until,
            "min_confidence": self.min_confidence,
            "min_articles": self.min_articles,
            "include_reference": self.include_reference,
            "symmetric": q.SYMMETRIC_TYPES,
        }



class RepositoryBase:
    """Sessions, rows and the row -> view helpers (the resource mixins build on these)."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str = "neo4j",
        *,
        fact_modalities: Iterable[Modality] = DEFAULT_FACT_MODALITIES,
        retry_s: float = 2.0,
    ) -> None:
        self._driver = driver
        # How long a managed transaction keeps retrying a lost connection. The
        # driver's 30 s default would hold an HTTP request that long while
        # Neo4j is down; an API should answer 503 at once and let clients retry.
        self._retry_s = retry_s
        self._database = database
        self._fact_modalities = frozenset(Modality(m) for m in fact_modalities)

    # --- plumbing -------------------------------------------------------------------

    def _session(self) -> AsyncSession:
        """A READ-mode session with this repository's retry time."""
        return self._driver.session(
            database=self._database,
            default_access_mode=READ_ACCESS,
            max_transaction_retry_time=self._retry_s,
            # The server warns about labels and types the data has not used
            # yet (the queries name the whole vocabulary): not news.
            notifications_min_severity="OFF",
        )

    async def _read_tx(self, work: Callable[[AsyncManagedTransaction], Any]) -> Any:
        with translate_errors():
            async with self._session() as session:
                return await session.execute_read(work)

    async def _rows(self, query: str, **params: Any) -> list[dict[str, Any]]:
        async def work(tx: AsyncManagedTransaction) -> list[dict[str, Any]]:
            result = await tx.run(query, params)
            return [native(record.data()) for record in [r async for r in result]]

        return await self._read_tx(work)

    async def read_rows(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Rows of a read query from graph.cypher (never request text), for
        read modules that keep their own models (graph.changes)."""
        return await self._rows(query, **params)

    async def _page(self, query: str, limit: int, offset: int, **params: Any) -> tuple[int, list[Any]]:
        rows = await self._rows(query, limit=limit, offset=offset, **params)
        if not rows:
            return 0, []
        return rows[0]["total"], rows[0]["items"]

    async def _entities(self, ids: Sequence[str]) -> dict[str, EntitySummary]:
        rows = await self._rows(q.GET_ENTITIES, ids=list(ids), kinds=KIND_LABELS)
        return {r["entity"]["id"]: EntitySummary(**r["entity"]) for r in rows}

    async def _require_entities(self, *ids: str) -> dict[str, EntitySummary]:
        found = await self._entities(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"no entity with id {', '.join(map(repr, missing))}")
        return found

    @staticmethod
    def _edge(row: dict[str, Any]) -> Edge:
        rtype = RELATION_TYPES.get(row["type"])
        return Edge(
            id=edge_id(row["type"], row["source"], row["target"], row["origin"]),
            symmetric=bool(rtype and rtype.symmetric),
            **row,
        )

    def _claim(self, row: dict[str, Any], article: dict[str, Any] | None = None) -> ClaimView:
        return ClaimView(
            **row,
            is_fact=is_fact(row.get("polarity"), row.get("modality"), self._fact_modalities),
            article=ArticleSummary(**article) if article else None,
        )

