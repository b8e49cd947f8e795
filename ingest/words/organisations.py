"""Organisation words: head nouns of organisation names, organs of the state, and groups."""

# Head nouns of organisation names that a definite description repeats to refer
# back to the organisation: "U.S. Central Command ... the command", "the 134th
# Expeditionary Fighter Squadron ... the squadron", "Task Force 50 ... the task force".
ORG_ANAPHOR_HEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(h.split())
    for h in (
        "task force", "command", "squadron", "wing", "battalion", "brigade", "regiment", "division",
        "fleet", "ministry", "council", "committee", "commission", "agency", "alliance", "militia",
        "court", "parliament", "assembly", "party", "university", "company", "bank",
    )
)

# Words after a name that make it a tribe or clan ("the Al Bu Nimr tribe"), a group.
TRIBE_NOUNS = frozenset({"tribe", "clan"})

# Head nouns of organisation names that start with a place name
# ("Kurdistan Regional Government", "Baku State University").
ORG_HEADS = frozenset(
    """government council assembly parliament ministry university bank agency authority party
    front movement brigade brigades corps command committee commission court office department service
    services company corporation airlines airways news times post television radio institute foundation
    federation union league club police guard army forces navy""".split()
)
# For a country name these heads are the state itself acting ("Iraqi Army",
# "Iran Government"), so the country mention stands.
STATE_HEADS = frozenset("government army forces navy police guard command ministry".split())
# Words of a name that make it an organ of the state itself ("Government of
# Iraq", "Iraqi Security Forces", "Federal Government of Iraq"): the state acts.
STATE_ORGAN_WORDS = frozenset(
    """government federal central national state security armed forces force army navy air military
    police ministry defence defense interior foreign affairs regime administration cabinet authorities
    guard guards special operations""".split()
)

# What kind of organisation a definite description names ("the airline", "the
# network"), and the words that describe an organisation as that kind where the
# article names it: in the name ("Mahan Air", "ABS-CBN Corporation"), just
# before it ("Iranian airline Mahan Air", "broadcast corporation ABS-CBN"), in
# an apposition or after "is" ("ABS-CBN Corporation is the largest ... company").
# Class -> describing words; a description's head word belongs to its class.
DESCRIPTION_CLASSES: dict[str, frozenset[str]] = {
    "airline": frozenset("airline airlines carrier air airways".split()),
    "broadcaster": frozenset(
        "network networks broadcaster broadcast broadcasting television tv radio channel".split()
    ),
    "newspaper": frozenset("newspaper daily tabloid".split()),
    "news agency": frozenset("agency".split()),
    "company": frozenset(
        "company corporation corp firm conglomerate holdings inc ltd enterprise manufacturer maker".split()
    ),
}
# A class whose descriptions also fit the broader one ("the company" may be the airline).
DESCRIPTION_HYPERNYMS: dict[str, frozenset[str]] = {
    "company": frozenset({"airline", "broadcaster", "newspaper"}),
}
# The head nouns that, after "the" or "this", refer back to an organisation of a class.
DESCRIPTION_HEADS: dict[str, str] = {
    "airline": "airline",  # not "carrier": in military news that is a ship
    "network": "broadcaster", "broadcaster": "broadcaster", "channel": "broadcaster",
    "newspaper": "newspaper",
    "company": "company", "firm": "company", "corporation": "company",
}
# Last words that make a name a company's whatever NER tagged it ("Mahan Air" FAC).
COMPANY_NAME_ENDS = frozenset("Air Airlines Airways Corporation Corp Holdings Inc Ltd".split())
# Platforms and companies whose names NER often tags as people ("Twitter
# accused ..."): a person mention with one of these names is the organisation.
PLATFORM_NAMES = frozenset(
    """twitter facebook instagram youtube tiktok telegram whatsapp wechat weibo reddit wikipedia
    google linkedin snapchat signal""".split()
)
# Membership (ingest.relations.units.member_nouns). Nouns for a body of members
# whose members may be listed after them ("a group of seven countries, A, B and C").
COLLECTIVE_NOUNS = frozenset("group bloc alliance coalition union organisation organization association grouping club forum league".split())
# What such a body's members are ("of seven countries").
MEMBER_KIND_NOUNS = frozenset("country state nation member economy democracy power party government".split())
# Nouns for a part of a body ("a specialized agency of the United Nations",
# "the main fighting force of the SDF", "members of the G7").
PART_NOUNS = frozenset("agency member part branch wing arm organ subsidiary affiliate faction force component".split())
