"""`geokg ingest --engine ray` on a real two-node Ray cluster (head + worker
node, one CPU each, started here): into the real Neo4j it builds the graph the
local engine builds, with the same report; with one extraction actor killed
mid-run, no article is lost or doubled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bulk_support import dump
from ray_support import actor_pids, two_node_cluster

from graph.loader import Loader
from graph.bulk.records import RecordWriter
from ingest.pipeline import run

pytestmark = pytest.mark.neo4j

GEOKG = str(Path(sys.executable).with_name("geokg"))
# Report fields that depend on time or on where the output went.
_TIMING = {"seconds", "articles_per_second", "sink"}


@pytest.fixture(scope="module")
def cluster():
    with two_node_cluster() as c:
        yield c


@pytest.fixture(scope="module")
def inputs(shared_dir, tmp_path_factory) -> list[str]:
    """24 Wikinews articles with bad input: a malformed line, a duplicate file, a missing path."""
    lines = (shared_dir / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl").read_text(encoding="utf-8").splitlines()
    d = tmp_path_factory.mktemp("ray-inputs")
    (d / "a.jsonl").write_text("\n".join(lines[:12]) + "\nnot json\n", encoding="utf-8")
    (d / "b.jsonl").write_text("\n".join(lines[12:24] + lines[:2]) + "\n", encoding="utf-8")
    return [str(d / "a.jsonl"), str(d / "b.jsonl"), str(d / "missing.jsonl")]


def _geokg(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    return subprocess.Popen([GEOKG, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def _comparable(report: dict) -> dict:
    return {k: v for k, v in report.items() if k not in _TIMING}


def test_ingest_on_a_two_node_cluster_equals_the_local_engine(
    cluster, inputs, session_extractor, neo4j_driver, clean_db, tmp_path
):
    import ray

    local = run(inputs, session_extractor, Loader(neo4j_driver, database=clean_db), batch_size=8)
    local_graph = dump(neo4j_driver, clean_db)
    assert local.articles_loaded == 24 and local.claims > 0

    with neo4j_driver.session(database=clean_db) as s:
        s.run("MATCH (n) DETACH DELETE n").consume()
    report_path = tmp_path / "ray-report.json"
    proc = _geokg("ingest", *inputs, "--engine", "ray", "--ray-address", cluster.address, "--ray-workers", "2",
                  "--batch-size", "8", "--report-json", str(report_path))  # fmt: skip
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-3000:]
    assert _comparable(json.loads(report_path.read_text())) == _comparable(local.to_dict())
    assert dump(neo4j_driver, clean_db) == local_graph
    assert "articles/s" in err  # progress across the cluster

    # Two nodes of one CPU each, and two actors of 0.9 CPU: one extracted on each node.
    ray.init(address=cluster.address, logging_level="error", log_to_driver=False)
    try:
        assert len([n for n in ray.nodes() if n["Alive"]]) == 2
        assert ray.cluster_resources()["CPU"] == 2
    finally:
        ray.shutdown()


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(cluster, inputs, session_extractor, tmp_path):
    # Article records: a line per article as soon as its batch is loaded.
    local_out = tmp_path / "local.jsonl"
    with RecordWriter(local_out) as writer:
        local = run(inputs, session_extractor, writer, batch_size=4)

    ray_out = tmp_path / "ray.jsonl"
    report_path = tmp_path / "ray-report.json"
    proc = _geokg("ingest", *inputs, "--engine", "ray", "--ray-address", cluster.address, "--ray-workers", "2",
                  "--batch-size", "4", "--dry-run", "--out-format", "records", "--out", str(ray_out), "--report-json", str(report_path))  # fmt: skip
    killed = None
    deadline = time.monotonic() + 300
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        # An actor in the middle of a batch (Ray titles it `...ExtractActor)).submit`):
        # its batch must be redone elsewhere or after its restart.
        busy = [pid for pid in actor_pids() if _cmdline(pid).rstrip("\0 ").endswith(".submit")]
        if busy:
            killed = busy[0]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.1)
    out, err = proc.communicate(timeout=600)
    assert killed is not None, f"the run ended before an actor could be killed: {err[-3000:]}"
    assert proc.returncode == 0, err[-3000:]
    assert sorted(ray_out.read_text().splitlines()) == sorted(local_out.read_text().splitlines())
    assert len(ray_out.read_text().splitlines()) == 24
    assert _comparable(json.loads(report_path.read_text())) == _comparable(local.to_dict())
