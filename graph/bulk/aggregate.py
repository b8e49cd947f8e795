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
- fact edges: RECOMPUTE_FACTS' summary of the affirmed claims of a
  (type, canonical pair) whose modality counts as fact (`FactAggregator`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

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


@dataclass(slots=True)
class _Fact:
    claims: int = 0
    articles: int = 0
    last_article: str | None = None
    outlets: set[str] = field(default_factory=set)
    first_seen: date | None = None
    last_seen: date | None = None
    keep: float = 1.0  # product of (1 - confidence)


class FactAggregator:
    """RECOMPUTE_FACTS over a whole claim set: one summary per (type, a, b)."""

    def __init__(self, fact_modalities: Iterable[Modality | str] = DEFAULT_FACT_MODALITIES) -> None:
        self.modalities = frozenset(Modality(m).value for m in fact_modalities)
        self._facts: dict[FactKey, _Fact] = {}

    def add(self, claim: dict[str, Any], article: dict[str, Any]) -> None:
        if claim["polarity"] != "affirmed" or claim["modality"] not in self.modalities:
            return
        key = fact_key(claim["type"], claim["subject_id"], claim["object_id"])
        if key is None:
            return
        fact = self._facts.get(key)
        if fact is None:
            fact = self._facts[key] = _Fact()
        fact.claims += 1
        if fact.last_article != article["id"]:  # an article's claims come together
            fact.articles += 1
            fact.last_article = article["id"]
        if article.get("outlet") is not None:
            fact.outlets.add(article["outlet"])
        seen = claim.get("event_date") or article.get("published")
        if seen is not None:
            fact.first_seen = seen if fact.first_seen is None else min(fact.first_seen, seen)
            fact.last_seen = seen if fact.last_seen is None else max(fact.last_seen, seen)
        confidence = min(1.0, max(0.0, float(claim["confidence"])))
        fact.keep *= 1.0 - confidence

    def __len__(self) -> int:
        return len(self._facts)

    def edges(self) -> Iterator[tuple[FactKey, dict[str, Any]]]:
        """(key, properties) of every fact edge, as RECOMPUTE_FACTS sets them."""
        for key in sorted(self._facts):
            fact = self._facts[key]
            rtype = RELATION_TYPES[key[0]]
            noisy_or = 1.0 - fact.keep
            props: dict[str, Any] = {
                "source": SOURCE_ARTICLE,
                "claims": fact.claims,
                "articles": fact.articles,
                "outlets": len(fact.outlets),
                "first_seen": fact.first_seen,
                "last_seen": fact.last_seen,
                "confidence": round_half_up(min(noisy_or, MAX_FACT_CONFIDENCE), 4),
                **fact_parameters(rtype),
            }
            _drop_nulls(props)
            yield key, props


def reference_edge_props(name: str) -> dict[str, Any]:
    """UPSERT_REFERENCE_EDGES' properties."""
    rtype = RELATION_TYPES[name]
    return {"source": SOURCE_REFERENCE, "sign": rtype.sign, "tier": rtype.tier.value, "symmetric": rtype.symmetric}


__all__ = ["EntityTable", "FactAggregator", "reference_edge_props", "round_half_up"]
