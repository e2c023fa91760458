"""The package's import graph, read from the source with `ast` (no module is imported)."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = "factionmap"


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def graph(local: bool = True, type_checking: bool = False) -> nx.DiGraph:
    """module -> the package modules it imports; with `local`, imports inside functions count too.
    Imports under `if TYPE_CHECKING:` never run, so they count only with `type_checking`."""
    mods = modules()
    g = nx.DiGraph()
    g.add_nodes_from(mods)
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test) and not type_checking:
                skip |= {id(n) for n in ast.walk(node)}
            if not local and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                skip |= {id(n) for n in ast.walk(node) if n is not node}
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(name, is_package, node)
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            for target in targets:
                # the deepest package module the name is (a name imported from a module is not a module)
                while target and target not in mods:
                    target = target.rpartition(".")[0]
                if target.startswith(PACKAGE) and target != name:
                    g.add_edge(name, target)
    return g


def _is_ancestor_package(a: str, b: str) -> bool:
    return b.startswith(a + ".")


def cycles(local: bool = True) -> list[list[str]]:
    """Groups of modules that import one another, directly or through others. A package's
    `__init__` importing its own submodules (and they the package's siblings) is not counted."""
    g = graph(local)
    g.remove_edges_from([(a, b) for a, b in list(g.edges) if _is_ancestor_package(a, b) or _is_ancestor_package(b, a)])
    return sorted(sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1)


if __name__ == "__main__":
    for c in cycles():
        print(len(c), c)
