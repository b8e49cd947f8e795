"""Scoring extraction against human gold data (re3d and the seed annotation).

Modules: `re3d` (loader), `mapping` (entity/relation type correspondences),
`spans` (offsets and sentences), `proper_names` (the proper-name subset rule),
`metrics` (P/R/F1 counts), `entity_scoring`, `relation_scoring`, `seed`
(the seed article's must / must-not checks), `baseline` (a cue-word baseline),
`runner` (runs a system over gold documents), `errors` (error records and
classes), `report` (tables).
"""
