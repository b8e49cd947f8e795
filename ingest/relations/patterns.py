"""Dependency patterns: each function finds one family of constructions in a
sentence and yields candidate claims (type, subject, object, trigger).

Explicit tree walks rather than matcher rules, so that each construction reads
as what it is:
- `verbal`: a cue verb with its subject (active, passive `by`, or inherited
  through xcomp/advcl/conj) and object slots; refusals ("will not allow");
- `nominal`: a cue noun with possessor/demonym/`by` agents, prepositional
  objects, `between X and Y`, and the governing copula, apposition or light
  verb ("are supporters of", "launched attacks on", "have relations");
- `titles`: "Israel's outgoing Defense Minister Benny Gantz", "Likud Party
  leader Benjamin Netanyahu", "X, the president of Y";
- `locations`: "Mosul, Iraq", "ISIL in Syria", "the Syrian city of Raqqa".
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Iterator

from spacy.tokens import Span, Token

from graph.models import Entity
from graph.ontology import EntityKind, Modality
from ingest.relations.arguments import (
    Arg,
    DocIndex,
    MentionLike,
    agent_tokens,
    is_passive,
    subject_tokens,
)
from ingest.relations.context import is_negated
from ingest.relations.lexicon import (
    AID_WORDS,
    ARMS_WORDS,
    LEADER_TITLES,
    LIGHT_VERBS,
    MILITARY_MODIFIERS,
    NOUN_CUES,
    OFFICIAL_TITLES,
    REFUSAL_VERBS,
    SUPPORT_WORDS,
    TITLE_MODIFIERS,
    TROOP_WORDS,
    VERB_CUES,
    NounCue,
    VerbCue,
)


@dataclass(slots=True)
class Candidate:
    type: str
    subject: Arg
    object: Arg
    trigger: Token
    trigger_start: int
    trigger_end: int
    trigger_text: str
    confidence: float
    rule: str
    title: str | None = None
    refusal: bool = False  # the trigger's negation makes it a rejection
    skip_own_aux: bool = False
    modality: Modality | None = None  # a modality the pattern itself knows ("former")


def make_candidate(type_: str, s: Arg, o: Arg, trig: Token, conf: float, rule: str, **kw: object) -> Candidate:
    conf = conf - s.penalty - o.penalty
    return Candidate(
        type_, s, o, trig, trig.idx, trig.idx + len(trig.text), trig.text, round(max(conf, 0.05), 3), rule, **kw  # type: ignore[arg-type]
    )


def _preps(tok: Token) -> dict[str, list[Token]]:
    """Prepositional objects of a token by preposition ("with" -> [Armenia])."""
    out: dict[str, list[Token]] = {}
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP":
            objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            out.setdefault(c.lower_, []).extend(objs)
            # "on behalf of", "against both X and Y": nested prep chains are not followed
        elif c.dep_ == "prt" and c.pos_ in ("ADP", "ADV"):
            out.setdefault(c.lower_, [])
        elif c.dep_ == "dative" and c.pos_ != "ADP":
            out.setdefault("dative", []).append(c)
    return out


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


def _pairs(subjects: list[Arg], objects: list[Arg]) -> Iterator[tuple[Arg, Arg]]:
    for s in subjects:
        for o in objects:
            if s.start == o.start and s.end == o.end:
                continue
            # a capital read as its state may still be the city of a geographic claim;
            # self-loops are dropped after normalisation
            if s.entity.id != o.entity.id or _metonymy(s) or _metonymy(o):
                yield s, o


def _metonymy(a: Arg) -> bool:
    return a.mention is not None and a.mention.rule == "capital-metonymy"


def _ctl_subjects(tok: Token) -> list[Token]:
    """The understood object of an object-control verb: "allow Israel to attack"
    (spaCy: Israel is the nsubj of the ccomp), "prevent Israel from using"."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "oprd"):
            out.extend(s for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
    return out


# --- verbal cues --------------------------------------------------------------------
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
    preps = _preps(tok)
    for cue in cues:
        objs = _verb_objects(tok, cue, patients, preps)
        if objs is None:
            continue
        subjects = [a for t in subj_toks for a in index.args(t)]
        objects = [a for t in objs for a in index.args(t)]
        rule = f"verb:{lemma}" + (":passive" if passive else "") + (":inherited" if inherited else "")
        conf = cue.confidence - (0.05 if inherited else 0.0)
        for s, o in _pairs(subjects, objects):
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
    direct = list(patients)
    if cue.requires_dobj is not None:
        if not any(p.lemma_.lower() in cue.requires_dobj for p in direct):
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
    if patients and (cue.requires_dobj is not None or cue.themes is not None):
        # "severed ties with Iran", "deployed troops near Ukraine": the
        # preposition may hang on the object noun rather than on the verb
        for p in patients:
            for k, v in _preps(p).items():
                preps.setdefault(k, v)
    out: list[Token] = []
    for slot in cue.objects:
        if slot == "dobj":
            out.extend(direct)
        elif slot == "ctl":
            out.extend(_ctl_subjects(tok))
        elif slot in ("dative", "iobj"):
            out.extend(preps.get("dative", []))
            out.extend(c for c in tok.children if c.dep_ == "iobj")
            if cue.themes is not None and "with" in preps and direct:
                out.extend(direct)
        elif slot.startswith("prep:"):
            out.extend(preps.get(slot[5:], []))
    return out


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
    for s, o in _pairs(subjects, objects):
        yield make_candidate("REJECTS", s, o, tok, 0.7, f"refusal:{lemma}", refusal=lemma != "refuse", skip_own_aux=True)


# --- nominal cues ----------------------------------------------------------------------
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


def _instrument_preps(verb: Token) -> dict[str, list[Token]]:
    """"conducted 15 strikes using fighter and bomber aircraft against ISIL
    targets": the parser hangs the target on the instrument noun; an object
    of "using" does not take "against"/"on" itself, so the phrase is the
    action's."""
    out: list[tuple[str, Token]] = []
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() == "use":
            for d in c.children:
                if d.dep_ != "dobj":
                    continue
                for noun in [d, *d.conjuncts]:
                    for k, v in _preps(noun).items():
                        if k in ("against", "on"):
                            out.extend((k, t) for t in v)
    merged: dict[str, list[Token]] = {}
    for k, t in out:
        merged.setdefault(k, []).append(t)
    return merged


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
    preps = _preps(tok)
    light = _governing_light_verb(tok)
    if light is not None:
        # "opened an embassy in Israel", "imposed sanctions on Iran": the
        # preposition often attaches to the verb rather than to the noun.
        for k, v in _preps(light).items():
            preps.setdefault(k, v)
        for k, v in _instrument_preps(light).items():
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

    rtype_symmetric = cue.type in _SYMMETRIC
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
        for s, o in _pairs(agents, objects):
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
            for s, o in _pairs(agents, [other]):
                yield make_candidate(cue.type, s, o, tok, conf - 0.15, rule + ":participants")


# Nominal cues whose missing partner may be a participant of the governing clause.
PARTICIPANT_TYPES = {"COOPERATES_MILITARILY", "NEGOTIATES_WITH", "DIPLOMATIC_RELATIONS", "ALLIED_WITH", "SIGNS_AGREEMENT_WITH"}
_SYMMETRIC = {"BORDERS", "ALLIED_WITH", "DIPLOMATIC_RELATIONS", "NEGOTIATES_WITH", "SIGNS_AGREEMENT_WITH", "COOPERATES_MILITARILY", "FIGHTS", "MEETS_WITH", "TRADES_WITH"}


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


# --- titles ----------------------------------------------------------------------------
_HONORIFIC_SKIP = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "the", "then", "'s", "’s", "s"})


