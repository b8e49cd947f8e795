"""Load re3d gold documents (the JSONL format described in shared/eval/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from graph.models import Article


class GoldFormatError(ValueError):
    """A gold file line is not in the expected re3d JSONL format."""


@dataclass(frozen=True, slots=True)
class GoldEntity:
    start: int
    end: int
    type: str  # re3d entity type: Person, Organisation, Location, Nationality, ...
    text: str


@dataclass(frozen=True, slots=True)
class GoldRelation:
    type: str  # re3d relation type: FightingAgainst, CommWith, ...
    head: str
    head_start: int
    head_end: int
    head_type: str
    tail: str
    tail_start: int
    tail_end: int
    tail_type: str
    trigger: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    source: str
    title: str
    url: str
    text: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]

    def to_article(self) -> Article:
        """The article the extractor sees: only the body text is scored (offsets are into it)."""
        return Article(
            id=f"re3d:{self.doc_id}",
            text=self.text,
            url=self.url or None,
            title=self.title or None,
            outlet=self.source or None,
            source="re3d",
        )


def _entity(raw: dict) -> GoldEntity:
    return GoldEntity(int(raw["start"]), int(raw["end"]), str(raw["type"]), str(raw["text"]))


def _relation(raw: dict) -> GoldRelation:
    return GoldRelation(
        type=str(raw["type"]),
        head=str(raw["head"]),
        head_start=int(raw["head_start"]),
        head_end=int(raw["head_end"]),
        head_type=str(raw.get("head_type", "")),
        tail=str(raw["tail"]),
        tail_start=int(raw["tail_start"]),
        tail_end=int(raw["tail_end"]),
        tail_type=str(raw.get("tail_type", "")),
        trigger=str(raw.get("trigger", "")),
    )


def parse_document(raw: dict) -> GoldDocument:
    return GoldDocument(
        doc_id=str(raw["doc_id"]),
        source=str(raw.get("source", "")),
        title=str(raw.get("title", "")),
        url=str(raw.get("url", "")),
        text=str(raw["text"]),
        entities=tuple(_entity(e) for e in raw.get("entities", [])),
        relations=tuple(_relation(r) for r in raw.get("relations", [])),
    )


def load_re3d(path: str | Path) -> list[GoldDocument]:
    """All documents of a re3d JSONL file, in file order."""
    path = Path(path)
    docs: list[GoldDocument] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                docs.append(parse_document(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                raise GoldFormatError(
                    f"{path}:{lineno}: not a re3d gold document ({e}); expected one JSON "
                    "object per line with doc_id, text, entities and relations"
                ) from e
    return docs
