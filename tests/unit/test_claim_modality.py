"""Modality of reports and of titles: media and officials who report vouch for
it (reported), nobody's report is an allegation, and a title describing a name
holds whatever its clause says. Negations and hypotheticals stay out of the
facts. Hand-written sentences, run through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from graph.models import Article, Claim
from graph.ontology import Modality, Polarity, is_fact
from ingest.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def claims(extractor: Extractor, text: str, subject: str, rtype: str, obj: str) -> list[Claim]:
    e = extractor.extract_one(Article(id=f"t:{hash(text)}", text=text, published=date(2022, 12, 16)))
    return [c for c in e.claims if (c.subject_id, c.type, c.object_id) == (subject, rtype, obj)]


def one(extractor: Extractor, text: str, subject: str, rtype: str, obj: str) -> Claim:
    found = claims(extractor, text, subject, rtype, obj)
    assert found, f"no {subject} {rtype} {obj} in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish media reported that Greece attacked Turkey.",
        "State television reported Greece attacked Turkey.",
        "The defence ministry reported that Greece had attacked Turkey.",
    ],
)
def test_a_report_with_a_reporter_is_reported(extractor: Extractor, text: str) -> None:
    c = one(extractor, text, "GRC", "ATTACKS", "TUR")
    assert c.modality == Modality.REPORTED and is_fact(c.polarity, c.modality)


@pytest.mark.parametrize(
    "text",
    [
        "It was reported that Greece attacked Turkey.",
        "Greece reportedly attacked Turkey.",
        "Turkish media reported rumours that Greece might attack Turkey.",
    ],
)
def test_a_report_nobody_vouches_for_is_not_a_fact(extractor: Extractor, text: str) -> None:
    c = one(extractor, text, "GRC", "ATTACKS", "TUR")
    assert not is_fact(c.polarity, c.modality), c.modality


def test_a_negated_report_stays_negated(extractor: Extractor) -> None:
    c = one(extractor, "Turkish media reported that Greece did not attack Turkey.", "GRC", "ATTACKS", "TUR")
    assert c.polarity == Polarity.NEGATED


@pytest.mark.parametrize(
    "text",
    [
        "Chilean President Gabriel Boric will travel to Peru.",
        "Chilean President Gabriel Boric did not attend the summit.",
        "If Chilean President Gabriel Boric visits Lima, he will speak there.",
        "Gabriel Boric, the president of Chile, might skip the summit.",
    ],
)
def test_a_title_describing_a_name_holds_whatever_its_clause_says(extractor: Extractor, text: str) -> None:
    c = one(extractor, text, "person:gabriel-boric", "LEADER_OF", "CHL")
    assert (c.polarity, c.modality, c.attributed_to) == (Polarity.AFFIRMED, Modality.ASSERTED, None)


def test_a_former_title_stays_history(extractor: Extractor) -> None:
    c = one(extractor, "Former Chilean President Michelle Bachelet will travel to Peru.", "person:michelle-bachelet", "LEADER_OF", "CHL")
    assert c.modality == Modality.HISTORICAL


def test_future_and_conditional_events_stay_out_of_the_facts(extractor: Extractor) -> None:
    planned = one(extractor, "Chilean President Gabriel Boric will meet Peruvian President Pedro Castillo.",
                  "person:gabriel-boric", "MEETS_WITH", "person:pedro-castillo")
    assert planned.modality == Modality.PLANNED
    neg = one(extractor, "Chilean President Gabriel Boric did not meet Peruvian President Pedro Castillo.",
              "person:gabriel-boric", "MEETS_WITH", "person:pedro-castillo")
    assert neg.polarity == Polarity.NEGATED
