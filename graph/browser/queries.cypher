// geokg: ready queries for Neo4j Browser.
// Paste a block (the :param lines first) into the Browser editor, or star it
// to keep it among your favourites. Fact edges carry source = 'article'
// (derived from claims: claims, articles, outlets, first_seen, last_seen,
// confidence, sign, cameo, plover); the reference backbone's BORDERS and
// CAPITAL_OF edges carry source = 'reference' and no counts.

// ==== Entity neighbourhood ====
// Every fact edge (and reference edge) around one entity, as a graph.
:param id => 'AZE';
MATCH (e:Entity {id: $id})-[r]-(n:Entity)
WHERE r.source IN ['article', 'reference']
RETURN e, r, n
LIMIT 200;

// ==== Article neighbourhood ====
// The entity's strongest article-derived fact edges only (no reference
// BORDERS/CAPITAL_OF backbone), at most $limit: readable at a glance.
// Symmetric types (captioned <->) are stored once: their arrow is no direction.
:param id => 'AZE';
:param limit => 40;
MATCH (e:Entity {id: $id})-[r]-(n:Entity)
WHERE r.source = 'article'
WITH e, r, n
ORDER BY r.articles DESC, r.claims DESC, n.id
LIMIT $limit
RETURN e, r, n;

// ==== Evidence behind an edge ====
// The claims (with their sentences and articles) behind one fact edge.
// Symmetric types (FIGHTS, BORDERS, ...) count claims in either direction.
:param type => 'SUPPLIES_ARMS';
:param a => 'ISR';
:param b => 'AZE';
MATCH (art:Article)-[:ASSERTS]->(c:Claim {type: $type})
WHERE (c.subject_id = $a AND c.object_id = $b)
   OR (c.subject_id = $b AND c.object_id = $a AND c.type IN
       ['BORDERS', 'ALLIED_WITH', 'DIPLOMATIC_RELATIONS', 'NEGOTIATES_WITH',
        'SIGNS_AGREEMENT_WITH', 'COOPERATES_MILITARILY', 'FIGHTS'])
RETURN coalesce(c.event_date, art.published) AS date, art.outlet AS outlet,
       art.title AS article, c.subject_text + ' [' + c.trigger_text + '] ' + c.object_text AS claim,
       c.polarity AS polarity, c.modality AS modality, c.confidence AS confidence,
       c.sentence AS sentence, art.url AS url
ORDER BY date, outlet;

// ==== Dyad timeline ====
// Everything two entities did to each other, in date order, facts and non-facts alike.
:param a => 'AZE';
:param b => 'IRN';
MATCH (x:Entity {id: $a})<-[:SUBJECT|OBJECT]-(c:Claim)-[:SUBJECT|OBJECT]->(y:Entity {id: $b})
MATCH (art:Article)-[:ASSERTS]->(c)
RETURN coalesce(c.event_date, art.published) AS date, c.type AS type,
       c.subject_id + ' -> ' + c.object_id AS direction, c.polarity AS polarity,
       c.modality AS modality, art.outlet AS outlet, c.sentence AS sentence
ORDER BY date, type;

// ==== Who arms whom ====
// Arms suppliers and recipients, strongest evidence first (as a table; return
// s, r, t instead to draw it).
MATCH (s:Entity)-[r:SUPPLIES_ARMS {source: 'article'}]->(t:Entity)
RETURN s.name AS supplier, t.name AS recipient, r.claims AS claims, r.articles AS articles,
       r.outlets AS outlets, r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.confidence AS confidence
ORDER BY claims DESC, articles DESC, supplier, recipient
LIMIT 100;

// ==== Hostile triangles ====
// Three entities with conflict (negative-sign) fact edges between every pair:
// an all-negative triangle is unbalanced in signed-network terms.
MATCH (a:Entity)-[r1]-(b:Entity)-[r2]-(c:Entity)-[r3]-(a)
WHERE a.id < b.id AND b.id < c.id
  AND r1.source = 'article' AND r2.source = 'article' AND r3.source = 'article'
  AND r1.sign < 0 AND r2.sign < 0 AND r3.sign < 0
