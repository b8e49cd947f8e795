"""The Neo4j Browser assets: the style is in sync with the ontology, and every
saved query runs on a loaded graph with the answers the hand-built data implies."""

from __future__ import annotations

import re

import pytest
from test_loader import first_article, second_article

from graph.browser import GRASS_PATH, QUERIES_PATH, STYLE_COMMAND_PATH, saved_queries
from graph.browser.style import NEGATIVE, NEUTRAL, POSITIVE, render_grass, style_command
from graph.loader import Loader
from graph.ontology import RELATION_TYPES, EntityKind, Polarity, fact_modality_values
from graph.reference import load_reference

PARAMS = {"id": "AZE", "type": "SUPPLIES_ARMS", "a": "ISR", "b": "AZE", "limit": 3}


def browser_rules(grass: str) -> dict[str, dict[str, str]]:
    """Selector -> properties, read the way Neo4j Browser's GraSS reader does:
    only single quotes delimit a string, braces outside one open and close a
    rule, properties split on ';' and then on the first ':'."""
    rules: dict[str, dict[str, str]] = {}
    selector, body, in_string, in_rule = "", "", False, False
    for ch in grass:
        if ch == "'":
            in_string = not in_string
        elif ch == "{" and not in_string:
            in_rule = True
        elif ch == "}" and not in_string:
            in_rule = False
            props = [p.split(":") for p in body.split(";")]
            rules[selector] = {p[0].strip(): p[1].strip() for p in props if len(p) == 2 and p[0].strip()}
            selector, body = "", ""
        elif in_rule:
            body += ch
        elif not ch.isspace():
            selector += ch
    return rules


def test_grass_file_is_generated_from_the_ontology():
    text = GRASS_PATH.read_text(encoding="utf-8")
    assert text == render_grass(), "run `python -m graph.browser.style` to regenerate geokg.grass"
    rules = browser_rules(text)
    for kind in EntityKind:
        assert rules[f"node.{kind.value}"]["caption"] == "{name}", kind
        assert int(rules[f"node.{kind.value}"]["font-size"].removesuffix("px")) >= 14  # readable
    for name, rtype in RELATION_TYPES.items():
        caption = rules[f"relationship.{name}"]["caption"]
        assert caption == ("<-> <type>" if rtype.symmetric else "<type>"), name
    assert rules["node.Article"]["caption"] == "{title}"
    for name, rtype in RELATION_TYPES.items():
        block = re.search(rf"relationship\.{name} \{{([^}}]*)\}}", text)
        assert block, name
        expected = NEGATIVE if rtype.sign < 0 else POSITIVE if rtype.sign > 0 else NEUTRAL
        assert f"color: {expected};" in block.group(1), name


def test_style_command_is_the_grass_in_one_browser_command():
    command = STYLE_COMMAND_PATH.read_text(encoding="utf-8")
    assert command == style_command(), "run `python -m graph.browser.style` to regenerate style-command.txt"
    assert command.startswith(":style node {") and command.count("\n") == 1
    assert browser_rules(command.removeprefix(":style ")) == browser_rules(GRASS_PATH.read_text(encoding="utf-8"))


def test_queries_file_lists_the_symmetric_types_of_the_ontology():
    evidence = saved_queries()["Evidence behind an edge"]
    listed = set(re.findall(r"'([A-Z_]+)'", evidence.split("c.type IN", 1)[1].split("]", 1)[0]))
    assert listed == {n for n, t in RELATION_TYPES.items() if t.symmetric}
    assert ":param id => 'AZE';" in QUERIES_PATH.read_text(encoding="utf-8")


def test_queries_file_states_the_fact_rule_of_the_ontology():
    # The Browser file is pasted by hand, so it cannot take a parameter; it must
    # name the same modalities as graph.ontology's fact rule.
    not_facts = saved_queries()["Claims that are not facts"]
    assert f"c.polarity = '{Polarity.NEGATED.value}'" in not_facts
    listed = re.findall(r"'([a-z]+)'", not_facts.split("NOT c.modality IN", 1)[1].split("]", 1)[0])
    assert sorted(listed) == fact_modality_values()


@pytest.mark.neo4j
def test_every_saved_query_runs_and_answers(neo4j_driver, clean_db):
    db = clean_db
    load_reference(neo4j_driver, db)
    Loader(neo4j_driver, database=db).load([first_article(), second_article()])
    queries = saved_queries()
    assert set(queries) == {
        "Entity neighbourhood",
        "Article neighbourhood",
        "Evidence behind an edge",
        "Dyad timeline",
        "Who arms whom",
        "Hostile triangles",
        "Claims that are not facts",
        "Contested claims",
    }
    results = {}
    with neo4j_driver.session(database=db) as s:
        for title, query in queries.items():
            params = dict(PARAMS)
            if title == "Dyad timeline":
                params.update(a="AZE", b="IRN")
            if title in ("Claims that are not facts", "Contested claims"):
                params["id"] = "IRN"
            results[title] = s.run(query, params).data()

    with neo4j_driver.session(database=db) as s:  # the relationships themselves, with their properties
        article_only = [r["r"] for r in s.run(queries["Article neighbourhood"], PARAMS)]
    assert len(results["Article neighbourhood"]) == 3 and len(article_only) == 3  # LIMIT $limit
    assert all(r["source"] == "article" for r in article_only)  # no reference backbone
    strengths = [r["articles"] for r in article_only]
    assert strengths == sorted(strengths, reverse=True)
    neighbours = {(type(r["r"]).__name__, r["n"]["id"]) for r in results["Entity neighbourhood"]}
    assert {n for _, n in neighbours} >= {"ISR", "IRN", "ARM", "GEO", "RUS", "TUR"}
    assert len(results["Evidence behind an edge"]) == 3
    assert {r["outlet"] for r in results["Evidence behind an edge"]} == {"Example Times", "Other Post"}
    timeline = results["Dyad timeline"]
    assert [r["type"] for r in timeline].count("FIGHTS") == 2 and len(timeline) == 4
    assert [(r["supplier"], r["recipient"], r["claims"]) for r in results["Who arms whom"]] == [
        ("Israel", "Azerbaijan", 3)
    ]
    assert results["Hostile triangles"] == []  # no triangle of conflict edges in this graph
    not_facts = {(r["type"], r["polarity"], r["modality"]) for r in results["Claims that are not facts"]}
    assert not_facts == {
        ("ATTACKS", "negated", "asserted"),
        ("ATTACKS", "affirmed", "hypothetical"),
        ("SANCTIONS", "affirmed", "alleged"),
    }


@pytest.mark.neo4j
def test_hostile_triangle_is_found(neo4j_driver, clean_db):
    from h5_support import AZE, IRN, ISR, claim, extraction

    url = "https://example.org/triangle"
    ex = extraction(
        url,
        [claim(url, "ATTACKS", AZE, IRN, 0), claim(url, "THREATENS", IRN, ISR, 100), claim(url, "FIGHTS", ISR, AZE, 200)],
        [AZE, IRN, ISR],
    )
    Loader(neo4j_driver, database=clean_db).load([ex])
    with neo4j_driver.session(database=clean_db) as s:
        rows = s.run(saved_queries()["Hostile triangles"]).data()
    assert [(r["a"], r["b"], r["c"]) for r in rows] == [("Azerbaijan", "Iran", "Israel")]
