"""`geokg export` against the real Neo4j: each file, read back, holds exactly
the stored fact edges with their attributes; PLOVER records carry the claims'
provenance and context."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from analytics_support import create_entities, create_fact, two_blocs
from typer.testing import CliRunner

from graph.settings import get_settings
from api.cli import app

pytestmark = pytest.mark.neo4j


@pytest.fixture
def db(clean_db, neo4j_driver) -> str:  # noqa: ANN001
    return get_settings().database


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.output


STORED = {
    ("AAA", "ALLIED_WITH", "BBB", 3, 2), ("BBB", "ALLIED_WITH", "CCC", 3, 2), ("AAA", "ALLIED_WITH", "CCC", 3, 2),
    ("DDD", "ALLIED_WITH", "EEE", 3, 2), ("EEE", "ALLIED_WITH", "FFF", 3, 2), ("DDD", "ALLIED_WITH", "FFF", 3, 2),
    ("AAA", "ATTACKS", "DDD", 2, 2), ("BBB", "ATTACKS", "DDD", 1, 1),
}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_hold_the_stored_edges(fmt: str, neo4j_driver, db, tmp_path: Path) -> None:  # noqa: ANN001
    two_blocs(neo4j_driver, db)
    out = tmp_path / f"geokg.{fmt}"
    assert "6 nodes and 8 edges" in run("--format", fmt, "--out", str(out))
    h = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    got = {(u, d["relation"], v, int(d["claims"]), int(d["articles"])) for u, v, d in h.edges(data=True)}
    assert got == STORED
    assert {n: (a["name"], a["kind"], a["iso3"]) for n, a in h.nodes(data=True)}["DDD"] == ("State DDD", "Country", "DDD")
    attack = next(d for u, v, d in h.edges(data=True) if d["relation"] == "ATTACKS" and u == "AAA")
    assert float(attack["goldstein"]) == -9.3 and attack["first_seen"] == "2020-01-01" and attack["last_seen"] == "2020-01-01"


def test_csv_and_json_with_filters(neo4j_driver, db, tmp_path: Path) -> None:  # noqa: ANN001
    two_blocs(neo4j_driver, db)
    create_entities(neo4j_driver, db, [("ddd-city", "DDD Town", "City", None)])
    create_fact(neo4j_driver, db, "ddd-city", "CAPITAL_OF", "DDD", source="reference")
    run("--format", "csv", "--out", str(tmp_path / "csv"), "--type", "ATTACKS", "--include-reference")
    with (tmp_path / "csv" / "edges.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert {(r["Source"], r["relation"], r["Target"], r["Type"], r["claims"]) for r in rows} == {
        ("AAA", "ATTACKS", "DDD", "Directed", "2"), ("BBB", "ATTACKS", "DDD", "Directed", "1")
    }
    run("--format", "csv", "--out", str(tmp_path / "csv2"), "--include-reference", "--type", "CAPITAL_OF")
    with (tmp_path / "csv2" / "nodes.csv").open() as f:
        nodes = {r["Id"]: r for r in csv.DictReader(f)}
    assert set(nodes) == {"ddd-city", "DDD"} and nodes["ddd-city"]["kind"] == "City"

    run("--format", "json", "--out", str(tmp_path / "g.json"), "--min-claims", "2")
    doc = json.loads((tmp_path / "g.json").read_text())
    assert {(e["subject"], e["type"], e["object"]) for e in doc["edges"]} == {
        (s, t, o) for s, t, o, c, _ in STORED if c >= 2
    }
    assert doc["geokg"]["filter"]["min_claims"] == 2


def test_plover_records_from_loaded_claims(neo4j_driver, db, tmp_path: Path) -> None:  # noqa: ANN001
    from graph.loader import Loader
    from graph.models import Article, Claim, Entity, Extraction
    from graph.ontology import EntityKind, Modality, Polarity

    ents = {e.id: e for e in (
        Entity("RUS", "Russia", EntityKind.COUNTRY, iso3="RUS"),
        Entity("UKR", "Ukraine", EntityKind.COUNTRY, iso3="UKR"),
        Entity("hamas", "Hamas", EntityKind.GROUP),
    )}
    url = "https://example.org/plover/1"

    def c(t, s, o, at, **kw) -> Claim:  # noqa: ANN001, ANN003
        return Claim(url, t, s, o, s, at, at + 3, o, at + 10, at + 13, "verb", at + 5, at + 9,
                     f"Sentence {at} about {s} and {o}.", at // 100, confidence=0.7, **kw)

    claims = [
        c("ATTACKS", "RUS", "UKR", 0, event_date=date(2020, 2, 20)),
        c("NEGOTIATES_WITH", "RUS", "UKR", 100, modality=Modality.PLANNED),
        c("SUPPLIES_ARMS", "RUS", "hamas", 200, polarity=Polarity.NEGATED),
        c("LEADER_OF", "UKR", "RUS", 300, modality=Modality.HYPOTHETICAL),
    ]
    Loader(neo4j_driver, database=db).load([Extraction(
        article=Article(id=url, text="(test)", url=url, title="A title", outlet="Example", published=date(2020, 3, 1),
                        license="CC0"),
        entities=ents,
        claims=claims,
    )])

    assert "wrote 4 claims" in run("--format", "plover", "--out", str(tmp_path / "events.json"))
    events = {e["geokg_type"]: e for e in json.loads((tmp_path / "events.json").read_text())["events"]}
    assert set(events) == {"ATTACKS", "NEGOTIATES_WITH", "SUPPLIES_ARMS", "LEADER_OF"}
    attack = events["ATTACKS"]
    assert (attack["event_type"], attack["cameo"], attack["actor1"], attack["actor1_country"], attack["actor2_id"]) == (
        "ASSAULT", "18-20", "Russia", "RUS", "UKR")
    assert (attack["date"], attack["date_source"], attack["publication_date"]) == ("2020-02-20", "event", "2020-03-01")
    assert attack["context"] == [] and attack["url"] == url and attack["sentence"] == "Sentence 0 about RUS and UKR."
    assert attack["id"] == claims[0].id and attack["confidence"] == 0.7
    assert events["NEGOTIATES_WITH"]["context"] == ["future"] and events["NEGOTIATES_WITH"]["date"] == "2020-03-01"
    arms = events["SUPPLIES_ARMS"]
    assert arms["context"] == ["negated"] and arms["actor2_kind"] == "Group" and arms["actor2_country"] is None
    assert events["LEADER_OF"]["event_type"] is None and events["LEADER_OF"]["context"] == ["hypothetical"]

    # Filters: no negated claims, a window on the claim date (event date first), JSON Lines.
    run("--format", "plover", "--out", str(tmp_path / "e.jsonl"), "--no-negated", "--until", "2020-02-29")
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [e["geokg_type"] for e in lines] == ["ATTACKS"]


def test_bad_format_and_type_are_refused(tmp_path: Path) -> None:
    bad = CliRunner().invoke(app, ["export", "--format", "pajek", "--out", str(tmp_path / "x")])
    assert bad.exit_code != 0 and "plover" in bad.output
