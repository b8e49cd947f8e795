"""The in-memory graph analytics run on, and the citations results carry.

The Neo4j pull (graph.analytics.pull) and hand-built test graphs both go
through `add_entity` / `add_fact`, so every analysis sees one shape:

- a networkx MultiDiGraph, node key = entity id, node attributes
  name, kind, iso3, aliases;
- one edge per fact edge, key = relation type, attributes type, goldstein
  (the type's weight, from the ontology, the single source of weights),
  symmetric, claims, articles, outlets, first_seen, last_seen (ISO dates or
  None), confidence, provenance ('article' or 'reference'), cameo, plover.

Two projections: `dyads`, undirected, one pair per two entities that share
any fact edge (communities, balance, betweenness); `directed`, one arc per
ordered pair (PageRank, in/out strength), so who acted on whom is kept. Both
sum the evidence and keep the edges, so a result can cite what it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import networkx as nx

from graph.ontology import relation_type


def iso_date(value: Any) -> str | None:
    """ISO yyyy-mm-dd for a Python/Neo4j date or datetime or an ISO string; None stays None."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    iso = getattr(value, "iso_format", None)  # neo4j.time.Date / DateTime
    if callable(iso):
        return str(iso())[:10]
    text = str(value)
    return text[:10] if text else None


def new_graph() -> nx.MultiDiGraph:
    return nx.MultiDiGraph()


def add_entity(
    g: nx.MultiDiGraph,
    entity_id: str,
    name: str | None = None,
    kind: str | None = "Country",
    iso3: str | None = None,
    aliases: Iterable[str] = (),
) -> None:
    g.add_node(
        entity_id,
        name=name or entity_id,
        kind=kind,
        iso3=iso3,
        aliases=tuple(aliases or ()),
    )


def edge_key(rtype: str, provenance: str) -> str:
    """The multigraph key of a fact edge. An article-derived edge and a reference
    edge of one type may join the same pair (graph.cypher.write); the key keeps
    them apart."""
    return rtype if provenance == "article" else f"{rtype}/{provenance}"


def add_fact(
    g: nx.MultiDiGraph,
    subject: str,
    rtype: str,
    obj: str,
    *,
    claims: int | None = 1,
    articles: int | None = 1,
    outlets: int | None = None,
    first_seen: Any = None,
    last_seen: Any = None,
    confidence: float | None = None,
    provenance: str | None = "article",
    sentences: int | None = None,
    date_source: str | None = None,
) -> None:
    """Add one fact edge; unknown end nodes are added with their id as name."""
    rt = relation_type(rtype)
    provenance = provenance or "article"
    for node in (subject, obj):
        if node not in g:
            add_entity(g, node, kind=None)
    g.add_edge(
        subject,
        obj,
        key=edge_key(rt.name, provenance),
        type=rt.name,
        goldstein=rt.sign,
        symmetric=rt.symmetric,
        claims=int(claims or 0),
        sentences=int(sentences) if sentences is not None else None,
        articles=int(articles or 0),
        outlets=int(outlets) if outlets is not None else None,
        first_seen=iso_date(first_seen),
        last_seen=iso_date(last_seen),
        date_source=date_source,
        confidence=float(confidence) if confidence is not None else None,
        provenance=provenance,
        cameo=rt.cameo,
        plover=rt.plover,
    )


