"""The psychosocial summary (issue #15): a therapist issues it, PDF/A-1b signed by the centre or
DOCX, on the court summary's document model. One record per module; the documents are issued once
and read by the tools a recipient would use (PDFBox Preflight, pyHanko, pdftotext, LibreOffice).

Hand-written expectations: the first CATS 7-17 answers are (7n mod 4) for items 1-20, i.e.
3, 2, 1, 0 five times: total 30, "Probable PTSD" (21 and over), at or above the cut-off 21; the
second are all 1: total 20, "Moderate trauma-related distress" (15-20), below the cut-off.
Canaries: a session note, a crisis contact note, the answers' sealed JSON and an item's label
are in the record and must be in no document."""
from __future__ import annotations

import hashlib
import json
import re
import zipfile

import pytest
from sqlalchemy import select

from barnahus_app.documents import issuing, trust
from barnahus_app.documents.model import Table, Trend, walk
from barnahus_app.documents.pdf_sign import embedded_ca_pems, validate_pdf
from barnahus_app.documents.tables import IssuedDocument
from barnahus_app.errors import PermissionDenied, ValidationError
from tests.core.test_pseudonymised_summary import texts_of
from tests.support.document_tools import libreoffice_to_pdf, pdf_text, preflight
from tests.support.records import login, make_record, raw, sample_case

ZONE = "Europe/Stockholm"
SESSION_NOTE = "CANARY-PSYDOC-SESSION-3391"
CRISIS_NOTE = "CANARY-PSYDOC-CRISIS-7702"
ANSWERS = {f"s{n}": (n * 7) % 4 for n in range(1, 21)}
ANSWERS_TEXT = json.dumps(ANSWERS, sort_keys=True)
ITEM_LABEL = "Upsetting thoughts or pictures"    # CATS 7-17 item 1's label: no item is in the summary
REASON = "Mona Exampledottir asked to wait until the school term ends."
GOAL = "Back at school full days"
SECRETS = (SESSION_NOTE, CRISIS_NOTE, ANSWERS_TEXT, ITEM_LABEL)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("psydoc")
    out = folder / "out"
    out.mkdir()
    given = []
    real_render = issuing._render

    def spy(doc, fmt, creds, progress, cancel):
        given.append(doc)
        return real_render(doc, fmt, creds, progress, cancel)

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(folder / "home"))
        path, _ = make_record(folder)
        with login(path, "coordinator") as c:
            case = sample_case(c)
            mother = c.create_person(given_name="Mona", family_name="Exampledottir", date_of_birth="1984-02-03",
                                     acknowledge_duplicates=True)
            c.add_party(case["id"], mother, "carer", "parent", case["child_id"])
        with login(path, "therapist") as t:
            child = case["child_id"]
            e = t.start_episode(case["id"], child, "tf_cbt", started_on="2026-09-01", therapist_id=t.user_id)
            t.record_session(e, held_on="2026-09-08", status="attended", carer_took_part=True,
                             notes=f"{SESSION_NOTE} session")
            t.record_session(e, held_on="2026-09-15", status="missed")
            t.record_session(e, held_on="2026-09-22", status="cancelled")
            t.end_episode(e, ended_on="2026-10-01", end_reason="completed")
            t.record_crisis_contact(case["id"], child, occurred_at="2026-09-09T22:00:00+02:00",
                                    notes=f"{CRISIS_NOTE} crisis")
            first = t.record_administration(case["id"], child, "CATS-7-17", time_point="baseline", respondent="child",
                                            administered_on="2026-09-01", answers=ANSWERS)
            t.record_administration(case["id"], child, "CATS-7-17", time_point="follow_up", respondent="carer",
                                    administered_on="2026-10-20", answers={f"s{n}": 1 for n in range(1, 21)})
            t.resolve_screen(first, action="not_done", reason=REASON)
            t.add_recovery_goal(case["id"], child, domain="education", goal=GOAL, helper="Class teacher",
                                review_on="2027-01-15")
            t.set_rescreen(case["id"], child, "CATS-7-17", every_months=6)
            mp.setattr(issuing, "_render", spy)
            entries = {
                "pdf": t.issue_psychosocial_summary(case["id"], "pdf", out / "summary.pdf", time_zone=ZONE),
                "docx": t.issue_psychosocial_summary(case["reference"], "docx", out / "summary.docx", time_zone=ZONE),
                "pseudo": t.issue_psychosocial_summary(case["id"], "pdf", out / "pseudo.pdf", pseudonymise=True,
                                                       time_zone=ZONE, child_person_id=child),
            }
            ca = t.signing_identity()["ca_fingerprint"]
    return {"record": path, "out": out, "case": case, "mother": mother, "entries": entries,
            "documents": dict(zip(("pdf", "docx", "pseudo"), given)), "ca": ca}


def _tables(doc) -> dict[tuple, Table]:
    return {b.columns: b for _, b in walk(doc) if isinstance(b, Table)}


# --- the PDF and the DOCX -------------------------------------------------------------------------

