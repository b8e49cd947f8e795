"""Pronouns, by what they may refer to."""

# --- relation extraction (ingest.relations.arguments) ---
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# "it"/"its": the nearest preceding actor that was a clause subject.
SINGULAR_NEUTER = frozenset({"it", "its"})
