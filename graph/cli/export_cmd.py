"""`geokg export`: graph files (GraphML, GEXF, node-link JSON, CSV) and PLOVER events (JSONL)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Optional

import typer

from graph.cli.graph_read import fail, read_graph, subgraph_filter

FORMAT_HELP = (
    "graphml | gexf | json (networkx node-link) | csv (a folder with nodes.csv + edges.csv) | "
    "plover (event claims as PLOVER records, JSON Lines)"
)


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        format: str = typer.Option(..., "--format", "-f", help=FORMAT_HELP),
        out: Path = typer.Option(..., "--out", "-o", help="File to write (csv: a folder; plover: JSON Lines, e.g. events.jsonl)"),
        types: Optional[list[str]] = typer.Option(
            None, "--type", "-t", help="Relation type(s) from the ontology; repeat or comma-separate. Default: all"
        ),
        since: Optional[datetime] = typer.Option(None, formats=["%Y-%m-%d"], help="Edges/claims seen on or after"),
        until: Optional[datetime] = typer.Option(None, formats=["%Y-%m-%d"], help="Edges/claims seen on or before"),
        min_articles: int = typer.Option(1, help="Evidence floor for article-derived edges"),
        min_claims: int = typer.Option(1, help="Evidence floor for article-derived edges"),
        kinds: Optional[list[str]] = typer.Option(None, "--kind", "-k", help="Entity kinds at both ends, e.g. Country"),
        include_reference: bool = typer.Option(
            False, "--include-reference/--no-reference", help="Add the reference backbone (borders, capitals)"
        ),
        include_negated: bool = typer.Option(
            True, "--include-negated/--no-negated", help="plover: include negated claims (context 'negation')"
        ),
    ) -> None:
        """Write the graph for Gephi/other tools, or the event claims as PLOVER records."""
        from graph import export as ex
        from graph.analytics.pull import fetch_subgraph
        from graph.errors import GraphError

        fmt = format.lower()
        if fmt not in ex.FORMATS:
            raise typer.BadParameter(f"{format!r}; use one of: {', '.join(ex.FORMATS)}", param_hint="--format")
        flt = subgraph_filter(types, since, until, min_articles, min_claims, kinds, include_reference)
        if fmt == "plover":
            try:
                cf = ex.ClaimFilter.from_subgraph_filter(flt, include_negated=include_negated)
            except GraphError as e:  # no event type among --type
                raise fail(e) from e
            # Written while the driver is open: the claims are read page by page.
            n = read_graph(lambda driver, database: ex.write_plover(ex.iter_plover(driver, cf, database), out))
            typer.echo(f"wrote {n} event claims as PLOVER records (JSON Lines) to {out}")
            return
        g = read_graph(lambda driver, database: fetch_subgraph(driver, flt, database))
        try:
            files = ex.write_graph(g, fmt, out, flt)
        except GraphError as e:  # e.g. a csv --out that is a file
            raise fail(e) from e
        typer.echo(
            f"wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} edges as {fmt} to "
            + ", ".join(str(f) for f in files)
        )

