"""Issue 11, trust: whose signature a recipient accepts. A forger with the files (and, before
this change, with the record's own keys) re-signs a bundle; only a fingerprint pinned by the
recipient, sent by letter, tells the centre from a look-alike. Also: a recording altered after
registration never leaves in a signed bundle, and a bundle whose two hashes of a recording
disagree fails."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from barnahus_app.documents import bundle, pki, trust
from barnahus_app.documents.bundle import BundleFile, verify_bundle, write_bundle
from barnahus_app.errors import ValidationError
from tests.support.cli import run_cli

CENTRE = "Test Centre"


@pytest.fixture(scope="module")
def centre():
    return pki.create_centre_credentials(CENTRE)


@pytest.fixture(scope="module")
def lookalike():
    """Another CA with exactly the same subject names: what a forger makes in a minute."""
    return pki.create_centre_credentials(CENTRE)


def _rebag(bag_dir: Path, creds: pki.Credentials, ca_pem: str) -> None:
    """Replace the certificates, rewrite the manifests and sign again: a consistent forgery."""
    import bagit
    certs = bag_dir / "data" / "certificates"
    (certs / "centre-signing-certificate.pem").write_text(creds.cert_pem)
    (certs / "centre-ca-certificate.pem").write_text(ca_pem)
    bagit.Bag(str(bag_dir)).save(manifests=True)
    (bag_dir / "tagmanifest-sha256.txt.p7s").write_bytes(
        bundle._sign((bag_dir / "tagmanifest-sha256.txt").read_bytes(), bundle._load_signer(creds)))


@pytest.fixture
def bag(tmp_path, centre) -> Path:
    files = [BundleFile("summary/case-summary.pdf", b"%PDF-1.7\n% a stand-in\n")]
    return write_bundle(tmp_path / "bundle", files, {"Source-Organization": CENTRE}, centre[0]).path


def _trust_file(tmp_path, text: str) -> Path:
    path = tmp_path / "trusted-centres.txt"
    path.write_text(text)
    return path


def test_the_lookalike_has_the_same_names_but_another_fingerprint(centre, lookalike):
    assert pki.subject_of(centre[1]) == pki.subject_of(lookalike[1]) == "CN=Test Centre document CA,O=Test Centre"
    assert centre[0].cert.subject == lookalike[0].cert.subject
    assert pki.fingerprint(centre[1]) != pki.fingerprint(lookalike[1])


def test_genuine_bundle_is_signed_by_the_trusted_centre(bag, centre, tmp_path):
    fp = pki.colon_fingerprint(pki.fingerprint(centre[1]))   # as the GUI shows it, with colons
    path = _trust_file(tmp_path, f"# centres we accept\n{fp}  Barnahus Region Syd\n")
    code, out, err = run_cli("verify-bundle", bag, "--trust", path)
    assert code == 0, err
    assert out.splitlines()[0] == ("Signed by Barnahus Region Syd, whose certificate matches your trusted "
                                   "fingerprint.")
    # A bare fingerprint, plain hex as the CLI prints it: the name comes from the certificate.
    code, out, err = run_cli("verify-bundle", bag, "--ca-fingerprint", pki.fingerprint(centre[1]))
    assert code == 0 and out.splitlines()[0] == ("Signed by Test Centre, whose certificate matches your "
                                                 "trusted fingerprint."), err


def test_bundle_resigned_with_a_lookalike_ca_is_not_trusted(bag, centre, lookalike, tmp_path):
    """The attack of issue 11: same subject names, a consistent bag, a valid signature. Before
    this change verify-bundle said OK; against the pinned fingerprint it must say NOT."""
    creds, ca_pem, _ = lookalike
    _rebag(bag, creds, ca_pem)
    report = verify_bundle(bag)
    assert report.ok, report.problems            # internally consistent: the forgery is good
    path = _trust_file(tmp_path, f"{pki.fingerprint(centre[1])} Test Centre\n")
    code, out, err = run_cli("verify-bundle", bag, "--trust", path)
    assert code == 1
    assert out.splitlines()[0] == ("NOT signed by a centre you trust: its CA certificate does not match any "
                                   "fingerprint you trust.")
    assert "OK" not in out


def test_without_a_trust_anchor_the_signer_is_unverified_never_ok(bag):
    code, out, err = run_cli("verify-bundle", bag)
    assert code == 3, err
    assert out.splitlines()[0] == ("signature intact, but the signer is NOT verified: give --trust FILE or "
                                   "--ca-fingerprint.")
    assert "OK" not in out


def test_a_changed_bundle_is_not_trusted_even_with_the_right_anchor(bag, centre):
    target = bag / "data" / "summary" / "case-summary.pdf"
    target.write_bytes(target.read_bytes() + b"%")
    code, out, err = run_cli("verify-bundle", bag, "--ca-fingerprint", pki.fingerprint(centre[1]))
    assert code == 1
    assert out.splitlines()[0].startswith("NOT signed by a centre you trust: ")
    assert "PROBLEM: data/summary/case-summary.pdf: its SHA-256 differs from manifest-sha256.txt" in err


def test_how_to_verify_says_its_own_text_cannot_be_trusted(bag):
    text = (bag / "data" / "HOW-TO-VERIFY.txt").read_text()
    assert "NOTHING WRITTEN INSIDE THIS BUNDLE CAN BE TRUSTED, including this file." in text
    assert "by letter or by\n   phone" in text
    assert "barnahus verify-bundle <bundle> --trust <trust file>" in text


@pytest.mark.parametrize("text,expected", [
    ("AB:" * 31 + "AB  Centre A\n", [trust.Anchor("ab" * 32, "Centre A")]),
    ("ab" * 32 + "\n# a comment\n\n" + "CD" * 32 + " Centre B # kept by the clerk\n",
     [trust.Anchor("ab" * 32, ""), trust.Anchor("cd" * 32, "Centre B")]),
    ("AB " * 31 + "AB\tCentre C\n", [trust.Anchor("ab" * 32, "Centre C")]),
])
def test_trust_file_lines(text, expected):
    assert trust.parse_trust_text(text) == expected


@pytest.mark.parametrize("text,message", [
    ("ab" * 31 + " Centre\n", "trust file: line 1 does not start with a SHA-256 fingerprint (64 hex digits, "
                              "with or without colons)."),
    ("# only a comment\n", "trust file: holds no fingerprint."),
])
def test_bad_trust_files_are_refused(text, message):
    with pytest.raises(ValidationError) as e:
        trust.parse_trust_text(text)
    assert str(e.value) == message


def test_bad_fingerprint_option_is_one_line(bag):
    code, out, err = run_cli("verify-bundle", bag, "--ca-fingerprint", "12:34")
    assert code == 2 and err.strip() == ("barnahus: ca-fingerprint: is not a SHA-256 fingerprint (64 hex digits, "
                                         "with or without colons).")


# --- the recordings known twice ------------------------------------------------------------

def _recordings_csv(rows) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(("recording", "sha256", "copy_in_bundle"))
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def test_recording_whose_two_hashes_disagree_fails_naming_it(tmp_path, centre):
    """What main signed before: the copy's new hash in manifest-sha256.txt, the registered one in
    the recordings manifest, and verify-bundle said OK."""
    media = tmp_path / "interview.mp4"
    media.write_bytes(os.urandom(20_000))
    registered = "0" * 64
    files = [BundleFile("recordings/recordings-manifest.csv",
                        _recordings_csv([(7, registered, "data/recordings/files/7-interview.mp4")])),
             BundleFile("recordings/files/7-interview.mp4", media)]
    out = write_bundle(tmp_path / "b", files, {}, centre[0]).path
    report = verify_bundle(out)
    assert report.problems == (
        "data/recordings/files/7-interview.mp4: its SHA-256 in manifest-sha256.txt differs from the registered "
        "SHA-256 in data/recordings/recordings-manifest.csv (recording 7)",)
    code, stdout, err = run_cli("verify-bundle", out, "--ca-fingerprint", pki.fingerprint(centre[1]))
    assert code == 1 and stdout.startswith("NOT signed by a centre you trust")


def test_recording_named_in_the_manifest_but_absent_fails(tmp_path, centre):
    files = [BundleFile("recordings/recordings-manifest.csv",
                        _recordings_csv([(3, "a" * 64, "data/recordings/files/3-gone.mp4")]))]
    out = write_bundle(tmp_path / "b", files, {}, centre[0]).path
    assert verify_bundle(out).problems == (
        "data/recordings/files/3-gone.mp4: named in data/recordings/recordings-manifest.csv (recording 3) but not "
        "listed in manifest-sha256.txt",)


# --- a signed PDF (verify-document's signature half) -------------------------------------------

def _tiny_pdf() -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(100, 700, "A stand-in for a court summary")
    c.save()
    return buf.getvalue()


def test_pdf_signed_by_the_centre_or_by_a_lookalike(centre, lookalike):
    from barnahus_app.documents.pdf_sign import sign_pdf
    real = trust.Anchor(pki.fingerprint(centre[1]), "Barnahus Region Syd")
    genuine = sign_pdf(_tiny_pdf(), centre[0], reason="test", location="test")
    forged = sign_pdf(_tiny_pdf(), lookalike[0], reason="test", location="test")
    assert trust.judge_pdf(genuine, [real]).headline == ("Signed by Barnahus Region Syd, whose certificate "
                                                         "matches your trusted fingerprint")
    assert trust.judge_pdf(forged, [real]).headline == ("NOT signed by a centre you trust: its CA certificate "
                                                        "does not match any fingerprint you trust")
    assert trust.judge_pdf(forged, []).headline == trust.UNVERIFIED
    assert trust.judge_pdf(_tiny_pdf(), [real]).headline == ("NOT signed by a centre you trust: the file carries "
                                                             "no signature of a centre")


# --- on a real record: the fingerprint letter, export refusing altered evidence, the CA key --------

@pytest.fixture
def rec(tmp_path):
    from tests.support.records import STAFF_PASSWORD, case_with_recording, make_record
    path, recovery = make_record(tmp_path)
    case = case_with_recording(path, tmp_path)
    pw = tmp_path / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    return {"record": path, "recovery": recovery, "pw": pw, "ref": case["reference"], "media": case["media"],
            "recording": case["recording"], "folder": tmp_path}


def cli(rec, command, *args, user="coordinator", pw=None):
    return run_cli(*command.split(), "--record", rec["record"], "--user", user, "--password-file",
                   pw or rec["pw"], *args)


def test_signing_show_prints_the_fingerprint_for_a_letter_and_the_trust_line(rec, tmp_path):
    bundle_dir = tmp_path / "out-bundle"
    code, out, err = cli(rec, "export-bundle", "--case", rec["ref"], "--out", bundle_dir)
    assert code == 0, err
    code, out, err = cli(rec, "signing show")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Centre: Test Centre"
    fp_lines = lines[3:5]
    colon = fp_lines[0].strip() + ":" + fp_lines[1].strip()
    assert len(colon) == 95 and colon.count(":") == 31
    trust_line = lines[6].strip()
    assert trust_line == trust.parse_fingerprint(colon) + "  Test Centre"
    # What the recipient does with the letter: both forms are accepted.
    trusted = _trust_file(tmp_path, trust_line + "\n")
    code, out, err = run_cli("verify-bundle", bundle_dir, "--trust", trusted)
    assert code == 0 and out.startswith("Signed by Test Centre, whose certificate matches"), err
    code, out, err = run_cli("verify-bundle", bundle_dir, "--ca-fingerprint", colon)
    assert code == 0, err


@pytest.mark.parametrize("as_zip", [False, True])
def test_an_altered_recording_is_refused_at_export_as_a_fixity_alarm(rec, tmp_path, as_zip):
    """The attack of issue 11: the file registered, then changed where it is kept. Before this
    change export-bundle --recordings copied it and the centre signed it."""
    from tests.support.records import login
    data = bytearray(rec["media"].read_bytes())
    data[1000] ^= 0xFF
    rec["media"].write_bytes(data)
    out = tmp_path / ("refused.zip" if as_zip else "refused")
    before = set(tmp_path.iterdir())
    code, stdout, err = cli(rec, "export-bundle", "--case", rec["ref"], "--recordings", "--out", out,
                            *(["--zip"] if as_zip else []))
    assert code == 1
    assert err.strip().startswith(f"barnahus: FIXITY ALARM: Recording {rec['recording']} differs from the "
                                  "SHA-256 registered for it (registered ")
    assert "No bundle was written." in err
    assert set(tmp_path.iterdir()) == before          # nothing left: no bundle, no partial
    with login(rec["record"], "interviewer") as s:
        recs = s.interview_recordings(1)
        assert recs[0]["fixity_status"] == "mismatch"
        assert recs[0]["custody"][-1]["event"] == "fixity_mismatch"
    with login(rec["record"], "admin") as a:
        actions = [e["action"] for e in a.audit_entries(limit=100)]
    assert "recording.FIXITY_ALARM" in actions and "bundle.refused" in actions
    assert "bundle.exported" not in actions


def test_an_unaltered_recording_is_copied_and_verifies(rec, tmp_path):
    out = tmp_path / "fine"
    code, stdout, err = cli(rec, "export-bundle", "--case", rec["ref"], "--recordings", "--out", out)
    assert code == 0, err
    assert verify_bundle(out).ok


CA_PASSPHRASE = "kept in the centre's safe"


def _private_keys_in_record(path, recovery) -> list:
    """Every private key anywhere in the record, as an attacker with the record key finds them:
    any PEM block in any text column of any table, read with an independent connection."""
    import re
    from cryptography.hazmat.primitives import serialization
    from tests.support.records import raw_closed
    found = []
    with raw_closed(path, recovery) as conn:
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for t in tables:
            for row in conn.execute(f'SELECT * FROM "{t}"'):
                for v in row:
                    if isinstance(v, (str, bytes)):
                        text = v.decode("latin-1") if isinstance(v, bytes) else v
                        for block in re.findall(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.+?-----END [A-Z ]*PRIVATE "
                                                r"KEY-----", text, re.S):
                            found.append(serialization.load_pem_private_key(block.encode(), None))
    return found


def test_no_ca_key_in_the_record_to_forge_with(rec, tmp_path):
    """Issue 11: with the record key (any user's password gave it) the attacker took the centre's
    CA key from signing_credentials and issued their own signing certificate under the real CA,
    so a re-signed bundle matched even a pinned fingerprint. Now the CA key is only in the file
    for the centre's safe: the record holds nothing that can issue a certificate."""
    from tests.support.records import ADMIN_PASSWORD, login
    admin_pw = tmp_path / "admin.pw"
    admin_pw.write_text(ADMIN_PASSWORD + "\n")
    ca_file = tmp_path / "centre-ca.p12"
    phrase = tmp_path / "ca-phrase.txt"
    phrase.write_text(CA_PASSPHRASE + "\n")
    code, out, err = cli(rec, "signing create", "--ca-out", ca_file, "--ca-passphrase-file", phrase,
                         user="admin", pw=admin_pw)
    assert code == 0, err
    assert "The record holds no CA key." in out
    code, out, err = cli(rec, "export-bundle", "--case", rec["ref"], "--out", tmp_path / "b")
    assert code == 0, err
    ca_pem, ca_key = pki.load_ca_pkcs12(ca_file.read_bytes(), CA_PASSPHRASE)
    assert ca_file.stat().st_mode & 0o077 == 0
    # The attacker's view: the record key (any user's password yields it) and a plain SQLCipher
    # client. Neither the CA key nor the signing key is there to re-sign a bundle with: the CA
    # key is in the file for the safe, the signing key sealed in the signing_keys section.
    assert _private_keys_in_record(rec["record"], rec["recovery"]) == []
    code, out, err = run_cli("verify-bundle", tmp_path / "b", "--ca-fingerprint", pki.fingerprint(ca_pem))
    assert code == 0 and out.startswith("Signed by Test Centre, whose certificate matches"), err
    with login(rec["record"], "admin") as a:
        assert a.signing_identity()["ca_key_in_record"] is False
        assert a.signing_warnings() == []


def test_an_older_record_exports_its_ca_key_once_then_renews_with_the_file(rec, tmp_path, lookalike):
    from tests.support.records import ADMIN_PASSWORD, login, raw
    admin_pw = tmp_path / "admin.pw"
    admin_pw.write_text(ADMIN_PASSWORD + "\n")
    phrase = tmp_path / "ca-phrase.txt"
    phrase.write_text(CA_PASSPHRASE + "\n")
    # A record as main made them: the first issue made the identity and kept the CA key inside.
    old_ca, old_key = pki.create_centre_credentials("Test Centre")[1:]
    with login(rec["record"], "admin") as a:
        a.create_signing_identity(tmp_path / "unused.p12", CA_PASSPHRASE)
        conn = raw(a)
        conn.execute("UPDATE signing_credentials SET certificate_pem = ?, fingerprint = ?, private_key_pem = ? "
                     "WHERE kind = 'ca'", (old_ca, pki.fingerprint(old_ca), old_key))
        conn.commit()
        conn.close()
    code, out, err = cli(rec, "check", user="admin", pw=admin_pw)
    assert code == 0
    assert "WARNING: the centre's CA private key is still inside this record" in err
    ca_file = tmp_path / "centre-ca.p12"
    code, out, err = cli(rec, "signing export-ca", "--ca-out", ca_file, "--ca-passphrase-file", phrase,
                         user="admin", pw=admin_pw)
    assert code == 0, err
    assert pki.load_ca_pkcs12(ca_file.read_bytes(), CA_PASSPHRASE) == (old_ca, old_key)
    assert _private_keys_in_record(rec["record"], rec["recovery"]) == []
    code, out, err = cli(rec, "check", user="admin", pw=admin_pw)
    assert code == 0 and "CA private key" not in err
    code, out, err = cli(rec, "signing export-ca", "--ca-out", tmp_path / "again.p12", "--ca-passphrase-file",
                         phrase, user="admin", pw=admin_pw)
    assert code == 2 and "there is no CA key in the record to export" in err
    assert not (tmp_path / "again.p12").exists()

    # Renewing needs the CA file; the same CA, so the fingerprint recipients pinned stays.
    code, out, err = cli(rec, "signing renew", "--ca-file", ca_file, "--ca-passphrase-file", phrase,
                         user="admin", pw=admin_pw)
    assert code == 0, err
    with login(rec["record"], "admin") as a:
        ident = a.signing_identity()
        actions = [e["action"] for e in a.audit_entries(limit=200)]
    assert ident["ca_fingerprint"] == pki.fingerprint(old_ca)
    assert "signing.ca_key_exported" in actions and "signing.certificate_renewed" in actions
    # Another CA's file (same names) does not renew the centre's certificate.
    other = tmp_path / "other.p12"
    other.write_bytes(pki.ca_pkcs12(lookalike[1], lookalike[2], CA_PASSPHRASE))
    code, out, err = cli(rec, "signing renew", "--ca-file", other, "--ca-passphrase-file", phrase,
                         user="admin", pw=admin_pw)
    assert code == 2 and "holds another CA than the centre's" in err


def test_an_upgraded_record_seals_its_plaintext_keys_then_exports_the_ca_key(rec, tmp_path):
    """A record from before this change (schema 0006) keeps both private keys in plaintext rows.
    The first unlock by a holder of the signing_keys section seals them (neither is readable with
    the record key alone any more); the CA key still counts as inside the record, with the
    warning, until it is exported to the file for the safe."""
    from tests.support.records import ADMIN_PASSWORD, login, raw
    creds, ca_pem, ca_key = pki.create_centre_credentials("Test Centre")
    with login(rec["record"], "admin") as a:
        conn = raw(a)
        conn.execute("DELETE FROM section_keys WHERE section = 'signing_keys'")
        conn.execute("DELETE FROM section_requests WHERE section = 'signing_keys'")
        for kind, cert, key, chain in (("ca", ca_pem, ca_key, None),
                                       ("signer", creds.cert_pem, creds.key_pem, "".join(creds.chain_pems))):
            conn.execute("INSERT INTO signing_credentials (kind, subject, fingerprint, certificate_pem, "
                         "private_key_pem, chain_pem, source, active, created_by, created_at) VALUES "
                         "(?, ?, ?, ?, ?, ?, 'created', 1, 1, '2026-01-01T00:00:00Z')",
                         (kind, pki.subject_of(cert), pki.fingerprint(cert), cert, key, chain))
        conn.commit()
        conn.close()
    assert len(_private_keys_in_record(rec["record"], rec["recovery"])) == 2
    admin_pw = tmp_path / "admin.pw"
    admin_pw.write_text(ADMIN_PASSWORD + "\n")
    code, out, err = cli(rec, "check", user="admin", pw=admin_pw)   # the admin's unlock seals them
    assert code == 0
    assert "WARNING: the centre's CA private key is still inside this record" in err
    assert _private_keys_in_record(rec["record"], rec["recovery"]) == []
    # Issuing still signs with the (now sealed) signing key.
    out_dir = tmp_path / "b"
    code, out, err = cli(rec, "export-bundle", "--case", rec["ref"], "--out", out_dir)
    assert code == 0, err
    code, out, err = run_cli("verify-bundle", out_dir, "--ca-fingerprint", pki.fingerprint(ca_pem))
    assert code == 0, err
    phrase = tmp_path / "ca-phrase.txt"
    phrase.write_text(CA_PASSPHRASE + "\n")
    code, out, err = cli(rec, "signing export-ca", "--ca-out", tmp_path / "ca.p12", "--ca-passphrase-file",
                         phrase, user="admin", pw=admin_pw)
    assert code == 0, err
    assert pki.load_ca_pkcs12((tmp_path / "ca.p12").read_bytes(), CA_PASSPHRASE) == (ca_pem, ca_key)
    with login(rec["record"], "admin") as a:
        assert a.signing_warnings() == [] and a.signing_identity()["ca_key_in_record"] is False


def test_verify_document_takes_the_trust_anchor_too(rec, tmp_path, lookalike):
    pdf = tmp_path / "summary.pdf"
    code, out, err = cli(rec, "summary", "--case", rec["ref"], "--out", pdf)
    assert code == 0, err
    code, out, err = cli(rec, "signing show")
    fp = out.splitlines()[6].split()[0]
    code, out, err = cli(rec, "verify-document", pdf, "--ca-fingerprint", fp)
    assert code == 0, err
    assert out.splitlines()[0] == "Signed by Test Centre, whose certificate matches your trusted fingerprint."
    assert ": issued by this record on " in out.splitlines()[1]
    # The register knows the file, but it is not signed under the CA the recipient trusts: exit 1.
    code, out, err = cli(rec, "verify-document", pdf, "--ca-fingerprint", pki.fingerprint(lookalike[1]))
    assert code == 1
    assert out.splitlines()[0] == ("NOT signed by a centre you trust: its CA certificate does not match any "
                                   "fingerprint you trust.")


def test_only_a_holder_of_the_signing_section_gets_the_signing_key(rec, tmp_path):
    from barnahus_app.documents.issuing import held_credentials
    from tests.support.records import login
    code, out, err = cli(rec, "summary", "--case", rec["ref"], "--out", tmp_path / "s.pdf")   # makes the identity
    assert code == 0, err
    # Who issues a document holds the key: coordinators (case.export), and therapists, who issue
    # the psychosocial summary (policy.SECTIONS_ALSO).
    for role in ("coordinator", "therapist"):
        with login(rec["record"], role) as c, c.record.engine.connect() as conn:
            creds = held_credentials(c, conn)
            assert creds is not None and "PRIVATE KEY" in creds.key_pem, role
    for role in ("medical", "interviewer"):
        with login(rec["record"], role) as s, s.record.engine.connect() as conn:
            assert held_credentials(s, conn) is None
