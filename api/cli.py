"""The `geokg` command: the root app, `version` and `serve` (the API is the top
layer, so the root lives here). The other commands live beside what they drive
and register themselves: `neo4j`, `init`, `analytics`, `export`, `bulk-import`,
`rank` in graph/cli/; `ingest`, `eval`, `explain` in ingest/cli/; `watch`, `changes`,
`contested` in ingest/watch/. Heavy imports (spaCy, the driver, uvicorn) happen
inside the commands so `geokg --help` stays fast."""

from __future__ import annotations

import typer

from graph.cli import analytics_cmd, bulk_import_cmd, export_cmd, neo4j_cmd, rank_cmd
from ingest.cli import eval_cmd, explain_cmd, ingest_cmd
from ingest.watch import cli as watch_cli

app = typer.Typer(
    name="geokg",
    help="A knowledge graph of geopolitical entities built from news.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def main() -> None:
    """A knowledge graph of geopolitical entities built from news."""


for module in (
    neo4j_cmd, ingest_cmd, eval_cmd, explain_cmd, analytics_cmd, export_cmd, bulk_import_cmd, rank_cmd, watch_cli,
):
    module.register(app)


@app.command()
def serve(
    host: str = typer.Option(None, help="Address to listen on (default: GEOKG_API_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default: GEOKG_API_PORT, 8000)."),
    workers: int = typer.Option(
        None, min=1, help="Worker processes sharing nothing but Neo4j, each with its own driver "
        "(default: GEOKG_API_WORKERS, 1). About one per core left to the API beside Neo4j.",
    ),
    log_level: str = typer.Option("info", help="uvicorn log level."),
) -> None:
    """Serve the API (OpenAPI docs at /docs). Neo4j settings come from NEO4J_*."""
    import uvicorn

    from api.settings import get_settings

    settings = get_settings()
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        timeout_keep_alive=settings.keep_alive_s,
        log_level=log_level,
        proxy_headers=False,
    )


@app.command()
def version() -> None:
    """Print the versions of geokg, its ontology and its extractor."""
    from importlib.metadata import version as dist_version

    from graph.ontology import ONTOLOGY_VERSION
    from ingest.relations import EXTRACTOR_NAME, EXTRACTOR_VERSION

    typer.echo(
        f"geokg {dist_version('geokg')} (ontology v{ONTOLOGY_VERSION}, "
        f"extractor {EXTRACTOR_NAME} {EXTRACTOR_VERSION})"
    )
