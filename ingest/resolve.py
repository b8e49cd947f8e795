"""Entity resolution: every entity mention in a parsed doc -> a canonical Entity.

Input is a Doc from `ingest.nlp.load_nlp()` (gazetteer ruler + NER + parser).
Each mention records the rule that resolved it, so a wrong resolution can be
traced:

- ``exact`` / ``alias``: a gazetteer name (canonical name or another name);
  NER names not in the gazetteer are ``exact`` with a slug id ("person:...",
  "org:...", "place:..."); a GPE the gazetteer lacks is a GeoNames City or a
  Place, never a new Country.
- ``demonym``: "Azeri", "Israelis" -> the country (never a separate actor).
- ``capital-metonymy``: a capital or seat of government acting ("Baku said",
  "Baku's relations", "allow Tel Aviv to attack") -> the state; as a place
  ("in Baku", "an embassy in Baku") the mention stays the city, role "place"
  (`country_of` maps it to its state).
- ``institution-metonymy``: "the Kremlin" -> Russia, "the White House" -> USA,
  "the Government of Iraq" -> Iraq.
- ``coreference``: within one article, a surname or first name -> the full
  name introduced earlier ("Gantz"); "the Islamic Republic", "the regime" ->
  the most recently named candidate state; "the country" / "the city" / "the
  group" -> the last entity of that kind.
- ``title-holder``: "the Defense Minister", "the secretary" -> the one person
  introduced with that title in the same article.
- ``title-pattern``: a capitalised name right after a title ("Ambassador to
  the US Khazar Ibrahim") that NER missed.
- ``pronoun``: "he"/"his"/"she" -> the last person named (inside a quotation,
  not its own speaker); "I"/"my" -> only a speaker the text names for those
  words (the quotation's sentence, or "X said:" ending a line before a
  statement), else no mention; "we"/"our" -> the body named in the speaker's
  title (only when the article names it). Weaker than the rules above: a
  consumer may ignore this rule.

Generic unit names ("2nd Battalion", "Task Force 1": only an ordinal or number
and unit nouns) get an id from the unit chain the text names ("3rd Battalion,
321st Field Artillery Regiment"), else one scoped to the article
("org:2nd-battalion~1a2b3c4d"): every army has a 2nd Battalion, and one global
node would join unrelated units. See `_Resolver.qualify_generic_units`.

Also: page furniture (photo credits, "Most Popular") holds no entities; NER
mistakes of known classes are repaired (place names tagged as people, names
the ruler cut in two, one sense per article for a name).

Output is deterministic: the same doc always gives the same mentions, sorted
by start offset, never overlapping.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from graph import geodata
from graph.models import Entity
from graph.ontology import EntityKind
from ingest.gazetteer import EntryKind, GazEntry, build_gazetteer
from ingest.gazetteer.demonyms import PEOPLES_AND_FAITHS
from ingest.gazetteer.metonyms import NOT_PLACES
from ingest.gazetteer.units import UNIT_NOUNS, is_generic_unit, unit_echelon, unit_noun
from ingest.nlp import INVISIBLE_CHARS

ACTOR = "actor"
PLACE = "place"


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    entity: Entity
    rule: str
    start_char: int
    end_char: int
    start_token: int
    end_token: int  # exclusive
    text: str
    sentence_index: int
    role: str  # "actor" or "place"


# Prepositions after which a place name is a location, not an actor.
LOCATIVE_PREPS = frozenset(
    "in at near inside outside across within throughout around into onto from via through "
    "along beyond off toward towards".split()
)
# Prepositions that take only places (not "at Google", "from the ministry").
STRICT_PLACE_PREPS = frozenset("in near inside outside around into throughout toward towards".split())
# "to" is locative only after movement words ("a visit to Baku", "flew to Baku").
MOTION_WORDS = frozenset(
    "visit visits visited visiting trip trips travel travelled traveled travelling traveling "
    "fly flew flown flight flights arrive arrived arrival return returned go went gone come came "
    "move moved send sent deploy deployed deployment journey route way road relocate relocated "
    "head headed heading tour toured".split()
)

# "the liberation of X", "the city of X": X is a place. Lemmas.
PLACE_OF_NOUNS = frozenset(
    """liberation recapture retaking capture siege fall encirclement isolation outskirts occupation city town
    village province district governorate residents suburb suburbs centre center""".split()
)
# Verbs whose object (or passive subject) is a place: "liberate Sinjar", "isolate Raqqah".
PLACE_VERBS = frozenset("liberate recapture retake besiege encircle isolate storm overrun".split())

# Words that are titles, not names: stripped from the front of person names,
# and used to find names NER missed ("Ambassador ... Khazar Ibrahim").
TITLE_WORDS = frozenset(
    """president vice prime minister ministers secretary ambassador envoy general gen gen. lt lt. col col.
    maj maj. capt capt. adm adm. admiral sgt sgt. commander chief mr mr. mrs mrs. ms ms. dr dr. sir lord
    king queen prince princess sheikh shaikh emir crown senator sen sen. rep rep. representative governor
    gov gov. mayor spokesman spokeswoman spokesperson foreign defense defence deputy special chairman
    chairwoman chair director leader premier chancellor pope ayatollah supreme speaker judge justice
    colonel major captain lieutenant sergeant brig brig. brigadier marshal field officer official
    secretary-general under-secretary undersecretary attorney interior finance state affairs
    home health economy trade outgoing incoming former acting new then newly elected designate
    minister-designate prime-minister-designate head commissioner representative high
    ambassador-designate consul coordinator adviser advisor counsellor councillor rev rev. father
    imam cleric sultan""".split()
)
TITLE_HEADS = frozenset(
    """president minister secretary ambassador envoy general admiral commander chief senator governor
    mayor spokesman spokeswoman spokesperson chairman chairwoman director leader premier chancellor
    speaker secretary-general commissioner king queen prince emir sultan""".split()
)

# Page furniture: a short line that is a photo credit, a "Most Popular" box,
# a share prompt... never holds entities. Matched per line, not per sentence:
# the parser often glues such a line to the paragraph after it.
_FURNITURE_LINE = re.compile(
    r"^[ \t(\[]*(?:(?:photo|image|picture|video|file photo)\s*(?:credit|courtesy|:)|"
    r"(?:most popular|read more|related|share this|subscribe|advertisement|sign up|click here)\b)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_FURNITURE_MAX_LINE = 160
_FURNITURE_TEXT = re.compile(r"\b(photo credit|credit|most popular|popular|copyright|getty images)\b", re.IGNORECASE)

_MILITARY_UNIT = re.compile(
    # A bare "3rd Battalion" too: `_Resolver.qualify_generic_units` gives it an
    # id from its unit chain or from the article, so it never merges across articles.
    r"\b(?:\d+(?:st|nd|rd|th)\s+(?:[A-Z][A-Za-z]+\s+){0,3}"
    r"(?:Wing|Squadron|Group|Battalion|Regiment|Brigade|Division|Fleet|Corps|Battery|Company|Platoon|Army|Marines)"
    r"|(?:Combined\s+)?(?:Joint\s+)?Task\s+Force\s+\d+|CTF[- ]\d+)\b"
)

# The Arabic article before a name written in Latin letters: "al-Hilla", "Al-Raqqa",
# "as-Safira" (a lower-case start that is still a proper name). Group 1: the rest.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az)[-\u2010\s]([A-Z][\w'\u2019-]+)$", re.IGNORECASE)

THIRD_PERSON = frozenset({"he", "him", "his", "she", "her"})
SPEECH_VERBS = frozenset(
    """say tell add state explain note write announce remark stress comment declare insist warn
    reply respond tweet post urge emphasise emphasize underline conclude""".split()
)
# A statement handed out is the speaker's words too ("X released the following statement:").
STATEMENT_VERBS = frozenset("release issue provide give deliver make publish".split())
STATEMENT_NOUNS = frozenset("statement remark remarks comment comments message".split())
FIRST_PERSON = frozenset({"i", "my", "me"})
FIRST_PLURAL = frozenset({"we", "our", "us"})
PRONOUNS = THIRD_PERSON | FIRST_PERSON | FIRST_PLURAL
# "they" may stand for an organisation or armed group named as a clause subject
# just before ("The Syrian Democratic Forces announced that they ..."). Not
# "them": an object pronoun seldom means its own clause's subject (that would
# be "themselves"); on Wikinews it was mostly someone else.
THIRD_PLURAL = frozenset({"they"})
# Plural nouns for a state's or group's armed men: "Iraq's Security Forces ... they".
FORCE_NOUNS = frozenset("force forces troop troops soldier soldiers fighter fighters militant militants".split())

# Nouns that name an administrative area after its proper name ("Anbar
# province", "Idlib governorate", "Mosul district"): the name and the noun are
# one place mention.
ADMIN_UNITS = frozenset("province governorate district county prefecture oblast municipality".split())

# Plural nouns for service members: "Reserve Airmen", "ANG Airmen" are people,
# never places (NER tags some of them GPE).
PERSONNEL_NOUNS = frozenset("airmen soldiers marines sailors troops guardsmen servicemen personnel".split())

# Head nouns of organisation names that a definite description repeats to refer
# back to the organisation: "U.S. Central Command ... the command", "the 134th
# Expeditionary Fighter Squadron ... the squadron", "Task Force 50 ... the task force".
ORG_ANAPHOR_HEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(h.split())
    for h in (
        "task force", "command", "squadron", "wing", "battalion", "brigade", "regiment", "division",
        "fleet", "ministry", "council", "committee", "commission", "agency", "alliance", "militia",
        "court", "parliament", "assembly", "party", "university", "company", "bank",
    )
)

# Last words of facility names: an airfield, a dam or an air base is a place,
# whatever label NER gives it ("Tiyas Military Airfield" ORG, "Baghdad
# International Airport").
FACILITY_HEADS = frozenset("airport airfield base dam bridge harbour harbor".split())

# "<region> regional government": the region's government, an organisation.
SUBNATIONAL_WORDS = frozenset("regional provincial state local municipal city autonomous".split())

# Last words of military unit names: a unit NER tags as a place ("in Abel
# Battery") is an organisation. From the gazetteer's unit nouns, minus those
# that also end the names of firms, teams and offices ("X Company", "X Group",
# "X Command" tagged as a place are too often not units).
_NOT_ONLY_UNITS = frozenset({"team", "section", "detachment", "company", "troop", "group", "army", "command"})
UNIT_HEADS = frozenset(n for n in UNIT_NOUNS if " " not in n) - _NOT_ONLY_UNITS

# Words after a name that make it a tribe or clan ("the Al Bu Nimr tribe"), a group.
TRIBE_NOUNS = frozenset({"tribe", "clan"})

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "LANGUAGE"})

# Ship prefixes: vessels are not geopolitical entities ("USS Mahan", "HMS Ocean").
VESSEL_PREFIXES = frozenset("USS HMS FS HMAS HMCS HNLMS INS RFS ROKS JS TCG USNS ITS ESPS".split())
# Rank abbreviations that end a mis-tagged ORG ("Navy Capt").
RANK_ABBREVIATIONS = frozenset("capt capt. gen gen. col col. lt lt. maj maj. sgt sgt. adm adm. cmdr cdr spc spc. pfc".split())
# Head nouns of organisation names that start with a place name
# ("Kurdistan Regional Government", "Baku State University").
ORG_HEADS = frozenset(
    """government council assembly parliament ministry university bank agency authority party
    front movement brigade brigades corps command committee commission court office department service
    services company corporation airlines airways news times post television radio institute foundation
    federation union league club police guard army forces navy""".split()
)
# For a country name these heads are the state itself acting ("Iraqi Army",
# "Iran Government"), so the country mention stands.
STATE_HEADS = frozenset("government army forces navy police guard command ministry".split())
# Words of a name that make it an organ of the state itself ("Government of
# Iraq", "Iraqi Security Forces", "Federal Government of Iraq"): the state acts.
STATE_ORGAN_WORDS = frozenset(
    """government federal central national state security armed forces force army navy air military
    police ministry defence defense interior foreign affairs regime administration cabinet authorities
    guard guards special operations""".split()
)
# English surnames that are also Anglophone city names ("Jackson", "Houston"):
# a one-word PERSON is re-read as a city only outside these countries.
_SURNAME_CITY_COUNTRIES = frozenset({"USA", "GBR", "CAN", "AUS", "NZL", "IRL"})
# ... and only large cities: small ones share names with people ("Hassan").
MIN_POPULATION_PERSON_AS_CITY = 250_000


def _slug_id(prefix: str, name: str) -> str:
    return f"{prefix}:{geodata.slugify(name)}"


_SLUG = re.compile(r"[a-z0-9-]+")


def article_scope(article_id: str) -> str:
    """A short, stable tag for one article: the suffix of ids that hold only
    inside it ("org:2nd-battalion~1a2b3c4d")."""
    return hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8]


def _has_words(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """`part` occurs as consecutive words of `words`."""
    k = len(part)
    return any(words[i : i + k] == part for i in range(len(words) - k + 1))


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
        if word in LOCATIVE_PREPS:
            return PLACE
        if word == "to" and (prep.head.lemma_.lower() in MOTION_WORDS or prep.head.lower_ in MOTION_WORDS):
            return PLACE
    return ACTOR


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


class _Resolver:
    def __init__(self, doc: Doc, article_id: str) -> None:
        self.doc = doc
        self.article_id = article_id
        self.gaz = build_gazetteer()
        # Token attributes read once: hot loops below index these lists instead
        # of creating spaCy Token objects over and over.
        self.texts = [t.text for t in doc]
        self.lowers = [t.lower_ for t in doc]
        self.pos = [t.pos_ for t in doc]
        self.titlecase = [t.is_title for t in doc]
        self.in_ent = {i for e in doc.ents for i in range(e.start, e.end)}
        self.sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.furniture = [
            (m.start(), m.end()) for m in _FURNITURE_LINE.finditer(doc.text) if m.end() - m.start() <= _FURNITURE_MAX_LINE
        ]
        self.out: list[ResolvedMention] = []
        self.covered: set[int] = set()
        self.last_country_at: dict[str, int] = {}  # iso3 -> last token index mentioned
        self.last_by_kind: dict[str, Entity] = {}  # kind -> latest entity of that kind
        self.people: dict[str, Entity] = {}  # full name -> person
        self.name_parts: dict[str, Entity] = {}  # surname / first name -> person introduced
        self.titles: dict[tuple[str, ...], set[str]] = {}  # ("defense", "minister") -> person ids
        self.title_people: dict[str, Entity] = {}
        self.vessel_names: set[str] = set()
        self.merged_parts: set[tuple[int, int]] = set()  # ents replaced by a merged name
        self.qualifiers: dict[int, tuple[int, str]] = {}  # place end token -> (country end token, iso3)

    # -- helpers ---------------------------------------------------------
    def sentence_index(self, token_i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token_i) - 1)

    def in_furniture(self, token_i: int) -> bool:
        char = self.doc[token_i].idx
        return any(a <= char < b for a, b in self.furniture)

    def emit(self, entity: Entity, rule: str, start: int, end: int, role: str) -> None:
        if start >= end or any(i in self.covered for i in range(start, end)):
            return
        if role == PLACE and end in self.qualifiers and entity.kind in (EntityKind.CITY, EntityKind.PLACE):
            entity = self.qualified_place(entity, end)
        if entity.kind in (EntityKind.CITY, EntityKind.PLACE) and self._admin_unit_at(end):
            entity, end = self.admin_area(entity, start, end), end + 1
        span = self.doc[start:end]
        self.covered.update(range(start, end))
        self.out.append(
            ResolvedMention(
                entity=entity,
                rule=rule,
                start_char=span.start_char,
                end_char=span.end_char,
                start_token=start,
                end_token=end,
                text=span.text,
                sentence_index=self.sentence_index(start),
                role=role,
            )
        )
        if entity.kind == EntityKind.COUNTRY and entity.iso3:
            self.last_country_at[entity.iso3] = start
        self.last_by_kind[str(entity.kind)] = entity

    def find_qualifiers(self, ents: list[Span]) -> None:
        """'Palmyra, Syria', 'Cibolo, Texas', 'Anbar, northern Iraq': a place name
        followed by the country (or US state) it lies in gets that country as its
        iso3 (both stay mentions: relation extraction reads LOCATED_IN from the
        pair). Lists ('Iraq, Syria and Libya') are left alone."""
        doc = self.doc
        by_start = {e.start: e for e in ents}
        for x in ents:
            entry = self.gaz.entry(x.ent_id_) if x.ent_id_ else None
            place_like = (x.label_ in ("GPE", "LOC", "FAC") and entry is None) or (
                entry is not None and entry.kind in (EntryKind.CITY, EntryKind.REGION) and entry.acts_for is None
            )
            if not place_like or x.end >= len(doc) or self.texts[x.end] != ",":
                continue
            k = x.end + 1
            if k < len(doc) and self.lowers[k] in ("northern", "southern", "eastern", "western", "central"):
                k += 1
            y = by_start.get(k)
            y_entry = self.gaz.entry(y.ent_id_) if y is not None and y.ent_id_ else None
            if y is None or y_entry is None or y_entry.entity is None:
                continue
            if y_entry.kind == EntryKind.COUNTRY:
                iso3 = y_entry.entity.iso3
            elif y_entry.kind == EntryKind.REGION and y_entry.entity.iso3 == "USA":
                iso3 = "USA"  # a US state
            else:
                continue
            after = self.lowers[y.end] if y.end < len(doc) else ""
            after2 = y.end + 1 < len(doc) and (y.end + 1) in by_start
            if after in ("and", "or") or (after == "," and after2):
                continue  # a list of places
            self.qualifiers[x.end] = (y.end, iso3 or "")

    def qualified_place(self, entity: Entity, end: int) -> Entity:
        """The place, in the country the text names: the GeoNames city of that
        name in that country, else a Place with that country's ISO3."""
        _, iso3 = self.qualifiers[end]
        if not iso3 or entity.iso3 == iso3:
            return entity
        if entity.kind == EntityKind.CITY:
            city = geodata.find_city(entity.name, iso3)
            if city is not None:
                return geodata.city_entity(city, source="article")
        # The id leaves the country out: the same place named with its country
        # in one article ("Mindanao, Philippines") and without in another must
        # be one entity; the country is kept as a property.
        return Entity(id=_slug_id("place", entity.name), name=entity.name, kind=EntityKind.PLACE, iso3=iso3)

    def _admin_unit_at(self, k: int) -> bool:
        """An administrative-area noun at token k that completes the place name
        before it ("Anbar province"), not one that heads a longer phrase
        ("the province council", "province of")."""
        if k >= len(self.doc) or k in self.covered or self.lowers[k] not in ADMIN_UNITS:
            return False
        nxt = k + 1
        # "Anbar province of Iraq", "the Manhattan district attorney": another phrase.
        return nxt >= len(self.doc) or self.lowers[nxt] != "of" and self.pos[nxt] not in ("NOUN", "PROPN")

    def admin_area(self, entity: Entity, start: int, end: int) -> Entity:
        """'Anbar province' is the place Anbar; 'Idlib province', 'Mosul district'
        name the area around a city, not the city: a Place of that full name in the
        city's country."""
        if entity.kind != EntityKind.CITY:
            return entity
        name = f"{' '.join(self.doc[start:end].text.split())} {self.lowers[end]}"
        return Entity(id=_slug_id("place", name), name=name, kind=EntityKind.PLACE, iso3=entity.iso3)

    def admin_area_names(self) -> None:
        """Capitalised names NER missed before an administrative-area noun
        ("northwestern Syria's Idlib province") are places."""
        n = len(self.doc)
        for k in range(1, n):
            if self.lowers[k] not in ADMIN_UNITS or k in self.covered or self.pos[k] != "NOUN" or self.in_furniture(k):
                continue
            i = k
            while i > 0 and k - i < 3 and self.pos[i - 1] == "PROPN" and self.titlecase[i - 1] and (i - 1) not in self.covered:
                i -= 1
            if i == k or self.lowers[i] in TITLE_WORDS:
                continue
            name = self.doc[i:k].text
            city = geodata.find_city(name)
            if city is not None:
                self.emit(geodata.city_entity(city, source="article"), "exact" if city.name == name else "alias", i, k, PLACE)
            else:
                self.emit(Entity(id=_slug_id("place", name), name=name, kind=EntityKind.PLACE), "exact", i, k, PLACE)

    # -- gazetteer matches ----------------------------------------------------
    def gazetteer(self, ent: Span, entry: GazEntry) -> None:
        if entry.context and not self.ent_ids.intersection(entry.context):
            return
        if (entry.kind == EntryKind.NOMINAL or entry.context) and ent.text[:1].islower():
            # Lower-case descriptions need "the" ("the regime", "the country");
            # contextual names may also modify a noun ("coalition airstrikes").
            modifier = entry.context and ent.end < len(ent.doc) and ent.doc[ent.end].pos_ == "NOUN"
            if not (self._definite_bare_noun(ent) or modifier):
                return
        if entry.kind in (EntryKind.COUNTRY, EntryKind.CITY, EntryKind.REGION) and self.org_named_after_place(ent, entry):
            return
        if entry.kind == EntryKind.REGION and self._portfolio(ent):
            return  # "Minister for the Middle East": part of a title, not the place
        text = ent.text
        name_rule = "exact" if entry.entity is not None and text == entry.entity.name else "alias"
        if entry.kind == EntryKind.COUNTRY:
            self.emit(entry.entity, name_rule, ent.start, ent.end, syntactic_role(ent))
        elif entry.kind == EntryKind.DEMONYM:
            self.emit(entry.entity, "demonym", ent.start, ent.end, ACTOR)
        elif entry.kind == EntryKind.CITY:
            role = self.city_role(ent)
            if role == ACTOR and entry.acts_for:
                country = geodata.country_entity(geodata.countries()[entry.acts_for], source="article")
                self.emit(country, "capital-metonymy", ent.start, ent.end, ACTOR)
            else:
                self.emit(entry.entity, name_rule, ent.start, ent.end, PLACE)
        elif entry.kind == EntryKind.INSTITUTION:
            self.emit(entry.entity, "institution-metonymy", ent.start, ent.end, syntactic_role(ent))
        elif entry.kind in (EntryKind.ORGANIZATION, EntryKind.GROUP):
            self.emit(entry.entity, name_rule, ent.start, ent.end, ACTOR)
        elif entry.kind == EntryKind.REGION:
            self.emit(entry.entity, name_rule, ent.start, ent.end, PLACE)
        elif entry.kind == EntryKind.NOMINAL and entry.refers_to:
            target = self.last_by_kind.get(entry.refers_to)
            if target is not None:
                role = PLACE if target.kind == EntityKind.CITY else syntactic_role(ent)
                self.emit(target, "coreference", ent.start, ent.end, role)
        elif entry.kind == EntryKind.NOMINAL:
            iso3 = self.nominal_target(entry)
            if iso3:
                country = geodata.country_entity(geodata.countries()[iso3], source="article")
                self.emit(country, "coreference", ent.start, ent.end, syntactic_role(ent))

    def _definite_bare_noun(self, ent: Span) -> bool:
        """'the regime said' but not 'a regime', 'the regime change', 'sanctions regime'."""
        doc = self.doc
        if ent.start == 0 or doc[ent.start - 1].lower_ != "the":
            return False
        nxt = doc[ent.end] if ent.end < len(doc) else None
        return nxt is None or (nxt.pos_ not in ("NOUN", "PROPN") and nxt.lower_ != "of")

    def _portfolio(self, ent: Span) -> bool:
        """'Minister for the Middle East', 'Envoy to the Sahel'."""
        doc = self.doc
        k = ent.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        return k >= 1 and doc[k].lower_ in ("for", "to") and doc[k - 1].lower_ in TITLE_HEADS

    def org_named_after_place(self, ent: Span, entry: GazEntry) -> bool:
        """'Kurdistan Regional Government', 'Baku State University': emit the
        organisation over the whole name instead of the place."""
        doc = self.doc
        if entry.kind != EntryKind.COUNTRY and self._regional_government(ent):
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
            place = Entity(id=_slug_id("place", name), name=name, kind=EntityKind.PLACE, iso3=iso3)
            self.emit(place, "exact", start, j, PLACE)
            return True
        org = Entity(id=_slug_id("org", name), name=name, kind=EntityKind.ORGANIZATION)
        self.emit(org, "exact", start, j, ACTOR)
        return True

    def _regional_government(self, ent: Span) -> bool:
        """'the Kurdistan regional government', 'Kurdistan Regional governments',
        'the Punjab provincial government': the government of a region or city is an
        organisation (one node, named in title case), not the place."""
        doc = self.doc
        j = ent.end
        if j + 1 >= len(doc) or doc[j].lower_ not in SUBNATIONAL_WORDS or doc[j + 1].lower_ not in ("government", "governments"):
            return False
        name = f"{ent.text} {doc[j].lower_.title()} Government"
        org = Entity(id=_slug_id("org", name), name=name, kind=EntityKind.ORGANIZATION)
        self.emit(org, "exact", ent.start, j + 2, ACTOR)
        return True

    def city_role(self, ent: Span) -> str:
        root = ent.root
        if root.dep_ == "compound" and root.head.pos_ == "NOUN":
            return PLACE  # "Baku residents", "the Baku office"
        return syntactic_role(ent)

    def nominal_target(self, entry: GazEntry) -> str | None:
        seen = [(self.last_country_at[c], c) for c in entry.candidates if c in self.last_country_at]
        if seen:
            return max(seen)[1]
        return entry.default

    # -- people -------------------------------------------------------------------
    def person(self, start: int, end: int, rule: str = "exact") -> None:
        doc = self.doc
        words = [t.text for t in doc[start:end]]
        if not words or not any(w[:1].isupper() for w in words):
            return
        # The name as written ("al-Kuwaiti", not "al - Kuwaiti"), one space between words.
        name = " ".join(doc[start:end].text.split())
        if name in self.gaz.phrases:  # a country/org name NER called a person
            key = self.gaz.phrases[name]
            entry = self.gaz.entry(key)
            if entry is not None:
                self.gazetteer(doc[start:end], entry)
            return
        if len(words) == 1:
            known = self.name_parts.get(name) or self.people.get(name)
            if known is not None:
                self.emit(known, "coreference", start, end, ACTOR)
                return
        person = self.people.get(name)
        if person is None:
            person = Entity(id=_slug_id("person", name), name=name, kind=EntityKind.PERSON)
            self.people[name] = person
            if len(words) >= 2:
                self.name_parts.setdefault(words[-1], person)
                self.name_parts.setdefault(words[0], person)
        self.remember_title(start, person)
        self.emit(person, rule, start, end, ACTOR)

    def remember_title(self, start: int, person: Entity) -> None:
        """Record the title a person is introduced with: "Defense Minister Benny
        Gantz", "Minister for the Middle East Tobias Ellwood", "The Foreign
        Secretary, Boris Johnson," (apposition)."""
        doc = self.doc
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
                self.titles.setdefault(v, set()).add(person.id)
                self.title_people[person.id] = person

    # -- the pass -------------------------------------------------------------------
    def run(self) -> list[ResolvedMention]:
        doc = self.doc
        self.ent_ids = {e.ent_id_ for e in doc.ents if e.ent_id_}
        self.place_words = {
            w for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") and not e.ent_id_ for w in (e.text, e[-1].text)
        } | {
            self.texts[i + 1]
            for i, w in enumerate(self.lowers[:-1])
            if w in STRICT_PLACE_PREPS and self.pos[i + 1] == "PROPN"
        }
        ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
        self.place_words |= {e.text for e in ents if e.label_ in ("ORG", "NORP") and len(e) == 1 and self.place_context(e, e.label_)}
        self.person_texts = {e.text for e in ents if e.label_ == "PERSON"}
        extra_people = self.title_pattern_people(ents)
        merged = self.split_names(ents)
        nisba = self.nisba_names(ents)
        self.find_qualifiers(ents)
        items: list[tuple[int, int, str, Span | None]] = [(e.start, e.end, "ent", e) for e in ents]
        items += [(s, e, "title-pattern", None) for s, e in extra_people]
        items += [(s, e, "merged", None) for s, e in merged]
        items += [(s, e, "nisba", None) for s, e in nisba]
        regimes = self.leader_regimes(ents)
        items += [(s, e, "regime", None) for s, e in regimes]
        self.military_units()  # first: NER often tags only part ("CTF" of "CTF 50")
        for start, end, kind, ent in sorted(items, key=lambda x: (x[0], -x[1])):
            if self.in_furniture(start):
                continue
            if kind == "title-pattern":
                self.person(start, end, rule="title-pattern")
                continue
            if kind == "regime":
                iso3 = self.nominal_target(regimes[(start, end)])
                if iso3:
                    country = geodata.country_entity(geodata.countries()[iso3], source="article")
                    self.emit(country, "coreference", start, end, ACTOR)
                continue
            if kind == "nisba":
                self.person(start, end)
                continue
            if kind == "merged":
                self.merged_name(start, end, merged[(start, end)])
                continue
            assert ent is not None
            if (ent.start, ent.end) in self.merged_parts:
                continue
            if _FURNITURE_TEXT.search(ent.text):
                continue
            self.one_ent(ent)
        self.qualify_generic_units()  # before the passes that copy a unit's entity ("the battalion")
        self.locative_names()
        self.admin_area_names()
        self.bare_name_tokens()
        self.title_holders()
        self.personal_pronouns()
        self.appositive_titles()
        self.organisation_descriptions()
        self.plural_pronouns()
        return sorted(self.out, key=lambda m: (m.start_char, m.end_char))

    def split_names(self, ents: list[Span]) -> dict[tuple[int, int], Span]:
        """Names the gazetteer ruler cut in two, because it fixes country names
        before NER runs: "the Government of" + "Iraq", "Iraqi" + "Security Forces",
        "University of" + "Tehran". Returns (start, end) of the whole name -> the
        gazetteer part."""
        doc = self.doc
        by_start = {e.start: e for e in ents}
        out: dict[tuple[int, int], Span] = {}
        for org in ents:
            if org.label_ != "ORG" or org.ent_id_ or any(t.lower_ in TITLE_HEADS for t in org[:2]):
                continue  # "Minister of Foreign Affairs of" + "Iraq" is a title, not a name
            after = by_start.get(org.end)
            if org[-1].lower_ in ("of", "for") and after is not None and self._splits_state(after):
                start = org.start + (1 if org[0].lower_ == "the" else 0)
                out[(start, after.end)] = after
                self.merged_parts.update({(org.start, org.end), (after.start, after.end)})
                continue
            before = next((e for e in ents if e.end == org.start and e.ent_id_), None)
            if before is not None and self._splits_state(before) and org[0].is_title:
                out[(before.start, org.end)] = before
                self.merged_parts.update({(org.start, org.end), (before.start, before.end)})
        self._demonym_led_names(ents, out)
        return out

    def leader_regimes(self, ents: list[Span]) -> dict[tuple[int, int], GazEntry]:
        """"Assad's brutal regime", "the regime of Assad": a leader's regime is the
        state acting (as "the Assad regime" is), not the person. The state is the
        one the gazetteer gives "<name> regime", else the latest state called a
        regime (the nominal "regime")."""
        generic = self.gaz.entry(self.gaz.phrases.get("regime", ""))
        lowers, texts = self.lowers, self.texts
        n = len(self.doc)
        out: dict[tuple[int, int], GazEntry] = {}
        for e in ents:
            if e.label_ != "PERSON":
                continue
            named = self.gaz.entry(self.gaz.phrases.get(f"{e[-1].text} regime", ""))
            entry = named if named is not None and named.kind == EntryKind.NOMINAL else generic
            if entry is None:
                continue
            k = e.end
            if k < n and texts[k] in ("'s", "\u2019s"):
                k += 1
                while k < n and k - e.end <= 3 and self.pos[k] == "ADJ":
                    k += 1
                if k < n and lowers[k] == "regime":
                    out[(e.start, k + 1)] = entry
            elif e.start >= 2 and lowers[e.start - 1] == "of" and lowers[e.start - 2] == "regime":
                out[(e.start - 2, e.end)] = entry
        return out

    def nisba_names(self, ents: list[Span]) -> list[tuple[int, int]]:
        """'Abu Jandal al-Kuwaiti': the ruler fixes the demonym 'Kuwaiti' before NER,
        cutting the person's name after 'al-'. A person name ending in 'al-'/'el-'
        and the demonym glued to it are one name (no mention of Kuwait)."""
        doc = self.doc
        by_start = {e.start: e for e in ents}
        out: list[tuple[int, int]] = []
        for e in ents:
            if e.label_ != "PERSON" or e.end >= len(doc) or len(e) < 2:
                continue
            if e[-1].text not in ("-", "‐") or e[-2].lower_ not in ("al", "el", " al-", "el-") or e[-1].whitespace_:
                continue
            d = by_start.get(e.end)
            entry = self.gaz.entry(d.ent_id_) if d is not None and d.ent_id_ else None
            if d is None or entry is None or entry.kind != EntryKind.DEMONYM:
                continue
            out.append((e.start, d.end))
            self.merged_parts.update({(e.start, e.end), (d.start, d.end)})
        return out

    def _demonym_led_names(self, ents: list[Span], out: dict[tuple[int, int], Span]) -> None:
        """'Syrian Arab Coalition', 'Syrian National Coalition': a demonym, capitalised
        words NER left untagged, then a name that alone means something else (the
        contextual 'Coalition' is the anti-ISIL coalition) form one organisation."""
        for e in ents:
            entry = self.gaz.entry(e.ent_id_) if e.ent_id_ else None
            if entry is None or not entry.context or not e[0].is_title:
                continue
            k = e.start
            while k > 0 and k - 1 not in self.in_ent and self.titlecase[k - 1] and self.pos[k - 1] == "PROPN":
                k -= 1
            demonym = next((d for d in ents if d.end == k and d.ent_id_), None)
            if demonym is None or (demonym.start, demonym.end) in self.merged_parts:
                continue
            d_entry = self.gaz.entry(demonym.ent_id_)
            if d_entry is None or d_entry.kind != EntryKind.DEMONYM or any(a == demonym.start for a, _ in out):
                continue
            out[(demonym.start, e.end)] = demonym
            self.merged_parts.update({(e.start, e.end), (demonym.start, demonym.end)})

    def _splits_state(self, ent: Span) -> bool:
        entry = self.gaz.entry(ent.ent_id_) if ent.ent_id_ else None
        return entry is not None and entry.kind in (EntryKind.COUNTRY, EntryKind.DEMONYM, EntryKind.CITY) and entry.acts_for is not None

    def merged_name(self, start: int, end: int, part: Span) -> None:
        """A state organ ("Government of Iraq", "Iraqi Security Forces") is the
        state acting; any other name ("University of Tehran") is an organisation."""
        entry = self.gaz.entry(part.ent_id_)
        assert entry is not None and entry.acts_for is not None
        rest = [t.lower_ for t in self.doc[start:end] if not (part.start <= t.i < part.end)]
        words = [w for w in rest if w not in ("the", "of", "for", "'s", "’s")]
        if words and all(w in STATE_ORGAN_WORDS for w in words):
            country = geodata.country_entity(geodata.countries()[entry.acts_for], source="article")
            self.emit(country, "institution-metonymy", start, end, ACTOR)
            return
        name = self.doc[start:end].text
        self.emit(Entity(id=_slug_id("org", name), name=name, kind=EntityKind.ORGANIZATION), "exact", start, end, ACTOR)

    def one_ent(self, ent: Span) -> None:
        entry = self.gaz.entry(ent.ent_id_) if ent.ent_id_ else None
        if entry is not None:
            self.gazetteer(ent, entry)
            return
        if ent[0].text in VESSEL_PREFIXES:
            self.vessel_names.update(t.text for t in ent[1:] if t.is_title)
            return
        if ent[0].text in ("Operation", "Exercise") or ent.text in self.vessel_names:
            return  # military operations are events; "Forbin" after "FS Forbin" is the ship
        if ent.text in PEOPLES_AND_FAITHS:
            return  # a people or a faith ("the Yazidi community", "the name of Islam"), no entity here
        label = ent.label_
        # "Near Raqqah" tagged PERSON: a leading locative preposition makes it a place.
        leading_prep = ent[0].lower_ in LOCATIVE_PREPS and len(ent) > 1
        start, end = _clean_bounds(ent[1:] if leading_prep else ent, strip_titles=label == "PERSON")
        if start >= end:
            return
        span = self.doc[start:end]
        text = span.text
        if not any(ch.isalpha() for ch in text) or not text[:1].isupper() and not text[:1].isdigit() and not _ARABIC_ARTICLE.match(text):
            return
        if label == "PERSON" and any(ch.isdigit() for ch in text):
            return  # "Passcode 3080897"
        if label == "ORG" and (span[-1].lower_ in RANK_ABBREVIATIONS or span[0].lower_ in TITLE_HEADS):
            return  # "Navy Capt" before a name; "Minister of Foreign Affairs of" is a title
        if label == "ORG" and span[-1].lower_ in ("and", "of", "for", "&", "-", "–"):
            return  # a name cut short ("Joint and" before "Coalition partners")
        if leading_prep:
            self.place(span, "GPE")
            return
        if label == "ORG" and len(span) >= 2 and span[-1].lower_ in FACILITY_HEADS:
            self.place(span, "FAC")  # "Tiyas Military Airfield": a facility is a place
            return
        if label in ("PERSON", "ORG", "NORP", "GPE") and end < len(self.doc) and self.lowers[end] in TRIBE_NOUNS:
            name = f"{text} {self.lowers[end]}"
            self.emit(Entity(id=_slug_id("group", name), name=name, kind=EntityKind.GROUP), "exact", start, end + 1, ACTOR)
            return
        if label in ("PERSON", "ORG", "NORP", "LANGUAGE") and self.misread_city(span, label):
            return
        if label in ("PERSON", "ORG", "NORP") and len(span) <= 3 and (
            self.after_place_preposition(span) or self.named_as_place_elsewhere(span) or self.place_context(span, label)
        ):
            self.place(span, "GPE")  # "in Sinjar" tagged ORG; "Sinjar has been liberated" after "Mount Sinjar"
            return
        if label == "LANGUAGE" or label in ("PERSON", "ORG", "NORP") and text[:1].islower():
            return  # a lower-case "al-..." name counts only as a place (above)
        # An indefinite article marks a common noun phrase ("a Trade Office"), not a name.
        if ent.start > 0 and self.doc[ent.start - 1].lower_ in ("a", "an") or ent[0].lower_ in ("a", "an"):
            return
        if text in self.gaz.phrases:
            entry = self.gaz.entry(self.gaz.phrases[text])
            if entry is not None:
                self.gazetteer(span, entry)
                return
        if label == "PERSON":
            self.person(start, end)
        elif label == "ORG":
            self.organization(span)
        elif label in ("GPE", "LOC", "FAC"):
            self.place(span, label)
        # NORP not in the gazetteer (religions, ethnic groups) is not an entity here.

    def misread_city(self, span: Span, label: str) -> bool:
        """NER often tags Arabic and other non-English place names as PERSON, ORG or
        NORP ("isolate Raqqah", "Aleppo", "al-Hilla"). A one-word name (or one with
        the Arabic article) that is a GeoNames city (and not the surname of a person
        in this article) is the city."""
        text = span.text
        article = _ARABIC_ARTICLE.match(text)
        if (len(span) != 1 and not article) or text in self.name_parts or text in self.people:
            return False
        # "al-Hilla", "Al-Raqqa": GeoNames spells these without the article ("Al Hillah", "Hilla").
        city = geodata.find_city(text) or (geodata.find_city(article.group(1)) if article else None)
        if city is None:
            return False
        if label == "PERSON" and (city.iso3 in _SURNAME_CITY_COUNTRIES or (city.population or 0) < MIN_POPULATION_PERSON_AS_CITY):
            return False
        rule = "exact" if city.name == text else "alias"
        self.emit(geodata.city_entity(city, source="article"), rule, span.start, span.end, PLACE)
        return True

    def named_as_place_elsewhere(self, span: Span) -> bool:
        """One sense per article: a one-word name NER tags as a place elsewhere in
        the article ("Mount Sinjar", "in Sinjar") is a place here too, unless it
        is a person's name part."""
        if len(span) != 1 or span.text in self.name_parts or span.text in self.people:
            return False
        return span.text in self.place_words

    def place_context(self, span: Span, label: str) -> bool:
        """Syntax that takes only a place, for a name NER tagged ORG or NORP: a later
        conjunct after a place preposition ("in Qamenas, Sarmin and Talamenes"); the object of liberating or besieging ("the liberation of
        Sinjar", "Sinjar has been liberated", "isolate Raqqah", "the city of X")."""
        if label not in ("ORG", "NORP") or span.text in self.name_parts or span.text in self.people:
            return False
        root = span.root
        while root.dep_ == "conj" and root.head is not root:  # only lists, not appositions
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ in STRICT_PLACE_PREPS and root is not span.root:
            return True
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_OF_NOUNS:
            return True
        return root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in PLACE_VERBS

    def after_place_preposition(self, span: Span) -> bool:
        if span.text in self.name_parts or span.text in self.people:
            return False
        doc = self.doc
        k = span.start - 1
        if k >= 0 and doc[k].lower_ in ("eastern", "western", "northern", "southern", "central"):
            k -= 1
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ == "out":
            return True  # "pushed ISIL out of Kobane"
        return k >= 0 and doc[k].lower_ in STRICT_PLACE_PREPS

    def locative_names(self) -> None:
        """Capitalised names NER missed right after a locative preposition:
        "Near Dayr Az Zawr, five strikes ..." -> a place."""
        doc = self.doc
        in_ent = self.in_ent
        n = len(doc)
        for p, word in enumerate(self.lowers):
            if word not in LOCATIVE_PREPS or p + 1 >= n:
                continue
            i = p + 1
            if self.lowers[i] in ("eastern", "western", "northern", "southern", "central") and i + 1 < n:
                i += 1
            j = i
            while (
                j < n and j - i < 4 and j not in in_ent and j not in self.covered
                and self.pos[j] == "PROPN" and self.texts[j][:1].isupper()
            ):
                j += 1
            if j == i or self.in_furniture(i):
                continue
            span = doc[i:j]
            city = geodata.find_city(span.text)
            if city is not None:
                rule = "exact" if city.name == span.text else "alias"
                self.emit(geodata.city_entity(city, source="article"), rule, i, j, PLACE)
            elif word in ("near", "outside", "around"):
                self.emit(Entity(id=_slug_id("place", span.text), name=span.text, kind=EntityKind.PLACE), "exact", i, j, PLACE)

    def military_units(self) -> None:
        """Numbered military units NER misses: "158th Fighter Wing", "3rd
        Battalion", "Task Force 50", "CTF 50"."""
        for m in _MILITARY_UNIT.finditer(self.doc.text):
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or len(span) == 0 or self.in_furniture(span.start):
                continue
            name = span.text
            self.emit(Entity(id=_slug_id("org", name), name=name, kind=EntityKind.ORGANIZATION), "exact", span.start, span.end, ACTOR)

    # -- generic unit names -------------------------------------------------------
    # Which unit a name means decides its id. A name that is nothing but an
    # ordinal or number and generic unit nouns ("2nd Battalion", "3rd Brigade",
    # "Task Force 1", "Alpha Company"; `ingest.gazetteer.units.is_generic_unit`)
    # does not say which army's unit it is: every army has a 2nd Battalion. One
    # global id would make every article's "2nd Battalion" one node, and unit-chain
    # MEMBER_OF claims would then join unrelated battalions. So:
    # - named after its parent in a unit chain ("3rd Battalion, 321st Field
    #   Artillery Regiment", "2nd Battalion of the 5th Marines"), the id is built
    #   from the chain ("org:3rd-battalion--321st-field-artillery-regiment"): the
    #   same chain in another article is the same unit, the same id;
    # - otherwise it is scoped to the article ("org:2nd-battalion~1a2b3c4d"), and
    #   a bare mention of a name the article also gives with one chain is that
    #   chain's unit.
    # Named units ("101st Airborne Division", "321st Field Artillery Regiment",
    # "5th Marines") keep global ids. The display name stays as written.

    def _generic_unit(self, m: ResolvedMention) -> bool:
        """A unit named only by designators and unit nouns, given a slug id from its
        own name (gazetteer entries keep theirs)."""
        e = m.entity
        return e.kind == EntityKind.ORGANIZATION and m.rule == "exact" and e.id == _slug_id("org", e.name) and is_generic_unit(e.name)

    def _unit_parent(self, m: ResolvedMention, by_start: dict[int, int]) -> int | None:
        """Index in self.out of the unit named right after m as its parent ("m, Y",
        "m of the Y"), or None. Y is an organisation or armed group (or a state
        named by its army, "the 9th Division of the Iraqi Army") of a higher
        echelon; peers in a list ("1st Brigade, 2nd Brigade and 3rd Brigade") are
        no chain."""
        n = len(self.doc)
        j = m.end_token
        if j < n and self.texts[j] == ",":
            j += 1
        elif j < n and self.lowers[j] == "of":
            j += 2 if j + 1 < n and self.lowers[j + 1] == "the" else 1
        else:
            return None
        p = by_start.get(j)
        if p is None:
            return None
        parent = self.out[p]
        kind = parent.entity.kind
        if not (
            kind in (EntityKind.ORGANIZATION, EntityKind.GROUP) and parent.rule in ("exact", "alias")
            or kind == EntityKind.COUNTRY and parent.rule == "institution-metonymy"
        ):
            return None
        if kind != EntityKind.COUNTRY:
            child_rank, parent_rank = unit_echelon(m.entity.name), unit_echelon(parent.entity.name)
            if child_rank is not None and parent_rank is not None and parent_rank <= child_rank:
                return None  # "1st Brigade, 2nd Brigade": peers
            if unit_noun(m.entity.name) == unit_noun(parent.entity.name):
                return None  # "Task Force 1, Task Force 2"
        k = parent.end_token
        if k < n and (self.lowers[k] in ("and", "or") or self.texts[k] == "," and k + 1 < n and self.lowers[k + 1] in ("and", "or")):
            return None  # the last two of a list
        return p

    def qualify_generic_units(self) -> None:
        """Give generic unit names their chain id or their article-scoped id (see above)."""
        generic = [k for k, m in enumerate(self.out) if self._generic_unit(m)]
        if not generic:
            return
        scope = article_scope(self.article_id)
        by_start = {m.start_token: k for k, m in enumerate(self.out)}
        ids: dict[int, str] = {}
        chains: dict[str, set[str]] = {}  # a generic name's own id -> the chain ids the article gives it
        # Right to left, so that a parent's chain id is known before its child's.
        for k in sorted(generic, key=lambda k: -self.out[k].start_token):
            m = self.out[k]
            p = self._unit_parent(m, by_start)
            if p is None:
                continue
            base, _, parent_scope = ids.get(p, self.out[p].entity.id).partition("~")
            if self._generic_unit(self.out[p]) and p not in ids:
                parent_scope = scope  # "3rd Battalion, 2nd Brigade" and no more: still generic
            parent_key = base.split(":", 1)[-1]  # "irq" for IRQ, a parent's own chain kept whole
            if not _SLUG.fullmatch(parent_key):
                parent_key = geodata.slugify(parent_key)
            chain = f"org:{geodata.slugify(m.entity.name)}--{parent_key}"
            ids[k] = f"{chain}~{parent_scope}" if parent_scope else chain
            chains.setdefault(m.entity.id, set()).add(ids[k])
        for k in generic:
            m = self.out[k]
            if k not in ids:
                known = chains.get(m.entity.id, set())
                ids[k] = next(iter(known)) if len(known) == 1 else f"{m.entity.id}~{scope}"
            self.out[k] = replace(m, entity=replace(m.entity, id=ids[k]))

    def organization(self, span: Span) -> None:
        text = span.text
        if all(t.lower_ in TITLE_WORDS or t.is_punct for t in span):
            return  # "Defense" from "Defense Minister"
        if text in self.person_texts and len(span) >= 2:
            self.person(span.start, span.end)  # one sense per article: NER called a named person an ORG here
            return
        if len(span) == 1 and text in self.name_parts:
            self.emit(self.name_parts[text], "coreference", span.start, span.end, ACTOR)
            return
        entity = Entity(id=_slug_id("org", text), name=text, kind=EntityKind.ORGANIZATION)
        self.emit(entity, "exact", span.start, span.end, ACTOR)

    def place(self, span: Span, label: str) -> None:
        text = span.text
        if text in NOT_PLACES or span[-1].lower_ in PERSONNEL_NOUNS:
            return
        if len(span) >= 2 and span[-1].lower_ in UNIT_HEADS:
            # "in Abel Battery": a military unit, not a place (nor the person NER may call it).
            self.emit(Entity(id=_slug_id("org", text), name=text, kind=EntityKind.ORGANIZATION), "exact", span.start, span.end, ACTOR)
            return
        if len(span) == 1 and text in self.name_parts and geodata.find_city(text) is None:
            # "Gantz" tagged GPE after "Benny Gantz"; but "Melbourne" stays the city.
            self.emit(self.name_parts[text], "coreference", span.start, span.end, ACTOR)
            return
        city = geodata.find_city(text) if label == "GPE" else None
        if city is not None:
            rule = "exact" if city.name == text else "alias"
            self.emit(geodata.city_entity(city, source="article"), rule, span.start, span.end, PLACE)
            return
        if label == "GPE":
            # Spelling variants the gazetteer lacks ("Persia", "Republic of Korea").
            c = geodata.match_country_name(text)
            if c is not None:
                self.emit(geodata.country_entity(c, source="article"), "alias", span.start, span.end, syntactic_role(span))
                return
        entity = Entity(id=_slug_id("place", text), name=text, kind=EntityKind.PLACE)
        self.emit(entity, "exact", span.start, span.end, PLACE)

    def title_pattern_people(self, ents: list[Span]) -> list[tuple[int, int]]:
        """Runs of 2-4 capitalised proper nouns outside any entity, right after a
        title ("Ambassador ... Khazar Ibrahim", "Minister Tobias Ellwood")."""
        doc = self.doc
        in_ent = self.in_ent
        ent_start_of_end = {e.end: e.start for e in doc.ents}
        found: list[tuple[int, int]] = []
        pos, titlecase, lowers = self.pos, self.titlecase, self.lowers

        def name_token(k: int) -> bool:
            return k not in in_ent and pos[k] == "PROPN" and titlecase[k] and lowers[k] not in TITLE_WORDS

        i = 0
        n = len(doc)
        while i < n:
            if not name_token(i):
                i += 1
                continue
            j = i
            while j < n and name_token(j):
                j += 1
            single_ok = j - i == 1 and i > 0 and titlecase[i - 1] and lowers[i - 1] in TITLE_HEADS
            if (2 <= j - i <= 4 or single_ok) and self._after_title(i, ent_start_of_end):
                found.append((i, j))
            i = max(j, i + 1)
        return found

    def _after_title(self, i: int, ent_start_of_end: dict[int, int]) -> bool:
        lowers = self.lowers
        if i > 0 and lowers[i - 1] in TITLE_HEADS:
            return True
        # "Ambassador to the US Khazar Ibrahim": title, preposition, entity, name.
        if i in ent_start_of_end:
            k = ent_start_of_end[i] - 1
            while k >= 0 and lowers[k] in ("the", "to", "of", "for", "in"):
                k -= 1
            return k >= 0 and lowers[k] in TITLE_HEADS
        return False

    def bare_name_tokens(self) -> None:
        """Surnames NER did not tag ("Gantz and the Azeri representatives")."""
        if not self.name_parts:
            return
        first_seen: dict[str, int] = {}
        for m in self.out:
            if m.entity.kind == EntityKind.PERSON:
                first_seen[m.entity.id] = min(first_seen.get(m.entity.id, m.start_token), m.start_token)
        for i, text in enumerate(self.texts):
            if text not in self.name_parts or i in self.covered or not self.titlecase[i]:
                continue
            person = self.name_parts[text]
            if first_seen.get(person.id, len(self.doc)) < i and not self.in_furniture(i):
                self.emit(person, "coreference", i, i + 1, ACTOR)

    def title_holders(self) -> None:
        """'the Defense Minister', 'the secretary', 'the Iraqi Foreign Minister', a
        headline 'Foreign Secretary welcomes ...' -> the one person introduced with
        that title (or title head) in this article. Also 'The Foreign Secretary,
        Boris Johnson, said' (apposition: two mentions of one person).
        A capitalised office no one is introduced with ("The Foreign Secretary met
        Russian Foreign Minister Sergei Lavrov" under a headline naming Boris
        Johnson) is the one person the article names in full without any title."""
        untitled = self._untitled_person()
        if not self.titles and untitled is None:
            return
        doc = self.doc
        n = len(doc)
        lowers, texts = self.lowers, self.texts
        longest = max((len(k) for k in self.titles), default=0)
        demonym_ends = {m.end_token for m in self.out if m.rule == "demonym"}
        i = 0
        while i < n:
            if i in self.covered or not self._title_can_start(i, demonym_ends):
                i += 1
                continue
            if untitled is not None and not any(tuple(lowers[i : i + k]) in self.titles for k in range(1, longest + 1)):
                k = self._office_length(i)
                if k:
                    self.emit(untitled, "title-holder", i, i + k, ACTOR)
                    i += k
                    continue
            for k in range(min(longest, n - i), 0, -1):
                ids = self.titles.get(tuple(lowers[i : i + k]))
                if not ids or len(ids) != 1:
                    continue
                if not (lowers[i - 1] == "the" or i - 1 in self.covered) and not texts[i][:1].isupper():
                    break  # a bare lower-case "minister" is no reference
                nxt = doc[i + k] if i + k < n else None
                if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ == "of"):
                    break  # the name itself follows ("the Defense Minister Benny Gantz")
                self.emit(self.title_people[next(iter(ids))], "title-holder", i, i + k, ACTOR)
                i += k - 1
                break
            i += 1

    def _untitled_person(self) -> Entity | None:
        """The one person named in full (two words or more) and never with a title."""
        titled = set(self.title_people)
        untitled = {p.id: p for name, p in self.people.items() if len(name.split()) >= 2 and p.id not in titled}
        return next(iter(untitled.values())) if len(untitled) == 1 else None

    def _office_length(self, i: int) -> int:
        """Length of a capitalised office name at i ("Foreign Secretary", "Prime
        Minister"): title words only, each capitalised, ending in a title head, and
        no name after it (else the name is the mention); 0 when there is none."""
        n = len(self.doc)
        k = i
        while k < n and k - i < 4 and self.lowers[k] in TITLE_WORDS and self.titlecase[k] and k not in self.covered:
            k += 1
        if k == i or self.lowers[k - 1] not in TITLE_HEADS:
            return 0
        if k < n and (self.pos[k] == "PROPN" or self.lowers[k] in ("of", "for", "to") or self.texts[k] in ("-", "\u2013")):
            return 0  # a name follows, or a longer office ("Minister for ...", "Prime Minister-designate")
        return k - i

    def appositive_titles(self) -> None:
        """A title set off by a comma next to a named person is another mention of
        that person: "Minister for the Middle East, Tobias Ellwood, said",
        "Tobias Ellwood, Minister for the Middle East, welcomes". Only titles that
        hold no other mention: "commander of U.S. Central Command" keeps its
        organisation (relation extraction reads the office from it)."""
        doc = self.doc
        n = len(doc)
        named = [m for m in self.out if m.entity.kind == EntityKind.PERSON and m.rule in ("exact", "title-pattern")]
        for m in named:
            if m.start_token >= 2 and self.texts[m.start_token - 1] == ",":
                span = self._title_phrase_before(m.start_token - 1)
                if span is not None:
                    self.emit(m.entity, "title-holder", span[0], span[1], ACTOR)
            if m.end_token + 1 < n and self.texts[m.end_token] == ",":
                span = self._title_phrase_after(m.end_token + 1)
                if span is not None:
                    self.emit(m.entity, "title-holder", span[0], span[1], ACTOR)

    def _title_word(self, k: int) -> bool:
        """A word a title phrase is made of: a title word, a capitalised word no
        mention covers, or a connective inside it ("Minister for the Middle East")."""
        if k in self.covered or self.texts[k] in self.vessel_names:
            return False
        w = self.lowers[k]
        return w in TITLE_WORDS or w in ("for", "of", "the", "and") or (self.titlecase[k] and self.pos[k] in ("PROPN", "NOUN", "ADJ"))

    def _title_phrase(self, start: int, end: int) -> tuple[int, int] | None:
        while start < end and self.lowers[start] in ("for", "of", "and"):
            start += 1
        while end > start and self.lowers[end - 1] in ("for", "of", "the", "and"):
            end -= 1
        words = self.lowers[start:end]
        if not 1 <= end - start <= 8 or not any(w in TITLE_HEADS for w in words):
            return None
        first = start + 1 if words[0] in ("the", "a", "an") else start
        if first >= end or not self.titlecase[first]:
            return None  # "said the minister" or a lower-case description is not a title
        if self.sentence_index(start) != self.sentence_index(end - 1):
            return None
        return start, end

    def _title_phrase_before(self, comma: int) -> tuple[int, int] | None:
        """The title that ends at `comma` and starts a line, a sentence or a clause."""
        k = comma
        while k > 0 and comma - k < 8 and self._title_word(k - 1) and "\n" not in self.texts[k - 1]:
            k -= 1
        at_start = k == 0 or "\n" in self.texts[k - 1] or k in self.sent_starts or self.texts[k - 1] in (",", ":", "\u201c", '"')
        return self._title_phrase(k, comma) if at_start and k < comma else None

    def _title_phrase_after(self, start: int) -> tuple[int, int] | None:
        """The title right after a name and a comma, up to the next punctuation or
        lower-case word that is not part of it ("..., Minister for the Middle East welcomes")."""
        k = start
        n = len(self.doc)
        while k < n and k - start < 9 and self._title_word(k) and "\n" not in self.texts[k]:
            k += 1
        if k < n and self.texts[k] not in (",", ".", ";", ":", "\u201d", '"') and self.pos[k] not in ("VERB", "AUX", "PUNCT", "SPACE"):
            return None  # the phrase runs on into something that is not a title
        return self._title_phrase(start, k)

    def _title_can_start(self, i: int, demonym_ends: set[int]) -> bool:
        """A title reference starts after "the", after "the" + a demonym ("the
        Iraqi Foreign Minister"), or at the start of a line (a headline)."""
        lowers = self.lowers
        if i >= 1 and lowers[i - 1] == "the":
            return True
        if i in demonym_ends and i >= 2:
            k = i - 1
            while k > 0 and k in self.covered and lowers[k] != "the":
                k -= 1
            return lowers[k] == "the"
        return (i == 0 or "\n" in self.texts[i - 1]) and self.texts[i][:1].isupper()


    def personal_pronouns(self) -> None:
        """'he', 'she', 'his', 'her' -> the latest person named before; inside a
        quotation, never the quotation's own speaker (a speaker does not call
        himself "he"): the latest other person. 'I', 'my', 'me' -> only the named
        speaker of the quotation holding it ('"I am saddened," said Carter',
        'Carter said: "I ..."'); outside a quotation, or when the quotation's
        sentences name no speaker or two, no mention: in interviews (questions
        and answers, no quotation marks) and first-person narration the latest
        person named is someone else, and a wrong "I" gave wrong claims.
        Rule "pronoun", so consumers can treat these weaker links apart."""
        named = [m for m in self.out if m.entity.kind == EntityKind.PERSON]
        if not named:
            return
        doc = self.doc
        people = sorted((m.start_token, m.end_token, m.entity) for m in named)
        starts = [p[0] for p in people]
        speakers = sorted(
            (m.start_token, m.entity)
            for m in named
            if m.rule != "pronoun" and self._is_speaker(doc[m.start_token : m.end_token])
        )
        speaker_starts = [sp[0] for sp in speakers]
        affiliation = self._affiliations(speakers)
        para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", doc.text)]
        quotes = self._quotations(para_starts)
        quote_starts = [q[0] for q in quotes]
        quote_speaker = self._quote_speakers(quotes, speakers, para_starts)
        blocks = self._statement_blocks(quotes, para_starts)
        candidates = [i for i, w in enumerate(self.lowers) if w in PRONOUNS and self.pos[i] == "PRON"]
        for t in (doc[i] for i in candidates):
            word = t.lower_
            if word in FIRST_PLURAL and t.pos_ == "PRON" and t.i not in self.covered and speakers:
                speaker = self._speaker_for(t, speakers, speaker_starts, para_starts)
                group = affiliation.get(speaker.id) if speaker is not None else None
                if group is not None and not self.in_furniture(t.i):
                    self.emit(group, "pronoun", t.i, t.i + 1, ACTOR)
                continue
            if word not in THIRD_PERSON and word not in FIRST_PERSON or t.pos_ != "PRON" or t.i in self.covered:
                continue
            if word == "i" and t.text != "I" or self.in_furniture(t.i):
                continue
            q = bisect.bisect_right(quote_starts, t.i) - 1
            in_quote = q >= 0 and quotes[q][0] < t.i < quotes[q][1]
            speaker = quote_speaker[q] if in_quote else None
            if speaker is None and word in FIRST_PERSON:
                # Outside a quotation, or a quotation naming no speaker: the words
                # of a statement introduced by 'X said:' at a line's end. (Not for
                # "he"/"she": where such a statement ends is a guess.)
                speaker = next((p for lo, hi, p in blocks if lo < t.i < hi), None)
            person: Entity | None = None
            if word in FIRST_PERSON:
                person = speaker
            else:
                k = bisect.bisect_right(starts, t.i) - 1
                while k >= 0 and (people[k][1] > t.i or speaker is not None and people[k][2].id == speaker.id):
                    k -= 1
                person = people[k][2] if k >= 0 else None
            if person is not None:
                self.emit(person, "pronoun", t.i, t.i + 1, ACTOR)

    def _quotations(self, para_starts: list[int]) -> list[tuple[int, int]]:
        """Quotations as (opening mark, end) token ranges, sorted: the end is the
        closing mark's index, or the paragraph's end when a quotation runs on
        (news style opens each paragraph of a long quote anew and closes only
        the last). Curly and straight double quotes; single quotes are left out
        (they are also apostrophes)."""
        out: list[tuple[int, int]] = []
        open_at: int | None = None
        para = 0
        for t in self.doc:
            while para + 1 < len(para_starts) and t.idx >= para_starts[para + 1]:
                para += 1
                if open_at is not None:
                    out.append((open_at, t.i))
                    open_at = None
            text = t.text
            if text == "\u201c" or text == '"' and open_at is None:
                if open_at is not None:
                    out.append((open_at, t.i))
                open_at = t.i
            elif open_at is not None and text in ("\u201d", '"'):
                out.append((open_at, t.i))
                open_at = None
        if open_at is not None:
            out.append((open_at, len(self.doc)))
        return out

    def _quote_speakers(
        self, quotes: list[tuple[int, int]], speakers: list[tuple[int, Entity]], para_starts: list[int]
    ) -> list[Entity | None]:
        """The named speaker of each quotation (see `_quote_speaker`); a quotation
        naming none goes on the previous one's words when it follows it in the
        same paragraph with no other person named between ('"A," said X. "B."')."""
        out: list[Entity | None] = []
        person_starts = [(m.start_token, m.entity.id) for m in self.out if m.entity.kind == EntityKind.PERSON]
        for k, q in enumerate(quotes):
            speaker = self._quote_speaker(q, speakers)
            if speaker is None and k > 0 and out[k - 1] is not None:
                prev, before = quotes[k - 1], out[k - 1]
                same_para = self._para_of(prev[0], para_starts) == self._para_of(q[0], para_starts)
                others = any(prev[0] < i < q[0] and pid != before.id for i, pid in person_starts)
                if same_para and not others:
                    speaker = before
            out.append(speaker)
        return out

    def _para_of(self, token_i: int, para_starts: list[int]) -> int:
        return bisect.bisect_right(para_starts, self.doc[token_i].idx) - 1

    def _statement_blocks(self, quotes: list[tuple[int, int]], para_starts: list[int]) -> list[tuple[int, int, Entity]]:
        """Statements introduced by a line that names one person, a speech word
        and ends in a colon ('Foreign Secretary X said:', 'X released the
        following statement:'), then the statement's paragraphs, quoted or not:
        (colon, end, speaker). Matched on words, not the parse: the parser often
        misreads 'said:' before a line break. The statement ends at the next
        such line, or at the paragraph that names the speaker again outside a
        quotation (narration has resumed: 'Votel expressed his desire'), else
        at the end of the text."""
        doc, n = self.doc, len(self.doc)
        text = doc.text
        persons = sorted(
            (m.start_token, m.end_token, m.entity)
            for m in self.out
            if m.entity.kind == EntityKind.PERSON and m.rule != "pronoun"
        )
        intros: list[tuple[int, Entity]] = []
        for j in range(n):
            if self.texts[j] != ":" or not text[doc[j].idx + 1 :].lstrip(" \t").startswith("\n"):
                continue
            line_start = text.rfind("\n", 0, doc[j].idx) + 1
            in_line = [(s, e, p) for s, e, p in persons if doc[s].idx >= line_start and e <= j]
            if len({p.id for _, _, p in in_line}) != 1:
                continue
            said = any(
                doc[k].lemma_.lower() in SPEECH_VERBS or self.lowers[k] in STATEMENT_NOUNS for k in range(in_line[0][1], j)
            )
            if said:
                intros.append((j, in_line[0][2]))
        out: list[tuple[int, int, Entity]] = []
        for k, (colon, person) in enumerate(intros):
            end = intros[k + 1][0] if k + 1 < len(intros) else n
            again = next(
                (s for s, _, p in persons if colon < s < end and p.id == person.id and not self._quoted(s, quotes)), None
            )
            if again is not None:
                lo_char = para_starts[self._para_of(again, para_starts)]
                end = next((t.i for t in doc[colon:again] if t.idx >= lo_char), again)
            out.append((colon, end, person))
        return out

    @staticmethod
    def _quoted(token_i: int, quotes: list[tuple[int, int]]) -> bool:
        q = bisect.bisect_right([s for s, _ in quotes], token_i) - 1
        return q >= 0 and quotes[q][0] < token_i < quotes[q][1]

    def _quote_speaker(self, quote: tuple[int, int], speakers: list[tuple[int, Entity]]) -> Entity | None:
        """The one person the quotation's own sentences name as its speaker,
        outside the quotation: the sentences the quotation spans, the one before
        when it opens after 'X said:' / 'X said,', the one after when it closes
        on a comma, '?' or '!' ('"...," said X' split by the parser). None when
        no speaker or two different ones are named there."""
        doc = self.doc
        start, end = quote
        lo = doc[start].sent.start
        if start > 0 and self.texts[start - 1] in (":", ",") and "\n" not in doc[start - 1].whitespace_:
            lo = doc[start - 1].sent.start
        closed = end < len(doc) and self.texts[end] in ("\u201d", '"')
        hi = doc[end if closed else end - 1].sent.end
        if closed and self.texts[end - 1] in (",", "?", "!") and end + 1 < len(doc):
            hi = max(hi, doc[end + 1].sent.end)
        found = {p.id: p for i, p in speakers if lo <= i < hi and not start < i < end}
        return next(iter(found.values())) if len(found) == 1 else None

    def _speaker_for(
        self, t: Token, speakers: list[tuple[int, Entity]], speaker_starts: list[int], para_starts: list[int]
    ) -> Entity | None:
        """The speaker of the paragraph holding token t: the last one before it in
        the paragraph, else the first one after it in the paragraph; else (a quote
        after "X said:") the last speaker before it."""
        doc = self.doc
        para = bisect.bisect_right(para_starts, t.idx) - 1
        lo = para_starts[para]
        hi = para_starts[para + 1] if para + 1 < len(para_starts) else len(doc.text)
        j = bisect.bisect_right(speaker_starts, t.i) - 1
        before = speakers[j] if j >= 0 else None
        after = speakers[j + 1] if j + 1 < len(speakers) else None
        if before is not None and doc[before[0]].idx >= lo:
            return before[1]
        if after is not None and doc[after[0]].idx < hi:
            return after[1]
        return before[1] if before is not None else None

    def _affiliations(self, speakers: list[tuple[int, Entity]]) -> dict[str, Entity]:
        """The state or organisation a speaker speaks for, when the article names it
        in the speaker's title ("Foreign Office Minister Tobias Ellwood", "U.S.
        Central Command commander Gen. Joseph Votel") or in an apposition after
        the name ("Col. John Dorrian, the CJTF-OIR spokesperson", "Gen. Joseph
        Votel, commander of U.S. Central Command"): "we" in their words is that body."""
        bodies = (EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP)
        by_end = {m.end_token: m for m in self.out}
        by_start = {m.start_token: m for m in self.out}
        speaker_ids = {p.id for _, p in speakers}
        out: dict[str, Entity] = {}
        doc = self.doc
        n = len(doc)
        for m in self.out:
            person = m.entity
            if person.id not in speaker_ids or person.id in out or m.rule not in ("exact", "title-pattern"):
                continue
            # Title before the name.
            i, steps = m.start_token, 0
            while i > 0 and steps < 8:
                before = by_end.get(i)
                if before is not None:
                    if before.entity.kind in bodies:
                        out[person.id] = before.entity
                    break
                prev = doc[i - 1]
                # Title words, ranks, and the capitalised words of an office named
                # with its body ("Pentagon Press Secretary Peter Cook", "Task
                # Force - Inherent Resolve Commander, Lt. Gen. X").
                in_title = prev.lower_ in TITLE_WORDS or prev.lower_ in RANK_ABBREVIATIONS or prev.text in (",", "-", "\u2013")
                if not (in_title or prev.is_title and prev.pos_ in ("PROPN", "NOUN") and "\n" not in prev.whitespace_):
                    break  # ("Gen." is one token; a lone "." ends the sentence before)
                i -= 1
                steps += 1
            if person.id in out or m.end_token >= n or self.texts[m.end_token] != ",":
                continue
            # Apposition after the name, up to the next comma or full stop; a comma
            # right after a bare title word goes on ("X, commander, Combined Joint ...").
            j = m.end_token + 1
            while j < n and j - m.end_token <= 10 and (
                self.texts[j] not in (",", ".", ";", "\u201c", '"')
                or self.texts[j] == "," and j == m.end_token + 2 and self.lowers[j - 1] in TITLE_HEADS
            ):
                after = by_start.get(j)
                if after is not None:
                    if after.entity.kind in bodies and after.role == ACTOR:
                        out[person.id] = after.entity
                    break
                j += 1
        return out

    def organisation_descriptions(self) -> None:
        """'the command', 'the squadron', 'the task force' -> the latest organisation
        before it whose name has that head ("U.S. Central Command", "134th
        Expeditionary Fighter Squadron"). Not when a noun, a name or "of" follows
        ("the command post", "the council of ministers"): that is another phrase."""
        doc = self.doc
        n = len(doc)
        orgs = sorted(
            (m.start_token, m.entity, tuple(m.text.lower().replace("-", " ").split()))
            for m in self.out
            if m.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP) and m.rule in ("exact", "alias")
        )
        if not orgs:
            return
        for i in range(1, n):
            if self.lowers[i - 1] != "the" or i in self.covered or i in self.in_ent:
                continue
            for head in ORG_ANAPHOR_HEADS:
                end = i + len(head)
                if tuple(self.lowers[i:end]) != head or any(k in self.covered for k in range(i, end)):
                    continue
                if not all(self.texts[k].islower() for k in range(i, end)):
                    break  # "The Commission on Presidential Debates": a name, not a description
                if end < n and (self.pos[end] in ("NOUN", "PROPN") or self.lowers[end] == "of"):
                    break
                antecedent = next((e for s, e, words in reversed(orgs) if s < i and _has_words(words, head)), None)
                if antecedent is not None and not self.in_furniture(i):
                    self.emit(antecedent, "coreference", i, end, ACTOR)
                break

    def plural_pronouns(self) -> None:
        """'they' -> the organisation or armed group that is the
        nearest clause subject before the pronoun, in its sentence or the one
        before ("The Syrian Democratic Forces announced that they began their
        advance"). A nearer subject that is no such mention ("the two leaders",
        "we") blocks it: the pronoun then most likely means that. Rule "pronoun"."""
        doc = self.doc
        by_token: dict[int, ResolvedMention] = {}
        for m in self.out:
            for k in range(m.start_token, m.end_token):
                by_token[k] = m
        for i, w in enumerate(self.lowers):
            if w not in THIRD_PLURAL or self.pos[i] != "PRON" or i in self.covered or self.in_furniture(i):
                continue
            sent = self.sentence_index(i)
            lo = self.sent_starts[sent - 1] if sent >= 1 else 0
            # Subjects of relative clauses are skipped ("the protesters Wikinews
            # interviewed said they ...": they are the protesters).
            subject = next(
                (
                    doc[k]
                    for k in range(i - 1, lo - 1, -1)
                    if doc[k].dep_ in ("nsubj", "nsubjpass") and k != i and doc[k].head.dep_ != "relcl"
                ),
                None,
            )
            if subject is None or any(c.dep_ == "conj" for c in subject.children):
                continue  # no subject in view, or several ("Iraq and Turkey ... they")
            m = by_token.get(subject.i)
            if m is not None and not self._plural_antecedent(m):
                continue
            m = m or self._body_of_plural_forces(subject, by_token)
            if m is None:
                continue
            self.emit(m.entity, "pronoun", i, i + 1, ACTOR)
            by_token[i] = self.out[-1]

    def _body_of_plural_forces(self, subject: Token, by_token: dict[int, ResolvedMention]) -> ResolvedMention | None:
        """'Iraq's Security Forces', 'Iraqi troops' (a plural force noun no mention
        covers): the state or organisation named in its possessor or modifier."""
        if subject.tag_ not in ("NNS", "NNPS") or subject.lemma_.lower() not in FORCE_NOUNS:
            return None
        for child in subject.children:
            if child.dep_ in ("poss", "amod", "compound") and child.i in by_token:
                m = by_token[child.i]
                if m.entity.kind in (EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.GROUP) and m.role == ACTOR:
                    return m
        return None

    def _plural_antecedent(self, m: ResolvedMention) -> bool:
        """An organisation or armed group, or a state named by a plural
        ("Iraq's Security Forces", "the Iraqis"): what 'they' can stand for."""
        if m.entity.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP):
            # A name, not a singular description ("the command ... they" is the people).
            return m.rule in ("exact", "alias") or m.rule == "pronoun" and m.text.lower() in THIRD_PLURAL
        if m.entity.kind == EntityKind.COUNTRY and m.role == ACTOR:
            return self.doc[m.end_token - 1].tag_ in ("NNS", "NNPS")
        return False

    @staticmethod
    def _is_speaker(span: Span) -> bool:
        root = span.root
        head = root.head
        while root.dep_ in ("appos", "conj", "compound") and head is not root:
            root, head = head, head.head
        if root.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = head.lemma_.lower()
        if verb in SPEECH_VERBS:
            return True
        # "X released the following statement:", "X issued a statement".
        return verb in STATEMENT_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in head.children)


def resolve(doc: Doc, article_id: str) -> list[ResolvedMention]:
    """One ResolvedMention per entity mention in `doc`, sorted by start offset.

    Coreference state (surnames, titles, the last country named) lives only for
    this call. `article_id` scopes the ids of generic unit names that no unit
    chain qualifies ("org:2nd-battalion~<article_scope(article_id)>")."""
    return _Resolver(doc, article_id).run()
