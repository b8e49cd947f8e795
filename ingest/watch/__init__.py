"""`geokg watch`: keep the graph up to date from RSS/Atom feeds and folders.

    fetch    the polite HTTP client (User-Agent, robots.txt, per-host rate, retries)
    sources  feeds and folders: what is new since the state last saw it
    state    the SQLite file of what each source last gave (survives restarts)
    watcher  rounds: poll, ingest through ingest.pipeline, remember what loaded
    cli      the `watch`, `changes` and `contested` commands
"""
