"""The Extractor: spaCy + entity resolution + relation extraction -> Extraction.

    extractor = Extractor()                     # loads the configured model once
    for extraction in extractor.extract(articles, batch_size=32):
        ...                                     # entities, mentions, claims per article

Articles go through one `nlp.pipe` call in batches (optionally in several
processes); per doc the work after spaCy is `ingest.resolve.resolve`
and `ingest.relations.extract_claims`, both linear in the doc's length.
The same article always gives the same Extraction.
"""

from __future__ import annotations

from collections import Counter, deque
from typing import Iterable, Iterator, Sequence, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from graph.models import Article, Entity, Extraction, Mention
from ingest.relations import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract_claims
from ingest.relations.sentences import ensure_line_breaks

__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "MAX_MENTIONS_PER_SENTENCE",
    "MAX_BATCH_CHARS",
    "MAX_SENTENCE_TOKENS",
    "Extractor",
    "worker_batch_size",
]

# Bounds on relation extraction per sentence. Coordinated lists on both sides of
# a cue give |subjects| x |objects| claims, and each claim costs time linear in
# its sentence: a sentence listing hundreds of names (a roll call, a flattened
# table) took minutes and gave thousands of claims. Mentions past the first
# MAX_MENTIONS_PER_SENTENCE of a sentence, and every mention of a sentence
# longer than MAX_SENTENCE_TOKENS (a list or a run-on, not a statement), are
# still recorded as mentions but take part in no claim.
MAX_MENTIONS_PER_SENTENCE = 40
MAX_SENTENCE_TOKENS = 400

# Characters of text per nlp.pipe batch in one process. A batch's peak memory
# is its parse's, proportional to its total text, not to its article count:
# 32 Wikinews articles with four of 40-100k characters among them peaked at
# 1.5 GB, short ones at 0.5 GB. Batches close at `batch_size` articles or at
# this many characters, whichever comes first (a longer article goes alone).
MAX_BATCH_CHARS = 100_000

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


def worker_batch_size(batch_size: int, n_process: int) -> int:
    """The nlp.pipe batch size for `n_process` processes.

    nlp.pipe deals whole batches out to its workers in turn and ends when the
    last one is done, so the run waits for the worker that got the most words;
    the fewer articles per batch, the more batches and the more even the split
    (the 40 Wikinews articles of the benchmark: batches of 8 split the words
    63/37 between 2 workers, of 4 58/42, of 2 48/52). Batches of
    batch_size / (8 x n_process), 2 articles for 32 and 2 processes; the extra
    CPU of small batches was within this machine's noise (docs/performance.md)."""
    if n_process <= 1:
        return batch_size
    return max(1, batch_size // (8 * n_process))


def char_bounded_batches(
    articles: Iterable[Article], batch_size: int, max_chars: int = MAX_BATCH_CHARS
) -> Iterator[list[Article]]:
    """Consecutive groups of at most `batch_size` articles and (unless one
    article alone is longer) at most `max_chars` characters of text."""
    group: list[Article] = []
    chars = 0
    for article in articles:
        if group and (len(group) >= batch_size or chars + len(article.text) > max_chars):
            yield group
            group, chars = [], 0
        group.append(article)
        chars += len(article.text)
    if group:
        yield group


def _text_length(doc: Doc) -> int:
    """len(doc.text) without building the text (a doc reproduces its input exactly)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


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
        """Extractions in the order of `articles`, which are read lazily (as
        nlp.pipe asks for input): pass the whole stream in one call, since
        spaCy starts its `n_process` worker processes once per call.

        In one process, each batch (see char_bounded_batches) is parsed in
        its own spaCy memory zone: the words a batch adds to the vocabulary
        and string store are freed after it, so a run of days keeps the
        model's size instead of growing with every new name and number. The
        Extractions hold Python strings only, never spaCy objects, so they
        outlive the zone."""
        if n_process <= 1:
            for group in char_bounded_batches(articles, batch_size):
                with self.nlp.memory_zone():
                    yield from self._pipe(group, len(group), 1)
            return
        # Several processes: one nlp.pipe for the whole stream (workers start
        # once). No zone here: spaCy reads ahead, so docs of the next batch
        # would be freed with this one's zone.
        yield from self._pipe(articles, worker_batch_size(batch_size, n_process), n_process)

    def _pipe(self, articles: Iterable[Article], batch_size: int, n_process: int) -> Iterator[Extraction]:
        # Texts only, not (text, article) pairs: with pairs spaCy tokenises in
        # this process and copies each Doc and article to a worker, serial work
        # that caps the speed-up. nlp.pipe returns one doc per text in order
        # (its default error handler raises), so the articles wait here.
        taken: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                taken.append(article)
                yield article.text

        for doc in self.nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
            article = taken.popleft()
            length = _text_length(doc)
            if length != len(article.text):
                raise ValueError(
                    f"nlp.pipe returned a doc of {length} characters for article {article.id!r} "
                    f"of {len(article.text)}: docs and articles are out of step (a spaCy error handler "
                    "that drops docs?); extract the articles one by one"
                )
            yield self.from_doc(doc, article)

    def extract_one(self, article: Article) -> Extraction:
        return next(iter(self.extract([article], batch_size=1)))

    def from_doc(self, doc: Doc, article: Article, trace: object | None = None) -> Extraction:
        """Everything after spaCy, for one parsed article (trace: see ingest.explain)."""
        resolved = self._resolve(doc, article.id)
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []
        for m in resolved:
            entities.setdefault(m.entity.id, m.entity)
            mentions.append(Mention(m.entity.id, m.text, m.start_char, m.end_char, m.rule, m.sentence_index))
        lengths = [len(s) for s in doc.sents] if doc.has_annotation("SENT_START") else [len(doc)]
        pairable = mentions_for_pairing(resolved, lengths)
        relations = extract_claims(doc, pairable, article, self._country_of, trace=trace)
        for eid, ent in relations.extra_entities.items():
            entities.setdefault(eid, ent)
        return Extraction(article=article, entities=entities, mentions=mentions, claims=relations.claims)
