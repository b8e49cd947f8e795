"""`geokg ingest`: read articles, extract claims, load them into Neo4j (or,
with --dry-run, write the claims to a JSONL file). Heavy modules (spaCy, the
driver, trafilatura) are imported inside the command so `geokg --help` is fast.

Exit codes: 0 when every article read was loaded (bad input skipped with a
reason is fine); 1 when nothing could be loaded (all input skipped, or nothing
written in a dry run); 2 when the run could not start (bad option, Neo4j not
answering, model missing); 3 when Neo4j stopped answering during the run
(rerun the same command to finish); 4 when some articles were read but failed
to extract or load (listed, with the command to rerun), so a scheduled job
notices a partial load.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ingest.extract import Extractor
    from ingest.pipeline import Sink
    from ingest.report import IngestReport
    from ingest.readers import JsonlFields

EXIT_NOTHING_LOADED = 1
EXIT_CANNOT_START = 2
EXIT_ABORTED = 3
EXIT_SOME_FAILED = 4


def _fail(message: str, code: int = EXIT_CANNOT_START) -> typer.Exit:
    typer.echo(f"geokg ingest: {message}", err=True)
    return typer.Exit(code)


def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories (read recursively) or glob patterns."),
    fmt: str = typer.Option(
        "auto", "--format", "-f", help="auto (by extension, then content), text, html, feed or jsonl."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Extract without a database; write claims to --out."),
    out: str | None = typer.Option(None, "--out", "-o", help="The claims JSONL file of a dry run ('-' for stdout)."),
    batch_size: int | None = typer.Option(
        None, "--batch-size", min=1, help="Articles per nlp.pipe batch and per load (default GEOKG_BATCH_SIZE)."
    ),
    n_process: int | None = typer.Option(None, "--n-process", min=1, help="spaCy processes (default GEOKG_N_PROCESS)."),
    jsonl_fields: str | None = typer.Option(
        None,
        "--jsonl-fields",
        help="JSONL field names, e.g. url=link,text=body,date=published "
        "(keys: url, date, title, text, author, standfirst, outlet, license).",
    ),
    report_json: Path | None = typer.Option(None, "--report-json", help="Also write the report as JSON here."),
    show_progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on stderr."),
) -> None:
    """Ingest news articles: read, extract claims, load into Neo4j (or write them with --dry-run)."""
    from ingest.readers import FORMATS, JsonlFields

    if fmt not in FORMATS:
        raise _fail(f"unknown --format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if dry_run and not out:
        raise _fail("--dry-run writes claims to a file: add --out claims.jsonl (or --out - for stdout)")
    if out and not dry_run:
        raise _fail("--out is for dry runs: add --dry-run, or leave --out out to load into Neo4j")
    try:
        fields = JsonlFields.parse(jsonl_fields)
    except ValueError as e:
        raise _fail(str(e)) from e

    summary_to_stderr = out == "-"
    if dry_run:
        from ingest.pipeline import ClaimsJsonlWriter

        writer = ClaimsJsonlWriter(sys.stdout if out == "-" else Path(out))
        try:
            report = _run(paths, fmt, fields, writer, writer.name, batch_size, n_process, show_progress)
        finally:
            writer.close()
    else:
        report = _run_with_neo4j(paths, fmt, fields, batch_size, n_process, show_progress)

    typer.echo(report.summary(), err=summary_to_stderr)
    if report_json is not None:
        report_json.parent.mkdir(parents=True, exist_ok=True)
        report_json.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if report.aborted:
        raise typer.Exit(EXIT_ABORTED)
    if report.failed:
        rerun = _rerun_command(paths, fmt, jsonl_fields, batch_size, dry_run, out)
        typer.echo(_failed_message(report, rerun), err=True)
        raise typer.Exit(EXIT_SOME_FAILED)
    if report.articles_loaded == 0:
        typer.echo("geokg ingest: nothing was loaded (see the reasons above)", err=True)
        raise typer.Exit(EXIT_NOTHING_LOADED)


def _rerun_command(
    paths: list[str], fmt: str, jsonl_fields: str | None, batch_size: int | None, dry_run: bool, out: str | None
) -> str:
    args = ["geokg", "ingest", *paths]
    if fmt != "auto":
        args += ["--format", fmt]
    if jsonl_fields:
        args += ["--jsonl-fields", jsonl_fields]
    if batch_size:
        args += ["--batch-size", str(batch_size)]
    if dry_run:
        args += ["--dry-run", "--out", out or "-"]
    return shlex.join(args)


def _failed_message(report: IngestReport, rerun: str) -> str:
    lines = [f"geokg ingest: {len(report.failed)} of {report.articles_read} articles read were NOT loaded:"]
    lines += [f"  {s.source} ({s.reason}): {s.detail}" for s in report.failed]
    lines.append(
        "Fix the cause above and rerun (loading is idempotent: what was loaded is not duplicated):\n  " + rerun
    )
    return "\n".join(lines)


def _make_extractor() -> Extractor:
    from ingest.extract import Extractor

    try:
        return Extractor()
    except Exception as e:  # model missing, bad model name...: the message says what to do
        raise _fail(f"could not load the NLP pipeline: {e}") from e


def _run(
    paths: list[str],
    fmt: str,
    fields: JsonlFields,
    sink: Sink,
    sink_name: str,
    batch_size: int | None,
    n_process: int | None,
    show_progress: bool,
) -> IngestReport:
    from tqdm import tqdm

    from ingest.pipeline import Progress, run

    extractor = _make_extractor()
    bar = tqdm(
        desc="ingest",
        file=sys.stderr,
        disable=not show_progress,
        dynamic_ncols=True,
        # The total is unknown while streaming; always show articles per second.
        bar_format="{desc}: {n_fmt} articles [{elapsed}, {rate_noinv_fmt}{postfix}]",
        unit=" articles",
    )

    def on_progress(p: Progress) -> None:
        delta = p.done - bar.n
        if delta > 0:
            bar.update(delta)
        bar.set_postfix(claims=p.report.claims, skipped=len(p.report.skipped), refresh=False)

    try:
        return run(
            paths,
            extractor,
            sink,
            fmt=fmt,
            fields=fields,
            batch_size=batch_size,
            n_process=n_process,
            progress=on_progress,
            sink_name=sink_name,
        )
    finally:
        bar.close()


def _run_with_neo4j(
    paths: list[str],
    fmt: str,
    fields: JsonlFields,
    batch_size: int | None,
    n_process: int | None,
    show_progress: bool,
) -> IngestReport:
    from graph.driver import create_driver, verify
    from graph.errors import GraphError
    from graph.settings import get_settings as graph_settings
    from ingest.settings import get_settings

    settings = graph_settings()
    try:
        driver = create_driver(settings)
    except GraphError as e:
        raise _fail(str(e)) from e
    except Exception as e:  # e.g. the local server's password file is missing
        raise _fail(
            f"cannot connect to Neo4j at {settings.effective_uri}: {e} "
            "(start the local server with `geokg neo4j start`, or set NEO4J_URI and NEO4J_PASSWORD)"
        ) from e
    try:
        try:
            verify(driver, settings)
        except GraphError as e:
            raise _fail(f"{e}; or use --dry-run --out claims.jsonl to extract without a database") from e
        from graph.loader import Loader
        from graph.schema import ensure_schema

        try:
            ensure_schema(driver, settings.database)
        except Exception as e:
            raise _fail(f"could not set up the graph schema in database {settings.database!r}: {e}") from e
        loader = Loader(driver, database=settings.database, batch_size=batch_size or get_settings().batch_size)
        return _run(
            paths, fmt, fields, loader, f"neo4j {settings.effective_uri}/{settings.database}", batch_size, n_process, show_progress
        )
    finally:
        driver.close()


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
