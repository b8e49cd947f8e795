"""Entity scoring: predicted mentions against gold entities (lenient and strict).

A predicted mention matches a gold entity of a compatible type (see
`mapping.compatible_re3d_types`) when their spans overlap (lenient) or are
equal (strict); each gold entity and each prediction is matched at most once.
Unmatched predictions are false positives, unmatched gold entities false
negatives. Per type: matches and misses count under the gold type,
unmatched predictions under the prediction's primary re3d type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.evaluation.mapping import SCORED_ENTITY_TYPES, compatible_re3d_types, primary_re3d_type
from ingest.evaluation.matching import best_match
from ingest.evaluation.metrics import PRF, total
from ingest.evaluation.predictions import PredMention
from ingest.evaluation.re3d import GoldEntity
from ingest.evaluation.spans import overlap_size


@dataclass(slots=True)
class EntityMatch:
    """The outcome of matching one document (or the sum of several) one way."""

    per_type: dict[str, PRF] = field(default_factory=dict)
    false_positives: list[PredMention] = field(default_factory=list)
    false_negatives: list[GoldEntity] = field(default_factory=list)
    matches: list[tuple[PredMention, GoldEntity]] = field(default_factory=list)

    @property
    def overall(self) -> PRF:
        return total(self.per_type)

    def add(self, other: EntityMatch) -> None:
        for t, prf in other.per_type.items():
            self.per_type[t] = self.per_type.get(t, PRF()) + prf
        self.false_positives.extend(other.false_positives)
        self.false_negatives.extend(other.false_negatives)
        self.matches.extend(other.matches)


def scored_gold(entities: Sequence[GoldEntity]) -> list[GoldEntity]:
    """The gold entities entity scoring covers (Person, Organisation, Location, Nationality)."""
    return [e for e in entities if e.type in SCORED_ENTITY_TYPES]


def match_entities(
    preds: Sequence[PredMention], golds: Sequence[GoldEntity], strict: bool
) -> EntityMatch:
    """Match one document's predicted mentions to its (scored) gold entities."""

    def score(p: PredMention, g: GoldEntity) -> float | None:
        if g.type not in compatible_re3d_types(p.kind, p.rule):
            return None
        if strict:
            return 1.0 if (p.start, p.end) == (g.start, g.end) else None
        size = overlap_size(p.start, p.end, g.start, g.end)
        return float(size) if size > 0 else None

    pairs = best_match(preds, golds, score)
    out = EntityMatch(per_type={t: PRF() for t in SCORED_ENTITY_TYPES})
    matched_gold = set(pairs.values())
    for i, p in enumerate(preds):
        if i in pairs:
            g = golds[pairs[i]]
            out.per_type[g.type] = out.per_type[g.type] + PRF(tp=1)
            out.matches.append((p, g))
        else:
            t = primary_re3d_type(p.kind, p.rule)
            out.per_type[t] = out.per_type.get(t, PRF()) + PRF(fp=1)
            out.false_positives.append(p)
    for j, g in enumerate(golds):
        if j not in matched_gold:
            out.per_type[g.type] = out.per_type.get(g.type, PRF()) + PRF(fn=1)
            out.false_negatives.append(g)
    return out
