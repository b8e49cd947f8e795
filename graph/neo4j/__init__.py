"""Templates for the local Neo4j server home: the Maven pom that fetches its jars
and the neo4j.conf written from settings. Read by `graph.server`."""
