"""Canary searches: a planted secret must appear in no file the application writes. Shared by
the GUI canary (tests/gui/test_canary.py) and the medical and therapy canaries
(tests/core/test_*_canary.py)."""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path


def needles(secrets) -> list[tuple[str, bytes]]:
    """Every secret in NFC and NFD, UTF-8 and UTF-16 (both byte orders), lower-cased: (label, bytes)."""
    out = []
    for s in secrets:
        for form in ("NFC", "NFD"):
            text = unicodedata.normalize(form, s)
            for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                out.append((f"{s!r} {form} {enc}", text.encode(enc).lower()))
    return out


def files_under(root: Path, since: float | None = None, skip: Path | None = None):
    for dirpath, _dirs, names in os.walk(root):
        if skip is not None and (Path(dirpath) == skip or skip in Path(dirpath).parents):
            continue
        for n in names:
            p = Path(dirpath) / n
            try:
                if not p.is_file() or p.is_symlink():
                    continue
                if since is not None and p.stat().st_mtime < since:
                    continue
            except OSError:
                continue
            yield p


def search_files(roots, secrets, skip: Path | None = None) -> tuple[list[str], set[Path]]:
    """(["<file>: <needle>" for every secret found], every file read) under roots, a list of
    (folder, only files modified since this time or None)."""
    seen: set[Path] = set()
    found = []
    search = needles(secrets)
    for root, since in roots:
        for p in files_under(root, since, skip=skip):
            real = p.resolve()
            if real in seen:
                continue
            seen.add(real)
            try:
                data = p.read_bytes().lower()
            except OSError:
                continue
            found += [f"{p}: {what}" for what, needle in search if needle in data]
    return found, seen