def test_the_pdf_is_pdfa_1b_and_signed_by_the_centre(world):
    path = world["out"] / "summary.pdf"
    ok, report = preflight(path)
    assert ok, report
    data = path.read_bytes()
    verdict = trust.judge_pdf(data, [trust.Anchor(world["ca"], "Test Centre")])
    assert verdict.trusted, verdict.headline
    check = validate_pdf(data, embedded_ca_pems(data)[-1])
    assert check.ok, check.problem


def test_the_pdf_shows_the_scores_bands_episodes_plan_and_rescreen(world):
    text = flat(pdf_text(world["out"] / "summary.pdf", raw=True))
    for expected in ("Psychosocial summary", world["case"]["reference"], "Testa Exampledottir",
                     "Trauma-focused CBT (TF-CBT)", "2026-10-01", "Completed",
                     "2026-09-09 22:00",                                     # the crisis contact, Stockholm time
                     "Probable PTSD", "Moderate trauma-related distress", "The cut-off is 21 (Total symptom score).",
                     "Not done", REASON, GOAL, "Class teacher", "2027-01-15", "Every 6 months",
                     "The session notes, the crisis contacts' notes and the answers to the questionnaires' items "
                     "stay sealed in the record"):
        assert flat(expected) in text, expected


def test_the_document_pins_the_hand_computed_scores_counts_and_trend(world):
    doc = world["documents"]["pdf"]
    tables = _tables(doc)
    (assessments,) = [t for cols, t in tables.items() if cols[0] == "Date" and "Version" in cols]
    assert assessments.rows == (
        ("2026-09-01", "Baseline", "The child", "30", "Probable PTSD", "Yes", "1"),
        ("2026-10-20", "Follow-up", "A carer", "20", "Moderate trauma-related distress", "No", "1"))
    (sessions,) = [t for cols, t in tables.items() if "Attended" in cols]
    assert sessions.rows == (("Testa Exampledottir", "Trauma-focused CBT (TF-CBT)", "2026-09-01", "1", "1", "1", "1"),)
    (trend,) = [b for _, b in walk(doc) if isinstance(b, Trend)]
    assert trend.cutoff == 21.0
    assert trend.points == (("2026-09-01", 30.0, "Probable PTSD"), ("2026-10-20", 20.0,
                                                                     "Moderate trauma-related distress"))
    assert trend.episodes == (("2026-09-01", "2026-10-01", "Trauma-focused CBT (TF-CBT)"),)


def test_libreoffice_opens_the_docx_with_the_same_texts(world):
    converted = libreoffice_to_pdf(world["out"] / "summary.docx", world["out"] / "lo")
    text = flat(pdf_text(converted, raw=True))
    for expected in (world["case"]["reference"], "Probable PTSD", "30 (at or above the cut-off)", GOAL):
        assert flat(expected) in text, expected


def test_no_session_note_crisis_note_or_item_answer_is_in_any_document(world):
    for doc in world["documents"].values():
        joined = "\n".join(texts_of(doc))
        assert [s for s in SECRETS if s in joined] == []
    for name in ("summary.pdf", "pseudo.pdf"):
        text = pdf_text(world["out"] / name, raw=True)
        assert [s for s in SECRETS if flat(s) in flat(text)] == [], name
    xml = docx_xml(world["out"] / "summary.docx")
    assert GOAL in xml                                  # the XML is readable: the search works
    assert [s for s in SECRETS if s in xml] == []


def test_the_pseudonymised_summary_names_no_one_of_the_case(world):
    doc = world["documents"]["pseudo"]
    joined = "\n".join(texts_of(doc))
    text = pdf_text(world["out"] / "pseudo.pdf")
    for name in ("Testa", "Exampledottir", "Mona", "2014-05-06"):
        assert name not in joined and name not in text and name not in flat(text), name
    assert "Child A" in joined and "Age 12–14" in joined
    assert "[removed] asked to wait until the school term ends." in joined
    assert "Probable PTSD" in joined and "Therapist" in joined    # the professionals keep their names


# --- register, audit ------------------------------------------------------------------------------

def test_the_register_holds_the_type_and_the_files_sha256(world):
    with login(world["record"], "coordinator") as s:
        register = s.document_register(world["case"]["id"])
        verified = s.verify_document(world["out"] / "summary.docx")
    by_id = {d["document_id"]: d for d in register}
    for key, name, fmt in (("pdf", "summary.pdf", "pdf"), ("docx", "summary.docx", "docx"), ("pseudo", "pseudo.pdf",
                                                                                              "pdf")):
        entry = by_id[world["entries"][key]["document_id"]]
        assert (entry["doc_type"], entry["format"], entry["case_id"], entry["file_name"]) == \
            ("psychosocial_summary", fmt, world["case"]["id"], name)
        assert entry["sha256"] == hashlib.sha256((world["out"] / name).read_bytes()).hexdigest()
    assert (by_id[world["entries"]["pdf"]["document_id"]]["version"],
            by_id[world["entries"]["pseudo"]["document_id"]]["version"]) == (1, 2)
    assert by_id[world["entries"]["pseudo"]["document_id"]]["pseudonymised"] is True
    assert verified["status"] == "issued" and verified["doc_type"] == "psychosocial_summary"


