"""`geokg ingest --engine`: the options are checked before anything starts, and
the local engine never imports Ray (an optional extra)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from api.cli import app


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "unknown --engine 'spark'"),
        (["--ray-address", "127.0.0.1:6379"], "--ray-address and --ray-workers are for --engine ray"),
        (["--dry-run", "--out", "x.parquet"], "Parquet files hold article records: add --out-format records"),
        (["--dry-run", "--out", "x.jsonl", "--out-format", "csv"], "unknown --out-format 'csv'"),
    ],
)
def test_bad_engine_options_are_refused_with_the_fix(args, message, tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in.txt"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_the_local_engine_does_not_import_ray(tmp_path):
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from api.cli import app\n"
        f"r = CliRunner().invoke(app, ['ingest', '--dry-run', '--out', {str(tmp_path / 'c.jsonl')!r}, "
        f"'--no-progress', {str(tmp_path / 'missing.txt')!r}])\n"
        "assert r.exit_code == 1, r.output\n"
        "print(sorted(m for m in ('ray', 'pyarrow') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
