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
