"""The pipeline's one-stream extraction with the real Extractor and spaCy
(no database): several processes give the same claims as one, and a spaCy
component that fails on one article in the middle of the stream skips only
that article. Hand-written sentences only; nothing from ../shared."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from graph.models import Article
from ingest.extract import Extractor
from ingest.pipeline import ClaimsJsonlWriter, run
from ingest.readers import article_from_text

POISON = "GEOKG-TEST-POISON"

SENTENCES = [
    "France and Germany signed a trade agreement in Paris on Monday.",
    "Russia accused Ukraine of shelling the city of Donetsk.",
    "The United States imposed sanctions on Iran over its nuclear programme.",
    "India and Pakistan exchanged fire along the border in Kashmir.",
    "Japan will send aid to the Philippines after the typhoon, officials said.",
    "China condemned the visit of the Taiwanese president to the United States.",
    "Egypt hosted talks between Israel and Hamas in Cairo.",
    "Brazil and Argentina agreed to cooperate on energy.",
]


@Language.component("geokg_test_poison")
def _poison(doc: Doc) -> Doc:
    if POISON in doc.text:
        raise ValueError("this test's component refuses the poisoned article")
    return doc


@pytest.fixture(scope="module")
def extractor() -> Iterator[Extractor]:
    """An Extractor of its own (ingest.nlp caches one pipeline per process; the
    other tests must not see the failing component added here)."""
    from ingest import nlp as nlp_module

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(nlp_module, "_cache", {})
        nlp = nlp_module.load_nlp()
    nlp.add_pipe("geokg_test_poison", last=True)
    yield Extractor(nlp)


def articles(poisoned: int | None = None) -> list[Article]:
    out = []
    for n, text in enumerate(SENTENCES):
        if n == poisoned:
            text = f"{text} {POISON}"
        out.append(article_from_text(text, url=f"https://t.example/stream/{n}"))
    return out


def claims_file(path: Path, items: list[Article], extractor: Extractor, n_process: int) -> list[dict]:
    with ClaimsJsonlWriter(path) as writer:
        report = run(items, extractor, writer, batch_size=4, n_process=n_process)
    assert report.aborted is None
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_two_processes_give_the_same_claims_as_one(tmp_path: Path, extractor: Extractor) -> None:
    one = claims_file(tmp_path / "one.jsonl", articles(), extractor, n_process=1)
    two = claims_file(tmp_path / "two.jsonl", articles(), extractor, n_process=2)
    assert one, "no claim extracted from the test sentences"
    assert two == one  # same claims, same order


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_spacy_failure_mid_stream_skips_only_that_article(extractor: Extractor, n_process: int) -> None:
    items = articles(poisoned=3)

    class Sink:
        def __init__(self) -> None:
            self.ids: list[str] = []

        def load(self, extractions):
            self.ids.extend(ex.article.id for ex in extractions)

    sink = Sink()
    report = run(items, extractor, sink, batch_size=2, n_process=n_process)
    [skipped] = report.skipped
    assert skipped.reason == "extraction-failed" and "refuses the poisoned article" in skipped.detail
    assert skipped.source == (items[3].source or items[3].url)  # says which article
    assert sink.ids == [a.id for n, a in enumerate(items) if n != 3]  # the rest, in order
    assert (report.articles_read, report.articles_extracted, report.articles_loaded) == (8, 7, 7)
