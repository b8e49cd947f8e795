"""Words about places: prepositions of location, nouns naming a kind of place."""

# --- relation extraction (ingest.relations.locations, .units) ---
# Prepositions that put a named thing in a place ("ISIL in Syria"). Not the
# resolver's PLACE_CONTEXT_PREPS (different members): merging them changes claims.
LOCATIVE_PREPS = frozenset({"in", "near", "inside", "outside", "at", "across", "throughout"})
# "near X", "around X", "outside X" say where something is relative to X, not
# that X contains it (claims through them get a low confidence).
PROXIMITY_PREPS = frozenset({"near", "around", "outside"})
# Prepositions that give the scene of an event ("met in Baghdad", "Near Mosul, strikes ...").
EVENT_LOCATIVE_PREPS = frozenset({"in", "near", "inside", "at", "around", "outside"})
# Nouns naming a kind of place ("the city of Mosul", "Anbar province").
PLACE_NOUNS = frozenset("city town village capital province region district port area governorate state".split())
# Nouns of an area places are listed in ("key towns in northern Iraq including Rabiyah").
AREA_NOUNS = frozenset("town city village area territory region district province place".split())
