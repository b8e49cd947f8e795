"""LOCATED_IN for people only where the text says they live, are held or work;
a visit or a meeting is an event at a place (the claim's location), not where
its parties are. Organisations and armed groups are located where they act.
Hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from graph.models import Article, Extraction
from ingest.evaluation.predictions import meeting_place_claims
from ingest.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract_one(Article(id=f"t:{hash(text)}", text=text, published=date(2022, 12, 16)))


def located(e: Extraction) -> set[tuple[str, str]]:
    return {(c.subject_id, c.object_id) for c in e.claims if c.type == "LOCATED_IN"}


@pytest.mark.parametrize(
    "text, subject, place",
    [
        ("Maria Lopez lives in Lyon.", "person:maria-lopez", "city:fra:lyon"),
        ("Ahmed Karimi was detained in Tehran.", "person:ahmed-karimi", "city:irn:tehran"),
        ("UNESCO is based in Paris.", "org:unesco", "city:fra:paris"),
    ],
)
def test_based_living_or_held_there_is_located(extractor: Extractor, text: str, subject: str, place: str) -> None:
    assert (subject, place) in located(run(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez met Ahmed Karimi in Lyon.",
        "Tony Blair held talks with Mahmoud Abbas in Ramallah.",
        "Maria Lopez visited the troops at Camp Lemonnier.",
        "Ahmed Karimi held a rally in Tabriz.",
    ],
)
def test_an_event_somewhere_does_not_locate_the_people_there(extractor: Extractor, text: str) -> None:
    e = run(extractor, text)
    assert not {s for s, _ in located(e) if s.startswith("person:")}, located(e)


def test_a_meeting_keeps_its_place_as_a_qualifier(extractor: Extractor) -> None:
    e = run(extractor, "Maria Lopez met Ahmed Karimi in Lyon.")
    meeting = next(c for c in e.claims if c.type == "MEETS_WITH")
    assert (meeting.location_id, meeting.location_text) == ("city:fra:lyon", "Lyon")
    assert e.article.text[meeting.location_start : meeting.location_end] == "Lyon"
    assert "city:fra:lyon" in e.entities
    # re3d's CoLocated (being there at the time) is scored from it.
    assert {(p.subject_id, p.object_id) for p in meeting_place_claims(e)} == {
        ("person:maria-lopez", "city:fra:lyon"), ("person:ahmed-karimi", "city:fra:lyon")
    }


def test_armed_groups_operate_where_they_fight(extractor: Extractor) -> None:
    e = run(extractor, "ISIL fighters attacked Iraqi troops in Mosul.")
    assert ("group:isil", "city:irq:mosul") in located(e)


def test_negated_residence_is_not_a_fact(extractor: Extractor) -> None:
    e = run(extractor, "Maria Lopez does not live in Lyon.")
    assert all(c.polarity.value == "negated" for c in e.claims if c.type == "LOCATED_IN")
