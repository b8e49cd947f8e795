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
# Verbs of using a weapon or carrying out a strike, whose object's participle
# is the user's act ("launched missiles targeting X"; not "intercepted a drone
# attacking X"); the weapons are ingest.words.military.ARMS_WORDS.
INSTRUMENT_VERBS = frozenset("launch fire use deploy send drop shoot conduct carry mount stage".split())
STRIKE_NOUNS = frozenset("strike airstrike attack raid bombardment shelling salvo barrage".split())
