"""Military words: arms, forces, fighting, units."""

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
