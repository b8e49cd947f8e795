"""From dependency tokens to entity arguments.

A relation cue points at tokens (its subject, its object); this module turns
such a token into the entities it stands for: the mention that covers it,
every conjunct of a coordination ("Israel and Turkiye"), the possessor or
demonym of a proxy noun ("Azerbaijan's armed forces", "Iranian officials"),
or, for "it"/"its", the nearest preceding actor that was a clause subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from spacy.tokens import Doc, Token

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.relations.lexicon import PROXY_NOUNS
from ingest.words.grammar import INSTRUMENT_VERBS, OBJECT_CONTROL, SPEECH_NOUNS, STRIKE_NOUNS
from ingest.words.military import ARMS_WORDS
from ingest.words.people import TITLE_NOUNS
from ingest.words.pronouns import RELATIVE_PRONOUNS, SINGULAR_NEUTER


class MentionLike(Protocol):
    """What relation extraction needs of a resolved mention (ingest.resolve.ResolvedMention)."""

    entity: Entity
    rule: str
    start_char: int
    end_char: int
    start_token: int
    end_token: int
    text: str
    sentence_index: int
    role: str


@dataclass(frozen=True, slots=True)
class Arg:
    """One entity argument of a claim: the entity and the text span that names it."""

    entity: Entity
    text: str
    start: int
    end: int
    via: str  # direct | proxy | modifier | pronoun | title-holder | country-of-place
    mention: MentionLike | None = None

    @property
    def penalty(self) -> float:
        return {"direct": 0.0, "proxy": 0.05, "modifier": 0.1, "pronoun": 0.15}.get(self.via, 0.05)


SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
ACTOR_KINDS = (EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.CITY)


class DocIndex:
    """The mentions of one doc, indexed by token, with the pronoun resolver."""

    def __init__(self, doc: Doc, mentions: Sequence[MentionLike], trace: object | None = None) -> None:
        self.doc = doc
        # an optional recorder of decisions (ingest.explain.Trace); None in normal runs
        self.trace = trace
        self.mentions = list(mentions)
        self.token_mention: list[int] = [-1] * len(doc)
        for i, m in enumerate(self.mentions):
            for t in range(m.start_token, min(m.end_token, len(doc))):
                self.token_mention[t] = i

    def mention_at(self, tok: Token) -> MentionLike | None:
        i = self.token_mention[tok.i]
        return self.mentions[i] if i >= 0 else None

    def arg_of_mention(self, m: MentionLike, via: str = "direct") -> Arg:
        return Arg(m.entity, m.text, m.start_char, m.end_char, via, m)

    # --- one token -> entities -------------------------------------------------
    def direct(self, tok: Token) -> Arg | None:
        m = self.mention_at(tok)
        return self.arg_of_mention(m) if m is not None else None

    def modifier_args(self, tok: Token, proxy_only: bool = False) -> list[Arg]:
        """Entities that modify a noun: possessor, demonym, name compound, `of` object.

        With proxy_only, only for nouns like "forces", "government" that stand
        for their owner; otherwise also for any noun ("Iranian nuclear facilities").
        """
        lemma = tok.lemma_.lower()
        if proxy_only and lemma not in PROXY_NOUNS:
            return []
        # "Azerbaijan's armed forces", "the Iranian foreign minister" stand for
        # the state ("proxy"); "Iranian nuclear facilities" only belong to it
        via = "proxy" if lemma in PROXY_NOUNS or lemma in TITLE_NOUNS else "modifier"
        out: list[Arg] = []
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                m = self.mention_at(c)
                if m is not None:
                    out.append(self.arg_of_mention(m, via))
                elif c.dep_ == "poss" and c.lower_ in SINGULAR_NEUTER:
                    a = self.pronoun(c)
                    if a is not None:
                        out.append(a)
        if not out and tok.lemma_.lower() in PROXY_NOUNS:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            a = self.direct(p)
                            if a is not None:
                                out.append(Arg(a.entity, a.text, a.start, a.end, "proxy", a.mention))
        return _dedupe(out)

    def args(self, tok: Token, allow_modifier: bool = True, allow_pronoun: bool = True) -> list[Arg]:
        """Every entity a slot token stands for, expanding coordination."""
        toks = [tok]
        if tok.dep_ != "conj":
            toks.extend(t for t in tok.conjuncts if t.i > tok.i)
        out: list[Arg] = []
        for n, t in enumerate(toks):
            if n > 0 and not out:
                break  # "regional nations and its ...": conjuncts of an empty slot stay empty
            a = self.direct(t)
            if a is not None:
                out.append(a)
                continue
            if t.lower_ in SINGULAR_NEUTER and t.pos_ == "PRON" and allow_pronoun:
                p = self.pronoun(t)
                if p is not None:
                    out.append(p)
                continue
            # "the Minister of Foreign Affairs of Iraq, HE Dr Ibrahim Al-Ja'afari": the named apposition
            appos = [self.direct(c) for c in t.children if c.dep_ == "appos"]
            named = [a for a in appos if a is not None]
            if named:
                out.append(named[0])
                continue
            if allow_modifier and t.pos_ in ("NOUN", "PROPN"):
                out.extend(self.modifier_args(t, proxy_only=False))
        return _dedupe(out)

    # --- pronouns -----------------------------------------------------------------
    def pronoun(self, tok: Token) -> Arg | None:
        """'it'/'its' -> the nearest preceding state or organisation that was a
        clause subject (or the possessor of one) in this or the previous
        sentence; subjects are the usual antecedents of such pronouns."""
        sent = tok.sent
        start = sent.start
        prev = self.doc[start - 1].sent.start if start > 0 else start
        best: MentionLike | None = None
        for i in range(tok.i - 1, prev - 1, -1):
            mi = self.token_mention[i]
            if mi < 0:
                continue
            m = self.mentions[mi]
            if m.entity.kind not in ACTOR_KINDS or m.role == "place":
                continue
            t = self.doc[i]
            head = t
            while head.dep_ in ("compound", "flat") and head.head != head:
                head = head.head
            if head.dep_ in SUBJECT_DEPS or (head.dep_ == "poss" and head.head.dep_ in SUBJECT_DEPS):
                best = m
                break
        chosen = best
        if chosen is None:
            return None
        return Arg(chosen.entity, tok.text, tok.idx, tok.idx + len(tok.text), "pronoun", chosen)


def _dedupe(args: list[Arg]) -> list[Arg]:
    seen: set[str] = set()
    out: list[Arg] = []
    for a in args:
        if a.entity.id not in seen:
            seen.add(a.entity.id)
            out.append(a)
    return out


# --- clause structure -------------------------------------------------------------
def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def agent_tokens(verb: Token) -> list[Token]:
    """The `by` phrase of a passive verb."""
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def subject_tokens(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The subject tokens of a verb, and whether they were inherited.

    Inherited from the governing clause through xcomp (control), advcl
    ("..., providing weapons"), conj ("remains positive ... and will support")
    and acl/relcl (the modified noun is the subject).
    """
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if own:
        rel = [t for t in own if t.lower_ in RELATIVE_PRONOUNS]
        if rel and verb.dep_ == "relcl":
            return [verb.head], True
        return own, False
    if is_passive(verb):
        agents = agent_tokens(verb)
        if agents:
            return agents, False
        return [], False
    if depth > 4 or verb.head == verb:
        return [], False
    head = verb.head
    if verb.dep_ == "xcomp":
        raised = [c for c in head.children if c.dep_ == "nsubjpass"]
        if raised:
            # "jets were reported to have fired", "Iran was urged to stop":
            # the passive's subject is the complement's
            return raised, True
        if head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return objs, True
        subj, _ = subject_tokens(head, depth + 1)
        return subj, True
    if verb.dep_ in ("advcl", "conj") and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
            # "if X happens", "because ..." introduce a clause of their own
            return [], False
        subj, _ = subject_tokens(head, depth + 1)
        return subj, True
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        author = _author(head) or _user(head)
        if author:
            return author, True
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        controller = _noun_controller(head)
        if controller:
            return controller, True
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head], True
    if verb.dep_ == "pcomp":
        # "its parliament's approval of opening ...": the noun's possessor;
        # "remains positive on maintaining ...": the clause's subject.
        governor = head.head
        if governor.pos_ in ("NOUN", "PROPN"):
            poss = [c for c in governor.children if c.dep_ == "poss"]
            if poss:
                return poss, True
        upper = clause_verb(governor)
        if upper != verb and upper.pos_ in ("VERB", "AUX"):
            subj, _ = subject_tokens(upper, depth + 1)
            return subj, True
    return [], False