def titles(person_mention_tokens: tuple[int, int], index: DocIndex) -> Iterator[tuple[Arg, str, Token, str]]:
    """(organisation, title text, title head token, rule) for one Person mention.

    Scans the words just before the name ("Israel's outgoing Defense Minister",
    "Likud Party leader", "Azeri Ambassador to the US"), then an apposition
    after it ("Benny Gantz, Israel's defence minister") or before it ("the
    president of Russia, Vladimir Putin").
    """
    doc = index.doc
    start, end = person_mention_tokens
    sent_start = doc[start].sent.start
    # 1. left of the name: title words, state/organisation names, "'s", "to the"
    i = start - 1
    left = start
    while i >= sent_start and start - i <= 10:
        t = doc[i]
        m = index.mention_at(t)
        if m is not None:
            if m.entity.kind == EntityKind.PERSON:
                break
            left = m.start_token
            i = m.start_token - 1
            continue
        low = t.lower_
        if _is_title_word(low) or low in _TITLE_GLUE:
            left = i
            i -= 1
            continue
        break
    # the phrase must not start with glue ("the", "to", "'s")
    while left < start and doc[left].lower_ in _TITLE_GLUE:
        left += 1
    # "a former advisor for U.S. President Donald Trump": the title of the name
    # is the last segment after "for"/"of"/"to" that still holds a title head
    for j in range(start - 1, left - 1, -1):
        if doc[j].lower_ in ("for", "of", "to") and any(_is_title_head(t) for t in doc[j + 1 : start]):
            if not any(_is_title_head(t) for t in doc[left:j]) or index.mention_at(doc[j + 1]) is None:
                break
            left = j + 1
            break
    phrase = doc[left:start]
    heads = [t for t in phrase if _is_title_head(t)]
    if heads:
        orgs: list[Arg] = []
        hosts: set[str] = set()
        j = left
        while j < start:
            m = index.mention_at(doc[j])
            if m is None:
                j += 1
                continue
            k = m.start_token - 1
            while k >= left and doc[k].lower_ == "the":
                k -= 1
            arg = index.arg_of_mention(m)
            if k >= left and doc[k].lower_ in ("to", "in"):
                hosts.add(arg.entity.id)  # "Ambassador to the US": the host state
            else:
                orgs.append(arg)
            j = m.end_token
        title_toks = [t for t in phrase if index.mention_at(t) is None or index.mention_at(t).entity.id in hosts]
        # a state named as the place of the clause is not the employer ("In Turkey Minister Ellwood met")
        orgs = [
            o
            for o in orgs
            if (o.mention is None or o.mention.role != "place")
            and not (o.mention is not None and o.mention.start_token > 0 and doc[o.mention.start_token - 1].lower_ in LOCATIVE_PREPS)
        ]
        if orgs and title_toks:
            title_text = doc[title_toks[0].i : title_toks[-1].i + 1].text
            yield orgs[0], _clean_title(title_text), heads[-1], "title:prenominal"
    # 2. apposition: "Gantz, Israel's defense minister" / "the president of Russia, Putin"
    root = doc[end - 1]
    yield from _comma_title(end, index)
    for cand in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
        if not _is_title_head(cand) and cand.lemma_.lower() not in MEMBER_NOUNS:
            continue
        org_args = index.modifier_args(cand)
        for c in cand.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                org_args.extend(a for p in c.children if p.dep_ == "pobj" for a in index.args(p))
        org_args = [a for a in org_args if a.entity.kind != EntityKind.PERSON]
        if org_args:
            lo = min([cand.i] + [c.i for c in cand.children if c.dep_ in ("amod", "compound") and c.i < cand.i and index.mention_at(c) is None])
            hi = cand.i + 1
            for c in cand.children:  # "chief of staff", "Secretary of State"
                if c.dep_ == "prep" and c.lower_ == "of" and c.i == hi:
                    pobj = [p for p in c.children if p.dep_ == "pobj"]
                    if pobj and index.mention_at(pobj[0]) is None and pobj[0].i == hi + 1:
                        hi = pobj[0].i + 1
            title_text = doc[lo:hi].text
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in cand.children)
            org = org_args[0]
            if (
                indefinite
                and title_kind(_clean_title(title_text))[0] == "LEADER_OF"
                and org.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP)
            ):
                # "Abu Jandal, an ISIL gang leader": one of the group's many
                # leaders of some part of it, so a member, not the group's leader
                yield org, "", cand, "member:appositive-indefinite"
                return
            yield org, _clean_title(title_text), cand, "title:appositive"
            return
        if cand.lemma_.lower() in MEMBER_NOUNS:
            # "Abu Jandal, an ISIL fighter": a member, not an office holder
            for a in index.modifier_args(cand):
                if a.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP):
                    yield a, "", cand, "member:appositive"
                    return


