"""Curated: the words generic military unit names are made of.

Source: hand-written by the geokg project from common English military usage.

A unit name is *generic* when it holds nothing but designators (an ordinal or
a number, a company letter) and unit nouns: "2nd Battalion", "3rd Brigade",
"the 5th Squadron", "Task Force 1", "Company A", "Alpha Company", a bare "Division". Every army
has a "2nd Battalion", so such a name alone says which unit only inside one
article (or one unit chain). A name with any other word is *named*:
"101st Airborne Division", "321st Field Artillery Regiment", "5th Marines",
"Combined Joint Task Force - Operation Inherent Resolve" name one unit.
"""

from __future__ import annotations

import re

# Unit nouns and their echelon (size order): a unit belongs only to a larger
# one, so "1st Brigade, 2nd Brigade" is a list of peers, not a chain. A task
# force has no fixed size (None).
UNIT_NOUNS: dict[str, int | None] = {
    "team": 0, "section": 0, "detachment": 1, "platoon": 1,
    "company": 2, "battery": 2, "troop": 2,
    "battalion": 3, "squadron": 3,
    "regiment": 4, "group": 4,
    "wing": 5, "brigade": 5,
    "division": 6, "corps": 7, "army": 8, "fleet": 8, "command": 8,
    "task force": None,
}

# Ordinals written as words, for "First Army", "Second Fleet".
_WORD_ORDINALS = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()
)
# Company and battery letters as spoken: "Alpha Company", "Bravo Battery".
_PHONETIC_LETTERS = frozenset(
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa".split()
)
# "2nd", "21st", "50", "No.", "IV" (roman numerals for corps), "A" (a company letter).
_DESIGNATOR = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|no\.?|number|[ivxl]+|[a-z])$")
_WORDS = re.compile(r"[A-Za-z0-9]+\.?")


def _words(name: str) -> list[str]:
    words = [w.lower() for w in _WORDS.findall(name)]
    return words[1:] if words[:1] == ["the"] else words


# Only small units go by a letter: "Lima Company" is generic, "Lima Group" (the
# American states' group on Venezuela) is named.
_LETTERED_UNITS = frozenset({"company", "battery", "troop", "platoon"})


def _is_designator(word: str) -> bool:
    return bool(_DESIGNATOR.match(word)) or word in _WORD_ORDINALS


def unit_noun(name: str) -> str | None:
    """The unit noun a name ends with ("task force" for "Task Force 1"), else None."""
    words = [w for w in _words(name) if not _is_designator(w)]
    if words and words[0] in _PHONETIC_LETTERS and len(words) >= 2:
        words = words[1:]  # "Alpha Company"
    if len(words) >= 2 and " ".join(words[-2:]) in UNIT_NOUNS:
        return " ".join(words[-2:])
    return words[-1] if words and words[-1] in UNIT_NOUNS else None


def is_generic_unit(name: str) -> bool:
    """True when the name is only designators and unit nouns ("2nd Battalion",
    "Task Force 1", "Alpha Company"); False for a named unit ("101st Airborne
    Division") and for anything that is no unit name at all ("Iraq")."""
    words = _words(name)
    noun = unit_noun(name)
    if not words or noun is None:
        return False
    lettered = noun in _LETTERED_UNITS
    rest = " ".join(w for w in words if not (_is_designator(w) or lettered and w in _PHONETIC_LETTERS))
    for noun in sorted(UNIT_NOUNS, key=len, reverse=True):  # "task force" before "force"
        rest = re.sub(rf"\b{noun}\b", " ", rest)
    # A bare "Division" or "the Army" is as generic as "2nd Division"; "Air
    # Force" or "Wagner Group" hold a word beyond the unit noun: named.
    return not rest.strip()


def unit_echelon(name: str) -> int | None:
    """The echelon of the unit noun a name ends with; None for a task force or no unit noun."""
    noun = unit_noun(name)
    return UNIT_NOUNS.get(noun) if noun else None
