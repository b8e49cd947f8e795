"""A real two-node Ray cluster on 127.0.0.1 (a head and a worker node, one CPU
each), started with `ray start` and ended by the process ids of its own
daemons (found by its private temp dir), never with a machine-wide `ray stop`."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

RAY = str(Path(sys.executable).with_name("ray"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Cluster:
    address: str
    temp_dir: str


def _pids_of(marker: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def actor_pids(class_name: str = "ExtractActor") -> list[int]:
    """The worker processes running our extraction actors (Ray renames them
    `ray::MapWorker(MapBatches(ExtractActor))`)."""
    return [pid for pid in _pids_of(class_name) if "ray::" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")]


def _ray(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run([RAY, *args], env=env, capture_output=True, text=True, timeout=180)
    if result.returncode != 0:
        raise RuntimeError(f"ray {' '.join(args)} failed: {result.stdout[-2000:]}{result.stderr[-2000:]}")


@contextmanager
def two_node_cluster() -> Iterator[Cluster]:
    # Short: Ray's unix sockets live under it (108-byte path limit).
    temp_dir = tempfile.mkdtemp(prefix="rt", dir="/tmp")
    port = free_port()
    # Its own token (token auth is on by default in Ray 2.5x+): set in this
    # process's environment too, so the drivers the test starts can join.
    saved = {k: os.environ.get(k) for k in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN")}
    os.environ.update(RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32))
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    common = ["--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--disable-usage-stats",
              "--object-store-memory", str(200 * 1024 * 1024)]  # fmt: skip
    try:
        _ray("start", "--head", "--port", str(port), "--temp-dir", temp_dir, "--include-dashboard=false",
             "--dashboard-agent-listen-port", str(free_port()),
             *common, env=env)  # fmt: skip
        address = f"127.0.0.1:{port}"
        _ray("start", "--address", address, "--dashboard-agent-listen-port", str(free_port()), *common, env=env)
        yield Cluster(address, temp_dir)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        for sig in (signal.SIGTERM, signal.SIGKILL):
            pids = _pids_of(temp_dir)
            for pid in pids:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + 15
            while _pids_of(temp_dir) and time.monotonic() < deadline:
                time.sleep(0.3)
