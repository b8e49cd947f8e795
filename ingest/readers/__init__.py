"""Readers: files, directories, globs and texts to `Article`s.

Every reader yields `Article | Skipped` (and, when asked, `ReadWarning`); bad
input becomes a Skipped with a reason and never stops a batch.

    from ingest.readers import read_paths, Skipped
    for result in read_paths(["corpus/"], fmt="auto"):
        ...

Article.text is the body only (title and standfirst are separate fields), so
character offsets from the NLP index into Article.text.
"""

from __future__ import annotations

from ingest.readers.build import Checks, Draft, article_from_text, clean_body
from ingest.readers.dates import parse_date
from ingest.readers.detect import FORMATS, detect_format
from ingest.readers.ids import article_id, canonical_url, outlet_from_url, text_hash
from ingest.readers.jsonl import JsonlFields
from ingest.readers.paths import Deduper, expand_paths, read_file, read_paths
from ingest.readers.results import InputRejected, ReadResult, ReadWarning, Skipped

__all__ = [
    "FORMATS",
    "Checks",
    "Deduper",
    "Draft",
    "InputRejected",
    "JsonlFields",
    "ReadResult",
    "ReadWarning",
    "Skipped",
    "article_from_text",
    "article_id",
    "canonical_url",
    "clean_body",
    "detect_format",
    "expand_paths",
    "outlet_from_url",
    "parse_date",
    "read_file",
    "read_paths",
    "text_hash",
]
