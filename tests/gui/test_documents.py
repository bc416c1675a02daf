"""The Documents page, the verify dialog and document signing in the administration: issuing a
court summary through the dialog, cancelling a bundle that copies a large recording, answers for
an issued, an altered and a bundle file, views shaped by roles, and the signing identity."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QVBoxLayout, QWidget

from tests.support.document_tools import pdf_pages_text, pdf_text
from tests.support.records import sample_case

pytestmark = pytest.mark.gui

WORK_MS = 60_000   # rendering and signing on a slow CI machine


def colon(hex_fp: str) -> str:
    return ":".join(hex_fp[i:i + 2] for i in range(0, len(hex_fp), 2)).upper()


@pytest.fixture
def make_panel(qtbot):
    from ui.documents.panel import DocumentsPanel
    hosts = []   # qtbot keeps only a weak reference

    def _make(session, case):
        host = QWidget()
        hosts.append(host)
        qtbot.addWidget(host)
        panel = DocumentsPanel(session, case["id"], case["reference"], host)
        QVBoxLayout(host).addWidget(panel)
        host.resize(1280, 800)
        host.show()
        qtbot.waitExposed(host)
        assert panel._shown_once   # the register was read when the page was first shown
        qtbot.waitUntil(lambda: not panel.loading)   # (off the GUI thread)
        return panel
    yield _make
    hosts.clear()


def issued_dialog(panel):
    d = panel.dialog
    return d if d is not None and d.objectName() == "issuedDialog" else None


def drop(widget, path) -> None:
    """What a file manager does: drag enter, then drop, with the file's URL."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def verify(qtbot, dlg, path) -> None:
    drop(dlg.zone, path)
    qtbot.waitUntil(lambda: bool(dlg.blocks) and not dlg.is_running(), timeout=WORK_MS)


