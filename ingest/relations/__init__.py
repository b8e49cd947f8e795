"""Relation extraction: from a parsed article and its resolved mentions to claims.

`extract_claims(doc, mentions, article)` runs the patterns of `patterns.py`
over every sentence that names at least two entities (titles need one person
and one organisation), normalises the arguments (an official stands for their
state in relations between states; a city as a place stands for its country
there), reads polarity/modality/attribution/date with `context.py`, and
returns de-duplicated `graph.models.Claim`s in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from spacy.tokens import Doc

from graph import geodata
from graph.models import Article, Claim, Entity
from graph.ontology import RELATION_TYPES, EntityKind, Modality, Polarity
from ingest.relations.arguments import Arg, DocIndex, MentionLike
from ingest.relations.context import analyse
from ingest.relations.military import is_military_support
from ingest.relations.units import assignments, hometowns, included_places, part_of, unit_chains
from ingest.relations.patterns import (
    Candidate,
    make_candidate,
    event_locations,
    locations,
    membership_lists,
    nominal,
    title_kind,
    titles,
    verbal,
)

EXTRACTOR_NAME = "geokg-rules"
# Bump on any change of behaviour: claims carry it, so a graph can tell which
# version produced what.
EXTRACTOR_VERSION = "0.3.1"

# Relations between states: officials stand for their state, cities for theirs.
STATE_LEVEL_TYPES = frozenset(
    {"BORDERS", "DIPLOMATIC_RELATIONS", "HAS_EMBASSY_IN", "ALLIED_WITH", "CUTS_TIES_WITH", "COOPERATES_MILITARILY"}
)
# Argument kinds each type accepts (after normalisation); others are dropped.
_STATE = {EntityKind.COUNTRY}
_ANY_ACTOR = {EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.PERSON, EntityKind.CITY}
_NOT_PERSON = {EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.CITY, EntityKind.PLACE}
_PLACES = {EntityKind.COUNTRY, EntityKind.CITY, EntityKind.PLACE}
KIND_CONSTRAINTS: dict[str, tuple[set[EntityKind], set[EntityKind]]] = {
    "BORDERS": (_STATE, _STATE),
    "DIPLOMATIC_RELATIONS": (_STATE, _STATE),
    "HAS_EMBASSY_IN": (_STATE, _STATE),
    "CAPITAL_OF": ({EntityKind.CITY}, _STATE),
    "LEADER_OF": ({EntityKind.PERSON}, _NOT_PERSON),
    "OFFICIAL_OF": ({EntityKind.PERSON}, _NOT_PERSON),
    "MEMBER_OF": (_ANY_ACTOR, {EntityKind.ORGANIZATION, EntityKind.GROUP}),
    "LOCATED_IN": ({EntityKind.CITY, EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.PERSON}, _PLACES),
    "COERCES": (_ANY_ACTOR, {EntityKind.PERSON, EntityKind.GROUP, EntityKind.ORGANIZATION}),
    "ALLIED_WITH": (_NOT_PERSON, _NOT_PERSON),
    "COOPERATES_MILITARILY": (_NOT_PERSON, _NOT_PERSON),
    "CUTS_TIES_WITH": (_NOT_PERSON, _NOT_PERSON),
}

POLITICAL_ATTACK_VERBS = frozenset({"attack", "target", "slam", "assault"})
ELECTORAL_VERBS = frozenset({"defeat", "beat", "fight", "battle", "challenge"})


def _retyped(c: Candidate, rtype: str, why: str = "person-to-person") -> Candidate:
    return Candidate(
        rtype, c.subject, c.object, c.trigger, c.trigger_start, c.trigger_end, c.trigger_text,
        c.confidence, c.rule + ":" + why, c.title, c.refusal, c.skip_own_aux, c.modality,
    )


CountryOf = Callable[[Entity], "Entity | None"]


@dataclass(slots=True)
class RelationResult:
    claims: list[Claim] = field(default_factory=list)
    # entities the claims need beyond the mentions' own (a place's country)
    extra_entities: dict[str, Entity] = field(default_factory=dict)


def extract_claims(
    doc: Doc,
    mentions: Sequence[MentionLike],
    article: Article,
    country_of: CountryOf | None = None,
    extractor_version: str = EXTRACTOR_VERSION,
) -> RelationResult:
    index = DocIndex(doc, mentions)
    result = RelationResult()
    sents = list(doc.sents)
    sent_of_token: list[int] = [0] * len(doc)
    for si, s in enumerate(sents):
        for i in range(s.start, s.end):
            sent_of_token[i] = si

    candidates: list[Candidate] = []
    # Titles first: they also tell which state an official stands for.
    office: dict[str, Arg] = {}
    for m in index.mentions:
        if m.entity.kind != EntityKind.PERSON:
            continue
        for org, title, head, rule in titles((m.start_token, m.end_token), index):
            if rule.startswith("member:"):
                candidates.append(make_candidate("MEMBER_OF", index.arg_of_mention(m), org, head, 0.6, rule))
                continue
            rtype, modality = title_kind(title)
            person = index.arg_of_mention(m)
            c = make_candidate(rtype, person, org, head, 0.8, rule, title=title, modality=modality)
            c.trigger_start = head.idx
            c.trigger_end = head.idx + len(head.text)
            candidates.append(c)
            if org.entity.kind == EntityKind.COUNTRY and modality is None:
                office.setdefault(m.entity.id, org)

    mention_sents: dict[int, set[str]] = {}
    for m in index.mentions:
        si = sent_of_token[m.start_token] if m.start_token < len(doc) else 0
        # a capital acting as its state still names a second thing (the city)
        key = f"{m.entity.id}|{m.text}" if m.rule == "capital-metonymy" else m.entity.id
        mention_sents.setdefault(si, set()).add(key)
    for si, sent in enumerate(sents):
        ents = mention_sents.get(si, set())
        if not ents:
            continue
        has_pronoun = any(t.lower_ in ("it", "its") for t in sent)
        joined_place = any("," in m.text for m in index.mentions if sent.start <= m.start_token < sent.end)
        if len(ents) < 2 and not has_pronoun and not joined_place:
            continue
        for tok in sent:
            pos = tok.pos_
            if pos == "VERB":
                candidates.extend(verbal(tok, index))
                candidates.extend(event_locations(tok, index))
            if pos in ("VERB", "ADP"):
                candidates.extend(membership_lists(tok, index))
            if pos == "VERB":
                candidates.extend(assignments(tok, index))
            if pos in ("ADP", "SCONJ"):
                candidates.extend(part_of(tok, index))
            if pos in ("NOUN", "PROPN", "VERB"):
                candidates.extend(nominal(tok, index))
        candidates.extend(locations(sent, index, country_of))
        candidates.extend(unit_chains(sent, index))
        candidates.extend(hometowns(sent, index))
        candidates.extend(included_places(sent, index))

    best: dict[str, Claim] = {}
    order: list[str] = []
    for c in candidates:
        claim = _to_claim(c, index, article, sents, sent_of_token, office, country_of, result, extractor_version)
        if claim is None:
            continue
        key = claim.id
        prev = best.get(key)
        if prev is None:
            best[key] = claim
            order.append(key)
        elif claim.confidence > prev.confidence:
            best[key] = claim
    claims = [best[k] for k in order]
    claims.sort(key=lambda c: (c.sentence_index, c.trigger_start, c.subject_start, c.object_start, c.type))
    result.claims = _drop_shadowed(claims)
    return result


# Relations between the parties themselves, where an entity that merely
# modifies a noun ("a Minetest contributor") is not a party.
ASSOCIATION_TYPES = frozenset(
    {"MEETS_WITH", "NEGOTIATES_WITH", "SIGNS_AGREEMENT_WITH", "ALLIED_WITH", "DIPLOMATIC_RELATIONS",
     "LEADER_OF", "OFFICIAL_OF", "MEMBER_OF", "ACCUSES", "DEMANDS", "THREATENS", "SUPPORTS"}
)

# Types whose subject is the city itself, even where a capital was read as its state.
CITY_SUBJECT_TYPES = frozenset({"CAPITAL_OF", "LOCATED_IN"})


def _as_city(arg: Arg, result: RelationResult) -> Arg:
    """"Damascus is the capital of Syria": the resolver read "Damascus" acting as
    Syria (capital-metonymy); for geography the subject is the city."""
    m = arg.mention
    if m is None or m.rule != "capital-metonymy" or arg.entity.iso3 is None:
        return arg
    city = geodata.capital_of(arg.entity.iso3)
    if city is None or m.text.casefold() not in {city.name.casefold(), *(a.casefold() for a in city.aliases)}:
        found = geodata.find_city(m.text, arg.entity.iso3)
        city = found or city
    if city is None:
        return arg
    entity = geodata.city_entity(city, source="article")
    result.extra_entities.setdefault(entity.id, entity)
    return Arg(entity, arg.text, arg.start, arg.end, "city-of-metonymy", m)


def _normalise(arg: Arg, rtype: str, office: dict[str, Arg], country_of: CountryOf | None, result: RelationResult, subject: bool = False) -> Arg:
    if subject and rtype in CITY_SUBJECT_TYPES:
        return _as_city(arg, result)
    if rtype not in STATE_LEVEL_TYPES:
        return arg
    kind = arg.entity.kind
    if kind == EntityKind.PERSON and arg.entity.id in office:
        state = office[arg.entity.id]
        return Arg(state.entity, arg.text, arg.start, arg.end, "title-holder", arg.mention)
    if kind in (EntityKind.CITY, EntityKind.PLACE) and country_of is not None:
        country = country_of(arg.entity)
        if country is not None:
            result.extra_entities.setdefault(country.id, country)
            return Arg(country, arg.text, arg.start, arg.end, "country-of-place", arg.mention)
    return arg


def _to_claim(
    c: Candidate,
    index: DocIndex,
    article: Article,
    sents: list,
    sent_of_token: list[int],
    office: dict[str, Arg],
    country_of: CountryOf | None,
    result: RelationResult,
    version: str,
) -> Claim | None:
    if c.type not in RELATION_TYPES:
        raise ValueError(f"pattern produced {c.type!r}, which is not in graph.ontology.RELATION_TYPES")
    if c.type in ASSOCIATION_TYPES and "modifier" in (c.subject.via, c.object.via):
        # "met one Minetest contributor" is not meeting Minetest: only proxy
        # nouns ("forces", "minister") stand for their owner in these types
        return None
    s = _normalise(c.subject, c.type, office, country_of, result, subject=True)
    o = _normalise(c.object, c.type, office, country_of, result)
    if c.title is not None and any(w in c.title.lower().split() for w in ("mayor", "governor")):
        o = _as_city(o, result)  # "the mayor of London" leads the city, not the state
    if s.entity.id == o.entity.id:
        return None  # self-loops say nothing
    if s.entity.kind == EntityKind.PERSON and o.entity.kind == EntityKind.PERSON and c.type in ("ATTACKS", "FIGHTS"):
        # between two people "attacked"/"defeated" is rhetoric or an election,
        # not violence: an attack in words is a condemnation, a defeat is dropped
        lemma = c.trigger.lemma_.lower()
        if lemma in POLITICAL_ATTACK_VERBS:
            c = _retyped(c, "CONDEMNS")
        elif lemma in ELECTORAL_VERBS:
            return None
    if (
        c.type == "SUPPORTS"
        and s.entity.kind != EntityKind.PERSON
        and o.entity.kind != EntityKind.PERSON
        and is_military_support(c.trigger, c.object, index)
    ):
        # "the coalition supports the SDF through airstrikes": fighting alongside, not endorsing
        c = _retyped(c, "COOPERATES_MILITARILY", "military")
    allowed = KIND_CONSTRAINTS.get(c.type)
    if allowed is not None and (s.entity.kind not in allowed[0] or o.entity.kind not in allowed[1]):
        return None
    # every entity a claim names is in the Extraction, mentioned or not
    result.extra_entities.setdefault(s.entity.id, s.entity)
    result.extra_entities.setdefault(o.entity.id, o.entity)
    ctx = analyse(c.trigger, index, article.published, skip_own_aux=c.skip_own_aux, refusal=c.refusal)
    modality = ctx.modality
    if c.modality is not None and modality == Modality.ASSERTED:
        modality = c.modality
    polarity = ctx.polarity
    attributed = ctx.speaker.entity.id if ctx.speaker is not None else None
    if attributed is not None:
        ent = ctx.speaker.entity  # type: ignore[union-attr]
        result.extra_entities.setdefault(ent.id, ent)
    si = sent_of_token[c.trigger.i]
    sent = sents[si]
    confidence = c.confidence
    if polarity == Polarity.NEGATED or modality not in (Modality.ASSERTED, Modality.REPORTED):
        confidence = round(confidence * 0.9, 3)
    rule = c.rule + (f"|{ctx.cue}" if ctx.cue else "")
    return Claim(
        article_id=article.id,
        type=c.type,
        subject_id=s.entity.id,
        object_id=o.entity.id,
        subject_text=s.text,
        subject_start=s.start,
        subject_end=s.end,
        object_text=o.text,
        object_start=o.start,
        object_end=o.end,
        trigger_text=c.trigger_text,
        trigger_start=c.trigger_start,
        trigger_end=c.trigger_end,
        sentence=sent.text.strip(),
        sentence_index=si,
        polarity=polarity,
        modality=modality,
        attributed_to=attributed,
        event_date=None if c.title is not None else ctx.event_date,  # a title's date is its holder's clause's
        title=c.title,
        confidence=confidence,
        extractor=EXTRACTOR_NAME,
        extractor_version=version,
        rule=rule,
    )


def _drop_shadowed(claims: list[Claim]) -> list[Claim]:
    """One claim per (type, subject, object, trigger): when two patterns read the
    same trigger differently (e.g. argument spans via a modifier and via a
    pronoun), keep the most confident."""
    best: dict[tuple[str, str, str, int], Claim] = {}
    for c in claims:
        key = (c.type, c.subject_id, c.object_id, c.trigger_start)
        prev = best.get(key)
        if prev is None or c.confidence > prev.confidence:
            best[key] = c
    keep = set(map(id, best.values()))
    return [c for c in claims if id(c) in keep]


__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "RelationResult", "extract_claims", "Arg", "DocIndex"]
