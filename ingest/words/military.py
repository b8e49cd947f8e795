"""Military words: armed men, service members, ships, and the unit nouns that also end other names."""

# Plural nouns for a state's or group's armed men: "Iraq's Security Forces ... they".
FORCE_NOUNS = frozenset("force forces troop troops soldier soldiers fighter fighters militant militants".split())

# Plural nouns for service members: "Reserve Airmen", "ANG Airmen" are people,
# never places (NER tags some of them GPE).
PERSONNEL_NOUNS = frozenset("airmen soldiers marines sailors troops guardsmen servicemen personnel".split())

# Unit nouns that also end the names of firms, teams and offices ("X Company",
# "X Group", "X Command" tagged as a place are too often not units).
NOT_ONLY_UNIT_HEADS = frozenset({"team", "section", "detachment", "company", "troop", "group", "army", "command"})

# Ship prefixes: vessels are not geopolitical entities ("USS Mahan", "HMS Ocean").
VESSEL_PREFIXES = frozenset("USS HMS FS HMAS HMCS HNLMS INS RFS ROKS JS TCG USNS ITS ESPS".split())
