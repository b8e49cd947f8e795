"""English word lists shared by the pipeline, one module per topic (data only, no logic)."""
