"""Analytics against the real Neo4j: the pull honours every filter, and the
measures on small stored graphs match what the graphs were built to show."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from analytics_support import countries, create_entities, create_fact, two_blocs

from graph.analytics import SubgraphFilter, balance, centrality, communities
from graph.analytics.pull import afetch_subgraph, fetch_subgraph
from graph.driver import create_async_driver
from graph.settings import get_settings

pytestmark = pytest.mark.neo4j


@pytest.fixture
def db(clean_db, neo4j_driver) -> str:  # noqa: ANN001
    return get_settings().database


def edges(g) -> set[tuple[str, str, str]]:  # noqa: ANN001
    return {(u, d["type"], v) for u, v, d in g.edges(data=True)}


def test_star_centre_is_most_central_undirected(neo4j_driver, db) -> None:  # noqa: ANN001
    countries(neo4j_driver, db, ["HUB", "L01", "L02", "L03", "L04", "L05"])
    for leaf in ["L01", "L02", "L03", "L04", "L05"]:
        create_fact(neo4j_driver, db, "HUB", "MEETS_WITH", leaf, claims=2, articles=1)
    create_fact(neo4j_driver, db, "L01", "TRADES_WITH", "L02")
    g = fetch_subgraph(neo4j_driver, SubgraphFilter.build(), db)
    r = centrality(g, limit=6, sort_by="strength")
    assert r.node_count == 6 and r.edge_count == 6
    top = r.nodes[0]
    assert (top.id, top.name, top.kind, top.iso3, top.degree, top.strength) == ("HUB", "State HUB", "Country", "HUB", 5, 10)
    assert top.betweenness == max(n.betweenness for n in r.nodes) and top.betweenness > 0.8
    assert all(n.betweenness == 0.0 for n in r.nodes[1:])
    assert all(e.subject == "HUB" and e.type == "MEETS_WITH" and e.claims == 2 for e in top.edges)


def test_two_blocs_communities_and_balance(neo4j_driver, db) -> None:  # noqa: ANN001
    two_blocs(neo4j_driver, db)
    g = fetch_subgraph(neo4j_driver, SubgraphFilter.build(), db)
    c = communities(g, seed=3)
    assert sorted(sorted(m.id for m in x.members) for x in c.communities) == [["AAA", "BBB", "CCC"], ["DDD", "EEE", "FFF"]]
    b = balance(g)
    assert b.patterns == {"+++": 2, "+--": 1, "++-": 0, "---": 0}
    assert (b.balanced_count, b.unbalanced_count, b.frustration) == (3, 0, 0)
    assert sorted(x.members for x in b.blocs) == [["AAA", "BBB", "CCC"], ["DDD", "EEE", "FFF"]]
    assert {(e.a, e.c) for e in b.enemy_of_enemy} == set()  # AAA and BBB, DDD's enemies, are allies
    strongest = b.dyads[0]
    assert (strongest.a, strongest.b, strongest.net) == ("AAA", "DDD", pytest.approx(-18.6))
    assert [(e.subject, e.type, e.object, e.claims, e.articles) for e in strongest.edges] == [("AAA", "ATTACKS", "DDD", 2, 2)]


def test_unbalanced_triangle_from_stored_edges(neo4j_driver, db) -> None:  # noqa: ANN001
    countries(neo4j_driver, db, ["XXX", "YYY", "ZZZ"])
    create_fact(neo4j_driver, db, "XXX", "ALLIED_WITH", "YYY")
    create_fact(neo4j_driver, db, "YYY", "SUPPORTS", "ZZZ")
    create_fact(neo4j_driver, db, "ZZZ", "THREATENS", "XXX", claims=4)
    b = balance(fetch_subgraph(neo4j_driver, SubgraphFilter.build(), db))
    assert b.unbalanced_count == 1 and b.patterns["++-"] == 1
    (t,) = b.unbalanced_triangles
    assert t.nodes == ("XXX", "YYY", "ZZZ")
    assert {(e.subject, e.type, e.object) for d in t.dyads for e in d.edges} == {
        ("XXX", "ALLIED_WITH", "YYY"), ("YYY", "SUPPORTS", "ZZZ"), ("ZZZ", "THREATENS", "XXX")
    }


def test_filters_types_window_evidence_kinds_reference(neo4j_driver, db) -> None:  # noqa: ANN001
    countries(neo4j_driver, db, ["AAA", "BBB", "CCC"])
    create_entities(neo4j_driver, db, [("gx", "Group X", "Group", None), ("ccc-city", "Capital C", "City", None)])
    create_fact(neo4j_driver, db, "AAA", "ATTACKS", "BBB", claims=5, articles=3,
                first_seen=date(2019, 3, 1), last_seen=date(2019, 6, 30))
    create_fact(neo4j_driver, db, "AAA", "NEGOTIATES_WITH", "CCC", claims=1, articles=1,
                first_seen=date(2020, 2, 1), last_seen=date(2020, 2, 1))
    create_fact(neo4j_driver, db, "gx", "ATTACKS", "CCC", claims=2, articles=2,
                first_seen=date(2020, 1, 10), last_seen=date(2020, 1, 20))
    create_fact(neo4j_driver, db, "AAA", "BORDERS", "BBB", source="reference")
    create_fact(neo4j_driver, db, "ccc-city", "CAPITAL_OF", "CCC", source="reference")

    def pull(**kw) -> set[tuple[str, str, str]]:  # noqa: ANN003
        return edges(fetch_subgraph(neo4j_driver, SubgraphFilter.build(**kw), db))

    article_edges = {("AAA", "ATTACKS", "BBB"), ("AAA", "NEGOTIATES_WITH", "CCC"), ("gx", "ATTACKS", "CCC")}
    assert pull() == article_edges
    assert pull(include_reference=True) == article_edges | {("AAA", "BORDERS", "BBB"), ("ccc-city", "CAPITAL_OF", "CCC")}
    assert pull(types=["ATTACKS"]) == {("AAA", "ATTACKS", "BBB"), ("gx", "ATTACKS", "CCC")}
    assert pull(since=date(2020, 1, 1)) == {("AAA", "NEGOTIATES_WITH", "CCC"), ("gx", "ATTACKS", "CCC")}
    assert pull(until=date(2019, 12, 31)) == {("AAA", "ATTACKS", "BBB")}
    assert pull(since=date(2019, 6, 30), until=date(2020, 1, 10)) == {("AAA", "ATTACKS", "BBB"), ("gx", "ATTACKS", "CCC")}
    assert pull(min_articles=2) == {("AAA", "ATTACKS", "BBB"), ("gx", "ATTACKS", "CCC")}
    assert pull(min_claims=3) == {("AAA", "ATTACKS", "BBB")}
    assert pull(kinds=["Country"]) == {("AAA", "ATTACKS", "BBB"), ("AAA", "NEGOTIATES_WITH", "CCC")}
    # The backbone is not held to the evidence floor, but still to the kinds.
    assert pull(include_reference=True, min_articles=3, kinds=["Country"]) == {
        ("AAA", "ATTACKS", "BBB"), ("AAA", "BORDERS", "BBB")
    }

    g = fetch_subgraph(neo4j_driver, SubgraphFilter.build(), db)
    d = g.get_edge_data("AAA", "BBB")["ATTACKS"]
    assert (d["claims"], d["articles"], d["first_seen"], d["last_seen"], d["goldstein"]) == (5, 3, "2019-03-01", "2019-06-30", -9.3)
    assert g.nodes["gx"]["kind"] == "Group" and g.nodes["AAA"]["iso3"] == "AAA"


def test_loader_graph_is_analysed(neo4j_driver, db) -> None:  # noqa: ANN001
    """Through H5's loader: a symmetric FIGHTS claim in either direction is one
    edge, negated claims are no edges, so no triangle is invented."""
    from graph.loader import Loader
    from graph.models import Article, Claim, Entity, Extraction
    from graph.ontology import EntityKind, Polarity

    ents = {e.id: e for e in (
        Entity("ARM", "Armenia", EntityKind.COUNTRY, iso3="ARM"),
        Entity("AZE", "Azerbaijan", EntityKind.COUNTRY, iso3="AZE"),
        Entity("TUR", "Turkey", EntityKind.COUNTRY, iso3="TUR"),
    )}
    url = "https://example.org/analytics/1"

    def c(t: str, s: str, o: str, at: int, polarity: Polarity = Polarity.AFFIRMED) -> Claim:
        return Claim(url, t, s, o, s, at, at + 3, o, at + 10, at + 13, "verb", at + 5, at + 9,
                     f"{s} verb {o}.", at // 100, polarity=polarity)

    ex = Extraction(
        article=Article(id=url, text="(test)", url=url, title="t", outlet="Example", published=date(2020, 10, 1)),
        entities=ents,
        claims=[
            c("FIGHTS", "ARM", "AZE", 0),
            c("FIGHTS", "AZE", "ARM", 100),
            c("SUPPLIES_ARMS", "TUR", "AZE", 200),
            c("ATTACKS", "TUR", "ARM", 300, polarity=Polarity.NEGATED),
        ],
    )
    Loader(neo4j_driver, database=db).load([ex])
    g = fetch_subgraph(neo4j_driver, SubgraphFilter.build(), db)
    assert edges(g) == {("ARM", "FIGHTS", "AZE"), ("TUR", "SUPPLIES_ARMS", "AZE")}
    assert g.get_edge_data("ARM", "AZE")["FIGHTS"]["claims"] == 2
    b = balance(g)
    assert (b.positive_dyads, b.negative_dyads, b.triangle_count) == (1, 1, 0)
    assert [(e.a, e.c, e.ac_sign) for e in b.enemy_of_enemy] == []


def test_async_pull_matches_sync(neo4j_driver, db) -> None:  # noqa: ANN001
    two_blocs(neo4j_driver, db)
    flt = SubgraphFilter.build(types=["ATTACKS", "ALLIED_WITH"], min_claims=2)

    async def pull():  # noqa: ANN202
        driver = create_async_driver(get_settings())
        try:
            return await afetch_subgraph(driver, flt, db)
        finally:
            await driver.close()

    ag = asyncio.run(pull())
    assert edges(ag) == edges(fetch_subgraph(neo4j_driver, flt, db))
    assert ("BBB", "ATTACKS", "DDD") not in edges(ag) and len(edges(ag)) == 7


def test_cli_analytics_prints_rankings_and_refuses_bad_types(neo4j_driver, db) -> None:  # noqa: ANN001
    import json

    from typer.testing import CliRunner

    from api.cli import app

    two_blocs(neo4j_driver, db)
    out = CliRunner().invoke(app, ["analytics", "balance", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["patterns"] == {"+++": 2, "+--": 1, "++-": 0, "---": 0}
    out = CliRunner().invoke(app, ["analytics", "centrality", "--by", "degree", "--limit", "1"])
    assert out.exit_code == 0 and "State DDD" in out.output.splitlines()[-1]  # degree 4
    bad = CliRunner().invoke(app, ["analytics", "centrality", "--type", "INVADES"])
    assert bad.exit_code != 0 and "unknown relation type" in bad.output
