"""The PLOVER codebook's field lists and categories, written out from the
codebook (openeventdata/PLOVER, PLOVER_MANUAL.tex: the "PLOVER JSON" table,
the information objects for entities, text and citations, the event
categories and the auxiliary modes), kept apart from graph.plover so that the
tests check the export against the specification and not against itself."""

from __future__ import annotations

from typing import Any

SPEC_RECORD_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
}
SPEC_ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity",
                      "office", "gender", "age"}  # fmt: skip
SPEC_TEXT_INFO = {"sequence", "start", "end", "text_story"}
SPEC_CITE_INFO = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder",
                  "codebook", "version"}  # fmt: skip
SPEC_CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                   "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}  # fmt: skip
SPEC_AUXILIARY = {"historical", "future", "hypothetical", "negation"}


def check_plover_record(rec: dict[str, Any]) -> None:
    """A record keeps to the codebook: its fields, required ones, categories, quad, contexts."""
    extra = set(rec) - SPEC_RECORD_FIELDS
    assert extra <= {"geokg"}, extra  # one object for what the codebook has no name for
    assert {"id", "date", "actor", "event"} <= set(rec)
    for entity in rec["actor"] + rec.get("recipient", []):
        assert {k for k in entity if not k.startswith("geokg_")} <= SPEC_ENTITY_FIELDS
    assert set(rec.get("text_info", {})) <= SPEC_TEXT_INFO and set(rec.get("cite_info", {})) <= SPEC_CITE_INFO
    assert set(rec["event"]) <= SPEC_CATEGORIES and rec["quad_code"] in {1, 2, 3, 4}
    assert -10 <= rec["event_scale"] <= 10
    assert set(rec.get("context", [])) <= SPEC_AUXILIARY
