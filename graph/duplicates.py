"""Evidence keys: when two articles are one text, and when two claims are one sentence.

An edge's support counts distinct evidence, not rows: a sentence repeated in an
article, the same interview question in every article of a series, and a story
syndicated under two URLs are each one piece of evidence. Two keys say so:

- an article's text fingerprint, a MinHash signature of its word shingles
  (computed at read time by `ingest.readers.fingerprint`, stored on the Article
  node). Articles whose signatures agree on at least `DUPLICATE_SIMILARITY` of
  their positions (an estimate of the Jaccard similarity of their shingle sets)
  are near-duplicates; candidates are found through locality-sensitive bands
  (`band_keys`), so finding them never compares an article with every other one;
- a sentence key, the hash of the sentence's normalised text (`sentence_key`);
  the loader stores it on every claim, and the fact recompute counts distinct
  (outlet, sentence key) pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

SIGNATURE_SIZE = 64
BAND_ROWS = 4  # 16 bands of 4 rows: pairs above ~0.5 Jaccard share a band with high probability
# Syndicated copies differ by a byline, a headline or a closing paragraph; two
# different reports of one event share far fewer shingles than this.
DUPLICATE_SIMILARITY = 0.8

_NON_WORD = re.compile(r"[^\w]+")


def normalise_text(text: str) -> str:
    """Lower case, every run of punctuation and whitespace one space."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def sentence_key(sentence: str) -> str:
    """The same sentence, however it is spaced, punctuated or cased, has one key."""
    return hashlib.sha1(normalise_text(sentence).encode("utf-8")).hexdigest()[:16]


def band_keys(signature: Sequence[int]) -> list[str]:
    """Locality-sensitive bands of a signature: near-duplicates share at least one."""
    keys = []
    for start in range(0, len(signature) - BAND_ROWS + 1, BAND_ROWS):
        rows = ",".join(str(v) for v in signature[start : start + BAND_ROWS])
        keys.append(hashlib.sha1(f"{start}:{rows}".encode("ascii")).hexdigest()[:20])
    return keys


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of positions where two signatures agree (0 when not comparable)."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def min_equal_positions(size: int = SIGNATURE_SIZE) -> int:
    """How many agreeing positions make two signatures of `size` near-duplicates."""
    return -(-int(DUPLICATE_SIMILARITY * size * 1000) // 1000)


__all__ = [
    "BAND_ROWS",
    "DUPLICATE_SIMILARITY",
    "SIGNATURE_SIZE",
    "band_keys",
    "min_equal_positions",
    "normalise_text",
    "sentence_key",
    "similarity",
]
