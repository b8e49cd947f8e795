"""Plain-text tables of evaluation figures (for the terminal and the closing notes)."""

from __future__ import annotations

from collections.abc import Sequence

from ingest.evaluation.errors import summarise
from ingest.evaluation.metrics import PRF
from ingest.evaluation.runner import Re3dScores
from ingest.evaluation.seed import SeedResult


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format(*header), line.format(*("-" * w for w in widths))]
    out.extend(line.format(*row) for row in rows)
    return "\n".join(out)


def _prf(prf: PRF) -> str:
    return f"{prf.precision:.3f} / {prf.recall:.3f} / {prf.f1:.3f}"


def _counts(prf: PRF) -> str:
    return f"{prf.tp}/{prf.fp}/{prf.fn}"


def re3d_summary(systems: Sequence[Re3dScores]) -> str:
    header = ["re3d (P / R / F1)", *(s.system for s in systems)]
    rows = [
        ["entities lenient", *(_prf(s.entities_lenient.overall) for s in systems)],
        ["entities strict", *(_prf(s.entities_strict.overall) for s in systems)],
        ["relations all", *(_prf(s.relations.overall) for s in systems)],
        ["relations proper names", *(_prf(s.relations.proper) for s in systems)],
        ["  tp/fp/fn proper", *(_counts(s.relations.proper) for s in systems)],
        ["articles/s (wall)", *(f"{s.articles_per_second:.1f}" for s in systems)],
        ["articles/CPU-s", *(f"{s.articles_per_cpu_second:.1f}" for s in systems)],
    ]
    return _table(header, rows)


def entity_types_table(systems: Sequence[Re3dScores]) -> str:
    types = sorted({t for s in systems for t in s.entities_lenient.per_type})
    header = ["entity type (lenient P/R/F1, tp/fp/fn)", *(s.system for s in systems)]
    rows = [
        [t, *(f"{_prf(s.entities_lenient.per_type.get(t, PRF()))}  {_counts(s.entities_lenient.per_type.get(t, PRF()))}" for s in systems)]
        for t in types
    ]
    return _table(header, rows)


def relation_types_table(systems: Sequence[Re3dScores]) -> str:
    types = list(dict.fromkeys(t for s in systems for t in s.relations.per_type))
    header = ["relation type (P/R/F1, tp/fp/fn)", *(s.system for s in systems)]
    rows = []
    for t in types:
        rows.append([t, *(f"{_prf(s.relations.per_type[t])}  {_counts(s.relations.per_type[t])}" for s in systems)])
        rows.append(
            [f"  {t} proper", *(f"{_prf(s.relations.proper_per_type[t])}  {_counts(s.relations.proper_per_type[t])}" for s in systems)]
        )
    return _table(header, rows)


def rule_table(scores: Re3dScores, top: int = 15) -> str:
    """Which extractor rules make right and wrong relation predictions."""
    rows = [
        [rule, str(c["tp"]), str(c["fp"]), f"{c['tp'] / (c['tp'] + c['fp']):.2f}"]
        for rule, c in list(scores.relations.per_rule().items())[:top]
    ]
    return _table([f"relation rule ({scores.system})", "tp", "fp", "precision"], rows)


def error_classes(scores: Re3dScores, top: int = 5) -> str:
    lines = [f"largest error classes ({scores.system}):"]
    views = [
        ("entity", "FP", False),
        ("entity", "FN", False),
        ("relation", "FP", False),
        ("relation", "FN", False),
        ("relation", "FP", True),
        ("relation", "FN", True),
    ]
    for task, kind, proper_only in views:
        selected = [
            e
            for e in scores.errors
            if e.task == task and e.error == kind and (not proper_only or e.details.get("proper"))
        ]
        label = f"{task} {kind}" + (" on the proper-name subset" if proper_only else "")
        lines.append(f"  {label} ({len(selected)}):")
        for item in summarise(selected)[:top]:
            types = ", ".join(f"{t} {n}" for t, n in list(item["by_type"].items())[:4])
            lines.append(f"    {item['count']:>4}  {item['class']}  [{types}]")
            for ex in item["examples"][:1]:
                lines.append(f"          e.g. {ex[:160]}")
    return "\n".join(lines)


def seed_report(results: Sequence[tuple[str, SeedResult]]) -> str:
    header = ["seed", *(name for name, _ in results)]
    rows = [
        ["must found", *(f"{r.found}/{r.total}" for _, r in results)],
        ["must with right fact status", *(f"{r.full}/{r.total}" for _, r in results)],
        ["must_not_facts violations", *(str(sum(v.kind == 'must_not_fact' for v in r.violations)) for _, r in results)],
        ["must_not_entities violations", *(str(sum(v.kind == 'must_not_entity' for v in r.violations)) for _, r in results)],
        ["metadata (title/date/author)", *(f"{sum(bool(m['ok']) for m in r.metadata.values())}/{len(r.metadata)}" for _, r in results)],
    ]
    lines = [_table(header, rows)]
    for name, r in results:
        missing = [m for m in r.musts if not m.full]
        if missing:
            lines.append(f"{name}: musts not fully scored:")
            for m in missing:
                state = "missing" if not m.found else f"fact={m.fact_actual}, expected {m.fact_expected}"
                lines.append(f"  {m.subject} {m.type} {m.object}: {state}")
        for v in r.violations:
            lines.append(f"{name}: violation ({v.kind}) {v.rule}: {v.detail[:200]}")
        for key, m in r.metadata.items():
            if not m["ok"]:
                lines.append(f"{name}: metadata {key}: got {m['actual']!r}, expected {m['expected']!r}")
        for line in r.unchecked:
            lines.append(f"{name}: not checked programmatically: {line}")
        for note in r.notes:
            lines.append(f"{name}: note: {note}")
    return "\n".join(lines)


def re3d_by_source(systems: Sequence[Re3dScores]) -> str:
    """Headline figures per re3d source (the sources differ in genre)."""
    sources = sorted({src for s in systems for src in s.by_source})
    header = ["re3d by source (P / R / F1, tp/fp/fn)", *(s.system for s in systems)]
    rows = []
    for src in sources:
        subs = [s.by_source.get(src, Re3dScores(s.system)) for s in systems]
        rows.append([f"{src} ({subs[0].articles} docs)", *("" for _ in systems)])
        rows.append(["  entities lenient", *(_prf(x.entities_lenient.overall) for x in subs)])
        rows.append(["  relations all", *(f"{_prf(x.relations.overall)}  {_counts(x.relations.overall)}" for x in subs)])
        rows.append(["  relations proper names", *(f"{_prf(x.relations.proper)}  {_counts(x.relations.proper)}" for x in subs)])
    return _table(header, rows)
