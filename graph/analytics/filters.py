"""Which part of the graph an analysis looks at.

One filter type is shared by the analytics, the exports, the CLI and the API so
that "the same filters" mean the same thing everywhere. Relation types and
entity kinds are checked against the closed ontology here, before any Cypher is
built, so nothing from a request ever becomes a label or a relationship type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from graph.cypher.read import parse_relation_types
from graph.errors import InvalidQuery
from graph.ontology import RELATION_TYPES, EntityKind, Tier, types_of_tier

# Named type sets: `events` keeps the event-like types (tier E: attacks, meetings,
# sanctions...), so "central" is about what happened and not about how many
# officials an entity has (LEADER_OF/OFFICIAL_OF are structural); `structure`
# the standing relations (tier S).
PRESETS: dict[str, tuple[str, ...]] = {
    "events": types_of_tier(Tier.EVENT),
    "structure": types_of_tier(Tier.STRUCTURAL),
}


def _types(names: Iterable[str] | None) -> tuple[str, ...]:
    if names is None:
        return tuple(sorted(RELATION_TYPES))
    out = parse_relation_types(names)  # "ATTACKS,FIGHTS" and repeated params both work
    if not out:
        raise InvalidQuery("types is empty; leave it out to use every relation type")
    return tuple(sorted(out))


def entity_kinds(names: Iterable[str] | None) -> tuple[str, ...] | None:
    """Entity kind names ("country", "City,Person") as ontology kinds, sorted;
    None for none. InvalidQuery names the valid kinds."""
    if names is None:
        return None
    by_lower = {k.value.lower(): k.value for k in EntityKind}
    out: list[str] = []
    for raw in names:
        for name in str(raw).split(","):
            name = name.strip()
            if not name:
                continue
            if name.lower() not in by_lower:
                valid = ", ".join(k.value for k in EntityKind)
                raise InvalidQuery(f"unknown entity kind {name!r}; use one of: {valid}")
            out.append(by_lower[name.lower()])
    return tuple(sorted(set(out))) or None


@dataclass(frozen=True, slots=True)
class SubgraphFilter:
    """The fact edges (and their end nodes) an analysis or export uses.

    - `types`: relation types from graph.ontology (None: all of them).
    - `since` / `until`: keep edges seen inside the window, i.e.
      last_seen >= since and first_seen <= until. Counts (claims, articles) are
      the edge's whole-life totals; an edge without dates (the reference
      backbone) is kept.
    - `min_articles` / `min_claims`: evidence floor for article-derived edges
      (reference edges carry no article evidence and are not held to it).
    - `kinds`: both end nodes must have one of these kind labels (None: any).
    - `include_reference`: the backbone of borders and capitals loaded from
      reference data (provenance 'reference', the Neo4j edge property
      source='reference') is left out by default, because it is not news and
      would dominate structural measures.
    - `preset`: the named type set (PRESETS) `types` was cut to, for the echo.
    """

    types: tuple[str, ...] = field(default_factory=lambda: tuple(sorted(RELATION_TYPES)))
    since: date | None = None
    until: date | None = None
    min_articles: int = 1
    min_claims: int = 1
    kinds: tuple[str, ...] | None = None
    include_reference: bool = False
    preset: str | None = None

    @classmethod
    def build(
        cls,
        *,
        types: Iterable[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        min_articles: int = 1,
        min_claims: int = 1,
        kinds: Iterable[str] | None = None,
        include_reference: bool = False,
        preset: str | None = None,
    ) -> "SubgraphFilter":
        """Validate loose input (CLI options, query parameters) into a filter.
        A `preset` keeps its types (of `types`, when both are given).

        Raises InvalidQuery naming the valid values when something is off.
        """
        if since is not None and until is not None and since > until:
            raise InvalidQuery(f"since ({since}) is after until ({until}); swap them")
        if min_articles < 0 or min_claims < 0:
            raise InvalidQuery("min_articles and min_claims must be 0 or more")
        chosen = _types(types)
        if preset is not None:
            if preset not in PRESETS:
                raise InvalidQuery(f"unknown preset {preset!r}; use one of: {', '.join(PRESETS)}")
            chosen = tuple(t for t in chosen if t in PRESETS[preset])
            if not chosen:
                raise InvalidQuery(f"none of the types given is in the {preset} preset")
        return cls(
            types=chosen,
            since=since,
            until=until,
            min_articles=min_articles,
            min_claims=min_claims,
            kinds=entity_kinds(kinds),
            include_reference=include_reference,
            preset=preset,
        )

    def cypher_params(self) -> dict[str, Any]:
        """Parameters for graph.cypher.analytics.SUBGRAPH (dates as ISO strings)."""
        return {
            "types": list(self.types),
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "min_articles": self.min_articles,
            "min_claims": self.min_claims,
            "kinds": list(self.kinds) if self.kinds else None,
            "include_reference": self.include_reference,
        }

    def describe(self) -> dict[str, Any]:
        """A JSON-friendly echo of the filter, for reports and export metadata."""
        params: dict[str, Any] = self.cypher_params()
        if len(self.types) == len(RELATION_TYPES):
            params["types"] = None  # "all", not a list of 31 names
        params["preset"] = self.preset
        return params
