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

from api.cli import app
from graph.settings import get_settings
from tests.plover_spec import check_plover_record

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
    neo4j_driver.execute_query("MATCH (e:Entity {id: 'DDD'}) SET e.aliases = ['Dee', 'D-land']", database_=db)
    out = tmp_path / f"geokg.{fmt}"
    assert "6 nodes and 8 edges" in run("--format", fmt, "--out", str(out))
    h = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    got = {(u, d["relation"], v, int(d["claims"]), int(d["articles"])) for u, v, d in h.edges(data=True)}
    assert got == STORED
    assert {n: (a["name"], a["kind"], a["iso3"]) for n, a in h.nodes(data=True)}["DDD"] == ("State DDD", "Country", "DDD")
    assert h.nodes["DDD"]["aliases"] == "Dee|D-land" and "aliases" not in h.nodes["AAA"]  # kept; none: left out
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
    h = nx.node_link_graph(doc, edges="edges")  # networkx node-link: source = subject, target = object
    assert {(u, d["type"], v) for u, v, d in h.edges(data=True)} == {
        (s, t, o) for s, t, o, c, _ in STORED if c >= 2
    }
    assert h.graph["filter"]["min_claims"] == 2


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

    # Events only: LEADER_OF is structural and has no PLOVER category.
    assert "wrote 3 event claims" in run("--format", "plover", "--out", str(tmp_path / "events.jsonl"))
    lines = (tmp_path / "events.jsonl").read_text().splitlines()
    records = [json.loads(x) for x in lines]
    for rec in records:
        check_plover_record(rec)
    events = {e["geokg"]["type"]: e for e in records}
    assert set(events) == {"ATTACKS", "NEGOTIATES_WITH", "SUPPLIES_ARMS"}
    attack = events["ATTACKS"]
    assert (attack["event"], attack["quad_code"], attack["event_scale"], attack["geokg"]["cameo"]) == (
        ["ASSAULT"], 4, -9.0, "18-20")
    assert attack["actor"][0] == {"code": "RUS", "entity_text": "RUS", "identifier_text": "Russia",
                                  "geokg_id": "RUS", "geokg_kind": "Country"}  # fmt: skip
    assert attack["recipient"][0]["code"] == "UKR"
    assert (attack["date"], attack["geokg"]["date_source"], attack["geokg"]["published"]) == (
        "2020-02-20", "event", "2020-03-01")
    assert "context" not in attack and attack["cite_info"]["url"] == url and attack["text"] == "Sentence 0 about RUS and UKR."
    assert attack["text_info"] == {"sequence": 0, "start": 0, "end": 13}  # subject 0-3 ... object 10-13
    assert attack["id"] == claims[0].id and attack["geokg"]["confidence"] == 0.7
    talks = events["NEGOTIATES_WITH"]
    assert talks["context"] == ["future"] and talks["date"] == "2020-03-01"
    assert [a["geokg_id"] for a in talks["actor"]] == ["RUS", "UKR"] and "recipient" not in talks  # reciprocal
    arms = events["SUPPLIES_ARMS"]
    assert arms["context"] == ["negation"] and arms["recipient"][0]["geokg_kind"] == "Group"
    assert "code" not in arms["recipient"][0]

    # Filters: no negated claims, a window on the claim date (event date first).
    run("--format", "plover", "--out", str(tmp_path / "e.jsonl"), "--no-negated", "--until", "2020-02-29")
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [e["geokg"]["type"] for e in lines] == ["ATTACKS"]
    only_structural = CliRunner().invoke(app, ["export", "--format", "plover", "--out", str(tmp_path / "x.jsonl"),
                                               "--type", "LEADER_OF"])  # fmt: skip
    assert only_structural.exit_code != 0 and "PLOVER" in only_structural.output


def test_bad_format_and_type_are_refused(tmp_path: Path) -> None:
    bad = CliRunner().invoke(app, ["export", "--format", "pajek", "--out", str(tmp_path / "x")])
    assert bad.exit_code != 0 and "plover" in bad.output
