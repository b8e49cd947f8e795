"""Search Cypher: entities by name (full-text) and articles by their text.

Values travel as parameters; labels and types are never spliced in here.
`$kind_filter` is a list of EntityKind values or null (every kind).
"""

from __future__ import annotations

from graph.cypher.read import _ARTICLE_FIELDS, _ENTITY_FIELDS

_KIND_FILTER = "($kind_filter IS NULL OR any(l IN labels(e) WHERE l IN $kind_filter))"

# Entities the caller resolved from the query text (the gazetteer's rules),
# in the caller's order; unknown ids drop out.
RESOLVED_ENTITIES = f"""
UNWIND range(0, size($resolved) - 1) AS i
MATCH (e:Entity {{id: $resolved[i].id}})
WHERE {_KIND_FILTER}
RETURN {_ENTITY_FIELDS} AS entity, $resolved[i].rule AS rule
ORDER BY i
"""

# Full-text matches, minus the already resolved ids; `$cap` bounds a fuzzy
# fallback's list (null: no cap).
SEARCH_ENTITIES = f"""
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS e, score
WHERE {_KIND_FILTER} AND NOT e.id IN $exclude
WITH e, score ORDER BY score DESC, e.name
LIMIT coalesce($cap, 1000000000)
WITH collect({{entity: {_ENTITY_FIELDS}, score: score}}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items
"""

# Every entity, by name (default) or by the number of articles that mention it.
LIST_ENTITIES = f"""
MATCH (e:Entity)
WHERE {_KIND_FILTER}
WITH e, CASE WHEN $sort = 'articles' THEN COUNT {{ (:Article)-[:MENTIONS]->(e) }} ELSE 0 END AS n
ORDER BY n DESC, e.name, e.id
WITH collect({_ENTITY_FIELDS}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items
"""

# An article's fields and its relevance score (null when listed, not searched).
_ARTICLE_HIT_FIELDS = _ARTICLE_FIELDS.rstrip().removesuffix("}") + ", score: score}"

ARTICLE_SORTS = ("relevance", "newest", "oldest")


def article_search_query(by_text: bool) -> str:
    """Articles matching the words of their title, standfirst or text (when
    `by_text`: `$lucene`), mentioning an entity (`$entity`, or null), within
    the published window; `$sort` is one of ARTICLE_SORTS (relevance falls
    back to newest for a plain list)."""
    source = (
        "CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS a, score"
        if by_text
        else "MATCH (a:Article) WITH a, null AS score"
    )
    return f"""
{source}
WITH a, score
WHERE ($since IS NULL OR date(a.published) >= date($since))
  AND ($until IS NULL OR date(a.published) <= date($until))
  AND ($entity IS NULL OR EXISTS {{ (a)-[:MENTIONS]->(:Entity {{id: $entity}}) }})
WITH a, score
ORDER BY CASE WHEN $sort = 'relevance' THEN coalesce(score, 0.0) ELSE 0.0 END DESC,
         CASE WHEN $sort = 'oldest' THEN a.published END ASC,
         a.published DESC, a.id
WITH collect({_ARTICLE_HIT_FIELDS}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items
"""
