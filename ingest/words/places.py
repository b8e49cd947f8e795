"""Place words: prepositions of location, nouns and verbs that make a name a place, kinds of places."""

# --- entity resolution (ingest.resolve) ---
# Prepositions after which a place name is a location, not an actor (the
# resolver's list; relation patterns keep their own LOCATIVE_PREPS).
PLACE_CONTEXT_PREPS = frozenset(
    "in at near inside outside across within throughout around into onto from via through "
    "along beyond off toward towards".split()
)
# Prepositions that take only places (not "at Google", "from the ministry").
STRICT_PLACE_PREPS = frozenset("in near inside outside around into throughout toward towards".split())
# "to" is locative only after movement words ("a visit to Baku", "flew to Baku").
MOTION_WORDS = frozenset(
    "visit visits visited visiting trip trips travel travelled traveled travelling traveling "
    "fly flew flown flight flights arrive arrived arrival return returned go went gone come came "
    "move moved send sent deploy deployed deployment journey route way road relocate relocated "
    "head headed heading tour toured".split()
)

# "the liberation of X", "the city of X": X is a place. Lemmas.
PLACE_OF_NOUNS = frozenset(
    """liberation recapture retaking capture siege fall encirclement isolation outskirts occupation city town
    village province district governorate residents suburb suburbs centre center""".split()
)
# Verbs whose object (or passive subject) is a place: "liberate Sinjar", "isolate Raqqah".
PLACE_VERBS = frozenset("liberate recapture retake besiege encircle isolate storm overrun".split())

# Nouns that name an administrative area after its proper name ("Anbar
# province", "Idlib governorate", "Mosul district"): the name and the noun are
# one place mention.
ADMIN_UNITS = frozenset("province governorate district county prefecture oblast municipality".split())

# Last words of facility names: an airfield, a dam or an air base is a place,
# whatever label NER gives it ("Tiyas Military Airfield" ORG, "Baghdad
# International Airport").
FACILITY_HEADS = frozenset("airport airfield base dam bridge harbour harbor".split())
# Lower-case nouns after a name that make the whole phrase a facility, a place
# ("the EastMed gas pipeline", "the TurkStream pipeline"): NER tags the name ORG.
FACILITY_NOUNS_AFTER_NAME = frozenset("pipeline pipelines canal railway airport airbase dam bridge".split())
# Time-zone abbreviations NER tags as organisations ("8:30 pm BST").
TIME_ZONES = frozenset("UTC GMT BST CET CEST EST EDT CST CDT PST PDT MST MDT IST JST AEST AEDT MSK EET EEST".split())

# "<region> regional government": the region's government, an organisation.
SUBNATIONAL_WORDS = frozenset("regional provincial state local municipal city autonomous".split())

# --- relation extraction (ingest.relations.locations, .units) ---
# Prepositions that put a named thing in a place ("ISIL in Syria"). Not the
# resolver's PLACE_CONTEXT_PREPS (different members): merging them changes claims.
LOCATIVE_PREPS = frozenset({"in", "near", "inside", "outside", "at", "across", "throughout"})
# "near X", "around X", "outside X" say where something is relative to X, not
# that X contains it (claims through them get a low confidence).
PROXIMITY_PREPS = frozenset({"near", "around", "outside"})
# Prepositions that give the scene of an event ("met in Baghdad", "Near Mosul, strikes ...").
# Verbs that say where someone is based, lives, is held or works ("lives in
# Lyon", "detained in Evin", "stationed in Qatar"): only these locate a person
# at an event's place; visiting, meeting or holding a rally somewhere is an
# event there, not where one is.
LOCATIVE_STATE_VERBS = frozenset(
    """base headquarter locate live reside settle stay station deploy garrison
    operate detain imprison jail intern confine hide shelter work study
    teach headquartered""".split()
)
EVENT_LOCATIVE_PREPS = frozenset({"in", "near", "inside", "at", "around", "outside"})
# Nouns naming a kind of place ("the city of Mosul", "Anbar province").
PLACE_NOUNS = frozenset("city town village capital province region district port area governorate state".split())
# Nouns of an area places are listed in ("key towns in northern Iraq including Rabiyah").
AREA_NOUNS = frozenset("town city village area territory region district province place".split())
