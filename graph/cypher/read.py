"""Read Cypher: the API's queries, named and parameterised.

Values always travel as parameters. The only things spliced into query text
are relationship types and labels, and those come from `graph.ontology`'s
closed vocabulary after `relationship_filter` has checked every name, or
small integers the caller has range-checked (`max_hops`). Nothing from a
request is ever pasted into Cypher.

Graph model: see `graph.cypher.write`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from graph.cypher.ranking import EDGE_ORDER, ranked_candidates
from graph.cypher.write import ATTRIBUTED_TO
from graph.errors import InvalidQuery
from graph.ontology import (
    PROVENANCE_TYPES,
    RELATION_TYPES,
    EntityKind,
    UnknownRelationType,
    relation_type,
)

# Labels whose node counts /v1/stats reports.
STAT_LABELS: tuple[str, ...] = ("Entity", *(k.value for k in EntityKind), "Article", "Claim")
# ATTRIBUTED_TO (claim -> speaker) is provenance the loader writes that
# ontology.PROVENANCE_TYPES does not list; counted all the same.
STAT_RELATIONSHIP_TYPES: tuple[str, ...] = tuple(
    dict.fromkeys((*RELATION_TYPES, *PROVENANCE_TYPES, ATTRIBUTED_TO))
)

SYMMETRIC_TYPES: list[str] = [name for name, t in RELATION_TYPES.items() if t.symmetric]

MAX_PATH_HOPS = 6


def parse_relation_types(types: Iterable[str]) -> list[str]:
    """Relation type names as given by a user ("attacks", "ATTACKS,FIGHTS",
    repeated), validated and canonical: upper-case, in order, each once; blank
    parts are ignored, so the list may be empty. InvalidQuery for a name
    outside the vocabulary. The one parser of type lists (API, analytics, CLI)."""
    names: list[str] = []
    for raw in types:
        for part in str(raw).split(","):
            if not part.strip():
                continue
            try:
                name = relation_type(part.strip()).name
            except UnknownRelationType as e:
                raise InvalidQuery(str(e)) from e
            if name not in names:
                names.append(name)
    return names


def relation_type_names(types: Iterable[str] | None) -> list[str]:
    """`parse_relation_types`, or every fact type when `types` names none."""
    return parse_relation_types(types or ()) or list(RELATION_TYPES)


def relationship_filter(types: Iterable[str] | None) -> str:
    """`:A|B|C` for a relationship pattern, built only from vocabulary names."""
    names = relation_type_names(types)
    # Re-check against the closed set: the text below goes into Cypher.
    assert all(n in RELATION_TYPES for n in names)
    return ":" + "|".join(names)


# --- health and stats -------------------------------------------------------------

SERVER_COMPONENTS = """
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
"""


def _count_labels() -> str:
    return "\nUNION ALL\n".join(
        f"MATCH (n:{label}) RETURN '{label}' AS key, count(n) AS n" for label in STAT_LABELS
    )


def _count_relationships() -> str:
    # One count per type, each served by the count store.
    return "\nUNION ALL\n".join(
        f"MATCH ()-[r:{t}]->() RETURN '{t}' AS key, count(r) AS n" for t in STAT_RELATIONSHIP_TYPES
    )


COUNT_LABELS = _count_labels()
COUNT_RELATIONSHIPS = _count_relationships()

COUNT_CLAIMS_BY_QUALIFIERS = """
MATCH (c:Claim)
RETURN c.polarity AS polarity, c.modality AS modality, count(*) AS n
"""

# --- entities -----------------------------------------------------------------------

# The node's kind comes from its kind label (the loader sets one), falling back
# to the `kind` property.
_ENTITY_FIELDS = """
{id: e.id, name: e.name,
 kind: coalesce(head([l IN labels(e) WHERE l IN $kinds]), e.kind),
 aliases: coalesce(e.aliases, []), iso3: e.iso3, wikidata: e.wikidata,
 provenance: coalesce(e.source, 'article')}