def test_the_audit_trail_records_the_issue_without_content(world):
    with login(world["record"], "coordinator") as s:
        conn = raw(s)
        rows = conn.execute("SELECT subject_kind, subject_id, detail FROM audit_log WHERE action = 'document.issued'"
                            " AND detail LIKE '%psychosocial_summary%' ORDER BY id").fetchall()
        conn.close()
    assert [(k, i) for k, i, _ in rows] == [("case", world["case"]["id"])] * 3
    for _, _, detail in rows:
        assert not any(w in detail for w in ("PTSD", "score", "Exampledottir", GOAL)), detail


# --- who may, and bad requests ----------------------------------------------------------------------

@pytest.mark.parametrize("user", ["coordinator", "liaison", "interviewer", "medical", "admin"])
def test_only_therapists_issue_it(world, tmp_path, user):
    with login(world["record"], user) as s:
        with pytest.raises(PermissionDenied):
            s.issue_psychosocial_summary(world["case"]["id"], "pdf", tmp_path / "p.pdf")
    assert not (tmp_path / "p.pdf").exists()


def test_bad_requests_are_refused_and_write_nothing(world, tmp_path):
    with login(world["record"], "therapist") as s:
        with pytest.raises(ValidationError) as err:
            s.issue_psychosocial_summary(world["case"]["id"], "odt", tmp_path / "a.odt")
        assert err.value.field == "format"
        with pytest.raises(ValidationError) as err:   # the mother is a party, not a child of the case
            s.issue_psychosocial_summary(world["case"]["id"], "pdf", tmp_path / "b.pdf",
                                         child_person_id=world["mother"])
        assert err.value.field == "child_person_id"
        with pytest.raises(ValidationError) as err:
            s.issue_psychosocial_summary(world["case"]["id"], "pdf", tmp_path / "c.pdf", time_zone="Mars/Olympus")
        assert err.value.field == "time_zone"
        with s.record.engine.connect() as conn:
            count = len(conn.execute(select(IssuedDocument.id).where(
                IssuedDocument.doc_type == "psychosocial_summary")).all())
    assert list(tmp_path.iterdir()) == [] and count >= 3


# --- the command line ---------------------------------------------------------------------------

def test_cli_psychosocial_summary_then_verify_document(world, tmp_path):
    from tests.support.cli import run_cli
    from tests.support.records import STAFF_PASSWORD
    pw = tmp_path / "pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    out = tmp_path / "psychosocial.docx"
    ref = world["case"]["reference"]
    base = ("--record", world["record"], "--user", "therapist", "--password-file", pw)
    code, stdout, err = run_cli("psychosocial-summary", *base, "--case", ref, "--format", "docx", "--out", out)
    assert code == 0, err
    m = re.fullmatch(rf"Wrote {re.escape(str(out))}: psychosocial summary of case {ref}, document "
                     r"(D-\d{8}-[0-9A-F]{8}) \(version 2\), SHA-256 ([0-9a-f]{64})\.\n", stdout)
    assert m, stdout
    assert m.group(2) == hashlib.sha256(out.read_bytes()).hexdigest()
    code, stdout, err = run_cli("verify-document", *base, out)
    assert code == 0, err
    assert f"Document {m.group(1)}, case {ref}, psychosocial summary version 2." in stdout
    code, _stdout, err = run_cli("psychosocial-summary", *base[:3], "coordinator", *base[4:], "--case", ref,
                                 "--out", tmp_path / "x.pdf")
    assert code != 0 and not (tmp_path / "x.pdf").exists()


# --- the upgrade --------------------------------------------------------------------------------

def test_an_upgraded_record_keeps_its_registers_and_takes_the_new_type(tmp_path):
    """v0013 (a court summary registered and disclosed) opened: 0014 rebuilt both registers, the
    rows are kept, the register takes psychosocial_summary and is append-only again."""
    from barnahus_app.api import open_record
    from tests.support.records import FAST_KDF, old_fixture
    path, m = old_fixture("0013", tmp_path)
    with open_record(path, "coordinator", m["users"]["coordinator"]["password"], kdf=FAST_KDF) as s:
        assert s.upgraded_from == "0013"
        (entry,) = s.document_register(1)
        conn = raw(s)
        table_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'issued_documents'").fetchone()[0]
        with pytest.raises(Exception, match="append-only"):
            conn.execute("UPDATE issued_documents SET version = 2")
        with pytest.raises(Exception, match="append-only"):
            conn.execute("DELETE FROM disclosures")
        conn.close()
    assert (entry["document_id"], entry["doc_type"], entry["sha256"], entry["file_name"]) == (
        "D-20250320-0A0B0C0D", "case_summary", "ab" * 32, "summary.pdf")
    assert [(d["recipient"], d["undertaking"]) for d in entry["disclosures"]] == [("District court", "Court use only")]
    assert "'psychosocial_summary'" in table_sql
