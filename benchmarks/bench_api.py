"""Latency of GET /v1/entities/{id}/neighborhood over loopback HTTP.

Starts the API with uvicorn in a subprocess (the same factory `geokg serve`
runs), waits for /health, picks the most connected entities of the loaded
graph, sends a fixed number of sequential requests round-robin over them
(after a warm-up that fills Neo4j's plan cache) and prints p50/p90/p99/max.
It measures; it asserts nothing.

Load a graph first, e.g. the Wikinews sample:

    geokg neo4j start && geokg init
    geokg ingest ../shared/corpus/wikinews/wikinews-2019-2020.jsonl
    python benchmarks/bench_api.py --requests 500 --depth 1
    python benchmarks/bench_api.py --requests 300 --depth 2

Neo4j comes from the NEO4J_* settings, as for every geokg command.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import free_port, percentile, start_api, stop, wait_healthy  # noqa: E402


def top_entities(client: httpx.Client, base: str, count: int, key: str | None) -> list[str]:
    """The most connected entities, through the API's own Cypher endpoint when a
    key is configured, else from the relations listing."""
    if key:
        r = client.post(
            f"{base}/v1/cypher",
            headers={"X-API-Key": key},
            json={
                "query": "MATCH (e:Entity)-[r]-(:Entity) WHERE r.source = 'article' "
                "RETURN e.id AS id, count(r) AS degree ORDER BY degree DESC, id LIMIT $n",
                "params": {"n": count},
            },
        )
        if r.status_code == 200:
            return [row[0] for row in r.json()["rows"]]
    seen: list[str] = []
    r = client.get(f"{base}/v1/relations", params={"limit": 200})
    r.raise_for_status()
    for edge in r.json()["items"]:
        for entity in (edge["subject"], edge["object"]):
            if entity not in seen:
                seen.append(entity)
    return seen[:count]


def sequential(
    client: httpx.Client, url: str, entities: list[str], params: dict, n: int
) -> tuple[list[float], list[int], int, float]:
    latencies: list[float] = []
    sizes: list[int] = []
    errors = 0
    began = time.perf_counter()
    for i in range(n):
        t0 = time.perf_counter()
        r = client.get(url.format(entities[i % len(entities)]), params=params)
        latencies.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            errors += 1
        else:
            sizes.append(len(r.json()["nodes"]))
    return latencies, sizes, errors, time.perf_counter() - began


async def open_loop(
    url: str, entities: list[str], params: dict, rate: float, duration: float
) -> tuple[list[float], list[int], int, float]:
    """Requests started at a fixed rate whatever the responses do (open loop),
    so a slow server shows up as latency, not as fewer requests."""
    latencies: list[float] = []
    sizes: list[int] = []
    errors = 0
    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=200)) as client:

        async def one(i: int) -> None:
            nonlocal errors
            t0 = time.perf_counter()
            try:
                r = await client.get(url.format(entities[i % len(entities)]), params=params)
            except httpx.HTTPError:
                errors += 1
                return
            latencies.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                errors += 1
            else:
                sizes.append(len(r.json()["nodes"]))

        began = time.perf_counter()
        tasks = []
        for i in range(int(rate * duration)):
            delay = began + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(i)))
        await asyncio.gather(*tasks)
    return latencies, sizes, errors, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500, help="timed requests (after warm-up)")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--entities", type=int, default=25, help="how many top entities to rotate over")
    parser.add_argument("--depth", type=int, default=1, choices=(1, 2, 3))
    parser.add_argument("--limit", type=int, default=100, help="neighbourhood node limit")
    parser.add_argument(
        "--rate", type=float, default=0.0,
        help="open-loop load test: requests per second for --duration seconds (0: sequential --requests)",
    )
    parser.add_argument("--duration", type=float, default=60.0)
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    key = os.environ.get("GEOKG_API_KEY")
    proc = start_api(port)
    try:
        health = wait_healthy(base, proc)
        with httpx.Client(timeout=30) as client:
            stats = client.get(f"{base}/v1/stats").json()
            entities = top_entities(client, base, args.entities, key)
            if not entities:
                raise SystemExit("the graph has no fact edges: load articles first (see the docstring)")
            params = {"depth": args.depth, "limit": args.limit}
            url = f"{base}/v1/entities/{{}}/neighborhood"
            for i in range(args.warmup):
                client.get(url.format(entities[i % len(entities)]), params=params).raise_for_status()
            if args.rate > 0:
                latencies, sizes, errors, wall = asyncio.run(
                    open_loop(url, entities, params, args.rate, args.duration)
                )
            else:
                latencies, sizes, errors, wall = sequential(client, url, entities, params, args.requests)
    finally:
        stop(proc)

    latencies.sort()
    print(f"command: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(f"neo4j {health['neo4j']['server_version']} at {os.environ.get('NEO4J_URI') or 'the local server'}; "
          f"graph: {stats['labels'].get('Entity', 0)} entities, {stats['labels'].get('Article', 0)} articles, "
          f"{stats['labels'].get('Claim', 0)} claims, "
          f"{sum(v for k, v in stats['relation_types'].items() if k not in ('ASSERTS', 'SUBJECT', 'OBJECT', 'MENTIONS', 'ATTRIBUTED_TO'))} fact edges")
    print(f"GET /v1/entities/{{id}}/neighborhood depth={args.depth} limit={args.limit} over {len(entities)} "
          f"top entities; " + (f"open loop at {args.rate:g} req/s for {args.duration:g} s" if args.rate > 0 else
          f"{args.requests} sequential requests") + f" after {args.warmup} warm-up; loopback HTTP, uvicorn 1 worker")
    print(f"nodes per response: mean {statistics.mean(sizes) if sizes else 0:.1f}, max {max(sizes, default=0)}; errors: {errors}")
    print(
        f"latency ms: p50 {percentile(latencies, 50):.1f}  p90 {percentile(latencies, 90):.1f}  "
        f"p99 {percentile(latencies, 99):.1f}  max {latencies[-1]:.1f}  mean {statistics.mean(latencies):.1f}; "
        f"completed {len(latencies)} in {wall:.1f} s ({len(latencies) / wall:.1f} req/s)"
    )
    try:
        load = os.getloadavg()[0]
        print(f"machine load average (1 min) at the end: {load:.1f} on {os.cpu_count()} CPUs")
    except OSError:
        pass


if __name__ == "__main__":
    main()
