"""Extraction throughput: the whole ingest pipeline (no database) against spaCy's own nlp.pipe.

Same texts (the Wikinews JSONL through the real reader), same model, one process:

- spacy:     `spacy.load(model).pipe(texts)` -- the model alone, nothing of geokg;
- geokg-nlp: `ingest.nlp.load_nlp()` with the line-break component, `.pipe(texts)`
             -- spaCy plus the gazetteer ruler, no resolution or relations;
- extractor: `ingest.extract.Extractor.extract(articles)` -- nlp.pipe + resolve + relations;
- pipeline:  `ingest.pipeline.run(path, extractor, <null sink>)` -- read (JSONL,
             language check, dedup) + extract, everything `geokg ingest` does but the load.

The variants alternate for `--rounds` rounds (the machine is shared and busy,
so only ratios within one run mean something) and the median round counts.
Then the same with `--processes` (default 2) against 1 for spaCy's own
pipe, the Extractor and the pipeline, and a per-component time breakdown of
the geokg pipeline on a few articles (one doc at a time, so only the shares matter).

    python benchmarks/bench_extract.py                 # 80 articles, 3 rounds
    python benchmarks/bench_extract.py --articles 295  # the whole corpus (slow on a busy machine)
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import WIKINEWS, load_average, machine, median  # noqa: E402

import spacy  # noqa: E402

from graph.models import Article, Extraction  # noqa: E402
from ingest import pipeline  # noqa: E402
from ingest.extract import Extractor  # noqa: E402
from ingest.nlp import _model_location, load_nlp  # noqa: E402
from ingest.readers import Skipped, read_paths  # noqa: E402
from ingest.settings import get_settings  # noqa: E402


class NullSink:
    """Accepts extractions and drops them: the pipeline without a database."""

    name = "null"

    def load(self, extractions: Sequence[Extraction]) -> Any:
        return None


def read_articles(path: Path, limit: int) -> list[Article]:
    articles = [r for r in read_paths([path]) if isinstance(r, Article)]
    return articles[:limit]


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = fn()
    return time.perf_counter() - t0, n


def cpu_timed(fn: Callable[[], int]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of this process, result. On a shared machine
    the CPU time of a single-process variant is the steadier measure."""
    w, c = time.perf_counter(), time.process_time()
    n = fn()
    return time.perf_counter() - w, time.process_time() - c, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=WIKINEWS, help="JSONL corpus (default: ../shared Wikinews)")
    parser.add_argument("--articles", type=int, default=80, help="first N articles of the corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--processes", type=int, default=2, help="n_process compared against 1 (0: skip)")
    parser.add_argument("--scaling-only", action="store_true", help="skip the single-process comparison")
    parser.add_argument("--breakdown", type=int, default=20, help="articles for the per-component breakdown (0: skip)")
    args = parser.parse_args(argv)

    if not args.input.exists():
        raise SystemExit(f"{args.input} not found: pass --input with a JSONL corpus")
    model = get_settings().spacy_model
    t0 = time.perf_counter()
    # The first N lines in a file of their own, so every variant (the pipeline
    # reads paths) gets exactly the same input through the real reader.
    subset = Path(f"/tmp/geokg-bench-extract-{os.getpid()}.jsonl")
    with args.input.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= args.articles:
                break
            dst.write(line)
    articles = read_articles(subset, args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"command: {shlex.join([Path(sys.executable).name, *sys.argv])}")
    print(f"machine: {machine()}; load average at start {load_average()}")
    print(f"input: {len(articles)} articles, {words} words (whitespace tokens) from {args.input.name}, "
          f"read in {time.perf_counter() - t0:.1f}s; model {model}; batch_size {args.batch_size}")

    raw = spacy.load(_model_location(model))
    extractor = Extractor()
    geokg_nlp = extractor.nlp
    print(f"spacy pipes: {raw.pipe_names}")
    print(f"geokg pipes: {geokg_nlp.pipe_names}")

    after_spacy = [0.0]
    real_from_doc = extractor.from_doc

    def counting_from_doc(doc: Any, article: Article) -> Extraction:
        t = time.perf_counter()
        out = real_from_doc(doc, article)
        after_spacy[0] += time.perf_counter() - t
        return out

    extractor.from_doc = counting_from_doc  # type: ignore[method-assign]
    claims = [0]

    def run_spacy(n_process: int = 1) -> int:
        # With several processes, the batch rule the Extractor uses (small
        # batches, so every worker gets some), for a like-for-like comparison.
        size = args.batch_size if n_process == 1 else max(1, args.batch_size // (2 * n_process))
        return sum(1 for _ in raw.pipe(texts, batch_size=size, n_process=n_process))

    def run_geokg_nlp() -> int:
        return sum(1 for _ in geokg_nlp.pipe(texts, batch_size=args.batch_size))

    def run_extractor(n_process: int = 1) -> int:
        out = list(extractor.extract(articles, batch_size=args.batch_size, n_process=n_process))
        claims[0] = sum(len(x.claims) for x in out)
        return len(out)

    def run_pipeline(n_process: int = 1) -> int:
        report = pipeline.run(subset, extractor, NullSink(), batch_size=args.batch_size, n_process=n_process)
        return report.articles_extracted

    # Warm-up (first-call costs: vectors, lazy tables, plan of the gazetteer matcher).
    list(raw.pipe(texts[:4]))
    list(extractor.extract(articles[:4]))

    variants: dict[str, Callable[[], int]] = {
        "spacy": run_spacy,
        "geokg-nlp": run_geokg_nlp,
        "extractor": run_extractor,
        "pipeline": run_pipeline,
    }
    seconds: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    after_share: list[float] = []
    for r in range(1, 0 if args.scaling_only else args.rounds + 1):
        line = []
        # Rotate the order each round so no variant always runs first (or last).
        names = list(variants)
        names = names[r % len(names):] + names[: r % len(names)]
        for name in names:
            after_spacy[0] = 0.0
            s, c, n = cpu_timed(variants[name])
            assert n == len(articles), f"{name} produced {n} of {len(articles)}"
            seconds[name].append(s)
            cpu[name].append(c)
            if name == "extractor":
                after_share.append(after_spacy[0] / s)
            line.append(f"{name} {s:6.1f}s ({c:5.1f} cpu)")
        print(f"round {r}: " + "  ".join(line) + f"   load {os.getloadavg()[0]:.1f}", flush=True)

    if args.scaling_only:
        variants = {}
    print(f"\nsingle process, median of {args.rounds} rounds ({claims[0]} claims from the extractor):")
    base, base_cpu = median(seconds["spacy"]), median(cpu["spacy"])
    print(f"  {'variant':<10} {'wall s':>7} {'articles/s':>11} {'words/s':>9} {'vs spacy':>9}"
          f" {'cpu s':>7} {'words/cpu-s':>12} {'vs spacy (cpu)':>15}")
    for name in variants:
        s, c = median(seconds[name]), median(cpu[name])
        print(f"  {name:<10} {s:7.1f} {len(articles) / s:11.2f} {words / s:9.0f} {base / s:9.2f}"
              f" {c:7.1f} {words / c:12.0f} {base_cpu / c:15.2f}")
    if after_share:
        print(f"  share of extractor time after spaCy (resolve + relations + Extraction): {median(after_share):.1%}")

    if args.processes and args.processes > 1:
        p = args.processes
        scale: dict[str, list[float]] = defaultdict(list)
        pairs = {
            "spacy": run_spacy,
            "extractor": run_extractor,
            "pipeline": run_pipeline,
        }
        for r in range(1, args.rounds + 1):
            line = []
            for name, fn in pairs.items():
                s1, _ = timed(lambda fn=fn: fn(1))
                sp, _ = timed(lambda fn=fn: fn(p))
                scale[name].append(s1 / sp)
                line.append(f"{name} 1p {s1:6.1f}s {p}p {sp:6.1f}s")
            print(f"scaling round {r}: " + "  ".join(line) + f"   load {os.getloadavg()[0]:.1f}", flush=True)
        print(f"\nscaling n_process={p} vs 1 (median speed-up of {args.rounds} interleaved rounds):")
        for name in pairs:
            print(f"  {name:<10} {median(scale[name]):.2f}x")

    if args.breakdown:
        per: dict[str, float] = defaultdict(float)
        for text, article in list(zip(texts, articles))[: args.breakdown]:
            t = time.process_time()
            doc = geokg_nlp.make_doc(text)
            per["tokenizer"] += time.process_time() - t
            for name, proc in geokg_nlp.pipeline:
                t = time.process_time()
                doc = proc(doc)
                per[name] += time.process_time() - t
            t = time.process_time()
            real_from_doc(doc, article)
            per["resolve+relations"] += time.process_time() - t
        total = sum(per.values())
        print(f"\nper-component share, {args.breakdown} articles one doc at a time, CPU time:")
        for name, s in sorted(per.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<22} {s / total:6.1%}")

    subset.unlink(missing_ok=True)
    print(f"\nload average at the end {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
