"""Matching claims to hand-annotated document-level gold (seed-gold.json, wikinews-gold.jsonl).

One matcher for both files (the seed is the one-article case): a claim matches a
gold triple when both of its arguments resolve to the gold entities and its type
is the gold type or one of the triple's `alt_types`; symmetric types and the
types stored directed but queried undirected (MEETS_WITH, TRADES_WITH) match in
either direction.

A resolved entity "is" a gold entity when its name or one of its aliases equals
the gold canonical name or one of the mentions the gold lists for it
(case-insensitive), or when both carry the same ISO3 code. Matching the gold's
mentions is what lets "Federal Aviation Office of Germany" kept as its own
entity still count as Germany; the gold's entity traps report such splits
separately (`entity_traps`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph.models import Entity, Extraction
from graph.ontology import RELATION_TYPES
from ingest.evaluation.predictions import PredClaim

# Types matched in either direction: the symmetric ones, plus those the ontology
# marks "(yes)" (stored directed but queried undirected).
UNDIRECTED_TYPES: frozenset[str] = frozenset(
    {name for name, t in RELATION_TYPES.items() if t.symmetric} | {"MEETS_WITH", "TRADES_WITH"}
)

# "(Israel as object is also acceptable)" in a 'why' names an accepted alternative.
_ALTERNATIVE = re.compile(r"\(([^()]+?) as (subject|object) is also acceptable\)")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    canonical: str
    kind: str
    iso3: str | None
    mentions: tuple[str, ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset({norm(self.canonical), *(norm(m) for m in self.mentions)})


def norm(s: str) -> str:
    return " ".join(s.casefold().split())


def gold_entities(gold: dict) -> dict[str, GoldEntity]:
    return {
        e["canonical"]: GoldEntity(e["canonical"], e.get("kind", ""), e.get("iso3"), tuple(e.get("mentions", ())))
        for e in gold["entities"]
    }


def entity_is(entity: Entity | None, gold: GoldEntity | None, name: str, *, by_mentions: bool = True) -> bool:
    """Whether a resolved entity is the gold entity called `name` (see the module docstring).

    `gold` is None when `name` is not among the article's gold entities (an
    alternative named only in a 'why'); then the name alone decides. With
    `by_mentions=False` only the canonical name and ISO3 count: the entity traps
    ask whether "Strelsau" became the state itself, not an entity named after
    one of its mentions.
    """
    if entity is None:
        return False
    if gold is None:
        targets = frozenset({norm(name)})
    else:
        targets = gold.names if by_mentions else frozenset({norm(gold.canonical)})
    if norm(entity.name) in targets or any(norm(a) in targets for a in entity.aliases):
        return True
    iso3 = gold.iso3 if gold else None
    return bool(iso3) and iso3 in {entity.iso3, entity.id}


def alternatives(item: dict) -> tuple[list[str], list[str]]:
    """The subjects and objects a gold triple accepts (its own, plus those its 'why' names)."""
    subjects, objects = [item["subject"]], [item["object"]]
    for name, role in _ALTERNATIVE.findall(item.get("why", "")):
        (subjects if role == "subject" else objects).append(name.strip())
    return subjects, objects


def accepted_types(item: dict) -> tuple[str, ...]:
    return (item["type"], *item.get("alt_types", ()))


def matching_claims(
    extraction: Extraction,
    claims: Iterable[PredClaim],
    golds: dict[str, GoldEntity],
    subjects: Sequence[str],
    rtypes: str | Sequence[str],
    objects: Sequence[str],
) -> list[PredClaim]:
    """The claims of one of `rtypes` between an accepted subject and an accepted object."""
    types = {rtypes} if isinstance(rtypes, str) else set(rtypes)

    def is_any(entity_id: str, names: Sequence[str]) -> bool:
        entity = extraction.entities.get(entity_id)
        return any(entity_is(entity, golds.get(n), n) for n in names)

    out = []
    for c in claims:
        if c.type not in types:
            continue
        forward = is_any(c.subject_id, subjects) and is_any(c.object_id, objects)
        backward = c.type in UNDIRECTED_TYPES and is_any(c.subject_id, objects) and is_any(c.object_id, subjects)
        if forward or backward:
            out.append(c)
    return out


def claims_matching_item(
    extraction: Extraction, claims: Iterable[PredClaim], golds: dict[str, GoldEntity], item: dict
) -> list[PredClaim]:
    """The claims that match one gold `must` or `must_not_facts` item (its alt types included)."""
    subjects, objects = alternatives(item)
    return matching_claims(extraction, claims, golds, subjects, accepted_types(item), objects)
