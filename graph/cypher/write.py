"""Write Cypher: the loader's and the reference backbone's statements.

Every statement takes a batch as `$rows` (or `$pairs`) and runs `UNWIND`, so a
batch of articles is a handful of round trips, not one per claim. Labels and
relationship types cannot be query parameters, so the statements that need one
are built here, once, at import, for each member of the closed vocabulary in
`graph.ontology`; callers look them up by kind or type name, and an unknown
name is a KeyError, never a string spliced into Cypher.

Graph model (see docs): `(:Entity:<Kind>)`, `(:Article)`, `(:Claim)`;
`(:Article)-[:ASSERTS]->(:Claim)-[:SUBJECT|OBJECT]->(:Entity)`,
`(:Claim)-[:ATTRIBUTED_TO]->(:Entity)`, `(:Article)-[:MENTIONS {count}]->(:Entity)`;
fact edges `(:Entity)-[:<TYPE> {source: 'article', claims, sentences, articles,
outlets, first_seen, last_seen, date_source, confidence, sign, cameo, plover, created_at,
updated_at}]->(:Entity)` (claims: claim rows; sentences and articles: distinct
evidence, see `_recompute_facts`; first/last_seen: the claims' event dates,
the article's where the text gives none, and date_source says which: 'event',
'article' or 'mixed';
created_at/updated_at: datetimes in the graph); entities and claims carry
`created_at` too; near-duplicate articles share `(:Article)-[:IN_BAND]->(:TextBand)`
nodes and list each other in `duplicates` (graph.duplicates); reference
edges `(:Entity)-[:BORDERS|CAPITAL_OF {source: 'reference'}]->(:Entity)`.
An article-derived fact edge and a reference edge of the same type between the
same pair are two relationships told apart by `source`, so recomputing facts
never touches the backbone and the backbone never inflates claim counts.
"""

from __future__ import annotations

from graph.ontology import RELATION_TYPES, EntityKind, Polarity, RelationType

# Relationship types that carry provenance rather than facts.
ASSERTS = "ASSERTS"
SUBJECT = "SUBJECT"
OBJECT = "OBJECT"
ATTRIBUTED_TO = "ATTRIBUTED_TO"
MENTIONS = "MENTIONS"
IN_BAND = "IN_BAND"

SOURCE_ARTICLE = "article"
SOURCE_REFERENCE = "reference"

# Prefix of the loader's statements. Neo4j re-plans a cached statement when the
# graph's statistics have drifted (a database filling up drifts all the time),
# and planning the loader's ~35 statements costs several CPU-seconds each
# time -- while a bulk load runs, more than the writes themselves. Their plans
# do not depend on statistics: every lookup is a unique-constraint seek or
# carries an index hint, so the first plan stays the right one.
_KEEP_PLAN = "CYPHER replan=skip"

# Union of the stored aliases, the incoming aliases and the incoming name, minus
# the node's (possibly just set) name, without duplicates and in first-seen
# order, so repeating a load leaves the list exactly as it was.
_ALIAS_UNION = (
    "reduce(acc = [], a IN coalesce(e.aliases, []) + coalesce(r.aliases, []) + [r.name] | "
    "CASE WHEN a IS NULL OR a = e.name OR a IN acc THEN acc ELSE acc + a END)"
)


# One statement for every kind: the kind label is set from the row with a
# dynamic label (`SET e:$(r.kind)`, Neo4j 5.26+); `r.kind` is always an
# `EntityKind` value (the loader builds it from the enum), never free text. The
# label is set when the node is created: an id names one thing, so a later
# mention never relabels it. The first name seen stays the caption (the
# reference backbone overrides it with the canonical name); other names become
# aliases. An entity that is already stored as the row would leave it -- most of
# a bulk load's rows, since a few thousand entities recur in every batch -- is
# not written at all, so it takes no write lock and adds nothing to the
# transaction state.
UPSERT_ENTITIES = f"""
{_KEEP_PLAN}
UNWIND $rows AS r
MERGE (e:Entity {{id: r.id}})
ON CREATE SET e:$(r.kind), e.kind = r.kind, e.name = r.name, e.source = r.source,
              e.aliases = [], e.created_at = datetime()
WITH e, r, coalesce(r.iso3, e.iso3) AS iso3, coalesce(r.wikidata, e.wikidata) AS wikidata,
     {_ALIAS_UNION} AS aliases
WHERE e.aliases IS NULL OR aliases <> e.aliases
   OR (iso3 IS NOT NULL AND (e.iso3 IS NULL OR iso3 <> e.iso3))
   OR (wikidata IS NOT NULL AND (e.wikidata IS NULL OR wikidata <> e.wikidata))
SET e.iso3 = iso3, e.wikidata = wikidata, e.aliases = aliases
RETURN count(e) AS changed
"""

