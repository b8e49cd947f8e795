"""What each watched source last gave, in a small SQLite file that survives restarts.

Three tables:
    sources   per source: the feed's ETag / Last-Modified (for conditional
              requests), last success, last error, consecutive failures and
              when to try again (backoff);
    entries   per source and key (a feed entry's id or link, a file's path):
              the digest of what it held when it was last ingested;
    articles  per article id: the digest of the text that was ingested.

SQLite rather than JSON: the seen lists grow with every article of a run of
days and are looked up one key at a time; a JSON file would be read and
rewritten whole each round. Every change is committed at once, so a watcher
killed mid-round loses at most the article it was on (and loading is
idempotent, so redoing it changes nothing).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_success REAL,
    last_error TEXT,
    last_error_at REAL,
    failures INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS entries (
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (source, key)
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    digest TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class SourceState:
    source: str
    etag: str | None = None
    last_modified: str | None = None
    last_success: float | None = None
    last_error: str | None = None
    last_error_at: float | None = None
    failures: int = 0
    next_try: float = 0.0


class WatchState:
    """The watcher's memory. One instance per process; not shared across threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path))
        self._db.executescript(_SCHEMA)
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    # --- sources -----------------------------------------------------------

    def source(self, source: str) -> SourceState:
        row = self._db.execute(
            "SELECT source, etag, last_modified, last_success, last_error, last_error_at, failures, next_try "
            "FROM sources WHERE source = ?",
            (source,),
        ).fetchone()
        return SourceState(*row) if row else SourceState(source)

    def sources(self) -> list[SourceState]:
        rows = self._db.execute(
            "SELECT source, etag, last_modified, last_success, last_error, last_error_at, failures, next_try "
            "FROM sources ORDER BY source"
        ).fetchall()
        return [SourceState(*row) for row in rows]

    def succeeded(self, source: str, etag: str | None = None, last_modified: str | None = None,
                  keep_validators: bool = False, now: float | None = None) -> None:  # fmt: skip
        """A successful poll: failures reset. `keep_validators` (a 304) keeps the stored ETag."""
        now = time.time() if now is None else now
        self._ensure(source)
        if keep_validators:
            self._db.execute(
                "UPDATE sources SET last_success = ?, failures = 0, next_try = 0 WHERE source = ?", (now, source)
            )
        else:
            self._db.execute(
                "UPDATE sources SET etag = ?, last_modified = ?, last_success = ?, failures = 0, next_try = 0 "
                "WHERE source = ?",
                (etag, last_modified, now, source),
            )
        self._db.commit()

    def failed(self, source: str, error: str, backoff_base: float, backoff_max: float,
               now: float | None = None) -> SourceState:  # fmt: skip
        """A failed poll: the next try waits backoff_base x 2^(failures-1), at most backoff_max."""
        now = time.time() if now is None else now
        self._ensure(source)
        failures = self.source(source).failures + 1
        delay = min(backoff_max, backoff_base * 2 ** (failures - 1))
        self._db.execute(
            "UPDATE sources SET last_error = ?, last_error_at = ?, failures = ?, next_try = ? WHERE source = ?",
            (error, now, failures, now + delay, source),
        )
        self._db.commit()
        return self.source(source)

    def _ensure(self, source: str) -> None:
        self._db.execute("INSERT OR IGNORE INTO sources (source) VALUES (?)", (source,))

    # --- entries and articles ----------------------------------------------------

    def entry_digest(self, source: str, key: str) -> str | None:
        row = self._db.execute("SELECT digest FROM entries WHERE source = ? AND key = ?", (source, key)).fetchone()
        return row[0] if row else None

    def mark_entry(self, source: str, key: str, digest: str) -> None:
        self._db.execute(
            "INSERT INTO entries (source, key, digest) VALUES (?, ?, ?) "
            "ON CONFLICT (source, key) DO UPDATE SET digest = excluded.digest",
            (source, key, digest),
        )
        self._db.commit()

    def article_digest(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT digest FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def mark_article(self, article_id: str, digest: str) -> None:
        self._db.execute(
            "INSERT INTO articles (id, digest) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET digest = excluded.digest",
            (article_id, digest),
        )
        self._db.commit()

    def counts(self) -> dict[str, int]:
        return {
            table: self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("sources", "entries", "articles")
        }
