"""`geokg rank`: (re)build every entity's ranked fact edges (graph.ranking).

The loader and the reference backbone keep the rankings as they write; this
is for a graph written without them (before they existed, or by a bulk
import), so its neighbourhood hops stop scanning hubs."""

from __future__ import annotations

import time

import typer

from graph.cli.graph_read import read_graph


def register(app: typer.Typer) -> None:
    @app.command("rank")
    def rank() -> None:
        """Rank every entity's fact edges for the neighbourhood hops (NEO4J_* settings)."""
        from graph.ranking import refresh_all

        started = time.perf_counter()
        done = read_graph(refresh_all)
        typer.echo(f"ranked the fact edges of {done} entities in {time.perf_counter() - started:.1f} s")
