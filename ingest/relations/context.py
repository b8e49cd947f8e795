"""Polarity, modality, attribution and event dates of a claim.

Read from the path between the trigger and the root of its sentence: the
trigger's own auxiliaries and negation, then every governing word it is the
complement of ("speculation that ...", "plans to ...", "would not allow X to
...", "Ibrahim said that ..."). The strongest non-asserted reading wins
(hypothetical > alleged > planned > reported > historical > asserted), so an
attack that is only speculated about or refused is never an asserted fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from graph.ontology import Modality, Polarity
from ingest.relations.arguments import Arg, DocIndex, shared_clause_heads, subject_tokens
from ingest.relations.dates import EventDate, dated_event, parse_event_date
from ingest.words.modality import (
    ALLEGE_ADVERBS,
    ALLEGE_HEADS,
    ASPECTUAL_HEADS,
    ATTRIBUTION_SPEECH_VERBS,
    CONDITIONAL_AUX,
    DENY_HEADS,
    DIRECTIVE_HEADS,
    FAILURE_HEADS,
    FUTURE_AUX,
    HISTORICAL_ADVERBS,
    HYPOTHETICAL_HEADS,
    HYPOTHETICAL_MARKS,
    NEGATORS,
    PLAN_HEADS,
    PURPOSE_XCOMP_HEADS,
    REPORTING_VERBS,
)

# Edges through which a governing word gives its modality to what it governs.
COMPLEMENT_DEPS = frozenset(
    {"ccomp", "xcomp", "acl", "advcl", "pcomp", "pobj", "prep", "conj", "relcl", "dobj", "attr", "nsubj", "nsubjpass"}
)

_RANK = {
    Modality.ASSERTED: 0,
    Modality.HISTORICAL: 1,
    Modality.REPORTED: 2,
    Modality.PLANNED: 3,
    Modality.ALLEGED: 4,
    Modality.HYPOTHETICAL: 5,
}


@dataclass(frozen=True, slots=True)
class Context:
    polarity: Polarity
    modality: Modality
    speaker: Arg | None
    event: EventDate | None
    cue: str  # why the modality/polarity was chosen, appended to the rule name

    @property
    def event_date(self) -> date | None:
        return self.event.date if self.event is not None else None


def _stronger(a: Modality, b: Modality) -> Modality:
    return a if _RANK[a] >= _RANK[b] else b


def is_negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in NEGATORS):
            return True
    return False


def _aux_modality(verb: Token, reported: bool) -> Modality | None:
    for c in verb.children:
        if c.dep_ not in ("aux", "auxpass"):
            continue
        w = c.lower_
        if w in FUTURE_AUX:
            return Modality.PLANNED
        if w in CONDITIONAL_AUX:
            # In reported speech "would" is the future seen from the past
            # ("said that Baku would not allow"), not a hypothetical.
            return Modality.PLANNED if (reported and w == "would") else Modality.HYPOTHETICAL
        if w == "going":
            return Modality.PLANNED
    # "is going to attack": going is the head, attack its xcomp
    if verb.dep_ == "xcomp" and verb.head.lower_ == "going":
        return Modality.PLANNED
    return None


def _has_reporting_ancestor(tok: Token) -> bool:
    t = tok
    for _ in range(10):
        if t.head == t:
            return False
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in ATTRIBUTION_SPEECH_VERBS:
            return True
        t = t.head
    return False


def analyse(
    trigger: Token,
    index: DocIndex,
    article_date: date | None,
    skip_own_aux: bool = False,
    refusal: bool = False,
) -> Context:
    """Polarity, modality, speaker and date for a claim triggered at `trigger`.

    skip_own_aux: the trigger's own future/conditional auxiliary is part of the
    statement itself (a refusal "would not allow" is a present stance).
    refusal: the negation on the trigger is what makes it a rejection, so it
    does not negate the claim.
    """
    polarity = Polarity.AFFIRMED
    modality = Modality.ASSERTED
    speaker: Arg | None = None
    cues: list[str] = []
    reported = _has_reporting_ancestor(trigger)

    # The trigger's own clause: itself, and for a nominal trigger the verb that
    # governs it ("did not impose sanctions", "no impact").
    own = [trigger]
    t = trigger
    while t.pos_ not in ("VERB", "AUX") and t.head != t and t.dep_ in ("dobj", "attr", "pobj", "prep", "nsubj", "nsubjpass", "compound", "conj"):
        t = t.head
        own.append(t)
        if t.pos_ in ("VERB", "AUX"):
            break
    if own[-1].pos_ in ("VERB", "AUX"):
        # a participial or bare conjoined clause shares its main clause's
        # negation and auxiliaries ("did not fire missiles, striking X")
        own.extend(shared_clause_heads(own[-1]))
    for o in own:
        if not refusal and is_negated(o):
            polarity = Polarity.NEGATED
            cues.append("neg")
        if not skip_own_aux and o.pos_ in ("VERB", "AUX"):
            m = _aux_modality(o, reported)
            if m is not None:
                modality = _stronger(modality, m)
                cues.append(m.value)
        for c in o.children:
            if c.dep_ == "advmod" and c.lower_ in ALLEGE_ADVERBS:
                modality = _stronger(modality, Modality.ALLEGED)
                cues.append("alleged-adv")
            elif c.dep_ == "advmod" and c.lower_ in HISTORICAL_ADVERBS:
                modality = _stronger(modality, Modality.HISTORICAL)
            elif c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS:
                modality = _stronger(modality, Modality.HYPOTHETICAL)
                cues.append("if")

    # A purpose infinitive states an aim, not an event ("paying bounties to kill
    # soldiers", "working with its allies to support"); aspectual and
    # implicative heads ("continued to attack", "managed to") do not.
    clause = next((o for o in own if o.pos_ in ("VERB", "AUX")), None)
    if clause is not None and clause.dep_ in ("advcl", "acl", "xcomp") and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children
    ):
        head_lemma = clause.head.lemma_.lower()
        if head_lemma in FAILURE_HEADS:
            polarity = Polarity.NEGATED
            cues.append(f"under-{head_lemma}")
        elif head_lemma not in ASPECTUAL_HEADS and clause.dep_ != "xcomp" or head_lemma in PURPOSE_XCOMP_HEADS:
            modality = _stronger(modality, Modality.PLANNED)
            cues.append("purpose")

    # Governing words up to the root.
    child = trigger
    head = trigger.head
    steps = 0
    finite_conj = False  # the path came through a finite conjoined verb: a clause of its own
    while head != child and steps < 12:
        steps += 1
        lemma = head.lemma_.lower()
        if child.dep_ in COMPLEMENT_DEPS:
            if lemma in HYPOTHETICAL_HEADS and child.dep_ in ("ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "acl"):
                modality = _stronger(modality, Modality.HYPOTHETICAL)
                cues.append(f"under-{lemma}")
            elif (
                lemma in ALLEGE_HEADS
                and child.dep_ in ("ccomp", "xcomp", "acl", "pcomp", "pobj", "prep")
                and not _vouched_report(head)
            ):
                modality = _stronger(modality, Modality.ALLEGED)
                cues.append(f"under-{lemma}")
            elif lemma in PLAN_HEADS and child.dep_ in ("ccomp", "xcomp", "acl", "pcomp", "pobj", "prep"):
                modality = _stronger(modality, Modality.PLANNED)
                cues.append(f"under-{lemma}")
            elif lemma in DIRECTIVE_HEADS and child.dep_ in ("xcomp", "ccomp") and _infinitive(child) and not finite_conj:
                modality = _stronger(modality, Modality.PLANNED)
                cues.append(f"under-{lemma}")
            elif lemma in DENY_HEADS and child.dep_ in ("ccomp", "xcomp", "dobj", "pcomp", "pobj", "prep"):
                polarity = Polarity.NEGATED
                cues.append("denied")
            elif lemma in ATTRIBUTION_SPEECH_VERBS and head.pos_ == "VERB" and child.dep_ in ("ccomp", "parataxis", "conj") :
                modality = _stronger(modality, Modality.REPORTED)
                if speaker is None:
                    speaker = _speaker(head, index)
                cues.append("reported")
            if head.pos_ in ("VERB", "AUX") and child.dep_ in ("ccomp", "xcomp", "advcl"):
                if not refusal or child != trigger:
                    m = _aux_modality(head, reported) if child.dep_ == "xcomp" else None
                    if m is not None:
                        modality = _stronger(modality, m)
                if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in child.children):
                    modality = _stronger(modality, Modality.HYPOTHETICAL)
        finite_conj = child.dep_ == "conj" and child.tag_ in ("VBD", "VBZ", "VBP")
        child = head
        head = head.head

    # "according to X"
    if speaker is None:
        for tok in trigger.sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
                for p in tok.nbor(1).children:
                    if p.dep_ == "pobj":
                        args = index.args(p)
                        if args:
                            speaker = args[0]
                            modality = _stronger(modality, Modality.REPORTED)
                            cues.append("according-to")
                break

    return Context(
        polarity,
        modality,
        speaker,
        dated_event(trigger, article_date),
        "+".join(dict.fromkeys(cues)),
    )


def _vouched_report(verb: Token) -> bool:
    """"State media reported that ...": a reporting verb with a subject."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in REPORTING_VERBS
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _speaker(verb: Token, index: DocIndex) -> Arg | None:
    """The entity that speaks: a Person in the subject phrase first, else the subject."""
    subj, _ = subject_tokens(verb)
    for s in subj:
        for t in s.subtree:
            m = index.mention_at(t)
            if m is not None and m.entity.kind.value == "Person":
                return index.arg_of_mention(m)
    for s in subj:
        args = index.args(s)
        if args:
            return args[0]
    return None


# --- dates (ingest.relations.dates; kept here for the callers of the old names) ---


def parse_date(text: str, article_date: date | None) -> date | None:
    """A DATE entity's text as the first day of the period it names."""
    found = parse_event_date(text, article_date)
    return found.date if found is not None else None


def event_date(trigger: Token, article_date: date | None) -> date | None:
    """The date the sentence gives for the trigger's clause, if any."""
    found = dated_event(trigger, article_date)
    return found.date if found is not None else None
