"""Scoring document-level canonical claims on news gold (shared/eval/wikinews-gold.jsonl).

The gold has the layout of seed-gold.json, one article per line, found by `url`
in a corpus read with the project's own readers (so the text is what users
ingest). Matching is `gold_matching` (shared with the seed).

- Recall: gold claims with `fact: true`, found by a fact claim (affirmed and a
  modality in DEFAULT_FACT_MODALITIES, the graph's fact rule); also without the
  claims marked `implicit`, and "found at all" (by any claim, fact or not).
- Precision: over the distinct (article, subject, type, object) fact claims of
  the gold articles (undirected types counted once per pair); a true positive
  matches a `fact: true` gold claim.
- Violations: a distinct fact claim matching a `must_not_facts` triple or a
  `fact: false` gold claim, and every checkable `must_not_entities` trap that
  fires (`entity_traps`; the lines it cannot check are listed).
- Per type (recall by the gold type, precision by the claim's type), by tier
  (graph.ontology.Tier: structural vs event-like) and per article.

For every miss, `layer` says whether both arguments were resolved as mentions
of one same sentence ("relation": the relation layer missed it) or not
("entity"), the split issue 14 reports.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.models import Article, Extraction
from graph.ontology import RELATION_TYPES, Tier
from ingest.evaluation.entity_traps import fired_traps
from ingest.evaluation.gold_matching import (
    UNDIRECTED_TYPES,
    GoldEntity,
    alternatives,
    claims_matching_item,
    entity_is,
    gold_entities,
)
from ingest.evaluation.metrics import PRF
from ingest.evaluation.predictions import PredClaim, claims_of
from ingest.evaluation.spans import SentenceIndex

TIER_NAMES = {Tier.STRUCTURAL: "structural", Tier.EVENT: "event-like"}


class NewsGoldError(ValueError):
    """The news gold file or its corpus cannot be used."""


# --- loading ----------------------------------------------------------------


def load_news_gold(path: str | Path) -> list[dict]:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise NewsGoldError(f"cannot read news gold {path}: {e}") from e
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise NewsGoldError(f"{path} line {n} is not JSON: {e}") from e
        missing = [k for k in ("url", "entities", "must") if k not in item]
        if missing:
            raise NewsGoldError(f"{path} line {n} has no {', '.join(missing)}; is it a wikinews-gold.jsonl?")
        out.append(item)
    if not out:
        raise NewsGoldError(f"{path} holds no article")
    return out


def default_corpus(gold_path: str | Path) -> Path:
    """A `corpus/` directory next to the gold file or in one of its parents
    (../shared/eval/wikinews-gold.jsonl -> ../shared/corpus)."""
    gold_path = Path(gold_path).resolve()
    for base in (gold_path.parent, *gold_path.parents):
        if (base / "corpus").is_dir():
            return base / "corpus"
    raise NewsGoldError(f"no corpus/ directory next to {gold_path} or in its parents; give --news-corpus PATH")


def corpus_articles(corpus: str | Path) -> dict[str, Article]:
    """The corpus's articles by canonical url, read as `geokg ingest` reads them."""
    from ingest.readers import canonical_url, read_paths

    corpus = Path(corpus)
    if not corpus.exists():
        raise NewsGoldError(f"news corpus {corpus} does not exist; give --news-corpus PATH")
    paths = sorted(corpus.rglob("*.jsonl")) if corpus.is_dir() else [corpus]
    out: dict[str, Article] = {}
    for item in read_paths([str(p) for p in paths]):
        if isinstance(item, Article) and (url := canonical_url(item.url)):
            out.setdefault(url, item)
    return out


def find_articles(gold: list[dict], corpus: dict[str, Article]) -> tuple[list[tuple[dict, Article]], list[str]]:
    """Each gold line with its article; and the gold urls the corpus does not hold."""
    from ingest.readers import canonical_url

    found, missing = [], []
    for item in gold:
        article = corpus.get(canonical_url(item["url"]) or item["url"])
        if article is None:
            missing.append(item["url"])
        else:
            found.append((item, article))
    return found, missing


# --- results ------------------------------------------------------------------


