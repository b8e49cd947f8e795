"""A second local Neo4j server for bulk-import tests (neo4j-admin import needs
its server stopped, so it cannot be the session's server), and a dump of a
whole graph for comparing two of them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from neo4j import Driver
from neo4j.time import DateTime

from graph.server import install, process
from graph.server.home import home_dir
from graph.settings import Neo4jSettings


def second_server_settings(main: Neo4jSettings, home: Path) -> Neo4jSettings:
    """A managed server in `home` on the main server's ports + 1 (7721/7421 beside
    7720/7420), its jars linked from the main server's home."""
    main_lib = home_dir(main) / "lib"
    lib = home / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    for jar in main_lib.iterdir():
        target = lib / jar.name
        if not target.exists():
            if jar.suffix == ".jar":
                target.symlink_to(jar)
            else:  # the version marker is read, not linked
                target.write_bytes(jar.read_bytes())
    return Neo4jSettings(
        home=home,
        bolt_port=main.bolt_port + 1,
        http_port=main.http_port + 1,
        heap=os.environ.get("NEO4J_HEAP", "512m"),
        pagecache=os.environ.get("NEO4J_PAGECACHE", "256m"),
        uri=None,
        password=None,
    )


@contextmanager
def running(settings: Neo4jSettings) -> Iterator[Neo4jSettings]:
    install.install(settings)
    try:
        yield settings
    finally:
        process.stop(settings)


# When a node or edge was written into the graph (issue 19's change feed):
# two loads of the same claims differ there by construction, so a comparison
# of graphs checks only that the stamp is present.
WRITE_STAMPS = frozenset({"created_at", "updated_at"})


def _stamp(value: Any) -> Any:
    # Present, and a zoned datetime as Cypher's datetime() writes it; anything
    # else shows as a difference.
    if isinstance(value, DateTime) and value.tzinfo is not None:
        return "<stamp>"
    return ("<not a datetime() stamp>", repr(value))


def _value(key: str, value: Any) -> Any:
    return _stamp(value) if key in WRITE_STAMPS else _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, float):
        return round(value, 9)
    return value


def _ranking(entries: Any, edge_of: dict[str, str]) -> tuple[Any, ...]:
    """A ranking list with its element ids replaced by the edges they name."""
    return tuple(edge_of.get(e, e) if isinstance(e, str) else _plain(e) for e in entries)


def dump(driver: Driver, database: str) -> tuple[dict[str, Any], dict[tuple[str, str, str], list[Any]]]:
    """Every node by id (labels and properties) and every relationship by
    (start id, type, end id) with the sorted list of their properties. A text
    band (graph.duplicates) has a `key` instead of an id."""
    nodes: dict[str, Any] = {}
    rels: dict[tuple[str, str, str], list[Any]] = {}
    with driver.session(database=database) as s:
        # The neighbourhood rankings (graph.ranking) list element ids, which
        # differ between two stores: compare the edges they name instead.
        edge_of = {
            r["eid"]: f"{r['a']}-{r['t']}->{r['b']}"
            for r in s.run(
                "MATCH (a)-[x]->(b) RETURN elementId(x) AS eid, coalesce(a.id, a.key) AS a, type(x) AS t,"
                " coalesce(b.id, b.key) AS b"
            )
        }
        for r in s.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"):
            # An empty ranking and none mean the same to a hop (no ranked edges).
            props = {
                k: _ranking(v, edge_of) if k.startswith("top_edges") else _value(k, v)
                for k, v in r["props"].items()
                if not (k.startswith("top_edges") and not v)
            }
            key = f"{sorted(r['labels'])[0]}:{props['id'] if 'id' in props else props['key']}"
            assert key not in nodes, f"two nodes with id {key}"
            nodes[key] = (tuple(sorted(r["labels"])), props)
        for r in s.run(
            "MATCH (a)-[x]->(b) RETURN coalesce(a.id, a.key) AS a, type(x) AS t, coalesce(b.id, b.key) AS b,"
            " properties(x) AS props"
        ):
            props = tuple(sorted((k, _value(k, v)) for k, v in r["props"].items()))
            rels.setdefault((r["a"], r["t"], r["b"]), []).append(props)
    for value in rels.values():
        value.sort()
    return nodes, rels