def test_court_summary_through_the_dialog_then_a_disclosure(qtbot, open_as, make_panel, tmp_path):
    s = open_as("coordinator")
    case = sample_case(s)
    panel = make_panel(s, case)
    assert panel.model.rowCount() == 0 and not panel.empty.isHidden()

    # Alt+M opens the dialog; the default name has the case reference and today's date, in a
    # folder that exists.
    from datetime import date
    host = panel.window()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    qtbot.keyClick(host, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.dialog is not None)
    dlg = panel.dialog
    assert dlg.objectName() == "courtSummaryDialog"
    default = dlg.path()
    assert os.path.basename(default) == f"{case['reference']}-court-summary-{date.today().isoformat()}.pdf"
    assert os.path.isdir(os.path.dirname(default))
    dlg.docx.setChecked(True)
    assert dlg.path().endswith(".docx")
    dlg.reject()
    qtbot.waitUntil(lambda: panel.dialog is None)

    out = tmp_path / "summary.pdf"
    dlg = panel.court_summary(path=out)
    assert dlg.path() == str(out) and dlg.fmt() == "pdf"
    dlg.accept()
    qtbot.waitUntil(lambda: issued_dialog(panel) is not None, timeout=WORK_MS)
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")

    register = s.document_register(case["id"])
    assert len(register) == 1
    entry = register[0]
    assert entry["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    # The table shows the new row, selected, with the short hash and the full one in its tooltip.
    qtbot.waitUntil(lambda: not panel.loading)
    assert panel.model.rowCount() == 1
    texts = [panel.model.item(0, c).text() for c in range(panel.model.columnCount())]
    assert entry["document_id"] in texts and "Court summary" in texts and "1" in texts
    sha_item = panel.model.item(0, panel.COLUMNS.index("sha256"))
    assert sha_item.toolTip() == entry["sha256"] and entry["sha256"].startswith(sha_item.text().rstrip("…"))
    assert panel.selected()["document_id"] == entry["document_id"]
    assert panel.fact_labels["sha256"].text() == entry["sha256"]

    # What to give the recipient out of band.
    receipt = issued_dialog(panel)
    assert receipt.values["document"] == entry["document_id"]
    assert receipt.values["sha256"] == entry["sha256"]
    assert receipt.values["ca"] == colon(s.signing_identity()["ca_fingerprint"])
    receipt.reject()
    qtbot.waitUntil(lambda: panel.dialog is None)

    # A disclosure: the undertaking is required (the core says so, beside the field).
    dlg = panel.record_disclosure()
    dlg.recipient.setText("Anna Prosecutor, Regional Prosecution Office")
    dlg.accept()
    qtbot.waitUntil(lambda: not dlg.running)   # the core's answer comes from its own thread
    assert dlg.isVisible() and dlg.messages["undertaking"].text()
    dlg.undertaking.setPlainText("Only for the proceedings of this case.")
    dlg.method.setText("In person")
    dlg.accept()
    qtbot.waitUntil(lambda: panel.dialog is None and not panel.loading)
    assert panel.model.item(0, panel.COLUMNS.index("disclosures")).text() == "1"
    assert panel.d_model.rowCount() == 1
    assert panel.d_model.item(0, 0).text() == "Anna Prosecutor, Regional Prosecution Office"
    assert "Only for the proceedings" in panel.undertaking_label.text()


def test_cancel_a_bundle_copying_a_large_recording_writes_nothing(qtbot, open_as, make_panel, tmp_path):
    # One session at a time holds the record.
    with open_as("coordinator") as c:
        case = sample_case(c)
    with open_as("admin") as a:
        room = a.create_room("Interview room 1", "interview")
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    big = evidence / "master.mp4"
    with open(big, "wb") as f:   # sparse: 1 GiB that takes no room on the disk
        f.truncate(1 << 30)
    with open_as("interviewer") as i:
        iid = i.plan_interview(case["id"], case["child_id"], "2026-12-01T10:00", 60, room, i.user_id,
                               time_zone="Europe/Stockholm")
        i.register_recording(iid, big, label="Master")
    s = open_as("coordinator")
    before = s.document_register(case["id"])

    panel = make_panel(s, case)
    out = tmp_path / "out"
    out.mkdir()
    dlg = panel.prosecutor_bundle(path=out / "bundle")
    assert dlg.recordings.isEnabled()
    dlg.recordings.setChecked(True)
    dlg.accept()
    job = dlg.job
    # Past the summaries, into copying the recording; then Cancel in the progress dialog.
    qtbot.waitUntil(lambda: job.value() > 300 and job.dialog.isVisible(), timeout=WORK_MS)
    assert job.running
    cancel = next(b for b in job.dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not job.running, timeout=WORK_MS)

    assert "Nothing was written" in dlg.general.text()
    assert dlg.isVisible() and panel.dialog is dlg and issued_dialog(panel) is None
    assert list(out.iterdir()) == []   # no bundle, no hidden partial folder
    assert s.document_register(case["id"]) == before
    assert panel.model.rowCount() == len(before)
    dlg.reject()
    qtbot.waitUntil(lambda: panel.dialog is None)


def test_verify_an_issued_pdf_then_a_copy_changed_by_one_byte(qtbot, open_as, tmp_path):
    from ui.documents.verify_dialog import VerifyDialog
    s = open_as("coordinator")
    case = sample_case(s)
    pdf = tmp_path / "summary.pdf"
    entry = s.write_case_summary(case["id"], pdf, "pdf")
    dlg = VerifyDialog(s)
    qtbot.addWidget(dlg)
    dlg.show()

    # No trust anchor yet: the register vouches for it, but the first answer says the signer is
    # not verified (never the green tick for the signature).
    verify(qtbot, dlg, pdf)
    assert dlg.state() == "info"
    assert [b.kind for b in dlg.blocks] == ["trust", "record"]
    assert dlg.blocks[0].headline.text() == "Signature intact, but the signer is NOT verified"
    text = dlg.result_text()
    assert "Issued by this record on" in text and "unaltered" in text
    assert entry["document_id"] in text and case["reference"] in text and "version 1" in text

    # The fingerprint from the centre's letter, with colons as the administration shows it.
    dlg.trust_edit.setText(colon(s.signing_identity()["ca_fingerprint"]))
    verify(qtbot, dlg, pdf)
    assert dlg.state() == "ok"
    assert dlg.blocks[0].headline.text() == ("Signed by Test Centre, whose certificate matches your trusted "
                                             "fingerprint")

    changed = tmp_path / "changed.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed.write_bytes(bytes(data))
    verify(qtbot, dlg, changed)
    assert dlg.state() == "warning"
    first, block = dlg.blocks
    assert first.headline.text() == "NOT signed by a centre you trust"
    assert block.headline.text() == "Unknown or altered"   # in words, not colour alone
    assert not block.icon.pixmap().isNull()
    assert "not issued by this record, or it was changed after it was issued" in block.text()


def test_verify_a_bundle_folder_names_the_changed_file(qtbot, open_as, tmp_path):
    from ui.documents.verify_dialog import VerifyDialog
    s = open_as("coordinator")
    case = sample_case(s)
    bundle = tmp_path / "bundle"
    s.export_bundle(case["id"], bundle)
    pdf = tmp_path / "summary.pdf"
    s.write_case_summary(case["id"], pdf, "pdf")
    ca = colon(s.signing_identity()["ca_fingerprint"])
    target = bundle / "data" / "interviews" / "interview-index.csv"
    target.write_bytes(target.read_bytes() + b"an added line\r\n")

    # No record open: the bundle is checked on its own.
    alone = VerifyDialog(None)
    qtbot.addWidget(alone)
    alone.show()
    verify(qtbot, alone, bundle)
    assert alone.state() == "warning"
    first, block = alone.blocks
    assert first.kind == "trust" and first.headline.text() == "NOT signed by a centre you trust"
    assert block.kind == "bundle"
    assert "data/interviews/interview-index.csv" in block.text()
    assert "Test Centre document signing" in block.text() and ca in block.text()
    # A single document needs the record.
    verify(qtbot, alone, pdf)
    assert alone.state() == "info" and "without the record" in alone.result_text()

    # With the record: the register knows the bundle's signed list, and the bundle check still
    # names the changed file.
    dlg = VerifyDialog(s)
    qtbot.addWidget(dlg)
    dlg.show()
    verify(qtbot, dlg, bundle)
    kinds = {b.kind: b for b in dlg.blocks}
    assert set(kinds) == {"trust", "record", "bundle"}
    assert kinds["record"].state == "info" and "issued by this record" in kinds["record"].text()
    assert kinds["bundle"].state == "warning"
    assert "data/interviews/interview-index.csv" in kinds["bundle"].text()


@pytest.mark.parametrize("role, summary, bundle", [
    ("therapist", False, False), ("liaison", True, False), ("coordinator", True, True)])
def test_buttons_follow_the_role(qtbot, open_as, make_panel, role, summary, bundle):
    with open_as("coordinator") as c:
        case = sample_case(c)
    panel = make_panel(open_as(role), case)
    assert panel.summary_button.isVisible() == summary
    assert panel.disclose_button.isVisible() == summary
    assert panel.bundle_button.isVisible() == bundle
    assert panel.verify_button.isVisible()


def test_administration_shows_and_creates_the_signing_identity(qtbot, open_as, tmp_path):
    from ui.admin.panel import AdminPanel, ImportSigningDialog
    from barnahus_app.documents import pki
    s = open_as("admin")
    panel = AdminPanel(s)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: not panel.loading)   # read off the GUI thread
    assert panel.signing_box.isVisible()
    assert panel.signing_none.isVisible() and not panel.signing_form.isVisible()

    # Create: the dialog asks where the CA file for the safe goes, and its passphrase (twice).
    from tests.support.gui_shell import answer_modal
    ca_file = tmp_path / "centre-ca.p12"
    seen = {}

    def fill(dlg):
        seen["intro"] = dlg.intro.text()
        dlg.file.setText(str(ca_file))
        dlg.passphrase.setText("for the centre's safe")
        dlg.again.setText("not the same")
        dlg._submit()
        seen["mismatch"] = dlg.field_messages["ca_passphrase again"].text()
        dlg.again.setText("for the centre's safe")
        dlg._submit()
    answer = answer_modal(fill)
    qtbot.mouseClick(panel.create_signing_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.signing_form.isVisible, timeout=WORK_MS)
    assert "error" not in answer, answer
    ident = s.signing_identity()
    assert "keep verifying" in seen["intro"] and "never kept in the record" in seen["intro"]
    assert seen["mismatch"] == "The two passphrases are not the same. Type them again."
    assert pki.fingerprint(pki.load_ca_pkcs12(ca_file.read_bytes(), "for the centre's safe")[0]) == \
        ident["ca_fingerprint"]
    assert ident["ca_key_in_record"] is False and not panel.export_ca_button.isVisible()
    # Shown as two lines of 16 bytes each, the colon between them replaced by the line break.
    assert panel.signing_values["ca_fingerprint"].text() == \
        colon(ident["ca_fingerprint"])[:47] + "\n" + colon(ident["ca_fingerprint"])[48:]
    assert len(panel.signing_values["ca_fingerprint"].text().split("\n")[1].split(":")) == 16
    assert panel.signing_values["subject"].text() == ident["subject"]
    assert panel.trust_line.text() == ident["ca_fingerprint"] + "  Test Centre"
    assert not panel.signing_none.isVisible()
    qtbot.mouseClick(panel.copy_fingerprint_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == colon(ident["ca_fingerprint"])

    # Import from PKCS#12: the file and its password.
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, load_pem_private_key, pkcs12
    from barnahus_app.documents import pki
    creds, ca_pem, _ = pki.create_centre_credentials("Imported PKI")
    p12 = tmp_path / "centre.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"centre", load_pem_private_key(creds.key_pem.encode(), None), creds.cert,
        [x509.load_pem_x509_certificate(ca_pem.encode())], BestAvailableEncryption(b"p12-password")))
    dlg = ImportSigningDialog(s, panel)   # a child of the panel: closed with it
    dlg.file.setText(str(p12))
    dlg.password.setText("wrong")
    dlg._submit()
    qtbot.waitUntil(lambda: dlg.buttons.isEnabled(), timeout=WORK_MS)
    assert "password is wrong" in dlg.field_messages["pkcs12"].text()
    dlg.password.setText("p12-password")
    dlg._submit()
    qtbot.waitUntil(lambda: dlg.result() == QDialog.DialogCode.Accepted, timeout=WORK_MS)
    panel.refresh_signing()
    qtbot.waitUntil(lambda: not panel.loading)
    assert panel.signing_values["ca_fingerprint"].text().replace("\n", ":") == colon(pki.fingerprint(ca_pem))


