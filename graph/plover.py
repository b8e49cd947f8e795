"""Facts of the PLOVER event specification that the PLOVER export follows.

Source: the Open Event Data Alliance's PLOVER codebook, repository
openeventdata/PLOVER, PLOVER_MANUAL.tex at commit 5e0c24f ("replace
incorrect DEMAND refs with REQUEST"): the event categories and their quad
category (each category's "Quad category" section), the general contexts
and the auxiliary modes (which go in `context`), the record fields ("PLOVER
JSON" table), the entity, text and citation objects, and the current score
table ("PLOVER conflict--cooperation scores", a category's score without a
mode). Facts only; no text of the codebook is copied.

Two places where the codebook disagrees with itself, and what is used here:
- SANCTION's own section and the summary of categories put it in material
  conflict (4); the numeric quad table lists it under verbal conflict. 4.
- The score table prints ACCUSE as 3, beside ACCUSE's modes, all from -2 to
  -3.5, in a verbal-conflict category: read as -3.
"""

from __future__ import annotations

CODEBOOK = "PLOVER (openeventdata/PLOVER, PLOVER_MANUAL.tex @ 5e0c24f)"

# Quad categories: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict.
QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# Each event category: (quad code, score of the category without a mode).
CATEGORIES: dict[str, tuple[int, float]] = {
    "AGREE": (1, 2.5),
    "CONSULT": (1, 2.5),
    "SUPPORT": (1, 5.0),
    "CONCEDE": (1, 4.5),
    "COOPERATE": (2, 9.5),
    "AID": (2, 10.0),
    "RETREAT": (2, 6.5),
    "REQUEST": (3, 0.0),
    "ACCUSE": (3, -3.0),
    "REJECT": (3, -2.0),
    "THREATEN": (3, -3.5),
    "PROTEST": (4, -5.0),
    "SANCTION": (4, -6.0),
    "MOBILIZE": (4, -5.5),
    "COERCE": (4, -7.0),
    "ASSAULT": (4, -9.0),
}

# The general contexts (any category may carry them) ...
GENERAL_CONTEXTS: frozenset[str] = frozenset({
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
})  # fmt: skip
# ... and the auxiliary modes, which the codebook also puts in `context`.
AUXILIARY_MODES: frozenset[str] = frozenset({"historical", "future", "hypothetical", "negation"})
CONTEXTS: frozenset[str] = GENERAL_CONTEXTS | AUXILIARY_MODES

# The record's fields ("PLOVER JSON"); id, date, actor and event are required.
RECORD_FIELDS: tuple[str, ...] = (
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
)  # fmt: skip
REQUIRED_FIELDS: tuple[str, ...] = ("id", "date", "actor", "event")
ENTITY_FIELDS: tuple[str, ...] = (
    "code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity",
    "office", "gender", "age",
)  # fmt: skip
TEXT_INFO_FIELDS: tuple[str, ...] = ("sequence", "start", "end", "text_story")
CITE_INFO_FIELDS: tuple[str, ...] = (
    "corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
    "codebook", "version",
)  # fmt: skip


def quad_code(category: str) -> int:
    return CATEGORIES[category][0]


def score(category: str) -> float:
    """The category's PLOVER score (conflict -10 .. +10 cooperation), without a mode."""
    return CATEGORIES[category][1]
