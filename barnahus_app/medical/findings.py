"""Classification tables of medical findings, shipped as versioned data.

Each table is one JSON file in resources/classifications/ (the shipped ones) or in the
centre's data folder's classifications/ (a later version added without code): its version
("adams-2018-v1"), when it was issued, its groups and its items (code, group, our own short
English and Swedish labels, needs_expert_review). A finding keeps the version it was coded
under; its category (the item's group) is derived from that table, never stored. New findings
are coded under the newest table (latest "issued") unless a version is named."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from barnahus_app import paths
from barnahus_app.errors import RecordFileError, ValidationError

FOLDER = "classifications"


@dataclass(frozen=True)
class Item:
    code: str
    group: int
    labels: dict
    needs_expert_review: bool

    def label(self, language: str = "en") -> str:
        return self.labels.get(language) or self.labels.get("en") or self.code


@dataclass(frozen=True)
class Table:
    version: str
    issued: str
    titles: dict
    groups: dict          # group number -> {"label": {...}, "needs_expert_review": bool}
    items: dict           # code -> Item

    def item(self, code) -> Item:
        if not isinstance(code, str) or code not in self.items:
            raise ValidationError("item_code", f"'{str(code)[:20]}' is not an item of the classification "
                                               f"{self.version}.")
        return self.items[code]


def folders() -> list[Path]:
    return [paths.resources_dir() / FOLDER, paths.data_dir() / FOLDER]


def _read(path: Path) -> Table:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        groups = {int(g["group"]): {"label": dict(g["label"]), "needs_expert_review": bool(g["needs_expert_review"])}
                  for g in data["groups"]}
        items = {}
        for it in data["items"]:
            group = int(it["group"])
            if group not in groups or not isinstance(it["code"], str) or it["code"] in items:
                raise ValueError(f"item {it.get('code')!r}")
            items[it["code"]] = Item(it["code"], group, dict(it["label"]), bool(it["needs_expert_review"]))
        version = data["version"]
        if not isinstance(version, str) or not 0 < len(version) <= 32:
            raise ValueError("version")
        return Table(version, str(data.get("issued") or ""), dict(data.get("title") or {}), groups, items)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise RecordFileError(f"The classification file {path.name} cannot be used: {e}.") from None


@lru_cache(maxsize=4)
def _tables(stamp: tuple) -> dict[str, Table]:
    out: dict[str, Table] = {}
    for path, _mtime in stamp:
        t = _read(Path(path))
        if t.version in out:
            raise RecordFileError(f"Two classification files give the version {t.version}.")
        out[t.version] = t
    return out


def tables() -> dict[str, Table]:
    """Every classification table known, by version."""
    files = sorted(p for d in folders() if d.is_dir() for p in d.glob("*.json"))
    return _tables(tuple((str(p), p.stat().st_mtime_ns) for p in files))


def table(version: str) -> Table:
    t = tables().get(version) if isinstance(version, str) else None
    if t is None:
        raise ValidationError("table_version", f"'{str(version)[:32]}' is not a known classification table.")
    return t


def current() -> Table:
    """The table new findings are coded under: the latest issued."""
    known = tables()
    if not known:
        raise RecordFileError("No classification table of medical findings is installed.")
    return max(known.values(), key=lambda t: (t.issued, t.version))


def describe(version: str, code: str) -> dict:
    """What a coded finding means, derived from its table: category (the group), its label and
    whether it needs an expert review. A version or code no longer known says so, not fails."""
    t = tables().get(version)
    it = t.items.get(code) if t else None
    if it is None:
        return {"category": None, "label": code, "needs_expert_review": True}
    return {"category": it.group, "label": it.label(), "needs_expert_review": it.needs_expert_review}