def test_no_signing_section_without_the_settings_right(qtbot, open_as):
    from ui.admin.panel import AdminPanel
    panel = AdminPanel(open_as("coordinator"))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.signing_box.isHidden()


def test_verify_a_document_whose_issue_was_removed_from_the_audit_trail(qtbot, open_as, tmp_path):
    from tests.support.records import raw
    from ui.documents.verify_dialog import VerifyDialog
    s = open_as("coordinator")
    case = sample_case(s)
    docx = tmp_path / "summary.docx"
    entry = s.write_case_summary(case["id"], docx, "docx")
    conn = raw(s)     # an insider with the record key, past the append-only triggers
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE action = 'document.issued'")
    conn.commit()
    conn.close()
    dlg = VerifyDialog(s)
    qtbot.addWidget(dlg)
    dlg.show()
    verify(qtbot, dlg, docx)
    text = dlg.result_text()
    assert "unaltered" not in text
    assert "Not confirmed by the audit trail" in text
    assert (f"The register lists it as document {entry['document_id']} (case {case['reference']}), but the "
            "record's audit trail no longer confirms that it was issued") in text


def test_verify_dialog_says_first_whether_a_trusted_centre_signed_the_bundle(qtbot, open_as, tmp_path):
    """Issue 11: a bundle re-signed under a look-alike CA (the centre's very names) is consistent
    and validly signed; against the fingerprint the centre sent by letter the dialog's first
    words are that it is NOT signed by a centre you trust. The fingerprint is remembered."""
    from barnahus_app.documents import bundle as bundle_mod, pki
    from ui.common import prefs
    from ui.documents.verify_dialog import VerifyDialog
    s = open_as("coordinator")
    case = sample_case(s)
    genuine = tmp_path / "genuine"
    s.export_bundle(case["id"], genuine)
    fp = s.signing_identity()["ca_fingerprint"]
    trust_file = tmp_path / "trusted-centres.txt"
    trust_file.write_text(f"# from the letter of 2026-12-01\n{colon(fp)}  Barnahus Region Syd\n")

    dlg = VerifyDialog(None)   # the prosecutor: no record
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.trust_edit.setText(str(trust_file))
    verify(qtbot, dlg, genuine)
    assert dlg.state() == "ok"
    assert dlg.blocks[0].headline.text() == ("Signed by Barnahus Region Syd, whose certificate matches your "
                                             "trusted fingerprint")
    assert prefs.trust_anchor() == str(trust_file)

    import bagit
    forged = tmp_path / "forged"
    import shutil
    shutil.copytree(genuine, forged)
    creds, ca_pem, _ = pki.create_centre_credentials("Test Centre")   # same names, another key
    (forged / "data" / "certificates" / "centre-signing-certificate.pem").write_text(creds.cert_pem)
    (forged / "data" / "certificates" / "centre-ca-certificate.pem").write_text(ca_pem)
    bagit.Bag(str(forged)).save(manifests=True)
    (forged / "tagmanifest-sha256.txt.p7s").write_bytes(bundle_mod._sign(
        (forged / "tagmanifest-sha256.txt").read_bytes(), bundle_mod._load_signer(creds)))

    again = VerifyDialog(None)   # a new dialog: the trust file comes from this computer's settings
    qtbot.addWidget(again)
    again.show()
    assert again.trust_edit.text() == str(trust_file)
    verify(qtbot, again, forged)
    assert again.blocks[0].kind == "trust" and again.blocks[0].state == "warning"
    assert again.blocks[0].headline.text() == "NOT signed by a centre you trust"
    assert "does not match any fingerprint you trust" in again.blocks[0].text()
    assert again.state() == "warning"
    again.grab().save(str(tmp_path / "verify-forged.png"))


