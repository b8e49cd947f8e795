"""Crowds named by a place or a people: "Hong Kong protesters", "Serbian
demonstrators", "Serbians" as the subject of "protested" are one Group
entity each (rule "exact"), never the state: protesters against the Serbian
government are not Serbia. A later bare "the protesters" refers back to the
one crowd of that kind the article named before (rule "definite-nominal").
Word lists: ingest.gazetteer.groups CROWD_NOUNS, CROWD_VERBS."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer import EntryKind
from ingest.gazetteer.groups import CROWD_NOUNS, CROWD_VERBS
from ingest.resolve.state import ACTOR, ArticleState, slug_id

# Nouns that name the same crowd ("the protesters" after "Serbian demonstrators").
_SAME_CROWD = {"protestors": "protesters", "demonstrators": "protesters", "insurgents": "militants"}
_PLACE_ENTRIES = (EntryKind.COUNTRY, EntryKind.DEMONYM, EntryKind.CITY, EntryKind.REGION)


def _family(noun: str) -> str:
    return _SAME_CROWD.get(noun, noun)


def named_crowds(st: ArticleState) -> None:
    """Emit the crowds before the entities pass, so their place or demonym
    is not also a mention of the state."""
    n = len(st.doc)
    for e in st.ents:
        if e.label_ not in ("GPE", "NORP", "LOC") or st.in_furniture(e.start):
            continue
        entry = st.gaz.entry(e.ent_id_) if e.ent_id_ else None
        if entry is not None and entry.kind not in _PLACE_ENTRIES:
            continue
        start = e.start + (1 if e[0].lower_ == "the" else 0)
        if start >= e.end or not st.texts[start][:1].isupper():
            continue
        text = st.doc[start : e.end].text
        if e.end < n and st.lowers[e.end] in CROWD_NOUNS and st.texts[e.end].islower():
            name = f"{text} {st.lowers[e.end]}"
            _emit_crowd(st, name, start, e.end + 1)
        elif entry is not None and entry.kind == EntryKind.DEMONYM and _protesting_people(st, e.root) and text.endswith("s"):
            _emit_crowd(st, f"{text[:-1]} protesters", start, e.end)


def _protesting_people(st: ArticleState, root: Token) -> bool:
    """'Serbians protested': a plural people as the subject of a protest verb."""
    return root.tag_ in ("NNPS", "NNS") and root.dep_ == "nsubj" and root.head.lemma_.lower() in CROWD_VERBS


def _emit_crowd(st: ArticleState, name: str, start: int, end: int) -> None:
    words = name.split()
    noun = _family(words[-1])
    canonical = " ".join([*words[:-1], noun])  # "Serbian demonstrators" and "Serbian protesters": one crowd
    entity = Entity(id=slug_id("group", canonical), name=canonical, kind=EntityKind.GROUP)
    st.emit(entity, "exact", start, end, ACTOR)


def crowd_references(st: ArticleState) -> None:
    """'the protesters', 'Protesters'' -> the one crowd of that kind the
    article named before; none when it named two or none."""
    crowds = sorted(
        (m.start_token, _family(m.entity.name.split()[-1]), m.entity)
        for m in st.out
        if m.entity.kind == EntityKind.GROUP and m.rule == "exact" and m.entity.id.startswith("group:")
        and m.entity.name.split()[-1] in CROWD_NOUNS
    )
    if not crowds:
        return
    for i, w in enumerate(st.lowers):
        if w not in CROWD_NOUNS or i in st.covered or st.pos[i] != "NOUN" or st.in_furniture(i):
            continue
        if i > 0 and (i - 1 in st.in_ent or st.pos[i - 1] == "PROPN"):
            continue  # part of a name NER or the ruler tagged
        seen = {e.id: e for s, fam, e in crowds if s < i and fam == _family(w)}
        if len(seen) == 1:
            st.emit(next(iter(seen.values())), "definite-nominal", i, i + 1, ACTOR)
