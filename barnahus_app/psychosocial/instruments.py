"""Psychosocial instruments as data (issue #15): one JSON definition per instrument and version,
checked against forms/instrument.schema.json, and the core's scoring of them.

Licence classes: "bundled" definitions hold short item labels written by us (never the
copyrighted wording) and are scored here from the answers; "scores_only" definitions hold only
the scales a clinician types from the official scored form, which are range-checked here.

Definitions are kept by (code, version) for ever: an administration keeps the version it used,
so a 2026 score is re-read by the 2026 rules in 2046. The shipped ones live in
forms/instruments/; a centre adds its own in <data folder>/instruments/. A centre that wants a
different cut-off (CATS 3-6's differs between sources) copies the shipped file and gives it a
new version; the same code and version as a shipped definition is refused.

Missing items (bundled): at most max_missing items may be unanswered. Each scale is then
prorated: the sum of its answered items x its item count / its answered count, rounded half up
to a whole number (a scale with none of its items answered has no value). More missing items
are refused. Reversed items count as (answer max + answer min - answer).

Texts (names, labels) are {"en", "sv"} in the files; the dataclasses keep the English in
name/label, the Swedish in sv, and .text(lang) picks one (English when there is no Swedish).

Pure core: no database, no Qt."""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from barnahus_app import paths
from barnahus_app.errors import ValidationError
from barnahus_app.forms import forms_dir

SCHEMA_FILE = "instrument.schema.json"
# The JSON Schema keywords _check_schema understands; a test keeps the schema file within them.
SCHEMA_KEYWORDS = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "required",
                   "properties", "additionalProperties", "items", "minItems", "uniqueItems", "minimum",
                   "minLength", "pattern"}


class InstrumentError(ValidationError):
    """A definition file is not valid. .field is the JSON path inside the file (e.g.
    "scales[0].bands[1].min"), .file the file's name, which the message also names."""

    def __init__(self, file: str, field: str, problem: str):
        self.file = file
        super().__init__(field or "(definition)", f"{file}: {problem}")


class _Shown:
    """name (or label) is the English text; sv the Swedish one, when the definition has it."""

    def text(self, lang: str = "en") -> str:
        english = self.name if hasattr(self, "name") else self.label
        return self.sv if lang == "sv" and self.sv else english


@dataclass(frozen=True)
class Band(_Shown):
    code: str
    label: str
    min: int
    max: int
    sv: str = ""


@dataclass(frozen=True)
class Scale(_Shown):
    code: str
    name: str
    kind: str            # "total", "subscale" or "t_score"
    min: int
    max: int
    bands: tuple[Band, ...]
    sum_of: tuple[str, ...] = ()   # scores_only: the scales this one adds up (typed parts are checked)
    sv: str = ""

    def band(self, value: float | None) -> str | None:
        if value is None:
            return None
        return next((b.code for b in self.bands if b.min <= value <= b.max), None)


@dataclass(frozen=True)
class Item(_Shown):
    id: str
    number: int
    label: str           # our short neutral label, not the instrument's wording
    scales: tuple[str, ...]
    reversed: bool = False
    sv: str = ""


@dataclass(frozen=True)
class Instrument(_Shown):
    code: str
    version: int
    name: str
    licence: str         # "bundled" or "scores_only"
    respondents: tuple[str, ...]
    min_age: int
    max_age: int
    screen_scale: str
    cutoff: float
    items: tuple[Item, ...]   # empty for scores_only
    scales: tuple[Scale, ...]
    source: str
    answers: tuple[int, int] | None = None   # (min, max) of an item's answer; bundled only
    max_missing: int = 0                     # unanswered items scored by prorating; bundled only
    sv: str = ""                             # the name in Swedish

    def scale(self, code: str) -> Scale:
        for s in self.scales:
            if s.code == code:
                return s
        raise ValidationError("scale", f"{self.code} version {self.version} has no scale {code!r}.")


@dataclass(frozen=True)
class Score:
    values: dict[str, float | None]   # scale code -> value
    bands: dict[str, str | None]      # scale code -> band code
    screen_value: float | None
    at_or_above_cutoff: bool
    missing_items: tuple[str, ...]


# --- reading and checking definitions -------------------------------------------------------

