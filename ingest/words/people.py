"""Words about people: the titles of office holders, the roles of members."""

# --- relation extraction (ingest.relations: titles, arguments, locations) ---
# Titles: the words that may make up a title before or around a name.
LEADER_TITLES: frozenset[str] = frozenset(
    """president leader premier chancellor king queen emir sultan monarch
    chairman chairwoman chairperson chair head ayatollah dictator mayor governor
    commander chief prime_minister secretary-general""".split()
)
OFFICIAL_TITLES: frozenset[str] = frozenset(
    """minister ambassador envoy spokesman spokeswoman spokesperson secretary
    official diplomat adviser advisor general admiral colonel lieutenant major
    captain officer negotiator representative senator lawmaker deputy director
    attorney prosecutor counsellor councillor consul attache aide
    undersecretary under-secretary lt. gen. maj. col. adm. brig. cmdr. sgt.""".split()
)
# Words that may sit inside a title without being the title's head.
TITLE_MODIFIERS: frozenset[str] = frozenset(
    """foreign defense defence interior finance economy justice health education
    prime vice deputy acting outgoing incoming former ex then top senior chief
    supreme state party national regional special first army navy military
    air force armed forces joint staff security intelligence trade energy oil
    general u.s. of for to and affairs -""".split()
)
# Title heads: a noun of these stands for its possessor or demonym ("Iranian officials").
TITLE_NOUNS = LEADER_TITLES | OFFICIAL_TITLES
# Roles in a group that are not offices ("Abu Jandal, an ISIL fighter": a member).
MEMBER_NOUNS = frozenset("member fighter militant operative commander activist supporter loyalist".split())
