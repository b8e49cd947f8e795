"""People and titles: person names, the titles they are introduced with, names
NER missed after a title, and later references by surname or by title ("the
Defense Minister", "Minister for the Middle East, Tobias Ellwood,")."""

from __future__ import annotations

from graph.models import Entity
from graph.ontology import EntityKind
from ingest.nlp import INVISIBLE_CHARS
from ingest.resolve.gazetteer_match import match
from ingest.resolve.state import ACTOR, ArticleState, slug_id
from ingest.words.organisations import ORG_HEADS, STATE_ORGAN_WORDS
from ingest.words.people import NAME_PARTICLES, TITLE_HEADS, TITLE_WORDS


def person(st: ArticleState, start: int, end: int, rule: str = "exact") -> None:
    doc = st.doc
    words = [t.text for t in doc[start:end]]
    if not words or not any(w[:1].isupper() for w in words):
        return
    # The name as written ("al-Kuwaiti", not "al - Kuwaiti"), one space between words.
    name = " ".join(doc[start:end].text.split())
    if name in st.gaz.phrases:  # a country/org name NER called a person
        key = st.gaz.phrases[name]
        entry = st.gaz.entry(key)
        if entry is not None:
            match(st, doc[start:end], entry)
        return
    if len(words) == 1:
        known = st.name_parts.get(name) or st.people.get(name)
        if known is not None:
            st.emit(known, "coreference", start, end, ACTOR)
            return
    person = st.people.get(name)
    if person is None:
        person = Entity(id=slug_id("person", name), name=name, kind=EntityKind.PERSON)
        st.people[name] = person
        if len(words) >= 2:
            st.name_parts.setdefault(words[-1], person)
            st.name_parts.setdefault(words[0], person)
    remember_title(st, start, person)
    st.emit(person, rule, start, end, ACTOR)


def remember_title(st: ArticleState, start: int, person: Entity) -> None:
    """Record the title a person is introduced with: "Defense Minister Benny
    Gantz", "Minister for the Middle East Tobias Ellwood", "The Foreign
    Secretary, Boris Johnson," (apposition)."""
    doc = st.doc
    i = start - 1
    if i >= 1 and doc[i].text == "," and doc[i - 1].lower_ in TITLE_HEADS:
        i -= 1
    words: list[str] = []
    while i >= 0 and len(words) < 8:
        t = doc[i]
        if not t.text.strip(INVISIBLE_CHARS):
            i -= 1  # an invisible format character split off a word ("Minister\u200e Haider")
            continue
        if t.lower_ in TITLE_WORDS or (t.is_title and words and t.lower_ not in ("the", "a")) or (
            t.lower_ in ("for", "of", "to", "the") and words
        ):
            words.insert(0, t.lower_)
            i -= 1
            continue
        break
    # Trim to the first title head and drop connective words left at the start.
    while words and (words[0] in ("outgoing", "incoming", "former", "acting", "then", "new", "the", "for", "of", "to")):
        words.pop(0)
    heads = [k for k, w in enumerate(words) if w in TITLE_HEADS]
    if not heads:
        return
    first = words[: heads[-1] + 1] if heads[-1] == len(words) - 1 else words
    variants = {tuple(first), tuple(words[heads[0] - 1 : heads[0] + 1]) if heads[0] > 0 else (), (words[heads[0]],)}
    for v in variants:
        if v:
            st.titles.setdefault(v, set()).add(person.id)
            st.title_people[person.id] = person


