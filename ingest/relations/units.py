"""Membership and whereabouts stated by the form of the text rather than by a cue.

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
- Home towns, the way news introduces a person: "Scott Dayton, 42, of
  Woodbridge, Virginia, died ..." -> LOCATED_IN(person, Woodbridge).
- Places listed with "including": "key towns in northern Iraq including
  Rabiyah and Zumar", "Iraqi territory, including Tikrit" -> LOCATED_IN.
- Membership lists: "Coalition nations ... include Australia, Belgium and
  Canada", "Turkey within NATO" -> MEMBER_OF.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from graph.ontology import EntityKind
from ingest.gazetteer.units import unit_echelon
from ingest.relations.arguments import Arg, DocIndex, MentionLike, subject_tokens
from ingest.relations.candidates import Candidate, make_candidate
from ingest.words.military import ASSIGNMENT_VERBS
from ingest.words.places import AREA_NOUNS

_MEMBER_KINDS = (EntityKind.ORGANIZATION, EntityKind.GROUP)
_UNIT_PLACE_KINDS = (EntityKind.CITY, EntityKind.PLACE)
_NOT_BODIES = ("operation ", "campaign ", "exercise ")


def echelon(m: MentionLike) -> int | None:
    return unit_echelon(m.text)


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


def hometowns(sent: Span, index: DocIndex) -> Iterator[Candidate]:
    """"Name, 42, of Woodbridge, Virginia," -> LOCATED_IN(person, Woodbridge)."""
    doc = index.doc
    for m in index.mentions:
        if not (sent.start <= m.start_token < sent.end) or m.entity.kind != EntityKind.PERSON:
            continue
        i = m.end_token
        if i >= sent.end or doc[i].text != ",":
            continue
        i += 1
        if i + 1 < sent.end and doc[i].like_num and doc[i + 1].text == ",":
            i += 2  # the age
        if i + 1 >= sent.end or doc[i].lower_ != "of":
            continue
        place = index.mention_at(doc[i + 1])
        if place is None or place.start_token != i + 1 or place.entity.kind not in (EntityKind.CITY, EntityKind.PLACE):
            continue
        yield make_candidate("LOCATED_IN", index.arg_of_mention(m), index.arg_of_mention(place), doc[i], 0.5, "located:hometown")


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def included_places(sent: Span, index: DocIndex) -> Iterator[Candidate]:
    """"towns in northern Iraq including Rabiyah and Zumar": each named town is
    one of the towns, so it is where they are."""
    doc = index.doc
    for m in index.mentions:
        if not (sent.start <= m.start_token < sent.end) or m.entity.kind not in (EntityKind.CITY, EntityKind.PLACE):
            continue
        tok = _first_conjunct(doc[m.end_token - 1])
        if tok.dep_ not in ("pobj", "dobj") or tok.head.lower_ != "including":
            continue
        area = tok.head.head
        if area.lemma_.lower() not in AREA_NOUNS:
            continue
        containers: list[Arg] = []
        for c in area.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                containers += [a for p in c.children if p.dep_ == "pobj" for a in index.args(p, allow_pronoun=False)]
        containers += index.modifier_args(area)  # "Iraqi territory"
        for a in containers:
            if a.entity.kind in (EntityKind.COUNTRY, EntityKind.CITY, EntityKind.PLACE) and a.entity.id != m.entity.id:
                yield make_candidate("LOCATED_IN", index.arg_of_mention(m), a, tok.head, 0.55, "located:including")


def membership_lists(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """"Coalition nations ... include Australia, Belgium and Canada" ->
    MEMBER_OF(Australia, Coalition), ...; "Turkey within NATO" -> MEMBER_OF."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in ("include", "comprise"):
        groups = [a for c in tok.children if c.dep_ == "nsubj" for a in index.args(c, allow_pronoun=False)]
        members = [a for c in tok.children if c.dep_ == "dobj" for a in index.args(c, allow_modifier=False, allow_pronoun=False)]
        for g in groups:
            if g.entity.kind not in (EntityKind.ORGANIZATION, EntityKind.GROUP):
                continue
            for m in members:
                if m.entity.id != g.entity.id:
                    yield make_candidate("MEMBER_OF", m, g, tok, 0.6, f"member:{lemma}")
    elif tok.lower_ == "within" and tok.dep_ == "prep":
        inner = [a for p in tok.children if p.dep_ == "pobj" for a in index.args(p, allow_modifier=False, allow_pronoun=False)]
        outer = index.args(tok.head, allow_modifier=False, allow_pronoun=False)
        for o in outer:
            for i in inner:
                if i.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP) and o.entity.id != i.entity.id:
                    yield make_candidate("MEMBER_OF", o, i, tok, 0.55, "member:within")