@dataclass(slots=True)
class NewsMust:
    subject: str
    type: str
    object: str
    fact: bool
    implicit: bool
    why: str
    found_any: bool  # by any claim
    found_fact: bool  # by a fact claim
    sentence: str  # the sentence the 'why' quotes
    both_in_sentence: bool  # both arguments resolved as mentions of one same sentence
    both_in_article: bool  # both resolved as mentions somewhere in the article
    evidence: list[dict] = field(default_factory=list)  # the matching claims

    @property
    def tier(self) -> str:
        return TIER_NAMES[RELATION_TYPES[self.type].tier]

    @property
    def layer(self) -> str:
        return "relation" if self.both_in_sentence else "entity"


@dataclass(slots=True)
class FactClaim:
    """One distinct (subject, type, object) fact claim of an article and how it scored."""

    subject_id: str
    subject: str
    type: str
    object_id: str
    object: str
    outcome: str  # tp, fp, violation
    why: str  # what it matched, or the class of the false positive
    claims: list[PredClaim]

    @property
    def tier(self) -> str:
        return TIER_NAMES[RELATION_TYPES[self.type].tier]

    def as_dict(self) -> dict:
        c = self.claims[0]
        return {
            "subject": self.subject, "type": self.type, "object": self.object,
            "subject_id": self.subject_id, "object_id": self.object_id,
            "outcome": self.outcome, "class": self.why,
            "sentence": c.sentence, "subject_text": c.subject_text, "object_text": c.object_text,
            "rule": c.rule, "modality": str(c.modality), "occurrences": len(self.claims),
        }


@dataclass(slots=True)
class NewsArticleResult:
    url: str
    title: str
    musts: list[NewsMust]
    fact_claims: list[FactClaim]
    traps_fired: dict[str, list[str]]
    unchecked: list[str]

    @property
    def gold_facts(self) -> list[NewsMust]:
        return [m for m in self.musts if m.fact]

    @property
    def violations(self) -> list[FactClaim]:
        return [f for f in self.fact_claims if f.outcome == "violation"]


def _evidence(c: PredClaim) -> dict:
    return {"type": c.type, "subject_text": c.subject_text, "object_text": c.object_text,
            "fact": c.fact_eligible, "polarity": str(c.polarity), "modality": str(c.modality),
            "rule": c.rule, "sentence": c.sentence}


def _why_sentence(why: str, text: str, sentences: SentenceIndex) -> tuple[str, int | None]:
    """The sentence a 'why' quotes (its longest '...'-separated segment located in the text)."""
    segments = sorted((s.strip(" .,;") for s in why.split("...")), key=len, reverse=True)
    for seg in segments:
        if len(seg) < 3:
            continue
        pos = text.find(seg)
        if pos < 0:
            pos = text.casefold().find(seg.casefold())
        if pos >= 0:
            return sentences.sentence_at(pos), pos
    return "", None


def _sentences_with(extraction: Extraction, golds: dict[str, GoldEntity], names: list[str]) -> set[int]:
    out = set()
    for m in extraction.mentions:
        entity = extraction.entities.get(m.entity_id)
        if any(entity_is(entity, golds.get(n), n) for n in names):
            out.add(m.sentence_index)
    return out


def _fp_class(extraction: Extraction, golds: dict[str, GoldEntity], gold: dict, c: PredClaim) -> str:
    def gold_name(entity_id: str) -> str | None:
        entity = extraction.entities.get(entity_id)
        return next((n for n, g in golds.items() if entity_is(entity, g, n)), None)

    subj, obj = gold_name(c.subject_id), gold_name(c.object_id)
    if subj is None or obj is None:
        return "argument not a gold entity"
    for item in gold["must"]:
        if {item["subject"], item["object"]} == {subj, obj} and item.get("fact", True):
            if item["subject"] == subj or c.type in UNDIRECTED_TYPES:
                return f"wrong type (gold: {item['type']})"
            return f"wrong direction (gold: {item['subject']} {item['type']} {item['object']})"
    return "gold entities, no gold claim between them"


