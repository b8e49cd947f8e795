"""What an ingest run did, as data: the pipeline fills it, the CLI prints
`summary()`, scripts and the API take `to_dict()`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ingest.readers import results
from ingest.readers.results import ReadWarning, Skipped

# Skip reasons that are the pipeline's failure, not bad input: the article was
# read but is not in the graph.
FAILURE_REASONS = frozenset({results.EXTRACTION_FAILED, results.LOAD_FAILED})


@dataclass(slots=True)
class IngestReport:
    sink: str = ""  # "neo4j (bolt://...)" or "claims.jsonl"
    articles_read: int = 0  # articles the readers produced, duplicates removed
    articles_extracted: int = 0
    articles_loaded: int = 0  # written to Neo4j, or to the claims file in a dry run
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    entity_ids: set[str] = field(default_factory=set)
    mentions: int = 0
    claims: int = 0
    claims_by_type: Counter[str] = field(default_factory=Counter)
    claims_by_modality: Counter[str] = field(default_factory=Counter)
    claims_negated: int = 0
    fact_edges: int = 0  # fact edges written or recomputed (Neo4j), or that would be (dry run)
    batches: int = 0
    seconds: float = 0.0
    aborted: str | None = None  # why the run stopped early (Neo4j went away...)

    @property
    def entities(self) -> int:
        return len(self.entity_ids)

    @property
    def articles_per_second(self) -> float:
        return self.articles_extracted / self.seconds if self.seconds > 0 else 0.0

    @property
    def failed(self) -> list[Skipped]:
        """Articles read but not loaded because extraction or loading failed."""
        return [s for s in self.skipped if s.reason in FAILURE_REASONS]

    @property
    def ok(self) -> bool:
        """Something was loaded, nothing failed and the run was not cut short
        (bad input skipped with a reason is no failure)."""
        return self.articles_loaded > 0 and self.aborted is None and not self.failed

    def skipped_by_reason(self) -> dict[str, list[Skipped]]:
        """Skips grouped by reason, most frequent reason first."""
        return _group(self.skipped)

    def warnings_by_reason(self) -> dict[str, list[ReadWarning]]:
        return _group(self.warnings)

    def summary(self, examples: int = 3) -> str:
        lines = [
            f"ingest into {self.sink or '?'}: {self.articles_loaded} of {self.articles_read} articles loaded"
            f" in {self.seconds:.1f} s ({self.articles_per_second:.2f} articles/s)",
            f"  extracted {self.articles_extracted} articles; loaded {self.entities} entities,"
            f" {self.mentions} mentions, {self.claims} claims ({self.claims_negated} negated),"
            f" {self.fact_edges} fact edges",
        ]
        if self.claims_by_type:
            by_type = ", ".join(f"{name} {count}" for name, count in _most_common(self.claims_by_type))
            lines.append(f"  claims by type: {by_type}")
        if self.claims_by_modality:
            by_mod = ", ".join(f"{name} {count}" for name, count in _most_common(self.claims_by_modality))
            lines.append(f"  claims by modality: {by_mod}")
        for title, groups in (("skipped", self.skipped_by_reason()), ("warnings", self.warnings_by_reason())):
            total = sum(len(items) for items in groups.values())
            if not total:
                continue
            lines.append(f"  {title}: {total}")
            for reason, items in groups.items():
                lines.append(f"    {reason}: {len(items)}")
                for item in items[:examples]:
                    lines.append(f"      {item.source}" + (f": {item.detail}" if item.detail else ""))
                if len(items) > examples:
                    lines.append(f"      ... and {len(items) - examples} more")
        if self.aborted:
            lines.append(f"  STOPPED EARLY: {self.aborted}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sink": self.sink,
            "articles_read": self.articles_read,
            "articles_extracted": self.articles_extracted,
            "articles_loaded": self.articles_loaded,
            "articles_skipped": len(self.skipped),
            "skipped": {
                reason: [{"source": s.source, "detail": s.detail} for s in items]
                for reason, items in self.skipped_by_reason().items()
            },
            "warnings": {
                reason: [{"source": w.source, "detail": w.detail} for w in items]
                for reason, items in self.warnings_by_reason().items()
            },
            "entities": self.entities,
            "mentions": self.mentions,
            "claims": self.claims,
            "claims_by_type": dict(_most_common(self.claims_by_type)),
            "claims_by_modality": dict(_most_common(self.claims_by_modality)),
            "claims_negated": self.claims_negated,
            "fact_edges": self.fact_edges,
            "batches": self.batches,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 3),
            "aborted": self.aborted,
            "failed": [{"source": s.source, "reason": s.reason, "detail": s.detail} for s in self.failed],
        }


def _most_common(counter: Counter[str]) -> list[tuple[str, int]]:
    # Ties broken by name so the output is stable.
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _group(items: list[Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(item.reason, []).append(item)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))