# Which of the batch's articles are stored already. Only those need the
# re-ingest path (delete stale claims, MERGE); the others are new to the
# database, and so are their claims, whose ids include the article id.
EXISTING_ARTICLES = _KEEP_PLAN + """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN collect(a.id) AS ids
"""

UPSERT_ARTICLES = _KEEP_PLAN + """
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
SET a.url = r.url, a.title = r.title, a.standfirst = r.standfirst, a.text = r.text, a.outlet = r.outlet,
    a.author = r.author, a.published = r.published, a.language = r.language,
    a.source = r.source, a.license = r.license, a.extractor = r.extractor,
    a.extractor_version = r.extractor_version
RETURN count(a) AS articles
"""

# New articles: plain CREATEs, no lookup of what is not there. A row holds
# exactly the article's properties (a null one is not stored, as SET to null
# would leave it). The unique constraint still refuses a duplicate, e.g. an
# article another loader created since the existence check; the loader then
# runs the batch again, on the re-ingest path.
CREATE_ARTICLES = _KEEP_PLAN + """
UNWIND $rows AS r
CREATE (a:Article)
SET a = r
RETURN count(a) AS articles
"""

# Claims an article asserted before but does not assert now: delete them and
# return their (type, subject, object) so the fact edges they fed are recomputed.
DELETE_STALE_CLAIMS = _KEEP_PLAN + """
UNWIND $rows AS r
MATCH (:Article {id: r.article_id})-[:ASSERTS]->(c:Claim)
WHERE NOT c.id IN r.claim_ids
WITH c, c.type AS type, c.subject_id AS subject_id, c.object_id AS object_id
DETACH DELETE c
RETURN type, subject_id, object_id
"""

DELETE_STALE_MENTIONS = _KEEP_PLAN + """
UNWIND $rows AS r
MATCH (:Article {id: r.article_id})-[m:MENTIONS]->(e:Entity)
WHERE NOT e.id IN r.entity_ids
DELETE m
RETURN count(m) AS deleted
"""

UPSERT_MENTIONS = _KEEP_PLAN + """
UNWIND $rows AS r
MATCH (a:Article {id: r.article_id})
MATCH (e:Entity {id: r.entity_id})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = r.count
RETURN count(m) AS mentions
"""

# The article is new, so none of these relationships can exist yet.
CREATE_MENTIONS = _KEEP_PLAN + """
UNWIND $rows AS r
MATCH (a:Article {id: r.article_id})
MATCH (e:Entity {id: r.entity_id})
CREATE (a)-[:MENTIONS {count: r.count}]->(e)
RETURN count(*) AS mentions
"""

# A row is every Claim field plus its id (dates as Neo4j dates); `+=` with a
# null value removes a property the new extraction no longer has. The speaker
# link is replaced only when it changed, so a repeated load deletes nothing.
# (The re-ingest path: its subqueries put Eager barriers in the plan, which the
# path of new articles below avoids.)
UPSERT_CLAIMS = _KEEP_PLAN + """
UNWIND $rows AS r
MATCH (a:Article {id: r.article_id})
MATCH (s:Entity {id: r.subject_id})
MATCH (o:Entity {id: r.object_id})
MERGE (c:Claim {id: r.id})
ON CREATE SET c.created_at = datetime()
SET c += r
MERGE (a)-[:ASSERTS]->(c)
MERGE (c)-[:SUBJECT]->(s)
MERGE (c)-[:OBJECT]->(o)
WITH c, r
CALL (c, r) {
  OPTIONAL MATCH (c)-[old:ATTRIBUTED_TO]->(x:Entity)
  WHERE r.attributed_to IS NULL OR x.id <> r.attributed_to
  DELETE old
}
CALL (c, r) {
  OPTIONAL MATCH (speaker:Entity {id: r.attributed_to})
  FOREACH (_ IN CASE WHEN speaker IS NULL THEN [] ELSE [1] END |
    MERGE (c)-[:ATTRIBUTED_TO]->(speaker))
}
RETURN count(c) AS claims
"""

