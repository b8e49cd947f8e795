"""Read Cypher of the analytics and the exports (H8).

Parameterised constants; relationship types arrive as a `$types` list checked
against graph.ontology by graph.analytics.filters.SubgraphFilter, and are
compared with `type(r) IN $types`, never spliced into the text.

Dates: fact edges keep first_seen/last_seen as Neo4j dates; the window
compares their ISO text (`substring(toString(x), 0, 10)`) with ISO parameters,
which also works for a date stored as a string or a datetime.
"""

from __future__ import annotations

from graph.ontology import Polarity

# The fact edges an analysis or export uses, one row per edge with both end
# nodes. Parameters: see SubgraphFilter.cypher_params().
def _kind(node: str) -> str:
    """Cypher for a node's kind: its `kind` property, else its one label besides Entity."""
    return f"coalesce({node}.kind, head([l IN labels({node}) WHERE l <> 'Entity']))"


SUBGRAPH = f"""
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
  AND ($include_reference OR coalesce(r.source, 'article') <> 'reference')
  AND (r.source = 'reference'
       OR (coalesce(r.claims, 0) >= $min_claims AND coalesce(r.articles, 0) >= $min_articles))
  AND ($since IS NULL OR r.last_seen IS NULL
       OR substring(toString(r.last_seen), 0, 10) >= $since)
  AND ($until IS NULL OR r.first_seen IS NULL
       OR substring(toString(r.first_seen), 0, 10) <= $until)
  AND ($kinds IS NULL OR ({_kind('a')} IN $kinds AND {_kind('b')} IN $kinds))
RETURN a {{.id, .name, .iso3, .aliases, kind: {_kind('a')}}} AS subject,
       b {{.id, .name, .iso3, .aliases, kind: {_kind('b')}}} AS object,
       type(r) AS type, r.claims AS claims, r.sentences AS sentences, r.articles AS articles,
       r.outlets AS outlets, r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.date_source AS date_source, r.confidence AS confidence,
       coalesce(r.source, 'article') AS provenance
ORDER BY subject.id, type, object.id
"""

# Claims for the PLOVER export (graph.plover_export), one row per claim, with its article and
# both arguments. The date is the event date when the text gave one, else the
# article's publication date. Parameters: $types (list), $since, $until (ISO
# or null), $include_negated, $modalities (list or null: all), $skip, $limit.
CLAIMS_FOR_EVENTS = f"""
MATCH (art:Article)-[:ASSERTS]->(c:Claim)
WHERE c.type IN $types
  AND ($include_negated OR c.polarity <> '{Polarity.NEGATED.value}')
  AND ($modalities IS NULL OR c.modality IN $modalities)
WITH art, c, substring(toString(coalesce(c.event_date, art.published)), 0, 10) AS day
WHERE ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
MATCH (c)-[:SUBJECT]->(s:Entity)
MATCH (c)-[:OBJECT]->(o:Entity)
RETURN c {{.*}} AS claim,
       art {{.id, .url, .title, .outlet, .published, .license, .language}} AS article,
       s {{.id, .name, .iso3, .wikidata, kind: {_kind('s')}}} AS subject,
       o {{.id, .name, .iso3, .wikidata, kind: {_kind('o')}}} AS object,
       day
ORDER BY day, art.id, c.sentence_index, c.id
SKIP $skip LIMIT $limit
"""