def _comma_title(end: int, index: DocIndex) -> Iterator[tuple[Arg, str, Token, str]]:
    """"Gen. Joseph Votel, commander, U.S. Central Command": the military
    style of a title, with the organisation set off by a second comma rather
    than "of". Read from the words: the parser rarely links the two."""
    doc = index.doc
    if end >= len(doc) or doc[end].text != ",":
        return
    j = end + 1
    words: list[Token] = []
    while j < len(doc) and len(words) < 3 and index.mention_at(doc[j]) is None and _is_title_word(doc[j].lower_):
        words.append(doc[j])
        j += 1
    if not words or not any(_is_title_head(t) for t in words):
        return
    if j + 1 >= len(doc) or doc[j].text != ",":
        return
    k = j + 1
    while k < min(j + 3, len(doc) - 1) and index.mention_at(doc[k]) is None and doc[k].is_title:
        k += 1  # "Combined Joint Forces ...": a name the resolver found only in part
    m = index.mention_at(doc[k])
    if m is None or m.start_token != k or m.entity.kind not in (EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.COUNTRY):
        return
    head = [t for t in words if _is_title_head(t)][-1]
    yield index.arg_of_mention(m), _clean_title(" ".join(t.text for t in words)), head, "title:comma"


MEMBER_NOUNS = frozenset("member fighter militant operative commander activist supporter loyalist".split())
_TITLE_GLUE = frozenset({"the", "to", "of", "for", "'s", "’s", "-", "–", "and"})