# Claims of new articles: created with their three provenance links in one
# pass, no MERGE (which would check each link of a hub entity first).
CREATE_CLAIMS = _KEEP_PLAN + """
UNWIND $rows AS r
MATCH (a:Article {id: r.article_id})
MATCH (s:Entity {id: r.subject_id})
MATCH (o:Entity {id: r.object_id})
CREATE (a)-[:ASSERTS]->(c:Claim)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
SET c = r, c.created_at = datetime()
RETURN count(c) AS claims
"""

# Speaker links of new claims (`$rows`: {id, speaker}); a speaker that is not
# a stored entity gets no link, as in UPSERT_CLAIMS.
CREATE_ATTRIBUTIONS = _KEEP_PLAN + """
UNWIND $rows AS r
MATCH (c:Claim {id: r.id})
MATCH (speaker:Entity {id: r.speaker})
CREATE (c)-[:ATTRIBUTED_TO]->(speaker)
RETURN count(*) AS attributions
"""


# --- near-duplicate articles (graph.duplicates) --------------------------------

# Re-ingested articles: forget their bands and take them out of the duplicate
# lists they were in; LINK_DUPLICATES then finds them again from the new text.
UNLINK_DUPLICATES = _KEEP_PLAN + """
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[band:IN_BAND]->(:TextBand)
DELETE band
WITH DISTINCT a
CALL (a) {
  UNWIND coalesce(a.duplicates, []) AS other_id
  MATCH (o:Article {id: other_id})
  SET o.duplicates = [d IN coalesce(o.duplicates, []) WHERE d <> a.id]
}
SET a.duplicates = []
RETURN count(a) AS unlinked
"""

# `$rows`: {id, bands}. Every article of the batch joins its bands; then every
# article that shares a band with another and whose signature agrees with it on
# at least `$min_equal` positions lists the other in `duplicates` (both ways;
# ids sorted, so the list depends neither on load order nor on batching, and a
# reload changes nothing). The pairs are grouped by the article that gains them
# before one SET per article: setting per pair would let two pairs of one
# article in one batch overwrite each other (three copies in a batch each
# listed only one). Returns the ids whose list changed: their claims' fact
# edges are recomputed.
LINK_DUPLICATES = _KEEP_PLAN + """
UNWIND $rows AS r
MATCH (a:Article {id: r.id})
UNWIND r.bands AS key
MERGE (b:TextBand {key: key})
MERGE (a)-[:IN_BAND]->(b)
WITH DISTINCT a
MATCH (a)-[:IN_BAND]->(:TextBand)<-[:IN_BAND]-(o:Article)
WHERE o <> a AND size(o.fingerprint) = size(a.fingerprint)
WITH DISTINCT a, o
WHERE size([i IN range(0, size(a.fingerprint) - 1) WHERE a.fingerprint[i] = o.fingerprint[i]]) >= $min_equal
UNWIND [[a, o], [o, a]] AS pair
WITH pair[0] AS x, collect(DISTINCT pair[1].id) AS others
WITH x, coalesce(x.duplicates, []) AS old, others
CALL (x, old, others) {
  UNWIND old + others AS d
  WITH DISTINCT d ORDER BY d
  RETURN collect(d) AS merged
}
WITH x, old, merged WHERE merged <> old
SET x.duplicates = merged
RETURN collect(x.id) AS changed
"""

# The (type, subject, object) keys of the claims of these articles: when an
# article gains or loses a duplicate, the edges its claims feed change support.
CLAIM_KEYS_OF_ARTICLES = _KEEP_PLAN + """
UNWIND $ids AS id
MATCH (:Article {id: id})-[:ASSERTS]->(c:Claim)
RETURN DISTINCT c.type AS type, c.subject_id AS subject_id, c.object_id AS object_id
"""


