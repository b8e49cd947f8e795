"""The text fingerprint of an article: a MinHash signature of its word shingles.

Computed once, when the article is read, on the normalised text
(`graph.duplicates.normalise_text`), so the same story under two URLs, with a
different byline or a syndication notice, gets nearly the same signature. The
loader compares signatures to record an article's near-duplicates
(`graph.duplicates`).
"""

from __future__ import annotations

import hashlib

import numpy as np

from graph.duplicates import SIGNATURE_SIZE, normalise_text

SHINGLE_WORDS = 5
# Fixed seeds: signatures must be comparable across runs and machines. Each
# position hashes a shingle with multiply-shift, (a*x + b) mod 2^64 >> 32 for an
# odd a (numpy's uint64 arithmetic wraps, which is the mod), the usual cheap
# universal family for MinHash.
_rng = np.random.default_rng(20260415)
_A = _rng.integers(1, 1 << 63, size=SIGNATURE_SIZE, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 1 << 63, size=SIGNATURE_SIZE, dtype=np.uint64)
_SHIFT = np.uint64(32)


def _shingle_hashes(words: list[str]) -> np.ndarray:
    n = max(1, len(words) - SHINGLE_WORDS + 1)
    values = {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest(), "big")
        for i in range(n)
    }
    return np.fromiter(values, dtype=np.uint64, count=len(values))


def fingerprint(text: str) -> tuple[int, ...]:
    """The MinHash signature of `text` (SIGNATURE_SIZE values; () for a text with no words)."""
    words = normalise_text(text).split()
    if not words:
        return ()
    x = _shingle_hashes(words)
    with np.errstate(over="ignore"):
        hashed = (x[:, None] * _A[None, :] + _B[None, :]) >> _SHIFT
    return tuple(int(v) for v in hashed.min(axis=0))