"""

GET_ENTITIES = f"""
UNWIND $ids AS id
MATCH (e:Entity {{id: id}})
RETURN {_ENTITY_FIELDS} AS entity
"""

ENTITY_DETAIL = f"""
MATCH (e:Entity {{id: $id}})
CALL (e) {{ OPTIONAL MATCH (a:Article)-[:MENTIONS]->(e) RETURN count(DISTINCT a) AS articles }}
CALL (e) {{ OPTIONAL MATCH (c:Claim)-[:SUBJECT]->(e) RETURN count(c) AS as_subject }}
CALL (e) {{ OPTIONAL MATCH (c:Claim)-[:OBJECT]->(e) RETURN count(c) AS as_object }}
CALL (e) {{
  OPTIONAL MATCH (e)-[r]-(other:Entity)
  WHERE type(r) IN $fact_types
  WITH type(r) AS type,
       CASE WHEN type(r) IN $symmetric THEN 'both'
            WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction
  WHERE type IS NOT NULL
  RETURN collect({{type: type, direction: direction}}) AS rels
}}
RETURN {_ENTITY_FIELDS} AS entity, articles, as_subject, as_object, rels
"""

# --- fact edges ---------------------------------------------------------------------

# Filters shared by neighbourhood and relations. Reference edges (the
# backbone) carry no counts or dates: they pass the evidence filters and are
# kept or dropped as a whole by $include_reference.
_EDGE_FILTER = """
(
  (r.source = 'reference' AND $include_reference)
  OR (coalesce(r.source, 'article') <> 'reference'
      AND ($since IS NULL OR date(r.last_seen) >= date($since))
      AND ($until IS NULL OR date(r.first_seen) <= date($until))
      AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
      AND ($min_articles IS NULL OR r.articles >= $min_articles))
)
"""

_EDGE_FIELDS = """
{type: type(r), subject: startNode(r).id, object: endNode(r).id,
 provenance: coalesce(r.source, 'article'), goldstein: r.sign, claims: r.claims,
 sentences: r.sentences, articles: r.articles, outlets: r.outlets, first_seen: r.first_seen,
 last_seen: r.last_seen, date_source: r.date_source, confidence: r.confidence}
"""

_NODE_FIELDS = """
{id: x.id, name: x.name, kind: coalesce(head([l IN labels(x) WHERE l IN $kinds]), x.kind)}
"""


# Which way a neighbourhood hop follows an edge from the frontier node `n`.
# Symmetric types are stored in one canonical direction, so they always match.
_HOP_DIRECTION = {
    "both": None,
    "out": "(startNode(r) = n OR type(r) IN $symmetric)",
    "in": "(endNode(r) = n OR type(r) IN $symmetric)",
}

# The strength order of fact edges, strongest first (graph.cypher.ranking).
_HOP_ORDER = EDGE_ORDER


def neighbourhood_hop(
    types: Iterable[str] | None, direction: str = "both", *, filtered: bool = True, ranked: str | None = None
) -> str:
    """One breadth-first hop from `$frontier`: for each frontier node, its
    `$fanout` strongest qualifying fact edges of the given types (read with
    `LIMIT $fanout + 1`, so `cut` says the node had more), then all of them
    strongest first, at most `$cap` rows.

    The per-node cap sits inside a `CALL (n) {...}` subquery so the rows a
    hop produces are bounded by frontier x fanout, whatever the degree of a
    hub (Neo4j still reads a hub's edges to rank them, but sorts them in a
    bounded Top per node and sends nothing else). `filtered=False` leaves the
    evidence filter out (every edge qualifies when no filter is set, and the
    filter costs property reads on every edge of every hub);
    `direction` picks a fixed predicate (none for 'both').

    `ranked` names the node property that ranks exactly these types
    (graph.cypher.ranking.ranked_list): each node's candidates are then read
    by element id from its list, a bounded number whatever its degree. Only
    for 'both' directions, no filter, and a fanout the list covers (the
    caller checks the fanout): anything else could need edges past the list."""
    rel = relationship_filter(types)
    if direction not in _HOP_DIRECTION:
        raise InvalidQuery("direction must be out, in or both")
    if ranked is not None and (direction != "both" or filtered):
        raise InvalidQuery("a ranked hop follows every direction and filters nothing")
    conditions = [c for c in (_HOP_DIRECTION[direction], _EDGE_FILTER if filtered else None) if c]
    where = ("WHERE " + "\n    AND ".join(conditions)) if conditions else ""
    # The far node needs no :Entity check: fact types only join entities.
    if ranked is None:
        head = f"""
UNWIND $frontier AS fid
MATCH (n:Entity {{id: fid}})
CALL (n) {{
  MATCH (n)-[r{rel}]-(x)
  {where}
  WITH r, x ORDER BY {_HOP_ORDER}
  LIMIT $fanout + 1
  RETURN collect([r, x]) AS top
}}"""
    else:
        head = f"""
CALL () {{{ranked_candidates(rel)}
}}
WITH n, r, x ORDER BY {_HOP_ORDER}
WITH n, collect([r, x]) AS top"""
    return f"""{head}
