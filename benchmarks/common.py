"""Helpers shared by the benchmarks: paths, percentiles, timing, machine facts.

Benchmarks run on a shared, busy machine, so they compare variants within one
run (interleaved rounds, medians) and print the load average next to figures.
"""

from __future__ import annotations

import os
import platform
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
WIKINEWS = SHARED / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"

if TYPE_CHECKING:
    from neo4j import Driver

    from graph.settings import Neo4jSettings

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(p / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.1f}/{five:.1f}/{fifteen:.1f} (1/5/15 min) on {os.cpu_count()} CPUs"


def machine() -> str:
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    return f"{platform.machine()} {os.cpu_count()} CPUs, {mem_gb:.0f} GB RAM, Python {platform.python_version()}"


def maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_api(port: int, env: dict[str, str] | None = None, workers: int = 1) -> subprocess.Popen[bytes]:
    """The API in a uvicorn subprocess on loopback (the factory `geokg serve` runs)."""
    cmd = [
        sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
        "--workers", str(workers),
    ]  # fmt: skip
    return subprocess.Popen(cmd, cwd=REPO, env=env or os.environ.copy())


def wait_healthy(base: str, proc: subprocess.Popen[bytes], timeout_s: float = 90.0) -> dict:
    import httpx

    deadline = time.monotonic() + timeout_s
    last = ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"uvicorn exited with {proc.returncode} before answering")
        try:
            r = httpx.get(f"{base}/health", timeout=5)
            if r.status_code == 200:
                return r.json()
            last = r.text
        except httpx.HTTPError as e:
            last = str(e)
        time.sleep(0.5)
    raise SystemExit(f"the API did not become healthy in {timeout_s:.0f}s: {last}")


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM, wait_s: float = 20.0) -> None:
    """Send `sig` (an ingest takes SIGINT to end cleanly), then kill after `wait_s`."""
    if proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=wait_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a running process has used so far (Linux
    /proc). With the machine shared, CPU seconds are a steadier measure of the
    work done than wall time."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def neo4j_pid() -> int | None:
    """The local Neo4j server's pid from NEO4J_HOME/run/neo4j.pid, if there is one."""
    from graph.settings import Neo4jSettings

    home = Neo4jSettings().home
    try:
        pid = int((Path(home) / "run" / "neo4j.pid").read_text().split()[0])
        Path(f"/proc/{pid}/stat").read_text()
        return pid
    except (OSError, ValueError, IndexError):
        return None


def connect_to_neo4j() -> tuple["Driver", "Neo4jSettings"]:
    """A verified driver for the NEO4J_* settings, and the settings, with the
    schema ensured: what every benchmark that writes starts from."""
    from graph.driver import create_driver, verify
    from graph.schema import ensure_schema
    from graph.settings import Neo4jSettings

    settings = Neo4jSettings()
    driver = create_driver(settings)
    verify(driver, settings)
    ensure_schema(driver, settings.database)
    return driver, settings


def wipe(driver: "Driver", database: str) -> None:
    """Empty the database in batches (the benchmarks that load ask --yes first)."""
    with driver.session(database=database) as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
