"""Claims over time: an entity's timeline and a dyad's."""

from __future__ import annotations

from datetime import date

from graph.cypher import read as q
from graph.errors import InvalidQuery
from graph.ontology import (
    Polarity,
)
from graph.repository.base import Interval, RepositoryBase, default_sign
from graph.views import (
    Timeline,
    TimelinePeriod,
    TimelinePoint,
)


class TimelineReads(RepositoryBase):
    # --- timeline --------------------------------------------------------------------------------

    async def timeline(self, entity_id: str, interval: Interval = "month") -> Timeline:
        """Claims naming the entity (as subject or object) per type and period,
        affirmed and negated counted apart; periods also split by the type's
        sign (cooperation, conflict, neutral)."""
        if interval not in ("week", "month"):
            raise InvalidQuery("interval must be week or month")
        await self._require_entities(entity_id)
        rows = await self._rows(q.TIMELINE, id=entity_id, unit=interval)
        points: dict[tuple[date, str], dict[str, int]] = {}
        periods: dict[date, dict[str, int]] = {}
        undated = 0
        for row in rows:
            period, rtype, n = row["period"], row["type"], row["n"]
            if period is None:
                undated += n
                continue
            negated = row["polarity"] == Polarity.NEGATED.value
            point = points.setdefault((period, rtype), {"affirmed": 0, "negated": 0})
            point["negated" if negated else "affirmed"] += n
            bucket = periods.setdefault(period, {"cooperation": 0, "conflict": 0, "neutral": 0, "negated": 0})
            sign = default_sign(rtype)
            if negated:
                bucket["negated"] += n
            elif sign > 0:
                bucket["cooperation"] += n
            elif sign < 0:
                bucket["conflict"] += n
            else:
                bucket["neutral"] += n
        return Timeline(
            entity_id=entity_id,
            interval=interval,
            points=[
                TimelinePoint(period=p, type=t, sign=default_sign(t), **counts)
                for (p, t), counts in sorted(points.items())
            ],
            periods=[TimelinePeriod(period=p, **c) for p, c in sorted(periods.items())],
            undated=undated,
        )

