"""How the project's types correspond to re3d's (shared/eval/README.md).

Entities: re3d types a country by its role ("Iraq" as an actor is an
Organisation, as a place a Location), so a Country mention may match either;
a demonym mention ("Iraqi") may also match a Nationality.
Relations: several project types map onto one re3d type; types without a
re3d counterpart (BORDERS, HAS_EMBASSY_IN, ...) are left out of scoring.
"""

from __future__ import annotations

from graph.ontology import EntityKind

# The re3d entity types that entity scoring covers (the target set).
SCORED_ENTITY_TYPES: tuple[str, ...] = ("Person", "Organisation", "Location", "Nationality")

# Which re3d types a mention of each of our kinds may match.
KIND_TO_RE3D: dict[EntityKind, frozenset[str]] = {
    EntityKind.PERSON: frozenset({"Person"}),
    EntityKind.ORGANIZATION: frozenset({"Organisation"}),
    EntityKind.GROUP: frozenset({"Organisation"}),
    EntityKind.COUNTRY: frozenset({"Organisation", "Location"}),
    EntityKind.CITY: frozenset({"Location"}),
    EntityKind.PLACE: frozenset({"Location"}),
}

# Resolution rules whose mention is an adjective/demonym ("Iraqi", "Azeri").
DEMONYM_RULES: frozenset[str] = frozenset({"demonym"})


def compatible_re3d_types(kind: EntityKind | str, rule: str = "") -> frozenset[str]:
    """The re3d entity types a predicted mention of `kind` (resolved by `rule`) may match."""
    types = KIND_TO_RE3D.get(EntityKind(kind), frozenset())
    if rule in DEMONYM_RULES:
        types = types | {"Nationality"}
    return types


def primary_re3d_type(kind: EntityKind | str, rule: str = "") -> str:
    """The one re3d type an unmatched prediction is counted under in per-type tables."""
    if rule in DEMONYM_RULES:
        return "Nationality"
    kind = EntityKind(kind)
    if kind is EntityKind.PERSON:
        return "Person"
    if kind in (EntityKind.ORGANIZATION, EntityKind.GROUP):
        return "Organisation"
    return "Location"  # Country, City, Place


# re3d relation type -> the project types that map onto it (README table).
RE3D_TO_PROJECT: dict[str, tuple[str, ...]] = {
    "FightingAgainst": ("ATTACKS", "FIGHTS", "MOBILIZES_AGAINST"),
    "Dislikes": (
        "CONDEMNS",
        "ACCUSES",
        "THREATENS",
        "SANCTIONS",
        "REJECTS",
        "CUTS_TIES_WITH",
        "DEMANDS",
    ),
    "AlliesOf": ("ALLIED_WITH", "COOPERATES_MILITARILY"),
    "Likes": ("SUPPORTS", "SUPPLIES_ARMS", "PROVIDES_AID"),
    "BelongsTo": ("MEMBER_OF",),
    "InChargeOf": ("LEADER_OF", "OFFICIAL_OF"),
    "CommWith": ("MEETS_WITH", "NEGOTIATES_WITH", "SIGNS_AGREEMENT_WITH"),
    "CoLocated": ("LOCATED_IN",),
}

PROJECT_TO_RE3D: dict[str, str] = {
    project: re3d for re3d, projects in RE3D_TO_PROJECT.items() for project in projects
}

# re3d types whose arguments may come in either order.
SYMMETRIC_RE3D: frozenset[str] = frozenset({"AlliesOf", "CommWith"})

# re3d types with no project type: not scored.
UNSCORED_RE3D: frozenset[str] = frozenset({"IsSynonymOf", "HasAttrOf", "Apart"})

SCORED_RELATION_TYPES: tuple[str, ...] = tuple(RE3D_TO_PROJECT)


def re3d_relation_type(project_type: str) -> str | None:
    """The re3d type a project claim type is scored as, or None when it has none."""
    return PROJECT_TO_RE3D.get(project_type.upper())
