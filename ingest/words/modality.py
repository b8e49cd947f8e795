"""Words that make a claim negated, modal or attributed (read by ingest.relations.context).

Lemmas unless the name says otherwise; the auxiliaries, adverbs and marks are
lower-cased surface forms.
"""

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})  # "wo" from "won't"
CONDITIONAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "ca", "must"})

# Verbs whose clausal complement is reported speech; the resolver has its own
# list for quotations (QUOTE_SPEECH_VERBS), different members: merging them changes claims.
ATTRIBUTION_SPEECH_VERBS = frozenset(
    """say tell inform state announce stress remark add note report claim
    confirm declare assert insist explain emphasize emphasise reiterate write
    tweet disclose reveal argue mention highlight told quote answer reply
    respond acknowledge admit testify indicate""".split()
)
PLAN_HEADS = frozenset(
    """plan intend aim seek want prepare decide agree promise pledge vow
    propose expect hope consider schedule approve approval plan proposal
    intention decision bid offer promise pledge commitment commit prospect
    ready willing set going attempt try""".split()
)
# Directives: what X is urged/asked/told to do has not happened ("urged Iran
# to attack", "Iran was called on to withdraw"): their infinitive is an aim.
DIRECTIVE_HEADS = frozenset(
    """urge ask call encourage invite order request instruct appeal press
    implore beg exhort advise demand tell challenge""".split()
)
ALLEGE_HEADS = frozenset(
    """allege accuse suspect speculate rumor rumour speculation allegation
    accusation claim rumor suspicion charge report fear""".split()
)
HYPOTHETICAL_HEADS = frozenset(
    """allow permit let prevent stop block forbid refuse avoid deter ban
    threaten warn possibility risk would could chance scenario danger oppose
    reject veto predict forecast projection prediction poll""".split()
)
# Verbs of news reporting, also in ALLEGE_HEADS: with a subject ("state TV
# reported", "the ministry reports") someone vouches for the report, which is
# reported speech; without one ("it was reported that") nobody does, an allegation.
REPORTING_VERBS = frozenset({"report"})
FAILURE_HEADS = frozenset({"fail", "refuse", "decline", "neglect"})
ASPECTUAL_HEADS = frozenset(
    """continue begin start keep resume manage go come use help dare happen
    seem appear tend""".split()
)
# xcomp heads that express an aim ("worked to defeat", "is working to support")
PURPOSE_XCOMP_HEADS = frozenset({"work", "strive", "seek", "struggle", "move", "act", "pay", "push"})
DENY_HEADS = frozenset({"deny", "denial", "dismiss", "refute"})
ALLEGE_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly", "apparently"})
HISTORICAL_ADVERBS = frozenset({"historically", "formerly", "previously"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