def _recompute_facts(rtype: RelationType) -> str:
    """Recompute the article-derived fact edges of one type for `$pairs`.

    Each pair `{a, b}` is already in the stored direction (canonical for
    symmetric types). The edge summarises the claims of that type that pass
    graph.ontology.is_fact: affirmed, with a modality in `$modalities`
    (graph.ontology.fact_modality_values); for a symmetric type, claims in either raw
    direction count. No qualifying claim left: the edge is deleted.
    Support counts distinct evidence: `claims` every claim row, `sentences`
    distinct (outlet, normalised sentence) pairs -- a sentence repeated in an
    article, or asked again in each article of a series, is one -- `articles`
    distinct stories (an article and its near-duplicates are one), `outlets`
    distinct outlets. Confidence is a noisy-or over the distinct sentences (the
    most confident claim of each), capped at 0.99: more independent reports
    raise it, none makes it certain, and a repeated sentence adds nothing.
    """
    # The key's claims come from the claim_key index (subject_id, object_id,
    # type), one seek per stored direction: exactly the claims of this type
    # between the two, never an expansion of a hub entity's claims nor the
    # claims of every other type between a busy pair (with (subject, object)
    # alone, the recompute read ~150 claims per loaded claim at 1,000,000
    # claims). The hint keeps the seek even when the plan was compiled while
    # the database was nearly empty (then a label scan looks as cheap, and
    # stays cached).
    t = rtype.name
    seek = "MATCH (c:Claim) USING INDEX c:Claim(subject_id, object_id, type)"
    reverse = (
        f"\n    UNION\n    {seek}\n    WHERE c.subject_id = b.id AND c.object_id = a.id AND c.type = '{t}' RETURN c"
        if rtype.symmetric
        else ""
    )
    return f"""{_KEEP_PLAN}
UNWIND $pairs AS p
MATCH (a:Entity {{id: p.a}})
MATCH (b:Entity {{id: p.b}})
CALL (a, b) {{
  CALL (a, b) {{
    {seek}
    WHERE c.subject_id = a.id AND c.object_id = b.id AND c.type = '{t}' RETURN c{reverse}
  }}
  WITH c WHERE c.polarity = '{Polarity.AFFIRMED.value}' AND c.modality IN $modalities
  // A pattern comprehension always expands from the bound claim.
  WITH c, head([(art:Article)-[:ASSERTS]->(c) | art]) AS art
  // One story: an article and its near-duplicates, named by the least id.
  WITH c, art, reduce(m = art.id, d IN coalesce(art.duplicates, []) |
                      CASE WHEN d < m THEN d ELSE m END) AS story
  // One piece of evidence: a sentence of an outlet (the same interview
  // question in every article of a series), or of a story when the article
  // has copies (syndicated under other outlets' names); without an outlet,
  // of the article's story alone.
  WITH c, art, story,
       CASE WHEN size(coalesce(art.duplicates, [])) > 0 OR art.outlet IS NULL THEN story
            ELSE 'outlet:' + art.outlet END + '|' + coalesce(c.sentence_key, c.id) AS evidence
  // The claim's period: its event date when the text gives one, the article's
  // otherwise; a state "since 1993" runs from then to the article's date.
  WITH evidence, story, art.outlet AS outlet, count(c) AS n, max(c.confidence) AS conf,
       count(c.event_date) AS dated,
       min(coalesce(c.event_date, art.published)) AS first,
       max(CASE WHEN c.event_ongoing THEN art.published ELSE coalesce(c.event_date, art.published) END) AS last
  WITH evidence, collect(story) AS stories, collect(outlet) AS outs, sum(n) AS n, max(conf) AS conf,
       sum(dated) AS dated, min(first) AS first, max(last) AS last
  WITH sum(n) AS claims, count(evidence) AS sentences, collect(stories) AS stories, collect(outs) AS outs,
       sum(dated) AS dated, min(first) AS first_seen, max(last) AS last_seen, collect(conf) AS confidences
  CALL (stories) {{ UNWIND stories AS s UNWIND s AS x RETURN count(DISTINCT x) AS articles }}
  CALL (outs) {{ UNWIND outs AS s UNWIND s AS x RETURN count(DISTINCT x) AS outlets }}
  RETURN claims, sentences, articles, outlets, first_seen, last_seen, confidences,
         CASE WHEN claims = 0 THEN NULL WHEN dated = claims THEN 'event' WHEN dated = 0 THEN 'article'
              ELSE 'mixed' END AS date_source
}}
OPTIONAL MATCH (a)-[old:{t} {{source: '{SOURCE_ARTICLE}'}}]->(b)
WITH a, b, old, claims, sentences, articles, outlets, first_seen, last_seen, date_source,
     1.0 - reduce(q = 1.0, x IN confidences |
                  q * (1.0 - CASE WHEN x < 0.0 THEN 0.0 WHEN x > 1.0 THEN 1.0 ELSE x END))
       AS noisy_or
WITH a, b, old, claims, sentences, articles, outlets, first_seen, last_seen, date_source, noisy_or,
     round(CASE WHEN noisy_or > 0.99 THEN 0.99 ELSE noisy_or END, 4) AS confidence
// created_at / updated_at: when the edge appeared in the graph and when its
// summary last changed (the transaction's clock). A reload that changes
// nothing leaves updated_at alone, so `changes since` lists real changes.
WITH a, b, old, claims, sentences, articles, outlets, first_seen, last_seen, date_source, confidence,
     old IS NULL OR old.claims <> claims OR old.sentences IS NULL OR old.sentences <> sentences
       OR old.articles <> articles OR old.outlets <> outlets
       OR (old.first_seen IS NULL) <> (first_seen IS NULL) OR old.first_seen <> first_seen
       OR (old.last_seen IS NULL) <> (last_seen IS NULL) OR old.last_seen <> last_seen
       OR old.confidence <> confidence OR old.updated_at IS NULL
       OR coalesce(old.date_source, '') <> coalesce(date_source, '') AS changed
FOREACH (_ IN CASE WHEN claims = 0 AND old IS NOT NULL THEN [1] ELSE [] END | DELETE old)
FOREACH (_ IN CASE WHEN claims > 0 THEN [1] ELSE [] END |
  MERGE (a)-[f:{t} {{source: '{SOURCE_ARTICLE}'}}]->(b)
  ON CREATE SET f.created_at = datetime()
  SET f.updated_at = CASE WHEN changed THEN datetime() ELSE f.updated_at END,
      f.created_at = coalesce(f.created_at, f.updated_at),
      f.claims = claims, f.sentences = sentences, f.articles = articles, f.outlets = outlets,
      f.first_seen = first_seen, f.last_seen = last_seen, f.date_source = date_source,
      f.confidence = confidence,
      f.sign = $sign, f.cameo = $cameo, f.plover = $plover, f.tier = $tier,
      f.symmetric = $symmetric)
RETURN sum(CASE WHEN claims > 0 THEN 1 ELSE 0 END) AS upserted,
       sum(CASE WHEN claims = 0 AND old IS NOT NULL THEN 1 ELSE 0 END) AS deleted
"""


