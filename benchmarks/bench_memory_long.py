"""Peak memory of a long ingest and of the watcher, from 1,000 to 20,000 articles.

Generated articles (a few sentences with made-up names and numbers, so every
article brings new words to spaCy's string store, as news does; one in 250 is
a long one of ~40,000 characters), extracted with the configured model and
written to a claims file (a dry run: no database, so the numbers are the
ingest process's own):

1. ingest:  one `ingest.pipeline.run` over all `--articles`, VmRSS / VmHWM and
   the string store's size read at checkpoints from the progress callback;
2. watcher: a `Watcher` over a folder; each round 1,000 new files appear and
   one round ingests them; the same readings after each round.

    flock /tmp/geokg-heavy.lock python benchmarks/bench_memory_long.py
    python benchmarks/bench_memory_long.py --articles 5000 --skip-watcher

Each part runs in a fresh Python process. Flat means: VmHWM at 20,000 close
to VmHWM at 1,000 (the model and the first batches set it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, load_average, machine

COMMON = r"""
import json, random, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {repo!r})

def status():
    out = {{}}
    for line in open("/proc/self/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            out[line.split(":")[0]] = int(line.split()[1]) // 1024
    return out

rng = random.Random(19)
def name():
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))).capitalize()
def text(i):
    parts = [
        f"Officials in {{name()}} said on Monday that troops from France attacked positions near {{name()}}.",
        f"President {{name()}} {{name()}} of Russia met Chancellor {{name()}} in Berlin about {{rng.randint(1000, 99999)}} refugees.",
        f"The {{name()}} Front denied reports that it had fired on Ukrainian soldiers near {{name()}}.",
    ]
    if i % 250 == 249:  # a long one now and then, as real feeds have
        parts = parts * 130
    return "\n\n".join(parts)
"""

INGEST = COMMON + r"""
from ingest import pipeline
from ingest.extract import Extractor
from ingest.readers import article_from_text
n, checkpoints = int(sys.argv[1]), set(json.loads(sys.argv[2]))
extractor = Extractor()
rows = [{{"articles": 0, **status(), "strings": len(extractor.nlp.vocab.strings)}}]
def articles():
    for i in range(n):
        yield article_from_text(text(i), url=f"https://bench.test/{{i}}", title=f"Report {{i}}", detect_language=False)
seen = set()
def progress(p):
    done = p.report.articles_loaded
    for c in checkpoints:
        if done >= c and c not in seen:
            seen.add(c)
            rows.append({{"articles": done, **status(), "strings": len(extractor.nlp.vocab.strings),
                         "seconds": round(time.perf_counter() - t, 1)}})
t = time.perf_counter()
with tempfile.TemporaryDirectory() as d, pipeline.ClaimsJsonlWriter(Path(d) / "claims.jsonl") as w:
    report = pipeline.run(articles(), extractor, w, progress=progress)
print(json.dumps({{"rows": rows, "claims": report.claims}}))
"""

WATCHER = COMMON + r"""
from ingest.extract import Extractor
from ingest.pipeline import ClaimsJsonlWriter
from ingest.readers import Checks
from ingest.watch.fetch import PoliteClient
from ingest.watch.sources import FolderSource
from ingest.watch.state import WatchState
from ingest.watch.watcher import Watcher
rounds, per_round = int(sys.argv[1]), int(sys.argv[2])
extractor = Extractor()
rows = [{{"articles": 0, **status(), "strings": len(extractor.nlp.vocab.strings)}}]
t = time.perf_counter()
with tempfile.TemporaryDirectory() as d:
    inbox = Path(d) / "inbox"
    inbox.mkdir()
    with ClaimsJsonlWriter(Path(d) / "claims.jsonl") as sink:
        w = Watcher([FolderSource(inbox)], WatchState(Path(d) / "state.sqlite"), extractor, sink, PoliteClient(),
                    checks=Checks(detect_language=False))
        loaded = 0
        for r in range(rounds):
            for i in range(r * per_round, (r + 1) * per_round):
                (inbox / f"{{i:06d}}.txt").write_text(text(i), encoding="utf-8")
            loaded += w.round().articles_loaded
            rows.append({{"articles": loaded, **status(), "strings": len(extractor.nlp.vocab.strings),
                         "seconds": round(time.perf_counter() - t, 1)}})
print(json.dumps({{"rows": rows}}))
"""


def _run(script: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", script.format(repo=str(REPO)), *args],
        cwd=REPO, capture_output=True, text=True, timeout=3600, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def _table(title: str, rows: list[dict]) -> None:
    print(title)
    print(f"  {'articles':>8} {'VmRSS MB':>9} {'VmHWM MB':>9} {'strings':>9} {'seconds':>8}")
    for r in rows:
        print(f"  {r['articles']:>8} {r['VmRSS']:>9} {r['VmHWM']:>9} {r['strings']:>9} {r.get('seconds', 0):>8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--per-round", type=int, default=1_000)
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-watcher", action="store_true")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}; load average {load_average()}")
    if not args.skip_ingest:
        marks = sorted({1_000, 2_000, 5_000, 10_000, 15_000, args.articles} - {0})
        result = _run(INGEST, str(args.articles), json.dumps([m for m in marks if m <= args.articles]))
        _table(f"ingest (one pipeline.run, dry run, {result['claims']} claims):", result["rows"])
    if not args.skip_watcher:
        rounds = max(1, args.articles // args.per_round)
        _table(f"watcher ({rounds} rounds of {args.per_round} new files, dry run):",
               _run(WATCHER, str(rounds), str(args.per_round))["rows"])  # fmt: skip
    print(f"load average at the end {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
