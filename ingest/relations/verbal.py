"""Verbal cues: the typing step of the clause layer. Every verb's frame
(`frames.py`: agents, patients, obliques, from main, relative, participial and
coordinated clauses, passives, control and raising) is mapped to a relation
type through the lexicon's VerbCues; refusals ("will not allow") too."""

from __future__ import annotations

from itertools import combinations
from typing import Iterator

from spacy.tokens import Token

from graph.ontology import RECIPROCAL_TYPES
from ingest.relations.arguments import DocIndex, subject_tokens
from ingest.relations.candidates import Candidate, make_candidate, pairs
from ingest.relations.context import is_negated
from ingest.relations.frames import Frame, frame_of
from ingest.relations.lexicon import AID_WORDS, REFUSAL_VERBS, SUPPORT_WORDS, TROOP_WORDS, VERB_CUES, VerbCue
from ingest.words.military import ARMS_WORDS, MILITARY_MODIFIERS


def _theme_classes(toks: list[Token]) -> set[str]:
    classes: set[str] = set()
    for t in toks:
        for x in [t, *t.conjuncts]:
            lemma = x.lemma_.lower()
            mods = {c.lemma_.lower() for c in x.children if c.dep_ in ("amod", "compound")}
            if lemma in ARMS_WORDS or (lemma in {"equipment", "hardware", "aid", "assistance", "system", "support"} and mods & MILITARY_MODIFIERS):
                classes.add("ARMS")
            elif lemma in AID_WORDS or mods & {"humanitarian", "financial", "economic", "medical"}:
                classes.add("AID")
            elif lemma in SUPPORT_WORDS:
                classes.add("SUPPORT")
            if lemma in TROOP_WORDS:
                classes.add("TROOPS")
    return classes


def _ctl_subjects(tok: Token) -> list[Token]:
    """The understood object of an object-control verb: "allow Israel to attack"
    (spaCy: Israel is the nsubj of the ccomp), "prevent Israel from using"."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "oprd"):
            out.extend(s for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
    return out


def verbal(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """The verbal step: the token's frame (frames.py), typed through the lexicon."""
    if tok.pos_ != "VERB":
        return
    lemma = tok.lemma_.lower()
    if lemma in REFUSAL_VERBS or lemma == "refuse":
        yield from _refusal(tok, index)
    frame = frame_of(tok)
    if frame is None:
        return
    yield from type_frame(frame, index)


def type_frame(frame: Frame, index: DocIndex) -> Iterator[Candidate]:
    """A frame's candidates: the first cue of its predicate whose conditions
    hold (objects slots, themes, particle, required dobj), with the frame's
    agents as subjects (or objects, for a reverse cue)."""
    tok = frame.predicate
    lemma = tok.lemma_.lower()
    trace = _trace(index)
    if trace is not None:
        trace.frame(frame)
    cues = VERB_CUES.get(lemma)
    if not cues:
        _note(trace, frame, f"no verbal cue for {lemma!r}")
        return
    if not frame.agents:
        _note(trace, frame, "no agent (" + ("passive without a by-phrase" if frame.passive else "no subject found") + ")")
        return
    subjects = [a for t in frame.agents for a in index.args(t)]
    if not subjects:
        _note(trace, frame, "agent is not an entity: " + ", ".join(t.text for t in frame.agents))
        return
    for cue in cues:
        objs, why = _verb_objects(frame, cue, index)
        if objs is None:
            _note(trace, frame, f"cue {cue.type}: {why}")
            continue
        objects = [a for t in objs for a in index.args(t)]
        rule = f"verb:{lemma}" + (":passive" if frame.passive else "") + (":inherited" if frame.inherited else "")
        rule += "".join(f":{h}" for h in frame.how if h not in ("conj", "participle", "control"))
        conf = cue.confidence - (0.05 if frame.inherited else 0.0)
        if not objs and cue.type in RECIPROCAL_TYPES and len({a.entity.id for a in subjects}) >= 2:
            # "Turkey and Libya signed an agreement", "the two leaders met in
            # Paris": with no other party, coordinated agents are each other's
            agents = list({a.entity.id: a for a in subjects}.values())
            for a, b in combinations(agents, 2):
                yield make_candidate(cue.type, a, b, tok, conf - 0.05, rule + ":reciprocal")
            break
        if not objects:
            _note(trace, frame, f"cue {cue.type}: no entity among its objects ({', '.join(cue.objects)})" + (
                ": " + ", ".join(t.text for t in objs) if objs else ""))
        for s, o in pairs(subjects, objects):
            if cue.reverse:
                s, o = o, s
            if cue.object_kinds is not None and o.entity.kind not in cue.object_kinds:
                _note(trace, frame, f"cue {cue.type}: {o.text} is a {o.entity.kind.value}, the cue takes {sorted(cue.object_kinds)}")
                continue
            yield make_candidate(cue.type, s, o, tok, conf, rule)
        break


