"""Generic military unit names ("2nd Battalion", "Task Force 1") never merge
different units across articles: their id comes from the unit chain the text
names, else from the article. Sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from graph.ontology import EntityKind
from ingest.gazetteer.units import is_generic_unit, unit_echelon
from ingest.nlp import load_nlp
from ingest.resolve import ResolvedMention, article_scope, resolve


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def run(nlp: Language, text: str, article_id: str) -> list[ResolvedMention]:
    return resolve(nlp(text), article_id)


def ids_of(mentions: list[ResolvedMention], text: str) -> set[str]:
    found = {m.entity.id for m in mentions if m.text == text}
    assert found, f"{text!r} not in {[(m.text, m.entity.id) for m in mentions]}"
    return found


def the_id(mentions: list[ResolvedMention], text: str) -> str:
    found = ids_of(mentions, text)
    assert len(found) == 1, f"{text!r} has ids {found}"
    return next(iter(found))


# -- the word rule ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["2nd Battalion", "the 5th Squadron", "3rd Brigade", "1st Division", "Task Force 1", "Company A",
     "Alpha Company", "No. 1 Squadron", "III Corps", "First Army", "Division"],
)
def test_ordinal_and_unit_noun_only_is_generic(name: str) -> None:
    assert is_generic_unit(name)


@pytest.mark.parametrize(
    "name",
    ["101st Airborne Division", "321st Field Artillery Regiment", "5th Marines", "5th Special Forces Group",
     "Combined Joint Task Force – Operation Inherent Resolve", "Lima Group", "East India Company",
     "Air Force", "Iraq", "Baghdad", "Benny Gantz", "CTF 50"],
)
def test_a_name_with_any_other_word_is_not_generic(name: str) -> None:
    assert not is_generic_unit(name)


def test_echelon_orders_units_by_size() -> None:
    assert unit_echelon("3rd Battalion") < unit_echelon("321st Field Artillery Regiment") < unit_echelon("1st Division")
    assert unit_echelon("Task Force 1") is None


# -- ids across articles ----------------------------------------------------------------------


def test_bare_generic_unit_in_two_articles_gets_two_ids(nlp: Language) -> None:
    a = run(nlp, "The 2nd Battalion said it had lost two soldiers near Mosul.", "https://news.example/a")
    b = run(nlp, "Officers of the 2nd Battalion met villagers in Helmand on Friday.", "https://news.example/b")
    id_a, id_b = the_id(a, "2nd Battalion"), the_id(b, "2nd Battalion")
    assert id_a != id_b
    assert id_a == f"org:2nd-battalion~{article_scope('https://news.example/a')}"
    assert id_b == f"org:2nd-battalion~{article_scope('https://news.example/b')}"
    m = next(m for m in a if m.text == "2nd Battalion")
    assert (m.entity.name, m.entity.kind) == ("2nd Battalion", EntityKind.ORGANIZATION)  # display name as written


def test_task_force_and_squadron_without_a_parent_are_scoped_to_the_article(nlp: Language) -> None:
    text = "Task Force 1 joined the 5th Squadron on Monday."
    a, b = run(nlp, text, "article-one"), run(nlp, text, "article-two")
    for name in ("Task Force 1", "5th Squadron"):
        assert the_id(a, name) != the_id(b, name)
        assert the_id(a, name).endswith("~" + article_scope("article-one"))


def test_same_unit_chain_in_two_articles_gets_one_id(nlp: Language) -> None:
    a = run(nlp, "Soldiers of the 3rd Battalion, 321st Field Artillery Regiment arrived in Baghdad on Monday.", "art-1")
    b = run(nlp, "A convoy from 3rd Battalion, 321st Field Artillery Regiment left Erbil at dawn.", "art-2")
    chain = "org:3rd-battalion--321st-field-artillery-regiment"
    assert the_id(a, "3rd Battalion") == the_id(b, "3rd Battalion") == chain
    assert next(m for m in a if m.text == "3rd Battalion").entity.name == "3rd Battalion"


def test_chain_written_with_of_is_the_same_unit_as_with_a_comma(nlp: Language) -> None:
    a = run(nlp, "Marines from the 2nd Battalion of the 5th Marines patrolled the town.", "art-1")
    b = run(nlp, "Booker served with 2nd Battalion, 5th Marines in Iraq.", "art-2")
    assert the_id(a, "2nd Battalion") == the_id(b, "2nd Battalion") == "org:2nd-battalion--5th-marines"


def test_a_longer_chain_builds_the_id_from_every_link(nlp: Language) -> None:
    ms = run(nlp, "Alpha Company, 1st Battalion, 8th Marines fought in Helmand.", "art-1")
    assert the_id(ms, "1st Battalion") == "org:1st-battalion--8th-marines"
    assert the_id(ms, "Alpha Company") == "org:alpha-company--1st-battalion--8th-marines"


def test_different_parents_give_different_units(nlp: Language) -> None:
    a = run(nlp, "Booker was assigned to 2nd Battalion, 5th Special Forces Group on Monday.", "art-1")
    b = run(nlp, "Booker served with 2nd Battalion, 5th Marines in Iraq.", "art-1")
    assert the_id(a, "2nd Battalion") != the_id(b, "2nd Battalion")


def test_bare_mention_after_the_chain_in_the_same_article_is_that_unit(nlp: Language) -> None:
    ms = run(
        nlp,
        "Soldiers of the 3rd Battalion, 321st Field Artillery Regiment arrived in Baghdad on Monday. "
        "On Tuesday the 3rd Battalion fired on targets near Mosul.",
        "art-1",
    )
    assert ids_of(ms, "3rd Battalion") == {"org:3rd-battalion--321st-field-artillery-regiment"}


def test_peers_in_a_list_are_not_a_chain(nlp: Language) -> None:
    ms = run(nlp, "The 1st Brigade, 2nd Brigade and 3rd Brigade took part.", "art-1")
    scope = article_scope("art-1")
    assert the_id(ms, "1st Brigade") == f"org:1st-brigade~{scope}"
    assert the_id(ms, "2nd Brigade") == f"org:2nd-brigade~{scope}"


def test_chain_under_a_generic_parent_stays_in_the_article(nlp: Language) -> None:
    a = run(nlp, "Soldiers of the 3rd Battalion, 2nd Brigade crossed the river on Monday.", "art-1")
    b = run(nlp, "Soldiers of the 3rd Battalion, 2nd Brigade crossed the river on Monday.", "art-2")
    assert the_id(a, "3rd Battalion") == f"org:3rd-battalion--2nd-brigade~{article_scope('art-1')}"
    assert the_id(a, "3rd Battalion") != the_id(b, "3rd Battalion")


# -- what must not change ---------------------------------------------------------------------


def test_named_units_countries_and_cities_keep_global_ids(nlp: Language) -> None:
    text = (
        "The 101st Airborne Division and the 321st Field Artillery Regiment moved from Iraq to Baghdad, "
        "while Airmen from the 158th Fighter Wing joined CTF 50."
    )
    a, b = run(nlp, text, "art-1"), run(nlp, text, "art-2")
    expected = {
        "101st Airborne Division": "org:101st-airborne-division",
        "321st Field Artillery Regiment": "org:321st-field-artillery-regiment",
        "158th Fighter Wing": "org:158th-fighter-wing",
        "Iraq": "IRQ",
        "Baghdad": "city:irq:baghdad",
    }
    for name, entity_id in expected.items():
        assert the_id(a, name) == the_id(b, name) == entity_id
    assert the_id(a, "CTF 50") == the_id(b, "CTF 50")
    assert not any("~" in m.entity.id for m in a + b)


def test_bare_mention_of_a_name_with_two_chains_in_the_article_stays_in_the_article(nlp: Language) -> None:
    ms = run(
        nlp,
        "Marines of 1st Battalion, 5th Marines relieved 1st Battalion, 7th Marines in Helmand on Monday. "
        "On Tuesday the 1st Battalion fired on targets near Sangin.",
        "art-1",
    )
    assert ids_of(ms, "1st Battalion") == {
        "org:1st-battalion--5th-marines",
        "org:1st-battalion--7th-marines",
        f"org:1st-battalion~{article_scope('art-1')}",
    }
