"""The ingest pipeline on a Ray cluster, with Ray Data.

    split    here: the input paths expanded to files (a missing path is a skip)
    read     Ray tasks: each file through the local readers (ingest.readers.read_file)
    extract  an ActorPool of `workers` actors, each loading the spaCy pipeline ONCE
             and running the local engine's ExtractionStream over its batches
    load     here: one batched writer (graph.loader.Loader, or a claims/records file)

Rows travel as (kind, pickled payload): an Article, an Extraction, a Skipped or
a ReadWarning. Ray Data's blocks are Arrow tables and these are frozen
dataclasses with enums and dates; pickling keeps them exactly as the local
engine builds them, so the same input gives the same claims.

What makes the output the local engine's: order is preserved
(`preserve_order`), so this process sees the articles in read order and
deduplicates them with ONE Deduper, as `read_paths` does across files (each
read task only reads; within-file duplicates are caught here too); skips and
warnings are the readers' own, extraction failures are the ExtractionStream's
(one article redone alone, the failing one skipped with its reason), and
loading is `ingest.pipeline.load_stage`, with its retries and abort.

Memory stays bounded whatever the input size: Ray Data's streaming executor
runs the stages concurrently with backpressure (a stage whose output is not
consumed stops being scheduled), and the object store budget given to it
(`OBJECT_STORE_BUDGET`) caps what is in flight; files are read as streams of
small blocks, never whole.

A worker that dies mid-run (its actor killed, its node gone) is restarted and
its batch resubmitted by Ray Data (actors are restartable, tasks retried):
every article comes out once, because rows are only counted here, in order.
"""

from __future__ import annotations

import os
import pickle
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import ray

from graph.models import Article, Extraction
from ingest.pipeline import ExtractionStream, Progress, ProgressCallback, Sink, batches, load_stage
from ingest.readers import Deduper, JsonlFields, ReadWarning, Skipped, expand_paths
from ingest.readers import results
from ingest.report import IngestReport

ARTICLE = "article"
EXTRACTION = "extraction"
FAILED = "failed"
SKIPPED = "skipped"
WARNING = "warning"

# Articles per block out of a read task, and per extraction call on an actor.
READ_BLOCK_ARTICLES = 16
# Bytes of Ray's object store the run may fill with blocks in flight; past it the
# executor stops scheduling reads until the actors and this process catch up.
OBJECT_STORE_BUDGET = 256 * 1024 * 1024
# Reading is cheap next to spaCy; a small CPU share lets read tasks run beside
# actors that hold the cores (a whole CPU each would starve them).
READ_TASK_CPUS = 0.1
EXTRACT_ACTOR_CPUS = 0.9


@dataclass(frozen=True, slots=True)
class RayOptions:
    address: str | None = None  # None: start a local Ray with this machine's cores
    workers: int | None = None  # extraction actors; None: the cluster's CPUs
    batch_size: int = 32  # articles per extraction call on an actor


def _rows(items: list[tuple[str, Any]]) -> dict[str, np.ndarray]:
    kinds = np.array([kind for kind, _ in items], dtype=object)
    payloads = np.empty(len(items), dtype=object)
    payloads[:] = [pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL) for _, obj in items]
    return {"kind": kinds, "payload": payloads}


def read_files(batch: dict[str, np.ndarray], fmt: str, fields: JsonlFields) -> Iterator[dict[str, np.ndarray]]:
    """A read task: each file through the local readers, in small blocks (a
    generator, so a large file is never held whole). A reader that fails on a
    file is a skip, as `read_paths` reports it."""
    from ingest.readers import read_file

    for path in batch["path"]:
        block: list[tuple[str, Any]] = []
        try:
            for item in read_file(path, fmt, fields):
                if isinstance(item, Article):
                    # Where a duplicate is reported from, as read_paths says it.
                    block.append((ARTICLE, (item, item.source or item.url or str(path))))
                else:
                    block.append((WARNING if isinstance(item, ReadWarning) else SKIPPED, item))
                if len(block) >= READ_BLOCK_ARTICLES:
                    yield _rows(block)
                    block = []
        except Exception as e:
            block.append((SKIPPED, Skipped(str(path), results.UNREADABLE, f"the reader failed: {type(e).__name__}: {e}")))
        if block:
            yield _rows(block)


