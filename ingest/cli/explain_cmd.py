"""`geokg explain`: why a sentence gave the claims it gave (no database needed)."""

from __future__ import annotations

from pathlib import Path

import typer


def explain_command(
    file: Path | None = typer.Argument(
        None, help="An article file (text, HTML, JSONL, ... as `geokg ingest` reads them).",
        exists=True, dir_okay=False, readable=True,
    ),
    text: str | None = typer.Option(None, "--text", help="Explain this text instead of a file."),
    sentence: int | None = typer.Option(
        None, "--sentence", min=0, help="Only this sentence (numbered from 0, as a claim's sentence_index)."
    ),
    contains: str | None = typer.Option(
        None, "--contains", help="Only the sentences containing this text (in a file of several articles: the article holding it)."
    ),
    article: str | None = typer.Option(
        None, "--article", help="Which article of a file holding several: its id, url or position (from 0)."
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline; default GEOKG_SPACY_MODEL."),
) -> None:
    """Print a sentence's mentions with their resolution rules, its frames, and
    for each frame the claim it became or why it became none."""
    if (file is None) == (text is None):
        raise typer.BadParameter("give either a FILE or --text TEXT")
    from graph.models import Article
    from ingest.explain import explain
    from ingest.extract import Extractor
    from ingest.nlp import ModelNotInstalled, load_nlp

    if file is not None:
        chosen = _article_of(file, article, contains)
    else:
        chosen = Article(id="explain:text", text=text or "")
    try:
        extractor = Extractor(load_nlp(model) if model else None)
    except ModelNotInstalled as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(code=2) from e
    try:
        typer.echo(explain(extractor, chosen.text, sentence=sentence, contains=contains, article=chosen))
    except ValueError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(code=2) from e


def _article_of(file: Path, which: str | None, contains: str | None):  # type: ignore[no-untyped-def]
    from ingest.readers import Skipped, read_paths

    articles = []
    skipped = []
    for r in read_paths([str(file)]):
        if isinstance(r, Skipped):
            skipped.append(str(r))
        else:
            articles.append(r)
    if not articles:
        why = "; ".join(skipped[:3]) or "no text"
        typer.echo(f"error: {file} holds no article the readers accept ({why})", err=True)
        raise typer.Exit(code=2)
    if which is None and contains is not None and len(articles) > 1:
        # the article holding the sentence ("--contains" from an --errors line)
        holding = [a for a in articles if contains.casefold() in a.text.casefold()]
        if holding:
            articles = holding
    if which is None:
        if len(articles) > 1:
            typer.echo(f"note: {file} holds {len(articles)} articles; explaining the first (choose with --article)", err=True)
        return articles[0]
    for i, a in enumerate(articles):
        if which in (a.id, a.url, str(i)):
            return a
    typer.echo(f"error: no article {which!r} in {file} (give an id, url or position from 0)", err=True)
    raise typer.Exit(code=2)


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_command)
