"""Character spans: overlap tests and the sentence around an offset."""

from __future__ import annotations

import bisect
import re


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Half-open spans [start, end) share at least one character."""
    return a_start < b_end and b_start < a_end


def overlap_size(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


# A sentence ends at a line break or after . ! ? followed by space and a capital/quote,
# unless the period ends an initial ("Isiah L. Booker"), an abbreviation with inner
# periods ("U.S. Army") or a common title/month abbreviation ("Gen. Votel").
_BOUNDARY = re.compile(r"\n+|(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“‘(])")
_NOT_AN_END = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Maj|Capt|Sgt|Cmdr|Adm|"
    r"Brig|Rep|Sen|Gov|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Jr|Sr|vs|etc))\.$"
)


class SentenceIndex:
    """Plain-text sentence boundaries of one text, to show errors in context.

    Independent of spaCy so that gold errors (which have no spaCy sentence)
    and predicted ones are shown the same way.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        for m in _BOUNDARY.finditer(text):
            if m.group(0).startswith("\n") or not _NOT_AN_END.search(text[max(0, m.start() - 12) : m.start()].rstrip("\"”’)")):
                starts.append(m.end())
        self._starts = sorted(set(starts))

    def sentence_at(self, offset: int) -> str:
        i = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[max(i, 0)]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return self.text[start:end].strip()

    def sentence_number(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)
