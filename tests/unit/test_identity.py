"""Identity: name variants of one person become one entity with aliases, two
people who share a surname stay two, and a platform NER calls a person is an
organisation. Hand-written sentences, run through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from graph.models import Article, Extraction
from graph.ontology import EntityKind
from ingest.extract import Extractor
from ingest.resolve.identity import name_key


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract_one(Article(id=f"t:{hash(text)}", text=text, published=date(2022, 12, 16)))


def ids_of(e: Extraction, text: str) -> set[str]:
    return {m.entity_id for m in e.mentions if m.text == text}


def test_name_key_drops_titles_and_honorifics() -> None:
    assert name_key("Sayyid Ali Hosseini Khamenei") == ("ali", "hosseini", "khamenei")
    assert name_key("General Qasem Soleimani") == ("qasem", "soleimani")
    assert name_key("Grand Ayatollah Ali al-Sistani") == ("ali", "al-sistani")


def test_a_name_with_middle_names_and_honorifics_is_the_short_form(extractor: Extractor) -> None:
    e = run(extractor, "Sayyid Ali Hosseini Khamenei spoke in Tehran on Friday. Later, Ali Khamenei met the envoy.")
    (long_id,) = ids_of(e, "Sayyid Ali Hosseini Khamenei")
    assert ids_of(e, "Ali Khamenei") == {long_id} == {"person:ali-khamenei"}
    assert "Sayyid Ali Hosseini Khamenei" in e.entities[long_id].aliases


def test_a_titled_surname_before_the_full_name_is_that_person(extractor: Extractor) -> None:
    e = run(extractor, "General Soleimani was killed near the airport. Qasem Soleimani had commanded the unit for years.")
    assert ids_of(e, "Soleimani") == ids_of(e, "Qasem Soleimani") == {"person:qasem-soleimani"}


def test_two_people_who_share_a_surname_stay_two(extractor: Extractor) -> None:
    e = run(extractor, "Joe Biden met Hunter Biden in Paris. Jill Biden stayed in Washington.")
    people = {m.entity_id for m in e.mentions if e.entities[m.entity_id].kind == EntityKind.PERSON}
    assert {"person:joe-biden", "person:hunter-biden", "person:jill-biden"} <= people


def test_different_first_names_with_one_middle_name_stay_two(extractor: Extractor) -> None:
    e = run(extractor, "Maria Elena Lopez spoke first. Then Ana Lopez answered.")
    assert ids_of(e, "Maria Elena Lopez") != ids_of(e, "Ana Lopez")


def test_a_platform_is_not_a_person(extractor: Extractor) -> None:
    e = run(extractor, "On Twitter, the minister criticised Iran. Twitter said it removed the posts.")
    kinds = {e.entities[i].kind for i in ids_of(e, "Twitter")}
    assert kinds == {EntityKind.ORGANIZATION}


def test_a_pronoun_after_a_platform_is_the_person_before_it(extractor: Extractor) -> None:
    e = run(extractor, "The president criticised the mayor, Muriel Bowser, on Twitter, accusing her of failing the city.")
    assert ids_of(e, "her") == {"person:muriel-bowser"}
