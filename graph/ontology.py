"""The closed relation vocabulary and the claim model's enumerations.

The one place where relation types, entity kinds, signs and CAMEO/PLOVER codes
live (from docs/ontology.md). Every relationship type and label the project
writes to Neo4j comes from here, never from input text.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from graph.errors import GraphError

ONTOLOGY_VERSION = "1"


class EntityKind(StrEnum):
    COUNTRY = "Country"
    CITY = "City"
    PLACE = "Place"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    GROUP = "Group"


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Modality(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    ALLEGED = "alleged"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"


class Tier(StrEnum):
    STRUCTURAL = "S"
    EVENT = "E"


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    tier: Tier
    symmetric: bool
    sign: float
    cameo: str | None
    plover: str | None
    direction: str  # human-readable argument roles, for docs and the API


def _r(
    name: str,
    tier: str,
    symmetric: bool,
    sign: float,
    cameo: str | None,
    plover: str | None,
    direction: str,
) -> RelationType:
    return RelationType(name, Tier(tier), symmetric, sign, cameo, plover, direction)


_TYPES: tuple[RelationType, ...] = (
    _r("BORDERS", "S", True, 0.0, None, None, "country - country"),
    _r("LOCATED_IN", "S", False, 0.0, None, None, "place -> country/region"),
    _r("CAPITAL_OF", "S", False, 0.0, None, None, "city -> country"),
    _r("MEMBER_OF", "S", False, 0.0, None, None, "state/org -> IGO, alliance, party"),
    _r("LEADER_OF", "S", False, 0.0, None, None, "person -> state/org"),
    _r("OFFICIAL_OF", "S", False, 0.0, None, None, "person -> state/org"),
    # PLOVER codes are single categories of the codebook (graph.plover): an
    # alliance is standing cooperation, a yield a concession (CAMEO 081-083).
    _r("ALLIED_WITH", "S", True, 4.6, "057,062", "COOPERATE", "state - state"),
    _r("DIPLOMATIC_RELATIONS", "S", True, 4.6, "054", "SUPPORT", "state - state"),
    _r("HAS_EMBASSY_IN", "S", False, 0.0, "05", "SUPPORT", "sending state -> host state"),
    # MEETS_WITH is "(yes)" in the table: stored directed (visitor -> host) so the
    # direction is not lost, but queried undirected by analytics.
    _r("MEETS_WITH", "E", False, 2.1, "040-044", "CONSULT", "visitor -> host"),
    _r("NEGOTIATES_WITH", "E", True, 2.1, "045,046", "CONSULT", "party - party"),
    _r("SIGNS_AGREEMENT_WITH", "E", True, 4.6, "057", "SUPPORT", "party - party"),
    _r("SUPPORTS", "E", False, 4.6, "051-053", "SUPPORT", "supporter -> supported"),
    _r("COOPERATES_MILITARILY", "E", True, 6.8, "062", "COOPERATE", "state - state"),
    _r("SUPPLIES_ARMS", "E", False, 7.4, "072", "AID", "supplier -> recipient"),
    _r("PROVIDES_AID", "E", False, 7.4, "070-075", "AID", "donor -> recipient"),
    _r("TRADES_WITH", "E", False, 6.8, "061", "COOPERATE", "exporter -> importer"),
    _r("YIELDS_TO", "E", False, 5.0, "08", "CONCEDE", "conceder -> counterpart"),
    _r("DEMANDS", "E", False, -5.0, "10", "REQUEST", "demander -> addressee"),
    _r("ACCUSES", "E", False, -2.0, "112", "ACCUSE", "accuser -> accused"),
    _r("CONDEMNS", "E", False, -2.0, "111", "ACCUSE", "critic -> target"),
    _r("REJECTS", "E", False, -4.2, "12", "REJECT", "refuser -> counterpart"),
    _r("DENIES", "E", False, 0.0, "016", None, "denier -> claim's source"),
    _r("THREATENS", "E", False, -5.1, "13", "THREATEN", "threatener -> target"),
    _r("SANCTIONS", "E", False, -5.2, "163", "SANCTION", "sanctioner -> target"),
    _r("CUTS_TIES_WITH", "E", False, -5.2, "161", "SANCTION", "actor -> counterpart"),
    _r("MOBILIZES_AGAINST", "E", False, -5.3, "15", "MOBILIZE", "mobiliser -> adversary"),
    _r("ATTACKS", "E", False, -9.3, "18-20", "ASSAULT", "attacker -> target"),
    _r("FIGHTS", "E", True, -9.3, "19", "ASSAULT", "party - party"),
    _r("COERCES", "E", False, -7.2, "17", "COERCE", "state -> person/group"),
    _r("PROTESTS_AGAINST", "E", False, -6.6, "14", "PROTEST", "protesters -> target"),
)

RELATION_TYPES: dict[str, RelationType] = {t.name: t for t in _TYPES}


def types_of_tier(tier: Tier) -> tuple[str, ...]:
    """The relation type names of one tier, sorted: Tier.EVENT for the
    event-like types (an events-only analysis or export), Tier.STRUCTURAL for
    the standing relations (borders, membership, officials)."""
    return tuple(sorted(t.name for t in _TYPES if t.tier == tier))

# Which claims become fact edges: affirmed claims whose modality is in this set.
# Configurable per load (see graph.loader); this is the documented default.
DEFAULT_FACT_MODALITIES: frozenset[Modality] = frozenset(
    {Modality.ASSERTED, Modality.REPORTED, Modality.HISTORICAL}
)


# --- the fact rule (one home: the loader and its Cypher, the dry run, the API, the eval) ---


def fact_modality_values(modalities: Iterable[Modality | str] = DEFAULT_FACT_MODALITIES) -> list[str]:
    """The modalities a fact may have, as the sorted strings the Cypher's $modalities takes."""
    return sorted(Modality(m).value for m in modalities)


