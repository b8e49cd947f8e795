"""Text checks for user-supplied read-only Cypher, before Neo4j sees it.

These are the cheap first line; the real guarantees come after them in
`Repository.run_read_cypher`: an `EXPLAIN` whose query type must be read-only
('r'), a READ-mode transaction (the server refuses writes in it), a
server-side timeout and a row cap. The checks here catch what those would not
(`LOAD CSV` reads files and URLs but is a read; `USE` would leave the
configured database) and refuse several statements in one request.
"""

from __future__ import annotations

import re

from graph.errors import InvalidQuery

MAX_QUERY_CHARS = 20_000

_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_EXPLAIN_OR_PROFILE = re.compile(r"^\s*(EXPLAIN|PROFILE)\b", re.IGNORECASE)
# USE may only open a query, a subquery or a UNION part.
_USE_CLAUSE = re.compile(r"(^|\{|\bUNION(\s+ALL)?)\s*USE\b", re.IGNORECASE)
_PERIODIC_COMMIT = re.compile(r"\bIN\s+TRANSACTIONS\b|\bPERIODIC\s+COMMIT\b", re.IGNORECASE)


def code_only(text: str) -> str:
    """`text` with string literals, quoted names and comments blanked out
    (replaced by spaces of the same length), so keyword checks see only code:
    a `;` or `LOAD CSV` inside a string is data, and a keyword inside a
    comment is ignored, but a write after a line comment's newline is not."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in ("'", '"', "`"):
            j = i + 1
            while j < n:
                if text[j] == "\\" and ch != "`":
                    j += 2
                    continue
                if text[j] == ch:
                    # A doubled backtick inside a quoted name is an escaped backtick.
                    if ch == "`" and j + 1 < n and text[j + 1] == "`":
                        j += 2
                        continue
                    break
                j += 1
            end = min(j + 1, n)
            out.append(ch + " " * (end - i - 2) + (ch if j < n else " "))
            i = end
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j == -1 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j == -1 else j + 2
            out.append(" " * (j - i))
            i = j
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def check_read_query_text(query: str) -> str:
    """The query to run (trailing `;` removed), or InvalidQuery saying why not."""
    if not query or not query.strip():
        raise InvalidQuery("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"the query is longer than {MAX_QUERY_CHARS} characters")
    code = code_only(query)
    stripped = code.rstrip()
    if stripped.endswith(";"):
        stripped = stripped[:-1]
        query = query[: len(stripped)]
    if ";" in stripped:
        raise InvalidQuery("send one statement per request: the query contains ';' between statements")
    if not stripped.strip():
        raise InvalidQuery("the query has no statement outside comments")
    if _LOAD_CSV.search(stripped):
        raise InvalidQuery("LOAD CSV is not allowed: this endpoint only reads the graph")
    if _EXPLAIN_OR_PROFILE.search(stripped):
        raise InvalidQuery("send the query without EXPLAIN or PROFILE")
    if _USE_CLAUSE.search(stripped):
        raise InvalidQuery("USE is not allowed: queries run on the configured database")
    if _PERIODIC_COMMIT.search(stripped):
        raise InvalidQuery("CALL ... IN TRANSACTIONS is not allowed: this endpoint only reads")
    return query
