"""Neo4j Browser assets: a GraSS style (`geokg.grass`, and the same as one
`:style` command in `style-command.txt`) and saved queries (`queries.cypher`). `style.render_grass()` builds the style from the ontology;
`saved_queries()` reads the queries file (tests run every one of them)."""

from __future__ import annotations

import re
from pathlib import Path

BROWSER_DIR = Path(__file__).resolve().parent
GRASS_PATH = BROWSER_DIR / "geokg.grass"
STYLE_COMMAND_PATH = BROWSER_DIR / "style-command.txt"
QUERIES_PATH = BROWSER_DIR / "queries.cypher"

_HEADER = re.compile(r"^// =+ (?P<title>.+?) =*$")


def saved_queries(path: Path = QUERIES_PATH) -> dict[str, str]:
    """Title -> Cypher for every query in the file. A query starts with a line
    `// ==== Title ====`; the `:param` lines (Browser commands) are left out,
    so the result runs in any driver with the same parameters."""
    queries: dict[str, list[str]] = {}
    title: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line.strip())
        if match:
            title = match.group("title").strip()
            queries[title] = []
        elif title is not None and not line.lstrip().startswith(":"):
            queries[title].append(line)
    return {t: "\n".join(lines).strip().rstrip(";").strip() for t, lines in queries.items()}
