"""From what a reader found (a Draft) to an Article, a Skipped, and warnings.

Every reader ends here, so the checks that apply to all formats (empty after
cleaning, too long, not English, the date, the id) happen in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from graph.models import Article
from ingest.readers import results
from ingest.readers.dates import parse_date
from ingest.readers.fingerprint import fingerprint
from ingest.readers.furniture import strip_furniture
from ingest.readers.ids import article_id, canonical_url, outlet_from_url
from ingest.readers.language import MIN_ENGLISH_PROB, english_probability
from ingest.readers.normalize import clean_inline, join_paragraphs, normalize_lines, paragraphs_from_lines
from ingest.readers.results import InputRejected, ReadWarning, Skipped


@dataclass(slots=True)
class Draft:
    """An article as a reader found it, before checks and normalisation."""

    source: str  # where, for reports: path, "path:line", "path#entry-N"
    body: str  # raw body text: paragraphs separated by blank lines
    title: str | None = None
    standfirst: str | None = None
    url: str | None = None
    author: str | None = None
    published: object = None  # date, datetime, struct_time or string; checked here
    outlet: str | None = None
    license: str | None = None
    origin: str | None = None  # Article.source: the file or feed it came from


@dataclass(frozen=True, slots=True)
class Checks:
    """Limits applied to every article."""

    max_article_chars: int = 200_000
    detect_language: bool = True


def clean_body(raw: str) -> str:
    """Article.text from a raw body: normalised whitespace, furniture dropped,
    paragraphs separated by one blank line."""
    return join_paragraphs(paragraphs_from_lines(strip_furniture(normalize_lines(raw))))


def _drop_repeated_title(text: str, title: str | None) -> str:
    """Pages often repeat the headline as the body's first paragraph."""
    if not title:
        return text
    first, _, rest = text.partition("\n\n")
    if first.casefold() == (clean_inline(title) or "").casefold():
        return rest
    return text


def finish(draft: Draft, checks: Checks) -> tuple[Article | Skipped, list[ReadWarning]]:
    text = _drop_repeated_title(clean_body(draft.body), draft.title)
    if not text:
        return Skipped(draft.source, results.EMPTY, "no article text (after removing page furniture)"), []
    if len(text) > checks.max_article_chars:
        return (
            Skipped(
                draft.source,
                results.TOO_LONG,
                f"{len(text):,} characters of text, over the {checks.max_article_chars:,} cap "
                "(GEOKG_MAX_ARTICLE_CHARS)",
            ),
            [],
        )
    if checks.detect_language:
        english = english_probability(text)
        if english is not None and english[0] < MIN_ENGLISH_PROB:
            return Skipped(draft.source, results.NON_ENGLISH, f"detected {english[1]}; only English is extracted"), []

    warnings: list[ReadWarning] = []
    published, problem = parse_date(draft.published)
    if problem is not None:
        warnings.append(ReadWarning(draft.source, problem[0], problem[1] + "; kept with no date"))

    url = canonical_url(draft.url)
    article = Article(
        id=article_id(url, text),
        text=text,
        url=url,
        title=clean_inline(draft.title),
        standfirst=clean_inline(draft.standfirst),
        outlet=clean_inline(draft.outlet) or outlet_from_url(url),
        author=clean_inline(draft.author),
        published=published,
        language="en",
        source=draft.origin,
        license=clean_inline(draft.license),
        fingerprint=fingerprint(text),
    )
    return article, warnings


def emit(draft: Draft | Skipped, checks: Checks) -> Iterator[Article | Skipped | ReadWarning]:
    """What a file reader yields for one draft: a Skipped as it is, else the
    draft's warnings and then its Article (or the Skipped the checks made)."""
    if isinstance(draft, Skipped):
        yield draft
        return
    result, warnings = finish(draft, checks)
    yield from warnings
    yield result


def article_from_text(
    text: str,
    url: str | None = None,
    title: str | None = None,
    published: date | str | None = None,
    *,
    author: str | None = None,
    standfirst: str | None = None,
    outlet: str | None = None,
    license: str | None = None,
    source: str | None = None,
    layout: bool = False,
    detect_language: bool = True,
    max_article_chars: int | None = None,
) -> Article:
    """One Article from a text given directly (the API's POST /v1/articles).

    `text` is the body; with `layout=True` it is read like a plain-text file
    instead (title, standfirst and byline at the top), and the arguments given
    here win over what the layout finds. A published date that cannot be read
    becomes None. Raises InputRejected (a ValueError) with the reason when the
    text is empty, too long or not English.
    """
    if max_article_chars is None:
        from ingest.settings import get_settings

        max_article_chars = get_settings().max_article_chars
    where = source or url or "<text>"
    if layout:
        from ingest.readers.text import draft_from_plain_text

        draft = draft_from_plain_text(text, where)
        draft.title = title or draft.title
        draft.url = url or draft.url
        draft.published = published or draft.published
        draft.author = author or draft.author
        draft.standfirst = standfirst or draft.standfirst
        draft.outlet = outlet
        draft.license = license
        draft.origin = source
    else:
        draft = Draft(
            source=where,
            body=text,
            title=title,
            standfirst=standfirst,
            url=url,
            author=author,
            published=published,
            outlet=outlet,
            license=license,
            origin=source,
        )
    result, _warnings = finish(draft, Checks(max_article_chars, detect_language))
    if isinstance(result, Skipped):
        raise InputRejected(result)
    return result
