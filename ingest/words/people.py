"""People words: titles of office holders and their heads, honorifics, rank abbreviations, roles of members."""

# --- entity resolution (ingest.resolve) ---
# Words that are titles, not names: stripped from the front of person names,
# and used to find names NER missed ("Ambassador ... Khazar Ibrahim").
TITLE_WORDS = frozenset(
    """president vice prime minister ministers secretary ambassador envoy general gen gen. lt lt. col col.
    maj maj. capt capt. adm adm. admiral sgt sgt. commander chief mr mr. mrs mrs. ms ms. dr dr. sir lord
    king queen prince princess sheikh shaikh emir crown senator sen sen. rep rep. representative governor
    gov gov. mayor spokesman spokeswoman spokesperson foreign defense defence deputy special chairman
    chairwoman chair director leader premier chancellor pope ayatollah supreme speaker judge justice
    colonel major captain lieutenant sergeant brig brig. brigadier marshal field officer official
    secretary-general under-secretary undersecretary attorney interior finance state affairs
    home health economy trade outgoing incoming former acting new then newly elected designate
    minister-designate prime-minister-designate head commissioner representative high
    ambassador-designate consul coordinator adviser advisor counsellor councillor rev rev. father
    imam cleric sultan executive commandant ceo chairperson rapporteur mp mep congressman congresswoman""".split()
)
TITLE_HEADS = frozenset(
    """president minister secretary ambassador envoy general admiral commander chief senator governor
    mayor spokesman spokeswoman spokesperson chairman chairwoman director leader premier chancellor
    speaker secretary-general commissioner king queen prince emir sultan commandant ceo chairperson""".split()
)

# Lower-case particles inside a person's name ("Mohammad bin Salman", "Arnel dela Vega").
NAME_PARTICLES = frozenset("bin bint ibn binti de del dela della da dos van von der le la al el".split())

# Rank abbreviations that end a mis-tagged ORG ("Navy Capt").
RANK_ABBREVIATIONS = frozenset("capt capt. gen gen. col col. lt lt. maj maj. sgt sgt. adm adm. cmdr cdr spc spc. pfc".split())

# --- relation extraction (ingest.relations: titles, arguments, locations) ---
# Titles: the words that may make up a title before or around a name.
# Which of them make a holder LEADER_OF is `graph`-independent annotation
# practice (the Wikinews gold's rule 6, the ontology's reading): heads of state
# or government, monarchs, party leaders and heads of organisations lead;
# ministers, ambassadors, envoys, spokespersons, generals, prosecutors, board
# members and committee chairs are officials.
LEADER_TITLES: frozenset[str] = frozenset(
    """president leader premier chancellor king queen emir sultan monarch
    chairman chairwoman chairperson chair head ayatollah dictator mayor governor
    commander chief prime_minister secretary-general director director-general
    ceo commandant""".split()
)
# Of these, the heads a STATE has: a director, commander or chief of a state is
# one of its officials ("Iranian commander", "police director"), not its leader.
STATE_HEAD_TITLES: frozenset[str] = frozenset(
    """president premier chancellor king queen emir sultan monarch ayatollah
    dictator leader head mayor governor""".split()
)
# Multi-word heads of a state or government ("prime minister", "chief executive").
STATE_HEAD_PHRASES: tuple[str, ...] = (
    "prime minister", "chief executive", "crown prince", "supreme leader", "commander-in-chief",
    "commander in chief", "head of state", "head of government",
)
OFFICIAL_TITLES: frozenset[str] = frozenset(
    """minister ambassador envoy spokesman spokeswoman spokesperson secretary
    official diplomat adviser advisor general admiral colonel lieutenant major
    captain officer negotiator representative senator lawmaker deputy director
    attorney prosecutor counsellor councillor consul attache aide commissioner
    rapporteur mp mep congressman congresswoman legislator
    undersecretary under-secretary lt. gen. maj. col. adm. brig. cmdr. sgt.""".split()
)
# Words of a title that make its holder the second in command, never the head.
DEPUTY_WORDS = frozenset("deputy vice assistant under-secretary undersecretary associate".split())
# Words of a title that place it in the past, the future or in doubt.
FORMER_WORDS = frozenset("former ex late then then-".split())
FUTURE_WORDS = frozenset("elect president-elect designate future incoming would-be".split())
ALLEGED_WORDS = frozenset("alleged suspected purported reputed self-styled self-proclaimed".split())
# Offices of a city, not of the state its capital may stand for ("the mayor of
# London", "the prosecutor general of Tehran"): a capital read as its state is the city again.
LOCAL_OFFICE_WORDS = frozenset("mayor governor prosecutor police councillor sheriff".split())
# Offices inside a party ("party leader", "Vice Chairman", "party spokesman");
# any other title with a party ("Republican Governor", "Labour MP") makes a member.
PARTY_OFFICE_WORDS = frozenset(
    "leader chairman chairwoman chairperson chair head secretary-general secretary spokesman spokeswoman spokesperson treasurer official".split()
)
# A title held over a part of a body: "committee chair", "board chairman".
PART_WORDS = frozenset("committee subcommittee board panel caucus".split())
# Words that may sit inside a title without being the title's head.
TITLE_MODIFIERS: frozenset[str] = frozenset(
    """foreign defense defence interior finance economy justice health education
    prime vice deputy acting outgoing incoming former ex then top senior chief
    supreme state party national regional special first army navy military
    air force armed forces joint staff security intelligence trade energy oil
    general u.s. of for to and affairs - interim caretaker current sitting
    executive industry transport transportation treasury labour labor
    agriculture environment culture crown prince""".split()
)
# Ministries and portfolios: "Secretary of Transportation", "Minister of
# Foreign Affairs" name a portfolio of the state, not an organisation of their own.
PORTFOLIO_WORDS: frozenset[str] = frozenset(
    """foreign defense defence interior home finance economy economic justice health
    education trade industry energy oil transport transportation treasury labour
    labor agriculture environment culture commerce state affairs security
    intelligence information communications tourism housing veterans police crime""".split()
)
# Title heads: a noun of these stands for its possessor or demonym ("Iranian officials").
TITLE_NOUNS = LEADER_TITLES | OFFICIAL_TITLES
# Roles in a group that are not offices ("Abu Jandal, an ISIL fighter": a member).
MEMBER_NOUNS = frozenset("member fighter militant operative commander activist supporter loyalist".split())

# --- identity (ingest.resolve.identity) ---
# Honorifics and religious or military titles that NER keeps inside a person's
# name ("Sayyid Ali Hosseini Khamenei", "General Soleimani"): not part of the
# name when names are compared. (TITLE_WORDS above holds the office titles.)
NAME_HONORIFICS = frozenset(
    """sayyid sayed seyed seyyed syed hojatoleslam hojjatoleslam ayatollah grand allamah mullah mawlana
    maulana sheikh shaikh shaykh imam rabbi reverend rev rev. cardinal bishop archbishop patriarch
    general gen gen. lieutenant lt lt. colonel col col. major maj maj. captain capt capt. admiral adm
    adm. brigadier brig brig. commander sergeant sgt sgt. marshal mr mr. mrs mrs. ms ms. dr dr. sir
    lord dame haji hajji""".split()
)
# The role a person has opposite another in the same office ("his Greek counterpart").
COUNTERPART_NOUNS = frozenset("counterpart counterparts opposite_number".split())
