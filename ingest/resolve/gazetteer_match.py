"""Gazetteer matching: a name the gazetteer ruler tagged -> its entity, by the
entry's kind (a country, a demonym, a capital acting for its state, an
institution, a nominal such as "the regime"), unless the name is part of a
longer organisation name or a title."""

from __future__ import annotations

from spacy.tokens import Span

from graph import geodata
from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer import EntryKind, GazEntry
from ingest.resolve.nominals import country_reference, group_reference
from ingest.resolve.places import syntactic_role
from ingest.resolve.state import ACTOR, PLACE, ArticleState, slug_id
from ingest.words.organisations import ORG_HEADS, STATE_HEADS
from ingest.words.people import TITLE_HEADS
from ingest.words.places import FACILITY_HEADS, SUBNATIONAL_WORDS


def match(st: ArticleState, ent: Span, entry: GazEntry) -> None:
    if entry.context and not st.ent_ids.intersection(entry.context):
        return
    if (entry.kind == EntryKind.NOMINAL or entry.context) and ent.text[:1].islower():
        # Lower-case descriptions need "the" ("the regime", "the country");
        # contextual names may also modify a noun ("coalition airstrikes").
        modifier = entry.context and ent.end < len(ent.doc) and ent.doc[ent.end].pos_ == "NOUN"
        if not (_definite_bare_noun(st, ent) or modifier):
            return
    if entry.kind in (EntryKind.COUNTRY, EntryKind.CITY, EntryKind.REGION) and org_named_after_place(st, ent, entry):
        return
    if entry.kind == EntryKind.REGION and _portfolio(st, ent):
        return  # "Minister for the Middle East": part of a title, not the place
    text = ent.text
    name_rule = "exact" if entry.entity is not None and text == entry.entity.name else "alias"
    if entry.kind == EntryKind.COUNTRY:
        st.emit(entry.entity, name_rule, ent.start, ent.end, syntactic_role(ent))
    elif entry.kind == EntryKind.DEMONYM:
        st.emit(entry.entity, "demonym", ent.start, ent.end, ACTOR)
    elif entry.kind == EntryKind.CITY:
        role = city_role(st, ent)
        if role == ACTOR and entry.acts_for:
            country = geodata.country_entity(geodata.countries()[entry.acts_for], source="article")
            st.emit(country, "capital-metonymy", ent.start, ent.end, ACTOR)
        else:
            st.emit(entry.entity, name_rule, ent.start, ent.end, PLACE)
    elif entry.kind == EntryKind.INSTITUTION:
        st.emit(entry.entity, "institution-metonymy", ent.start, ent.end, syntactic_role(ent))
    elif entry.kind in (EntryKind.ORGANIZATION, EntryKind.GROUP):
        st.emit(entry.entity, name_rule, ent.start, ent.end, ACTOR)
    elif entry.kind == EntryKind.REGION:
        st.emit(entry.entity, name_rule, ent.start, ent.end, PLACE)
    elif entry.kind == EntryKind.NOMINAL and entry.refers_to:
        if entry.refers_to == EntityKind.COUNTRY:
            target = country_reference(st, ent)  # not the last country named: see there
        elif entry.refers_to == EntityKind.GROUP:
            target = group_reference(st, ent.start)  # "the group" may be the "507th Maintenance Group"
        else:
            target = st.last_by_kind.get(entry.refers_to)
        if target is not None:
            role = PLACE if target.kind == EntityKind.CITY else syntactic_role(ent)
            st.emit(target, "coreference", ent.start, ent.end, role)
    elif entry.kind == EntryKind.NOMINAL:
        iso3 = nominal_target(st, entry)
        if iso3:
            country = geodata.country_entity(geodata.countries()[iso3], source="article")
            st.emit(country, "coreference", ent.start, ent.end, syntactic_role(ent))


def _definite_bare_noun(st: ArticleState, ent: Span) -> bool:
    """'the regime said' but not 'a regime', 'the regime change', 'sanctions regime'."""
    doc = st.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ != "the":
        return False
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return nxt is None or (nxt.pos_ not in ("NOUN", "PROPN") and nxt.lower_ != "of")


def _portfolio(st: ArticleState, ent: Span) -> bool:
    """'Minister for the Middle East', 'Envoy to the Sahel'."""
    doc = st.doc
    k = ent.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ in ("for", "to") and doc[k - 1].lower_ in TITLE_HEADS


def org_named_after_place(st: ArticleState, ent: Span, entry: GazEntry) -> bool:
    """'Kurdistan Regional Government', 'Baku State University': emit the
    organisation over the whole name instead of the place."""
    doc = st.doc
    if entry.kind != EntryKind.COUNTRY and _regional_government(st, ent):
        return True
    j = ent.end
    while j < len(doc) and j - ent.end < 4 and doc[j].is_title and not doc[j].ent_id_ and doc[j].ent_type_ in ("", "ORG"):
        j += 1
    if j == ent.end or doc[j - 1].lower_ not in ORG_HEADS | FACILITY_HEADS:
        return False
    if entry.kind == EntryKind.COUNTRY and doc[j - 1].lower_ in STATE_HEADS:
        return False
    start = ent.start
    name = doc[start:j].text
    if doc[j - 1].lower_ in FACILITY_HEADS:
        # "Baghdad International Airport": a facility, a place in the named place's country.
        iso3 = entry.entity.iso3 if entry.entity is not None else None
        place = Entity(id=slug_id("place", name), name=name, kind=EntityKind.PLACE, iso3=iso3)
        st.emit(place, "exact", start, j, PLACE)
        return True
    org = Entity(id=slug_id("org", name), name=name, kind=EntityKind.ORGANIZATION)
    st.emit(org, "exact", start, j, ACTOR)
    return True


def _regional_government(st: ArticleState, ent: Span) -> bool:
    """'the Kurdistan regional government', 'Kurdistan Regional governments',
    'the Punjab provincial government': the government of a region or city is an
    organisation (one node, named in title case), not the place."""
    doc = st.doc
    j = ent.end
    if j + 1 >= len(doc) or doc[j].lower_ not in SUBNATIONAL_WORDS or doc[j + 1].lower_ not in ("government", "governments"):
        return False
    name = f"{ent.text} {doc[j].lower_.title()} Government"
    org = Entity(id=slug_id("org", name), name=name, kind=EntityKind.ORGANIZATION)
    st.emit(org, "exact", ent.start, j + 2, ACTOR)
    return True


def city_role(st: ArticleState, ent: Span) -> str:
    root = ent.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return PLACE  # "Baku residents", "the Baku office"
    return syntactic_role(ent)


def nominal_target(st: ArticleState, entry: GazEntry) -> str | None:
    seen = [(st.last_country_at[c], c) for c in entry.candidates if c in st.last_country_at]
    if seen:
        return max(seen)[1]
    return entry.default

