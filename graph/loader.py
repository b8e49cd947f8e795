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
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import ConstraintError

from graph import duplicates
from graph.cypher import write as cypher
from graph.errors import GraphError
from graph.models import Claim, Entity, Extraction
from graph.ranking import merge_rankings, refresh_rankings
from graph.ontology import (
    DEFAULT_FACT_MODALITIES,
    RELATION_TYPES,
    EntityKind,
    Modality,
    Polarity,
    canonical_pair,
    fact_modality_values,
    relation_type,
)

# Articles per transaction. Large, because a transaction's fixed cost (about
# 35 statements, most of them one fact recompute per relation type) is paid
# once per batch; 1,000 news articles are ~6,500 claims, a few tens of MB of
# transaction state.
DEFAULT_BATCH_SIZE = 1000

FactKey = tuple[str, str, str]  # (type, stored start id, stored end id)


class InvalidExtraction(GraphError, ValueError):
    """An extraction refers to something the loader cannot write (an entity id
    it does not define, a relation type outside the ontology). Still a
    ValueError, as before it joined the graph errors."""


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


@dataclass(slots=True)
class BatchPlan:
    """The parameter rows of one batch, grouped the way the statements take them.

    `claims` rows are the claims' full property maps (`claim_properties`);
    `articles` rows the articles' properties; every row names its article
    (`id` or `article_id`) so the plan can be split by article (`only`).
    """

    entities: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    keep: list[dict[str, Any]] = field(default_factory=list)  # per article: claim and entity ids
    fact_keys: set[FactKey] = field(default_factory=set)

    @property
    def entity_count(self) -> int:
        return len(self.entities)

    @property
    def article_ids(self) -> list[str]:
        return [row["id"] for row in self.articles]

    def only(self, article_ids: set[str]) -> BatchPlan:
        """The rows of these articles (entities and fact keys are not split:
        the caller writes those for the whole batch)."""
        return BatchPlan(
            articles=[r for r in self.articles if r["id"] in article_ids],
            claims=[r for r in self.claims if r["article_id"] in article_ids],
            mentions=[r for r in self.mentions if r["article_id"] in article_ids],
            keep=[r for r in self.keep if r["article_id"] in article_ids],
        )


@dataclass(slots=True)
class SplitPlan:
    """One attempt's view of a batch: its articles split by whether the
    database already holds them (decided inside the transaction, so a retry
    decides again)."""

    batch: BatchPlan
    stored: BatchPlan  # re-ingested articles: stale-claim delete, MERGE
    new: BatchPlan  # articles new to the database: CREATE

    @staticmethod
    def of(batch: BatchPlan, stored_ids: set[str]) -> SplitPlan:
        if not stored_ids:
            return SplitPlan(batch, BatchPlan(), batch)
        new_ids = set(batch.article_ids) - stored_ids
        return SplitPlan(batch, batch.only(stored_ids), batch.only(new_ids))


def fact_key(claim_type: str, subject_id: str, object_id: str) -> FactKey | None:
    """The stored (type, start, end) of the fact edge a claim feeds; None for a
    self-loop, which never becomes a fact edge."""
    if subject_id == object_id:
        return None
    a, b = canonical_pair(RELATION_TYPES[claim_type], subject_id, object_id)
    return claim_type, a, b


def _entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": EntityKind(entity.kind).value,
        "aliases": list(entity.aliases),
        "iso3": entity.iso3,
        "wikidata": entity.wikidata,
        "source": entity.source,
    }


def _merge_entity(into: Entity | None, entity: Entity) -> Entity:
    """Two extractions in one batch may describe the same id: union the aliases
    so the batch writes one row per entity."""
    if into is None or into is entity or into == entity:
        return into or entity
    aliases = list(into.aliases)
    for name in (entity.name, *entity.aliases):
        if name != into.name and name not in aliases:
            aliases.append(name)
    return Entity(
        id=into.id,
        name=into.name,
        kind=into.kind,
        aliases=tuple(aliases),
        iso3=into.iso3 or entity.iso3,
        wikidata=into.wikidata or entity.wikidata,
        source=into.source,
    )