def _is_title_head(t: Token) -> bool:
    low = t.lower_
    lemma = t.lemma_.lower()
    return low in LEADER_TITLES or low in OFFICIAL_TITLES or lemma in LEADER_TITLES or lemma in OFFICIAL_TITLES


def _is_title_word(low: str) -> bool:
    return low in LEADER_TITLES or low in OFFICIAL_TITLES or low in TITLE_MODIFIERS or low.rstrip("s") in OFFICIAL_TITLES


def _clean_title(text: str) -> str:
    words = [w for w in text.replace("’s", " ").replace("'s", " ").split() if w.lower() not in ("the",)]
    while words and words[-1].lower() in ("of", "for", "to", "and", "-", "–"):
        words.pop()
    return " ".join(words).strip(" ,-")


def title_kind(title: str) -> tuple[str, Modality | None]:
    """LEADER_OF or OFFICIAL_OF for a title, and HISTORICAL for a former holder."""
    words = [w.lower().strip(",.") for w in title.split()]
    former = any(w in ("former", "ex", "late") or w.startswith("ex-") for w in words)
    modality = Modality.HISTORICAL if former else None
    deputy = any(w in ("deputy", "vice", "acting") for w in words)
    joined = " ".join(words)
    head_is_leader = any(w in LEADER_TITLES for w in words) or "prime minister" in joined
    if "minister" in words and "prime minister" not in joined:
        head_is_leader = False
    if any(w in ("ambassador", "spokesman", "spokeswoman", "spokesperson", "envoy") for w in words):
        head_is_leader = False
    # "chief of staff", "police chief", "army chief": heads a part, not the whole
    if "chief" in words and ("staff" in words or words.index("chief") > 0 and words[words.index("chief") - 1] in ("police", "army", "intelligence", "military", "fire", "security")):
        head_is_leader = False
    return ("LEADER_OF" if head_is_leader and not deputy else "OFFICIAL_OF"), modality


