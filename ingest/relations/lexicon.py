"""The project's own cue lexicon: which words signal which relation type, and
where each cue finds its arguments in a dependency parse.

Written for this project from the relation table in docs/ontology.md (the
"Example cues" column is a starting point, not the full list), widened from
the verb lists of the CAMEO event codebook (its PETRARCH-2 verb dictionary)
and PLOVER's categories through the CAMEO/PLOVER codes `graph.ontology` gives
each type; docs/lexicon.md names the source of every cue.
Long because it is one table (past the house's 500 lines): splitting it would scatter it. Every type of
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
- `owner`           whoever the required dobj noun belongs to: "expelled the Libyan
                    ambassador" (Libya), "denied Russia's claims" (Russia)
- `xobj`            the target of the action a to-clause names: "threatened to attack Iran"
- `mutual`          no object: coordinated subjects are each other's counterpart
                    ("Armenia and Azerbaijan clashed", "the two leaders met")
Verbal cues take their subject from nsubj (or the `by` agent in the passive);
nominal cues from a possessor, a demonym or name modifier, a `by` phrase, or the
clause that governs them (copula, apposition, light verb such as "launched
attacks", "imposed sanctions", "have relations").
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.words.military import FORCE_WORDS, MILITARY_MODIFIERS

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
    # The cue needs an infinitival complement: "asked Iran to release" is a
    # request, "asked Iran about" is not; "pressed X to", "ordered X to".
    clause: bool = False
    # The cue needs an `as` phrase or object predicate with one of these words:
    # "designated the IRGC as a terrorist organization".
    predicate_words: frozenset[str] | None = None
    # The dobj's prepositions count as the verb's: "demanded an explanation from Russia".
    dobj_preps: bool = False
    # A prepositional object of the verb must be one of these: "spoke on the
    # phone", "talked by telephone" (CAMEO 041).
    via: frozenset[str] | None = None


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
    # An object reached through a plain modifier counts ("attack on Iranian
    # nuclear sites"); False where only the owner's proxy does ("destruction of
    # Syria's heritage" is not an attack on Syria, of its air force is).
    owned_objects: bool = True
    # Prepositions followed from an unnamed slot object to the party behind it:
    # "restrictions on flights to Cuba", "a ban on trade with Iran".
    through: frozenset[str] = frozenset()


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
# What a conversation at a distance goes through ("spoke on the phone").
_PHONE_WORDS = frozenset({"phone", "telephone", "videoconference", "video", "videolink", "hotline"})
# Kinds that can be addressed, blamed or criticised in words (not places).
_ADDRESSEES = frozenset({"Person", "Country", "Organization", "Group"})
_PEOPLE = frozenset({"Person"})
# What is launched or fired at a target ("fired missiles at", "launched strikes on").
_PROJECTILES = frozenset(
    """missile rocket shell mortar drone bomb projectile round salvo barrage
    strike airstrike attack raid""".split()
)
# The dobj of a rejection of someone's move ("declined X's offer", "turned down X's request").
_PROPOSAL_WORDS = frozenset(
    "offer request proposal invitation demand plea appeal bid call resignation ultimatum".split()
)
# The dobj of a denial or dismissal ("denied the accusation", "dismissed the claim").
_CLAIM_WORDS = frozenset(
    "claim allegation accusation report charge suggestion assertion".split()
)
# What is imposed on a target ("imposed sanctions on", "levied restrictions against").
_SANCTION_WORDS = frozenset("sanction embargo tariff ban restriction blockade boycott".split())
# "designated X as a terrorist organization", "labelled X a terrorist"
_TERROR_WORDS = frozenset({"terrorist", "terrorism", "terror"})

# lemma -> cues tried in order; the first whose conditions hold is used.
VERB_CUES: dict[str, tuple[VerbCue, ...]] = {
    # --- conflict
    "attack": (_v("ATTACKS", "dobj", confidence=0.75),),
    # "struck a deal with Iran" before "struck Iran"
    "strike": (
        _v("SIGNS_AGREEMENT_WITH", "prep:with", requires_dobj=AGREEMENT_WORDS),
        _v("ATTACKS", "dobj", "prep:at"),
    ),
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
    # CAMEO 18/19 (ASSAULT): violence against named targets
    "assassinate": (_v("ATTACKS", confidence=0.75),),
    "murder": (_v("ATTACKS", confidence=0.6),),
    "abduct": (_v("ATTACKS", confidence=0.6),),
    "kidnap": (_v("ATTACKS", confidence=0.6),),
    "besiege": (_v("ATTACKS", confidence=0.6),),
    "storm": (_v("ATTACKS", confidence=0.6),),
    "overrun": (_v("ATTACKS", confidence=0.6),),
    "overthrow": (_v("ATTACKS", confidence=0.6),),
    "oust": (_v("ATTACKS", confidence=0.5, object_kinds=_PEOPLE),),
    "topple": (_v("ATTACKS", confidence=0.55),),
    "retaliate": (_v("ATTACKS", "prep:against", confidence=0.6),),
    # "shot down a Ukrainian jet": the owner of what was shot down
    "shoot": (
        _v("ATTACKS", "dobj", particle="down", confidence=0.7),
        _v("ATTACKS", "prep:at", confidence=0.6),
    ),
    # "fired missiles at Israel", "fired on protesters"; "fired the minister" is a dismissal
    "fire": (_v("ATTACKS", "prep:at", "prep:on", "prep:into", confidence=0.6),),
    "launch": (_v("ATTACKS", "prep:at", "prep:on", "prep:against", "prep:into", requires_dobj=_PROJECTILES, confidence=0.65),),
    "fight": (_v("FIGHTS", "dobj", "prep:against", "prep:with", "mutual"),),
    "battle": (_v("FIGHTS", "dobj", "prep:against", "prep:with"),),
    "clash": (_v("FIGHTS", "prep:with", "mutual"),),
    "skirmish": (_v("FIGHTS", "prep:with", "mutual"),),
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
    "push": (
        _v("FIGHTS", "dobj", particle="out", confidence=0.55, object_kinds=_ARMED),
        _v("DEMANDS", "dobj", clause=True, confidence=0.5),  # "pushed Iran to accept" (CAMEO 100)
    ),
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
    # CAMEO 173 (arrest, detain, charge with legal action), 174 (deport), 170 (impel)
    "apprehend": (_v("COERCES"),),
    "incarcerate": (_v("COERCES"),),
    "exile": (_v("COERCES", confidence=0.6),),
    "banish": (_v("COERCES", confidence=0.6),),
    "force": (_v("COERCES", "dobj", clause=True, confidence=0.55),),
    "compel": (_v("COERCES", "dobj", clause=True, confidence=0.6),),
    "protest": (_v("PROTESTS_AGAINST", "prep:against", "dobj", confidence=0.6),),
    "rally": (_v("PROTESTS_AGAINST", "prep:against"),),
    "demonstrate": (_v("PROTESTS_AGAINST", "prep:against"),),
    # CAMEO 140/141/145 (protest, march, riot)
    "march": (_v("PROTESTS_AGAINST", "prep:against"),),
    "riot": (_v("PROTESTS_AGAINST", "prep:against"),),
    # --- cooperation and support
    "support": (_v("SUPPORTS", confidence=0.7),),
    "back": (_v("SUPPORTS", confidence=0.6),),
    "endorse": (_v("SUPPORTS", confidence=0.6),),
    "assist": (_v("SUPPORTS", confidence=0.6),),
    "help": (_v("SUPPORTS", confidence=0.55),),
    "side": (_v("SUPPORTS", "prep:with"),),
    # CAMEO 051 (praise or endorse), 052 (defend verbally): only a named addressee
    # ("praised Trump"), never a modifier ("praised Iran's decision" is about the decision)
    "praise": (_v("SUPPORTS", confidence=0.55, object_kinds=_ADDRESSEES),),
    "commend": (_v("SUPPORTS", confidence=0.55, object_kinds=_ADDRESSEES),),
    "hail": (_v("SUPPORTS", confidence=0.5, object_kinds=_ADDRESSEES),),
    "laud": (_v("SUPPORTS", confidence=0.55, object_kinds=_ADDRESSEES),),
    "applaud": (_v("SUPPORTS", confidence=0.5, object_kinds=_ADDRESSEES),),
    "sponsor": (_v("SUPPORTS", confidence=0.55, object_kinds=frozenset({"Group", "Organization", "Person"})),),
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
    "cooperate": (_v("COOPERATES_MILITARILY", "prep:with", confidence=0.5),),
    "ally": (_v("ALLIED_WITH", "prep:with"),),
    # --- meetings and negotiation
    "meet": (_v("MEETS_WITH", "dobj", "prep:with", "mutual", confidence=0.75),),
    # CAMEO 040 (consult), 041 (discuss by telephone)
    "confer": (_v("MEETS_WITH", "prep:with", confidence=0.6),),
    "consult": (_v("MEETS_WITH", "prep:with", "dobj", confidence=0.55, object_kinds=frozenset({"Person", "Country", "Organization"})),),
    "discuss": (_v("MEETS_WITH", "prep:with", confidence=0.55, object_kinds=frozenset({"Person", "Country", "Organization"})),),
    "phone": (_v("MEETS_WITH", "dobj", confidence=0.6, object_kinds=frozenset({"Person", "Country"})),),
    "telephone": (_v("MEETS_WITH", "dobj", confidence=0.6, object_kinds=frozenset({"Person", "Country"})),),
    "visit": (_v("MEETS_WITH", confidence=0.65),),
    "host": (_v("MEETS_WITH", reverse=True, confidence=0.65),),
    "welcome": (_v("MEETS_WITH", "dobj", "ctl", reverse=True, confidence=0.6),),
    "receive": (
        # "Iraqi forces received heavy fire from ISIL fighters": ISIL attacked them
        _v("ATTACKS", "prep:from", requires_dobj=_FIRE_WORDS, reverse=True, confidence=0.6),
        _v("MEETS_WITH", reverse=True, confidence=0.5),
    ),
    "draw": (_v("ATTACKS", "prep:from", requires_dobj=_FIRE_WORDS, reverse=True, confidence=0.6),),
    "talk": (_v("NEGOTIATES_WITH", "prep:with", "prep:to", "mutual"),),
    "chat": (_v("MEETS_WITH", "prep:with", "mutual", via=_PHONE_WORDS, confidence=0.55),),
    "speak": (
        _v("CONDEMNS", "prep:against", particle="out", confidence=0.6),  # "spoke out against"
        # "Trump and Erdogan spoke on the phone"
        _v("MEETS_WITH", "prep:with", "prep:to", "mutual", via=_PHONE_WORDS, confidence=0.6, object_kinds=frozenset({"Person", "Country"})),
        _v("MEETS_WITH", "prep:with", "prep:to", confidence=0.55, object_kinds=frozenset({"Person", "Country"})),
    ),
    "converse": (_v("MEETS_WITH", "prep:with", confidence=0.6),),
    "negotiate": (_v("NEGOTIATES_WITH", "prep:with", "dobj", "mutual"),),
    "mediate": (_v("NEGOTIATES_WITH", "prep:between", "prep:with"),),
    "broker": (_v("NEGOTIATES_WITH", "prep:between", "prep:with", requires_dobj=AGREEMENT_WORDS | frozenset({"ceasefire", "truce", "talk"}), confidence=0.55),),
    "sign": (_v("SIGNS_AGREEMENT_WITH", "prep:with", requires_dobj=AGREEMENT_WORDS, confidence=0.7),),
    "conclude": (_v("SIGNS_AGREEMENT_WITH", "prep:with", requires_dobj=AGREEMENT_WORDS),),
    "ink": (_v("SIGNS_AGREEMENT_WITH", "prep:with", requires_dobj=AGREEMENT_WORDS),),
    "seal": (_v("SIGNS_AGREEMENT_WITH", "prep:with", requires_dobj=AGREEMENT_WORDS),),
    # --- diplomacy
    "recognize": (_v("DIPLOMATIC_RELATIONS", confidence=0.5),),
    "recognise": (_v("DIPLOMATIC_RELATIONS", confidence=0.5),),
    "normalize": (_v("DIPLOMATIC_RELATIONS", "prep:with", requires_dobj=RELATION_WORDS),),
    "normalise": (_v("DIPLOMATIC_RELATIONS", "prep:with", requires_dobj=RELATION_WORDS),),
    "cut": (_v("CUTS_TIES_WITH", "prep:with", requires_dobj=RELATION_WORDS),),
    "sever": (_v("CUTS_TIES_WITH", "prep:with", requires_dobj=RELATION_WORDS, confidence=0.75),),
    "break": (_v("CUTS_TIES_WITH", "prep:with", requires_dobj=RELATION_WORDS),),
    "expel": (
        _v("CUTS_TIES_WITH", "owner", requires_dobj=DIPLOMAT_WORDS),
        _v("FIGHTS", "dobj", particle="from", confidence=0.55, object_kinds=_ARMED),
    ),
    "recall": (_v("CUTS_TIES_WITH", "prep:from", requires_dobj=DIPLOMAT_WORDS, confidence=0.5),),
    # CAMEO 161 (reduce or break relations), 166 (expel or withdraw)
    "suspend": (_v("CUTS_TIES_WITH", "prep:with", requires_dobj=RELATION_WORDS, confidence=0.65),),
    "downgrade": (_v("CUTS_TIES_WITH", "prep:with", requires_dobj=RELATION_WORDS, confidence=0.65),),
    # --- pressure
    # CAMEO 10 (demand) and 02 (appeal, request): PLOVER's REQUEST holds "all
    # requests, demands, and orders"
    "demand": (_v("DEMANDS", "prep:from", "ctl", dobj_preps=True),),
    "urge": (_v("DEMANDS"),),
    "call": (
        _v("DEMANDS", "prep:on", particle="on"),
        _v("DEMANDS", "prep:upon", particle="upon"),
        # "called for the government of Ukraine to reduce corruption"
        _v("DEMANDS", "prep:for", particle="for", clause=True),
    ),
    # "asked Zelensky to investigate", "asked Russia for help"; not "asked Iran about"
    "ask": (
        _v("DEMANDS", "dobj", clause=True, confidence=0.6),
        _v("DEMANDS", "dobj", "prep:from", particle="for", confidence=0.55),
    ),
    "request": (_v("DEMANDS", "dobj", clause=True, confidence=0.6), _v("DEMANDS", "prep:from", confidence=0.55)),
    "press": (_v("DEMANDS", "dobj", clause=True, confidence=0.6), _v("DEMANDS", "dobj", particle="for", confidence=0.55)),
    "exhort": (_v("DEMANDS", "dobj", clause=True, confidence=0.6),),
    "implore": (_v("DEMANDS", "dobj", clause=True, confidence=0.6),),
    "beg": (_v("DEMANDS", "dobj", clause=True, confidence=0.55),),
    "order": (_v("DEMANDS", "dobj", clause=True, confidence=0.55),),
    "appeal": (_v("DEMANDS", "prep:to", confidence=0.55),),
    "plead": (_v("DEMANDS", "prep:with", confidence=0.55),),
    "petition": (_v("DEMANDS", "dobj", confidence=0.5, object_kinds=frozenset({"Organization", "Person", "Country"})),),
    # a legal order to produce documents or testify (PLOVER REQUEST "orders")
    "subpoena": (_v("DEMANDS", confidence=0.65),),
    # CAMEO 112 (accuse): PLOVER ACCUSE "allege" includes charging and suing
    "accuse": (_v("ACCUSES", confidence=0.75),),
    "blame": (_v("ACCUSES"),),
    "allege": (
        _v("ACCUSES", "owner", requires_dobj=frozenset({"involvement", "role", "complicity", "responsibility", "interference", "meddling"}), confidence=0.55),
        # "alleged that Mahan had flown fighters": whoever the allegation is about
        _v("ACCUSES", "ctl", clause=True, confidence=0.55),
    ),
    # "charged X with murder"; "charged the battery" has no "with"
    "charge": (_v("ACCUSES", "dobj", particle="with", confidence=0.6, object_kinds=_ADDRESSEES),),
    "indict": (_v("ACCUSES", confidence=0.6, object_kinds=_ADDRESSEES),),
    "sue": (_v("ACCUSES", confidence=0.55, object_kinds=_ADDRESSEES),),
    "fault": (_v("ACCUSES", confidence=0.55, object_kinds=_ADDRESSEES),),
    "implicate": (_v("ACCUSES", confidence=0.55, object_kinds=_ADDRESSEES),),
    "condemn": (_v("CONDEMNS", confidence=0.75),),
    "denounce": (_v("CONDEMNS"),),
    "criticize": (_v("CONDEMNS"),),
    "criticise": (_v("CONDEMNS"),),
    "slam": (_v("CONDEMNS"),),
    "censure": (_v("CONDEMNS"),),
    "rebuke": (_v("CONDEMNS"),),
    # CAMEO 110/111 (disapprove, criticize or denounce)
    "decry": (_v("CONDEMNS"),),
    "deplore": (_v("CONDEMNS"),),
    "castigate": (_v("CONDEMNS"),),
    "lambaste": (_v("CONDEMNS"),),
    "lambast": (_v("CONDEMNS"),),  # the sm lemmatiser's lemma of "lambasted"
    "berate": (_v("CONDEMNS"),),
    "chastise": (_v("CONDEMNS"),),
    "reprimand": (_v("CONDEMNS"),),
    "disparage": (_v("CONDEMNS"),),
    "deride": (_v("CONDEMNS", confidence=0.6),),
    "excoriate": (_v("CONDEMNS"),),
    "admonish": (_v("CONDEMNS", confidence=0.6),),
    "blast": (_v("CONDEMNS", confidence=0.6, object_kinds=_PEOPLE),),
    "lash": (_v("CONDEMNS", "prep:at", particle="out", confidence=0.65),),
    "reject": (_v("REJECTS"),),
    "oppose": (_v("REJECTS", confidence=0.55),),
    "prevent": (_v("REJECTS", confidence=0.55),),
    "block": (_v("REJECTS", confidence=0.5),),
    "veto": (_v("REJECTS"),),
    # CAMEO 12 (reject): someone's proposal, request or offer
    "decline": (_v("REJECTS", "owner", requires_dobj=_PROPOSAL_WORDS, confidence=0.6),),
    "spurn": (_v("REJECTS", confidence=0.55),),
    "rebuff": (_v("REJECTS", confidence=0.55),),
    "turn": (_v("REJECTS", "owner", requires_dobj=_PROPOSAL_WORDS, particle="down", confidence=0.55),),
    # CAMEO 016 (deny): the claim's source is who made it
    "deny": (_v("DENIES", "owner", "prep:by", "prep:from", requires_dobj=_CLAIM_WORDS),),
    "dismiss": (_v("DENIES", "owner", "prep:by", "prep:from", requires_dobj=_CLAIM_WORDS, confidence=0.55),),
    "refute": (_v("DENIES", "owner", "prep:by", "prep:from", requires_dobj=_CLAIM_WORDS, confidence=0.6),),
    "threaten": (_v("THREATENS", "dobj", "xobj", confidence=0.7),),
    "menace": (_v("THREATENS", confidence=0.55),),
    "warn": (_v("THREATENS", confidence=0.5),),
    "sanction": (_v("SANCTIONS", confidence=0.75),),
    "impose": (_v("SANCTIONS", "prep:on", "prep:against", requires_dobj=_SANCTION_WORDS),),
    "levy": (_v("SANCTIONS", "prep:on", "prep:against", requires_dobj=_SANCTION_WORDS),),
    "slap": (_v("SANCTIONS", "prep:on", "prep:against", requires_dobj=_SANCTION_WORDS),),
    "tighten": (_v("SANCTIONS", "prep:on", "prep:against", requires_dobj=_SANCTION_WORDS, confidence=0.6),),
    # CAMEO 163 (embargo, boycott, sanctions), 160 (blacklist), 172 (ban, prohibit):
    # restrictive measures against a named state, organisation or person
    "ban": (_v("SANCTIONS", confidence=0.6),),
    "blacklist": (_v("SANCTIONS", confidence=0.7),),
    "embargo": (_v("SANCTIONS", confidence=0.65),),
    "boycott": (_v("SANCTIONS", confidence=0.55, object_kinds=_ADDRESSEES),),
    "outlaw": (_v("SANCTIONS", confidence=0.6, object_kinds=frozenset({"Group", "Organization"})),),
    "proscribe": (_v("SANCTIONS", confidence=0.65, object_kinds=frozenset({"Group", "Organization"})),),
    # "designated the IRGC as a terrorist organization", "labelled Soleimani a terrorist"
    "designate": (_v("SANCTIONS", "dobj", predicate_words=_TERROR_WORDS, confidence=0.65),),
    "label": (_v("SANCTIONS", "dobj", predicate_words=_TERROR_WORDS, confidence=0.55),),
    "list": (_v("SANCTIONS", "dobj", predicate_words=_TERROR_WORDS, confidence=0.55),),
    "withdraw": (_v("YIELDS_TO", "prep:from", confidence=0.45),),
    "surrender": (_v("YIELDS_TO", "prep:to"),),
    "concede": (_v("YIELDS_TO", "prep:to"),),
    # CAMEO 080 (yield), 0874 (retreat or surrender militarily)
    "cede": (_v("YIELDS_TO", "prep:to", confidence=0.6),),
    "relinquish": (_v("YIELDS_TO", "prep:to", confidence=0.6),),
    "capitulate": (_v("YIELDS_TO", "prep:to", confidence=0.6),),
    "accede": (_v("YIELDS_TO", "prep:to", confidence=0.55),),
    "bow": (_v("YIELDS_TO", "prep:to", confidence=0.5),),
    "comply": (_v("YIELDS_TO", "prep:with", confidence=0.45, object_kinds=_ADDRESSEES),),
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

# From what is restricted to whom it goes: "flights to Cuba", "trade with Iran", "oil from Iran".
_TRADE_PREPS = frozenset({"to", "with", "from"})

NOUN_CUES: dict[str, tuple[NounCue, ...]] = {
    # conflict
    "attack": (_n("ATTACKS", "prep:on", "prep:against", "prep:in"),),
    "strike": (_n("ATTACKS", "prep:on", "prep:against"),),
    "airstrike": (_n("ATTACKS", "prep:on", "prep:against"),),
    "raid": (_n("ATTACKS", "prep:on", "prep:against"),),
    "invasion": (_n("ATTACKS", "prep:of", confidence=0.75),),
    "offensive": (_n("ATTACKS", "prep:against", "prep:on", "prep:into"),),
    "bombing": (_n("ATTACKS", "prep:of", "prep:on"),),
    "aggression": (_n("ATTACKS", "prep:against", "prep:on"),),
    # CAMEO 18-20 (assault, fight, mass violence) as nouns: "the US killing of Soleimani"
    "assault": (_n("ATTACKS", "prep:on", "prep:against"),),
    "incursion": (_n("ATTACKS", "prep:into", "prep:in", "prep:on"),),
    "bombardment": (_n("ATTACKS", "prep:of", "prep:on"),),
    "shelling": (_n("ATTACKS", "prep:of", "prep:on"),),
    "killing": (_n("ATTACKS", "prep:of", confidence=0.6),),
    "assassination": (_n("ATTACKS", "prep:of", confidence=0.7),),
    "murder": (_n("ATTACKS", "prep:of", confidence=0.6),),
    "occupation": (_n("ATTACKS", "prep:of", confidence=0.5),),
    # of what stands for its owner ("X's air force"), not of what merely belongs to it
    "destruction": (_n("ATTACKS", "prep:of", confidence=0.5, owned_objects=False),),
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
    "pact": (
        _n("ALLIED_WITH", "prep:with", "prep:between", requires=frozenset({"defense", "defence", "military", "security", "mutual"}), confidence=0.6),
        _n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.55),
    ),
    "partner": (_n("ALLIED_WITH", "prep:of", modifier_role="object", predicative=True, requires=frozenset({"strategic", "key", "close", "security", "military"}), confidence=0.55),),
    "partnership": (_n("ALLIED_WITH", "prep:with", "prep:between", requires=frozenset({"strategic", "security", "military", "defense", "defence"}), confidence=0.55),),
    # military by a modifier ("defense cooperation") or by its partner ("cooperation with the navies of")
    "cooperation": (_n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=MILITARY_MODIFIERS | FORCE_WORDS | {"navy"}, confidence=0.65),),
    "coordination": (_n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=MILITARY_MODIFIERS | FORCE_WORDS | {"navy"}, confidence=0.55),),
    "patrol": (_n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=frozenset({"joint"}), confidence=0.6),),
    "operation": (
        _n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=frozenset({"joint"}), confidence=0.55),
        _n("ATTACKS", "prep:against", "prep:into", requires=MILITARY_MODIFIERS | {"air"}, confidence=0.5),
    ),
    "exercise": (_n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=frozenset({"joint"}), confidence=0.6),),
    "drill": (_n("COOPERATES_MILITARILY", "prep:with", "prep:between", requires=frozenset({"joint"}), confidence=0.6),),
    "aid": (_n("PROVIDES_AID", "prep:to", "prep:for"),),
    "assistance": (_n("PROVIDES_AID", "prep:to", "prep:for"),),
    "sale": (_n("SUPPLIES_ARMS", "prep:to", requires=frozenset({"arm", "arms", "weapon", "weapons"})),),
    "export": (_n("TRADES_WITH", "prep:to", confidence=0.5),),
    "trade": (_n("TRADES_WITH", "prep:with", "prep:between", confidence=0.5),),
    # meetings, talks, agreements
    "meeting": (_n("MEETS_WITH", "prep:with", "prep:between", confidence=0.6),),
    # CAMEO 040/041 (consult, discuss by telephone): "had a phone conversation with",
    # "Trump's call with Zelensky"; "calls for X to" / "calls on X" are demands (CAMEO 02/10)
    "conversation": (_n("MEETS_WITH", "prep:with", "prep:between", confidence=0.6),),
    "call": (
        _n("MEETS_WITH", "prep:with", "prep:between", confidence=0.55),
        _n("DEMANDS", "prep:on", "prep:upon", "prep:for", confidence=0.5),
    ),
    "consultation": (_n("MEETS_WITH", "prep:with", "prep:between", confidence=0.55),),
    "discussion": (_n("MEETS_WITH", "prep:with", "prep:between", confidence=0.5),),
    "visit": (_n("MEETS_WITH", "prep:to", confidence=0.6),),
    "summit": (_n("MEETS_WITH", "prep:with", "prep:between", confidence=0.55),),
    "talk": (_n("NEGOTIATES_WITH", "prep:with", "prep:between"),),
    "negotiation": (_n("NEGOTIATES_WITH", "prep:with", "prep:between"),),
    "agreement": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.55),),
    "deal": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.5),),
    "treaty": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.55),),
    "accord": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.55),),
    "memorandum": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.5),),
    "memoranda": (_n("SIGNS_AGREEMENT_WITH", "prep:with", "prep:between", confidence=0.5),),
    # diplomacy
    "relation": (_n("DIPLOMATIC_RELATIONS", "prep:with", "prep:between", confidence=0.6),),
    "tie": (_n("DIPLOMATIC_RELATIONS", "prep:with", "prep:between", confidence=0.6),),
    "relationship": (_n("DIPLOMATIC_RELATIONS", "prep:with", "prep:between", confidence=0.5),),
    "embassy": (_n("HAS_EMBASSY_IN", "prep:in", "prep:to", confidence=0.75),),
    "consulate": (_n("HAS_EMBASSY_IN", "prep:in", confidence=0.7),),
    # pressure
    "sanction": (_n("SANCTIONS", "prep:on", "prep:against", confidence=0.7, through=_TRADE_PREPS),),
    "embargo": (_n("SANCTIONS", "prep:on", "prep:against", through=_TRADE_PREPS),),
    "boycott": (_n("SANCTIONS", "prep:of", "prep:on", "prep:against", confidence=0.55),),
    "ban": (_n("SANCTIONS", "prep:on", "prep:against", confidence=0.5, through=_TRADE_PREPS),),
    # CAMEO 172/1721 (impose administrative sanctions, restrictions)
    "restriction": (_n("SANCTIONS", "prep:on", "prep:against", confidence=0.5, through=_TRADE_PREPS),),
    "condemnation": (_n("CONDEMNS", "prep:of"),),
    "criticism": (_n("CONDEMNS", "prep:of"),),
    "denunciation": (_n("CONDEMNS", "prep:of"),),
    "rebuke": (_n("CONDEMNS", "prep:of"),),
    "censure": (_n("CONDEMNS", "prep:of"),),
    # "Navalny, a critic of Putin", "Putin critic Navalny"
    "critic": (_n("CONDEMNS", "prep:of", modifier_role="object", predicative=True, confidence=0.6),),
    "accusation": (_n("ACCUSES", "prep:against"),),
    "charge": (_n("ACCUSES", "prep:against", confidence=0.55),),  # "filed charges against"
    "allegation": (_n("ACCUSES", "prep:against", confidence=0.55),),
    "threat": (_n("THREATENS", "prep:to", "prep:against", confidence=0.5),),
    "ultimatum": (_n("THREATENS", "prep:to", confidence=0.55),),
    "demand": (_n("DEMANDS", "prep:on", "prep:for", confidence=0.5),),
    "request": (_n("DEMANDS", "prep:to", "prep:from", confidence=0.5),),
    "behest": (_n("DEMANDS", "prep:to", confidence=0.5),),
    "appeal": (_n("DEMANDS", "prep:to", confidence=0.5),),
    "plea": (_n("DEMANDS", "prep:to", confidence=0.5),),
    "subpoena": (_n("DEMANDS", "prep:to", "prep:for", "prep:from", confidence=0.55),),
    "protest": (_n("PROTESTS_AGAINST", "prep:against"),),
    "demonstration": (_n("PROTESTS_AGAINST", "prep:against"),),
    "rally": (_n("PROTESTS_AGAINST", "prep:against", confidence=0.55),),
    "rejection": (_n("REJECTS", "prep:of"),),
    "denial": (_n("DENIES", "prep:of", confidence=0.4),),
    "withdrawal": (_n("YIELDS_TO", "prep:from", confidence=0.4),),
    "ceasefire": (_n("YIELDS_TO", "prep:with", confidence=0.35),),
    "deployment": (_n("MOBILIZES_AGAINST", "prep:against", "prep:near", confidence=0.45),),
    "arrest": (_n("COERCES", "prep:of"),),
    "detention": (_n("COERCES", "prep:of"),),
    # "issued arrest warrants for 36 people": CAMEO 173
    "warrant": (_n("COERCES", "prep:for", "prep:against", "prep:on", requires=frozenset({"arrest"}), confidence=0.55),),
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
    upgrade build keep develop engage order issue levy level file bring voice
    express offer give increase""".split()
)
# Light verbs whose cue noun is the object of a preposition: "entered into an
# agreement with", "engaged in talks with", "is in talks with".
LIGHT_PREPS: dict[str, frozenset[str]] = {
    "enter": frozenset({"into"}),
    "engage": frozenset({"in"}),
    "be": frozenset({"in"}),
    "remain": frozenset({"in"}),
    "come": frozenset({"to"}),
}

