"""RSS and Atom feed files: one article per entry, its content (or summary)
stripped of HTML. A feed feedparser cannot read at all is skipped; an entry
without text is skipped alone and the other entries go on."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from graph.models import Article
from ingest.readers import results
from ingest.readers.build import Checks, Draft, finish
from ingest.readers.files import read_bytes
from ingest.readers.results import ReadWarning, Skipped

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "figure", "figcaption", "hr", "pre", "table"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, with a paragraph break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            # Newlines inside a paragraph's markup are just spaces.
            self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment; paragraphs separated by blank lines."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "".join(collector.parts)


def _entry_text(entry: dict) -> str:
    """The longest of the entry's content blocks and its summary."""
    candidates = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    candidates.append(entry.get("summary") or "")
    best = max(candidates, key=len)
    return html_to_text(best) if best else ""


def _entry_date(entry: dict) -> object:
    # dict.get, not entry.get: feedparser's own get maps missing keys to others
    # (with a DeprecationWarning).
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if dict.get(entry, key):
            return dict.get(entry, key)
    # feedparser could not parse these; passing the text on reports why.
    return dict.get(entry, "published") or dict.get(entry, "updated") or None


def draft_from_entry(entry: dict, where: str, feed_title: str | None) -> Draft | None:
    """One feedparser entry as a Draft (None when it has no text at all)."""
    text = _entry_text(entry)
    if not text.strip():
        return None
    return Draft(
        source=where,
        body=text,
        title=html_to_text(entry.get("title") or "") or None,
        url=entry.get("link"),
        author=(entry.get("author_detail") or {}).get("name") or entry.get("author"),
        published=_entry_date(entry),
        outlet=feed_title,
        license=entry.get("license") or entry.get("rights"),
        origin=where,
    )


def read_feed_bytes(data: bytes, source: str, checks: Checks) -> Iterator[Article | Skipped | ReadWarning]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f"feedparser: {problem}" if problem else "no entries in the feed"
        yield Skipped(source, results.MALFORMED_FEED, detail)
        return
    feed_title = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(entries, start=1):
        where = f"{source}#entry-{n}"
        try:
            draft = draft_from_entry(entry, where, feed_title)
            if draft is None:
                yield Skipped(where, results.BROKEN_FEED_ENTRY, "the entry has no content or summary")
                continue
            result, warnings = finish(draft, checks)
        except Exception as e:  # one odd entry must not end the feed
            yield Skipped(where, results.BROKEN_FEED_ENTRY, f"{type(e).__name__}: {e}")
            continue
        yield from warnings
        yield result


def read_feed_file(path: Path, max_file_bytes: int, checks: Checks) -> Iterator[Article | Skipped | ReadWarning]:
    data = read_bytes(path, max_file_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    # feedparser reads the XML declaration's encoding itself, so it gets bytes.
    yield from read_feed_bytes(data, str(path), checks)