def test_administration_warns_while_the_ca_key_is_inside_and_exports_it(qtbot, open_as, tmp_path):
    """A record from before the CA key left it: the signing box says so and offers Export the CA
    key…, which writes the file for the safe and removes the key; Renew with the CA file… then
    makes a new signing certificate under the same CA."""
    from barnahus_app.documents import pki
    from tests.support.gui_shell import answer_modal
    from tests.support.records import raw
    from ui.admin.panel import AdminPanel
    s = open_as("admin")
    s.create_signing_identity(tmp_path / "first.p12", "for the centre's safe")
    ca_pem, ca_key = pki.load_ca_pkcs12((tmp_path / "first.p12").read_bytes(), "for the centre's safe")
    conn = raw(s)
    conn.execute("UPDATE signing_credentials SET private_key_pem = ? WHERE kind = 'ca'", (ca_key,))
    conn.commit()
    conn.close()
    panel = AdminPanel(s)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: not panel.loading)
    assert panel.export_ca_button.isVisible()
    assert "still inside this record" in panel.ca_key_warning.text()

    exported = tmp_path / "centre-ca.p12"

    def export(dlg):
        dlg.file.setText(str(exported))
        dlg.passphrase.setText("a new passphrase, long")
        dlg.again.setText("a new passphrase, long")
        dlg._submit()
    answer = answer_modal(export)
    qtbot.mouseClick(panel.export_ca_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.export_ca_button.isVisible() and not panel.loading, timeout=WORK_MS)
    assert "error" not in answer, answer
    assert pki.load_ca_pkcs12(exported.read_bytes(), "a new passphrase, long") == (ca_pem, ca_key)
    assert panel.ca_key_warning.text() == "" and s.signing_identity()["ca_key_in_record"] is False

    before = s.signing_identity()

    def renew(dlg):
        dlg.file.setText(str(exported))
        dlg.password.setText("a new passphrase, long")
        dlg._submit()
    answer = answer_modal(renew)
    qtbot.mouseClick(panel.renew_signing_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "renewed" in panel.signing_message.text(), timeout=WORK_MS)
    after = s.signing_identity()
    assert after["ca_fingerprint"] == before["ca_fingerprint"] and after["fingerprint"] != before["fingerprint"]


