"""Relation scoring: predicted claims against gold relations.

Which claims are predictions: affirmed claims only, whatever their modality.
A negated claim ("did not attack") states that the relation does not hold, so
scoring it as a FightingAgainst prediction would reward the opposite of what
the text says; a planned or reported claim still names the relation re3d
annotates ("will continue applying pressure" is annotated Dislikes).

A claim is mapped to its re3d type (`mapping.PROJECT_TO_RE3D`; claims of
unmapped types are not scored). Claims that map to the same re3d type on the
same two spans are one prediction (e.g. SUPPORTS and PROVIDES_AID on one pair
both say Likes). A prediction matches a gold relation of the same type when its
subject span overlaps the gold head and its object span the gold tail (either
order for symmetric types); each gold relation and each prediction is matched
at most once.

The proper-name subset keeps gold relations whose head and tail are both proper
names (`proper_names.is_proper_name`); its false positives are the unmatched
predictions whose two argument texts are proper names, and predictions matched
to a gold relation outside the subset are left out of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.evaluation.mapping import SCORED_RELATION_TYPES, SYMMETRIC_RE3D, re3d_relation_type
from ingest.evaluation.matching import best_match
from ingest.evaluation.metrics import PRF, total
from ingest.evaluation.predictions import PredClaim
from ingest.evaluation.proper_names import is_proper_name
from ingest.evaluation.re3d import GoldRelation
from ingest.evaluation.spans import overlap_size


@dataclass(frozen=True, slots=True)
class RelationPrediction:
    """One scored prediction: a re3d type on two argument spans, and the claims behind it."""

    re3d_type: str
    subject_text: str
    subject_start: int
    subject_end: int
    object_text: str
    object_start: int
    object_end: int
    claims: tuple[PredClaim, ...]

    @property
    def proper(self) -> bool:
        return is_proper_name(self.subject_text) and is_proper_name(self.object_text)


def gold_is_proper(g: GoldRelation) -> bool:
    return is_proper_name(g.head) and is_proper_name(g.tail)


@dataclass(slots=True)
class RelationMatch:
    per_type: dict[str, PRF] = field(default_factory=dict)
    proper_per_type: dict[str, PRF] = field(default_factory=dict)
    false_positives: list[RelationPrediction] = field(default_factory=list)
    false_negatives: list[GoldRelation] = field(default_factory=list)
    matches: list[tuple[RelationPrediction, GoldRelation]] = field(default_factory=list)

    @property
    def overall(self) -> PRF:
        return total(self.per_type)

    @property
    def proper(self) -> PRF:
        return total(self.proper_per_type)

    def per_rule(self) -> dict[str, dict[str, int]]:
        """True and false positives by the extractor rule behind each prediction
        (the rule's first part: 'located:prep-in|planned' counts as 'located:prep-in')."""
        out: dict[str, dict[str, int]] = {}
        for pred, outcome in [(p, "tp") for p, _ in self.matches] + [
            (p, "fp") for p in self.false_positives
        ]:
            rule = (pred.claims[0].rule or "?").split("|")[0]
            counts = out.setdefault(rule, {"tp": 0, "fp": 0})
            counts[outcome] += 1
        return dict(sorted(out.items(), key=lambda kv: -(kv[1]["tp"] + kv[1]["fp"])))

    def add(self, other: RelationMatch) -> None:
        for t, prf in other.per_type.items():
            self.per_type[t] = self.per_type.get(t, PRF()) + prf
        for t, prf in other.proper_per_type.items():
            self.proper_per_type[t] = self.proper_per_type.get(t, PRF()) + prf
        self.false_positives.extend(other.false_positives)
        self.false_negatives.extend(other.false_negatives)
        self.matches.extend(other.matches)


def scored_gold(relations: Sequence[GoldRelation]) -> list[GoldRelation]:
    """Gold relations of the types that have a project counterpart, each relation once.

    re3d often annotates a symmetric relation twice, once per direction ("A
    CommWith B" and "B CommWith A" on the same spans). Since either order matches,
    the two are one relation: keeping both would leave one of them unmatchable
    and cap recall. Exact duplicates are merged the same way.
    """
    out: list[GoldRelation] = []
    seen: set[tuple] = set()
    for r in relations:
        if r.type not in SCORED_RELATION_TYPES:
            continue
        a, b = (r.head_start, r.head_end), (r.tail_start, r.tail_end)
        if r.type in SYMMETRIC_RE3D and b < a:
            a, b = b, a
        key = (r.type, a, b)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def predictions_from_claims(claims: Sequence[PredClaim]) -> list[RelationPrediction]:
    """Affirmed, mapped claims, merged when they give one re3d type on the same spans."""
    merged: dict[tuple, list[PredClaim]] = {}
    first: dict[tuple, tuple[str, PredClaim]] = {}
    for c in claims:
        if not c.affirmed:
            continue
        rtype = re3d_relation_type(c.type)
        if rtype is None:
            continue
        a = (c.subject_start, c.subject_end)
        b = (c.object_start, c.object_end)
        if rtype in SYMMETRIC_RE3D and b < a:
            a, b = b, a
        key = (rtype, a, b)
        merged.setdefault(key, []).append(c)
        first.setdefault(key, (rtype, c))
    out: list[RelationPrediction] = []
    for key, group in merged.items():
        rtype, c = first[key]
        out.append(
            RelationPrediction(
                rtype,
                c.subject_text,
                c.subject_start,
                c.subject_end,
                c.object_text,
                c.object_start,
                c.object_end,
                tuple(group),
            )
        )
    out.sort(key=lambda p: (p.subject_start, p.object_start, p.re3d_type))
    return out


def _pair_score(p: RelationPrediction, g: GoldRelation) -> float | None:
    if p.re3d_type != g.type:
        return None
    orders = [(g.head_start, g.head_end, g.tail_start, g.tail_end)]
    if g.type in SYMMETRIC_RE3D:
        orders.append((g.tail_start, g.tail_end, g.head_start, g.head_end))
    best: float | None = None
    for hs, he, ts, te in orders:
        s1 = overlap_size(p.subject_start, p.subject_end, hs, he)
        s2 = overlap_size(p.object_start, p.object_end, ts, te)
        if s1 > 0 and s2 > 0:
            best = max(best or 0.0, float(s1 + s2))
    return best


def match_relations(
    preds: Sequence[RelationPrediction], golds: Sequence[GoldRelation]
) -> RelationMatch:
    """Match one document's relation predictions to its scored gold relations."""
    pairs = best_match(preds, golds, _pair_score)
    out = RelationMatch(
        per_type={t: PRF() for t in SCORED_RELATION_TYPES},
        proper_per_type={t: PRF() for t in SCORED_RELATION_TYPES},
    )
    matched_gold = set(pairs.values())
    for i, p in enumerate(preds):
        if i in pairs:
            g = golds[pairs[i]]
            out.per_type[g.type] += PRF(tp=1)
            if gold_is_proper(g):
                out.proper_per_type[g.type] += PRF(tp=1)
            out.matches.append((p, g))
        else:
            out.per_type[p.re3d_type] += PRF(fp=1)
            if p.proper:
                out.proper_per_type[p.re3d_type] += PRF(fp=1)
            out.false_positives.append(p)
    for j, g in enumerate(golds):
        if j not in matched_gold:
            out.per_type[g.type] += PRF(fn=1)
            if gold_is_proper(g):
                out.proper_per_type[g.type] += PRF(fn=1)
            out.false_negatives.append(g)
    return out
