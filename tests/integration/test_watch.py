"""geokg watch against a local HTTP server (127.0.0.1, in this process) and the
real Neo4j: feeds that change between rounds, 304s, a 500, a slow answer,
malformed XML, a redirect loop; a restart from the state file. The articles
are written for these tests."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from neo4j import Driver

from graph.changes import read_changes, read_watched_sources, write_watched_sources
from graph.loader import Loader
from ingest.extract import Extractor
from ingest.readers import Checks
from ingest.watch.cli import status_rows
from ingest.watch.fetch import FetchSettings, PoliteClient
from ingest.watch.sources import FeedSource, FolderSource
from ingest.watch.state import WatchState
from ingest.watch.watcher import Watcher

pytestmark = pytest.mark.neo4j

BODIES = {
    "a1": "Turkey supplied drones to Azerbaijan last month, the defence ministry in Ankara said on Tuesday. "
    "The shipment was the largest of the year, officials added.",
    "a2": "Norway condemned Iran on Friday after the arrest of two aid workers in the capital. "
    "The foreign minister in Oslo asked for their release.",
    "a3": "Serbia and Hungary signed an agreement on border security in Belgrade on Wednesday. "
    "Both governments said the patrols would begin in spring.",
    "b1": "Kenyan troops attacked al-Shabaab positions in Somalia on Sunday, the army said. "
    "The operation lasted several hours and ended before dawn.",
}


def _rss(items: list[tuple[str, str]], full: bool) -> bytes:
    """An RSS 2.0 feed; `full`: the body in content:encoded, else a one-line teaser."""
    parts = []
    for key, link in items:
        body = f"<content:encoded><![CDATA[<p>{BODIES[key]}</p>]]></content:encoded>" if full else ""
        parts.append(
            f"<item><title>Story {key}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate>"
            f"<description>Teaser for {key}...</description>{body}</item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Test Wire</title><link>http://127.0.0.1/</link>{''.join(parts)}</channel></rss>"
    ).encode()


def _page(key: str) -> bytes:
    return (
        f"<html><head><title>Story {key}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Story {key}</h1><p>{BODIES[key]}</p></article></body></html>"
    ).encode()


class Site:
    """What the server answers; the test changes it between rounds."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, dict[str, str]]] = {}
        self.requests: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        self.slow_seconds = 2.0

    def feed(self, path: str, body: bytes, etag: str) -> None:
        self.routes[path] = (200, body, {"ETag": etag, "Content-Type": "application/rss+xml"})


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            site.requests[self.path] += 1
            site.user_agents.add(self.headers.get("User-Agent", ""))
            if self.path == "/slow.xml":
                time.sleep(site.slow_seconds)
            if self.path == "/loop.xml":
                self.send_response(302)
                self.send_header("Location", "/loop.xml")
                self.end_headers()
                return
            status, body, headers = site.routes.get(self.path, (404, b"not here", {}))
            etag = headers.get("ETag")
            if status == 200 and etag and self.headers.get("If-None-Match") == etag:
                site.not_modified[self.path] += 1
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on the slow answer

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _client() -> PoliteClient:
    return PoliteClient(FetchSettings(timeout=0.5, min_interval=0.0, retries=1, retry_base=0.01))


def _watcher(state_file: Path, base: str, extractor: Extractor, driver: Driver, db: str) -> Watcher:
    sources = [FeedSource(f"{base}{p}") for p in ("/feed-a.xml", "/feed-b.xml", "/slow.xml", "/garbage.xml", "/loop.xml")]
    return Watcher(
        sources, WatchState(state_file), extractor, Loader(driver, db), _client(),
        checks=Checks(detect_language=False), backoff_base=0.0,
        status_writer=lambda s: write_watched_sources(driver, db, status_rows(s)),
    )  # fmt: skip


def _article_urls(driver: Driver, db: str) -> list[str]:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.url AS url ORDER BY url", database_=db)
    return [r["url"] for r in records]


