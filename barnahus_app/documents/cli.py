"""The `summary`, `minutes`, `psychosocial-summary`, `export-bundle`, `verify-document` and `verify-bundle` commands."""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from barnahus_app.cli_support import (
    EXIT_CHECK_FAILED, EXIT_OK, UsageError, end_progress, open_session, opening,
    progress_printer, read_secret_file, report_failures, secret,
)


def cmd_summary(args) -> int:
    with open_session(args) as s:
        report_failures(s)
        entry = s.write_case_summary(args.case, args.out, args.format, pseudonymise=args.pseudonymise,
                                     time_zone=args.time_zone, progress=progress_printer("summary"))
    end_progress()
    print(f"Wrote {args.out}: document {entry['document_id']} (version {entry['version']}"
          f"{', pseudonymised' if entry['pseudonymised'] else ''}), SHA-256 {entry['sha256']}.")
    return EXIT_OK


def cmd_minutes(args) -> int:
    with open_session(args) as s:
        report_failures(s)
        entry = s.issue_minutes(args.meeting, args.format, args.out, pseudonymise=args.pseudonymise,
                                time_zone=args.time_zone, progress=progress_printer("minutes"))
    end_progress()
    print(f"Wrote {args.out}: minutes of meeting {args.meeting}, document {entry['document_id']} (version "
          f"{entry['version']}{', pseudonymised' if entry['pseudonymised'] else ''}), SHA-256 {entry['sha256']}.")
    return EXIT_OK


def cmd_psychosocial_summary(args) -> int:
    with open_session(args) as s:
        report_failures(s)
        entry = s.issue_psychosocial_summary(args.case, args.format, args.out, child_person_id=args.child,
                                             pseudonymise=args.pseudonymise, time_zone=args.time_zone,
                                             progress=progress_printer("psychosocial summary"))
    end_progress()
    print(f"Wrote {args.out}: psychosocial summary of case {entry['case_reference']}, document "
          f"{entry['document_id']} (version {entry['version']}{', pseudonymised' if entry['pseudonymised'] else ''}"
          f"), SHA-256 {entry['sha256']}.")
    return EXIT_OK


def cmd_export_bundle(args) -> int:
    passphrase = None
    if args.passphrase_file and not args.encrypt:
        # Never a plain zip for someone who gave a passphrase: they meant it to be encrypted.
        raise UsageError("--passphrase-file is for --encrypt: add --encrypt (with --zip); nothing was written.")
    if args.encrypt:
        if not args.zip:
            raise UsageError("--encrypt needs --zip.")
        passphrase = secret(args.passphrase_file, "BARNAHUS_BUNDLE_PASSPHRASE", "Transport passphrase: ",
                             "passphrase", confirm=True)
    from barnahus_app.errors import EvidenceAltered
    with open_session(args) as s:
        report_failures(s)
        try:
            entry = s.export_bundle(args.case, args.out, pseudonymise=args.pseudonymise, as_zip=args.zip,
                                    passphrase=passphrase, include_recordings=args.recordings,
                                    time_zone=args.time_zone, progress=progress_printer("bundle"))
        except EvidenceAltered as e:
            end_progress()
            print(f"barnahus: FIXITY ALARM: {e} The stored hash was not changed; a custody event and the "
                  "audit trail record this.", file=sys.stderr)
            return EXIT_CHECK_FAILED
        ident = s.signing_identity()
    end_progress()
    print(f"Wrote bundle {args.out}: {entry['document_id']}, SHA-256 {entry['sha256']}"
          f"{' (zip: SHA-256 of the file)' if args.zip else ' (SHA-256 of tagmanifest-sha256.txt)'}.")
    print(f"Give the recipient the centre's CA fingerprint out of band: {ident['ca_fingerprint']}")
    if entry["recordings_not_found"]:
        print(f"Not copied, not found where they are kept: recording(s) "
              f"{', '.join(map(str, entry['recordings_not_found']))} (listed in the manifest).", file=sys.stderr)
    if passphrase:
        print("Send the passphrase by another channel than the bundle.")
    return EXIT_OK


EXIT_SIGNER_UNVERIFIED = 3   # intact, but no trust anchor was given: never "OK"


def _anchors(args):
    from barnahus_app.documents import trust
    return trust.anchors_from(args.trust, args.ca_fingerprint)


