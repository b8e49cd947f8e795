"""Nominal cues: a cue noun with possessor/demonym/`by` agents, prepositional
objects, `between X and Y`, and the governing copula, apposition or light verb
("are supporters of", "launched attacks on", "have relations").

One mechanism fills the argument slots of every cue noun:
- agent: a possessor, demonym or name modifier ("Russia's attack", "a US strike"),
  a `by` phrase ("criticism by Greece"), a passive participle's `by` agent ("the
  attack, conducted by the Taliban"), or the subject of the governing clause:
  a light verb ("launched attacks on", "entered into an agreement with"), a
  copula for predicative nouns ("X is a critic of"), or the action an `in`
  phrase is part of ("eliminate ISIS in cooperation with Iraqi forces");
- object: the cue's prepositional slots (`of`, `on`, `against`, `with`, `to`...),
  `between X and Y`, or the subject of a patient frame ("X faces US sanctions",
  "X has been the subject of US sanctions", "X was the target of an attack").
A participle compounded with its agent is the same event: "an Iranian-backed militia".
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterator

from spacy.tokens import Token

from graph.ontology import RECIPROCAL_TYPES
from ingest.relations.arguments import Arg, DocIndex, subject_tokens
from ingest.relations.candidates import Candidate, instrument_preps, make_candidate, pairs, prep_objects
from ingest.relations.lexicon import (
    ADDRESSEE_PREPS,
    EMBEDDING_PREPS,
    LIGHT_PREPS,
    LIGHT_VERBS,
    NOUN_CUES,
    PATIENT_NOUNS,
    PATIENT_PREPS,
    PATIENT_VERBS,
    STANCE_TYPES,
    VERB_CUES,
    NounCue,
)


NOMINAL_DEPS = frozenset({"pobj", "nsubj", "nsubjpass", "dobj", "attr", "appos"})


def nominal(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    if tok.pos_ == "VERB" and tok.dep_ == "amod":
        yield from _compound_participle(tok, index)
        return
    # the tagger sometimes calls a plural noun a verb ("U.S. airstrikes against"),
    # its dependency label still says what it is
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "VERB" and tok.dep_ in NOMINAL_DEPS):
        return
    if tok.dep_ == "dobj" and tok.pos_ == "NOUN":
        yield from _stance_on_event(tok, index)
    lemma = tok.lemma_.lower()
    cues = NOUN_CUES.get(lemma)
    if not cues:
        return
    if _scare_quoted(tok):
        return
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")}
    # a partner can make the cue's sense too: "cooperation with the navies of"
    partner_preps = [prep_objects(tok)]
    light = _governing_light_verb(tok)
    if light is not None:
        partner_preps.append(prep_objects(light))
    mods |= {t.lemma_.lower() for preps in partner_preps for ts in preps.values() for t in ts}
    # the first cue whose conditions hold and that finds its arguments ("a call
    # with Zelensky" is a conversation, "calls for Turkey to" a demand)
    for cue in cues:
        if cue.requires is not None and not (mods & cue.requires):
            continue
        found = list(_nominal_cue(tok, cue, index))
        if found:
            yield from found
            return


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _scare_quoted(tok: Token) -> bool:
    """A cue noun set off by quotes on its own ('Assad's "war" on ISIL is a
    sham'): the writer is disputing the word, not asserting the relation."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text in _QUOTES and doc[tok.i + 1].text in _QUOTES


def _governing_light_verb(tok: Token) -> Token | None:
    """The light verb a cue noun is the object of ("launched attacks", "have
    relations", "entered into an agreement", "is in talks with")."""
    t = tok
    if t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    if t.dep_ in ("dobj", "attr", "nsubjpass", "oprd") and t.head.lemma_.lower() in LIGHT_VERBS:
        return t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        verb = t.head.head
        if verb.pos_ in ("VERB", "AUX") and t.head.lower_ in LIGHT_PREPS.get(verb.lemma_.lower(), ()):
            return verb
    return None


def _embedding_verb(tok: Token) -> Token | None:
    """The action a cue noun's `in`/`during`/`at` phrase is part of: "eliminate
    ISIS in cooperation with Iraqi forces", "said in a meeting with"."""
    t = tok
    if t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in EMBEDDING_PREPS:
        verb = t.head.head
        if verb.pos_ == "VERB":
            return verb
    return None


def _patient_frame(tok: Token) -> tuple[list[Token], Token | None]:
    """Whoever a patient frame says the cue noun is done to, and the frame's
    verb: "Iran faces US sanctions", "Turkey drew criticism from Greece",
    "came under attack from", "Mahan has been the subject of US sanctions",
    "Abqaiq was the target of an attack"."""
    t = tok
    if t.dep_ == "dobj" and t.head.lemma_.lower() in PATIENT_VERBS:
        subj, _ = subject_tokens(t.head)
        return subj, t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        verb = t.head.head
        if verb.pos_ == "VERB" and t.head.lower_ in PATIENT_PREPS.get(verb.lemma_.lower(), ()):
            subj, _ = subject_tokens(verb)
            return subj, verb
    return _patient_subjects(tok), None


def _addressees(tok: Token) -> list[Token]:
    """Whoever acts at a request: "US troops returned at the Iraqi
    government's request" (the troops were asked)."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ADDRESSEE_PREPS and tok.head.head.pos_ == "VERB":
        subj, _ = subject_tokens(tok.head.head)
        return subj
    return []


def _patient_subjects(tok: Token) -> list[Token]:
    t = tok
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PATIENT_NOUNS:
        frame = t.head.head
        if frame.dep_ in ("attr", "oprd") and frame.head.lemma_.lower() in ("be", "become", "remain"):
            subj, _ = subject_tokens(frame.head)
            return subj
        if frame.dep_ == "appos":
            return [frame.head]
    return []


def _participle_agents(tok: Token) -> list[Token]:
    """The `by` agent of a passive participle on the cue noun: "the attack,
    reportedly conducted by the Taliban", "the destruction ordered by Gbagbo"."""
    # the parser may hang the participle on the cue's object ("the attack on
    # Kabul, conducted by"): a place is not conducted, the event is
    hosts = [tok, *(p for ps in prep_objects(tok).values() for p in ps)]
    return [
        p
        for h in hosts
        for c in h.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in LIGHT_VERBS
        for a in c.children
        if a.dep_ == "agent"
        for p in a.children
        if p.dep_ == "pobj"
    ]


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
                found = [a for a in index.args(t) if cue.owned_objects or a.via != "modifier"]
                if not found and cue.through:
                    # "restrictions on flights to Cuba": the party behind the restricted thing
                    found = [a for k in cue.through for u in prep_objects(t).get(k, []) for a in index.args(u)]
                objects.extend(found)

    modifier_args = index.modifier_args(tok)
    if not modifier_args:
        # "the Iraqi government's request": a possessor that stands for its state
        modifier_args = [a for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON" for a in index.args(c)]
    modifier_args = [a for a in modifier_args if a.entity.id not in {o.entity.id for o in objects}]
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
    if not agents:
        agents.extend(a for t in _participle_agents(tok) for a in index.args(t))
    patients, frame = _patient_frame(tok)
    if not patients and not objects and cue.type == "DEMANDS":
        patients = _addressees(tok)
    if patients and not objects:
        objects.extend(a for t in patients for a in index.args(t))
        rule += ":patient"
        if not agents and frame is not None:
            froms = preps.get("from", []) + prep_objects(frame).get("from", [])
            agents.extend(a for t in froms for a in index.args(t))

    inherited = False
    if not agents and not patients:
        subj_toks: list[Token] = []
        if cue.predicative:
            subj_toks = _predicative_subjects(tok)
        # only for the parties of a joint action: "fought in support of X" is not support
        embedding = _embedding_verb(tok) if light is None and cue.type in EMBEDDED_TYPES else None
        if not subj_toks and light is not None:
            subj_toks, inherited = subject_tokens(light)
            rule += f":light-{light.lemma_.lower()}"
        elif not subj_toks and embedding is not None:
            subj_toks, inherited = subject_tokens(embedding)
            rule += f":in-{embedding.lemma_.lower()}"
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
# Joint actions whose agent is the subject of the action their `in` phrase is part of.
EMBEDDED_TYPES = {"COOPERATES_MILITARILY", "NEGOTIATES_WITH", "MEETS_WITH"}


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


def _compound_participle(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """"an Iranian-backed militia", "the US-funded group": a participle cue
    compounded with its agent, modifying the noun it is done to."""
    cues = VERB_CUES.get(tok.lemma_.lower())
    if not cues or tok.tag_ != "VBN":
        return
    cue = cues[0]
    if cue.objects[0] != "dobj" or cue.themes or cue.requires_dobj or cue.particle or cue.clause or cue.predicate_words:
        return
    agents = [a for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") for a in index.args(c)]
    objects = index.args(tok.head)
    if not objects:
        # "Hezbollah, an Iranian-backed group": the group is what the noun is said of
        objects = [a for t in _predicative_subjects(tok.head) for a in index.args(t)]
    for s, o in pairs(agents, objects):
        if cue.object_kinds is not None and o.entity.kind not in cue.object_kinds:
            continue
        yield make_candidate(cue.type, s, o, tok, cue.confidence - 0.05, f"participle:{tok.lemma_.lower()}")


def _stance_on_event(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """"Greece condemned the attack by Turkey", "rejected the proposal by
    France": a stance verb's object is an event whose `by` phrase names its
    author, who is what the stance is about (the verb's own modifiers and
    objects are read by verbal.py)."""
    verb = tok.head
    cues = VERB_CUES.get(verb.lemma_.lower())
    if verb.pos_ != "VERB" or not cues or cues[0].type not in STANCE_TYPES or cues[0].objects[0] != "dobj":
        return
    cue = cues[0]
    if cue.requires_dobj or cue.themes or cue.particle or cue.clause or cue.predicate_words:
        return
    if index.args(tok):
        return  # "condemned Turkey's offensive": the modifier is already the object
    authors = [a for t in prep_objects(tok).get("by", []) for a in index.args(t)]
    if not authors:
        return
    subj_toks, inherited = subject_tokens(verb)
    subjects = [a for t in subj_toks for a in index.args(t)]
    rule = f"verb:{verb.lemma_.lower()}:event-by" + (":inherited" if inherited else "")
    for s, o in pairs(subjects, authors):
        if cue.object_kinds is not None and o.entity.kind not in cue.object_kinds:
            continue
        yield make_candidate(cue.type, s, o, verb, cue.confidence - 0.1, rule)
