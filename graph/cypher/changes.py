"""Cypher for keeping up: what changed since a time, contested claims, and the
watched sources' status.

Changes: the loader stamps every fact edge with `created_at` (when it appeared
in the graph) and `updated_at` (when its summary -- claims, articles,
outlets, first/last seen, confidence -- last changed), and every entity and
claim with `created_at` (graph.cypher.write). A fact edge whose claims all went
away is deleted, so it is not listed.

Contested claims: two claims of the same (subject, type, object) -- either
direction for a symmetric type -- from two different articles, where one is a
fact (affirmed; asserted, reported or historical) and the other
  negated   says it did not happen (negated, or denied by its speaker),
  alleged   reports it as an allegation only,
  dates     is a fact too, about an event, with a different event date,
            in an article published within `$window_days` of the first's.
Values travel as parameters; the relationship types come from the ontology.
"""

from __future__ import annotations

from graph.cypher.read import relationship_filter
from graph.cypher.write import SOURCE_ARTICLE

# Claim and article maps, as in graph.cypher.read (kept to what a reader needs).
_CLAIM = (
    "{id: c.id, type: c.type, subject_id: c.subject_id, object_id: c.object_id, sentence: c.sentence, "
    "polarity: c.polarity, modality: c.modality, event_date: c.event_date, confidence: c.confidence, "
    "attributed_to: c.attributed_to, created_at: c.created_at}"
)
_ARTICLE = "{id: art.id, title: art.title, url: art.url, outlet: art.outlet, published: art.published}"


def _claims_of_key(claim: str, key_from: str) -> str:
    """A subquery body: the claims `claim` of the key of `key_from` (a claim or
    edge variable with subject/object ids and a type), both directions for the
    symmetric types. One seek on the claim_key index per direction."""
    return f"""
    MATCH ({claim}:Claim) USING INDEX {claim}:Claim(subject_id, object_id, type)
    WHERE {claim}.subject_id = {key_from}_s AND {claim}.object_id = {key_from}_o AND {claim}.type = {key_from}_t
    RETURN {claim}
    UNION
    MATCH ({claim}:Claim) USING INDEX {claim}:Claim(subject_id, object_id, type)
    WHERE {key_from}_t IN $symmetric
      AND {claim}.subject_id = {key_from}_o AND {claim}.object_id = {key_from}_s AND {claim}.type = {key_from}_t
    RETURN {claim}"""


def changed_edges_query(types: list[str] | None = None) -> str:
    """Fact edges created or changed since `$since`, newest change first, each
    with its newest evidence (the affirmed fact claim loaded last).
    Parameters: since, entity (or null), modalities, symmetric, limit."""
    rel = relationship_filter(types)
    return f"""
MATCH (s:Entity)-[f{rel}]->(o:Entity)
WHERE f.source = '{SOURCE_ARTICLE}' AND f.updated_at >= $since
  AND ($entity IS NULL OR s.id = $entity OR o.id = $entity)
WITH s, f, o ORDER BY f.updated_at DESC, s.id, o.id LIMIT $limit
WITH s, f, o, s.id AS k_s, o.id AS k_o, type(f) AS k_t
CALL (k_s, k_o, k_t) {{
  CALL (k_s, k_o, k_t) {{{_claims_of_key("c", "k")}
  }}
  WITH c WHERE c.polarity = 'affirmed' AND c.modality IN $modalities
  WITH c ORDER BY c.created_at DESC, c.id LIMIT 1
  OPTIONAL MATCH (art:Article)-[:ASSERTS]->(c)
  RETURN {_CLAIM} AS claim, CASE WHEN art IS NULL THEN NULL ELSE {_ARTICLE} END AS article
}}
RETURN CASE WHEN f.created_at >= $since THEN 'new' ELSE 'changed' END AS change,
       type(f) AS type, s{{.id, .name, .kind}} AS subject, o{{.id, .name, .kind}} AS object,
       f.claims AS claims, f.articles AS articles, f.outlets AS outlets,
       f.first_seen AS first_seen, f.last_seen AS last_seen, f.confidence AS confidence,
       f.created_at AS created_at, f.updated_at AS updated_at, claim, article
ORDER BY updated_at DESC, subject.id, object.id
"""


