"""Nominal cues: a cue noun with possessor/demonym/`by` agents, prepositional
objects, `between X and Y`, and the governing copula, apposition or light verb
("are supporters of", "launched attacks on", "have relations")."""

from __future__ import annotations

from itertools import combinations
from typing import Iterator

from spacy.tokens import Token

from graph.ontology import RECIPROCAL_TYPES
from ingest.relations.arguments import Arg, DocIndex, subject_tokens
from ingest.relations.candidates import Candidate, instrument_preps, make_candidate, pairs, prep_objects
from ingest.relations.lexicon import LIGHT_VERBS, NOUN_CUES, NounCue


NOMINAL_DEPS = frozenset({"pobj", "nsubj", "nsubjpass", "dobj", "attr", "appos"})


def nominal(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    # the tagger sometimes calls a plural noun a verb ("U.S. airstrikes against"),
    # its dependency label still says what it is
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "VERB" and tok.dep_ in NOMINAL_DEPS):
        return
    lemma = tok.lemma_.lower()
    cues = NOUN_CUES.get(lemma)
    if not cues:
        return
    if _scare_quoted(tok):
        return
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")}
    for cue in cues:
        if cue.requires is not None and not (mods & cue.requires):
            continue
        yield from _nominal_cue(tok, cue, index)
        break


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _scare_quoted(tok: Token) -> bool:
    """A cue noun set off by quotes on its own ('Assad's "war" on ISIL is a
    sham'): the writer is disputing the word, not asserting the relation."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text in _QUOTES and doc[tok.i + 1].text in _QUOTES


def _governing_light_verb(tok: Token) -> Token | None:
    """The light verb a cue noun is the object of ("launched attacks", "have relations")."""
    t = tok
    if t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    if t.dep_ in ("dobj", "attr", "nsubjpass", "oprd") and t.head.lemma_.lower() in LIGHT_VERBS:
        return t.head
    return None


def _nominal_cue(tok: Token, cue: NounCue, index: DocIndex) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    preps = prep_objects(tok)
    light = _governing_light_verb(tok)
    if light is not None:
        # "opened an embassy in Israel", "imposed sanctions on Iran": the
        # preposition often attaches to the verb rather than to the noun.
        for k, v in prep_objects(light).items():
            preps.setdefault(k, v)
        for k, v in instrument_preps(light).items():
            preps.setdefault(k, v)

    between: list[Arg] = []
    objects: list[Arg] = []
    for slot in cue.objects:
        p = slot[5:]
        for t in preps.get(p, []):
            if p == "between":
                between.extend(index.args(t))
            else:
                objects.extend(index.args(t))

    modifier_args = [a for a in index.modifier_args(tok) if a.entity.id not in {o.entity.id for o in objects}]
    agents: list[Arg] = []
    rule = f"noun:{lemma}"
    if cue.modifier_role == "object":
        objects.extend(modifier_args)
    else:
        agents.extend(modifier_args)
        if modifier_args:
            rule += ":modifier"
    for t in preps.get("by", []):
        agents.extend(index.args(t))

    inherited = False
    if not agents:
        subj_toks: list[Token] = []
        if cue.predicative:
            subj_toks = _predicative_subjects(tok)
        if not subj_toks and light is not None:
            subj_toks, inherited = subject_tokens(light)
            rule += f":light-{light.lemma_.lower()}"
        elif subj_toks:
            rule += ":predicative"
        agents = [a for t in subj_toks for a in index.args(t)]

    rtype_symmetric = cue.type in RECIPROCAL_TYPES
    conf = cue.confidence - (0.05 if inherited else 0.0)
    emitted = False
    if between:
        for a, b in combinations(_unique(between), 2):
            emitted = True
            yield make_candidate(cue.type, a, b, tok, conf, rule + ":between")
    if agents and objects:
        # with its other party named ("UK support for Iraq", "his support for
        # Trump"), the cue noun's own modifier is the agent, not a mere
        # modifier; alone, two modifiers are as often a topic ("May's Brexit
        # deal", "my TED talk") and stay modifiers
        agents = [Arg(a.entity, a.text, a.start, a.end, "nominal", a.mention) if a.via == "modifier" else a for a in agents]
        for s, o in pairs(agents, objects):
            emitted = True
            yield make_candidate(cue.type, s, o, tok, conf, rule)
    elif rtype_symmetric and not between and len(_unique(agents)) >= 2:
        # "Israel and Azerbaijan have had relations"
        for a, b in combinations(_unique(agents), 2):
            emitted = True
            yield make_candidate(cue.type, a, b, tok, conf - 0.05, rule + ":coordinated")
    elif cue.type in PARTICIPANT_TYPES and len(_unique(agents)) == 1 and light is not None and not emitted:
        # "welcomed Gantz to ... discuss defense cooperation": the other party
        # is a participant of the governing clause.
        for other in _clause_participants(light, index):
            for s, o in pairs(agents, [other]):
                yield make_candidate(cue.type, s, o, tok, conf - 0.15, rule + ":participants")


# Nominal cues whose missing partner may be a participant of the governing clause.
PARTICIPANT_TYPES = {"COOPERATES_MILITARILY", "NEGOTIATES_WITH", "DIPLOMATIC_RELATIONS", "ALLIED_WITH", "SIGNS_AGREEMENT_WITH"}


def _unique(args: list[Arg]) -> list[Arg]:
    seen: set[str] = set()
    out = []
    for a in args:
        if a.entity.id not in seen:
            seen.add(a.entity.id)
            out.append(a)
    return out


def _predicative_subjects(tok: Token) -> list[Token]:
    """What a predicative noun is said of: "X is a supporter", "X, an ally of",
    "NATO member Turkey", "Azerbaijan's capital, Baku"."""
    if tok.dep_ in ("attr", "acomp", "oprd") and tok.head.lemma_.lower() in ("be", "become", "remain", "stay"):
        subj, _ = subject_tokens(tok.head)
        return subj
    if tok.dep_ == "appos":
        return [tok.head]
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        return [tok.head]
    appos = [c for c in tok.children if c.dep_ == "appos"]
    if appos:
        return appos
    if tok.dep_ == "conj" and tok.head.dep_ in ("attr", "appos"):
        return _predicative_subjects(tok.head)
    return []


def _clause_participants(verb: Token, index: DocIndex) -> list[Arg]:
    """Entities that take part in the clauses governing `verb` (their subjects
    and objects), nearest first, up to the sentence root."""
    out: list[Arg] = []
    t = verb
    for _ in range(6):
        if t.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or t.head == t:
            break
        t = t.head
        if t.pos_ not in ("VERB", "AUX"):
            break
        for c in t.children:
            if c.dep_ in ("nsubj", "dobj", "nsubjpass"):
                out.extend(index.args(c))
    return out
