"""`geokg bulk-import` against real servers: the graph neo4j-admin builds from
claim files equals the one the online loader builds from the same extractions
(the Wikinews corpus plus hand-made cases for the loader's merge rules), and a
database that holds articles is refused."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from bulk_support import dump, running, second_server_settings
from h5_support import ALIYEV, AZE, BAKU, IRN, ISR, claim, extraction

from graph.bulk.importer import BulkImportError, bulk_import
from graph.bulk.records import NotARecordFile, RecordWriter, read_records
from graph.driver import create_driver
from graph.loader import Loader
from graph.models import Entity
from graph.ontology import EntityKind, Modality, Polarity
from graph.reference import load_reference
from graph.schema import ensure_schema

pytestmark = pytest.mark.neo4j

BATCH = 32


def edge_cases():
    """What the loader's merge rules decide: a name seen first stays and later
    ones become aliases (across batches and within one), a later iso3/wikidata
    wins, a speaker not yet stored gets no link, text with quotes, commas,
    newlines and empty strings, articles without outlet or date."""
    a = "https://example.org/bulk/"
    aze_other = Entity("AZE", "Republic of Azerbaijan", EntityKind.COUNTRY, aliases=("Azerbaycan",), iso3="AZE")
    person = Entity("p-new", 'Mr "Quoted", Jr.', EntityKind.PERSON, aliases=("", "line\nbreak"))
    person_later = Entity("p-new", "Quoted", EntityKind.PERSON, wikidata="Q1")
    late_speaker = Entity("p-late", "Late Speaker", EntityKind.PERSON)
    first = extraction(
        a + "1",
        [
            claim(a + "1", "ACCUSES", AZE, IRN, 0, modality=Modality.REPORTED, attributed_to=late_speaker.id),
            claim(a + "1", "MEETS_WITH", person, aze_other, 100, confidence=0.95),
            claim(a + "1", "MEETS_WITH", aze_other, person, 200, confidence=0.95),
            claim(a + "1", "ATTACKS", AZE, AZE, 300),  # a self-loop: a claim, never a fact
        ],
        [AZE, IRN, person, aze_other],
    )
    first = dataclasses.replace(first, article=dataclasses.replace(first.article, outlet=None, published=None))
    second = extraction(
        a + "2",
        [
            claim(a + "2", "MEETS_WITH", person_later, AZE, 0, attributed_to=late_speaker.id),
            claim(a + "2", "SANCTIONS", ISR, IRN, 100, polarity=Polarity.NEGATED),
            claim(a + "2", "LEADER_OF", ALIYEV, AZE, 200, event_date=date(2001, 1, 1)),
        ],
        [person_later, AZE, ISR, IRN, ALIYEV, late_speaker, BAKU],
        outlet="Other, Post",
    )
    return [first, second]


def syndicated():
    """Near-duplicate support: one story under three outlets (the same
    fingerprint; one copy in an earlier batch, two in one later batch), a
    sentence repeated within an article, event dates with their precision and
    text, an ongoing state, and an edge of dated and undated claims."""
    a = "https://example.org/wire/"
    # Made-up states, so no Wikinews claim feeds their edge.
    rur = Entity("test-ruritania", "Ruritania", EntityKind.COUNTRY)
    fre = Entity("test-freedonia", "Freedonia", EntityKind.COUNTRY)
    fingerprint = tuple(range(1000, 1064))

    def copy(n: int, outlet: str):
        aid = f"{a}{n}"
        said = "Ruritania accused Freedonia, the wire said."
        claims = [
            dataclasses.replace(claim(aid, "ACCUSES", rur, fre, 0, confidence=0.6), sentence=said),
            dataclasses.replace(claim(aid, "ACCUSES", rur, fre, 100, confidence=0.7), sentence=said.upper()),
            dataclasses.replace(
                claim(aid, "LEADER_OF", ALIYEV, AZE, 200, event_date=date(2003, 1, 1)),
                event_date_precision="year", event_date_text="since 2003", event_ongoing=True,
            ),
            claim(aid, "LEADER_OF", ALIYEV, AZE, 300) if n == 1 else claim(aid, "MEETS_WITH", ALIYEV, ISR, 300),
        ]  # fmt: skip
        ex = extraction(aid, claims, [rur, fre, ISR, ALIYEV, AZE], outlet=outlet, published=date(2020, 3, n))
        return dataclasses.replace(ex, article=dataclasses.replace(ex.article, fingerprint=fingerprint))

    return [copy(1, "Wire A")], [copy(2, "Wire B"), copy(3, "Wire C")]


@pytest.fixture(scope="module")
def bulk_server(neo4j_settings, tmp_path_factory):
    with running(second_server_settings(neo4j_settings, tmp_path_factory.mktemp("bulk-neo4j"))) as settings:
        yield settings


def test_bulk_import_equals_the_online_load(wikinews_extractions, neo4j_driver, clean_db, bulk_server, tmp_path):
    # Two hand-made cases in different batches, and in one batch with Wikinews articles.
    # Syndicated copies: one in the first batch, two together in a later one.
    early, late = syndicated()
    extractions = [*edge_cases()[:1], *early, *wikinews_extractions[:BATCH], *edge_cases()[1:], *late,
                   *wikinews_extractions[BATCH:]]  # fmt: skip
    ensure_schema(neo4j_driver, clean_db)
    load_reference(neo4j_driver, clean_db)
    Loader(neo4j_driver, database=clean_db, batch_size=BATCH).load(extractions)

    path = tmp_path / "claims.parquet"
    with RecordWriter(path) as writer:
        for start in range(0, len(extractions), 100):
            writer.load(extractions[start : start + 100])
    report = bulk_import(bulk_server, [path], batch_size=BATCH)
    assert report.files.articles == len(extractions)

    online_nodes, online_rels = dump(neo4j_driver, clean_db)
    driver = create_driver(bulk_server)
    try:
        imported_nodes, imported_rels = dump(driver, bulk_server.database)
        with driver.session(database=bulk_server.database) as s:
            constraints = {r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name")}
    finally:
        driver.close()
    assert report.files.claims == sum(1 for k in online_nodes if k.startswith("Claim:")) > 500
    assert set(imported_nodes) == set(online_nodes)
    different = [k for k in online_nodes if online_nodes[k] != imported_nodes[k]]
    assert not different, [(k, _diff(online_nodes[k][1], imported_nodes[k][1]), online_nodes[k][0],
                            imported_nodes[k][0]) for k in different[:3]]  # fmt: skip
    assert set(imported_rels) == set(online_rels)
    different = [k for k in online_rels if online_rels[k] != imported_rels[k]]
    assert not different, [(k, online_rels[k], imported_rels[k]) for k in different[:3]]
    # The copies are one story in both graphs: each lists the other two, and the
    # accusation they all carry is one sentence of one story.
    wire = [k for k in online_nodes if k.startswith("Article:https://example.org/wire/")]
    assert [len(online_nodes[k][1]["duplicates"]) for k in wire] == [2, 2, 2]
    (accusation,) = online_rels[("test-ruritania", "ACCUSES", "test-freedonia")]
    assert (dict(accusation)["articles"], dict(accusation)["sentences"], dict(accusation)["outlets"]) == (1, 1, 3)
    assert any(k.startswith("TextBand:") for k in imported_nodes)
    # The schema exists (constraints and the loader's indexes), so an ingest can follow.
    assert {"entity_id", "article_id", "claim_id"} <= constraints

    # The database now holds articles: a second import is refused, the graph kept.
    with pytest.raises(BulkImportError, match="geokg ingest"):
        bulk_import(bulk_server, [path], batch_size=BATCH)


def _diff(online: dict, imported: dict) -> dict:
    return {k: (online.get(k, "-"), imported.get(k, "-")) for k in online.keys() | imported.keys()
            if online.get(k, "-") != imported.get(k, "-")}  # fmt: skip


def test_claims_jsonl_of_a_dry_run_is_refused_with_the_fix(tmp_path):
    from ingest.pipeline import ClaimsJsonlWriter

    path = tmp_path / "claims.jsonl"
    with ClaimsJsonlWriter(path) as writer:
        writer.load(edge_cases())
    with pytest.raises(NotARecordFile, match="--out-format records"):
        list(read_records([path]))


def test_jsonl_and_parquet_records_read_back_the_same(tmp_path):
    records = {}
    for suffix in ("jsonl", "parquet"):
        path = tmp_path / f"claims.{suffix}"
        with RecordWriter(path) as writer:
            writer.load(edge_cases())
        records[suffix] = list(read_records([path]))
    assert records["jsonl"] == records["parquet"]
    assert records["jsonl"][1]["claims"][2]["event_date"] == date(2001, 1, 1)
