"""The pipeline's orchestration with a fake extractor and sinks (no spaCy, no
database): batching, failures that skip one article, a sink that goes away,
the dry-run writer and the report. The Neo4j path is tested by the loader's
integration tests against the real server."""

from __future__ import annotations

import json

import pytest
from neo4j.exceptions import ServiceUnavailable

from graph.models import Article, Claim, Entity, Extraction
from graph.ontology import EntityKind, Modality, Polarity
from ingest.pipeline import STAGES, ClaimsJsonlWriter, Progress, extract_stage, read_stage, run
from ingest.readers import article_from_text
from ingest.report import IngestReport

RUR = Entity("RUR", "Ruritania", EntityKind.COUNTRY)
FRE = Entity("FRE", "Freedonia", EntityKind.COUNTRY)


def make_article(n: int) -> Article:
    return article_from_text(f"Ruritania supports Freedonia, report number {n} says.", url=f"https://t.example/{n}")


def claim_for(article: Article, *, negated: bool = False, modality: Modality = Modality.ASSERTED) -> Claim:
    start = article.text.index("Freedonia")
    return Claim(
        article_id=article.id,
        type="SUPPORTS",
        subject_id="RUR",
        object_id="FRE",
        subject_text="Ruritania",
        subject_start=0,
        subject_end=9,
        object_text="Freedonia",
        object_start=start,
        object_end=start + 9,
        trigger_text="supports",
        trigger_start=10,
        trigger_end=18,
        sentence=article.text,
        sentence_index=0,
        polarity=Polarity.NEGATED if negated else Polarity.AFFIRMED,
        modality=modality,
    )


class FakeExtractor:
    """One SUPPORTS claim per article; raises on articles whose text contains
    `poison`. Lazy like nlp.pipe: takes input as it goes, `read_ahead`
    articles before the one it returns (spaCy reads a few batches ahead)."""

    def __init__(self, poison: str | None = None, read_ahead: int = 0) -> None:
        self.poison = poison
        self.read_ahead = read_ahead
        self.calls: list[tuple[int, int]] = []  # (batch_size, n_process) of each extract call
        self.taken: list[int] = []  # articles each extract call took

    def _one(self, article: Article) -> Extraction:
        if self.poison and self.poison in article.text:
            raise ValueError("cannot parse this one")
        return Extraction(article=article, entities={"RUR": RUR, "FRE": FRE}, claims=[claim_for(article)])

    def extract(self, articles, batch_size=32, n_process=1):
        self.calls.append((batch_size, n_process))
        self.taken.append(0)
        buffered: list[Article] = []
        for article in articles:
            self.taken[-1] += 1
            buffered.append(article)
            if len(buffered) > self.read_ahead:
                yield self._one(buffered.pop(0))
        for article in buffered:
            yield self._one(article)

    def extract_one(self, article):
        return self._one(article)


class FakeLoadReport:
    def __init__(self, articles: int) -> None:
        self.articles = articles
        self.fact_edges = 1


class RecordingSink:
    """Accepts loads; refuses articles whose text contains `refuse`; goes away
    (ServiceUnavailable) from the `down_after`-th load on."""

    def __init__(self, refuse: str | None = None, down_after: int | None = None) -> None:
        self.refuse = refuse
        self.down_after = down_after
        self.loads: list[list[str]] = []

    def load(self, extractions):
        if self.down_after is not None and len(self.loads) >= self.down_after:
            raise ServiceUnavailable("connection refused")
        if self.refuse and any(self.refuse in ex.article.text for ex in extractions):
            raise ValueError("refused")
        self.loads.append([ex.article.id for ex in extractions])
        return FakeLoadReport(len(extractions))


def test_stage_names():
    assert STAGES == ("read", "extract", "load", "report")


def test_run_batches_and_counts():
    articles = [make_article(n) for n in range(5)]
    extractor, sink = FakeExtractor(), RecordingSink()
    seen: list[Progress] = []
    report = run(articles, extractor, sink, batch_size=2, progress=seen.append)
    assert extractor.calls == [(2, 1)] and extractor.taken == [5]  # one stream for the run
    assert [len(batch) for batch in sink.loads] == [2, 2, 1]
    assert (report.articles_read, report.articles_extracted, report.articles_loaded) == (5, 5, 5)
    assert report.claims == 5 and report.claims_by_type == {"SUPPORTS": 5}
    assert report.entities == 2 and report.fact_edges == 3 and report.batches == 3
    assert report.ok and report.skipped == []
    assert [p.stage for p in seen] == ["load", "load", "load", "report"]
    assert seen[-1].done == 5


