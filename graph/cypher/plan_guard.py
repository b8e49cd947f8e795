"""What a researcher's statement does, judged from Neo4j's own EXPLAIN plan.

The text checks (graph.cypher.guard) look at spelling; this looks at the
operators Neo4j would run, so a statement is refused for what it does however
it is written. Everything must be a plain read of the configured database:

- every operator is on READ_OPERATORS (an allow-list: an operator Neo4j adds
  in a later version is refused until someone looks at it and adds it here);
  writes, LOAD CSV, SHOW/TERMINATE and administration commands and
  CALL ... IN TRANSACTIONS have operators of their own and are not on it;
- a ProcedureCall must call one of READ_PROCEDURES;
- every operator runs on the configured database (`Operator@database`);
- Neo4j's query type is 'r' (read only).

Pure functions over the plan as the driver gives it (`ResultSummary.plan`: a
dict with operatorType, args and children), so they are testable offline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from graph.errors import InvalidQuery

# Neo4j 5.26's read operators (the Cypher manual's operator summary, without
# the updating ones, LoadCSV, the Show*/Terminate* commands, Transaction*,
# Merge/Lock*/Assert* and the parallel runtime's Partitioned* variants, which
# Community does not run). Names without the "(All)"/"(Into)" variant.
READ_OPERATORS: frozenset[str] = frozenset(
    ["AllNodesScan", "Anti", "AntiConditionalApply", "AntiSemiApply", "Apply", "Argument", "ArgumentTracker", "CacheProperties", "CartesianProduct", "ConditionalApply", "DirectedAllRelationshipsScan", "DirectedRelationshipByElementIdSeek", "DirectedRelationshipByIdSeek", "DirectedRelationshipIndexContainsScan", "DirectedRelationshipIndexEndsWithScan", "DirectedRelationshipIndexScan", "DirectedRelationshipIndexSeek", "DirectedRelationshipIndexSeekByRange", "DirectedRelationshipTypeScan", "DirectedUnionRelationshipTypesScan", "Distinct", "Eager", "EagerAggregation", "EmptyResult", "EmptyRow", "ExhaustiveLimit", "Expand", "Filter", "IntersectionNodeByLabelsScan", "LetAntiSemiApply", "LetSelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSemiApply", "Limit", "MultiNodeIndexSeek", "NodeByElementIdSeek", "NodeByIdSeek", "NodeByLabelScan", "NodeCountFromCountStore", "NodeHashJoin", "NodeIndexContainsScan", "NodeIndexEndsWithScan", "NodeIndexScan", "NodeIndexSeek", "NodeIndexSeekByRange", "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "NodeUniqueIndexSeek", "NodeUniqueIndexSeekByRange", "NullifyMetadata", "Optional", "OptionalExpand", "OrderedAggregation", "OrderedDistinct", "PartialSort", "PartialTop", "ProcedureCall", "ProduceResults", "ProjectEndpoints", "Projection", "RelationshipCountFromCountStore", "Repeat", "RollUpApply", "SelectOrAntiSemiApply", "SelectOrSemiApply", "SemiApply", "ShortestPath", "Skip", "Sort", "StatefulShortestPath", "SubqueryForeach", "SubtractionNodeByLabelsScan", "Top", "TriadicBuild", "TriadicFilter", "TriadicSelection", "UndirectedAllRelationshipsScan", "UndirectedRelationshipByElementIdSeek", "UndirectedRelationshipByIdSeek", "UndirectedRelationshipIndexContainsScan", "UndirectedRelationshipIndexEndsWithScan", "UndirectedRelationshipIndexScan", "UndirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeekByRange", "UndirectedRelationshipTypeScan", "UndirectedUnionRelationshipTypesScan", "Union", "UnionNodeByLabelsScan", "Unwind", "ValueHashJoin", "VarLengthExpand"]
)

# Read procedures researchers need: full-text search and schema listing.
READ_PROCEDURES: frozenset[str] = frozenset(
    {
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
    }
)

# Operators with a name of their own in the refusal message.
_WHAT = {
    "LoadCSV": "LOAD CSV",
    "TerminateTransactions": "TERMINATE TRANSACTIONS",
    "AdministrationCommand": "an administration command",
    "TransactionApply": "CALL ... IN TRANSACTIONS",
    "TransactionForeach": "CALL ... IN TRANSACTIONS",
}
_PROCEDURE_NAME = re.compile(r"^\s*([\w.]+)\s*\(")


def operators(plan: dict[str, Any]) -> Iterator[tuple[str, str | None, dict[str, Any]]]:
    """(base name, database or None, args) of every operator in the plan tree.
    "Expand(All)@neo4j" is ("Expand", "neo4j", ...)."""
    stack = [plan]
    while stack:
        node = stack.pop()
        raw = str(node.get("operatorType", ""))
        name, _, database = raw.partition("@")
        yield name.split("(", 1)[0].strip(), database or None, dict(node.get("args") or {})
        stack.extend(node.get("children") or [])


def procedure_name(args: dict[str, Any]) -> str | None:
    """The procedure a ProcedureCall calls, from its Details ("db.labels() :: ...")."""
    m = _PROCEDURE_NAME.match(str(args.get("Details", "")))
    return m.group(1) if m else None


def check_read_plan(plan: dict[str, Any] | None, query_type: str | None, database: str) -> None:
    """Nothing, or InvalidQuery naming what in the plan is not a plain read."""
    if plan is None:
        raise InvalidQuery("Neo4j returned no plan for this statement, so it cannot be checked: refused")
    for name, db, args in operators(plan):
        if db is not None and db != database:
            raise InvalidQuery(f"the statement runs on database {db!r}: queries run on {database!r} only")
        if name == "ProcedureCall":
            proc = procedure_name(args)
            if proc not in READ_PROCEDURES:
                allowed = ", ".join(sorted(READ_PROCEDURES))
                raise InvalidQuery(f"procedure {proc or '?'} is not allowed; the allowed procedures are {allowed}")
        elif name.startswith("Show"):
            raise InvalidQuery("SHOW commands are not allowed: this endpoint only reads the graph")
        elif name not in READ_OPERATORS:
            what = _WHAT.get(name, f"operator {name}")
            raise InvalidQuery(
                f"{what} is not allowed: this endpoint only reads the graph (the plan has {name}, "
                "which is not a read operator)"
            )
    if query_type != "r":
        raise InvalidQuery(f"only read-only queries are allowed (Neo4j classifies this one as {query_type!r})")
