"""The Swedish translation source, read as the translation tests need it."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "barnahus_sv.ts"


def untranslated_in(wanted) -> tuple[int, list[tuple[str, str]]]:
    """(messages checked, (context, source) of those not translated) among the messages that
    come from a file wanted(path) accepts; path is relative to ui/, e.g. "shell/unlock.py"."""
    untranslated, checked, current = [], 0, None
    for ctx in ET.parse(TS).getroot().iter("context"):
        for m in ctx.iter("message"):
            files = set()
            for loc in m.iter("location"):  # lupdate names the file only when it changes
                current = loc.get("filename") or current
                files.add(current.split("/ui/", 1)[-1])
            if not any(wanted(f) for f in files):
                continue
            checked += 1
            t = m.find("translation")
            forms = [f.text or "" for f in t.iter("numerusform")] or [t.text or ""]
            if t.get("type") == "unfinished" or not all(f.strip() for f in forms):
                untranslated.append((ctx.findtext("name"), m.findtext("source")))
    return checked, untranslated


def mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).casefold() if m else None


def shown_mnemonics(panel) -> list[tuple[str, str]]:
    """(letter, text) of every accelerator a key press can reach on the page as it is shown now."""
    out = []
    for w in panel.findChildren(QAbstractButton) + panel.findChildren(QLabel):
        if not w.isVisibleTo(panel) or (isinstance(w, QLabel) and w.buddy() is None):
            continue
        letter = mnemonic(w.text())
        if letter:
            out.append((letter, w.text()))
    for tabs in panel.findChildren(QTabWidget):
        if tabs.isVisibleTo(panel):
            for i in range(tabs.count()):
                letter = mnemonic(tabs.tabText(i))
                if letter:
                    out.append((letter, tabs.tabText(i)))
    return out