def _fact_claims(extraction: Extraction, gold: dict, claims: Iterable[PredClaim]) -> list[FactClaim]:
    golds = gold_entities(gold)
    groups: dict[tuple[str, str, str], list[PredClaim]] = {}
    for c in claims:
        if not c.fact_eligible:
            continue
        s, o = c.subject_id, c.object_id
        if c.type in UNDIRECTED_TYPES and o < s:
            s, o = o, s
        groups.setdefault((s, c.type, o), []).append(c)
    out = []
    for (s, rtype, o), group in groups.items():
        def matches(item: dict, group: list[PredClaim] = group) -> bool:
            return bool(claims_matching_item(extraction, group, golds, item))

        true_hit = next((i for i in gold["must"] if i.get("fact", True) and matches(i)), None)
        false_hit = next((i for i in gold["must"] if not i.get("fact", True) and matches(i)), None)
        trap_hit = next((i for i in gold.get("must_not_facts", []) if matches(i)), None)
        if true_hit is not None:
            outcome, why = "tp", f"{true_hit['subject']} {true_hit['type']} {true_hit['object']}"
        elif false_hit is not None:
            outcome = "violation"
            why = f"gold fact: false: {false_hit['subject']} {false_hit['type']} {false_hit['object']}"
        elif trap_hit is not None:
            outcome = "violation"
            why = f"must_not_facts: {trap_hit['subject']} {trap_hit['type']} {trap_hit['object']}"
        else:
            outcome, why = "fp", _fp_class(extraction, golds, gold, group[0])
        names = {eid: (extraction.entities[eid].name if eid in extraction.entities else eid) for eid in (s, o)}
        out.append(FactClaim(s, names[s], rtype, o, names[o], outcome, why, group))
    return out


def score_news_article(extraction: Extraction, gold: dict) -> NewsArticleResult:
    golds = gold_entities(gold)
    claims = claims_of(extraction)
    text = extraction.article.text
    sentences = SentenceIndex(text)
    musts = []
    for item in gold["must"]:
        found = claims_matching_item(extraction, claims, golds, item)
        subjects, objects = alternatives(item)
        in_subj = _sentences_with(extraction, golds, subjects)
        in_obj = _sentences_with(extraction, golds, objects)
        sentence, _ = _why_sentence(item.get("why", ""), text, sentences)
        musts.append(
            NewsMust(
                subject=item["subject"], type=item["type"], object=item["object"],
                fact=bool(item.get("fact", True)), implicit=bool(item.get("implicit", False)),
                why=item.get("why", ""), found_any=bool(found), found_fact=any(c.fact_eligible for c in found),
                sentence=sentence, both_in_sentence=bool(in_subj & in_obj),
                both_in_article=bool(in_subj) and bool(in_obj), evidence=[_evidence(c) for c in found],
            )
        )
    fired, unchecked = fired_traps(extraction, gold)
    return NewsArticleResult(
        url=gold["url"], title=gold.get("title", extraction.article.title or ""), musts=musts,
        fact_claims=_fact_claims(extraction, gold, claims), traps_fired=fired, unchecked=unchecked,
    )


# --- totals -------------------------------------------------------------------


