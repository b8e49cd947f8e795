"""The project's own cue lexicon: which words signal which relation type, and
where each cue finds its arguments in a dependency parse.

Written for this project from the relation table in docs/ontology.md (the
"Example cues" column is a starting point, not the full list). Every type of
`graph.ontology.RELATION_TYPES` has at least one cue here or a dedicated
pattern (`locations.py`: LOCATED_IN; `titles.py`: LEADER_OF, OFFICIAL_OF); a
unit test checks that the vocabulary is covered. Word lists shared beyond the
cues (arms, military modifiers, titles) live in `ingest.words`.

Argument roles use spaCy's English dependency labels:
- `dobj`            the direct object ("attacked Iran")
- `prep:X`          the object of preposition X attached to the cue ("clashed with Armenia")
- `dative`          "providing weapons to Azerbaijan" (spaCy labels that `to` dative or prep)
- `ctl`             object control: the subject of the cue's clausal complement
                    ("allow Israel to attack" / "welcomed Gantz to discuss" / "urged Iran to")
Verbal cues take their subject from nsubj (or the `by` agent in the passive);
nominal cues from a possessor, a demonym or name modifier, a `by` phrase, or the
clause that governs them (copula, apposition, light verb such as "launched
attacks", "imposed sanctions", "have relations").
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.words.military import MILITARY_MODIFIERS

# Sets of theme words: what is being given decides the type of give-verbs
# (arms are ingest.words.military.ARMS_WORDS).
AID_WORDS: frozenset[str] = frozenset(
    """aid assistance help relief fund funding money loan grant donation food
    medicine vaccine supply humanitarian credit package""".split()
)
SUPPORT_WORDS: frozenset[str] = frozenset("support backing".split())
TROOP_WORDS: frozenset[str] = frozenset(
    "troop force soldier army unit brigade division battalion warship tank".split()
)
AGREEMENT_WORDS: frozenset[str] = frozenset(
    """agreement deal treaty accord pact memorandum contract protocol
    declaration charter""".split()
)
RELATION_WORDS: frozenset[str] = frozenset("relation tie relationship".split())
DIPLOMAT_WORDS: frozenset[str] = frozenset("diplomat ambassador envoy attache".split())


@dataclass(frozen=True, slots=True)
class VerbCue:
    """A verb (lemma) signalling `type`; `objects` lists where the object is found."""

    type: str
    objects: tuple[str, ...] = ("dobj",)
    # The object must be one of these theme classes ("supplied weapons to X"):
    # the theme is the dobj (or the `with` object), the recipient comes from `objects`.
    themes: frozenset[str] | None = None
    # The dobj must NOT be an entity but a noun from this set ("cut ties with").
    requires_dobj: frozenset[str] | None = None
    particle: str | None = None  # "call on", "carry out": the particle/prep that must be present
    reverse: bool = False  # "hosted X": X is the visitor, the cue's subject the host
    confidence: float = 0.7
    # Object kinds the cue accepts ("spoke to BBC Sport" is an interview, not a meeting).
    object_kinds: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class NounCue:
    """A noun (lemma) signalling `type`."""

    type: str
    objects: tuple[str, ...] = ("prep:of",)
    # What a possessor / demonym / name modifier of the noun is: the agent
    # ("Russia's attack") or the object ("Azerbaijan's supporters").
    modifier_role: str = "agent"
    # Needed modifiers (amod/compound lemmas), e.g. cooperation must be military.
    requires: frozenset[str] | None = None
    # The noun names the subject itself: "X is a supporter of Y", "X, an ally of Y".
    predicative: bool = False
    confidence: float = 0.65


def _v(type_: str, *objects: str, **kw: object) -> VerbCue:
    return VerbCue(type_, tuple(objects) or ("dobj",), **kw)  # type: ignore[arg-type]


def _n(type_: str, *objects: str, **kw: object) -> NounCue:
    return NounCue(type_, tuple(objects) or ("prep:of",), **kw)  # type: ignore[arg-type]


_GIVE = ("prep:to", "dative", "iobj", "prep:for")
_ARMS_THEMES = frozenset({"ARMS"})
_AID_THEMES = frozenset({"AID"})
_SUPPORT_THEMES = frozenset({"SUPPORT"})

# Armed actors one can take ground from (not a place: "liberated Mosul from
# the west" is a direction).
_ARMED = frozenset({"Group", "Organization", "Country"})

# What one receives or draws when attacked ("came under fire" is a different construction).
_FIRE_WORDS = frozenset({"fire", "gunfire", "shelling", "rocket", "mortar"})

# lemma -> cues tried in order; the first whose conditions hold is used.
VERB_CUES: dict[str, tuple[VerbCue, ...]] = {
    # --- conflict
    "attack": (_v("ATTACKS", "dobj", confidence=0.75),),
    "strike": (_v("ATTACKS", "dobj", "prep:at"),),
    "bomb": (_v("ATTACKS"),),
    "shell": (_v("ATTACKS"),),
    "bombard": (_v("ATTACKS"),),
    "invade": (_v("ATTACKS", confidence=0.8),),
    "raid": (_v("ATTACKS"),),
    "assault": (_v("ATTACKS"),),
    "ambush": (_v("ATTACKS"),),
    "target": (_v("ATTACKS", confidence=0.55),),
    "kill": (_v("ATTACKS", confidence=0.55),),
    "occupy": (_v("ATTACKS", confidence=0.55),),
    "fight": (_v("FIGHTS", "dobj", "prep:against", "prep:with"),),
    "battle": (_v("FIGHTS", "dobj", "prep:against", "prep:with"),),
    "clash": (_v("FIGHTS", "prep:with"),),
    "defeat": (_v("FIGHTS", confidence=0.6),),
    "combat": (_v("FIGHTS", confidence=0.6),),
    # taking ground from an armed enemy: "seized the hospital from ISIL
    # fighters", "liberate Mosul from Daesh", "rid Iraq of ISIL", "drive ISIL
    # out of Raqqa", "clearing Daesh from Iraq": fighting whoever held it
    "seize": (_v("FIGHTS", "prep:from", confidence=0.6, object_kinds=_ARMED),),
    "capture": (_v("FIGHTS", "prep:from", confidence=0.6, object_kinds=_ARMED),),
    "retake": (_v("FIGHTS", "prep:from", confidence=0.6, object_kinds=_ARMED),),
    "retook": (_v("FIGHTS", "prep:from", confidence=0.6, object_kinds=_ARMED),),  # the sm lemmatiser keeps the past form
    "recapture": (_v("FIGHTS", "prep:from", confidence=0.6, object_kinds=_ARMED),),
    "liberate": (_v("FIGHTS", "prep:from", confidence=0.6, object_kinds=_ARMED),),
    "wrest": (_v("FIGHTS", "prep:from", confidence=0.6, object_kinds=_ARMED),),
    "rid": (_v("FIGHTS", "prep:of", confidence=0.55, object_kinds=_ARMED),),
    "clear": (_v("FIGHTS", "dobj", particle="from", confidence=0.55, object_kinds=_ARMED),),
    "drive": (_v("FIGHTS", "dobj", particle="out", confidence=0.55, object_kinds=_ARMED),),
    "push": (_v("FIGHTS", "dobj", particle="out", confidence=0.55, object_kinds=_ARMED),),
    "dislodge": (_v("FIGHTS", "dobj", confidence=0.55, object_kinds=_ARMED),),
    "mobilize": (_v("MOBILIZES_AGAINST", "prep:against"),),
    "mobilise": (_v("MOBILIZES_AGAINST", "prep:against"),),
    "deploy": (
        _v("MOBILIZES_AGAINST", "prep:against", "prep:near", "prep:along", themes=frozenset({"TROOPS"}), confidence=0.55),
    ),
    "mass": (_v("MOBILIZES_AGAINST", "prep:near", "prep:on", "prep:along", themes=frozenset({"TROOPS"})),),
    "arrest": (_v("COERCES"),),
    "detain": (_v("COERCES"),),
    "deport": (_v("COERCES"),),
    "imprison": (_v("COERCES"),),
    "jail": (_v("COERCES"),),
    "protest": (_v("PROTESTS_AGAINST", "prep:against", "dobj", confidence=0.6),),
    "rally": (_v("PROTESTS_AGAINST", "prep:against"),),
    "demonstrate": (_v("PROTESTS_AGAINST", "prep:against"),),
    # --- cooperation and support
    "support": (_v("SUPPORTS", confidence=0.7),),
    "back": (_v("SUPPORTS", confidence=0.6),),
    "endorse": (_v("SUPPORTS", confidence=0.6),),
    "assist": (_v("SUPPORTS", confidence=0.6),),
    "help": (_v("SUPPORTS", confidence=0.55),),
    "side": (_v("SUPPORTS", "prep:with"),),
    "arm": (_v("SUPPLIES_ARMS", confidence=0.7),),
    "provide": (
        _v("SUPPLIES_ARMS", *_GIVE, themes=_ARMS_THEMES, confidence=0.75),
        _v("PROVIDES_AID", *_GIVE, themes=_AID_THEMES),
        _v("SUPPORTS", *_GIVE, themes=_SUPPORT_THEMES),
    ),
    "supply": (
        _v("SUPPLIES_ARMS", *_GIVE, themes=_ARMS_THEMES, confidence=0.75),
        _v("PROVIDES_AID", *_GIVE, themes=_AID_THEMES),
    ),
    "deliver": (
        _v("SUPPLIES_ARMS", *_GIVE, themes=_ARMS_THEMES, confidence=0.75),
        _v("PROVIDES_AID", *_GIVE, themes=_AID_THEMES),
    ),
    "send": (
        _v("SUPPLIES_ARMS", *_GIVE, themes=_ARMS_THEMES),
        _v("PROVIDES_AID", *_GIVE, themes=_AID_THEMES),
    ),
    "give": (
        _v("SUPPLIES_ARMS", *_GIVE, themes=_ARMS_THEMES),
        _v("PROVIDES_AID", *_GIVE, themes=_AID_THEMES),
    ),
    "sell": (
        _v("SUPPLIES_ARMS", *_GIVE, themes=_ARMS_THEMES, confidence=0.75),
        _v("TRADES_WITH", *_GIVE, confidence=0.5),
    ),
    "transfer": (_v("SUPPLIES_ARMS", *_GIVE, themes=_ARMS_THEMES),),
    "pledge": (_v("PROVIDES_AID", *_GIVE, themes=_AID_THEMES),),
    "donate": (_v("PROVIDES_AID", *_GIVE, themes=_AID_THEMES),),
    "fund": (_v("PROVIDES_AID", confidence=0.55),),
    "export": (_v("TRADES_WITH", "prep:to"),),
    "import": (_v("TRADES_WITH", "prep:from", reverse=True),),
    "trade": (_v("TRADES_WITH", "prep:with", confidence=0.55),),
    "ally": (_v("ALLIED_WITH", "prep:with"),),
    "cooperate": (_v("COOPERATES_MILITARILY", "prep:with", confidence=0.5),),
    # --- meetings and negotiation
    "meet": (_v("MEETS_WITH", "dobj", "prep:with", confidence=0.75),),
    "visit": (_v("MEETS_WITH", confidence=0.65),),
    "host": (_v("MEETS_WITH", reverse=True, confidence=0.65),),
    "welcome": (_v("MEETS_WITH", "dobj", "ctl", reverse=True, confidence=0.6),),
    "receive": (
        # "Iraqi forces received heavy fire from ISIL fighters": ISIL attacked them
        _v("ATTACKS", "prep:from", requires_dobj=_FIRE_WORDS, reverse=True, confidence=0.6),
        _v("MEETS_WITH", reverse=True, confidence=0.5),
    ),
    "draw": (_v("ATTACKS", "prep:from", requires_dobj=_FIRE_WORDS, reverse=True, confidence=0.6),),
    "talk": (_v("NEGOTIATES_WITH", "prep:with", "prep:to"),),
    "speak": (_v("MEETS_WITH", "prep:with", "prep:to", confidence=0.55, object_kinds=frozenset({"Person", "Country"})),),
    "negotiate": (_v("NEGOTIATES_WITH", "prep:with", "dobj"),),
    "mediate": (_v("NEGOTIATES_WITH", "prep:between", "prep:with"),),
    "sign": (_v("SIGNS_AGREEMENT_WITH", "prep:with", requires_dobj=AGREEMENT_WORDS, confidence=0.7),),
    "conclude": (_v("SIGNS_AGREEMENT_WITH", "prep:with", requires_dobj=AGREEMENT_WORDS),),
    # --- diplomacy
    "recognize": (_v("DIPLOMATIC_RELATIONS", confidence=0.5),),
    "recognise": (_v("DIPLOMATIC_RELATIONS", confidence=0.5),),
    "normalize": (_v("DIPLOMATIC_RELATIONS", "prep:with", requires_dobj=RELATION_WORDS),),
    "normalise": (_v("DIPLOMATIC_RELATIONS", "prep:with", requires_dobj=RELATION_WORDS),),
    "cut": (_v("CUTS_TIES_WITH", "prep:with", requires_dobj=RELATION_WORDS),),
    "sever": (_v("CUTS_TIES_WITH", "prep:with", requires_dobj=RELATION_WORDS, confidence=0.75),),
    "break": (_v("CUTS_TIES_WITH", "prep:with", requires_dobj=RELATION_WORDS),),
    "expel": (
        _v("CUTS_TIES_WITH", requires_dobj=DIPLOMAT_WORDS),
        _v("FIGHTS", "dobj", particle="from", confidence=0.55, object_kinds=_ARMED),
    ),
    "recall": (_v("CUTS_TIES_WITH", "prep:from", requires_dobj=DIPLOMAT_WORDS, confidence=0.5),),
    # --- pressure
    "demand": (_v("DEMANDS", "prep:from", "ctl"),),
    "urge": (_v("DEMANDS"),),
    "call": (_v("DEMANDS", "prep:on", "prep:upon", particle="on"),),
    "press": (_v("DEMANDS", confidence=0.5),),
    "accuse": (_v("ACCUSES", confidence=0.75),),
    "blame": (_v("ACCUSES"),),
    "condemn": (_v("CONDEMNS", confidence=0.75),),
    "denounce": (_v("CONDEMNS"),),
    "criticize": (_v("CONDEMNS"),),
    "criticise": (_v("CONDEMNS"),),
    "slam": (_v("CONDEMNS"),),
    "censure": (_v("CONDEMNS"),),
    "rebuke": (_v("CONDEMNS"),),
    "reject": (_v("REJECTS"),),
    "oppose": (_v("REJECTS", confidence=0.55),),
    "prevent": (_v("REJECTS", confidence=0.55),),
    "block": (_v("REJECTS", confidence=0.5),),
    "veto": (_v("REJECTS"),),
    "deny": (_v("DENIES", requires_dobj=frozenset("claim allegation accusation report charge".split())),),
    "threaten": (_v("THREATENS", confidence=0.7),),
    "warn": (_v("THREATENS", confidence=0.5),),
    "sanction": (_v("SANCTIONS", confidence=0.75),),
    "impose": (_v("SANCTIONS", "prep:on", "prep:against", requires_dobj=frozenset("sanction embargo tariff ban".split())),),
    "withdraw": (_v("YIELDS_TO", "prep:from", confidence=0.45),),
    "surrender": (_v("YIELDS_TO", "prep:to"),),
    "concede": (_v("YIELDS_TO", "prep:to"),),
    "yield": (_v("YIELDS_TO", "prep:to", confidence=0.5),),
    "release": (_v("YIELDS_TO", confidence=0.4),),
    # --- membership and structure
    "join": (_v("MEMBER_OF", confidence=0.6),),
    "border": (_v("BORDERS", confidence=0.8),),
    "lead": (_v("LEADER_OF", confidence=0.6),),
    "head": (_v("LEADER_OF", confidence=0.6),),
    "chair": (_v("LEADER_OF", confidence=0.6),),
    "command": (_v("LEADER_OF", confidence=0.6),),
    "rule": (_v("LEADER_OF", confidence=0.5),),
}

# "refuse" and "not allow" are refusals: REJECTS of the counterpart plus a
# non-asserted embedded claim (see context.py); kept apart from VERB_CUES
# because they need the negation to mean rejection.
REFUSAL_VERBS: frozenset[str] = frozenset({"allow", "permit", "let", "tolerate", "accept"})

NOUN_CUES: dict[str, tuple[NounCue, ...]] = {
    # conflict
    "attack": (_n("ATTACKS", "prep:on", "prep:against", "prep:in"),),
    "strike": (_n("ATTACKS", "prep:on", "prep:against"),),
    "airstrike": (_n("ATTACKS", "prep:on", "prep:against"),),
    "raid": (_n("ATTACKS", "prep:on", "prep:against"),),
    "invasion": (_n("ATTACKS", "prep:of", confidence=0.75),),
    "offensive": (_n("ATTACKS", "prep:against", "prep:on"),),
    "bombing": (_n("ATTACKS", "prep:of", "prep:on"),),
    "aggression": (_n("ATTACKS", "prep:against", "prep:on"),),
    "clash": (_n("FIGHTS", "prep:with", "prep:between"),),
    "fighting": (_n("FIGHTS", "prep:with", "prep:between", "prep:against"),),
    "fight": (_n("FIGHTS", "prep:against", "prep:with"),),
    "war": (_n("FIGHTS", "prep:with", "prep:against", "prep:between", "prep:on"),),
    "conflict": (_n("FIGHTS", "prep:with", "prep:between", confidence=0.55),),
    "hostility": (_n("FIGHTS", "prep:with", "prep:between", confidence=0.55),),
    "campaign": (_n("FIGHTS", "prep:against", confidence=0.55),),
    "battle": (_n("FIGHTS", "prep:against", "prep:with", "prep:between"),),
    # support and cooperation
    "supporter": (_n("SUPPORTS", "prep:of", modifier_role="object", predicative=True, confidence=0.75),),
    "backer": (_n("SUPPORTS", "prep:of", modifier_role="object", predicative=True),),
    "support": (_n("SUPPORTS", "prep:for", "prep:to", "prep:of"),),
    "backing": (_n("SUPPORTS", "prep:for", "prep:of"),),
    "ally": (_n("ALLIED_WITH", "prep:of", modifier_role="object", predicative=True, confidence=0.7),),
    "alliance": (_n("ALLIED_WITH", "prep:with", "prep:between"),),
    "partner": (_n("ALLIED_WITH", "prep:of", modifier_role="object", predicative=True, requires=frozenset({"strategic", "key", "close", "security", "military"}), confidence=0.55),),
    "partnership": (_n("ALLIED_WITH", "prep:with", "prep:between", requires=frozenset({"strategic", "security", "military", "defense", "defence"}), confidence=0.55),),
    "cooperation": (_n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=MILITARY_MODIFIERS, confidence=0.65),),
    "exercise": (_n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=frozenset({"joint"}), confidence=0.6),),
    "drill": (_n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=frozenset({"joint"}), confidence=0.6),),
    "aid": (_n("PROVIDES_AID", "prep:to", "prep:for"),),
    "assistance": (_n("PROVIDES_AID", "prep:to", "prep:for"),),
    "sale": (_n("SUPPLIES_ARMS", "prep:to", requires=frozenset({"arm", "arms", "weapon", "weapons"})),),
    "export": (_n("TRADES_WITH", "prep:to", confidence=0.5),),
    "trade": (_n("TRADES_WITH", "prep:with", "prep:between", confidence=0.5),),
    # meetings, talks, agreements
    "meeting": (_n("MEETS_WITH", "prep:with", "prep:between", confidence=0.6),),
    "visit": (_n("MEETS_WITH", "prep:to", confidence=0.6),),
    "summit": (_n("MEETS_WITH", "prep:with", "prep:between", confidence=0.55),),
    "talk": (_n("NEGOTIATES_WITH", "prep:with", "prep:between"),),
    "negotiation": (_n("NEGOTIATES_WITH", "prep:with", "prep:between"),),
    "agreement": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.55),),
    "deal": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.5),),
    "treaty": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.55),),
    # diplomacy
    "relation": (_n("DIPLOMATIC_RELATIONS", "prep:with", "prep:between", confidence=0.6),),
    "tie": (_n("DIPLOMATIC_RELATIONS", "prep:with", "prep:between", confidence=0.6),),
    "relationship": (_n("DIPLOMATIC_RELATIONS", "prep:with", "prep:between", confidence=0.5),),
    "embassy": (_n("HAS_EMBASSY_IN", "prep:in", "prep:to", confidence=0.75),),
    "consulate": (_n("HAS_EMBASSY_IN", "prep:in", confidence=0.7),),
    # pressure
    "sanction": (_n("SANCTIONS", "prep:on", "prep:against", confidence=0.7),),
    "embargo": (_n("SANCTIONS", "prep:on", "prep:against"),),
    "condemnation": (_n("CONDEMNS", "prep:of"),),
    "criticism": (_n("CONDEMNS", "prep:of"),),
    "accusation": (_n("ACCUSES", "prep:against"),),
    "threat": (_n("THREATENS", "prep:to", "prep:against", confidence=0.5),),
    "demand": (_n("DEMANDS", "prep:on", "prep:for", confidence=0.5),),
    "protest": (_n("PROTESTS_AGAINST", "prep:against"),),
    "rejection": (_n("REJECTS", "prep:of"),),
    "denial": (_n("DENIES", "prep:of", confidence=0.4),),
    "withdrawal": (_n("YIELDS_TO", "prep:from", confidence=0.4),),
    "ceasefire": (_n("YIELDS_TO", "prep:with", confidence=0.35),),
    "deployment": (_n("MOBILIZES_AGAINST", "prep:against", "prep:near", confidence=0.45),),
    "arrest": (_n("COERCES", "prep:of"),),
    "detention": (_n("COERCES", "prep:of"),),
    # structure
    "neighbor": (_n("BORDERS", "prep:of", modifier_role="object", predicative=True, confidence=0.75),),
    "neighbour": (_n("BORDERS", "prep:of", modifier_role="object", predicative=True, confidence=0.75),),
    "border": (_n("BORDERS", "prep:with", "prep:between", confidence=0.65),),
    "member": (_n("MEMBER_OF", "prep:of", modifier_role="object", predicative=True, confidence=0.7),),
    "membership": (_n("MEMBER_OF", "prep:in", "prep:of"),),
    "accession": (_n("MEMBER_OF", "prep:to"),),
    "part": (_n("MEMBER_OF", "prep:of", predicative=True, confidence=0.45),),
    "capital": (_n("CAPITAL_OF", "prep:of", modifier_role="object", predicative=True, confidence=0.75),),
}

# Nouns that are the head of a phrase whose real referent is a modifier:
# "Azerbaijan's armed forces", "the government of Iraq", "Iranian officials".
PROXY_NOUNS: frozenset[str] = frozenset(
    """force army military troop soldier government regime administration
    authority official people ministry navy air cabinet leadership parliament
    state capital side militia police delegation diplomat media court
    coalition embassy representative leader forces nation country member
    partner ally""".split()
)

# Light and support verbs: a nominal cue governed by them takes the verb's
# subject as its agent ("launched attacks on", "imposed sanctions on",
# "have relations", "discuss defense cooperation", "signed an agreement with").
LIGHT_VERBS: frozenset[str] = frozenset(
    """be become remain have hold conduct launch carry stage mount wage impose
    sign conclude reach establish restore resume normalize normalise maintain
    strengthen bolster deepen expand improve open seek begin start continue
    step lead make pay discuss enter deploy announce intensify escalate renew
    upgrade build keep develop""".split()
)
