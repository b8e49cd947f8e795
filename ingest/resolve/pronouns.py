"""Pronouns: "he"/"she" -> the latest person named, "I"/"we" -> a quotation's
speaker or the body they speak for, "they" -> the organisation or armed group
that is the nearest clause subject. Rule "pronoun": weaker than the others."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.resolve import speakers as spk
from ingest.resolve.state import ACTOR, ArticleState, ResolvedMention
from ingest.words.military import FORCE_NOUNS
from ingest.words.pronouns import FIRST_PERSON, FIRST_PLURAL, PRONOUNS, THIRD_PERSON, THIRD_PLURAL


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
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", doc.text)]
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
    """'they' -> the organisation or armed group that is the
    nearest clause subject before the pronoun, in its sentence or the one
    before ("The Syrian Democratic Forces announced that they began their
    advance"). A nearer subject that is no such mention ("the two leaders",
    "we") blocks it: the pronoun then most likely means that. Rule "pronoun"."""
    doc = st.doc
    by_token: dict[int, ResolvedMention] = {}
    for m in st.out:
        for k in range(m.start_token, m.end_token):
            by_token[k] = m
    for i, w in enumerate(st.lowers):
        if w not in THIRD_PLURAL or st.pos[i] != "PRON" or i in st.covered or st.in_furniture(i):
            continue
        sent = st.sentence_index(i)
        lo = st.sent_starts[sent - 1] if sent >= 1 else 0
        # Subjects of relative clauses are skipped ("the protesters Wikinews
        # interviewed said they ...": they are the protesters).
        subject = next(
            (
                doc[k]
                for k in range(i - 1, lo - 1, -1)
                if doc[k].dep_ in ("nsubj", "nsubjpass") and k != i and doc[k].head.dep_ != "relcl"
            ),
            None,
        )
        if subject is None or any(c.dep_ == "conj" for c in subject.children):
            continue  # no subject in view, or several ("Iraq and Turkey ... they")
        m = by_token.get(subject.i)
        if m is not None and not _plural_antecedent(st, m):
            continue
        m = m or _body_of_plural_forces(st, subject, by_token)
        if m is None:
            continue
        st.emit(m.entity, "pronoun", i, i + 1, ACTOR)
        by_token[i] = st.out[-1]


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


def _plural_antecedent(st: ArticleState, m: ResolvedMention) -> bool:
    """An organisation or armed group, or a state named by a plural
    ("Iraq's Security Forces", "the Iraqis"): what 'they' can stand for."""
    if m.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP):
        # A name, not a singular description ("the command ... they" is the people).
        return m.rule in ("exact", "alias") or m.rule == "pronoun" and m.text.lower() in THIRD_PLURAL
    if m.entity.kind == EntityKind.COUNTRY and m.role == ACTOR:
        return st.doc[m.end_token - 1].tag_ in ("NNS", "NNPS")
    return False

