"""Verbal cues: a cue verb with its subject (active, passive `by`, or inherited
through xcomp/advcl/conj) and its object slots; refusals ("will not allow")."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from ingest.relations.arguments import DocIndex, agent_tokens, is_passive, subject_tokens
from ingest.relations.candidates import Candidate, make_candidate, pairs, prep_objects
from ingest.relations.context import is_negated
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
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return
    if lemma in REFUSAL_VERBS or lemma == "refuse":
        yield from _refusal(tok, index)
    cues = VERB_CUES.get(lemma)
    if not cues:
        return
    passive = is_passive(tok)
    if passive:
        subj_toks = agent_tokens(tok)
        patients = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if not patients and tok.dep_ == "acl":
            patients = [tok.head]
        inherited = False
    else:
        subj_toks, inherited = subject_tokens(tok)
        patients = [c for c in tok.children if c.dep_ == "dobj"]
    if not subj_toks:
        return
    preps = prep_objects(tok)
    for cue in cues:
        objs = _verb_objects(tok, cue, patients, preps)
        if objs is None:
            continue
        subjects = [a for t in subj_toks for a in index.args(t)]
        objects = [a for t in objs for a in index.args(t)]
        rule = f"verb:{lemma}" + (":passive" if passive else "") + (":inherited" if inherited else "")
        conf = cue.confidence - (0.05 if inherited else 0.0)
        if not objs and "mutual" in cue.objects:
            # "Armenia and Azerbaijan clashed": each subject is the other's counterpart
            subjects, objects, rule = subjects[:1], subjects[1:], rule + ":mutual"
        for s, o in pairs(subjects, objects):
            if cue.reverse:
                s, o = o, s
            if cue.object_kinds is not None and o.entity.kind not in cue.object_kinds:
                continue
            yield make_candidate(cue.type, s, o, tok, conf, rule)
        break


def _verb_objects(tok: Token, cue: VerbCue, patients: list[Token], preps: dict[str, list[Token]]) -> list[Token] | None:
    """The object tokens a cue takes here, or None when the cue's conditions fail."""
    if cue.particle and cue.particle not in preps:
        return None
    if cue.clause and not _has_clause(tok):
        return None
    if cue.predicate_words is not None and not _predicate_has(tok, preps, cue.predicate_words):
        return None
    if cue.via is not None and not any(t.lemma_.lower() in cue.via for ts in preps.values() for t in ts):
        return None
    direct = list(patients)
    owned: list[Token] = []
    if cue.requires_dobj is not None:
        owned = [p for p in direct if p.lemma_.lower() in cue.requires_dobj]
        if not owned:
            return None
        direct = []
    if cue.themes is not None:
        with_objs = preps.get("with", [])
        if _theme_classes(direct) & cue.themes:
            direct = []  # the dobj is the theme; the recipient is in a prep/dative
        elif with_objs and _theme_classes(with_objs) & cue.themes:
            pass  # "provided Kyiv with weapons": the dobj is the recipient
        else:
            return None
    if patients and (cue.requires_dobj is not None or cue.themes is not None or cue.dobj_preps):
        # "severed ties with Iran", "deployed troops near Ukraine": the
        # preposition may hang on the object noun rather than on the verb
        for p in patients:
            for k, v in prep_objects(p).items():
                preps.setdefault(k, v)
    out: list[Token] = []
    for slot in cue.objects:
        if slot == "dobj":
            out.extend(direct)
        elif slot == "ctl":
            out.extend(_ctl_subjects(tok))
        elif slot == "xobj":
            # "threatened to attack Iran", "threatened to impose sanctions on Turkey"
            for x in (c for c in tok.children if c.dep_ == "xcomp"):
                out.extend(c for c in x.children if c.dep_ == "dobj")
                out.extend(t for k in ("on", "against") for t in prep_objects(x).get(k, []))
        elif slot == "owner":
            # the required noun stands for its possessor or demonym ("the Libyan ambassador")
            out.extend(c for p in owned for c in p.children if c.dep_ in ("poss", "amod", "compound", "nmod"))
        elif slot in ("dative", "iobj"):
            out.extend(preps.get("dative", []))
            out.extend(c for c in tok.children if c.dep_ == "iobj")
            if cue.themes is not None and "with" in preps and direct:
                out.extend(direct)
        elif slot.startswith("prep:"):
            out.extend(preps.get(slot[5:], []))
    return out


def _has_clause(tok: Token) -> bool:
    """An infinitival or clausal complement: "asked Iran to release", "called
    for Ukraine to reduce" (spaCy may attach the latter as advcl)."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "oprd"):
            return True
        if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return True
    return False


def _predicate_has(tok: Token, preps: dict[str, list[Token]], words: frozenset[str]) -> bool:
    """The `as` phrase or object predicate of `tok` contains one of `words`
    ("designated X as a terrorist group", "labelled X a terrorist")."""
    heads = list(preps.get("as", [])) + [c for c in tok.children if c.dep_ in ("oprd", "ccomp", "xcomp")]
    for d in tok.children:
        if d.dep_ == "dobj":
            heads.extend(p for c in d.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children)
    return any(t.lemma_.lower() in words for h in heads for t in h.subtree)


def _refusal(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """"Baku would not allow Tel Aviv to attack Iran" -> REJECTS(Baku, Tel Aviv).

    The embedded attack is extracted by its own cue and made hypothetical by
    context.py (it is the complement of "allow"/"refuse"); the refusal itself
    is an affirmed stance, whatever its auxiliary ("would", "will").
    """
    lemma = tok.lemma_.lower()
    if lemma != "refuse" and not is_negated(tok):
        return
    subj_toks, inherited = subject_tokens(tok)
    objs = [c for c in tok.children if c.dep_ == "dobj"] + _ctl_subjects(tok)
    if lemma == "refuse" and not objs:
        # "Iran refused to let X ..." is handled at "let"; "refused Y's request" -> Y
        objs = [c for c in tok.children if c.dep_ == "dobj"]
    subjects = [a for t in subj_toks for a in index.args(t)]
    objects = [a for t in objs for a in index.args(t)]
    for s, o in pairs(subjects, objects):
        yield make_candidate("REJECTS", s, o, tok, 0.7, f"refusal:{lemma}", refusal=lemma != "refuse", skip_own_aux=True)
