"""Audit anchors outside the record (issue 11): the attacks an insider with the record key can make
on the audit trail, each with a real SQLCipher file and the command line. The attacker drops the
append-only triggers and deletes or rewrites entries with a plain sqlcipher3 connection; the
chain alone still verifies afterwards (its hashes are recomputed), so only the heads quoted
outside it show what happened: an issued document's quoted head, a backup's seal, a seal kept
elsewhere (`barnahus audit --seal`, `barnahus check --seal`)."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.support.cli import run_cli
from tests.support.records import ADMIN_PASSWORD, STAFF_PASSWORD, login, make_record, raw_closed, sample_case

TZ = "Europe/Stockholm"


@pytest.fixture
def rec(tmp_path):
    """A record with one issued document (DOCX), then a backup (its seal signed by the centre),
    then more work after it."""
    path, recovery = make_record(tmp_path)
    with login(path, "coordinator") as c:
        case = sample_case(c)
        doc = c.write_case_summary(case["id"], tmp_path / "summary.docx", "docx", time_zone=TZ)
    with login(path, "admin") as a:
        a.backup()
    with login(path, "coordinator") as c:
        c.get_case(case["id"])
    admin_pw = tmp_path / "admin.pw"
    admin_pw.write_text(ADMIN_PASSWORD + "\n")
    staff_pw = tmp_path / "staff.pw"
    staff_pw.write_text(STAFF_PASSWORD + "\n")
    backup = next((path.parent / "backups").glob("record-*-manual.barnahus"))
    return {"record": path, "recovery": recovery, "admin_pw": admin_pw, "staff_pw": staff_pw,
            "doc": doc, "summary": tmp_path / "summary.docx", "backup": backup,
            "seal": backup.with_name(backup.name + ".seal"), "ref": case["reference"]}


def check(rec, *extra):
    return run_cli("check", "--record", rec["record"], "--user", "admin", "--password-file",
                   rec["admin_pw"], *extra)


def entries(rec) -> list[tuple]:
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        return conn.execute("SELECT id, action, entry_hash FROM audit_log ORDER BY id").fetchall()


# --- the attacker's tools: plain SQL with the key, the triggers dropped ------------------------

def _entry_hash(row, prev) -> str:
    """The chain's published rule (barnahus_app/audit.py's docstring), written out here as an
    attacker would: SHA-256 over the canonical JSON of the fields and the previous hash."""
    entry_id, at, user_id, username, action, kind, subject, detail = row
    canonical = json.dumps([entry_id, at, user_id, username, action, kind, subject, detail, prev],
                           separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def attack(rec, change) -> None:
    """change(conn) on the record with its key and without the audit trail's triggers, then the
    whole chain recomputed and renumbered from 1 (so it verifies again), the triggers put back."""
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'audit_log'").fetchall()
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        change(conn)
        rows = conn.execute("SELECT id, at_utc, user_id, username, action, subject_kind, subject_id, "
                            "detail FROM audit_log ORDER BY id").fetchall()
        prev = "0" * 64
        for n, row in enumerate(rows, start=1):
            row = (n,) + tuple(row[1:])
            h = _entry_hash(row, prev)
            conn.execute("UPDATE audit_log SET id = ?, prev_hash = ?, entry_hash = ? WHERE id = ?",
                         (n, prev, h, rows[n - 1][0]))
            prev = h
        for _, sql in triggers:
            conn.execute(sql)
        conn.commit()


def truncate_from(entry_id: int):
    return lambda conn: conn.execute("DELETE FROM audit_log WHERE id >= ?", (entry_id,))


def seal_head(seal: Path) -> tuple[int, str]:
    head = json.loads(seal.read_text())["audit_head"]
    return head["id"], head["hash"]


# --- before any attack --------------------------------------------------------------------------

def test_an_untouched_record_checks_ok_against_its_document_and_its_backup_seal(rec):
    code, out, err = check(rec)
    assert code == 0, out + err
    assert "audit anchors: ok, the chain holds the heads quoted by 1 issued document(s) and 1 seal(s)\n" in out
    assert out.endswith("ok\n")


def test_a_backup_seal_is_signed_by_the_centres_document_signing_key(rec):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    import base64
    seal = json.loads(rec["seal"].read_text())
    sig = seal.pop("signature")
    assert sig["algorithm"] == "ecdsa-sha256"
    signer, ca = (x509.load_pem_x509_certificate(p.encode()) for p in sig["certificates"])
    # The canonical JSON, written out here: every field but the signature, sorted, no spaces.
    signed = json.dumps(seal, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    signer.public_key().verify(base64.b64decode(sig["value"]), signed, ec.ECDSA(hashes.SHA256()))
    signer.verify_directly_issued_by(ca)
    with login(rec["record"], "coordinator") as c:
        assert ca.fingerprint(hashes.SHA256()).hex() == c.signing_identity()["ca_fingerprint"]
        assert signer.subject.rfc4514_string() == c.signing_identity()["subject"]


# --- truncating ---------------------------------------------------------------------------------

def test_deleting_the_last_entries_fails_the_check_naming_the_backup_seal(rec):
    head_id, _ = seal_head(rec["seal"])
    attack(rec, truncate_from(head_id))
    assert entries(rec)[-1][0] == head_id - 1
    code, out, err = check(rec)
    assert code == 1, out
    assert "audit trail: ok" in out         # the chain alone still verifies
    assert (f"audit anchors: MISMATCH: the audit trail no longer holds entry {head_id} that the seal of "
            f"backup {rec['backup'].name} quoted: it was truncated or rewritten\n") in out
    assert err == ("barnahus: the check found a problem (see above). The audit trail does not match what was "
                   "sealed or quoted outside the record, or the seal is not the centre's: keep this copy for "
                   "inspection and report it.\n")


def test_deleting_past_a_documents_head_fails_the_check_naming_the_document(rec):
    doc_head = rec["doc"]["audit_head_id"]
    attack(rec, truncate_from(doc_head))
    before = rec["record"].read_bytes()
    code, out, err = check(rec)
    assert code == 1, out
    assert (f"audit anchors: MISMATCH: the audit trail no longer holds entry {doc_head} that document "
            f"{rec['doc']['document_id']} quoted: it was truncated or rewritten\n") in out
    assert rec["record"].read_bytes() == before     # read-only: nothing written to it


# --- rewriting ------------------------------------------------------------------------------------

def reword_entry(entry_id: int):
    """Change one entry's detail (e.g. a read that someone wants to hide becomes another)."""
    return lambda conn: conn.execute("UPDATE audit_log SET action = 'case.list', detail = NULL "
                                     "WHERE id = ?", (entry_id,))


