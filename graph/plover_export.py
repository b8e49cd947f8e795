"""The PLOVER event export: one JSON record a line (JSONL), one per claim of
an event type with a PLOVER category, in the codebook's fields (graph.plover).

A record: `id` (the claim's), `date` (the event date when the text gave
one, else the article's publication date), `actor` and `recipient` (lists of
entity objects: `code` the ISO 3166 alpha-3 code of a state, `entity_text`
the words of the sentence, `identifier_id` the Wikidata id when known,
`identifier_text` the canonical name; a symmetric type such as FIGHTS or
NEGOTIATES_WITH is reciprocal: both parties are the actor, as the codebook
asks), `event` ([category]), `event_text` ([trigger]), `quad_code`,
`event_scale` (the codebook's current score of the category), `context`
(the auxiliary modes the codebook puts there: `negation` for a negated claim,
`future` for a planned one, `hypothetical`, `historical`; null for a plain
event), `text` (the sentence), `text_info` (`sequence`: the sentence's
index in the article; `start`/`end`: character offsets of the event mention,
from its first argument or trigger to its last, into the article text),
`cite_info` (url, title, publication, language, license, coder, codebook),
`coder`. Fields the codebook has no name for are in one `geokg` object
(the relation type, CAMEO code, goldstein weight, polarity, modality,
speaker, confidence, date source, argument offsets). Optional fields without
a value are left out; `mode` is not extracted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import Query, AsyncDriver, Driver, RoutingControl

from graph import plover
from graph.analytics.filters import SubgraphFilter
from graph.analytics.network import iso_date
from graph.cypher import analytics as cypher
from graph.driver_errors import translate_errors
from graph.errors import InvalidQuery
from graph.ontology import ONTOLOGY_VERSION, RELATION_TYPES, EntityKind, Modality, Polarity, Tier

# The event types the export writes: event-like (tier E) with a PLOVER category.
PLOVER_TYPES: tuple[str, ...] = tuple(
    sorted(n for n, t in RELATION_TYPES.items() if t.tier == Tier.EVENT and t.plover in plover.CATEGORIES)
)

# Claim qualifiers -> the codebook's auxiliary modes (in `context`). Asserted
# and reported claims are plain events; an allegation has no auxiliary mode
# (its modality is in the `geokg` object).
_MODALITY_CONTEXT: dict[str, str] = {
    Modality.PLANNED.value: "future",
    Modality.HYPOTHETICAL.value: "hypothetical",
    Modality.HISTORICAL.value: "historical",
}

CODEBOOK = f"{plover.CODEBOOK}; geokg ontology {ONTOLOGY_VERSION}"


def plover_context(polarity: str | None, modality: str | None) -> list[str]:
    """The auxiliary modes of a claim: "negation" when negated, then
    "future" (planned), "hypothetical" or "historical" from the modality."""
    context = []
    if polarity == Polarity.NEGATED.value:
        context.append("negation")
    if modality in _MODALITY_CONTEXT:
        context.append(_MODALITY_CONTEXT[modality])
    return context


def _entity(node: Mapping[str, Any], text: Any) -> dict[str, Any]:
    out = {
        "code": node.get("iso3") if node.get("kind") == EntityKind.COUNTRY.value else None,
        "entity_text": text,
        "identifier_id": node.get("wikidata"),
        "identifier_text": node.get("name"),
        "geokg_id": node.get("id"),
        "geokg_kind": node.get("kind"),
    }
    return {k: v for k, v in out.items() if v is not None}


def _span(claim: Mapping[str, Any]) -> tuple[int | None, int | None]:
    starts = [claim.get(k) for k in ("subject_start", "object_start", "trigger_start")]
    ends = [claim.get(k) for k in ("subject_end", "object_end", "trigger_end")]
    known_starts = [int(x) for x in starts if x is not None]
    known_ends = [int(x) for x in ends if x is not None]
    return (min(known_starts) if known_starts else None, max(known_ends) if known_ends else None)


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def plover_record(
    claim: Mapping[str, Any],
    article: Mapping[str, Any],
    subject: Mapping[str, Any],
    obj: Mapping[str, Any],
) -> dict[str, Any]:
    """One claim as a PLOVER record (see the module docstring). InvalidQuery
    for a claim whose type has no PLOVER category (the query selects none)."""
    rtype = str(claim.get("type"))
    rt = RELATION_TYPES.get(rtype)
    if rt is None or rt.plover not in plover.CATEGORIES:
        raise InvalidQuery(f"{rtype} has no PLOVER category; the PLOVER export writes {', '.join(PLOVER_TYPES)}")
    category = rt.plover
    event_date = iso_date(claim.get("event_date"))
    published = iso_date(article.get("published"))
    actor = _entity(subject, claim.get("subject_text"))
    other = _entity(obj, claim.get("object_text"))
    start, end = _span(claim)
    extractor = " ".join(str(x) for x in (claim.get("extractor"), claim.get("extractor_version")) if x)
    context = plover_context(claim.get("polarity"), claim.get("modality"))
    record = {
        "id": claim.get("id"),
        "date": event_date or published,
        "actor": [actor, other] if rt.symmetric else [actor],
        "recipient": None if rt.symmetric else [other],
        "event": [category],
        "event_text": [claim["trigger_text"]] if claim.get("trigger_text") else None,
        "quad_code": plover.quad_code(category),
        "event_scale": plover.score(category),
        "context": context or None,
        "text": claim.get("sentence"),
        "text_info": _compact({"sequence": claim.get("sentence_index"), "start": start, "end": end}),
        "cite_info": _compact({
            "citation": article.get("id"), "url": article.get("url"), "title": article.get("title"),
            "publication": article.get("outlet"), "language": article.get("language"),
            "license": article.get("license"), "coder": extractor or None, "codebook": CODEBOOK,
        }),  # fmt: skip
        "coder": extractor or None,
        "geokg": _compact({
            "type": rtype, "cameo": rt.cameo, "goldstein": rt.sign, "polarity": claim.get("polarity"),
            "modality": claim.get("modality"), "attributed_to": claim.get("attributed_to"),
            "confidence": claim.get("confidence"),
            "date_source": "event" if event_date else ("publication" if published else None),
            "date_precision": claim.get("event_date_precision") if event_date else None,
            "date_text": claim.get("event_date_text") if event_date else None,
            "date_ongoing": bool(claim.get("event_ongoing")) if event_date else None,
            "published": published, "article_id": article.get("id"),
            "subject_start": claim.get("subject_start"), "subject_end": claim.get("subject_end"),
            "object_start": claim.get("object_start"), "object_end": claim.get("object_end"),
            "trigger_start": claim.get("trigger_start"), "trigger_end": claim.get("trigger_end"),
        }),  # fmt: skip
    }
    return _compact(record)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims the PLOVER export writes: event types with a PLOVER
    category only. Negated and non-asserted claims are included by default
    (marked in `context` and `geokg.modality`): researchers filter them. Of a
    SubgraphFilter only the types and the window apply (to the claim's date);
    evidence floors, kinds and the reference backbone concern fact edges."""

    types: tuple[str, ...] = PLOVER_TYPES
    since: str | None = None  # ISO date, on the claim's date (event date, else publication)
    until: str | None = None
    include_negated: bool = True
    modalities: tuple[str, ...] | None = None  # None: every modality

    @classmethod
    def from_subgraph_filter(cls, flt: SubgraphFilter, include_negated: bool = True) -> "ClaimFilter":
        """The filter's types that are PLOVER event types; InvalidQuery when none is."""
        types = tuple(t for t in flt.types if t in PLOVER_TYPES)
        if not types:
            raise InvalidQuery(
                f"none of {', '.join(flt.types)} is an event type with a PLOVER category; "
                f"the PLOVER export writes {', '.join(PLOVER_TYPES)}"
            )
        return cls(
            types=types,
            since=flt.since.isoformat() if flt.since else None,
            until=flt.until.isoformat() if flt.until else None,
            include_negated=include_negated,
        )

    def params(self, skip: int, limit: int) -> dict[str, Any]:
        return {
            "types": list(self.types),
            "since": self.since,
            "until": self.until,
            "include_negated": self.include_negated,
            "modalities": list(self.modalities) if self.modalities else None,
            "skip": skip,
            "limit": limit,
        }


