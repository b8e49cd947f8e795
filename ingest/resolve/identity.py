"""Identity: one person, one entity, however the article names them; and a
name the NER calls a person that is an organisation.

Two passes: `not_people` right after the entities are resolved (before the
pronoun and surname passes read the people of the article), `unify_people`
last, over the mentions every earlier pass emitted:

- person names are compared after removing honorifics, religious and military
  titles (`ingest.words.people.NAME_HONORIFICS`, the office titles of
  TITLE_WORDS): "Sayyid Ali Hosseini Khamenei" and "Ali Khamenei" share a
  first and a last name, and the shorter drops only middle names, so both are
  the entity of the shorter form ("person:ali-khamenei", the same id other
  articles give "Ali Khamenei"), the longer an alias; "General Soleimani"
  reduced to "Soleimani" (and a bare "Soleimani" the coreference pass could
  not tie, e.g. before the full name) is the one person of the article with
  that last name.
  Two people who share a surname but not a first name stay two, and a bare
  surname that fits two people is left alone;
- a "person" that is a platform the gazetteer of organisations lacks
  ("Twitter", `ingest.words.organisations.PLATFORM_NAMES`) or an organisation
  the gazetteer has becomes that organisation.
"""

from __future__ import annotations

from dataclasses import replace

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.resolve.state import ArticleState, slug_id
from ingest.words.organisations import PLATFORM_NAMES
from ingest.words.people import NAME_HONORIFICS, TITLE_WORDS

_STRIP = NAME_HONORIFICS | TITLE_WORDS


def name_key(name: str) -> tuple[str, ...]:
    """The words of a person's name without titles and honorifics, lower case."""
    words = [w.strip(".,").lower() for w in name.replace("\u2019", "'").split()]
    words = [w for w in words if w]
    while words and words[0] in _STRIP:
        words = words[1:]
    return tuple(words)


def _drops_middle(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """`short` is `long` without some middle names: same first and last word."""
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(w in it for w in short)


def _organisation(state: ArticleState, name: str) -> Entity | None:
    key = name_key(name)
    text = " ".join(key)
    if not text:
        return None
    entry_key = state.gaz.phrases.get(" ".join(name.split()))
    entry = state.gaz.entry(entry_key) if entry_key else None
    if entry is not None and entry.entity is not None and entry.entity.kind == EntityKind.ORGANIZATION:
        return entry.entity
    if len(key) == 1 and text in PLATFORM_NAMES:
        return Entity(id=slug_id("org", text), name=name.strip(), kind=EntityKind.ORGANIZATION)
    return None


def not_people(state: ArticleState) -> None:
    """A "person" that is a platform or a gazetteer organisation becomes it.
    Runs right after the entities are resolved, so no later pass (pronouns,
    surnames) takes it for a person."""
    converted: dict[str, Entity | None] = {}
    out = []
    for m in state.out:
        if m.entity.kind == EntityKind.PERSON:
            if m.entity.id not in converted:
                converted[m.entity.id] = _organisation(state, m.entity.name)
            org = converted[m.entity.id]
            if org is not None:
                m = replace(m, entity=org, rule=m.rule + "+not-a-person")
        out.append(m)
    state.out[:] = out


def unify_people(state: ArticleState) -> None:
    persons = [m for m in state.out if m.entity.kind == EntityKind.PERSON]
    if not persons:
        return
    by_id: dict[str, Entity] = {}
    keys: dict[str, tuple[str, ...]] = {}
    for m in persons:
        by_id.setdefault(m.entity.id, m.entity)
        keys.setdefault(m.entity.id, name_key(m.entity.name))
    target: dict[str, str] = {}
    ids = sorted(by_id)
    full = [i for i in ids if len(keys[i]) >= 2]
    for i in ids:
        k = keys[i]
        if not k:
            continue
        if len(k) == 1:
            # "General Soleimani": the one person of the article with that last name
            owners = {j for j in full if keys[j][-1] == k[0]}
            if len(owners) == 1:
                target[i] = owners.pop()
            continue
        shorter = [j for j in full if _drops_middle(keys[j], k)]
        if len(shorter) == 1:
            target[i] = shorter[0]
    # the same key under two ids ("General Qasem Soleimani" / "Qasem Soleimani")
    for i in full:
        if i in target:
            continue
        same = [j for j in full if j != i and keys[j] == keys[i] and j not in target]
        if same and min([i, *same]) != i and by_id[i].name.split()[0].lower() in _STRIP:
            target[i] = min([i, *same])

    def final(i: str) -> str:
        seen = set()
        while i in target and i not in seen:
            seen.add(i)
            i = target[i]
        return i

    aliases: dict[str, list[str]] = {}
    for i in target:
        aliases.setdefault(final(i), []).append(by_id[i].name)
    merged: dict[str, Entity] = {}
    for root, names in aliases.items():
        e = by_id[root]
        extra = [n for n in dict.fromkeys((*e.aliases, *names)) if n != e.name]
        merged[root] = replace(e, aliases=tuple(extra))
    out = []
    for m in state.out:
        if m.entity.kind == EntityKind.PERSON:
            root = final(m.entity.id)
            if root != m.entity.id or root in merged:
                m = replace(m, entity=merged.get(root, by_id[root]), rule=m.rule if root == m.entity.id else m.rule + "+same-person")
        out.append(m)
    state.out[:] = out