def test_a_consistent_rewrite_fails_against_an_earlier_seal_and_the_documents_head(rec, tmp_path):
    kept = tmp_path / "kept.seal"       # a seal the centre kept outside the record
    code, out, err = run_cli("audit", "--record", rec["record"], "--user", "admin", "--password-file",
                             rec["admin_pw"], "--seal", kept)
    assert code == 0, err
    sealed_id, sealed_hash = seal_head(kept)
    doc_head = rec["doc"]["audit_head_id"]
    shutil.rmtree(rec["record"].parent / "backups")    # the attacker removes the backups' seals too
    attack(rec, reword_entry(doc_head - 1))             # an entry before the document's head
    assert entries(rec)[sealed_id - 1][0] == sealed_id  # as many entries as before
    code, out, err = check(rec, "--seal", kept)
    assert code == 1, out
    assert "audit trail: ok" in out
    assert (f"audit anchors: MISMATCH: entry {doc_head} of the audit trail is not the one document "
            f"{rec['doc']['document_id']} quoted (its hash differs): the audit trail was rewritten\n") in out


def test_a_rewrite_after_every_document_fails_only_against_the_kept_seal(rec, tmp_path):
    kept = tmp_path / "kept.seal"
    code, out, err = run_cli("audit", "--record", rec["record"], "--user", "admin", "--password-file",
                             rec["admin_pw"], "--seal", kept)
    assert code == 0, err
    sealed_id, _ = seal_head(kept)
    shutil.rmtree(rec["record"].parent / "backups")
    attack(rec, reword_entry(sealed_id))         # the sealed head itself, after the document's head
    code, out, err = check(rec)
    assert code == 0, out                        # nothing in the record contradicts it...
    code, out, err = check(rec, "--seal", kept)
    assert code == 1, out                        # ...the seal kept outside does
    assert (f"audit anchors: MISMATCH: entry {sealed_id} of the audit trail is not the one the seal "
            f"kept.seal quoted (its hash differs): the audit trail was rewritten\n") in out


