"""The redactor of the pseudonymised court summary, without any renderer (issue 18).

A family name written alone, in the genitive (Nordic "Lindqvists", English "Lindqvist's"), in
capitals, with and without its accents ("Åström" / "Astrom") is put into every free-text field
that reaches the summary; the pseudonymised Document (the model both renderers print) must hold
none of it in any paragraph, cell, key-value pair, heading or title. The integration canary
checks the rendered PDF, DOCX and bundles; this one needs no poppler nor LibreOffice."""
from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from barnahus_app.documents.model import Document
from barnahus_app.documents import issuing
from tests.support.records import STAFF_PASSWORD, login

ZONE = "Europe/Stockholm"
CHILD = ("Tilda", "Lindqvist")
OFFENDER = ("Bengt", "Åström")
# The family names as free text writes them. Neither the full names nor the given names are here:
# a name alone is what the redactor must find from the family name term by itself.
VARIANTS = ("Lindqvist", "Lindqvists", "Lindqvist's", "Lindqvist\u2019s", "LINDQVIST", "lindqvist",
            "Åström", "Åströms", "Åström's", "ÅSTRÖM", "Astrom", "Astroms", "Astrom's", "astrom")
SHORT = "Lindqvists, Lindqvist's, Åströms, Astrom's"  # for fields of 100 characters


def text_with(tag: str, names: str = ", ".join(VARIANTS)) -> str:
    return f"{tag}: {names}."


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def texts_of(value) -> list[str]:
    """Every string in a document model, found generically: a new kind of block or field is walked too."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) for t in texts_of(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [t for v in value for t in texts_of(v)]
    return []


def leaks(doc: Document) -> list[str]:
    return [t for t in texts_of(doc) if "lindqvist" in fold(t) or "astrom" in fold(t)]


# Each free-text field that reaches the summary, with the tag that shows it did.
FIELDS = ("Policeref", "Prosecref", "Topic", "Justification", "Overridereason", "Declinednote", "Label",
          "Capturedevice", "Handoverplace", "Handoverpurpose", "Receipt", "Vieworder", "Courtnote")
# Fields that name someone: the pseudonymised summary leaves the whole text out, tag and all.
NAME_FIELDS = ("Receiver", "Actor")


@pytest.fixture
def summaries(record_path, tmp_path, monkeypatch):
    """The Documents the renderer was given: {False: plain, True: pseudonymised}."""
    with login(record_path, "admin") as a:
        a.add_user("caseworker", "Case Worker", ["coordinator", "interviewer"], STAFF_PASSWORD)
        room = a.create_room("Blue room", "interview")
    recording = tmp_path / "interview.mp4"
    recording.write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(range(256)) * 16)
    given = {}
    real_render = issuing._render

    def spy(doc, fmt, creds, progress, cancel):
        given[doc.footer_note.startswith("Pseudonymised")] = doc
        return real_render(doc, fmt, creds, progress, cancel)

    with login(record_path, "caseworker") as s:
        child = s.create_person(given_name=CHILD[0], family_name=CHILD[1], date_of_birth="2014-05-06",
                                acknowledge_duplicates=True)
        offender = s.create_person(given_name=OFFENDER[0], family_name=OFFENDER[1], date_of_birth="1979-01-02",
                                   acknowledge_duplicates=True)
        case = s.create_case(referral_received_at="2026-03-04T09:30:00+01:00", jurisdiction="SE",
                             police_reference=text_with("Policeref", SHORT),
                             prosecution_reference=text_with("Prosecref", SHORT))
        s.add_child(case["id"], child, "victim")
        s.add_party(case["id"], offender, "alleged_offender", "family_friend", child)
        s.record_information_given(case["id"], told_at="2026-03-05T14:00:00+01:00", language="sv", format="oral",
                                   topic=text_with("Topic"))
        first = s.plan_interview(case["id"], child, "2026-03-12T10:00", 60, room, s.user_id, time_zone=ZONE)
        s.record_interview(first, actual_start="2026-03-12T10:00", actual_end="2026-03-12T10:50")
        clash = s.check_interview_plan(case["id"], child, "2026-03-12T10:30", 60, room, s.user_id, time_zone=ZONE)
        assert clash.conflicts
        second = s.plan_interview(case["id"], child, "2026-03-12T10:30", 60, room, s.user_id, time_zone=ZONE,
                                  justification=text_with("Justification"),
                                  overrides={c.key: text_with("Overridereason") for c in clash.conflicts})
        s.record_child_declined(second, text_with("Declinednote"))
        rid = s.register_recording(first, recording, label=text_with("Label"),
                                   capture_device=text_with("Capturedevice"))
        s.add_custody_event(rid, "handed_to_police", location=text_with("Handoverplace"),
                            purpose=text_with("Handoverpurpose"), counterpart=text_with("Receiver"),
                            receipt=text_with("Receipt"), actor=text_with("Actor"))
        s.add_custody_event(rid, "viewed", location="Viewing room", purpose="Review",
                            order_reference=text_with("Vieworder"))
        s.add_followup_rule(child, "court_date", case["id"], due_on="2026-06-01", note=text_with("Courtnote"))
        monkeypatch.setattr(issuing, "_render", spy)
        s.write_case_summary(case["id"], tmp_path / "plain.docx", "docx", time_zone=ZONE)
        s.write_case_summary(case["id"], tmp_path / "pseudo.docx", "docx", pseudonymise=True, time_zone=ZONE)
    return given


def test_the_plain_summary_shows_every_field_and_every_variant(summaries):
    """Otherwise the next test would pass for the wrong reason."""
    text = "\n".join(texts_of(summaries[False]))
    assert [tag for tag in FIELDS + NAME_FIELDS if f"{tag}: " not in text] == []
    assert [v for v in VARIANTS if v not in text] == []


def test_the_pseudonymised_summary_holds_no_family_name_in_any_form(summaries):
    doc = summaries[True]
    text = "\n".join(texts_of(doc))
    assert [tag for tag in FIELDS if f"{tag}: " not in text] == []  # each field did reach the summary
    assert [tag for tag in NAME_FIELDS if f"{tag}: " in text] == []
    assert leaks(doc) == []
    assert "Topic: [removed], [removed]" in text
