"""Verb classes of English grammar that decide where an argument is found."""

# --- relation extraction (ingest.relations.arguments) ---
# Verbs whose object is also the understood subject of their complement
# ("urged Iran to", "allowed Israel to", "welcomed Gantz to discuss").
OBJECT_CONTROL = frozenset(
    """allow permit let urge ask call force persuade encourage invite welcome
    help enable prevent stop push press order tell""".split()
)

# Nouns of speech acts whose content is their author's act: "posted a message
# blaming Iran", "issued a statement condemning the attack".
SPEECH_NOUNS = frozenset(
    """message statement letter tweet post video communique communiqué
    declaration resolution speech address note editorial comment remark
    interview announcement""".split()
)
