"""Counts behind issue 15 on a dry run's claims: time and support of the fact edges.

    python scripts/fact_counts.py CLAIMS.jsonl [CORPUS_PATH ...]

CLAIMS.jsonl is the output of `geokg ingest PATH --dry-run --out CLAIMS.jsonl`;
with the corpus paths, near-duplicate articles are counted too (the same
fingerprint comparison the loader makes). Prints one JSON object.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date, timedelta

from graph.duplicates import sentence_key, similarity, DUPLICATE_SIMILARITY
from graph.ontology import RELATION_TYPES, canonical_pair, is_fact


def main(claims_path: str, corpus: list[str]) -> dict[str, object]:
    rows = [json.loads(line) for line in open(claims_path, encoding="utf-8")]
    story: dict[str, str] = {}
    duplicate_pairs = 0
    if corpus:
        from graph.models import Article
        from ingest.readers import read_paths

        articles = [a for a in read_paths(corpus) if isinstance(a, Article)]
        for i, a in enumerate(articles):
            for b in articles[i + 1 :]:
                if similarity(a.fingerprint, b.fingerprint) >= DUPLICATE_SIMILARITY:
                    duplicate_pairs += 1
                    key = min(story.get(a.id, a.id), story.get(b.id, b.id))
                    story[a.id] = story[b.id] = key
    edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    historical = 0
    old_claims = 0
    dated = 0
    for r in rows:
        if r["modality"] == "historical":
            historical += 1
        if not is_fact(r["polarity"], r["modality"]) or r["subject_id"] == r["object_id"]:
            continue
        a, b = canonical_pair(RELATION_TYPES[r["type"]], r["subject_id"], r["object_id"])
        edges[(r["type"], a, b)].append(r)
    old_edges = 0
    old_current = 0  # old-dated claims still presented as current (asserted / reported)
    drops: list[str] = []
    sentence_drops = 0
    article_drops = 0
    for claims in edges.values():
        old = False
        for c in claims:
            if c["event_date"]:
                dated += 1
                if c["published"] and date.fromisoformat(c["event_date"]) < date.fromisoformat(c["published"]) - timedelta(days=365):
                    old = True
                    old_claims += 1
                    old_current += c["modality"] != "historical"
        old_edges += old
        sentences = {(story.get(c["article_id"], c["article_id"]) if c["article_id"] in story else "", sentence_key(c["sentence"])) for c in claims}
        if len(sentences) < len(claims):
            sentence_drops += 1
            drops.append(f"{claims[0]['type']} {claims[0]['subject_id']}-{claims[0]['object_id']}: {len(claims)} claims, {len(sentences)} sentences")
        if len({story.get(c["article_id"], c["article_id"]) for c in claims}) < len({c["article_id"] for c in claims}):
            article_drops += 1
    # Identity, over the entities the claims name: people whose names (without
    # titles) share a first and a last word but have several ids, and
    # "people" that are platforms.
    from ingest.resolve.identity import name_key
    from ingest.words.organisations import PLATFORM_NAMES

    names: dict[str, str] = {}
    for r in rows:
        for role in ("subject", "object"):
            if r[f"{role}_id"].startswith("person:"):
                names[r[f"{role}_id"]] = r[f"{role}_name"]
    by_ends: dict[tuple[str, str], set[str]] = defaultdict(set)
    for pid, name in names.items():
        key = name_key(name)
        if len(key) >= 2:
            by_ends[(key[0], key[-1])].add(pid)
    split_people = sorted(" / ".join(sorted(ids)) for ids in by_ends.values() if len(ids) > 1)
    platform_people = sorted(pid for pid, name in names.items() if " ".join(name_key(name)) in PLATFORM_NAMES)
    return {
        "claims": len(rows),
        "person_ids_in_claims": len(names),
        "people_with_several_ids": split_people,
        "platforms_as_people": platform_people,
        "fact_edges": len(edges),
        "fact_claims_with_event_date": dated,
        "fact_claims_event_date_over_a_year_before_article": old_claims,
        "fact_edges_with_event_date_over_a_year_before_article": old_edges,
        "fact_claims_event_date_over_a_year_before_article_not_historical": old_current,
        "historical_claims": historical,
        "near_duplicate_article_pairs": duplicate_pairs,
        "fact_edges_whose_sentences_are_fewer_than_claims": sentence_drops,
        "support_drops": drops,
        "fact_edges_whose_articles_drop_with_duplicates": article_drops,
    }


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(json.dumps(main(sys.argv[1], sys.argv[2:]), indent=2))
