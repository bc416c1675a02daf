"""The minutes of a team (MDT) meeting and the court summary's team sections (issue 13).

One record per module with a three-case meeting; the minutes are issued once per format and
state and then read by the tools a recipient would use: Apache PDFBox Preflight (PDF/A-1b),
pyHanko (the signature), pdftotext, LibreOffice (the DOCX). The register, verify_document and
the trust verdict take a minutes row (a meeting's, no case). Pseudonymised minutes are checked
like the summary's canary: the child's family name in every free text of the meeting, and none
of it in any text of the Document the renderers were given nor in the PDF's text."""
from __future__ import annotations

import re
import unicodedata

import pytest
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from barnahus_app.documents import issuing, trust
from barnahus_app.documents.pdf_sign import validate_pdf
from barnahus_app.documents.tables import IssuedDocument
from barnahus_app.errors import NotFound, PermissionDenied, ValidationError
from tests.core.test_pseudonymised_summary import texts_of
from tests.support.cli import run_cli
from tests.support.document_tools import libreoffice_to_pdf, pdf_pages_text, pdf_text, preflight
from tests.support.records import STAFF_PASSWORD, login, make_record, sample_case

ZONE = "Europe/Stockholm"
CHILD = ("Tilda", "Lindqvist")           # the canary child of the first case
CONTACT = "Kommissarie Berit Polisson"   # an outside contact: keeps her name in pseudonymised minutes
VIEWS = "Tilda Lindqvist wants to stay with her aunt; Lindqvists' flat is too small."
DECISION = "Offer Tilda Lindqvist therapy at the centre."
ADDENDUM = "Correction: the police update was given by phone."


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def flat(text: str) -> str:
    """Without any white space: a text a table cell wrapped is still found whole."""
    return re.sub(r"\s+", "", text)


def leaks(texts) -> list[str]:
    return [t for t in texts if "lindqvist" in fold(t) or "tilda" in fold(t)]


# --- the meeting, made through the core ---------------------------------------------------------

def make_meeting(s, case_ids: list[int], *, contact_id: int, room_id: int | None,
                 starts="2026-03-10T09:00", minutes=120) -> int:
    """A held case review of the given cases with attendance, updates, the child's views,
    decisions, actions and, for the first case, the outcome explained."""
    mid = s.plan_meeting("case_review", starts, minutes, chair_id=s.user_id, minute_taker_id=s.user_id,
                         room_id=room_id, remote=room_id is None, title="Weekly case review", time_zone=ZONE)
    s.set_attendees(mid, [{"user_id": s.user_id, "discipline": "centre", "attendance": "present"},
                          {"contact_id": contact_id, "discipline": "police", "attendance": "present",
                           "remote": True}])
    items = s.add_agenda_items(mid, [(cid, "new" if pos == 1 else "review_due")
                                     for pos, cid in enumerate(case_ids, 1)])
    for pos, (item, cid) in enumerate(zip(items, case_ids), 1):
        first = pos == 1
        s.record_item(item, discussed=True, child_heard="directly" if first else "not_heard",
                      child_views=VIEWS if first else None,
                      child_not_heard_reason=None if first else f"Case {pos}: the child was ill.",
                      updates={"police": {"status": "investigating",
                                          "note": f"Case {pos}: " + ("Lindqvist's neighbour heard." if first
                                                                    else "Nothing new.")}},
                      decisions=[DECISION if first else f"Case {pos}: review in 90 days."])
        s.add_team_action(cid, f"Case {pos}: book the therapist", "2026-03-20", owner_user_id=s.user_id,
                          item_id=item)
        s.add_team_action(cid, f"Case {pos}: send the police report", "2026-03-17", owner_contact_id=contact_id,
                          item_id=item)
        if first:
            s.record_outcome_explained(item, "2026-03-11", "both")
    s.hold_meeting(mid)
    return mid


# --- the record and the documents, once ---------------------------------------------------------

