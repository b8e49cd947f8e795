"""The plain data that crosses from ingest into the graph.

`ingest` produces these; `graph.loader` writes them. Frozen, slotted
dataclasses: cheap to build for every sentence, hashable, easy to serialise
with `dataclasses.asdict` (see `to_record`).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from graph.ontology import EntityKind, Modality, Polarity


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # canonical URL when known, else "sha1:<hash of normalised text>"
    text: str
    url: str | None = None
    title: str | None = None
    standfirst: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    language: str = "en"
    source: str | None = None  # file path or feed the article was read from
    license: str | None = None
    # MinHash signature of the normalised text (graph.duplicates); the loader
    # records the stored articles it nearly equals as the node's `duplicates`.
    fingerprint: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    id: str  # ISO 3166-1 alpha-3 for states, Wikidata QID when shipped, else a slug
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    iso3: str | None = None
    wikidata: str | None = None
    source: str = "article"  # "article" or "reference" (the backbone)


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved span of an article that names an entity."""

    entity_id: str
    text: str
    start: int  # character offsets into Article.text
    end: int
    rule: str  # exact, alias, demonym, capital-metonymy, institution-metonymy, coreference, ...
    sentence_index: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One extracted (subject, type, object) statement with its provenance."""

    article_id: str
    type: str  # a name from graph.ontology.RELATION_TYPES
    subject_id: str
    object_id: str
    subject_text: str
    subject_start: int
    subject_end: int
    object_text: str
    object_start: int
    object_end: int
    trigger_text: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_index: int
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED
    attributed_to: str | None = None  # entity id of the speaker in reported speech
    # When the reported event happened, where the text says (ingest.relations.dates):
    # the first day of the period, its precision (day, week, month, year,
    # decade) and the words that gave it. None: the article's date stands in.
    event_date: date | None = None
    event_date_precision: str | None = None
    event_date_text: str | None = None
    event_ongoing: bool = False  # "since 1993": began then, holds at the article's date
    # Where the event happened, when the text says ("met Abadi in Baghdad"):
    # a qualifier of the event, not a LOCATED_IN of its parties.
    location_id: str | None = None
    location_text: str | None = None
    location_start: int | None = None
    location_end: int | None = None
    title: str | None = None  # for LEADER_OF / OFFICIAL_OF: "Defense Minister"
    confidence: float = 0.5
    extractor: str = "geokg-rules"
    extractor_version: str = "0"
    rule: str = ""  # which pattern produced it, for error analysis

    @property
    def id(self) -> str:
        """Stable across runs: the same article, type, arguments and trigger span."""
        key = "|".join(
            (
                self.article_id,
                self.type,
                self.subject_id,
                self.object_id,
                str(self.subject_start),
                str(self.object_start),
                str(self.trigger_start),
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article, ready for the loader."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def mention_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self.mentions:
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
        return counts


def to_record(obj: Any) -> dict[str, Any]:
    """A JSON- and Neo4j-friendly dict: dates as ISO strings, enums as values."""
    out: dict[str, Any] = {}
    for key, value in asdict(obj).items():
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        elif hasattr(value, "value"):
            value = value.value
        out[key] = value
    if isinstance(obj, Claim):
        out["id"] = obj.id
    return out
