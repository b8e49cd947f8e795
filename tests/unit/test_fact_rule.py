"""The fact rule and the graph's error vocabulary, each stated once (graph.ontology,
graph.driver_errors, graph.errors)."""

from __future__ import annotations

import neo4j.exceptions as nx
import pytest

from graph.driver_errors import NEO4J_UNAVAILABLE, translate_errors
from graph.errors import GraphError, Neo4jUnavailable
from graph.loader import InvalidExtraction
from graph.ontology import Modality, Polarity, UnknownRelationType, fact_modality_values, is_fact


@pytest.mark.parametrize(
    ("polarity", "modality", "expected"),
    [
        ("affirmed", "asserted", True),
        (Polarity.AFFIRMED, Modality.REPORTED, True),
        ("affirmed", "historical", True),
        ("negated", "asserted", False),
        ("affirmed", "alleged", False),
        ("affirmed", "planned", False),
        ("affirmed", "hypothetical", False),
        ("affirmed", None, False),
        (None, "asserted", False),
    ],
)
def test_default_fact_rule(polarity: object, modality: object, expected: bool) -> None:
    assert is_fact(polarity, modality) is expected  # type: ignore[arg-type]


def test_fact_rule_takes_the_loaders_modalities() -> None:
    only_asserted = frozenset({Modality.ASSERTED})
    assert is_fact("affirmed", "asserted", only_asserted)
    assert not is_fact("affirmed", "reported", only_asserted)
    assert fact_modality_values(["reported", Modality.ASSERTED]) == ["asserted", "reported"]


def test_every_graph_error_is_a_graph_error() -> None:
    # Still ValueErrors too, for the callers that catch those.
    for cls in (InvalidExtraction, UnknownRelationType):
        assert issubclass(cls, GraphError) and issubclass(cls, ValueError)


@pytest.mark.parametrize("error", [nx.ServiceUnavailable("gone"), nx.SessionExpired("gone"), ConnectionRefusedError()])
def test_unavailable_errors_become_neo4j_unavailable(error: Exception) -> None:
    assert isinstance(error, NEO4J_UNAVAILABLE)
    with pytest.raises(Neo4jUnavailable, match="does not answer"):
        with translate_errors():
            raise error
