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
Then `--processes` (default 2) against 1 on the same articles for spaCy's own
pipe, the Extractor and the pipeline (`pipeline.run`, one nlp.pipe stream per
run): wall time, and CPU seconds of this process and of each worker process
(so the speed-up idle cores would give can be read off whatever the load),
next to how much faster the same number of plain CPU-bound processes ran at
that moment. Last, a per-component time breakdown of the geokg pipeline on a
few articles (one doc at a time, so only the shares matter).

    python benchmarks/bench_extract.py                 # 80 articles, 3 rounds
    python benchmarks/bench_extract.py --scaling-only --articles 40 --rounds 3
    python benchmarks/bench_extract.py --articles 295  # the whole corpus (slow on a busy machine)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shlex
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import WIKINEWS, load_average, machine, median  # noqa: E402

import spacy  # noqa: E402

from graph.models import Article, Extraction  # noqa: E402
from ingest import pipeline  # noqa: E402
from ingest.extract import Extractor, worker_batch_size  # noqa: E402
from ingest.nlp import _model_location  # noqa: E402
from ingest.readers import read_paths  # noqa: E402
from ingest.settings import get_settings  # noqa: E402


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


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


@dataclass
class ProcessRun:
    """One run's wall time and CPU seconds, per process: this one (`parent`)
    and each child it started (spaCy's workers)."""

    wall: float
    parent: float
    workers: list[float]
    count: int

    @property
    def cpu(self) -> float:
        return self.parent + sum(self.workers)

    @property
    def critical(self) -> float:
        """The busiest process's CPU seconds: on idle cores the run cannot be
        shorter than this, whatever the load did to the wall time."""
        return max([self.parent, *self.workers])


def _child_cpu(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def process_timed(fn: Callable[[], int], interval: float = 0.05) -> ProcessRun:
    """Run `fn`, sampling its child processes' CPU from /proc meanwhile. The
    children's total comes exactly from os.times() once spaCy has joined them;
    the samples (which miss each child's last `interval`) only split it."""
    me = os.getpid()
    seen: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        children = Path(f"/proc/{me}/task/{me}/children")
        while not done.wait(interval):
            try:
                pids = [int(x) for x in children.read_text().split()]
            except OSError:
                continue
            for pid in pids:
                cpu = _child_cpu(pid)
                if cpu is not None:
                    seen[pid] = max(cpu, seen.get(pid, 0.0))

    sampler = threading.Thread(target=sample, daemon=True)
    t0, w = os.times(), time.perf_counter()
    sampler.start()
    n = fn()
    wall = time.perf_counter() - w
    t1 = os.times()
    done.set()
    sampler.join()
    parent = (t1.user - t0.user) + (t1.system - t0.system)
    children = (t1.children_user - t0.children_user) + (t1.children_system - t0.children_system)
    sampled = sum(seen.values())
    workers = [children * v / sampled for v in seen.values()] if sampled > 0 else ([children] if children else [])
    return ProcessRun(wall, parent, workers, n)


def _burn(n: int) -> None:
    x = 0
    for i in range(n):
        x += i


def parallelism_now(p: int, n: int = 3_000_000) -> float:
    """How many cores this session gets right now: the same pure-Python work
    in 1 process, then in `p` at once; p x (1-process wall) / (p-process wall).
    p on idle cores; about 1 when the machine is busy, since the kernel's
    autogroup scheduler gives each session a share, not each process."""

    def wall(k: int) -> float:
        procs = [multiprocessing.Process(target=_burn, args=(n,)) for _ in range(k)]
        t = time.perf_counter()
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        return time.perf_counter() - t

    return p * wall(1) / wall(p)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=WIKINEWS, help="JSONL corpus (default: ../shared Wikinews)")
    parser.add_argument("--articles", type=int, default=80, help="first N articles of the corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--processes", type=int, default=2, help="n_process compared against 1 (0: skip)")
    parser.add_argument(
        "--scaling-only", action="store_true", help="only the n_process comparison (no single-process rounds, no breakdown)"
    )
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
        # The batch rule the Extractor uses (small batches with several
        # processes, so every worker gets some), for a like-for-like comparison.
        size = worker_batch_size(args.batch_size, n_process)
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

    if not args.scaling_only:
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
        wall_up: dict[str, list[float]] = defaultdict(list)
        cpu_cost: dict[str, list[float]] = defaultdict(list)
        parent_share: dict[str, list[float]] = defaultdict(list)
        idle_bound: dict[str, list[float]] = defaultdict(list)
        cores_now: list[float] = []
        pairs = {
            "spacy": run_spacy,
            "extractor": run_extractor,
            "pipeline": run_pipeline,
        }
        for r in range(1, args.rounds + 1):
            line = []
            # Rotate the variants, and which of 1 and p processes goes first, each round.
            names = list(pairs)
            names = names[r % len(names):] + names[: r % len(names)]
            for name in names:
                fn = pairs[name]
                runs: dict[int, ProcessRun] = {}
                for n in ((1, p) if r % 2 else (p, 1)):
                    runs[n] = process_timed(lambda fn=fn, n=n: fn(n))
                    got = runs[n].count
                    assert got == len(articles), f"{name} with {n} processes produced {got} of {len(articles)}"
                one, many = runs[1], runs[p]
                wall_up[name].append(one.wall / many.wall)
                cpu_cost[name].append(many.cpu / one.cpu)
                parent_share[name].append(many.parent / many.cpu)
                idle_bound[name].append(one.cpu / many.critical)
                workers = "+".join(f"{w:.1f}" for w in many.workers)
                line.append(
                    f"{name} 1p {one.wall:5.1f}s ({one.cpu:4.1f} cpu) "
                    f"{p}p {many.wall:5.1f}s ({many.parent:4.1f} parent + {workers or '0'} workers cpu)"
                )
            cores_now.append(parallelism_now(p))
            print(f"scaling round {r}: " + "  ".join(line) + f"   load {os.getloadavg()[0]:.1f}; "
                  f"{p} plain processes ran {cores_now[-1]:.2f}x one", flush=True)
        print(f"\nscaling n_process={p} vs 1, median of {args.rounds} interleaved rounds; meanwhile {p} plain "
              f"CPU-bound processes ran {median(cores_now):.2f}x as fast as one (the most any wall speed-up could be):")
        print(f"  {'variant':<10} {'wall speed-up':>14} {'cpu ' + str(p) + 'p/1p':>9} {'parent share':>13}"
              f" {'idle-core bound':>16}")
        for name in pairs:
            print(f"  {name:<10} {median(wall_up[name]):13.2f}x {median(cpu_cost[name]):9.2f}"
                  f" {median(parent_share[name]):13.0%} {median(idle_bound[name]):15.2f}x")
        print("  wall speed-up: 1-process wall / n-process wall, as measured now. It needs idle cores: on a\n"
              "  busy machine the kernel's autogroup scheduling gives each session a fixed CPU share, so\n"
              "  more processes in one session share it and the wall figure shows the load, not the code.\n"
              "  cpu np/1p: all CPU seconds (this process + its workers) with n processes over 1: the extra\n"
              "  work (worker start-up, docs copied between processes). parent share: this process's part\n"
              "  of it (reading, tokenising, doc copies, resolve + relations, loading) -- the serial part.\n"
              "  idle-core bound: 1-process CPU / the busiest process's CPU with n processes: the speed-up\n"
              "  with n idle cores if nothing waits (load-independent; the wall figure on an idle machine).")

    if args.breakdown and not args.scaling_only:
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
