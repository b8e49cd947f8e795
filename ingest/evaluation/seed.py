"""Scoring the seed article against its hand annotation (shared/eval/seed-gold.json).

Follows the gold file's own `scoring` field: a 'must' claim is found when a claim
with that subject, type and object exists after entity resolution (symmetric
types either way); it scores fully when its fact-edge status (affirmed and a
modality in DEFAULT_FACT_MODALITIES) also matches 'fact'. A 'must_not_facts'
triple is violated by a fact-eligible claim. The 'must_not_entities' lines are
turned into programmatic checks (see `entity_checks`), and the article's title,
date and author as read by the text reader are compared with 'metadata'.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.models import Article, Entity, Extraction
from graph.ontology import RELATION_TYPES, EntityKind
from ingest.evaluation.predictions import PredClaim, PredMention, claims_of, mentions_of
from ingest.evaluation.spans import overlaps

# Types matched in either direction: the symmetric ones, plus those the ontology
# marks "(yes)" (stored directed but queried undirected).
UNDIRECTED_TYPES: frozenset[str] = frozenset(
    {name for name, t in RELATION_TYPES.items() if t.symmetric} | {"MEETS_WITH", "TRADES_WITH"}
)

# "(Israel as object is also acceptable)" in a 'why' names an accepted alternative.
_ALTERNATIVE = re.compile(r"\(([^()]+?) as (subject|object) is also acceptable\)")


class SeedGoldError(ValueError):
    """The seed gold file cannot be used (missing file or field)."""


@dataclass(frozen=True, slots=True)
class GoldSeedEntity:
    canonical: str
    kind: str
    iso3: str | None
    mentions: tuple[str, ...]


@dataclass(slots=True)
class MustResult:
    subject: str
    type: str
    object: str
    fact_expected: bool
    found: bool
    fact_actual: bool
    evidence: list[str] = field(default_factory=list)  # sentences of the matching claims

    @property
    def full(self) -> bool:
        return self.found and self.fact_actual == self.fact_expected


@dataclass(slots=True)
class Violation:
    kind: str  # "must_not_fact" or "must_not_entity"
    rule: str  # the gold line it breaks
    detail: str


@dataclass(slots=True)
class SeedResult:
    article_path: str
    musts: list[MustResult]
    violations: list[Violation]
    metadata: dict[str, dict[str, str | bool | None]]
    unchecked: list[str]  # must_not_entities lines no check could be built for
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(m.found for m in self.musts)

    @property
    def full(self) -> int:
        return sum(m.full for m in self.musts)

    @property
    def total(self) -> int:
        return len(self.musts)

    def error_records(self, system: str) -> list[dict]:
        """Missed or mis-scored musts (FN) and violations (FP), for --errors."""
        out: list[dict] = []
        for m in self.musts:
            if not m.full:
                out.append(
                    {
                        "system": system,
                        "dataset": "seed",
                        "task": "seed-must",
                        "error": "FN" if not m.found else "FACT-STATUS",
                        "class": "must not found" if not m.found else "fact status differs",
                        "text": f"{m.subject} {m.type} {m.object}",
                        "fact_expected": m.fact_expected,
                        "fact_actual": m.fact_actual,
                        "sentence": " | ".join(m.evidence),
                    }
                )
        for v in self.violations:
            out.append(
                {
                    "system": system,
                    "dataset": "seed",
                    "task": v.kind,
                    "error": "FP",
                    "class": v.rule,
                    "text": v.detail,
                    "sentence": v.detail,
                }
            )
        return out

    def as_dict(self) -> dict:
        return {
            "article": self.article_path,
            "must_found": self.found,
            "must_fact_status_ok": self.full,
            "must_total": self.total,
            "must_not_fact_violations": sum(v.kind == "must_not_fact" for v in self.violations),
            "must_not_entity_violations": sum(v.kind == "must_not_entity" for v in self.violations),
            "metadata_ok": sum(bool(m["ok"]) for m in self.metadata.values()),
            "metadata_total": len(self.metadata),
            "musts": [
                {
                    "subject": m.subject,
                    "type": m.type,
                    "object": m.object,
                    "found": m.found,
                    "fact_expected": m.fact_expected,
                    "fact_actual": m.fact_actual,
                }
                for m in self.musts
            ],
            "violations": [{"kind": v.kind, "rule": v.rule, "detail": v.detail} for v in self.violations],
            "metadata": self.metadata,
            "unchecked": self.unchecked,
            "notes": self.notes,
        }


def load_seed_gold(path: str | Path) -> dict:
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise SeedGoldError(f"cannot read seed gold {path}: {e}") from e
    for key in ("article", "entities", "must"):
        if key not in gold:
            raise SeedGoldError(f"{path} has no {key!r} field; is it a seed-gold.json?")
    return gold


def seed_article_path(gold_path: str | Path, gold: dict) -> Path:
    """The annotated article: 'article' is relative to the gold file or one of its parents."""
    gold_path = Path(gold_path).resolve()
    rel = Path(gold["article"])
    for base in (gold_path.parent, *gold_path.parents):
        candidate = base / rel
        if candidate.is_file():
            return candidate
    raise SeedGoldError(
        f"article {rel} named in {gold_path} not found next to it or in its parents"
    )


# --- entity names -----------------------------------------------------------


def _norm(s: str) -> str:
    return " ".join(s.casefold().split())


def gold_entities(gold: dict) -> dict[str, GoldSeedEntity]:
    return {
        e["canonical"]: GoldSeedEntity(
            e["canonical"], e.get("kind", ""), e.get("iso3"), tuple(e.get("mentions", ()))
        )
        for e in gold["entities"]
    }


def entity_is(entity: Entity | None, gold: GoldSeedEntity | None, name: str) -> bool:
    """Whether a resolved entity is the gold entity called `name` (by canonical name).

    Equal when the names agree (case-insensitive), when the gold canonical is one
    of the entity's aliases, or when both carry the same ISO3 code (so "Türkiye"
    and "Turkey" agree).
    """
    if entity is None:
        return False
    target = _norm(gold.canonical if gold else name)
    if _norm(entity.name) == target or target in {_norm(a) for a in entity.aliases}:
        return True
    iso3 = gold.iso3 if gold else None
    return bool(iso3) and iso3 in {entity.iso3, entity.id}


# --- musts and must-nots ----------------------------------------------------


def _alternatives(item: dict) -> tuple[list[str], list[str]]:
    subjects, objects = [item["subject"]], [item["object"]]
    for name, role in _ALTERNATIVE.findall(item.get("why", "")):
        (subjects if role == "subject" else objects).append(name.strip())
    return subjects, objects


def matching_claims(
    extraction: Extraction,
    claims: Sequence[PredClaim],
    golds: dict[str, GoldSeedEntity],
    subjects: Sequence[str],
    rtype: str,
    objects: Sequence[str],
) -> list[PredClaim]:
    def is_any(entity_id: str, names: Sequence[str]) -> bool:
        entity = extraction.entities.get(entity_id)
        return any(entity_is(entity, golds.get(n), n) for n in names)

    out = []
    for c in claims:
        if c.type != rtype:
            continue
        forward = is_any(c.subject_id, subjects) and is_any(c.object_id, objects)
        backward = rtype in UNDIRECTED_TYPES and (
            is_any(c.subject_id, objects) and is_any(c.object_id, subjects)
        )
        if forward or backward:
            out.append(c)
    return out


def score_musts(extraction: Extraction, gold: dict) -> list[MustResult]:
    golds = gold_entities(gold)
    claims = claims_of(extraction)
    results = []
    for item in gold["must"]:
        subjects, objects = _alternatives(item)
        found = matching_claims(extraction, claims, golds, subjects, item["type"], objects)
        results.append(
            MustResult(
                subject=item["subject"],
                type=item["type"],
                object=item["object"],
                fact_expected=bool(item.get("fact", True)),
                found=bool(found),
                fact_actual=any(c.fact_eligible for c in found),
                evidence=[c.sentence for c in found],
            )
        )
    return results


def must_not_fact_violations(extraction: Extraction, gold: dict) -> list[Violation]:
    golds = gold_entities(gold)
    claims = claims_of(extraction)
    out = []
    for item in gold.get("must_not_facts", []):
        subjects, objects = _alternatives(item)
        for c in matching_claims(extraction, claims, golds, subjects, item["type"], objects):
            if c.fact_eligible:
                out.append(
                    Violation(
                        "must_not_fact",
                        f"{item['subject']} {item['type']} {item['object']}",
                        f"fact-eligible claim ({c.polarity}, {c.modality}, rule {c.rule!r}): {c.sentence}",
                    )
                )
    return out


EntityCheck = Callable[[Extraction, list[PredMention]], list[str]]


def _quoted(line: str) -> list[str]:
    return re.findall(r"'([^']+)'", line)


def _kind_check(names: list[str], kind: EntityKind) -> EntityCheck:
    wanted = {_norm(n) for n in names}

    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        return [
            f"mention {m.text!r} at {m.start} resolved to {m.entity_name!r} ({m.kind})"
            for m in mentions
            if _norm(m.text) in wanted and m.kind == kind
        ]

    return check


def _not_an_entity_check(names: list[str]) -> EntityCheck:
    wanted = {_norm(n) for n in names}

    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        text = extraction.article.text
        # Only the longest name's occurrences are "the thing itself"; shorter
        # names ("Popular") count only as whole mentions, so the ordinary word
        # elsewhere in the text is not a violation.
        longest = max(names, key=len)
        long_spans = [
            (m.start(), m.end()) for m in re.finditer(re.escape(longest), text, flags=re.IGNORECASE)
        ]
        found = []
        for m in mentions:
            if _norm(m.text) in wanted or any(overlaps(m.start, m.end, s, e) for s, e in long_spans):
                found.append(f"mention {m.text!r} at {m.start} -> entity {m.entity_name!r} ({m.kind})")
        for e in extraction.entities.values():
            if _norm(e.name) in wanted:
                found.append(f"entity {e.name!r} ({e.kind})")
        return sorted(set(found))

    return check


def _same_actor_check(actor_name: str, entity_name: str) -> EntityCheck:
    """`actor_name` acting (a claim argument outside LOCATED_IN/CAPITAL_OF) must resolve
    to the same entity as the mentions of `entity_name`."""
    place_types = {"LOCATED_IN", "CAPITAL_OF"}

    def check(extraction: Extraction, mentions: list[PredMention]) -> list[str]:
        ids = Counter(m.entity_id for m in mentions if _norm(m.text) == _norm(entity_name))
        if not ids:
            return [f"no mention of {entity_name!r} was resolved, so {actor_name!r} cannot be checked"]
        target = ids.most_common(1)[0][0]
        out: dict[int, str] = {}  # one violation per offending mention
        for c in claims_of(extraction):
            if c.type in place_types:
                continue
            for text, start, eid in (
                (c.subject_text, c.subject_start, c.subject_id),
                (c.object_text, c.object_start, c.object_id),
            ):
                if _norm(text) == _norm(actor_name) and eid != target:
                    out.setdefault(
                        start,
                        f"{actor_name!r} at {start} in a {c.type} claim resolved to {eid!r}, "
                        f"not {target!r}: {c.sentence}",
                    )
        return [out[k] for k in sorted(out)]

    return check


def entity_checks(gold: dict) -> tuple[list[tuple[str, EntityCheck]], list[str]]:
    """Checks for the 'must_not_entities' lines that can be checked programmatically.

    Recognised shapes: "'X' or 'Y' resolved as a Person/an Organization",
    "'X' as an entity" / "'X' or 'Y' as an entity", and "'X' and 'Y' as two
    different actors". Returns the checks and the lines left unchecked.
    """
    checks: list[tuple[str, EntityCheck]] = []
    unchecked: list[str] = []
    for line in gold.get("must_not_entities", []):
        names = _quoted(line)
        low = line.lower()
        if not names:
            unchecked.append(line)
        elif "resolved as" in low:
            kinds = [k for k in EntityKind if re.search(rf"\b{k.value.lower()}\b", low)]
            if not kinds:
                unchecked.append(line)
            for kind in kinds:
                checks.append((line, _kind_check(names, kind)))
        elif "two different actors" in low and len(names) >= 2:
            checks.append((line, _same_actor_check(names[0], names[1])))
        elif "as an entity" in low:
            # "'Photo Credit: AP'" also means its parts: the credit line and "AP" in it
            parts = [p.strip() for n in names for p in n.split(":") if p.strip()]
            checks.append((line, _not_an_entity_check(sorted(set(names + parts), key=len, reverse=True))))
        else:
            unchecked.append(line)
    return checks, unchecked


def must_not_entity_violations(extraction: Extraction, gold: dict) -> tuple[list[Violation], list[str]]:
    mentions = mentions_of(extraction)
    checks, unchecked = entity_checks(gold)
    out = []
    for line, check in checks:
        for detail in check(extraction, mentions):
            out.append(Violation("must_not_entity", line, detail))
    return out, unchecked


def metadata_checks(article: Article, gold: dict) -> dict[str, dict[str, str | bool | None]]:
    expected = gold.get("metadata", {})
    actual = {
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "author": article.author,
    }
    out: dict[str, dict[str, str | bool | None]] = {}
    for key, want in expected.items():
        got = actual.get(key)
        out[key] = {"expected": want, "actual": got, "ok": got is not None and _norm(str(got)) == _norm(str(want))}
    return out


def score_seed(extraction: Extraction, gold: dict, article_path: str = "") -> SeedResult:
    violations = must_not_fact_violations(extraction, gold)
    entity_violations, unchecked = must_not_entity_violations(extraction, gold)
    return SeedResult(
        article_path=article_path,
        musts=score_musts(extraction, gold),
        violations=violations + entity_violations,
        metadata=metadata_checks(extraction.article, gold),
        unchecked=unchecked,
    )
