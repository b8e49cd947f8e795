"""The pure analytics functions on hand-built graphs whose answers are known
by construction (no database)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from graph.analytics import SubgraphFilter, add_entity, add_fact, balance, centrality, communities, new_graph
from graph.analytics.centrality import directed_pagerank
from graph.analytics.network import directed, dyads, graph_from_records
from graph.errors import InvalidQuery
from graph.ontology import RELATION_TYPES


def star(leaves: int = 4, claims: int = 2) -> nx.MultiDiGraph:
    g = new_graph()
    for i in range(leaves):
        add_fact(g, "HUB", "MEETS_WITH", f"L{i}", claims=claims)
    return g


def two_blocs() -> nx.MultiDiGraph:
    """Two allied triangles (A*, B*) and two attacks from A1, A2 on B1."""
    g = new_graph()
    for x, y in [("A1", "A2"), ("A2", "A3"), ("A1", "A3"), ("B1", "B2"), ("B2", "B3"), ("B1", "B3")]:
        add_fact(g, x, "ALLIED_WITH", y, claims=3)
    add_fact(g, "A1", "ATTACKS", "B1", claims=2)
    add_fact(g, "A2", "ATTACKS", "B1", claims=1)
    return g


# --- filters ---------------------------------------------------------------------


def test_filter_defaults_to_every_type_without_reference() -> None:
    f = SubgraphFilter.build()
    assert set(f.types) == set(RELATION_TYPES)
    assert f.include_reference is False
    assert f.describe()["types"] is None


def test_filter_accepts_comma_lists_and_any_case() -> None:
    f = SubgraphFilter.build(types=["attacks,FIGHTS", "Fights"], kinds=["country", "City"])
    assert f.types == ("ATTACKS", "FIGHTS")
    assert f.kinds == ("City", "Country")


def test_filter_refuses_unknown_type_and_kind_and_reversed_window() -> None:
    from datetime import date

    with pytest.raises(InvalidQuery, match="unknown relation type 'INVADES'"):
        SubgraphFilter.build(types=["INVADES"])
    with pytest.raises(InvalidQuery, match="unknown entity kind 'Planet'"):
        SubgraphFilter.build(kinds=["Planet"])
    with pytest.raises(InvalidQuery, match="after until"):
        SubgraphFilter.build(since=date(2020, 2, 1), until=date(2020, 1, 1))


# --- projection ------------------------------------------------------------------


def test_dyads_sum_both_directions_and_drop_self_loops() -> None:
    g = new_graph()
    add_fact(g, "A", "ATTACKS", "B", claims=1, articles=1)
    add_fact(g, "B", "PROVIDES_AID", "A", claims=2, articles=2)
    add_fact(g, "A", "CONDEMNS", "A", claims=5)
    p = dyads(g)
    assert sorted(p.nodes) == ["A", "B"]
    assert p.number_of_edges() == 1
    pair = p["A"]["B"]
    assert pair["weight"] == 3
    assert pair["articles"] == 3
    assert pair["net"] == pytest.approx(-9.3 + 2 * 7.4)
    assert [e.type for e in pair["edges"]] == ["PROVIDES_AID", "ATTACKS"]  # strongest first


def test_reference_edge_counts_once_and_does_not_overwrite_article_edge() -> None:
    g = new_graph()
    add_fact(g, "FRA", "BORDERS", "ESP", claims=4, articles=3)
    add_fact(g, "ESP", "BORDERS", "FRA", claims=None, articles=None, provenance="reference")
    assert g.number_of_edges() == 2
    assert dyads(g)["ESP"]["FRA"]["weight"] == 5


def test_graph_from_records_keeps_node_attributes() -> None:
    rows = [
        {
            "subject": {"id": "RUS", "name": "Russia", "kind": "Country", "iso3": "RUS", "aliases": ["Russian Federation"]},
            "object": {"id": "UKR", "name": "Ukraine", "kind": "Country", "iso3": "UKR", "aliases": None},
            "type": "ATTACKS",
            "claims": 3,
            "articles": 2,
            "outlets": 1,
            "first_seen": "2020-01-05",
            "last_seen": "2020-02-01",
            "confidence": 0.7,
            "provenance": "article",
        }
    ]
    g = graph_from_records(rows)
    assert g.nodes["RUS"] == {"name": "Russia", "kind": "Country", "iso3": "RUS", "aliases": ("Russian Federation",)}
    (u, v, d), = g.edges(data=True)
    assert (u, v, d["type"], d["goldstein"], d["claims"], d["first_seen"]) == ("RUS", "UKR", "ATTACKS", -9.3, 3, "2020-01-05")


# --- centrality ------------------------------------------------------------------


def test_directed_pagerank_of_an_in_star_matches_the_closed_form() -> None:
    # n leaves each act on the centre (a dangling node: its rank is spread evenly).
    # Leaf l = t + d*c/N with t = (1-d)/N; centre c = l + d*n*l; c + n*l = 1,
    # so l = 1/(1 + n + d*n) and c = (1 + d*n) * l.
    n, d = 4, 0.85
    g = new_graph()
    for i in range(n):
        add_fact(g, f"L{i}", "ATTACKS", "HUB", claims=2)
    pr = directed_pagerank(directed(g), damping=d)
    leaf = 1 / (1 + n + d * n)
    assert pr["HUB"] == pytest.approx((1 + d * n) * leaf, abs=1e-6)
    assert pr["L0"] == pytest.approx(leaf, abs=1e-6)
    assert sum(pr.values()) == pytest.approx(1.0)
    # The other way round the centre only gives: it ranks lowest.
    out = new_graph()
    for i in range(n):
        add_fact(out, "HUB", "ATTACKS", f"L{i}", claims=2)
    ranks = directed_pagerank(directed(out))
    assert ranks["HUB"] < min(ranks[f"L{i}"] for i in range(n))


def test_directed_pagerank_follows_weights_and_symmetric_types_go_both_ways() -> None:
    g = new_graph()
    add_fact(g, "X", "SUPPORTS", "Y", claims=9)
    add_fact(g, "X", "SUPPORTS", "Z", claims=1)
    add_fact(g, "Y", "SUPPORTS", "X")
    add_fact(g, "Z", "SUPPORTS", "X")
    pr = directed_pagerank(directed(g))
    assert pr["Y"] > pr["Z"]
    sym = new_graph()
    add_fact(sym, "A", "FIGHTS", "B", claims=3)
    d = directed(sym)
    assert d["A"]["B"]["weight"] == d["B"]["A"]["weight"] == 3
    assert d["A"]["B"]["signed"] == pytest.approx(-9.3 * 3)
    assert directed_pagerank(d)["A"] == pytest.approx(0.5)


def test_in_out_and_signed_strength() -> None:
    r = centrality(two_blocs(), sort_by="in_strength", limit=None)
    b1 = next(n for n in r.nodes if n.id == "B1")
    assert r.nodes[0].id == "B1" and (b1.in_strength, b1.out_strength) == (9, 6)
    assert b1.signed_in == pytest.approx(4.6 * 6 - 9.3 * 3) and b1.signed_out == pytest.approx(4.6 * 6)
    assert b1.signed_strength == pytest.approx(4.6 * 6 - 9.3 * 3)  # each dyad once
    assert r.listed == 6 and len(r.nodes) == 6


def test_star_centre_tops_every_undirected_measure() -> None:
    r = centrality(star(5, claims=2), limit=3, sort_by="strength")
    top = r.nodes[0]
    assert top.id == "HUB"
    assert (top.degree, top.strength, top.betweenness) == (5, 10, 1.0)
    assert all(n.betweenness == 0.0 for n in r.nodes[1:])
    assert len(r.nodes) == 3 and r.node_count == 6 and r.edge_count == 5
    assert r.betweenness_sample is None
    # The centre's score cites its strongest edges.
    assert len(top.edges) == 5 and {e.subject for e in top.edges} == {"HUB"}


def test_path_middle_has_highest_betweenness_and_sort_keys_work() -> None:
    g = new_graph()
    for a, b in [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E")]:
        add_fact(g, a, "NEGOTIATES_WITH", b)
    add_fact(g, "D", "NEGOTIATES_WITH", "E", claims=1)  # same key: replaces, not adds
    r = centrality(g, sort_by="betweenness")
    assert [n.id for n in r.nodes[:3]] == ["C", "B", "D"]
    assert r.nodes[0].betweenness == pytest.approx(4 / 6)
    with pytest.raises(ValueError, match="sort_by"):
        centrality(g, sort_by="fame")


def test_betweenness_is_sampled_above_the_threshold_and_seeded() -> None:
    g = new_graph()
    for i in range(30):
        add_fact(g, f"N{i:02d}", "MEETS_WITH", f"N{(i + 1) % 30:02d}")
        add_fact(g, f"N{i:02d}", "MEETS_WITH", f"N{(i * 7 + 3) % 30:02d}")
    a = centrality(g, sample_above=10, sample_size=8, seed=1, limit=30)
    b = centrality(g, sample_above=10, sample_size=8, seed=1, limit=30)
    full = centrality(g, limit=30)
    assert a.betweenness_sample == 8 and full.betweenness_sample is None
    assert [(n.id, n.betweenness) for n in a.nodes] == [(n.id, n.betweenness) for n in b.nodes]
    assert {n.id: n.betweenness for n in a.nodes} != {n.id: n.betweenness for n in full.nodes}


def test_kinds_restrict_the_listing_not_the_measures() -> None:
    g = star(3)
    add_entity(g, "HUB", "Hub City", kind="City")
    r = centrality(g, kinds=("Country",))
    assert "HUB" not in [n.id for n in r.nodes]
    assert r.node_count == 4


# --- communities -----------------------------------------------------------------


def test_two_cliques_with_a_bridge_are_two_communities() -> None:
    g = new_graph()
    for group in (["A", "B", "C", "D"], ["W", "X", "Y", "Z"]):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                add_fact(g, a, "TRADES_WITH", b, claims=3)
    add_fact(g, "D", "MEETS_WITH", "W", claims=1)
    r = communities(g, seed=7)
    assert r.community_count == 2
    assert sorted(sorted(m.id for m in c.members) for c in r.communities) == [["A", "B", "C", "D"], ["W", "X", "Y", "Z"]]
    assert all(c.internal_weight == 18 and c.external_weight == 1 for c in r.communities)
    assert r.modularity > 0.4
    assert all(len(c.edges) == 6 and all(e.claims == 3 for e in c.edges) for c in r.communities)
    assert communities(g, seed=7) == r


def test_communities_of_an_empty_graph() -> None:
    r = communities(new_graph())
    assert r.communities == [] and r.community_count == 0


# --- balance ---------------------------------------------------------------------


def test_two_blocs_give_known_triangles_and_no_frustration() -> None:
    r = balance(two_blocs())
    assert (r.positive_dyads, r.negative_dyads, r.neutral_dyads) == (6, 2, 0)
    # A-triangle +++, B-triangle +++, and A1-A2-B1 is "+--" (a shared enemy).
    assert r.patterns == {"+++": 2, "+--": 1, "++-": 0, "---": 0}
    assert (r.triangle_count, r.balanced_count, r.unbalanced_count, r.balance_ratio) == (3, 3, 0, 1.0)
    assert sorted(b.members for b in r.blocs) == [["A1", "A2", "A3"], ["B1", "B2", "B3"]]
    assert r.frustration == 0 and r.intra_bloc_negative == [] and r.inter_bloc_positive == []
    # A1-B1 is the strongest dyad: 2 attack claims, net -18.6, citing the edge.
    top = r.dyads[0]
    assert (top.a, top.b, top.sign, top.net) == ("A1", "B1", -1, pytest.approx(-18.6))
    assert [(e.subject, e.type, e.object, e.claims) for e in top.edges] == [("A1", "ATTACKS", "B1", 2)]


def test_unbalanced_patterns_are_counted_and_cited() -> None:
    g = new_graph()
    add_fact(g, "X", "ALLIED_WITH", "Y")
    add_fact(g, "Y", "ALLIED_WITH", "Z")
    add_fact(g, "X", "THREATENS", "Z", claims=2)  # ++-: unbalanced
    add_fact(g, "P", "FIGHTS", "Q")
    add_fact(g, "Q", "FIGHTS", "R")
    add_fact(g, "P", "FIGHTS", "R")  # ---: unbalanced under the product rule
    r = balance(g)
    assert r.patterns == {"+++": 0, "+--": 0, "++-": 1, "---": 1}
    assert r.unbalanced_count == 2 and r.balance_ratio == 0.0
    by_nodes = {t.nodes: t for t in r.unbalanced_triangles}
    xyz = by_nodes[("X", "Y", "Z")]
    assert xyz.pattern == "++-" and not xyz.balanced
    cited = {(e.subject, e.type, e.object, e.claims) for d in xyz.dyads for e in d.edges}
    assert cited == {("X", "ALLIED_WITH", "Y", 1), ("Y", "ALLIED_WITH", "Z", 1), ("X", "THREATENS", "Z", 2)}


def test_net_sign_sums_sign_times_claims_over_both_directions() -> None:
    g = new_graph()
    add_fact(g, "A", "ATTACKS", "B", claims=1)  # -9.3
    add_fact(g, "B", "PROVIDES_AID", "A", claims=2)  # +14.8
    add_fact(g, "C", "BORDERS", "D", claims=5)  # neutral
    r = balance(g)
    assert (r.positive_dyads, r.negative_dyads, r.neutral_dyads) == (1, 0, 1)
    assert r.dyads[0].net == pytest.approx(5.5) and r.dyads[0].sign == 1


def test_enemy_of_my_enemy_candidates() -> None:
    g = new_graph()
    add_fact(g, "A", "FIGHTS", "B")
    add_fact(g, "B", "ATTACKS", "C")
    add_fact(g, "D", "SANCTIONS", "B")
    add_fact(g, "A", "ALLIED_WITH", "D")  # already friends: not a candidate
    add_fact(g, "C", "BORDERS", "D")  # neutral: still a candidate, ac_sign 0
    r = balance(g)
    got = {(e.a, e.c): (e.common_enemies, e.ac_sign) for e in r.enemy_of_enemy}
    assert got == {("A", "C"): (["B"], None), ("C", "D"): (["B"], 0)}
    ac = next(e for e in r.enemy_of_enemy if e.a == "A")
    assert {(d.a, d.b) for d in ac.dyads} == {("A", "B"), ("B", "C")}


def test_intra_bloc_hostility_is_frustration() -> None:
    g = new_graph()
    members = ["A1", "A2", "A3", "A4"]
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if (a, b) != ("A1", "A4"):
                add_fact(g, a, "COOPERATES_MILITARILY", b, claims=2)
    add_fact(g, "A1", "CONDEMNS", "A4")
    add_fact(g, "B1", "ALLIED_WITH", "B2")
    add_fact(g, "A1", "SANCTIONS", "B1")
    r = balance(g)
    assert [b.members for b in r.blocs] == [["A1", "A2", "A3", "A4"], ["B1", "B2"]]
    assert [(d.a, d.b) for d in r.intra_bloc_negative] == [("A1", "A4")]
    assert r.blocs[0].negative_dyads == 1 and r.blocs[0].positive_dyads == 5
    assert r.frustration == 1


def test_limit_caps_lists_but_not_counts() -> None:
    r = balance(two_blocs(), limit=1)
    assert len(r.dyads) == 1 and len(r.balanced_triangles) == 1
    assert r.triangle_count == 3 and math.isclose(r.balance_ratio or 0, 1.0)


def test_community_tone_needs_two_thirds_of_the_signed_dyads() -> None:
    from graph.analytics.communities import Member, SignMix, label, tone

    assert tone(SignMix(positive=2, negative=1, neutral=5, net=1.0)) == "cooperative"
    assert tone(SignMix(positive=1, negative=2, neutral=0, net=-1.0)) == "hostile"
    assert tone(SignMix(positive=3, negative=2, neutral=0, net=0.5)) == "mixed"
    assert tone(SignMix(positive=0, negative=0, neutral=4, net=0.0)) == "neutral"
    members = [Member(id=x, name=f"N{x}", kind=None, iso3=None, strength=1) for x in "abcde"]
    assert label(members) == "Na, Nb, Nc + 2 more" and label(members[:2]) == "Na, Nb"
    r = communities(two_blocs(), seed=7)
    assert sorted(c.tone for c in r.communities) == ["cooperative", "cooperative"]
