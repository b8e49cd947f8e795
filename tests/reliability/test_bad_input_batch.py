"""Bad input inside a real batch: every kind of bad file sits in one directory
with good ones, and the whole directory goes through `ingest.pipeline.run`
with the real Extractor (spaCy) and the real Loader into Neo4j.

What must hold: each bad input is one Skipped (or a ReadWarning for a bad
date) with a reason code and a detail that says what happened; every good
article is loaded; the run is not aborted; and the graph holds exactly what
the report says was loaded -- every claim with its article, subject and
object, no article without its claims (nothing half-written).

The reader-level unit tests (tests/unit/test_readers_bad_input.py) check each
reader alone; these check that the same inputs do not disturb a real load.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pycountry
import pytest
from neo4j import Driver

from graph.loader import Loader
from graph.models import Article
from ingest.extract import MAX_MENTIONS_PER_SENTENCE, MAX_SENTENCE_TOKENS, Extractor
from ingest.pipeline import run
from ingest.readers import Skipped, read_paths

pytestmark = pytest.mark.neo4j

MB = 1024 * 1024

# Sentences written for these tests.
GOOD_TEXTS = {
    "good_treaty.txt": "France and Germany signed a defence agreement in Paris on Tuesday.",
    "good_sanctions.txt": "The United States imposed new sanctions on Iran over its nuclear programme.",
    "good_troops.txt": "Russia deployed troops to the border with Ukraine, officials in Kyiv said.",
}
GERMAN = (
    "Die Regierung hat am Montag in der Hauptstadt erklärt, dass die Hilfe für das Nachbarland "
    "fortgesetzt werde. Die Opposition kritisierte den Plan scharf und forderte eine lange Debatte "
    "im Parlament über die Kosten und die Folgen für den Haushalt des kommenden Jahres."
)
# (date field, what the article's `published` must be, a warning reason or None)
DATED = [
    ("2021-03-04", date(2021, 3, 4), None),
    ("4 March 2021", date(2021, 3, 4), None),
    ("Thu, 04 Mar 2021 10:00:00 GMT", date(2021, 3, 4), None),
    ("03/04/2021", date(2021, 3, 4), None),
    ("the day after tomorrow", None, "bad-date"),
    ("2021-02-30", None, "bad-date"),
    ("2999-01-01", None, "date-out-of-range"),
]


def country_names() -> list[str]:
    """Plain country names (no commas or brackets, which would split the list)."""
    return [c.name for c in pycountry.countries if "," not in c.name and "(" not in c.name]


def roll_call(mentions: int) -> str:
    """One sentence naming `mentions` states, half on each side of the cue: the
    worst case for pairing (every subject with every object)."""
    names = country_names()
    listed = [names[i % len(names)] for i in range(mentions)]
    half = mentions // 2
    return ", ".join(listed[:half]) + " signed a treaty with " + ", ".join(listed[half:-1]) + " and " + listed[-1] + "."


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def write_batch(root: Path) -> dict[str, str]:
    """The batch directory; returns {file name: the reason it must be skipped for}."""
    for name, text in GOOD_TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    bad: dict[str, str] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        (root / name).write_bytes(data)
        bad[name] = reason

    put("empty.txt", b"", "empty")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary")
    put("latin1.txt", "Le président a parlé à Genève avec la délégation.".encode("latin-1"), "undecodable")
    put("no_body.html", b"<!DOCTYPE html><html><head><title>Nothing here</title></head></html>", "no-main-text")
    put("german.txt", GERMAN.encode("utf-8"), "non-english")
    # A truncated last line, as a crashed writer leaves it; the first line is good.
    good_line = json.dumps({"text": "Japan and South Korea agreed to share military intelligence.", "url": "https://t.example/jk"})
    put("cut.jsonl", (good_line + "\n" + '{"text": "Chile recalled its ambassa').encode(), "malformed-json")
    # A feed: one good entry between two broken ones.
    put(
        "wire.rss",
        b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>Only a title</title></item>
        <item><title>Embassy</title><link>https://t.example/emb</link>
        <description>Canada closed its embassy in Venezuela on Friday.</description></item>
        <item><description></description></item></channel></rss>""",
        "broken-feed-entry",
    )
    # Dates: good formats load with the date, nonsense loads without one and a warning.
    with (root / "dated.jsonl").open("w", encoding="utf-8") as f:
        for n, (value, _, _) in enumerate(DATED):
            text = f"Egypt and Sudan held talks on the Nile dam, report {n} said."
            f.write(json.dumps({"text": text, "url": f"https://t.example/dated/{n}", "date": value}) + "\n")
    # UTF-16 with a BOM is a readable encoding, not a bad one.
    (root / "utf16.txt").write_bytes("Turkey condemned the attack on Syria's border posts.".encode("utf-16"))
    return bad


