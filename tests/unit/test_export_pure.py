"""Export writers on a hand-built graph (no database): files re-read with
networkx / csv / json and compared with what was written."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from tests.plover_spec import (
    SPEC_AUXILIARY,
    SPEC_CATEGORIES,
    SPEC_RECORD_FIELDS,
    check_plover_record,
)

from graph.analytics import add_entity, add_fact, new_graph
from graph.errors import InvalidQuery
from graph.export import (
    EDGE_CSV_COLUMNS,
    NODE_CSV_COLUMNS,
    PLOVER_TYPES,
    plover_context,
    plover_record,
    render_graph,
    write_graph,
    write_plover,
)


def sample() -> nx.MultiDiGraph:
    g = new_graph()
    add_entity(g, "RUS", "Russia", "Country", "RUS", ["Russian Federation", "RF"])
    add_entity(g, "UKR", "Ukraine", "Country", "UKR")
    add_entity(g, "kyiv", "Kyiv", "City", None)
    add_fact(g, "RUS", "ATTACKS", "UKR", claims=3, articles=2, outlets=1,
             first_seen="2019-01-02", last_seen="2019-03-01", confidence=0.8)
    add_fact(g, "RUS", "NEGOTIATES_WITH", "UKR", claims=1, articles=1)
    add_fact(g, "RUS", "BORDERS", "UKR", claims=None, articles=None, provenance="reference")
    add_fact(g, "kyiv", "CAPITAL_OF", "UKR", claims=None, articles=None, provenance="reference")
    return g


def edge_table(h: nx.MultiDiGraph) -> set[tuple]:
    return {
        (u, v, d["relation"], float(d["goldstein"]), int(d["claims"]), int(d["articles"]),
         d.get("first_seen"), d.get("last_seen"), d["provenance"])
        for u, v, d in h.edges(data=True)
    }


EXPECTED_EDGES = {
    ("RUS", "UKR", "ATTACKS", -9.3, 3, 2, "2019-01-02", "2019-03-01", "article"),
    ("RUS", "UKR", "NEGOTIATES_WITH", 2.1, 1, 1, None, None, "article"),
    ("RUS", "UKR", "BORDERS", 0.0, 0, 0, None, None, "reference"),
    ("kyiv", "UKR", "CAPITAL_OF", 0.0, 0, 0, None, None, "reference"),
}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back_with_networkx(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"g.{fmt}"
    assert write_graph(sample(), fmt, out) == [out]
    h = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert h.is_directed() and h.is_multigraph()
    assert h.nodes["RUS"]["kind"] == "Country" and h.nodes["RUS"]["iso3"] == "RUS"
    assert h.nodes["RUS"]["name"] == "Russia" and h.nodes["RUS"]["label"] == "Russia"
    assert h.nodes["RUS"]["aliases"] == "Russian Federation|RF"
    assert h.nodes["kyiv"]["kind"] == "City" and "iso3" not in h.nodes["kyiv"]
    assert edge_table(h) == EXPECTED_EDGES
    attacks = next(d for _, _, d in h.edges(data=True) if d["relation"] == "ATTACKS")
    assert float(attacks["weight"]) == 3.0 and attacks["label"] == "ATTACKS"
    assert attacks["plover"] == "ASSAULT" and float(attacks["confidence"]) == 0.8


def test_graphml_key_ids_are_unique(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    write_graph(sample(), "graphml", tmp_path / "g.graphml")
    keys = [k for k in ET.parse(tmp_path / "g.graphml").getroot() if k.tag.endswith("key")]
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))
    assert {(k.get("for"), k.get("attr.name")) for k in keys} >= {("node", "label"), ("edge", "label"), ("edge", "relation")}


def test_csv_writes_gephi_tables(tmp_path: Path) -> None:
    files = write_graph(sample(), "csv", tmp_path / "out")
    assert [f.name for f in files] == ["nodes.csv", "edges.csv"]
    with (tmp_path / "out" / "nodes.csv").open() as f:
        nodes = list(csv.DictReader(f))
    with (tmp_path / "out" / "edges.csv").open() as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == EDGE_CSV_COLUMNS
        edges = list(reader)
    assert tuple(nodes[0]) == NODE_CSV_COLUMNS
    assert [(n["Id"], n["Label"], n["kind"], n["iso3"]) for n in nodes] == [
        ("RUS", "Russia", "Country", "RUS"), ("UKR", "Ukraine", "Country", "UKR"), ("kyiv", "Kyiv", "City", "")
    ]
    by_rel = {e["relation"]: e for e in edges}
    assert by_rel["ATTACKS"]["Type"] == "Directed" and by_rel["NEGOTIATES_WITH"]["Type"] == "Undirected"
    assert (by_rel["ATTACKS"]["Source"], by_rel["ATTACKS"]["Target"], by_rel["ATTACKS"]["Weight"]) == ("RUS", "UKR", "3")
    assert by_rel["ATTACKS"]["goldstein"] == "-9.3" and by_rel["ATTACKS"]["first_seen"] == "2019-01-02"
    assert by_rel["CAPITAL_OF"]["provenance"] == "reference" and by_rel["CAPITAL_OF"]["Weight"] == "1"


def test_csv_refuses_a_file_as_folder(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("")
    with pytest.raises(InvalidQuery, match="folder"):
        write_graph(sample(), "csv", f)


def test_json_is_networkx_node_link_and_zip_payload(tmp_path: Path) -> None:
    write_graph(sample(), "json", tmp_path / "g.json")
    doc = json.loads((tmp_path / "g.json").read_text())
    assert (doc["directed"], doc["multigraph"]) == (True, True)
    assert doc["graph"]["node_count"] == 3 and doc["graph"]["edge_count"] == 4
    assert doc["graph"]["format"] == "networkx-node-link"
    h = nx.node_link_graph(doc, edges="edges")
    assert isinstance(h, nx.MultiDiGraph) and h.number_of_edges() == 4
    assert h.nodes["RUS"]["aliases"] == ["Russian Federation", "RF"] and h.nodes["RUS"]["name"] == "Russia"
    attack = h.edges["RUS", "UKR", "ATTACKS"]
    assert attack == {
        "type": "ATTACKS", "goldstein": -9.3, "symmetric": False, "weight": 3,
        "claims": 3, "articles": 2, "outlets": 1, "first_seen": "2019-01-02", "last_seen": "2019-03-01",
        "confidence": 0.8, "cameo": "18-20", "plover": "ASSAULT", "provenance": "article",
        # Built without the loader's distinct-evidence counts: none to export.
        "sentences": None, "date_source": None,
    }
    assert h.edges["RUS", "UKR", "BORDERS/reference"]["provenance"] == "reference"
    zipped = render_graph(sample(), "csv")
    assert zipped.media_type == "application/zip"
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as zf:
        assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]
    with pytest.raises(InvalidQuery, match="unknown graph export format"):
        render_graph(sample(), "pajek")


def test_plover_context_uses_the_codebooks_auxiliary_modes() -> None:
    assert plover_context("affirmed", "asserted") == []
    assert plover_context("affirmed", "reported") == []
    assert plover_context("affirmed", "alleged") == []  # no auxiliary mode: in geokg.modality
    assert plover_context("negated", "asserted") == ["negation"]
    assert plover_context("affirmed", "planned") == ["future"]
    assert plover_context("negated", "hypothetical") == ["negation", "hypothetical"]
    assert plover_context("affirmed", "historical") == ["historical"]


CLAIM = {"id": "c1", "type": "SUPPLIES_ARMS", "polarity": "negated", "modality": "planned",
         "event_date": None, "sentence": "X will not send arms to Y.", "sentence_index": 3,
         "subject_text": "X", "subject_start": 40, "subject_end": 41, "object_text": "Y",
         "object_start": 64, "object_end": 65, "trigger_text": "send", "trigger_start": 52, "trigger_end": 56,
         "confidence": 0.6, "extractor": "geokg-rules", "extractor_version": "1", "attributed_to": None}  # fmt: skip
ARTICLE = {"id": "https://ex.org/a", "url": "https://ex.org/a", "title": "T", "outlet": "ex.org",
           "published": "2020-03-04", "license": "CC BY 2.5", "language": "en"}  # fmt: skip


def test_plover_record_fields() -> None:
    rec = plover_record(CLAIM, ARTICLE, {"id": "XXX", "name": "X", "kind": "Country", "iso3": "XXX", "wikidata": "Q1"},
                        {"id": "y-group", "name": "Y", "kind": "Group", "iso3": None})  # fmt: skip
    assert rec["event"] == ["AID"] and rec["quad_code"] == 2 and rec["event_scale"] == 10.0
    assert rec["actor"] == [{"code": "XXX", "entity_text": "X", "identifier_id": "Q1", "identifier_text": "X",
                             "geokg_id": "XXX", "geokg_kind": "Country"}]  # fmt: skip
    assert rec["recipient"] == [{"entity_text": "Y", "identifier_text": "Y", "geokg_id": "y-group",
                                 "geokg_kind": "Group"}]  # fmt: skip
    assert (rec["date"], rec["geokg"]["date_source"]) == ("2020-03-04", "publication")
    assert rec["context"] == ["negation", "future"] and "mode" not in rec
    assert rec["text"] == "X will not send arms to Y." and rec["event_text"] == ["send"]
    assert rec["text_info"] == {"sequence": 3, "start": 40, "end": 65}
    assert rec["cite_info"]["url"] == "https://ex.org/a" and rec["cite_info"]["publication"] == "ex.org"
    assert rec["cite_info"]["coder"] == rec["coder"] == "geokg-rules 1" and "PLOVER" in rec["cite_info"]["codebook"]
    assert (rec["geokg"]["type"], rec["geokg"]["cameo"], rec["geokg"]["goldstein"]) == ("SUPPLIES_ARMS", "072", 7.4)
    dated = plover_record({**CLAIM, "event_date": "2020-02-28", "polarity": "affirmed", "modality": "asserted"},
                          ARTICLE, {}, {})  # fmt: skip
    assert (dated["date"], dated["geokg"]["date_source"]) == ("2020-02-28", "event") and "context" not in dated
    with pytest.raises(InvalidQuery, match="no PLOVER category"):
        plover_record({**CLAIM, "type": "LEADER_OF"}, ARTICLE, {}, {})


def test_a_symmetric_type_is_reciprocal_both_parties_actors() -> None:
    rec = plover_record({**CLAIM, "type": "FIGHTS"}, ARTICLE, {"id": "A", "name": "A"}, {"id": "B", "name": "B"})
    assert [a["geokg_id"] for a in rec["actor"]] == ["A", "B"] and "recipient" not in rec
    assert rec["event"] == ["ASSAULT"] and rec["quad_code"] == 4 and rec["event_scale"] == -9.0


def test_every_event_type_maps_to_the_codebook() -> None:
    from graph.ontology import RELATION_TYPES, Tier
    from graph.plover import CATEGORIES, CONTEXTS, RECORD_FIELDS

    assert set(CATEGORIES) == SPEC_CATEGORIES and set(RECORD_FIELDS) == SPEC_RECORD_FIELDS
    assert SPEC_AUXILIARY <= CONTEXTS
    # Every PLOVER code in the ontology is one category of the codebook.
    assert {t.plover for t in RELATION_TYPES.values() if t.plover} <= SPEC_CATEGORIES
    # The export writes every event type with a category, and nothing structural.
    assert set(PLOVER_TYPES) == {n for n, t in RELATION_TYPES.items() if t.tier == Tier.EVENT and t.plover}
    # Quad codes per the categories' own sections (SANCTION: material conflict).
    quads = {c: plover_record({**CLAIM, "type": t}, ARTICLE, {}, {})["quad_code"]
             for t in PLOVER_TYPES for c in [RELATION_TYPES[t].plover]}  # fmt: skip
    assert quads == {"CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "REQUEST": 3,
                     "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 4, "MOBILIZE": 4, "ASSAULT": 4,
                     "COERCE": 4, "PROTEST": 4}  # fmt: skip
    for t in PLOVER_TYPES:
        check_plover_record(plover_record({**CLAIM, "type": t}, ARTICLE, {"id": "A"}, {"id": "B"}))


def test_write_plover_is_json_lines(tmp_path: Path) -> None:
    recs = [{"id": "a", "event": ["ASSAULT"]}, {"id": "b", "event": ["CONSULT"]}]
    assert write_plover(iter(recs), tmp_path / "events.jsonl") == 2
    lines = (tmp_path / "events.jsonl").read_text().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a", "b"]
    assert write_plover(recs, tmp_path / "e.json") == 2  # JSON Lines whatever the suffix
    assert len((tmp_path / "e.json").read_text().splitlines()) == 2
