"""The watcher: every `every` seconds, poll each source and ingest what is new.

A round polls the sources in turn (a source that failed waits out its backoff
first), hands the new or changed articles to `ingest.pipeline.run` -- the same
extractor and sink as `geokg ingest` -- and then remembers what was loaded.
Only loaded articles are remembered: when the database goes away mid-round,
the rest is asked for again next round, and loading is idempotent, so nothing
is doubled. One source's failure is recorded on that source and never stops
the others. `stop()` (SIGTERM, Ctrl-C) ends the round after the article in
hand: the pipeline loads what it has and the state keeps it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from graph.models import Article, Extraction
from ingest.pipeline import ExtractorLike, Sink, run
from ingest.readers import Checks
from ingest.report import IngestReport
from ingest.watch.fetch import PoliteClient
from ingest.watch.sources import Item, Poll, Source, article_digest
from ingest.watch.state import SourceState, WatchState

log = logging.getLogger("geokg.watch")

StatusWriter = Callable[[list[SourceState]], None]


@dataclass(slots=True)
class SourceRound:
    """What one source gave in one round."""

    source: str
    status: str = ""  # "200", "304", "folder", "error", "waiting"
    new_items: int = 0
    pages: int = 0
    articles: int = 0  # handed to the pipeline
    unchanged: int = 0  # articles already ingested with this text
    skipped: int = 0  # entries or files that gave no article
    error: str | None = None
    complete: bool = False  # every item was read (no stop, no failure)
    items: list[Item] = field(default_factory=list)
    commit: Callable[[], None] | None = None  # the poll's "remember this" once all is done

    def line(self) -> str:
        if self.status == "waiting":
            return f"{self.source}: backing off ({self.error})"
        if self.status == "error" and not self.items:
            return f"{self.source}: error: {self.error}"
        parts = [f"{self.source}: {self.status}", f"{self.new_items} new or changed"]
        if self.pages:
            parts.append(f"{self.pages} pages fetched")
        parts.append(f"{self.articles} articles to ingest")
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        if self.skipped:
            parts.append(f"{self.skipped} unreadable")
        if self.error:
            parts.append(f"error: {self.error}")
        return ", ".join(parts)


@dataclass(slots=True)
class RoundReport:
    number: int
    sources: list[SourceRound]
    ingest: IngestReport | None = None
    stopped: bool = False

    @property
    def articles_loaded(self) -> int:
        return self.ingest.articles_loaded if self.ingest else 0


class _RecordingSink:
    """The real sink, noting which articles it loaded."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.name = getattr(sink, "name", type(sink).__name__)
        self.loaded: set[str] = set()

    def load(self, extractions: Sequence[Extraction]) -> Any:
        result = self.sink.load(extractions)
        self.loaded.update(ex.article.id for ex in extractions)
        return result


