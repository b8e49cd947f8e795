"""Text checks for user-supplied read-only Cypher, before Neo4j sees it.

The cheap first layer. The guarantee comes after it, in graph.user_query:
Neo4j's own EXPLAIN plan must be a plain read of the graph
(graph.cypher.plan_guard), then the statement runs in a READ transaction with
a server-side timeout, a memory limit and row and byte caps. The checks here
give clear messages for what is refused anyway, and refuse what the plan
alone would not make obvious (several statements, USE, IN TRANSACTIONS).

Seeing the query as Neo4j does (Neo4j 5.26, checked against the server by
tests/api/test_guard_text.py and tests/api/test_cypher_plan_guard.py):
- `\\uXXXX` escapes are decoded BEFORE lexing, everywhere (also in comments
  and names), when the backslash run before the `u` is odd: `//x\\u000a CREATE`
  is a comment, a newline and a CREATE. So the text is decoded first, and an
  escape that would move a token boundary (quote, backtick, backslash, `/`,
  `*`, `;`, line break) is refused: write the character itself.
- a `//` comment ends at `\\n` or `\\r` only (not at U+2028, U+2029, U+0085);
- whitespace is exactly NEO4J_WHITESPACE (the lexer's SPACE rule);
- `/* */` comments do not nest; an unclosed comment or string is a syntax error.
"""

from __future__ import annotations

import re

from graph.errors import InvalidQuery

MAX_QUERY_CHARS = 20_000

# The Cypher lexer's whitespace (its SPACE token). Not Python's str.isspace():
# U+0085 is no whitespace to Neo4j, U+001C..U+001F are.
NEO4J_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
# The characters that end a `//` comment.
LINE_COMMENT_ENDS = "\n\r"
# Characters a \\u escape may not produce: they would start or end a string,
# a quoted name, a comment or a statement.
_STRUCTURAL = frozenset("'\"`\\/*;\n\r")

_WS = "[" + re.escape(NEO4J_WHITESPACE) + "]"
_OPTIONS = rf"(?:CYPHER(?:{_WS}+(?:[A-Za-z_][\w.]*{_WS}*={_WS}*\w+|\d+(?:\.\d+)?))*{_WS}+)?"
_LOAD_CSV = re.compile(rf"\bLOAD{_WS}+CSV\b", re.IGNORECASE)
_EXPLAIN_OR_PROFILE = re.compile(rf"^{_WS}*{_OPTIONS}(EXPLAIN|PROFILE)\b", re.IGNORECASE)
# Administration, SHOW and TERMINATE commands open the statement.
_ADMINISTRATION = re.compile(
    rf"^{_WS}*{_OPTIONS}(?:USE{_WS}+\S+{_WS}+)?"
    r"(SHOW|TERMINATE|GRANT|DENY|REVOKE|ALTER|DROP|START|STOP|ENABLE|RENAME|DEALLOCATE|REALLOCATE|DRYRUN)\b",
    re.IGNORECASE,
)
# USE may only open a query, a subquery or a UNION part.
_USE_CLAUSE = re.compile(rf"(^{_WS}*{_OPTIONS}|\{{|\bUNION(?:{_WS}+ALL)?){_WS}*USE\b", re.IGNORECASE)
_PERIODIC_COMMIT = re.compile(rf"\bIN(?:{_WS}+\S+){{0,2}}{_WS}+TRANSACTIONS\b|\bPERIODIC{_WS}+COMMIT\b", re.IGNORECASE)
_HEX = frozenset("0123456789abcdefABCDEF")


def decode_unicode_escapes(text: str) -> tuple[str, list[int]]:
    """`text` with `\\uXXXX` escapes decoded as Neo4j's character stream does
    (an odd run of backslashes before `u`), and for each decoded character
    the index in `text` it came from. InvalidQuery for a malformed escape or
    one that produces a character of _STRUCTURAL."""
    out: list[str] = []
    where: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] != "\\":
            out.append(text[i])
            where.append(i)
            i += 1
            continue
        run = i
        while run < n and text[run] == "\\":
            run += 1
        count = run - i
        if run < n and text[run] == "u" and count % 2 == 1:
            # Every backslash but the last is itself; the last opens the escape.
            for k in range(i, run - 1):
                out.append("\\")
                where.append(k)
            digits = text[run + 1 : run + 5]
            if len(digits) != 4 or not set(digits) <= _HEX:
                raise InvalidQuery(
                    f"invalid unicode escape at offset {run - 1}: \\u must be followed by four hex digits"
                )
            char = chr(int(digits, 16))
            if char in _STRUCTURAL:
                raise InvalidQuery(
                    f"the unicode escape \\u{digits} at offset {run - 1} stands for a quote, backslash, "
                    "comment mark, ';' or line break: write that character itself"
                )
            out.append(char)
            where.append(run - 1)
            i = run + 5
        else:
            for k in range(i, run):
                out.append("\\")
                where.append(k)
            i = run
    return "".join(out), where


def code_only(text: str) -> str:
    """`text` (already decoded) with string literals, quoted names and comments
    blanked out (replaced by spaces of the same length), so keyword checks see
    only code: a `;` or `LOAD CSV` inside a string is data, and a keyword in a
    comment is ignored, but a write after a line comment's end is not.
    InvalidQuery for an unclosed string, name or block comment (Neo4j refuses
    them too, and guessing where they end is how a check gets slipped past)."""
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
            if j >= n:
                what = "quoted name" if ch == "`" else "string literal"
                raise InvalidQuery(f"the {what} opened with {ch} at offset {i} is not closed")
            out.append(ch + " " * (j - i - 1) + ch)
            i = j + 1
        elif text.startswith("//", i):
            j = i + 2
            while j < n and text[j] not in LINE_COMMENT_ENDS:
                j += 1
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j == -1:
                raise InvalidQuery(f"the comment opened with /* at offset {i} is not closed with */")
            out.append(" " * (j + 2 - i))
            i = j + 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def check_read_query_text(query: str) -> str:
    """The query to run (a trailing `;` removed), or InvalidQuery saying why not."""
    if not query or not query.strip(NEO4J_WHITESPACE):
        raise InvalidQuery("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"the query is longer than {MAX_QUERY_CHARS} characters")
    decoded, where = decode_unicode_escapes(query)
    code = code_only(decoded)
    stripped = code.rstrip(NEO4J_WHITESPACE)
    if stripped.endswith(";"):
        # A ';' is never an escape (refused above), so it is where `where` says.
        query = query[: where[len(stripped) - 1]]
        stripped = stripped[:-1]
    if ";" in stripped:
        raise InvalidQuery("send one statement per request: the query contains ';' between statements")
    if not stripped.strip(NEO4J_WHITESPACE):
        raise InvalidQuery("the query has no statement outside comments")
    if _LOAD_CSV.search(stripped):
        raise InvalidQuery("LOAD CSV is not allowed: this endpoint only reads the graph")
    if _EXPLAIN_OR_PROFILE.search(stripped):
        raise InvalidQuery("send the query without EXPLAIN or PROFILE")
    if _USE_CLAUSE.search(stripped):
        raise InvalidQuery("USE is not allowed: queries run on the configured database")
    if m := _ADMINISTRATION.search(stripped):
        raise InvalidQuery(
            f"{m.group(1).upper()} commands are not allowed: this endpoint only reads the graph "
            "(administration, SHOW and TERMINATE commands are refused)"
        )
    if _PERIODIC_COMMIT.search(stripped):
        raise InvalidQuery("CALL ... IN TRANSACTIONS is not allowed: this endpoint only reads")
    return query
