"""`geokg bulk-import CLAIMS...`: build a new database from claim files.

Exit codes: 0 imported; 2 the import could not run (the database holds
articles, a file is not a claim file, neo4j-admin failed...).
"""

from __future__ import annotations

from pathlib import Path

import typer


def bulk_import_cmd(
    claims: list[Path] = typer.Argument(
        ..., help="Claim files: `geokg ingest --dry-run --out-format records --out FILE.jsonl|FILE.parquet`."
    ),
    batch_size: int = typer.Option(
        32,
        "--batch-size",
        min=1,
        envvar="GEOKG_BATCH_SIZE",
        help="The load batch the graph should equal an online load of (entity aliases keep its order).",
    ),
    reference: bool = typer.Option(True, "--reference/--no-reference", help="Include the reference backbone."),
    work_dir: Path | None = typer.Option(None, "--work-dir", help="Where the CSV files go (default: the temp dir)."),
    keep_files: bool = typer.Option(False, "--keep-files", help="Keep the CSV files and the import report."),
) -> None:
    """Build a NEW database from claim files with neo4j-admin import (refuses one that holds articles)."""
    from graph.bulk.importer import bulk_import
    from graph.errors import GraphError
    from graph.settings import Neo4jSettings

    try:
        report = bulk_import(
            Neo4jSettings(), claims, batch_size=batch_size, reference=reference, work_dir=work_dir,
            keep_files=keep_files, log=lambda m: typer.echo(m, err=True),
        )  # fmt: skip
    except GraphError as e:
        typer.echo(f"geokg bulk-import: {e}", err=True)
        raise typer.Exit(2) from e
    typer.echo(report.summary())


def register(app: typer.Typer) -> None:
    app.command("bulk-import")(bulk_import_cmd)
