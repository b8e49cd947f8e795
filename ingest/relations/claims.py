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
from graph.ontology import KIND_CONSTRAINTS, RELATION_TYPES, STATE_LEVEL_TYPES, EntityKind, Modality, Polarity, Tier
from ingest.relations.arguments import Arg, DocIndex
from ingest.relations.candidates import Candidate
from ingest.relations.context import analyse
from ingest.relations.dates import is_completed_event, is_history
from ingest.relations.locations import event_place
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
    trace = index.trace
    made: list[tuple[Candidate, Claim]] = []
    for c in candidates:
        claim = _to_claim(c, index, article, sents, sent_of_token, office, country_of, result, extractor, version)
        if claim is None:
            continue
        if trace is not None:
            made.append((c, claim))
        key = claim.id
        prev = best.get(key)
        if prev is None:
            best[key] = claim
            order.append(key)
        elif claim.confidence > prev.confidence:
            best[key] = claim
    claims = [best[k] for k in order]
    claims.sort(key=lambda c: (c.sentence_index, c.trigger_start, c.subject_start, c.object_start, c.type))
    kept = _drop_shadowed(claims)
    if trace is not None:
        final = set(map(id, kept))
        for c, claim in made:
            if id(claim) in final:
                trace.candidate(c, "claim", "", claim)  # type: ignore[attr-defined]
            elif best.get(claim.id) is not claim:
                trace.candidate(c, "deduplicated", "a more confident candidate made the same claim", claim)  # type: ignore[attr-defined]
            else:
                trace.candidate(c, "deduplicated", "the same relation from the same trigger was read more confidently", claim)  # type: ignore[attr-defined]
    return kept


def _dropped(index: DocIndex, c: Candidate, reason: str) -> None:
    """Record why a candidate became no claim (only when explaining)."""
    if index.trace is not None:
        index.trace.candidate(c, "dropped", reason, None)  # type: ignore[attr-defined]


# Relations between the parties themselves, where an entity that merely
# modifies a noun ("a Minetest contributor") is not a party.
ASSOCIATION_TYPES = frozenset(
    {"MEETS_WITH", "NEGOTIATES_WITH", "SIGNS_AGREEMENT_WITH", "ALLIED_WITH", "DIPLOMATIC_RELATIONS",
     "LEADER_OF", "OFFICIAL_OF", "MEMBER_OF", "ACCUSES", "DEMANDS", "THREATENS", "SUPPORTS"}
)

# A title that describes a name ("Kenyan President Ruto", "Ruto, the president
# of Kenya") is the writer's description of the person, true whatever the
# clause around it says: "will travel", "did not meet", "might have asked",
# "the agency reported" qualify the travel, the meeting, the request, not the
# office. Only what the title itself says counts ("former": c.modality).
DESCRIPTOR_TITLE_RULES = ("title:prenominal", "title:appositive")

# Types whose subject is the city itself, even where a capital was read as its state.
CITY_SUBJECT_TYPES = frozenset({"CAPITAL_OF", "LOCATED_IN"})

# Geography does not happen at a time: "born in Cincinnati, Ohio in 1922" dates
# the birth, not Ohio's place in the United States.
TIMELESS_TYPES = frozenset({"BORDERS", "CAPITAL_OF"})
_PLACE_KINDS = frozenset({EntityKind.CITY, EntityKind.PLACE, EntityKind.COUNTRY})


