"""Build the gazetteer: entries (what a name refers to) and entity-ruler patterns.

Country names, codes, demonyms and capitals come from the data packages via
`graph.geodata`; the curated tables in this package add what no package has.
Built once per process (`build_gazetteer` is cached): a few thousand phrase
patterns, matched by spaCy's PhraseMatcher, so matching cost does not grow with
the gazetteer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from graph import geodata
from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer.demonyms import (
    AMBIGUOUS_NAMES,
    DEMONYM_PREFERENCE,
    GENERIC_REFERENCES,
    EXTRA_COUNTRY_NAMES,
    EXTRA_DEMONYMS,
    NOMINAL_REFERENCES,
)
from ingest.gazetteer.groups import ARMED_GROUPS
from ingest.gazetteer.metonyms import INSTITUTIONS, REGIONS, SEATS_OF_GOVERNMENT, US_STATES_LEFT_OUT
from ingest.gazetteer.organizations import CONTEXTUAL_ALIASES, ORGANIZATIONS

# Capitals of very small states are often ordinary words or names
# ("Victoria", "Stanley", "Hamilton"); only capitals of states with at least
# this many people are ruler patterns (others are still found through NER).
MIN_POPULATION_FOR_CAPITAL_PATTERN = 1_000_000


class EntryKind(StrEnum):
    COUNTRY = "country"
    DEMONYM = "demonym"
    CITY = "city"
    INSTITUTION = "institution"
    ORGANIZATION = "organization"
    GROUP = "group"
    REGION = "region"
    NOMINAL = "nominal"


# The NER-style label each kind of entry gets in doc.ents.
LABELS: dict[EntryKind, str] = {
    EntryKind.COUNTRY: "GPE",
    EntryKind.DEMONYM: "NORP",
    EntryKind.CITY: "GPE",
    EntryKind.INSTITUTION: "ORG",
    EntryKind.ORGANIZATION: "ORG",
    EntryKind.GROUP: "ORG",
    EntryKind.REGION: "LOC",
    EntryKind.NOMINAL: "GPE",
}

# When two entries claim the same string, the lower rank wins.
_RANK: dict[EntryKind, int] = {
    EntryKind.COUNTRY: 0,
    EntryKind.DEMONYM: 1,
    EntryKind.ORGANIZATION: 2,
    EntryKind.GROUP: 2,
    EntryKind.INSTITUTION: 3,
    EntryKind.CITY: 4,
    EntryKind.NOMINAL: 5,
    EntryKind.REGION: 6,
}


@dataclass(frozen=True, slots=True)
class GazEntry:
    """What a gazetteer name refers to. `key` is the ruler pattern id (ent_id_)."""

    key: str
    kind: EntryKind
    entity: Entity | None  # None only for nominal references
    acts_for: str | None = None  # ISO3 of the state this name can stand for
    candidates: tuple[str, ...] = ()  # nominal references: possible states
    default: str | None = None  # nominal references: state when none was mentioned
    context: tuple[str, ...] = ()  # only valid when one of these keys is mentioned too
    refers_to: str | None = None  # generic references: the EntityKind they corefer with


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, GazEntry] = field(default_factory=dict)
    # phrase -> entry key; one key per phrase (see _RANK)
    phrases: dict[str, str] = field(default_factory=dict)

    def add(self, entry: GazEntry, names: Iterable[str]) -> None:
        self.entries.setdefault(entry.key, entry)
        for name in names:
            name = _clean(name)
            if not name or name in AMBIGUOUS_NAMES:
                continue
            current = self.phrases.get(name)
            if current is None or _RANK[entry.kind] < _RANK[self.entries[current].kind]:
                self.phrases[name] = entry.key

    def patterns(self) -> list[dict[str, str]]:
        """EntityRuler phrase patterns, in a deterministic order."""
        return [
            {"label": LABELS[self.entries[key].kind], "pattern": phrase, "id": key}
            for phrase, key in sorted(self.phrases.items())
        ]

    def entry(self, key: str) -> GazEntry | None:
        return self.entries.get(key)


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def plural(demonym: str) -> str | None:
    """'Israeli' -> 'Israelis'; None where English has no -s plural ('Swiss', 'French')."""
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "x", "z")) or demonym in {"Thai", "Lao"}:
        return "Thais" if demonym == "Thai" else None
    if demonym.endswith("y"):
        return None
    return demonym + "s"


def _entity(slug_id: str, name: str, kind: EntityKind, aliases: Iterable[str], qid: str | None) -> Entity:
    return Entity(
        id=slug_id, name=name, kind=kind, aliases=tuple(a for a in aliases if a != name), wikidata=qid, source="article"
    )


@cache
def build_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    table = geodata.countries()

    # Countries: names from the packages plus curated short forms.
    extra_names: dict[str, list[str]] = {}
    for name, iso3 in EXTRA_COUNTRY_NAMES:
        extra_names.setdefault(iso3, []).append(name)
    for iso3, c in table.items():
        entity = geodata.country_entity(c, source="article")
        gaz.add(GazEntry(iso3, EntryKind.COUNTRY, entity, acts_for=iso3), [c.name, *c.aliases, *extra_names.get(iso3, [])])

    # Demonyms: one per string; where two countries share one, the preferred or
    # the more populous wins.
    owners: dict[str, list[str]] = {}
    for iso3, c in table.items():
        for d in c.demonyms:
            owners.setdefault(d, []).append(iso3)
    for d, iso3 in EXTRA_DEMONYMS:
        owners.setdefault(d, []).insert(0, iso3)
    for d, isos in sorted(owners.items()):
        iso3 = DEMONYM_PREFERENCE.get(d) or max(isos, key=lambda i: (table[i].population or 0) if i in table else -1)
        if iso3 not in table:
            continue
        entity = geodata.country_entity(table[iso3], source="article")
        names = [d] + ([p] if (p := plural(d)) else [])
        if d == "Briton":
            names.append("Britons")
        gaz.add(GazEntry(f"demonym:{iso3}", EntryKind.DEMONYM, entity, acts_for=iso3), names)

    # Capitals and seats of government: the city, which may act for its state.
    for iso3, cap in geodata.capitals().items():
        if (table[iso3].population or 0) < MIN_POPULATION_FOR_CAPITAL_PATTERN:
            continue
        names = [cap.name, *cap.aliases]
        if cap.name.endswith(" D.C."):
            names.append(cap.name[: -len(" D.C.")] + ", D.C.")
        gaz.add(GazEntry(cap.id, EntryKind.CITY, geodata.city_entity(cap, source="article"), acts_for=iso3), names)
    for name, iso3 in SEATS_OF_GOVERNMENT:
        city = geodata.City(id=geodata.city_id(iso3, name), name=name, iso3=iso3)
        gaz.add(GazEntry(city.id, EntryKind.CITY, geodata.city_entity(city, source="article"), acts_for=iso3), [name])
    # Other cities are not patterns (GeoNames takes seconds to load; NER finds
    # cities well): resolve() looks unknown GPE mentions up in geodata.find_city.

    # Institutions standing for their state.
    for phrase, iso3 in INSTITUTIONS:
        entity = geodata.country_entity(table[iso3], source="article")
        gaz.add(GazEntry(f"institution:{iso3}", EntryKind.INSTITUTION, entity, acts_for=iso3), [phrase])

    for slug, name, aliases, qid in ORGANIZATIONS:
        key = f"org:{slug}"
        gaz.add(GazEntry(key, EntryKind.ORGANIZATION, _entity(key, name, EntityKind.ORGANIZATION, aliases, qid)), [name, *aliases])
    for alias, slug, context in CONTEXTUAL_ALIASES:
        org = gaz.entries[f"org:{slug}"]
        key = f"org:{slug}#context:{geodata.slugify(alias)}"
        gaz.add(GazEntry(key, EntryKind.ORGANIZATION, org.entity, context=context), [alias])

    # Generic definite descriptions resolved to the latest mention of a kind
    # ("the country", "the city", "the group").
    for phrase, kind in GENERIC_REFERENCES:
        gaz.add(GazEntry(f"generic:{geodata.slugify(phrase)}", EntryKind.NOMINAL, None, refers_to=kind), [phrase])
    for slug, name, aliases, qid in ARMED_GROUPS:
        key = f"group:{slug}"
        gaz.add(GazEntry(key, EntryKind.GROUP, _entity(key, name, EntityKind.GROUP, aliases, qid)), [name, *aliases])

    for name in REGIONS:
        clean = _clean(name)
        key = f"region:{geodata.slugify(clean)}"
        gaz.add(GazEntry(key, EntryKind.REGION, _entity(key, clean, EntityKind.PLACE, (), None)), [clean])

    for state, _code in geodata.us_states():
        if state in US_STATES_LEFT_OUT:
            continue
        key = f"place:usa:{geodata.slugify(state)}"
        entity = Entity(id=key, name=state, kind=EntityKind.PLACE, iso3="USA", source="article")
        gaz.add(GazEntry(key, EntryKind.REGION, entity), [state])

    for phrase, candidates, default in NOMINAL_REFERENCES:
        key = f"nominal:{geodata.slugify(phrase)}"
        gaz.add(GazEntry(key, EntryKind.NOMINAL, None, candidates=candidates, default=default), [phrase])
    return gaz
