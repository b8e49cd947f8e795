"""The clause layer: every predicate of a sentence as a Frame, who did what to whom.

A `Frame` names its predicate token and the tokens of its roles: agents (the
doer), patients (what is acted on), obliques by preposition ("with" ->
[Israel]), recipients (iobj), the understood subjects of its clausal
complements ("urged Iran to ..." -> Iran) and the obliques of its direct
object noun ("fought a war with Israel": "with" hangs on "war"). Its `anchor`
is the clause whose negation and auxiliaries it shares (itself, or the main
clause of a participial or coordinated verb; `arguments.shared_clause_heads`),
and `how` says which construction supplied the agent and patients, so a claim's
rule (and `geokg explain`) tells how it was read.

Constructions covered here, on top of a verb's own nsubj/dobj:
- relative clauses: a relative pronoun in any slot stands for the modified noun
  ("Hezbollah, which fought ...", "the coalition, which was joined by
  Australia", "the group with which X fought"), and an object relative without
  a pronoun leaves its gap to the noun ("the country Israel attacked");
- participial and reduced clauses, control and raising take their agent from
  `arguments.subject_tokens` (the governing clause's subject, the controller,
  the raised subject of "were reported to have fired", the author of "a
  message blaming Iran");
- coordination: conjoined verbs share the subject, a verb with no object shares
  the object of the verb conjoined to it ("attacked and occupied Ukraine"),
  and a second object the parser hung on the verb as a conj ("met his
  counterpart, A, and the leader, B") is an object too; conjoined subjects and
  objects are expanded when the tokens become entities (`DocIndex.args`);
- passives with or without a by-phrase (no agent then: no two-place claim).

Frames are typed by `verbal.type_frame` through the lexicon. A frame is built
from tokens only (no lexicon, no entities), so a nominalisation could become a
frame too (predicate the noun, agents its possessor or by-phrase, patients its
of-object, obliques its other prepositions); the nominal cues (`nominal.py`)
still read their arguments themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ingest.relations.arguments import agent_tokens, is_passive, shared_clause_heads, subject_tokens
from ingest.relations.candidates import prep_objects
from ingest.words.pronouns import RELATIVE_PRONOUNS

_NOUNS = ("NOUN", "PROPN", "PRON")
# What may stand between two conjoined verbs sharing an object ("attacked and then occupied").
_BETWEEN_CONJOINED = frozenset({"cc", "punct", "advmod", "aux", "neg"})


@dataclass(frozen=True, slots=True)
class Frame:
    """One predicate and the tokens that fill its roles."""

    predicate: Token
    agents: tuple[Token, ...]
    patients: tuple[Token, ...]
    obliques: dict[str, list[Token]]  # preposition (or "dative") -> objects; a particle maps to []
    recipients: tuple[Token, ...] = ()  # iobj
    controlled: tuple[Token, ...] = ()  # subjects of clausal complements ("allow Israel to attack")
    object_obliques: dict[str, list[Token]] = field(default_factory=dict)  # prepositions on the dobj noun
    passive: bool = False
    inherited: bool = False  # the agent comes from another clause
    how: tuple[str, ...] = ()  # constructions used: relcl, object-gap, shared-object, conj-object, ...
    anchor: Token | None = None  # the clause whose negation and modality the frame shares

    @property
    def kind(self) -> str:
        """"verbal" today; a nominalisation frame would say "nominal"."""
        return "verbal" if self.predicate.pos_ in ("VERB", "AUX") else "nominal"


def sentence_frames(sent: Span) -> list[Frame]:
    """The frames of every verb of a sentence, in order."""
    return [f for tok in sent if (f := frame_of(tok)) is not None]


def frame_of(verb: Token) -> Frame | None:
    """The frame of a verb, None for any other token."""
    if verb.pos_ != "VERB":
        return None
    how: list[str] = []
    passive = is_passive(verb) or _conjoined_participle(verb)
    if passive:
        agents = agent_tokens(verb)
        if not agents:
            agents = _shared_agent(verb)
            if agents:
                how.append("shared-agent")
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not patients and verb.dep_ == "acl":
            patients = [verb.head]  # "Hezbollah, backed by Iran"
            how.append("reduced-passive")
        if not patients and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "the territory, which belonged to Syria and was occupied by Israel"
            patients = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if patients:
                how.append("conj-subject")
        inherited = False
    else:
        agents, inherited = subject_tokens(verb)
        patients = [c for c in verb.children if c.dep_ == "dobj"]
        if not patients:
            patients = _shared_object(verb)
            if patients:
                how.append("shared-object")
        extra = _misattached_objects(verb, patients)
        if extra:
            patients = [*patients, *extra]
            how.append("conj-object")
        if not patients and _object_gap(verb):
            patients = [verb.head]
            how.append("object-gap")
        if inherited:
            how.append(_inheritance(verb))
    obliques = prep_objects(verb)
    recipients = [c for c in verb.children if c.dep_ == "iobj"]
    controlled = [s for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    object_obliques: dict[str, list[Token]] = {}
    for p in patients:
        if p.pos_ in ("NOUN", "PROPN"):
            for k, v in prep_objects(p).items():
                object_obliques.setdefault(k, []).extend(v)

    agents = _relativised(agents, how)
    patients = _relativised(patients, how)
    obliques = {k: _relativised(v, how) for k, v in obliques.items()}
    heads = shared_clause_heads(verb)
    return Frame(
        predicate=verb,
        agents=tuple(agents),
        patients=tuple(patients),
        obliques=obliques,
        recipients=tuple(recipients),
        controlled=tuple(controlled),
        object_obliques=object_obliques,
        passive=passive,
        inherited=inherited,
        how=tuple(dict.fromkeys(how)),
        anchor=heads[-1] if heads else verb,
    )


def _inheritance(verb: Token) -> str:
    """How an inherited agent was found, for the rule name."""
    if verb.dep_ == "acl" and verb.tag_ == "VB":
        return "noun-infinitive"
    return {"xcomp": "control", "advcl": "participle", "conj": "conj", "acl": "participle", "relcl": "relcl"}.get(
        verb.dep_, verb.dep_
    )


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for: "which" in "Hezbollah, which
    fought" or "the group with which X fought" -> the modified noun."""
    if tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ not in ("WDT", "WP", "WP$"):
        return None
    t = tok
    for _ in range(3):
        if t.dep_ == "relcl" and t.head.pos_ in _NOUNS:
            return t.head
        if t.head == t:
            return None
        t = t.head
    return None