class Watcher:
    def __init__(
        self,
        sources: Sequence[Source],
        state: WatchState,
        extractor: ExtractorLike,
        sink: Sink,
        client: PoliteClient,
        *,
        checks: Checks | None = None,
        backoff_base: float = 60.0,
        backoff_max: float = 6 * 3600.0,
        batch_size: int | None = None,
        status_writer: StatusWriter | None = None,
    ) -> None:
        self.sources = list(sources)
        self.state = state
        self.extractor = extractor
        self.sink = sink
        self.client = client
        self.checks = checks or Checks()
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.batch_size = batch_size
        self.status_writer = status_writer
        self.rounds = 0
        self._stop = threading.Event()
        self._handed: set[str] = set()  # ids of the articles this round gave the pipeline

    def stop(self) -> None:
        """End after the article in hand (safe from a signal handler)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run(self, every: float, rounds: int | None = None) -> None:
        """Rounds every `every` seconds until stopped (or `rounds` are done)."""
        while not self.stopping:
            started = time.monotonic()
            self.round()
            if rounds is not None and self.rounds >= rounds:
                return
            self._stop.wait(max(0.0, every - (time.monotonic() - started)))

    # --- one round ------------------------------------------------------------------

    def round(self) -> RoundReport:
        self.rounds += 1
        number = self.rounds
        results = [SourceRound(source.name) for source in self.sources]
        sink = _RecordingSink(self.sink)
        report = RoundReport(number, results)
        self._handed = set()
        articles = self._articles(results)
        first = next(articles, None)  # polls until the first new article, if any
        if first is not None:
            report.ingest = run(chain([first], articles), self.extractor, sink, batch_size=self.batch_size)
        self._remember(results, sink, report.ingest)
        report.stopped = self.stopping
        self._log(report)
        self._write_status()
        return report

    def _articles(self, results: list[SourceRound]) -> Iterator[Article]:
        """Every new article of every source, polled in turn; stops between articles."""
        for source, result in zip(self.sources, results):
            if self.stopping:
                return
            known = self.state.source(source.name)
            if known.next_try > time.time():
                result.status = "waiting"
                result.error = f"failed {known.failures} times, last: {known.last_error}; next try at " + _clock(
                    known.next_try
                )
                continue
            try:
                poll = source.poll(self.state, self.client, self.checks)
            except Exception as e:  # any failure of one source is that source's
                self._failed(result, f"{type(e).__name__}: {e}" if not _is_fetch_error(e) else str(e))
                continue
            result.status = poll.status
            yield from self._poll_articles(poll, result)
            if not self.stopping:
                result.complete = True
                result.commit = poll.commit

    def _poll_articles(self, poll: Poll, result: SourceRound) -> Iterator[Article]:
        items = iter(poll.items)
        while not self.stopping:
            try:
                item = next(items, None)
            except Exception as e:  # a broken item reader: the source failed this round
                result.error = f"{type(e).__name__}: {e}"
                return
            if item is None:
                return
            result.items.append(item)
            result.new_items += 1
            result.pages += item.page_fetched
            result.skipped += len(item.skipped)
            if item.failed:
                result.error = item.failed
                continue
            for article in item.articles:
                if self.state.article_digest(article.id) == article_digest(article):
                    result.unchanged += 1
                    continue
                if self.stopping:
                    return
                result.articles += 1
                self._handed.add(article.id)
                yield article

    def _remember(self, results: list[SourceRound], sink: _RecordingSink, ingest: IngestReport | None) -> None:
        # Not aborted: every article handed over was loaded or refused for
        # good (a refused one would be refused again). Aborted: only those loaded.
        aborted = ingest is not None and ingest.aborted is not None
        handed = self._handed
        for result in results:
            all_done = True
            for item in result.items:
                if item.failed:
                    all_done = False
                    continue
                done = [a for a in item.articles if not aborted or a.id in sink.loaded or a.id not in handed]
                for article in done:
                    self.state.mark_article(article.id, article_digest(article))
                if len(done) == len(item.articles):
                    self.state.mark_entry(item.source, item.key, item.digest)
                else:
                    all_done = False
            if result.status in ("waiting", "error") and not result.items:
                continue
            if result.error:
                self._failed(result, result.error)
            elif result.complete and all_done:
                if result.commit is not None:
                    result.commit()

    def _failed(self, result: SourceRound, error: str) -> None:
        result.error = error
        if not result.status:
            result.status = "error"
        known = self.state.failed(result.source, error, self.backoff_base, self.backoff_max)
        result.error = f"{error} (failure {known.failures}; next try at {_clock(known.next_try)})"

    def _log(self, report: RoundReport) -> None:
        for result in report.sources:
            (log.warning if result.error else log.info)("round %d: %s", report.number, result.line())
        ingest = report.ingest
        if ingest is None:
            log.info("round %d: nothing new", report.number)
        else:
            log.info(
                "round %d: loaded %d of %d articles: %d claims, %d fact edges, %d skipped, in %.1f s%s",
                report.number, ingest.articles_loaded, ingest.articles_read, ingest.claims, ingest.fact_edges,
                len(ingest.skipped), ingest.seconds, f"; ABORTED: {ingest.aborted}" if ingest.aborted else "",
            )  # fmt: skip
        if report.stopped:
            log.info("round %d: stopped on request; what was loaded is remembered", report.number)

    def _write_status(self) -> None:
        if self.status_writer is None:
            return
        try:
            self.status_writer(self.state.sources())
        except Exception as e:  # the status is for /health; never worth stopping for
            log.warning("could not write the watched sources' status to the graph: %s", e)


def _is_fetch_error(error: Exception) -> bool:
    from ingest.watch.fetch import FetchError

    return isinstance(error, FetchError)


def _clock(timestamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))