@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("minutes")
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
        with login(path, "admin") as a:
            room = a.create_room("MDT room", "meeting")
        with login(path, "coordinator") as s:
            agency = s.create_agency(name="Polisen Region Syd", kind="police")
            contact = s.add_staff_contact(agency_id=agency, name=CONTACT)
            child = s.create_person(given_name=CHILD[0], family_name=CHILD[1], date_of_birth="2015-02-03",
                                    acknowledge_duplicates=True)
            first = s.create_case(referral_received_at="2026-03-04T09:30:00+01:00", jurisdiction="SE")
            s.add_child(first["id"], child, "victim")
            cases = [first] + [sample_case(s) for _ in range(2)]
            mid = make_meeting(s, [c["id"] for c in cases], contact_id=contact, room_id=room)
            other = make_meeting(s, [cases[1]["id"]], contact_id=contact, room_id=None, starts="2026-03-24T09:00",
                                 minutes=60)
            psychiatry = s.create_referral(first["id"], "out", "child_psychiatry", agency_id=agency, on="2026-03-10")
            s.set_referral_status(psychiatry, "sent", on="2026-03-12")
            s.set_referral_status(psychiatry, "accepted", on="2026-03-16")
            s.set_referral_status(psychiatry, "engaged", on="2026-03-20")
            s.set_referral_status(psychiatry, "done", on="2026-04-02", outcome="not_successful",
                                  outcome_reason="family_declined")
            school = s.create_referral(first["id"], "out", "school_support", on="2026-03-10")
            s.set_referral_status(school, "sent", on="2026-03-15")
            mp.setattr(issuing, "_render", spy)
            docs = {}
            docs["draft_pdf"] = s.issue_minutes(mid, "pdf", out / "draft.pdf")
            docs["draft_docx"] = s.issue_minutes(mid, "docx", out / "draft.docx")
            docs["pseudo_pdf"] = s.issue_minutes(mid, "pdf", out / "pseudo.pdf", pseudonymise=True)
            s.approve_minutes(mid)
            s.add_minutes_addendum(mid, ADDENDUM)
            docs["approved_pdf"] = s.issue_minutes(mid, "pdf", out / "approved.pdf")
            docs["other_pdf"] = s.issue_minutes(other, "pdf", out / "other.pdf")
            docs["summary"] = s.write_case_summary(first["id"], out / "summary.docx", "docx", time_zone=ZONE)
            docs["summary_pseudo"] = s.write_case_summary(first["id"], out / "summary-pseudo.docx", "docx",
                                                          pseudonymise=True, time_zone=ZONE)
            ca = s.signing_identity()["ca_fingerprint"]
    documents = dict(zip(("draft_pdf", "draft_docx", "pseudo_pdf", "approved_pdf", "other_pdf", "summary",
                          "summary_pseudo"), given))
    return {"record": path, "out": out, "meeting": mid, "other": other, "cases": cases, "entries": docs,
            "documents": documents, "ca": ca, "folder": folder}


# --- the PDF --------------------------------------------------------------------------------

def test_draft_minutes_pdf_is_pdfa_1b_and_signed_by_the_centre(world):
    path = world["out"] / "draft.pdf"
    ok, report = preflight(path)
    assert ok, report
    data = path.read_bytes()
    verdict = trust.judge_pdf(data, [trust.Anchor(world["ca"], "Test Centre")])
    assert verdict.trusted, verdict.headline
    from barnahus_app.documents.pdf_sign import embedded_ca_pems
    check = validate_pdf(data, embedded_ca_pems(data)[-1])
    assert check.ok, check.problem


def test_draft_minutes_show_the_meeting_and_say_draft_on_every_page(world):
    pages = pdf_pages_text(world["out"] / "draft.pdf", raw=True)
    text = flat("".join(pages))
    for ref in (c["reference"] for c in world["cases"]):
        assert flat(ref) in text
    for expected in ("Weekly case review", "2026-03-10 09:00–11:00 (Europe/Stockholm)", "MDT room", CONTACT,
                     "Polisen Region Syd", "No one attended for:", "Tilda Lindqvist", "Heard directly",
                     "Case 2: the child was ill.", "Case 2: review in 90 days.", "Case 3: send the police report",
                     "Outcome explained to the child and the carer on 2026-03-11 by Coordinator.",
                     "DRAFT: these minutes are not approved and may still change."):
        assert flat(expected) in text, expected
    for number, page in enumerate(pages, 1):
        assert f"MDT meeting {world['meeting']}, 2026-03-10 — DRAFT" in page, number


