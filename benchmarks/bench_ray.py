"""The Ray engine with 1 and 2 workers against the local engine, in one run.

    flock /tmp/geokg-heavy.lock python benchmarks/bench_ray.py --articles 60

Each engine runs `geokg ingest --dry-run` on the same first N Wikinews
articles (claims JSONL, no database), as a subprocess. Reported: wall seconds,
the driver's CPU seconds, and the machine's busy CPU seconds over the run
(from /proc/stat: every process, Ray's daemons and actors included, and other
users of a shared machine too -- compare it with the load average printed).
The claims of every run are checked byte-identical after sorting. Ray runs
start a local Ray (`--ray-workers` actors); its start-up (~5-10 s) is in the
wall time, as a user pays it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import load_average, machine  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
GEOKG = str(Path(sys.executable).with_name("geokg"))


def busy_cpu_seconds() -> float:
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run(label: str, args: list[str], out: Path) -> dict[str, float]:
    busy, began = busy_cpu_seconds(), time.perf_counter()
    before = os.times()
    result = subprocess.run([GEOKG, "ingest", "--dry-run", "--no-progress", "--out", str(out), *args],
                            capture_output=True, text=True, env={**os.environ, "RAY_USAGE_STATS_ENABLED": "0"})  # fmt: skip
    after = os.times()
    wall = time.perf_counter() - began
    if result.returncode != 0:
        raise SystemExit(f"{label} failed: {result.stderr[-3000:]}")
    return {
        "wall": wall,
        "driver_cpu": (after.children_user - before.children_user) + (after.children_system - before.children_system),
        "machine_cpu": busy_cpu_seconds() - busy,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-ray-"))
    source = work / "input.jsonl"
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[: args.articles]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"# bench_ray: {len(lines)} Wikinews articles; {machine()}; load {load_average()}")
    runs = {
        "local (1 process)": ([str(source)], work / "local.jsonl"),
        "ray, 1 worker": ([str(source), "--engine", "ray", "--ray-workers", "1"], work / "ray1.jsonl"),
        "ray, 2 workers": ([str(source), "--engine", "ray", "--ray-workers", "2"], work / "ray2.jsonl"),
    }
    results = {}
    for label, (cli, out) in runs.items():
        results[label] = run(label, cli, out)
        r = results[label]
        print(f"{label:18s} wall {r['wall']:6.1f} s  {len(lines) / r['wall']:5.2f} articles/s  "
              f"driver CPU {r['driver_cpu']:6.1f} s  machine busy CPU {r['machine_cpu']:6.1f} s")  # fmt: skip
    reference = sorted((work / "local.jsonl").read_text().splitlines())
    for label, (_, out) in runs.items():
        same = sorted(out.read_text().splitlines()) == reference
        print(f"  claims of {label}: {'identical to local' if same else 'DIFFERENT from local'} ({len(reference)} claims)")
    one, two = results["ray, 1 worker"]["wall"], results["ray, 2 workers"]["wall"]
    print(f"2 workers vs 1: {one / two:.2f}x faster (wall); vs local: {results['local (1 process)']['wall'] / two:.2f}x; "
          f"load after: {load_average()}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