def title_pattern_people(st: ArticleState) -> None:
    """Runs of 2-4 capitalised proper nouns outside any entity, right after a
    title ("Ambassador ... Khazar Ibrahim", "Minister Tobias Ellwood")."""
    doc = st.doc
    # only names block a run: "Crown Prince Mohammad bin Salman" tagged PRODUCT is still a name
    in_ent = {i for e in st.ents for i in range(e.start, e.end)}
    ent_start_of_end = {e.end: e.start for e in doc.ents}
    found: list[tuple[int, int]] = []
    pos, titlecase, lowers = st.pos, st.titlecase, st.lowers

    def name_token(k: int) -> bool:
        return k not in in_ent and pos[k] == "PROPN" and titlecase[k] and lowers[k] not in TITLE_WORDS and not _title_head(lowers[k])

    i = 0
    n = len(doc)
    while i < n:
        if not name_token(i):
            i += 1
            continue
        j = i
        while j < n and (name_token(j) or lowers[j] in NAME_PARTICLES and j + 1 < n and name_token(j + 1)):
            j += 1  # "Mohammad bin Salman": a particle inside a name
        single_ok = j - i == 1 and i > 0 and titlecase[i - 1] and _title_head(lowers[i - 1])
        if (2 <= j - i <= 4 or single_ok) and _after_title(st, i, ent_start_of_end):
            found.append((i, j))
        i = max(j, i + 1)
    st.title_pattern = found


def _title_head(word: str) -> bool:
    """A title head, singular or plural ("Presidents A of X and B of Y")."""
    return word in TITLE_HEADS or word.endswith("s") and word[:-1] in TITLE_HEADS


def _after_title(st: ArticleState, i: int, ent_start_of_end: dict[int, int]) -> bool:
    lowers = st.lowers
    if i > 0 and _title_head(lowers[i - 1]):
        return True
    # "Ambassador to the US Khazar Ibrahim": title, preposition, entity, name.
    if i in ent_start_of_end:
        k = ent_start_of_end[i] - 1
        while k >= 0 and lowers[k] in ("the", "to", "of", "for", "in"):
            k -= 1
        return k >= 0 and _title_head(lowers[k])
    return False


def titled_org_names(st: ArticleState) -> None:
    """A person's name NER tagged ORG where only a person can stand: right
    after a title ("Ambassador to the United Nations Nikki Haley"), set off
    after a title noun ("a State Department spokesperson, Morgan Ortagus"),
    or in a list of people ("counterparts, Nikos Dendias, Nikos
    Christodoulides and ..."). Only a run of two to four capitalised words
    that holds no word of an organisation's name and that no gazetteer knows.
    Marks the text as a person's for the entities pass (one sense per article)."""
    doc = st.doc
    ent_start_of_end = {e.end: e.start for e in doc.ents}
    person_ends = {e.end for e in doc.ents if e.label_ == "PERSON"}
    for e in st.ents:
        if e.label_ != "ORG" or e.ent_id_ or not 2 <= len(e) <= 4 or e.text in st.gaz.phrases:
            continue
        words = [t for t in e if t.text not in ("-", "\u2010")]
        if not all(t.pos_ == "PROPN" and t.is_title for t in words):
            continue
        if any(t.lower_ in ORG_HEADS or t.lower_ in STATE_ORGAN_WORDS or t.lower_ in TITLE_WORDS for t in words):
            continue
        i = e.start
        titled = _after_title(st, i, ent_start_of_end)
        if not titled and i >= 2 and st.texts[i - 1] in (",", "and"):
            before = i - 2
            # "..., spokesperson, Morgan Ortagus" / "Nikos Dendias, Nikos Christodoulides"
            titled = _title_head(st.lowers[before]) or i - 1 in person_ends
        if titled:
            st.person_texts.add(e.text)


def bare_name_tokens(st: ArticleState) -> None:
    """Surnames NER did not tag ("Gantz and the Azeri representatives")."""
    if not st.name_parts:
        return
    first_seen: dict[str, int] = {}
    for m in st.out:
        if m.entity.kind == EntityKind.PERSON:
            first_seen[m.entity.id] = min(first_seen.get(m.entity.id, m.start_token), m.start_token)
    for i, text in enumerate(st.texts):
        if text not in st.name_parts or i in st.covered or not st.titlecase[i]:
            continue
        person = st.name_parts[text]
        if first_seen.get(person.id, len(st.doc)) < i and not st.in_furniture(i):
            st.emit(person, "coreference", i, i + 1, ACTOR)


