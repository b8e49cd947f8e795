"""The cue-word baseline: pairs of entities in one sentence with a cue between them."""

from __future__ import annotations

import spacy

from graph.models import Article
from ingest.evaluation.baseline import BaselineExtractor, cue_lexicon


def blank_nlp():
    # No statistical model needed: a tokenizer, sentence splitter and a ruler.
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "GPE", "pattern": "Iraq"},
            {"label": "ORG", "pattern": "ISIL"},
            {"label": "GPE", "pattern": "Mosul"},
        ]
    )
    return nlp


def test_pairs_with_a_cue_between_them_get_its_type() -> None:
    text = "Iraq attacked ISIL near Mosul. ISIL and Iraq."
    base = BaselineExtractor(blank_nlp(), cues={"attacked": "ATTACKS", "near": "LOCATED_IN"})
    extraction = base.extract_one(Article(id="t", text=text))
    triples = sorted((c.subject_text, c.type, c.object_text) for c in extraction.claims)
    # the first cue in the gap decides; no cue between ISIL and Iraq in sentence 2
    assert triples == [
        ("ISIL", "LOCATED_IN", "Mosul"),
        ("Iraq", "ATTACKS", "ISIL"),
        ("Iraq", "ATTACKS", "Mosul"),
    ]
    assert len(extraction.mentions) == 5


def test_cue_lexicon_covers_located_in_and_known_types() -> None:
    cues, source = cue_lexicon()
    assert cues["in"] == "LOCATED_IN"
    assert cues["attack"] == "ATTACKS"
    assert source
