"""Smoke test of the synthetic graph generator (benchmarks/synth_graph.py): the
shape it promises, at a tiny size. No timing: speed lives in the benchmarks."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from synth_graph import N_COUNTRIES, SyntheticNews  # noqa: E402

from graph.loader import plan_batch  # noqa: E402
from graph.models import Extraction  # noqa: E402
from graph.ontology import RELATION_TYPES, EntityKind  # noqa: E402


@pytest.fixture(scope="module")
def news() -> SyntheticNews:
    return SyntheticNews(seed=11)


def test_universe_has_the_promised_size(news: SyntheticNews) -> None:
    assert len(news.countries) == N_COUNTRIES == len({c.id for c in news.countries})
    assert news.entity_count == N_COUNTRIES + 20_000
    assert all(c.kind == EntityKind.COUNTRY and c.iso3 == c.id for c in news.countries)


def test_exactly_the_requested_claims_in_valid_extractions(news: SyntheticNews) -> None:
    extractions = list(news.articles(3_000))
    assert sum(len(x.claims) for x in extractions) == 3_000
    assert all(isinstance(x, Extraction) and 1 <= len(x.claims) <= 12 for x in extractions)
    for x in extractions[:50]:
        for c in x.claims:
            assert c.type in RELATION_TYPES and c.subject_id != c.object_id
            assert {c.subject_id, c.object_id} <= set(x.entities)
            assert x.article.text[c.subject_start : c.subject_end] == c.subject_text
            assert x.article.text[c.trigger_start : c.trigger_end] == c.trigger_text
    plan_batch(extractions[:100])  # the loader accepts them (raises InvalidExtraction otherwise)
    years = {x.article.published.year for x in extractions}
    assert len(years) == 10


def test_degrees_are_heavy_tailed_and_seeded(news: SyntheticNews) -> None:
    degree: Counter[str] = Counter()
    for x in news.articles(5_000):
        for c in x.claims:
            degree[c.subject_id] += 1
            degree[c.object_id] += 1
    counts = sorted(degree.values(), reverse=True)
    top_share = sum(counts[: len(counts) // 100]) / sum(counts)
    assert top_share > 0.3  # the top 1% of entities carry a large share of claims
    assert counts[len(counts) // 2] <= 3  # while the median entity is rarely named
    again = [x.article.id + str(len(x.claims)) for x in SyntheticNews(seed=11).articles(200)]
    assert again == [x.article.id + str(len(x.claims)) for x in news.articles(200)]
