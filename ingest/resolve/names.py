"""Names: each named entity NER or the gazetteer ruler found -> its entity, with
NER's mistakes of known classes repaired (names the ruler cut in two, a leader's
regime, place names tagged as people, vessels, page furniture), and definite
descriptions of an organisation named before ("the command")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from graph import geodata
from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer import EntryKind, GazEntry
from ingest.gazetteer.demonyms import PEOPLES_AND_FAITHS
from ingest.resolve.gazetteer_match import match, nominal_target
from ingest.resolve.people import person
from ingest.resolve.places import (
    ARABIC_ARTICLE,
    after_place_preposition,
    misread_city,
    named_as_place_elsewhere,
    place,
    place_context,
)
from ingest.resolve.state import ACTOR, PLACE, ArticleState, slug_id
from ingest.words.military import VESSEL_PREFIXES
from ingest.words.organisations import ORG_ANAPHOR_HEADS, STATE_ORGAN_WORDS, TRIBE_NOUNS
from ingest.words.people import RANK_ABBREVIATIONS, TITLE_HEADS, TITLE_WORDS
from ingest.words.places import (
    FACILITY_HEADS,
    FACILITY_NOUNS_AFTER_NAME,
    PLACE_CONTEXT_PREPS,
    TIME_ZONES,
)

_FURNITURE_TEXT = re.compile(r"\b(photo credit|credit|most popular|popular|copyright|getty images)\b", re.IGNORECASE)


def _has_words(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """`part` occurs as consecutive words of `words`."""
    k = len(part)
    return any(words[i : i + k] == part for i in range(len(words) - k + 1))


def _clean_bounds(span: Span, strip_titles: bool) -> tuple[int, int]:
    """Token bounds without a leading determiner (and title words, for people)
    and without a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or strip_titles and doc[start].lower_ in TITLE_WORDS):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def resolve_entities(st: ArticleState) -> None:
    """Every named entity, and the names the earlier passes found (after a
    title, merged, nisba, a leader's regime), left to right, longest first."""
    items: list[tuple[int, int, str, Span | None]] = [(e.start, e.end, "ent", e) for e in st.ents]
    items += [(s, e, "title-pattern", None) for s, e in st.title_pattern]
    items += [(s, e, "merged", None) for s, e in st.merged]
    items += [(s, e, "nisba", None) for s, e in st.nisba]
    items += [(s, e, "regime", None) for s, e in st.regimes]
    for start, end, kind, ent in sorted(items, key=lambda x: (x[0], -x[1])):
        if st.in_furniture(start):
            continue
        if kind == "title-pattern":
            person(st, start, end, rule="title-pattern")
            continue
        if kind == "regime":
            iso3 = nominal_target(st, st.regimes[(start, end)])
            if iso3:
                country = geodata.country_entity(geodata.countries()[iso3], source="article")
                st.emit(country, "coreference", start, end, ACTOR)
            continue
        if kind == "nisba":
            person(st, start, end)
            continue
        if kind == "merged":
            merged_name(st, start, end, st.merged[(start, end)])
            continue
        assert ent is not None
        if (ent.start, ent.end) in st.merged_parts:
            continue
        if _FURNITURE_TEXT.search(ent.text):
            continue
        one_ent(st, ent)


def split_names(st: ArticleState) -> None:
    """Names the gazetteer ruler cut in two, because it fixes country names
    before NER runs: "the Government of" + "Iraq", "Iraqi" + "Security Forces",
    "University of" + "Tehran". Sets st.merged: (start, end) of the whole name -> the
    gazetteer part."""
    ents = st.ents
    by_start = {e.start: e for e in ents}
    out: dict[tuple[int, int], Span] = {}
    for org in ents:
        if org.label_ != "ORG" or org.ent_id_ or any(t.lower_ in TITLE_HEADS for t in org[:2]):
            continue  # "Minister of Foreign Affairs of" + "Iraq" is a title, not a name
        after = by_start.get(org.end)
        if org[-1].lower_ in ("of", "for") and after is not None and _splits_state(st, after):
            start = org.start + (1 if org[0].lower_ == "the" else 0)
            out[(start, after.end)] = after
            st.merged_parts.update({(org.start, org.end), (after.start, after.end)})
            continue
        before = next((e for e in ents if e.end == org.start and e.ent_id_), None)
        if before is not None and _splits_state(st, before) and org[0].is_title:
            out[(before.start, org.end)] = before
            st.merged_parts.update({(org.start, org.end), (before.start, before.end)})
    _demonym_led_names(st, ents, out)
    st.merged = out


