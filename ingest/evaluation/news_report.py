"""Plain-text tables of the news-gold figures (`geokg eval --news-gold`)."""

from __future__ import annotations

from collections.abc import Sequence

from ingest.evaluation.news_gold import NewsResult
from ingest.evaluation.report import _table


def _r(d: dict) -> str:
    return f"{d['recall']:.3f} ({d['found']}/{d['total']})"


def _p(d: dict) -> str:
    return f"{d['precision']:.3f} ({d['tp']}/{d['fact_claims']})"


def news_summary(results: Sequence[tuple[str, NewsResult]]) -> str:
    header = ["news gold (fact claims)", *(name for name, _ in results)]
    figures = [r.as_dict() for _, r in results]
    rows = [
        ["articles scored", *(str(f["articles_scored"]) for f in figures)],
        ["precision (tp/fact claims)", *(_p(f["precision"]) for f in figures)],
        ["recall (found/gold facts)", *(_r(f["recall"]) for f in figures)],
        ["recall, explicit only", *(_r(f["recall_explicit"]) for f in figures)],
        ["gold facts found by any claim", *(str(f["recall"]["found_any_claim"]) for f in figures)],
        ["F1", *(f"{f['f1']:.3f}" for f in figures)],
        ["violations (total)", *(str(f["violations"]["total"]) for f in figures)],
        ["  fact claims (must_not / fact:false)", *(str(f["violations"]["fact_claims"]) for f in figures)],
        ["  must_not_entities fired", *(str(f["violations"]["must_not_entities_fired"]) for f in figures)],
        ["  must_not_entities not checkable", *(str(f["violations"]["must_not_entities_not_checkable"]) for f in figures)],
    ]
    for tier in ("structural", "event-like"):
        rows.append([f"{tier}: P", *(_p(f["per_tier"][tier]) for f in figures)])
        rows.append([f"{tier}: R", *(_r(f["per_tier"][tier]) for f in figures)])
    rows.append(["misses with both args in one sentence",
                 *(f"{f['misses_by_layer']['both_arguments_in_one_sentence']}/{f['misses_by_layer']['missed']}" for f in figures)])
    rows.append(["gold facts with both args in one sentence",
                 *(f"{f['misses_by_layer']['gold_facts_with_both_in_one_sentence']}/{f['recall']['total']}" for f in figures)])
    rows.append(["gold facts with both args in the article",
                 *(f"{f['misses_by_layer']['gold_facts_with_both_in_article']}/{f['recall']['total']}" for f in figures)])
    return _table(header, rows)


def news_types_table(name: str, result: NewsResult) -> str:
    rows = [[t, _r(d), _p(d)] for t, d in result.by_type().items()]
    return _table([f"type ({name})", "recall (found/gold)", "precision (tp/claims)"], rows)


def news_articles_table(name: str, result: NewsResult) -> str:
    rows = []
    for a in result.articles:
        d = result.recall(a.gold_facts) | result.precision(a.fact_claims)
        title = (a.title or a.url)[:60]
        rows.append([title, _r(d), _p(d), str(len(a.violations)), str(len(a.traps_fired))])
    return _table([f"article ({name})", "recall", "precision", "fact viol.", "traps"], rows)


def news_details(name: str, result: NewsResult) -> str:
    lines = []
    for url in result.not_found:
        lines.append(f"{name}: article NOT FOUND in the corpus {result.corpus_path}: {url}")
    for a in result.articles:
        for f in a.violations:
            lines.append(f"{name}: violation {f.subject} {f.type} {f.object} ({f.why}): {f.claims[0].sentence[:160]}")
        for line, details in a.traps_fired.items():
            lines.append(f"{name}: trap fired: {line}: {details[0][:160]}")
    unchecked = result.unchecked()
    if unchecked:
        lines.append(
            f"{name}: {unchecked} must_not_entities lines are free text of a shape no mechanical check "
            "covers; they are not counted (listed per article in --json)"
        )
    return "\n".join(lines)
