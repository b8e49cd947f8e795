"""Faults against real Neo4j servers.

- Neo4j stopped during a load, with the API running: the run ends with a clear
  message, no article is half-written, the API answers 503 while the server is
  down and recovers by itself when it is back, and running the load again
  completes it with the same final graph as an uninterrupted load.
- A transient error (a deadlock with a concurrent transaction holding a lock)
  is retried by the loader's managed transaction and the load completes.

The stop/start test needs a server it may stop, so it starts its own: a
separate NEO4J_HOME (GEOKG_FAULT_NEO4J_HOME, default /tmp/geokg-faults-<uid>)
on free loopback ports, started once and restarted once (each start takes
~1 min here), and stopped at the end whatever happens. Marked `slow`; it runs
in the default suite. The uninterrupted reference load and the deadlock test
use the suite's usual server (tests/conftest.py).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import Driver, GraphDatabase, ManagedTransaction

from graph.server import process
from graph.server.password import read_password
from graph.errors import Neo4jServerError
from graph.loader import Loader
from graph.models import Article, Claim, Entity, Extraction, Mention
from graph.ontology import EntityKind, Modality, Polarity
from graph.settings import Neo4jSettings
from ingest.extract import Extractor
from ingest.pipeline import Progress, run
from ingest.readers import read_paths

pytestmark = pytest.mark.neo4j

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 8  # Wikinews articles in the interrupted load
BATCH = 2  # articles per batch: the stop comes after the second batch
STOP_AFTER_BATCHES = 2


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(settings: Neo4jSettings) -> None:
    """Start, once more if the launcher itself timed out on a busy machine."""
    try:
        process.start(settings)
    except (Neo4jServerError, subprocess.TimeoutExpired):
        process.stop(settings, timeout_s=60)
        process.start(settings)


@pytest.fixture(scope="module")
def fault_settings() -> Iterator[Neo4jSettings]:
    """A server of our own to stop and start; stopped again at teardown."""
    home = Path(os.environ.get("GEOKG_FAULT_NEO4J_HOME", f"/tmp/geokg-faults-{os.getuid()}"))
    settings = Neo4jSettings(
        _env_file=None, uri=None, home=home, bolt_port=_free_port(), http_port=_free_port(),
        heap="384m", pagecache="64m", start_timeout_s=300,
    )  # fmt: skip
    process.stop(settings, timeout_s=60)  # a server left over by an interrupted run
    try:
        _start(settings)
        yield settings
    finally:
        process.stop(settings, timeout_s=60)


@pytest.fixture(scope="module")
def fault_driver(fault_settings: Neo4jSettings) -> Iterator[Driver]:
    # A short retry window: the driver's default keeps retrying a dead server
    # for 30 s before the run can give up; the behaviour is the same.
    driver = GraphDatabase.driver(
        fault_settings.effective_uri,
        auth=(fault_settings.user, read_password(fault_settings)),
        max_transaction_retry_time=3.0,
        connection_timeout=3.0,
    )
    from graph.schema import ensure_schema

    ensure_schema(driver, fault_settings.database)
    yield driver
    driver.close()


@pytest.fixture(scope="module")
def wikinews(shared_dir: Path) -> list[Article]:
    path = shared_dir / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
    articles = [a for a in read_paths([path]) if isinstance(a, Article)]
    return articles[:ARTICLES]


class OnceExtractor:
    """The real Extractor, each article extracted once: the reference load, the
    interrupted one and the rerun get the same extractions without paying for
    spaCy three times."""

    def __init__(self, inner: Extractor) -> None:
        self.inner = inner
        self.done: dict[str, Extraction] = {}

    def extract(self, articles: Iterable[Article], batch_size: int = 32, n_process: int = 1) -> Iterator[Extraction]:
        # Lazy, one batch at a time like nlp.pipe: the pipeline streams the
        # whole run through one call, so taking all input at once would read
        # articles a stopped run then lists as not loaded.
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._batch(batch, batch_size, n_process)
                batch = []
        yield from self._batch(batch, batch_size, n_process)

    def _batch(self, articles: list[Article], batch_size: int, n_process: int) -> Iterator[Extraction]:
        todo = [a for a in articles if a.id not in self.done]
        for extraction in self.inner.extract(todo, batch_size=batch_size, n_process=n_process):
            self.done[extraction.article.id] = extraction
        for article in articles:
            yield self.done[article.id]

    def extract_one(self, article: Article) -> Extraction:
        return next(iter(self.extract([article])))


@pytest.fixture(scope="module")
def extractor() -> OnceExtractor:
    return OnceExtractor(Extractor())


class Api:
    """`geokg serve` as a subprocess (uvicorn on loopback) on the fault server."""

    def __init__(self, settings: Neo4jSettings) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "GEOKG_API_"))}
        env.update(
            NEO4J_HOME=str(settings.home), NEO4J_BOLT_PORT=str(settings.bolt_port),
            NEO4J_HTTP_PORT=str(settings.http_port),
        )  # fmt: skip
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
            cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        self.client = httpx.Client(base_url=self.base, timeout=20.0)
        deadline = time.monotonic() + 90
        while True:
            try:
                self.client.get("/openapi.json")
                return
            except httpx.TransportError as e:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError(f"the API did not start: {self.process.stderr.read().decode()[-2000:]}") from e
                time.sleep(0.5)

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.client.get(path, params=params)

    def close(self) -> None:
        self.client.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def graph_state(driver: Driver, database: str) -> dict[str, Any]:
    """What a load leaves: articles, claims (by id), mentions, entities and fact edges."""
    [row], _, _ = driver.execute_query(
        """
        CALL () { MATCH (a:Article) RETURN collect(a.id) AS articles }
        CALL () { MATCH (c:Claim) RETURN collect(c.id) AS claims }
        CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
        CALL () { MATCH (:Article)-[m:MENTIONS]->(:Entity) RETURN count(m) AS mentions }
        CALL () {
          MATCH (:Entity)-[r]->(:Entity) WHERE type(r) <> 'MENTIONS'
          RETURN collect(type(r) + ':' + startNode(r).id + '>' + endNode(r).id) AS facts
        }
        RETURN articles, claims, entities, mentions, facts
        """,
        database_=database,
    )
    state = row.data()
    for key in ("articles", "claims", "facts"):
        state[key] = sorted(state[key])
    return state


def claims_per_article(driver: Driver, database: str) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, COUNT { (a)-[:ASSERTS]->(:Claim) } AS claims", database_=database
    )
    return {r["id"]: r["claims"] for r in records}


def _wipe(driver: Driver, database: str) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)


def _poll(api: Api, path: str, status: int, seconds: float) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while True:
        r = api.get(path)
        if r.status_code == status or time.monotonic() > deadline:
            return r
        time.sleep(0.5)


@pytest.mark.slow
def test_neo4j_stopped_during_a_load_with_the_api_running(
    fault_settings: Neo4jSettings,
    fault_driver: Driver,
    neo4j_driver: Driver,
    clean_db: str,
    wikinews: list[Article],
    extractor: OnceExtractor,
) -> None:
    db = fault_settings.database
    # The reference: the same articles loaded without interruption (suite server).
    reference = run(wikinews, extractor, Loader(neo4j_driver, clean_db), batch_size=BATCH)
    assert reference.ok and reference.articles_loaded == len(wikinews), reference.summary()
    expected = graph_state(neo4j_driver, clean_db)
    expected_per_article = claims_per_article(neo4j_driver, clean_db)

    _wipe(fault_driver, db)
    api = Api(fault_settings)
    try:
        assert api.get("/health").status_code == 200
        seen_while_down: dict[str, httpx.Response] = {}

        def stop_mid_load(progress: Progress) -> None:
            if progress.stage == "load" and progress.report.batches == STOP_AFTER_BATCHES and not seen_while_down:
                assert process.stop(fault_settings, timeout_s=60)
                for path in ("/health", "/v1/entities?q=Iraq", "/v1/relations"):
                    seen_while_down[path] = api.get(path)

        report = run(wikinews, extractor, Loader(fault_driver, db), batch_size=BATCH, progress=stop_mid_load)

        # The run stopped with a message that says what happened and what to do.
        loaded_before_stop = STOP_AFTER_BATCHES * BATCH
        assert report.aborted is not None, report.summary()
        assert "stopped answering" in report.aborted and "rerun the same command" in report.aborted
        assert "STOPPED EARLY" in report.summary()
        assert report.articles_loaded == loaded_before_stop
        assert [s.reason for s in report.skipped] == ["load-failed"] * BATCH  # the batch that met the dead server
        # A partial load is loud (`geokg ingest` exits 3 for the abort; 4 without one).
        assert len(report.failed) == BATCH and not report.ok
        # The API said 503 (not 500, not a hang) while the server was down.
        for path, r in seen_while_down.items():
            assert r.status_code == 503, (path, r.status_code, r.text)
            assert r.json()["error"]["code"] == "neo4j_unavailable"

        _start(fault_settings)
        # The same API process recovers: its driver reconnects by itself.
        r = _poll(api, "/health", 200, seconds=60)
        assert r.status_code == 200, r.text
        assert api.get("/v1/entities", q="Iraq").status_code == 200

        # What was written before the stop is whole: exactly the first batches'
        # articles, each with all its claims.
        partial = claims_per_article(fault_driver, db)
        assert sorted(partial) == sorted(a.id for a in wikinews[:loaded_before_stop])
        assert partial == {k: expected_per_article[k] for k in partial}

        # Running the same load again completes it: the same graph as an uninterrupted load.
        again = run(wikinews, extractor, Loader(fault_driver, db), batch_size=BATCH)
        assert again.ok and again.articles_loaded == len(wikinews), again.summary()
        assert again.failed == []
        assert graph_state(fault_driver, db) == expected
        assert api.get("/v1/stats").status_code == 200
    finally:
        api.close()


# --- transient errors ----------------------------------------------------------------


def tiny_extraction() -> Extraction:
    """One article (a sentence written for this test), two states, one claim."""
    text = "Ruritania supplies weapons to Freedonia."
    article = Article(id="https://t.example/deadlock", url="https://t.example/deadlock", text=text)
    entities = {
        "RUR": Entity("RUR", "Ruritania", EntityKind.COUNTRY),
        "FRE": Entity("FRE", "Freedonia", EntityKind.COUNTRY),
    }
    claim = Claim(
        article_id=article.id, type="SUPPLIES_ARMS", subject_id="RUR", object_id="FRE",
        subject_text="Ruritania", subject_start=0, subject_end=9,
        object_text="Freedonia", object_start=30, object_end=39,
        trigger_text="supplies", trigger_start=10, trigger_end=18,
        sentence=text, sentence_index=0, polarity=Polarity.AFFIRMED, modality=Modality.ASSERTED,
    )  # fmt: skip
    mentions = [Mention("RUR", "Ruritania", 0, 9, "exact", 0), Mention("FRE", "Freedonia", 30, 39, "exact", 0)]
    return Extraction(article=article, entities=entities, mentions=mentions, claims=[claim])


def _blocked_transactions(driver: Driver, database: str) -> list[str]:
    records, _, _ = driver.execute_query(
        "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN status", database_=database
    )
    return [r["status"] for r in records]


def test_a_deadlock_is_retried_and_the_load_completes(
    neo4j_driver: Driver, clean_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real deadlock between the loader and another transaction.

    The other transaction locks the article's claim; the loader (re-loading the
    same article) locks the entities and the article; the other transaction
    then asks for the article and waits for the loader; the loader asks for the
    claim and closes the cycle, so Neo4j aborts the loader's transaction with
    DeadlockDetected (a TransientError). `execute_write` runs the transaction
    function again, and the load completes with the same graph as before.
    The only instrumentation is timing: on its first attempt the loader pauses
    between writing nodes and relationships until the other transaction waits.
    """
    extraction = tiny_extraction()
    loader = Loader(neo4j_driver, clean_db)
    loader.load([extraction])
    before = graph_state(neo4j_driver, clean_db)

    attempts: list[int] = []
    holding, other_waits = threading.Event(), threading.Event()
    real_relationships = Loader._write_relationships

    def paused_relationships(self: Loader, tx: ManagedTransaction, plan: Any, report: Any) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            holding.set()
            assert other_waits.wait(timeout=30), "the other transaction never waited for the loader"
        real_relationships(self, tx, plan, report)

    monkeypatch.setattr(Loader, "_write_relationships", paused_relationships)
    outcome: dict[str, Any] = {}

    def load() -> None:
        try:
            outcome["report"] = loader.load([extraction])
        except Exception as e:  # reported by the assertions below
            outcome["error"] = e

    def watch() -> None:
        holding.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if _blocked_transactions(neo4j_driver, clean_db):
                other_waits.set()
                return
            time.sleep(0.05)

    loader_thread = threading.Thread(target=load, daemon=True)
    watcher = threading.Thread(target=watch, daemon=True)
    other_failed: str | None = None
    with neo4j_driver.session(database=clean_db) as session:
        loader_thread.start()
        watcher.start()
        assert holding.wait(timeout=30), outcome
        other = session.begin_transaction()
        try:
            # Neo4j aborts the deadlocked transaction holding fewer locks: the
            # other one takes many (on nodes it creates; all rolled back below).
            other.run("UNWIND range(1, $n) AS i CREATE (:DeadlockProbe {i: i})", n=200).consume()
            other.run("MATCH (c:Claim) SET c.probe = 1").consume()
            try:
                # Waits for the loader's lock on the article until Neo4j breaks the cycle.
                other.run("MATCH (a:Article {id: $id}) SET a.probe = 1", id=extraction.article.id).consume()
            except Exception as e:
                other_failed = f"{type(e).__name__}: {e}"
        finally:
            if not other.closed():
                other.rollback()
    loader_thread.join(timeout=60)
    watcher.join(timeout=5)
    assert not loader_thread.is_alive()
    assert "error" not in outcome, outcome
    assert other_failed is None, f"Neo4j aborted the other transaction, not the loader's: {other_failed}"
    assert len(attempts) == 2, f"the loader's transaction function ran {len(attempts)} time(s)"
    assert outcome["report"].claims == 1
    assert graph_state(neo4j_driver, clean_db) == before