def test_the_missing_core_disciplines_are_named(world):
    doc = world["documents"]["draft_pdf"]
    paragraphs = [t for t in texts_of(doc) if t.startswith("No one attended for:")]
    assert len(paragraphs) == 1
    # Centre and police attended; prosecution, social services and health did not.
    for code_or_label in ("rosecution", "ocial", "ealth"):
        assert code_or_label in paragraphs[0]
    assert "olice" not in paragraphs[0] and "entre" not in paragraphs[0]


def test_approved_minutes_carry_no_draft_and_show_the_addenda(world):
    text = flat(pdf_text(world["out"] / "approved.pdf", raw=True))
    assert "DRAFT" not in text
    assert flat("Addenda (corrections after approval)") in text and flat(ADDENDUM) in text
    assert flat(f"{datetime.now(ZoneInfo(ZONE)).date().isoformat()} by Coordinator") in text   # approved today
    assert "DRAFT" not in "\n".join(texts_of(world["documents"]["approved_pdf"]))
    assert "Addenda" not in "\n".join(texts_of(world["documents"]["draft_pdf"]))


# --- the DOCX -------------------------------------------------------------------------------

def test_libreoffice_opens_the_docx_minutes_with_the_same_texts(world):
    converted = libreoffice_to_pdf(world["out"] / "draft.docx", world["out"] / "lo")
    text = flat(pdf_text(converted, raw=True))
    for expected in (world["cases"][0]["reference"], CONTACT, DECISION, "Tilda Lindqvist", "No one attended for:",
                     f"MDT meeting {world['meeting']}, 2026-03-10 — DRAFT"):
        assert flat(expected) in text, expected


# --- register, verification -------------------------------------------------------------------

def test_minutes_are_registered_for_the_meeting_and_versioned_per_meeting(world):
    e = world["entries"]
    for key in ("draft_pdf", "draft_docx", "pseudo_pdf", "approved_pdf", "other_pdf"):
        assert e[key]["doc_type"] == "minutes" and e[key]["case_id"] is None and e[key]["case_reference"] is None
    assert e["draft_pdf"]["meeting_id"] == world["meeting"] and e["other_pdf"]["meeting_id"] == world["other"]
    # Versions count per meeting, type and format.
    assert (e["draft_pdf"]["version"], e["pseudo_pdf"]["version"], e["approved_pdf"]["version"]) == (1, 2, 3)
    assert (e["draft_docx"]["version"], e["other_pdf"]["version"]) == (1, 1)
    assert e["pseudo_pdf"]["pseudonymised"] and not e["draft_pdf"]["pseudonymised"]


