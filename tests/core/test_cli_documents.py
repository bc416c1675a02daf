"""`barnahus summary`, `export-bundle`, `verify-document` and `verify-bundle`: the command line over
a real record and real files. Most commands run in-process through barnahus_app.cli.main (the
heavy imports are paid once); the checks a recipient runs (verify-bundle with no record and no
password) and one refusal also run as real processes, for their exit codes and output."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from tests.support.cli import one_line, run_cli, run_cli_process
from tests.support.document_tools import pdf_text
from tests.support.records import STAFF_PASSWORD, case_with_recording, login, make_record

TZ = "Europe/Stockholm"
PASSPHRASE = "transport passphrase 42"


@pytest.fixture(scope="module")
def rec(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-docs")
    with pytest.MonkeyPatch.context() as mp:   # the conftest isolates HOME per test only
        mp.setenv("HOME", str(folder / "home"))
        path, _ = make_record(folder)
        case = case_with_recording(path, folder)
        with login(path, "interviewer") as s:
            s.add_custody_event(1, "handed_to_police", location="Centre", purpose="Investigation",
                                counterpart="Police Region Syd", receipt="R-1")
    pw = folder / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    phrase = folder / "passphrase.txt"
    phrase.write_text(PASSPHRASE + "\n")
    return {"record": path, "pw": pw, "phrase": phrase, "ref": case["reference"], "folder": folder}


def cli(rec, command, *args, user="coordinator"):
    """A command on the module's record, as `user` with the staff password file."""
    return run_cli(command, "--record", rec["record"], "--user", user, "--password-file", rec["pw"], *args)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- summary and verify-document ---------------------------------------------------------

@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_summary_then_verify_document_then_a_changed_copy_is_unknown(rec, tmp_path, fmt):
    out = tmp_path / f"summary.{fmt}"
    code, stdout, err = cli(rec, "summary", "--case", rec["ref"], "--format", fmt, "--time-zone", TZ,
                            "--out", out)
    assert code == 0, err
    m = re.fullmatch(rf"Wrote {re.escape(str(out))}: document (D-\d{{8}}-[0-9A-F]{{8}}) \(version (\d+)\), "
                     r"SHA-256 ([0-9a-f]{64})\.\n", stdout)
    assert m, stdout
    assert m.group(3) == sha256(out)
    doc_id = m.group(1)

    code, stdout, err = cli(rec, "verify-document", out)
    assert code == 0, err
    verdict, stdout = stdout.split("\n", 1)
    assert verdict == ("signature intact, but the signer is NOT verified: give --trust FILE or --ca-fingerprint."
                       if fmt == "pdf" else
                       "NOT signed by a centre you trust: this file carries no signature (a DOCX is not signed; "
                       "only the register of the record that issued it vouches for it).")
    today = stdout.split(" on ", 1)[1][:10]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", today)
    assert stdout.startswith(f"{out}: issued by this record on {today} by Coordinator, unaltered. "
                             f"Document {doc_id}, case {rec['ref']}, case summary version {m.group(2)}.")

    changed = tmp_path / f"changed.{fmt}"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed.write_bytes(data)
    code, stdout, err = cli(rec, "verify-document", changed)
    assert code == 1 and stdout.startswith("NOT signed by a centre you trust")
    assert one_line(err).startswith(f"{changed}: UNKNOWN OR ALTERED.")


def test_pseudonymised_summary_says_so_and_leaves_out_the_names(rec, tmp_path):
    out = tmp_path / "pseudo.pdf"
    code, stdout, err = cli(rec, "summary", "--case", rec["ref"], "--pseudonymise", "--out", out)
    assert code == 0, err
    assert ", pseudonymised)" in stdout
    text = pdf_text(out)
    assert "Child A" in text
    for name in ("Testa", "Exampledottir", "Exampleson", "2014-05-06"):
        assert name not in text and name not in stdout