RECOMPUTE_FACTS: dict[str, str] = {name: _recompute_facts(t) for name, t in RELATION_TYPES.items()}


def fact_parameters(rtype: RelationType) -> dict[str, object]:
    """The constant parameters of a RECOMPUTE_FACTS statement for `rtype`."""
    return {
        "sign": rtype.sign,
        "cameo": rtype.cameo,
        "plover": rtype.plover,
        "tier": rtype.tier.value,
        "symmetric": rtype.symmetric,
    }


# --- reference backbone ---------------------------------------------------------

# Reference entities: the backbone's name is canonical, so it replaces the
# caption and the previous name (if any) becomes an alias. `r.props` holds the
# extra reference facts (iso2, official_name, demonyms, region, ...).
def _upsert_reference_entities(kind: EntityKind) -> str:
    return f"""
UNWIND $rows AS r
MERGE (e:Entity {{id: r.id}})
ON CREATE SET e:{kind.value}, e.kind = r.kind, e.aliases = [], e.created_at = datetime()
WITH e, r, e.name AS previous
SET e += r.props,
    e.name = r.name, e.source = '{SOURCE_REFERENCE}',
    e.iso3 = coalesce(r.iso3, e.iso3), e.wikidata = coalesce(r.wikidata, e.wikidata)
WITH e, r, previous
SET e.aliases = reduce(acc = [],
      a IN coalesce(e.aliases, []) + coalesce(r.aliases, []) + [previous] |
      CASE WHEN a IS NULL OR a = e.name OR a IN acc THEN acc ELSE acc + a END)
RETURN count(e) AS entities
"""


UPSERT_REFERENCE_ENTITIES: dict[EntityKind, str] = {
    kind: _upsert_reference_entities(kind) for kind in EntityKind
}


def _reference_edges(rtype: RelationType) -> str:
    return f"""
UNWIND $rows AS r
MATCH (a:Entity {{id: r.a}})
MATCH (b:Entity {{id: r.b}})
MERGE (a)-[f:{rtype.name} {{source: '{SOURCE_REFERENCE}'}}]->(b)
SET f.sign = $sign, f.tier = $tier, f.symmetric = $symmetric
RETURN count(f) AS edges
"""


# Only the structural types the backbone provides.
UPSERT_REFERENCE_EDGES: dict[str, str] = {
    name: _reference_edges(RELATION_TYPES[name]) for name in ("BORDERS", "CAPITAL_OF")
}
