#!/usr/bin/env python3
"""Rewrites imports of ui modules for the feature packages of issue 10 (ui/common, ui/shell,
ui/cases, ...). Idempotent: run it over any branch that still imports the old flat ui modules.

    python tools/ui_moves.py [FILE_OR_DIR ...]     # default: ui tests tools bench main.py

Only lines that import a ui module (and the few strings that name one) change; `barnahus_app`
imports are left as they are.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MOVES = {
    "feedback": "ui.common.feedback",
    "field_widgets": "ui.common.field_widgets",
    "vocab_widgets": "ui.common.vocab_widgets",
    "icons": "ui.common.icons",
    "tasks": "ui.common.tasks",
    "prefs": "ui.common.prefs",
    "app": "ui.shell.app",
    "main_window": "ui.shell.main_window",
    "unlock": "ui.shell.unlock",
    "first_run": "ui.shell.first_run",
    "locking": "ui.shell.locking",
    "case_list": "ui.cases.case_list",
    "case_workspace": "ui.cases.workspace",
    "interviews_panel": "ui.interviews.panel",
    "interview_dialog": "ui.interviews.plan_dialog",
    "conflict_dialog": "ui.interviews.conflict_dialog",
    "calendar_view": "ui.calendar.panel",
    "today": "ui.today.panel",
    "documents_panel": "ui.documents.panel",
    "verify_dialog": "ui.documents.verify_dialog",
    "admin_panel": "ui.admin.panel",
}
_names = "|".join(sorted(MOVES, key=len, reverse=True))


def _package(full: str) -> str:
    return full.rsplit(".", 1)[0]


def rewrite(text: str) -> str:
    # from .x import a / from ui.x import a  ->  from ui.pkg.mod import a
    text = re.sub(rf"^(\s*)from (?:\.|ui\.)({_names}) import ",
                  lambda m: f"{m.group(1)}from {MOVES[m.group(2)]} import ", text, flags=re.M)
    # from . import x / from ui import x  ->  from ui.pkg import x
    def one(m):
        name, rest = m.group(2), m.group(3)
        if name not in MOVES:
            return m.group(0)
        return f"{m.group(1)}from {_package(MOVES[name])} import {name}{rest}"
    text = re.sub(r"^(\s*)from (?:\.|ui) import (\w+)(.*)$", one, text, flags=re.M)
    # import ui.x as y
    text = re.sub(rf"^(\s*)import ui\.({_names})\b",
                  lambda m: f"{m.group(1)}import {MOVES[m.group(2)]}", text, flags=re.M)
    # "ui.x" / "ui.x.Attr" in strings (monkeypatch targets, ModuleNotFoundError names)
    text = re.sub(rf"([\"'])ui\.({_names})([.\"'])",
                  lambda m: f"{m.group(1)}{MOVES[m.group(2)]}{m.group(3)}", text)
    return text


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or [ROOT / p for p in ("ui", "tests", "tools", "bench", "main.py")]
    for target in targets:
        files = [target] if target.is_file() else sorted(target.rglob("*.py"))
        for f in files:
            if f.resolve() == Path(__file__).resolve():
                continue
            old = f.read_text(encoding="utf-8")
            new = rewrite(old)
            if new != old:
                f.write_text(new, encoding="utf-8")
                print(f"rewrote {f.relative_to(ROOT) if f.is_absolute() else f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