def title_holders(st: ArticleState) -> None:
    """'the Defense Minister', 'the secretary', 'the Iraqi Foreign Minister', a
    headline 'Foreign Secretary welcomes ...' -> the one person introduced with
    that title (or title head) in this article. Also 'The Foreign Secretary,
    Boris Johnson, said' (apposition: two mentions of one person).
    A capitalised office no one is introduced with ("The Foreign Secretary met
    Russian Foreign Minister Sergei Lavrov" under a headline naming Boris
    Johnson) is the one person the article names in full without any title."""
    untitled = _untitled_person(st)
    if not st.titles and untitled is None:
        return
    doc = st.doc
    n = len(doc)
    lowers, texts = st.lowers, st.texts
    longest = max((len(k) for k in st.titles), default=0)
    demonym_ends = {m.end_token for m in st.out if m.rule == "demonym"}
    i = 0
    while i < n:
        if i in st.covered or not _title_can_start(st, i, demonym_ends):
            i += 1
            continue
        if untitled is not None and not any(tuple(lowers[i : i + k]) in st.titles for k in range(1, longest + 1)):
            k = _office_length(st, i)
            if k:
                st.emit(untitled, "title-holder", i, i + k, ACTOR)
                i += k
                continue
        for k in range(min(longest, n - i), 0, -1):
            ids = st.titles.get(tuple(lowers[i : i + k]))
            if not ids or len(ids) != 1:
                continue
            if not (lowers[i - 1] == "the" or i - 1 in st.covered) and not texts[i][:1].isupper():
                break  # a bare lower-case "minister" is no reference
            nxt = doc[i + k] if i + k < n else None
            if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ == "of"):
                break  # the name itself follows ("the Defense Minister Benny Gantz")
            st.emit(st.title_people[next(iter(ids))], "title-holder", i, i + k, ACTOR)
            i += k - 1
            break
        i += 1


def _untitled_person(st: ArticleState) -> Entity | None:
    """The one person named in full (two words or more) and never with a title."""
    titled = set(st.title_people)
    untitled = {p.id: p for name, p in st.people.items() if len(name.split()) >= 2 and p.id not in titled}
    return next(iter(untitled.values())) if len(untitled) == 1 else None


def _office_length(st: ArticleState, i: int) -> int:
    """Length of a capitalised office name at i ("Foreign Secretary", "Prime
    Minister"): title words only, each capitalised, ending in a title head, and
    no name after it (else the name is the mention); 0 when there is none."""
    n = len(st.doc)
    k = i
    while k < n and k - i < 4 and st.lowers[k] in TITLE_WORDS and st.titlecase[k] and k not in st.covered:
        k += 1
    if k == i or st.lowers[k - 1] not in TITLE_HEADS:
        return 0
    if k < n and (st.pos[k] == "PROPN" or st.lowers[k] in ("of", "for", "to") or st.texts[k] in ("-", "\u2013")):
        return 0  # a name follows, or a longer office ("Minister for ...", "Prime Minister-designate")
    return k - i


def appositive_titles(st: ArticleState) -> None:
    """A title set off by a comma next to a named person is another mention of
    that person: "Minister for the Middle East, Tobias Ellwood, said",
    "Tobias Ellwood, Minister for the Middle East, welcomes". Only titles that
    hold no other mention: "commander of U.S. Central Command" keeps its
    organisation (relation extraction reads the office from it)."""
    doc = st.doc
    n = len(doc)
    named = [m for m in st.out if m.entity.kind == EntityKind.PERSON and m.rule in ("exact", "title-pattern")]
    for m in named:
        if m.start_token >= 2 and st.texts[m.start_token - 1] == ",":
            span = _title_phrase_before(st, m.start_token - 1)
            if span is not None:
                st.emit(m.entity, "title-holder", span[0], span[1], ACTOR)
        if m.end_token + 1 < n and st.texts[m.end_token] == ",":
            span = _title_phrase_after(st, m.end_token + 1)
            if span is not None:
                st.emit(m.entity, "title-holder", span[0], span[1], ACTOR)


def _title_word(st: ArticleState, k: int) -> bool:
    """A word a title phrase is made of: a title word, a capitalised word no
    mention covers, or a connective inside it ("Minister for the Middle East")."""
    if k in st.covered or st.texts[k] in st.vessel_names:
        return False
    w = st.lowers[k]
    return w in TITLE_WORDS or w in ("for", "of", "the", "and") or (st.titlecase[k] and st.pos[k] in ("PROPN", "NOUN", "ADJ"))


