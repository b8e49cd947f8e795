"""Pronouns: "he"/"she" -> the latest person named, "I"/"we" -> a quotation's
speaker or the body they speak for, "they" -> the organisation or armed group
that is the nearest clause subject. Rule "pronoun": weaker than the others."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.resolve import speakers as spk
from ingest.resolve.state import ACTOR, ArticleState, ResolvedMention
from ingest.words.military import FORCE_NOUNS
from ingest.words.people import TITLE_NOUNS
from ingest.words.pronouns import (
    COUNTERPART_NOUNS,
    FIRST_PERSON,
    FIRST_PLURAL,
    PRONOUNS,
    QUANTITY_NOUNS,
    THIRD_PERSON,
    THIRD_PLURAL,
)


def personal_pronouns(st: ArticleState) -> None:
    """'he', 'she', 'his', 'her' -> the latest person named before; inside a
    quotation, never the quotation's own speaker (a speaker does not call
    himself "he"): the latest other person. 'I', 'my', 'me' -> only the named
    speaker of the quotation holding it ('"I am saddened," said Carter',
    'Carter said: "I ..."'); outside a quotation, or when the quotation's
    sentences name no speaker or two, no mention: in interviews (questions
    and answers, no quotation marks) and first-person narration the latest
    person named is someone else, and a wrong "I" gave wrong claims.
    Rule "pronoun", so consumers can treat these weaker links apart."""
    named = [m for m in st.out if m.entity.kind == EntityKind.PERSON]
    if not named:
        return
    doc = st.doc
    people = sorted((m.start_token, m.end_token, m.entity) for m in named)
    starts = [p[0] for p in people]
    speakers = sorted(
        (m.start_token, m.entity)
        for m in named
        if m.rule != "pronoun" and spk.is_speaker(doc[m.start_token : m.end_token])
    )
    speaker_starts = [sp[0] for sp in speakers]
    affiliation = spk.affiliations(st, speakers)
    para_starts = st.para_starts
    quotes = spk.quotations(st, para_starts)
    quote_starts = [q[0] for q in quotes]
    quote_speaker = spk.quote_speakers(st, quotes, speakers, para_starts)
    blocks = spk.statement_blocks(st, quotes, para_starts)
    candidates = [i for i, w in enumerate(st.lowers) if w in PRONOUNS and st.pos[i] == "PRON"]
    for t in (doc[i] for i in candidates):
        word = t.lower_
        if word in FIRST_PLURAL and t.pos_ == "PRON" and t.i not in st.covered and speakers:
            speaker = spk.speaker_for(st, t, speakers, speaker_starts, para_starts)
            group = affiliation.get(speaker.id) if speaker is not None else None
            if group is not None and not st.in_furniture(t.i):
                st.emit(group, "pronoun", t.i, t.i + 1, ACTOR)
            continue
        if word not in THIRD_PERSON and word not in FIRST_PERSON or t.pos_ != "PRON" or t.i in st.covered:
            continue
        if word == "i" and t.text != "I" or st.in_furniture(t.i):
            continue
        q = bisect.bisect_right(quote_starts, t.i) - 1
        in_quote = q >= 0 and quotes[q][0] < t.i < quotes[q][1]
        speaker = quote_speaker[q] if in_quote else None
        if speaker is None and word in FIRST_PERSON:
            # Outside a quotation, or a quotation naming no speaker: the words
            # of a statement introduced by 'X said:' at a line's end. (Not for
            # "he"/"she": where such a statement ends is a guess.)
            speaker = next((p for lo, hi, p in blocks if lo < t.i < hi), None)
        person: Entity | None = None
        if word in FIRST_PERSON:
            person = speaker
        else:
            k = bisect.bisect_right(starts, t.i) - 1
            while k >= 0 and (people[k][1] > t.i or speaker is not None and people[k][2].id == speaker.id):
                k -= 1
            person = people[k][2] if k >= 0 else None
        if person is not None:
            st.emit(person, "pronoun", t.i, t.i + 1, ACTOR)


def plural_pronouns(st: ArticleState) -> None:
    """'they' -> the organisation or armed group that is the nearest clause
    subject before the pronoun, in its sentence or the one before ("The Syrian
    Democratic Forces announced that they began their advance"); or, rule
    "plural-pronoun-set", the parties of the nearest coordinated subject, as a
    set ("Egypt, Greece and France met ... They concluded"; a coordination of
    officials each of another state is those states). A person named alone as
    a subject does not block the look-back (a person is not "they"), and it may
    reach two sentences back then. A nearer subject that is no such mention
    ("the two leaders", "we") blocks it: the pronoun then most likely means
    that. Inside a quotation only an antecedent of the same quotation counts
    (the speaker's "they" is often someone the narration never named)."""
    by_token: dict[int, ResolvedMention] = {}
    for m in st.out:
        for k in range(m.start_token, m.end_token):
            by_token[k] = m
    para_starts = st.para_starts
    quotes = spk.quotations(st, para_starts)
    quote_starts = [q[0] for q in quotes]

    def quote_of(k: int) -> int:
        q = bisect.bisect_right(quote_starts, k) - 1
        return q if q >= 0 and quotes[q][0] < k < quotes[q][1] else -1

    for i, w in enumerate(st.lowers):
        if w not in THIRD_PLURAL or st.pos[i] != "PRON" or i in st.covered or st.in_furniture(i):
            continue
        sent = st.sentence_index(i)
        subject = _antecedent_subject(st, i, sent, by_token)
        if subject is None or quote_of(subject.i) != quote_of(i):
            continue
        m = by_token.get(subject.i)
        plural_office = m is None and subject.tag_ == "NNS" and subject.lemma_.lower() in TITLE_NOUNS | COUNTERPART_NOUNS
        if plural_office or any(c.dep_ == "conj" for c in subject.children):
            members = _set_members(st, subject, by_token)
            if members:
                st.emit(members[0], "plural-pronoun-set", i, i + 1, ACTOR, members=members)
                by_token[i] = st.out[-1]
            continue  # several subjects whose parties are not all named: no guess
        if m is not None and m.members:
            st.emit(m.entity, "plural-pronoun-set", i, i + 1, ACTOR, members=m.members)
            by_token[i] = st.out[-1]
            continue
        if sent - st.sentence_index(subject.i) > 1:
            continue  # a single antecedent only from this sentence or the one before
        if m is not None and not _plural_antecedent(st, m):
            continue
        m = m or _body_of_plural_forces(st, subject, by_token) or _quantity_of(subject, by_token)
        if m is None:
            continue
        st.emit(m.entity, "pronoun", i, i + 1, ACTOR)
        by_token[i] = st.out[-1]


def _antecedent_subject(st: ArticleState, i: int, sent: int, by_token: dict[int, ResolvedMention]) -> Token | None:
    """The nearest clause subject before token i, back to the start of the
    previous sentence, or of the one before it when only persons named alone
    were subjects in between. Subjects of relative clauses are skipped ("the
    protesters Wikinews interviewed said they ...": they are the protesters)."""
    doc = st.doc
    lo = st.sent_starts[sent - 1] if sent >= 1 else 0
    far = st.sent_starts[sent - 2] if sent >= 2 else lo
    passed_person = False
    # A "they" that is its sentence's main subject continues the topic of the
    # sentences before: their main subjects, not those of their that-clauses
    # ("They concluded that the agreement is void. They called on ...").
    main = _main_clause(doc[i])
    lo_own = st.sent_starts[sent]
    for k in range(i - 1, far - 1, -1):
        if k < lo and not passed_person:
            return None
        t = doc[k]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ != "relcl":
            if main and k < lo_own and not _main_clause(t):
                continue
            if _lone_person(st, t, by_token):
                passed_person = True
                continue
            return t
    return None


def _main_clause(t: Token) -> bool:
    """A subject of its sentence's root verb, or of a verb coordinated with it."""
    verb = t.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return t.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ROOT"


def _lone_person(st: ArticleState, t: Token, by_token: dict[int, ResolvedMention]) -> bool:
    """A subject that is one person: a person's name, or a singular title noun
    naming one ("the Italian foreign minister, X"), with no conjunct."""
    if any(c.dep_ == "conj" for c in t.children) or t.tag_ in ("NNS", "NNPS", "PRP"):
        return False
    m = by_token.get(t.i)
    if m is not None:
        return m.entity.kind == EntityKind.PERSON and not m.members
    return t.lemma_.lower() in TITLE_NOUNS and t.tag_ == "NN"


def _set_members(st: ArticleState, subject: Token, by_token: dict[int, ResolvedMention]) -> tuple[Entity, ...]:
    """The parties of a coordinated subject, when every conjunct names them:
    a state, organisation or group; a person (or, when every conjunct is an
    official of a state named in the title and the states differ, the states:
    the gold and the press treat a meeting of ministers as one of their
    states); a plural title noun with its states ("his Greek and French
    counterparts"). Empty when a conjunct names none (the set is not known)."""
    persons: list[Entity] = []
    bodies: list[Entity | None] = []
    for c in (subject, *subject.conjuncts):
        m = by_token.get(c.i)
        if m is not None and m.entity.kind == EntityKind.PERSON:
            persons.append(m.entity)
            bodies.append(_title_state(st, c, by_token))
            continue
        if m is not None:
            if m.role != ACTOR or m.entity.kind not in (EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP):
                return ()
            bodies.extend(m.members or (m.entity,))
            continue
        states = _office_states(c, by_token) if c.lemma_.lower() in TITLE_NOUNS | COUNTERPART_NOUNS else []
        if not states:
            return ()
        bodies.extend(states)
        persons.extend(states)  # officials of those states: counted as persons with a state
    if persons and any(b is None for b in bodies):
        # A person whose title names no state: the set is of people.
        if len(persons) != len(bodies):
            return ()
        return _distinct(persons)
    out = _distinct([b for b in bodies if b is not None])
    return out if len(out) >= 2 else ()


def _distinct(entities: list[Entity]) -> tuple[Entity, ...]:
    seen: dict[str, Entity] = {}
    for e in entities:
        seen.setdefault(e.id, e)
    return tuple(seen.values())


def _office_states(t: Token, by_token: dict[int, ResolvedMention]) -> list[Entity]:
    """The states a title noun names by its modifiers ("Greek, Cypriot and
    French counterparts", "the foreign ministers of Spain and Portugal")."""
    found: list[Entity] = []
    heads = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod")]
    heads += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for h in heads:
        for x in (h, *h.conjuncts):
            m = by_token.get(x.i)
            if m is not None and m.entity.kind == EntityKind.COUNTRY and m.role == ACTOR:
                found.extend(m.members or (m.entity,))  # "the leaders of the two countries"
    return found


def _title_state(st: ArticleState, t: Token, by_token: dict[int, ResolvedMention]) -> Entity | None:
    """The one state named in the title of the person at token t: a title noun
    compounded before the name ("Egyptian foreign minister Sameh Shoukry") or
    the title noun the name is in apposition to ("the Italian foreign
    minister, Luigi Di Maio")."""
    titles = [c for c in t.children if c.dep_ in ("compound", "appos") and c.lemma_.lower() in TITLE_NOUNS]
    if t.dep_ == "appos" and t.head.lemma_.lower() in TITLE_NOUNS:
        titles.append(t.head)
    states = {e.id: e for title in titles for e in _office_states(title, by_token)}
    return next(iter(states.values())) if len(states) == 1 else None


def _body_of_plural_forces(st: ArticleState, subject: Token, by_token: dict[int, ResolvedMention]) -> ResolvedMention | None:
    """'Iraq's Security Forces', 'Iraqi troops' (a plural force noun no mention
    covers): the state or organisation named in its possessor or modifier."""
    if subject.tag_ not in ("NNS", "NNPS") or subject.lemma_.lower() not in FORCE_NOUNS:
        return None
    for child in subject.children:
        if child.dep_ in ("poss", "amod", "compound") and child.i in by_token:
            m = by_token[child.i]
            if m.entity.kind in (EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP) and m.role == ACTOR:
                return m
    return None


def _quantity_of(subject: Token, by_token: dict[int, ResolvedMention]) -> ResolvedMention | None:
    """'thousands of Hong Kong protesters ... they': the crowd counted."""
    if subject.lower_ not in QUANTITY_NOUNS:
        return None
    for c in subject.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                m = by_token.get(p.i)
                if p.dep_ == "pobj" and m is not None and m.entity.kind == EntityKind.GROUP and p.tag_ in ("NNS", "NNPS"):
                    return m
    return None


def _plural_antecedent(st: ArticleState, m: ResolvedMention) -> bool:
    """An organisation or armed group, or a state named by a plural
    ("Iraq's Security Forces", "the Iraqis"): what 'they' can stand for."""
    if m.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP):
        # A name, not a singular description ("the command ... they" is the people).
        if m.rule == "definite-nominal":  # "the protesters ... they", not "the airline ... they"
            return st.doc[m.end_token - 1].tag_ in ("NNS", "NNPS")
        return m.rule in ("exact", "alias") or m.rule == "pronoun" and m.text.lower() in THIRD_PLURAL
    if m.entity.kind == EntityKind.COUNTRY and m.role == ACTOR:
        return st.doc[m.end_token - 1].tag_ in ("NNS", "NNPS")
    return False