# --- locations ---------------------------------------------------------------------------
_PLACE_KINDS = (EntityKind.CITY, EntityKind.PLACE, EntityKind.COUNTRY)
_LOCATED_SUBJECT_KINDS = (EntityKind.CITY, EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.GROUP)
LOCATIVE_PREPS = frozenset({"in", "near", "inside", "outside", "at", "across", "throughout"})
# "near X", "around X", "outside X" say where something is relative to X, not
# that X contains it: the Tiyas airfield near Palmyra is not in Palmyra, a
# coalition airstrike near Tabqa Dam does not put the coalition at the dam (on
# re3d-dev 2 of the 5 "near" claims were right). Kept, since "ISIL units near
# Mosul" still says where a group operates, at a low confidence so that a
# min_confidence filter (API, analytics) can leave them out.
_PROXIMITY_PREPS = frozenset({"near", "around", "outside"})
_NEAR_CONFIDENCE = 0.35
PLACE_NOUNS = frozenset("city town village capital province region district port area governorate state".split())


def locations(sent: Span, index: DocIndex, country_of: Callable[[Entity], Entity | None] | None = None) -> Iterator[Candidate]:
    """LOCATED_IN: "Mosul, Iraq"; "ISIL in Syria"; "the Syrian city of Raqqa";
    "Magnitogorsk, a city in ... Russia"."""
    doc = index.doc
    sent_mentions = [m for m in index.mentions if sent.start <= m.start_token < sent.end]
    for k, m in enumerate(sent_mentions):
        if m.entity.kind not in _LOCATED_SUBJECT_KINDS:
            continue
        subj = index.arg_of_mention(m)
        if "," in m.text and m.entity.kind in (EntityKind.CITY, EntityKind.PLACE) and country_of is not None:
            # the resolver kept "Mosul, Iraq" as one mention of the city
            yield from _joined_place(m, index, country_of)
            continue
        last = doc[m.end_token - 1]
        # "Mosul, Iraq" (and "Virginia Beach, Virginia")
        # ("Anbar province, Iraq": a place noun may sit between name and comma)
        comma = m.end_token
        if comma < len(doc) and doc[comma].lemma_.lower() in PLACE_NOUNS:
            comma += 1
        if comma + 1 < len(doc) and doc[comma].text == "," and k + 1 < len(sent_mentions):
            nxt = sent_mentions[k + 1]
            # only "place, Country": "Cibolo, Texas" or a list "Gulf of Oman, North Arabian Sea" is not a containment
            # and the country must be named, not a demonym opening the next phrase
            # ("in Tashkent, Uzbek alumni"; "to liberate the Iraqi city of Mosul, Iraqi forces")
            if (
                nxt.start_token == comma + 1
                and nxt.entity.kind == EntityKind.COUNTRY
                and nxt.rule != "demonym"
                and m.entity.kind in (EntityKind.CITY, EntityKind.PLACE)
            ):
                after = doc[nxt.end_token] if nxt.end_token < len(doc) else None
                # not a list of towns ("Cantilan, Madrid, Carmen") nor a capital read as its state
                following = doc[nxt.end_token + 1] if nxt.end_token + 1 < len(doc) else None
                in_list = after is not None and after.text == "," and following is not None and (
                    following.lower_ in ("and", "or") or index.mention_at(following) is not None
                )
                if nxt.rule != "capital-metonymy" and not in_list:
                    yield make_candidate("LOCATED_IN", subj, index.arg_of_mention(nxt), doc[comma], 0.7, "located:comma")
                    continue
        # "ISIL in Syria", "Raqqa in northern Syria", and through the noun a
        # name modifies: "ISIL terrorists in Iraq", "Daesh fighters near Mosul"
        head = last
        preps_of = list(head.children)
        if (
            m.entity.kind in _LOCATED_ACTOR_KINDS  # not "a Florida highway near Gainesville"
            and (
                head.dep_ in ("compound", "amod", "nmod")
                # "ISIL's campaign in Iraq"; but "the Republican Party's primaries
                # in Florida", "Costco's store in Canberra" own something
                # somewhere without being based there: armed groups only
                or (head.dep_ == "poss" and m.entity.kind == EntityKind.GROUP)
            )
            and head.head.pos_ in ("NOUN", "PROPN")
            and index.mention_at(head.head) is None
        ):
            noun = head.head
            noun_lemma = noun.lemma_.lower()
            if noun_lemma in PLACE_NOUNS or noun_lemma in GATHERING_NOUNS or noun_lemma in _REMOTE_STRIKE_WORDS:
                # "a self-proclaimed ISIL capital in Syria", "the UNGA meeting in
                # New York": the place or the event is there, not the group; a
                # "coalition airstrike near Tabqa Dam" hits there from afar
                pass
            elif (noun_lemma in MEMBER_NOUNS or _is_title_head(noun)) and _role_holders(noun, index):
                # "Abu Jandal, an ISIL gang leader in Raqqah": the named
                # leader is there; the group is only what he leads
                yield from _role_location(noun, index)
            else:
                # "ISIL fighters in Mosul", "Daesh positions near Tikrit"
                preps_of.extend(noun.children)
        # "Al-Raqqa province in Syria": the place noun after the name carries it
        if (
            m.entity.kind in (EntityKind.CITY, EntityKind.PLACE)
            and head.dep_ in ("compound", "amod", "nmod")
            and head.head.lemma_.lower() in PLACE_NOUNS
            and index.mention_at(head.head) is None
        ):
            preps_of.extend(head.head.children)
        # "the city of Mosul in Iraq": the place noun carries the preposition
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in PLACE_NOUNS:
            preps_of.extend(head.head.head.children)
        for c in preps_of:
            if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS:
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    for a in index.args(p, allow_modifier=False, allow_pronoun=False):
                        if a.entity.kind in _PLACE_KINDS and a.entity.id != m.entity.id:
                            if c.lower_ in _PROXIMITY_PREPS and m.entity.kind in (EntityKind.CITY, EntityKind.PLACE):
                                # "the Tiyas airfield near Palmyra" is outside Palmyra
                                continue
                            conf = _NEAR_CONFIDENCE if c.lower_ in _PROXIMITY_PREPS else 0.6
                            yield make_candidate("LOCATED_IN", subj, a, c, conf, f"located:prep-{c.lower_}")
        # "X, a city in Y" / "the Syrian city of Raqqa"
        for c in list(head.children) + ([head.head] if head.dep_ == "pobj" else []):
            noun = c
            if c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS:
                for pc in c.children:
                    if pc.dep_ == "prep" and pc.lower_ in ("in", "of"):
                        for p in pc.children:
                            if p.dep_ == "pobj":
                                for a in index.args(p, allow_pronoun=False):
                                    if a.entity.kind in _PLACE_KINDS and a.entity.id != m.entity.id:
                                        yield make_candidate("LOCATED_IN", subj, a, c, 0.65, "located:appos-place-noun")
            if noun == head.head and head.dep_ == "pobj" and noun.lower_ == "of":
                place_noun = noun.head
                if place_noun.lemma_.lower() in PLACE_NOUNS:
                    for a in index.modifier_args(place_noun):
                        if a.entity.kind == EntityKind.COUNTRY and a.entity.id != m.entity.id:
                            yield make_candidate("LOCATED_IN", subj, a, place_noun, 0.65, "located:city-of")