def leader_regimes(st: ArticleState) -> None:
    """"Assad's brutal regime", "the regime of Assad": a leader's regime is the
    state acting (as "the Assad regime" is), not the person. The state is the
    one the gazetteer gives "<name> regime", else the latest state called a
    regime (the nominal "regime")."""
    ents = st.ents
    generic = st.gaz.entry(st.gaz.phrases.get("regime", ""))
    lowers, texts = st.lowers, st.texts
    n = len(st.doc)
    out: dict[tuple[int, int], GazEntry] = {}
    for e in ents:
        if e.label_ != "PERSON":
            continue
        named = st.gaz.entry(st.gaz.phrases.get(f"{e[-1].text} regime", ""))
        entry = named if named is not None and named.kind == EntryKind.NOMINAL else generic
        if entry is None:
            continue
        k = e.end
        if k < n and texts[k] in ("'s", "\u2019s"):
            k += 1
            while k < n and k - e.end <= 3 and st.pos[k] == "ADJ":
                k += 1
            if k < n and lowers[k] == "regime":
                out[(e.start, k + 1)] = entry
        elif e.start >= 2 and lowers[e.start - 1] == "of" and lowers[e.start - 2] == "regime":
            out[(e.start - 2, e.end)] = entry
    st.regimes = out


def nisba_names(st: ArticleState) -> None:
    """'Abu Jandal al-Kuwaiti': the ruler fixes the demonym 'Kuwaiti' before NER,
    cutting the person's name after 'al-'. A person name ending in 'al-'/'el-'
    and the demonym glued to it are one name (no mention of Kuwait)."""
    doc = st.doc
    ents = st.ents
    by_start = {e.start: e for e in ents}
    out: list[tuple[int, int]] = []
    for e in ents:
        if e.label_ != "PERSON" or e.end >= len(doc) or len(e) < 2:
            continue
        if e[-1].text not in ("-", "‐") or e[-2].lower_ not in ("al", "el", " al-", "el-") or e[-1].whitespace_:
            continue
        d = by_start.get(e.end)
        entry = st.gaz.entry(d.ent_id_) if d is not None and d.ent_id_ else None
        if d is None or entry is None or entry.kind != EntryKind.DEMONYM:
            continue
        out.append((e.start, d.end))
        st.merged_parts.update({(e.start, e.end), (d.start, d.end)})
    st.nisba = out


def _demonym_led_names(st: ArticleState, ents: list[Span], out: dict[tuple[int, int], Span]) -> None:
    """'Syrian Arab Coalition', 'Syrian National Coalition': a demonym, capitalised
    words NER left untagged, then a name that alone means something else (the
    contextual 'Coalition' is the anti-ISIL coalition) form one organisation."""
    for e in ents:
        entry = st.gaz.entry(e.ent_id_) if e.ent_id_ else None
        if entry is None or not entry.context or not e[0].is_title:
            continue
        k = e.start
        while k > 0 and k - 1 not in st.in_ent and st.titlecase[k - 1] and st.pos[k - 1] == "PROPN":
            k -= 1
        demonym = next((d for d in ents if d.end == k and d.ent_id_), None)
        if demonym is None or (demonym.start, demonym.end) in st.merged_parts:
            continue
        d_entry = st.gaz.entry(demonym.ent_id_)
        if d_entry is None or d_entry.kind != EntryKind.DEMONYM or any(a == demonym.start for a, _ in out):
            continue
        out[(demonym.start, e.end)] = demonym
        st.merged_parts.update({(e.start, e.end), (demonym.start, demonym.end)})


def _splits_state(st: ArticleState, ent: Span) -> bool:
    entry = st.gaz.entry(ent.ent_id_) if ent.ent_id_ else None
    return entry is not None and entry.kind in (EntryKind.COUNTRY, EntryKind.DEMONYM, EntryKind.CITY) and entry.acts_for is not None