def _author(noun: Token) -> list[Token]:
    """"posted a message (on Twitter) blaming Iran", "a statement by X
    condemning": a speech act's content is its author's act. The author is the
    noun's possessor or by/from object, else the subject of the verb it is the
    object of. The parser may hang the participle on the venue ("on Twitter")."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in SPEECH_NOUNS:
        noun = noun.head.head
    if noun.lemma_.lower() not in SPEECH_NOUNS:
        return []
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return objs
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        subj, _ = subject_tokens(noun.head, 1)
        return subj
    return []


def _noun_controller(noun: Token) -> list[Token]:
    """Who would do what a noun's infinitive says: its possessor ("Russia's
    decision to attack"), else the subject of the verb it is the object of
    ("the coalition made efforts to defeat ISIL"), unless that verb has a
    recipient who may be the doer ("gave Israel permission to attack")."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss
    gov = noun.head
    if noun.dep_ == "dobj" and gov.pos_ == "VERB" and not any(c.dep_ in ("dative", "iobj") for c in gov.children):
        subj, _ = subject_tokens(gov, 1)
        return subj
    return []


def _user(noun: Token) -> list[Token]:
    """"Iran launched missiles targeting US troops", "conducted strikes hitting
    X": what a weapon or a strike does is the act of whoever used it (not of
    whoever intercepted it: only verbs of using the instrument count)."""
    lemma = noun.lemma_.lower()
    if noun.dep_ != "dobj" or (lemma not in ARMS_WORDS and lemma not in STRIKE_NOUNS):
        return []
    if noun.head.lemma_.lower() not in INSTRUMENT_VERBS:
        return []
    subj, _ = subject_tokens(noun.head, 1)
    return subj


