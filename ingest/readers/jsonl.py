"""JSONL corpora (one JSON object per line) and JSON files (one object or a
list of them), with configurable field names.

The file is streamed line by line, so the file size cap applies to each line
(one record), not to the corpus. A line that is not JSON, not an object, not
UTF-8 or has no text is skipped with its line number; the other lines go on.
Texts that open with a dateline ("Friday, January 4, 2019", as Wikinews does)
lose it, and it becomes the date when the record has none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from graph.models import Article
from ingest.readers import results
from ingest.readers.build import Checks, Draft, emit
from ingest.readers.dates import split_dateline
from ingest.readers.feed import html_to_text
from ingest.readers.files import read_bytes
from ingest.readers.normalize import normalize_lines
from ingest.readers.results import ReadWarning, Skipped

_HTML_HINT = re.compile(r"<(?:p|div|br|span|a)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which key of a record holds each part of the article. Dotted names reach
    into nested objects ("meta.url"). `outlet` defaults to "source" because
    corpora such as the Wikinews dump name the publication there."""

    url: str = "url"
    date: str = "date"
    title: str = "title"
    text: str = "text"
    author: str = "author"
    standfirst: str = "standfirst"
    outlet: str = "source"
    license: str = "license"

    @classmethod
    def parse(cls, spec: str | None) -> JsonlFields:
        """From "url=link,text=body" (the CLI's --jsonl-fields); unnamed parts keep their defaults."""
        if not spec or not spec.strip():
            return cls()
        names = {f.name for f in fields(cls)}
        values: dict[str, str] = {}
        for item in spec.split(","):
            item = item.strip()
            if not item:
                continue
            key, sep, value = item.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or not value:
                raise ValueError(f"expected name=field in --jsonl-fields, got {item!r}")
            if key not in names:
                raise ValueError(f"unknown JSONL field {key!r}; use one of: {', '.join(sorted(names))}")
            values[key] = value
        return cls(**values)


def _get(record: dict[str, Any], name: str) -> Any:
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def draft_from_record(record: Any, source: str, origin: str, fields_: JsonlFields) -> Draft | Skipped:
    if not isinstance(record, dict):
        return Skipped(source, results.MALFORMED_JSON, f"expected a JSON object, got a {type(record).__name__}")
    text = _get(record, fields_.text)
    if not isinstance(text, str) or not text.strip():
        present = ", ".join(sorted(record)[:8]) or "none"
        return Skipped(
            source,
            results.MISSING_TEXT,
            f"no text in field {fields_.text!r} (fields present: {present}); name it with --jsonl-fields text=...",
        )
    if _HTML_HINT.search(text):
        text = html_to_text(text)
    dateline, lines = split_dateline(normalize_lines(text))
    published = _get(record, fields_.date)
    if published in (None, "") and dateline is not None:
        published = dateline
    return Draft(
        source=source,
        body="\n".join(lines),
        title=_as_text(_get(record, fields_.title)),
        standfirst=_as_text(_get(record, fields_.standfirst)),
        url=_as_text(_get(record, fields_.url)),
        author=_as_text(_get(record, fields_.author)),
        published=published,
        outlet=_as_text(_get(record, fields_.outlet)),
        license=_as_text(_get(record, fields_.license)),
        origin=origin,
    )


def _finish_record(
    record: Any, where: str, origin: str, fields_: JsonlFields, checks: Checks
) -> Iterator[Article | Skipped | ReadWarning]:
    # The article's source is its line, so duplicates and provenance point at it.
    yield from emit(draft_from_record(record, where, where, fields_), checks)


def read_jsonl_file(
    path: Path, max_file_bytes: int, checks: Checks, fields_: JsonlFields | None = None
) -> Iterator[Article | Skipped | ReadWarning]:
    fields_ = fields_ or JsonlFields()
    head = read_bytes(path, max_file_bytes, streamed=True)
    if isinstance(head, Skipped):
        yield head
        return
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as e:
        yield Skipped(origin, results.UNREADABLE, f"{type(e).__name__}: {e.strerror or e}")
        return
    with handle:
        number = 0
        while True:
            # At most cap + 1 bytes per read: iterating the file would hold a
            # whole line in memory however long it is (a 50 MB line took 100 MB).
            raw = handle.readline(max_file_bytes + 1)
            if not raw:
                break
            number += 1
            where = f"{origin}:{number}"
            if len(raw) > max_file_bytes:
                size = len(raw)
                while not raw.endswith(b"\n"):  # skip the rest of the line, piece by piece
                    raw = handle.readline(max_file_bytes + 1)
                    if not raw:
                        break
                    size += len(raw)
                yield Skipped(
                    where, results.TOO_LARGE, f"line {number} has {size:,} bytes, over the {max_file_bytes:,}-byte cap"
                )
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            except UnicodeDecodeError as e:
                yield Skipped(where, results.UNDECODABLE, f"line {number} is not valid UTF-8 at byte {e.start}")
                continue
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                yield Skipped(where, results.MALFORMED_JSON, f"line {number}: {e.msg} (column {e.colno})")
                continue
            yield from _finish_record(record, where, origin, fields_, checks)


def read_json_file(
    path: Path, max_file_bytes: int, checks: Checks, fields_: JsonlFields | None = None
) -> Iterator[Article | Skipped | ReadWarning]:
    """A .json file: one article object, a list of them, or (failing that) JSONL."""
    fields_ = fields_ or JsonlFields()
    data = read_bytes(path, max_file_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    origin = str(path)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        yield Skipped(origin, results.UNDECODABLE, f"not valid UTF-8 at byte {e.start}")
        return
    except json.JSONDecodeError:
        # Many ".json" corpora are really JSON Lines.
        yield from read_jsonl_file(path, max_file_bytes, checks, fields_)
        return
    records = document if isinstance(document, list) else [document]
    for n, record in enumerate(records, start=1):
        where = f"{origin}[{n}]" if isinstance(document, list) else origin
        yield from _finish_record(record, where, origin, fields_, checks)