@dataclass(slots=True)
class NewsResult:
    gold_path: str
    corpus_path: str
    articles: list[NewsArticleResult] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)  # gold urls the corpus does not hold

    def musts(self, *, explicit_only: bool = False) -> list[NewsMust]:
        return [m for a in self.articles for m in a.gold_facts if not (explicit_only and m.implicit)]

    def claims(self) -> list[FactClaim]:
        return [f for a in self.articles for f in a.fact_claims]

    @staticmethod
    def recall(musts: list[NewsMust]) -> dict:
        found = sum(m.found_fact for m in musts)
        return {"found": found, "total": len(musts), "recall": round(found / len(musts), 4) if musts else 0.0,
                "found_any_claim": sum(m.found_any for m in musts)}

    @staticmethod
    def precision(claims: list[FactClaim]) -> dict:
        tp = sum(f.outcome == "tp" for f in claims)
        return {"tp": tp, "fact_claims": len(claims),
                "precision": round(tp / len(claims), 4) if claims else 0.0}

    def prf(self, musts: list[NewsMust], claims: list[FactClaim]) -> PRF:
        """Recall's and precision's counts in one PRF (tp differs between the two sides
        only when two claims match one gold triple; the recall side's tp is kept)."""
        found = sum(m.found_fact for m in musts)
        tp = sum(f.outcome == "tp" for f in claims)
        return PRF(tp=found, fp=len(claims) - tp, fn=len(musts) - found)

    def fact_violations(self) -> list[FactClaim]:
        return [f for a in self.articles for f in a.violations]

    def traps_fired(self) -> int:
        return sum(len(a.traps_fired) for a in self.articles)

    def unchecked(self) -> int:
        return sum(len(a.unchecked) for a in self.articles)

    def by_type(self) -> dict[str, dict]:
        musts, claims = self.musts(), self.claims()
        types = sorted({m.type for m in musts} | {f.type for f in claims}, key=list(RELATION_TYPES).index)
        return {
            t: {**self.recall([m for m in musts if m.type == t]),
                **self.precision([f for f in claims if f.type == t])}
            for t in types
        }

    def by_tier(self) -> dict[str, dict]:
        musts, claims = self.musts(), self.claims()
        return {
            name: {**self.recall([m for m in musts if m.tier == name]),
                   **self.precision([f for f in claims if f.tier == name])}
            for name in TIER_NAMES.values()
        }

    def misses_by_layer(self) -> dict[str, int]:
        missed = [m for m in self.musts() if not m.found_fact]
        return {
            "missed": len(missed),
            "both_arguments_in_one_sentence": sum(m.both_in_sentence for m in missed),
            "both_arguments_in_article": sum(m.both_in_article for m in missed),
            "gold_facts_with_both_in_one_sentence": sum(m.both_in_sentence for m in self.musts()),
            "gold_facts_with_both_in_article": sum(m.both_in_article for m in self.musts()),
        }

    def as_dict(self) -> dict:
        musts, claims = self.musts(), self.claims()
        return {
            "gold": self.gold_path,
            "corpus": self.corpus_path,
            "articles_scored": len(self.articles),
            "articles_not_found": self.not_found,
            "recall": self.recall(musts),
            "recall_explicit": self.recall(self.musts(explicit_only=True)),
            "precision": self.precision(claims),
            "f1": round(self.prf(musts, claims).f1, 4),
            "violations": {
                "total": len(self.fact_violations()) + self.traps_fired(),
                "fact_claims": len(self.fact_violations()),
                "must_not_entities_fired": self.traps_fired(),
                "must_not_entities_not_checkable": self.unchecked(),
            },
            "per_type": self.by_type(),
            "per_tier": self.by_tier(),
            "misses_by_layer": self.misses_by_layer(),
            "per_article": [
                {"url": a.url, "title": a.title, **self.recall(a.gold_facts), **self.precision(a.fact_claims),
                 "fact_violations": [f.as_dict() for f in a.violations],
                 "must_not_entities_fired": a.traps_fired, "must_not_entities_not_checkable": a.unchecked}
                for a in self.articles
            ],
        }

    def error_records(self, system: str) -> list[dict]:
        """Every missed gold fact (FN), fact-status error and false positive, with its sentence."""
        out: list[dict] = []
        for a in self.articles:
            base = {"system": system, "dataset": "news", "url": a.url}
            for m in a.musts:
                if not m.fact or m.found_fact:
                    continue  # a fact: false claim found as a fact is listed with the claims below
                out.append({
                    **base, "task": "news-must", "error": "FN",
                    "class": "found as a non-fact claim" if m.found_any else "not found",
                    "subject": m.subject, "type": m.type, "object": m.object, "tier": m.tier,
                    "implicit": m.implicit, "why": m.why, "sentence": m.sentence, "layer": m.layer,
                    "both_arguments_in_one_sentence": m.both_in_sentence,
                    "both_arguments_in_article": m.both_in_article, "claims": m.evidence,
                })
            for f in a.fact_claims:
                if f.outcome == "tp":
                    continue
                out.append({**base, "task": "news-claim", "error": "FP" if f.outcome == "fp" else "VIOLATION",
                            "tier": f.tier, **f.as_dict()})
            for line, details in a.traps_fired.items():
                out.append({**base, "task": "must_not_entity", "error": "VIOLATION", "class": line,
                            "text": line, "sentence": " | ".join(details[:5]), "details": details})
        return out


def score_news(
    extract_one: Callable[[Article], Extraction],
    gold_path: str | Path,
    corpus: str | Path | None = None,
    articles: dict[str, Article] | None = None,
) -> NewsResult:
    """Extract every gold article found in the corpus and score it."""
    gold = load_news_gold(gold_path)
    corpus_path = Path(corpus) if corpus is not None else default_corpus(gold_path)
    if articles is None:
        articles = corpus_articles(corpus_path)
    pairs, missing = find_articles(gold, articles)
    if not pairs:
        raise NewsGoldError(
            f"none of the {len(gold)} articles of {gold_path} is in the corpus {corpus_path} "
            "(found by url); give the right one with --news-corpus PATH"
        )
    result = NewsResult(str(gold_path), str(corpus_path), not_found=missing)
    for item, article in pairs:
        result.articles.append(score_news_article(extract_one(article), item))
    return result
