"""HTML pages: trafilatura finds the main text and the metadata (title, author,
date, canonical URL, site name). A page where it finds no main text (no body,
a login wall, an index page) is skipped with that reason."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from graph.models import Article
from ingest.readers import results
from ingest.readers.build import Checks, Draft, emit
from ingest.readers.files import read_bytes
from ingest.readers.results import ReadWarning, Skipped


def draft_from_html(html: bytes | str, source: str, origin: str | None = None, url: str | None = None) -> Draft | Skipped:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            # The page's own date only: no guessing from arbitrary text.
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": date.today().isoformat(),
            },
        )
    except Exception as e:  # trafilatura/lxml raise many types on broken markup
        return Skipped(source, results.NO_MAIN_TEXT, f"the HTML could not be parsed: {type(e).__name__}: {e}")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return Skipped(source, results.NO_MAIN_TEXT, "no main text found in the HTML (no body, or only navigation)")
    # trafilatura puts one paragraph per line; Article.text separates paragraphs by a blank line.
    body = "\n\n".join(line for line in text.split("\n"))
    return Draft(
        source=source,
        body=body,
        title=doc.title,
        standfirst=doc.description,
        url=doc.url or url,
        author=doc.author,
        published=doc.date,
        outlet=doc.sitename,
        license=doc.license,
        origin=origin,
    )


def read_html_file(path: Path, max_file_bytes: int, checks: Checks) -> Iterator[Article | Skipped | ReadWarning]:
    data = read_bytes(path, max_file_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    # trafilatura reads the page's declared charset itself, so it gets bytes.
    yield from emit(draft_from_html(data, str(path), origin=str(path)), checks)
