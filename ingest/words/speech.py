"""Speech words: verbs and nouns that make a named person the speaker of a quotation or statement."""

# Verbs of saying whose subject speaks the quotation nearby (the resolver's list;
# relation extraction keeps its own ATTRIBUTION_SPEECH_VERBS).
QUOTE_SPEECH_VERBS = frozenset(
    """say tell add state explain note write announce remark stress comment declare insist warn
    reply respond tweet post urge emphasise emphasize underline conclude""".split()
)
# A statement handed out is the speaker's words too ("X released the following statement:").
STATEMENT_VERBS = frozenset("release issue provide give deliver make publish".split())
STATEMENT_NOUNS = frozenset("statement remark remarks comment comments message".split())