def _title_phrase(st: ArticleState, start: int, end: int) -> tuple[int, int] | None:
    while start < end and st.lowers[start] in ("for", "of", "and"):
        start += 1
    while end > start and st.lowers[end - 1] in ("for", "of", "the", "and"):
        end -= 1
    words = st.lowers[start:end]
    if not 1 <= end - start <= 8 or not any(w in TITLE_HEADS for w in words):
        return None
    first = start + 1 if words[0] in ("the", "a", "an") else start
    if first >= end or not st.titlecase[first]:
        return None  # "said the minister" or a lower-case description is not a title
    if st.sentence_index(start) != st.sentence_index(end - 1):
        return None
    return start, end


def _title_phrase_before(st: ArticleState, comma: int) -> tuple[int, int] | None:
    """The title that ends at `comma` and starts a line, a sentence or a clause."""
    k = comma
    while k > 0 and comma - k < 8 and _title_word(st, k - 1) and "\n" not in st.texts[k - 1]:
        k -= 1
    at_start = k == 0 or "\n" in st.texts[k - 1] or k in st.sent_starts or st.texts[k - 1] in (",", ":", "\u201c", '"')
    return _title_phrase(st, k, comma) if at_start and k < comma else None


def _title_phrase_after(st: ArticleState, start: int) -> tuple[int, int] | None:
    """The title right after a name and a comma, up to the next punctuation or
    lower-case word that is not part of it ("..., Minister for the Middle East welcomes")."""
    k = start
    n = len(st.doc)
    while k < n and k - start < 9 and _title_word(st, k) and "\n" not in st.texts[k]:
        k += 1
    if k < n and st.texts[k] not in (",", ".", ";", ":", "\u201d", '"') and st.pos[k] not in ("VERB", "AUX", "PUNCT", "SPACE"):
        return None  # the phrase runs on into something that is not a title
    return _title_phrase(st, start, k)


def _title_can_start(st: ArticleState, i: int, demonym_ends: set[int]) -> bool:
    """A title reference starts after "the", after "the" + a demonym ("the
    Iraqi Foreign Minister"), or at the start of a line (a headline)."""
    lowers = st.lowers
    if i >= 1 and lowers[i - 1] == "the":
        return True
    if i in demonym_ends and i >= 2:
        k = i - 1
        while k > 0 and k in st.covered and lowers[k] != "the":
            k -= 1
        return lowers[k] == "the"
    return (i == 0 or "\n" in st.texts[i - 1]) and st.texts[i][:1].isupper()



def party_words(st: ArticleState) -> None:
    """A party the article names in full ("the Conservative Party") is also
    meant by its bare name and its member noun: "Conservative MP X", "the new
    Conservative leader", "the Democrat Nancy Pelosi", "a Democrat, X".
    Only parties the article itself names: "Labour" or "Republican" alone
    belong to parties of many countries."""
    forms: dict[str, Entity] = {}
    for m in st.out:
        words = m.entity.name.split()
        if m.entity.kind == EntityKind.ORGANIZATION and len(words) == 2 and words[1] == "Party" and words[0][:1].isupper():
            for form in party_forms(words[0]):
                forms.setdefault(form, m.entity)
    if not forms:
        return
    for i, text in enumerate(st.texts):
        party = forms.get(text)
        if party is None or i in st.covered or st.in_furniture(i):
            continue
        nxt = st.lowers[i + 1] if i + 1 < len(st.doc) else ""
        if nxt == "party":
            continue  # "Labour party" in lower case: the name itself, left to the entities pass
        st.emit(party, "coreference", i, i + 1, ACTOR)


def party_forms(stem: str) -> tuple[str, ...]:
    """"Democratic" -> Democratic, Democrat, Democrats; "Conservative" ->
    Conservative, Conservatives; "Labour" -> Labour."""
    out = [stem]
    if stem.endswith("ic"):
        out += [stem[:-2], stem[:-2] + "s"]  # Democratic -> Democrat(s)
    elif stem.endswith(("an", "ive", "ist")):
        out.append(stem + "s")  # Republicans, Conservatives, Socialists
    return tuple(out)
