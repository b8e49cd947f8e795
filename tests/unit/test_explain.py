"""`geokg explain` and the trace it reads: the decisions are recorded by the
normal extraction path, so what explain says is what extraction did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.models import Article
from ingest.explain import Trace, explain
from ingest.extract import Extractor

runner = CliRunner()


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_a_claim_and_its_frame(extractor: Extractor) -> None:
    out = explain(extractor, "Egypt condemned and sanctioned Libya.")
    assert "'Egypt' -> EGY (Country), rule exact" in out
    assert "[condemned] (condemn); agents: Egypt; patients: Libya; via shared-object" in out
    assert "claim CONDEMNS, a fact" in out
    assert "claim SANCTIONS, a fact" in out


def test_no_cue_for_the_predicate(extractor: Extractor) -> None:
    out = explain(extractor, "Egypt praised Libya.")
    assert "[praised]" in out and "no claim: no verbal cue for 'praise'" in out


def test_negated_is_not_a_fact(extractor: Extractor) -> None:
    out = explain(extractor, "Egypt did not condemn Libya.")
    assert "claim CONDEMNS, not a fact (negated, asserted), context: neg" in out


def test_argument_that_is_not_an_entity(extractor: Extractor) -> None:
    out = explain(extractor, "Egypt condemned the decision of Libya and Turkey to sign a deal.")
    assert "no claim: cue CONDEMNS: no entity among its objects (dobj): decision" in out


def test_kind_constraint(extractor: Extractor) -> None:
    out = explain(extractor, "Emmanuel Macron borders Germany.")
    assert "no claim: kind constraint: BORDERS takes" in out and "got Person -> Country" in out


def test_passive_without_agent(extractor: Extractor) -> None:
    out = explain(extractor, "Libya was sanctioned by the council on Monday, and Egypt was sanctioned too.")
    assert "no claim: no agent (passive without a by-phrase)" in out


def test_one_sentence_and_skipped_sentences(extractor: Extractor) -> None:
    text = "It rained in the morning. Egypt condemned Libya."
    out = explain(extractor, text, sentence=1)
    assert out.startswith("sentence 1: Egypt condemned Libya.") and "rained" not in out
    out = explain(extractor, text, sentence=0)
    assert "mentions: none" in out
    with pytest.raises(ValueError, match="has 2 sentences"):
        explain(extractor, text, sentence=5)


def test_trace_records_without_changing_the_claims(extractor: Extractor) -> None:
    text = "Egypt condemned and sanctioned Libya. Turkey, which Greece accused, denied it."
    article = Article(id="t", text=text)
    plain = extractor.extract_one(article)
    trace = Trace()
    traced = extractor.from_doc(extractor.nlp(text), article, trace=trace)
    assert [c.id for c in traced.claims] == [c.id for c in plain.claims]
    kept = [d.claim.id for d in trace.decisions if d.outcome == "claim" and d.claim is not None]
    assert sorted(kept) == sorted(c.id for c in plain.claims)


def test_cli_text_and_file(tmp_path: Path) -> None:
    r = runner.invoke(app, ["explain", "--text", "Egypt condemned Libya."])
    assert r.exit_code == 0, r.output
    assert "claim CONDEMNS, a fact" in r.output
    f = tmp_path / "a.jsonl"
    lines = [{"id": "a1", "text": "Egypt praised Libya."}, {"id": "a2", "text": "It rained. Egypt condemned Libya."}]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["explain", str(f), "--article", "1", "--sentence", "1"])
    assert r.exit_code == 0, r.output
    assert "sentence 1: Egypt condemned Libya." in r.output
    r = runner.invoke(app, ["explain", str(f), "--contains", "Egypt condemned"])
    assert r.exit_code == 0, r.output
    assert "sentence 1: Egypt condemned Libya." in r.output and "praised" not in r.output


def test_cli_errors_say_what_to_do(tmp_path: Path) -> None:
    r = runner.invoke(app, ["explain"])
    assert r.exit_code != 0 and "give either a FILE or --text" in r.output
    r = runner.invoke(app, ["explain", "--text", "Egypt condemned Libya.", "--sentence", "3"])
    assert r.exit_code == 2 and "numbered from 0" in r.output
