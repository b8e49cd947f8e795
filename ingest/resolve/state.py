"""One article's resolution state: the doc, the mentions so far and the indexes
the passes share, and `emit`, the one way a pass adds a mention."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from graph import geodata
from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer import GazEntry, Gazetteer, build_gazetteer
from ingest.words.places import ADMIN_UNITS

ACTOR = "actor"
PLACE = "place"

# spaCy labels of the entities the resolver reads.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "LANGUAGE"})

# Page furniture: a short line that is a photo credit, a "Most Popular" box,
# a share prompt... never holds entities. Matched per line, not per sentence:
# the parser often glues such a line to the paragraph after it.
_FURNITURE_LINE = re.compile(
    r"^[ \t(\[]*(?:(?:photo|image|picture|video|file photo)\s*(?:credit|courtesy|:)|"
    r"(?:most popular|read more|related|share this|subscribe|advertisement|sign up|click here)\b)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_FURNITURE_MAX_LINE = 160


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    entity: Entity
    rule: str
    start_char: int
    end_char: int
    start_token: int
    end_token: int  # exclusive
    text: str
    sentence_index: int
    role: str  # "actor" or "place"
    # A plural reference to a set the article names ("they" after "Egypt,
    # Greece and France met"): every member, `entity` being the first. Empty for
    # a mention of one entity. Relation extraction gives one argument per member.
    members: tuple[Entity, ...] = ()


def slug_id(prefix: str, name: str) -> str:
    return f"{prefix}:{geodata.slugify(name)}"


class ArticleState:
    """Everything the passes read and write for one article. Built once per
    `resolve` call: coreference state never crosses articles."""

    def __init__(self, doc: Doc, article_id: str) -> None:
        self.doc = doc
        self.article_id = article_id
        self.gaz: Gazetteer = build_gazetteer()
        # Token attributes read once: hot loops index these lists instead of
        # creating spaCy Token objects over and over.
        self.texts = [t.text for t in doc]
        self.lowers = [t.lower_ for t in doc]
        self.pos = [t.pos_ for t in doc]
        self.titlecase = [t.is_title for t in doc]
        self.in_ent = {i for e in doc.ents for i in range(e.start, e.end)}
        self.sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.text = doc.text  # Doc.text rebuilds the string from every token: read it once
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]  # paragraph start chars
        self.furniture = [
            (m.start(), m.end()) for m in _FURNITURE_LINE.finditer(self.text) if m.end() - m.start() <= _FURNITURE_MAX_LINE
        ]
        self.ent_ids = {e.ent_id_ for e in doc.ents if e.ent_id_}  # gazetteer keys the article names
        self.ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
        self.person_texts = {e.text for e in self.ents if e.label_ == "PERSON"}
        # Filled by the passes, in the order of `ingest.resolve.PASSES`.
        self.place_words: set[str] = set()  # one-word names the article uses as places
        self.title_pattern: list[tuple[int, int]] = []  # names NER missed after a title
        self.merged: dict[tuple[int, int], Span] = {}  # a name the ruler cut in two -> its gazetteer part
        self.nisba: list[tuple[int, int]] = []  # "Abu Jandal al-" + "Kuwaiti"
        self.regimes: dict[tuple[int, int], GazEntry] = {}  # "Assad's regime" -> the nominal "regime"
        self.out: list[ResolvedMention] = []
        self.covered: set[int] = set()
        self.last_country_at: dict[str, int] = {}  # iso3 -> last token index mentioned
        self.last_by_kind: dict[str, Entity] = {}  # kind -> latest entity of that kind
        self.people: dict[str, Entity] = {}  # full name -> person
        self.name_parts: dict[str, Entity] = {}  # surname / first name -> person introduced
        self.titles: dict[tuple[str, ...], set[str]] = {}  # ("defense", "minister") -> person ids
        self.title_people: dict[str, Entity] = {}
        self.vessel_names: set[str] = set()
        self.merged_parts: set[tuple[int, int]] = set()  # ents replaced by a merged name
        self.qualifiers: dict[int, tuple[int, str]] = {}  # place end token -> (country end token, iso3)
        self.company_names: dict[str, str] = {}  # "Mahan Air", "Mahan" -> "Mahan Air" (named as an airline)

    def sentence_index(self, token_i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token_i) - 1)

    def in_furniture(self, token_i: int) -> bool:
        char = self.doc[token_i].idx
        return any(a <= char < b for a, b in self.furniture)

    def emit(
        self, entity: Entity, rule: str, start: int, end: int, role: str, members: tuple[Entity, ...] = ()
    ) -> None:
        if start >= end or any(i in self.covered for i in range(start, end)):
            return
        if role == PLACE and end in self.qualifiers and entity.kind in (EntityKind.CITY, EntityKind.PLACE):
            entity = self.qualified_place(entity, end)
        if entity.kind in (EntityKind.CITY, EntityKind.PLACE) and self._admin_unit_at(end):
            entity, end = self.admin_area(entity, start, end), end + 1
        span = self.doc[start:end]
        self.covered.update(range(start, end))
        self.out.append(
            ResolvedMention(
                entity=entity,
                rule=rule,
                start_char=span.start_char,
                end_char=span.end_char,
                start_token=start,
                end_token=end,
                text=span.text,
                sentence_index=self.sentence_index(start),
                role=role,
                members=members,
            )
        )
        if members:
            return  # a set is no "latest country" or "latest group"
        if entity.kind == EntityKind.COUNTRY and entity.iso3:
            self.last_country_at[entity.iso3] = start
        self.last_by_kind[str(entity.kind)] = entity

    def qualified_place(self, entity: Entity, end: int) -> Entity:
        """The place, in the country the text names: the GeoNames city of that
        name in that country, else a Place with that country's ISO3."""
        _, iso3 = self.qualifiers[end]
        if not iso3 or entity.iso3 == iso3:
            return entity
        if entity.kind == EntityKind.CITY:
            city = geodata.find_city(entity.name, iso3)
            if city is not None:
                return geodata.city_entity(city, source="article")
        # The id leaves the country out: the same place named with its country
        # in one article ("Mindanao, Philippines") and without in another must
        # be one entity; the country is kept as a property.
        return Entity(id=slug_id("place", entity.name), name=entity.name, kind=EntityKind.PLACE, iso3=iso3)

    def _admin_unit_at(self, k: int) -> bool:
        """An administrative-area noun at token k that completes the place name
        before it ("Anbar province"), not one that heads a longer phrase
        ("the province council", "province of")."""
        if k >= len(self.doc) or k in self.covered or self.lowers[k] not in ADMIN_UNITS:
            return False
        nxt = k + 1
        # "Anbar province of Iraq", "the Manhattan district attorney": another phrase.
        return nxt >= len(self.doc) or self.lowers[nxt] != "of" and self.pos[nxt] not in ("NOUN", "PROPN")

    def admin_area(self, entity: Entity, start: int, end: int) -> Entity:
        """'Anbar province' is the place Anbar; 'Idlib province', 'Mosul district'
        name the area around a city, not the city: a Place of that full name in the
        city's country."""
        if entity.kind != EntityKind.CITY:
            return entity
        name = f"{' '.join(self.doc[start:end].text.split())} {self.lowers[end]}"
        return Entity(id=slug_id("place", name), name=name, kind=EntityKind.PLACE, iso3=entity.iso3)
