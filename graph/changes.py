"""What changed since a time, contested claims, and the watched sources' status,
as typed views; one set of functions for the API (async driver) and the CLI
(sync driver). The Cypher is in graph.cypher.changes.

Why the watcher's status lives in the graph (as `(:WatchedSource)` nodes)
rather than only in its state file: the API and the watcher are separate
processes, in docker-compose separate containers, and the database is the one
thing both already reach; the state file stays the watcher's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, Literal

import neo4j
from neo4j import Driver
from pydantic import BaseModel, ConfigDict

from graph.cypher import changes as q
from graph.ontology import DEFAULT_FACT_MODALITIES, RELATION_TYPES, Modality, Tier

SYMMETRIC_TYPES = [name for name, t in RELATION_TYPES.items() if t.symmetric]
EVENT_TYPES = [name for name, t in RELATION_TYPES.items() if t.tier == Tier.EVENT]
MAX_ROWS = 1000
DATE_WINDOW_DAYS = 7  # date conflicts: articles published at most this far apart


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class EntityRef(_View):
    id: str
    name: str | None = None
    kind: str | None = None


class ArticleRef(_View):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None


class ClaimRef(_View):
    id: str
    type: str
    subject_id: str
    object_id: str
    sentence: str | None = None
    polarity: str | None = None
    modality: str | None = None
    event_date: date | None = None
    confidence: float | None = None
    attributed_to: str | None = None
    created_at: datetime | None = None


class ChangedEdge(_View):
    change: Literal["new", "changed"]
    type: str
    subject: EntityRef
    object: EntityRef
    claims: int | None = None
    articles: int | None = None
    outlets: int | None = None
    first_seen: date | None = None
    last_seen: date | None = None
    confidence: float | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    evidence: ClaimRef | None = None  # the newest fact claim behind the edge
    article: ArticleRef | None = None


class NewEntity(_View):
    entity: EntityRef
    created_at: datetime | None = None
    article: ArticleRef | None = None  # the newest article that mentions it


class Changes(_View):
    since: datetime
    edges: list[ChangedEdge]
    entities: list[NewEntity]


class Side(_View):
    claim: ClaimRef
    article: ArticleRef
    attributed_to: EntityRef | None = None


class Contested(_View):
    kind: Literal["negated", "alleged", "dates"]
    type: str
    subject: EntityRef
    object: EntityRef
    latest: date | None = None  # the later of the two articles' dates
    claimed: Side  # the fact
    contested: Side  # the claim that denies it, calls it an allegation, or dates it otherwise


class WatchedSource(_View):
    source: str
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    failures: int = 0
    next_try: datetime | None = None
    reported_at: datetime | None = None


def _native(value: Any) -> Any:
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime)):
        return value.to_native()
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_native(v) for v in value]
    return value


def utc(moment: datetime | date) -> datetime:
    """A `since` as an aware datetime: a date is its midnight, naive is UTC."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    # As UTC: Neo4j refuses offsets beyond +-18:00, which ISO strings may carry.
    return moment.astimezone(UTC)


def _modalities(fact_modalities: Sequence[Modality] | None) -> list[str]:
    return sorted(Modality(m).value for m in (fact_modalities or DEFAULT_FACT_MODALITIES))


# --- queries and parameters (shared by both drivers) ------------------------------


def changes_queries(since: datetime | date, entity: str | None, types: list[str] | None, limit: int,
                    fact_modalities: Sequence[Modality] | None = None) -> list[tuple[str, dict[str, Any]]]:  # fmt: skip
    params = {"since": utc(since), "entity": entity, "limit": min(limit, MAX_ROWS),
              "modalities": _modalities(fact_modalities), "symmetric": SYMMETRIC_TYPES}  # fmt: skip
    return [(q.changed_edges_query(types), params), (q.NEW_ENTITIES, params)]


def build_changes(since: datetime | date, rows: list[list[dict[str, Any]]]) -> Changes:
    edge_rows, entity_rows = (_native(r) for r in rows)
    edges = [
        ChangedEdge(**{k: v for k, v in r.items() if k not in ("claim", "article")},
                    evidence=ClaimRef(**r["claim"]) if r.get("claim") else None,
                    article=ArticleRef(**r["article"]) if r.get("article") else None)  # fmt: skip
        for r in edge_rows
    ]
    entities = [
        NewEntity(
            entity=EntityRef(**{k: v for k, v in r["entity"].items() if k != "created_at"}),
            created_at=r["entity"].get("created_at"),
            article=ArticleRef(**r["article"]) if r.get("article") else None,
        )
        for r in entity_rows
    ]
    return Changes(since=utc(since), edges=edges, entities=entities)


def contested_query(entity: str | None = None, pair: tuple[str, str] | None = None, type: str | None = None,
                    since: date | None = None, until: date | None = None, limit: int = 100,
                    fact_modalities: Sequence[Modality] | None = None) -> tuple[str, dict[str, Any]]:  # fmt: skip
    return q.CONTESTED, {
        "entity": entity,
        "pair_a": pair[0] if pair else None,
        "pair_b": pair[1] if pair else None,
        "type": type,
        "since": since,
        "until": until,
        "limit": min(limit, MAX_ROWS),
        "modalities": _modalities(fact_modalities),
        "symmetric": SYMMETRIC_TYPES,
        "event_types": EVENT_TYPES,
        "window_days": DATE_WINDOW_DAYS,
    }


def _side(side: dict[str, Any]) -> Side:
    return Side(
        claim=ClaimRef(**side["claim"]),
        article=ArticleRef(**side["article"]),
        attributed_to=EntityRef(**side["attributed_to"]) if side.get("attributed_to") else None,
    )


def build_contested(rows: list[dict[str, Any]]) -> list[Contested]:
    return [
        Contested(kind=r["kind"], type=r["type"], subject=EntityRef(**r["subject"]), object=EntityRef(**r["object"]),
                  latest=r.get("latest"), claimed=_side(r["claimed"]), contested=_side(r["contested"]))  # fmt: skip
        for r in (_native(row) for row in rows)
    ]


def build_sources(rows: list[dict[str, Any]]) -> list[WatchedSource]:
    return [WatchedSource(**_native(r["source"])) for r in rows]


# --- the synchronous side (CLI, watcher) -------------------------------------------


def _read(driver: Driver, database: str, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        query, params, database_=database, routing_=neo4j.RoutingControl.READ
    )
    return [r.data() for r in records]


def read_changes(driver: Driver, database: str, since: datetime | date, entity: str | None = None,
                 types: list[str] | None = None, limit: int = 200) -> Changes:  # fmt: skip
    rows = [_read(driver, database, query, p) for query, p in changes_queries(since, entity, types, limit)]
    return build_changes(since, rows)


def read_contested(driver: Driver, database: str, **filters: Any) -> list[Contested]:
    query, params = contested_query(**filters)
    return build_contested(_read(driver, database, query, params))


def write_watched_sources(driver: Driver, database: str, rows: list[dict[str, Any]]) -> None:
    """`rows`: source, last_success, last_error, last_error_at (aware datetimes or None), failures, next_try."""
    driver.execute_query(q.WRITE_WATCHED_SOURCES, {"rows": rows}, database_=database)


def read_watched_sources(driver: Driver, database: str) -> list[WatchedSource]:
    return build_sources(_read(driver, database, q.READ_WATCHED_SOURCES, {}))
