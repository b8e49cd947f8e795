"""Draw a seeded random sample of claims from a `geokg ingest --dry-run` file,
for judging precision by reading each claim's sentence.

    geokg ingest --dry-run --out /tmp/claims.jsonl ../shared/corpus/wikinews/wikinews-2019-2020.jsonl
    python scripts/sample_claims.py /tmp/claims.jsonl --n 50 --seed 2026 > sample.jsonl
    # 30 more from the event-like stratum only, none already drawn above:
    python scripts/sample_claims.py /tmp/claims.jsonl --n 30 --seed 2031 \
        --stratify event-like --exclude sample.jsonl > sample-event.jsonl

The sample is written as JSON lines with an empty `judgement` field for the
reader to fill in ("correct" or "wrong: why"). The stratum is named in each
row so that a judged file says how it was drawn.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

# Relations that state a standing structure (who leads, where, member of what);
# the rest are events or stances, which the rules extract less reliably, so a
# precision sample reports the two strata apart.
STRUCTURAL_TYPES = frozenset(
    {"LOCATED_IN", "LEADER_OF", "OFFICIAL_OF", "MEMBER_OF", "BORDERS", "CAPITAL_OF"}
)


def stratum(claim_type: str) -> str:
    return "structural" if claim_type in STRUCTURAL_TYPES else "event-like"


def read_ids(path: str) -> set[str]:
    """Claim ids of an earlier sample, so that a second draw does not repeat them."""
    with open(path, encoding="utf-8") as f:
        return {json.loads(line)["claim_id"] for line in f if line.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", help="JSONL written by geokg ingest --dry-run --out")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--stratify",
        choices=["structural", "event-like"],
        help="draw only from this stratum (see STRUCTURAL_TYPES)",
    )
    parser.add_argument("--exclude", help="a sample file written by this script; its claims are not drawn again")
    args = parser.parse_args()
    with open(args.claims, encoding="utf-8") as f:
        claims = [json.loads(line) for line in f if line.strip()]
    claims.sort(key=lambda c: c["id"])  # the same sample whatever the file order
    if args.stratify:
        claims = [c for c in claims if stratum(c["type"]) == args.stratify]
    if args.exclude:
        drawn = read_ids(args.exclude)
        claims = [c for c in claims if c["id"] not in drawn]
    sample = random.Random(args.seed).sample(claims, min(args.n, len(claims)))
    for c in sample:
        row = {
            "claim_id": c["id"],
            "article_url": c.get("article_url"),
            "sentence_index": c.get("sentence_index"),
            "sentence": c["sentence"],
            "subject": c.get("subject_name") or c["subject_id"],
            "subject_text": c.get("subject_text"),
            "type": c["type"],
            "stratum": stratum(c["type"]),
            "object": c.get("object_name") or c["object_id"],
            "object_text": c.get("object_text"),
            "polarity": c["polarity"],
            "modality": c["modality"],
            "trigger": c["trigger_text"],
            "rule": c.get("rule"),
            "extractor_version": c.get("extractor_version"),
            "judgement": "",
        }
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