# Verbs and copular nouns whose subject is the one the cue noun is done to:
# "Iran faces US sanctions", "Mahan has been the subject of US sanctions",
# "Abqaiq was the target of an al-Qaeda attack".
# Their `from` phrase is the agent: "Turkey drew criticism from Greece",
# "Iraq received support from the US", "came under attack from ISIL".
PATIENT_VERBS: frozenset[str] = frozenset({"face", "suffer", "undergo", "endure", "draw", "attract", "receive"})
PATIENT_PREPS: dict[str, frozenset[str]] = {"come": frozenset({"under"})}
PATIENT_NOUNS: frozenset[str] = frozenset({"subject", "target", "victim", "object", "focus"})
# Verb cues that take a stance on an event: its author is their object
# ("condemned the attack by Hamas", "rejected the proposal by France").
STANCE_TYPES: frozenset[str] = frozenset({"CONDEMNS", "ACCUSES", "REJECTS", "SUPPORTS"})
# "returned at the Iraqi government's request": whoever acts at a request is
# its addressee (for DEMANDS nouns governed by these prepositions).
ADDRESSEE_PREPS: frozenset[str] = frozenset({"at", "upon", "on"})
# Prepositions that put a cue noun inside its clause's action: "eliminate ISIS
# in cooperation with Iraqi forces", "said during talks with", "at a meeting with".
EMBEDDING_PREPS: frozenset[str] = frozenset({"in", "during", "at"})
