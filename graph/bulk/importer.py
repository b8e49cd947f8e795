"""Build a new database from claim files with `neo4j-admin database import full`.

    1. refuse a database that holds articles (the import replaces the store; an
       existing graph grows with `geokg ingest`, whose loader merges);
    2. write the CSV files (graph.bulk.csvfiles) -- the graph the online loader
       would build, reference backbone included;
    3. stop the local server, import (offline, --overwrite-destination: the store
       held at most the schema and the backbone, which the files include), start it;
    4. create the schema (graph.schema.ensure_schema) and wait for its indexes.

Only the local server (NEO4J_HOME) can be built this way: neo4j-admin writes
the store files directly, so it must run where they are.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.server import admin, process
from graph.server.home import home_dir
from graph.server.install import is_installed
from graph.bulk.csvfiles import ADMIN_ARRAY_DELIMITER, ImportFiles, write_import_files
from graph.bulk.records import read_records
from graph.errors import GraphError
from graph.settings import Neo4jSettings

Log = Callable[[str], None]

# The import tool's JVM heap; its large buffers are off-heap (--max-off-heap-memory).
ADMIN_HEAP = "1g"
# The loader's batch of `geokg ingest` (GEOKG_BATCH_SIZE's default): alias order
# depends on it (see graph.bulk.aggregate), so the import replays it.
DEFAULT_BATCH_SIZE = 32

# Set after the import, once the id constraint can find the nodes: an empty CSV
# array field is no property, but the loader stores [] (aliases of most entities).
_SET_EMPTY_ARRAY = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e[$property] = []
"""
_EMPTY_ARRAY_BATCH = 10_000


class BulkImportError(GraphError):
    """The bulk import could not run or failed; the message says what to do."""


@dataclass(slots=True)
class BulkImportReport:
    files: ImportFiles
    csv_seconds: float
    import_seconds: float
    schema_seconds: float

    @property
    def seconds(self) -> float:
        return self.csv_seconds + self.import_seconds + self.schema_seconds

    @property
    def claims_per_second(self) -> float:
        return self.files.claims / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        c = self.files.counts
        return (
            f"bulk import: {c.get('articles', 0)} articles, {c.get('claims', 0)} claims, "
            f"{c.get('entities', 0)} entities, {c.get('fact_edges', 0)} fact edges, "
            f"{c.get('reference_edges', 0)} reference edges in {self.seconds:.1f} s "
            f"({self.claims_per_second:,.0f} claims/s: files {self.csv_seconds:.1f} s, "
            f"neo4j-admin {self.import_seconds:.1f} s, schema {self.schema_seconds:.1f} s)"
        )


def _quiet(_: str) -> None:
    return None


def articles_stored(settings: Neo4jSettings) -> int:
    from graph.driver import create_driver

    driver = create_driver(settings)
    try:
        with driver.session(database=settings.database) as session:
            return int(session.run("MATCH (a:Article) RETURN count(a) AS n").single(strict=True)["n"])
    finally:
        driver.close()


def _refuse_populated(settings: Neo4jSettings, log: Log) -> None:
    home = home_dir(settings)
    if not (home / "data" / "databases" / settings.database).exists():
        return  # never started with this database: nothing to lose
    was_running = process.status(settings).running
    if not was_running:
        log("Starting Neo4j to check that the database holds no articles...")
        process.start(settings, log=log)
    n = articles_stored(settings)
    if n:
        raise BulkImportError(
            f"database {settings.database!r} already holds {n} articles; a bulk import builds a NEW database "
            "and would replace them. Add claims to an existing graph with `geokg ingest` (its loader merges), "
            "or point NEO4J_HOME at a fresh server."
        )


def run_admin_import(settings: Neo4jSettings, files: ImportFiles, log: Log = _quiet) -> None:
    """neo4j-admin database import full over `files`; the server must be stopped."""
    report = files.directory / "import.report"
    args = [
        "database", "import", "full", settings.database,
        "--overwrite-destination=true",
        "--id-type=string",
        "--multiline-fields=true",
        f"--array-delimiter={ADMIN_ARRAY_DELIMITER}",
        f"--report-file={report}",
        *(f"--nodes={n}" for n in files.nodes),
        *(f"--relationships={r}" for r in files.relationships),
    ]  # fmt: skip
    log_path = files.directory / "neo4j-admin.log"
    result = admin.run_admin(settings, args, heap=ADMIN_HEAP, log_path=log_path)
    if result.returncode != 0:
        tail = "\n".join(log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-20:])
        raise BulkImportError(
            f"neo4j-admin database import failed (exit {result.returncode}); see {log_path} and {report}:\n{tail}"
        )


def bulk_import(
    settings: Neo4jSettings,
    paths: Iterable[str | Path],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    reference: bool = True,
    work_dir: Path | None = None,
    keep_files: bool = False,
    log: Log = _quiet,
) -> BulkImportReport:
    """Build `settings.database` of the local server from the claim files at `paths`."""
    if not settings.managed:
        raise BulkImportError(
            f"NEO4J_URI is set ({settings.uri}): a bulk import writes the store files of the local server "
            "(NEO4J_HOME) and cannot reach a remote one. Unset NEO4J_URI, or use `geokg ingest`."
        )
    if not is_installed(settings):
        raise BulkImportError(f"Neo4j is not installed in {home_dir(settings)}: run `geokg neo4j install`.")
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.is_file():
            raise BulkImportError(f"claim file {path} does not exist")
    _refuse_populated(settings, log)

    directory = Path(tempfile.mkdtemp(prefix="geokg-import-", dir=work_dir))
    try:
        began = time.perf_counter()
        log(f"Writing import files to {directory}...")
        try:
            files = write_import_files(lambda: read_records(paths), directory, batch_size=batch_size, reference=reference)
        except ValueError as e:  # NotARecordFile, BadRecord: the message names the file and the fix
            raise BulkImportError(str(e)) from e
        csv_seconds = time.perf_counter() - began

        began = time.perf_counter()
        if process.stop(settings, log=log):
            log("Stopped Neo4j for the import.")
        log(f"neo4j-admin: importing {files.claims} claims of {files.articles} articles...")
        run_admin_import(settings, files, log)
        process.start(settings, log=log)
        import_seconds = time.perf_counter() - began

        began = time.perf_counter()
        _create_schema(settings, files)
        schema_seconds = time.perf_counter() - began
        return BulkImportReport(files, csv_seconds, import_seconds, schema_seconds)
    finally:
        if not keep_files:
            shutil.rmtree(directory, ignore_errors=True)


def _create_schema(settings: Neo4jSettings, files: ImportFiles) -> None:
    from graph.driver import create_driver
    from graph.ranking import refresh_all
    from graph.schema import ensure_schema

    driver = create_driver(settings)
    try:
        ensure_schema(driver, settings.database)
        with driver.session(database=settings.database) as session:
            for name, ids in files.empty_arrays.items():
                for start in range(0, len(ids), _EMPTY_ARRAY_BATCH):
                    chunk = ids[start : start + _EMPTY_ARRAY_BATCH]
                    session.execute_write(lambda tx, c=chunk, n=name: tx.run(_SET_EMPTY_ARRAY, ids=c, property=n).consume())
        # The neighbourhood rankings the loader keeps as it writes (graph.ranking)
        # hold element ids, which exist only once the store does.
        refresh_all(driver, settings.database)
    finally:
        driver.close()


__all__ = ["BulkImportError", "BulkImportReport", "bulk_import", "run_admin_import"]
