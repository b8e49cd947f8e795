"""Is this English? langdetect, seeded so that the same text always gets the
same answer, and only asked when there is enough text to judge."""

from __future__ import annotations

import re
import threading

# Below this many letters langdetect guesses; such texts are assumed English.
MIN_LETTERS = 80
# langdetect's cost grows with the text and its answer is stable well before this.
SAMPLE_CHARS = 1000
# Keep the article when English has at least this probability.
MIN_ENGLISH_PROB = 0.5

# Running English prose is about a quarter these words; other languages that use
# the Latin alphabet have few of them. Above the threshold langdetect is not
# asked, which saves most of its cost on an English corpus.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by it at from has have be are were said will not this".split()
)
_FAST_PATH_RATIO = 0.15
_FAST_PATH_MIN_WORDS = 40
_WORD = re.compile(r"[^\W\d_]+")

_lock = threading.Lock()
_ready = False


def _init() -> None:
    global _ready
    with _lock:
        if not _ready:
            from langdetect import DetectorFactory

            DetectorFactory.seed = 0
            _ready = True


def english_probability(text: str) -> tuple[float, str] | None:
    """(probability of English, description of the best guess) or None when unknown."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    words = _WORD.findall(sample.lower())
    if len(words) >= _FAST_PATH_MIN_WORDS:
        ratio = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
        if ratio >= _FAST_PATH_RATIO:
            return 1.0, f"en (function words {ratio:.2f})"
    _init()
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        langs = detect_langs(sample)
    except LangDetectException:
        return None
    if not langs:
        return None
    english = next((float(guess.prob) for guess in langs if guess.lang == "en"), 0.0)
    best = ", ".join(f"{guess.lang} {guess.prob:.2f}" for guess in langs[:3])
    return english, best
