"""Load throughput: batched transactions versus one transaction per claim.

Both strategies write the same extractions into the same (emptied) database in
one run, with the same Cypher; only the transaction boundaries differ:

- batched: `graph.loader.Loader.load`, `--batch-size` articles per managed
  write transaction (nodes, claims, mentions, fact-edge recompute);
- per claim: one transaction per article for its nodes and mentions, then one
  transaction per claim for the claim (MERGEd, as a re-ingest would) and the
  recompute of its fact edge. `--naive-articles N` times it on the first N
  articles only (it is slow by design); its claims/s is still a fair rate.

Besides wall-clock claims/s, each strategy's Neo4j server CPU-seconds (from
/proc, see common.py) are reported per claim: on a shared machine the wall
clock swings with the load average, CPU much less.

Claims come from the Wikinews corpus run through the Extractor (extraction is
timed separately and not counted), or, with `--synthetic N`, from N synthetic
articles of the same shape. A short warm-up load (then wiped) compiles the
query plans first; the strategies then alternate for `--rounds` rounds and
the best round of each is reported (see the comment in `main`).

THIS EMPTIES THE DATABASE it connects to (`--yes` to confirm). Use your own
server, e.g.:

    NEO4J_HOME=/tmp/neo4j-h5 NEO4J_BOLT_PORT=7688 NEO4J_HTTP_PORT=7475 \\
      python benchmarks/bench_load.py --yes
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import random
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from neo4j import Driver, ManagedTransaction

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from common import (  # noqa: E402
    WIKINEWS,
    connect_to_neo4j,
    load_average,
    machine,
    neo4j_pid,
    process_cpu_seconds,
    wipe,
)

from graph.cypher import write as cypher  # noqa: E402
from graph.loader import DEFAULT_BATCH_SIZE, Loader, LoadReport, fact_key, plan_batch  # noqa: E402
from graph.models import Article, Claim, Entity, Extraction, Mention  # noqa: E402
from graph.ontology import RELATION_TYPES, EntityKind, Modality, Polarity  # noqa: E402

def graph_counts(driver: Driver, database: str) -> dict[str, int]:
    with driver.session(database=database) as s:
        out = {f"({r['l']})": r["n"] for r in s.run("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n")}
        out.update(
            {f"[{r['t']}]": r["n"] for r in s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")}
        )
        out["sum(fact.claims)"] = s.run(
            "MATCH ()-[f]->() WHERE f.source = 'article' RETURN sum(f.claims)"
        ).single()[0] or 0
        return out


def wikinews_extractions(path: Path) -> list[Extraction]:
    from ingest.extract import Extractor
    from ingest.readers import Skipped, read_paths

    articles = [r for r in read_paths([path]) if not isinstance(r, Skipped)]
    return list(Extractor().extract(articles, batch_size=32))


def synthetic_extractions(n_articles: int, seed: int = 7) -> list[Extraction]:
    """Articles shaped like news extractions: ~40 countries and a few people,
    ~8 mentioned entities and ~6 claims each, of mixed types and modalities."""
    rng = random.Random(seed)
    countries = [Entity(f"C{i:02d}", f"Country {i}", EntityKind.COUNTRY, iso3=f"C{i:02d}") for i in range(40)]
    people = [Entity(f"person-{i}", f"Person {i}", EntityKind.PERSON) for i in range(60)]
    types = list(RELATION_TYPES)
    modalities = [Modality.ASSERTED] * 6 + [Modality.REPORTED] * 3 + [Modality.HYPOTHETICAL, Modality.ALLEGED]
    out: list[Extraction] = []
    for a in range(n_articles):
        aid = f"https://synthetic.example/{a}"
        present = rng.sample(countries, 6) + rng.sample(people, 2)
        claims = []
        for k in range(rng.randint(3, 9)):
            s, o = rng.sample(present[:6], 2)
            at = k * 120
            claims.append(
                Claim(
                    article_id=aid, type=rng.choice(types), subject_id=s.id, object_id=o.id,
                    subject_text=s.name, subject_start=at, subject_end=at + 9,
                    object_text=o.name, object_start=at + 40, object_end=at + 49,
                    trigger_text="verb", trigger_start=at + 20, trigger_end=at + 24,
                    sentence=f"{s.name} verb {o.name}.", sentence_index=k,
                    polarity=Polarity.NEGATED if rng.random() < 0.1 else Polarity.AFFIRMED,
                    modality=rng.choice(modalities), confidence=round(rng.uniform(0.3, 0.9), 2),
                )
            )
        mentions = [Mention(e.id, e.name, i * 50, i * 50 + 9, "exact", i) for i, e in enumerate(present)]
        article = Article(
            id=aid, text="", url=aid, title=f"Synthetic {a}", outlet=f"outlet-{a % 7}",
            published=date(2020, 1, 1) + timedelta(days=a % 365),
        )
        out.append(Extraction(article, {e.id: e for e in present}, mentions, claims))
    return out


def load_one_claim_per_transaction(loader: Loader, extractions: Sequence[Extraction]) -> LoadReport:
    """The naive strategy, with the loader's own statements and rows."""
    report = LoadReport()
    started = time.perf_counter()
    with loader.driver.session(database=loader.database) as session:
        for ex in extractions:
            plan = plan_batch([ex])

            def nodes(tx: ManagedTransaction, plan=plan) -> None:  # bind this article's plan
                tx.run(cypher.UPSERT_ENTITIES, rows=plan.entities).consume()
                tx.run(cypher.UPSERT_ARTICLES, rows=plan.articles).consume()
                tx.run(cypher.UPSERT_MENTIONS, rows=plan.mentions).consume()

            session.execute_write(nodes)
            for row in plan.claims:
                key = fact_key(row["type"], row["subject_id"], row["object_id"])

                def one_claim(tx: ManagedTransaction, row: dict = row, key: tuple | None = key) -> None:
                    tx.run(cypher.UPSERT_CLAIMS, rows=[row]).consume()
                    if key is not None:
                        loader._recompute_facts(tx, {key}, LoadReport())

                session.execute_write(one_claim)
            report.articles += 1
            report.claims += len(plan.claims)
    report.seconds = time.perf_counter() - started
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--yes", action="store_true", help="confirm that the database may be emptied")
    parser.add_argument("--synthetic", type=int, metavar="N", help="use N synthetic articles instead of Wikinews")
    parser.add_argument(
        "--news",
        type=int,
        metavar="N",
        help="use the first N articles of synth_graph.py's news stream (Zipf degrees, 20,000 entities)",
    )
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="articles per transaction (batched)")
    parser.add_argument(
        "--naive-articles", type=int, metavar="N", help="time one transaction per claim on the first N articles only"
    )
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of both strategies")
    parser.add_argument(
        "--cache",
        type=Path,
        help="pickle of the Wikinews extractions: read it when it exists, else extract and write it"
        " (extraction takes minutes; the load is what is measured)",
    )
    args = parser.parse_args(argv)
    if not args.yes:
        parser.error("this benchmark empties the database; pass --yes to confirm")

    driver, settings = connect_to_neo4j()
    db = settings.database

    t0 = time.perf_counter()
    if args.news:
        from synth_graph import SyntheticNews

        extractions = list(itertools.islice(SyntheticNews().articles(10**9), args.news))
        source = f"synth_graph news stream ({args.news} articles)"
    elif args.synthetic:
        extractions = synthetic_extractions(args.synthetic)
        source = f"synthetic ({args.synthetic} articles)"
    elif args.cache and args.cache.exists():
        with args.cache.open("rb") as fh:
            extractions = pickle.load(fh)  # a file this script wrote (trusted)
        source = f"Wikinews extractions cached in {args.cache}"
    else:
        extractions = wikinews_extractions(WIKINEWS)
        if args.cache:
            with args.cache.open("wb") as fh:
                pickle.dump(extractions, fh)
        source = f"Wikinews ({WIKINEWS.name})"
    n_claims = sum(len(e.claims) for e in extractions)
    print(f"source: {source}: {len(extractions)} articles, {n_claims} claims, "
          f"{sum(len(e.entities) for e in extractions)} entity rows; prepared in {time.perf_counter() - t0:.1f}s")

    naive_items = extractions[: args.naive_articles] if args.naive_articles else extractions
    n_naive = sum(len(e.claims) for e in naive_items)
    print(f"machine: {machine()}; load average {load_average()}")
    print(f"server: {settings.effective_uri} database={db}; per-claim strategy on {len(naive_items)} articles "
          f"({n_naive} claims)")
    server = neo4j_pid()

    def server_cpu() -> float:
        return process_cpu_seconds(server) if server else float("nan")

    loader = Loader(driver, database=db, batch_size=args.batch_size)
    # Warm-up: compile every statement's plan (then forget the data).
    wipe(driver, db)
    loader.load(extractions[:20])
    load_one_claim_per_transaction(loader, extractions[:5])

    # Several rounds, alternating; the best round of each counts (the first
    # may still pay for JIT compilation in the server).
    batched_s: list[float] = []
    naive_s: list[float] = []
    batched_cpu: list[float] = []
    naive_cpu: list[float] = []
    batched_counts: dict[str, int] = {}
    naive_counts: dict[str, int] = {}
    batches = 0
    for round_no in range(1, args.rounds + 1):
        wipe(driver, db)
        cpu0 = server_cpu()
        batched = loader.load(extractions)
        batched_cpu.append(server_cpu() - cpu0)
        batches = batched.batches
        if naive_items is extractions:
            batched_counts = graph_counts(driver, db)
        else:  # the same articles as the per-claim strategy, for the graph comparison
            wipe(driver, db)
            loader.load(naive_items)
            batched_counts = graph_counts(driver, db)
        wipe(driver, db)
        cpu0 = server_cpu()
        naive = load_one_claim_per_transaction(loader, naive_items)
        naive_cpu.append(server_cpu() - cpu0)
        naive_counts = graph_counts(driver, db)
        batched_s.append(batched.seconds)
        naive_s.append(naive.seconds)
        print(f"round {round_no}: batched {batched.seconds:8.2f}s ({n_claims / batched.seconds:9.1f} claims/s, "
              f"server {batched_cpu[-1] / n_claims * 1e3:.3f} CPU-ms/claim)   "
              f"per claim {naive.seconds:8.2f}s ({n_naive / naive.seconds:9.1f} claims/s, "
              f"server {naive_cpu[-1] / n_naive * 1e3:.3f} CPU-ms/claim)   load {load_average().split()[0]}", flush=True)
    wipe(driver, db)
    driver.close()

    b_rate = n_claims / min(batched_s)
    n_rate = n_naive / min(naive_s)
    print(f"best of {args.rounds} rounds (load average now {load_average()}):")
    print(f"  batched ({args.batch_size} articles/tx, {batches} tx): "
          f"{min(batched_s):8.2f}s  {b_rate:10.1f} claims/s  server {min(batched_cpu) / n_claims * 1e3:.3f} CPU-ms/claim")
    print(f"  one tx per claim ({n_naive + len(naive_items)} tx): "
          f"{min(naive_s):8.2f}s  {n_rate:10.1f} claims/s  server {min(naive_cpu) / n_naive * 1e3:.3f} CPU-ms/claim")
    print(f"  ratio batched/per-claim: {b_rate / n_rate:.1f}x (claims/s); "
          f"{min(naive_cpu) / n_naive / (min(batched_cpu) / n_claims):.1f}x (server CPU per claim)")
    same = batched_counts == naive_counts
    print(f"same graph from both: {same}  ({sum(v for k, v in batched_counts.items() if k.startswith('('))} "
          f"node labels, {batched_counts.get('sum(fact.claims)', 0)} claims on fact edges)")
    if not same:
        for key in sorted(set(batched_counts) | set(naive_counts)):
            if batched_counts.get(key) != naive_counts.get(key):
                print(f"  differs: {key}: batched={batched_counts.get(key)} per-claim={naive_counts.get(key)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
