"""Bulk backfills: claim files (one record per article, JSONL or Parquet) and a
new database built from them with neo4j-admin import, equal to the graph the
online loader builds from the same extractions."""
