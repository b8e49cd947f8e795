"""Relation extraction on real sentences, read from ../shared at test time
(the seed article and Wikinews, CC BY 2.5), never copied into the repo.

Each test names the sentence by a short phrase inside it; the paragraph that
holds the phrase is extracted on its own, dated like its article.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from graph.models import Article, Extraction
from graph.ontology import DEFAULT_FACT_MODALITIES, RELATION_TYPES, Modality, Polarity
from ingest.extract import Extractor

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "corpus" / "seed" / "azerbaijan-israel-iran-2022-12-16.txt"
WIKINEWS = SHARED / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"

@pytest.fixture(autouse=True)
def _shared_data_present(shared_dir: Path) -> None:
    """These tests read ../shared; without it they fail with a clear message, never skip."""


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@lru_cache(maxsize=1)
def _wikinews() -> list[dict]:
    return [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _paragraph(text: str, phrase: str) -> str:
    for para in text.split("\n"):
        if phrase in para:
            return para.strip()
    raise AssertionError(f"phrase {phrase!r} not found in the shared corpus; has it changed?")


def seed(extractor: Extractor, phrase: str) -> Extraction:
    para = _paragraph(SEED.read_text(encoding="utf-8"), phrase)
    return extractor.extract_one(Article(id="seed-test", text=para, published=date(2022, 12, 16)))


def wikinews(extractor: Extractor, phrase: str) -> Extraction:
    for row in _wikinews():
        if phrase in row["text"]:
            para = _paragraph(row["text"], phrase)
            return extractor.extract_one(Article(id=row["url"], text=para, published=date.fromisoformat(row["date"])))
    raise AssertionError(f"phrase {phrase!r} not found in {WIKINEWS}")


def has(e: Extraction, s: str, t: str, o: str) -> bool:
    pairs = {(c.subject_id, c.object_id) for c in e.claims if c.type == t}
    return (s, o) in pairs or (RELATION_TYPES[t].symmetric and (o, s) in pairs)


def fact(e: Extraction, s: str, t: str, o: str) -> bool:
    return any(
        c.type == t
        and {c.subject_id, c.object_id} == {s, o}
        and c.polarity == Polarity.AFFIRMED
        and c.modality in DEFAULT_FACT_MODALITIES
        for c in e.claims
    )


# --- the seed article ------------------------------------------------------------------------
def test_seed_refusal_reported_by_the_ambassador(extractor: Extractor) -> None:
    e = seed(extractor, "informed Israeli media")
    rejects = [c for c in e.claims if (c.subject_id, c.type, c.object_id) == ("AZE", "REJECTS", "ISR")]
    assert rejects and rejects[0].polarity == Polarity.AFFIRMED
    assert rejects[0].modality == Modality.REPORTED
    assert rejects[0].attributed_to == "person:khazar-ibrahim"
    assert has(e, "person:khazar-ibrahim", "OFFICIAL_OF", "AZE")
    assert has(e, "ISR", "ATTACKS", "IRN") and not fact(e, "ISR", "ATTACKS", "IRN")


def test_seed_speculation_is_not_an_attack(extractor: Extractor) -> None:
    e = seed(extractor, "months of speculation")
    assert has(e, "ISR", "ATTACKS", "IRN")
    assert not fact(e, "ISR", "ATTACKS", "IRN")


def test_seed_promise_of_support_is_planned(extractor: Extractor) -> None:
    e = seed(extractor, "will support Israel during UN forums")
    support = [c for c in e.claims if (c.subject_id, c.type, c.object_id) == ("AZE", "SUPPORTS", "ISR")]
    assert support and support[0].modality == Modality.PLANNED


def test_seed_coordinated_supporters_and_arms(extractor: Extractor) -> None:
    e = seed(extractor, "are both supporters of")
    for state in ("ISR", "TUR"):
        assert fact(e, state, "SUPPORTS", "AZE")
        assert fact(e, state, "SUPPLIES_ARMS", "AZE")


def test_seed_relations_and_embassy_since(extractor: Extractor) -> None:
    e = seed(extractor, "have had relations for 30 years")
    assert fact(e, "ISR", "DIPLOMATIC_RELATIONS", "AZE")
    embassy = [c for c in e.claims if (c.subject_id, c.type, c.object_id) == ("ISR", "HAS_EMBASSY_IN", "AZE")]
    assert embassy and embassy[0].event_date == date(1993, 1, 1)


def test_seed_welcome_and_defense_cooperation(extractor: Extractor) -> None:
    e = seed(extractor, "warmly welcomed")
    meets = [c for c in e.claims if c.type == "MEETS_WITH"]
    assert meets and {meets[0].subject_id, meets[0].object_id} == {"person:benny-gantz", "AZE"}
    assert meets[0].event_date == date(2022, 10, 1)  # "Back in October", before the December article
    assert fact(e, "AZE", "COOPERATES_MILITARILY", "ISR")
    gantz = [c for c in e.claims if c.type == "OFFICIAL_OF" and c.subject_id == "person:benny-gantz"]
    assert gantz and gantz[0].object_id == "ISR" and "Defense Minister" in (gantz[0].title or "")


# --- Wikinews ------------------------------------------------------------------------------
def test_wikinews_normalized_relations_between(extractor: Extractor) -> None:
    e = wikinews(extractor, "normalize relations between Sudan and Israel")
    assert has(e, "SDN", "DIPLOMATIC_RELATIONS", "ISR")


def test_wikinews_party_leader(extractor: Extractor) -> None:
    e = wikinews(extractor, "Labour Party leader Jeremy Corbyn")
    leads = [c for c in e.claims if c.type == "LEADER_OF" and c.subject_id == "person:jeremy-corbyn"]
    assert leads and "labour" in leads[0].object_id and leads[0].title == "leader"


def test_wikinews_prime_minister_of_a_state(extractor: Extractor) -> None:
    e = wikinews(extractor, "United Kingdom Prime Minister Boris Johnson")
    assert fact(e, "person:boris-johnson", "LEADER_OF", "GBR")


def test_wikinews_place_comma_country(extractor: Extractor) -> None:
    e = wikinews(extractor, "overturned in Babyninsky, Russia")
    located = [c for c in e.claims if c.type == "LOCATED_IN" and c.object_id == "RUS"]
    assert located and located[0].subject_text == "Babyninsky"


def test_wikinews_capital_named_by_demonym(extractor: Extractor) -> None:
    e = wikinews(extractor, "in the Serbian capital Belgrade")
    caps = [c for c in e.claims if c.type == "CAPITAL_OF"]
    assert caps and caps[0].object_id == "SRB" and caps[0].subject_text == "Belgrade"


def test_wikinews_conflict_between(extractor: Extractor) -> None:
    e = wikinews(extractor, "The conflict between Armenia and Azerbaijan")
    assert has(e, "ARM", "FIGHTS", "AZE")