def test_check_with_a_truncated_chain_fails_against_any_earlier_seal(rec, tmp_path):
    kept = tmp_path / "kept.seal"
    run_cli("audit", "--record", rec["record"], "--user", "admin", "--password-file", rec["admin_pw"],
            "--seal", kept)
    sealed_id, _ = seal_head(kept)
    shutil.rmtree(rec["record"].parent / "backups")
    attack(rec, truncate_from(sealed_id))
    code, out, err = check(rec, "--seal", kept)
    assert code == 1, out
    assert (f"audit anchors: MISMATCH: the audit trail no longer holds entry {sealed_id} that the seal "
            "kept.seal quoted: it was truncated or rewritten\n") in out


# --- the seal itself ----------------------------------------------------------------------------

def test_audit_seal_writes_a_signed_seal_audited_and_check_seal_verifies_it(rec, tmp_path):
    kept = tmp_path / "kept.seal"
    code, out, err = run_cli("audit", "--record", rec["record"], "--user", "admin", "--password-file",
                             rec["admin_pw"], "--seal", kept)
    assert code == 0, err
    rows = entries(rec)
    sealed = json.loads(kept.read_text())
    # the head sealed is the entry before audit.sealed (the login), which follows it
    assert [a for _, a, _ in rows[-3:]] == ["login", "audit.sealed", "logout"]
    assert sealed["audit_head"] == {"id": rows[-3][0], "hash": rows[-3][2]}
    assert sealed["audit_entries"] == rows[-3][0]
    assert sealed["signature"]["algorithm"] == "ecdsa-sha256"
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    code, out, err = check(rec, "--seal", kept)
    assert code == 0, out + err
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        assert conn.execute("SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 2").fetchall()[1] == (
            "record.checked", '{"against_seal":true,"ok":true}')
    with login(rec["record"], "coordinator") as c:
        identity = c.signing_identity()
    assert re.search(rf"^audit seal: kept\.seal signed by Test Centre document signing on "
                     rf"{re.escape(sealed['sealed_at'])}, CA fingerprint {identity['ca_fingerprint']}; "
                     rf"head {rows[-3][0]}, {rows[-3][0]} entries$", out, re.M), out


def test_a_forged_seal_fails_its_signature(rec, tmp_path):
    kept = tmp_path / "kept.seal"
    run_cli("audit", "--record", rec["record"], "--user", "admin", "--password-file", rec["admin_pw"],
            "--seal", kept)
    forged = tmp_path / "forged.seal"
    seal = json.loads(kept.read_text())
    seal["audit_entries"] -= 3           # the forger wants to cover a truncation
    head = entries(rec)[seal["audit_head"]["id"] - 4]
    seal["audit_head"] = {"id": head[0], "hash": head[2]}
    forged.write_text(json.dumps(seal))
    code, out, err = check(rec, "--seal", forged)
    assert code == 1, out
    assert ("audit seal: forged.seal: the seal's signature does not match its contents: it was "
            "changed after it was signed\n") in out


def test_a_seal_signed_by_another_ca_is_not_the_centres(rec, tmp_path):
    from barnahus_app.documents import pki
    from barnahus_app.record import anchors
    kept = tmp_path / "kept.seal"
    run_cli("audit", "--record", rec["record"], "--user", "admin", "--password-file", rec["admin_pw"],
            "--seal", kept)
    seal = json.loads(kept.read_text())
    seal.pop("signature")
    creds, _, _ = pki.create_centre_credentials("Test Centre")    # a look-alike CA, same names
    other = tmp_path / "other.seal"
    other.write_text(json.dumps(anchors.sign_seal(seal, creds.key_pem, creds.cert_pem, creds.chain_pems)))
    code, out, err = check(rec, "--seal", other)
    assert code == 1, out
    assert ("audit seal: other.seal: the seal was NOT signed by this centre: its certificate is not "
            "issued by the centre's CA\n") in out