# Events that happen somewhere: the name modifying them is not there by it.
GATHERING_NOUNS = frozenset(
    "meeting summit conference talks session assembly forum visit ceremony election vote primary caucus nomination".split()
)


def _role_holders(role: Token, index: DocIndex) -> list[Arg]:
    """The named people a role noun is said of by apposition ("X, an ISIL commander")."""
    holders = [role.head] if role.dep_ == "appos" else [c for c in role.children if c.dep_ == "appos"]
    return [a for h in holders for a in index.args(h, allow_modifier=False, allow_pronoun=False) if a.entity.kind == EntityKind.PERSON]


def _role_location(role: Token, index: DocIndex) -> Iterator[Candidate]:
    """LOCATED_IN(person, place) for "X, an ISIL commander in Raqqa": the role
    noun's place belongs to the person it is said of."""
    persons = _role_holders(role, index)
    for c in role.children:
        if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS and c.lower_ not in _PROXIMITY_PREPS:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                for a in index.args(p, allow_modifier=False, allow_pronoun=False):
                    if a.entity.kind in _PLACE_KINDS:
                        for person in persons:
                            yield make_candidate("LOCATED_IN", person, a, c, 0.5, f"located:role-{c.lower_}")


def _joined_place(m: MentionLike, index: DocIndex, country_of: Callable[[Entity], Entity | None]) -> Iterator[Candidate]:
    doc = index.doc
    country = country_of(m.entity)
    if country is None or country.id == m.entity.id:
        return
    toks = doc[m.start_token : m.end_token]
    commas = [t for t in toks if t.text == ","]
    if not commas:
        return
    comma = commas[-1]
    head, tail = doc[m.start_token : comma.i], doc[comma.i + 1 : m.end_token]
    if not len(head) or not len(tail):
        return
    city = Arg(m.entity, head.text, head.start_char, head.end_char, "direct", m)
    state = Arg(country, tail.text, tail.start_char, tail.end_char, "direct", None)
    yield make_candidate("LOCATED_IN", city, state, comma, 0.7, "located:comma")


