"""The layers: `api` and `ingest` use `graph`; `graph` uses neither; `ingest`
does not use `api`; and no two modules import each other at import time.

Imports inside functions count for the direction (a lazy upward import is
still an upward dependency) but not for cycles (they run after both modules
are loaded). `if TYPE_CHECKING:` imports count for neither.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("api", "graph", "ingest")
FORBIDDEN = {"graph": {"api", "ingest"}, "ingest": {"api"}, "api": set()}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.Module, module: str, is_package: bool) -> tuple[set[str], set[str]]:
    """(every imported module, those imported at module level), TYPE_CHECKING blocks left out."""
    everywhere: set[str] = set()
    top_level: set[str] = set()

    def visit(node: ast.AST, at_top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit_stmt(sub, at_top)
                continue
            visit_stmt(child, at_top)

    def visit_stmt(child: ast.AST, at_top: bool) -> None:
        names: list[str] = []
        if isinstance(child, ast.Import):
            names = [a.name for a in child.names]
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - child.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base] + [f"{base}.{a.name}" for a in child.names]
        for name in names:
            everywhere.add(name)
            if at_top:
                top_level.add(name)
        inner_top = at_top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        visit(child, inner_top)

    visit(tree, True)
    return everywhere, top_level


def _project_modules() -> dict[str, tuple[set[str], set[str]]]:
    modules: dict[str, tuple[set[str], set[str]]] = {}
    for package in PACKAGES:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            name = _module_name(path)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            modules[name] = _imports(tree, name, path.name == "__init__.py")
    return modules


MODULES = _project_modules()


def _resolve(name: str) -> str | None:
    """The project module an imported name refers to (a `from m import f` names m.f: walk up to m)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_run_one_way(package: str) -> None:
    wrong = sorted(
        f"{module} imports {name}"
        for module, (everywhere, _) in MODULES.items()
        if module.split(".")[0] == package
        for name in everywhere
        if name.split(".")[0] in FORBIDDEN[package]
    )
    assert not wrong, f"{package} must not import {sorted(FORBIDDEN[package])}:\n" + "\n".join(wrong)


def test_no_import_cycles_at_import_time() -> None:
    graph = {
        module: {
            target
            for name in top_level
            if (target := _resolve(name)) is not None and target != module and not module.startswith(target + ".")
        }
        for module, (_, top_level) in MODULES.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_check_sees_an_upward_import() -> None:
    """Guard against a checker that finds nothing: parse a synthetic module that imports upward."""
    tree = ast.parse("import os\nfrom api.app import create_app\ndef f():\n    from ingest import pipeline\n")
    everywhere, top_level = _imports(tree, "graph.example", False)
    assert "api.app" in top_level and "ingest.pipeline" in everywhere and "ingest.pipeline" not in top_level
