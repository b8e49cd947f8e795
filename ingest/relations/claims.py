"""From candidates to claims: normalise the arguments, check them against the
ontology, read the context, de-duplicate.

An official stands for their state in relations between states
(`graph.ontology.STATE_LEVEL_TYPES`), a city as a place for its country there;
a capital read as its state is the city again in geography. Arguments outside
`graph.ontology.KIND_CONSTRAINTS` are dropped. Polarity, modality, attribution
and date come from `context.analyse`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from graph import geodata
from graph.models import Article, Claim, Entity
from graph.ontology import KIND_CONSTRAINTS, RELATION_TYPES, STATE_LEVEL_TYPES, EntityKind, Modality, Polarity
from ingest.relations.arguments import Arg, DocIndex
from ingest.relations.candidates import Candidate
from ingest.relations.context import analyse
from ingest.relations.military import is_military_support
from ingest.words.events import ELECTORAL_VERBS, POLITICAL_ATTACK_VERBS
from ingest.words.people import LOCAL_OFFICE_WORDS


def _retyped(c: Candidate, rtype: str, why: str = "person-to-person") -> Candidate:
    return Candidate(
        rtype, c.subject, c.object, c.trigger, c.trigger_start, c.trigger_end, c.trigger_text,
        c.confidence, c.rule + ":" + why, c.title, c.refusal, c.skip_own_aux, c.modality, c.presupposed,
    )


CountryOf = Callable[[Entity], "Entity | None"]


@dataclass(slots=True)
class RelationResult:
    claims: list[Claim] = field(default_factory=list)
    # entities the claims need beyond the mentions' own (a place's country)
    extra_entities: dict[str, Entity] = field(default_factory=dict)


def build_claims(
    candidates: Sequence[Candidate],
    index: DocIndex,
    article: Article,
    sents: list,
    sent_of_token: list[int],
    office: dict[str, Arg],
    country_of: CountryOf | None,
    result: RelationResult,
    extractor: str,
    version: str,
) -> list[Claim]:
    """The claims of `candidates` in document order: one per claim id (the most
    confident of the candidates that make it), then one per trigger."""
    best: dict[str, Claim] = {}
    order: list[str] = []
    for c in candidates:
        claim = _to_claim(c, index, article, sents, sent_of_token, office, country_of, result, extractor, version)
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
    return _drop_shadowed(claims)


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
    extractor: str,
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
    if c.title is not None and any(w in LOCAL_OFFICE_WORDS for w in c.title.lower().split()):
        o = _as_city(o, result)  # "the mayor of London", "the prosecutor of Tehran": the city, not the state
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
    if c.presupposed:
        modality, polarity = c.modality or Modality.ASSERTED, Polarity.AFFIRMED
    attributed = ctx.speaker.entity.id if ctx.speaker is not None else None
    if attributed is not None:
        ent = ctx.speaker.entity  # type: ignore[union-attr]
        result.extra_entities.setdefault(ent.id, ent)
    si = sent_of_token[c.trigger.i]
    sent = sents[si]
    confidence = c.confidence
    if polarity == Polarity.NEGATED or modality not in (Modality.ASSERTED, Modality.REPORTED):
        confidence = round(confidence * 0.9, 3)
    rule = c.rule + (f"|{ctx.cue}" if ctx.cue and not c.presupposed else "")
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
        extractor=extractor,
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
