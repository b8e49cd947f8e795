"""The cost curve of the read API: p50/p99 per endpoint at several graph sizes.

For each size in `--sizes` (claims: `100k`, `1M`, `5M`, or plain numbers):

1. the graph: kept as it is when the database already holds that many claims
   (within `--reuse-within`), else built by `--build` (a command template,
   default `synth_graph.py`; the bulk import plugs in here); entities without
   a ranking list (graph.ranking) are then ranked with `refresh_all`, timed;
2. the API (uvicorn, `--workers`) on 127.0.0.1, every endpoint of
   bench_api_synth.py: `--requests` requests one at a time, then with
   `--concurrency` closed-loop clients, after a warm-up; per phase the CPU
   seconds of this load generator, of the API processes and of Neo4j, so a
   tail can be told from a starved client;
3. the hop itself through the Repository, ranked (the lists) and scanned (the
   old way), on the `--hubs` most connected entities, in one run, at depth 1
   and 2: medians and the ratio.

Then one table of the curve. Reads only, except the build of step 1, which
EMPTIES THE DATABASE (`--yes` to confirm).

    NEO4J_HOME=... NEO4J_BOLT_PORT=... python benchmarks/bench_curve.py --yes --sizes 100k,1M,5M
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api_synth import ENDPOINTS, children_of, closed_loop, sample_targets  # noqa: E402
from common import (  # noqa: E402
    free_port,
    load_average,
    machine,
    median,
    neo4j_pid,
    percentile,
    process_cpu_seconds,
    start_api,
    stop,
    wait_healthy,
)

from graph.driver import create_async_driver, create_driver  # noqa: E402
from graph.ranking import refresh_all  # noqa: E402
from graph.repository import Repository  # noqa: E402
from graph.settings import Neo4jSettings  # noqa: E402

BUILD = "{python} benchmarks/synth_graph.py --yes --claims {claims} --max-seconds {max_seconds}"
REPO = Path(__file__).resolve().parents[1]


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def claims_in(driver: Any, database: str) -> int:
    with driver.session(database=database) as s:
        return int(s.run("MATCH (c:Claim) RETURN count(c) AS n").single(strict=True)["n"])


def unranked(driver: Any, database: str) -> int:
    with driver.session(database=database) as s:
        return int(s.run("MATCH (e:Entity) WHERE e.top_edges IS NULL RETURN count(e) AS n").single(strict=True)["n"])


def cpu(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            total += process_cpu_seconds(pid)
        except OSError:
            pass
    return total


def phase(base: str, name: str, targets: dict, n: int, concurrency: int, api: list[int]) -> dict[str, float]:
    server = neo4j_pid()
    before = (time.process_time(), cpu(api), cpu([server] if server else []))
    lat, errors, wall = asyncio.run(closed_loop(base, name, targets, n, concurrency, 0))
    after = (time.process_time(), cpu(api), cpu([server] if server else []))
    return {
        "p50": percentile(lat, 50), "p99": percentile(lat, 99), "rps": len(lat) / wall, "errors": errors,
        "client_cpu": after[0] - before[0], "api_cpu": after[1] - before[1], "neo4j_cpu": after[2] - before[2],
        "wall": wall,
    }  # fmt: skip


def hop_engines(settings: Neo4jSettings, hubs: list[str], rounds: int) -> dict[str, dict[str, float]]:
    """Median ms of Repository.neighbourhood ranked vs scanned over `hubs`,
    interleaved (ranked, scanned, ranked, ...) so the load hits both alike."""

    async def run() -> dict[str, dict[str, float]]:
        driver = create_async_driver(settings)
        repo = Repository(driver, settings.database)
        times: dict[str, dict[str, list[float]]] = {d: {"ranked": [], "scanned": []} for d in ("1-hop", "2-hop")}
        try:
            for _ in range(rounds):
                for hub in hubs:
                    for depth, key in ((1, "1-hop"), (2, "2-hop")):
                        for ranked in (True, False):
                            t0 = time.perf_counter()
                            await repo.neighbourhood(hub, depth=depth, ranked=ranked)
                            times[key]["ranked" if ranked else "scanned"].append((time.perf_counter() - t0) * 1000)
        finally:
            await driver.close()
        return {k: {way: median(v) for way, v in ways.items()} for k, ways in times.items()}

    return asyncio.run(run())


def busiest(driver: Any, database: str, n: int) -> list[tuple[str, int]]:
    with driver.session(database=database) as s:
        rows = s.run(
            "MATCH (e:Entity)-[r]-(:Entity) WHERE r.source = 'article' "
            "RETURN e.id AS id, count(r) AS d ORDER BY d DESC LIMIT $n", n=n,
        )  # fmt: skip
        return [(r["id"], r["d"]) for r in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100k,1M,5M", help="claims per graph, comma-separated (100k, 1M, 5M)")
    parser.add_argument("--yes", action="store_true", help="confirm that building a size may empty the database")
    parser.add_argument("--build", default=BUILD, help="command template building a graph of {claims}")
    parser.add_argument("--max-seconds", type=int, default=7200, help="passed to the build as {max_seconds}")
    parser.add_argument("--reuse-within", type=float, default=0.05, help="keep a graph within this fraction of a size")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint per phase")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--targets", type=int, default=500)
    parser.add_argument("--hubs", type=int, default=20, help="hubs for the ranked-vs-scanned hop comparison")
    parser.add_argument("--hub-rounds", type=int, default=3)
    parser.add_argument("--endpoints", default=",".join(ENDPOINTS))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    endpoints = [e for e in args.endpoints.split(",") if e]

    settings = Neo4jSettings()
    driver = create_driver(settings)
    db = settings.database
    print(f"command: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(f"machine: {machine()}; load average at start {load_average()}", flush=True)
    curve: dict[int, dict[str, dict[str, dict[str, float]]]] = {}
    try:
        for size in sizes:
            have = claims_in(driver, db)
            if abs(have - size) > args.reuse_within * size:
                if not args.yes:
                    raise SystemExit(f"the database holds {have} claims, not ~{size}: building empties it (--yes)")
                command = args.build.format(python=shlex.quote(sys.executable), claims=size,
                                            max_seconds=args.max_seconds)  # fmt: skip
                print(f"\n== {size:,} claims: building: {command}", flush=True)
                t0 = time.perf_counter()
                subprocess.run(shlex.split(command), cwd=REPO, check=True, env=os.environ.copy())
                print(f"   built in {time.perf_counter() - t0:.0f} s", flush=True)
                have = claims_in(driver, db)
            else:
                print(f"\n== {size:,} claims: the database holds {have:,}: measured as it is", flush=True)
            missing = unranked(driver, db)
            if missing:
                t0 = time.perf_counter()
                done = refresh_all(driver, db)
                print(f"   ranked {done:,} entities ({missing:,} had no list) in {time.perf_counter() - t0:.1f} s")
            targets = sample_targets(driver, db, args.targets, args.seed)
            hubs = busiest(driver, db, args.hubs)
            print(f"   graph: {have:,} claims; busiest entity {hubs[0][0]} with {hubs[0][1]:,} fact edges; "
                  f"load average {load_average()}", flush=True)  # fmt: skip

            port = free_port()
            base = f"http://127.0.0.1:{port}"
            proc = start_api(port, workers=args.workers)
            results: dict[str, dict[str, dict[str, float]]] = {}
            try:
                wait_healthy(base, proc)
                api = [proc.pid, *children_of(proc.pid)]
                for name in endpoints:
                    asyncio.run(closed_loop(base, name, targets, args.warmup, 2, offset=args.targets // 2))
                    results[name] = {
                        "seq": phase(base, name, targets, args.requests, 1, api),
                        "conc": phase(base, name, targets, args.requests, args.concurrency, api),
                    }
                    for way, r in results[name].items():
                        print(f"   {name:<9} {way:<4} p50 {r['p50']:7.1f}  p99 {r['p99']:7.1f} ms  {r['rps']:6.1f} req/s"
                              f"  errors {r['errors']}  CPU-s client {r['client_cpu']:.1f} api {r['api_cpu']:.1f} "
                              f"neo4j {r['neo4j_cpu']:.1f} in {r['wall']:.1f} s", flush=True)  # fmt: skip
            finally:
                stop(proc)
            engines = hop_engines(settings, [h for h, _ in hubs], args.hub_rounds)
            for key, ways in engines.items():
                print(f"   {key} on the {len(hubs)} busiest (Repository, sequential, median ms): "
                      f"ranked {ways['ranked']:.1f}, scanned {ways['scanned']:.1f} "
                      f"({ways['scanned'] / ways['ranked']:.1f}x)", flush=True)  # fmt: skip
            curve[size] = results
    finally:
        driver.close()

    print(f"\nThe curve (ms; seq = one request at a time, conc = {args.concurrency} concurrent clients, "
          f"uvicorn {args.workers} worker(s); load generator on the same machine):")
    print(f"  {'claims':>10} {'endpoint':<9} {'seq p50':>8} {'seq p99':>8} {'conc p50':>9} {'conc p99':>9} "
          f"{'client CPU %':>12}")  # fmt: skip
    for size, results in curve.items():
        for name, r in results.items():
            share = 100 * r["conc"]["client_cpu"] / r["conc"]["wall"] if r["conc"]["wall"] else 0.0
            print(f"  {size:>10,} {name:<9} {r['seq']['p50']:8.1f} {r['seq']['p99']:8.1f} "
                  f"{r['conc']['p50']:9.1f} {r['conc']['p99']:9.1f} {share:11.0f}%")  # fmt: skip
    print(f"load average at the end {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
