"""A search text -> the entities the ingest would resolve it to.

The ingest's resolution rules for a name on its own (no sentence around it)
come from its gazetteer: canonical names and aliases, demonyms ("Azeri" ->
Azerbaijan), institutions standing for their state ("the Kremlin" -> Russia)
and capitals that can act for it ("Baku": the city, then Azerbaijan). Rules
that need a text (coreference, pronouns, context-bound aliases) do not apply
to a search box. Case is ignored, as is a leading "the".
"""

from __future__ import annotations

from functools import cache

from ingest.gazetteer import EntryKind, GazEntry, build_gazetteer

# A resolution rule per gazetteer entry kind (the names ingest.resolve gives).
_RULES: dict[EntryKind, str] = {
    EntryKind.DEMONYM: "demonym",
    EntryKind.INSTITUTION: "institution-metonymy",
}


def _normal(text: str) -> str:
    text = " ".join(text.split())
    if text.lower().startswith("the "):
        text = text[4:]
    return text.casefold()


def _matches(phrase: str, entry: GazEntry) -> list[tuple[str, str]]:
    entity = entry.entity
    if entity is None or entry.context:  # nominal references; aliases valid only beside another name
        return []
    rule = _RULES.get(entry.kind) or ("exact" if phrase == entity.name else "alias")
    out = [(entity.id, rule)]
    if entry.kind == EntryKind.CITY and entry.acts_for and entry.acts_for != entity.id:
        out.append((entry.acts_for, "capital-metonymy"))
    return out


@cache
def _index() -> dict[str, list[tuple[str, str]]]:
    gaz = build_gazetteer()
    index: dict[str, list[tuple[str, str]]] = {}
    # Sorted, so where two phrases differ only by case the result is repeatable;
    # the exact-case phrase is looked up first in `resolve_name`.
    for phrase, key in sorted(gaz.phrases.items()):
        entry = gaz.entry(key)
        if entry is None:
            continue
        bucket = index.setdefault(_normal(phrase), [])
        for match in _matches(phrase, entry):
            if match[0] not in {m[0] for m in bucket}:
                bucket.append(match)
    return index


@cache
def _exact_case() -> dict[str, list[tuple[str, str]]]:
    gaz = build_gazetteer()
    out: dict[str, list[tuple[str, str]]] = {}
    for phrase, key in gaz.phrases.items():
        entry = gaz.entry(key)
        if entry is not None and (found := _matches(phrase, entry)):
            out[" ".join(phrase.split())] = found
    return out


def resolve_name(text: str) -> list[tuple[str, str]]:
    """(entity id, rule) pairs for a whole search text, best first; [] when
    the gazetteer does not know the name (prefix and fuzzy search still run)."""
    stripped = " ".join(text.split())
    if stripped.lower().startswith("the "):
        stripped = stripped[4:]
    return _exact_case().get(stripped) or _index().get(_normal(text), [])
