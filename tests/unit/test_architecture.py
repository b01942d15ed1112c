"""The module structure: no import cycles (imports inside functions count), no private names
imported across modules, and the layers point one way (data never imports the UI)."""
from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("data", "components", "webapp")


def _modules() -> dict[str, Path]:
    mods = {"dashboard": ROOT / "dashboard.py"}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            mods[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return mods


MODULES = _modules()


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _own(name: str) -> str | None:
    """The project module ``name`` lives in (None for third-party and stdlib)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def import_edges() -> dict[str, set[str]]:
    """Module -> the project modules it imports, anywhere in its body."""
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(module, path, node)
                subs = {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES}
                # "from package import submodule" loads the submodule; the package is only its parent.
                targets.update(subs)
                if len(subs) < len(node.names):
                    targets.add(base)
        graph[module] = {own for t in targets if (own := _own(t)) and own != module}
    return graph


def test_the_import_graph_finds_the_project_modules():
    graph = import_edges()
    assert "components.views.matrix" in graph and "components.registry" in graph["components.views"]
    assert "data.model" in graph["data.load"]


def test_no_import_cycle_among_project_modules():
    try:
        TopologicalSorter(import_edges()).prepare()
    except CycleError as exc:  # pragma: no cover - the message names the cycle
        pytest.fail(f"Import cycle: {' -> '.join(exc.args[1])}")


def test_the_data_layer_never_imports_the_user_interface():
    bad = {m: sorted(t for t in targets if not t.startswith("data"))
           for m, targets in import_edges().items() if m.startswith("data")}
    assert {m: t for m, t in bad.items() if t} == {}


def test_no_view_imports_another_view():
    views = {m for m in MODULES if m.startswith("components.views.")}
    graph = import_edges()
    assert {m: sorted(graph[m] & views) for m in views if graph[m] & views} == {}


def test_no_private_name_is_imported_across_modules():
    found = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                found += [f"{module}: {a.name} from {node.module}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
            elif (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                  and isinstance(node.value, ast.Name) and node.value.id in _imported_modules(path)):
                found.append(f"{module}: {node.value.id}.{node.attr}")
    assert found == []


def _imported_modules(path: Path) -> set[str]:
    """Names bound to project modules by ``import x`` / ``from pkg import module`` in ``path``."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names if _own(a.name))
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.update(a.asname or a.name for a in node.names if f"{node.module}.{a.name}" in MODULES)
    return names
