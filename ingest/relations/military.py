"""When "support" is military cooperation.

"The coalition supports the SDF through training and airstrikes", "the
coalition is assisting the Iraqi government to destroy ISIL", "supported Iraqi
forces with air strikes": one armed actor fighting alongside another. That is
COOPERATES_MILITARILY (CAMEO 062), not the political endorsement SUPPORTS
stands for ("the UK's support for the peace talks"). A support cue is read as
military cooperation when the clause says so:
- the means are military ("through training", "with air strikes", "by
  providing air support");
- the supported party is an armed force ("Iraqi forces", "the Iraqi Security
  Forces");
- the support serves a fight against a named enemy ("to defeat ISIL", "in its
  efforts to destroy ISIL").
Both parties must be collective actors (the type's constraint); a person's
support stays SUPPORTS.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.relations.arguments import Arg, DocIndex
from ingest.words.military import FIGHT_LEMMAS, FORCE_WORDS, MILITARY_MEANS, MILITARY_MODIFIERS, SUPPORT_LEMMAS

_MEANS_PREPS = frozenset({"with", "through", "by", "via"})


def is_military_support(trigger: Token, obj: Arg, index: DocIndex) -> bool:
    """Does this support cue (verb or noun) describe military help to `obj`?"""
    if trigger.lemma_.lower() not in SUPPORT_LEMMAS:
        return False
    return _military_means(trigger) or _armed_force(obj, index) or _serves_a_fight(trigger, index)


def _words_under(tok: Token, depth: int) -> list[Token]:
    """Tokens under `tok` down to `depth` levels, with coordinated nouns."""
    out: list[Token] = []
    frontier = [tok]
    for _ in range(depth):
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                out.append(c)
                nxt.append(c)
        frontier = nxt
    return out


def _military_means(trigger: Token) -> bool:
    if trigger.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and (c.lemma_.lower() in MILITARY_MEANS or c.lemma_.lower() in MILITARY_MODIFIERS)
        for c in trigger.children
    ):
        return True  # "air support", "military assistance"
    for c in trigger.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in _MEANS_PREPS:
            for t in _words_under(c, 4):
                if t.lemma_.lower() in MILITARY_MEANS or t.lower_ in MILITARY_MEANS:
                    return True
    return False


def _armed_force(obj: Arg, index: DocIndex) -> bool:
    m = obj.mention
    if m is None:
        return False
    doc = index.doc
    if doc[m.end_token - 1].lower_ in FORCE_WORDS:
        return True  # the name is the force ("Iraqi Security Forces")
    head = doc[m.end_token - 1].head
    return obj.via in ("proxy", "modifier") and head.lower_ in FORCE_WORDS and head.i >= m.end_token


def _serves_a_fight(trigger: Token, index: DocIndex) -> bool:
    """"assisting the Iraqi government to destroy ISIL": a purpose clause (or
    "efforts to defeat ...") with a fight verb whose object is a named actor."""
    for t in _words_under(trigger, 4):
        if t.pos_ == "VERB" and t.lemma_.lower() in FIGHT_LEMMAS and t.dep_ in ("xcomp", "advcl", "acl", "pcomp", "conj"):
            if any(c.dep_ == "dobj" and index.mention_at(c) is not None for c in t.children):
                return True
    return False
