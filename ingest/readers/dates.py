"""Publication dates from whatever the source gives: ISO strings, bylines,
RFC 822 feed dates, struct_time, datetime. A date that cannot be read, that
lacks its day, or that falls outside a plausible range gives None and a problem
string; the caller keeps the article and reports a warning.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta, timezone

from dateutil import parser as dateparser

from ingest.readers import results

EARLIEST = date(1800, 1, 1)
_MAX_DATE_CHARS = 64
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")
# Two defaults that differ in every field: a component the string lacks shows up
# as a difference between the two parses.
_DEFAULT_A = datetime(2001, 1, 1)
_DEFAULT_B = datetime(2002, 2, 2)

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?,?\s+)"
# A line that is only a date: "Friday, January 4, 2019", "4 January 2019", "2019-01-04".
DATELINE = re.compile(
    rf"^{_WEEKDAY}?(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.IGNORECASE,
)


def latest_plausible() -> date:
    # A little slack for time zones and embargoed stories.
    return date.today() + timedelta(days=2)


def _check_range(d: date) -> tuple[date | None, tuple[str, str] | None]:
    if d < EARLIEST or d > latest_plausible():
        return None, (results.DATE_OUT_OF_RANGE, f"{d.isoformat()} is outside {EARLIEST.isoformat()}..today")
    return d, None


def _parse_string(value: str) -> tuple[date | None, tuple[str, str] | None]:
    text = value.strip()
    if not text:
        return None, None
    if len(text) > _MAX_DATE_CHARS:
        return None, (results.BAD_DATE, f"{text[:40]!r}... is too long to be a date")
    if _ISO.match(text):
        try:
            return _check_range(date.fromisoformat(text[:10]))
        except ValueError:
            return None, (results.BAD_DATE, f"{text!r} is not a valid calendar date")
    try:
        a = dateparser.parse(text, default=_DEFAULT_A)
        b = dateparser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None, (results.BAD_DATE, f"cannot read {text!r} as a date")
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None, (results.BAD_DATE, f"{text!r} is not a full date (needs year, month and day)")
    return _check_range(a.date())


def parse_date(value: object) -> tuple[date | None, tuple[str, str] | None]:
    """(the date or None, None or (reason, detail) when `value` was given but unusable).

    Ambiguous numeric dates such as 03/04/2020 are read month first (dateutil's default).
    """
    if value is None:
        return None, None
    try:
        if isinstance(value, datetime):
            return _check_range(value.date())
        if isinstance(value, date):
            return _check_range(value)
        if isinstance(value, time.struct_time):
            return _check_range(date(value.tm_year, value.tm_mon, value.tm_mday))
    except ValueError as e:
        return None, (results.BAD_DATE, f"{value!r}: {e}")
    if isinstance(value, bool):
        return None, (results.BAD_DATE, f"{value!r} is not a date")
    if isinstance(value, (int, float)):
        # Unix seconds, as some exports store them.
        try:
            return _check_range(datetime.fromtimestamp(value, tz=timezone.utc).date())
        except (OverflowError, OSError, ValueError):
            return None, (results.BAD_DATE, f"{value!r} is not a plausible timestamp")
    if isinstance(value, str):
        return _parse_string(value)
    return None, (results.BAD_DATE, f"a {type(value).__name__} is not a date")


def is_dateline(line: str) -> bool:
    return bool(DATELINE.match(line.strip()))


def split_dateline(lines: list[str]) -> tuple[str | None, list[str]]:
    """When the first non-blank line is only a date (as Wikinews texts begin),
    return it and the lines after it; else (None, lines)."""
    for i, line in enumerate(lines):
        if not line:
            continue
        if is_dateline(line):
            return line, lines[i + 1 :]
        break
    return None, lines
