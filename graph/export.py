"""Files other tools read: GraphML, GEXF, JSON, CSV (Gephi-ready) and a
PLOVER-style JSON of claims for event-data researchers.

The graph formats write the fact-edge graph of graph.analytics (same filters,
same pull). Attribute names:

- nodes: id, label (= name, Gephi's caption), name, kind, iso3, aliases
  ("|"-joined in GraphML/GEXF/CSV);
- edges: relation (the ontology type), label (= relation), weight (= distinct
  sentences, a reference edge counts once), sign, symmetric, claims, sentences,
  articles, outlets, first_seen, last_seen (ISO dates: event dates where the
  text gave them), date_source ('event', 'article' or 'mixed'), confidence,
  cameo, plover, provenance ('article' or 'reference').

The relation type is called `relation` rather than `type` in the Gephi
formats because `type` is reserved there (GEXF: edge direction; Gephi CSV:
Directed/Undirected), and `provenance` rather than `source` because `Source`
is Gephi's CSV column for the start node. The JSON export, read by programs,
uses `type`, `subject` and `object` like the API. Symmetric types are stored
once (lower id first) and exported as one directed edge with symmetric=true;
in CSV their Type column is "Undirected". Missing values are left out in
GraphML/GEXF (those formats have no null) and empty in CSV.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx
from neo4j import AsyncDriver, Driver, Query, RoutingControl

from graph.analytics.filters import SubgraphFilter
from graph.analytics.network import edge_key, evidence_weight, iso_date
from graph.cypher import analytics as cypher
from graph.driver_errors import translate_errors
from graph.errors import InvalidQuery
from graph.ontology import ONTOLOGY_VERSION, RELATION_TYPES, Modality, Polarity

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
    "sign",
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
                "sign": float(d.get("sign") or 0.0),
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
                "provenance": d.get("source") or "article",
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
            "sign": e["sign"],
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
    edges = edge_rows(g)
    for e in edges:
        del e["weight"]
    return {
        "geokg": {
            "format": "geokg-graph",
            "ontology_version": ONTOLOGY_VERSION,
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "filter": flt.describe() if flt else None,
            "node_count": g.number_of_nodes(),
            "edge_count": g.number_of_edges(),
        },
        "nodes": node_rows(g),
        "edges": edges,
    }


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


# --- PLOVER-style claims --------------------------------------------------------------

# Claim modality/polarity -> PLOVER-style context markers. Asserted and reported
# claims are plain events and carry none.
_MODALITY_CONTEXT: dict[str, str] = {
    Modality.PLANNED.value: "future",
    Modality.HYPOTHETICAL.value: "hypothetical",
    Modality.HISTORICAL.value: "historical",
    Modality.ALLEGED.value: "alleged",
}


def plover_context(polarity: str | None, modality: str | None) -> list[str]:
    """["negated"] for a negated claim, plus "future" (planned), "hypothetical",
    "historical" or "alleged" from the modality; [] for a plain asserted or
    reported event."""
    context = []
    if polarity == Polarity.NEGATED.value:
        context.append("negated")
    if modality in _MODALITY_CONTEXT:
        context.append(_MODALITY_CONTEXT[modality])
    return context


def plover_record(
    claim: Mapping[str, Any],
    article: Mapping[str, Any],
    subject: Mapping[str, Any],
    obj: Mapping[str, Any],
) -> dict[str, Any]:
    """One claim as a PLOVER-style event record.

    event_type/cameo come from the ontology (None for structural types with no
    PLOVER code, e.g. LEADER_OF); the date is the event date when the text gave
    one, else the article's publication date (`date_source` says which); `mode`
    (PLOVER's event subtype) is not extracted and is always None.
    """
    rt = RELATION_TYPES.get(str(claim.get("type")))
    event_date = iso_date(claim.get("event_date"))
    published = iso_date(article.get("published"))
    return {
        "id": claim.get("id"),
        "event_type": rt.plover if rt else None,
        "cameo": rt.cameo if rt else None,
        "geokg_type": claim.get("type"),
        "sign": rt.sign if rt else None,
        "actor1": subject.get("name"),
        "actor1_id": subject.get("id"),
        "actor1_kind": subject.get("kind"),
        "actor1_country": subject.get("iso3"),
        "actor2": obj.get("name"),
        "actor2_id": obj.get("id"),
        "actor2_kind": obj.get("kind"),
        "actor2_country": obj.get("iso3"),
        "date": event_date or published,
        "date_source": "event" if event_date else ("publication" if published else None),
        "date_precision": claim.get("event_date_precision") if event_date else None,
        "date_text": claim.get("event_date_text") if event_date else None,
        "date_ongoing": bool(claim.get("event_ongoing")) if event_date else None,
        "mode": None,
        "context": plover_context(claim.get("polarity"), claim.get("modality")),
        "polarity": claim.get("polarity"),
        "modality": claim.get("modality"),
        "attributed_to": claim.get("attributed_to"),
        "source_article_id": article.get("id"),
        "url": article.get("url"),
        "title": article.get("title"),
        "outlet": article.get("outlet"),
        "publication_date": published,
        "license": article.get("license"),
        "sentence": claim.get("sentence"),
        "trigger": claim.get("trigger_text"),
        "confidence": claim.get("confidence"),
        "extractor": claim.get("extractor"),
        "extractor_version": claim.get("extractor_version"),
    }


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims the PLOVER export writes. Negated and non-asserted claims
    are included by default (marked in `context`): researchers filter them.
    Of a SubgraphFilter only the types and the window apply (to the claim's
    date); evidence floors, kinds and the reference backbone concern fact
    edges, not claims."""

    types: tuple[str, ...] = tuple(sorted(RELATION_TYPES))
    since: str | None = None  # ISO date, on the claim's date (event date, else publication)
    until: str | None = None
    include_negated: bool = True
    modalities: tuple[str, ...] | None = None  # None: every modality

    @classmethod
    def from_subgraph_filter(cls, flt: SubgraphFilter, include_negated: bool = True) -> "ClaimFilter":
        return cls(
            types=flt.types,
            since=flt.since.isoformat() if flt.since else None,
            until=flt.until.isoformat() if flt.until else None,
            include_negated=include_negated,
        )

    def params(self, skip: int, limit: int) -> dict[str, Any]:
        return {
            "types": list(self.types),
            "since": self.since,
            "until": self.until,
            "include_negated": self.include_negated,
            "modalities": list(self.modalities) if self.modalities else None,
            "skip": skip,
            "limit": limit,
        }


PLOVER_PAGE = 5000  # claims per read query


def _records_to_plover(records: Iterable[Any]) -> list[dict[str, Any]]:
    out = []
    for r in records:
        d = r.data() if hasattr(r, "data") else r
        out.append(plover_record(d["claim"], d["article"], d["subject"], d["object"]))
    return out


def iter_plover(driver: Driver, cf: ClaimFilter, database: str = "neo4j") -> Iterator[dict[str, Any]]:
    """Every matching claim as a PLOVER-style record, read page by page."""
    skip = 0
    while True:
        with translate_errors():
            records, _, _ = driver.execute_query(
                cypher.CLAIMS_FOR_EVENTS,
                cf.params(skip, PLOVER_PAGE),
                database_=database,
                routing_=RoutingControl.READ,
            )
        yield from _records_to_plover(records)
        if len(records) < PLOVER_PAGE:
            return
        skip += PLOVER_PAGE


async def afetch_plover(
    driver: AsyncDriver,
    cf: ClaimFilter,
    database: str = "neo4j",
    limit: int = 100_000,
    timeout_s: float | None = None,
) -> list[dict[str, Any]]:
    """`timeout_s`: Neo4j stops the read past it (QueryTimedOut)."""
    with translate_errors():
        records, _, _ = await driver.execute_query(
            Query(cypher.CLAIMS_FOR_EVENTS, timeout=timeout_s),
            cf.params(0, limit),
            database_=database,
            routing_=RoutingControl.READ,
        )
    return _records_to_plover(records)


def plover_document(records: list[dict[str, Any]], cf: ClaimFilter | None = None) -> dict[str, Any]:
    return {
        "geokg": {
            "format": "geokg-plover",
            "ontology_version": ONTOLOGY_VERSION,
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "filter": {
                "types": None if cf is None or len(cf.types) == len(RELATION_TYPES) else list(cf.types),
                "since": cf.since if cf else None,
                "until": cf.until if cf else None,
                "include_negated": cf.include_negated if cf else True,
            },
            "event_count": len(records),
        },
        "events": records,
    }


def write_plover(records: Iterable[dict[str, Any]], out: str | Path, cf: ClaimFilter | None = None) -> int:
    """Write records to `out`: JSON Lines when it ends in .jsonl (streams), else
    one JSON document {"geokg": meta, "events": [...]}. Returns the count."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".jsonl":
        n = 0
        with out.open("w", encoding="utf-8") as f:
            for rec in records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        return n
    rows = list(records)
    out.write_text(json.dumps(plover_document(rows, cf), indent=2, ensure_ascii=False), encoding="utf-8")
    return len(rows)
