"""The text checks before Neo4j sees user Cypher, and the Lucene escaping of
search text (no database needed)."""

from __future__ import annotations

import pytest

from graph.cypher.guard import check_read_query_text, code_only
from graph.cypher.read import relationship_filter
from graph.errors import InvalidQuery
from graph.repository import lucene_query


def test_code_only_blanks_strings_and_comments_but_keeps_length() -> None:
    text = "RETURN 'a;b' AS x, \"LOAD CSV\" AS y // CREATE\n/* ; */ `we;ird`"
    code = code_only(text)
    assert len(code) == len(text)
    assert ";" not in code and "LOAD" not in code and "CREATE" not in code
    assert code.startswith("RETURN ")


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("RETURN 1; RETURN 2", "one statement"),
        ("MATCH (n) RETURN n;\nMATCH (m) DETACH DELETE m", "one statement"),
        ("LOAD CSV FROM 'file:///x' AS l RETURN l", "LOAD CSV"),
        ("EXPLAIN MATCH (n) RETURN n", "EXPLAIN"),
        ("USE system SHOW USERS", "USE"),
        ("MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS", "IN TRANSACTIONS"),
        ("// nothing\n/* at all */", "no statement"),
        ("", "empty"),
    ],
)
def test_refusals_name_the_reason(query: str, reason: str) -> None:
    with pytest.raises(InvalidQuery, match=reason):
        check_read_query_text(query)


@pytest.mark.parametrize(
    "query",
    ["MATCH (n) RETURN n;", "RETURN 'x;y'", "RETURN \"LOAD CSV\" AS s", "MATCH (n) // use it\nRETURN n.use AS use"],
)
def test_reads_pass_with_a_trailing_semicolon_removed(query: str) -> None:
    assert not check_read_query_text(query).rstrip().endswith(";")


def test_relationship_filter_takes_only_vocabulary_names() -> None:
    assert relationship_filter(["attacks", "FIGHTS", "attacks"]) == ":ATTACKS|FIGHTS"
    for hostile in ("ATTACKS]->() DETACH DELETE n //", "ATTACKS|X", "`ATTACKS`"):
        with pytest.raises(InvalidQuery):
            relationship_filter([hostile])


def test_lucene_query_escapes_syntax_and_lowercases_operators() -> None:
    assert lucene_query("Azer") == "(azer^3 OR azer* OR azer~1)"
    assert lucene_query("Azer", fuzzy=False) == "(azer^3 OR azer*)"
    q = lucene_query('AND "x" (y) a:b')
    # The typed AND is a lower-cased word (Lucene operators are upper case only).
    assert q is not None and q.startswith("(and^3 OR and*")
    assert '\\"x\\"' in q and "\\(y\\)" in q and "a\\:b" in q
    assert lucene_query("!!! ---") is None
