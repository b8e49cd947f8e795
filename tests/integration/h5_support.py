"""Builders and graph snapshots shared by the loader, schema and reference tests
(H5). Small hand-written sentences only; nothing from ../shared."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import Driver

from graph.models import Article, Claim, Entity, Extraction, Mention
from graph.ontology import EntityKind, Modality, Polarity

AZE = Entity("AZE", "Azerbaijan", EntityKind.COUNTRY, aliases=("Azeri",), iso3="AZE")
ISR = Entity("ISR", "Israel", EntityKind.COUNTRY, iso3="ISR")
IRN = Entity("IRN", "Iran", EntityKind.COUNTRY, aliases=("Islamic Republic of Iran",), iso3="IRN")
BAKU = Entity("Q9248", "Baku", EntityKind.CITY, wikidata="Q9248")
ALIYEV = Entity("ilham-aliyev", "Ilham Aliyev", EntityKind.PERSON)


def claim(
    article_id: str,
    rtype: str,
    subject: Entity,
    obj: Entity,
    at: int,
    *,
    polarity: Polarity = Polarity.AFFIRMED,
    modality: Modality = Modality.ASSERTED,
    confidence: float = 0.5,
    attributed_to: str | None = None,
    event_date: date | None = None,
    version: str = "1",
) -> Claim:
    """A claim whose spans start at `at` (which also makes its id distinct)."""
    return Claim(
        article_id=article_id,
        type=rtype,
        subject_id=subject.id,
        object_id=obj.id,
        subject_text=subject.name,
        subject_start=at,
        subject_end=at + len(subject.name),
        object_text=obj.name,
        object_start=at + 40,
        object_end=at + 40 + len(obj.name),
        trigger_text="trigger",
        trigger_start=at + 20,
        trigger_end=at + 27,
        sentence=f"{subject.name} ... {obj.name} (sentence {at // 100}).",
        sentence_index=at // 100,
        polarity=polarity,
        modality=modality,
        attributed_to=attributed_to,
        event_date=event_date,
        confidence=confidence,
        extractor="geokg-rules",
        extractor_version=version,
        rule="test",
    )


def extraction(
    article_id: str,
    claims: list[Claim],
    entities: list[Entity],
    *,
    outlet: str = "Example Times",
    published: date = date(2022, 12, 16),
    mentions: dict[str, int] | None = None,
) -> Extraction:
    article = Article(
        id=article_id,
        text="(test article)",
        url=article_id,
        title=f"Title of {article_id}",
        outlet=outlet,
        author="A. Writer",
        published=published,
        source="test",
        license="CC0",
    )
    counts = mentions if mentions is not None else {e.id: 1 for e in entities}
    ms = [
        Mention(entity_id=eid, text=eid, start=i * 10, end=i * 10 + 3, rule="exact", sentence_index=0)
        for eid, n in counts.items()
        for i in range(n)
    ]
    return Extraction(article=article, entities={e.id: e for e in entities}, mentions=ms, claims=claims)


def wipe(driver: Driver, database: str) -> None:
    with driver.session(database=database) as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def counts(driver: Driver, database: str) -> dict[str, int]:
    """Every label and relationship type with its count, plus property totals
    that a changed MERGE would move."""
    with driver.session(database=database) as s:
        out: dict[str, int] = {}
        for r in s.run("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n"):
            out[f"label:{r['l']}"] = r["n"]
        for r in s.run("MATCH ()-[r]->() RETURN type(r) AS t, coalesce(r.source, '') AS src, count(*) AS n"):
            out[f"rel:{r['t']}:{r['src']}"] = r["n"]
        rec = s.run(
            "MATCH (e:Entity) RETURN sum(size(coalesce(e.aliases, []))) AS aliases"
        ).single()
        out["aliases"] = rec["aliases"] or 0
        return out


def fact_edges(driver: Driver, database: str, source: str = "article") -> dict[tuple[str, str, str], dict[str, Any]]:
    with driver.session(database=database) as s:
        rows = s.run(
            "MATCH (a:Entity)-[f]->(b:Entity) WHERE f.source = $source "
            "RETURN type(f) AS t, a.id AS a, b.id AS b, properties(f) AS p",
            source=source,
        )
        return {(r["t"], r["a"], r["b"]): dict(r["p"]) for r in rows}

