"""Definite descriptions of an organisation the article has described as of a
kind: "the airline" -> the one airline named before ("Iranian airline Mahan
Air"), "the network" -> the broadcaster ("broadcast corporation ABS-CBN"),
"the company" -> the one company (an airline or broadcaster is one too).
Rule "definite-nominal".

What an organisation is comes from the article's own words, not from outside
knowledge: its name's last word ("ABS-CBN Corporation", "Mahan Air"), the
common nouns just before the name ("Iranian airline Mahan Air"), an
apposition ("Mahan Air, a private airline") or a copula ("X is the largest
broadcasting company"). The word lists are ingest.words.organisations
DESCRIPTION_*.

Precision first: the description resolves only when the article leaves no
doubt: the one organisation of that kind named in this sentence or the one
before, else the one named in the whole article before it; two candidates,
or none, give no mention."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer.groups import CROWD_NOUNS
from ingest.resolve.places import syntactic_role
from ingest.resolve.state import ACTOR, PLACE, ArticleState, ResolvedMention, slug_id
from ingest.words.organisations import (
    COMPANY_NAME_ENDS,
    DESCRIPTION_CLASSES,
    DESCRIPTION_HEADS,
    DESCRIPTION_HYPERNYMS,
)

_ORG_KINDS = (EntityKind.ORGANIZATION, EntityKind.GROUP)
_MAX_BEFORE = 3  # description words right before a name ("state-owned broadcast corporation X")


def _classes_of(words: set[str]) -> set[str]:
    return {c for c, ws in DESCRIPTION_CLASSES.items() if words & ws}


def described_classes(st: ArticleState, m: ResolvedMention) -> set[str]:
    """The kinds of organisation the article describes the mention's entity as."""
    doc = st.doc
    words = {st.lowers[m.end_token - 1]}
    k = m.start_token - 1
    while k >= 0 and m.start_token - k <= _MAX_BEFORE and st.pos[k] in ("NOUN", "ADJ") and st.texts[k].islower():
        words.add(st.lowers[k])
        k -= 1
    root = doc[m.start_token : m.end_token].root
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            words.add(c.lower_)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        words.update(c.lower_ for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN")
    words.update(_attr_modifiers(root))
    return _classes_of(words)


def _attr_modifiers(root: Token) -> set[str]:
    """'X is the largest television and radio broadcasting company': the
    attribute's noun modifiers say what kind of company."""
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return set()
    out: set[str] = set()
    for attr in (c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
        for c in attr.children:
            if c.dep_ in ("compound", "nmod", "amod"):
                out.update(x.lower_ for x in (c, *c.conjuncts))
    return out


def _fits(classes: set[str], wanted: str) -> bool:
    return wanted in classes or bool(classes & DESCRIPTION_HYPERNYMS.get(wanted, frozenset()))


def definite_nominals(st: ArticleState) -> None:
    """'the airline', 'this network' -> the organisation of that kind (module doc)."""
    n = len(st.doc)
    orgs = sorted(
        (m for m in st.out if m.entity.kind in _ORG_KINDS and m.role == ACTOR and not m.members),
        key=lambda m: m.start_token,
    )
    if not orgs:
        return
    described: dict[str, set[str]] = {}
    for m in orgs:
        if m.rule in ("exact", "alias", "coreference"):
            described.setdefault(m.entity.id, set()).update(described_classes(st, m))
    if not any(described.values()):
        return
    for i in range(1, n):
        wanted = DESCRIPTION_HEADS.get(st.lowers[i])
        if wanted is None or i in st.covered or i in st.in_ent or st.lowers[i - 1] not in ("the", "this"):
            continue
        if not st.texts[i].islower() or st.in_furniture(i):
            continue
        if i + 1 < n and (st.pos[i + 1] in ("NOUN", "PROPN") or st.lowers[i + 1] == "of" and st.doc[i + 1].head.i == i):
            continue  # "the airline industry", "the network of activists": another phrase ("accused the network of fraud" is not)
        entity = _antecedent(st, i, wanted, orgs, described)
        if entity is not None:
            start = i - 1 if st.lowers[i - 1] == "this" else i
            st.emit(entity, "definite-nominal", start, i + 1, ACTOR)
            orgs.append(st.out[-1])  # a later "the airline" may lean on this one


def _antecedent(
    st: ArticleState, i: int, wanted: str, orgs: list[ResolvedMention], described: dict[str, set[str]]
) -> Entity | None:
    before = [m for m in orgs if m.end_token <= i and _fits(described.get(m.entity.id, set()), wanted)]
    if not before:
        return None
    sent = st.sentence_index(i)
    near = {m.entity.id: m.entity for m in before if m.sentence_index >= sent - 1}
    if len(near) == 1:
        return next(iter(near.values()))
    if near:
        return None  # two of that kind just before: no guess
    anywhere = {m.entity.id: m.entity for m in before}
    return next(iter(anywhere.values())) if len(anywhere) == 1 else None


def company_names(st: ArticleState) -> None:
    """Names the article gives as a company's ("Iranian airline Mahan Air",
    "broadcast corporation X", "X Holdings"), whatever NER tagged them (it
    calls "Mahan Air" a facility), and their first word alone ("Mahan"): one
    sense per article. Sets st.company_names: name -> full name."""
    words = frozenset().union(*DESCRIPTION_CLASSES.values())
    for e in st.ents:
        if e.label_ in ("NORP", "LANGUAGE") or e.ent_id_ or not e[0].text[:1].isupper() and e[0].lower_ != "the":
            continue
        start = e.start + (1 if e[0].lower_ == "the" else 0)
        if start >= e.end:
            continue
        before = {st.lowers[k] for k in range(max(0, start - _MAX_BEFORE), start) if st.pos[k] == "NOUN" and st.texts[k].islower()}
        adjacent = start > 0 and st.pos[start - 1] == "NOUN" and st.lowers[start - 1] in words
        if not (adjacent and before & words or len(e) - (start - e.start) >= 2 and st.texts[e.end - 1] in COMPANY_NAME_ENDS):
            continue
        full = st.doc[start : e.end].text
        st.company_names[full] = full
        short = _short_name(st, start, e.end)
        if short:
            st.company_names.setdefault(short, full)


def _short_name(st: ArticleState, start: int, end: int) -> str | None:
    """The name without its company word ("ABS-CBN" of "ABS-CBN Corporation",
    "Mahan" of "Mahan Air"), else its first word; None when that is no name
    (a short or lower-case word)."""
    if end - start < 2:
        return None
    if st.texts[end - 1] in COMPANY_NAME_ENDS:
        short = st.doc[start : end - 1].text
    else:
        short = st.texts[start]
    return short if len(short) > 2 and short[:1].isupper() else None


def company_short_names(st: ArticleState) -> None:
    """The short name of a company the article names in full ("ABS-CBN"
    after or before "ABS-CBN Corporation"), wherever NER did not tag it:
    that company (rule "coreference"). Not when a capitalised word follows
    ("ABS-CBN News Channel" is another name)."""
    doc, n = st.doc, len(st.doc)
    for short, full in st.company_names.items():
        if short == full:
            continue
        entity = Entity(id=slug_id("org", full), name=full, kind=EntityKind.ORGANIZATION)
        for start in range(n):
            if start in st.covered or not short.startswith(st.texts[start]):
                continue
            end = start + 1
            while end < n and len(doc[start:end].text) < len(short):
                end += 1
            if doc[start:end].text != short or any(k in st.covered for k in range(start, end)):
                continue
            if end < n and st.texts[end][:1].isupper() and st.pos[end] == "PROPN" or st.in_furniture(start):
                continue
            st.emit(entity, "coreference", start, end, ACTOR)


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def group_reference(st: ArticleState, i: int) -> Entity | None:
    """'the group', 'the militant group' -> the armed group or the organisation
    named "... Group" ("the 507th Maintenance Group") the article leaves no
    doubt about: the one named in this sentence or the one before, else the
    one named in the article before; two, or none, give no mention. Crowds
    ("Serbian protesters") are no such group."""
    sent = st.sentence_index(i)
    cands = [
        m
        for m in st.out
        if m.start_token < i and m.rule in ("exact", "alias") and not m.members and (
            m.entity.kind == EntityKind.GROUP and m.entity.name.split()[-1] not in CROWD_NOUNS
            or m.entity.kind == EntityKind.ORGANIZATION and m.text.split()[-1].lower() == "group"
        )
    ]
    near = {m.entity.id: m.entity for m in cands if m.sentence_index >= sent - 1}
    pool = near or {m.entity.id: m.entity for m in cands}
    return next(iter(pool.values())) if len(pool) == 1 else None


def country_reference(st: ArticleState, ent: Span) -> Entity | None:
    """'the country', 'the nation' -> the state the article leaves no doubt
    about. As a place ("troops in the country", "she left the country"): the
    one state named as a place in this sentence or the one before. As an
    actor or possessor ("the country's borders"): the one state acting as a
    subject there (`subject_country`). Else, with no state named nearby, the
    one state the article named before; else none. Never simply the last
    country named: in "expel US troops from the country" that is the wrong one.
    Inside a quotation only a state named in the same quotation counts (the
    speaker's "the country" is often his own: "'to help the country's economy',
    the army said" after "from Bishkek, Kyrgyzstan" is not Kyrgyzstan)."""
    opened = _quote_opened(st, ent.start)
    if opened is not None:
        quoted = {
            m.entity.id: m.entity
            for m in st.out
            if m.entity.kind == EntityKind.COUNTRY and not m.members and opened < m.start_char < ent.start_char
        }
        return next(iter(quoted.values())) if len(quoted) == 1 else None
    root = ent.root
    part_of = root.dep_ == "pobj" and root.head.lower_ == "of" and (
        root.head.head.lemma_.lower() in _PART_NOUNS or root.head.head.lower_ == "out"  # "smuggled out of the country"
    )
    if syntactic_role(ent) == PLACE or part_of or root.dep_ == "dobj" and root.head.lemma_.lower() in _PLACE_OBJECT_VERBS:
        sent = st.sentence_index(ent.start)
        lo = st.sent_starts[sent - 1] if sent >= 1 else 0
        places = {
            m.entity.id: m.entity
            for m in st.out
            if m.entity.kind == EntityKind.COUNTRY and m.role == PLACE and lo <= m.start_token < ent.start
        }
        if len(places) == 1:
            return next(iter(places.values()))
        return _only_country(st, ent.start) if not _countries_near(st, ent.start) else None
    own = st.sent_starts[st.sentence_index(ent.start)]
    own_subject = _own_clause_subject(root)
    same = {
        m.entity.id: m.entity
        for m in st.out
        if m.entity.kind == EntityKind.COUNTRY and not m.members and own <= m.start_token < ent.start
        and not any(m.start_token <= t < m.end_token for t in own_subject)
    }
    if len(same) == 1:  # "the Syrian government, whose duty is to protect the country's borders"
        return next(iter(same.values()))
    subject = subject_country(st, ent.start, same_sentence=bool(same))
    if subject is not None or _countries_near(st, ent.start):
        return subject
    return _only_country(st, ent.start)


def _own_clause_subject(tok: Token) -> set[int]:
    """The tokens of the subject of the clause a (non-subject) token sits in
    (coordinated verbs share it): a definite description there does not
    refer to that subject (it would be "itself"). Empty when the token is in
    the subject itself ("Italy, the country with ...")."""
    verb = tok
    for _ in range(12):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    upper = verb
    while not subjects and upper.dep_ == "conj" and upper.head is not upper:
        upper = upper.head  # "X recognised Israel and opened relations with ...": X's clause too
        subjects = [c for c in upper.children if c.dep_ in _SUBJECT_DEPS]
    if any(tok.i in {t.i for t in sbj.subtree} for sbj in subjects):
        return set()
    # The subject's head (and its conjuncts, and an of-object: "the nations of
    # Bahrain and Kosovo"), not its modifiers: "Iraqi forces held Mosul, the
    # country's second city" is Iraq's city.
    heads = [t for sbj in subjects for t in (sbj, *sbj.conjuncts)]
    heads += [p for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    return {t.i for h in heads for t in (h, *h.conjuncts)}


def _countries_near(st: ArticleState, i: int) -> set[str]:
    """The states named in token i's sentence (before it) or the one before."""
    sent = st.sentence_index(i)
    lo = st.sent_starts[sent - 1] if sent >= 1 else 0
    return {m.entity.id for m in st.out if m.entity.kind == EntityKind.COUNTRY and not m.members and lo <= m.start_token < i}


def _only_country(st: ArticleState, i: int) -> Entity | None:
    """The one state the article has named before token i (an article about
    Thailand that names no other state), else None. Not inside a quotation:
    a speaker's "the nation" is often his own, which the article need not name."""
    if _in_quotation(st, i):
        return None
    named = {m.entity.id: m.entity for m in st.out if m.entity.kind == EntityKind.COUNTRY and not m.members and m.start_token < i}
    return next(iter(named.values())) if len(named) == 1 else None


# Nouns of a part of a territory ("the northern part of the country").
_PART_NOUNS = frozenset("part parts rest north south east west centre center region regions area areas half third".split())
# Verbs whose object is a place one moves from or to ("left the country").
_PLACE_OBJECT_VERBS = frozenset("leave enter flee visit exit tour".split())


def subject_country(st: ArticleState, i: int, same_sentence: bool = False) -> Entity | None:
    """'the country', 'the nation' at token i -> the one state that acts as a
    clause subject (or names the subject: "Iranian officials said", "Iraq's
    parliament voted") in this sentence (only, with `same_sentence`) or the one before. Not the last
    country named: in "expel US troops from the country" or "she left the
    country" that is the wrong one. Two such states, or none: no mention."""
    doc = st.doc
    sent = st.sentence_index(i)
    lo = st.sent_starts[sent if same_sentence or sent == 0 else sent - 1]
    own_subject = _own_clause_subject(doc[i])
    found: dict[str, Entity] = {}
    for m in st.out:
        if m.entity.kind != EntityKind.COUNTRY or m.role != ACTOR or m.members or not lo <= m.start_token < i:
            continue
        if any(m.start_token <= t < m.end_token for t in own_subject):
            continue  # the subject of the reference's own clause ("X recognised ... relations with the nation" is not X)
        tok = doc[m.end_token - 1]
        while tok.dep_ in ("compound", "flat") and tok.head is not tok:
            tok = tok.head
        head = tok.head
        if tok.dep_ in _SUBJECT_DEPS or tok.dep_ in ("poss", "amod", "compound") and head.dep_ in _SUBJECT_DEPS or (
            tok.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in _SUBJECT_DEPS
        ):
            found[m.entity.id] = m.entity
    return next(iter(found.values())) if len(found) == 1 else None


def _in_quotation(st: ArticleState, i: int) -> bool:
    return _quote_opened(st, i) is not None


def _quote_opened(st: ArticleState, i: int) -> int | None:
    """The character offset of the quotation mark that opened the quotation
    token i is in, earlier in its paragraph (curly marks, or an odd number of
    straight ones); None outside a quotation."""
    text = st.text
    idx = st.doc[i].idx
    start = text.rfind("\n", 0, idx) + 1
    before = text[start:idx]
    if before.count("\u201c") > before.count("\u201d"):
        return start + before.rfind("\u201c")
    if before.count('"') % 2 == 1:
        return start + before.rfind('"')
    return None


_PAIR_NOUNS = frozenset({"countries", "nations"})


def two_countries(st: ArticleState) -> None:
    """'the two countries', 'both nations' -> the set of the two states the
    article just named together: the nearest coordination of exactly two
    states ("Turkey and Greece") in this sentence or the one before, else the
    two states named there if there are exactly two. Rule "definite-nominal-set";
    a relation gives one argument per member ("a trade deal between the two
    countries" is a deal between them)."""
    n = len(st.doc)
    for i in range(1, n):
        if st.lowers[i] not in _PAIR_NOUNS or i in st.covered or st.in_furniture(i):
            continue
        if st.lowers[i - 1] == "two" and i >= 2 and st.lowers[i - 2] in ("the", "these", "both"):
            start = i - 1 if st.lowers[i - 2] != "both" else i - 2
        elif st.lowers[i - 1] == "both":
            start = i - 1
        else:
            continue
        pair = _named_pair(st, start)
        if pair:
            st.emit(pair[0], "definite-nominal-set", start, i + 1, ACTOR, members=pair)


def _named_pair(st: ArticleState, i: int) -> tuple[Entity, ...]:
    doc = st.doc
    sent = st.sentence_index(i)
    lo = st.sent_starts[sent - 1] if sent >= 1 else 0
    states = [m for m in st.out if m.entity.kind == EntityKind.COUNTRY and not m.members and lo <= m.start_token < i]
    by_token = {k: m for m in states for k in range(m.start_token, m.end_token)}
    for m in sorted(states, key=lambda m: -m.start_token):
        root = doc[m.start_token : m.end_token].root
        if root.dep_ == "conj":
            continue  # reached from its first conjunct
        conj = [by_token.get(c.i) for c in root.conjuncts]
        if len(conj) == 1 and conj[0] is not None and conj[0].entity.id != m.entity.id:
            return (m.entity, conj[0].entity)
        if conj:
            return ()  # a list of another length, or with a conjunct that is no state: no guess
    distinct = {m.entity.id: m.entity for m in states}
    return tuple(distinct.values()) if len(distinct) == 2 else ()