def graph_from_records(records: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """Build the analysis graph from rows of graph.cypher.analytics.SUBGRAPH."""
    g = new_graph()
    for row in records:
        for end in ("subject", "object"):
            node = row[end]
            if node["id"] not in g or g.nodes[node["id"]].get("kind") is None:
                add_entity(
                    g,
                    node["id"],
                    name=node.get("name"),
                    kind=node.get("kind"),
                    iso3=node.get("iso3"),
                    aliases=node.get("aliases") or (),
                )
        add_fact(
            g,
            row["subject"]["id"],
            row["type"],
            row["object"]["id"],
            claims=row.get("claims"),
            sentences=row.get("sentences"),
            date_source=row.get("date_source"),
            articles=row.get("articles"),
            outlets=row.get("outlets"),
            first_seen=row.get("first_seen"),
            last_seen=row.get("last_seen"),
            confidence=row.get("confidence"),
            provenance=row.get("provenance"),
        )
    return g


@dataclass(frozen=True, slots=True)
class EdgeRef:
    """One fact edge a result rests on: enough to find its claims again
    (GET the edge's evidence by subject, type and object)."""

    subject: str
    subject_name: str
    type: str
    object: str
    object_name: str
    claims: int
    articles: int
    goldstein: float  # the type's Goldstein-style weight
    first_seen: str | None
    last_seen: str | None
    provenance: str  # 'article' or 'reference'


def evidence_weight(data: Mapping[str, Any]) -> int:
    """How much an edge counts: its distinct sentences (a sentence repeated, or
    asked again in each article of a series, is one piece of evidence), its
    claims where sentences were not counted; a reference edge counts once."""
    sentences = data.get("sentences")
    return max(int(sentences if sentences is not None else data.get("claims") or 0), 1)


def edge_ref(g: nx.MultiDiGraph, u: str, v: str, data: Mapping[str, Any]) -> EdgeRef:
    return EdgeRef(
        subject=u,
        subject_name=g.nodes[u].get("name") or u,
        type=data["type"],
        object=v,
        object_name=g.nodes[v].get("name") or v,
        claims=int(data.get("claims") or 0),
        articles=int(data.get("articles") or 0),
        goldstein=float(data.get("goldstein") or 0.0),
        first_seen=data.get("first_seen"),
        last_seen=data.get("last_seen"),
        provenance=data.get("provenance") or "article",
    )


def _strongest_first(e: EdgeRef) -> tuple[int, int, str, str, str]:
    return (-e.claims, -e.articles, e.type, e.subject, e.object)


def dyads(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected projection: one edge per pair of distinct entities.

    Pair attributes: `weight` (summed evidence_weight), `articles` (summed),
    `net` (sum of goldstein x evidence_weight over the pair's edges, both
    directions), `edges` (EdgeRefs, strongest first). Self-loops (an entity
    related to itself, an extraction artefact) are left out.
    """
    p = nx.Graph()
    for node, attrs in g.nodes(data=True):
        p.add_node(node, **attrs)
    for u, v, data in g.edges(data=True):
        if u == v:
            continue
        w = evidence_weight(data)
        if not p.has_edge(u, v):
            p.add_edge(u, v, weight=0, articles=0, net=0.0, edges=[])
        pair = p[u][v]
        pair["weight"] += w
        pair["articles"] += int(data.get("articles") or 0)
        pair["net"] += float(data.get("goldstein") or 0.0) * w
        pair["edges"].append(edge_ref(g, u, v, data))
    for _, _, pair in p.edges(data=True):
        pair["edges"].sort(key=_strongest_first)
        pair["net"] = round(pair["net"], 6)  # sums of one-decimal signs: keep exact zeros zero
    # Isolated nodes (only self-loops) carry no structure.
    p.remove_nodes_from([n for n in list(p.nodes) if p.degree(n) == 0])
    return p


def directed(g: nx.MultiDiGraph) -> nx.DiGraph:
    """The directed projection: one arc per ordered pair (subject -> object).

    Arc attributes: `weight` (summed evidence_weight), `signed` (sum of
    goldstein x evidence_weight), `edges` (EdgeRefs). A symmetric type (FIGHTS,
    ALLIED_WITH) is mutual, so it adds its evidence in both directions.
    Self-loops are left out, as in `dyads`.
    """
    d = nx.DiGraph()
    for node, attrs in g.nodes(data=True):
        d.add_node(node, **attrs)
    for u, v, data in g.edges(data=True):
        if u == v:
            continue
        w = evidence_weight(data)
        signed = float(data.get("goldstein") or 0.0) * w
        ref = edge_ref(g, u, v, data)
        for a, b in ((u, v), (v, u)) if data.get("symmetric") else ((u, v),):
            if not d.has_edge(a, b):
                d.add_edge(a, b, weight=0, signed=0.0, edges=[])
            arc = d[a][b]
            arc["weight"] += w
            arc["signed"] += signed
            arc["edges"].append(ref)
    d.remove_nodes_from([n for n in list(d.nodes) if d.degree(n) == 0])
    return d


def incident_edges(p: nx.Graph, node: str, limit: int) -> list[EdgeRef]:
    """The node's strongest fact edges, for citing a per-node score."""
    refs = [ref for nbr in p[node] for ref in p[node][nbr]["edges"]]
    refs.sort(key=_strongest_first)
    return refs[:limit]


def node_info(g: nx.Graph | nx.MultiDiGraph, node: str) -> dict[str, Any]:
    a = g.nodes[node]
    return {"id": node, "name": a.get("name") or node, "kind": a.get("kind"), "iso3": a.get("iso3")}
