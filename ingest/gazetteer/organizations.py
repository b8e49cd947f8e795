"""Curated: international organisations, alliances, courts, agencies and a few
political parties and state forces that news about geopolitics names often.

Source: hand-written by the geokg project (no installed package lists
organisations). Names and acronyms are the organisations' own public names;
Wikidata QIDs are given only where the project is certain of them, else None.
Columns: (slug, canonical name, aliases, Wikidata QID or None).
Acronyms are matched case-sensitively ("UN", never "un").
"""

from __future__ import annotations

OrgRow = tuple[str, str, tuple[str, ...], str | None]

ORGANIZATIONS: tuple[OrgRow, ...] = (
    # The UN system
    ("united-nations", "United Nations", ("UN", "U.N.", "the United Nations"), "Q1065"),
    ("un-security-council", "United Nations Security Council",
     ("UN Security Council", "U.N. Security Council", "Security Council", "UNSC"), "Q37470"),
    ("un-general-assembly", "United Nations General Assembly",
     ("UN General Assembly", "U.N. General Assembly", "UNGA"), None),
    ("unesco", "UNESCO", ("United Nations Educational, Scientific and Cultural Organization",), "Q7809"),
    ("unicef", "UNICEF", ("United Nations Children's Fund",), None),
    ("unhcr", "UNHCR", ("UN Refugee Agency", "United Nations High Commissioner for Refugees"), None),
    ("unrwa", "UNRWA", ("United Nations Relief and Works Agency",), None),
    ("world-food-programme", "World Food Programme", ("WFP", "World Food Program"), None),
    ("who", "World Health Organization", ("WHO", "World Health Organisation"), "Q7817"),
    ("iaea", "International Atomic Energy Agency", ("IAEA",), None),
    ("opcw", "Organisation for the Prohibition of Chemical Weapons",
     ("OPCW", "Organization for the Prohibition of Chemical Weapons"), None),
    ("imf", "International Monetary Fund", ("IMF",), "Q7804"),
    ("world-bank", "World Bank", ("the World Bank",), "Q7164"),
    ("wto", "World Trade Organization", ("WTO", "World Trade Organisation"), "Q7825"),
    ("icc", "International Criminal Court", ("ICC",), None),
    ("icj", "International Court of Justice", ("ICJ", "World Court"), None),
    ("unifil", "UNIFIL", ("United Nations Interim Force in Lebanon",), None),
    # Alliances and regional organisations
    ("nato", "NATO", ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato"), "Q7184"),
    ("european-union", "European Union", ("EU", "E.U.", "the European Union"), "Q458"),
    ("european-commission", "European Commission", ("EU Commission",), None),
    ("european-parliament", "European Parliament", (), None),
    ("european-council", "European Council", (), None),
    ("council-of-europe", "Council of Europe", (), None),
    ("osce", "OSCE", ("Organization for Security and Co-operation in Europe",
                      "Organisation for Security and Co-operation in Europe"), None),
    ("african-union", "African Union", ("AU",), "Q7159"),
    ("asean", "ASEAN", ("Association of Southeast Asian Nations",), "Q7768"),
    ("opec", "OPEC", ("Organization of the Petroleum Exporting Countries", "OPEC+"), "Q7795"),
    ("arab-league", "Arab League", ("League of Arab States", "the Arab League"), "Q7172"),
    ("gcc", "Gulf Cooperation Council", ("GCC", "Cooperation Council for the Arab States of the Gulf"), None),
    ("oic", "Organisation of Islamic Cooperation", ("OIC", "Organization of Islamic Cooperation"), None),
    ("sco", "Shanghai Cooperation Organisation", ("SCO", "Shanghai Cooperation Organization"), None),
    ("csto", "Collective Security Treaty Organization", ("CSTO",), None),
    ("cis", "Commonwealth of Independent States", (), None),
    ("eaeu", "Eurasian Economic Union", ("EAEU",), None),
    ("g7", "G7", ("Group of Seven", "G-7"), None),
    ("g20", "G20", ("Group of Twenty", "G-20"), None),
    ("brics", "BRICS", (), None),
    ("ecowas", "ECOWAS", ("Economic Community of West African States",), None),
    ("sadc", "SADC", ("Southern African Development Community",), None),
    ("oas", "Organization of American States", ("OAS",), None),
    ("mercosur", "Mercosur", ("MERCOSUR",), None),
    ("apec", "APEC", ("Asia-Pacific Economic Cooperation",), None),
    ("interpol", "Interpol", ("INTERPOL",), None),
    ("global-coalition-against-daesh", "Global Coalition against Daesh",
     ("Global Coalition to Defeat ISIS", "Global Coalition", "Counter-ISIL Coalition",
      "Combined Joint Task Force-Operation Inherent Resolve", "CJTF-OIR"), None),
    # The collective actor statements name as such ("the international community
    # condemned ..."): one node, so what it is said to do can be queried.
    ("international-community", "international community", ("International Community",), None),
    # Humanitarian and rights organisations
    ("icrc", "International Committee of the Red Cross", ("ICRC", "Red Cross"), None),
    ("amnesty-international", "Amnesty International", (), None),
    ("human-rights-watch", "Human Rights Watch", ("HRW",), None),
    ("msf", "Medecins Sans Frontieres", ("Médecins Sans Frontières", "Doctors Without Borders", "MSF"), None),
    # State forces and security services that act in their own name
    ("idf", "Israel Defense Forces", ("IDF", "Israeli Defense Forces", "Israel Defence Forces"), None),
    ("irgc", "Islamic Revolutionary Guard Corps",
     ("IRGC", "Revolutionary Guards", "Revolutionary Guard", "Islamic Revolutionary Guards Corps"), None),
    ("centcom", "U.S. Central Command", ("US Central Command", "CENTCOM", "United States Central Command"), None),
    ("mossad", "Mossad", (), None),
    ("fsb", "Federal Security Service", ("FSB",), None),
    # Political parties
    ("likud", "Likud", ("Likud Party", "Likud party"), None),
    ("yesh-atid", "Yesh Atid", (), None),
    ("akp", "Justice and Development Party", ("AKP", "AK Party"), None),
    ("baath-party", "Ba'ath Party", ("Baath Party", "Ba'ath party", "Baath party"), None),
    ("ccp", "Chinese Communist Party", ("Communist Party of China", "CCP", "CPC"), None),
    ("united-russia", "United Russia", (), None),
    ("bjp", "Bharatiya Janata Party", ("BJP",), None),
    ("anc", "African National Congress", ("ANC",), None),
    ("fatah", "Fatah", (), None),
    ("plo", "Palestine Liberation Organization", ("PLO", "Palestine Liberation Organisation"), None),
    ("palestinian-authority", "Palestinian Authority", ("PA",), None),
    # News organisations, named in reporting ("Wikinews has learned", "told
    # Reuters"): without these NER tags some of them as places. Full names
    # only: bare "AP" is a photo credit far more often than an actor.
    ("wikinews", "Wikinews", (), None),
    ("reuters", "Reuters", (), None),
    # National legislatures under their full names (a bare "the House" or "the
    # Senate" is resolved by coreference to the one named before).
    ("us-house", "United States House of Representatives",
     ("U.S. House of Representatives", "US House of Representatives"), None),
    ("us-senate", "United States Senate", ("U.S. Senate", "US Senate"), None),
    ("us-congress", "United States Congress", ("U.S. Congress", "US Congress"), None),
    ("associated-press", "Associated Press", ("the Associated Press",), None),
    ("bbc", "BBC", ("British Broadcasting Corporation",), None),
    ("al-jazeera", "Al Jazeera", (), None),
)

# Bare words that name an organisation only in a given context: the alias
# resolves to the organisation when the article also mentions one of the
# context entities (gazetteer keys), else it is not an entity.
# Columns: (alias, organisation slug, context keys).
CONTEXTUAL_ALIASES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # Capitalised "the Coalition" in news of the war against ISIL.
    ("Coalition", "global-coalition-against-daesh", ("group:isil", "group:nusra-front", "SYR", "IRQ")),
    ("International Coalition", "global-coalition-against-daesh", ("group:isil", "group:nusra-front", "SYR", "IRQ")),
    # Lower-case forms count only after "the" ("the coalition said") or as a
    # modifier ("coalition airstrikes").
    ("coalition", "global-coalition-against-daesh", ("group:isil", "group:nusra-front")),
    ("international coalition", "global-coalition-against-daesh", ("group:isil", "group:nusra-front")),
    ("global coalition", "global-coalition-against-daesh", ("group:isil", "group:nusra-front")),
    ("U.S.-led coalition", "global-coalition-against-daesh", ("group:isil", "group:nusra-front")),
    ("US-led coalition", "global-coalition-against-daesh", ("group:isil", "group:nusra-front")),
)
