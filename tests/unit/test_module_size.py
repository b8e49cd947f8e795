"""Modules stay small enough to read in one sitting: over MAX_LINES lines, a
module says at its top why it is long (a line starting "Long because")."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 500
REASON = "Long because"
HEAD_LINES = 30  # the reason belongs in the module docstring, near the top


def long_modules_without_reason(root: Path) -> list[str]:
    out: list[str] = []
    for package in ("api", "graph", "ingest"):
        for path in sorted((root / package).rglob("*.py")):
            lines = path.read_text(encoding="utf-8").splitlines()
            if len(lines) > MAX_LINES and not any(REASON in line for line in lines[:HEAD_LINES]):
                out.append(f"{path.relative_to(root)}: {len(lines)} lines")
    return out


def test_no_long_module_without_a_reason() -> None:
    long = long_modules_without_reason(REPO_ROOT)
    assert not long, (
        f"modules over {MAX_LINES} lines: split them, or say at the top why not ('{REASON} ...'):\n" + "\n".join(long)
    )


def test_the_check_finds_a_long_module(tmp_path: Path) -> None:
    (tmp_path / "graph").mkdir()
    (tmp_path / "graph" / "big.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "graph" / "explained.py").write_text(
        f'"""{REASON} it is one table."""\n' + "x = 1\n" * (MAX_LINES + 1), encoding="utf-8"
    )
    assert long_modules_without_reason(tmp_path) == [f"graph/big.py: {MAX_LINES + 1} lines"]
