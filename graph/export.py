"""Files other tools read: GraphML, GEXF, networkx node-link JSON and CSV
(Gephi-ready); the PLOVER event export is graph.plover_export.

The graph formats write the fact-edge graph of graph.analytics (same filters,
same pull). Attribute names:

- nodes: id, label (= name, Gephi's caption), name, kind, iso3, aliases
  ("|"-joined in GraphML/GEXF/CSV);
- edges: relation (the ontology type), label (= relation), weight (= distinct
  sentences, a reference edge counts once), goldstein (the type's weight), symmetric, claims, sentences,
  articles, outlets, first_seen, last_seen (ISO dates: event dates where the
  text gave them), date_source ('event', 'article' or 'mixed'), confidence,
  cameo, plover, provenance ('article' or 'reference').

The relation type is called `relation` rather than `type` in the Gephi
formats because `type` is reserved there (GEXF: edge direction; Gephi CSV:
Directed/Undirected); `provenance` and `goldstein` are the API's names. The
JSON export is networkx node-link data: an edge's ends are the format's
`source` (the subject) and `target` (the object), its relation `type`. Symmetric types are stored
once (lower id first) and exported as one directed edge with symmetric=true;
in CSV their Type column is "Undirected". Missing values are left out in
GraphML/GEXF (those formats have no null) and empty in CSV.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from graph.analytics.filters import SubgraphFilter
from graph.analytics.network import edge_key, evidence_weight
from graph.errors import InvalidQuery
from graph.ontology import ONTOLOGY_VERSION
from graph.plover_export import (  # noqa: F401  (the export's second half, one import for callers)
    PLOVER_TYPES,
    ClaimFilter,
    afetch_plover,
    iter_plover,
    plover_context,
    plover_lines,
    plover_record,
    write_plover,
)

GRAPH_FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "csv")
FORMATS: tuple[str, ...] = GRAPH_FORMATS + ("plover",)

NODE_CSV_COLUMNS: tuple[str, ...] = ("Id", "Label", "name", "kind", "iso3", "aliases")
EDGE_CSV_COLUMNS: tuple[str, ...] = (
    "Source",
    "Target",
    "Type",
    "Label",
    "Weight",
    "relation",
    "goldstein",
    "symmetric",
    "claims",
    "sentences",
    "articles",
    "outlets",
    "first_seen",
    "last_seen",
    "date_source",
    "confidence",
    "cameo",
    "plover",
    "provenance",
)


# --- the rows every graph format is written from ----------------------------------


def node_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    rows = []
    for node, a in sorted(g.nodes(data=True), key=lambda x: x[0]):
        rows.append(
            {
                "id": node,
                "name": a.get("name") or node,
                "kind": a.get("kind"),
                "iso3": a.get("iso3"),
                "aliases": list(a.get("aliases") or ()),
            }
        )
    return rows


def edge_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    rows = []
    for u, v, d in g.edges(data=True):
        rows.append(
            {
                "subject": u,
                "object": v,
                "type": d["type"],
                "goldstein": float(d.get("goldstein") or 0.0),
                "symmetric": bool(d.get("symmetric")),
                "claims": int(d.get("claims") or 0),
                "sentences": d.get("sentences"),
                "articles": int(d.get("articles") or 0),
                "outlets": d.get("outlets"),
                "first_seen": d.get("first_seen"),
                "last_seen": d.get("last_seen"),
                "date_source": d.get("date_source"),
                "confidence": d.get("confidence"),
                "cameo": d.get("cameo"),
                "plover": d.get("plover"),
                "provenance": d.get("provenance") or "article",
                "weight": evidence_weight(d),
            }
        )
    rows.sort(key=lambda r: (r["subject"], r["type"], r["object"], r["provenance"]))
    return rows


def gephi_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of `g` with only scalar, non-null attributes, named as above."""
    out = nx.MultiDiGraph(generator="geokg", ontology_version=ONTOLOGY_VERSION)
    for n in node_rows(g):
        attrs = {
            "label": n["name"],
            "name": n["name"],
            "kind": n["kind"],
            "iso3": n["iso3"],
            "aliases": "|".join(n["aliases"]) if n["aliases"] else None,
        }
        out.add_node(n["id"], **{k: v for k, v in attrs.items() if v is not None})
    for e in edge_rows(g):
        attrs = {
            "relation": e["type"],
            "label": e["type"],
            "weight": float(e["weight"]),
            "goldstein": e["goldstein"],
            "symmetric": e["symmetric"],
            "claims": e["claims"],
            "sentences": int(e["sentences"]) if e["sentences"] is not None else None,
            "articles": e["articles"],
            "outlets": int(e["outlets"]) if e["outlets"] is not None else None,
            "first_seen": e["first_seen"],
            "last_seen": e["last_seen"],
            "date_source": e["date_source"],
            "confidence": float(e["confidence"]) if e["confidence"] is not None else None,
            "cameo": e["cameo"],
            "plover": e["plover"],
            "provenance": e["provenance"],
        }
        key = edge_key(e["type"], e["provenance"])
        out.add_edge(e["subject"], e["object"], key=key, **{k: v for k, v in attrs.items() if v is not None})
    return out


