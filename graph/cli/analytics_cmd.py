"""`geokg analytics centrality|communities|balance`: the API's analytics from
the command line. Text summary by default, the full
result (with the edges each figure rests on) with --json."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

import typer

from graph.cli.graph_read import read_graph, subgraph_filter

if TYPE_CHECKING:
    import networkx as nx

    from graph.analytics.filters import SubgraphFilter

analytics_app = typer.Typer(help="Centrality, communities and structural balance of the fact-edge graph.")


def _subgraph(flt: SubgraphFilter) -> nx.MultiDiGraph:
    from graph.analytics.pull import fetch_subgraph

    return read_graph(lambda driver, database: fetch_subgraph(driver, flt, database))


def _emit_json(result: Any) -> None:
    typer.echo(json.dumps(dataclasses.asdict(result), indent=2, ensure_ascii=False))


# Shared options (typer has no option groups; the same defaults as the API).
TYPES = typer.Option(None, "--type", "-t", help="Relation type(s); repeat or comma-separate. Default: all")
SINCE = typer.Option(None, formats=["%Y-%m-%d"], help="Edges last seen on or after")
UNTIL = typer.Option(None, formats=["%Y-%m-%d"], help="Edges first seen on or before")
MIN_ARTICLES = typer.Option(1, help="Evidence floor: distinct articles per edge")
MIN_CLAIMS = typer.Option(1, help="Evidence floor: claims per edge")
KINDS = typer.Option(None, "--kind", "-k", help="Entity kinds at both ends, e.g. Country")
REFERENCE = typer.Option(False, "--include-reference/--no-reference", help="Add the reference backbone")
LIMIT = typer.Option(10, help="How many rows to show")
AS_JSON = typer.Option(False, "--json", help="Print the full result as JSON")
PRESET = typer.Option(None, help="events: event-like types only; structure: standing relations only")


@analytics_app.command("centrality")
def centrality_cmd(
    types: Optional[list[str]] = TYPES,
    since: Optional[datetime] = SINCE,
    until: Optional[datetime] = UNTIL,
    min_articles: int = MIN_ARTICLES,
    min_claims: int = MIN_CLAIMS,
    kinds: Optional[list[str]] = KINDS,
    include_reference: bool = REFERENCE,
    preset: Optional[str] = PRESET,
    limit: int = LIMIT,
    by: str = typer.Option(
        "pagerank", help="pagerank | betweenness | degree | strength | in_strength | out_strength | signed_strength"
    ),
    rank_kinds: Optional[list[str]] = typer.Option(
        None, "--rank-kind", help="Only list these kinds (e.g. Country); the measures use the whole subgraph"
    ),
    as_json: bool = AS_JSON,
) -> None:
    """The most central entities."""
    from graph.analytics.centrality import SORT_KEYS, centrality
    from graph.analytics.filters import entity_kinds
    from graph.errors import InvalidQuery

    if by not in SORT_KEYS:
        raise typer.BadParameter(f"use one of: {', '.join(SORT_KEYS)}", param_hint="--by")
    flt = subgraph_filter(types, since, until, min_articles, min_claims, kinds, include_reference, preset)
    try:
        listed = entity_kinds(rank_kinds)
    except InvalidQuery as e:
        raise typer.BadParameter(str(e), param_hint="--rank-kind") from e
    r = centrality(_subgraph(flt), sort_by=by, limit=limit, kinds=listed)
    if as_json:
        return _emit_json(r)
    typer.echo(f"{r.node_count} entities, {r.edge_count} fact edges, {r.dyad_count} dyads; by {r.sort_by}")
    typer.echo(f"{'entity':32} {'kind':12} {'pagerank':>9} {'between':>8} {'deg':>4} {'in':>5} {'out':>5} {'signed':>8}")
    for n in r.nodes:
        typer.echo(
            f"{n.name[:32]:32} {str(n.kind)[:12]:12} {n.pagerank:9.4f} {n.betweenness:8.4f} {n.degree:4d} "
            f"{n.in_strength:5d} {n.out_strength:5d} {n.signed_strength:8.1f}"
        )


@analytics_app.command("communities")
def communities_cmd(
    types: Optional[list[str]] = TYPES,
    since: Optional[datetime] = SINCE,
    until: Optional[datetime] = UNTIL,
    min_articles: int = MIN_ARTICLES,
    min_claims: int = MIN_CLAIMS,
    kinds: Optional[list[str]] = KINDS,
    include_reference: bool = REFERENCE,
    preset: Optional[str] = PRESET,
    limit: int = LIMIT,
    as_json: bool = AS_JSON,
) -> None:
    """Louvain communities of entities reported together."""
    from graph.analytics.communities import communities

    flt = subgraph_filter(types, since, until, min_articles, min_claims, kinds, include_reference, preset)
    r = communities(_subgraph(flt), limit=limit)
    if as_json:
        return _emit_json(r)
    typer.echo(f"{r.community_count} communities over {r.node_count} entities; modularity {r.modularity:.3f}")
    for c in r.communities:
        names = ", ".join(m.name for m in c.members[:12]) + (" ..." if c.size > 12 else "")
        mix = c.sign_mix
        signs = f"{mix.positive} positive, {mix.negative} negative, {mix.neutral} neutral dyads"
        typer.echo(f"[{c.index}] {c.label} ({c.tone}: {signs})")
        typer.echo(f"     {c.size:3d} members, {c.internal_weight} claims inside: {names}")


@analytics_app.command("balance")
def balance_cmd(
    types: Optional[list[str]] = TYPES,
    since: Optional[datetime] = SINCE,
    until: Optional[datetime] = UNTIL,
    min_articles: int = MIN_ARTICLES,
    min_claims: int = MIN_CLAIMS,
    kinds: Optional[list[str]] = KINDS,
    include_reference: bool = REFERENCE,
    preset: Optional[str] = PRESET,
    limit: int = LIMIT,
    as_json: bool = AS_JSON,
) -> None:
    """Signed dyads, (un)balanced triangles, enemy-of-my-enemy candidates and blocs."""
    from graph.analytics.balance import balance

    flt = subgraph_filter(types, since, until, min_articles, min_claims, kinds, include_reference, preset)
    r = balance(_subgraph(flt), limit=limit)
    if as_json:
        return _emit_json(r)
    ratio = f"{r.balance_ratio:.2f}" if r.balance_ratio is not None else "n/a"
    typer.echo(
        f"{r.positive_dyads} positive, {r.negative_dyads} negative, {r.neutral_dyads} neutral dyads; "
        f"{r.triangle_count} signed triangles ({r.balanced_count} balanced, {r.unbalanced_count} unbalanced, "
        f"ratio {ratio}); patterns {r.patterns}"
    )
    typer.echo("unbalanced triangles:")
    for t in r.unbalanced_triangles:
        parts = ", ".join(f"{d.a_name}-{d.b_name} {d.net:+.1f}" for d in t.dyads)
        typer.echo(f"  {t.pattern} {' / '.join(t.names)}: {parts}")
    typer.echo("enemy-of-my-enemy candidates:")
    for e in r.enemy_of_enemy:
        typer.echo(f"  {e.a_name} & {e.c_name} (common enemies: {', '.join(e.common_enemy_names)}; A-C sign {e.ac_sign})")
    typer.echo(f"blocs (frustration {r.frustration}):")
    for b in r.blocs:
        typer.echo(f"  [{b.index}] {', '.join(b.names)}")


def register(app: typer.Typer) -> None:
    app.add_typer(analytics_app, name="analytics")
