"""`geokg ingest` and `geokg eval`. Each module has `register(app)`; the root
app (api/cli.py) calls it."""