def test_bad_inputs_are_skipped_with_reasons_and_the_rest_loads(
    tmp_path: Path, extractor: Extractor, neo4j_driver: Driver, clean_db: str
) -> None:
    bad = write_batch(tmp_path)
    # 50 MB of real text (not sparse): skipped by the size cap.
    with (tmp_path / "huge.txt").open("wb") as f:
        for _ in range(50):
            f.write(b"Ruritania and Freedonia traded accusations again. " * (MB // 50))
    bad["huge.txt"] = "too-large"

    report = run([tmp_path], extractor, Loader(neo4j_driver, clean_db), batch_size=4, sink_name="neo4j")

    assert report.aborted is None, report.summary()
    # Bad input is skipped, not failed: `geokg ingest` exits 0 for this batch, not 4.
    assert report.failed == [] and report.ok, report.summary()
    reasons = {Path(s.source.split("#")[0].rsplit(":", 1)[0]).name: s.reason for s in report.skipped}
    for name, reason in bad.items():
        assert reasons.get(name) == reason, (name, report.summary())
    assert all(s.detail for s in report.skipped), report.summary()
    # The feed has two broken entries; everything skipped is one of the bad files.
    assert sorted(reasons) == sorted(bad), report.summary()
    assert len([s for s in report.skipped if s.reason == "broken-feed-entry"]) == 2
    expected_articles = len(GOOD_TEXTS) + 1 + 1 + len(DATED) + 1  # txt, jsonl line, feed entry, dated, utf-16
    assert report.articles_loaded == report.articles_read == expected_articles, report.summary()
    warned = sorted(w.reason for w in report.warnings)
    assert warned == sorted(r for _, _, r in DATED if r), report.summary()
    assert "STOPPED EARLY" not in report.summary()

    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Article) RETURN a.url AS url, a.published AS published", database_=clean_db
    )
    assert len(records) == expected_articles
    published = {r["url"]: r["published"] for r in records}
    for n, (_, expected, _) in enumerate(DATED):
        found = published[f"https://t.example/dated/{n}"]
        assert (found.to_native() if found is not None else None) == expected, n
    assert_graph_matches_report(neo4j_driver, clean_db, report.claims, report.articles_loaded)
    assert report.claims > 0


def assert_graph_matches_report(driver: Driver, database: str, claims: int, articles: int) -> None:
    """Every claim whole (asserted by one article, one subject, one object) and
    the counts the report gives: nothing half-written, nothing extra."""
    [row], _, _ = driver.execute_query(
        """
        CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
        CALL () { MATCH (a:Article) RETURN count(a) AS articles }
        CALL () {
          MATCH (c:Claim)
          WHERE COUNT { (:Article)-[:ASSERTS]->(c) } <> 1
             OR COUNT { (c)-[:SUBJECT]->(:Entity) } <> 1
             OR COUNT { (c)-[:OBJECT]->(:Entity) } <> 1
          RETURN count(c) AS broken
        }
        RETURN claims, articles, broken
        """,
        database_=database,
    )
    assert row["broken"] == 0
    assert (row["claims"], row["articles"]) == (claims, articles)


