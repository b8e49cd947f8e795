"""`geokg serve --workers 2`: two processes answer on 127.0.0.1, each with its
own driver to the real Neo4j. The worker header names the answering process,
so the test sees both answer (and that they are the server's children)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.neo4j

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _parent(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])


def test_two_workers_both_answer(neo4j_driver) -> None:  # neo4j_driver: the server is up
    port = _free_port()
    env = {**os.environ, "GEOKG_API_WORKER_HEADER": "true", "GEOKG_API_HOST": "127.0.0.1"}
    server = subprocess.Popen(
        [sys.executable, "-c", "from api.cli import app; app()", "serve", "--workers", "2", "--port", str(port), "--log-level", "warning"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    pids: set[str] = set()
    try:
        deadline = time.monotonic() + 90
        while len(pids) < 2 and time.monotonic() < deadline:
            assert server.poll() is None, server.stdout.read().decode() if server.stdout else "serve exited"
            try:
                # A new connection per request: the kernel hands each to a worker.
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=10)
            except httpx.TransportError:
                time.sleep(0.3)
                continue
            assert response.status_code == 200, response.text
            assert response.json()["status"] == "ok"
            pids.add(response.headers["x-geokg-worker"])
        assert len(pids) == 2, f"only workers {pids} answered"
        assert all(_parent(int(pid)) == server.pid for pid in pids)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
