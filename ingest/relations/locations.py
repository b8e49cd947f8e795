"""Locations: LOCATED_IN from the form of a place phrase ("Mosul, Iraq", "ISIL in
Syria", "the Syrian city of Raqqa", "X, an ISIL commander in Raqqa") and from
the scene of an event ("Near Mosul, three strikes engaged ISIL units", "Carter
met Abadi in Baghdad")."""

from __future__ import annotations

from typing import Callable, Iterator

from spacy.tokens import Span, Token

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.relations.arguments import Arg, DocIndex, MentionLike
from ingest.relations.candidates import Candidate, instrument_preps, make_candidate, prep_objects
from ingest.relations.titles import is_title_head
from ingest.words.events import GATHERING_NOUNS, MEETING_VERBS
from ingest.words.military import REMOTE_STRIKE_WORDS
from ingest.words.people import MEMBER_NOUNS
from ingest.words.places import (
    EVENT_LOCATIVE_PREPS,
    LOCATIVE_PREPS,
    LOCATIVE_STATE_VERBS,
    PLACE_NOUNS,
    PROXIMITY_PREPS,
)

_PLACE_KINDS = (EntityKind.CITY, EntityKind.PLACE, EntityKind.COUNTRY)
_LOCATED_SUBJECT_KINDS = (EntityKind.CITY, EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.GROUP)
# Only organisations and armed groups are located by the events they take part in.
_LOCATED_ACTOR_KINDS = (EntityKind.ORGANIZATION, EntityKind.GROUP)
# "near X", "around X", "outside X" say where something is relative to X, not
# that X contains it: the Tiyas airfield near Palmyra is not in Palmyra, a
# coalition airstrike near Tabqa Dam does not put the coalition at the dam (on
# re3d-dev 2 of the 5 "near" claims were right). Kept, since "ISIL units near
# Mosul" still says where a group operates, at a low confidence so that a
# min_confidence filter (API, analytics) can leave them out.
_NEAR_CONFIDENCE = 0.35


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
            if noun_lemma in PLACE_NOUNS or noun_lemma in GATHERING_NOUNS or noun_lemma in REMOTE_STRIKE_WORDS:
                # "a self-proclaimed ISIL capital in Syria", "the UNGA meeting in
                # New York": the place or the event is there, not the group; a
                # "coalition airstrike near Tabqa Dam" hits there from afar
                pass
            elif (noun_lemma in MEMBER_NOUNS or is_title_head(noun)) and _role_holders(noun, index):
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
                            if c.lower_ in PROXIMITY_PREPS and m.entity.kind in (EntityKind.CITY, EntityKind.PLACE):
                                # "the Tiyas airfield near Palmyra" is outside Palmyra
                                continue
                            conf = _NEAR_CONFIDENCE if c.lower_ in PROXIMITY_PREPS else 0.6
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


def _role_holders(role: Token, index: DocIndex) -> list[Arg]:
    """The named people a role noun is said of by apposition ("X, an ISIL commander")."""
    holders = [role.head] if role.dep_ == "appos" else [c for c in role.children if c.dep_ == "appos"]
    return [a for h in holders for a in index.args(h, allow_modifier=False, allow_pronoun=False) if a.entity.kind == EntityKind.PERSON]


def _role_location(role: Token, index: DocIndex) -> Iterator[Candidate]:
    """LOCATED_IN(person, place) for "X, an ISIL commander in Raqqa": the role
    noun's place belongs to the person it is said of."""
    persons = _role_holders(role, index)
    for c in role.children:
        if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS and c.lower_ not in PROXIMITY_PREPS:
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
    remote = tok.lemma_.lower() in REMOTE_STRIKE_WORDS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in REMOTE_STRIKE_WORDS for c in tok.children
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
        against = prep_objects(tok).get("against", []) + instrument_preps(tok).get("against", [])
        for c in tok.children:
            if c.dep_ == "dobj":
                against.extend(prep_objects(c).get("against", []))
        for t in against:
            participants.extend(index.args(t, allow_pronoun=False))
    # Where an event happens locates the organisations and armed groups that
    # take part (they operate there) and the targets of strikes; a person only
    # when the verb says they live, are held or work there ("he lives in
    # Lyon"): meeting, visiting or holding a rally somewhere is an event there,
    # not where one is (the claim keeps the place: claims.event_place).
    lemma = tok.lemma_.lower()
    stays = lemma in LOCATIVE_STATE_VERBS
    meeting = lemma in MEETING_VERBS
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
                conf = _NEAR_CONFIDENCE if prep.lower_ in PROXIMITY_PREPS else 0.5
                yield make_candidate("LOCATED_IN", a, place, prep, conf, f"located:event-{prep.lower_}")
            elif stays and a.entity.kind == EntityKind.PERSON and a.via == "direct":
                yield make_candidate("LOCATED_IN", a, place, prep, 0.45, f"located:stay-{prep.lower_}")


def event_place(verb: Token, index: DocIndex) -> Arg | None:
    """Where the event of `verb` happened: "met Abadi in Baghdad", "In Kabul,
    the envoy met ...", "met the minister, X in London" (the parser hangs the
    place on the person met). A city or a named place; None when the clause
    names none. The claim keeps it as a qualifier (Claim.location_id)."""
    if verb.pos_ != "VERB":
        return None
    hosts = [verb]
    if verb.lemma_.lower() in MEETING_VERBS:
        met = [c for c in verb.children if c.dep_ == "dobj"]
        met += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
        hosts += [h for t in met for h in (t, *(c for c in t.children if c.dep_ == "appos"))]
    for host in hosts:
        for c in host.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    for a in index.args(p, allow_modifier=False, allow_pronoun=False):
                        if a.entity.kind in (EntityKind.CITY, EntityKind.PLACE):
                            return a
    for _prep, a in _fronted_places(verb, index):
        if a.entity.kind in (EntityKind.CITY, EntityKind.PLACE):
            return a
    return None


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