def _path(parent: str, key) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def _is_type(value, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_schema(value, schema: dict, root: dict, file: str, where: str = "") -> None:
    """The JSON Schema keywords instrument.schema.json uses (jsonschema is not a dependency)."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        schema = root["$defs"][name]
    if "type" in schema and not _is_type(value, schema["type"]):
        raise InstrumentError(file, where, f"{where or 'the definition'} must be "
                                           f"{'an' if schema['type'][0] in 'aeiou' else 'a'} "
                                           f"{schema['type']}, not {_shown(value)}.")
    if "enum" in schema and value not in schema["enum"]:
        raise InstrumentError(file, where, f"{where} must be one of {', '.join(map(json.dumps, schema['enum']))}, "
                                           f"not {_shown(value)}.")
    if "minimum" in schema and value < schema["minimum"]:
        raise InstrumentError(file, where, f"{where} must be at least {schema['minimum']}, not {value}.")
    if "minLength" in schema and len(value) < schema["minLength"]:
        raise InstrumentError(file, where, f"{where} must not be empty.")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        raise InstrumentError(file, where, f"{where} {json.dumps(value)} does not match {schema['pattern']}.")
    if isinstance(value, dict):
        for key in schema.get("required", ()):
            if key not in value:
                raise InstrumentError(file, _path(where, key), f"{_path(where, key)} is missing.")
        properties = schema.get("properties", {})
        for key, sub in value.items():
            if key not in properties:
                if schema.get("additionalProperties", True) is False:
                    raise InstrumentError(file, _path(where, key), f"{_path(where, key)} is not a known field.")
                continue
            _check_schema(sub, properties[key], root, file, _path(where, key))
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            raise InstrumentError(file, where, f"{where} must not be empty." if schema["minItems"] == 1
                                  else f"{where} needs at least {schema['minItems']} entries.")
        if schema.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) < len(value):
            raise InstrumentError(file, where, f"{where} lists an entry twice.")
        if "items" in schema:
            for i, v in enumerate(value):
                _check_schema(v, schema["items"], root, file, _path(where, i))


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads((forms_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))


def _unique(values, file: str, where: str, what: str) -> None:
    seen = set()
    for i, v in enumerate(values):
        if v in seen:
            raise InstrumentError(file, _path(where, i), f"{what} {v!r} appears twice.")
        seen.add(v)


def parse(data, file: str) -> Instrument:
    """One definition (the parsed JSON of the file named file) checked and built."""
    _check_schema(data, _schema(), _schema(), file)
    bundled = data["licence"] == "bundled"
    if data["ages"]["min"] > data["ages"]["max"]:
        raise InstrumentError(file, "ages", "ages.min is above ages.max.")
    for key in ("answers", "items", "max_missing"):
        if bundled and key not in data:
            raise InstrumentError(file, key, f"{key} is missing: a bundled instrument is scored from its items.")
        if not bundled and key in data:
            raise InstrumentError(file, key, f"{key} is not allowed: a scores_only instrument never holds its items.")
    _unique([s["code"] for s in data["scales"]], file, "scales", "The scale code")
    codes = {s["code"] for s in data["scales"]}
    items = ()
    if bundled:
        lo, hi = data["answers"]["min"], data["answers"]["max"]
        if lo >= hi:
            raise InstrumentError(file, "answers", "answers.min must be below answers.max.")
        _unique([i["id"] for i in data["items"]], file, "items", "The item id")
        _unique([i["number"] for i in data["items"]], file, "items", "The item number")
        for n, item in enumerate(data["items"]):
            for k, code in enumerate(item["scales"]):
                if code not in codes:
                    raise InstrumentError(file, f"items[{n}].scales[{k}]",
                                          f"item {item['id']} counts towards scale {code!r}, which is not in scales.")
        items = tuple(Item(i["id"], i["number"], i["label"]["en"], tuple(i["scales"]), i.get("reversed", False),
                           i["label"].get("sv", "")) for i in data["items"])
        if data["max_missing"] >= len(items):
            raise InstrumentError(file, "max_missing", "max_missing must be below the number of items.")
    scales = []
    for n, s in enumerate(data["scales"]):
        where = f"scales[{n}]"
        if bundled:
            count = sum(1 for i in items if s["code"] in i.scales)
            if not count:
                raise InstrumentError(file, where, f"scale {s['code']} has no items.")
            if (s["min"], s["max"]) != (count * lo, count * hi):
                raise InstrumentError(file, where, f"scale {s['code']} says {s['min']}-{s['max']}, but its "
                                                   f"{count} items add up to {count * lo}-{count * hi}.")
        if s["min"] > s["max"]:
            raise InstrumentError(file, f"{where}.min", f"scale {s['code']}: min is above max.")
        bands = tuple(Band(b["code"], b["label"]["en"], b["min"], b["max"], b["label"].get("sv", ""))
                      for b in s.get("bands", ()))
        _check_sum_of(data, s, bundled, file, where)
        _check_bands(bands, s, file, where)
        scales.append(Scale(s["code"], s["name"]["en"], s["kind"], s["min"], s["max"], bands,
                            tuple(s.get("sum_of", ())), s["name"].get("sv", "")))
    screen = next((s for s in scales if s.code == data["screen_scale"]), None)
    if screen is None:
        raise InstrumentError(file, "screen_scale", f"screen_scale {data['screen_scale']!r} is not in scales.")
    if not screen.min <= data["cutoff"] <= screen.max:
        raise InstrumentError(file, "cutoff", f"cutoff {data['cutoff']} is outside scale {screen.code} "
                                              f"({screen.min}-{screen.max}).")
    if not screen.bands:
        raise InstrumentError(file, f"scales[{scales.index(screen)}].bands",
                              f"the screen scale {screen.code} needs bands.")
    return Instrument(
        code=data["code"], version=data["version"], name=data["name"]["en"], licence=data["licence"],
        respondents=tuple(data["respondents"]), min_age=data["ages"]["min"], max_age=data["ages"]["max"],
        screen_scale=screen.code, cutoff=float(data["cutoff"]), items=items, scales=tuple(scales),
        source=data["source"], answers=(lo, hi) if bundled else None,
        max_missing=data.get("max_missing", 0), sv=data["name"].get("sv", ""))


def _check_sum_of(data: dict, scale: dict, bundled: bool, file: str, where: str) -> None:
    if "sum_of" not in scale:
        return
    if bundled:
        raise InstrumentError(file, f"{where}.sum_of", "sum_of is for scores_only instruments; a bundled "
                                                       "instrument's scales are summed from their items.")
    parts = {s["code"]: s for s in data["scales"] if s.get("code") in scale["sum_of"]}
    for k, code in enumerate(scale["sum_of"]):
        if code not in parts or code == scale["code"] or "sum_of" in parts[code]:
            raise InstrumentError(file, f"{where}.sum_of[{k}]", f"scale {scale['code']} adds up {code!r}, which "
                                                                "is not another, simple scale in scales.")
    lo, hi = sum(p["min"] for p in parts.values()), sum(p["max"] for p in parts.values())
    if (scale["min"], scale["max"]) != (lo, hi):
        raise InstrumentError(file, where, f"scale {scale['code']} says {scale['min']}-{scale['max']}, but its "
                                           f"parts add up to {lo}-{hi}.")


def _check_bands(bands: tuple[Band, ...], scale: dict, file: str, where: str) -> None:
    """Bands are whole-number ranges that do not overlap and together cover the scale."""
    if not bands:
        return
    _unique([b.code for b in bands], file, f"{where}.bands", "The band code")
    order = sorted(range(len(bands)), key=lambda i: bands[i].min)
    for i in order:
        b = bands[i]
        if b.min > b.max:
            raise InstrumentError(file, f"{where}.bands[{i}]", f"scale {scale['code']}: band {b.code} has min above max.")
    for prev, nxt in zip(order, order[1:]):
        a, b = bands[prev], bands[nxt]
        if b.min <= a.max:
            raise InstrumentError(file, f"{where}.bands[{nxt}]", f"scale {scale['code']}: bands {a.code} "
                                  f"({a.min}-{a.max}) and {b.code} ({b.min}-{b.max}) overlap.")
        if b.min > a.max + 1:
            raise InstrumentError(file, f"{where}.bands[{nxt}]", f"scale {scale['code']}: no band covers "
                                  f"{a.max + 1}-{b.min - 1}.")
    first, last = bands[order[0]], bands[order[-1]]
    if first.min != scale["min"] or last.max != scale["max"]:
        raise InstrumentError(file, f"{where}.bands", f"scale {scale['code']}: the bands cover "
                              f"{first.min}-{last.max}, the scale is {scale['min']}-{scale['max']}.")


def _load_folder(folder: Path, into: dict, origin: dict) -> None:
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise InstrumentError(path.name, "", f"cannot be read as JSON: {e}.") from None
        inst = parse(data, path.name)
        key = (inst.code, inst.version)
        if key in into:
            raise InstrumentError(path.name, "version", f"{inst.code} version {inst.version} is already defined "
                                  f"by {origin[key]}; give this definition a new version.")
        into[key], origin[key] = inst, path.name


@lru_cache(maxsize=1)
def _shipped() -> tuple[dict, dict]:
    found, origin = {}, {}
    _load_folder(forms_dir() / "instruments", found, origin)
    return found, origin


def definitions(centre_dir: Path | None = None) -> dict[tuple[str, int], Instrument]:
    """The shipped definitions (parsed once) and a centre's own (read on each call)."""
    shipped, origin = _shipped()
    found, origin = dict(shipped), dict(origin)
    folder = Path(centre_dir) if centre_dir is not None else paths.data_dir() / "instruments"
    if folder.is_dir():
        _load_folder(folder, found, origin)
    return found


def get(code: str, version: int | None = None, centre_dir: Path | None = None) -> Instrument:
    """A definition by code and version; the newest version when version is None."""
    found = definitions(centre_dir)
    if version is not None:
        if (code, version) not in found:
            raise ValidationError("instrument", f"No instrument {code} version {version} is defined.")
        return found[(code, version)]
    versions = [v for (c, v) in found if c == code]
    if not versions:
        raise ValidationError("instrument", f"No instrument {code} is defined.")
    return found[(code, max(versions))]


# --- scoring ---------------------------------------------------------------------------------

def _whole(value, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
        raise ValidationError(field, f"must be a whole number, not {value!r}.")
    return int(value)


def _round_half_up(x: Fraction) -> int:
    return math.floor(x + Fraction(1, 2))


def score(instrument: Instrument, *, answers: dict[str, int] | None = None,
          scores: dict[str, float] | None = None) -> Score:
    """Bundled: the scales computed from answers (item id -> answer; None or absent = missing).
    Scores only: the typed scores (scale code -> value) checked; the screen scale is required."""
    name = f"{instrument.code} version {instrument.version}"
    if instrument.licence == "bundled":
        if scores is not None:
            raise ValidationError("scores", f"{name} is scored by the app from its answers; typed scores "
                                            "are not accepted.")
        if answers is None:
            raise ValidationError("answers", f"{name} needs the answers to its items.")
        values, missing = _score_items(instrument, answers, name)
    else:
        if answers is not None:
            raise ValidationError("answers", f"{name} is recorded as scores only: the app holds neither "
                                             "its items nor answers to them.")
        if scores is None:
            raise ValidationError("scores", f"{name} needs the scores from the official scored form.")
        values, missing = _check_scores(instrument, scores, name), ()
    bands = {s.code: s.band(values[s.code]) for s in instrument.scales}
    screen = values[instrument.screen_scale]
    return Score(values=values, bands=bands, screen_value=screen,
                 at_or_above_cutoff=screen is not None and screen >= instrument.cutoff,
                 missing_items=missing)


def _score_items(instrument: Instrument, answers: dict, name: str):
    known = {i.id for i in instrument.items}
    for item_id in answers:
        if item_id not in known:
            raise ValidationError(f"answers.{item_id}", f"{name} has no item {item_id!r}.")
    lo, hi = instrument.answers
    counted = {}
    for item in instrument.items:
        raw = answers.get(item.id)
        if raw is None:
            continue
        value = _whole(raw, f"answers.{item.id}")
        if not lo <= value <= hi:
            raise ValidationError(f"answers.{item.id}", f"item {item.number} must be {lo}-{hi}, not {value}.")
        counted[item.id] = hi + lo - value if item.reversed else value
    missing = tuple(i.id for i in instrument.items if i.id not in counted)
    if len(missing) > instrument.max_missing:
        raise ValidationError("answers", f"{len(missing)} items of {name} are unanswered; it is scored with at "
                                         f"most {instrument.max_missing} missing.")
    values = {}
    for scale in instrument.scales:
        ids = [i.id for i in instrument.items if scale.code in i.scales]
        got = [counted[i] for i in ids if i in counted]
        values[scale.code] = (None if not got else sum(got) if len(got) == len(ids)
                              else _round_half_up(Fraction(sum(got) * len(ids), len(got))))
    return values, missing


def _check_scores(instrument: Instrument, scores: dict, name: str) -> dict:
    known = {s.code: s for s in instrument.scales}
    for code in scores:
        if code not in known:
            raise ValidationError(f"scores.{code}", f"{name} has no scale {code!r}.")
    values = {}
    for scale in instrument.scales:
        raw = scores.get(scale.code)
        if raw is None:
            values[scale.code] = None
            continue
        value = _whole(raw, f"scores.{scale.code}")
        if not scale.min <= value <= scale.max:
            raise ValidationError(f"scores.{scale.code}", f"{scale.name} must be {scale.min}-{scale.max}, not {value}.")
        values[scale.code] = value
    for scale in instrument.scales:
        parts = [values[p] for p in scale.sum_of]
        if not scale.sum_of or None in parts:
            continue
        if values[scale.code] is None:
            values[scale.code] = sum(parts)
        elif values[scale.code] != sum(parts):
            raise ValidationError(f"scores.{scale.code}", f"{scale.name} {values[scale.code]} is not the sum of "
                                  f"{', '.join(instrument.scale(p).name for p in scale.sum_of)} ({sum(parts)}).")
    screen = instrument.scale(instrument.screen_scale)
    if values[screen.code] is None:
        raise ValidationError(f"scores.{screen.code}", f"{screen.name} is needed: it is the screen of {name}.")
    return values