def test_failing_extraction_skips_only_that_article():
    articles = [make_article(n) for n in range(4)]
    articles[2] = article_from_text("Ruritania supports Freedonia, the poisoned report says.")
    report = run(articles, FakeExtractor(poison="poisoned"), RecordingSink(), batch_size=4)
    assert report.articles_loaded == 3
    [skipped] = report.skipped
    assert skipped.reason == "extraction-failed"
    assert "ValueError: cannot parse this one" in skipped.detail


def test_extractor_returning_the_wrong_articles_is_redone_one_by_one():
    class Shuffling(FakeExtractor):
        def extract(self, articles, batch_size=32, n_process=1):
            return reversed([self._one(a) for a in articles])

    articles = [make_article(n) for n in range(3)]
    report = IngestReport()
    out = extract_stage(Shuffling(), articles, report)
    assert [ex.article.id for ex in out] == [a.id for a in articles]


def test_refused_article_skipped_rest_of_batch_loaded():
    articles = [make_article(n) for n in range(3)]
    articles[1] = article_from_text("Ruritania supports Freedonia, a refused report says.")
    sink = RecordingSink(refuse="refused")
    report = run(articles, FakeExtractor(), sink, batch_size=3)
    assert report.articles_loaded == 2
    assert [s.reason for s in report.skipped] == ["load-failed"]
    # The run goes on, but a partial load is not ok: the failed article is listed.
    assert report.aborted is None and not report.ok
    assert [s.reason for s in report.failed] == ["load-failed"]
    assert report.to_dict()["failed"][0]["reason"] == "load-failed"


def test_database_going_away_aborts_with_a_clear_message():
    articles = [make_article(n) for n in range(6)]
    sink = RecordingSink(down_after=1)
    report = run(articles, FakeExtractor(), sink, batch_size=2)
    assert report.articles_loaded == 2  # the first batch
    assert report.articles_read == 4  # reading stopped after the failed batch
    assert [s.reason for s in report.skipped] == ["load-failed", "load-failed"]
    assert report.aborted is not None and "rerun" in report.aborted
    assert not report.ok
    assert "STOPPED EARLY" in report.summary()


def test_read_stage_mixes_paths_and_articles_and_dedupes(tmp_path):
    path = tmp_path / "a.txt"
    text = "Ruritania supports Freedonia, a file says."
    path.write_text(text, encoding="utf-8")
    same_text = article_from_text(text)
    results = list(read_stage([path, same_text, tmp_path / "missing.txt"]))
    assert [type(r).__name__ for r in results] == ["Article", "Skipped", "Skipped"]
    assert [r.reason for r in results[1:]] == ["duplicate", "not-found"]


