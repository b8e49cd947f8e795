"""Draw a seeded random sample of claims from a `geokg ingest --dry-run` file,
for judging precision by reading each claim's sentence.

    geokg ingest --dry-run --out /tmp/claims.jsonl ../shared/corpus/wikinews/wikinews-2019-2020.jsonl
    python scripts/sample_claims.py /tmp/claims.jsonl --n 50 --seed 2026 > sample.jsonl

The sample is written as JSON lines with an empty `judgement` field for the
reader to fill in ("correct" or "wrong: why").
"""

from __future__ import annotations

import argparse
import json
import random
import sys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", help="JSONL written by geokg ingest --dry-run --out")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    with open(args.claims, encoding="utf-8") as f:
        claims = [json.loads(line) for line in f if line.strip()]
    claims.sort(key=lambda c: c["id"])  # the same sample whatever the file order
    sample = random.Random(args.seed).sample(claims, min(args.n, len(claims)))
    for c in sample:
        row = {
            "article_url": c.get("article_url"),
            "sentence": c["sentence"],
            "subject": c.get("subject_name") or c["subject_id"],
            "type": c["type"],
            "object": c.get("object_name") or c["object_id"],
            "polarity": c["polarity"],
            "modality": c["modality"],
            "trigger": c["trigger_text"],
            "judgement": "",
        }
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
