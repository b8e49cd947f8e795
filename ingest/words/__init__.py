"""English word lists: data only, no logic (like spaCy's lang/en); one module per topic."""
