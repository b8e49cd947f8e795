"""Watched sources: RSS/Atom feeds over HTTP and folders of files.

A source's `poll` asks for what is new since the state last saw it and returns
a Poll: the Items to ingest (an Article each, read lazily so a stop request
falls between two of them) and what to remember once they are loaded. A feed
that fails raises FetchError before any item; a page that fails marks its item
failed, and the entry is asked again next round.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from graph.models import Article
from ingest.readers import Checks, Skipped, read_paths, text_hash
from ingest.readers.build import finish
from ingest.readers.feed import draft_from_entry
from ingest.readers.html import draft_from_html
from ingest.watch.fetch import FetchError, PoliteClient
from ingest.watch.state import WatchState

# A feed entry whose text is shorter than this, or that ends in an ellipsis,
# is a teaser: the article is read from its page.
SUMMARY_ONLY_CHARS = 1000
_ELLIPSES = ("...", "\u2026", "[\u2026]", "[...]")


def _digest(*parts: object) -> str:
    h = hashlib.sha1()
    for part in parts:
        h.update(repr(part).encode("utf-8", errors="replace"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass(slots=True)
class Item:
    """One thing to ingest: an entry or a file, its articles, and its state key."""

    source: str
    key: str
    digest: str
    articles: list[Article] = field(default_factory=list)
    failed: str | None = None  # why it could not be read (retried next round)
    skipped: list[Skipped] = field(default_factory=list)  # unreadable, not retried until it changes
    page_fetched: bool = False


@dataclass(slots=True)
class Poll:
    source: str
    status: str  # "200", "304", "folder"
    items: Iterator[Item]
    # Stored once every item of this poll was ingested: a feed's validators
    # are kept back while any entry is unfinished, or the next 304 would hide it.
    commit: Callable[[], None] = lambda: None


class Source(Protocol):
    name: str

    def poll(self, state: WatchState, client: PoliteClient, checks: Checks) -> Poll: ...


def is_summary_only(entry: dict, text: str) -> bool:
    if not entry.get("link"):
        return False
    if entry.get("content"):
        return False
    stripped = text.strip()
    return len(stripped) < SUMMARY_ONLY_CHARS or stripped.endswith(_ELLIPSES)


def article_digest(article: Article) -> str:
    return _digest(article.title, article.published, text_hash(article.text))


class FeedSource:
    """An RSS or Atom feed at an http(s) URL."""

    def __init__(self, url: str) -> None:
        self.name = url
        self.url = url

    def poll(self, state: WatchState, client: PoliteClient, checks: Checks) -> Poll:
        import feedparser

        known = state.source(self.url)
        headers: dict[str, str] = {}
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        fetched = client.get(self.url, headers)
        if fetched.status == 304:
            return Poll(self.url, "304", iter(()), lambda: state.succeeded(self.url, keep_validators=True))
        parsed = feedparser.parse(fetched.content)
        # Entries with neither id nor link cannot be told apart between rounds.
        # Malformed XML from which the loose parser still recovered such
        # entries is read; with none, the feed is broken (retried with backoff).
        entries = [e for e in parsed.get("entries") or [] if dict.get(e, "id") or dict.get(e, "link")]
        if not entries and (parsed.get("bozo") or parsed.get("version", "") == ""):
            problem = parsed.get("bozo_exception")
            raise FetchError(f"{self.url} is not a readable RSS/Atom feed ({problem or 'no feed elements'})")
        etag = fetched.headers.get("ETag")
        last_modified = fetched.headers.get("Last-Modified")
        feed_title = (parsed.get("feed") or {}).get("title")
        return Poll(
            self.url,
            "200",
            self._items(entries, feed_title, state, client, checks),
            lambda: state.succeeded(self.url, etag, last_modified),
        )

    def _items(self, entries: list[dict], feed_title: str | None, state: WatchState,
               client: PoliteClient, checks: Checks) -> Iterator[Item]:  # fmt: skip
        for entry in entries:
            key = dict.get(entry, "id") or dict.get(entry, "link")
            entry_text = max(
                [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
                + [entry.get("summary") or ""],
                key=len,
            )
            digest = _digest(entry.get("title"), entry.get("link"), entry_text, dict.get(entry, "updated"))
            if state.entry_digest(self.url, key) == digest:
                continue
            yield self._item(entry, key, digest, entry_text, feed_title, client, checks)

    def _item(self, entry: dict, key: str, digest: str, entry_text: str, feed_title: str | None,
              client: PoliteClient, checks: Checks) -> Item:  # fmt: skip
        item = Item(self.url, key, digest)
        draft = draft_from_entry(entry, self.url, feed_title)
        if is_summary_only(entry, entry_text):
            link = entry["link"]
            try:
                page = client.get(link)
            except FetchError as e:
                item.failed = f"the page of entry {key!r} could not be fetched: {e}"
                return item
            item.page_fetched = True
            from_page = draft_from_html(page.content, link, origin=self.url, url=page.url)
            if not isinstance(from_page, Skipped):
                # The feed's own title, date and outlet win: a page's metadata is often thinner.
                from_page.title = (draft.title if draft else None) or from_page.title
                from_page.published = (draft.published if draft else None) or from_page.published
                from_page.outlet = feed_title or from_page.outlet
                draft = from_page
        if draft is None:
            item.skipped.append(Skipped(f"{self.url} {key}", "broken-feed-entry", "the entry has no text"))
            return item
        draft.source = f"{self.url} {key}"
        result, _warnings = finish(draft, checks)
        if isinstance(result, Skipped):
            item.skipped.append(result)
        else:
            item.articles.append(result)
        return item


class FolderSource:
    """A directory: each new or changed file (by size and modification time) is read."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = str(self.path.resolve())

    def poll(self, state: WatchState, client: PoliteClient, checks: Checks) -> Poll:
        if not self.path.is_dir():
            raise FetchError(f"{self.path} is not a directory (gone, or not mounted?)")
        files = sorted(p for p in self.path.rglob("*") if p.is_file() and not p.name.startswith("."))
        return Poll(self.name, "folder", self._items(files, state), lambda: state.succeeded(self.name))

    def _items(self, files: list[Path], state: WatchState) -> Iterator[Item]:
        for path in files:
            try:
                st = path.stat()
            except OSError:
                continue  # removed since the listing
            key = str(path.relative_to(self.path))
            digest = _digest(st.st_size, st.st_mtime_ns)
            if state.entry_digest(self.name, key) == digest:
                continue
            item = Item(self.name, key, digest)
            for result in read_paths([str(path)], "auto", None):
                if isinstance(result, Article):
                    item.articles.append(result)
                elif isinstance(result, Skipped):
                    item.skipped.append(result)
            yield item


def make_source(spec: str) -> Source:
    """A URL is a feed, anything else a folder."""
    if spec.startswith(("http://", "https://")):
        return FeedSource(spec)
    return FolderSource(os.path.expanduser(spec))
