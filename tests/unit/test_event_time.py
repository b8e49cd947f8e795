"""Event time: the date a claim reports, its precision and words, history
recalled in passing, and spans that are not points in time. Hand-written
sentences, run through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from graph.models import Article, Claim, Extraction
from graph.ontology import Modality
from ingest.extract import Extractor
from ingest.relations.dates import DAY, DECADE, MONTH, WEEK, YEAR, EventDate, is_history, parse_event_date

ARTICLE_DATE = date(2022, 12, 16)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def claim(extractor: Extractor, text: str, subject: str, rtype: str, obj: str) -> Claim:
    e: Extraction = extractor.extract_one(Article(id=f"t:{hash(text)}", text=text, published=ARTICLE_DATE))
    found = [c for c in e.claims if (c.subject_id, c.type, c.object_id) == (subject, rtype, obj)]
    assert found, f"no {subject} {rtype} {obj} in {[(c.subject_id, c.type, c.object_id) for c in e.claims]}"
    return found[0]


@pytest.mark.parametrize(
    "words, first_day, precision",
    [
        ("1941", date(1941, 1, 1), YEAR),
        ("the 1980s", date(1980, 1, 1), DECADE),
        ("last month", date(2022, 11, 1), MONTH),
        ("30 November", date(2022, 11, 30), DAY),
        ("December 20", date(2021, 12, 20), DAY),  # the latest 20 December not after the article
        ("March 3, 2015", date(2015, 3, 3), DAY),
        ("August last year", date(2021, 8, 1), MONTH),
        ("late February", date(2022, 2, 1), MONTH),
        ("two years ago", date(2020, 1, 1), YEAR),
        ("three months ago", date(2022, 9, 1), MONTH),
        ("last week", date(2022, 12, 5), WEEK),
        ("yesterday", date(2022, 12, 15), DAY),
        ("on Monday", date(2022, 12, 12), DAY),
        ("May 2019", date(2019, 5, 1), MONTH),
    ],
)
def test_date_words_name_a_period(words: str, first_day: date, precision: str) -> None:
    found = parse_event_date(words, ARTICLE_DATE)
    assert found is not None and (found.date, found.precision, found.text) == (first_day, precision, words)


@pytest.mark.parametrize("words", ["eight-year", "two years", "six-day", "1922 UTC", "recent weeks"])
def test_lengths_and_clock_times_are_not_dates(words: str) -> None:
    assert parse_event_date(words, ARTICLE_DATE) is None


def test_history_is_more_than_a_year_before_the_article() -> None:
    assert is_history(EventDate(date(1978, 1, 1), YEAR, "1978"), ARTICLE_DATE)
    assert is_history(EventDate(date(1980, 1, 1), DECADE, "the 1980s"), ARTICLE_DATE)
    # The year before the article is still news, to its last day.
    assert not is_history(EventDate(date(2022, 1, 1), YEAR, "this year"), ARTICLE_DATE)
    assert not is_history(EventDate(date(2021, 12, 1), MONTH, "December 2021"), ARTICLE_DATE)
    assert is_history(EventDate(date(2021, 11, 1), MONTH, "November 2021"), ARTICLE_DATE)
    assert not is_history(EventDate(date(1993, 1, 1), YEAR, "since 1993", ongoing=True), ARTICLE_DATE)
    assert not is_history(EventDate(date(1978, 1, 1), YEAR, "1978"), None)


def test_a_recent_date_keeps_the_claim_current(extractor: Extractor) -> None:
    c = claim(extractor, "Peru sanctioned Bolivia on 30 November.", "PER", "SANCTIONS", "BOL")
    assert (c.modality, c.event_date, c.event_date_precision, c.event_date_text) == (
        Modality.ASSERTED, date(2022, 11, 30), DAY, "30 November"
    )
    last = claim(extractor, "Last month Chile accused Peru of spying.", "CHL", "ACCUSES", "PER")
    assert (last.modality, last.event_date, last.event_date_precision) == (Modality.ASSERTED, date(2022, 11, 1), MONTH)


def test_an_old_date_makes_the_claim_history(extractor: Extractor) -> None:
    c = claim(extractor, "Sweden attacked Denmark in 1658.", "SWE", "ATTACKS", "DNK")
    assert (c.modality, c.event_date, c.event_date_precision) == (Modality.HISTORICAL, date(1658, 1, 1), YEAR)
    decade = claim(extractor, "Ecuador fought Peru during the 1990s war.", "ECU", "FIGHTS", "PER")
    assert (decade.modality, decade.event_date, decade.event_date_precision) == (Modality.HISTORICAL, date(1990, 1, 1), DECADE)
    ago = claim(extractor, "Five years ago, Greece accused Turkey of violating its airspace.", "GRC", "ACCUSES", "TUR")
    assert (ago.modality, ago.event_date) == (Modality.HISTORICAL, date(2017, 1, 1))


def test_reported_history_is_history_and_keeps_its_speaker(extractor: Extractor) -> None:
    c = claim(extractor, "The historian said that Chile fought Bolivia in 1879.", "CHL", "FIGHTS", "BOL")
    assert (c.modality, c.event_date) == (Modality.HISTORICAL, date(1879, 1, 1))


def test_a_conflict_named_by_its_length_is_over(extractor: Extractor) -> None:
    c = claim(extractor, "The six-year war between Ecuador and Peru left thousands dead.", "ECU", "FIGHTS", "PER")
    assert (c.modality, c.event_date) == (Modality.HISTORICAL, None)
    # An "-old" conflict is still going on.
    ongoing = claim(extractor, "The six-year-old conflict between Ecuador and Peru goes on.", "ECU", "FIGHTS", "PER")
    assert ongoing.modality == Modality.ASSERTED


def test_a_state_since_a_date_still_holds(extractor: Extractor) -> None:
    c = claim(extractor, "There has been a Peruvian embassy in Quito since 1991.", "PER", "HAS_EMBASSY_IN", "ECU")
    assert (c.modality, c.event_date, c.event_ongoing, c.event_date_text) == (
        Modality.ASSERTED, date(1991, 1, 1), True, "since 1991"
    )


def test_geography_has_no_date(extractor: Extractor) -> None:
    c = claim(extractor, "The poet was born in Valparaiso, Chile in 1904.", "city:chl:valparaiso", "LOCATED_IN", "CHL")
    assert (c.modality, c.event_date) == (Modality.ASSERTED, None)


def test_negated_and_hypothetical_history_stays_out_of_the_facts(extractor: Extractor) -> None:
    neg = claim(extractor, "Norway did not attack Sweden in 1905.", "NOR", "ATTACKS", "SWE")
    assert neg.polarity.value == "negated"
    hyp = claim(extractor, "If Norway had attacked Sweden in 1905, history would differ.", "NOR", "ATTACKS", "SWE")
    assert hyp.modality == Modality.HYPOTHETICAL