def shared_clause_heads(verb: Token) -> list[Token]:
    """The governing verbs whose negation and auxiliaries a reduced clause
    shares, nearest first: a participial adjunct ("did not fire missiles,
    striking X"), a bare conjoined verb ("will not attack X and occupy Y"), a
    complement ("did not agree to attack"), the participle on a statement or a
    weapon ("did not launch missiles targeting X"). Not a relative clause or a
    participle modifying a noun: what they say of the noun is not under the
    main clause's negation ("Turkey did not condemn Hezbollah, which attacked")."""
    out: list[Token] = []
    t = verb
    for _ in range(4):
        head = t.head
        if t.dep_ == "relcl" and head.dep_ == "attr" and head.head.lemma_ == "be":
            # "Hamas is not the group that attacked Israel": the copula's negation is the clause's
            out.append(head.head)
            t = head.head
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children):
            break  # a clause of its own
        if t.dep_ == "acl" and t.tag_ == "VBG" and (_author(head) or _user(head)):
            # "did not issue a statement condemning X": the statement's verb
            head = clause_verb(head)
        if head == t or head.pos_ not in ("VERB", "AUX"):
            break
        if t.dep_ == "acl":
            pass
        elif t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN"):
            pass
        elif t.dep_ == "conj" and t.tag_ in ("VB", "VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in t.children):
            pass
        elif t.dep_ == "xcomp":
            pass
        else:
            break
        out.append(head)
        t = head
    return out


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a token belongs to (itself when it is a verb)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.head == t:
            return t
        t = t.head
    return t
