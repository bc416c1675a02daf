"""The core (barnahus_app) runs without Qt: the CLI and headless tools import it on machines with no
display, and the desktop app (ui/) is only one front end over it."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "barnahus_app"
QT_PREFIXES = ("PySide6", "shiboken6")

# Imports every module of barnahus_app (env.py runs only inside a migration, so a record is made,
# which runs it and every migration), then prints what it imported. With --with-qt it imports Qt
# as well, to show that the check sees it.
PROBE = r"""
import importlib, json, pkgutil, sys, tempfile
from pathlib import Path
if "--with-qt" in sys.argv:
    import PySide6.QtCore  # noqa: F401
import barnahus_app
names = []
for info in pkgutil.walk_packages(barnahus_app.__path__, "barnahus_app."):
    if info.name == "barnahus_app.record.migrations.env":
        continue
    importlib.import_module(info.name)
    names.append(info.name)
from barnahus_app.api import KdfParams, create_record, open_record
with tempfile.TemporaryDirectory() as d:
    path = Path(d) / "record.barnahus"
    kdf = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
    create_record(path, "admin", "admin-password-1", kdf=kdf)
    with open_record(path, "admin", "admin-password-1", kdf=kdf) as s:
        s.check()
print(json.dumps({"imported": names, "modules": sorted(sys.modules)}))
"""


def run_probe(*args) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def qt_modules(modules) -> list[str]:
    return [m for m in modules if m.split(".")[0] in QT_PREFIXES]


def test_importing_and_using_the_whole_core_loads_no_qt():
    result = run_probe()
    expected = {"barnahus_app." + ".".join(p.relative_to(CORE).with_suffix("").parts)
                for p in CORE.rglob("*.py") if p.name != "__init__.py"} - {"barnahus_app.record.migrations.env"}
    assert expected <= set(result["imported"]), expected - set(result["imported"])
    assert {"barnahus_app.session", "barnahus_app.lifecycle", "barnahus_app.api"} <= set(result["imported"])
    assert qt_modules(result["modules"]) == []


def test_the_probe_would_see_qt():
    pytest.importorskip("PySide6.QtCore")
    assert "PySide6.QtCore" in qt_modules(run_probe("--with-qt")["modules"])


def qt_imports_in(source: str, filename: str = "<source>") -> list[str]:
    """Qt modules a Python source imports: import statements, and import_module/__import__ calls
    with a literal name."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            fn = node.func
            fname = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
            if fname in ("import_module", "__import__"):
                names = [node.args[0].value]
        found += [n for n in names if n.split(".")[0] in QT_PREFIXES]
    return found


def test_no_core_file_imports_qt():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10
    offenders = {str(p.relative_to(ROOT)): qt_imports_in(p.read_text("utf-8"), str(p)) for p in files}
    assert {f: q for f, q in offenders.items() if q} == {}
    # Templates the migrations are made from, too.
    for mako in CORE.rglob("*.mako"):
        assert not any(q in mako.read_text("utf-8") for q in QT_PREFIXES), mako


def test_the_import_scan_finds_qt_imports():
    sample = ("import os\nimport PySide6.QtWidgets\nfrom shiboken6 import isValid\n"
              "def f():\n    from PySide6 import QtCore\n    return importlib.import_module('PySide6.QtGui')\n"
              "from .ui import PySide6ish\n")
    assert qt_imports_in(sample) == ["PySide6.QtWidgets", "shiboken6", "PySide6", "PySide6.QtGui"]
