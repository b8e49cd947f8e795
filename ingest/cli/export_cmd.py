"""`geokg export` (graph files and PLOVER-style claims) and `geokg analytics`
(centrality, communities, balance from the command line).

`geokg analytics` is registered from here (see analytics_cmd) so the CLI's
assembly module does not need to change.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer

FORMAT_HELP = "graphml | gexf | json | csv (a folder with nodes.csv + edges.csv) | plover (claims as events)"


def _day(value: Optional[datetime]) -> Optional[date]:
    return value.date() if value is not None else None


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        format: str = typer.Option(..., "--format", "-f", help=FORMAT_HELP),
        out: Path = typer.Option(..., "--out", "-o", help="File to write (csv: a folder; plover: .json or .jsonl)"),
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
            True, "--include-negated/--no-negated", help="plover: include negated claims (context 'negated')"
        ),
    ) -> None:
        """Write the graph for Gephi/other tools, or the claims as PLOVER-style events."""
        from graph import export as ex
        from graph.analytics.filters import SubgraphFilter
        from graph.analytics.pull import fetch_subgraph
        from graph.driver import create_driver, verify
        from graph.errors import GraphError
        from graph.settings import get_settings

        fmt = format.lower()
        if fmt not in ex.FORMATS:
            raise typer.BadParameter(f"{format!r}; use one of: {', '.join(ex.FORMATS)}", param_hint="--format")
        settings = get_settings()
        try:
            flt = SubgraphFilter.build(
                types=types,
                since=_day(since),
                until=_day(until),
                min_articles=min_articles,
                min_claims=min_claims,
                kinds=kinds,
                include_reference=include_reference,
            )
            driver = create_driver(settings)
            try:
                verify(driver, settings)
                if fmt == "plover":
                    cf = ex.ClaimFilter.from_subgraph_filter(flt, include_negated=include_negated)
                    n = ex.write_plover(ex.iter_plover(driver, cf, settings.database), out, cf)
                    typer.echo(f"wrote {n} claims as PLOVER-style events to {out}")
                    return
                g = fetch_subgraph(driver, flt, settings.database)
            finally:
                driver.close()
            files = ex.write_graph(g, fmt, out, flt)
        except GraphError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(code=1) from e
        typer.echo(
            f"wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} edges as {fmt} to "
            + ", ".join(str(f) for f in files)
        )

    from ingest.cli import analytics_cmd

    analytics_cmd.register(app)