# --- writers ------------------------------------------------------------------------


def write_graphml(g: nx.MultiDiGraph, target: str | Path | BinaryIO) -> None:
    # Default key ids (d0, d1, ...): named ids would repeat "label", which both
    # nodes and edges carry, and GraphML key ids must be unique.
    nx.write_graphml(gephi_graph(g), target)


def write_gexf(g: nx.MultiDiGraph, target: str | Path | BinaryIO) -> None:
    nx.write_gexf(gephi_graph(g), target)


def json_document(g: nx.MultiDiGraph, flt: SubgraphFilter | None = None) -> dict[str, Any]:
    """networkx node-link data (`nx.node_link_data`, edges under "edges"):
    `nx.node_link_graph(doc, edges="edges")` reads it back as a MultiDiGraph.
    In node-link, `source`/`target` are the format's names for an edge's
    subject/object; the graph's attributes carry the filter and the counts."""
    h = nx.MultiDiGraph(
        generator="geokg",
        format="networkx-node-link",
        ontology_version=ONTOLOGY_VERSION,
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        filter=flt.describe() if flt else None,
        node_count=g.number_of_nodes(),
        edge_count=g.number_of_edges(),
    )
    for n in node_rows(g):
        h.add_node(n.pop("id"), **n)
    for e in edge_rows(g):
        subject, obj = e.pop("subject"), e.pop("object")
        h.add_edge(subject, obj, key=edge_key(e["type"], e["provenance"]), **e)
    return nx.node_link_data(h, edges="edges")


def write_json(g: nx.MultiDiGraph, target: str | Path, flt: SubgraphFilter | None = None) -> None:
    Path(target).write_text(json.dumps(json_document(g, flt), indent=2, ensure_ascii=False), encoding="utf-8")


def _csv_text(columns: tuple[str, ...], rows: Iterable[Mapping[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})
    return buf.getvalue()


def csv_tables(g: nx.MultiDiGraph) -> dict[str, str]:
    """{'nodes.csv': text, 'edges.csv': text} in Gephi's spreadsheet-import layout."""
    nodes = (
        {
            "Id": n["id"],
            "Label": n["name"],
            "name": n["name"],
            "kind": n["kind"],
            "iso3": n["iso3"],
            "aliases": "|".join(n["aliases"]),
        }
        for n in node_rows(g)
    )
    edges = (
        {
            "Source": e["subject"],
            "Target": e["object"],
            "Type": "Undirected" if e["symmetric"] else "Directed",
            "Label": e["type"],
            "Weight": e["weight"],
            "relation": e["type"],
            **{k: e[k] for k in EDGE_CSV_COLUMNS[6:] if k in e},
        }
        for e in edge_rows(g)
    )
    return {"nodes.csv": _csv_text(NODE_CSV_COLUMNS, nodes), "edges.csv": _csv_text(EDGE_CSV_COLUMNS, edges)}


def write_csv(g: nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write nodes.csv and edges.csv into `folder` (created if missing)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InvalidQuery(f"{folder} is a file; csv export writes nodes.csv and edges.csv into a folder")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in csv_tables(g).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


@dataclass(frozen=True, slots=True)
class Rendered:
    """One export as a single payload (for HTTP): bytes, media type, file name."""

    content: bytes
    media_type: str
    filename: str


def render_graph(g: nx.MultiDiGraph, fmt: str, flt: SubgraphFilter | None = None) -> Rendered:
    """The graph in `fmt` as one payload; csv becomes a zip of nodes.csv + edges.csv."""
    if fmt == "graphml":
        buf = io.BytesIO()
        write_graphml(g, buf)
        return Rendered(buf.getvalue(), "application/graphml+xml", "geokg.graphml")
    if fmt == "gexf":
        buf = io.BytesIO()
        write_gexf(g, buf)
        return Rendered(buf.getvalue(), "application/gexf+xml", "geokg.gexf")
    if fmt == "json":
        body = json.dumps(json_document(g, flt), ensure_ascii=False).encode("utf-8")
        return Rendered(body, "application/json", "geokg.json")
    if fmt == "csv":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, text in csv_tables(g).items():
                zf.writestr(name, text)
        return Rendered(buf.getvalue(), "application/zip", "geokg-csv.zip")
    raise InvalidQuery(f"unknown graph export format {fmt!r}; use one of: {', '.join(GRAPH_FORMATS)}")


def write_graph(g: nx.MultiDiGraph, fmt: str, out: str | Path, flt: SubgraphFilter | None = None) -> list[Path]:
    """Write `g` to `out` in `fmt` (csv: `out` is a folder). Returns the files written."""
    out = Path(out)
    if fmt == "csv":
        return write_csv(g, out)
    if fmt not in GRAPH_FORMATS:
        raise InvalidQuery(f"unknown graph export format {fmt!r}; use one of: {', '.join(GRAPH_FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        write_json(g, out, flt)
    else:
        out.write_bytes(render_graph(g, fmt, flt).content)
    return [out]
