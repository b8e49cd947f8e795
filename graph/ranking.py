"""Keeping each entity's ranked fact edges (graph.cypher.ranking) up to date.

Every writer of fact edges calls `refresh_rankings` in its own transaction,
after its edges are written, with the entities at either end of every edge it
wrote or deleted; `refresh_all` ranks a whole graph (a graph built before
rankings existed, or by a bulk import that wrote no lists).
"""

from __future__ import annotations

from collections.abc import Iterable

from neo4j import Driver, ManagedTransaction

from graph.cypher import ranking as cypher

# Entities re-ranked per statement / per transaction in a whole-graph refresh.
REFRESH_PAGE = 2000


def refresh_rankings(tx: ManagedTransaction, entity_ids: Iterable[str]) -> int:
    """Re-rank the fact edges of these entities; returns how many were found."""
    ids = sorted(set(entity_ids))
    if not ids:
        return 0
    record = tx.run(cypher.REFRESH_TOP_EDGES, ids=ids).single(strict=True)
    return int(record["nodes"])


def merge_rankings(tx: ManagedTransaction, keys: Iterable[tuple[str, str, str]]) -> int:
    """Re-rank the entities at either end of these recomputed fact keys
    (type, a, b in stored direction) after a batch that ONLY ADDED evidence
    (new articles, nothing deleted or re-ingested): the lists of an entity
    with more edges than a list keeps (a hub) are merged with its changed
    edges; every other entity is ranked in full, which reads at most about a
    list's worth of edges and is cheaper than seeking them one by one.
    Returns how many entities were re-ranked."""
    pairs = [{"type": t, "a": a, "b": b} for t, a, b in sorted(set(keys))]
    ids = sorted({e for p in pairs for e in (p["a"], p["b"])})
    if not ids:
        return 0
    hubs: list[str] = []
    listed: list[str] = []
    others: list[str] = []
    for record in tx.run(cypher.TOUCHED_LISTS, ids=ids):
        if record["full"]:
            hubs.append(record["id"])
            listed.extend(record["listed"])
        else:
            others.append(record["id"])
    done = refresh_rankings(tx, others)
    if hubs:
        hub_set = set(hubs)
        changed = [p for p in pairs if p["a"] in hub_set or p["b"] in hub_set]
        record = tx.run(cypher.MERGE_TOP_EDGES, listed=listed, pairs=changed, ids=hubs).single(strict=True)
        done += int(record["nodes"])
    return done


def _entity_ids(tx: ManagedTransaction, after: str, page: int) -> list[str]:
    return [r["id"] for r in tx.run(cypher.ENTITY_IDS_PAGE, after=after, page=page)]


def refresh_all(driver: Driver, database: str = "neo4j", page: int = REFRESH_PAGE) -> int:
    """Re-rank every entity, `page` entities per transaction; returns the count."""
    done, after = 0, ""
    with driver.session(database=database) as session:
        while True:
            ids = session.execute_read(_entity_ids, after, page)
            if not ids:
                return done
            done += session.execute_write(refresh_rankings, ids)
            after = ids[-1]
