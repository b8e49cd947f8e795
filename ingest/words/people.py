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
    imam cleric sultan""".split()
)
TITLE_HEADS = frozenset(
    """president minister secretary ambassador envoy general admiral commander chief senator governor
    mayor spokesman spokeswoman spokesperson chairman chairwoman director leader premier chancellor
    speaker secretary-general commissioner king queen prince emir sultan""".split()
)

# Rank abbreviations that end a mis-tagged ORG ("Navy Capt").
RANK_ABBREVIATIONS = frozenset("capt capt. gen gen. col col. lt lt. maj maj. sgt sgt. adm adm. cmdr cdr spc spc. pfc".split())

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
