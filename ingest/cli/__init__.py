"""The `geokg` command. Each sub-command lives in its own module and registers
itself; heavy imports (spaCy, the driver) happen inside the commands."""

from __future__ import annotations

import typer

from ingest.cli import analytics_cmd, eval_cmd, export_cmd, ingest_cmd, neo4j_cmd, serve_cmd

app = typer.Typer(
    name="geokg",
    help="A knowledge graph of geopolitical entities built from news.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def main() -> None:
    """A knowledge graph of geopolitical entities built from news."""


for module in (neo4j_cmd, ingest_cmd, eval_cmd, analytics_cmd, export_cmd, serve_cmd):
    module.register(app)

# TEMPORARY (scale-ray): the lead registers bulk-import in the root app after the layout merge.
from graph.bulk import bulk_import_cmd  # noqa: E402

bulk_import_cmd.register(app)


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
