"""The ingest pipeline: ordered, named stages over plain data.

    read     paths / articles   -> Article (Skipped and ReadWarning recorded)
    extract  the Article stream -> Extraction stream (ONE Extractor.extract call, i.e. one nlp.pipe)
    load     Extraction batches -> a sink: graph.loader.Loader, or ClaimsJsonlWriter for dry runs
    report   IngestReport, returned, never printed

The stages are chained lazily: the reader feeds nlp.pipe as spaCy asks for
input, and spaCy's output is grouped into load batches, so memory holds a few
batches and never the whole corpus. Each stage can be called alone. Bad input
and a failing article are recorded in the report and the run goes on; only a
sink that stops answering (Neo4j down) ends the run early, with
`report.aborted` saying so.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from graph.models import Article, Extraction, to_record
from graph.ontology import DEFAULT_FACT_MODALITIES, Modality, Polarity, is_fact
from ingest.readers import Deduper, JsonlFields, ReadWarning, Skipped, read_paths
from ingest.readers import results
from ingest.report import IngestReport

STAGES = ("read", "extract", "load", "report")


class ExtractorLike(Protocol):
    """What the pipeline needs of ingest.extract.Extractor."""

    def extract(
        self, articles: Iterable[Article], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Extraction]: ...

    def extract_one(self, article: Article) -> Extraction: ...


class Sink(Protocol):
    """What the pipeline needs of graph.loader.Loader: `load` returns a report
    with at least `articles` and `fact_edges` (graph.loader.LoadReport)."""

    def load(self, extractions: Sequence[Extraction]) -> Any: ...


@dataclass(frozen=True, slots=True)
class Progress:
    """Handed to the progress callback after each batch."""

    stage: str
    report: IngestReport

    @property
    def done(self) -> int:
        """Inputs finished so far: articles loaded or failed, plus skips."""
        return self.report.articles_loaded + len(self.report.skipped)


ProgressCallback = Callable[[Progress], None]


# --- read -----------------------------------------------------------------


def read_stage(
    sources: str | Path | Article | Iterable[str | Path | Article],
    fmt: str = "auto",
    fields: JsonlFields | None = None,
    deduper: Deduper | None = None,
) -> Iterator[Article | Skipped | ReadWarning]:
    """Paths (files, directories, globs) through the readers, Articles as they
    are; duplicates (same id or text) across all of them become Skipped."""
    if isinstance(sources, (str, Path, Article)):
        sources = [sources]
    deduper = deduper or Deduper()
    for source in sources:
        if isinstance(source, Article):
            duplicate = deduper.check(source, source.url or source.source or source.id)
            yield duplicate if duplicate is not None else source
        else:
            yield from read_paths([source], fmt, fields, warnings=True, deduper=deduper)


# --- extract ----------------------------------------------------------------


def _where(article: Article) -> str:
    # As the readers report: the file line or feed entry first, then the URL.
    return article.source or article.url or article.id


def _extract_alone(extractor: ExtractorLike, article: Article, report: IngestReport) -> Iterator[Extraction]:
    """One article on its own; a failure becomes its skip, with the reason."""
    try:
        if hasattr(extractor, "extract_one"):
            extraction = extractor.extract_one(article)
        else:
            extraction = next(iter(extractor.extract([article])))
    except Exception as e:  # one article's failure must not end the run
        report.skipped.append(Skipped(_where(article), results.EXTRACTION_FAILED, f"{type(e).__name__}: {e}"))
        return
    report.articles_extracted += 1
    yield extraction


class ExtractionStream:
    """Every article of a run through ONE `extractor.extract` call.

    spaCy starts its worker processes once per `nlp.pipe` call and, at the
    end of a call, waits for the slowest one; calling it per chunk of
    articles paid both again and again, and the workers sat idle while this
    process loaded the chunk. Here the articles are pulled lazily from
    `articles` as spaCy asks for them (it reads a few batches ahead, so its
    workers keep going while a batch loads), and Extractions come out in
    input order.

    When the extractor's stream breaks (a spaCy component or worker raised),
    the articles it had taken and not returned are redone one by one, so only
    the failing ones are skipped (with their reason), and the rest of the input
    goes through a new stream. Articles the extractor leaves out are redone
    the same way. Iterate once; `close()` stops spaCy's workers early and
    `unfinished()` then lists the articles taken but not returned.
    """

    def __init__(
        self,
        extractor: ExtractorLike,
        articles: Iterable[Article],
        report: IngestReport,
        batch_size: int = 32,
        n_process: int = 1,
    ) -> None:
        self.extractor = extractor
        self.report = report
        self.batch_size = batch_size
        self.n_process = n_process
        self._source = iter(articles)
        # Handed to the extractor, not yet out: spaCy's read-ahead (a few
        # batches per process), so this stays small.
        self._pending: deque[Article] = deque()
        self._current: Iterator[Extraction] | None = None
        self._source_failed = False
        self._stream = self._run()

    def __iter__(self) -> Iterator[Extraction]:
        return self._stream

    def unfinished(self) -> list[Article]:
        return list(self._pending)

    def close(self) -> None:
        self._stream.close()
        self._close_current()

    def _feed(self) -> Iterator[Article]:
        while True:
            try:
                article = next(self._source)
            except StopIteration:
                return
            except Exception:
                # The input itself broke (not one article's extraction): this is
                # not retried, the error goes to the caller.
                self._source_failed = True
                raise
            self._pending.append(article)
            yield article

    def _close_current(self) -> None:
        close = getattr(self._current, "close", None)
        self._current = None
        if close is not None:
            close()  # a generator over nlp.pipe: spaCy's `finally` joins its workers

    def _run(self) -> Iterator[Extraction]:
        try:
            while True:
                took_any = False
                try:
                    self._current = iter(
                        self.extractor.extract(self._feed(), batch_size=self.batch_size, n_process=self.n_process)
                    )
                    for extraction in self._current:
                        took_any = True
                        yield from self._take(extraction)
                except Exception:
                    if self._source_failed:
                        raise
                    took_any = took_any or bool(self._pending)
                    self._close_current()
                    yield from self._redo_pending()
                    if not took_any:
                        # The extractor failed before taking anything: one article
                        # alone, so the run always moves on.
                        article = next(self._source, None)
                        if article is None:
                            return
                        yield from _extract_alone(self.extractor, article, self.report)
                    continue
                self._current = None
                yield from self._redo_pending()  # left out at the end of the input
                return
        finally:
            self._close_current()

    def _take(self, extraction: Extraction) -> Iterator[Extraction]:
        wanted = extraction.article.id
        if not self._pending or (self._pending[0].id != wanted and all(a.id != wanted for a in self._pending)):
            return  # not one we are waiting for (already redone alone): dropped
        while self._pending[0].id != wanted:
            # Left out by the extractor (e.g. a spaCy error handler that drops docs).
            yield from _extract_alone(self.extractor, self._pending.popleft(), self.report)
        self._pending.popleft()
        self.report.articles_extracted += 1
        yield extraction

    def _redo_pending(self) -> Iterator[Extraction]:
        while self._pending:
            yield from _extract_alone(self.extractor, self._pending.popleft(), self.report)


def extract_stage(
    extractor: ExtractorLike,
    articles: Iterable[Article],
    report: IngestReport,
    batch_size: int = 32,
    n_process: int = 1,
) -> list[Extraction]:
    """Articles through one `extractor.extract` call, as a list (for callers
    with one batch in hand; `run` streams). A failing article is skipped with
    its reason, the others are extracted."""
    return list(ExtractionStream(extractor, articles, report, batch_size=batch_size, n_process=n_process))


def batches(extractions: Iterable[Extraction], batch_size: int) -> Iterator[list[Extraction]]:
    """Group a stream into lists of `batch_size` (the last may be shorter)."""
    batch: list[Extraction] = []
    for extraction in extractions:
        batch.append(extraction)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- load -----------------------------------------------------------------


def _unavailable(error: BaseException) -> bool:
    """Errors that mean the database is gone, not that this batch is bad."""
    from neo4j import exceptions as neo4j_errors

    from graph.driver_errors import DRIVER_UNAVAILABLE
    from graph.errors import Neo4jUnavailable

    if isinstance(error, (Neo4jUnavailable, ConnectionError)):
        return True
    # The loader lets the driver's own exceptions through, so they are named here.
    # Not every OSError (graph.driver_errors.NEO4J_UNAVAILABLE): a sink's own file
    # error is this batch's problem. TransientError here means the driver's own
    # retries ran out (database unavailable, leader gone), and a refused login
    # stays refused: retrying article by article would fail too.
    return isinstance(error, (*DRIVER_UNAVAILABLE, neo4j_errors.AuthError, neo4j_errors.TransientError))


def _count(report: IngestReport, extractions: Sequence[Extraction], loaded: Any) -> None:
    report.articles_loaded += len(extractions)
    report.fact_edges += int(getattr(loaded, "fact_edges", 0) or 0)
    for ex in extractions:
        report.entity_ids.update(ex.entities)
        report.mentions += len(ex.mentions)
        report.claims += len(ex.claims)
        for claim in ex.claims:
            report.claims_by_type[claim.type] += 1
            report.claims_by_modality[Modality(claim.modality).value] += 1
            if claim.polarity == Polarity.NEGATED:
                report.claims_negated += 1


def load_stage(sink: Sink, extractions: Sequence[Extraction], report: IngestReport) -> None:
    """Load one batch. A batch the sink refuses is retried article by article so
    only the bad article is skipped; a sink that stops answering aborts the run
    (the failed batch's transaction rolled back, so nothing is half-written)."""
    if not extractions:
        return
    report.batches += 1
    try:
        _count(report, extractions, sink.load(extractions))
        return
    except Exception as e:
        if _unavailable(e):
            _abort(report, extractions, e)
            return
    for ex in extractions:
        try:
            _count(report, [ex], sink.load([ex]))
        except Exception as e:
            if _unavailable(e):
                _abort(report, [ex], e)
                return
            report.skipped.append(Skipped(_where(ex.article), results.LOAD_FAILED, f"{type(e).__name__}: {e}"))


def _abort(report: IngestReport, extractions: Sequence[Extraction], error: BaseException) -> None:
    for ex in extractions:
        report.skipped.append(
            Skipped(
                _where(ex.article),
                results.LOAD_FAILED,
                "the database stopped answering before this batch's transaction completed; rerun to load it",
            )
        )
    report.aborted = (
        f"the database stopped answering after {report.articles_loaded} articles were loaded "
        f"({type(error).__name__}: {error}). Start it again and rerun the same command: "
        "loading is idempotent, so what was loaded is not duplicated."
    )


# --- the run ------------------------------------------------------------------


def run(
    sources: str | Path | Article | Iterable[str | Path | Article],
    extractor: ExtractorLike,
    sink: Sink,
    *,
    fmt: str = "auto",
    fields: JsonlFields | None = None,
    batch_size: int | None = None,
    n_process: int | None = None,
    progress: ProgressCallback | None = None,
    sink_name: str | None = None,
) -> IngestReport:
    """Read, extract and load everything in `sources`; return what happened.

    All articles go through one `extractor.extract` call (one `nlp.pipe`
    with `n_process` processes, started once per run; default
    settings.n_process), fed lazily by the readers; its output is loaded in
    batches of `batch_size` articles (default: settings.batch_size), which is
    also the nlp.pipe batch size. Never raises for bad input or a failing
    article; check `report.ok` and `report.aborted`.
    """
    from ingest.settings import get_settings

    settings = get_settings()
    batch_size = batch_size or settings.batch_size
    n_process = n_process or settings.n_process
    report = IngestReport(sink=sink_name or getattr(sink, "name", None) or type(sink).__name__)
    started = time.perf_counter()

    def articles() -> Iterator[Article]:
        # Runs as spaCy asks for input, so skips are recorded as they are read.
        for item in read_stage(sources, fmt, fields):
            if isinstance(item, Article):
                report.articles_read += 1
                yield item
            elif isinstance(item, ReadWarning):
                report.warnings.append(item)
            else:
                report.skipped.append(item)
                if progress is not None:
                    progress(Progress("read", report))

    stream = ExtractionStream(extractor, articles(), report, batch_size=batch_size, n_process=n_process)
    try:
        for batch in batches(stream, batch_size):
            load_stage(sink, batch, report)
            report.seconds = time.perf_counter() - started
            if progress is not None:
                progress(Progress("load", report))
            if report.aborted:
                break
    finally:
        stream.close()
    if report.aborted:
        # Read (and handed to spaCy) before the database went away: say so, so
        # every article read is either loaded or listed.
        for article in stream.unfinished():
            report.skipped.append(
                Skipped(_where(article), results.LOAD_FAILED, "not loaded: the run stopped (see above)")
            )
    report.seconds = time.perf_counter() - started
    if progress is not None:
        progress(Progress("report", report))
    return report


# --- dry runs -------------------------------------------------------------------


class ClaimsJsonlWriter:
    """A sink for dry runs: one JSON object per claim, no database.

    Each line is `graph.models.to_record(claim)` (with its stable `id`) plus
    `subject_name`, `object_name`, `article_url`, `article_title` and
    `published`, so the file can be read without the entities. Extractions are
    checked with the loader's own validation (graph.loader.plan_batch), so a
    dry run refuses what a real load would refuse.
    """

    def __init__(
        self, out: str | Path | IO[str], fact_modalities: Iterable[Modality | str] = DEFAULT_FACT_MODALITIES
    ) -> None:
        if isinstance(out, (str, Path)):
            self.path: Path | None = Path(out)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle: IO[str] = self.path.open("w", encoding="utf-8")
            self._owns = True
        else:
            self.path = None
            self._handle = out
            self._owns = False
        self.name = str(self.path) if self.path else "claims (stream)"
        self.fact_modalities = frozenset(Modality(m) for m in fact_modalities)
        self.claims_written = 0
        self._fact_keys: set[tuple[str, str, str]] = set()

    def load(self, extractions: Sequence[Extraction]) -> Any:
        from graph.loader import LoadReport, fact_key, plan_batch

        plan = plan_batch(extractions)  # raises InvalidExtraction like the real loader
        lines: list[str] = []
        new_facts = 0
        for ex in extractions:
            for claim in ex.claims:
                record = to_record(claim)
                subject = ex.entities.get(claim.subject_id)
                obj = ex.entities.get(claim.object_id)
                record["subject_name"] = subject.name if subject else None
                record["object_name"] = obj.name if obj else None
                record["article_url"] = ex.article.url
                record["article_title"] = ex.article.title
                record["published"] = ex.article.published.isoformat() if ex.article.published else None
                lines.append(json.dumps(record, ensure_ascii=False))
                if is_fact(claim.polarity, claim.modality, self.fact_modalities):
                    key = fact_key(claim.type, claim.subject_id, claim.object_id)
                    if key is not None and key not in self._fact_keys:
                        self._fact_keys.add(key)
                        new_facts += 1
        # Written only once the whole batch is encoded: no half-written batch.
        if lines:
            self._handle.write("\n".join(lines) + "\n")
            self._handle.flush()
        self.claims_written += len(lines)
        return LoadReport(
            articles=len(plan.articles),
            entities=plan.entity_count,
            claims=len(lines),
            mentions=len(plan.mentions),
            fact_edges=new_facts,
            batches=1,
        )

    def close(self) -> None:
        if self._owns and not self._handle.closed:
            self._handle.close()

    def __enter__(self) -> ClaimsJsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
