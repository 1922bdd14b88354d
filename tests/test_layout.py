"""Issue 8, point 9: the hand-written runtime (``cognito_typed._runtime``) stands apart from the generated
modules, with no import cycle among its modules at import time."""

from __future__ import annotations

import ast
from pathlib import Path

import cognito_typed._runtime

RUNTIME = Path(cognito_typed._runtime.__file__).parent
PACKAGE = "cognito_typed"


def top_level_imports(path: Path) -> set[str]:
    """The ``cognito_typed`` modules a module imports when it is imported (not in functions, not under
    ``if TYPE_CHECKING``)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == f"{PACKAGE}._runtime":  # from cognito_typed._runtime import validation
                found |= {f"{node.module}.{alias.name}" for alias in node.names}
            elif node.module.startswith(PACKAGE):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith(PACKAGE)}
    return found


def graph() -> dict[str, set[str]]:
    return {
        f"{PACKAGE}._runtime.{path.stem}": top_level_imports(path)
        for path in sorted(RUNTIME.glob("*.py"))
        if path.stem != "__init__"
    }


def test_the_runtime_imports_no_generated_module() -> None:
    for module, imports in graph().items():
        outside = {m for m in imports if not m.startswith(f"{PACKAGE}._runtime")}
        assert not outside, f"{module} imports {sorted(outside)} at import time"


def test_the_runtime_modules_import_each_other_without_a_cycle() -> None:
    edges = graph()
    assert len(edges) >= 8 and any(edges.values())  # (the graph read is the real one)
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "import cycle: " + " -> ".join((*path, module))
        if module in done:
            return
        for imported in edges.get(module, ()):
            visit(imported, (*path, module))
        done.add(module)

    for module in edges:
        visit(module, ())
