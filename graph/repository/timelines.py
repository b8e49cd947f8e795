"""Claims over time: an entity's timeline and a dyad's, with every period
from the first to the last present (empty ones as zeros) and the claims
split by sign class, polarity and modality."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from graph.cypher import evidence as ev
from graph.cypher import read as q
from graph.errors import InvalidQuery
from graph.ontology import Polarity
from graph.repository.base import RepositoryBase, default_sign
from graph.views import Timeline, TimelineInterval, TimelinePeriod, TimelinePoint

INTERVALS: tuple[str, ...] = ("year", "month", "week", "day")
# A timeline lists at most this many periods (about 27 years of days).
MAX_PERIODS = 10_000


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims evidence and timelines count (None: no filter)."""

    types: list[str] | None = None
    polarity: str | None = None
    modalities: list[str] | None = None
    min_confidence: float | None = None
    outlet: str | None = None
    since: date | None = None  # claim date (event, else published) on or after
    until: date | None = None

    def params(self) -> dict[str, Any]:
        return {
            "types": self.types, "polarity": self.polarity, "modalities": self.modalities,
            "min_confidence": self.min_confidence, "outlet": self.outlet,
            "since": self.since, "until": self.until, "symmetric": q.SYMMETRIC_TYPES,
        }  # fmt: skip


def period_start(day: date, interval: str) -> date:
    if interval == "year":
        return date(day.year, 1, 1)
    if interval == "month":
        return date(day.year, day.month, 1)
    if interval == "week":
        return day - timedelta(days=day.weekday())
    return day


def next_period(start: date, interval: str) -> date:
    if interval == "year":
        return date(start.year + 1, 1, 1)
    if interval == "month":
        return date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start + timedelta(days=7 if interval == "week" else 1)


def period_range(first: date, last: date, interval: str) -> list[date]:
    """Every period start from `first`'s period to `last`'s, inclusive."""
    out, current, end = [], period_start(first, interval), period_start(last, interval)
    while current <= end:
        out.append(current)
        if len(out) > MAX_PERIODS:
            raise InvalidQuery(
                f"the timeline would have more than {MAX_PERIODS} {interval} periods: "
                "use a longer interval or a shorter since/until window"
            )
        current = next_period(current, interval)
    return out


class TimelineReads(RepositoryBase):
    def _build(
        self, rows: list[dict[str, Any]], interval: str, flt: ClaimFilter, limit: int, offset: int, **who: Any
    ) -> Timeline:
        fact_modalities = {m.value for m in self._fact_modalities}
        points: dict[tuple[date, str], dict[str, int]] = {}
        periods: dict[date, dict[str, Any]] = {}
        undated = 0
        for row in rows:
            period, rtype, n = row["period"], row["type"], row["n"]
            if period is None:
                undated += n
                continue
            bucket = periods.setdefault(period, _empty_period())
            bucket["claims"] += n
            modality = row["modality"] or "unknown"
            bucket["by_modality"][modality] = bucket["by_modality"].get(modality, 0) + n
            point = points.setdefault((period, rtype), {"affirmed": 0, "negated": 0, "unasserted": 0})
            if row["polarity"] == Polarity.NEGATED.value:
                kind = "negated"
            elif modality in fact_modalities:
                sign = default_sign(rtype)
                bucket["cooperation" if sign > 0 else "conflict" if sign < 0 else "neutral"] += n
                point["affirmed"] += n
                continue
            else:
                kind = "unasserted"
            bucket[kind] += n
            point[kind] += n
        dated = sorted(periods)
        first = flt.since or (dated[0] if dated else None)
        last = flt.until or (dated[-1] if dated else None)
        every = period_range(first, last, interval) if first and last and first <= last else dated
        page = every[offset : offset + limit]
        shown = set(page)
        return Timeline(
            **who,
            interval=interval,  # type: ignore[arg-type]
            points=[
                TimelinePoint(period=p, type=t, goldstein=default_sign(t), **counts)
                for (p, t), counts in sorted(points.items())
                if p in shown
            ],
            items=[TimelinePeriod(period=p, **periods.get(p, _empty_period())) for p in page],
            total=len(every),
            limit=limit,
            offset=offset,
            undated=undated,
        )

    async def timeline(
        self, entity_id: str, interval: TimelineInterval = "month", flt: ClaimFilter = ClaimFilter(),
        *, limit: int = MAX_PERIODS, offset: int = 0,
    ) -> Timeline:  # fmt: skip
        """Claims naming the entity (as subject or object) per period and type:
        affirmed facts by the type's sign class, negated, and unasserted
        (alleged, planned, hypothetical) apart, and every claim by modality."""
        if interval not in INTERVALS:
            raise InvalidQuery(f"interval must be one of {', '.join(INTERVALS)}")
        await self._require_entities(entity_id)
        rows = await self._rows(ev.ENTITY_TIMELINE, id=entity_id, unit=interval, **flt.params())
        return self._build(rows, interval, flt, limit, offset, entity_id=entity_id)

    async def dyad_timeline(
        self, a: str, b: str, interval: TimelineInterval = "month", flt: ClaimFilter = ClaimFilter(),
        *, either: bool = True, limit: int = MAX_PERIODS, offset: int = 0,
    ) -> Timeline:  # fmt: skip
        """The claims between two entities per period (both directions unless
        `either` is False: then a -> b only, and symmetric types either way)."""
        if interval not in INTERVALS:
            raise InvalidQuery(f"interval must be one of {', '.join(INTERVALS)}")
        await self._require_entities(a, b)
        rows = await self._rows(ev.PAIR_TIMELINE, a=a, b=b, either=either, unit=interval, **flt.params())
        return self._build(rows, interval, flt, limit, offset, subject=a, object=b)


def _empty_period() -> dict[str, Any]:
    return {"cooperation": 0, "conflict": 0, "neutral": 0, "negated": 0, "unasserted": 0,
            "claims": 0, "by_modality": {}}  # fmt: skip
