"""`geokg watch`, `geokg changes` and `geokg contested`. Heavy imports happen
inside the commands so `geokg --help` stays fast.

`watch` exit codes: 0 after a graceful stop (SIGTERM, Ctrl-C) or the last of
`--rounds`; 2 when it cannot start (bad option, Neo4j not answering, no model).
"""

from __future__ import annotations

import json
import logging
import re
import signal
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import typer

EXIT_CANNOT_START = 2
DEFAULT_STATE = Path(".geokg") / "watch-state.sqlite"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """'15m', '30s', '1h', '2d' or plain seconds."""
    match = _DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"{text!r} is not a duration: use e.g. 30s, 15m, 1h or 2d")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"geokg watch: {message}", err=True)
    return typer.Exit(EXIT_CANNOT_START)


def watch(
    sources: list[str] = typer.Argument(..., help="RSS/Atom feed URLs (http/https) and folders to watch."),
    every: str = typer.Option("15m", "--every", help="Time between rounds: 30s, 15m, 1h..."),
    state: Path = typer.Option(
        DEFAULT_STATE, "--state", envvar="GEOKG_WATCH_STATE", help="The SQLite file of what each source last gave."
    ),
    rounds: int | None = typer.Option(None, "--rounds", min=1, help="Stop after this many rounds (default: never)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="No database: append the claims to --out."),
    out: Path | None = typer.Option(None, "--out", "-o", help="The claims JSONL file of a dry run."),
    min_interval: float = typer.Option(1.0, "--host-interval", min=0.0, help="Seconds between requests to one host."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for one HTTP answer."),
    ignore_robots: bool = typer.Option(False, "--ignore-robots", help="Do not read robots.txt (your own servers only)."),
    backoff: str = typer.Option("1m", "--backoff", help="A failing source's first wait; doubled per failure, at most 6h."),
) -> None:
    """Watch feeds and folders: every --every, ingest the new and changed articles."""
    from ingest.readers import Checks
    from ingest.settings import get_settings
    from ingest.watch.fetch import FetchSettings, PoliteClient
    from ingest.watch.sources import make_source
    from ingest.watch.state import WatchState
    from ingest.watch.watcher import Watcher

    seconds = parse_duration(every)
    backoff_base = parse_duration(backoff)
    if dry_run and out is None:
        raise _fail("--dry-run writes claims to a file: add --out claims.jsonl")
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%S",
    )  # fmt: skip
    # The watcher's own lines say what happened; the driver's schema notices
    # and httpx's line per request would drown them.
    for noisy in ("neo4j", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    settings = get_settings()
    watched = [make_source(s) for s in sources]
    client = PoliteClient(FetchSettings(timeout=timeout, min_interval=min_interval, respect_robots=not ignore_robots))
    store = WatchState(state)
    driver = None
    try:
        from ingest.extract import Extractor

        try:
            extractor = Extractor()
        except Exception as e:
            raise _fail(f"could not load the NLP pipeline: {e}") from e
        status_writer = None
        if dry_run:
            from ingest.pipeline import ClaimsJsonlWriter

            assert out is not None
            sink: Any = ClaimsJsonlWriter(out.open("a", encoding="utf-8"))
        else:
            driver, database = _connect()
            from graph.loader import Loader

            sink = Loader(driver, database=database, batch_size=settings.batch_size)
            status_writer = _status_writer(driver, database)
        watcher = Watcher(
            watched, store, extractor, sink, client,
            checks=Checks(settings.max_article_chars), batch_size=settings.batch_size, status_writer=status_writer,
            backoff_base=backoff_base,
        )  # fmt: skip
        _stop_on_signals(watcher)
        logging.getLogger("geokg.watch").info(
            "watching %d sources every %s; state in %s", len(watched), every, state.resolve()
        )
        watcher.run(seconds, rounds=rounds)
    finally:
        store.close()
        client.close()
        if driver is not None:
            driver.close()


def _stop_on_signals(watcher: Any) -> None:
    def handler(signum: int, _frame: Any) -> None:
        logging.getLogger("geokg.watch").info(
            "%s: stopping after the current article (again to stop at once)", signal.Signals(signum).name
        )
        watcher.stop()
        signal.signal(signum, signal.SIG_DFL)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, handler)


def _connect() -> tuple[Any, str]:
    from graph.driver import create_driver, verify
    from graph.errors import GraphError
    from graph.schema import ensure_schema
    from graph.settings import get_settings

    settings = get_settings()
    try:
        driver = create_driver(settings)
        verify(driver, settings)
        ensure_schema(driver, settings.database)
    except GraphError as e:
        raise _fail(f"{e}; or use --dry-run --out claims.jsonl to extract without a database") from e
    except Exception as e:
        raise _fail(
            f"cannot connect to Neo4j at {settings.effective_uri}: {e} "
            "(start it with `geokg neo4j start`, or set NEO4J_URI and NEO4J_PASSWORD)"
        ) from e
    return driver, settings.database


def status_rows(sources: list[Any]) -> list[dict[str, Any]]:
    """The state's SourceStates as rows for graph.changes.write_watched_sources."""

    def when(ts: float | None) -> datetime | None:
        return datetime.fromtimestamp(ts, tz=UTC) if ts else None

    return [
        {"source": s.source, "last_success": when(s.last_success), "last_error": s.last_error,
         "last_error_at": when(s.last_error_at), "failures": s.failures, "next_try": when(s.next_try)}  # fmt: skip
        for s in sources
    ]


def _status_writer(driver: Any, database: str) -> Any:
    from graph.changes import write_watched_sources

    return lambda sources: write_watched_sources(driver, database, status_rows(sources))


# --- reads ---------------------------------------------------------------------


def _print(data: Any, as_json: bool, lines: list[str]) -> None:
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        typer.echo("\n".join(lines) if lines else "(nothing)")


def changes(
    since: datetime = typer.Option(..., "--since", help="ISO date or datetime (UTC when no zone is given)."),
    entity: str | None = typer.Option(None, "--entity", help="Only edges touching this entity id."),
    limit: int = typer.Option(200, "--limit", min=1, max=1000),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """New and changed fact edges and new entities since a time, with their newest evidence."""
    from graph.changes import read_changes
    from ingest.cli.graph_read import read_graph

    result = read_graph(lambda driver, db: read_changes(driver, db, since, entity=entity, limit=limit))
    lines = []
    for e in result.edges:
        lines.append(f"{e.change:7} {e.subject.name} -{e.type}-> {e.object.name}  ({e.claims} claims, "
                     f"{e.articles} articles; updated {e.updated_at:%Y-%m-%d %H:%M:%S})")  # fmt: skip
        if e.evidence is not None:
            outlet = e.article.outlet if e.article else None
            lines.append(f"        newest: \"{e.evidence.sentence}\" ({outlet or '?'})")
    for n in result.entities:
        lines.append(f"entity  {n.entity.name} [{n.entity.kind}] {n.entity.id}")
    _print(result.model_dump(mode="json"), as_json, lines)


def contested(
    entity: str | None = typer.Option(None, "--entity", help="Only claims about this entity id."),
    pair: str | None = typer.Option(None, "--pair", help="Two entity ids, comma-separated."),
    type: str | None = typer.Option(None, "--type", help="One relation type."),
    since: datetime | None = typer.Option(None, "--since", help="The later article on or after this date."),
    until: datetime | None = typer.Option(None, "--until", help="The later article on or before this date."),
    limit: int = typer.Option(100, "--limit", min=1, max=1000),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Contested claims: one source's fact, another's denial, allegation or other date."""
    from graph.changes import read_contested
    from graph.cypher.read import parse_relation_types
    from graph.errors import InvalidQuery
    from ingest.cli.graph_read import read_graph

    try:
        names = parse_relation_types([type or ""])
    except InvalidQuery as e:
        raise typer.BadParameter(str(e)) from e
    ids = tuple(p.strip() for p in pair.split(",")) if pair else None
    if ids is not None and (len(ids) != 2 or not all(ids)):
        raise typer.BadParameter("--pair: two entity ids separated by a comma, e.g. RUS,UKR")
    filters = {"entity": entity, "pair": ids, "type": names[0] if names else None, "limit": limit,
               "since": _day(since), "until": _day(until)}  # fmt: skip
    rows = read_graph(lambda driver, db: read_contested(driver, db, **filters))
    lines = []
    for c in rows:
        lines.append(f"{c.kind}: {c.subject.name} -{c.type}-> {c.object.name}")
        for label, side in (("claimed  ", c.claimed), ("contested", c.contested)):
            who = f", according to {side.attributed_to.name}" if side.attributed_to else ""
            lines.append(f"  {label} [{side.claim.polarity}/{side.claim.modality}] \"{side.claim.sentence}\"")
            lines.append(f"            {side.article.outlet or '?'}, {side.article.published or 'undated'}: "
                         f"{side.article.title or side.article.url or side.article.id}{who}")  # fmt: skip
    _print([c.model_dump(mode="json") for c in rows], as_json, lines)


def _day(moment: datetime | None) -> date | None:
    return moment.date() if moment else None


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
    app.command("changes")(changes)
    app.command("contested")(contested)