def test_watcher_ingests_only_new_articles_survives_bad_feeds_and_restarts(
    site: tuple[Site, str], tmp_path: Path, session_extractor: Extractor, neo4j_driver: Driver, clean_db: str
) -> None:
    server, base = site
    db = clean_db
    server.routes["/robots.txt"] = (200, b"User-agent: *\nDisallow: /private/\n", {})
    server.feed("/feed-a.xml", _rss([("a1", f"{base}/a/1"), ("a2", f"{base}/a/2")], full=True), '"a-v1"')
    server.routes["/feed-b.xml"] = (500, b"internal error", {})
    server.routes["/garbage.xml"] = (200, b"<rss><channel><item><title>broken &nope; <<<", {})
    started = datetime.now(UTC)
    watcher = _watcher(tmp_path / "state.sqlite", base, session_extractor, neo4j_driver, db)

    # Round 1: feed A's two full-text entries; B answers 500; the rest are broken.
    r1 = watcher.round()
    assert r1.articles_loaded == 2
    assert _article_urls(neo4j_driver, db) == [f"{base}/a/1", f"{base}/a/2"]
    by_source = {r.source.rsplit("/", 1)[-1]: r for r in r1.sources}
    assert by_source["feed-a.xml"].status == "200" and by_source["feed-a.xml"].error is None
    assert "HTTP 500" in (by_source["feed-b.xml"].error or "")
    assert "timed out" in (by_source["slow.xml"].error or "")
    assert "not a readable RSS/Atom feed" in (by_source["garbage.xml"].error or "")
    assert "redirects more than" in (by_source["loop.xml"].error or "")
    assert server.requests["/feed-b.xml"] == 2  # the 500 was retried once within the round

    # Round 2: A gains an entry (new ETag); B recovers with a teaser whose page is fetched,
    # and one entry behind robots.txt's Disallow.
    server.feed(
        "/feed-a.xml", _rss([("a1", f"{base}/a/1"), ("a2", f"{base}/a/2"), ("a3", f"{base}/a/3")], full=True), '"a-v2"'
    )
    server.feed("/feed-b.xml", _rss([("b1", f"{base}/pages/b1.html"), ("b1", f"{base}/private/x.html")], full=False),
                '"b-v1"')  # fmt: skip
    server.routes["/pages/b1.html"] = (200, _page("b1"), {"Content-Type": "text/html"})
    server.routes["/private/x.html"] = (200, _page("b1"), {"Content-Type": "text/html"})
    r2 = watcher.round()
    assert r2.articles_loaded == 2  # a3 and b1, nothing of a1/a2 again
    assert _article_urls(neo4j_driver, db) == sorted(
        [f"{base}/a/1", f"{base}/a/2", f"{base}/a/3", f"{base}/pages/b1.html"]
    )
    assert server.requests["/pages/b1.html"] == 1
    assert server.requests["/private/x.html"] == 0  # robots.txt said no
    feed_b = next(r for r in r2.sources if r.source.endswith("/feed-b.xml"))
    assert "robots.txt" in (feed_b.error or "")

    # Round 3: A unchanged (304); nothing new anywhere.
    server.routes["/private/x.html"] = (404, b"", {})
    r3 = watcher.round()
    assert r3.ingest is None and r3.articles_loaded == 0
    assert server.not_modified["/feed-a.xml"] == 1
    watcher.state.close()

    # Restart from the state file: no page is fetched again, A and B answer 304.
    pages_before = server.requests["/pages/b1.html"]
    again = _watcher(tmp_path / "state.sqlite", base, session_extractor, neo4j_driver, db)
    r4 = again.round()
    assert r4.ingest is None
    assert server.requests["/pages/b1.html"] == pages_before
    assert server.not_modified["/feed-a.xml"] == 2
    assert len(_article_urls(neo4j_driver, db)) == 4
    again.state.close()
    assert all(ua.startswith("geokg-watcher/") for ua in server.user_agents)

    # /health's source: the status the watcher wrote into the graph.
    status = {s.source.rsplit("/", 1)[-1]: s for s in read_watched_sources(neo4j_driver, db)}
    assert status["feed-a.xml"].last_success is not None and status["feed-a.xml"].last_error is None
    assert status["slow.xml"].last_success is None and "timed out" in (status["slow.xml"].last_error or "")
    assert status["slow.xml"].failures == 4

    # What changed since the start: the edges of the four articles, all new.
    changes = read_changes(neo4j_driver, db, started)
    assert changes.edges and all(e.change == "new" for e in changes.edges)
    assert {(e.subject.id, e.type, e.object.id) for e in changes.edges} >= {("TUR", "SUPPLIES_ARMS", "AZE")}
    assert all(e.evidence is not None and e.article is not None for e in changes.edges)
    assert read_changes(neo4j_driver, db, datetime.now(UTC)).edges == []


def test_a_folder_source_reads_new_and_changed_files_once(
    tmp_path: Path, session_extractor: Extractor, neo4j_driver: Driver, clean_db: str
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text(BODIES["a2"], encoding="utf-8")
    watcher = Watcher([FolderSource(folder)], WatchState(tmp_path / "s.sqlite"), session_extractor,
                      Loader(neo4j_driver, clean_db), _client(), checks=Checks(detect_language=False))  # fmt: skip
    assert watcher.round().articles_loaded == 1
    assert watcher.round().ingest is None  # nothing new
    (folder / "two.txt").write_text(BODIES["a3"], encoding="utf-8")
    assert watcher.round().articles_loaded == 1
    time.sleep(0.01)
    (folder / "one.txt").write_text(BODIES["a2"] + " The talks resume next week.", encoding="utf-8")
    r = watcher.round()
    assert r.articles_loaded == 1 and r.sources[0].new_items == 1
    watcher.state.close()


def test_stop_ends_the_round_between_articles(
    tmp_path: Path, session_extractor: Extractor, neo4j_driver: Driver, clean_db: str
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i, key in enumerate(("a1", "a2", "a3")):
        (folder / f"{i}.txt").write_text(BODIES[key], encoding="utf-8")
    watcher = Watcher([FolderSource(folder)], WatchState(tmp_path / "s.sqlite"), session_extractor,
                      Loader(neo4j_driver, clean_db), _client(), checks=Checks(detect_language=False))  # fmt: skip
    original = watcher._poll_articles

    def stop_after_first(poll, result):  # type: ignore[no-untyped-def]
        for n, article in enumerate(original(poll, result)):
            yield article
            if n == 0:
                watcher.stop()  # as SIGTERM's handler does

    watcher._poll_articles = stop_after_first  # type: ignore[method-assign]
    first = watcher.round()
    assert first.stopped and first.articles_loaded == 1
    # The next watcher (a restart) takes the two left, not the first again.
    watcher.state.close()
    after = Watcher([FolderSource(folder)], WatchState(tmp_path / "s.sqlite"), session_extractor,
                    Loader(neo4j_driver, clean_db), _client(), checks=Checks(detect_language=False))  # fmt: skip
    assert after.round().articles_loaded == 2
    after.state.close()
