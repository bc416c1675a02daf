"""Rules that limit the software (DOMAIN.md): words matter, a child is never an offender, and the
child's consent is not relevant, so the record has no field for it."""
from __future__ import annotations

import json
import re
from pathlib import Path

from barnahus_app import fields, models, vocab
from barnahus_app.models import Base

ROOT = Path(__file__).resolve().parents[2]
VOCABULARIES = ROOT / "resources" / "vocabularies"
# "sexual exploitation", never "child prostitution" (001 para 59); no "client" for an offender
# (004 para 23). Matched anywhere in a label, in any language, ignoring case.
FORBIDDEN = ("prostitution", "client")


def vocabulary_files(folder: Path = VOCABULARIES) -> list[Path]:
    return sorted(folder.glob("*.json"))


def labels(data: dict):
    """(code, language, label) for every term label of a vocabulary file."""
    for term in data["terms"]:
        for language, label in term["label"].items():
            yield term["code"], language, label


def forbidden_in(folder: Path) -> list[tuple]:
    found = []
    for path in vocabulary_files(folder):
        data = json.loads(path.read_text("utf-8"))
        for code, language, label in labels(data):
            for word in FORBIDDEN:
                if word in label.casefold():
                    found.append((path.name, code, language, word))
    return found


def test_there_are_vocabularies_with_labels_in_several_languages():
    files = vocabulary_files()
    assert len(files) >= 10
    languages = {lang for p in files for _, lang, _ in labels(json.loads(p.read_text("utf-8")))}
    assert {"en", "sv"} <= languages


def test_no_vocabulary_label_uses_forbidden_words():
    assert forbidden_in(VOCABULARIES) == []


def test_no_loaded_term_uses_forbidden_words():
    """The same through vocab.load_all(), i.e. what the interface shows (with the centre's own
    additions, none in this isolated home)."""
    for name, v in vocab.load_all().items():
        for t in v.terms:
            for language, label in t.labels.items():
                assert not any(w in label.casefold() for w in FORBIDDEN), (name, t.code, language, label)


def test_the_word_check_would_catch_them(tmp_path):
    (tmp_path / "bad.json").write_text(json.dumps({"vocabulary": "bad", "terms": [
        {"code": "a", "label": {"en": "Child Prostitution"}},
        {"code": "b", "label": {"en": "Offender", "sv": "Klient", "de": "CLIENT of"}},
    ]}), "utf-8")
    assert forbidden_in(tmp_path) == [("bad.json", "a", "en", "prostitution"), ("bad.json", "b", "de", "client")]


def test_core_forbidden_words_agree():
    """vocab.FORBIDDEN_WORDS (used by the core) covers what this test forbids."""
    for word in FORBIDDEN:
        assert any(word in w for w in vocab.FORBIDDEN_WORDS), word


def child_role_codes(folder: Path = VOCABULARIES) -> dict[str, list[str]]:
    out = {}
    for path in vocabulary_files(folder):
        data = json.loads(path.read_text("utf-8"))
        if data.get("vocabulary") == "child_roles":
            out[path.name] = [t["code"] for t in data["terms"]]
    return out


def test_no_child_role_is_an_offender():
    roles = child_role_codes()
    assert roles, "no child_roles vocabulary found"
    for name, codes in roles.items():
        assert codes
        assert not [c for c in codes if "offend" in c.casefold() or "perpetrat" in c.casefold()], name
    assert not [c for c in vocab.vocabulary("child_roles").codes() if "offend" in c.casefold()]


def test_child_roles_agree_with_the_database_check():
    """Every child role the vocabulary offers is one the database accepts, and the database accepts
    no role beyond victim, witness and at risk."""
    check = next(c for c in models.CaseChild.__table__.constraints
                 if getattr(c, "name", None) == "ck_case_child_role")
    allowed = set(re.findall(r"'(\w+)'", str(check.sqltext)))
    assert allowed == {"victim", "witness", "at_risk"}
    assert set(vocab.vocabulary("child_roles").codes()) <= allowed


CONSENT = re.compile(r"consent", re.IGNORECASE)


def consent_fields(metadata) -> list[str]:
    hits = [t for t in metadata.tables if CONSENT.search(t)]
    return hits + [f"{t.name}.{c.name}" for t in metadata.tables.values() for c in t.columns
                   if CONSENT.search(c.name)]


def test_no_consent_field_in_the_models():
    assert {"persons", "cases", "case_children"} <= set(Base.metadata.tables)
    assert consent_fields(Base.metadata) == []


def test_the_consent_scan_would_catch_one():
    from sqlalchemy import Boolean, Column, Integer, MetaData, Table

    md = MetaData()
    Table("cases", md, Column("id", Integer, primary_key=True), Column("Child_Consent_Given", Boolean))
    Table("consents", md, Column("id", Integer, primary_key=True))
    assert consent_fields(md) == ["consents", "cases.Child_Consent_Given"]


def test_no_consent_field_in_the_forms():
    specs = {name: getattr(fields, name) for name in dir(fields)
             if name.endswith("_FIELDS") and isinstance(getattr(fields, name), dict)}
    assert {"PERSON_FIELDS", "CASE_FIELDS"} <= set(specs)
    assert [f"{n}.{f}" for n, spec in specs.items() for f in spec if CONSENT.search(f)] == []


def test_no_vocabulary_asks_for_consent():
    for name, v in vocab.load_all().items():
        assert not CONSENT.search(name)
        assert not [t.code for t in v.terms if CONSENT.search(t.code)], name
