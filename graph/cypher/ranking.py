"""Each entity's strongest fact edges, kept by the writers, read by a hop.

A neighbourhood hop needs, for each frontier node, its `fanout` strongest fact
edges (most articles, then highest confidence, then a total tie-break). Ranking
them at read time scans every edge of the node, so a hub's hop costs its
degree. Instead the writers keep, on each entity, the element ids of its
strongest `TOP_EDGES_KEPT` fact edges, strongest first, for every type and for
each type family (ontology tier): `top_edges`, `top_edges_S`, `top_edges_E`.
A hop then seeks at most `fanout + 1` relationships by element id: its cost
is bounded by the fanout, whatever the degree.

Why a list on the node and not a rank property on each edge: one edge gaining
an article moves the rank of every weaker edge of both its ends, so a rank
property costs O(degree) writes per change, and Neo4j cannot use a
relationship property index to expand one bound node anyway; the list is one
property write per touched node and a bounded number of id seeks per read.

A node that carries no list (written before rankings existed, or by a writer
that does not keep them) is ranked by the scan, as before; `refresh` in
graph.ranking fills the lists of a whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.ontology import RELATION_TYPES, Tier

# Edges kept per node and list: covers the default 1-hop (`limit` 100, read
# with one more to know whether the node had more) and the deeper default
# fanout; a larger fanout is ranked by the scan.
TOP_EDGES_KEPT = 101

# The strength order of fact edges from node `n` to its neighbour `x`,
# strongest first: most articles, highest confidence, then a total order
# (neighbour, type, stored direction, origin), so a cut is repeatable and the
# ranked and the scanned hop agree edge for edge.
EDGE_ORDER = (
    "coalesce(r.articles, 0) DESC, coalesce(r.confidence, 1.0) DESC, x.id, type(r), "
    "startNode(r).id, coalesce(r.source, 'article')"
)

ALL = "top_edges"
FAMILY_LIST: dict[Tier, str] = {tier: f"top_edges_{tier.value}" for tier in Tier}


def family_types(tier: Tier) -> list[str]:
    return [name for name, t in RELATION_TYPES.items() if t.tier is tier]


def ranked_list(types: Iterable[str] | None) -> str | None:
    """The node property holding the ranking for exactly these types (every
    fact type, or one whole family), or None when no list ranks them."""
    names = set(types or ()) or set(RELATION_TYPES)
    if names == set(RELATION_TYPES):
        return ALL
    for tier, prop in FAMILY_LIST.items():
        if names == set(family_types(tier)):
            return prop
    return None


def _all_types_filter() -> str:
    return ":" + "|".join(RELATION_TYPES)


def _set_lists() -> str:
    """SET the three lists of `n` from `ranked`: [element id, is structural]
    pairs of its edges, strongest first."""
    return ",\n    ".join(
        [f"n.{ALL} = [e IN ranked | e[0]][0..{TOP_EDGES_KEPT}]"]
        + [
            f"n.{prop} = [e IN ranked WHERE e[1] = {str(tier is Tier.STRUCTURAL).lower()} | e[0]][0..{TOP_EDGES_KEPT}]"
            for tier, prop in FAMILY_LIST.items()
        ]
    )


def _refresh() -> str:
    structural = family_types(Tier.STRUCTURAL)
    return f"""CYPHER replan=skip
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})
CALL (n) {{
  OPTIONAL MATCH (n)-[r{_all_types_filter()}]-(x)
  WITH r, x ORDER BY {EDGE_ORDER}
  WITH collect(CASE WHEN r IS NULL THEN null ELSE [elementId(r), type(r) IN {structural!r}] END) AS ranked
  RETURN ranked
}}
SET {_set_lists()}
RETURN count(n) AS nodes
"""


# Re-rank the entities `$ids` (the end nodes of every fact edge a batch
# recomputed, deleted ones included): one scan of each touched node's edges per
# batch, so the reads never scan.
REFRESH_TOP_EDGES = _refresh()

# The lists of the entities a batch touched, to merge (MERGE_TOP_EDGES).
TOUCHED_LISTS = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})
RETURN n.id AS id, size(n.{ALL}) >= {TOP_EDGES_KEPT} AS full,
       coalesce(n.{FAMILY_LIST[Tier.STRUCTURAL]}, []) + coalesce(n.{FAMILY_LIST[Tier.EVENT]}, []) AS listed
"""


