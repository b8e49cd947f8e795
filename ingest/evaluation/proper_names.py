"""Which argument texts count as proper names (the relation proper-name subset)."""

from __future__ import annotations

import re

PRONOUNS: frozenset[str] = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers it its
    they them their theirs this that these those who whom which whose itself
    themselves himself herself ourselves one""".split()
)

# A first word from this set makes the text a nominal, not a name.
DETERMINERS: frozenset[str] = frozenset(
    """the a an all some any both each every many several few most other another
    such no our their its his her my your these those this that""".split()
)

# Lowercase first words that still begin a name ("al-Qaida", "bin Laden").
NAME_PARTICLES: tuple[str, ...] = ("al-", "al ", "ad-", "as-", "el-", "bin ", "ibn ", "abu ")

_WORD = re.compile(r"[^\s]+")


def is_proper_name(text: str) -> bool:
    """True when `text` is a proper name rather than a pronoun or a nominal.

    The proper-name subset of relation scoring keeps gold relations whose head
    and tail both pass this test. A text is NOT a proper name when:
    - it is a pronoun ("we", "He", "it");
    - its first word is a determiner or possessive ("the Army", "a coalition
      aircraft", "all political parties", "their supporters");
    - it is a lowercase common nominal: it starts with a lowercase letter
      (unless a name particle such as "al-" begins it) or holds no capital at
      all ("rebels", "coalition forces", "strike").
    Everything else counts ("ISIL", "Iraqi security forces", "Haider al-Abadi",
    "US Secretary of State John Kerry").
    """
    cleaned = text.strip().strip("\"'“”‘’()[],.;:")
    if not cleaned:
        return False
    words = _WORD.findall(cleaned)
    first = words[0].lower().strip("\"'“”‘’,.")
    if len(words) == 1 and first in PRONOUNS:
        return False
    if first in DETERMINERS:
        return False
    if not any(ch.isupper() for ch in cleaned):
        return False
    if cleaned[0].islower() and not cleaned.lower().startswith(NAME_PARTICLES):
        return False
    return True