def cmd_verify_document(args) -> int:
    from barnahus_app.documents import trust
    from barnahus_app.errors import RecordFileError, ValidationError
    anchors = _anchors(args)   # before unlocking: a bad trust file leaves no audit entry
    with open_session(args) as s:
        report_failures(s)
        result = s.verify_document(args.file, progress=progress_printer("checking"))
    end_progress()
    try:
        if result.get("bundle_report") is not None:   # a bundle folder: checked once, above
            verdict = trust.judge_bundle(result["bundle_report"], anchors)
        else:
            verdict = trust.judge_file(args.file, anchors, progress=progress_printer("signature"))
            end_progress()
    except (ValidationError, RecordFileError) as e:
        if getattr(e, "field", "passphrase") != "passphrase":
            raise
        verdict = trust.judge(False, "", anchors, why_not="its signature was not checked (" + str(e).rstrip(".")
                              + "; use verify-bundle)")
    print(f"{verdict.headline}.")
    if result["status"] == "issued":
        print(f"{args.file}: issued by this record on {result['issued_at'][:10]} by {result['issued_by_name']}, "
              f"unaltered. Document {result['document_id']}, {_subject(result)}, "
              f"{result['doc_type'].replace('_', ' ')} version {result['version']}.")
        for d in result["disclosures"]:
            print(f"  disclosed {d['disclosed_at'][:10]} to {d['recipient']}")
        # The register vouches for the file; a trust anchor given and not matched still fails.
        return EXIT_CHECK_FAILED if verdict.trusted is False and anchors else EXIT_OK
    if result["status"] == "unconfirmed":
        print(f"{args.file}: NOT CONFIRMED BY THE AUDIT TRAIL. {result['reason']}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    print(f"{args.file}: UNKNOWN OR ALTERED. {result['reason']}", file=sys.stderr)
    for problem in result.get("problems", ()):
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return EXIT_CHECK_FAILED


def _subject(entry: dict) -> str:
    """What an issued document is about: a case, or for minutes a meeting."""
    if entry.get("case_reference") is None and entry.get("meeting_id") is not None:
        return f"meeting {entry['meeting_id']}"
    return f"case {entry['case_reference']}"


def cmd_verify_bundle(args) -> int:
    from barnahus_app.documents import trust
    from barnahus_app.documents.bundle import verify_bundle
    from barnahus_app.errors import ValidationError
    anchors = _anchors(args)
    passphrase = None
    if args.passphrase_file or os.environ.get("BARNAHUS_BUNDLE_PASSPHRASE"):
        passphrase = secret(args.passphrase_file, "BARNAHUS_BUNDLE_PASSPHRASE", "", "passphrase")
    try:
        report = verify_bundle(Path(args.path), passphrase, progress=progress_printer("checking"))
    except ValidationError as e:
        if e.field != "passphrase" or passphrase is not None:
            raise
        # An encrypted zip and no passphrase given: ask on a terminal, else say how to give it.
        if not sys.stdin or not sys.stdin.isatty():
            raise UsageError("This bundle is encrypted: give its transport passphrase with --passphrase-file "
                             "or BARNAHUS_BUNDLE_PASSPHRASE.") from None
        passphrase = getpass.getpass("Transport passphrase: ")
        report = verify_bundle(Path(args.path), passphrase, progress=progress_printer("checking"))
    end_progress()
    verdict = trust.judge_bundle(report, anchors)
    print(f"{verdict.headline}.")
    print(f"checked {report.files_checked} file(s); signed by {report.signer or '-'}"
          f"{' at ' + report.signed_at if report.signed_at else ''}")
    print(f"centre CA fingerprint (SHA-256): {report.ca_fingerprint or '-'}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    if verdict.trusted:
        print("Every file matches its manifest, the signature is valid, and the CA certificate is the one "
              "you trust.")
        return EXIT_OK
    if verdict.trusted is None:
        print("Every file matches its manifest and the signature is valid, but anyone can make such a bundle "
              "with a certificate bearing the centre's name. Compare the fingerprint above with the one the "
              "centre gave you by letter or phone, or give it with --trust FILE / --ca-fingerprint.")
        return EXIT_SIGNER_UNVERIFIED
    return EXIT_CHECK_FAILED


def _trust_options(sp) -> None:
    sp.add_argument("--trust", metavar="FILE",
                    help="the centres you trust: one line each, the SHA-256 fingerprint of the centre's CA "
                         "certificate (hex, colons allowed), then optionally its name; # comments")
    sp.add_argument("--ca-fingerprint", metavar="HEX", help="the SHA-256 fingerprint of the centre's CA certificate")


def trust_line(ident: dict) -> str:
    """The line a recipient puts in a trust file for this centre."""
    return f"{ident['ca_fingerprint']}  {ident['centre']}".rstrip()


def print_fingerprint_letter(ident: dict) -> None:
    from barnahus_app.documents.pki import colon_fingerprint
    fp = colon_fingerprint(ident["ca_fingerprint"])
    print(f"Centre: {ident['centre'] or '-'}")
    print(f"Signs as: {ident['subject']} (valid until {ident['not_after'][:10]})")
    print("The fingerprint of the centre's CA certificate (SHA-256), to send by letter or read out by phone:")
    print(f"  {fp[:47]}")
    print(f"  {fp[48:]}")
    print("The same as one line for the recipient's trust file (barnahus verify-bundle --trust FILE):")
    print(f"  {trust_line(ident)}")


def cmd_signing_show(args) -> int:
    with open_session(args) as s:
        report_failures(s)
        ident = s.signing_identity()
        warnings = s.signing_warnings()
    if ident is None:
        print("The centre has no signing certificate yet (one is made when the first document is issued, or "
              "with `barnahus signing create`).")
        return EXIT_OK
    print_fingerprint_letter(ident)
    for line in warnings:
        print(line, file=sys.stderr)
    return EXIT_OK


def _ca_passphrase(args, confirm: bool) -> str:
    return secret(args.ca_passphrase_file, "BARNAHUS_CA_PASSPHRASE", "Passphrase of the CA file: ",
                  "CA passphrase", confirm=confirm)


def _read_file(path: str, what: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(16 * 1024 * 1024)
    except OSError as e:
        raise UsageError(f"Cannot read the {what} {path}: {e.strerror}.") from None


def cmd_signing_create(args) -> int:
    from barnahus_app.files import check_destination
    check_destination(args.ca_out, "--ca-out")   # before unlocking
    passphrase = _ca_passphrase(args, confirm=True)
    with open_session(args) as s:
        report_failures(s)
        ident = s.create_signing_identity(args.ca_out, passphrase)
    print(f"Created the centre's signing certificate. The CA key is ONLY in {args.ca_out} (PKCS#12, encrypted "
          "with your passphrase): keep it and the passphrase in the centre's safe, apart; renewing the signing "
          "certificate needs them. The record holds no CA key.")
    print_fingerprint_letter(ident)
    return EXIT_OK


def cmd_signing_renew(args) -> int:
    data = _read_file(args.ca_file, "CA file")
    passphrase = _ca_passphrase(args, confirm=False)
    with open_session(args) as s:
        report_failures(s)
        ident = s.renew_signing_certificate(data, passphrase)
    print(f"Renewed the signing certificate (valid until {ident['not_after'][:10]}); the CA and its fingerprint "
          "are the same, so recipients' trust files keep working.")
    return EXIT_OK


def cmd_signing_export_ca(args) -> int:
    from barnahus_app.files import check_destination
    check_destination(args.ca_out, "--ca-out")
    passphrase = _ca_passphrase(args, confirm=True)
    with open_session(args) as s:
        report_failures(s)
        s.export_ca_key(args.ca_out, passphrase)
    print(f"Wrote the CA key and certificate to {args.ca_out} and removed the CA key from the record. Keep the "
          "file and its passphrase in the centre's safe, apart. Backups made before today still hold the key: "
          "keep them as safe as the CA file.")
    return EXIT_OK


def cmd_signing_import(args) -> int:
    data = _read_file(args.file, "PKCS#12 file")
    password = (read_secret_file(args.p12_password_file, "PKCS#12 password") if args.p12_password_file else None)
    with open_session(args) as s:
        report_failures(s)
        ident = s.import_signing_identity(data, password)
    print("Imported the centre's certificate; new documents are signed with it.")
    print_fingerprint_letter(ident)
    return EXIT_OK


def add_signing(sub) -> None:
    sp = sub.add_parser("signing", help="the centre's signing certificate and the fingerprint to send recipients")
    ssub = sp.add_subparsers(dest="signing_command", required=True, metavar="ACTION")
    show = ssub.add_parser("show", aliases=["fingerprint"],
                           help="the CA fingerprint, printed for a letter, and the trust-file line")
    opening(show)
    show.set_defaults(func=cmd_signing_show)
    passphrase_help = "read the CA file's passphrase from this file (else BARNAHUS_CA_PASSPHRASE or a prompt)"
    def ca_out(action: str, help_text: str, func) -> None:
        sp = ssub.add_parser(action, help=help_text)
        opening(sp)
        sp.add_argument("--ca-out", required=True, help="the new PKCS#12 file for the centre's safe (must not exist)")
        sp.add_argument("--ca-passphrase-file", help=passphrase_help)
        sp.set_defaults(func=func)
    ca_out("create", "a new CA and signing certificate; the CA key goes only to --ca-out", cmd_signing_create)
    renew = ssub.add_parser("renew", help="a new signing certificate from the same CA (needs the CA file)")
    opening(renew)
    renew.add_argument("--ca-file", required=True, help="the CA file from the centre's safe")
    renew.add_argument("--ca-passphrase-file", help=passphrase_help)
    renew.set_defaults(func=cmd_signing_renew)
    ca_out("export-ca", "write the CA key still inside an older record to a file for the safe, then remove it "
                        "from the record", cmd_signing_export_ca)
    imp = ssub.add_parser("import", help="the centre's own certificate from its PKI (.p12/.pfx with key and chain)")
    opening(imp)
    imp.add_argument("file", help="the PKCS#12 file")
    imp.add_argument("--p12-password-file", help="read the file's password from this file")
    imp.set_defaults(func=cmd_signing_import)


def add_summary(sub) -> None:
    sp = sub.add_parser("summary", help="write a case's court summary (PDF/A signed, or DOCX)")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--format", choices=("pdf", "docx"), default="pdf")
    sp.add_argument("--pseudonymise", action="store_true", help="no names, no dates of birth, no addresses")
    sp.add_argument("--time-zone", help="time zone for the times shown (default: the centre's, a record setting)")
    sp.add_argument("--out", required=True, help="the file to write (must not exist)")
    sp.set_defaults(func=cmd_summary)


def add_minutes(sub) -> None:
    sp = sub.add_parser("minutes", help="write the minutes of a team meeting (PDF/A signed, or DOCX)")
    opening(sp)
    sp.add_argument("--meeting", required=True, type=int, help="the meeting's number")
    sp.add_argument("--format", choices=("pdf", "docx"), default="pdf")
    sp.add_argument("--pseudonymise", action="store_true",
                    help="children by pseudonyms; no names, dates of birth or addresses of the cases' persons")
    sp.add_argument("--time-zone", help="time zone for the time of issue (default: the centre's, a record setting)")
    sp.add_argument("--out", required=True, help="the file to write (must not exist)")
    sp.set_defaults(func=cmd_minutes)


def add_psychosocial_summary(sub) -> None:
    sp = sub.add_parser("psychosocial-summary",
                        help="write a case's psychosocial summary, therapists only (PDF/A signed, or DOCX)")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--child", type=int, help="only this child of the case (their person number)")
    sp.add_argument("--format", choices=("pdf", "docx"), default="pdf")
    sp.add_argument("--pseudonymise", action="store_true",
                    help="children by pseudonyms; no names, dates of birth or addresses of the case's persons")
    sp.add_argument("--time-zone", help="time zone for the times shown (default: the centre's, a record setting)")
    sp.add_argument("--out", required=True, help="the file to write (must not exist)")
    sp.set_defaults(func=cmd_psychosocial_summary)


def add_export_bundle(sub) -> None:
    sp = sub.add_parser("export-bundle", help="write a signed BagIt bundle for the prosecutor")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference")
    sp.add_argument("--out", required=True, help="the folder (or with --zip the .zip file) to write")
    sp.add_argument("--pseudonymise", action="store_true", help="no names, no dates of birth, no addresses")
    sp.add_argument("--zip", action="store_true", help="write a zip of the bag")
    sp.add_argument("--encrypt", action="store_true", help="AES-256 zip for transport (asks a passphrase)")
    sp.add_argument("--passphrase-file", help="read the transport passphrase from this file")
    sp.add_argument("--recordings", action="store_true", help="include copies of the recordings")
    sp.add_argument("--time-zone", help="time zone for the times shown (default: the centre's, a record setting)")
    sp.set_defaults(func=cmd_export_bundle)


def add_verify_document(sub) -> None:
    sp = sub.add_parser("verify-document", help="was this file issued by this record, unaltered?")
    opening(sp)
    sp.add_argument("file", help="a summary PDF/DOCX, a bundle zip or a bundle folder")
    _trust_options(sp)
    sp.set_defaults(func=cmd_verify_document)


def add_verify_bundle(sub) -> None:
    sp = sub.add_parser("verify-bundle", help="check a bundle without the record: manifests, signature, certificate")
    sp.add_argument("path", help="the bundle folder or zip")
    sp.add_argument("--passphrase-file", help="the transport passphrase of an encrypted zip, from this file")
    _trust_options(sp)
    sp.set_defaults(func=cmd_verify_bundle)
