"""`geokg eval`: score extraction against human gold data (no database needed)."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def eval_command(
    gold: Path | None = typer.Option(
        None, "--gold", help="re3d-format gold JSONL (e.g. ../shared/eval/re3d-dev.jsonl).",
        exists=True, dir_okay=False, readable=True,
    ),
    seed: Path | None = typer.Option(
        None, "--seed", help="Seed annotation JSON (e.g. ../shared/eval/seed-gold.json).",
        exists=True, dir_okay=False, readable=True,
    ),
    news_gold: Path | None = typer.Option(
        None, "--news-gold", help="News gold JSONL, one article per line (e.g. ../shared/eval/wikinews-gold.jsonl).",
        exists=True, dir_okay=False, readable=True,
    ),
    news_corpus: Path | None = typer.Option(
        None, "--news-corpus",
        help="Corpus file or directory (JSONL) holding the --news-gold articles, found by url; "
        "default: the corpus/ directory next to the gold file or in one of its parents.",
        exists=True, readable=True,
    ),
    json_out: Path | None = typer.Option(None, "--json", help="Write all figures to this JSON file."),
    errors_out: Path | None = typer.Option(
        None, "--errors", help="Write every false positive and false negative, with its sentence, as JSONL."
    ),
    model: str | None = typer.Option(
        None, "--model", help="spaCy pipeline (package name or path); default GEOKG_SPACY_MODEL."
    ),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also score the cue-word baseline."),
    top: int = typer.Option(5, "--top", help="How many error classes to list per kind."),
) -> None:
    """Run the extractor (and the baseline) on gold data and print precision/recall/F1.

    --news-gold scores document-level canonical claims (fact claims) per article."""
    from ingest.evaluation import news_report, report
    from ingest.evaluation.evaluate import run_evaluation
    from ingest.evaluation.news_gold import NewsGoldError
    from ingest.evaluation.re3d import GoldFormatError
    from ingest.evaluation.seed import SeedGoldError

    if gold is None and seed is None and news_gold is None:
        raise typer.BadParameter("give --gold FILE.jsonl, --seed FILE.json and/or --news-gold FILE.jsonl")
    try:
        result = run_evaluation(gold=gold, seed=seed, model=model, baseline=baseline,
                                news_gold=news_gold, news_corpus=news_corpus)
    except (GoldFormatError, SeedGoldError, NewsGoldError, RuntimeError, OSError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(code=2) from e

    typer.echo(f"model: {result.model}")
    if result.re3d:
        typer.echo(f"\nre3d: {gold} ({result.re3d[0].articles} documents)")
        typer.echo(report.re3d_summary(result.re3d))
        typer.echo("")
        typer.echo(report.re3d_by_source(result.re3d))
        typer.echo("")
        typer.echo(report.entity_types_table(result.re3d))
        typer.echo("")
        typer.echo(report.relation_types_table(result.re3d))
        for scores in result.re3d:
            typer.echo("")
            typer.echo(report.rule_table(scores))
        for scores in result.re3d:
            typer.echo("")
            typer.echo(report.error_classes(scores, top=top))
    if result.seed:
        typer.echo(f"\nseed: {seed}")
        typer.echo(report.seed_report(result.seed))
    if result.news:
        first = result.news[0][1]
        typer.echo(f"\nnews: {news_gold} (articles from {first.corpus_path})")
        typer.echo(news_report.news_summary(result.news))
        for name, r in result.news:
            typer.echo("")
            typer.echo(news_report.news_types_table(name, r))
            typer.echo("")
            typer.echo(news_report.news_articles_table(name, r))
            details = news_report.news_details(name, r)
            if details:
                typer.echo(details)
    if json_out is not None:
        json_out.write_text(json.dumps(result.as_dict(), indent=2, default=str) + "\n", encoding="utf-8")
        typer.echo(f"\nfigures written to {json_out}")
    if errors_out is not None:
        n = 0
        with errors_out.open("w", encoding="utf-8") as fh:
            records = [err.as_dict() for scores in result.re3d for err in scores.errors]
            records += [rec for name, r in result.seed for rec in r.error_records(name)]
            records += [rec for name, r in result.news for rec in r.error_records(name)]
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
                n += 1
        typer.echo(f"{n} errors written to {errors_out}")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
