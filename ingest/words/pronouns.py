"""Personal pronouns, by person and number."""

THIRD_PERSON = frozenset({"he", "him", "his", "she", "her"})
FIRST_PERSON = frozenset({"i", "my", "me"})
FIRST_PLURAL = frozenset({"we", "our", "us"})
PRONOUNS = THIRD_PERSON | FIRST_PERSON | FIRST_PLURAL
# "they" may stand for an organisation or armed group named as a clause subject
# just before ("The Syrian Democratic Forces announced that they ..."). Not
# "them": an object pronoun seldom means its own clause's subject (that would
# be "themselves"); on Wikinews it was mostly someone else.
THIRD_PLURAL = frozenset({"they"})
