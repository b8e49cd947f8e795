"""A bounded load test on loopback: the API under a fixed request rate while an
ingest writes into the same Neo4j.

    python benchmarks/load_test.py                      # 60 s at 20 req/s, Wikinews ingest
    python benchmarks/load_test.py --duration 30 --rate 10 --articles 100

What it does:
1. starts `geokg ingest <corpus>` (a subprocess; the Wikinews sample from
   ../shared by default, or --corpus) into the Neo4j of the NEO4J_* settings;
2. starts the API (`uvicorn api.app:create_app --factory`, the factory
   `geokg serve` runs) on 127.0.0.1 and a free port;
3. sends requests open-loop at --rate per second for --duration seconds,
   round-robin over GET /v1/entities?q=, /v1/entities/{id}/neighborhood and
   /v1/relations/evidence (ids and pairs refreshed from /v1/relations as the
   graph grows); at most --max-in-flight at once (a request that would exceed
   it is counted as 'shed', not sent);
4. prints, per endpoint and overall: requests, status classes, errors
   (transport errors, timeouts and 5xx), p50/p90/p99/max latency; then the
   ingest's outcome, and the command line to repeat the run.

Bounded: --duration x --rate requests at most, loopback only, every process it
starts is stopped at the end (the ingest after --ingest-wait seconds at most;
loading is idempotent, so an interrupted ingest can be rerun). The exit code
is 1 when any request was an error. It measures; it asserts nothing else.
Neo4j must be running (`geokg neo4j start && geokg init`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, free_port, percentile, start_api, stop, wait_healthy  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
# Name prefixes for /v1/entities?q= (present once the reference backbone or the corpus is loaded).
QUERIES = ["Iraq", "Syr", "United", "Iran", "Russia", "China", "Isr", "Turk", "Afghan", "Ukraine", "Trump", "NATO"]
# Seeds for neighbourhood until /v1/relations has answered.
SEED_IDS = ["IRQ", "SYR", "USA", "IRN", "RUS", "CHN", "ISR", "TUR"]
KINDS = ("search", "neighborhood", "evidence")


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)
    shed: int = 0

    def record(self, kind: str, status: str, seconds: float) -> None:
        self.latencies[kind].append(seconds)
        self.statuses[kind][status] += 1


@dataclass
class Targets:
    """What to ask for; refreshed from the growing graph."""

    ids: list[str] = field(default_factory=lambda: list(SEED_IDS))
    pairs: list[tuple[str, str, str]] = field(default_factory=list)

    async def refresh(self, client: httpx.AsyncClient) -> None:
        try:
            r = await client.get("/v1/relations", params={"limit": 50})
        except httpx.HTTPError:
            return
        if r.status_code != 200:
            return
        items = r.json().get("relations") or r.json().get("items") or []
        pairs = []
        for item in items:
            if item.get("provenance", "article") != "article":
                continue  # reference edges (borders, capitals) have no evidence
            s, t, o = _endpoint(item, "subject", "source"), item.get("type"), _endpoint(item, "object", "target")
            if s and t and o:
                pairs.append((s, t, o))
        if pairs:
            self.pairs = pairs
            self.ids = sorted({s for s, _, _ in pairs} | {o for _, _, o in pairs})


def _endpoint(item: dict, *names: str) -> str | None:
    for name in names:
        value = item.get(name) or item.get(f"{name}_id")
        if isinstance(value, dict):
            value = value.get("id")
        if isinstance(value, str):
            return value
    return None


def start_ingest(corpus: Path, articles: int | None, work: Path) -> subprocess.Popen[bytes]:
    source = corpus
    if articles is not None:
        # The first N lines, so the ingest is sized to the test.
        source = work / f"load-test-{articles}.jsonl"
        with corpus.open("rb") as src, source.open("wb") as dst:
            for n, line in enumerate(src):
                if n >= articles:
                    break
                dst.write(line)
    geokg = Path(sys.executable).parent / "geokg"
    return subprocess.Popen(
        [str(geokg), "ingest", str(source), "--no-progress"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


async def load(base: str, duration: float, rate: float, max_in_flight: int, timeout: float) -> Results:
    results = Results()
    targets = Targets()
    limits = httpx.Limits(max_connections=max_in_flight, max_keepalive_connections=max_in_flight)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        await targets.refresh(client)
        in_flight = 0
        tasks: set[asyncio.Task[None]] = set()

        async def one(i: int) -> None:
            nonlocal in_flight
            kind = KINDS[i % len(KINDS)]
            if kind == "search":
                path, params = "/v1/entities", {"q": QUERIES[i % len(QUERIES)], "limit": 10}
            elif kind == "neighborhood":
                path, params = f"/v1/entities/{targets.ids[i % len(targets.ids)]}/neighborhood", {"depth": 1, "limit": 50}
            elif targets.pairs:
                s, t, o = targets.pairs[i % len(targets.pairs)]
                path, params = "/v1/relations/evidence", {"subject": s, "type": t, "object": o}
            else:  # no relation yet: an evidence query that may well be a 404
                path, params = "/v1/relations/evidence", {"subject": "USA", "type": "ATTACKS", "object": "IRQ"}
            started = time.perf_counter()
            try:
                r = await client.get(path, params=params)
                status = f"{r.status_code // 100}xx" if r.status_code != 404 else "404"
                if r.status_code >= 500:
                    results.errors.append(f"{r.status_code} {path}: {r.text[:200]}")
            except httpx.HTTPError as e:
                status = type(e).__name__
                results.errors.append(f"{status} {path}")
            finally:
                in_flight -= 1
            results.record(kind, status, time.perf_counter() - started)

        began = time.perf_counter()
        total = int(duration * rate)
        next_refresh = began + 5.0
        for i in range(total):
            due = began + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            if time.perf_counter() >= next_refresh:
                next_refresh += 5.0
                tasks.add(asyncio.create_task(targets.refresh(client)))
            if in_flight >= max_in_flight:
                results.shed += 1
                continue
            in_flight += 1
            task = asyncio.create_task(one(i))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        if tasks:
            await asyncio.wait(tasks, timeout=timeout + 5)
    return results


def print_results(results: Results, duration: float, rate: float) -> None:
    print(f"\nrequests: {duration:.0f} s at {rate:g}/s open-loop ({int(duration * rate)} scheduled, {results.shed} shed)")
    print(f"{'endpoint':<14}{'n':>6}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}  statuses")
    everything: list[float] = []
    for kind in KINDS:
        values = sorted(results.latencies.get(kind, []))
        everything.extend(values)
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(results.statuses[kind].items()))
        print(
            f"{kind:<14}{len(values):>6}{percentile(values, 50) * 1000:>9.1f}{percentile(values, 90) * 1000:>9.1f}"
            f"{percentile(values, 99) * 1000:>9.1f}{(values[-1] if values else float('nan')) * 1000:>9.1f}  {statuses}"
        )
    everything.sort()
    print(
        f"{'all':<14}{len(everything):>6}{percentile(everything, 50) * 1000:>9.1f}{percentile(everything, 90) * 1000:>9.1f}"
        f"{percentile(everything, 99) * 1000:>9.1f}{(everything[-1] if everything else float('nan')) * 1000:>9.1f}"
    )
    print(f"errors (transport, timeout, 5xx): {len(results.errors)}")
    for line in results.errors[:10]:
        print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--rate", type=float, default=20.0, help="requests per second (default 20)")
    parser.add_argument("--max-in-flight", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=10.0, help="per-request timeout, seconds")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=None, help="ingest only the first N articles")
    parser.add_argument("--no-ingest", action="store_true", help="load the API only, no concurrent ingest")
    parser.add_argument("--ingest-wait", type=float, default=300.0, help="after the load, wait this long for the ingest")
    args = parser.parse_args()
    if args.duration <= 0 or args.rate <= 0 or args.duration * args.rate > 100_000:
        parser.error("--duration and --rate must be positive, and at most 100,000 requests in all")

    command = "python benchmarks/load_test.py " + shlex.join(sys.argv[1:])
    env_note = " ".join(f"{k}={os.environ[k]}" for k in sorted(os.environ) if k.startswith("NEO4J_") and k != "NEO4J_PASSWORD")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    api = start_api(port)
    ingest: subprocess.Popen[bytes] | None = None
    work = Path(os.environ.get("TMPDIR", "/tmp"))
    try:
        wait_healthy(base, api)
        if not args.no_ingest:
            if not args.corpus.is_file():
                raise SystemExit(f"no corpus at {args.corpus}: pass --corpus, or --no-ingest")
            ingest = start_ingest(args.corpus.resolve(), args.articles, work)
            print(f"ingest started (pid {ingest.pid}): {args.corpus.name}" + (f", first {args.articles}" if args.articles else ""))
        began = time.monotonic()
        load_before = os.getloadavg()[0]
        results = asyncio.run(load(base, args.duration, args.rate, args.max_in_flight, args.timeout))
        print_results(results, args.duration, args.rate)
        # The machine may be shared: latencies mean little without how busy it was.
        print(f"machine: {os.cpu_count()} CPUs, 1-min load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
        if ingest is not None:
            running = ingest.poll() is None
            print(f"\ningest {'still running' if running else 'finished'} when the load ended ({time.monotonic() - began:.0f} s)")
            try:
                out, _ = ingest.communicate(timeout=args.ingest_wait)
            except subprocess.TimeoutExpired:
                stop(ingest, signal.SIGINT)
                out = ingest.stdout.read() if ingest.stdout else b""
                print(f"ingest stopped after waiting {args.ingest_wait:.0f} s more (rerun it to finish; loading is idempotent)")
            print(f"ingest exit code {ingest.returncode}, {time.monotonic() - began:.0f} s after the load began:")
            for line in out.decode(errors="replace").strip().splitlines()[-8:]:
                print(f"  {line}")
        print(f"\ncommand: {(env_note + ' ') if env_note else ''}{command}")
        sys.exit(1 if results.errors else 0)
    finally:
        if ingest is not None:
            stop(ingest, signal.SIGINT)
        stop(api)


if __name__ == "__main__":
    main()
