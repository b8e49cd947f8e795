"""Claim files for a bulk import: one record per article, JSONL or Parquet.

A record is exactly what the loader writes for one article -- the parameter
rows of `graph.loader.plan_batch([extraction])`:

    {"article":  {id, url, title, standfirst, outlet, author, published, language,
                  source, license, extractor, extractor_version, text, fingerprint},
     "entities": [{id, name, kind, aliases, iso3, wikidata, source}, ...],
     "mentions": [{entity_id, count}, ...],
     "claims":   [graph.loader.claim_properties(claim), ...]}

so a bulk import from these files and an online load of the same extractions
build the same graph. (The claims JSONL of `geokg ingest --dry-run` is one
claim per line for reading; it lacks the mentions and the entities' kinds and
aliases, so it cannot rebuild the graph, and `read_records` says so.)

Dates are ISO strings in JSONL and `date32` in Parquet; `read_records` gives
`datetime.date` either way. Parquet needs pyarrow (the `geokg[ray]` extra).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from graph.models import Extraction
from graph.ontology import DEFAULT_FACT_MODALITIES, Modality, Polarity

Record = dict[str, Any]

ARTICLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("url", "string"), ("title", "string"), ("standfirst", "string"),
    ("outlet", "string"), ("author", "string"), ("published", "date"), ("language", "string"),
    ("source", "string"), ("license", "string"), ("extractor", "string"), ("extractor_version", "string"),
    ("text", "string"), ("fingerprint", "long[]"),
)  # fmt: skip
ENTITY_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("name", "string"), ("kind", "string"), ("aliases", "string[]"),
    ("iso3", "string"), ("wikidata", "string"), ("source", "string"),
)  # fmt: skip
CLAIM_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("article_id", "string"), ("type", "string"), ("subject_id", "string"),
    ("object_id", "string"), ("subject_text", "string"), ("subject_start", "long"), ("subject_end", "long"),
    ("object_text", "string"), ("object_start", "long"), ("object_end", "long"),
    ("trigger_text", "string"), ("trigger_start", "long"), ("trigger_end", "long"),
    ("sentence", "string"), ("sentence_index", "long"), ("polarity", "string"), ("modality", "string"),
    ("attributed_to", "string"), ("event_date", "date"), ("title", "string"), ("confidence", "double"),
    ("extractor", "string"), ("extractor_version", "string"), ("rule", "string"),
    ("event_date_precision", "string"), ("event_date_text", "string"), ("event_ongoing", "boolean"),
    ("location_id", "string"), ("location_text", "string"), ("location_start", "long"), ("location_end", "long"),
    ("sentence_key", "string"),
)  # fmt: skip
MENTION_FIELDS: tuple[tuple[str, str], ...] = (("entity_id", "string"), ("count", "long"))

_DATE_FIELDS = {"article": ("published",), "claims": ("event_date",)}


class NotARecordFile(ValueError):
    """A file that holds no article records (e.g. the claims JSONL of a dry run)."""


def record_of(extraction: Extraction) -> Record:
    """The article's record: the loader's own rows for it (validated by plan_batch,
    so a file never holds what a load would refuse)."""
    from graph.loader import plan_batch

    plan = plan_batch([extraction])
    return {
        "article": plan.articles[0],
        "entities": plan.entities,
        "mentions": [{"entity_id": m["entity_id"], "count": m["count"]} for m in plan.mentions],
        "claims": plan.claims,
    }


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to a record file")


def _parse_dates(record: Record) -> Record:
    for key in _DATE_FIELDS["article"]:
        value = record["article"].get(key)
        if isinstance(value, str):
            record["article"][key] = date.fromisoformat(value)
    for claim in record["claims"]:
        value = claim.get("event_date")
        if isinstance(value, str):
            claim["event_date"] = date.fromisoformat(value)
    return record


def _complete(record: Record) -> Record:
    """Fill what a record written before a claim field existed lacks, as the
    loader would store it (its sentence key, `event_ongoing` false)."""
    from graph.duplicates import sentence_key

    for claim in record["claims"]:
        if claim.get("sentence_key") is None and claim.get("sentence") is not None:
            claim["sentence_key"] = sentence_key(claim["sentence"])
        if claim.get("event_ongoing") is None:
            claim["event_ongoing"] = False
    return record


def _arrow_schema() -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "long": pa.int64(), "double": pa.float64(), "date": pa.date32(),
             "boolean": pa.bool_(), "string[]": pa.list_(pa.string()), "long[]": pa.list_(pa.int64())}  # fmt: skip

    def struct(fields: Sequence[tuple[str, str]]) -> Any:
        return pa.struct([(name, types[kind]) for name, kind in fields])

    return pa.schema(
        [
            ("article", struct(ARTICLE_FIELDS)),
            ("entities", pa.list_(struct(ENTITY_FIELDS))),
            ("mentions", pa.list_(struct(MENTION_FIELDS))),
            ("claims", pa.list_(struct(CLAIM_FIELDS))),
        ]
    )


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise RuntimeError(
            "Parquet claim files need pyarrow: pip install 'geokg[ray]' (or pyarrow), or use a .jsonl file"
        ) from e


class RecordWriter:
    """A pipeline sink that writes one record per article: Parquet when the path
    ends in .parquet, else JSONL. Each load() call is written whole (a Parquet
    row group, or its lines), so an interrupted run leaves whole articles."""

    def __init__(
        self, out: str | Path | IO[str], fact_modalities: Iterable[Modality | str] = DEFAULT_FACT_MODALITIES
    ) -> None:
        self._parquet: Any = None
        self._handle: IO[str] | None = None
        self._owns = False
        if isinstance(out, (str, Path)):
            self.path: Path | None = Path(out)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.suffix == ".parquet":
                _require_pyarrow()
                import pyarrow.parquet as pq

                self._parquet = pq.ParquetWriter(self.path, _arrow_schema())
            else:
                self._handle = self.path.open("w", encoding="utf-8")
                self._owns = True
        else:
            self.path = None
            self._handle = out
        self.name = str(self.path) if self.path else "records (stream)"
        self.fact_modalities = frozenset(Modality(m) for m in fact_modalities)
        self.records_written = 0
        self._fact_keys: set[tuple[str, str, str]] = set()

    def load(self, extractions: Sequence[Extraction]) -> Any:
        from graph.loader import LoadReport, fact_key

        records = [record_of(ex) for ex in extractions]  # raises InvalidExtraction like the loader
        new_facts = 0
        for ex in extractions:
            for claim in ex.claims:
                if claim.polarity == Polarity.AFFIRMED and Modality(claim.modality) in self.fact_modalities:
                    key = fact_key(claim.type, claim.subject_id, claim.object_id)
                    if key is not None and key not in self._fact_keys:
                        self._fact_keys.add(key)
                        new_facts += 1
        if records:
            if self._parquet is not None:
                import pyarrow as pa

                self._parquet.write_table(pa.Table.from_pylist(records, schema=self._parquet.schema))
            else:
                assert self._handle is not None
                lines = [json.dumps(r, ensure_ascii=False, default=_json_default) for r in records]
                self._handle.write("\n".join(lines) + "\n")
                self._handle.flush()
        self.records_written += len(records)
        return LoadReport(
            articles=len(records),
            entities=sum(len(r["entities"]) for r in records),
            claims=sum(len(r["claims"]) for r in records),
            mentions=sum(len(r["mentions"]) for r in records),
            fact_edges=new_facts,
            batches=1,
        )

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
        if self._owns and self._handle is not None and not self._handle.closed:
            self._handle.close()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise NotARecordFile(f"{path}:{number}: not JSON ({e})") from e
            if not isinstance(record, dict) or "article" not in record or "claims" not in record:
                hint = (
                    " It looks like the claims JSONL of a dry run (one claim per line), which lacks the"
                    " entities and mentions; write import files with `geokg ingest --dry-run --out-format"
                    " records --out FILE.jsonl` (or FILE.parquet)."
                    if isinstance(record, dict) and "subject_id" in record
                    else ""
                )
                raise NotARecordFile(f"{path}:{number}: not an article record.{hint}")
            yield _complete(_parse_dates(record))


def _read_parquet(path: Path) -> Iterator[Record]:
    _require_pyarrow()
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    if "article" not in parquet.schema_arrow.names:
        raise NotARecordFile(f"{path}: a Parquet file without article records (columns {parquet.schema_arrow.names})")
    for batch in parquet.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            yield _complete(record)


def read_records(paths: Iterable[str | Path]) -> Iterator[Record]:
    """The records of every file, in the order given (Parquet by suffix, else JSONL)."""
    for given in paths:
        path = Path(given)
        if not path.is_file():
            raise FileNotFoundError(f"claim file {path} does not exist")
        yield from (_read_parquet(path) if path.suffix == ".parquet" else _read_jsonl(path))


__all__ = [
    "ARTICLE_FIELDS",
    "CLAIM_FIELDS",
    "ENTITY_FIELDS",
    "NotARecordFile",
    "Record",
    "RecordWriter",
    "read_records",
    "record_of",
]