# --- events located in places, membership lists ---------------------------------------
_LOCATED_ACTOR_KINDS = (EntityKind.ORGANIZATION, EntityKind.GROUP)
# A visitor is where the visit takes place ("visited troops at Qayyarah Airfield").
MEETING_VERBS = frozenset({"meet", "hold", "talk", "host", "receive", "welcome", "sign", "visit"})
EVENT_LOCATIVE_PREPS = frozenset({"in", "near", "inside", "at", "around", "outside"})


_REMOTE_STRIKE_WORDS = frozenset("strike airstrike bomb bombard shell bombing shelling sortie".split())


def event_locations(tok: Token, index: DocIndex) -> Iterator[Candidate]:
    """"Near Mosul, three strikes engaged three ISIL tactical units" ->
    LOCATED_IN(ISIL, Mosul); "ISIL fighters in Syria attacked ..." is covered
    by `locations`. Only organisations and armed groups are located by the
    events they take part in (a person's or a state's whereabouts are not
    structural facts)."""
    if tok.pos_ != "VERB":
        return
    places: list[tuple[Token, Arg]] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in EVENT_LOCATIVE_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    for a in index.args(p, allow_modifier=False, allow_pronoun=False):
                        if a.entity.kind in _PLACE_KINDS and (a.mention is None or a.mention.role == "place"):
                            places.append((c, a))
    places.extend(_fronted_places(tok, index))
    if tok.lemma_.lower() in MEETING_VERBS:
        # "met the Iraqi Foreign Minister, Ibrahim al-Jaafari in London": the
        # parser hangs the place on the person met; a person is not "in
        # London" as a property, so the phrase is the meeting's
        met = [c for c in tok.children if c.dep_ == "dobj"]
        met += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
        for t in met:
            for host in [t, *(c for c in t.children if c.dep_ == "appos")]:
                for c in host.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                places.extend(
                                    (c, a) for a in index.args(p, allow_modifier=False, allow_pronoun=False)
                                    if a.entity.kind in (EntityKind.CITY, EntityKind.PLACE)
                                )
    if not places:
        return
    # "In Syria, Coalition forces conducted 23 strikes": strikes hit the place
    # from afar (aircraft, missiles, artillery), so only their targets are
    # located there, not whoever launched them
    remote = tok.lemma_.lower() in _REMOTE_STRIKE_WORDS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _REMOTE_STRIKE_WORDS for c in tok.children
    )
    agent_deps = ("nsubj", "agent") if remote else ()
    participants: list[Arg] = []
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") and c.dep_ not in agent_deps:
            targets = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "agent" else [c]
            for t in targets:
                participants.extend(index.args(t, allow_pronoun=False))
    if remote:
        # "conducted 15 strikes ... against ISIL targets": the targets are there
        against = _preps(tok).get("against", []) + _instrument_preps(tok).get("against", [])
        for c in tok.children:
            if c.dep_ == "dobj":
                against.extend(_preps(c).get("against", []))
        for t in against:
            participants.extend(index.args(t, allow_pronoun=False))
    # At a meeting, the people who meet are where it is held ("Carter met
    # Abadi in Baghdad"); other events locate only organisations and groups.
    meeting = tok.lemma_.lower() in MEETING_VERBS
    if meeting:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                participants.extend(a for p in c.children if p.dep_ == "pobj" for a in index.args(p, allow_pronoun=False))
    for prep, place in places:
        if place.entity.kind == EntityKind.COUNTRY and meeting:
            continue  # "met in Iraq" says little about where either party is based
        for a in participants:
            if a.entity.id == place.entity.id:
                continue
            if a.entity.kind in _LOCATED_ACTOR_KINDS:
                conf = _NEAR_CONFIDENCE if prep.lower_ in _PROXIMITY_PREPS else 0.5
                yield make_candidate("LOCATED_IN", a, place, prep, conf, f"located:event-{prep.lower_}")
            elif meeting and a.entity.kind == EntityKind.PERSON and a.via == "direct":
                yield make_candidate("LOCATED_IN", a, place, prep, 0.45, f"located:meeting-{prep.lower_}")


