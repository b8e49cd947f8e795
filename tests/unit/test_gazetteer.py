"""The country table (graph.geodata) and the gazetteer built from it."""

from __future__ import annotations

import importlib
import re

import pytest

from graph import geodata
from graph.ontology import EntityKind
from ingest.gazetteer import EntryKind, build_gazetteer
from ingest.gazetteer.builder import plural
from ingest.gazetteer.groups import ARMED_GROUPS
from ingest.gazetteer.metonyms import INSTITUTIONS, SEATS_OF_GOVERNMENT
from ingest.gazetteer.organizations import CONTEXTUAL_ALIASES, ORGANIZATIONS


# -- graph.geodata: package-derived country facts ---------------------------------


def test_countries_are_keyed_by_alpha3_with_news_style_names() -> None:
    table = geodata.countries()
    assert len(table) >= 249  # every ISO 3166-1 entry
    assert table["AZE"].name == "Azerbaijan"
    assert table["TUR"].name == "Turkey"  # not pycountry's "Türkiye"
    assert table["IRN"].name == "Iran"  # not "Iran, Islamic Republic of"
    assert table["USA"].name == "United States"
    assert all(code == c.iso3 and len(code) == 3 for code, c in table.items())


def test_country_facts_come_from_the_packages() -> None:
    aze = geodata.countries()["AZE"]
    assert aze.iso2 == "AZ"
    assert aze.capital == "Baku"
    assert "Azerbaijani" in aze.demonyms
    assert {"ARM", "GEO", "IRN", "RUS", "TUR"} <= set(aze.borders)
    assert "Türkiye" in geodata.countries()["TUR"].aliases


def test_names_never_include_inverted_iso_forms_or_other_scripts() -> None:
    for c in geodata.countries().values():
        for name in (c.name, *c.aliases):
            assert not re.search(r",[^,]*\bof( the)?$", name), name  # "Iran, Islamic Republic of"
            assert not re.search(r"[\u0400-\u04FF\u0600-\u06FF\u4E00-\u9FFF]", name), name


def test_country_lookup_by_code_name_or_alias() -> None:
    assert geodata.country("Turkiye").iso3 == "TUR"
    assert geodata.country("ir").iso3 == "IRN"
    assert geodata.country("Russian Federation").iso3 == "RUS"
    assert geodata.country("Atlantis") is None


def test_free_text_country_names_match_only_when_unambiguous() -> None:
    assert geodata.match_country_name("Persia").iso3 == "IRN"
    assert geodata.match_country_name("the Republic of Korea").iso3 == "KOR"
    # "togo" inside a city name is not Togo.
    assert geodata.match_country_name("Magnitogorsk") is None


def test_borders_are_symmetric_pairs_inside_the_table() -> None:
    pairs = geodata.borders()
    assert ("AZE", "IRN") in pairs
    assert all(a < b for a, b in pairs)
    assert all(a in geodata.countries() and b in geodata.countries() for a, b in pairs)


def test_capitals_are_cities_with_stable_ids() -> None:
    baku = geodata.capitals()["AZE"]
    assert baku.id == "city:aze:baku" and baku.is_capital and baku.iso3 == "AZE"
    entity = geodata.city_entity(baku)
    assert entity.kind == EntityKind.CITY and entity.iso3 == "AZE"


def test_find_city_prefers_the_most_populous_and_knows_spellings() -> None:
    assert geodata.find_city("Paris").iso3 == "FRA"
    raqqa = geodata.find_city("Raqqa")
    assert raqqa is not None and raqqa.iso3 == "SYR" and raqqa.name == "Ar Raqqah"
    assert geodata.find_city("Mosul", iso3="IRQ").iso3 == "IRQ"
    assert geodata.find_city("Nowhereville") is None


def test_slugify_is_ascii_and_stable() -> None:
    assert geodata.slugify("Benny Gantz") == "benny-gantz"
    assert geodata.slugify("Bakı") == "baki"
    assert geodata.slugify("  Xi’an ") == "xian"


# -- the gazetteer --------------------------------------------------------------------


@pytest.fixture(scope="module")
def gaz():
    return build_gazetteer()


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("Turkiye", "TUR"),
        ("Türkiye", "TUR"),
        ("Azeri", "demonym:AZE"),
        ("Azerbaijani", "demonym:AZE"),
        ("Israelis", "demonym:ISR"),
        ("Baku", "city:aze:baku"),
        ("Tel Aviv", "city:isr:tel-aviv"),
        ("Kremlin", "institution:RUS"),
        ("White House", "institution:USA"),
        ("Defense Department", "institution:USA"),
        ("State Department", "institution:USA"),
        ("UN", "org:united-nations"),
        ("NATO", "org:nato"),
        ("Likud Party", "org:likud"),
        ("Daesh", "group:isil"),
        ("Hezbollah", "group:hezbollah"),
        ("Latin America", "region:latin-america"),
        ("international community", "org:international-community"),
    ],
)
def test_phrases_point_at_the_right_entry(gaz, phrase: str, key: str) -> None:
    assert gaz.phrases[phrase] == key


def test_short_codes_are_case_sensitive(gaz) -> None:
    assert "us" not in gaz.phrases  # "let us" is not the United States
    assert "un" not in gaz.phrases
    patterns = {p["pattern"]: p for p in gaz.patterns()}
    assert patterns["US"]["label"] == "GPE"


def test_entry_kinds_carry_what_resolution_needs(gaz) -> None:
    baku = gaz.entry("city:aze:baku")
    assert baku.kind == EntryKind.CITY and baku.acts_for == "AZE"
    assert gaz.entry("demonym:AZE").entity.id == "AZE"
    assert gaz.entry("institution:RUS").acts_for == "RUS"
    assert gaz.entry("group:isil").entity.kind == EntityKind.GROUP
    assert gaz.entry("group:isil").entity.wikidata == "Q2429253"
    assert gaz.entry("org:united-nations").entity.kind == EntityKind.ORGANIZATION
    nominal = gaz.entry("nominal:islamic-republic")
    assert nominal.entity is None and nominal.default == "IRN"


def test_patterns_are_deterministic_and_unique(gaz) -> None:
    patterns = gaz.patterns()
    assert patterns == build_gazetteer().patterns()
    texts = [p["pattern"] for p in patterns]
    assert len(texts) == len(set(texts))
    assert all(p["id"] in gaz.entries for p in patterns)


def test_demonym_plurals() -> None:
    assert plural("Israeli") == "Israelis"
    assert plural("Azeri") == "Azeris"
    assert plural("Chinese") is None
    assert plural("French") is None
    assert plural("Swiss") is None


def test_curated_tables_point_at_real_countries_and_unique_slugs() -> None:
    table = geodata.countries()
    assert all(iso3 in table for _, iso3 in INSTITUTIONS + SEATS_OF_GOVERNMENT)
    slugs = [row[0] for row in ORGANIZATIONS] + [row[0] for row in ARMED_GROUPS]
    assert len(slugs) == len(set(slugs))
    for _, _, _, qid in ORGANIZATIONS + ARMED_GROUPS:
        assert qid is None or re.fullmatch(r"Q[1-9][0-9]*", qid)
    org_slugs = {row[0] for row in ORGANIZATIONS}
    assert all(slug in org_slugs for _, slug, _ in CONTEXTUAL_ALIASES)


@pytest.mark.parametrize("module", ["organizations", "groups", "metonyms", "demonyms"])
def test_each_curated_table_says_where_it_comes_from(module: str) -> None:
    doc = importlib.import_module(f"ingest.gazetteer.{module}").__doc__ or ""
    assert "Source:" in doc
