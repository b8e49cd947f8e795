"""`geokg neo4j`, `init`, `analytics` and `export`: the commands that drive the
graph package. Each module has `register(app)`; the root app (api/cli.py)
calls it. Heavy imports (the driver, networkx) happen inside the commands."""
