"""The API under a bounded load on loopback, over the graph in the database
(load one first with benchmarks/synth_graph.py), and its overhead against the
same Cypher sent through the driver directly.

Starts the API with uvicorn (`--workers`, default 1; the factory `geokg serve` runs) on
127.0.0.1, samples request targets from the graph (seeded): entities drawn half
from the 50 most connected and half uniformly from those with any fact edge;
evidence from existing fact edges; paths between sampled entity pairs. Then:

1. load: per endpoint, `--requests` requests from `--concurrency` closed-loop
   clients (a bounded load generator: at most that many requests in flight),
   after a warm-up; prints p50/p90/p99/max latency and requests/s;
2. overhead: per endpoint, `--overhead-requests` sequential pairs, each the
   HTTP request and then the same Cypher statements in one read transaction
   through the Python driver (graph.cypher.read, same parameters); prints the
   median of both and the median per-pair difference.

    python benchmarks/synth_graph.py --yes --claims 100000
    python benchmarks/bench_api_synth.py

Targets (issue 7): p99 < 50 ms for search and 1-hop, < 200 ms for capped 2-hop.
Neo4j comes from the NEO4J_* settings. Reads only.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import free_port, load_average, machine, maxrss_mb, median, percentile, start_api, stop, wait_healthy  # noqa: E402

import httpx  # noqa: E402
from neo4j import READ_ACCESS, Driver, ManagedTransaction  # noqa: E402

from graph.cypher import read as q  # noqa: E402
from graph.cypher import search as sq  # noqa: E402
from graph.driver import create_driver  # noqa: E402
from graph.repository import DEFAULT_FANOUT, DEFAULT_FRONTIER, HOP_ROWS_MAX, KIND_LABELS, lucene_query  # noqa: E402
from graph.settings import Neo4jSettings  # noqa: E402

LIMIT = 100  # neighbourhood node limit (the API default)
FILTERS = {"since": None, "until": None, "min_confidence": None, "min_articles": None,
           "include_reference": True, "symmetric": q.SYMMETRIC_TYPES}  # fmt: skip


def sample_targets(driver: Driver, database: str, n: int, seed: int) -> dict[str, list[Any]]:
    rng = random.Random(seed)
    with driver.session(database=database, default_access_mode=READ_ACCESS) as s:
        hubs = [r[0] for r in s.run(
            "MATCH (e:Entity)-[r]-(:Entity) WHERE r.source = 'article' "
            "RETURN e.id, count(r) AS d ORDER BY d DESC LIMIT 50")]  # fmt: skip
        connected = [r[0] for r in s.run(
            "MATCH (e:Entity) WHERE EXISTS { (e)-[r]-(:Entity) WHERE r.source = 'article' } RETURN e.id")]
        names = {r[0]: r[1] for r in s.run("MATCH (e:Entity) RETURN e.id, e.name")}
        edges = [(r[0], r[1], r[2]) for r in s.run(
            "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.source = 'article' "
            "WITH a, r, b LIMIT 200000 RETURN a.id, type(r), b.id")]  # fmt: skip
    if not connected:
        raise SystemExit("the graph has no fact edges: load one first (python benchmarks/synth_graph.py --yes)")
    entities = [rng.choice(hubs) if i % 2 == 0 else rng.choice(connected) for i in range(n)]
    # Search text: a prefix of an entity's name (what a search box sends).
    searches = []
    for eid in entities:
        name = names[eid]
        searches.append(name[: max(3, len(name) - rng.randint(0, 2))])
    return {
        "entities": entities,
        "searches": searches,
        "edges": [rng.choice(edges) for _ in range(n)],
        "pairs": [(rng.choice(entities), rng.choice(connected)) for _ in range(n)],
    }


# --- the endpoints: an HTTP request and the same Cypher through the driver -----------------


def http_request(name: str, i: int, t: dict[str, list[Any]]) -> tuple[str, dict[str, Any]]:
    if name == "search":
        return "/v1/entities", {"q": t["searches"][i], "limit": 20}
    if name in ("1-hop", "2-hop"):
        depth = 1 if name == "1-hop" else 2
        return f"/v1/entities/{t['entities'][i]}/neighborhood", {"depth": depth, "limit": LIMIT}
    if name == "evidence":
        s, rtype, o = t["edges"][i]
        return "/v1/relations/evidence", {"subject": s, "type": rtype, "object": o}
    if name == "paths":
        s, o = t["pairs"][i]
        return "/v1/paths", {"source": s, "target": o, "max_hops": 4}
    raise ValueError(name)


def _rows(tx: ManagedTransaction, query: str, **params: Any) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(query, params)]


def direct(name: str, i: int, t: dict[str, list[Any]]) -> Callable[[ManagedTransaction], Any]:
    """The statements the Repository runs for the request, as one read transaction."""
    if name == "search":
        prefix, fuzzy = lucene_query(t["searches"][i], fuzzy=False), lucene_query(t["searches"][i])

        def search(tx: ManagedTransaction) -> int:
            # Prefix first, spelling only when nothing matches (as the Repository does).
            for lucene in dict.fromkeys((prefix, fuzzy)):
                rows = _rows(tx, sq.SEARCH_ENTITIES, index="entity_names", lucene=lucene, kind_filter=None,
                             kinds=KIND_LABELS, exclude=[], cap=None, limit=20, offset=0)  # fmt: skip
                if rows and rows[0]["total"]:
                    return len(rows[0]["items"])
            return 0

        return search
    if name in ("1-hop", "2-hop"):
        depth = 1 if name == "1-hop" else 2
        centre = t["entities"][i]
        hop = q.neighbourhood_hop(None, "both", filtered=False)
        fanout = LIMIT if depth == 1 else DEFAULT_FANOUT

        def work(tx: ManagedTransaction) -> int:
            _rows(tx, q.GET_ENTITIES, ids=[centre], kinds=KIND_LABELS)
            seen, expand = {centre}, [centre]
            for _ in range(depth):
                rows = _rows(tx, hop, frontier=expand, fanout=fanout, cap=HOP_ROWS_MAX + 1, kinds=KIND_LABELS)
                reached = []
                for row in rows[:HOP_ROWS_MAX]:
                    x = row["node"]["id"]
                    if x not in seen and len(seen) < LIMIT:
                        seen.add(x)
                        reached.append(x)
                expand = reached[:DEFAULT_FRONTIER]
                if not expand:
                    break
            return len(seen)

        return work
    if name == "evidence":
        s, rtype, o = t["edges"][i]
        from graph.ontology import RELATION_TYPES

        def evidence(tx: ManagedTransaction) -> int:
            _rows(tx, q.GET_ENTITIES, ids=[s, o], kinds=KIND_LABELS)
            claims = _rows(tx, q.EVIDENCE, subject=s, object=o, type=rtype,
                           is_symmetric=RELATION_TYPES[rtype].symmetric, limit=1000)  # fmt: skip
            _rows(tx, q.fact_edges_between(rtype), subject=s, object=o, symmetric=q.SYMMETRIC_TYPES)
            return len(claims)

        return evidence
    if name == "paths":
        s, o = t["pairs"][i]
        from graph.cypher import paths as pq
        from graph.repository import EdgeFilter

        query = pq.path_sequences_query(None, 4)

        def paths(tx: ManagedTransaction) -> int:
            _rows(tx, q.GET_ENTITIES, ids=[s, o], kinds=KIND_LABELS)
            if s == o:
                return 1
            rows = _rows(tx, query, source=s, target=o, scan=pq.MAX_SCANNED_PATHS, **EdgeFilter().params())
            return len(rows[0]["sequences"]) if rows else 0

        return paths
    raise ValueError(name)


ENDPOINTS = ("search", "1-hop", "2-hop", "evidence", "paths")


async def closed_loop(base: str, name: str, t: dict[str, list[Any]], n: int, concurrency: int,
                      offset: int) -> tuple[list[float], int, float]:  # fmt: skip
    """`concurrency` clients, each sending its next request when the last one
    answered, until `n` requests in all."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(n))
    size = len(t["entities"])
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors
            for k in counter:
                path, params = http_request(name, (offset + k) % size, t)
                t0 = time.perf_counter()
                try:
                    r = await client.get(path, params=params)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += not ok

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - began
    return sorted(latencies), errors, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint under load")
    parser.add_argument("--concurrency", type=int, default=4, help="clients in flight at once")
    parser.add_argument("--warmup", type=int, default=40, help="requests per endpoint before measuring")
    parser.add_argument("--overhead-requests", type=int, default=100, help="HTTP/driver pairs per endpoint")
    parser.add_argument("--targets", type=int, default=500, help="sampled request targets")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--endpoints", default=",".join(ENDPOINTS))
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (geokg serve --workers)")
    args = parser.parse_args(argv)
    endpoints = [e for e in args.endpoints.split(",") if e]

    settings = Neo4jSettings()
    driver = create_driver(settings)
    db = settings.database
    t0 = time.perf_counter()
    targets = sample_targets(driver, db, args.targets, args.seed)
    with driver.session(database=db) as s:
        counts = s.run("MATCH (e:Entity) WITH count(e) AS e MATCH (c:Claim) WITH e, count(c) AS c "
                       "MATCH (a:Article) RETURN e, c, count(a) AS a").single()  # fmt: skip
        facts = s.run("MATCH (:Entity)-[r]->(:Entity) WHERE r.source = 'article' RETURN count(r)").single()[0]
    print(f"command: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(f"machine: {machine()}; load average at start {load_average()}")
    print(f"graph: {counts['e']} entities, {counts['a']} articles, {counts['c']} claims, {facts} fact edges "
          f"(targets sampled in {time.perf_counter() - t0:.1f}s)")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_api(port, workers=args.workers)
    results: dict[str, tuple[list[float], int, float]] = {}
    overhead: dict[str, tuple[float, float, float]] = {}
    # Neighbourhood responses of the sequential phase: (nodes, edges, truncated).
    shapes: dict[str, list[tuple[int, int, bool]]] = {}
    try:
        wait_healthy(base, proc)
        for name in endpoints:
            asyncio.run(closed_loop(base, name, targets, args.warmup, 2, offset=args.targets // 2))
            results[name] = asyncio.run(closed_loop(base, name, targets, args.requests, args.concurrency, 0))
            lat, errors, wall = results[name]
            print(f"  load {name:<9} p50 {percentile(lat, 50):7.1f}  p99 {percentile(lat, 99):7.1f} ms  "
                  f"{len(lat) / wall:6.1f} req/s  errors {errors}   load avg {load_average().split()[0]}", flush=True)
        with httpx.Client(base_url=base, timeout=60) as client, driver.session(
            database=db, default_access_mode=READ_ACCESS, notifications_min_severity="OFF"
        ) as session:
            for name in endpoints:
                http_ms, driver_ms, diff = [], [], []
                for k in range(args.overhead_requests):
                    i = k % args.targets
                    path, params = http_request(name, i, targets)
                    a = time.perf_counter()
                    response = client.get(path, params=params)
                    b = time.perf_counter()
                    if name in ("1-hop", "2-hop") and response.status_code == 200:
                        body = response.json()
                        shapes.setdefault(name, []).append(
                            (len(body["nodes"]), len(body["edges"]), bool(body.get("truncated")))
                        )
                    session.execute_read(direct(name, i, targets))
                    c = time.perf_counter()
                    http_ms.append((b - a) * 1000)
                    driver_ms.append((c - b) * 1000)
                    diff.append((b - a - (c - b)) * 1000)
                overhead[name] = (median(http_ms), median(driver_ms), median(diff))
        # With several workers the serving processes are uvicorn's children.
        api_rss = max([read_rss_of(pid) for pid in children_of(proc.pid)] or [read_rss_of(proc.pid)])
    finally:
        stop(proc)
        driver.close()

    print(f"\nAPI under load: {args.concurrency} concurrent clients, {args.requests} requests per endpoint "
          f"(after {args.warmup} warm-up), uvicorn {args.workers} worker(s), loopback")
    print(f"  {'endpoint':<9} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'max ms':>7} {'req/s':>7} {'errors':>6}")
    for name, (lat, errors, wall) in results.items():
        print(f"  {name:<9} {percentile(lat, 50):7.1f} {percentile(lat, 90):7.1f} {percentile(lat, 99):7.1f} "
              f"{lat[-1]:7.1f} {len(lat) / wall:7.1f} {errors:6d}")
    print(f"\nAPI overhead, {args.overhead_requests} sequential pairs per endpoint (medians):")
    print(f"  {'endpoint':<9} {'HTTP ms':>8} {'driver ms':>9} {'overhead ms':>11}")
    for name, (h, d, x) in overhead.items():
        print(f"  {name:<9} {h:8.1f} {d:9.1f} {x:11.1f}")
    for name, rows in shapes.items():
        print(f"  {name} responses: median {median([n for n, _, _ in rows]):.0f} nodes, "
              f"{median([e for _, e, _ in rows]):.0f} edges; {sum(t for _, _, t in rows)} of {len(rows)} "
              "truncated (a cap cut them: see truncated_by)")  # fmt: skip
    print(f"\nAPI process peak RSS (VmHWM, the largest worker): {api_rss:.0f} MB; this client: {maxrss_mb():.0f} MB")
    print(f"load average at the end {load_average()}")
    return 0


def children_of(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def read_rss_of(pid: int) -> float:
    """Peak resident set (VmHWM) of a running process, in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


if __name__ == "__main__":
    raise SystemExit(main())
