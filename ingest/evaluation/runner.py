"""Run a system over gold documents and score it; no database involved."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.models import Article, Extraction
from ingest.evaluation import entity_scoring, relation_scoring
from ingest.evaluation.entity_scoring import EntityMatch
from ingest.evaluation.errors import ErrorRecord, entity_errors, relation_errors
from ingest.evaluation.predictions import claims_of, meeting_place_claims, mentions_of
from ingest.evaluation.re3d import GoldDocument
from ingest.evaluation.relation_scoring import RelationMatch
from ingest.evaluation.seed import SeedResult, load_seed_gold, score_seed, seed_article_path

ExtractOne = Callable[[Article], Extraction]


@dataclass(slots=True)
class Re3dScores:
    system: str
    entities_lenient: EntityMatch = field(default_factory=EntityMatch)
    entities_strict: EntityMatch = field(default_factory=EntityMatch)
    relations: RelationMatch = field(default_factory=RelationMatch)
    articles: int = 0
    seconds: float = 0.0  # wall-clock time in extract_one
    cpu_seconds: float = 0.0  # this process's CPU time in extract_one (steadier on a shared machine)
    errors: list[ErrorRecord] = field(default_factory=list)
    # The same figures per re3d source (CENTCOM, UK Government, ...): the
    # sources differ in genre, and a rule tuned on one may not carry over.
    by_source: dict[str, Re3dScores] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def articles_per_cpu_second(self) -> float:
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0

    def source_dict(self) -> dict:
        """The headline figures, for one source."""
        r = self.relations
        return {
            "documents": self.articles,
            "entities_lenient": self.entities_lenient.overall.as_dict(),
            "entities_strict": self.entities_strict.overall.as_dict(),
            "relations": r.overall.as_dict(),
            "relations_proper_names": r.proper.as_dict(),
            "relations_proper_names_per_type": {t: prf.as_dict() for t, prf in r.proper_per_type.items()},
        }

    def as_dict(self) -> dict:
        def ents(m: EntityMatch) -> dict:
            return {
                "overall": m.overall.as_dict(),
                "per_type": {t: prf.as_dict() for t, prf in sorted(m.per_type.items())},
            }

        r = self.relations
        return {
            "entities": {"lenient": ents(self.entities_lenient), "strict": ents(self.entities_strict)},
            "relations": {
                "overall": r.overall.as_dict(),
                "per_type": {t: prf.as_dict() for t, prf in r.per_type.items()},
                "proper_names": r.proper.as_dict(),
                "proper_names_per_type": {t: prf.as_dict() for t, prf in r.proper_per_type.items()},
                "per_rule": r.per_rule(),
            },
            "per_source": {src: sub.source_dict() for src, sub in sorted(self.by_source.items())},
            "speed": {
                "articles": self.articles,
                "seconds": round(self.seconds, 3),
                "articles_per_second": round(self.articles_per_second, 2),
                "cpu_seconds": round(self.cpu_seconds, 3),
                "articles_per_cpu_second": round(self.articles_per_cpu_second, 2),
            },
        }


def evaluate_re3d(system: str, extract_one: ExtractOne, docs: Sequence[GoldDocument]) -> Re3dScores:
    """Extract every document, score entities (both ways) and relations, keep every error."""
    scores = Re3dScores(system)
    for doc in docs:
        t0, c0 = time.perf_counter(), time.process_time()
        extraction = extract_one(doc.to_article())
        scores.seconds += time.perf_counter() - t0
        scores.cpu_seconds += time.process_time() - c0
        scores.articles += 1
        mentions = mentions_of(extraction)
        claims = claims_of(extraction) + meeting_place_claims(extraction)
        gold_ents = entity_scoring.scored_gold(doc.entities)
        lenient = entity_scoring.match_entities(mentions, gold_ents, strict=False)
        strict = entity_scoring.match_entities(mentions, gold_ents, strict=True)
        preds = relation_scoring.predictions_from_claims(claims)
        rel = relation_scoring.match_relations(preds, relation_scoring.scored_gold(doc.relations))
        source = scores.by_source.setdefault(doc.source or "(no source)", Re3dScores(system))
        for target in (scores, source):
            target.entities_lenient.add(lenient)
            target.entities_strict.add(strict)
            target.relations.add(rel)
        source.articles += 1
        scores.errors.extend(entity_errors(system, doc, mentions, lenient))
        scores.errors.extend(relation_errors(system, doc, mentions, claims, rel))
    return scores


def read_article(path: Path) -> tuple[Article, str | None]:
    """The article as the project's text reader reads it; a note when it could not be used."""
    try:
        from ingest.readers import read_paths
    except ImportError as e:
        text = path.read_text(encoding="utf-8")
        note = f"text reader unavailable ({e}); article built from the raw file, metadata unread"
        return Article(id=f"file:{path.name}", text=text, source=str(path)), note
    for item in read_paths([path]):
        if isinstance(item, Article):
            return item, None
        reason = getattr(item, "reason", item)
        raise RuntimeError(f"the text reader skipped the seed article {path}: {reason}")
    raise RuntimeError(f"the text reader returned nothing for the seed article {path}")


def evaluate_seed(system: str, extract_one: ExtractOne, gold_path: str | Path) -> SeedResult:
    gold = load_seed_gold(gold_path)
    path = seed_article_path(gold_path, gold)
    article, note = read_article(path)
    result = score_seed(extract_one(article), gold, str(path))
    if note:
        result.notes.append(note)
    return result
