"""Curated: non-state armed groups (entity kind Group).

Source: hand-written by the geokg project from the groups' commonly reported
names and transliterations; no installed package lists them. Wikidata QIDs only
where the project is certain, else None.
Columns: (slug, canonical name, aliases, Wikidata QID or None).
"""

from __future__ import annotations

GroupRow = tuple[str, str, tuple[str, ...], str | None]

ARMED_GROUPS: tuple[GroupRow, ...] = (
    ("isil", "Islamic State",
     ("ISIL", "ISIS", "Daesh", "DAESH", "Da'esh", "Da’esh", "Islamic State of Iraq and the Levant",
      "Islamic State of Iraq and Syria", "Islamic State group", "the Islamic State"), "Q2429253"),
    ("isis-k", "Islamic State Khorasan Province", ("ISIS-K", "ISKP", "IS-K"), None),
    ("al-qaeda", "al-Qaeda", ("al-Qaida", "al Qaeda", "Al Qaeda", "Al-Qaeda", "al-Qa'ida", "al-Qa’ida", "Al-Qaida"), "Q34490"),
    ("aqap", "al-Qaeda in the Arabian Peninsula", ("AQAP",), None),
    ("hezbollah", "Hezbollah", ("Hizbollah", "Hizballah", "Hezbullah", "Hizbullah"), None),
    ("hamas", "Hamas", ("HAMAS",), None),
    ("palestinian-islamic-jihad", "Palestinian Islamic Jihad", ("Islamic Jihad", "PIJ"), None),
    ("taliban", "Taliban", ("the Taliban", "Taleban"), None),
    ("ttp", "Tehrik-i-Taliban Pakistan", ("TTP", "Pakistani Taliban"), None),
    ("haqqani-network", "Haqqani network", ("Haqqani Network",), None),
    ("houthis", "Houthis", ("Houthi", "Houthi rebels", "Houthi movement", "Ansar Allah", "Ansarallah"), None),
    ("pkk", "PKK", ("Kurdistan Workers' Party", "Kurdistan Workers Party"), None),
    ("ypg", "YPG", ("People's Protection Units",), None),
    ("sdf", "Syrian Democratic Forces", ("SDF",), None),
    ("wagner-group", "Wagner Group", ("Wagner", "PMC Wagner", "Wagner PMC"), None),
    ("boko-haram", "Boko Haram", (), None),
    ("al-shabaab", "al-Shabaab", ("Al-Shabaab", "al-Shabab", "Al-Shabab", "al Shabaab"), None),
    ("nusra-front", "al-Nusra Front",
     ("Nusra Front", "Jabhat al-Nusra", "al-Nusrah Front", "Jabhat Fateh al-Sham"), None),
    ("hts", "Hayat Tahrir al-Sham", ("HTS", "Hay'at Tahrir al-Sham", "Tahrir al-Sham"), None),
    ("free-syrian-army", "Free Syrian Army", ("FSA",), None),
    ("ahrar-al-sham", "Ahrar al-Sham", (), None),
    ("pmf", "Popular Mobilization Forces",
     ("PMF", "Popular Mobilisation Forces", "Hashd al-Shaabi", "Popular Mobilization Units", "PMU"), None),
    ("kataib-hezbollah", "Kata'ib Hezbollah", ("Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hizballah"), None),
    ("lashkar-e-taiba", "Lashkar-e-Taiba", ("LeT", "Lashkar-e-Toiba"), None),
    ("jaish-e-mohammed", "Jaish-e-Mohammed", ("JeM", "Jaish-e-Muhammad"), None),
    ("m23", "M23", ("March 23 Movement",), None),
    ("rapid-support-forces", "Rapid Support Forces", ("RSF",), None),
    ("janjaweed", "Janjaweed", (), None),
    ("farc", "FARC", ("Revolutionary Armed Forces of Colombia",), None),
    ("abu-sayyaf", "Abu Sayyaf", ("Abu Sayyaf Group", "ASG"), None),
    ("jnim", "JNIM", ("Jama'at Nasr al-Islam wal Muslimin",), None),
    ("peshmerga", "Peshmerga", ("Kurdish Peshmerga",), None),
    # Added for issue 14 (named armed groups the resolver did not find); names and
    # common transliterations as the groups' English Wikipedia articles give them.
    ("milf", "Moro Islamic Liberation Front", ("MILF",), None),
    ("maute-group", "Maute group", ("Maute Group", "Islamic State of Lanao"), None),
    ("jemaah-islamiyah", "Jemaah Islamiyah", ("Jemaah Islamiah",), None),
    ("iswap", "Islamic State West Africa Province", ("ISWAP",), None),
    ("ansar-dine", "Ansar Dine", (), None),
    ("hurras-al-din", "Hurras al-Din", ("Hurras al-Deen",), None),
    ("jaysh-al-islam", "Jaysh al-Islam", ("Jaish al-Islam",), None),
    ("asaib-ahl-al-haq", "Asa'ib Ahl al-Haq", ("Asaib Ahl al-Haq",), None),
    ("harakat-al-nujaba", "Harakat al-Nujaba", ("Harakat Hezbollah al-Nujaba",), None),
    ("badr-organization", "Badr Organization", ("Badr Organisation", "Badr Brigades"), None),
    ("liwa-fatemiyoun", "Liwa Fatemiyoun", ("Fatemiyoun Division",), None),
    ("al-aqsa-martyrs-brigades", "al-Aqsa Martyrs' Brigades", ("Al-Aqsa Martyrs' Brigades",), None),
    ("lords-resistance-army", "Lord's Resistance Army", ("LRA",), None),
    ("eln", "National Liberation Army (Colombia)", ("Ejército de Liberación Nacional",), None),
    ("shining-path", "Shining Path", ("Sendero Luminoso",), None),
    ("arakan-army", "Arakan Army", (), None),
    ("polisario-front", "Polisario Front", ("Polisario",), None),
    ("tplf", "Tigray People's Liberation Front", ("TPLF",), None),
    # A people acting as a party to a conflict ("the Kurds were instrumental in the
    # fight against ISIS"); the Kurdish forces and groups the press means by it.
    ("kurds", "Kurds", ("the Kurds", "Kurdish groups", "Kurdish forces", "Kurdish fighters"), None),
)

# Crowds the press names by a place or people and a plural noun ("Hong Kong
# protesters", "Serbian demonstrators"): one Group entity, never the state (the
# protesters of Serbia are not Serbia). Lower-case plural nouns.
CROWD_NOUNS: frozenset[str] = frozenset(
    "protesters protestors demonstrators activists rioters marchers militants insurgents".split()
)
# Verbs whose plural-demonym subject is such a crowd ("Serbians protested").
CROWD_VERBS: frozenset[str] = frozenset("protest demonstrate riot march rally".split())
