"""From news articles to canonical entities and typed claims with provenance."""
