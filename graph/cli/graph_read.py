"""What `geokg export` and `geokg analytics` share: the subgraph filter from
their options (an invalid one is a usage error) and one driver for one read
(a database failure is "error: ..." and exit code 1). Imports happen inside
the functions so `geokg --help` stays fast."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

import typer

if TYPE_CHECKING:
    from neo4j import Driver

    from graph.analytics.filters import SubgraphFilter

T = TypeVar("T")


def subgraph_filter(
    types: list[str] | None,
    since: datetime | None,
    until: datetime | None,
    min_articles: int,
    min_claims: int,
    kinds: list[str] | None,
    include_reference: bool,
    preset: str | None = None,
) -> SubgraphFilter:
    from graph.analytics.filters import SubgraphFilter
    from graph.errors import InvalidQuery

    try:
        return SubgraphFilter.build(
            types=types,
            since=since.date() if since else None,
            until=until.date() if until else None,
            min_articles=min_articles,
            min_claims=min_claims,
            kinds=kinds,
            include_reference=include_reference,
            preset=preset,
        )
    except InvalidQuery as e:
        raise typer.BadParameter(str(e)) from e


def fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(code=1)


def read_graph(read: Callable[[Driver, str], T]) -> T:
    """`read(driver, database)` with a verified driver from NEO4J_* settings, closed after."""
    from graph.driver import create_driver, verify
    from graph.errors import GraphError
    from graph.settings import get_settings

    settings = get_settings()
    try:
        driver = create_driver(settings)
        try:
            verify(driver, settings)
            return read(driver, settings.database)
        finally:
            driver.close()
    except GraphError as e:
        raise fail(e) from e
