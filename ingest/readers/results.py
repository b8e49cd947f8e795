"""What a reader hands back besides articles: skips and warnings, each with a reason.

Reasons are short kebab-case codes so reports can group them; `detail` says what
exactly happened and, where useful, what to do about it.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.models import Article

# Reasons an input produced no article.
NOT_FOUND = "not-found"
UNREADABLE = "unreadable"
EMPTY = "empty"
BINARY = "binary"
UNDECODABLE = "undecodable"
TOO_LARGE = "too-large"
TOO_LONG = "too-long"
NON_ENGLISH = "non-english"
MALFORMED_JSON = "malformed-json"
MISSING_TEXT = "missing-text"
NO_MAIN_TEXT = "no-main-text"
MALFORMED_FEED = "malformed-feed"
BROKEN_FEED_ENTRY = "broken-feed-entry"
UNSUPPORTED_FORMAT = "unsupported-format"
DUPLICATE = "duplicate"
# Set by the pipeline, not the readers.
EXTRACTION_FAILED = "extraction-failed"
LOAD_FAILED = "load-failed"

# Reasons an article was kept but something about it was off.
BAD_DATE = "bad-date"
DATE_OUT_OF_RANGE = "date-out-of-range"


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input (file, JSONL line, feed entry) that produced no article."""

    source: str  # path, "path:line" for JSONL, "path#entry-N" for feeds
    reason: str  # one of the codes above
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """An article that was kept, with something worth reporting (a bad date...).

    Only yielded by `read_paths(..., warnings=True)`; it comes right before the
    article it is about.
    """

    source: str
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


ReadResult = Article | Skipped


class InputRejected(ValueError):
    """`article_from_text` refused its input; `.skipped` says why."""

    def __init__(self, skipped: Skipped) -> None:
        super().__init__(f"{skipped.reason}: {skipped.detail}" if skipped.detail else skipped.reason)
        self.skipped = skipped

    @property
    def reason(self) -> str:
        return self.skipped.reason
