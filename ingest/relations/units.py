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
from ingest.words.organisations import COLLECTIVE_NOUNS, MEMBER_KIND_NOUNS, PART_NOUNS
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
        # "The IRGC, which includes the Quds Force": the relative's antecedent. Not
        # for "comprise", which is also said of the parts ("airmen, who will comprise the squadron")
        subj_toks = subject_tokens(tok)[0] if lemma == "include" else [c for c in tok.children if c.dep_ == "nsubj"]
        groups = [a for c in subj_toks for a in index.args(c, allow_pronoun=False)]
        for c in subj_toks:
            if c.lemma_.lower() == "member" and index.mention_at(c) is None:
                # "NATO's members include ...", "members of the bloc include ...": the owner
                owners = [p for p in c.children if p.dep_ in ("poss", "compound")]
                owners += [p for q in c.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children if p.dep_ == "pobj"]
                groups = [Arg(a.entity, a.text, a.start, a.end, "direct", a.mention) for o in owners for a in index.args(o, allow_pronoun=False)]
        members = [a for c in tok.children if c.dep_ == "dobj" for a in index.args(c, allow_modifier=False, allow_pronoun=False)]
        for g in groups:
            if g.entity.kind not in (EntityKind.ORGANIZATION, EntityKind.GROUP):
                continue
            for m in members:
                if m.entity.id != g.entity.id:
                    yield make_candidate("MEMBER_OF", m, g, tok, 0.6, f"member:{lemma}")
    elif tok.pos_ == "VERB" and (lemma, _particle(tok)) in _MADE_OF:
        # "the SDF is largely made up of YPG militia": the parts are members of the whole
        wholes = [a for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for a in index.args(c, allow_pronoun=False)]
        parts = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj" for a in index.args(p, allow_pronoun=False)]
        # "made up of YPG fighters": the fighters stand for their group here
        parts = [Arg(a.entity, a.text, a.start, a.end, "proxy", a.mention) if a.via == "modifier" else a for a in parts]
        for w in wholes:
            if w.entity.kind not in _MEMBER_KINDS:
                continue
            for m in parts:
                if m.entity.id != w.entity.id:
                    yield make_candidate("MEMBER_OF", m, w, tok, 0.6, f"member:{lemma}-of")
    elif tok.lower_ == "within" and tok.dep_ == "prep":
        inner = [a for p in tok.children if p.dep_ == "pobj" for a in index.args(p, allow_modifier=False, allow_pronoun=False)]
        outer = index.args(tok.head, allow_modifier=False, allow_pronoun=False)
        for o in outer:
            for i in inner:
                if i.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP) and o.entity.id != i.entity.id:
                    yield make_candidate("MEMBER_OF", o, i, tok, 0.55, "member:within")


# "made up of", "composed of", "consists of": the whole is the subject.
_MADE_OF = frozenset({("make", "up"), ("compose", ""), ("consist", ""), ("form", "")})


def _particle(tok: Token) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")


def member_nouns(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """Membership said by a noun in apposition or after a copula:
    - a body of members listed after it: "G7 is an informal group of seven
      countries, the United Kingdom, ... and Italy"; "the bloc of four states,
      A, B, C and D" -> each listed entity is a member;
    - a part of a body: "UNESCO, a specialized agency of the United Nations",
      "YPG is the main fighting force of the SDF", "A, B and C, members of the
      G7" -> the described entity (each of a list) is a member of the body."""
    lemma = tok.lemma_.lower()
    if lemma in COLLECTIVE_NOUNS:
        body = _described(tok, index)
        if body is None or body.entity.kind not in _MEMBER_KINDS:
            return
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            for p in c.children:
                if p.dep_ != "pobj" or p.lemma_.lower() not in MEMBER_KIND_NOUNS:
                    continue
                listed = [t for t in p.conjuncts if t.i > p.i] + [a for a in p.children if a.dep_ == "appos"]
                for t in listed:
                    for m in index.args(t, allow_modifier=False, allow_pronoun=False):
                        if m.entity.id != body.entity.id and m.entity.kind != EntityKind.PERSON:
                            yield make_candidate("MEMBER_OF", m, body, tok, 0.6, "member:listed", presupposed=tok.dep_ == "appos")
    elif lemma in PART_NOUNS:
        wholes = [
            a
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            for a in index.args(p, allow_modifier=False, allow_pronoun=False)
        ]
        wholes += [a for c in tok.children if c.dep_ == "poss" for a in index.args(c, allow_modifier=False, allow_pronoun=False)]
        wholes = [w for w in wholes if w.entity.kind in _MEMBER_KINDS]
        part = _described(tok, index)
        if part is None or not wholes or part.entity.kind == EntityKind.PERSON:
            return
        parts = [part] + [
            a for t in _mention_root(part, index).conjuncts for a in index.args(t, allow_modifier=False, allow_pronoun=False)
        ]
        for p in parts:
            for w in wholes:
                if p.entity.id != w.entity.id and p.entity.kind != EntityKind.PERSON:
                    yield make_candidate("MEMBER_OF", p, w, tok, 0.6, f"member:{lemma}-of", presupposed=tok.dep_ == "appos")


def _mention_root(arg: Arg, index: DocIndex) -> Token:
    m = arg.mention
    assert m is not None
    span = index.doc[m.start_token : m.end_token]
    return span.root


def _described(tok: Token, index: DocIndex) -> Arg | None:
    """The entity a noun describes: the name it is in apposition to, or the
    subject of the copula it is the complement of."""
    if tok.dep_ == "appos":
        args = index.args(tok.head, allow_modifier=False, allow_pronoun=False)
        return args[0] if args else None
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        args = index.args(subj[0], allow_modifier=False, allow_pronoun=False) if subj else []
        return args[0] if args else None
    return None
