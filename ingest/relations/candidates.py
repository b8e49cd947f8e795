"""What every construction family yields, and the tree walks they share.

A `Candidate` is a claim before normalisation and context: a type, two
arguments, the trigger token, a confidence and the rule that found it.
`ingest.relations.claims` turns candidates into claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Token

from graph.ontology import Modality
from ingest.relations.arguments import Arg


@dataclass(slots=True)
class Candidate:
    type: str
    subject: Arg
    object: Arg
    trigger: Token
    trigger_start: int
    trigger_end: int
    trigger_text: str
    confidence: float
    rule: str
    title: str | None = None
    refusal: bool = False  # the trigger's negation makes it a rejection
    skip_own_aux: bool = False
    modality: Modality | None = None  # a modality the pattern itself knows ("former")
    # A relation the noun phrase presupposes ("Syrian President Assad"): the
    # clause around it ("Grenell alleged ... supporting Syrian President
    # Assad") neither negates nor hedges it; only its own words do ("former").
    presupposed: bool = False


def make_candidate(type_: str, s: Arg, o: Arg, trig: Token, conf: float, rule: str, **kw: object) -> Candidate:
    conf = conf - s.penalty - o.penalty
    return Candidate(
        type_, s, o, trig, trig.idx, trig.idx + len(trig.text), trig.text, round(max(conf, 0.05), 3), rule, **kw  # type: ignore[arg-type]
    )


def prep_objects(tok: Token) -> dict[str, list[Token]]:
    """Prepositional objects of a token by preposition ("with" -> [Armenia])."""
    out: dict[str, list[Token]] = {}
    for c in tok.children:
        # "called upon Turkey": the tagger may call a preposition SCONJ
        if c.dep_ in ("prep", "agent", "dative") and (c.pos_ == "ADP" or (c.pos_ == "SCONJ" and c.dep_ == "prep")):
            objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            out.setdefault(c.lower_, []).extend(objs)
            # "on behalf of", "against both X and Y": nested prep chains are not followed
        elif c.dep_ == "prt" and c.pos_ in ("ADP", "ADV"):
            out.setdefault(c.lower_, [])
        elif c.dep_ == "dative" and c.pos_ != "ADP":
            out.setdefault("dative", []).append(c)
    return out


def pairs(subjects: list[Arg], objects: list[Arg]) -> Iterator[tuple[Arg, Arg]]:
    for s in subjects:
        for o in objects:
            if s.start == o.start and s.end == o.end:
                continue
            # a capital read as its state may still be the city of a geographic claim;
            # self-loops are dropped after normalisation
            if s.entity.id != o.entity.id or _metonymy(s) or _metonymy(o):
                yield s, o


def _metonymy(a: Arg) -> bool:
    return a.mention is not None and a.mention.rule == "capital-metonymy"


def instrument_preps(verb: Token) -> dict[str, list[Token]]:
    """"conducted 15 strikes using fighter and bomber aircraft against ISIL
    targets": the parser hangs the target on the instrument noun; an object
    of "using" does not take "against"/"on" itself, so the phrase is the
    action's."""
    out: list[tuple[str, Token]] = []
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() == "use":
            for d in c.children:
                if d.dep_ != "dobj":
                    continue
                for noun in [d, *d.conjuncts]:
                    for k, v in prep_objects(noun).items():
                        if k in ("against", "on"):
                            out.extend((k, t) for t in v)
    merged: dict[str, list[Token]] = {}
    for k, t in out:
        merged.setdefault(k, []).append(t)
    return merged