def is_fact(
    polarity: Polarity | str | None,
    modality: Modality | str | None,
    modalities: Collection[Modality] = DEFAULT_FACT_MODALITIES,
) -> bool:
    """The fact rule: an affirmed claim whose modality is in `modalities` counts
    towards a fact edge. The loader's Cypher (graph.cypher.write) states the same
    rule with `fact_modality_values(modalities)` as its parameter."""
    return polarity == Polarity.AFFIRMED and modality in modalities


# Relationship types the graph uses for provenance; never fact edges.
PROVENANCE_TYPES: tuple[str, ...] = ("ASSERTS", "SUBJECT", "OBJECT", "ATTRIBUTED_TO", "MENTIONS")


class UnknownRelationType(GraphError, ValueError):
    """A relation type outside the closed vocabulary was asked for (still a
    ValueError, as before it joined the graph errors)."""


def relation_type(name: str) -> RelationType:
    """The relation type called `name`, or UnknownRelationType naming the valid ones."""
    try:
        return RELATION_TYPES[name.upper()]
    except KeyError as e:
        valid = ", ".join(sorted(RELATION_TYPES))
        raise UnknownRelationType(
            f"unknown relation type {name!r}; use one of: {valid}"
        ) from e


def canonical_pair(rtype: RelationType, subject_id: str, object_id: str) -> tuple[str, str]:
    """Symmetric types are stored once, lower id first; others keep their direction."""
    if rtype.symmetric and object_id < subject_id:
        return object_id, subject_id
    return subject_id, object_id


# --- Argument rules: which entity kinds each type accepts, which types are between states ---
# Relations between states: in these an official stands for their state and a
# city for its country (ingest.relations normalises the arguments before the check).
STATE_LEVEL_TYPES: frozenset[str] = frozenset(
    {"BORDERS", "DIPLOMATIC_RELATIONS", "HAS_EMBASSY_IN", "ALLIED_WITH", "CUTS_TIES_WITH", "COOPERATES_MILITARILY"}
)
_STATE_KINDS = frozenset({EntityKind.COUNTRY})
_ACTOR_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.PERSON, EntityKind.CITY})
_NOT_PERSON_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.CITY, EntityKind.PLACE})
_PLACE_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.CITY, EntityKind.PLACE})
# (subject kinds, object kinds) a type accepts, after normalisation; a claim
# outside them is dropped. Types not listed accept any kinds.
KIND_CONSTRAINTS: dict[str, tuple[frozenset[EntityKind], frozenset[EntityKind]]] = {
    "BORDERS": (_STATE_KINDS, _STATE_KINDS),
    "DIPLOMATIC_RELATIONS": (_STATE_KINDS, _STATE_KINDS),
    "HAS_EMBASSY_IN": (_STATE_KINDS, _STATE_KINDS),
    "CAPITAL_OF": (frozenset({EntityKind.CITY}), _STATE_KINDS),
    "LEADER_OF": (frozenset({EntityKind.PERSON}), _NOT_PERSON_KINDS),
    "OFFICIAL_OF": (frozenset({EntityKind.PERSON}), _NOT_PERSON_KINDS),
    "MEMBER_OF": (_ACTOR_KINDS, frozenset({EntityKind.ORGANIZATION, EntityKind.GROUP})),
    "LOCATED_IN": (
        frozenset({EntityKind.CITY, EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.PERSON}),
        _PLACE_KINDS,
    ),
    "COERCES": (_ACTOR_KINDS, frozenset({EntityKind.PERSON, EntityKind.GROUP, EntityKind.ORGANIZATION})),
    "ALLIED_WITH": (_NOT_PERSON_KINDS, _NOT_PERSON_KINDS),
    "COOPERATES_MILITARILY": (_NOT_PERSON_KINDS, _NOT_PERSON_KINDS),
    "CUTS_TIES_WITH": (_NOT_PERSON_KINDS, _NOT_PERSON_KINDS),
}
# Types whose two parties may be named together as one coordinated subject
# ("Israel and Azerbaijan have had relations"): the symmetric types, and also
# MEETS_WITH (stored directed, but a meeting has no one-sided reading) and
# TRADES_WITH. Not the same set as `symmetric`, so it keeps its own name.
RECIPROCAL_TYPES: frozenset[str] = frozenset(t.name for t in _TYPES if t.symmetric) | {"MEETS_WITH", "TRADES_WITH"}
