"""`geokg ingest` option handling and exit codes, with a fake extractor (no
spaCy) and no database: dry runs, and the message when Neo4j does not answer."""

from __future__ import annotations

import json
import socket

import pytest
from typer.testing import CliRunner

from graph.models import Extraction
from api.cli import app
from ingest.cli import ingest_cmd

runner = CliRunner()
TEXT = "Ruritania signed a treaty with Freedonia on Tuesday."


class NoClaims:
    def extract(self, articles, batch_size=32, n_process=1):
        for article in articles:
            yield Extraction(article=article)

    def extract_one(self, article):
        return Extraction(article=article)


@pytest.fixture
def fake_extractor(monkeypatch):
    monkeypatch.setattr(ingest_cmd, "_make_extractor", lambda: NoClaims())


def test_dry_run_writes_and_reports(tmp_path, fake_extractor):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    out, report = tmp_path / "claims.jsonl", tmp_path / "report.json"
    result = runner.invoke(
        app,
        ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--dry-run", "--out", str(out),
         "--report-json", str(report), "--no-progress"],
    )
    assert result.exit_code == 0, result.output
    assert "1 of 1 articles loaded" in result.output
    assert "empty: 1" in result.output
    assert out.exists()
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["articles_loaded"] == 1 and list(data["skipped"]) == ["empty"]


def test_nothing_loaded_exits_1(tmp_path, fake_extractor):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "empty.txt"), "--dry-run", "--out", str(tmp_path / "c.jsonl"), "--no-progress"]
    )
    assert result.exit_code == 1
    assert "nothing was loaded" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "unknown --format 'pdf'"),
        (["--dry-run"], "add --out claims.jsonl"),
        (["--out", "x.jsonl"], "--out is for dry runs"),
        (["--dry-run", "--out", "x.jsonl", "--jsonl-fields", "body=text"], "unknown JSONL field 'body'"),
    ],
)
def test_bad_options_exit_2(tmp_path, fake_extractor, args, message):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), *args])
    assert result.exit_code == 2
    assert message in result.output


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_neo4j_down_gives_a_clear_message(tmp_path, fake_extractor, monkeypatch):
    from graph import settings as graph_settings

    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{_closed_port()}")
    monkeypatch.setenv("NEO4J_PASSWORD", "irrelevant")
    graph_settings.get_settings.cache_clear()
    try:
        (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
        result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--no-progress"])
    finally:
        graph_settings.get_settings.cache_clear()
    assert result.exit_code == 2
    assert "does not answer" in result.output
    assert "--dry-run" in result.output


class FailsOnSecondArticle:
    """A sink that refuses the second article (as the Loader refuses an invalid extraction)."""

    name = "refusing sink"

    def __init__(self):
        self.loaded = []

    def load(self, extractions):
        for ex in extractions:
            if "Freedonia recalled" in ex.article.text:
                raise ValueError("refused by the test sink")
        self.loaded += [ex.article.id for ex in extractions]
        return type("LoadReport", (), {"articles": len(extractions), "fact_edges": 0})()


def test_some_articles_not_loaded_exits_4_with_the_list_and_the_rerun_command(tmp_path, fake_extractor, monkeypatch):
    from ingest.pipeline import run

    sink = FailsOnSecondArticle()

    def run_with_refusing_sink(paths, fmt, fields, batch_size, n_process, show_progress):
        return run(paths, NoClaims(), sink, fmt=fmt, fields=fields, batch_size=batch_size, sink_name=sink.name)

    monkeypatch.setattr(ingest_cmd, "_run_with_neo4j", run_with_refusing_sink)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Freedonia recalled its ambassador to Ruritania.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")  # bad input: skipped, and no failure
    result = runner.invoke(app, ["ingest", str(tmp_path), "--no-progress", "--batch-size", "1"])
    assert result.exit_code == ingest_cmd.EXIT_SOME_FAILED == 4, result.output
    assert len(sink.loaded) == 1
    assert "1 of 2 articles read were NOT loaded" in result.output
    assert "b.txt (load-failed): ValueError: refused by the test sink" in result.output
    assert f"geokg ingest {tmp_path} --batch-size 1" in result.output
    assert "empty.txt" not in result.output.split("NOT loaded")[1]  # skipped input is not listed as failed


def test_only_bad_input_skipped_still_exits_0(tmp_path, fake_extractor):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(
        app, ["ingest", str(tmp_path), "--dry-run", "--out", str(tmp_path / "c.jsonl"), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "NOT loaded" not in result.output
