"""Pronouns, by person and number and by what they may refer to."""

# --- entity resolution (ingest.resolve) ---
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her"})
FIRST_PERSON = frozenset({"i", "my", "me"})
FIRST_PLURAL = frozenset({"we", "our", "us"})
PRONOUNS = THIRD_PERSON | FIRST_PERSON | FIRST_PLURAL
# "they" may stand for an organisation or armed group named as a clause subject
# just before ("The Syrian Democratic Forces announced that they ..."). Not
# "them": an object pronoun seldom means its own clause's subject (that would
# be "themselves"); on Wikinews it was mostly someone else.
THIRD_PLURAL = frozenset({"they"})
# Plural nouns of office that name the states they serve through a modifier
# ("his Greek and French counterparts", "the foreign ministers of Spain and
# Portugal"), besides the title nouns (ingest.words.people.TITLE_NOUNS).
COUNTERPART_NOUNS = frozenset({"counterpart", "counterparts"})
# Heads that count a plural antecedent ("thousands of protesters ... they").
QUANTITY_NOUNS = frozenset("thousands hundreds dozens millions scores tens".split())

# --- relation extraction (ingest.relations.arguments) ---
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# "it"/"its": the nearest preceding actor that was a clause subject.
SINGULAR_NEUTER = frozenset({"it", "its"})
