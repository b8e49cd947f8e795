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
from dataclasses import dataclass, field
from pathlib import Path

from graph.models import Article, Extraction
from ingest.evaluation.entity_traps import entity_checks
from ingest.evaluation.gold_matching import claims_matching_item, gold_entities, norm
from ingest.evaluation.predictions import claims_of, mentions_of

class SeedGoldError(ValueError):
    """The seed gold file cannot be used (missing file or field)."""


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


# --- musts and must-nots ----------------------------------------------------


def score_musts(extraction: Extraction, gold: dict) -> list[MustResult]:
    golds = gold_entities(gold)
    claims = claims_of(extraction)
    results = []
    for item in gold["must"]:
        found = claims_matching_item(extraction, claims, golds, item)
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
        for c in claims_matching_item(extraction, claims, golds, item):
            if c.fact_eligible:
                out.append(
                    Violation(
                        "must_not_fact",
                        f"{item['subject']} {item['type']} {item['object']}",
                        f"fact-eligible claim ({c.polarity}, {c.modality}, rule {c.rule!r}): {c.sentence}",
                    )
                )
    return out


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
        out[key] = {"expected": want, "actual": got, "ok": got is not None and norm(str(got)) == norm(str(want))}
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
