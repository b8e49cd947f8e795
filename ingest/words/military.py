"""Military words: arms, forces, fighting, service members, ships and units."""

# --- entity resolution (ingest.resolve) ---
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

# --- relation extraction (ingest.relations: lexicon, military, locations, units) ---
# What is given when arms are supplied ("supplied weapons to X").
ARMS_WORDS: frozenset[str] = frozenset(
    """weapon weaponry arm armament munition ammunition missile rocket drone uav
    tank artillery howitzer jet fighter helicopter warship submarine rifle gun
    firearm mortar bomb interceptor launcher s-400 f-16 f-35 javelin stinger
    himars patriot""".split()
)
# Modifiers that make equipment, aid or cooperation military ("military aid").
MILITARY_MODIFIERS: frozenset[str] = frozenset(
    "military defense defence security army naval weapons arms war lethal".split()
)
# Lemmas of support cues that may be military cooperation.
SUPPORT_LEMMAS = frozenset({"support", "assist", "back", "help", "backing", "assistance"})
# What military help is made of ("through training, advise and assist operations, airstrikes").
MILITARY_MEANS = frozenset(
    """airstrike strike bombing sortie munition training train advise advising assist
    adviser advisor firepower artillery troop soldier air""".split()
) | ARMS_WORDS
# Head words naming an armed force ("Iraqi forces", "the Iraqi Security Forces").
FORCE_WORDS = frozenset({"force", "forces", "troop", "troops", "army", "military", "militia", "fighters"})
# Verbs of fighting an enemy: support that serves them is help in a war.
FIGHT_LEMMAS = frozenset({"defeat", "destroy", "degrade", "fight", "combat", "counter", "liberate", "retake", "clear", "dislodge"})
# Strikes hit a place from afar (aircraft, missiles, artillery): who launches them is not there.
REMOTE_STRIKE_WORDS = frozenset("strike airstrike bomb bombard shell bombing shelling sortie".split())
# Verbs that put a soldier or a unit in a larger unit ("was assigned to 2nd Battalion").
ASSIGNMENT_VERBS = frozenset({"assign", "attach", "reassign"})
