"""The Swedish translation source, read as the translation tests need it."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

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