def test_before_the_centre_has_a_signing_identity_a_seal_is_unsigned_and_says_so(tmp_path):
    path, _ = make_record(tmp_path)
    with login(path, "admin") as a:
        seal = a.seal_audit_trail(tmp_path / "early.seal")
    assert seal["signature"] is None
    assert json.loads((tmp_path / "early.seal").read_text())["signature_note"] == (
        "unsigned: the centre had no signing identity when it was made")
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    code, out, err = run_cli("check", "--record", path, "--user", "admin", "--password-file", pw,
                             "--seal", tmp_path / "early.seal")
    assert code == 1, out
    assert "audit seal: early.seal: the seal is not signed, so it proves nothing by itself\n" in out


# --- verify-document ------------------------------------------------------------------------------

def verify(rec):
    return run_cli("verify-document", "--record", rec["record"], "--user", "coordinator",
                   "--password-file", rec["staff_pw"], rec["summary"])


def test_a_document_whose_issue_was_removed_from_the_chain_is_not_confirmed(rec):
    code, out, err = verify(rec)
    assert code == 0 and "unaltered" in out, err
    doc_id = rec["doc"]["document_id"]
    attack(rec, lambda conn: conn.execute(
        "DELETE FROM audit_log WHERE action = 'document.issued' AND detail LIKE ?", (f'%"{doc_id}"%',)))
    code, out, err = verify(rec)
    assert code == 1
    assert "unaltered" not in out + err
    assert err.startswith(f"{rec['summary']}: NOT CONFIRMED BY THE AUDIT TRAIL. The register lists it as "
                          f"document {doc_id}, but the audit trail does not confirm that it was issued: "
                          f"it holds no entry issuing document {doc_id}. Do not rely on it; run "
                          "`barnahus check`.")


def test_a_document_whose_quoted_head_is_gone_is_not_confirmed(rec):
    doc_head = rec["doc"]["audit_head_id"]
    attack(rec, reword_entry(doc_head))
    code, out, err = verify(rec)
    assert code == 1
    assert "unaltered" not in out + err
    assert (f"the audit trail does not confirm that it was issued: it no longer holds entry {doc_head}, "
            "the head the document quoted.") in err


# --- a restore from a backup is not an attack -----------------------------------------------------