def predicate_anchor(noun: Token) -> Token | None:
    """The name a common noun is predicated of: "Hezbollah, a group backed by
    Iran" (apposition), "Hamas is the group that attacked Israel" (copula)."""
    if noun.pos_ != "NOUN":
        return None
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subj = [c for c in noun.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        return subj[0] if subj else None
    return None


def _relativised(toks: list[Token], how: list[str]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        ante = relative_antecedent(t)
        if ante is not None:
            how.append("relcl")
            t = ante
        anchor = predicate_anchor(t)
        if anchor is not None:
            how.append("appos" if t.dep_ == "appos" else "copula")
            t = anchor
        out.append(t)
    return out


def _object_gap(verb: Token) -> bool:
    """"the country Israel attacked": an object relative without a pronoun,
    whose noun is the verb's object (not "the day Israel attacked", where the
    noun is no entity, nor "where Israel attacked")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = list(verb.children)
    if not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in kids):
        return False
    if any(c.tag_ in ("WDT", "WP", "WRB", "WP$") or c.dep_ in ("ccomp", "xcomp", "prt") for c in kids):
        return False
    if any(g.tag_ in ("WDT", "WP", "WP$") for c in kids if c.dep_ == "prep" for g in c.children):
        return False  # "the group with which Israel fought": the pronoun fills the slot
    # a preposition left stranded at the end ("the group Israel fought with")
    return not any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in kids)


def _shared_object(verb: Token) -> list[Token]:
    """"Russia attacked and occupied Ukraine": the first of two conjoined verbs
    shares the object of the second when nothing but "and" (or an adverb)
    stands between them."""
    for c in verb.children:
        if c.dep_ != "conj" or c.pos_ != "VERB" or c.i < verb.i:
            continue
        if any(t.dep_ not in _BETWEEN_CONJOINED for t in verb.doc[verb.i + 1 : c.i]):
            return []
        if any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children):
            return []
        return [k for k in c.children if k.dep_ == "dobj"]
    return []


def _conjoined_participle(verb: Token) -> bool:
    """"was struck and killed by X": a bare past participle conjoined to a
    passive verb is passive too."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and is_passive(verb.head)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children)
    )


def _shared_agent(verb: Token) -> list[Token]:
    """"was struck and killed by a coalition airstrike": the first of two
    conjoined passives shares the by-phrase of the second."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i > verb.i and _conjoined_participle(c):
            if any(t.dep_ not in _BETWEEN_CONJOINED for t in verb.doc[verb.i + 1 : c.i]):
                return []
            return agent_tokens(c)
    return []


def _misattached_objects(verb: Token, patients: list[Token]) -> list[Token]:
    """"met his counterpart, A, and the leader, B": the parser hangs the second
    object (with its apposition) on the verb as a conj; it is an object when
    it is a noun after the first object, before any other clause material."""
    if not patients or not any(p.pos_ == "PROPN" or any(c.dep_ == "appos" for c in p.children) for p in patients):
        # only a named first object ("welcome the agreement between X, ..., and Y"
        # is one object with a misread coordination inside)
        return []
    last = max(p.i for p in patients)
    out: list[Token] = []
    for c in verb.children:
        if (
            c.dep_ == "conj"
            and c.pos_ in ("NOUN", "PROPN")
            and c.i > last
            and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
        ):
            out.append(c)
    return out
