"""neo4j-admin import CSV files from article records and the reference backbone.

A first pass over the records reads the articles' fingerprints and finds the
near-duplicates (they decide what counts as one story); a second streams the
article, claim and provenance files. The entities (updated by every batch),
the text bands and the fact edges (aggregated over all claims) are held in
memory -- a few hundred bytes per entity and per (type, pair), plus a key per
distinct supporting sentence and story of each edge -- and written at the end.
See `graph.bulk.aggregate` for the loader rules this replays. Everything the
loader stamps with datetime() gets the import's time (`import_stamp`).

Format: header `name:type`; strings always quoted ("" is an empty string, an
empty unquoted field is null, i.e. no property, as the loader never stores a
null); arrays joined by ARRAY_DELIMITER; fields may span lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO, Any

from graph import duplicates
from graph.bulk.aggregate import DuplicateFinder, EntityTable, FactAggregator, reference_edge_props
from graph.bulk.records import ARTICLE_FIELDS, CLAIM_FIELDS, Record
from graph.cypher.write import ASSERTS, ATTRIBUTED_TO, IN_BAND, MENTIONS, OBJECT, SUBJECT

# Unit separator: never part of a name a reader produced (records holding it are refused).
ARRAY_DELIMITER = "\x1f"
ADMIN_ARRAY_DELIMITER = "U+001F"  # how neo4j-admin's --array-delimiter names it


class BadRecord(ValueError):
    """A record the import cannot write as the loader would (a duplicate article...)."""


def import_stamp() -> str:
    """The write stamp of everything the import creates (`created_at`, and a fact
    edge's `updated_at`): the import's time, UTC, as the loader's datetime()."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return _quote(ARRAY_DELIMITER.join(_check(str(v)) for v in value))
    return _quote(_check(str(value)))


def _check(text: str) -> str:
    if ARRAY_DELIMITER in text:
        raise BadRecord(f"a value holds the control character U+001F, which the import uses between array items: {text[:80]!r}")
    return text


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, date):
        return "date"
    if isinstance(value, (list, tuple)):
        return "string[]"
    return "string"


class CsvFile:
    """One import file with a fixed header; rows are written as they come."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        self.path = path
        self.rows = 0
        self._handle: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._handle.write(",".join(header) + "\n")

    def write(self, values: Iterable[Any]) -> None:
        self._handle.write(",".join(_field(v) for v in values) + "\n")
        self.rows += 1

    def close(self) -> None:
        self._handle.close()


def _typed_header(fields: Sequence[tuple[str, str]], id_space: str | None) -> list[str]:
    return [f"id:ID({id_space})" if name == "id" and id_space else f"{name}:{kind}" for name, kind in fields]


@dataclass(slots=True)
class ImportFiles:
    """The files written and what they hold; `nodes` and `relationships` are
    neo4j-admin's --nodes / --relationships arguments."""

    directory: Path
    nodes: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # Entity ids by array property that is [] for them: an empty CSV field is
    # no property, so these are set after the import (the loader stores []).
    empty_arrays: dict[str, list[str]] = field(default_factory=dict)

    @property
    def claims(self) -> int:
        return self.counts.get("claims", 0)

    @property
    def articles(self) -> int:
        return self.counts.get("articles", 0)


