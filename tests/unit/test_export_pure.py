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

from graph.analytics import add_entity, add_fact, new_graph
from graph.errors import InvalidQuery
from graph.export import (
    EDGE_CSV_COLUMNS,
    NODE_CSV_COLUMNS,
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
    add_fact(g, "RUS", "BORDERS", "UKR", claims=None, articles=None, source="reference")
    add_fact(g, "kyiv", "CAPITAL_OF", "UKR", claims=None, articles=None, source="reference")
    return g


def edge_table(h: nx.MultiDiGraph) -> set[tuple]:
    return {
        (u, v, d["relation"], float(d["sign"]), int(d["claims"]), int(d["articles"]),
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
    assert by_rel["ATTACKS"]["sign"] == "-9.3" and by_rel["ATTACKS"]["first_seen"] == "2019-01-02"
    assert by_rel["CAPITAL_OF"]["provenance"] == "reference" and by_rel["CAPITAL_OF"]["Weight"] == "1"


def test_csv_refuses_a_file_as_folder(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("")
    with pytest.raises(InvalidQuery, match="folder"):
        write_graph(sample(), "csv", f)


def test_json_document_and_zip_payload(tmp_path: Path) -> None:
    write_graph(sample(), "json", tmp_path / "g.json")
    doc = json.loads((tmp_path / "g.json").read_text())
    assert doc["geokg"]["node_count"] == 3 and doc["geokg"]["edge_count"] == 4
    assert {n["id"]: n["aliases"] for n in doc["nodes"]}["RUS"] == ["Russian Federation", "RF"]
    attack = next(e for e in doc["edges"] if e["type"] == "ATTACKS")
    assert attack == {
        "subject": "RUS", "object": "UKR", "type": "ATTACKS", "sign": -9.3, "symmetric": False,
        "claims": 3, "articles": 2, "outlets": 1, "first_seen": "2019-01-02", "last_seen": "2019-03-01",
        "confidence": 0.8, "cameo": "18-20", "plover": "ASSAULT", "provenance": "article",
        # Built without the loader's distinct-evidence counts: none to export.
        "sentences": None, "date_source": None,
    }
    zipped = render_graph(sample(), "csv")
    assert zipped.media_type == "application/zip"
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as zf:
        assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]
    with pytest.raises(InvalidQuery, match="unknown graph export format"):
        render_graph(sample(), "pajek")


def test_plover_context_from_polarity_and_modality() -> None:
    assert plover_context("affirmed", "asserted") == []
    assert plover_context("affirmed", "reported") == []
    assert plover_context("negated", "asserted") == ["negated"]
    assert plover_context("affirmed", "planned") == ["future"]
    assert plover_context("negated", "hypothetical") == ["negated", "hypothetical"]
    assert plover_context("affirmed", "historical") == ["historical"]


def test_plover_record_fields() -> None:
    claim = {"id": "c1", "type": "SUPPLIES_ARMS", "polarity": "negated", "modality": "planned",
             "event_date": None, "sentence": "X will not send arms to Y.", "trigger_text": "send",
             "confidence": 0.6, "extractor": "geokg-rules", "extractor_version": "1", "attributed_to": None}
    article = {"id": "https://ex.org/a", "url": "https://ex.org/a", "title": "T", "outlet": "ex.org",
               "published": "2020-03-04", "license": "CC BY 2.5"}
    rec = plover_record(claim, article, {"id": "XXX", "name": "X", "kind": "Country", "iso3": "XXX"},
                        {"id": "y-group", "name": "Y", "kind": "Group", "iso3": None})
    assert rec["event_type"] == "AID" and rec["cameo"] == "072" and rec["geokg_type"] == "SUPPLIES_ARMS"
    assert (rec["actor1"], rec["actor1_id"], rec["actor1_country"]) == ("X", "XXX", "XXX")
    assert (rec["actor2"], rec["actor2_kind"], rec["actor2_country"]) == ("Y", "Group", None)
    assert (rec["date"], rec["date_source"]) == ("2020-03-04", "publication")
    assert rec["context"] == ["negated", "future"] and rec["mode"] is None
    assert (rec["source_article_id"], rec["url"], rec["sentence"], rec["confidence"]) == (
        "https://ex.org/a", "https://ex.org/a", "X will not send arms to Y.", 0.6)
    dated = plover_record({**claim, "event_date": "2020-02-28", "type": "LEADER_OF"}, article, {}, {})
    assert (dated["date"], dated["date_source"], dated["event_type"]) == ("2020-02-28", "event", None)


def test_write_plover_json_and_jsonl(tmp_path: Path) -> None:
    recs = [{"id": "a", "event_type": "ASSAULT"}, {"id": "b", "event_type": "CONSULT"}]
    assert write_plover(iter(recs), tmp_path / "e.jsonl") == 2
    lines = (tmp_path / "e.jsonl").read_text().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a", "b"]
    assert write_plover(recs, tmp_path / "e.json") == 2
    doc = json.loads((tmp_path / "e.json").read_text())
    assert doc["geokg"]["event_count"] == 2 and doc["events"] == recs