def test_summary_and_bundle_start_in_the_export_folder_and_the_summary_is_owner_only(qtbot, open_as, make_panel,
                                                                                     tmp_path):
    from ui.common.folders import documents_folder
    folder = tmp_path / "exports"
    folder.mkdir()
    with open_as("admin") as a:
        a.set_setting("export_folder", str(folder))
    s = open_as("coordinator")
    case = sample_case(s, police_reference="POL-2026-12", prosecution_reference="AKL-2026-34")
    panel = make_panel(s, case)
    host = panel.window()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    # Alt+M: the summary's dialog suggests a name in the administrator's folder; Enter writes it.
    qtbot.keyClick(host, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.dialog is not None)
    dlg = panel.dialog
    assert os.path.dirname(dlg.path()) == str(folder)
    out = dlg.path()
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: issued_dialog(panel) is not None, timeout=WORK_MS)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    # What the prosecutor reads first: the references, the jurisdiction's name, one document ID.
    first = pdf_pages_text(out)[0]
    for fact in ("POL-2026-12", "AKL-2026-34", "Sweden", "Testa Exampledottir", "Alleged Exampleson"):
        assert fact in first, fact
    entry = s.document_register(case["id"])[0]
    assert set(re.findall(r"\b[A-Z]-\d{8}-[0-9A-F]{8}\b", pdf_text(out))) == {entry["document_id"]}
    issued_dialog(panel).reject()
    qtbot.waitUntil(lambda: panel.dialog is None)
    dlg = panel.prosecutor_bundle()
    assert os.path.dirname(dlg.path()) == str(folder)
    dlg.reject()
    qtbot.waitUntil(lambda: panel.dialog is None)
    # A folder that is gone (an unplugged drive): the user's documents folder.
    shutil.rmtree(folder)
    dlg = panel.court_summary()
    assert os.path.dirname(dlg.path()) == str(documents_folder())
    dlg.reject()