def test_run_reports_skips_and_warnings_from_files(tmp_path):
    (tmp_path / "good.jsonl").write_text(
        json.dumps({"text": "Ruritania supports Freedonia.", "date": "someday"}) + "\n" + "{broken\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    report = run([tmp_path], FakeExtractor(), RecordingSink())
    assert report.articles_loaded == 1
    assert {r: len(v) for r, v in report.skipped_by_reason().items()} == {"empty": 1, "malformed-json": 1}
    assert list(report.warnings_by_reason()) == ["bad-date"]
    summary = report.summary()
    assert "malformed-json: 1" in summary and "bad-date: 1" in summary
    data = report.to_dict()
    assert data["articles_skipped"] == 2 and "bad-date" in data["warnings"]
    json.dumps(data)  # JSON-ready


def test_nothing_loadable_is_not_ok(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    report = run([tmp_path], FakeExtractor(), RecordingSink())
    assert report.articles_loaded == 0 and not report.ok


def test_claims_jsonl_writer(tmp_path):
    articles = [make_article(n) for n in range(3)]

    class Mixed(FakeExtractor):
        def _one(self, article):
            ex = super()._one(article)
            if article.url.endswith("/1"):
                ex.claims = [claim_for(article, negated=True)]
            if article.url.endswith("/2"):
                ex.claims = [claim_for(article, modality=Modality.ALLEGED)]
            return ex

    out = tmp_path / "out" / "claims.jsonl"
    with ClaimsJsonlWriter(out) as writer:
        report = run(articles, Mixed(), writer, batch_size=2, sink_name=writer.name)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3 == report.claims
    first = lines[0]
    assert first["type"] == "SUPPORTS" and first["subject_name"] == "Ruritania" and first["object_name"] == "Freedonia"
    assert first["article_url"] == "https://t.example/0" and len(first["id"]) == 40
    assert [line["polarity"] for line in lines] == ["affirmed", "negated", "affirmed"]
    # Only the affirmed, asserted claim makes a fact edge.
    assert report.fact_edges == 1
    assert report.claims_negated == 1 and report.claims_by_modality == {"asserted": 2, "alleged": 1}
    assert report.sink == str(out)


def test_claims_jsonl_writer_refuses_what_the_loader_refuses(tmp_path):
    class Dangling(FakeExtractor):
        def _one(self, article):
            ex = super()._one(article)
            if article.url.endswith("/1"):
                ex.entities = {"RUR": RUR}  # the claim's object is missing
            return ex

    out = tmp_path / "claims.jsonl"
    with ClaimsJsonlWriter(out) as writer:
        report = run([make_article(n) for n in range(3)], Dangling(), writer)
    assert report.articles_loaded == 2
    [skipped] = report.skipped
    assert skipped.reason == "load-failed" and "InvalidExtraction" in skipped.detail
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_same_input_same_claims_file(tmp_path):
    articles = [make_article(n) for n in range(4)]
    outputs = []
    for name in ("a.jsonl", "b.jsonl"):
        with ClaimsJsonlWriter(tmp_path / name) as writer:
            run(articles, FakeExtractor(), writer, batch_size=3)
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("batch_size", [1, 7])
def test_batch_size_does_not_change_the_result(batch_size):
    articles = [make_article(n) for n in range(5)]
    report = run(articles, FakeExtractor(), RecordingSink(), batch_size=batch_size)
    assert report.articles_loaded == 5 and report.claims == 5


def test_one_extract_call_for_the_whole_run_loaded_per_batch():
    # spaCy starts its worker processes once per nlp.pipe call: one call per run.
    articles = [make_article(n) for n in range(20)]
    extractor, sink = FakeExtractor(read_ahead=5), RecordingSink()
    report = run(articles, extractor, sink, batch_size=2, n_process=2)
    assert extractor.calls == [(2, 2)] and extractor.taken == [20]
    assert [len(batch) for batch in sink.loads] == [2] * 10
    assert [i for batch in sink.loads for i in batch] == [a.id for a in articles]
    assert report.articles_loaded == 20 and report.batches == 10


def test_input_is_read_as_extraction_goes_not_all_at_once():
    pulled = [0]

    def corpus():
        for n in range(50):
            pulled[0] += 1
            yield make_article(n)

    class Watching(RecordingSink):
        ahead: list[int] = []

        def load(self, extractions):
            self.ahead.append(pulled[0] - sum(len(batch) for batch in self.loads))
            return super().load(extractions)

    sink = Watching()
    report = run(corpus(), FakeExtractor(read_ahead=3), sink, batch_size=4)
    assert report.articles_loaded == 50
    # At each load: the batch being loaded plus the extractor's read-ahead, no more.
    assert max(sink.ahead) <= 4 + 3


def test_failure_mid_stream_skips_one_article_and_the_rest_goes_on_in_order():
    articles = [make_article(n) for n in range(10)]
    articles[4] = article_from_text("Ruritania supports Freedonia, the poisoned report says.")
    extractor, sink = FakeExtractor(poison="poisoned", read_ahead=3), RecordingSink()
    report = run(articles, extractor, sink, batch_size=3)
    assert [s.reason for s in report.skipped] == ["extraction-failed"]
    loaded = [i for batch in sink.loads for i in batch]
    assert loaded == [a.id for n, a in enumerate(articles) if n != 4]
    assert len(extractor.calls) == 2  # the broken stream, then one for the rest of the input
    assert (report.articles_read, report.articles_extracted, report.articles_loaded) == (10, 9, 9)


def test_extractor_that_always_fails_at_once_still_goes_article_by_article():
    class Broken(FakeExtractor):
        def extract(self, articles, batch_size=32, n_process=1):
            raise RuntimeError("no pool")

    report = run([make_article(n) for n in range(3)], Broken(), RecordingSink())
    assert report.articles_loaded == 3 and report.skipped == []


def test_article_left_out_by_the_extractor_is_redone_alone():
    class Dropping(FakeExtractor):
        def extract(self, articles, batch_size=32, n_process=1):
            for article in articles:
                if not article.url.endswith("/1"):
                    yield self._one(article)

    articles = [make_article(n) for n in range(3)]
    sink = RecordingSink()
    report = run(articles, Dropping(), sink, batch_size=3)
    assert sink.loads == [[a.id for a in articles]] and report.articles_extracted == 3


def test_a_broken_input_is_raised_not_retried():
    def corpus():
        yield make_article(0)
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        run(corpus(), FakeExtractor(), RecordingSink())


def test_abort_lists_articles_read_ahead_as_not_loaded():
    articles = [make_article(n) for n in range(8)]
    report = run(articles, FakeExtractor(read_ahead=3), RecordingSink(down_after=1), batch_size=2, n_process=2)
    assert report.articles_loaded == 2
    assert report.aborted
    # Every article read is either loaded or listed: the failed batch, then what spaCy had read ahead.
    assert [s.reason for s in report.skipped] == ["load-failed"] * (report.articles_read - 2)
    assert report.articles_read == 2 + 2 + 3
    assert "the run stopped" in report.skipped[-1].detail
