"""One evaluation run: the chosen systems over re3d, the seed annotation and/or news gold."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.models import Article
from ingest.evaluation.news_gold import NewsResult, corpus_articles, default_corpus, score_news
from ingest.evaluation.re3d import load_re3d
from ingest.evaluation.runner import Re3dScores, evaluate_re3d, evaluate_seed
from ingest.evaluation.seed import SeedResult
from ingest.evaluation.systems import BASELINE, EXTRACTOR, baseline_system, extractor_system, model_name


WARM_UP = Article(id="warm-up", text="Officials in Baghdad said Iraq's president met the UN envoy.")


@dataclass(slots=True)
class EvaluationResult:
    model: str
    gold_path: str | None = None
    seed_path: str | None = None
    re3d: list[Re3dScores] = field(default_factory=list)
    seed: list[tuple[str, SeedResult]] = field(default_factory=list)
    news: list[tuple[str, NewsResult]] = field(default_factory=list)
    load_seconds: dict[str, float] = field(default_factory=dict)

    def system(self, name: str) -> Re3dScores:
        for s in self.re3d:
            if s.system == name:
                return s
        raise KeyError(f"no re3d scores for system {name!r}")

    def seed_of(self, name: str) -> SeedResult:
        for n, r in self.seed:
            if n == name:
                return r
        raise KeyError(f"no seed scores for system {name!r}")

    def as_dict(self) -> dict:
        out: dict = {"model": self.model, "load_seconds": {k: round(v, 2) for k, v in self.load_seconds.items()}}
        if self.re3d:
            out["re3d"] = {"gold": self.gold_path, "systems": {s.system: s.as_dict() for s in self.re3d}}
        if self.seed:
            out["seed"] = {"gold": self.seed_path, "systems": {n: r.as_dict() for n, r in self.seed}}
        if self.news:
            out["news"] = {"systems": {n: r.as_dict() for n, r in self.news}}
        return out

    def news_of(self, name: str) -> NewsResult:
        for n, r in self.news:
            if n == name:
                return r
        raise KeyError(f"no news scores for system {name!r}")


def run_evaluation(
    gold: str | Path | None = None,
    seed: str | Path | None = None,
    model: str | None = None,
    baseline: bool = True,
    news_gold: str | Path | None = None,
    news_corpus: str | Path | None = None,
) -> EvaluationResult:
    """Extract and score; `gold` is a re3d JSONL file, `seed` a seed-gold.json,
    `news_gold` a wikinews-gold.jsonl whose articles are in `news_corpus`
    (default: the corpus/ directory next to it or in a parent)."""
    if gold is None and seed is None and news_gold is None:
        raise ValueError("nothing to evaluate: give a re3d gold file, a seed gold file or a news gold file")
    result = EvaluationResult(model=model_name(model), gold_path=str(gold) if gold else None,
                              seed_path=str(seed) if seed else None)
    factories = [(EXTRACTOR, extractor_system)]
    if baseline:
        factories.append((BASELINE, baseline_system))
    docs = load_re3d(gold) if gold is not None else []
    if news_gold is not None:
        news_corpus = Path(news_corpus) if news_corpus is not None else default_corpus(news_gold)
        news_articles = corpus_articles(news_corpus)
    for name, factory in factories:
        t0 = time.perf_counter()
        extract_one = factory(model)
        # One tiny article first, so lazily built tables (gazetteer, city lists)
        # count as load time rather than as the first document's speed.
        extract_one(WARM_UP)
        result.load_seconds[name] = time.perf_counter() - t0
        if gold is not None:
            result.re3d.append(evaluate_re3d(name, extract_one, docs))
        if seed is not None:
            result.seed.append((name, evaluate_seed(name, extract_one, seed)))
        if news_gold is not None:
            result.news.append((name, score_news(extract_one, news_gold, news_corpus, news_articles)))
    return result
