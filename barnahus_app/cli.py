"""`barnahus`: the command line, a second front end over the same core as the desktop app.

Passwords come from a prompt, --password-file, or BARNAHUS_PASSWORD; never from an argument.
Exit codes: 0 success, 1 a check found a problem, 2 a user error (one line on stderr, no
traceback), 130 interrupted.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from barnahus_app import __version__, paths, policy
from barnahus_app.errors import BarnahusError

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USER_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


class UsageError(BarnahusError):
    pass


# --- secrets --------------------------------------------------------------------------------
def _read_secret_file(path: str, what: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise UsageError(f"Cannot read the {what} file {path}: {e.strerror}.") from None
    return text.rstrip("\r\n")


def _secret(file_arg: str | None, env_name: str, prompt: str, what: str, confirm: bool = False) -> str:
    if file_arg:
        return _read_secret_file(file_arg, what)
    if os.environ.get(env_name):
        return os.environ[env_name]
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(f"No {what} given: use a file option or {env_name} (no terminal to ask in).")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != value:
        raise UsageError(f"The two {what}s differ; nothing was changed.")
    return value


def _credentials(args) -> dict:
    """Password, or the recovery key standing in for it."""
    if getattr(args, "recovery_key_file", None):
        return {"recovery_key": _read_secret_file(args.recovery_key_file, "recovery key")}
    return {"password": _secret(args.password_file, "BARNAHUS_PASSWORD", f"Password for {args.user}: ",
                                "password")}


def _new_password(args, whose: str) -> str:
    return _secret(args.new_password_file, "BARNAHUS_NEW_PASSWORD", f"New password for {whose}: ",
                   "new password", confirm=True)


def _write_owner_only(path: str, text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UsageError(f"{path} already exists; it was not overwritten.") from None
    except OSError as e:
        raise UsageError(f"Cannot write {path}: {e.strerror}.") from None
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text + "\n")
        f.flush()
        os.fsync(f.fileno())


def _deliver_recovery_key(key: str, file_arg: str | None) -> None:
    if file_arg:
        _write_owner_only(file_arg, key)
        print(f"The recovery key was written to {file_arg} (readable by you only). Print it, lock it "
              "away, and delete the file.")
    else:
        print("RECOVERY KEY (shown once; print it and lock it away - it opens the record on its own):")
        print(f"  {key}")


def _open(args):
    from barnahus_app.lifecycle import open_record
    if not args.user:
        raise UsageError("Give --user NAME.")
    return open_record(Path(args.record), args.user, **_credentials(args))


def _report_failures(session) -> None:
    if session.failed_attempts:
        print(f"Note: {len(session.failed_attempts)} failed unlock attempt(s) since the last login, "
              f"the last at {session.failed_attempts[-1]}.", file=sys.stderr)


# --- commands -------------------------------------------------------------------------------
def cmd_init(args) -> int:
    from barnahus_app.lifecycle import create_record
    password = _secret(args.password_file, "BARNAHUS_PASSWORD", f"Password for {args.admin}: ",
                       "password", confirm=True)
    key = create_record(Path(args.record), args.admin, password, args.display_name, args.centre or "")
    print(f"Created {args.record} with administrator '{args.admin}'.")
    _deliver_recovery_key(key, args.recovery_key_file)
    return EXIT_OK


def cmd_demo(args) -> int:
    from barnahus_app.demo.build import build_demo_record
    password = _secret(args.password_file, "BARNAHUS_PASSWORD", "Password for every demo user: ",
                       "password", confirm=True)
    if not 1 <= args.cases <= 100_000:
        raise UsageError("--cases takes 1 to 100000.")

    def progress(done, total):
        if sys.stderr.isatty():
            print(f"\r{done}/{total} cases", end="", file=sys.stderr, flush=True)

    key = build_demo_record(Path(args.record), args.admin, password, args.cases, args.seed,
                            progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Created demo record {args.record}: {args.cases} fictional cases (seed {args.seed}). "
          f"Users: {args.admin} (admin), " + ", ".join(r.value for r in policy.Role if r != policy.Role.ADMIN)
          + ", all with the password given.")
    _deliver_recovery_key(key, args.recovery_key_file)
    return EXIT_OK


def cmd_check(args) -> int:
    with _open(args) as s:
        report = s.check()
    for line in report.lines():
        print(line)
    if not report.ok:
        print("barnahus: the check found a problem (see above). Restore from a backup in the "
              "'backups' folder beside the record, or keep this copy for inspection.", file=sys.stderr)
        return EXIT_CHECK_FAILED
    print("ok")
    return EXIT_OK


def cmd_users(args) -> int:
    with _open(args) as s:
        _report_failures(s)
        if args.action == "list":
            rows = s.list_users()
            if args.json:
                print(json.dumps(rows, indent=1))
            for u in ([] if args.json else rows):
                state = "active" if u["active"] else "disabled"
                print(f"{u['username']:<20} {state:<9} {','.join(u['roles']):<35} {u['display_name']}")
            return EXIT_OK
        if not args.name:
            raise UsageError(f"'users {args.action}' needs the user name.")
        if args.action == "add":
            roles = _roles(args)
            uid = s.add_user(args.name, args.display_name or args.name, roles, _new_password(args, args.name))
            print(f"Added user '{args.name}' (id {uid}) with roles {', '.join(roles)}.")
        elif args.action == "disable":
            s.set_active(args.name, False)
            print(f"Disabled '{args.name}'; their key slot was removed.")
        elif args.action == "enable":
            new = _new_password(args, args.name)
            s.set_active(args.name, True)
            s.reset_password(args.name, new)
            print(f"Enabled '{args.name}' with a new password.")
        elif args.action == "set-roles":
            roles = _roles(args)
            s.set_roles(args.name, roles)
            print(f"'{args.name}' now has roles {', '.join(roles)}.")
        elif args.action == "passwd":
            if args.name.strip().casefold() == s.username:
                if "password" not in (creds := _credentials(args)):
                    raise UsageError("To change your own password, unlock with your password.")
                s.change_own_password(creds["password"], _new_password(args, args.name))
            else:
                s.reset_password(args.name, _new_password(args, args.name))
            print(f"Password of '{args.name}' changed.")
    return EXIT_OK


def _roles(args) -> list[str]:
    if not args.roles:
        raise UsageError("Give --roles, e.g. --roles coordinator,interviewer.")
    return [r for r in args.roles.split(",") if r.strip()]


def cmd_cases(args) -> int:
    from barnahus_app.cases.actions import CaseFilter
    with _open(args) as s:
        _report_failures(s)
        flt = CaseFilter(text=args.search, status=args.status, year=args.year,
                         emergency=True if args.emergency else None)
        page = s.list_cases(flt, limit=args.limit, offset=args.offset)
    if args.json:
        print(json.dumps({"total": page.total, "offset": page.offset, "cases": page.rows}, indent=1,
                         ensure_ascii=False))
        return EXIT_OK
    print(f"{'reference':<15} {'status':<9} {'received (UTC)':<17} {'case lead':<24} emergency")
    for r in page.rows:
        print(f"{r['reference']:<15} {r['status']:<9} {r['referral_received_at'][:16].replace('T', ' '):<17} "
              f"{(r['case_lead_name'] or '')[:24]:<24} {'YES' if r['emergency'] else ''}")
    print(f"{len(page.rows)} of {page.total} case(s)")
    return EXIT_OK


def cmd_audit(args) -> int:
    with _open(args) as s:
        _report_failures(s)
        if args.case:
            rows = s.export_case_audit(args.case)
        else:
            rows = s.audit_entries(limit=args.limit)
        head = s.audit_head()
    if args.export:
        _write_owner_only(args.export, json.dumps({"chain_head": {"id": head[0], "hash": head[1]},
                                                   "entries": rows}, indent=1))
        print(f"Wrote {len(rows)} audit entries to {args.export}.")
    elif args.json:
        print(json.dumps(rows, indent=1))
    else:
        for r in rows:
            subject = f"{r['subject_kind']}:{r['subject_id']}" if r["subject_kind"] else ""
            print(f"{r['id']:>7} {r['at_utc'][:19]}Z {r['username'] or '-':<16} {r['action']:<28} {subject}")
        print(f"chain head: entry {head[0]} {head[1]}")
    return EXIT_OK


def cmd_reminders(args) -> int:
    from barnahus_app.followup.actions import reminders_as_json
    as_of = _date_arg(args.as_of, "--as-of")
    with _open(args) as s:
        _report_failures(s)
        rows = reminders_as_json(s.reminders(as_of))
    if args.json:
        print(json.dumps({"as_of": as_of.isoformat(), "reminders": rows}, indent=1))
        return EXIT_OK
    print(f"{'due':<11} {'':<9} {'case':<15} kind")
    for r in rows:
        print(f"{r['due']:<11} {r['bucket'].replace('_', ' '):<9} {r['case_reference'] or '-':<15} {r['kind']}")
    print(f"{len(rows)} reminder(s) as of {as_of.isoformat()}")
    return EXIT_OK


def cmd_export_case(args) -> int:
    with _open(args) as s:
        _report_failures(s)
        data = s.export_case(args.case)
    _write_owner_only(args.out, json.dumps(data, indent=1, ensure_ascii=False))
    print(f"Wrote case {args.case} to {args.out} (readable by you only; it holds case content).")
    return EXIT_OK


def cmd_rotate_key(args) -> int:
    with _open(args) as s:
        out = args.new_recovery_key_file
        key = s.rotate_record_key(deliver_recovery_key=(lambda k: _write_owner_only(out, k)) if out else None)
    print("The record key was replaced; every user keeps their password. The old recovery key no "
          "longer opens the record.")
    if out:
        print(f"The new recovery key was written to {out} (readable by you only).")
    else:
        _deliver_recovery_key(key, None)
    return EXIT_OK


def cmd_backup(args) -> int:
    with _open(args) as s:
        target = s.backup()
    print(f"Backup written to {target}.")
    return EXIT_OK


def _date_arg(text: str | None, flag: str):
    from datetime import date
    try:
        return date.fromisoformat(text) if text else date.today()
    except ValueError:
        raise UsageError(f"{flag} takes a date such as 2026-11-23.") from None


def cmd_rooms(args) -> int:
    with _open(args) as s:
        _report_failures(s)
        if args.add:
            rid = s.create_room(args.add, args.kind)
            print(f"Added room {rid}: {args.add}.")
            return EXIT_OK
        for r in s.list_rooms(include_retired=True):
            print(f"{r['id']:>4}  {r['kind']:<12} {'' if r['active'] else '(retired) '}{r['name']}")
    return EXIT_OK


def cmd_ics(args) -> int:
    from barnahus_app.timeutil import system_zone_name
    start = _date_arg(args.from_date, "--from")
    end = _date_arg(args.to_date, "--to") if args.to_date else start
    with _open(args) as s:
        _report_failures(s)
        data = s.calendar_ics(start, end, args.time_zone or system_zone_name(), only_mine=args.mine)
    _write_owner_only(args.out, data.decode("utf-8"))
    print(f"Wrote {data.count(b'BEGIN:VEVENT')} booking(s) from {start} to {end} to {args.out} "
          "(case references and rooms only).")
    return EXIT_OK


def cmd_fixity(args) -> int:
    def progress(done, total):
        if sys.stderr.isatty() and total:
            print(f"\r{done * 100 // total}%", end="", file=sys.stderr, flush=True)

    with _open(args) as s:
        _report_failures(s)
        result = s.check_fixity(args.recording, args.path, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if result.ok:
        print(f"recording {result.recording_id}: unaltered (SHA-256 {result.expected_sha256}) at {result.checked_path}")
        return EXIT_OK
    what = "FILE NOT FOUND" if result.status == "missing" else "CONTENTS DIFFER"
    print(f"recording {result.recording_id}: FIXITY CHECK FAILED, {what} at {result.checked_path}\n"
          f"  registered SHA-256: {result.expected_sha256}\n  found SHA-256:      {result.computed_sha256 or '-'}\n"
          "  The stored hash was not changed; a custody event records this.", file=sys.stderr)
    return EXIT_CHECK_FAILED


def _progress_printer(what: str):
    def progress(done, total):
        if sys.stderr.isatty() and total:
            print(f"\r{what}: {done * 100 // total}%", end="", file=sys.stderr, flush=True)
    return progress


def _end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def cmd_summary(args) -> int:
    with _open(args) as s:
        _report_failures(s)
        entry = s.write_case_summary(args.case, args.out, args.format, pseudonymise=args.pseudonymise,
                                     time_zone=args.time_zone, progress=_progress_printer("summary"))
    _end_progress()
    print(f"Wrote {args.out}: document {entry['document_id']} (version {entry['version']}"
          f"{', pseudonymised' if entry['pseudonymised'] else ''}), SHA-256 {entry['sha256']}.")
    return EXIT_OK


def cmd_export_bundle(args) -> int:
    passphrase = None
    if args.passphrase_file and not args.encrypt:
        # Never a plain zip for someone who gave a passphrase: they meant it to be encrypted.
        raise UsageError("--passphrase-file is for --encrypt: add --encrypt (with --zip); nothing was written.")
    if args.encrypt:
        if not args.zip:
            raise UsageError("--encrypt needs --zip.")
        passphrase = _secret(args.passphrase_file, "BARNAHUS_BUNDLE_PASSPHRASE", "Transport passphrase: ",
                             "passphrase", confirm=True)
    with _open(args) as s:
        _report_failures(s)
        entry = s.export_bundle(args.case, args.out, pseudonymise=args.pseudonymise, as_zip=args.zip,
                                passphrase=passphrase, include_recordings=args.recordings,
                                time_zone=args.time_zone, progress=_progress_printer("bundle"))
        ident = s.signing_identity()
    _end_progress()
    print(f"Wrote bundle {args.out}: {entry['document_id']}, SHA-256 {entry['sha256']}"
          f"{' (zip: SHA-256 of the file)' if args.zip else ' (SHA-256 of tagmanifest-sha256.txt)'}.")
    print(f"Give the recipient the centre's CA fingerprint out of band: {ident['ca_fingerprint']}")
    if entry["recordings_not_found"]:
        print(f"Not copied, not found where they are kept: recording(s) "
              f"{', '.join(map(str, entry['recordings_not_found']))} (listed in the manifest).", file=sys.stderr)
    if passphrase:
        print("Send the passphrase by another channel than the bundle.")
    return EXIT_OK


def cmd_verify_document(args) -> int:
    with _open(args) as s:
        _report_failures(s)
        result = s.verify_document(args.file, progress=_progress_printer("checking"))
    _end_progress()
    if result["status"] == "issued":
        print(f"{args.file}: issued by this record on {result['issued_at'][:10]} by {result['issued_by_name']}, "
              f"unaltered. Document {result['document_id']}, case {result['case_reference']}, "
              f"{result['doc_type'].replace('_', ' ')} version {result['version']}.")
        for d in result["disclosures"]:
            print(f"  disclosed {d['disclosed_at'][:10]} to {d['recipient']}")
        return EXIT_OK
    print(f"{args.file}: UNKNOWN OR ALTERED. {result['reason']}", file=sys.stderr)
    for problem in result.get("problems", ()):
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return EXIT_CHECK_FAILED


def cmd_verify_bundle(args) -> int:
    from barnahus_app.documents.bundle import verify_bundle
    from barnahus_app.errors import ValidationError
    passphrase = None
    if args.passphrase_file or os.environ.get("BARNAHUS_BUNDLE_PASSPHRASE"):
        passphrase = _secret(args.passphrase_file, "BARNAHUS_BUNDLE_PASSPHRASE", "", "passphrase")
    try:
        report = verify_bundle(Path(args.path), passphrase, progress=_progress_printer("checking"))
    except ValidationError as e:
        if e.field != "passphrase" or passphrase is not None:
            raise
        # An encrypted zip and no passphrase given: ask on a terminal, else say how to give it.
        if not sys.stdin or not sys.stdin.isatty():
            raise UsageError("This bundle is encrypted: give its transport passphrase with --passphrase-file "
                             "or BARNAHUS_BUNDLE_PASSPHRASE.") from None
        passphrase = getpass.getpass("Transport passphrase: ")
        report = verify_bundle(Path(args.path), passphrase, progress=_progress_printer("checking"))
    _end_progress()
    print(f"checked {report.files_checked} file(s); signed by {report.signer or '-'}"
          f"{' at ' + report.signed_at if report.signed_at else ''}")
    print(f"centre CA fingerprint (SHA-256): {report.ca_fingerprint or '-'}")
    print("compare it with the fingerprint the centre gave you by another channel.")
    if report.ok:
        print("OK: every file matches its manifest, the signature is valid and the certificate was issued "
              "by the CA above.")
        return EXIT_OK
    for problem in report.problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return EXIT_CHECK_FAILED


# --- parser ---------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="barnahus", description="Barnahus Case Record: command line.")
    p.add_argument("--version", action="version", version=f"barnahus {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    default_record = str(paths.default_record_path())

    def opening(sp, user_required=True):
        sp.add_argument("--record", default=default_record, help="record file (default: %(default)s)")
        sp.add_argument("--user", required=user_required, help="your user name")
        sp.add_argument("--password-file", help="read your password from this file")
        sp.add_argument("--recovery-key-file", help="unlock with the recovery key in this file instead")

    def creating(sp):
        sp.add_argument("--record", default=default_record, help="record file (default: %(default)s)")
        sp.add_argument("--admin", required=True, help="user name of the first administrator")
        sp.add_argument("--display-name", help="administrator's full name")
        sp.add_argument("--centre", help="the centre's name")
        sp.add_argument("--password-file", help="read the administrator's password from this file")
        sp.add_argument("--recovery-key-file", help="write the recovery key here (owner-only) instead of showing it")

    sp = sub.add_parser("init", help="create a record and its first administrator")
    creating(sp)
    sp.set_defaults(func=cmd_init)

    sp = sub.add_parser("demo", help="create a record of fictional cases, one user per role")
    creating(sp)
    sp.add_argument("--cases", type=int, default=1000, help="how many cases (up to 100000)")
    sp.add_argument("--seed", type=int, default=1, help="same seed, same record")
    sp.set_defaults(func=cmd_demo)

    sp = sub.add_parser("users", help="list, add, disable, enable users; set roles; change passwords")
    opening(sp)
    sp.add_argument("action", choices=["list", "add", "disable", "enable", "set-roles", "passwd"])
    sp.add_argument("name", nargs="?", help="the user acted on")
    sp.add_argument("--roles", help="comma-separated: " + ",".join(r.value for r in policy.Role))
    sp.add_argument("--display-name")
    sp.add_argument("--new-password-file", help="read the new password from this file")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_users)

    sp = sub.add_parser("check", help="cipher integrity, audit chain and schema version")
    opening(sp)
    sp.set_defaults(func=cmd_check)

    sp = sub.add_parser("cases", help="list cases")
    opening(sp)
    sp.add_argument("--search", help="words in the reference, references or names")
    sp.add_argument("--status")
    sp.add_argument("--year", type=int)
    sp.add_argument("--emergency", action="store_true")
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--offset", type=int, default=0)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_cases)

    sp = sub.add_parser("audit", help="print or export audit entries (of one case with --case)")
    opening(sp)
    sp.add_argument("--case", help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--limit", type=int, default=1000)
    sp.add_argument("--export", help="write the entries as JSON to this new file")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_audit)

    sp = sub.add_parser("reminders", help="follow-up reminders you may see, as of a date")
    opening(sp)
    sp.add_argument("--as-of", help="the date to judge from (default: today)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_reminders)

    sp = sub.add_parser("export-case", help="write one case as JSON, for moving it to another system")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--out", required=True, help="a new file to write")
    sp.set_defaults(func=cmd_export_case)

    sp = sub.add_parser("rotate-key", help="replace the record key (after a suspected compromise)")
    opening(sp)
    sp.add_argument("--new-recovery-key-file", help="write the new recovery key here (owner-only)")
    sp.set_defaults(func=cmd_rotate_key)

    sp = sub.add_parser("rooms", help="list the centre's rooms, or add one (administrator)")
    opening(sp)
    sp.add_argument("--add", metavar="NAME", help="add a room with this name")
    sp.add_argument("--kind", default="interview", help="room kind (default: %(default)s)")
    sp.set_defaults(func=cmd_rooms)

    sp = sub.add_parser("ics", help="export bookings as an iCalendar file (case references only)")
    opening(sp)
    sp.add_argument("--from", dest="from_date", help="first day (default: today)")
    sp.add_argument("--to", dest="to_date", help="last day (default: the first day)")
    sp.add_argument("--time-zone", help="the centre's time zone (default: this machine's)")
    sp.add_argument("--mine", action="store_true", help="only bookings you lead or take part in")
    sp.add_argument("--out", required=True, help="the .ics file to write")
    sp.set_defaults(func=cmd_ics)

    sp = sub.add_parser("fixity", help="re-hash a recording where it is kept and compare (exit 1 if altered)")
    opening(sp)
    sp.add_argument("--recording", type=int, required=True, help="recording number")
    sp.add_argument("--path", help="check this copy instead of the registered storage location")
    sp.set_defaults(func=cmd_fixity)

    sp = sub.add_parser("summary", help="write a case's court summary (PDF/A signed, or DOCX)")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--format", choices=("pdf", "docx"), default="pdf")
    sp.add_argument("--pseudonymise", action="store_true", help="no names, no dates of birth, no addresses")
    sp.add_argument("--time-zone", help="time zone for the times shown (default: this machine's)")
    sp.add_argument("--out", required=True, help="the file to write (must not exist)")
    sp.set_defaults(func=cmd_summary)

    sp = sub.add_parser("export-bundle", help="write a signed BagIt bundle for the prosecutor")
    opening(sp)
    sp.add_argument("--case", required=True, help="case reference")
    sp.add_argument("--out", required=True, help="the folder (or with --zip the .zip file) to write")
    sp.add_argument("--pseudonymise", action="store_true", help="no names, no dates of birth, no addresses")
    sp.add_argument("--zip", action="store_true", help="write a zip of the bag")
    sp.add_argument("--encrypt", action="store_true", help="AES-256 zip for transport (asks a passphrase)")
    sp.add_argument("--passphrase-file", help="read the transport passphrase from this file")
    sp.add_argument("--recordings", action="store_true", help="include copies of the recordings")
    sp.add_argument("--time-zone", help="time zone for the times shown (default: this machine's)")
    sp.set_defaults(func=cmd_export_bundle)

    sp = sub.add_parser("verify-document", help="was this file issued by this record, unaltered?")
    opening(sp)
    sp.add_argument("file", help="a summary PDF/DOCX, a bundle zip or a bundle folder")
    sp.set_defaults(func=cmd_verify_document)

    sp = sub.add_parser("verify-bundle", help="check a bundle without the record: manifests, signature, certificate")
    sp.add_argument("path", help="the bundle folder or zip")
    sp.add_argument("--passphrase-file", help="the transport passphrase of an encrypted zip, from this file")
    sp.set_defaults(func=cmd_verify_bundle)

    sp = sub.add_parser("backup", help="write an encrypted copy into backups/ beside the record")
    opening(sp)
    sp.set_defaults(func=cmd_backup)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BarnahusError as e:
        print(f"barnahus: {e}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("barnahus: interrupted; nothing half-written was kept.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as e:
        print(f"barnahus: {e.strerror or type(e).__name__}"
              + (f": {e.filename}" if e.filename else ""), file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as e:  # noqa: BLE001 - the message may hold case content: name the type only
        print(f"barnahus: internal error ({type(e).__name__}). No data was shown; please report "
              "the command you ran.", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