def test_sentence_listing_thousands_of_entities_stays_bounded(
    tmp_path: Path, extractor: Extractor, neo4j_driver: Driver, clean_db: str
) -> None:
    """3,000 names in one sentence: every mention is recorded, the sentence
    (far over MAX_SENTENCE_TOKENS) feeds no claim, and the load completes;
    the good article beside it keeps its claims."""
    (tmp_path / "roll_call.txt").write_text(roll_call(3000), encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD_TEXTS["good_treaty.txt"], encoding="utf-8")
    [listing] = [a for a in read_paths([tmp_path / "roll_call.txt"]) if isinstance(a, Article)]
    extraction = extractor.extract_one(listing)
    assert len(extraction.mentions) >= 2900  # the gazetteer resolves (nearly) every name
    assert extraction.claims == []

    report = run([tmp_path], extractor, Loader(neo4j_driver, clean_db), batch_size=2)
    assert report.aborted is None and report.articles_loaded == 2 and not report.skipped, report.summary()
    assert report.claims > 0  # from the good article
    assert_graph_matches_report(neo4j_driver, clean_db, report.claims, 2)


def test_long_list_under_the_token_cap_pairs_only_the_first_mentions(extractor: Extractor) -> None:
    """120 names, under MAX_SENTENCE_TOKENS: claims come only from the first
    MAX_MENTIONS_PER_SENTENCE mentions, so at most their pairs (it was 2,584
    claims and minutes of extraction before the cap)."""
    text = roll_call(120)
    article = Article(id="https://t.example/list-120", text=text)
    doc_tokens = len(extractor.nlp.tokenizer(text))
    assert doc_tokens < MAX_SENTENCE_TOKENS
    extraction = extractor.extract_one(article)
    assert len(extraction.mentions) >= 115
    assert 0 < len(extraction.claims) <= MAX_MENTIONS_PER_SENTENCE**2
    limit = extraction.mentions[MAX_MENTIONS_PER_SENTENCE - 1].end
    for claim in extraction.claims:
        assert claim.subject_end <= limit and claim.object_end <= limit, claim


def test_short_lists_are_not_capped(extractor: Extractor) -> None:
    article = Article(id="https://t.example/short", text=roll_call(8))
    claims = extractor.extract_one(article).claims
    assert len(claims) >= 4  # 4 signatories x 4 partners, minus any the rules drop


# --- the size cap reads nothing ---------------------------------------------------------


def _read_peak(paths: list[Path]) -> tuple[list[Article | Skipped], int]:
    tracemalloc.start()
    try:
        results = list(read_paths(paths))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return results, peak


@pytest.fixture
def fifty_mb_text(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "fifty.txt"
    with path.open("wb") as f:
        for _ in range(50):
            f.write(b"Word salad about nothing in particular. " * (MB // 40))
    yield path
    path.unlink()


def test_fifty_mb_text_is_skipped_without_reading_it(fifty_mb_text: Path) -> None:
    [skipped], peak = _read_peak([fifty_mb_text])
    assert isinstance(skipped, Skipped) and skipped.reason == "too-large", skipped
    assert peak < 5 * MB, f"reading a file the cap skips allocated {peak:,} bytes"


def test_fifty_mb_jsonl_line_is_skipped_without_reading_it(tmp_path: Path) -> None:
    """One JSONL line of 50 MB (no newline): skipped as too large, read in
    bounded pieces; the good line after it still loads."""
    path = tmp_path / "huge-line.jsonl"
    with path.open("wb") as f:
        f.write(b'{"text": "')
        for _ in range(50):
            f.write(b"x" * MB)
        f.write(b'"}\n')
        f.write(json.dumps({"text": GOOD_TEXTS["good_treaty.txt"]}).encode() + b"\n")
    results, peak = _read_peak([path])
    assert [type(r).__name__ for r in results] == ["Skipped", "Article"], results
    assert results[0].reason == "too-large" and results[0].source.endswith(":1")
    assert peak < 16 * MB, f"skipping a 50 MB line allocated {peak:,} bytes"