def merged_name(st: ArticleState, start: int, end: int, part: Span) -> None:
    """A state organ ("Government of Iraq", "Iraqi Security Forces") is the
    state acting; any other name ("University of Tehran") is an organisation."""
    entry = st.gaz.entry(part.ent_id_)
    assert entry is not None and entry.acts_for is not None
    rest = [t.lower_ for t in st.doc[start:end] if not (part.start <= t.i < part.end)]
    words = [w for w in rest if w not in ("the", "of", "for", "'s", "’s")]
    if words and all(w in STATE_ORGAN_WORDS for w in words):
        country = geodata.country_entity(geodata.countries()[entry.acts_for], source="article")
        st.emit(country, "institution-metonymy", start, end, ACTOR)
        return
    name = st.doc[start:end].text
    st.emit(Entity(id=slug_id("org", name), name=name, kind=EntityKind.ORGANIZATION), "exact", start, end, ACTOR)


def one_ent(st: ArticleState, ent: Span) -> None:
    entry = st.gaz.entry(ent.ent_id_) if ent.ent_id_ else None
    if entry is not None:
        match(st, ent, entry)
        return
    if ent[0].text in VESSEL_PREFIXES:
        st.vessel_names.update(t.text for t in ent[1:] if t.is_title)
        return
    if ent[0].text in ("Operation", "Exercise") or ent.text in st.vessel_names:
        return  # military operations are events; "Forbin" after "FS Forbin" is the ship
    if ent.text in PEOPLES_AND_FAITHS:
        return  # a people or a faith ("the Yazidi community", "the name of Islam"), no entity here
    label = ent.label_
    if ent.text in TIME_ZONES or _company(st, ent) or _facility_after_name(st, ent):
        return
    # "Near Raqqah" tagged PERSON: a leading locative preposition makes it a place.
    leading_prep = ent[0].lower_ in PLACE_CONTEXT_PREPS and len(ent) > 1
    start, end = _clean_bounds(ent[1:] if leading_prep else ent, strip_titles=label == "PERSON")
    if start >= end:
        return
    span = st.doc[start:end]
    text = span.text
    if not any(ch.isalpha() for ch in text) or not text[:1].isupper() and not text[:1].isdigit() and not ARABIC_ARTICLE.match(text):
        return
    if label == "PERSON" and any(ch.isdigit() for ch in text):
        return  # "Passcode 3080897"
    if label == "ORG" and (span[-1].lower_ in RANK_ABBREVIATIONS or span[0].lower_ in TITLE_HEADS):
        return  # "Navy Capt" before a name; "Minister of Foreign Affairs of" is a title
    if label == "ORG" and span[-1].lower_ in ("and", "of", "for", "&", "-", "–"):
        return  # a name cut short ("Joint and" before "Coalition partners")
    if leading_prep:
        place(st, span, "GPE")
        return
    if label == "ORG" and len(span) >= 2 and span[-1].lower_ in FACILITY_HEADS:
        place(st, span, "FAC")  # "Tiyas Military Airfield": a facility is a place
        return
    if label in ("PERSON", "ORG", "NORP", "GPE") and end < len(st.doc) and st.lowers[end] in TRIBE_NOUNS:
        name = f"{text} {st.lowers[end]}"
        st.emit(Entity(id=slug_id("group", name), name=name, kind=EntityKind.GROUP), "exact", start, end + 1, ACTOR)
        return
    if label in ("PERSON", "ORG", "NORP", "LANGUAGE") and misread_city(st, span, label):
        return
    if label in ("PERSON", "ORG", "NORP") and len(span) <= 3 and (
        after_place_preposition(st, span) or named_as_place_elsewhere(st, span) or place_context(st, span, label)
    ):
        place(st, span, "GPE")  # "in Sinjar" tagged ORG; "Sinjar has been liberated" after "Mount Sinjar"
        return
    if label == "LANGUAGE" or label in ("PERSON", "ORG", "NORP") and text[:1].islower():
        return  # a lower-case "al-..." name counts only as a place (above)
    # An indefinite article marks a common noun phrase ("a Trade Office"), not a name.
    if ent.start > 0 and st.doc[ent.start - 1].lower_ in ("a", "an") or ent[0].lower_ in ("a", "an"):
        return
    if text in st.gaz.phrases:
        entry = st.gaz.entry(st.gaz.phrases[text])
        if entry is not None:
            match(st, span, entry)
            return
    if label == "PERSON":
        person(st, start, end)
    elif label == "ORG":
        organization(st, span)
    elif label in ("GPE", "LOC", "FAC"):
        place(st, span, label)


