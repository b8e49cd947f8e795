"""Evidence and timeline Cypher: the claims between a pair, or naming one
entity, with their qualifiers; filters travel as parameters (null: no filter).

Every claim carries `subject_id`, `object_id` and `type`; the claim_key index
(subject_id, object_id, type) serves a pair's claims by two seeks (one per
direction), never an expansion of a hub's claims.
"""

from __future__ import annotations

from graph.cypher.read import _ARTICLE_FIELDS, _CLAIM_FIELDS

# A claim `c` and its article `a` pass the request's filters. The date of a
# claim is its event date, else its article's publication date; a state "since
# 1993" lasts from its event date to its article's.
_CLAIM_FILTER = """
($types IS NULL OR c.type IN $types)
AND ($polarity IS NULL OR c.polarity = $polarity)
AND ($modalities IS NULL OR c.modality IN $modalities)
AND ($min_confidence IS NULL OR c.confidence >= $min_confidence)
AND ($outlet IS NULL OR toLower(a.outlet) = toLower($outlet))
AND ($since IS NULL OR CASE WHEN c.event_ongoing THEN a.published
                           ELSE coalesce(c.event_date, a.published) END >= date($since))
AND ($until IS NULL OR coalesce(c.event_date, a.published) <= date($until))
"""

# The claims between $a and $b: a -> b always; b -> a when $either (or the
# claim's type is symmetric, whose stored direction is arbitrary).
_PAIR_CLAIMS = """
CALL () {
  MATCH (c:Claim) WHERE c.subject_id = $a AND c.object_id = $b
  RETURN c
  UNION
  MATCH (c:Claim) WHERE c.subject_id = $b AND c.object_id = $a AND ($either OR c.type IN $symmetric)
  RETURN c
}
OPTIONAL MATCH (a:Article)-[:ASSERTS]->(c)
"""

PAIR_EVIDENCE = f"""
{_PAIR_CLAIMS}
WITH c, a WHERE {_CLAIM_FILTER}
WITH c, a ORDER BY coalesce(c.event_date, a.published) DESC, a.id, c.sentence_index, c.id
WITH collect({{claim: {_CLAIM_FIELDS}, article: CASE WHEN a IS NULL THEN NULL ELSE {_ARTICLE_FIELDS} END}}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items
"""

_COUNT = """
WITH c, a WHERE {filter}
WITH c, coalesce(c.event_date, a.published) AS when
RETURN CASE WHEN when IS NULL THEN NULL ELSE date.truncate($unit, date(when)) END AS period,
       c.type AS type, c.polarity AS polarity, c.modality AS modality, count(DISTINCT c) AS n
ORDER BY period, type
"""

PAIR_TIMELINE = _PAIR_CLAIMS + _COUNT.format(filter=_CLAIM_FILTER)

ENTITY_TIMELINE = """
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (c:Claim)-[:SUBJECT|OBJECT]->(e)
  RETURN DISTINCT c
}
OPTIONAL MATCH (a:Article)-[:ASSERTS]->(c)
""" + _COUNT.format(filter=_CLAIM_FILTER)


def pair_fact_edges(types: list[str] | None) -> str:
    """The fact edges (both origins) of the given types (None: every fact
    type) between $a and $b: a -> b, and b -> a when $either or symmetric."""
    from graph.cypher.read import _EDGE_FIELDS, relationship_filter

    rel = relationship_filter(types)
    return f"""
MATCH (s:Entity {{id: $a}})-[r{rel}]-(o:Entity {{id: $b}})
WHERE $either OR startNode(r) = s OR type(r) IN $symmetric
WITH DISTINCT r ORDER BY coalesce(r.articles, 0) DESC, type(r)
RETURN {_EDGE_FIELDS} AS edge
"""
