"""System output in the neutral form the scorers take (from an Extraction)."""

from __future__ import annotations

from dataclasses import dataclass

from graph.models import Extraction
from graph.ontology import EntityKind, Modality, Polarity, is_fact


@dataclass(frozen=True, slots=True)
class PredMention:
    start: int
    end: int
    text: str
    kind: EntityKind
    rule: str = ""
    entity_id: str = ""
    entity_name: str = ""


@dataclass(frozen=True, slots=True)
class PredClaim:
    type: str  # project relation type
    subject_text: str
    subject_start: int
    subject_end: int
    object_text: str
    object_start: int
    object_end: int
    sentence: str = ""
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED
    rule: str = ""
    trigger_text: str = ""
    subject_id: str = ""
    object_id: str = ""

    @property
    def affirmed(self) -> bool:
        return self.polarity == Polarity.AFFIRMED

    @property
    def fact_eligible(self) -> bool:
        """Would become a fact edge under the default rule."""
        return is_fact(self.polarity, self.modality)


def mentions_of(extraction: Extraction) -> list[PredMention]:
    out: list[PredMention] = []
    for m in extraction.mentions:
        entity = extraction.entities.get(m.entity_id)
        if entity is None:
            continue  # a mention without its entity is the extractor's bug; not scoreable
        out.append(
            PredMention(m.start, m.end, m.text, entity.kind, m.rule, entity.id, entity.name)
        )
    return out


def claims_of(extraction: Extraction) -> list[PredClaim]:
    return [
        PredClaim(
            type=c.type,
            subject_text=c.subject_text,
            subject_start=c.subject_start,
            subject_end=c.subject_end,
            object_text=c.object_text,
            object_start=c.object_start,
            object_end=c.object_end,
            sentence=c.sentence,
            polarity=c.polarity,
            modality=c.modality,
            rule=c.rule,
            trigger_text=c.trigger_text,
            subject_id=c.subject_id,
            object_id=c.object_id,
        )
        for c in extraction.claims
    ]


def meeting_place_claims(extraction: Extraction) -> list[PredClaim]:
    """re3d's CoLocated is being at a place at the time. The extractor keeps a
    meeting's place as a qualifier of the meeting (Claim.location_id), not as a
    LOCATED_IN of the people who meet (a visit is not where one is located), so
    for re3d each person named at a meeting is co-located with its place (by
    the span that names them: an official may stand for their state in the
    claim itself)."""
    people = {
        (m.start, m.end)
        for m in extraction.mentions
        if (e := extraction.entities.get(m.entity_id)) is not None and e.kind == EntityKind.PERSON
    }
    out: list[PredClaim] = []
    for c in extraction.claims:
        if c.type != "MEETS_WITH" or c.location_id is None or c.location_start is None or c.location_end is None:
            continue
        for entity_id, text, start, end in (
            (c.subject_id, c.subject_text, c.subject_start, c.subject_end),
            (c.object_id, c.object_text, c.object_start, c.object_end),
        ):
            if (start, end) not in people:
                continue
            out.append(
                PredClaim(
                    type="LOCATED_IN",
                    subject_text=text,
                    subject_start=start,
                    subject_end=end,
                    object_text=c.location_text or "",
                    object_start=c.location_start,
                    object_end=c.location_end,
                    sentence=c.sentence,
                    polarity=c.polarity,
                    modality=c.modality,
                    rule=c.rule + ":meeting-place",
                    trigger_text=c.trigger_text,
                    subject_id=entity_id,
                    object_id=c.location_id,
                )
            )
    return out
