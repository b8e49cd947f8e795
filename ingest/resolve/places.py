"""Places: the syntax that makes a name a place, place names NER missed or
mislabelled, and a place qualified by its country ("Palmyra, Syria")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from graph import geodata
from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer import EntryKind
from ingest.gazetteer.metonyms import NOT_PLACES
from ingest.resolve.state import ACTOR, PLACE, ArticleState, slug_id
from ingest.resolve.units import UNIT_HEADS
from ingest.words.military import PERSONNEL_NOUNS
from ingest.words.people import TITLE_WORDS
from ingest.words.places import (
    ADMIN_UNITS,
    MOTION_WORDS,
    PLACE_CONTEXT_PREPS,
    PLACE_OF_NOUNS,
    PLACE_VERBS,
    STRICT_PLACE_PREPS,
)

# The Arabic article before a name written in Latin letters: "al-Hilla", "Al-Raqqa",
# "as-Safira" (a lower-case start that is still a proper name). Group 1: the rest.
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az)[-\u2010\s]([A-Z][\w'\u2019-]+)$", re.IGNORECASE)

# English surnames that are also Anglophone city names ("Jackson", "Houston"):
# a one-word PERSON is re-read as a city only outside these countries.
_SURNAME_CITY_COUNTRIES = frozenset({"USA", "GBR", "CAN", "AUS", "NZL", "IRL"})
# ... and only large cities: small ones share names with people ("Hassan").
MIN_POPULATION_PERSON_AS_CITY = 250_000


def country_of(entity: Entity) -> Entity | None:
    """The country an entity is or lies in: a Country is itself; a City or Place
    with a known ISO3 is its country; anything else (people, organisations,
    regions) has none."""
    if entity.kind == EntityKind.COUNTRY:
        return entity
    if entity.kind in (EntityKind.CITY, EntityKind.PLACE) and entity.iso3:
        c = geodata.countries().get(entity.iso3)
        return geodata.country_entity(c, source="article") if c else None
    return None


def _first_conjunct(token: Token) -> Token:
    """Up from conjuncts and appositions: 'in Mosul and Raqqa', 'near Palmyra, Syria'."""
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token


def syntactic_role(span: Span) -> str:
    """'place' when the span is the object of a locative preposition ("in Baku",
    "an embassy in Baku", "flew to Baku") or a modifier of a place noun; else 'actor'."""
    root = _first_conjunct(span.root)
    if root.dep_ == "pobj":
        prep = root.head
        word = prep.lower_
        if word in PLACE_CONTEXT_PREPS:
            return PLACE
        if word == "to" and (prep.head.lemma_.lower() in MOTION_WORDS or prep.head.lower_ in MOTION_WORDS):
            return PLACE
    return ACTOR


def collect_place_words(st: ArticleState) -> None:
    """One sense per article: the words the article uses as place names (a GPE,
    LOC or FAC outside the gazetteer and its last word, a proper noun after a
    place-only preposition, a one-word ORG or NORP in place syntax)."""
    doc = st.doc
    st.place_words = {
        w for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") and not e.ent_id_ for w in (e.text, e[-1].text)
    } | {
        st.texts[i + 1]
        for i, w in enumerate(st.lowers[:-1])
        if w in STRICT_PLACE_PREPS and st.pos[i + 1] == "PROPN"
    }
    st.place_words |= {
        e.text for e in st.ents if e.label_ in ("ORG", "NORP") and len(e) == 1 and place_context(st, e, e.label_)
    }


def find_qualifiers(st: ArticleState) -> None:
    """'Palmyra, Syria', 'Cibolo, Texas', 'Anbar, northern Iraq': a place name
    followed by the country (or US state) it lies in gets that country as its
    iso3 (both stay mentions: relation extraction reads LOCATED_IN from the
    pair). Lists ('Iraq, Syria and Libya') are left alone."""
    doc = st.doc
    ents = st.ents
    by_start = {e.start: e for e in ents}
    for x in ents:
        entry = st.gaz.entry(x.ent_id_) if x.ent_id_ else None
        place_like = (x.label_ in ("GPE", "LOC", "FAC") and entry is None) or (
            entry is not None and entry.kind in (EntryKind.CITY, EntryKind.REGION) and entry.acts_for is None
        )
        if not place_like or x.end >= len(doc) or st.texts[x.end] != ",":
            continue
        k = x.end + 1
        if k < len(doc) and st.lowers[k] in ("northern", "southern", "eastern", "western", "central"):
            k += 1
        y = by_start.get(k)
        y_entry = st.gaz.entry(y.ent_id_) if y is not None and y.ent_id_ else None
        if y is None or y_entry is None or y_entry.entity is None:
            continue
        if y_entry.kind == EntryKind.COUNTRY:
            iso3 = y_entry.entity.iso3
        elif y_entry.kind == EntryKind.REGION and y_entry.entity.iso3 == "USA":
            iso3 = "USA"  # a US state
        else:
            continue
        after = st.lowers[y.end] if y.end < len(doc) else ""
        after2 = y.end + 1 < len(doc) and (y.end + 1) in by_start
        if after in ("and", "or") or (after == "," and after2):
            continue  # a list of places
        st.qualifiers[x.end] = (y.end, iso3 or "")


def admin_area_names(st: ArticleState) -> None:
    """Capitalised names NER missed before an administrative-area noun
    ("northwestern Syria's Idlib province") are places."""
    n = len(st.doc)
    for k in range(1, n):
        if st.lowers[k] not in ADMIN_UNITS or k in st.covered or st.pos[k] != "NOUN" or st.in_furniture(k):
            continue
        i = k
        while i > 0 and k - i < 3 and st.pos[i - 1] == "PROPN" and st.titlecase[i - 1] and (i - 1) not in st.covered:
            i -= 1
        if i == k or st.lowers[i] in TITLE_WORDS:
            continue
        name = st.doc[i:k].text
        city = geodata.find_city(name)
        if city is not None:
            st.emit(geodata.city_entity(city, source="article"), "exact" if city.name == name else "alias", i, k, PLACE)
        else:
            st.emit(Entity(id=slug_id("place", name), name=name, kind=EntityKind.PLACE), "exact", i, k, PLACE)


def misread_city(st: ArticleState, span: Span, label: str) -> bool:
    """NER often tags Arabic and other non-English place names as PERSON, ORG or
    NORP ("isolate Raqqah", "Aleppo", "al-Hilla"). A one-word name (or one with
    the Arabic article) that is a GeoNames city (and not the surname of a person
    in this article) is the city."""
    text = span.text
    article = ARABIC_ARTICLE.match(text)
    if (len(span) != 1 and not article) or text in st.name_parts or text in st.people:
        return False
    # "al-Hilla", "Al-Raqqa": GeoNames spells these without the article ("Al Hillah", "Hilla").
    city = geodata.find_city(text) or (geodata.find_city(article.group(1)) if article else None)
    if city is None:
        return False
    if label == "PERSON" and (city.iso3 in _SURNAME_CITY_COUNTRIES or (city.population or 0) < MIN_POPULATION_PERSON_AS_CITY):
        return False
    rule = "exact" if city.name == text else "alias"
    st.emit(geodata.city_entity(city, source="article"), rule, span.start, span.end, PLACE)
    return True


def named_as_place_elsewhere(st: ArticleState, span: Span) -> bool:
    """One sense per article: a one-word name NER tags as a place elsewhere in
    the article ("Mount Sinjar", "in Sinjar") is a place here too, unless it
    is a person's name part."""
    if len(span) != 1 or span.text in st.name_parts or span.text in st.people:
        return False
    return span.text in st.place_words


