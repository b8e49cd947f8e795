"""Entity resolution rules added from error classes on re3d-dev (sentences written
for the test)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from graph.ontology import EntityKind
from ingest.nlp import load_nlp
from ingest.resolve import ACTOR, ResolvedMention, resolve


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def run(nlp: Language, text: str) -> list[ResolvedMention]:
    return resolve(nlp(text), "test")


def texts(mentions: list[ResolvedMention]) -> list[str]:
    return [m.text for m in mentions]


def test_a_leaders_regime_is_the_state_not_the_person(nlp: Language) -> None:
    possessive = run(nlp, "Syria is at war. I condemn this attack by Assad's brutal regime.")
    regime = next(m for m in possessive if m.text == "Assad's brutal regime")
    assert (regime.entity.iso3, regime.role) == ("SYR", ACTOR)
    assert "Assad" not in texts(possessive)
    of = run(nlp, "Talks in Syria will see a transition away from the murderous regime of Assad.")
    assert next(m for m in of if m.text == "regime of Assad").entity.iso3 == "SYR"


def test_a_leaders_regime_without_a_state_in_view_stays_the_person(nlp: Language) -> None:
    mentions = run(nlp, "Putin's regime jailed the reporter.")
    assert [m.entity.kind for m in mentions if m.text == "Putin"] == [EntityKind.PERSON]


def test_an_office_no_one_is_introduced_with_is_the_one_untitled_person(nlp: Language) -> None:
    mentions = run(
        nlp,
        "Boris Johnson visited New York.\n\nA spokesman said: \"The Foreign Secretary met Russian Foreign "
        "Minister Sergei Lavrov today.\"",
    )
    office = next(m for m in mentions if m.text == "Foreign Secretary")
    assert (office.rule, office.entity.name) == ("title-holder", "Boris Johnson")


def test_an_office_stays_unresolved_when_two_people_are_untitled(nlp: Language) -> None:
    mentions = run(nlp, "Boris Johnson and Theresa May spoke.\n\nThe Foreign Secretary said the talks went well.")
    assert not [m for m in mentions if m.rule == "title-holder"]


def test_arabic_article_place_names_are_places(nlp: Language) -> None:
    mentions = run(nlp, "I condemn the attack on a petrol station and restaurant at al-Hilla earlier today.")
    hilla = next(m for m in mentions if m.text == "al-Hilla")
    assert (hilla.entity.kind, hilla.entity.iso3) == (EntityKind.CITY, "IRQ")


def test_lower_case_arabic_article_name_that_is_no_place_is_dropped(nlp: Language) -> None:
    mentions = run(nlp, "Fighters advanced on al-Bab and as-Safira.")
    assert not [m for m in mentions if m.entity.kind == EntityKind.PERSON]


def test_we_after_a_title_set_off_by_commas_is_the_body_named_after_it(nlp: Language) -> None:
    mentions = run(
        nlp,
        '"We will protect our troops," said Maj. Gen. Gary Volesky, commander, Combined Joint Forces '
        "Land Component Command.",
    )
    we = next(m for m in mentions if m.text == "We")
    assert we.rule == "pronoun" and we.entity.kind == EntityKind.ORGANIZATION
    assert "Land Component Command" in we.entity.name