def _batched(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_import_files(
    records: Callable[[], Iterable[Record]], directory: Path, *, batch_size: int, reference: bool = True
) -> ImportFiles:
    """Write the node and relationship files of the graph the online loader
    would build from the records, loaded `batch_size` articles per transaction
    after the reference backbone (when `reference`). `records()` gives them, and
    is called twice: the near-duplicates, which decide what counts as one story
    in every fact edge, are found over all articles before the claims are read."""
    directory.mkdir(parents=True, exist_ok=True)
    files = ImportFiles(directory)
    entities = EntityTable()
    facts = FactAggregator()
    stamp = import_stamp()
    found = DuplicateFinder()
    for record in records():
        found.add(record["article"]["id"], record["article"].get("fingerprint"))
    reference_rows: dict[str, list[dict[str, Any]]] = {}
    if reference:
        from graph.reference import reference_rows as backbone

        reference_rows = backbone()
        for row in reference_rows["countries"] + reference_rows["cities"]:
            entities.add_reference(row)

    def open_file(name: str, header: Sequence[str]) -> CsvFile:
        return CsvFile(directory / f"{name}.csv", header)

    articles = open_file("articles", _typed_header((*ARTICLE_FIELDS, ("duplicates", "string[]")), "Article"))
    claims = open_file("claims", [*_typed_header(CLAIM_FIELDS, "Claim"), "created_at:datetime"])
    links = {
        ASSERTS: open_file("asserts", [":START_ID(Article)", ":END_ID(Claim)"]),
        SUBJECT: open_file("subject", [":START_ID(Claim)", ":END_ID(Entity)"]),
        OBJECT: open_file("object", [":START_ID(Claim)", ":END_ID(Entity)"]),
        ATTRIBUTED_TO: open_file("attributed_to", [":START_ID(Claim)", ":END_ID(Entity)"]),
        MENTIONS: open_file("mentions", [":START_ID(Article)", ":END_ID(Entity)", "count:long"]),
        IN_BAND: open_file("in_band", [":START_ID(Article)", ":END_ID(TextBand)"]),
    }
    seen_articles: set[str] = set()
    try:
        for batch in _batched(records(), batch_size):
            entities.upsert_batch(batch)
            for record in batch:
                article = record["article"]
                if article["id"] in seen_articles:
                    raise BadRecord(
                        f"article {article['id']} is in the claim files twice; a bulk import takes each "
                        "article once (keep the newer record, or load re-extractions with `geokg ingest`)"
                    )
                seen_articles.add(article["id"])
                copies = found.of(article["id"])
                articles.write([*(article.get(name) for name, _ in ARTICLE_FIELDS), copies or None])
                if article.get("fingerprint"):
                    for key in duplicates.band_keys(article["fingerprint"]):
                        links[IN_BAND].write((article["id"], key))
                for claim in _unique_claims(record["claims"]):
                    claims.write([*(claim.get(name) for name, _ in CLAIM_FIELDS), stamp])
                    links[ASSERTS].write((article["id"], claim["id"]))
                    links[SUBJECT].write((claim["id"], claim["subject_id"]))
                    links[OBJECT].write((claim["id"], claim["object_id"]))
                    if claim.get("attributed_to") and claim["attributed_to"] in entities:
                        links[ATTRIBUTED_TO].write((claim["id"], claim["attributed_to"]))
                    facts.add(claim, article, copies)
                for mention in record["mentions"]:
                    links[MENTIONS].write((article["id"], mention["entity_id"], mention["count"]))
    finally:
        for f in (articles, claims, *links.values()):
            f.close()
    bands = open_file("text_bands", ["key:ID(TextBand)"])
    try:
        for key in found.bands:
            bands.write((key,))
    finally:
        bands.close()
    files.nodes += [f"Article={articles.path}", f"Claim={claims.path}", f"TextBand={bands.path}"]
    files.relationships += [f"{name}={f.path}" for name, f in links.items()]
    files.counts.update(articles=articles.rows, claims=claims.rows)
    files.counts.update({name.lower(): f.rows for name, f in links.items()})

    files.counts["text_bands"] = bands.rows
    files.nodes.append(_write_entities(entities, directory / "entities.csv", files.empty_arrays, stamp))
    files.counts["entities"] = len(entities.nodes)
    edges = open_file("fact_edges", _fact_header())
    try:
        for (rtype, a, b), props in facts.edges():
            edges.write((a, b, rtype, *(props.get(name) for name, _ in _FACT_FIELDS), stamp, stamp))
        for name in ("CAPITAL_OF", "BORDERS"):
            props = reference_edge_props(name)
            for row in reference_rows.get(name, []):
                # Reference edges carry no write stamps (UPSERT_REFERENCE_EDGES sets none).
                edges.write((row["a"], row["b"], name, *(props.get(n) for n, _ in _FACT_FIELDS), None, None))
    finally:
        edges.close()
    files.relationships.append(str(edges.path))
    files.counts["fact_edges"] = len(facts)
    files.counts["reference_edges"] = edges.rows - len(facts)
    return files


def _unique_claims(rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    # plan_batch already keeps one row per claim id; a hand-made file may not.
    seen: set[str] = set()
    for row in rows:
        if row["id"] not in seen:
            seen.add(row["id"])
            yield row


_FACT_FIELDS: tuple[tuple[str, str], ...] = (
    ("source", "string"), ("claims", "long"), ("sentences", "long"), ("articles", "long"), ("outlets", "long"),
    ("first_seen", "date"), ("last_seen", "date"), ("date_source", "string"), ("confidence", "double"), ("sign", "double"),
    ("cameo", "string"), ("plover", "string"), ("tier", "string"), ("symmetric", "boolean"),
)  # fmt: skip


def _fact_header() -> list[str]:
    return [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", *(f"{n}:{t}" for n, t in _FACT_FIELDS),
            "created_at:datetime", "updated_at:datetime"]  # fmt: skip


def _write_entities(entities: EntityTable, path: Path, empty_arrays: dict[str, list[str]], stamp: str) -> str:
    types: dict[str, str] = {}
    for node in entities.nodes.values():
        for key, value in node.props.items():
            kind = _type_of(value)
            if types.setdefault(key, kind) != kind:
                if {types[key], kind} == {"long", "double"}:
                    types[key] = "double"
                else:
                    raise BadRecord(f"entity property {key!r} holds both {types[key]} and {kind} values")
    names = ["id", *sorted(k for k in types if k != "id")]
    header = ["id:ID(Entity)", ":LABEL", *(f"{n}:{types[n]}" for n in names[1:]), "created_at:datetime"]
    out = CsvFile(path, header)
    try:
        for node in entities.nodes.values():
            out.write((node.props["id"], list(node.labels), *(node.props.get(n) for n in names[1:]), stamp))
            for key, value in node.props.items():
                if isinstance(value, (list, tuple)) and not value:
                    empty_arrays.setdefault(key, []).append(node.props["id"])
    finally:
        out.close()
    return str(path)


__all__ = ["ADMIN_ARRAY_DELIMITER", "BadRecord", "ImportFiles", "write_import_files"]