def _merge() -> str:
    structural = family_types(Tier.STRUCTURAL)
    # One branch per type: a static type lets Neo4j find the edge between the
    # two bound nodes with Expand(Into) (a dynamic type expands every edge).
    find = "\n    UNION\n    ".join(
        f"WITH a, b, p WHERE p.type = '{t}' MATCH (a)-[f:{t} {{source: 'article'}}]->(b) RETURN f"
        for t in RELATION_TYPES
    )
    return f"""CYPHER replan=skip
CALL () {{
  MATCH ()-[r]->() WHERE elementId(r) IN $listed
  RETURN r
  UNION
  UNWIND $pairs AS p
  MATCH (a:Entity {{id: p.a}})
  MATCH (b:Entity {{id: p.b}})
  CALL (a, b, p) {{
    {find}
  }}
  RETURN f AS r
}}
UNWIND [startNode(r), endNode(r)] AS n
WITH DISTINCT n, r
WHERE n.id IN $ids
WITH n, r, CASE WHEN startNode(r) = n THEN endNode(r) ELSE startNode(r) END AS x
ORDER BY {EDGE_ORDER}
WITH n, collect([elementId(r), type(r) IN {structural!r}]) AS ranked
SET {_set_lists()}
RETURN count(n) AS nodes
"""


# Re-rank after a batch that only added evidence (new articles): an edge's
# key (articles, confidence) then only grows, and an unchanged edge outside a
# node's lists stays weaker than everything in them, so the node's new lists
# are the best of its listed edges (`$listed`: the family lists of the
# touched, ranked nodes `$ids`, from TOUCHED_LISTS; the `all` list is inside
# them) and its changed edges (`$pairs`: {type, a, b}, the recomputed keys in
# stored direction). The work is bounded by the lists and the batch, whatever
# the degrees. Element ids come as a parameter so the plan seeks them
# whatever the statistics (see FRONTIER_LISTS). An edge listed for one node
# may be a candidate for another touched node it joins: still one of that
# node's edges, so the best of the candidates stays exact.
MERGE_TOP_EDGES = _merge()

# Every entity id, in pages, for a whole-graph refresh.
ENTITY_IDS_PAGE = """
MATCH (n:Entity) WHERE n.id > $after
RETURN n.id AS id ORDER BY id LIMIT $page
"""


# The ranking lists of a hop's frontier nodes (`$prop`: ALL or a FAMILY_LIST
# value), read first so the hop can seek the edges by element id given as a
# parameter: Neo4j plans a seek for `elementId(r) IN $ids` whatever the
# statistics, but may plan a scan of every relationship for ids that come from
# a node property (it did on a nearly empty database, and a plan is cached).
FRONTIER_LISTS = """
UNWIND $frontier AS fid
MATCH (n:Entity {id: fid})
RETURN n.id AS id, n[$prop] AS ids
"""


def ranked_candidates(rel: str) -> str:
    """The candidates of a ranked hop, yielding `n, r, x`: the edges `$ids`
    (the frontier's lists, each cut to fanout + 1 by the caller; `$lists`
    maps each ranked node id to its cut list) read by element id, and for the
    `$unranked` frontier nodes (no list) their fanout + 1 strongest by the
    scan. `rel` is the hop's type filter (`:A|B`); an id that no longer names
    one of the node's edges of these types (a writer that bypassed the
    ranking) is dropped."""
    types = rel.lstrip(":").split("|")
    assert all(t in RELATION_TYPES for t in types)
    return f"""
  MATCH ()-[r]->() WHERE elementId(r) IN $ids
  UNWIND [startNode(r), endNode(r)] AS n
  WITH DISTINCT n, r
  WHERE elementId(r) IN $lists[n.id] AND type(r) IN {types!r}
  RETURN n, r, CASE WHEN startNode(r) = n THEN endNode(r) ELSE startNode(r) END AS x
  UNION
  UNWIND $unranked AS fid
  MATCH (n:Entity {{id: fid}})
  CALL (n) {{
    MATCH (n)-[r{rel}]-(x)
    WITH r, x ORDER BY {EDGE_ORDER}
    LIMIT $fanout + 1
    RETURN r, x
  }}
  RETURN n, r, x"""
