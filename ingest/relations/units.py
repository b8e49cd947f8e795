"""Membership of military units and organisations stated by the form of the text.

- Unit chains, the way military news addresses a unit: "3rd Battalion, 321st
  Field Artillery Regiment", "2nd Battalion, 5th Special Forces Group, Fort
  Campbell, Kentucky": each unit belongs to the larger one named after it,
  and the last is at the post named after it. Only when the echelon grows
  (battalion before regiment), so that a list of peers ("1st Brigade, 2nd
  Brigade and 3rd Brigade") is not read as a chain.
- Assignment: "Booker was assigned to 2nd Battalion" -> MEMBER_OF.
- "as part of": "the squadron will fly missions as part of the 407th Air
  Expeditionary Group", "The UK, as part of the Global Coalition, ..." ->
  MEMBER_OF. Not for operations or campaigns ("as part of Operation Inherent
  Resolve"), which are not bodies one belongs to.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from graph.ontology import EntityKind
from ingest.relations.arguments import Arg, DocIndex, MentionLike, subject_tokens
from ingest.relations.patterns import Candidate, make_candidate

# Echelon of a unit by its last word: a unit belongs to a higher one.
UNIT_ECHELON: dict[str, int] = {
    "team": 0, "section": 0, "detachment": 1, "platoon": 1, "company": 2, "battery": 2, "troop": 2,
    "battalion": 3, "squadron": 3, "regiment": 4, "group": 4, "wing": 5, "brigade": 5,
    "division": 6, "corps": 7, "fleet": 8, "command": 8,
}
_MEMBER_KINDS = (EntityKind.ORGANIZATION, EntityKind.GROUP)
_UNIT_PLACE_KINDS = (EntityKind.CITY, EntityKind.PLACE)
ASSIGNMENT_VERBS = frozenset({"assign", "attach", "reassign"})
_NOT_BODIES = ("operation ", "campaign ", "exercise ")


def echelon(m: MentionLike) -> int | None:
    words = m.text.lower().split()
    return UNIT_ECHELON.get(words[-1]) if words else None


def unit_chains(sent: Span, index: DocIndex) -> Iterator[Candidate]:
    doc = index.doc
    ms = [m for m in index.mentions if sent.start <= m.start_token < sent.end]
    for k in range(len(ms) - 1):
        a, b = ms[k], ms[k + 1]
        rank_a = echelon(a)
        if rank_a is None or a.entity.kind not in _MEMBER_KINDS:
            continue
        if not (a.end_token < len(doc) and doc[a.end_token].text == "," and b.start_token == a.end_token + 1):
            continue
        rank_b = echelon(b)
        comma = doc[a.end_token]
        if rank_b is not None and b.entity.kind in _MEMBER_KINDS and rank_b > rank_a:
            yield make_candidate("MEMBER_OF", index.arg_of_mention(a), index.arg_of_mention(b), comma, 0.6, "member:unit-chain")
        elif b.entity.kind in _UNIT_PLACE_KINDS and b.role != "demonym":
            # "5th Special Forces Group, Fort Campbell, Kentucky": the unit's post
            yield make_candidate("LOCATED_IN", index.arg_of_mention(a), index.arg_of_mention(b), comma, 0.5, "located:unit-post")


def _bodies(tok: Token, index: DocIndex) -> list[Arg]:
    return [
        a
        for a in index.args(tok, allow_modifier=False, allow_pronoun=False)
        if a.entity.kind in _MEMBER_KINDS and not a.text.lower().startswith(_NOT_BODIES)
    ]


def assignments(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """"X was assigned to Y" -> MEMBER_OF(X, Y)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ASSIGNMENT_VERBS:
        return
    members = [a for c in tok.children if c.dep_ in ("nsubjpass", "dobj") for a in index.args(c, allow_pronoun=False)]
    if not members and tok.dep_ in ("relcl", "acl"):
        members = index.args(tok.head, allow_pronoun=False)
    units = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj" for a in _bodies(p, index)]
    for m in members:
        for u in units:
            if m.entity.id != u.entity.id:
                yield make_candidate("MEMBER_OF", m, u, tok, 0.6, "member:assigned")


def part_of(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """"as part of Y": the clause's subject (or the noun "as" hangs on) is part of Y."""
    if tok.lower_ != "as" or tok.dep_ != "prep":
        return
    part = [p for p in tok.children if p.dep_ == "pobj" and p.lemma_.lower() == "part"]
    if not part:
        return
    wholes = [a for c in part[0].children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj" for a in _bodies(p, index)]
    if not wholes:
        return
    head = tok.head
    if head.dep_ in ("aux", "auxpass"):
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        # whoever the clause is about, active or passive ("the UK ... is committed")
        subj_toks = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj_toks:
            subj_toks, _ = subject_tokens(head)
    else:
        subj_toks = [head]  # "The UK, as part of the Global Coalition, ..."
    members = [a for t in subj_toks for a in index.args(t, allow_pronoun=False) if a.entity.kind != EntityKind.PERSON]
    for m in members:
        for w in wholes:
            if m.entity.id != w.entity.id:
                yield make_candidate("MEMBER_OF", m, w, tok, 0.55, "member:part-of")
