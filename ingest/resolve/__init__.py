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
  the most recently named candidate state; "the city" -> the last city;
  "the country" / "the nation" -> the state the sentence leaves no doubt
  about (`nominals.country_reference`); "the group" -> the one armed group
  or "... Group" in view (`nominals.group_reference`); "the Commission" ->
  the one longer name it heads; a company's short name ("Mahan" of "Mahan Air").
- ``definite-nominal``: "the airline", "the network", "the company" -> the
  one organisation the article described as of that kind ("Iranian airline
  Mahan Air"); "the protesters" -> the one crowd named before
  (`ingest.resolve.nominals`, `ingest.resolve.crowds`).
- Crowds: "Hong Kong protesters", "Serbians" as the subject of "protested"
  -> one Group ("Serbian protesters"), never the state (`ingest.resolve.crowds`).
- ``plural-pronoun-set`` / ``definite-nominal-set``: "they" after a
  coordinated subject ("Egypt, Greece and France ... They"; ministers of
  several states -> their states), "the two countries" -> a SET: the
  mention's `members`, one claim argument per member.
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
node would join unrelated units. See `ingest.resolve.units`.

Also: page furniture (photo credits, "Most Popular") holds no entities; NER
mistakes of known classes are repaired (place names tagged as people, names
the ruler cut in two, one sense per article for a name).

Output is deterministic: the same doc always gives the same mentions, sorted
by start offset, never overlapping.

The passes run in the order of `PASSES`, each a function of one
`ArticleState`: later passes read what earlier ones found (a person's
surname, titles, the last country named), so the order is part of the
behaviour. Modules: `state` (the article state and `emit`), `gazetteer_match`,
`names`, `places`, `people` (and titles), `units`, `pronouns`, `speakers`
(quotations and who speaks them), `nominals` (definite descriptions),
`crowds`; the word lists are in `ingest.words`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from ingest.resolve import crowds, identity, names, nominals, people, places, pronouns, units
from ingest.resolve.places import country_of, syntactic_role
from ingest.resolve.state import ACTOR, PLACE, ArticleState, ResolvedMention
from ingest.resolve.units import article_scope

__all__ = [
    "ACTOR",
    "PASSES",
    "PLACE",
    "ArticleState",
    "Pass",
    "ResolvedMention",
    "article_scope",
    "country_of",
    "resolve",
    "syntactic_role",
]


@dataclass(frozen=True, slots=True)
class Pass:
    name: str
    run: Callable[[ArticleState], None]


PASSES: tuple[Pass, ...] = (
    # Indexes and candidates first: they emit nothing.
    Pass("place-words", places.collect_place_words),  # before any person is known: one sense per article
    Pass("title-pattern-names", people.title_pattern_people),
    Pass("titled-org-names", people.titled_org_names),  # before the entities: a titled ORG is a person
    Pass("split-names", names.split_names),
    Pass("nisba-names", names.nisba_names),
    Pass("place-qualifiers", places.find_qualifiers),
    Pass("leader-regimes", names.leader_regimes),
    # Before the entities: NER often tags only part of a unit name ("CTF" of "CTF 50").
    Pass("military-units", units.military_units),
    Pass("company-names", nominals.company_names),  # before the entities: NER calls "Mahan Air" a facility
    Pass("named-crowds", crowds.named_crowds),  # before the entities: "Serbian protesters" is no mention of Serbia
    Pass("entities", names.resolve_entities),
    Pass("company-short-names", nominals.company_short_names),  # "ABS-CBN" where NER saw no name
    # Before anything reads the people of the article ("Twitter" is not one).
    Pass("not-people", identity.not_people),
    # Before the passes that copy a unit's entity ("the battalion").
    Pass("generic-units", units.qualify_generic_units),
    Pass("locative-names", places.locative_names),
    Pass("admin-area-names", places.admin_area_names),
    Pass("bare-name-tokens", people.bare_name_tokens),
    Pass("party-words", people.party_words),
    Pass("title-holders", people.title_holders),
    Pass("personal-pronouns", pronouns.personal_pronouns),
    Pass("appositive-titles", people.appositive_titles),
    Pass("organisation-descriptions", names.organisation_descriptions),
    Pass("definite-nominals", nominals.definite_nominals),
    Pass("two-countries", nominals.two_countries),
    Pass("crowd-references", crowds.crowd_references),  # before "they": it may mean the protesters
    Pass("plural-pronouns", pronouns.plural_pronouns),
    # Last: compares every person mention the passes above emitted.
    Pass("identity", identity.unify_people),
)


def resolve(doc: Doc, article_id: str) -> list[ResolvedMention]:
    """One ResolvedMention per entity mention in `doc`, sorted by start offset.

    Coreference state (surnames, titles, the last country named) lives only for
    this call. `article_id` scopes the ids of generic unit names that no unit
    chain qualifies ("org:2nd-battalion~<article_scope(article_id)>")."""
    state = ArticleState(doc, article_id)
    for p in PASSES:
        p.run(state)
    return sorted(state.out, key=lambda m: (m.start_char, m.end_char))