def test_verify_dialog_names_the_meeting_of_issued_minutes_and_says_a_docx_is_unsigned(qtbot, open_as, tmp_path):
    """Minutes belong to a meeting, not a case: the register's answer names the meeting as the
    minutes' page header does (its number and date), in the register's words for the type."""
    from ui.documents.verify_dialog import VerifyDialog
    s = open_as("coordinator")
    case = sample_case(s)
    mid = s.plan_meeting("case_review", "2026-03-10T09:00", 60, chair_id=s.user_id, remote=True,
                         time_zone="Europe/Stockholm")
    s.add_agenda_items(mid, [(case["id"], "new")])
    pdf, docx = tmp_path / "minutes.pdf", tmp_path / "minutes.docx"
    pdf_entry = s.issue_minutes(mid, "pdf", pdf)
    docx_entry = s.issue_minutes(mid, "docx", docx)
    dlg = VerifyDialog(s)
    qtbot.addWidget(dlg)
    dlg.show()

    verify(qtbot, dlg, pdf)
    assert [b.kind for b in dlg.blocks] == ["trust", "record"]
    assert dlg.blocks[0].headline.text() == "Signature intact, but the signer is NOT verified"
    record = dlg.blocks[1]
    assert record.state == "ok" and record.headline.text() == "Issued by this record, unaltered"
    assert (f"unaltered (document {pdf_entry['document_id']}, MDT meeting {mid}, 2026-03-10, version 1).\n"
            "Meeting minutes, PDF, signed.") in record.body.text()
    assert "case" not in record.body.text()

    verify(qtbot, dlg, docx)
    trust_block, record = dlg.blocks
    assert trust_block.state == "info"   # nothing to judge by signature, and no anchor was given
    assert trust_block.headline.text() == "NOT signed by a centre you trust"
    assert trust_block.body.text() == ("This file carries no signature (a DOCX is not signed; only the register "
                                       "of the record that issued it vouches for it).")
    assert (f"(document {docx_entry['document_id']}, MDT meeting {mid}, 2026-03-10, version 1).\n"
            "Meeting minutes, DOCX.") in record.body.text()


def test_the_trust_verdicts_words_are_shown_translated(qtbot, open_as, tmp_path):
    """The verdict's reasons are the core's fixed words, listed for the translators and shown
    through the CoreMessages context: a translation installed is what the dialog says."""
    from PySide6.QtCore import QCoreApplication, QTranslator
    from barnahus_app.documents import trust
    from ui.documents.verify_dialog import TRUST_CORE_MESSAGES, VerifyDialog
    assert TRUST_CORE_MESSAGES == (trust.WHY_BROKEN, trust.WHY_NOT_PINNED, trust.WHY_NO_CENTRE,
                                   trust.WHY_UNSIGNED, trust.UNNAMED_CENTRE)

    class Swedish(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return {("CoreMessages", trust.WHY_UNSIGNED): "filen är inte signerad"}.get((context, source), "")

    s = open_as("coordinator")
    case = sample_case(s)
    docx = tmp_path / "summary.docx"
    s.write_case_summary(case["id"], docx, "docx")
    sv = Swedish()
    QCoreApplication.installTranslator(sv)
    try:
        dlg = VerifyDialog(s)
        qtbot.addWidget(dlg)
        dlg.show()
        verify(qtbot, dlg, docx)
    finally:
        QCoreApplication.removeTranslator(sv)
    assert dlg.blocks[0].kind == "trust" and dlg.blocks[0].body.text() == "Filen är inte signerad."