def test_verify_document_says_issued_by_this_record_for_minutes(world):
    with login(world["record"], "coordinator") as s:
        for name in ("draft.pdf", "draft.docx"):
            result = s.verify_document(world["out"] / name)
            assert result["status"] == "issued", result
            assert result["doc_type"] == "minutes" and result["meeting_id"] == world["meeting"]
            assert result["case_reference"] is None
        listed = s.meeting_documents(world["meeting"])
        changed = world["folder"] / "changed.pdf"
        data = bytearray((world["out"] / "draft.pdf").read_bytes())
        data[len(data) // 2] ^= 1
        changed.write_bytes(data)
        assert s.verify_document(changed)["status"] == "unknown"
    assert [d["document_id"] for d in listed] == [world["entries"][k]["document_id"] for k in
                                                  ("approved_pdf", "pseudo_pdf", "draft_docx", "draft_pdf")]


def test_a_cases_register_lists_the_minutes_of_the_meetings_it_was_on(world):
    """The first case was on the agenda of the first meeting only; the second case on both. Newest
    first, the pseudonymised minutes included, each minutes entry with its meeting."""
    e, first, second = world["entries"], world["cases"][0], world["cases"][1]
    with login(world["record"], "therapist") as s:   # a case-working role that reads meetings
        register = s.document_register(first["id"])
        other = s.document_register(second["reference"])
    assert [d["document_id"] for d in register] == [e[k]["document_id"] for k in (
        "summary_pseudo", "summary", "approved_pdf", "pseudo_pdf", "draft_docx", "draft_pdf")]
    assert [d["document_id"] for d in other] == [e[k]["document_id"] for k in (
        "other_pdf", "approved_pdf", "pseudo_pdf", "draft_docx", "draft_pdf")]
    minutes = {d["document_id"]: d for d in register if d["doc_type"] == "minutes"}
    assert {d["meeting_id"] for d in minutes.values()} == {world["meeting"]}
    assert {(d["case_id"], d["case_reference"]) for d in minutes.values()} == {(None, None)}
    assert minutes[e["pseudo_pdf"]["document_id"]]["pseudonymised"] is True
    # The meeting as the minutes' header names it: its start (09:00 in Stockholm, UTC+1 in March).
    assert minutes[e["draft_pdf"]["document_id"]]["meeting_starts_at_utc"].startswith("2026-03-10T08:00:00")
    assert minutes[e["draft_pdf"]["document_id"]]["meeting_time_zone"] == ZONE
    summary = next(d for d in register if d["doc_type"] == "case_summary")
    assert summary["case_id"] == first["id"] and summary["meeting_id"] is None
    assert "meeting_starts_at_utc" not in summary


def test_the_audit_trail_records_the_issue_under_the_meeting_without_content(world):
    from tests.support.records import raw
    with login(world["record"], "coordinator") as s:
        conn = raw(s)
        rows = conn.execute("SELECT subject_kind, subject_id, detail FROM audit_log WHERE action = 'document.issued'"
                            " AND detail LIKE '%\"minutes\"%' ORDER BY id").fetchall()
        conn.close()
    assert [(k, i) for k, i, _ in rows][:1] == [("meeting", world["meeting"])]
    assert len(rows) == 5
    assert not leaks(d for _, _, d in rows)


# --- pseudonymised ------------------------------------------------------------------------------

def test_pseudonymised_minutes_hold_no_name_of_the_child(world):
    doc = world["documents"]["pseudo_pdf"]
    plain = world["documents"]["draft_pdf"]
    assert len(leaks(texts_of(plain))) >= 4      # the canary did reach every free text
    assert leaks(texts_of(doc)) == []
    text = "\n".join(texts_of(doc))
    assert "Child A" in text and CONTACT in text and world["cases"][0]["reference"] in text
    assert "[removed] wants to stay with her aunt; [removed]' flat is too small." in text
    pdf = pdf_text(world["out"] / "pseudo.pdf")
    assert leaks([pdf]) == [] and leaks([re.sub(r"\s+", "", pdf)]) == []
    assert "Testa" not in pdf and "Exampledottir" not in pdf   # the other cases' children too


# --- permission and bad input ---------------------------------------------------------------

@pytest.mark.parametrize("user", ["interviewer", "medical", "therapist", "liaison", "admin"])
def test_only_coordinators_issue_minutes(world, tmp_path, user):
    with login(world["record"], user) as s:
        with pytest.raises(PermissionDenied):
            s.issue_minutes(world["meeting"], "pdf", tmp_path / "m.pdf")
    assert not (tmp_path / "m.pdf").exists()


def test_bad_requests_are_refused_and_write_nothing(world, tmp_path):
    with login(world["record"], "coordinator") as s:
        with pytest.raises(NotFound):
            s.issue_minutes(9999, "pdf", tmp_path / "a.pdf")
        with pytest.raises(ValidationError):
            s.issue_minutes(world["meeting"], "odt", tmp_path / "b.odt")
        cancelled = s.plan_meeting("urgent", "2027-01-12T09:00", 60, chair_id=s.user_id, remote=True,
                                   time_zone=ZONE)
        s.cancel_meeting(cancelled, "No quorum")
        with pytest.raises(ValidationError, match="cancelled"):
            s.issue_minutes(cancelled, "pdf", tmp_path / "c.pdf")
        with s.record.engine.connect() as conn:
            count = len(conn.execute(select(IssuedDocument.id).where(IssuedDocument.doc_type == "minutes")).all())
    assert list(tmp_path.iterdir()) == [] and count == 5


# --- the court summary's team sections ----------------------------------------------------------

def _section(doc, heading):
    return next(s for s in doc.sections if s.heading == heading)


def test_the_summary_shows_the_team_decisions_but_not_the_discussion(world):
    doc = world["documents"]["summary"]
    table = _section(doc, "MDT decisions").blocks[0]
    assert table.columns == ("Date", "Meeting", "Decision")
    assert table.rows == (("2026-03-10", "Case review", DECISION),)
    text = "\n".join(texts_of(doc))
    assert "wants to stay with her aunt" not in text        # the child's views stay in the minutes
    assert "neighbour heard" not in text                    # and so do the agencies' updates


def test_the_summary_shows_the_referrals(world):
    table = _section(world["documents"]["summary"], "Referrals").blocks[0]
    assert table.columns == ("Service", "Direction", "Agency", "Status", "Sent", "Closed", "Outcome")
    assert table.rows == (
        ("Child and adolescent psychiatry", "Out", "Polisen Region Syd", "Done", "2026-03-12", "2026-04-02",
         "Not successful: The family declined"),
        ("School support", "Out", "", "Sent", "2026-03-15", "", ""))


def test_the_pseudonymised_summary_removes_names_from_the_decisions(world):
    table = _section(world["documents"]["summary_pseudo"], "MDT decisions").blocks[0]
    assert table.rows == (("2026-03-10", "Case review", "Offer [removed] therapy at the centre."),)


# --- the command line ---------------------------------------------------------------------------

def test_cli_minutes_then_verify_document(world, tmp_path):
    pw = tmp_path / "pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    out = tmp_path / "minutes.docx"
    base = ("--record", world["record"], "--user", "coordinator", "--password-file", pw)
    code, stdout, err = run_cli("minutes", *base, "--meeting", str(world["meeting"]), "--format", "docx",
                                "--pseudonymise", "--out", out)
    assert code == 0, err
    m = re.fullmatch(rf"Wrote {re.escape(str(out))}: minutes of meeting {world['meeting']}, document "
                     r"(D-\d{8}-[0-9A-F]{8}) \(version 2, pseudonymised\), SHA-256 ([0-9a-f]{64})\.\n", stdout)
    assert m, stdout
    code, stdout, err = run_cli("verify-document", *base, out)
    assert code == 0, err
    assert f"Document {m.group(1)}, meeting {world['meeting']}, minutes version 2." in stdout
    code, _stdout, err = run_cli("minutes", *base[:3], "interviewer", *base[4:], "--meeting",
                                 str(world["meeting"]), "--out", tmp_path / "x.pdf")
    assert code != 0 and not (tmp_path / "x.pdf").exists()


def test_a_disclosure_of_minutes_is_in_the_register_of_every_case_they_speak_of(tmp_path):
    """Minutes belong to no case, but they speak of each case on the agenda: handing them out is a
    disclosure of each of those cases, and of no other."""
    path, _ = make_record(tmp_path)
    with login(path, "coordinator") as s:
        agency = s.create_agency(name="Polisen Region Syd", kind="police")
        contact = s.add_staff_contact(agency_id=agency, name=CONTACT)
        on_agenda, elsewhere = sample_case(s), sample_case(s)
        mid = make_meeting(s, [on_agenda["id"]], contact_id=contact, room_id=None)
        doc = s.issue_minutes(mid, "docx", tmp_path / "minutes.docx")
        s.record_disclosure(doc["document_id"], recipient="Åklagarkammaren i Malmö", undertaking="none")
    with login(path, "liaison") as s:
        listed = s.disclosure_register(on_agenda["reference"])
        other = s.disclosure_register(elsewhere["id"])
    assert [(d["kind"], d["doc_type"], d["document_id"], d["recipient"]) for d in listed] == [
        ("document", "minutes", doc["document_id"], "Åklagarkammaren i Malmö")]
    assert other == []
