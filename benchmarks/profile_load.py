"""Where one loader batch spends its time: every statement `Loader` runs for a
batch, PROFILEd inside one transaction that is rolled back (the graph is left
as it was).

The batch is the next `--articles` articles of synth_graph.py's news stream
after the ones already stored (load a graph first with synth_graph.py). For
each statement: wall ms, Neo4j CPU-ms (from /proc: the server's whole CPU,
so run it on a quiet server), db hits and rows; then the round trips of the
batch and the totals.

    python benchmarks/synth_graph.py --yes --claims 100000
    python benchmarks/profile_load.py --articles 1000 --rounds 2
"""

from __future__ import annotations

import argparse
import itertools
import shlex
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import load_average, machine, neo4j_pid, process_cpu_seconds  # noqa: E402
from synth_graph import SyntheticNews  # noqa: E402

from graph.cypher import write as cypher  # noqa: E402
from graph.driver import create_driver  # noqa: E402
from graph.loader import Loader, plan_batch  # noqa: E402
from graph.settings import Neo4jSettings  # noqa: E402


def statement_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name in dir(cypher):
        value = getattr(cypher, name)
        if isinstance(value, str) and name.isupper():
            names[value] = name
        elif isinstance(value, dict):
            for key, text in value.items():
                if isinstance(text, str):
                    names[text] = f"{name}[{getattr(key, 'name', key)}]"
    try:  # absent from a checkout before the rankings (profiling the old loader)
        from graph.cypher import ranking

        names[ranking.REFRESH_TOP_EDGES] = "REFRESH_TOP_EDGES"
        for name in ("TOUCHED_LISTS", "MERGE_TOP_EDGES"):
            if hasattr(ranking, name):
                names[getattr(ranking, name)] = name
    except ImportError:
        pass
    return names


def db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(db_hits(c) for c in plan.get("children", []))


class ProfilingTx:
    """Stands in for the loader's transaction: runs each statement with PROFILE
    and records what it cost."""

    def __init__(self, tx: Any, names: dict[str, str], server: int | None) -> None:
        self.tx, self.names, self.server = tx, names, server
        self.costs: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0, 0])

    def run(self, query: str, parameters: dict[str, Any] | None = None, **params: Any) -> Any:
        name = self.names.get(query, "other")
        text = query.replace("CYPHER replan=skip", "CYPHER replan=skip PROFILE", 1)
        if text == query:
            text = "PROFILE " + query
        cpu0 = process_cpu_seconds(self.server) if self.server else 0.0
        t0 = time.perf_counter()
        result = self.tx.run(text, parameters, **params)
        records = list(result)
        summary = result.consume()
        wall = time.perf_counter() - t0
        cpu = (process_cpu_seconds(self.server) - cpu0) if self.server else 0.0
        cost = self.costs[name]
        cost[0] += 1
        cost[1] += wall * 1000
        cost[2] += cpu * 1000
        cost[3] += db_hits(summary.profile or {})
        cost[4] += len(records)
        return _Replay(records)


class _Replay:
    """The records of a statement already run, as the loader reads them."""

    def __init__(self, records: list[Any]) -> None:
        self.records = records

    def single(self, strict: bool = False) -> Any:
        return self.records[0] if self.records else None

    def consume(self) -> None:
        return None

    def __iter__(self) -> Any:
        return iter(self.records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="articles in the profiled batch")
    parser.add_argument("--rounds", type=int, default=2, help="profile the batch this many times (plans warm)")
    args = parser.parse_args(argv)
    settings = Neo4jSettings()
    driver = create_driver(settings)
    with driver.session(database=settings.database) as s:
        stored = s.run("MATCH (a:Article) RETURN count(a) AS n").single(strict=True)["n"]
        claims = s.run("MATCH (c:Claim) RETURN count(c) AS n").single(strict=True)["n"]
    batch = list(itertools.islice(SyntheticNews().articles(10**9), stored + 1, stored + 1 + args.articles))
    plan = plan_batch(batch)
    print(f"command: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(f"machine: {machine()}; load average {load_average()}")
    print(f"graph: {claims:,} claims, {stored:,} articles; batch: {len(batch)} articles, "
          f"{sum(len(ex.claims) for ex in batch):,} claims, {len(plan.fact_keys):,} fact keys")  # fmt: skip
    loader = Loader(driver, settings.database, batch_size=args.articles)
    names = statement_names()
    server = neo4j_pid()
    for round_ in range(1, args.rounds + 1):
        with driver.session(database=settings.database) as session:
            tx = session.begin_transaction()
            try:
                probe = ProfilingTx(tx, names, server)
                t0 = time.perf_counter()
                report = loader._write(probe, plan)  # type: ignore[arg-type]
                wall = time.perf_counter() - t0
            finally:
                tx.rollback()
        total = [sum(c[i] for c in probe.costs.values()) for i in range(5)]
        print(f"\nround {round_}: {report.claims:,} claims in {wall:.2f} s ({report.claims / wall:,.0f} claims/s "
              f"under PROFILE, rolled back); {int(total[0])} round trips; load average {load_average()}")
        print(f"  {'statement':<34} {'runs':>4} {'wall ms':>8} {'neo4j CPU-ms':>12} {'db hits':>10} {'rows':>6}")
        for name, (runs, ms, cpu, hits, rows) in sorted(probe.costs.items(), key=lambda kv: -kv[1][1]):
            print(f"  {name:<34} {runs:4d} {ms:8.0f} {cpu:12.0f} {hits:10,d} {rows:6d}")
        print(f"  {'total':<34} {int(total[0]):4d} {total[1]:8.0f} {total[2]:12.0f} {int(total[3]):10,d}")
    driver.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