RETURN a.name AS a, b.name AS b, c.name AS c,
       collect(DISTINCT type(r1)) + collect(DISTINCT type(r2)) + collect(DISTINCT type(r3)) AS types
ORDER BY a, b, c
LIMIT 100;

// ==== Claims that are not facts ====
// Negated, hypothetical, alleged or planned claims about one entity: queryable,
// but never fact edges.
:param id => 'IRN';
MATCH (e:Entity {id: $id})<-[:SUBJECT|OBJECT]-(c:Claim)<-[:ASSERTS]-(art:Article)
WHERE c.polarity = 'negated' OR NOT c.modality IN ['asserted', 'reported', 'historical']
RETURN c.type AS type, c.subject_id AS subject, c.object_id AS object, c.polarity AS polarity,
       c.modality AS modality, c.sentence AS sentence, art.url AS url
ORDER BY type;

// ==== Contested claims ====
// One article's fact (affirmed; asserted, reported or historical) and another
// article's claim of the same (subject, type, object) that denies or negates
// it (kind 'negated'), reports it only as an allegation ('alleged'), or gives
// the same kind of event another date, in articles at most 7 days apart
// ('dates'). The API's /v1/contested and `geokg contested` run the same
// rules (graph/cypher/changes.py). Read each row as "claimed by
// claimed_outlet, contested by contested_outlet"; the speakers say who.
:param id => 'TUR';
MATCH (b:Claim)
WHERE (b.subject_id = $id OR b.object_id = $id)
  AND (b.polarity = 'negated' OR b.modality = 'alleged' OR (b.event_date IS NOT NULL AND b.type IN [
       'MEETS_WITH', 'NEGOTIATES_WITH', 'SIGNS_AGREEMENT_WITH', 'SUPPORTS',
       'COOPERATES_MILITARILY', 'SUPPLIES_ARMS', 'PROVIDES_AID', 'TRADES_WITH', 'YIELDS_TO',
       'DEMANDS', 'ACCUSES', 'CONDEMNS', 'REJECTS', 'DENIES', 'THREATENS', 'SANCTIONS',
       'CUTS_TIES_WITH', 'MOBILIZES_AGAINST', 'ATTACKS', 'FIGHTS', 'COERCES', 'PROTESTS_AGAINST']))
MATCH (a:Claim {type: b.type})
WHERE a.article_id <> b.article_id AND a.polarity = 'affirmed'
  AND a.modality IN ['asserted', 'reported', 'historical']
  AND ((a.subject_id = b.subject_id AND a.object_id = b.object_id)
       OR (a.subject_id = b.object_id AND a.object_id = b.subject_id AND a.type IN [
           'BORDERS', 'ALLIED_WITH', 'DIPLOMATIC_RELATIONS', 'NEGOTIATES_WITH',
           'SIGNS_AGREEMENT_WITH', 'COOPERATES_MILITARILY', 'FIGHTS']))
WITH a, b,
     CASE WHEN b.polarity = 'negated' THEN 'negated'
          WHEN b.modality = 'alleged' THEN 'alleged'
          WHEN b.modality IN ['asserted', 'reported', 'historical'] AND a.event_date < b.event_date THEN 'dates'
     END AS kind
WHERE kind IS NOT NULL
MATCH (art_a:Article)-[:ASSERTS]->(a)
MATCH (art_b:Article)-[:ASSERTS]->(b)
WHERE kind <> 'dates' OR abs(duration.inDays(art_a.published, art_b.published).days) <= 7
OPTIONAL MATCH (a)-[:ATTRIBUTED_TO]->(sp_a:Entity)
OPTIONAL MATCH (b)-[:ATTRIBUTED_TO]->(sp_b:Entity)
RETURN kind, b.type AS type, b.subject_id AS subject, b.object_id AS object,
       a.sentence AS claimed, art_a.outlet AS claimed_outlet, art_a.published AS claimed_published,
       sp_a.name AS claimed_by, b.polarity + '/' + b.modality AS contested_as,
       b.sentence AS contested, art_b.outlet AS contested_outlet, art_b.published AS contested_published,
       sp_b.name AS contested_by, a.id AS claimed_id, b.id AS contested_id
ORDER BY kind, type, subject, object;