WITH n, top, size(top) > $fanout AS cut
UNWIND top[0..$fanout] AS pair
WITH n, cut, pair[0] AS r, pair[1] AS x
ORDER BY {_HOP_ORDER}, n.id
LIMIT $cap
RETURN n.id AS from, cut, {_EDGE_FIELDS} AS edge, {_NODE_FIELDS} AS node
"""


RelationSort = Literal["articles", "last_seen", "confidence", "goldstein", "-goldstein"]

# The ORDER BY of each relations sort; the stable tail keeps pages repeatable.
_RELATION_ORDER: dict[str, str] = {
    "articles": "coalesce(r.articles, 0) DESC, coalesce(r.last_seen, date('1900-01-01')) DESC",
    "last_seen": "coalesce(r.last_seen, date('1900-01-01')) DESC, coalesce(r.articles, 0) DESC",
    "confidence": "coalesce(r.confidence, 1.0) DESC, coalesce(r.articles, 0) DESC",
    "goldstein": "coalesce(r.sign, 0.0) DESC, coalesce(r.articles, 0) DESC",
    "-goldstein": "coalesce(r.sign, 0.0) ASC, coalesce(r.articles, 0) DESC",
}


def _relations_page(sort: str) -> str:
    """The part of both relations queries after the edges `r` from `s` to `o`
    are matched: the subject/object and evidence filters, the order and the page."""
    if sort not in _RELATION_ORDER:
        raise InvalidQuery(f"sort must be one of {', '.join(_RELATION_ORDER)}")
    return f"""
WHERE ((($subject IS NULL OR s.id = $subject) AND ($object IS NULL OR o.id = $object))
       OR (type(r) IN $symmetric
           AND ($subject IS NULL OR o.id = $subject) AND ($object IS NULL OR s.id = $object)))
  AND {_EDGE_FILTER}
WITH r ORDER BY {_RELATION_ORDER[sort]}, startNode(r).id, endNode(r).id, type(r)
WITH collect({_EDGE_FIELDS}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items
"""


def relations_query(types: Iterable[str] | None, sort: str = "articles") -> str:
    """Fact edges of the given types, optionally anchored on subject and/or
    object ids. For symmetric types the stored direction is arbitrary, so a
    subject/object pair matches either way round."""
    rel = relationship_filter(types)
    return f"""
MATCH (s:Entity)-[r{rel}]->(o:Entity)
{_relations_page(sort)}"""


def anchored_relations_query(types: Iterable[str] | None, sort: str = "articles") -> str:
    """`relations_query` when a subject or object id is given: starts from that
    node (an index seek) instead of scanning every edge."""
    rel = relationship_filter(types)
    return f"""
MATCH (n:Entity {{id: $anchor}})-[r{rel}]-(:Entity)
WITH DISTINCT r, startNode(r) AS s, endNode(r) AS o
{_relations_page(sort)}"""


def fact_edges_between(rtype: str) -> str:
    """The fact edges of one type between two entities (both origins)."""
    rel = relationship_filter([rtype])
    return f"""
MATCH (s:Entity {{id: $subject}})-[r{rel}]-(o:Entity {{id: $object}})
WHERE startNode(r) = s OR type(r) IN $symmetric
WITH DISTINCT r
RETURN {_EDGE_FIELDS} AS edge
"""


# --- claims and evidence --------------------------------------------------------------

_CLAIM_FIELDS = """
{id: c.id, type: c.type, subject_id: c.subject_id, object_id: c.object_id,
 subject_text: c.subject_text, object_text: c.object_text, trigger_text: c.trigger_text,
 sentence: c.sentence, sentence_index: c.sentence_index, polarity: c.polarity,
 modality: c.modality, attributed_to: c.attributed_to, event_date: c.event_date,
 event_date_precision: c.event_date_precision, event_date_text: c.event_date_text,
 event_ongoing: c.event_ongoing, location_id: c.location_id, location_text: c.location_text,
 title: c.title, confidence: c.confidence, extractor: c.extractor,
 extractor_version: c.extractor_version,
 subject_start: c.subject_start, subject_end: c.subject_end,
 object_start: c.object_start, object_end: c.object_end,
 trigger_start: c.trigger_start, trigger_end: c.trigger_end}
"""

_ARTICLE_FIELDS = """
{id: a.id, title: a.title, url: a.url, outlet: a.outlet, author: a.author,
 published: a.published, language: a.language, license: a.license}
"""


# --- paths: graph.cypher.paths ------------------------------------------------------


# --- timeline --------------------------------------------------------------------------

# --- articles ----------------------------------------------------------------------------

GET_ARTICLE = f"""
MATCH (a:Article {{id: $id}})
CALL (a) {{
  OPTIONAL MATCH (a)-[:ASSERTS]->(c:Claim)
  WITH c ORDER BY c.sentence_index, c.trigger_start, c.id
  RETURN collect({_CLAIM_FIELDS}) AS claims
}}
CALL (a) {{
  OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
  WITH e, m ORDER BY m.count DESC, e.name
  RETURN collect({_ENTITY_FIELDS}) AS entities
}}
RETURN {_ARTICLE_FIELDS} AS article, a.standfirst AS standfirst, a.text AS text,
       [c IN claims WHERE c.id IS NOT NULL] AS claims,
       [e IN entities WHERE e.id IS NOT NULL] AS entities
"""