def test_verify_document_lists_disclosures(rec, tmp_path):
    out = tmp_path / "disclosed.pdf"
    assert cli(rec, "summary", "--case", rec["ref"], "--out", out)[0] == 0
    with login(rec["record"], "coordinator") as c:
        doc = c.verify_document(out)["document_id"]
        c.record_disclosure(doc, recipient="Prosecutor Region Syd", undertaking="Only for the trial.",
                            disclosed_at="2026-11-01T10:00:00Z")
    code, stdout, err = cli(rec, "verify-document", out)
    assert code == 0, err
    assert "  disclosed 2026-11-01 to Prosecutor Region Syd" in stdout


# --- export-bundle and verify-bundle -------------------------------------------------------

def test_bundle_folder_verifies_without_record_or_password_then_names_a_changed_file(rec, tmp_path):
    out = tmp_path / "bundle"
    code, stdout, err = cli(rec, "export-bundle", "--case", rec["ref"], "--recordings", "--out", out)
    assert code == 0, err
    assert stdout.startswith(f"Wrote bundle {out}: B-")   # a bundle's ID, never a document's
    fingerprint = re.search(r"out of band: ([0-9a-f]{64})", stdout).group(1)
    assert (out / "data" / "recordings" / "files" / "1-interview.mp4").is_file()

    # As the prosecutor runs it: a real process, no record, no user, no password anywhere.
    run = run_cli_process("verify-bundle", out, env_extra={"HOME": str(tmp_path)})
    # Without a trust anchor: intact, but the signer is not verified (exit 3, never "OK").
    assert run.returncode == 3, run.stderr
    assert run.stdout.splitlines()[0] == ("signature intact, but the signer is NOT verified: give --trust FILE "
                                          "or --ca-fingerprint.")
    assert f"centre CA fingerprint (SHA-256): {fingerprint}" in run.stdout and "OK" not in run.stdout
    assert run.stderr == ""

    code, stdout, err = cli(rec, "verify-document", out)
    assert code == 0 and "bundle version 1" in stdout, err

    changed = tmp_path / "changed"
    shutil.copytree(out, changed)
    target = changed / "data" / "custody" / "custody-log.csv"
    target.write_bytes(target.read_bytes().replace(b"R-1", b"R-2"))
    run = run_cli_process("verify-bundle", changed)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        "PROBLEM: data/custody/custody-log.csv: its SHA-256 differs from manifest-sha256.txt"]
    assert "Traceback" not in run.stderr

    # The register knows the folder by its (unchanged) tag manifest: never "unaltered" for it.
    code, stdout, err = cli(rec, "verify-document", changed)
    assert code == 1 and stdout.startswith("NOT signed by a centre you trust")
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"{changed}: UNKNOWN OR ALTERED. Bundle B-") and "changed since" in lines[0]
    assert lines[1:] == ["PROBLEM: data/custody/custody-log.csv: its SHA-256 differs from manifest-sha256.txt"]


def test_encrypted_zip_bundle_needs_its_passphrase(rec, tmp_path):
    out = tmp_path / "bundle.zip"
    code, stdout, err = cli(rec, "export-bundle", "--case", rec["ref"], "--zip", "--encrypt",
                            "--passphrase-file", rec["phrase"], "--pseudonymise", "--out", out)
    assert code == 0, err
    m = re.search(r"SHA-256 ([0-9a-f]{64}) \(zip: SHA-256 of the file\)", stdout)
    assert m and m.group(1) == sha256(out)
    assert "Send the passphrase by another channel" in stdout
    assert PASSPHRASE not in stdout + err

    code, stdout, err = run_cli("verify-bundle", out, "--passphrase-file", rec["phrase"])
    assert code == 3, err
    assert "signer is NOT verified" in stdout
    code, stdout, err = run_cli("verify-bundle", out)
    assert code == 2 and one_line(err) == ("barnahus: This bundle is encrypted: give its transport passphrase "
                                           "with --passphrase-file or BARNAHUS_BUNDLE_PASSPHRASE.")
    code, stdout, err = run_cli("verify-bundle", out, env_extra={"BARNAHUS_BUNDLE_PASSPHRASE": PASSPHRASE})
    assert code == 3 and "signer is NOT verified" in stdout, err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the transport passphrase\n")
    code, stdout, err = run_cli("verify-bundle", out, "--passphrase-file", wrong)
    assert code == 2 and "passphrase is wrong" in one_line(err)


