"""A line break ends a sentence in news text.

Paragraphs, titles and bylines arrive separated by newlines; the statistical
parser sometimes runs across them ("... personnel.”\\n\\nIsrael and Turkiye
are ..."), which joins unrelated clauses and lets one sentence's speaker or
negation leak into the next. This component, placed before the parser, marks
the first token after any newline as a sentence start (the parser respects
preset boundaries).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT_NAME = "geokg_line_breaks"


@Language.component(COMPONENT_NAME)
def line_breaks(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
            elif tok.i + 2 < len(doc):
                doc[tok.i + 2].is_sent_start = True
    return doc


def ensure_line_breaks(nlp: Language) -> Language:
    """Add the component before the parser once (idempotent)."""
    if COMPONENT_NAME not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT_NAME, before="parser")
    return nlp
