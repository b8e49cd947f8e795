"""Words about events: gatherings, meetings, and verbs whose sense depends on who takes part."""

# --- relation extraction (ingest.relations.locations, .claims) ---
# Events that happen somewhere: the name modifying them is not there by it.
GATHERING_NOUNS = frozenset(
    "meeting summit conference talks session assembly forum visit ceremony election vote primary caucus nomination".split()
)
# Verbs of meeting: the parties are where the meeting is held; a visitor is
# where the visit takes place ("visited troops at Qayyarah Airfield").
MEETING_VERBS = frozenset({"meet", "hold", "talk", "host", "receive", "welcome", "sign", "visit"})
# Between two people an attack in words is a condemnation ...
POLITICAL_ATTACK_VERBS = frozenset({"attack", "target", "slam", "assault"})
# ... and a defeat an election, not violence.
ELECTORAL_VERBS = frozenset({"defeat", "beat", "fight", "battle", "challenge"})
