"""People words: titles and honorifics that precede names, their head words, and rank abbreviations."""

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
