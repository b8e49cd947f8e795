"""The Extractor: spaCy + entity resolution + relation extraction -> Extraction.

    extractor = Extractor()                     # loads the configured model once
    for extraction in extractor.extract(articles, batch_size=32):
        ...                                     # entities, mentions, claims per article

Articles go through `nlp.pipe(..., as_tuples=True)` in batches (optionally in
several processes); per doc the work after spaCy is `ingest.resolve.resolve`
and `ingest.relations.extract_claims`, both linear in the doc's length.
The same article always gives the same Extraction.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator, Sequence, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from graph.models import Article, Entity, Extraction, Mention
from ingest.relations import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract_claims
from ingest.relations.sentences import ensure_line_breaks

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "MAX_MENTIONS_PER_SENTENCE", "MAX_SENTENCE_TOKENS", "Extractor"]

# Bounds on relation extraction per sentence. Coordinated lists on both sides of
# a cue give |subjects| x |objects| claims, and each claim costs time linear in
# its sentence: a sentence listing hundreds of names (a roll call, a flattened
# table) took minutes and gave thousands of claims. Mentions past the first
# MAX_MENTIONS_PER_SENTENCE of a sentence, and every mention of a sentence
# longer than MAX_SENTENCE_TOKENS (a list or a run-on, not a statement), are
# still recorded as mentions but take part in no claim.
MAX_MENTIONS_PER_SENTENCE = 40
MAX_SENTENCE_TOKENS = 400

_M = TypeVar("_M")


def mentions_for_pairing(
    resolved: Sequence[_M],
    sentence_lengths: Sequence[int],
    max_mentions: int = MAX_MENTIONS_PER_SENTENCE,
    max_tokens: int = MAX_SENTENCE_TOKENS,
) -> list[_M]:
    """The mentions relation extraction may pair: the first `max_mentions` of
    each sentence of at most `max_tokens` tokens, in document order."""
    seen: Counter[int] = Counter()
    kept: list[_M] = []
    for m in resolved:
        si: int = m.sentence_index  # type: ignore[attr-defined]
        if si < len(sentence_lengths) and sentence_lengths[si] > max_tokens:
            continue
        seen[si] += 1
        if seen[si] <= max_mentions:
            kept.append(m)
    return kept


class Extractor:
    """Turns Articles into Extractions (entities, mentions, claims)."""

    name = EXTRACTOR_NAME
    version = EXTRACTOR_VERSION

    def __init__(self, nlp: Language | None = None) -> None:
        if nlp is None:
            from ingest.nlp import load_nlp

            nlp = load_nlp()
        # Paragraph breaks end sentences (see ingest.relations.sentences).
        self.nlp = ensure_line_breaks(nlp)
        from ingest import resolve as _resolve

        self._resolve = _resolve.resolve
        self._country_of = getattr(_resolve, "country_of", None)

    def extract(
        self, articles: Iterable[Article], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Extraction]:
        pairs = ((a.text, a) for a in articles)
        if n_process > 1:
            # nlp.pipe deals whole batches out to its workers in turn, so one
            # pipeline batch of `batch_size` articles would all go to a single
            # worker while the others idle; small batches keep every process busy.
            batch_size = max(1, batch_size // (2 * n_process))
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield self.from_doc(doc, article)

    def extract_one(self, article: Article) -> Extraction:
        return next(iter(self.extract([article], batch_size=1)))

    def from_doc(self, doc: Doc, article: Article) -> Extraction:
        """Everything after spaCy, for one parsed article."""
        resolved = self._resolve(doc, article.id)
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []
        for m in resolved:
            entities.setdefault(m.entity.id, m.entity)
            mentions.append(Mention(m.entity.id, m.text, m.start_char, m.end_char, m.rule, m.sentence_index))
        lengths = [len(s) for s in doc.sents] if doc.has_annotation("SENT_START") else [len(doc)]
        pairable = mentions_for_pairing(resolved, lengths)
        relations = extract_claims(doc, pairable, article, self._country_of)
        for eid, ent in relations.extra_entities.items():
            entities.setdefault(eid, ent)
        return Extraction(article=article, entities=entities, mentions=mentions, claims=relations.claims)
