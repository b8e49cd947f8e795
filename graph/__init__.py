"""Everything Neo4j: settings, driver, schema, Cypher, loader, repository, analytics.

`graph` imports neither `ingest` nor `api`; both of those import it.
"""