def claim_properties(claim: Claim, claim_id: str | None = None) -> dict[str, Any]:
    """Every Claim field plus its id, as Neo4j values (dates stay `date`).
    `claim_id`: the claim's id when the caller has it (it is a SHA-1)."""
    props: dict[str, Any] = {
        "id": claim_id or claim.id,
        "article_id": claim.article_id,
        "type": claim.type,
        "subject_id": claim.subject_id,
        "object_id": claim.object_id,
        "subject_text": claim.subject_text,
        "subject_start": claim.subject_start,
        "subject_end": claim.subject_end,
        "object_text": claim.object_text,
        "object_start": claim.object_start,
        "object_end": claim.object_end,
        "trigger_text": claim.trigger_text,
        "trigger_start": claim.trigger_start,
        "trigger_end": claim.trigger_end,
        "sentence": claim.sentence,
        "sentence_index": claim.sentence_index,
        "polarity": Polarity(claim.polarity).value,
        "modality": Modality(claim.modality).value,
        "attributed_to": claim.attributed_to,
        "event_date": claim.event_date,
        "event_date_precision": claim.event_date_precision,
        "event_date_text": claim.event_date_text,
        "event_ongoing": claim.event_ongoing,
        "location_id": claim.location_id,
        "location_text": claim.location_text,
        "location_start": claim.location_start,
        "location_end": claim.location_end,
        "title": claim.title,
        "confidence": float(claim.confidence),
        "extractor": claim.extractor,
        "extractor_version": claim.extractor_version,
        "rule": claim.rule,
        # What makes two claims one piece of evidence (graph.duplicates).
        "sentence_key": duplicates.sentence_key(claim.sentence),
    }
    return props


def plan_batch(extractions: Sequence[Extraction]) -> BatchPlan:
    """Validate a batch and turn it into parameter rows (pure; no database).

    A later extraction of the same article id in one batch wins. Raises
    InvalidExtraction when a claim names an entity the extraction does not
    define or a type outside the ontology.
    """
    by_article: dict[str, Extraction] = {}
    for ex in extractions:
        by_article[ex.article.id] = ex

    plan = BatchPlan()
    entities: dict[str, Entity] = {}
    for ex in by_article.values():
        article = ex.article
        for key, entity in ex.entities.items():
            if key != entity.id:
                raise InvalidExtraction(
                    f"article {article.id}: entities[{key!r}] holds entity id {entity.id!r};"
                    " key the dict by Entity.id"
                )
            entities[entity.id] = _merge_entity(entities.get(entity.id), entity)

        claims: dict[str, Claim] = {}
        for claim in ex.claims:
            if claim.article_id != article.id:
                raise InvalidExtraction(
                    f"claim {claim.id} names article {claim.article_id!r} but is in the"
                    f" extraction of {article.id!r}"
                )
            if claim.type not in RELATION_TYPES:
                try:
                    relation_type(claim.type)
                except ValueError as e:
                    raise InvalidExtraction(f"article {article.id}: {e}") from e
                raise InvalidExtraction(
                    f"article {article.id}: claim type {claim.type!r} must be upper case"
                )
            for role, entity_id in (("subject", claim.subject_id), ("object", claim.object_id)):
                if entity_id not in ex.entities:
                    raise InvalidExtraction(
                        f"article {article.id}: claim {claim.type} has {role} {entity_id!r},"
                        " which is not in the extraction's entities; add the Entity"
                    )
            claims[claim.id] = claim  # the same claim twice is written once

        extractor_version = next((c.extractor_version for c in ex.claims), None)
        extractor = next((c.extractor for c in ex.claims), None)
        plan.articles.append(
            {
                "id": article.id,
                "url": article.url,
                "title": article.title,
                "standfirst": article.standfirst,
                # Stored for the full-text search over articles (schema.ARTICLE_TEXT_INDEX)
                # and so claim offsets can be checked against the text they index.
                "text": article.text,
                "outlet": article.outlet,
                "author": article.author,
                "published": article.published,
                "language": article.language,
                "source": article.source,
                "license": article.license,
                "fingerprint": list(article.fingerprint) or None,
                "extractor": extractor,
                "extractor_version": extractor_version,
            }
        )
        for claim_id, claim in claims.items():
            plan.claims.append(claim_properties(claim, claim_id))
            key = fact_key(claim.type, claim.subject_id, claim.object_id)
            if key is not None:
                plan.fact_keys.add(key)

        counts = ex.mention_counts()
        for entity_id, count in sorted(counts.items()):
            if entity_id not in ex.entities:
                raise InvalidExtraction(
                    f"article {article.id}: a mention names entity {entity_id!r}, which is not"
                    " in the extraction's entities"
                )
            plan.mentions.append({"article_id": article.id, "entity_id": entity_id, "count": count})
        plan.keep.append(
            {
                "article_id": article.id,
                "claim_ids": sorted(claims),
                "entity_ids": sorted(counts),
            }
        )

    plan.entities = [_entity_row(entity) for entity in entities.values()]
    return plan


def _batches(items: Sequence[Extraction], size: int) -> Iterable[Sequence[Extraction]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


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
