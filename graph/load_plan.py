"""Plan a load batch: the rows the loader's statements write, built from
extractions in Python (entities merged, claims keyed, mentions counted), with
no database. The loader (graph.loader) writes a plan; the bulk import
(graph.bulk) writes the same rows as CSV files, so both build the same graph."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import duplicates
from graph.errors import GraphError
from graph.models import Claim, Entity, Extraction
from graph.ontology import (
    EntityKind,
    Modality,
    Polarity,
    RELATION_TYPES,
    canonical_pair,
    relation_type,
)

FactKey = tuple[str, str, str]  # (type, stored start id, stored end id)


class InvalidExtraction(GraphError, ValueError):
    """An extraction refers to something the loader cannot write (an entity id
    it does not define, a relation type outside the ontology). Still a
    ValueError, as before it joined the graph errors."""


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


