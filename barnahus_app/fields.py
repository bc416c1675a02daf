"""Field specifications: the one place that decides what a value may be before it is stored.
Front ends show the ValidationError message next to the field it names."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from barnahus_app import timeutil, vocab
from barnahus_app.errors import ValidationError

# Control characters, and bidirectional overrides that can make a name display as another.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


SQLITE_INTEGER_MAX = 2**63 - 1  # the largest number an SQLite INTEGER holds


def check_count(field: str, value, low: int = 0, high: int = SQLITE_INTEGER_MAX) -> int:
    """A whole number (an offset, a limit, an id, a number of days) from low to high; by default
    any that SQLite can compare: a larger one would end in OverflowError deep in the driver."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field, f"takes a whole number from {low} to {high}.")
    return value


@dataclass(frozen=True)
class Text:
    max_len: int
    required: bool = False
    multiline: bool = False

    def clean(self, field, value):
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise ValidationError(field, "must be text.")
        value = unicodedata.normalize("NFC", value).strip()
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError(field, "contains characters that are not valid text.") from None
        if _CONTROL.search(value) or (not self.multiline and ("\n" in value or "\r" in value)):
            raise ValidationError(field, "contains control characters, direction overrides or line breaks.")
        if len(value) > self.max_len:
            raise ValidationError(field, f"is {len(value)} characters long; at most {self.max_len} fit.")
        if not value:
            if self.required:
                raise ValidationError(field, "is required.")
            return None
        return value


@dataclass(frozen=True)
class Code:
    vocabulary: str
    required: bool = False

    def clean(self, field, value):
        return vocab.check_code(self.vocabulary, field, value, self.required)


@dataclass(frozen=True)
class Flag:
    def clean(self, field, value):
        if value in (None, ""):
            return False
        if not isinstance(value, bool):
            raise ValidationError(field, "must be yes or no.")
        return value


@dataclass(frozen=True)
class Date:
    required: bool = False
    not_future: bool = False

    def clean(self, field, value):
        return timeutil.check_date(field, value, self.required, self.not_future)


@dataclass(frozen=True)
class DateTime:
    required: bool = False

    def clean(self, field, value):
        return timeutil.check_datetime(field, value, self.required)


@dataclass(frozen=True)
class Languages:
    """ISO 639 codes (e.g. "sv", "ar", "uk"), stored comma-separated."""

    single: bool = False

    def clean(self, field, value):
        if value in (None, "", []):
            return None
        items = [value] if isinstance(value, str) and self.single else (
            value.split(",") if isinstance(value, str) else list(value))
        items = [i.strip() for i in items if i and i.strip()]
        for i in items:
            if not _LANG.match(i):
                raise ValidationError(field, f"'{i[:20]}' is not a language code such as sv, ar or uk.")
        if self.single and len(items) > 1:
            raise ValidationError(field, "takes one language.")
        return ",".join(dict.fromkeys(items)) or None


@dataclass(frozen=True)
class Ref:
    """A reference to another row; existence is checked by the caller, in its transaction."""

    table: str

    def clean(self, field, value):
        if value in (None, ""):
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValidationError(field, "is not a valid reference.")
        return value


def clean(specs: dict, values: dict, partial: bool = False) -> dict:
    """Validate values against specs. partial=True is an update: only the given fields, and
    required fields may not be emptied."""
    unknown = set(values) - set(specs)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a field of this form.")
    out = {}
    for name, spec in specs.items():
        if partial and name not in values:
            continue
        out[name] = spec.clean(name, values.get(name))
    return out


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for duplicate search."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(given: str, family: str | None) -> str:
    return " ".join(sorted(fold(f"{given} {family or ''}").split()))


PERSON_FIELDS = {
    "given_name": Text(200, required=True),
    "family_name": Text(200),
    "other_names": Text(400),
    "date_of_birth": Date(not_future=True),
    "dob_status": Code("dob_statuses"),
    "gender": Code("genders"),
    "gender_description": Text(200),
    "languages": Languages(),
    "interpreter_needed": Flag(),
    "interpreter_language": Languages(single=True),
    "nationality": Text(64),
    "country_of_origin": Text(64),
    "birth_registered": Code("birth_registration"),
    "address": Text(1000, multiline=True),
    "phone": Text(64),
    "notes": Text(100_000, multiline=True),
    "guardian_person_id": Ref("persons"),
    "guardian_kind": Code("guardian_kinds"),
    "trusted_person_id": Ref("persons"),
}

# Fields only roles with "vulnerability" rights see or change.
VULNERABILITY_FIELDS = {"disability": Text(5000, multiline=True)}
PERSON_TERM_VOCABULARIES = ("special_protection_needs", "risk_factors", "protective_factors")

CASE_FIELDS = {
    "case_lead_id": Ref("users"),
    "status": Code("case_statuses", required=True),
    "referral_received_at": DateTime(required=True),
    "screened_at": DateTime(),
    "acted_at": DateTime(),
    "triage_level": Code("triage_levels"),
    "emergency": Flag(),
    "ex_officio": Flag(),
    "referral_source": Code("referral_sources"),
    "reporter_profession": Code("reporter_professions"),
    "jurisdiction": Text(16, required=True),
    "police_reference": Text(100),
    "prosecution_reference": Text(100),
    "summary": Text(100_000, multiline=True),
}

AGENCY_FIELDS = {
    "name": Text(200, required=True),
    "kind": Code("agency_kinds", required=True),
    "phone": Text(64),
    "email": Text(200),
}

# What went to whom under what undertaking: the disclosure register (documents/issuing.py) and
# what a referral shared (referrals/actions.py).
DISCLOSURE_FIELDS = {
    "recipient": Text(200, required=True),
    "undertaking": Text(4000, required=True, multiline=True),
    "method": Text(100),
}

STAFF_FIELDS = {
    "agency_id": Ref("agencies"),
    "name": Text(200, required=True),
    "title": Text(200),
    "phone": Text(64),
    "email": Text(200),
}
