"""Whitespace normalisation shared by every reader.

Article.text is built here, so the offsets the NLP produces index into exactly
this string: paragraphs separated by one blank line, lines inside a paragraph
joined by a space (hard-wrapped text reads as one paragraph), no-break and other
Unicode spaces turned into plain spaces, invisible characters dropped.
"""

from __future__ import annotations

import re

# Unicode spaces spaCy would otherwise keep as odd whitespace tokens.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters and control characters other than newline.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MULTISPACE = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n[ \n]*\n")
_COLLAPSE = re.compile(r"\s+")


def normalize_lines(text: str) -> list[str]:
    """The text as stripped lines, with "" marking blank lines; newlines unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    return [_MULTISPACE.sub(" ", line).strip() for line in text.split("\n")]


def paragraphs_from_lines(lines: list[str]) -> list[str]:
    """Group lines into paragraphs at blank lines, joining each paragraph's lines."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def clean_inline(value: str | None) -> str | None:
    """A one-line field (title, author...): whitespace collapsed, None when empty."""
    if value is None:
        return None
    value = _INVISIBLE.sub("", _COLLAPSE.sub(" ", str(value))).strip()
    return value or None


def fingerprint_text(text: str) -> str:
    """The form hashed for text-based ids: whitespace collapsed, casefolded."""
    return _COLLAPSE.sub(" ", text).strip().casefold()


def is_blank(text: str) -> bool:
    return not text or not _BLANK_LINES.sub("", text).strip()