class ExtractActor:
    """Loads the NLP pipeline once; extracts the articles of each batch it gets
    with the local engine's ExtractionStream (a failing article becomes its
    skip, the rest of the batch is extracted). Other rows pass through."""

    def __init__(self, batch_size: int) -> None:
        from ingest.extract import Extractor

        self.extractor = Extractor()
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        items = [(kind, pickle.loads(payload)) for kind, payload in zip(batch["kind"], batch["payload"])]
        articles = [obj[0] for kind, obj in items if kind == ARTICLE]
        report = IngestReport()
        # Both in input order: the stream yields the extracted ones, the report
        # lists the failed ones.
        extracted = deque(ExtractionStream(self.extractor, articles, report, self.batch_size))
        failures = deque(report.skipped)
        out: list[tuple[str, Any]] = []
        for kind, obj in items:
            if kind != ARTICLE:
                out.append((kind, obj))
                continue
            article, where = obj
            if extracted and extracted[0].article is article:
                out.append((EXTRACTION, (extracted.popleft(), where)))
            else:
                out.append((FAILED, (article, where, failures.popleft())))
        return _rows(out)


def connect(address: str | None) -> None:
    """Join the cluster at `address`, or start a local Ray on this machine's cores."""
    if ray.is_initialized():
        return
    common: dict[str, Any] = {"logging_level": "warning", "log_to_driver": False, "configure_logging": True}
    if address:
        ray.init(address=address, **common)
    else:
        ray.init(num_cpus=os.cpu_count() or 1, include_dashboard=False, **common)


def _cluster_cpus() -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def extraction_rows(
    files: list[str], fmt: str, fields: JsonlFields, options: RayOptions
) -> Iterator[tuple[str, Any]]:
    """(kind, object) in input order, streamed from the cluster."""
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.execution_options.resource_limits = ctx.execution_options.resource_limits.copy(
        object_store_memory=OBJECT_STORE_BUDGET
    )
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    workers = options.workers or _cluster_cpus()
    # One row per file: Ray Data spreads the files over read tasks.
    ds = ray.data.from_items([{"path": f} for f in files], override_num_blocks=max(1, min(len(files), 4 * workers)))
    ds = ds.map_batches(read_files, batch_size=1, fn_kwargs={"fmt": fmt, "fields": fields}, num_cpus=READ_TASK_CPUS)
    ds = ds.map_batches(
        ExtractActor,
        fn_constructor_kwargs={"batch_size": options.batch_size},
        batch_size=options.batch_size,
        # Ray Data's actors are restartable and their tasks retried by default
        # (max_restarts=-1, max_task_retries=-1): a dead actor's batch is redone.
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=EXTRACT_ACTOR_CPUS,
    )
    for batch in ds.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=2):
        for kind, payload in zip(batch["kind"], batch["payload"]):
            yield str(kind), pickle.loads(payload)


def run(
    paths: list[str],
    sink: Sink,
    *,
    fmt: str = "auto",
    fields: JsonlFields | None = None,
    batch_size: int | None = None,
    progress: ProgressCallback | None = None,
    sink_name: str | None = None,
    options: RayOptions | None = None,
) -> IngestReport:
    """`ingest.pipeline.run` with read and extract on Ray: same report, same claims."""
    from ingest.settings import get_settings

    batch_size = batch_size or get_settings().batch_size
    options = options or RayOptions(batch_size=batch_size)
    fields = fields or JsonlFields()
    report = IngestReport(sink=sink_name or getattr(sink, "name", None) or type(sink).__name__)
    started = time.perf_counter()
    files: list[str] = []
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            files.append(str(item))
    connect(options.address)
    deduper = Deduper()
    pending: list[Extraction] = []

    def extractions() -> Iterator[Extraction]:
        if not files:
            return
        for kind, obj in extraction_rows(files, fmt, fields, options):
            if kind == WARNING:
                report.warnings.append(obj)
                continue
            if kind == SKIPPED:
                report.skipped.append(obj)
                if progress is not None:
                    progress(Progress("read", report))
                continue
            article, where = (obj[0].article, obj[1]) if kind == EXTRACTION else (obj[0], obj[1])
            duplicate = deduper.check(article, where)
            if duplicate is not None:
                report.skipped.append(duplicate)
                continue
            report.articles_read += 1
            if kind == FAILED:  # reported as the local engine's ExtractionStream reports it
                report.skipped.append(obj[2])
                continue
            report.articles_extracted += 1
            pending.append(obj[0])
            yield obj[0]

    stream = extractions()
    try:
        for batch in batches(stream, batch_size):
            load_stage(sink, batch, report)
            pending.clear()
            report.seconds = time.perf_counter() - started
            if progress is not None:
                progress(Progress("load", report))
            if report.aborted:
                break
    finally:
        stream.close()
    if report.aborted:
        for ex in pending:
            report.skipped.append(
                Skipped(ex.article.source or ex.article.url or ex.article.id, results.LOAD_FAILED,
                        "not loaded: the run stopped (see above)")
            )  # fmt: skip
    report.seconds = time.perf_counter() - started
    if progress is not None:
        progress(Progress("report", report))
    return report


__all__ = ["RayOptions", "connect", "run"]
