"""Peak memory (ru_maxrss / VmHWM) of an ingest worker and of the API.

1. ingest: a fresh Python process runs the whole ingest pipeline without the
   database (`ingest.pipeline.run` with a sink that drops extractions) over
   the first `--articles` Wikinews articles, with n_process=1 and then 2; it
   reports its own peak RSS and, for n_process=2, the largest worker's
   (RUSAGE_CHILDREN);
2. api: the API (uvicorn, one worker) answers `--requests` mixed requests
   (search, 1- and 2-hop neighbourhoods of the most connected entities) over
   whatever graph the database holds; its VmHWM is read from /proc.

    python benchmarks/bench_memory.py
    python benchmarks/bench_memory.py --articles 295 --skip-api

Neo4j (for the API part) comes from the NEO4J_* settings. Reads only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, WIKINEWS, free_port, load_average, machine, start_api, stop, wait_healthy  # noqa: E402

WORKER = r"""
import json, resource, sys, time
sys.path.insert(0, {repo!r})
from ingest import pipeline
from ingest.extract import Extractor

class Null:
    name = "null"
    def load(self, extractions):
        return None

path, n_process = sys.argv[1], int(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
extractor = Extractor()
model = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
report = pipeline.run(path, extractor, Null(), n_process=n_process)
print(json.dumps({{
    "articles": report.articles_extracted, "claims": report.claims,
    "seconds": time.perf_counter() - t,
    "rss_start_mb": before, "rss_model_loaded_mb": model,
    "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}}))
"""


def vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ingest_peak(articles: int, n_process: int) -> dict:
    subset = Path(f"/tmp/geokg-bench-memory-{articles}.jsonl")
    with WIKINEWS.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= articles:
                break
            dst.write(line)
    try:
        out = subprocess.run(
            [sys.executable, "-c", WORKER.format(repo=str(REPO)), str(subset), str(n_process)],
            cwd=REPO, capture_output=True, text=True, timeout=1800, check=True,
        )  # fmt: skip
    finally:
        subset.unlink(missing_ok=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def api_peak(requests: int) -> tuple[float, float, int]:
    import httpx

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_api(port)
    try:
        wait_healthy(base, proc)
        idle = vm_hwm_mb(proc.pid)
        with httpx.Client(base_url=base, timeout=60) as client:
            ids = [e["subject"] for e in client.get("/v1/relations", params={"limit": 50}).json()["items"]]
            ids = list(dict.fromkeys(ids)) or ["XAA"]
            done = 0
            for i in range(requests):
                eid = ids[i % len(ids)]
                if i % 3 == 0:
                    client.get("/v1/entities", params={"q": eid[:3]})
                else:
                    client.get(f"/v1/entities/{eid}/neighborhood", params={"depth": 1 + i % 2, "limit": 500})
                done += 1
        return idle, vm_hwm_mb(proc.pid), done
    finally:
        stop(proc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--requests", type=int, default=150)
    parser.add_argument("--skip-api", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}; load average {load_average()}")
    if not args.skip_ingest:
        for n in (1, 2):
            r = ingest_peak(args.articles, n)
            print(f"ingest worker, n_process={n}, {r['articles']} articles ({r['claims']} claims) in {r['seconds']:.0f}s: "
                  f"peak RSS {r['rss_peak_mb']:.0f} MB (interpreter {r['rss_start_mb']:.0f} MB, model+gazetteer loaded "
                  f"{r['rss_model_loaded_mb']:.0f} MB)" + (f"; largest spaCy worker {r['children_peak_mb']:.0f} MB" if n > 1 else ""),
                  flush=True)  # fmt: skip
    if not args.skip_api:
        idle, peak, done = api_peak(args.requests)
        print(f"API (uvicorn, 1 worker): {idle:.0f} MB after start, peak {peak:.0f} MB after {done} requests "
              f"(search, 1-/2-hop neighbourhoods, limit 500)")
    print(f"load average at the end {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
