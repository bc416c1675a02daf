"""The code's shape (docs/architecture.md): no import cycle inside barnahus_app or ui, no feature
calling another feature's private method through `self`, and no Qt in the core. Reads the source
only."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "barnahus_app"
UI = ROOT / "ui"


def module_name(path: Path, core: Path = CORE) -> str:
    parts = (core.name,) + path.relative_to(core).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def core_modules(core: Path = CORE) -> dict[str, Path]:
    """The modules of a package folder (the core's unless told), by dotted name."""
    return {module_name(p, core): p for p in core.rglob("*.py")}


def imported_modules(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """The core modules `path` imports anywhere in it (inside functions too), relative imports
    resolved. `from package import name` counts as importing package.name when that is a module.
    A package's __init__ is not counted: here they hold only a docstring."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in modules:
                t = t.rpartition(".")[0]
            if t and t != name and modules[t].name != "__init__.py":
                found.add(t)
    return found


def import_cycles(modules: dict[str, Path]) -> list[list[str]]:
    """Each group of modules that import one another in a circle (Tarjan's strongly connected
    components with more than one member, or a module importing itself)."""
    edges = {m: imported_modules(p, m, modules) for m, p in modules.items()}
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_the_core_has_no_import_cycle():
    assert import_cycles(core_modules()) == []


def test_the_ui_has_no_import_cycle():
    """Features take what they share from ui/common, never from the shell or from each other in
    a circle."""
    assert import_cycles(core_modules(UI)) == []


def test_the_cycle_check_sees_a_cycle_through_an_import_inside_a_function(tmp_path):
    pkg = tmp_path / "barnahus_app"
    (pkg / "cases").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "cases" / "__init__.py").write_text("")
    (pkg / "session.py").write_text("from barnahus_app.cases.actions import CaseActions\n")
    (pkg / "cases" / "actions.py").write_text("def f():\n    from ..session import Session\n")
    assert import_cycles(core_modules(pkg)) == [["barnahus_app.cases.actions", "barnahus_app.session"]]


# --- features call only their own private methods and SessionBase's ----------------------------

def feature_packages(core: Path = CORE) -> list[Path]:
    return sorted(p.parent for p in core.glob("*/__init__.py"))


def private_methods(paths) -> set[str]:
    return {f.name for p in paths for c in ast.walk(ast.parse(p.read_text("utf-8")))
            if isinstance(c, ast.ClassDef) for f in c.body
            if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name.startswith("_")}


def session_base_members(core: Path = CORE) -> set[str]:
    tree = ast.parse((core / "session_base.py").read_text("utf-8"))
    base = next(c for c in tree.body if isinstance(c, ast.ClassDef) and c.name == "SessionBase")
    return ({f.name for f in base.body if isinstance(f, ast.FunctionDef)}
            | {a.target.id for a in base.body if isinstance(a, ast.AnnAssign)})


def foreign_private_calls(core: Path = CORE) -> list[str]:
    """`self._x(...)` in a feature package where _x is a private method of another feature
    package and neither its own nor SessionBase's. (Private methods of other libraries' base
    classes, such as reportlab's canvas, are not the core's business.)"""
    shared = session_base_members(core)
    defined = {pkg: private_methods(sorted(pkg.rglob("*.py"))) for pkg in feature_packages(core)}
    out = []
    for pkg, own in defined.items():
        foreign = set().union(*(d for p, d in defined.items() if p != pkg)) - own - shared
        for path in sorted(pkg.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "self"
                        and node.func.attr in foreign):
                    out.append(f"{path.relative_to(core)}:{node.lineno} self.{node.func.attr}")
    return out


def test_no_feature_calls_another_features_private_method_through_self():
    assert foreign_private_calls() == []


def test_session_base_declares_what_the_features_share():
    assert {"record", "user_id", "username", "roles", "_authorize", "_audit", "can",
            "_person_changed"} <= session_base_members()


def test_the_private_call_check_sees_a_call_into_another_feature(tmp_path):
    core = tmp_path / "barnahus_app"
    for pkg, source in {
        "cases": "class CaseActions:\n    def _case_view(self):\n        pass\n",
        "documents": "class IssuingActions:\n    def issue(self):\n        self._case_view()\n"
                     "        self._audit()\n        self._own()\n\n    def _own(self):\n        pass\n",
    }.items():
        (core / pkg).mkdir(parents=True)
        (core / pkg / "__init__.py").write_text("")
        (core / pkg / "actions.py").write_text(source)
    (core / "session_base.py").write_text("class SessionBase:\n    def _audit(self):\n        pass\n")
    assert foreign_private_calls(core) == ["documents/actions.py:3 self._case_view"]


# --- no Qt in the core (tests/core/test_no_qt_in_core.py imports all of it and checks at run time)

def test_no_core_module_imports_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(path.relative_to(CORE)))
    assert offenders == []
