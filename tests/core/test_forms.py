import json

import pytest

from barnahus_app import forms
from barnahus_app.errors import RecordFileError


def test_intake_form_matches_the_core_fields():
    sections = forms.load("intake")
    names = {f.name for s in sections for f in s.fields}
    assert {"given_name", "referral_received_at", "jurisdiction", "abuse_forms", "risk_factors"} <= names
    assert all(f.label("sv") and f.label("en") for s in sections for f in s.fields)
    protection = next(s for s in sections if s.id == "protection")
    assert protection.needs == "vulnerability"


def _write(tmp_path, monkeypatch, sections):
    (tmp_path / "x.json").write_text(json.dumps({"form": "x", "version": 1, "sections": sections}))
    monkeypatch.setattr(forms, "forms_dir", lambda: tmp_path)
    forms.load.cache_clear()


def test_a_form_cannot_name_an_unknown_field(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, [{"id": "a", "entity": "person",
                                    "fields": [{"name": "consent_of_child"}]}])
    with pytest.raises(RecordFileError, match="no field 'consent_of_child'"):
        forms.load("x")
    forms.load.cache_clear()


def test_a_form_cannot_leave_out_a_required_field(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, [{"id": "a", "entity": "person", "fields": [{"name": "given_name"}]}])
    with pytest.raises(RecordFileError, match="required case field"):
        forms.load("x")
    forms.load.cache_clear()
