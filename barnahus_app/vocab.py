"""Controlled vocabularies: data in resources/vocabularies, extendable by a centre without code.

A centre adds terms by dropping a JSON file of the same shape into its vocabulary folder
(paths.centre_vocabulary_dir()). Terms are never removed (old records use them); a term can be
marked "retired": true, which hides it from pickers but keeps it valid in stored data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from barnahus_app import paths
from barnahus_app.errors import RecordFileError, ValidationError

# Words the interface must never use (001 para 59, 004 para 23).
FORBIDDEN_WORDS = ("child prostitution", "child prostitute", "client")


@dataclass(frozen=True)
class Term:
    code: str
    labels: dict
    retired: bool = False
    extra: tuple = ()

    def label(self, language: str = "en") -> str:
        return self.labels.get(language) or self.labels.get("en") or self.code


@dataclass(frozen=True)
class Vocabulary:
    name: str
    multi: bool
    terms: tuple

    def codes(self, include_retired: bool = True) -> list[str]:
        return [t.code for t in self.terms if include_retired or not t.retired]

    def term(self, code: str) -> Term | None:
        return next((t for t in self.terms if t.code == code), None)

    def label(self, code: str, language: str = "en") -> str:
        t = self.term(code)
        return t.label(language) if t else code


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data.get("terms"), list) or not data.get("vocabulary"):
            raise ValueError("no vocabulary or terms")
        for t in data["terms"]:
            if not isinstance(t.get("code"), str) or not isinstance(t.get("label"), dict):
                raise ValueError("a term without code or label")
        return data
    except (OSError, ValueError, AttributeError) as e:
        raise RecordFileError(f"The vocabulary file {path.name} cannot be used: {e}.") from None


@lru_cache(maxsize=8)
def load_all(extra_dir: str | None = None) -> dict[str, Vocabulary]:
    merged: dict[str, dict] = {}
    sources = sorted((paths.resources_dir() / "vocabularies").glob("*.json"))
    centre = Path(extra_dir) if extra_dir else paths.centre_vocabulary_dir()
    if centre.is_dir():
        sources += sorted(centre.glob("*.json"))
    for src in sources:
        data = _read(src)
        name = data["vocabulary"]
        target = merged.setdefault(name, {"multi": bool(data.get("multi")), "terms": {}})
        for t in data["terms"]:
            extra = tuple(sorted((k, v) for k, v in t.items() if k not in ("code", "label", "retired")))
            target["terms"][t["code"]] = Term(t["code"], dict(t["label"]), bool(t.get("retired")), extra)
    return {n: Vocabulary(n, d["multi"], tuple(d["terms"].values())) for n, d in merged.items()}


def vocabulary(name: str) -> Vocabulary:
    return load_all()[name]


def check_code(vocab_name: str, field: str, code: str | None, required: bool = False) -> str | None:
    if code is None or code == "":
        if required:
            raise ValidationError(field, "is required.")
        return None
    if code not in vocabulary(vocab_name).codes():
        raise ValidationError(field, f"'{code[:40]}' is not a value of the {vocab_name} list.")
    return code


def check_codes(vocab_name: str, field: str, codes) -> list[str]:
    out = []
    for c in codes or ():
        check_code(vocab_name, field, c)
        if c not in out:
            out.append(c)
    return out


def jurisdictions() -> list[dict]:
    data = json.loads((paths.resources_dir() / "jurisdictions" / "jurisdictions.json").read_text("utf-8"))
    return data["jurisdictions"]


def jurisdiction_labels(language: str = "en") -> dict[str, str]:
    """Each jurisdiction's name in language (English where that has none), by code."""
    return {j["code"]: j["label"].get(language) or j["label"].get("en") or j["code"] for j in jurisdictions()}


def check_jurisdiction(code: str) -> str:
    if code not in {j["code"] for j in jurisdictions()}:
        raise ValidationError("jurisdiction", f"'{code[:20]}' is not a known jurisdiction.")
    return code
