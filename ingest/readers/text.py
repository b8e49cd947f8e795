"""Plain-text articles, laid out as news sites are copied to text:

    Title
    Standfirst (optional, one or more lines)
    By Author - December 16 2022
    <blank>
    (Photo Credit: AP)            <- furniture, dropped
    Body paragraphs...
    Most Popular                  <- tail heading: it and what follows dropped

Article.text is the body only; title and standfirst are kept apart, so claim
offsets index into the body the NLP sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from graph.models import Article
from ingest.readers.build import Checks, Draft, emit
from ingest.readers.dates import is_dateline, parse_date, split_dateline
from ingest.readers.files import decode_text, read_bytes
from ingest.readers.furniture import is_furniture
from ingest.readers.normalize import normalize_lines
from ingest.readers.results import ReadWarning, Skipped

_BYLINE = re.compile(r"^by\s+(?P<rest>\S.*)$", re.IGNORECASE)
_BYLINE_SEPARATORS = re.compile(r"\s+[-\u2013\u2014|\u2022\u00b7]\s+|\s*\|\s*")
_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|last\s+updated)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_DATE_LINE_PREFIXED = re.compile(r"^(?:published|updated|posted|last\s+updated)(?:\s+on)?\s*:?\s*\S", re.IGNORECASE)
_MAX_BYLINE_CHARS = 150
_MAX_TITLE_CHARS = 250
_MAX_HEADER_LINE_CHARS = 400
# How many non-blank lines from the top may hold the title, standfirst and byline.
_HEADER_SCAN = 6


def _is_full_date(text: str) -> bool:
    found, problem = parse_date(text)
    return found is not None and problem is None


def parse_byline(line: str) -> tuple[str | None, str | None] | None:
    """(author, date text) from "By News Desk - December 16 2022"; None when
    `line` is not a byline. Parts after a separator that are not dates (an
    agency name, say) are dropped; a date that cannot be read is returned as
    text so the caller reports it."""
    line = line.strip()
    m = _BYLINE.match(line)
    if m is None or len(line) > _MAX_BYLINE_CHARS:
        return None
    parts = [p.strip() for p in _BYLINE_SEPARATORS.split(m.group("rest")) if p.strip()]
    if not parts:
        return None
    author: str | None = parts[0]
    date_text: str | None = None
    for part in parts[1:]:
        candidate = _DATE_PREFIX.sub("", part)
        if any(ch.isdigit() for ch in candidate):
            date_text = candidate
            break
    if date_text is None and author and "," in author:
        # "By Jane Doe, December 16, 2022"
        pieces = [p.strip() for p in author.split(",")]
        for k in range(1, len(pieces)):
            candidate = ", ".join(pieces[k:])
            if _is_full_date(candidate):
                author, date_text = ", ".join(pieces[:k]), candidate
                break
    return author or None, date_text


def _date_line(line: str) -> str | None:
    """The date of a line that is only a date ("Published: 4 Jan 2019" too)."""
    if is_dateline(line):
        return line
    if _DATE_LINE_PREFIXED.match(line) and len(line) <= 80:
        return _DATE_PREFIX.sub("", line)
    return None


def _looks_like_title(line: str) -> bool:
    return len(line) <= _MAX_TITLE_CHARS and not line.endswith((".", ",", ";", ":"))


def draft_from_plain_text(text: str, source: str, origin: str | None = None) -> Draft:
    """Split a plain-text article into title, standfirst, byline and body."""
    lines = normalize_lines(text)
    positions = [i for i, line in enumerate(lines) if line][:_HEADER_SCAN]
    title: str | None = None
    standfirst: list[str] = []
    author: str | None = None
    published: str | None = None
    body_start = 0

    byline_at = next(
        (n for n, i in enumerate(positions) if parse_byline(lines[i]) is not None), None
    )
    if byline_at is not None:
        header = [lines[i] for i in positions[:byline_at] if not is_furniture(lines[i])]
        author, published = parse_byline(lines[positions[byline_at]]) or (None, None)
        if header and _looks_like_title(header[0]):
            title = header[0]
            for line in header[1:]:
                found = _date_line(line)
                if found and published is None:
                    published = found
                elif not found:
                    standfirst.append(line)
        else:
            # No title above the byline: those lines are body.
            standfirst = []
            title = None
        body_start = positions[byline_at] + 1
        if title is None and header:
            body_lines = lines[: positions[byline_at]] + [""] + lines[body_start:]
            lines, body_start = body_lines, 0
    elif positions:
        # The first block (up to the first blank line) is the header when its
        # first line reads like a title and more text follows.
        first = positions[0]
        end = first
        while end < len(lines) and lines[end]:
            end += 1
        block = lines[first:end]
        more_follows = any(lines[end:])
        if (
            _looks_like_title(block[0])
            and all(len(line) <= _MAX_HEADER_LINE_CHARS for line in block)
            and (more_follows or len(block) > 1)
        ):
            title = block[0]
            for line in block[1:]:
                found = _date_line(line)
                if found and published is None:
                    published = found
                else:
                    standfirst.append(line)
            body_start = end
            if not more_follows:
                # "Title\nOne paragraph": the paragraph is the body, not a standfirst.
                lines, body_start, standfirst = standfirst, 0, []

    body = lines[body_start:]
    # A date-only or "Published: ..." line opening the body is metadata.
    dateline, rest = split_dateline(body)
    if dateline is not None:
        published = published or dateline
        body = rest
    else:
        head = next((line for line in body if line), None)
        if head is not None and _DATE_LINE_PREFIXED.match(head) and (found := _date_line(head)):
            published = published or found
            body = body[body.index(head) + 1 :]

    return Draft(
        source=source,
        body="\n".join(body),
        title=title,
        standfirst=" ".join(standfirst) or None,
        author=author,
        published=published,
        origin=origin,
    )


def read_text_file(
    path: Path, max_file_bytes: int, checks: Checks
) -> Iterator[Article | Skipped | ReadWarning]:
    data = read_bytes(path, max_file_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    text = decode_text(data, str(path))
    if isinstance(text, Skipped):
        yield text
        return
    yield from emit(draft_from_plain_text(text, str(path), origin=str(path)), checks)