def _trace(index: DocIndex):  # type: ignore[no-untyped-def]
    return getattr(index, "trace", None)


def _note(trace: object | None, frame: Frame, message: str) -> None:
    if trace is not None:
        trace.note(frame.predicate, message)  # type: ignore[attr-defined]


def _verb_objects(frame: Frame, cue: VerbCue, index: DocIndex) -> tuple[list[Token] | None, str]:
    """The object tokens a cue takes in a frame, or None and why the cue's conditions fail."""
    preps = {k: list(v) for k, v in frame.obliques.items()}
    patients = list(frame.patients)
    if cue.particle and cue.particle not in preps:
        return None, f"needs the particle {cue.particle!r}"
    direct = list(patients)
    if cue.requires_dobj is not None:
        required = [p for p in direct if p.lemma_.lower() in cue.requires_dobj]
        if not required:
            return None, "needs a direct object among " + ", ".join(sorted(cue.requires_dobj)[:6])
        # "expelled the Libyan ambassador", "dismissed Berlin's claim": the
        # object is the required noun's owner (DocIndex.args reads its modifiers)
        direct = required if "dobj" in cue.objects else []
    if cue.themes is not None:
        with_objs = preps.get("with", [])
        if _theme_classes(direct) & cue.themes:
            direct = []  # the dobj is the theme; the recipient is in a prep/dative
        elif with_objs and _theme_classes(with_objs) & cue.themes:
            pass  # "provided Kyiv with weapons": the dobj is the recipient
        else:
            return None, "the theme is not " + "/".join(sorted(cue.themes))
    if patients and (cue.requires_dobj is not None or cue.themes is not None or not _names_entity(patients, index)):
        # "severed ties with Iran", "deployed troops near Ukraine", "fought a
        # war with Israel": the preposition may hang on the object noun
        for k, v in frame.object_obliques.items():
            preps.setdefault(k, v)
    if cue.type in STANCE_TYPES and direct and not _names_entity(direct, index):
        # "criticized the decision by Trump": a stance on an act is a stance on
        # its agent (the parser hangs that "by" on the noun or on the verb)
        by = frame.object_obliques.get("by", []) or ([] if frame.passive else frame.obliques.get("by", []))
        direct = [*direct, *by]
    out: list[Token] = []
    for slot in cue.objects:
        if slot == "dobj":
            out.extend(direct)
        elif slot == "ctl":
            out.extend(frame.controlled)
        elif slot in ("dative", "iobj"):
            out.extend(preps.get("dative", []))
            out.extend(frame.recipients)
            if cue.themes is not None and "with" in preps and direct:
                out.extend(direct)
        elif slot.startswith("prep:"):
            out.extend(preps.get(slot[5:], []))
    return out, ""


# Types of a stance taken on something, which may be an act of the party the stance is about.
STANCE_TYPES = frozenset({"CONDEMNS", "REJECTS", "SUPPORTS", "ACCUSES", "DENIES", "PROTESTS_AGAINST"})


def _names_entity(toks: list[Token], index: DocIndex) -> bool:
    return any(index.args(t) for t in toks)


def _refusal(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """"Baku would not allow Tel Aviv to attack Iran" -> REJECTS(Baku, Tel Aviv).

    The embedded attack is extracted by its own cue and made hypothetical by
    context.py (it is the complement of "allow"/"refuse"); the refusal itself
    is an affirmed stance, whatever its auxiliary ("would", "will").
    """
    lemma = tok.lemma_.lower()
    if lemma != "refuse" and not is_negated(tok):
        return
    subj_toks, _ = subject_tokens(tok)
    objs = [c for c in tok.children if c.dep_ == "dobj"] + _ctl_subjects(tok)
    if lemma == "refuse" and not objs:
        # "Iran refused to let X ..." is handled at "let"; "refused Y's request" -> Y
        objs = [c for c in tok.children if c.dep_ == "dobj"]
    subjects = [a for t in subj_toks for a in index.args(t)]
    objects = [a for t in objs for a in index.args(t)]
    for s, o in pairs(subjects, objects):
        yield make_candidate("REJECTS", s, o, tok, 0.7, f"refusal:{lemma}", refusal=lemma != "refuse", skip_own_aux=True)
