"""Relation extraction: from a parsed article and its resolved mentions to claims.

`extract_claims(doc, mentions, article)` reads the titles of every person
(`titles.py`), then runs the construction families over every sentence that
names at least two entities, in the order of TOKEN_STEPS and SENTENCE_STEPS
(`verbal.py`, `nominal.py`, `locations.py`, `units.py`), and turns the
candidates into de-duplicated `graph.models.Claim`s in document order
(`claims.py`: argument normalisation, the ontology's kind rules, context).
Word lists are in `ingest.words`, the cue lexicon in `lexicon.py`.
"""

from __future__ import annotations

from typing import Callable, Iterable, NamedTuple, Sequence

from spacy.tokens import Doc, Span, Token

from graph.models import Article
from ingest.relations.arguments import Arg, DocIndex, MentionLike
from ingest.relations.candidates import Candidate
from ingest.relations.claims import CountryOf, RelationResult, build_claims
from ingest.relations.locations import event_locations, locations
from ingest.relations.nominal import nominal
from ingest.relations.titles import title_candidates
from ingest.relations.units import assignments, hometowns, included_places, member_nouns, membership_lists, part_of, unit_chains
from ingest.relations.verbal import verbal

EXTRACTOR_NAME = "geokg-rules"
# Bump on any change of behaviour: claims carry it, so a graph can tell which
# version produced what.
EXTRACTOR_VERSION = "0.4.0"


class TokenStep(NamedTuple):
    """A family that reads one token, tried on tokens of these parts of speech."""

    name: str
    pos: frozenset[str]
    find: Callable[[Token, DocIndex], Iterable[Candidate]]


class SentenceStep(NamedTuple):
    """A family that reads a whole sentence."""

    name: str
    find: Callable[[Span, DocIndex, CountryOf | None], Iterable[Candidate]]


_VERB = frozenset({"VERB"})
# Order matters: candidates keep it, and of two equally confident readings of
# one claim the first is kept.
TOKEN_STEPS: tuple[TokenStep, ...] = (
    TokenStep("verbal", _VERB, verbal),
    TokenStep("event-locations", _VERB, event_locations),
    TokenStep("membership-lists", frozenset({"VERB", "ADP"}), membership_lists),
    TokenStep("member-nouns", frozenset({"NOUN"}), member_nouns),
    TokenStep("assignments", _VERB, assignments),
    TokenStep("part-of", frozenset({"ADP", "SCONJ"}), part_of),
    TokenStep("nominal", frozenset({"NOUN", "PROPN", "VERB"}), nominal),
)
# Run after the token steps of the sentence.
SENTENCE_STEPS: tuple[SentenceStep, ...] = (
    SentenceStep("locations", locations),
    SentenceStep("unit-chains", lambda sent, index, country_of: unit_chains(sent, index)),
    SentenceStep("hometowns", lambda sent, index, country_of: hometowns(sent, index)),
    SentenceStep("included-places", lambda sent, index, country_of: included_places(sent, index)),
)


def extract_claims(
    doc: Doc,
    mentions: Sequence[MentionLike],
    article: Article,
    country_of: CountryOf | None = None,
    extractor_version: str = EXTRACTOR_VERSION,
    trace: object | None = None,
) -> RelationResult:
    """trace: an optional recorder of the decisions (ingest.explain.Trace)."""
    index = DocIndex(doc, mentions, trace)
    result = RelationResult()
    sents = list(doc.sents)
    sent_of_token: list[int] = [0] * len(doc)
    for si, s in enumerate(sents):
        for i in range(s.start, s.end):
            sent_of_token[i] = si

    # Titles first: they also tell which state an official stands for.
    candidates, office = title_candidates(index)

    mention_sents: dict[int, set[str]] = {}
    for m in index.mentions:
        si = sent_of_token[m.start_token] if m.start_token < len(doc) else 0
        # a capital acting as its state still names a second thing (the city)
        key = f"{m.entity.id}|{m.text}" if m.rule == "capital-metonymy" else m.entity.id
        mention_sents.setdefault(si, set()).add(key)
        mention_sents[si].update(e.id for e in getattr(m, "members", ()))  # "the two countries": both
    for si, sent in enumerate(sents):
        ents = mention_sents.get(si, set())
        if not ents:
            continue
        has_pronoun = any(t.lower_ in ("it", "its") for t in sent)
        joined_place = any("," in m.text for m in index.mentions if sent.start <= m.start_token < sent.end)
        if len(ents) < 2 and not has_pronoun and not joined_place:
            if trace is not None:
                trace.skip(si, "the sentence names fewer than two entities: no relation is looked for")  # type: ignore[attr-defined]
            continue
        for tok in sent:
            for step in TOKEN_STEPS:
                if tok.pos_ in step.pos:
                    candidates.extend(step.find(tok, index))
        for sstep in SENTENCE_STEPS:
            candidates.extend(sstep.find(sent, index, country_of))

    result.claims = build_claims(
        candidates, index, article, sents, sent_of_token, office, country_of, result, EXTRACTOR_NAME, extractor_version
    )
    return result


__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "TOKEN_STEPS",
    "SENTENCE_STEPS",
    "RelationResult",
    "extract_claims",
    "Arg",
    "DocIndex",
]