def _fronted_places(verb: Token, index: DocIndex) -> list[tuple[Token, Arg]]:
    """"Near Mosul, five strikes engaged four ISIL units; destroyed ...": a place
    phrase that opens the sentence, set off by a comma, is the scene of the
    main clause and of every clause coordinated with it. Read from the words,
    since the parser often takes a capitalised "Near" for a name; only for
    main-clause verbs, so a subordinate clause elsewhere does not inherit it."""
    v = verb
    while v.dep_ == "conj" and v.head != v:
        v = v.head
    if v.dep_ != "ROOT":
        return []
    doc = index.doc
    sent = verb.sent
    i = sent.start
    while i < sent.end and (doc[i].is_space or doc[i].is_punct):
        i += 1
    if i + 1 >= sent.end or doc[i].lower_ not in EVENT_LOCATIVE_PREPS:
        return []
    prep = doc[i]
    # up to three words before the name ("In northern Syria", "Near the town of")
    for j in range(i + 1, min(i + 5, sent.end)):
        m = index.mention_at(doc[j])
        if m is None:
            w = doc[j]
            if w.pos_ in ("DET", "ADJ") or w.lemma_.lower() in PLACE_NOUNS or w.lower_ == "of":
                continue
            return []  # "In their march toward Raqqah": the place is not the phrase's object
        end = m.end_token
        if end < sent.end and doc[end].lemma_.lower() in PLACE_NOUNS:
            end += 1  # "In Anbar province,"
        if end >= sent.end or doc[end].text != "," or m.entity.kind not in _PLACE_KINDS:
            return []
        if verb.i < end:
            return []  # the verb is inside the phrase itself
        return [(prep, index.arg_of_mention(m))]
    return []


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
