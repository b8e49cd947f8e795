"""Constraints and indexes of the geokg graph.

Every key the loader MERGEs on has a uniqueness constraint (which also gives
the index MERGE needs); kind labels (:Country, :City, ...) share the :Entity
constraint because every entity node carries :Entity. Full-text indexes serve
name search in the API; range indexes serve date filters. Every statement is
`IF NOT EXISTS`, so `ensure_schema` can run at every start.
"""

from __future__ import annotations

from neo4j import Driver

# Names are part of the interface: the API queries the full-text indexes by name.
ENTITY_NAMES_INDEX = "entity_names"
# Over the title, standfirst and text (the loader stores the text): an
# article is found by any word it contains, not only by its title's.
ARTICLE_TEXT_INDEX = "article_text"

CONSTRAINTS: tuple[str, ...] = (
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE",
    # Locality-sensitive bands of article fingerprints (graph.duplicates).
    "CREATE CONSTRAINT text_band_key IF NOT EXISTS FOR (b:TextBand) REQUIRE b.key IS UNIQUE",
)

INDEXES: tuple[str, ...] = (
    # Full-text: Lucene indexes over the name and every alias (a string list).
    f"CREATE FULLTEXT INDEX {ENTITY_NAMES_INDEX} IF NOT EXISTS "
    "FOR (e:Entity) ON EACH [e.name, e.aliases]",
    f"CREATE FULLTEXT INDEX {ARTICLE_TEXT_INDEX} IF NOT EXISTS "
    "FOR (a:Article) ON EACH [a.title, a.standfirst, a.text]",
    # Range indexes for the filters the API and Browser queries use.
    "CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)",
    "CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published)",
    "CREATE INDEX article_outlet IF NOT EXISTS FOR (a:Article) ON (a.outlet)",
    "CREATE INDEX claim_event_date IF NOT EXISTS FOR (c:Claim) ON (c.event_date)",
    "CREATE INDEX claim_type IF NOT EXISTS FOR (c:Claim) ON (c.type)",
    # The fact-edge recompute (and the API's evidence) finds the claims of one
    # (subject, object, type) key by an index seek: never an expansion of every
    # claim of a hub entity, nor a read of every other type's claims between a
    # busy pair (at 1,000,000 claims that was ~150 claim reads per claim loaded).
    "CREATE INDEX claim_key IF NOT EXISTS FOR (c:Claim) ON (c.subject_id, c.object_id, c.type)",
)

# Indexes of earlier versions that claim_key supersedes: dropped, since every
# index costs each claim written an entry. (`IF EXISTS`: a no-op once gone.)
# (article_titles: the title-only full-text index that article_text replaced.)
OBSOLETE_INDEXES: tuple[str, ...] = ("claim_pair", "article_titles")

AWAIT_INDEXES_SECONDS = 300


def schema_statements() -> tuple[str, ...]:
    """Every schema statement, constraints first (they create their own indexes)."""
    return CONSTRAINTS + INDEXES


def ensure_schema(driver: Driver, database: str = "neo4j") -> None:
    """Create the constraints and indexes that do not exist yet, then wait until
    every index is online (a MERGE before that would scan labels)."""
    # Schema commands cannot share a transaction with each other's data writes;
    # one auto-commit statement each is the documented way.
    with driver.session(database=database) as session:
        for name in OBSOLETE_INDEXES:
            session.run(f"DROP INDEX {name} IF EXISTS").consume()
        for statement in schema_statements():
            session.run(statement).consume()
        session.run(f"CALL db.awaitIndexes({AWAIT_INDEXES_SECONDS})").consume()
