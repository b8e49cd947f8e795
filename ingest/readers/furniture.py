"""Page furniture: the lines around an article that are not the article.

Photo credits, share prompts, "Read more", newsletter pitches are dropped where
they stand; a heading such as "Most Popular" or "Related Articles" starts the
list of other stories at the foot of a page, so it and everything after it go.
Patterns match whole (short) lines only, so a sentence that merely mentions a
photo or a share is kept.
"""

from __future__ import annotations

import re

_MAX_FURNITURE_CHARS = 120

_DROP_LINE = re.compile(
    r"""^(?:
        \(?\s*(?:photo|image|picture|video|graphic|illustration)s?\s*(?:credits?|source|courtesy)?\s*:[^)]*\)?
      | (?:share|share\s+(?:this|the)\s+(?:article|story|post|page)|share\s+(?:on|via)\s+\w+)[:!.]?
      | (?:tweet|email|print|copy\s+link|whatsapp|facebook|twitter|linkedin|telegram|reddit)
      | (?:click|tap)\s+here\b.*
      | read\s+(?:more|also|next)\b.*
      | see\s+also:?.*
      | continue\s+reading\b.*
      | advertisements?|sponsored(?:\s+content)?|ad
      | subscribe\b.*
      | sign\s+up\b.*newsletter.*
      | follow\s+us\s+on\b.*
      | join\s+(?:us|our)\s+on\b.*
      | tags?\s*:.*
      | (?:©|\(c\)|copyright)\s.*all\s+rights\s+reserved\.?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Headings after which a page lists other stories.
_TAIL_HEADING = re.compile(
    r"""^(?:most\s+(?:popular|read|viewed|shared)|related(?:\s+(?:articles?|stories|news|content|posts))?
      | you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|more\s+(?:stories|news)|trending(?:\s+now)?
      | latest\s+(?:news|stories))\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)

# A credit in parentheses inside a line, e.g. "... (Photo Credit: AP) ...".
_INLINE_CREDIT = re.compile(
    r"\s*\(\s*(?:photo|image|picture|video)s?\s*(?:credits?|source|courtesy)?\s*:[^)]{0,80}\)",
    re.IGNORECASE,
)


def is_furniture(line: str) -> bool:
    line = line.strip()
    return len(line) <= _MAX_FURNITURE_CHARS and bool(_DROP_LINE.match(line))


def is_tail_heading(line: str) -> bool:
    line = line.strip()
    return len(line) <= _MAX_FURNITURE_CHARS and bool(_TAIL_HEADING.match(line))


def strip_furniture(lines: list[str]) -> list[str]:
    """The lines without furniture; blank lines ("") are kept as paragraph breaks.

    A tail heading only cuts the page once some body text has been seen, so a
    page that opens with "Related" does not lose everything.
    """
    kept: list[str] = []
    seen_text = False
    for line in lines:
        if not line:
            kept.append(line)
            continue
        if seen_text and is_tail_heading(line):
            break
        if is_furniture(line):
            continue
        line = _INLINE_CREDIT.sub("", line).strip()
        if line:
            kept.append(line)
            seen_text = True
    return kept