NEW_ENTITIES = """
MATCH (e:Entity) WHERE e.created_at >= $since
  AND ($entity IS NULL OR e.id = $entity)
WITH e ORDER BY e.created_at DESC, e.id LIMIT $limit
CALL (e) {
  OPTIONAL MATCH (art:Article)-[:MENTIONS]->(e)
  WITH art ORDER BY art.published DESC, art.id LIMIT 1
  RETURN CASE WHEN art IS NULL THEN NULL ELSE
    {id: art.id, title: art.title, url: art.url, outlet: art.outlet, published: art.published} END AS article
}
RETURN e{.id, .name, .kind, .created_at} AS entity, article
ORDER BY entity.created_at DESC, entity.id
"""


# --- contested claims -----------------------------------------------------------

_SIDE = (
    "{{claim: {claim}, article: {article}, "
    "attributed_to: CASE WHEN {speaker} IS NULL THEN NULL ELSE {speaker}{{.id, .name}} END}}"
)


def _side(c: str, art: str, speaker: str) -> str:
    claim = _CLAIM.replace("c.", f"{c}.")
    article = _ARTICLE.replace("art.", f"{art}.")
    return _SIDE.format(claim=claim, article=article, speaker=speaker)


# The second claim (`b`) is the contesting one: negated or alleged; or, for
# date conflicts, a fact whose event date differs. It is found first (claims
# with a polarity, modality or date to contest are the few), and the facts it
# contests by one index seek on the key.
CONTESTED = f"""
MATCH (b:Claim)
WHERE (b.polarity = 'negated' OR b.modality = 'alleged'
       OR (b.event_date IS NOT NULL AND b.type IN $event_types))
  AND ($type IS NULL OR b.type = $type)
  AND ($entity IS NULL OR b.subject_id = $entity OR b.object_id = $entity)
  AND ($pair_a IS NULL OR (b.subject_id = $pair_a AND b.object_id = $pair_b)
                       OR (b.subject_id = $pair_b AND b.object_id = $pair_a))
WITH b, b.subject_id AS b_s, b.object_id AS b_o, b.type AS b_t
CALL (b_s, b_o, b_t) {{{_claims_of_key("a", "b")}
}}
WITH a, b WHERE a.article_id <> b.article_id
  AND a.polarity = 'affirmed' AND a.modality IN $modalities
WITH a, b,
     CASE WHEN b.polarity = 'negated' THEN 'negated'
          WHEN b.modality = 'alleged' THEN 'alleged'
          WHEN b.modality IN $modalities AND a.event_date IS NOT NULL AND b.event_date IS NOT NULL
               AND a.event_date < b.event_date THEN 'dates'
          ELSE NULL END AS kind
WHERE kind IS NOT NULL
MATCH (art_a:Article)-[:ASSERTS]->(a)
MATCH (art_b:Article)-[:ASSERTS]->(b)
WITH a, b, kind, art_a, art_b,
     CASE WHEN art_a.published IS NULL OR art_b.published IS NULL THEN NULL
          WHEN art_a.published > art_b.published THEN art_a.published ELSE art_b.published END AS latest
WHERE (kind <> 'dates' OR (art_a.published IS NOT NULL AND art_b.published IS NOT NULL
       AND abs(duration.inDays(art_a.published, art_b.published).days) <= $window_days))
  AND ($since IS NULL OR latest >= $since)
  AND ($until IS NULL OR latest <= $until)
OPTIONAL MATCH (a)-[:ATTRIBUTED_TO]->(sp_a:Entity)
OPTIONAL MATCH (b)-[:ATTRIBUTED_TO]->(sp_b:Entity)
MATCH (subj:Entity {{id: b.subject_id}})
MATCH (obj:Entity {{id: b.object_id}})
WITH kind, b, subj, obj, latest, a, art_a, sp_a, art_b, sp_b
ORDER BY latest DESC, b.type, subj.id, obj.id, a.id, b.id
LIMIT $limit
RETURN kind, b.type AS type, subj{{.id, .name, .kind}} AS subject, obj{{.id, .name, .kind}} AS object,
       latest, {_side("a", "art_a", "sp_a")} AS claimed, {_side("b", "art_b", "sp_b")} AS contested
"""


# --- watched sources (the watcher writes, /health reads) ---------------------------

WRITE_WATCHED_SOURCES = """
UNWIND $rows AS r
MERGE (w:WatchedSource {source: r.source})
SET w.last_success = r.last_success, w.last_error = r.last_error, w.last_error_at = r.last_error_at,
    w.failures = r.failures, w.next_try = r.next_try, w.reported_at = datetime()
RETURN count(w) AS sources
"""

READ_WATCHED_SOURCES = """
MATCH (w:WatchedSource)
RETURN w{.source, .last_success, .last_error, .last_error_at, .failures, .next_try, .reported_at} AS source
ORDER BY source.source
"""
