"""Support of a fact edge against the real Neo4j: distinct sentences, stories
and outlets, and near-duplicate articles recorded on the Article nodes.
Hand-written texts only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from h5_support import AZE, IRN, ISR, claim, extraction, fact_edges

from graph.loader import Loader
from graph.models import Extraction
from ingest.readers.fingerprint import fingerprint

pytestmark = pytest.mark.neo4j

STORY = (
    "Azerbaijan and Iran traded accusations on Tuesday after a border incident near the Aras river. "
    "Officials in Baku said an Iranian patrol had crossed the line before dawn, while Tehran said its "
    "guards had stayed on their side. Both governments summoned the other's ambassador and called for "
    "calm, and a regional security body offered to send observers to the valley within the week. "
    "Farmers in nearby villages said they had heard gunfire for about an hour."
)
OTHER_STORY = (
    "A trade fair opened in Tabriz with exhibitors from eleven countries, the organisers said, and "
    "several delegations from the Caucasus signed agreements on road transport and customs."
)


def _article(ex: Extraction, text: str) -> Extraction:
    ex.article = replace(ex.article, text=text, fingerprint=fingerprint(text))
    return ex


def _with_sentence(c, sentence: str):
    return replace(c, sentence=sentence)


def _duplicates(driver, db: str) -> dict[str, list[str]]:
    with driver.session(database=db) as s:
        return {r["id"]: r["d"] for r in s.run("MATCH (a:Article) RETURN a.id AS id, coalesce(a.duplicates, []) AS d")}


def test_a_sentence_repeated_in_an_article_counts_once(neo4j_driver, clean_db):
    said = "Azerbaijan accused Iran of shelling the border."
    claims = [
        _with_sentence(claim("a1", "ACCUSES", AZE, IRN, 0, confidence=0.6), said),
        # The same sentence again at the end of the article, spaced and cased differently.
        _with_sentence(claim("a1", "ACCUSES", AZE, IRN, 900, confidence=0.4), "AZERBAIJAN accused  Iran of shelling the border!"),
        claim("a1", "ACCUSES", AZE, IRN, 300, confidence=0.5),
    ]
    Loader(neo4j_driver, database=clean_db).load([extraction("a1", claims, [AZE, IRN])])
    edge = fact_edges(neo4j_driver, clean_db)[("ACCUSES", "AZE", "IRN")]
    assert (edge["claims"], edge["sentences"], edge["articles"], edge["outlets"]) == (3, 2, 1, 1)
    # Noisy-or over distinct sentences (the best claim of each): 1 - 0.4 * 0.5.
    assert edge["confidence"] == pytest.approx(0.8)


def test_one_question_in_a_series_of_interviews_is_one_sentence(neo4j_driver, clean_db):
    question = "How do you see the war between Armenia and Azerbaijan?"
    exs = [
        extraction(f"interview-{i}", [_with_sentence(claim(f"interview-{i}", "FIGHTS", AZE, IRN, 0), question)], [AZE, IRN])
        for i in range(3)
    ]
    # The same words in another outlet are another piece of evidence.
    exs.append(
        extraction("elsewhere", [_with_sentence(claim("elsewhere", "FIGHTS", AZE, IRN, 0), question)], [AZE, IRN], outlet="Other Post")
    )
    Loader(neo4j_driver, database=clean_db).load(exs)
    edge = fact_edges(neo4j_driver, clean_db)[("FIGHTS", "AZE", "IRN")]
    assert (edge["claims"], edge["sentences"], edge["articles"], edge["outlets"]) == (4, 2, 4, 2)


def test_a_story_syndicated_under_two_urls_counts_once(neo4j_driver, clean_db):
    loader = Loader(neo4j_driver, database=clean_db)
    original = _article(extraction("https://one.example/story", [claim("https://one.example/story", "ACCUSES", AZE, IRN, 0)], [AZE, IRN]), STORY)
    copy = _article(
        extraction(
            "https://two.example/copy",
            [claim("https://two.example/copy", "ACCUSES", AZE, IRN, 50)],
            [AZE, IRN],
            outlet="Other Post",
            published=date(2022, 12, 17),
        ),
        "By our correspondent. " + STORY + " This article first appeared elsewhere.",
    )
    unrelated = _article(extraction("https://one.example/fair", [claim("https://one.example/fair", "ACCUSES", AZE, IRN, 0)], [AZE, IRN]), OTHER_STORY)
    loader.load([original, unrelated])
    assert fact_edges(neo4j_driver, clean_db)[("ACCUSES", "AZE", "IRN")]["articles"] == 2
    # The copy arrives in a later load: it is found among the stored articles.
    loader.load([copy])
    dups = _duplicates(neo4j_driver, clean_db)
    assert dups == {
        "https://one.example/story": ["https://two.example/copy"],
        "https://two.example/copy": ["https://one.example/story"],
        "https://one.example/fair": [],
    }
    edge = fact_edges(neo4j_driver, clean_db)[("ACCUSES", "AZE", "IRN")]
    assert (edge["claims"], edge["articles"], edge["outlets"]) == (3, 2, 2)
    # The copy and the original share their sentence: one piece of evidence.
    assert edge["sentences"] == 2

    # Loading everything again changes nothing.
    before = fact_edges(neo4j_driver, clean_db)
    loader.load([original, unrelated, copy])
    assert _duplicates(neo4j_driver, clean_db) == dups
    assert fact_edges(neo4j_driver, clean_db) == before

    # The copy is rewritten into a different story: no longer a duplicate.
    loader.load([_article(copy, OTHER_STORY.replace("Tabriz", "Ganja") + " Prices rose again in the capital's markets this winter.")])
    assert _duplicates(neo4j_driver, clean_db)["https://one.example/story"] == []
    assert fact_edges(neo4j_driver, clean_db)[("ACCUSES", "AZE", "IRN")]["articles"] == 3


def test_copies_loaded_in_one_batch_each_list_all_the_others(neo4j_driver, clean_db):
    # Four copies, out of id order, in one transaction (then one more later):
    # each lists every other, sorted, whatever the order or batching.
    ids = ["wire-c", "wire-a", "wire-d", "wire-b"]
    copies = [
        _article(extraction(i, [claim(i, "ACCUSES", AZE, IRN, 0)], [AZE, IRN], outlet=f"Outlet {i}"), STORY)
        for i in ids
    ]
    loader = Loader(neo4j_driver, database=clean_db)
    loader.load(copies)
    assert _duplicates(neo4j_driver, clean_db) == {i: sorted(set(ids) - {i}) for i in ids}
    late = _article(extraction("wire-0", [claim("wire-0", "ACCUSES", AZE, IRN, 0)], [AZE, IRN]), STORY)
    loader.load([late])
    everyone = [*ids, "wire-0"]
    assert _duplicates(neo4j_driver, clean_db) == {i: sorted(set(everyone) - {i}) for i in everyone}
    edge = fact_edges(neo4j_driver, clean_db)[("ACCUSES", "AZE", "IRN")]
    assert (edge["claims"], edge["sentences"], edge["articles"], edge["outlets"]) == (5, 1, 1, 5)


def test_articles_without_fingerprints_are_never_duplicates(neo4j_driver, clean_db):
    exs = [extraction(f"plain-{i}", [claim(f"plain-{i}", "SUPPLIES_ARMS", ISR, AZE, 0)], [ISR, AZE]) for i in range(2)]
    Loader(neo4j_driver, database=clean_db).load(exs)
    assert _duplicates(neo4j_driver, clean_db) == {"plain-0": [], "plain-1": []}
    assert fact_edges(neo4j_driver, clean_db)[("SUPPLIES_ARMS", "ISR", "AZE")]["articles"] == 2


def test_fact_edge_dates_come_from_events_and_say_so(neo4j_driver, clean_db):
    old = replace(claim("h1", "FIGHTS", ISR, IRN, 0, event_date=date(1978, 1, 1)), event_date_precision="year", event_date_text="in 1978")
    recent = claim("h1", "FIGHTS", ISR, IRN, 100)  # no date in the text: the article's
    since = replace(
        claim("h2", "SUPPLIES_ARMS", ISR, AZE, 0, event_date=date(1993, 1, 1)),
        event_date_precision="year", event_date_text="since 1993", event_ongoing=True,
    )
    Loader(neo4j_driver, database=clean_db).load(
        [
            extraction("h1", [old], [ISR, IRN], published=date(2020, 10, 29)),
            extraction("h2", [since], [ISR, AZE], published=date(2022, 12, 16)),
            extraction("h3", [replace(recent, article_id="h3")], [ISR, IRN], published=date(2021, 3, 1)),
        ]
    )
    edges = fact_edges(neo4j_driver, clean_db)
    fights = edges[("FIGHTS", "IRN", "ISR")]
    assert (fights["first_seen"].to_native(), fights["last_seen"].to_native(), fights["date_source"]) == (
        date(1978, 1, 1), date(2021, 3, 1), "mixed"
    )
    # A state since 1993 is seen from then to the article that says it still holds.
    arms = edges[("SUPPLIES_ARMS", "ISR", "AZE")]
    assert (arms["first_seen"].to_native(), arms["last_seen"].to_native(), arms["date_source"]) == (
        date(1993, 1, 1), date(2022, 12, 16), "event"
    )
    with neo4j_driver.session(database=clean_db) as s:
        stored = s.run("MATCH (c:Claim {article_id: 'h1'}) WHERE c.event_date IS NOT NULL RETURN c").single()["c"]
    assert (stored["event_date_precision"], stored["event_date_text"], stored["event_ongoing"]) == ("year", "in 1978", False)
