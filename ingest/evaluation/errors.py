"""Error records (every false positive and false negative with its sentence) and
a coarse class for each, so errors can be counted by kind rather than read one by one."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.evaluation.entity_scoring import EntityMatch
from ingest.evaluation.mapping import SCORED_ENTITY_TYPES, compatible_re3d_types, re3d_relation_type
from ingest.evaluation.predictions import PredClaim, PredMention
from ingest.evaluation.proper_names import PRONOUNS, is_proper_name
from ingest.evaluation.re3d import GoldDocument, GoldEntity, GoldRelation
from ingest.evaluation.relation_scoring import RelationMatch, RelationPrediction, gold_is_proper
from ingest.evaluation.spans import SentenceIndex, overlaps


@dataclass(slots=True)
class ErrorRecord:
    system: str
    doc_id: str
    task: str  # "entity" or "relation"
    error: str  # "FP" or "FN"
    error_class: str
    type: str  # re3d type (gold type for FN, predicted for FP)
    text: str  # the mention, or "subject -> object"
    start: int
    end: int
    sentence: str
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "system": self.system,
            "dataset": "re3d",
            "doc_id": self.doc_id,
            "task": self.task,
            "error": self.error,
            "class": self.error_class,
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            **self.details,
        }


def _nominal_class(text: str) -> str | None:
    words = text.strip().split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "gold pronoun"
    if not is_proper_name(text):
        return "gold nominal (the/a/lowercase ...)"
    return None


def entity_fp_class(p: PredMention, doc: GoldDocument) -> str:
    scored = [g for g in doc.entities if g.type in SCORED_ENTITY_TYPES]
    hits = [g for g in scored if overlaps(p.start, p.end, g.start, g.end)]
    compatible = [g for g in hits if g.type in compatible_re3d_types(p.kind, p.rule)]
    if compatible:
        return "second mention inside one gold entity"
    if hits:
        g = hits[0]
        if p.rule == "demonym":
            return f"demonym inside a gold {g.type}"
        return f"type mismatch: {p.kind} vs gold {g.type}"
    others = [g for g in doc.entities if overlaps(p.start, p.end, g.start, g.end)]
    if others:
        return f"inside gold {others[0].type} (type not scored)"
    return "no gold entity there"


def entity_fn_class(g: GoldEntity, preds: Sequence[PredMention]) -> str:
    hits = [(i, p) for i, p in enumerate(preds) if overlaps(p.start, p.end, g.start, g.end)]
    if any(g.type not in compatible_re3d_types(p.kind, p.rule) for _, p in hits) and not any(
        g.type in compatible_re3d_types(p.kind, p.rule) for _, p in hits
    ):
        return f"found with wrong type (gold {g.type})"
    if hits:
        return "span already used by another gold entity"
    nominal = _nominal_class(g.text)
    if nominal:
        return nominal
    return f"proper name missed (gold {g.type})"


def entity_errors(
    system: str, doc: GoldDocument, preds: Sequence[PredMention], match: EntityMatch
) -> list[ErrorRecord]:
    sents = SentenceIndex(doc.text)
    out = []
    for p in match.false_positives:
        out.append(
            ErrorRecord(
                system, doc.doc_id, "entity", "FP", entity_fp_class(p, doc),
                str(p.kind), p.text, p.start, p.end, sents.sentence_at(p.start),
                {"rule": p.rule, "entity": p.entity_name},
            )
        )
    for g in match.false_negatives:
        out.append(
            ErrorRecord(
                system, doc.doc_id, "entity", "FN", entity_fn_class(g, preds),
                g.type, g.text, g.start, g.end, sents.sentence_at(g.start), {},
            )
        )
    return out


def _args_overlap(s: tuple[int, int], o: tuple[int, int], g: GoldRelation) -> str | None:
    if overlaps(*s, g.head_start, g.head_end) and overlaps(*o, g.tail_start, g.tail_end):
        return "same"
    if overlaps(*s, g.tail_start, g.tail_end) and overlaps(*o, g.head_start, g.head_end):
        return "reversed"
    return None


def relation_fp_class(p: RelationPrediction, doc: GoldDocument) -> str:
    s, o = (p.subject_start, p.subject_end), (p.object_start, p.object_end)
    on_args = [(g, _args_overlap(s, o, g)) for g in doc.relations]
    on_args = [(g, d) for g, d in on_args if d]
    same_type = [(g, d) for g, d in on_args if g.type == p.re3d_type]
    if any(d == "same" for _, d in same_type):
        return "duplicate of a matched prediction"
    if same_type:
        return "reversed direction"
    if on_args:
        return f"gold has another type on these arguments ({on_args[0][0].type})"
    ents = doc.entities
    s_gold = any(overlaps(*s, e.start, e.end) for e in ents)
    o_gold = any(overlaps(*o, e.start, e.end) for e in ents)
    if not (s_gold and o_gold):
        return "an argument is not a gold entity"
    return "no gold relation between two gold entities"


def relation_fn_class(
    g: GoldRelation, mentions: Sequence[PredMention], claims: Sequence[PredClaim]
) -> str:
    if not gold_is_proper(g):
        return "non-proper argument (pronoun/nominal)"
    head_found = any(overlaps(m.start, m.end, g.head_start, g.head_end) for m in mentions)
    tail_found = any(overlaps(m.start, m.end, g.tail_start, g.tail_end) for m in mentions)
    if not (head_found and tail_found):
        return "argument not detected as a mention"
    on_args = []
    for c in claims:
        d = _args_overlap((c.subject_start, c.subject_end), (c.object_start, c.object_end), g)
        if d:
            on_args.append((c, d))
    if not on_args:
        return "both arguments found, no claim between them"
    mapped = [(c, d) for c, d in on_args if re3d_relation_type(c.type) == g.type]
    if any(not c.affirmed for c, _ in mapped):
        return "claim negated"
    if mapped:
        return "claim in reversed direction"
    return f"claim with another type ({on_args[0][0].type} for {g.type})"


def relation_errors(
    system: str,
    doc: GoldDocument,
    mentions: Sequence[PredMention],
    claims: Sequence[PredClaim],
    match: RelationMatch,
) -> list[ErrorRecord]:
    sents = SentenceIndex(doc.text)
    out = []
    for p in match.false_positives:
        c = p.claims[0]
        out.append(
            ErrorRecord(
                system, doc.doc_id, "relation", "FP", relation_fp_class(p, doc),
                p.re3d_type, f"{p.subject_text} -> {p.object_text}", p.subject_start,
                p.object_end, c.sentence or sents.sentence_at(p.subject_start),
                {
                    "claim_types": sorted({x.type for x in p.claims}),
                    "rules": sorted({x.rule for x in p.claims}),
                    "trigger": c.trigger_text,
                    "proper": p.proper,
                },
            )
        )
    for g in match.false_negatives:
        out.append(
            ErrorRecord(
                system, doc.doc_id, "relation", "FN", relation_fn_class(g, mentions, claims),
                g.type, f"{g.head} -> {g.tail}", min(g.head_start, g.tail_start),
                max(g.head_end, g.tail_end), sents.sentence_at(g.head_start),
                {"trigger": g.trigger, "proper": gold_is_proper(g)},
            )
        )
    return out


def summarise(errors: Sequence[ErrorRecord], examples: int = 2) -> list[dict]:
    """Error classes by size, largest first, each with a few example sentences."""
    counts: Counter[tuple[str, str, str]] = Counter()
    by_type: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    samples: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for e in errors:
        key = (e.task, e.error, e.error_class)
        counts[key] += 1
        by_type[key][e.type] += 1
        if len(samples[key]) < examples:
            samples[key].append(f"[{e.text}] {e.sentence[:200]}")
    return [
        {
            "task": k[0],
            "error": k[1],
            "class": k[2],
            "count": n,
            "by_type": dict(by_type[k].most_common()),
            "examples": samples[k],
        }
        for k, n in counts.most_common()
    ]