PLOVER_PAGE = 5000  # claims per read query


def _records_to_plover(records: Iterable[Any]) -> list[dict[str, Any]]:
    out = []
    for r in records:
        d = r.data() if hasattr(r, "data") else r
        out.append(plover_record(d["claim"], d["article"], d["subject"], d["object"]))
    return out


def iter_plover(driver: Driver, cf: ClaimFilter, database: str = "neo4j") -> Iterator[dict[str, Any]]:
    """Every matching claim as a PLOVER record, read page by page."""
    skip = 0
    while True:
        with translate_errors():
            records, _, _ = driver.execute_query(
                cypher.CLAIMS_FOR_EVENTS,
                cf.params(skip, PLOVER_PAGE),
                database_=database,
                routing_=RoutingControl.READ,
            )
        yield from _records_to_plover(records)
        if len(records) < PLOVER_PAGE:
            return
        skip += PLOVER_PAGE


async def afetch_plover(
    driver: AsyncDriver,
    cf: ClaimFilter,
    database: str = "neo4j",
    limit: int = 100_000,
    timeout_s: float | None = None,
) -> list[dict[str, Any]]:
    """`timeout_s`: Neo4j stops the read past it (QueryTimedOut)."""
    with translate_errors():
        records, _, _ = await driver.execute_query(
            Query(cypher.CLAIMS_FOR_EVENTS, timeout=timeout_s),
            cf.params(0, limit),
            database_=database,
            routing_=RoutingControl.READ,
        )
    return _records_to_plover(records)


def plover_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """JSON Lines: one record a line, as the codebook suggests."""
    for rec in records:
        yield json.dumps(rec, ensure_ascii=False) + "\n"


def write_plover(records: Iterable[dict[str, Any]], out: str | Path) -> int:
    """Write the records to `out` as JSON Lines (streamed). Returns the count."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for line in plover_lines(records):
            f.write(line)
            n += 1
    return n
