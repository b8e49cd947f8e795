"""Bulk import (neo4j-admin) against the online loader on the same claims, and
the largest synthetic graph imported within a time budget, in one run.

    flock /tmp/geokg-heavy.lock python benchmarks/bench_bulk_import.py --yes \\
        --claims 50000 --large-claims 5000000 --max-seconds 600

1. `--claims` synthetic claims (benchmarks/synth_graph.py) written as article
   records (Parquet), then loaded online (Loader, 1,000 articles a transaction,
   after the reference backbone) and bulk-imported (the same batch replayed);
   claims/s of each, the loader's measured over its load only, the import's
   end to end (files + neo4j-admin + restart + schema).
2. `--large-claims` the same way, bulk import only, unless writing the claim
   file and importing would pass `--max-seconds` (estimated from step 1).

THIS REPLACES THE DATABASE of the local server (NEO4J_* settings): `--yes`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import connect_to_neo4j, load_average, machine, wipe  # noqa: E402
from synth_graph import SyntheticNews  # noqa: E402

from graph.bulk.importer import bulk_import  # noqa: E402
from graph.bulk.records import RecordWriter  # noqa: E402
from graph.loader import Loader  # noqa: E402
from graph.reference import load_reference  # noqa: E402
from graph.settings import Neo4jSettings  # noqa: E402

ONLINE_BATCH = 1000


def write_records(n_claims: int, path: Path) -> tuple[int, float]:
    began = time.perf_counter()
    articles, chunk = 0, []
    with RecordWriter(path) as writer:
        for ex in SyntheticNews().articles(n_claims):
            chunk.append(ex)
            if len(chunk) >= 5000:
                writer.load(chunk)
                articles += len(chunk)
                chunk = []
        if chunk:
            writer.load(chunk)
            articles += len(chunk)
    return articles, time.perf_counter() - began


def online(n_claims: int) -> float:
    driver, settings = connect_to_neo4j()
    try:
        wipe(driver, settings.database)
        load_reference(driver, settings.database)
        loader = Loader(driver, database=settings.database, batch_size=ONLINE_BATCH)
        began, chunk = time.perf_counter(), []
        for ex in SyntheticNews().articles(n_claims):
            chunk.append(ex)
            if len(chunk) >= ONLINE_BATCH:
                loader.load(chunk)
                chunk = []
        if chunk:
            loader.load(chunk)
        seconds = time.perf_counter() - began
        wipe(driver, settings.database)  # the import refuses a database with articles
    finally:
        driver.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=50_000)
    parser.add_argument("--large-claims", type=int, default=5_000_000)
    parser.add_argument("--max-seconds", type=float, default=600.0)
    parser.add_argument("--yes", action="store_true", help="agree that the database is replaced")
    args = parser.parse_args(argv)
    if not args.yes:
        raise SystemExit("this replaces the local server's database: add --yes")
    work = Path(tempfile.mkdtemp(prefix="bench-bulk-"))
    settings = Neo4jSettings()
    print(f"# bench_bulk_import: {machine()}; load {load_average()}; heap {settings.heap}, pagecache {settings.pagecache}")

    path = work / "small.parquet"
    articles, write_s = write_records(args.claims, path)
    online_s = online(args.claims)
    report = bulk_import(settings, [path], batch_size=ONLINE_BATCH, work_dir=work)
    print(f"{args.claims:,} claims ({articles:,} articles):")
    print(f"  online loader  {online_s:7.1f} s  {args.claims / online_s:9,.0f} claims/s")
    print(f"  bulk import    {report.seconds:7.1f} s  {report.claims_per_second:9,.0f} claims/s  "
          f"(files {report.csv_seconds:.1f} s, neo4j-admin + restart {report.import_seconds:.1f} s, "
          f"schema {report.schema_seconds:.1f} s)")  # fmt: skip
    print(f"  bulk / online  {report.claims_per_second / (args.claims / online_s):.1f}x   "
          f"(writing the claim file: {write_s:.1f} s, not counted)")  # fmt: skip

    # At a few thousand claims neo4j-admin, the restart and the schema are fixed
    # costs (JVM starts); the Python side (records, CSV) grows with the claims.
    per_claim = (write_s + report.csv_seconds) / args.claims
    estimate = per_claim * args.large_claims + 3 * (report.import_seconds + report.schema_seconds)
    if estimate > args.max_seconds * 1.5:
        print(f"{args.large_claims:,} claims: skipped, estimated {estimate:.0f} s > budget {args.max_seconds:.0f} s")
        return 0
    big = work / "large.parquet"
    articles, write_s = write_records(args.large_claims, big)
    driver, _ = connect_to_neo4j()
    try:
        wipe(driver, settings.database)  # the small import's articles: the import refuses them
    finally:
        driver.close()
    report = bulk_import(settings, [big], batch_size=ONLINE_BATCH, work_dir=work)
    c = report.files.counts
    print(f"{args.large_claims:,} claims ({articles:,} articles, {c['entities']:,} entities, "
          f"{c['fact_edges']:,} fact edges): bulk import {report.seconds:.1f} s, {report.claims_per_second:,.0f} claims/s "
          f"(files {report.csv_seconds:.1f} s, neo4j-admin + restart {report.import_seconds:.1f} s, "
          f"schema {report.schema_seconds:.1f} s); claim file {big.stat().st_size / 1e6:.0f} MB written in {write_s:.1f} s; "
          f"store {_store_mb(settings):.0f} MB; load after {load_average()}")  # fmt: skip
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _store_mb(settings: Neo4jSettings) -> float:
    from graph.server.home import home_dir

    store = home_dir(settings) / "data" / "databases" / settings.database
    return sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 1e6


if __name__ == "__main__":
    raise SystemExit(main())