def place_context(st: ArticleState, span: Span, label: str) -> bool:
    """Syntax that takes only a place, for a name NER tagged ORG or NORP: a later
    conjunct after a place preposition ("in Qamenas, Sarmin and Talamenes"); the object of liberating or besieging ("the liberation of
    Sinjar", "Sinjar has been liberated", "isolate Raqqah", "the city of X")."""
    if label not in ("ORG", "NORP") or span.text in st.name_parts or span.text in st.people:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # only lists, not appositions
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in STRICT_PLACE_PREPS and root is not span.root:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_OF_NOUNS:
        return True
    return root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in PLACE_VERBS


def after_place_preposition(st: ArticleState, span: Span) -> bool:
    if span.text in st.name_parts or span.text in st.people:
        return False
    doc = st.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ in ("eastern", "western", "northern", "southern", "central"):
        k -= 1
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ == "out":
        return True  # "pushed ISIL out of Kobane"
    return k >= 0 and doc[k].lower_ in STRICT_PLACE_PREPS


def locative_names(st: ArticleState) -> None:
    """Capitalised names NER missed right after a locative preposition:
    "Near Dayr Az Zawr, five strikes ..." -> a place."""
    doc = st.doc
    in_ent = st.in_ent
    n = len(doc)
    for p, word in enumerate(st.lowers):
        if word not in PLACE_CONTEXT_PREPS or p + 1 >= n:
            continue
        i = p + 1
        if st.lowers[i] in ("eastern", "western", "northern", "southern", "central") and i + 1 < n:
            i += 1
        j = i
        while (
            j < n and j - i < 4 and j not in in_ent and j not in st.covered
            and st.pos[j] == "PROPN" and st.texts[j][:1].isupper()
        ):
            j += 1
        if j == i or st.in_furniture(i):
            continue
        span = doc[i:j]
        city = geodata.find_city(span.text)
        if city is not None:
            rule = "exact" if city.name == span.text else "alias"
            st.emit(geodata.city_entity(city, source="article"), rule, i, j, PLACE)
        elif word in ("near", "outside", "around"):
            st.emit(Entity(id=slug_id("place", span.text), name=span.text, kind=EntityKind.PLACE), "exact", i, j, PLACE)


def place(st: ArticleState, span: Span, label: str) -> None:
    text = span.text
    if text in NOT_PLACES or span[-1].lower_ in PERSONNEL_NOUNS:
        return
    if len(span) >= 2 and span[-1].lower_ in UNIT_HEADS:
        # "in Abel Battery": a military unit, not a place (nor the person NER may call it).
        st.emit(Entity(id=slug_id("org", text), name=text, kind=EntityKind.ORGANIZATION), "exact", span.start, span.end, ACTOR)
        return
    if len(span) == 1 and text in st.name_parts and geodata.find_city(text) is None:
        # "Gantz" tagged GPE after "Benny Gantz"; but "Melbourne" stays the city.
        st.emit(st.name_parts[text], "coreference", span.start, span.end, ACTOR)
        return
    city = geodata.find_city(text) if label == "GPE" else None
    if city is not None:
        rule = "exact" if city.name == text else "alias"
        st.emit(geodata.city_entity(city, source="article"), rule, span.start, span.end, PLACE)
        return
    if label == "GPE":
        # Spelling variants the gazetteer lacks ("Persia", "Republic of Korea").
        c = geodata.match_country_name(text)
        if c is not None:
            st.emit(geodata.country_entity(c, source="article"), "alias", span.start, span.end, syntactic_role(span))
            return
    entity = Entity(id=slug_id("place", text), name=text, kind=EntityKind.PLACE)
    st.emit(entity, "exact", span.start, span.end, PLACE)

