"""Prosecutor bundles: signed BagIt bags that a recipient checks without our software.

Every check runs against the real tools a recipient would use (bagit-python, openssl, 7-Zip), on
real files, so a bundle that passes here passes on the prosecutor's computer too."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import pyzipper
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from barnahus_app.documents import bundle, pki
from barnahus_app.documents.bundle import BundleFile, verify_bundle, write_bundle
from barnahus_app.errors import Cancelled, RecordFileError, ValidationError

PASSPHRASE = "correct horse battery staple"
RECORDING = "recordings/interview-1.mp4"
SUMMARY = "summary/case-summary.pdf"
BAG_INFO = {"Source-Organization": "Test Centre", "External-Identifier": "BH-2026-0001",
            "Contact-Name": "\u00c5sa \u00d6berg",
            "Internal-Sender-Description": "Bundle for the prosecutor, case BH-2026-0001"}
SEVEN_ZIP = shutil.which("7z")
OPENSSL = shutil.which("openssl")


# --- audit hook: every file a bundle writes, wherever it is -----------------------------------

_WRITES: list | None = None


def _audit(event, args):
    if _WRITES is None:
        return
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wxa+")) or (
            mode is None and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        if writing and not isinstance(path, int):
            _WRITES.append(os.fsdecode(path))
    elif event in ("os.mkdir", "os.rename", "os.link", "os.remove", "os.rmdir", "shutil.rmtree"):
        _WRITES.extend(os.fsdecode(a) for a in args if isinstance(a, (str, bytes, os.PathLike)))


sys.addaudithook(_audit)  # cannot be removed; inert while _WRITES is None


def _recording_writes(fn):
    global _WRITES
    _WRITES = []
    try:
        fn()
        return [w for w in _WRITES if "__pycache__" not in w]
    finally:
        _WRITES = None


# --- helpers ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def centre():
    return pki.create_centre_credentials("Test Centre")


@pytest.fixture(scope="module")
def other_centre():
    return pki.create_centre_credentials("Somebody Else")


@pytest.fixture
def recording(tmp_path) -> Path:
    path = tmp_path / "src" / "interview-1.mp4"
    path.parent.mkdir()
    path.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    return path


def _files(recording: Path) -> list[BundleFile]:
    return [BundleFile(SUMMARY, b"%PDF-1.7\n% a stand-in for the case summary\n"),
            BundleFile("notes/100 percent & more, (draft) #2 \u00e5\u00e4\u00f6.txt", b"notes\n"),
            BundleFile(RECORDING, recording)]


@pytest.fixture
def bag(tmp_path, centre, recording) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return write_bundle(out / "BH-2026-0001 bundle", _files(recording), BAG_INFO, centre[0]).path


def bagit_ok(path: Path) -> bool:
    """The independent validator, as a recipient runs it."""
    run = subprocess.run([sys.executable, "-m", "bagit", "--validate", str(path)],
                         capture_output=True, text=True)
    return run.returncode == 0


def openssl_command(bag_dir: Path) -> list[str]:
    """The openssl line exactly as data/HOW-TO-VERIFY.txt gives it to the recipient."""
    text = (bag_dir / "data" / "HOW-TO-VERIFY.txt").read_text()
    line = next(ln.strip() for ln in text.splitlines() if ln.strip().startswith("openssl cms -verify"))
    return shlex.split(line)


def openssl_ok(bag_dir: Path) -> bool:
    run = subprocess.run(openssl_command(bag_dir), cwd=bag_dir, capture_output=True)
    return run.returncode == 0 and b"Verification successful" in run.stderr


def named(report, file: str) -> list[str]:
    return [p for p in report.problems if p.startswith(file + ":")]


def sign_as(creds: pki.Credentials, data: bytes) -> bytes:
    return bundle._sign(data, bundle._load_signer(creds))


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def rebag(bag_dir: Path, creds: pki.Credentials) -> None:
    """What a capable forger does after editing the payload: new manifests, new signature."""
    import bagit
    bagit.Bag(str(bag_dir)).save(manifests=True)
    (bag_dir / "tagmanifest-sha256.txt.p7s").write_bytes(
        sign_as(creds, (bag_dir / "tagmanifest-sha256.txt").read_bytes()))


# --- a fresh bundle ----------------------------------------------------------------------------

def test_fresh_folder_bundle_passes_ours_bagit_and_openssl(bag, centre, recording):
    creds, ca_pem, _ = centre
    report = verify_bundle(bag)
    assert report.ok, report.problems
    assert report.problems == ()
    assert report.files_checked == 6
    assert report.signer == "Test Centre document signing"
    assert report.ca_fingerprint == pki.fingerprint(ca_pem)
    assert dt.datetime.fromisoformat(report.signed_at) <= dt.datetime.now(dt.timezone.utc)
    assert bagit_ok(bag)
    assert openssl_ok(bag)
    documented = shlex.split(bundle.BAGIT_VALIDATE)   # "bagit.py --validate ." inside the bag
    assert documented[0] == "bagit.py"
    run = subprocess.run([sys.executable, "-m", "bagit", *documented[1:]], cwd=bag, capture_output=True)
    assert run.returncode == 0, run.stderr

    assert (bag / "bagit.txt").read_bytes() == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    info = (bag / "bag-info.txt").read_text()
    for line in ("Source-Organization: Test Centre", "External-Identifier: BH-2026-0001",
                 "Bag-Software-Agent: Barnahus Case Record", "Bagging-Date: ", "Bag-Size: "):
        assert line in info
    payload = [p for p in (bag / "data").rglob("*") if p.is_file()]
    assert f"Payload-Oxum: {sum(p.stat().st_size for p in payload)}.{len(payload)}\n" in info
    tagged = [ln.split("  ", 1)[1] for ln in (bag / "tagmanifest-sha256.txt").read_text().splitlines()]
    assert sorted(tagged) == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]
    assert (bag / "tagmanifest-sha256.txt.p7s").read_bytes()[:1] == b"\x30"   # DER, not PEM/S-MIME
    certs = bag / "data" / "certificates"
    assert (certs / "centre-signing-certificate.pem").read_text() == creds.cert_pem
    assert (certs / "centre-ca-certificate.pem").read_text() == ca_pem
    how_to = (bag / "data" / "HOW-TO-VERIFY.txt").read_text()
    assert bundle.BAGIT_VALIDATE in how_to and bundle.OPENSSL_VERIFY in how_to
    assert pki.colon_fingerprint(pki.fingerprint(ca_pem)) in how_to
    assert (bag / "data" / RECORDING).read_bytes() == recording.read_bytes()


def test_result_describes_the_bundle(tmp_path, centre, recording):
    result = write_bundle(tmp_path / "b", _files(recording), BAG_INFO, centre[0])
    payload = [p for p in (result.path / "data").rglob("*") if p.is_file()]
    assert result.payload_files == len(payload) == 6
    assert result.payload_bytes == sum(p.stat().st_size for p in payload)
    assert result.sha256 == hashlib.sha256((result.path / "tagmanifest-sha256.txt").read_bytes()).hexdigest()


# --- tampering: each problem names the file that is wrong -------------------------------------

def test_one_byte_change_in_payload_fails_ours_and_bagit(bag):
    target = bag / "data" / RECORDING
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    report = verify_bundle(bag)
    assert not report.ok
    assert report.problems == (f"data/{RECORDING}: its SHA-256 differs from manifest-sha256.txt",)
    assert not bagit_ok(bag)


def test_extra_file(bag):
    octets = sum(p.stat().st_size for p in (bag / "data").rglob("*") if p.is_file())  # the 6 files bagged
    (bag / "data" / "extra.txt").write_text("slipped in\n")   # 11 bytes
    report = verify_bundle(bag)
    assert named(report, "data/extra.txt") == ["data/extra.txt: not listed in manifest-sha256.txt"]
    assert named(report, "bag-info.txt") == [   # Payload-Oxum no longer matches either
        f"bag-info.txt: Payload-Oxum says {octets} bytes in 6 files, but data/ holds {octets + 11} bytes in 7 files"]
    assert not bagit_ok(bag)


def test_extra_tag_file_outside_the_signature(bag):
    (bag / "README.txt").write_text("trust me\n")
    report = verify_bundle(bag)
    assert named(report, "README.txt") == ["README.txt: an extra file, not covered by the signature"]


def test_missing_file(bag):
    (bag / "data" / SUMMARY).unlink()
    report = verify_bundle(bag)
    assert f"data/{SUMMARY}: listed in manifest-sha256.txt but missing" in report.problems
    assert not bagit_ok(bag)


def test_changed_bag_info(bag):
    with open(bag / "bag-info.txt", "a") as f:
        f.write("Contact-Name: Someone Else\n")
    report = verify_bundle(bag)
    assert report.problems == ("bag-info.txt: its SHA-256 differs from tagmanifest-sha256.txt",)
    assert not bagit_ok(bag)


def test_changed_manifest(bag):
    # The payload file and its manifest line both changed: the tag manifest catches it.
    target = bag / "data" / SUMMARY
    old = hashlib.sha256(target.read_bytes()).hexdigest()
    target.write_bytes(b"%PDF-1.7\n% a different summary\n")
    manifest = bag / "manifest-sha256.txt"
    manifest.write_text(manifest.read_text().replace(old, hashlib.sha256(target.read_bytes()).hexdigest()))
    report = verify_bundle(bag)
    assert named(report, "manifest-sha256.txt") == [
        "manifest-sha256.txt: its SHA-256 differs from tagmanifest-sha256.txt"]
    assert not named(report, f"data/{SUMMARY}")
    assert not bagit_ok(bag)


def test_changed_tag_manifest_breaks_the_signature(bag):
    target = bag / "data" / SUMMARY
    target.write_bytes(b"%PDF-1.7\n% a different summary\n")
    import bagit
    bagit.Bag(str(bag)).save(manifests=True)   # consistent manifests, old signature
    report = verify_bundle(bag)
    assert len(report.problems) == 1
    assert report.problems[0].startswith("tagmanifest-sha256.txt: does not match its signature "
                                         "tagmanifest-sha256.txt.p7s")
    assert bagit_ok(bag)           # bagit alone cannot see this ...
    assert not openssl_ok(bag)     # ... which is what the signature is for


def test_replaced_signature(bag):
    (bag / "tagmanifest-sha256.txt.p7s").write_bytes(b"\x30\x03\x02\x01\x00")
    report = verify_bundle(bag)
    assert report.problems == ("tagmanifest-sha256.txt.p7s: not a readable CMS signature",)
    assert not openssl_ok(bag)


def test_missing_signature(bag):
    (bag / "tagmanifest-sha256.txt.p7s").unlink()
    assert verify_bundle(bag).problems == ("tagmanifest-sha256.txt.p7s: missing",)


def test_signature_by_another_ca(bag, other_centre):
    sig = sign_as(other_centre[0], (bag / "tagmanifest-sha256.txt").read_bytes())
    (bag / "tagmanifest-sha256.txt.p7s").write_bytes(sig)
    report = verify_bundle(bag)
    assert report.problems == (
        "tagmanifest-sha256.txt.p7s: signed by 'Somebody Else document signing', not by the "
        "certificate in data/certificates/centre-signing-certificate.pem",)
    assert not openssl_ok(bag)


def test_forged_signing_certificate_is_traced_to_the_wrong_ca(bag, other_centre):
    creds = other_centre[0]
    (bag / "data" / "certificates" / "centre-signing-certificate.pem").write_text(creds.cert_pem)
    rebag(bag, creds)
    report = verify_bundle(bag)
    assert report.problems == ("data/certificates/centre-signing-certificate.pem: not issued by "
                               "the CA certificate in data/certificates/centre-ca-certificate.pem",)
    assert bagit_ok(bag)
    assert not openssl_ok(bag)


def test_complete_forgery_shows_only_in_the_ca_fingerprint(bag, centre, other_centre):
    """Whoever replaces every certificate and re-signs makes a consistent bag: the recipient's
    out-of-band comparison of the CA fingerprint is what catches it, so it must be reported."""
    creds, ca_pem, _ = other_centre
    certs = bag / "data" / "certificates"
    (certs / "centre-signing-certificate.pem").write_text(creds.cert_pem)
    (certs / "centre-ca-certificate.pem").write_text(ca_pem)
    rebag(bag, creds)
    report = verify_bundle(bag)
    assert report.ok
    assert report.ca_fingerprint == pki.fingerprint(ca_pem) != pki.fingerprint(centre[1])


def test_symbolic_link_is_reported_not_followed(bag, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of the bundle\n")
    (bag / "data" / "link.txt").symlink_to(secret)
    report = verify_bundle(bag)
    assert named(report, "data/link.txt") == ["data/link.txt: a symbolic link, not a file of the bundle"]


def test_manifest_path_leaving_the_bag_is_refused(bag):
    with open(bag / "manifest-sha256.txt", "a") as f:
        f.write(f"{'0' * 64}  data/../../etc/passwd\n")
    report = verify_bundle(bag)
    assert any(p.startswith("manifest-sha256.txt: line ") and "outside the bag" in p
               for p in report.problems)


# --- openssl, as HOW-TO-VERIFY.txt tells the recipient ------------------------------------------

@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")
def test_openssl_command_passes_then_fails_after_a_change(bag):
    assert openssl_command(bag) == shlex.split(bundle.OPENSSL_VERIFY)
    assert openssl_ok(bag)
    tm = bag / "tagmanifest-sha256.txt"
    data = bytearray(tm.read_bytes())
    data[0] = ord("0") if data[0] != ord("0") else ord("1")
    tm.write_bytes(bytes(data))
    assert not openssl_ok(bag)


def _make_ca(name: str, key, issuer=None, issuer_key=None, path_length=None):
    now = dt.datetime.now(dt.timezone.utc)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    return (x509.CertificateBuilder().subject_name(subject)
            .issuer_name(issuer.subject if issuer else subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
            .sign(issuer_key or key, hashes.SHA256()))


def _leaf(name: str, key, issuer, issuer_key):
    now = dt.datetime.now(dt.timezone.utc)
    return (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(issuer.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(issuer_key, hashes.SHA256()))


def test_imported_chain_with_an_intermediate_ca(tmp_path, recording):
    root_key, mid_key, key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    root = _make_ca("Region root CA", root_key)
    mid = _make_ca("Region issuing CA", mid_key, root, root_key, path_length=0)
    leaf = _leaf("Centre signing", key, mid, mid_key)
    creds = pki.Credentials(pki.pem(key), pki.pem(leaf), (pki.pem(mid), pki.pem(root)))
    result = write_bundle(tmp_path / "b", _files(recording), {}, creds)
    report = verify_bundle(result.path)
    assert report.ok, report.problems
    assert report.ca_fingerprint == pki.fingerprint(pki.pem(root))
    if OPENSSL:
        assert openssl_ok(result.path)


def test_imported_self_signed_certificate(tmp_path, recording):
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _make_ca("Centre self-signed", key)
    creds = pki.Credentials(pki.pem(key), pki.pem(cert), ())
    result = write_bundle(tmp_path / "b", _files(recording), {}, creds)
    report = verify_bundle(result.path)
    assert report.ok, report.problems
    assert report.ca_fingerprint == pki.fingerprint(pki.pem(cert))
    if OPENSSL:
        assert openssl_ok(result.path)


def test_credentials_that_would_not_verify_are_refused(tmp_path, centre, other_centre, recording):
    creds = centre[0]
    wrong_key = pki.Credentials(other_centre[0].key_pem, creds.cert_pem, creds.chain_pems)
    with pytest.raises(ValidationError, match="does not belong"):
        write_bundle(tmp_path / "a", _files(recording), {}, wrong_key)
    wrong_ca = pki.Credentials(creds.key_pem, creds.cert_pem, other_centre[0].chain_pems)
    with pytest.raises(ValidationError, match="not issued by"):
        write_bundle(tmp_path / "b", _files(recording), {}, wrong_ca)
    old, _, _ = pki.create_centre_credentials("Old", years=1,
                                              now=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3000))
    with pytest.raises(ValidationError, match="not valid today"):
        write_bundle(tmp_path / "c", _files(recording), {}, old)
    assert not any(p.name in ("a", "b", "c") or p.name.startswith(".") for p in tmp_path.iterdir())


# --- zip bundles -------------------------------------------------------------------------------

def test_zip_without_passphrase(tmp_path, centre, recording):
    result = write_bundle(tmp_path / "bundle.zip", _files(recording), BAG_INFO, centre[0], as_zip=True)
    assert result.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    report = verify_bundle(result.path)
    assert report.ok, report.problems
    assert report.files_checked == 6
    with pyzipper.AESZipFile(result.path) as zf:
        names = zf.namelist()
        assert all(n.startswith("bundle/") for n in names)
        assert zf.getinfo(f"bundle/data/{RECORDING}").compress_type == pyzipper.ZIP_STORED
        assert zf.getinfo("bundle/manifest-sha256.txt").compress_type == pyzipper.ZIP_DEFLATED
    if SEVEN_ZIP:
        out = tmp_path / "extracted"
        subprocess.run([SEVEN_ZIP, "x", f"-o{out}", str(result.path)], check=True, capture_output=True)
        assert bagit_ok(out / "bundle")
        assert verify_bundle(out).ok          # the folder 7-Zip extracted into will do
        if OPENSSL:
            assert openssl_ok(out / "bundle")


@pytest.mark.skipif(SEVEN_ZIP is None, reason="7z is not installed")
def test_encrypted_zip_opens_in_7zip_and_validates(tmp_path, centre, recording):
    result = write_bundle(tmp_path / "bundle.zip", _files(recording), BAG_INFO, centre[0],
                          as_zip=True, passphrase=PASSPHRASE)
    report = verify_bundle(result.path, PASSPHRASE)
    assert report.ok, report.problems
    with pyzipper.AESZipFile(result.path) as zf:
        infos = zf.infolist()
        assert all(i.flag_bits & 0x1 for i in infos)           # every entry encrypted
        assert {i.wz_aes_strength for i in infos} == {3}        # 3 = AES-256
    test = subprocess.run([SEVEN_ZIP, "t", f"-p{PASSPHRASE}", str(result.path)], capture_output=True)
    assert test.returncode == 0, test.stdout
    wrong = subprocess.run([SEVEN_ZIP, "t", "-pnot the passphrase", str(result.path)], capture_output=True)
    assert wrong.returncode != 0
    out = tmp_path / "extracted"
    subprocess.run([SEVEN_ZIP, "x", f"-p{PASSPHRASE}", f"-o{out}", str(result.path)], check=True,
                   capture_output=True)
    assert bagit_ok(out / "bundle")
    assert (out / "bundle" / "data" / RECORDING).read_bytes() == recording.read_bytes()
    if OPENSSL:
        assert openssl_ok(out / "bundle")


@pytest.mark.parametrize("passphrase", [None, "", "not the passphrase"])
def test_wrong_or_missing_passphrase_is_one_clear_line(tmp_path, centre, recording, passphrase):
    result = write_bundle(tmp_path / "bundle.zip", _files(recording), {}, centre[0],
                          as_zip=True, passphrase=PASSPHRASE)
    with pytest.raises(ValidationError) as e:
        verify_bundle(result.path, passphrase)
    assert e.value.field == "passphrase"
    assert "\n" not in str(e.value)
    assert ("wrong" if passphrase else "encrypted") in e.value.message


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_damaged_zip_entry_is_named(tmp_path, centre, recording, passphrase):
    result = write_bundle(tmp_path / "bundle.zip", _files(recording), {}, centre[0],
                          as_zip=True, passphrase=passphrase)
    data = bytearray(result.path.read_bytes())
    with pyzipper.AESZipFile(result.path) as zf:
        info = zf.getinfo(f"bundle/data/{RECORDING}")
    data[info.header_offset + 200_000] ^= 0xFF   # well inside the stored recording
    result.path.write_bytes(bytes(data))
    report = verify_bundle(result.path, passphrase)
    assert [p.split(":")[0] for p in report.problems] == [f"data/{RECORDING}"]


def test_not_a_bundle(tmp_path):
    with pytest.raises(RecordFileError, match="does not exist"):
        verify_bundle(tmp_path / "nothing-here")
    (tmp_path / "x.zip").write_bytes(b"PK not really")
    with pytest.raises(RecordFileError, match="neither a bundle folder nor a readable zip"):
        verify_bundle(tmp_path / "x.zip")


# --- atomic and private ------------------------------------------------------------------------

@pytest.mark.parametrize("as_zip", [False, True])
def test_cancel_midway_leaves_nothing(tmp_path, centre, as_zip):
    big = tmp_path / "src" / "big.mp4"
    big.parent.mkdir()
    big.write_bytes(os.urandom(10 * 1024 * 1024))
    out = tmp_path / "out"
    out.mkdir()
    before = listing(out)
    seen = []

    def progress(done, total):
        seen.append(done)

    def cancel():   # after the first 4 MiB piece of the recording: inside the big copy
        return bool(seen) and seen[-1] >= 4 * 1024 * 1024
    with pytest.raises(Cancelled):
        write_bundle(out / ("b.zip" if as_zip else "b"), [BundleFile("rec.mp4", big)], {}, centre[0],
                     as_zip=as_zip, passphrase=PASSPHRASE if as_zip else None,
                     progress=progress, cancel=cancel)
    assert 0 < seen[-1] < 10 * 1024 * 1024
    assert listing(out) == before
    assert not list(Path(os.environ["TMPDIR"]).iterdir())


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("as_zip", [False, True])
def test_write_error_midway_leaves_nothing(tmp_path, centre, recording, as_zip):
    """A file system that refuses a big file (as FAT32 does above 4 GB), here by a file-size limit."""
    import resource
    import signal
    out = tmp_path / "out"
    out.mkdir()
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # get EFBIG instead of a kill
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 1024 * 1024, old_limit[1]))
    try:
        with pytest.raises(RecordFileError) as e:
            write_bundle(out / ("b.zip" if as_zip else "b"), _files(recording), {}, centre[0],
                         as_zip=as_zip)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert "No bundle was written" in str(e.value) or "no bundle was written" in str(e.value)
    assert ".partial-" not in str(e.value)
    assert listing(out) == []


@pytest.mark.parametrize("as_zip", [False, True])
def test_existing_destination_is_refused_untouched(tmp_path, centre, recording, as_zip):
    dest = tmp_path / ("b.zip" if as_zip else "b")
    if as_zip:
        dest.write_bytes(b"earlier bundle")
    else:
        dest.mkdir()
        (dest / "keep.txt").write_text("earlier bundle")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(ValidationError) as e:
        write_bundle(dest, _files(recording), {}, centre[0], as_zip=as_zip)
    assert str(dest) in str(e.value)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_empty_existing_folder_is_refused_too(tmp_path, centre, recording):
    (tmp_path / "b").mkdir()
    with pytest.raises(ValidationError, match="already exists"):
        write_bundle(tmp_path / "b", _files(recording), {}, centre[0])
    assert listing(tmp_path / "b") == []


@pytest.mark.parametrize("as_zip", [False, True])
def test_nothing_is_written_outside_the_destination_folder(tmp_path, centre, recording, monkeypatch,
                                                           as_zip):
    import tempfile
    tmpdir = Path(os.environ["TMPDIR"])
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))   # any tempfile use would land here
    out = tmp_path / "out"
    out.mkdir()
    home = Path(os.environ["HOME"])
    before_home, before_out, before_src = listing(home), listing(out), listing(recording.parent)
    dest = out / ("b.zip" if as_zip else "b")
    writes = _recording_writes(lambda: write_bundle(
        dest, _files(recording), BAG_INFO, centre[0], as_zip=as_zip,
        passphrase=PASSPHRASE if as_zip else None))
    assert writes, "the audit hook saw nothing"
    assert all(Path(w).resolve().is_relative_to(out.resolve()) for w in writes), writes
    assert listing(home) == before_home
    assert listing(recording.parent) == before_src
    new = sorted(set(listing(out)) - set(before_out))
    assert new[0] == dest.name and all(n.startswith(dest.name) for n in new)
    assert not [n for n in listing(out) if n.startswith(".")]


# --- big sources, progress ---------------------------------------------------------------------

@pytest.mark.parametrize("as_zip", [False, True])
def test_path_sources_are_copied_with_correct_hashes(tmp_path, centre, as_zip):
    src = tmp_path / "src"
    src.mkdir()
    few_mb = src / "few.mp4"
    few_mb.write_bytes(os.urandom(5 * 1024 * 1024 + 3))
    sparse = src / "sparse.mp4"
    with open(sparse, "wb") as f:
        f.truncate(64 * 1024 * 1024)
        f.seek(32 * 1024 * 1024)
        f.write(b"middle")
        f.seek(64 * 1024 * 1024 - 3)
        f.write(b"end")
    expected = {name: hashlib.sha256(p.read_bytes()).hexdigest()
                for name, p in (("few.mp4", few_mb), ("sparse.mp4", sparse))}
    files = [BundleFile("recordings/few.mp4", few_mb), BundleFile("recordings/sparse.mp4", sparse)]
    dest = tmp_path / ("b.zip" if as_zip else "b")
    result = write_bundle(dest, files, {}, centre[0], as_zip=as_zip)
    assert verify_bundle(result.path).ok
    if as_zip:
        with pyzipper.AESZipFile(dest) as zf:
            manifest = zf.read("b/manifest-sha256.txt").decode()
            got = {n: hashlib.sha256(zf.read(f"b/data/recordings/{n}")).hexdigest() for n in expected}
    else:
        manifest = (dest / "manifest-sha256.txt").read_text()
        got = {n: hashlib.sha256((dest / "data" / "recordings" / n).read_bytes()).hexdigest()
               for n in expected}
    assert got == expected
    for name, digest in expected.items():
        assert f"{digest}  data/recordings/{name}\n" in manifest


@pytest.mark.parametrize("as_zip", [False, True])
def test_progress_reaches_total(tmp_path, centre, recording, as_zip):
    calls = []
    result = write_bundle(tmp_path / ("b.zip" if as_zip else "b"), _files(recording), {}, centre[0],
                          as_zip=as_zip, progress=lambda d, t: calls.append((d, t)))
    totals = {t for _, t in calls}
    assert len(totals) == 1
    total = totals.pop()
    assert total == result.payload_bytes * (2 if as_zip else 1)
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[-1] == total
    checks = []
    verify_bundle(result.path, progress=lambda d, t: checks.append((d, t)))
    assert checks[-1][0] == checks[-1][1] == result.payload_bytes


def test_cancel_while_verifying(bag):
    with pytest.raises(Cancelled):
        verify_bundle(bag, cancel=lambda: True)


# --- names and bag-info ------------------------------------------------------------------------

@pytest.mark.parametrize("names", [
    ["/etc/passwd"], ["../outside.pdf"], ["a/../../b.pdf"], ["a\\b.pdf"], ["C:/x.pdf"],
    ["a\x00b"], ["line\nbreak.pdf"], ["tab\there.pdf"], ["a\u202egpj.exe"], [""], ["a//b.pdf"],
    ["./a.pdf"], ["folder/"], ["100%.pdf"], ["what?.pdf"], ["trailing .pdf/x "], ["CON.txt"],
    ["x.pdf", "x.pdf"], ["Summary.pdf", "summary.pdf"], ["caf\u00e9.pdf", "cafe\u0301.pdf"],
    ["a", "a/b.pdf"], ["HOW-TO-VERIFY.txt"], ["certificates/centre-ca-certificate.pem"],
])
def test_bad_arcnames_are_refused(tmp_path, centre, names):
    with pytest.raises(ValidationError) as e:
        write_bundle(tmp_path / "b", [BundleFile(n, b"x") for n in names], {}, centre[0])
    assert e.value.field == "arcname"
    assert listing(tmp_path) == []


@pytest.mark.parametrize("info", [
    {"Contact-Name": "two\nlines"}, {"Contact-Name": "carriage\rreturn"}, {"Bad:Label": "x"},
    {" Padded": "x"}, {"": "x"}, {"Payload-Oxum": "1.1"}, {"bagging-date": "2020-01-01"},
    {"Contact-Name": "sep\u2028arator"},
])
def test_bad_bag_info_is_refused(tmp_path, centre, info):
    with pytest.raises(ValidationError) as e:
        write_bundle(tmp_path / "b", [BundleFile("a.txt", b"x")], info, centre[0])
    assert e.value.field == "bag_info"
    assert listing(tmp_path) == []


def test_passphrase_rules(tmp_path, centre):
    files = [BundleFile("a.txt", b"x")]
    with pytest.raises(ValidationError, match="only a zip"):
        write_bundle(tmp_path / "b", files, {}, centre[0], passphrase=PASSPHRASE)
    with pytest.raises(ValidationError, match="at least"):
        write_bundle(tmp_path / "b.zip", files, {}, centre[0], as_zip=True, passphrase="short")
    assert listing(tmp_path) == []


def test_manifest_paths_are_percent_encoded_per_rfc8493():
    raw = "data/a%b\r\nc.txt"
    assert bundle._encode_path(raw) == "data/a%25b%0D%0Ac.txt"
    assert bundle._decode_path(bundle._encode_path(raw)) == raw
    assert bundle._decode_path("data/%2525") == "data/%25"


@pytest.mark.parametrize("text, expected", [
    ("interview 12:30 (child?).mp4", "interview 12_30 (child_).mp4"), ("50% done.", "50_ done"),
    ("../../etc/passwd", ".._.._etc_passwd"), ("..", "file"), ("con.txt", "_con.txt"), ("  ", "file"), ("a\tb", "a_b"),
])
def test_safe_name(text, expected):
    assert bundle.safe_name(text) == expected


def test_safe_name_is_always_accepted():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.text(max_size=300))
    def check(text):
        name = bundle.safe_name(text)
        assert bundle._component_problem(name) is None
        assert bundle._check_arcname(f"recordings/{name}")
        assert len(name) <= 120
    check()
