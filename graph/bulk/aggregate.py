"""The graph the online loader would build, computed in Python from records.

The loader's rules live in its Cypher (graph/cypher/write.py); a bulk import
writes the finished graph instead of running those statements, so the rules
are restated here once, each next to the statement it mirrors, and
tests/integration/test_bulk_import.py checks them against the loader itself:

- entities: the reference backbone first (as `geokg init --reference` writes
  it), then per load batch the loader's own in-batch merge
  (`graph.loader._merge_entity`) and UPSERT_ENTITIES' rule across batches
  (first name, kind and source stay; aliases are unioned in first-seen order;
  a later non-null iso3/wikidata wins). Batching changes alias order, so the
  import replays the batch size the online load would use;
- ATTRIBUTED_TO: only when the speaker is a stored entity by the end of the
  claim's batch (CREATE_ATTRIBUTIONS matches it in the same transaction);
- near-duplicates: LINK_DUPLICATES' pairs over all articles (`DuplicateFinder`),
  found before the claims are aggregated, since they decide what is one story;
- fact edges: RECOMPUTE_FACTS' summary of the affirmed claims of a
  (type, canonical pair) whose modality counts as fact (`FactAggregator`):
  claims, distinct sentences and stories, outlets, period and date source,
  and the noisy-or confidence over the distinct sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from graph import duplicates
from graph.cypher.write import SOURCE_ARTICLE, SOURCE_REFERENCE, fact_parameters
from graph.loader import FactKey, _merge_entity, fact_key
from graph.models import Entity
from graph.ontology import DEFAULT_FACT_MODALITIES, RELATION_TYPES, EntityKind, Modality

# The noisy-or of a fact edge's confidences is capped here, as in RECOMPUTE_FACTS.
MAX_FACT_CONFIDENCE = 0.99


def _alias_union(current_name: str | None, *lists: Iterable[str | None]) -> list[str]:
    """Cypher's _ALIAS_UNION: concatenated, nulls and the name dropped, first seen kept."""
    out: list[str] = []
    for names in lists:
        for a in names:
            if a is None or a == current_name or a in out:
                continue
            out.append(a)
    return out


@dataclass(slots=True)
class EntityNode:
    labels: tuple[str, ...]
    props: dict[str, Any]


class EntityTable:
    """Entity nodes as the loader leaves them, updated row by row."""

    def __init__(self) -> None:
        self.nodes: dict[str, EntityNode] = {}

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self.nodes

    def add_reference(self, row: dict[str, Any]) -> None:
        """UPSERT_REFERENCE_ENTITIES: the backbone's name is canonical."""
        node = self.nodes.get(row["id"])
        if node is None:
            node = EntityNode(("Entity", row["kind"]), {"id": row["id"], "kind": row["kind"], "aliases": []})
            self.nodes[row["id"]] = node
        p = node.props
        previous = p.get("name")
        p.update({k: v for k, v in row["props"].items()})
        p["name"], p["source"] = row["name"], SOURCE_REFERENCE
        for key in ("iso3", "wikidata"):
            value = row[key] if row[key] is not None else p.get(key)
            p[key] = value
        p["aliases"] = _alias_union(p["name"], p.get("aliases") or [], row["aliases"] or [], [previous])
        _drop_nulls(p)

    def upsert(self, row: dict[str, Any]) -> None:
        """UPSERT_ENTITIES for one (batch-merged) row."""
        node = self.nodes.get(row["id"])
        if node is None:
            node = EntityNode(
                ("Entity", row["kind"]),
                {"id": row["id"], "kind": row["kind"], "name": row["name"], "source": row["source"], "aliases": []},
            )
            self.nodes[row["id"]] = node
        p = node.props
        p["aliases"] = _alias_union(p.get("name"), p.get("aliases") or [], row["aliases"] or [], [row["name"]])
        for key in ("iso3", "wikidata"):
            value = row[key] if row[key] is not None else p.get(key)
            p[key] = value
        _drop_nulls(p)

    def upsert_batch(self, records: Sequence[dict[str, Any]]) -> None:
        """One load batch's entities: plan_batch's merge, then one upsert per id."""
        merged: dict[str, Entity] = {}
        for record in records:
            for row in record["entities"]:
                entity = Entity(
                    id=row["id"], name=row["name"], kind=EntityKind(row["kind"]), aliases=tuple(row["aliases"] or ()),
                    iso3=row["iso3"], wikidata=row["wikidata"], source=row["source"],
                )  # fmt: skip
                merged[entity.id] = _merge_entity(merged.get(entity.id), entity)
        for entity in merged.values():
            self.upsert(
                {"id": entity.id, "name": entity.name, "kind": EntityKind(entity.kind).value,
                 "aliases": list(entity.aliases), "iso3": entity.iso3, "wikidata": entity.wikidata,
                 "source": entity.source}
            )  # fmt: skip


def _drop_nulls(props: dict[str, Any]) -> None:
    # SET x = null removes x: a null is never stored.
    for key in [k for k, v in props.items() if v is None]:
        del props[key]


def round_half_up(value: float, digits: int) -> float:
    """Cypher's round(value, digits): half away from zero on the decimal value."""
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


