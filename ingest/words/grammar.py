"""Verb classes of English grammar that decide where an argument is found."""

# --- relation extraction (ingest.relations.arguments) ---
# Verbs whose object is also the understood subject of their complement
# ("urged Iran to", "allowed Israel to", "welcomed Gantz to discuss").
OBJECT_CONTROL = frozenset(
    """allow permit let urge ask call force persuade encourage invite welcome
    help enable prevent stop push press order tell""".split()
)