def test_plain_zip_bundle_verifies(rec, tmp_path):
    out = tmp_path / "plain.zip"
    code, stdout, err = cli(rec, "export-bundle", "--case", rec["ref"], "--zip", "--out", out)
    assert code == 0, err
    code, stdout, err = run_cli("verify-bundle", out)
    assert code == 3, err
    code, stdout, err = cli(rec, "verify-document", out)
    assert code == 0 and "bundle version" in stdout, err


def test_encrypt_needs_zip_and_a_passphrase_file_needs_encrypt(rec, tmp_path):
    code, stdout, err = cli(rec, "export-bundle", "--case", rec["ref"], "--encrypt",
                            "--passphrase-file", rec["phrase"], "--out", tmp_path / "b")
    assert code == 2 and one_line(err) == "barnahus: --encrypt needs --zip."
    # A passphrase without --encrypt would have been a plain zip of the case: refused.
    code, stdout, err = cli(rec, "export-bundle", "--case", rec["ref"], "--zip",
                            "--passphrase-file", rec["phrase"], "--out", tmp_path / "b.zip")
    assert code == 2 and "--encrypt" in one_line(err)
    assert list(tmp_path.iterdir()) == []


def test_verify_bundle_of_something_that_is_not_a_bundle(tmp_path):
    code, _, err = run_cli("verify-bundle", tmp_path / "missing")
    assert code == 2 and "does not exist" in one_line(err)
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    code, _, err = run_cli("verify-bundle", junk)
    assert code == 2 and "neither a bundle folder nor a readable zip" in one_line(err)


# --- refusals: one line on stderr, exit 2, nothing touched ---------------------------------

@pytest.mark.parametrize("command,extra,name", [
    ("summary", ("--format", "pdf"), "taken.pdf"),
    ("summary", ("--format", "docx"), "taken.docx"),
    ("export-bundle", (), "taken-folder"),
    ("export-bundle", ("--zip",), "taken.zip"),
])
def test_an_existing_out_is_refused_in_one_line(rec, tmp_path, command, extra, name):
    out = tmp_path / name
    if name.endswith("folder"):
        out.mkdir()
        (out / "keep.txt").write_text("keep")
    else:
        out.write_bytes(b"not ours")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    code, stdout, err = cli(rec, command, "--case", rec["ref"], *extra, "--out", out)
    assert code == 2 and stdout == ""
    assert one_line(err) == f"barnahus: out: {out} already exists; choose another name."
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before
    if out.is_file():
        assert out.read_bytes() == b"not ours"


def test_an_existing_out_as_a_real_process(rec, tmp_path):
    out = tmp_path / "taken.pdf"
    out.write_bytes(b"not ours")
    run = run_cli_process("summary", "--record", rec["record"], "--user", "coordinator", "--password-file", rec["pw"],
                  "--case", rec["ref"], "--out", out, env_extra={"HOME": str(tmp_path)})
    assert run.returncode == 2 and run.stdout == ""
    assert one_line(run.stderr) == f"barnahus: out: {out} already exists; choose another name."
    assert out.read_bytes() == b"not ours"


def test_unknown_case_and_missing_roles_are_one_line(rec, tmp_path):
    code, _, err = cli(rec, "summary", "--case", "BH-1999-99999", "--out", tmp_path / "x.pdf")
    assert code == 2 and "BH-1999-99999" in one_line(err)
    code, _, err = cli(rec, "summary", "--case", rec["ref"], "--out", tmp_path / "t.pdf", user="interviewer")
    assert code == 2 and "roles do not allow" in one_line(err)
    code, _, err = cli(rec, "export-bundle", "--case", rec["ref"], "--out", tmp_path / "l", user="liaison")
    assert code == 2 and "roles do not allow" in one_line(err)
    code, _, err = cli(rec, "verify-document", tmp_path / "missing.pdf")
    assert code == 2 and "missing.pdf" in one_line(err)
    assert list(tmp_path.iterdir()) == []