class DuplicateFinder:
    """LINK_DUPLICATES over every article of the import: articles that share a
    band of their fingerprints (graph.duplicates.band_keys) and agree on at
    least `min_equal_positions()` positions list each other, ids sorted. The
    loader finds each pair when the later of the two is loaded, so the lists it
    ends with do not depend on the order or the batching of the load."""

    def __init__(self) -> None:
        self.bands: dict[str, list[str]] = {}  # band key -> article ids, in load order
        self._signatures: dict[str, tuple[int, ...]] = {}
        self._found: dict[str, set[str]] = {}
        self._min_equal = duplicates.min_equal_positions()

    def add(self, article_id: str, fingerprint: Sequence[int] | None) -> None:
        if not fingerprint:
            return  # no fingerprint: the loader gives the article no bands
        signature = tuple(fingerprint)
        keys = duplicates.band_keys(signature)
        candidates = {o for key in keys for o in self.bands.get(key, ())}
        for other in candidates:
            theirs = self._signatures[other]
            if other == article_id or len(theirs) != len(signature):
                continue
            if sum(1 for x, y in zip(signature, theirs) if x == y) >= self._min_equal:
                self._found.setdefault(article_id, set()).add(other)
                self._found.setdefault(other, set()).add(article_id)
        self._signatures[article_id] = signature
        for key in keys:
            self.bands.setdefault(key, []).append(article_id)

    def of(self, article_id: str) -> list[str]:
        """The article's `duplicates` ([] when it has none, and then not stored)."""
        return sorted(self._found.get(article_id, ()))


@dataclass(slots=True)
class _Fact:
    claims: int = 0
    dated: int = 0  # claims with an event date
    evidence: dict[str, float] = field(default_factory=dict)  # evidence key -> its most confident claim
    stories: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    first_seen: date | None = None
    last_seen: date | None = None


def _min(a: date | None, b: date | None) -> date | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: date | None, b: date | None) -> date | None:
    return b if a is None else a if b is None else max(a, b)


class FactAggregator:
    """RECOMPUTE_FACTS over a whole claim set: one summary per (type, a, b),
    each step the statement's own (its comments explain the rules)."""

    def __init__(self, fact_modalities: Iterable[Modality | str] = DEFAULT_FACT_MODALITIES) -> None:
        self.modalities = frozenset(Modality(m).value for m in fact_modalities)
        self._facts: dict[FactKey, _Fact] = {}

    def add(self, claim: dict[str, Any], article: dict[str, Any], article_duplicates: Sequence[str] = ()) -> None:
        """One claim of `article`, whose final `duplicates` list is `article_duplicates`."""
        if claim["polarity"] != "affirmed" or claim["modality"] not in self.modalities:
            return
        key = fact_key(claim["type"], claim["subject_id"], claim["object_id"])
        if key is None:
            return
        fact = self._facts.get(key)
        if fact is None:
            fact = self._facts[key] = _Fact()
        outlet = article.get("outlet")
        # One story: an article and its near-duplicates, named by the least id.
        story = min([article["id"], *article_duplicates])
        # One piece of evidence: a sentence of an outlet, or of the story when
        # the article has copies or no outlet.
        source = story if article_duplicates or outlet is None else "outlet:" + outlet
        evidence = source + "|" + (claim.get("sentence_key") or claim["id"])
        fact.claims += 1
        confidence = float(claim["confidence"])
        best = fact.evidence.get(evidence)
        fact.evidence[evidence] = confidence if best is None else max(best, confidence)
        fact.stories.add(story)
        if outlet is not None:
            fact.outlets.add(outlet)
        event_date, published = claim.get("event_date"), article.get("published")
        if event_date is not None:
            fact.dated += 1
        seen = event_date if event_date is not None else published
        fact.first_seen = _min(fact.first_seen, seen)
        # A state "since 1993" runs to the article's date.
        fact.last_seen = _max(fact.last_seen, published if claim.get("event_ongoing") else seen)

    def __len__(self) -> int:
        return len(self._facts)

    def edges(self) -> Iterator[tuple[FactKey, dict[str, Any]]]:
        """(key, properties) of every fact edge, as RECOMPUTE_FACTS sets them
        (without the write stamps, which the import adds)."""
        for key in sorted(self._facts):
            fact = self._facts[key]
            rtype = RELATION_TYPES[key[0]]
            keep = 1.0
            for x in fact.evidence.values():
                keep *= 1.0 - min(1.0, max(0.0, x))
            noisy_or = 1.0 - keep
            if fact.dated == fact.claims:
                date_source = "event"
            elif fact.dated == 0:
                date_source = "article"
            else:
                date_source = "mixed"
            props: dict[str, Any] = {
                "source": SOURCE_ARTICLE,
                "claims": fact.claims,
                "sentences": len(fact.evidence),
                "articles": len(fact.stories),
                "outlets": len(fact.outlets),
                "first_seen": fact.first_seen,
                "last_seen": fact.last_seen,
                "date_source": date_source,
                "confidence": round_half_up(min(noisy_or, MAX_FACT_CONFIDENCE), 4),
                **fact_parameters(rtype),
            }
            _drop_nulls(props)
            yield key, props


def reference_edge_props(name: str) -> dict[str, Any]:
    """UPSERT_REFERENCE_EDGES' properties."""
    rtype = RELATION_TYPES[name]
    return {"source": SOURCE_REFERENCE, "sign": rtype.sign, "tier": rtype.tier.value, "symmetric": rtype.symmetric}


__all__ = ["DuplicateFinder", "EntityTable", "FactAggregator", "reference_edge_props", "round_half_up"]