def _timeless(rtype: str, subject: Entity) -> bool:
    return rtype in TIMELESS_TYPES or (rtype == "LOCATED_IN" and subject.kind in _PLACE_KINDS)


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
        return _dropped(index, c, f"{c.type} needs the parties themselves, not an entity that only modifies a noun")
    s = _normalise(c.subject, c.type, office, country_of, result, subject=True)
    o = _normalise(c.object, c.type, office, country_of, result)
    if c.title is not None and any(w in LOCAL_OFFICE_WORDS for w in c.title.lower().split()):
        o = _as_city(o, result)  # "the mayor of London", "the prosecutor of Tehran": the city, not the state
    if s.entity.id == o.entity.id:
        return _dropped(index, c, f"self-loop: both arguments are {s.entity.id}")  # self-loops say nothing
    if s.entity.kind == EntityKind.PERSON and o.entity.kind == EntityKind.PERSON and c.type in ("ATTACKS", "FIGHTS"):
        # between two people "attacked"/"defeated" is rhetoric or an election,
        # not violence: an attack in words is a condemnation, a defeat is dropped
        lemma = c.trigger.lemma_.lower()
        if lemma in POLITICAL_ATTACK_VERBS:
            c = _retyped(c, "CONDEMNS")
        elif lemma in ELECTORAL_VERBS:
            return _dropped(index, c, "a defeat between two people is an election, not violence")
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
        return _dropped(
            index, c, f"kind constraint: {c.type} takes {_kinds(allowed[0])} -> {_kinds(allowed[1])}, "
            f"got {s.entity.kind.value} -> {o.entity.kind.value}",
        )
    # every entity a claim names is in the Extraction, mentioned or not
    result.extra_entities.setdefault(s.entity.id, s.entity)
    result.extra_entities.setdefault(o.entity.id, o.entity)
    ctx = analyse(c.trigger, index, article.published, skip_own_aux=c.skip_own_aux, refusal=c.refusal)
    modality = ctx.modality
    if c.modality is not None and modality == Modality.ASSERTED:
        modality = c.modality
    polarity = ctx.polarity
    speaker = ctx.speaker
    cue = ctx.cue
    if c.presupposed or (c.title is not None and c.rule.startswith(DESCRIPTOR_TITLE_RULES)):
        # A title written in a noun phrase is presupposed: the clause's
        # allegation, plan or speaker does not hedge it; only its own words do.
        modality, polarity, speaker = c.modality or Modality.ASSERTED, Polarity.AFFIRMED, None
        cue = f"descriptor-over-{cue}" if cue else ""
    event = None if c.title is not None or _timeless(c.type, s.entity) else ctx.event  # a title's date is its holder's clause's
    if modality in (Modality.ASSERTED, Modality.REPORTED) and not _timeless(c.type, s.entity):
        # History recalled in passing is not news: dated long before the
        # article, or a conflict named by its length ("the eight-year war").
        if is_history(event, article.published):
            modality, cue = Modality.HISTORICAL, "+".join(filter(None, (cue, "historical-date")))
        elif c.title is None and is_completed_event(c.trigger):
            modality, cue = Modality.HISTORICAL, "+".join(filter(None, (cue, "completed-event")))
    place = None
    if RELATION_TYPES[c.type].tier == Tier.EVENT and c.title is None:
        place = event_place(c.trigger, index)
        if place is not None and place.entity.id in (s.entity.id, o.entity.id):
            place = None
        if place is not None:
            result.extra_entities.setdefault(place.entity.id, place.entity)
    attributed = speaker.entity.id if speaker is not None else None
    if attributed is not None:
        ent = speaker.entity  # type: ignore[union-attr]
        result.extra_entities.setdefault(ent.id, ent)
    si = sent_of_token[c.trigger.i]
    sent = sents[si]
    confidence = c.confidence
    if polarity == Polarity.NEGATED or modality not in (Modality.ASSERTED, Modality.REPORTED):
        confidence = round(confidence * 0.9, 3)
    rule = c.rule + (f"|{cue}" if cue else "")
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
        event_date=event.date if event is not None else None,
        event_date_precision=event.precision if event is not None else None,
        event_date_text=event.text if event is not None else None,
        event_ongoing=event.ongoing if event is not None else False,
        location_id=place.entity.id if place is not None else None,
        location_text=place.text if place is not None else None,
        location_start=place.start if place is not None else None,
        location_end=place.end if place is not None else None,
        title=c.title,
        confidence=confidence,
        extractor=extractor,
        extractor_version=version,
        rule=rule,
    )


def _kinds(kinds: object) -> str:
    return "/".join(sorted(getattr(k, "value", str(k)) for k in kinds))  # type: ignore[attr-defined]


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
