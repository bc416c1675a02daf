"""Declarative forms (forms/*.json): which fields a screen shows, in which order, with which
labels. Data a centre can adapt; checked against the core's field specifications, so a form can
never show a field the core does not know or leave out one the core requires."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from barnahus_app import paths
from barnahus_app.errors import RecordFileError
from barnahus_app.fields import CASE_FIELDS, PERSON_FIELDS, PERSON_TERM_VOCABULARIES, VULNERABILITY_FIELDS

# What each entity's form may hold: the core's fields plus its multi-valued term lists.
ENTITY_FIELDS = {
    "case": set(CASE_FIELDS) | {"abuse_forms"},
    "person": set(PERSON_FIELDS) | set(VULNERABILITY_FIELDS) | set(PERSON_TERM_VOCABULARIES),
}
REQUIRED = {
    "case": {n for n, s in CASE_FIELDS.items() if getattr(s, "required", False)},
    "person": {n for n, s in PERSON_FIELDS.items() if getattr(s, "required", False)},
}


@dataclass(frozen=True)
class FormField:
    name: str
    labels: dict
    help: dict

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.name

    def help_text(self, lang: str = "en") -> str:
        return self.help.get(lang) or self.help.get("en") or ""


@dataclass(frozen=True)
class FormSection:
    id: str
    entity: str
    titles: dict
    fields: tuple
    needs: str | None  # a policy data kind the user must be able to read to see this section

    def title(self, lang: str = "en") -> str:
        return self.titles.get(lang) or self.titles.get("en") or self.id


def forms_dir():
    return paths.resources_dir().parent / "forms"


@lru_cache(maxsize=8)
def load(name: str) -> tuple[FormSection, ...]:
    path = forms_dir() / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise RecordFileError(f"The form {path.name} cannot be read: {e}.") from None
    sections, seen = [], {"case": set(), "person": set()}
    for s in data.get("sections", []):
        entity = s.get("entity")
        if entity not in ENTITY_FIELDS:
            raise RecordFileError(f"Form {name}: section {s.get('id')} has an unknown entity {entity!r}.")
        fields = []
        for f in s.get("fields", []):
            if f.get("name") not in ENTITY_FIELDS[entity]:
                raise RecordFileError(f"Form {name}: {entity} has no field {f.get('name')!r}.")
            seen[entity].add(f["name"])
            fields.append(FormField(f["name"], dict(f.get("label", {})), dict(f.get("help", {}))))
        sections.append(FormSection(s["id"], entity, dict(s.get("title", {})), tuple(fields), s.get("needs")))
    for entity, required in REQUIRED.items():
        missing = required - seen[entity] - {"status"}  # status has a default in the core
        if missing:
            raise RecordFileError(f"Form {name} leaves out required {entity} field(s): {', '.join(sorted(missing))}.")
    return tuple(sections)
