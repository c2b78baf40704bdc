"""The packages stand in the order docs/architecture.md draws: no cycles, no arrow up, exports used.

Every import in drafter/ is read with ast (those inside functions and under TYPE_CHECKING too:
a lazy import is still a dependency). An import of a package's name is resolved through the
package's `_EXPORTS` to the module that defines it, so cycles are found between modules, not
hidden behind an `__init__`.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DRAFTER = REPO / "drafter"
MAP = REPO / "docs" / "architecture.md"


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in DRAFTER.rglob("*.py")}
PACKAGES = {m for m, p in MODULES.items() if p.name == "__init__.py" and m != "drafter"}


def package_of(module: str) -> str:
    """The layer name of a module: its package under drafter, or the top-level module itself."""
    parts = module.split(".")
    if module == "drafter":
        return "drafter"
    return parts[1]


@cache
def exports_of(package: str) -> dict[str, str]:
    """{name: defining module} from a package's `_EXPORTS` literal."""
    tree = ast.parse(MODULES[package].read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "_EXPORTS" for t in node.targets
        ):
            table = ast.literal_eval(node.value)
            return {name: f"{package}.{mod}" for mod, names in table.items() for name in names}
    return {}


def imports(module: str) -> list[tuple[str, str | None, int]]:
    """(imported module, name or None, line) of every drafter import in a module."""
    path = MODULES[module]
    own_package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[tuple[str, str | None, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, None, node.lineno) for a in node.names if a.name.startswith("drafter")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = own_package.split(".")[: len(own_package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.startswith("drafter"):
                out += [(target, a.name, node.lineno) for a in node.names]
    return out


def edges() -> dict[str, set[str]]:
    """Module → the modules it imports, names of a package resolved to their defining module."""
    graph: dict[str, set[str]] = defaultdict(set)
    for module in MODULES:
        for target, name, _ in imports(module):
            if name and f"{target}.{name}" in MODULES:
                graph[module].add(f"{target}.{name}")
            elif name and target in PACKAGES and name in exports_of(target):
                graph[module].add(exports_of(target)[name])
            elif target in MODULES:
                graph[module].add(target)
        graph[module].discard(module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def layers() -> dict[str, int]:
    """{package or top-level module: its line in the ```layers block of docs/architecture.md}."""
    block = re.search(r"```layers\n(.*?)```", MAP.read_text(encoding="utf-8"), re.S)
    assert block, f"{MAP} has no ```layers block"
    return {
        name: floor
        for floor, line in enumerate(block[1].strip().splitlines())
        for name in line.split()
    }


def test_no_import_cycle_between_modules() -> None:
    assert cycles(edges()) == []


def test_no_import_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, targets in edges().items():
        graph[package_of(module)] |= {package_of(t) for t in targets} - {package_of(module)}
    assert cycles(graph) == []


def test_every_package_and_top_module_has_its_place_in_the_map() -> None:
    names = {package_of(m) for m in MODULES}
    placed = layers()
    assert names - placed.keys() == set(), "add them to the layers block of docs/architecture.md"
    assert placed.keys() - names == set(), "the layers block names what drafter does not have"
    top = {m for m in MODULES if m.count(".") == 1 and m not in PACKAGES}
    assert top == {"drafter.cli", "drafter.errors", "drafter.console", "drafter.__main__"}


def test_no_import_reaches_a_higher_layer_or_a_peer() -> None:
    floor = layers()
    wrong = []
    for module, targets in edges().items():
        for target in targets:
            a, b = package_of(module), package_of(target)
            if a != b and floor[b] >= floor[a]:
                wrong.append(f"{module} → {target} ({a} on line {floor[a]}, {b} on line {floor[b]})")
    assert wrong == []


def test_imports_across_packages_go_through_exports() -> None:
    wrong = []
    for module in MODULES:
        mine = package_of(module)
        for target, name, line in imports(module):
            theirs = package_of(target)
            if theirs == mine or target in ("drafter", "drafter.errors", "drafter.console", "drafter.cli"):
                continue
            if theirs == "commands" and module == "drafter.cli":
                continue
            if target not in PACKAGES:
                wrong.append(f"{module}:{line} imports from {target}, a module inside a package")
            elif name is None or name.startswith("_") or name not in exports_of(target):
                wrong.append(f"{module}:{line} imports {name} from {target}, which does not export it")
    assert wrong == []


@pytest.mark.parametrize("package", sorted(PACKAGES - {"drafter.commands"}))
def test_a_package_exports_what_it_lists_and_says_what_it_owns(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__doc__ and len(module.__doc__) > 80
    exported = exports_of(package)
    assert sorted(exported) == sorted(module.__all__)
    for name, home in exported.items():
        assert getattr(module, name) is getattr(importlib.import_module(home), name), name
    with pytest.raises(AttributeError):
        module.not_an_export  # noqa: B018


def test_the_architecture_checks_fail_on_a_cycle_and_an_arrow_up() -> None:
    """The checks themselves: a cycle is found, and the map's order is read as written."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    floor = layers()
    assert floor["files"] < floor["library"] < floor["composing"] < floor["writers"] < floor["cli"]
