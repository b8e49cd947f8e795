"""Scoring extraction against human gold data (re3d, the seed annotation, news gold).

Used by `geokg eval` (ingest/cli/eval_cmd.py) and tests/eval. No database.

- `re3d`: the gold JSONL loader; `mapping`: entity/relation type correspondences
  (shared/eval/README.md); `proper_names`: the proper-name subset rule;
- `predictions`: system output in neutral form; `spans`, `matching`, `metrics`:
  overlaps, one-to-one matching, P/R/F1;
- `entity_scoring`, `relation_scoring`: the re3d protocol; `seed`: the seed
  article's must / must-not checks; `news_gold`: document-level claims on news
  gold (wikinews-gold.jsonl), with `news_report`; `gold_matching` (one matcher
  for the seed and news gold) and `entity_traps` (must_not_entities as checks);
- `baseline`: the cue-word baseline; `systems`, `models`: which systems and
  spaCy pipeline; `runner`, `evaluate`: running them; `errors`: every FP/FN
  with a class; `report`: tables.
"""
