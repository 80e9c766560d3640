"""The extractor's modules import in one direction: no circles, and the figure steps only import earlier steps."""

from __future__ import annotations

import ast
from pathlib import Path

from extractor.figures import STEPS

ROOT = Path(__file__).resolve().parent.parent
EXTRACTOR = ROOT / "extractor"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every ``extractor`` module ``path`` imports, at any depth of the file (function bodies included)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extractor"):
            for alias in node.names:  # "from extractor import components" names a module
                sub = f"{node.module}.{alias.name}"
                out.add(sub if (EXTRACTOR.parent / (sub.replace(".", "/") + ".py")).exists() else node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("extractor"))
    return out


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in EXTRACTOR.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_no_import_circles_in_the_extractor() -> None:
    graph = _graph()
    # A package's __init__ re-exports its last step; the steps never import the package itself.
    graph = {k: {m for m in v if not (m == "extractor.figures" and k.startswith("extractor.figures."))} for k, v in graph.items()}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_every_figure_step_is_listed_once() -> None:
    files = {p.stem for p in (EXTRACTOR / "figures").glob("*.py") if p.stem != "__init__"}
    assert sorted(files) == sorted(STEPS) and len(set(STEPS)) == len(STEPS)


def test_figure_steps_import_only_earlier_steps() -> None:
    late = []
    for n, step in enumerate(STEPS):
        imported = _imports(EXTRACTOR / "figures" / f"{step}.py")
        for name in imported:
            if name == "extractor.figures" or (name.startswith("extractor.figures.") and name.rsplit(".", 1)[1] not in STEPS[:n]):
                late.append(f"{step} imports {name}")
            elif not name.startswith("extractor.figures") and name.rsplit(".", 1)[1] in {"pipeline", "components", "extract", "evaluate"}:
                late.append(f"{step} imports {name}, which runs the steps")
    assert not late, late


def test_the_checker_sees_a_circle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