def _facility_after_name(st: ArticleState, ent: Span) -> bool:
    """'the EastMed gas pipeline': a name and lower-case nouns ending in a
    facility noun are one place (NER tags the name alone as an ORG)."""
    start, end = _clean_bounds(ent, strip_titles=False)
    k, n = end, len(st.doc)
    while k < n and k - end < 3 and st.pos[k] == "NOUN" and st.texts[k].islower() and k not in st.in_ent:
        if st.lowers[k] in FACILITY_NOUNS_AFTER_NAME and (k + 1 >= n or st.pos[k + 1] not in ("NOUN", "PROPN")):
            name = st.doc[start : k + 1].text
            st.emit(Entity(id=slug_id("place", name), name=name, kind=EntityKind.PLACE), "exact", start, k + 1, PLACE)
            return True
        k += 1
    return False


def _company(st: ArticleState, ent: Span) -> bool:
    """A name the article gives as a company's, or its first word alone (see
    ingest.resolve.nominals.company_names): the company, whatever NER said."""
    start, end = _clean_bounds(ent, strip_titles=False)
    text = st.doc[start:end].text if start < end else ""
    full = st.company_names.get(text)
    if full is None:
        return False
    entity = Entity(id=slug_id("org", full), name=full, kind=EntityKind.ORGANIZATION)
    st.emit(entity, "exact" if text == full else "coreference", start, end, ACTOR)
    return True


def organization(st: ArticleState, span: Span) -> None:
    text = span.text
    if all(t.lower_ in TITLE_WORDS or t.is_punct for t in span):
        return  # "Defense" from "Defense Minister"
    if text in st.person_texts and len(span) >= 2:
        person(st, span.start, span.end)  # one sense per article: NER called a named person an ORG here
        return
    if len(span) == 1 and text in st.name_parts:
        st.emit(st.name_parts[text], "coreference", span.start, span.end, ACTOR)
        return
    whole = _org_with_head(st, span) if len(span) == 1 else None
    if whole is not None:
        st.emit(whole, "coreference", span.start, span.end, ACTOR)
        return
    entity = Entity(id=slug_id("org", text), name=text, kind=EntityKind.ORGANIZATION)
    st.emit(entity, "exact", span.start, span.end, ACTOR)


def _org_with_head(st: ArticleState, span: Span) -> Entity | None:
    """'the Commission' after 'the European Commission', 'the Senate' after
    'the Senate of the Philippines': a one-word name that is the head of the
    one longer organisation name the article gave before (its last word, or
    the word before "of") is that organisation; two such names, none."""
    word = span.text
    found: dict[str, Entity] = {}
    for m in st.out:
        if m.entity.kind != EntityKind.ORGANIZATION or m.rule not in ("exact", "alias") or m.end_token > span.start:
            continue
        words = m.text.split()
        if len(words) >= 2 and (words[-1] == word or word in words[:-1] and words[words.index(word) + 1] == "of"):
            found[m.entity.id] = m.entity
    return next(iter(found.values())) if len(found) == 1 else None


def organisation_descriptions(st: ArticleState) -> None:
    """'the command', 'the squadron', 'the task force' -> the latest organisation
    before it whose name has that head ("U.S. Central Command", "134th
    Expeditionary Fighter Squadron"). Not when a noun, a name or "of" follows
    ("the command post", "the council of ministers"): that is another phrase."""
    doc = st.doc
    n = len(doc)
    orgs = sorted(
        (m.start_token, m.entity, tuple(m.text.lower().replace("-", " ").split()))
        for m in st.out
        if m.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP) and m.rule in ("exact", "alias")
    )
    if not orgs:
        return
    for i in range(1, n):
        if st.lowers[i - 1] != "the" or i in st.covered or i in st.in_ent:
            continue
        for head in ORG_ANAPHOR_HEADS:
            end = i + len(head)
            if tuple(st.lowers[i:end]) != head or any(k in st.covered for k in range(i, end)):
                continue
            if not all(st.texts[k].islower() for k in range(i, end)):
                break  # "The Commission on Presidential Debates": a name, not a description
            if end < n and (st.pos[end] in ("NOUN", "PROPN") or st.lowers[end] == "of"):
                break
            antecedent = next((e for s, e, words in reversed(orgs) if s < i and _has_words(words, head)), None)
            if antecedent is not None and not st.in_furniture(i):
                st.emit(antecedent, "coreference", i, end, ACTOR)
            break

