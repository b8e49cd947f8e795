"""Reading many inputs: files, directories (recursively) and glob patterns,
each through the reader its format needs, with duplicates removed."""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graph.models import Article
from ingest.readers import results
from ingest.readers.build import Checks
from ingest.readers.detect import FORMATS, detect_format
from ingest.readers.feed import read_feed_file
from ingest.readers.html import read_html_file
from ingest.readers.ids import text_hash
from ingest.readers.jsonl import JsonlFields, read_json_file, read_jsonl_file
from ingest.readers.results import ReadWarning, Skipped
from ingest.readers.text import read_text_file

_GLOB_CHARS = frozenset("*?[")

Reader = Callable[[Path, int, Checks], Iterator[Article | Skipped | ReadWarning]]


class Deduper:
    """Remembers the articles of one run: the same id (canonical URL or text
    hash) or the same normalised text seen again is a duplicate."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._texts: dict[str, str] = {}

    def check(self, article: Article, where: str) -> Skipped | None:
        """None for a new article (and remember it), else the Skipped to report."""
        first = self._ids.get(article.id)
        digest = text_hash(article.text)
        if first is None:
            first = self._texts.get(digest)
        if first is not None:
            return Skipped(where, results.DUPLICATE, f"same article as {first} (id {article.id})")
        self._ids[article.id] = where
        self._texts[digest] = where
        return None


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Files named, found under directories (sorted, hidden ones left out) or
    matched by glob patterns ("corpus/**/*.txt")."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and not _hidden(found, path):
                    yield found
        elif path.exists():
            yield path
        elif _GLOB_CHARS & set(str(given)):
            matches = sorted(glob.glob(str(given), recursive=True))
            if not matches:
                yield Skipped(str(given), results.NOT_FOUND, "the pattern matches no file")
            for match in matches:
                yield from expand_paths([match])
        else:
            yield Skipped(str(given), results.NOT_FOUND, "no such file or directory")


def read_file(
    path: str | Path,
    fmt: str = "auto",
    fields: JsonlFields | None = None,
    *,
    max_file_bytes: int | None = None,
    checks: Checks | None = None,
) -> Iterator[Article | Skipped | ReadWarning]:
    """Everything one file holds, as articles, skips and warnings (no dedupe)."""
    from ingest.settings import get_settings

    settings = get_settings()
    path = Path(path)
    max_bytes = max_file_bytes if max_file_bytes is not None else settings.max_file_bytes
    checks = checks or Checks(max_article_chars=settings.max_article_chars)
    kind = detect_format(path, fmt)
    if kind == "text":
        yield from read_text_file(path, max_bytes, checks)
    elif kind == "html":
        yield from read_html_file(path, max_bytes, checks)
    elif kind == "feed":
        yield from read_feed_file(path, max_bytes, checks)
    elif kind == "jsonl":
        yield from read_jsonl_file(path, max_bytes, checks, fields)
    elif kind == "json":
        yield from read_json_file(path, max_bytes, checks, fields)
    else:  # detect_format only returns the kinds above
        yield Skipped(str(path), results.UNSUPPORTED_FORMAT, f"no reader for {kind!r}")


def read_paths(
    paths: str | Path | Iterable[str | Path],
    fmt: str = "auto",
    fields: JsonlFields | None = None,
    *,
    warnings: bool = False,
    max_file_bytes: int | None = None,
    max_article_chars: int | None = None,
    detect_language: bool = True,
    deduper: Deduper | None = None,
    **jsonl_field_names: str,
) -> Iterator[Article | Skipped | ReadWarning]:
    """Articles from files, directories and globs, in a stable order.

    Yields `Article | Skipped`; with `warnings=True` also a `ReadWarning`
    (kept article with a bad date, say) before the article it concerns. Bad
    input never raises: it is a Skipped with a reason. Field names for JSONL
    come from `fields` or keyword arguments (`text="body"`).
    """
    from ingest.settings import get_settings

    settings = get_settings()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if jsonl_field_names:
        base = fields or JsonlFields()
        fields = JsonlFields(**{**{f: getattr(base, f) for f in base.__slots__}, **jsonl_field_names})
    checks = Checks(
        max_article_chars=max_article_chars if max_article_chars is not None else settings.max_article_chars,
        detect_language=detect_language,
    )
    deduper = deduper or Deduper()
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            for result in read_file(item, fmt, fields, max_file_bytes=max_file_bytes, checks=checks):
                if isinstance(result, Article):
                    duplicate = deduper.check(result, _where(result, item))
                    if duplicate is not None:
                        yield duplicate
                        continue
                elif isinstance(result, ReadWarning) and not warnings:
                    continue
                yield result
        except Exception as e:  # a reader bug on one file must not end the batch
            yield Skipped(str(item), results.UNREADABLE, f"the reader failed: {type(e).__name__}: {e}")


def _where(article: Article, path: Path) -> str:
    return article.source or article.url or str(path)
