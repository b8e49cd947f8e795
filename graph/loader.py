"""Write extractions to Neo4j: batched, idempotent, one transaction per batch.

`Loader.load(extractions)` splits its input into batches of `batch_size`
articles and writes each batch in one managed write transaction
(`session.execute_write`, which the driver retries on transient errors such as
deadlocks or a leader switch). Inside the transaction, nodes come before the
relationships that need them:

1. ask which of the batch's articles are stored already; the rest are new to
   the database, and so are their claims (a claim id includes its article id);
2. for the stored ones (a re-ingest), delete the claims (and mentions) each
   article asserted before but not now, remembering which fact edges they fed;
3. MERGE entities (by id; names and aliases are unioned; an entity stored as
   the row would leave it is not written), MERGE the stored articles, CREATE
   the new ones;
4. claims with their ASSERTS/SUBJECT/OBJECT/ATTRIBUTED_TO links, and MENTIONS
   with their counts: MERGEd for stored articles, plainly CREATEd for new ones
   (nothing to match: most of a bulk load's cost was MERGE checking the links
   of hub entities);
5. link near-duplicate articles through the bands of their fingerprints
   (graph.duplicates): each lists the others in `duplicates`;
6. recompute the fact edges of exactly the (type, pair) keys this batch
   touched -- new claims, removed ones, and those of articles whose duplicates
   changed -- and delete those left with no qualifying claim. The rest of the
   graph is not read.

Every write is a MERGE on a uniquely constrained key, a CREATE of what the
existence check found absent, or a SET of values that depend only on the input
and the stored claims, so loading the same extractions again changes no count.
An error anywhere in a batch rolls back the whole batch: no half-written
article.

Which claims become fact edges: affirmed claims whose modality is in
`fact_modalities` (default `graph.ontology.DEFAULT_FACT_MODALITIES`: asserted,
reported, historical). Negated, alleged, planned and hypothetical claims stay
queryable as :Claim nodes only. Self-loops (subject == object) stay claims too.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import ConstraintError

from graph import duplicates
from graph.cypher import write as cypher
from graph.load_plan import (  # noqa: F401  (the planning names, re-exported for callers)
    BatchPlan,
    FactKey,
    InvalidExtraction,
    SplitPlan,
    _batches,
    _entity_row,
    _merge_entity,
    claim_properties,
    fact_key,
    plan_batch,
)
from graph.models import Extraction
from graph.ranking import merge_rankings, refresh_rankings
from graph.ontology import (
    DEFAULT_FACT_MODALITIES,
    RELATION_TYPES,
    Modality,
    fact_modality_values,
)

# Articles per transaction. Large, because a transaction's fixed cost (about
# 35 statements, most of them one fact recompute per relation type) is paid
# once per batch; 1,000 news articles are ~6,500 claims, a few tens of MB of
# transaction state.
DEFAULT_BATCH_SIZE = 1000

@dataclass(slots=True)
class LoadReport:
    """What one `Loader.load` call wrote. Counts are rows written (MERGEd, so a
    repeated load reports the same numbers and creates nothing)."""

    articles: int = 0
    entities: int = 0
    claims: int = 0
    mentions: int = 0
    fact_edges: int = 0  # fact edges recomputed and present afterwards
    fact_edges_deleted: int = 0  # fact edges removed because no claim qualifies any more
    claims_removed: int = 0  # claims of re-ingested articles that the new extraction dropped
    batches: int = 0
    seconds: float = 0.0

    def add(self, other: LoadReport) -> None:
        for name in (
            "articles",
            "entities",
            "claims",
            "mentions",
            "fact_edges",
            "fact_edges_deleted",
            "claims_removed",
            "batches",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds

    @property
    def claims_per_second(self) -> float:
        return self.claims / self.seconds if self.seconds > 0 else 0.0


class Loader:
    """Writes `Extraction`s into Neo4j. One instance per driver; reusable."""

    def __init__(
        self,
        driver: Driver,
        database: str = "neo4j",
        fact_modalities: Iterable[Modality | str] = DEFAULT_FACT_MODALITIES,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.driver = driver
        self.database = database
        self.fact_modalities = fact_modality_values(fact_modalities)
        self.batch_size = batch_size

    def load(self, extractions: Sequence[Extraction] | Iterable[Extraction]) -> LoadReport:
        """Write the extractions, `batch_size` articles per transaction."""
        items = list(extractions)
        report = LoadReport()
        for batch in _batches(items, self.batch_size):
            report.add(self.load_batch(batch))
        return report

    def load_batch(self, extractions: Sequence[Extraction]) -> LoadReport:
        """Write one batch in one managed write transaction (retried on transient errors)."""
        started = time.perf_counter()
        plan = plan_batch(extractions)
        with self.driver.session(database=self.database) as session:
            try:
                report = session.execute_write(self._write, plan)
            except ConstraintError:
                # Another writer stored one of these articles between the
                # existence check and the CREATE; the whole attempt rolled
                # back. Once more: the check now finds the article, and the
                # re-ingest path MERGEs it (an error again is a real one).
                report = session.execute_write(self._write, plan)
        report.batches = 1
        report.seconds = time.perf_counter() - started
        return report

    # The transaction function: it may run more than once (retries), so it
    # builds its report from scratch and mutates nothing outside itself.
    def _write(self, tx: ManagedTransaction, plan: BatchPlan) -> LoadReport:
        report = LoadReport(articles=len(plan.articles), entities=plan.entity_count)
        split = SplitPlan.of(plan, self._stored_articles(tx, plan))
        fact_keys = set(plan.fact_keys)
        if split.stored.articles:
            fact_keys |= self._delete_stale(tx, split.stored, report)
        self._write_nodes(tx, split)
        self._write_relationships(tx, split, report)
        fact_keys |= self._link_duplicates(tx, split)
        self._recompute_facts(tx, fact_keys, report)
        # A step of its own, after the fact edges are final: re-rank the
        # edges of every entity at either end of a recomputed key. A batch of
        # new articles only strengthens edges, so the old lists merge with the
        # changed edges; a re-ingest may weaken or delete some: ranked in full.
        if split.stored.articles:
            refresh_rankings(tx, {entity for _, a, b in fact_keys for entity in (a, b)})
        else:
            merge_rankings(tx, fact_keys)
        return report

    @staticmethod
    def _link_duplicates(tx: ManagedTransaction, split: SplitPlan) -> set[FactKey]:
        """Record near-duplicates; the fact keys of every article whose list changed."""
        if split.stored.articles:
            tx.run(cypher.UNLINK_DUPLICATES, ids=split.stored.article_ids).consume()
        rows = [
            {"id": r["id"], "bands": duplicates.band_keys(r["fingerprint"])}
            for r in split.batch.articles
            if r.get("fingerprint")
        ]
        if not rows:
            return set()
        changed = tx.run(
            cypher.LINK_DUPLICATES, rows=rows, min_equal=duplicates.min_equal_positions()
        ).single(strict=True)["changed"]
        # Re-ingested articles may have lost duplicates: their edges change too.
        changed = sorted(set(changed) | set(split.stored.article_ids))
        keys: set[FactKey] = set()
        if changed:
            for record in tx.run(cypher.CLAIM_KEYS_OF_ARTICLES, ids=changed):
                key = fact_key(record["type"], record["subject_id"], record["object_id"])
                if key is not None:
                    keys.add(key)
        return keys

    @staticmethod
    def _stored_articles(tx: ManagedTransaction, plan: BatchPlan) -> set[str]:
        record = tx.run(cypher.EXISTING_ARTICLES, ids=plan.article_ids).single(strict=True)
        return set(record["ids"])

    def _delete_stale(self, tx: ManagedTransaction, plan: BatchPlan, report: LoadReport) -> set[FactKey]:
        keys: set[FactKey] = set()
        for record in tx.run(cypher.DELETE_STALE_CLAIMS, rows=plan.keep):
            report.claims_removed += 1
            if record["type"] in RELATION_TYPES:
                key = fact_key(record["type"], record["subject_id"], record["object_id"])
                if key is not None:
                    keys.add(key)
        tx.run(cypher.DELETE_STALE_MENTIONS, rows=plan.keep).consume()
        return keys

    def _write_nodes(self, tx: ManagedTransaction, split: SplitPlan) -> None:
        tx.run(cypher.UPSERT_ENTITIES, rows=split.batch.entities).consume()
        if split.stored.articles:
            tx.run(cypher.UPSERT_ARTICLES, rows=split.stored.articles).consume()
        if split.new.articles:
            tx.run(cypher.CREATE_ARTICLES, rows=split.new.articles).consume()

    def _write_relationships(self, tx: ManagedTransaction, split: SplitPlan, report: LoadReport) -> None:
        if split.stored.articles:
            report.claims += tx.run(cypher.UPSERT_CLAIMS, rows=split.stored.claims).single(strict=True)["claims"]
            report.mentions += tx.run(cypher.UPSERT_MENTIONS, rows=split.stored.mentions).single(strict=True)[
                "mentions"
            ]
        if split.new.articles:
            new = split.new
            report.claims += tx.run(cypher.CREATE_CLAIMS, rows=new.claims).single(strict=True)["claims"]
            speakers = [{"id": c["id"], "speaker": c["attributed_to"]} for c in new.claims if c["attributed_to"]]
            if speakers:
                tx.run(cypher.CREATE_ATTRIBUTIONS, rows=speakers).consume()
            report.mentions += tx.run(cypher.CREATE_MENTIONS, rows=new.mentions).single(strict=True)["mentions"]

    def _recompute_facts(self, tx: ManagedTransaction, keys: set[FactKey], report: LoadReport) -> None:
        pairs_by_type: dict[str, list[dict[str, str]]] = defaultdict(list)
        for claim_type, a, b in sorted(keys):
            pairs_by_type[claim_type].append({"a": a, "b": b})
        for claim_type, pairs in pairs_by_type.items():
            rtype = RELATION_TYPES[claim_type]
            record = tx.run(
                cypher.RECOMPUTE_FACTS[claim_type],
                pairs=pairs,
                modalities=self.fact_modalities,
                **cypher.fact_parameters(rtype),
            ).single(strict=True)
            report.fact_edges += record["upserted"] or 0
            report.fact_edges_deleted += record["deleted"] or 0


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "BatchPlan",
    "InvalidExtraction",
    "LoadReport",
    "Loader",
    "SplitPlan",
    "claim_properties",
    "fact_key",
    "plan_batch",
]