def test_after_switching_to_a_restored_backup_the_later_seals_are_noted_not_failed(rec):
    from barnahus_app.lifecycle import restore_backup, switch_to_restored
    from tests.support.records import FAST_KDF
    with login(rec["record"], "admin") as a:
        later = Path(a.backup())           # after the fixture's backup; lost by the restore below
    later_head, _ = seal_head(later.with_name(later.name + ".seal"))
    restored = rec["record"].with_name("restored.barnahus")
    restore_backup(rec["backup"], restored, "admin", ADMIN_PASSWORD)
    switch_to_restored(rec["record"], restored, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    restore_entry = next(i for i, a, _ in entries(rec) if a == "record.restored")
    code, out, err = check(rec)
    assert code == 0, out + err
    assert "audit anchors: ok, the chain holds the heads quoted by 1 issued document(s) and 2 seal(s)\n" in out
    assert (f"  (entry {later_head} that the seal of backup {later.name} quoted was lost when the record "
            f"was restored from a backup (record.restored, entry {restore_entry}))\n") in out
    # A seal kept outside must be in the chain as it is: a recorded restore is named, not an excuse
    # (anyone with the key could write one).
    kept = later.with_name(later.name + ".seal")
    code, out, err = check(rec, "--seal", kept)
    assert code == 1, out
    assert (f"audit anchors: MISMATCH: entry {later_head} of the audit trail is not the one the seal "
            f"{kept.name} quoted (its hash differs): the audit trail was rewritten (the audit trail records "
            f"a restore from a backup after it was sealed, record.restored, entry {restore_entry})\n") in out


def test_a_bundle_and_its_summaries_are_confirmed_by_the_bundles_entry(rec, tmp_path):
    with login(rec["record"], "coordinator") as c:
        bundle = c.export_bundle(rec["ref"], tmp_path / "bundle", time_zone=TZ)
        part = c.verify_document(tmp_path / "bundle" / "data" / "summary" / "case-summary.docx")
        whole = c.verify_document(tmp_path / "bundle")
    assert (part["status"], part["document_id"]) == ("issued", bundle["parts"][1])
    assert (whole["status"], whole["document_id"]) == ("issued", bundle["document_id"])
    attack(rec, lambda conn: conn.execute("DELETE FROM audit_log WHERE action = 'bundle.exported'"))
    with login(rec["record"], "coordinator") as c:
        part = c.verify_document(tmp_path / "bundle" / "data" / "summary" / "case-summary.docx")
    assert part["status"] == "unconfirmed"
    assert part["reason"].endswith(f"it holds no entry issuing document {bundle['document_id']}. Do not rely "
                                   "on it; run `barnahus check`.")


def test_check_seal_with_no_such_file_is_a_user_error_before_unlocking(rec, tmp_path):
    before = entries(rec)
    code, out, err = check(rec, "--seal", tmp_path / "nowhere.seal")
    assert code == 2 and out == ""
    assert err == f"barnahus: --seal: there is no file {tmp_path / 'nowhere.seal'}.\n"
    assert entries(rec) == before


def test_a_seal_signed_with_an_imported_rsa_key_verifies_against_its_root(tmp_path):
    """A centre's own PKI may sign with RSA: the seal says so and verifies offline."""
    import datetime as dt
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from barnahus_app.record import anchors

    def cert(subject, issuer, public, signer, ca):
        now = dt.datetime.now(dt.timezone.utc)
        name = lambda n: x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, n)])   # noqa: E731
        return (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
                .public_key(public).serial_number(x509.random_serial_number())
                .not_valid_before(now).not_valid_after(now + dt.timedelta(days=1))
                .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
                .sign(signer, hashes.SHA256()))
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = cert("Centre root", "Centre root", root_key.public_key(), root_key, True)
    leaf = cert("Centre signing", "Centre root", key.public_key(), root_key, False)
    pem = lambda c: c.public_bytes(serialization.Encoding.PEM).decode()   # noqa: E731
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    payload = anchors.seal_payload("R-1", (7, "ab" * 32), 7, "2026-12-05T08:00:00.000000Z")
    seal = anchors.sign_seal(payload, key_pem, pem(leaf), (pem(root),))
    assert seal["signature"]["algorithm"] == "rsa-pkcs1v15-sha256"
    assert anchors.verify_seal_signature(json.loads(anchors.seal_text(seal)), [pem(root)]) is None
    seal["audit_head"]["id"] = 6
    assert anchors.verify_seal_signature(seal, [pem(root)]) == (
        "the seal's signature does not match its contents: it was changed after it was signed")


def test_a_document_whose_issue_no_longer_follows_its_quoted_head_is_not_confirmed(rec):
    """An entry between the quoted head and the issue changed without its hashes recomputed."""
    doc_head = rec["doc"]["audit_head_id"]
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET detail = NULL WHERE id = ?", (doc_head + 1,))
        conn.commit()
    code, out, err = verify(rec)
    assert code == 1 and "unaltered" not in out + err
    assert (f"does not confirm that it was issued: it is broken at entry {doc_head + 1}, between the head "
            "the document quoted and its issue.") in err


def test_the_seals_in_the_second_backup_folder_outlive_the_backups_beside_the_record(rec, tmp_path):
    drive = tmp_path / "drive"
    drive.mkdir()
    with login(rec["record"], "admin") as a:
        a.set_setting("backup_second_folder", str(drive))
        copied = Path(a.backup())
    code, out, err = check(rec)
    assert code == 0, out + err
    # the new backup's seal is beside the record and in the drive: counted once
    assert "audit anchors: ok, the chain holds the heads quoted by 1 issued document(s) and 2 seal(s)\n" in out
    head_id, _ = seal_head(copied.with_name(copied.name + ".seal"))
    shutil.rmtree(rec["record"].parent / "backups")     # the attacker removes what is beside the record
    attack(rec, truncate_from(head_id))
    code, out, err = check(rec)
    assert code == 1, out
    assert (f"audit anchors: MISMATCH: the audit trail no longer holds entry {head_id} that the seal of backup "
            f"{copied.name} in the second backup folder quoted: it was truncated or rewritten\n") in out
