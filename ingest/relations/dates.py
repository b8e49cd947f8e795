"""Event time: the date a claim's clause gives, with its precision and words.

A DATE entity that governs the trigger's clause (or one of the nouns between
the trigger and its verb) dates the event: "in 1941", "during the 1980s war",
"last month", "on 30 November", "two years ago", "in August last year", read
against the article's date where they are relative. What a date says about
the claim:

- its precision (day, week, month, year, decade) and the words that gave it
  travel with the claim (Claim.event_date_precision / event_date_text);
- an event that ended more than `HISTORY_DAYS` before the article is history
  recalled in passing (modality `historical`), not news (`is_history`);
- "since 1993" dates the start of a state that still holds: the claim keeps the
  date with `ongoing` set, is never history, and its period runs to the
  article's date; "for two years", "until 2015", "throughout the decade" name
  spans, not points, and date nothing; a conflict named by its length ("the
  eight-year war") is over, so it is history without a date
  (`is_completed_event`).

The parser reads only what the NER already tagged DATE, so "May" is a month
here; it is hand-written because the precision and the durations and spans
above are the point, and a general date library (dateparser) returns a
datetime without them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

DAY = "day"
WEEK = "week"
MONTH = "month"
YEAR = "year"
DECADE = "decade"
PRECISIONS: tuple[str, ...] = (DAY, WEEK, MONTH, YEAR, DECADE)

# "about a year": an event dated within the year before the article is news
# that is still being reported (last spring's deal), older ones are history.
HISTORY_DAYS = 365

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\b(1[6-9]\d|20\d)0s\b")
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS.update({"a": 1, "an": 1, "several": 3, "few": 3})
_AGO = re.compile(r"\b(\d+|[a-z]+)\s+(day|week|month|year|decade)s?\s+ago\b")
# A length, not a point in time ("eight-year", "six-day", "30-year-old").
_COUNT_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|several|few|many"
_DURATION = re.compile(
    rf"^(?:the\s+|a\s+)?(?:\d+|{_COUNT_WORDS})[- ](?:year|month|week|day|decade)s?(?:[- ]long)?$"
)
# Clock times the model sometimes tags as dates ("1922 UTC").
_CLOCK = frozenset({"utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "bst", "ist", "hours", "hrs", "am", "pm", "local"})
# Prepositions whose date is the start or span of a state that still holds.
_SPAN_PREPS = frozenset({"since", "for", "over", "throughout", "until", "till", "through"})


@dataclass(frozen=True, slots=True)
class EventDate:
    date: date  # the first day of the period the words name
    precision: str  # one of PRECISIONS
    text: str  # the words that gave it
    ongoing: bool = False  # "since 1993": the state began then and still holds

    def end(self) -> date:
        """The last day of the period."""
        d = self.date
        if self.precision == DAY:
            return d
        if self.precision == WEEK:
            return d + timedelta(days=6)
        if self.precision == MONTH:
            return d.replace(day=calendar.monthrange(d.year, d.month)[1])
        if self.precision == YEAR:
            return date(d.year, 12, 31)
        return date(d.year + 9, 12, 31)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _months_back(ref: date, n: int) -> date:
    y, m = divmod(ref.year * 12 + ref.month - 1 - n, 12)
    return date(y, m + 1, 1)


def parse_event_date(text: str, article_date: date | None) -> EventDate | None:
    """A DATE entity's words as a dated period, relative to the article's date
    when they need one; None for durations and words that name no period."""
    low = text.lower().strip()
    words = re.findall(r"[a-z]+|\d+", low)
    if not words or any(w in _CLOCK for w in words) or _DURATION.match(low):
        return None
    ref = article_date
    decade = _DECADE.search(low)
    if decade:
        return EventDate(date(int(decade.group(1)) * 10, 1, 1), DECADE, text)
    if ref is not None:
        ago = _AGO.search(low)
        if ago:
            n, unit = _count(ago.group(1)), ago.group(2)
            if n is None:
                return None
            if unit == "year":
                return EventDate(date(ref.year - n, 1, 1), YEAR, text)
            if unit == "decade":
                return EventDate(date((ref.year - 10 * n) // 10 * 10, 1, 1), DECADE, text)
            if unit == "month":
                return EventDate(_months_back(ref, n), MONTH, text)
            days = n * (7 if unit == "week" else 1)
            return EventDate(ref - timedelta(days=days), WEEK if unit == "week" else DAY, text)
        if "yesterday" in words:
            return EventDate(ref - timedelta(days=1), DAY, text)
        if "today" in words or "tonight" in words:
            return EventDate(ref, DAY, text)
        shift = -1 if "last" in words or "previous" in words else (1 if "next" in words else 0)
        anchor = shift != 0 or "this" in words
        if anchor and "week" in words:
            monday = ref - timedelta(days=ref.weekday())
            return EventDate(monday + timedelta(days=7 * shift), WEEK, text)
        if anchor and "month" in words:
            return EventDate(_months_back(ref, -shift), MONTH, text)
        if anchor and "year" in words:
            month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
            if month is not None:  # "in August last year"
                return EventDate(date(ref.year + shift, month, 1), MONTH, text)
            return EventDate(date(ref.year + shift, 1, 1), YEAR, text)
        for w in words:
            if w in _WEEKDAYS and len(words) <= 3:
                delta = (ref.weekday() - _WEEKDAYS[w]) % 7
                if shift == 1:
                    return EventDate(ref + timedelta(days=(7 - delta) % 7 or 7), DAY, text)
                return EventDate(ref - timedelta(days=delta), DAY, text)
    ym = _YEAR.search(low)
    year = int(ym.group(1)) if ym else None
    month = next((_MONTHS[w] for w in words if w in _MONTHS and len(w) >= 3), None)
    if month is None:
        return EventDate(date(year, 1, 1), YEAR, text) if year is not None else None
    day = None
    dm = _DAY.search(_YEAR.sub(" ", low))
    if dm and 1 <= int(dm.group(1)) <= 31:
        day = int(dm.group(1))
    if year is None:
        if ref is None:
            return None
        # the latest such day (or month) not after the article
        year = ref.year if (month, day or 1) <= (ref.month, ref.day) else ref.year - 1
    try:
        if day is None:
            return EventDate(date(year, month, 1), MONTH, text)
        return EventDate(date(year, month, day), DAY, text)
    except ValueError:
        return None


def is_history(event: EventDate | None, article_date: date | None) -> bool:
    """The event ended more than HISTORY_DAYS before the article."""
    if event is None or article_date is None or event.ongoing:
        return False
    return event.end() < article_date - timedelta(days=HISTORY_DAYS)


def _clause_chain(trigger: Token) -> set[int]:
    """The trigger, the verb that governs it, and the nouns in between."""
    chain = {trigger.i}
    t = trigger
    while t.pos_ not in ("VERB", "AUX") and t.head != t:
        t = t.head
        chain.add(t.i)
    return chain


def event_date(trigger: Token) -> tuple[Span, str | None] | None:
    """The DATE entity that dates the trigger's clause, and the span preposition
    it hangs from ("since", "for"), if any; None when no date governs it."""
    sent: Span = trigger.sent
    chain = _clause_chain(trigger)
    doc = trigger.doc
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        if ent.end < len(doc) and doc[ent.end].lower_ in _CLOCK:
            continue
        # climb from the date to its verb (or to a chain noun)
        h = ent.root
        span = ent[0].lower_ if ent[0].lower_ in _SPAN_PREPS else None
        for _ in range(6):
            if h.i in chain:
                return ent, span
            if span is None and (h.dep_ == "prep" or h.pos_ == "ADP") and h.lower_ in _SPAN_PREPS:
                span = h.lower_
            if h.head == h or (h.pos_ in ("VERB", "AUX") and h.i not in chain):
                break
            h = h.head
    return None


def dated_event(trigger: Token, article_date: date | None) -> EventDate | None:
    """The trigger's event date ("since": the start of a state that still holds;
    other spans: None)."""
    found = event_date(trigger)
    if found is None:
        return None
    ent, span = found
    if span is not None and span != "since":
        return None
    parsed = parse_event_date(ent.text, article_date)
    if parsed is None or span is None:
        return parsed
    text = ent.text if ent[0].lower_ == "since" else f"since {ent.text}"
    return EventDate(parsed.date, parsed.precision, text, ongoing=True)


def is_completed_event(trigger: Token) -> bool:
    """A conflict named by its length is over: "the eight-year war"."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = trigger.doc
    for c in trigger.children:
        if c.dep_ not in ("amod", "compound", "nmod", "nummod"):
            continue
        words = doc[c.left_edge.i : c.i + 1].text.lower()
        if _DURATION.match(words) and "old" not in words:
            return True
    return False
