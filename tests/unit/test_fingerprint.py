"""Text fingerprints and evidence keys (graph.duplicates, ingest.readers.fingerprint).
Hand-written texts."""

from __future__ import annotations

from graph.duplicates import DUPLICATE_SIMILARITY, band_keys, sentence_key, similarity
from ingest.readers import article_from_text
from ingest.readers.fingerprint import fingerprint

STORY = (
    "The two ministers met in the border town on Thursday and agreed to reopen the crossing for trucks "
    "carrying food and medicine. Officials said the first convoy would leave within days, after engineers "
    "had checked the bridge. Farmers on both sides welcomed the decision, which ends a closure of five months, "
    "and traders said prices in the local markets had already begun to fall."
)


def test_a_syndicated_copy_is_a_near_duplicate_and_another_story_is_not() -> None:
    copy = "By a staff reporter. " + STORY + " This story first ran in a partner newspaper."
    other = STORY.replace("reopen the crossing for trucks", "close the crossing to all traffic").replace(
        "welcomed the decision", "protested against the decision"
    ) + " The opposition called the move a betrayal and promised to block it in parliament next month."
    assert similarity(fingerprint(STORY), fingerprint(copy)) >= DUPLICATE_SIMILARITY
    assert similarity(fingerprint(STORY), fingerprint(other)) < DUPLICATE_SIMILARITY
    # near-duplicates share a locality-sensitive band, so the loader finds them
    assert set(band_keys(fingerprint(STORY))) & set(band_keys(fingerprint(copy)))


def test_the_fingerprint_ignores_case_spacing_and_punctuation_and_is_stable() -> None:
    assert fingerprint(STORY) == fingerprint(STORY.upper().replace(",", " ,  "))
    assert len(fingerprint(STORY)) == 64 and fingerprint("") == ()


def test_articles_read_from_text_carry_their_fingerprint() -> None:
    article = article_from_text(STORY, url="https://example.org/a", detect_language=False)
    assert article.fingerprint == fingerprint(article.text)


def test_sentence_keys_ignore_case_and_punctuation_only() -> None:
    assert sentence_key("Iran accused Israel.") == sentence_key("IRAN  accused Israel!")
    assert sentence_key("Iran accused Israel.") != sentence_key("Israel accused Iran.")
