"""The layout stays one a newcomer can follow: no import circles, small modules, simple functions.

Imports are read from the source (ast), lazy ones inside functions included,
and the command table's module names count as imports of ``newslint.commands``.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from newslint.commands import COMMANDS

PACKAGE = Path(__file__).resolve().parents[1] / "lint" / "newslint"
MAX_LINES = 400
# Modules over the limit not yet split; each must leave this list when it is.
TOO_LONG_FOR_NOW: set[str] = set()
# Functions at grade D (21-30) not yet split; each must leave this list when it is.
GRADE_D_FOR_NOW: set[str] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """The newslint modules ``name`` imports anywhere in its source."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _run_time_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    if name == "newslint.commands":
        found.update(COMMANDS.values())  # imported by name, on demand
    return {m for m in found if m in MODULES and m != name}


def _run_time_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node, leaving out ``if TYPE_CHECKING:`` blocks, which never run."""
    nodes: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return nodes


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the newslint modules it imports (``import a.b.c`` counts as a.b.c only)."""
    return {name: imports_of(name) for name in MODULES}


def test_the_cycle_finder_finds_a_lazy_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_lazy_imports_are_read() -> None:
    """cli imports the chosen command inside a function; the graph sees it."""
    graph = import_graph()
    assert "newslint.commands" in graph["newslint.cli"]
    assert "newslint.commands.lint" in graph["newslint.commands"]
    assert "newslint.commands.lint" in graph["newslint.lsp"]


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_every_command_module_has_a_main() -> None:
    for name, module in COMMANDS.items():
        assert module in MODULES, name
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        defined = {
            getattr(node, "name", None) for node in tree.body if isinstance(node, ast.FunctionDef)
        }
        reexported = any(
            isinstance(node, ast.ImportFrom) and any(a.name == "main" for a in node.names)
            for node in tree.body
        )
        assert "main" in defined or reexported, f"{module} has no main()"


@pytest.mark.parametrize("name", sorted(MODULES), ids=str)
def test_no_module_over_400_lines(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    if name.removeprefix("newslint.") in TOO_LONG_FOR_NOW:
        pytest.skip(f"{name} ({lines} lines) is being split on its own branch")
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_no_function_above_radon_grade_c() -> None:
    from radon.complexity import cc_rank, cc_visit

    worse = []
    for name, path in MODULES.items():
        for block in cc_visit(path.read_text(encoding="utf-8")):
            where = f"{name}.{block.name}"
            if cc_rank(block.complexity) > "C" and where not in GRADE_D_FOR_NOW:
                worse.append(f"{where}: {block.complexity}")
    assert worse == []


# ``# type: ignore[code]`` followed on the same line by a comment saying why.
_IGNORE = re.compile(r"#\s*type:\s*ignore\b(?P<codes>\[[^\]]*\])?(?P<rest>.*)")
_REASON = re.compile(r"\s*#\s*\w")


def unexplained_ignores(source: str) -> list[int]:
    """Lines whose ``type: ignore`` names no error code or gives no reason."""
    lines = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        match = _IGNORE.search(token.string) if token.type == tokenize.COMMENT else None
        if match and not (match["codes"] and _REASON.match(match["rest"])):
            lines.append(token.start[0])
    return lines


@pytest.mark.parametrize(
    ("line", "unexplained"),
    [
        ("x = f()  # type: ignore\n", True),
        ("x = f()  # type: ignore[arg-type]\n", True),
        ("x = f()  # type: ignore  # the library is untyped\n", True),
        ("x = f()  # type: ignore[arg-type]  # upstream types it Literal[300]\n", False),
        ("x = f()  #type:ignore[misc]#why: a seam\n", False),
        ("x = '# type: ignore'  # a string, not a comment\n", False),
        ("x = f()  # an ordinary comment\n", False),
    ],
)
def test_the_ignore_finder(line: str, unexplained: bool) -> None:
    assert unexplained_ignores(line) == ([1] if unexplained else [])


def test_every_type_ignore_names_its_error_and_says_why() -> None:
    found = [
        f"{name}:{line}"
        for name, path in MODULES.items()
        for line in unexplained_ignores(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_architecture_document_names_every_package_and_top_level_module() -> None:
    """docs/ARCHITECTURE.md stays true to the code: a new module gets its line."""
    text = (PACKAGE.parents[1] / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    unnamed = []
    for name, path in MODULES.items():
        parts = name.split(".")
        if len(parts) == 2 and path.name != "__init__.py":
            named = f"`{path.name}`" in text
        elif len(parts) == 2:
            named = f"`{parts[1]}/`" in text  # a package
        else:
            continue  # a package's modules are listed in its own line
        if not named:
            unnamed.append(name)
    assert unnamed == []
