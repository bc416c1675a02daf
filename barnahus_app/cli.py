"""`barnahus`: the command line, a second front end over the same core as the desktop app.

Passwords come from a prompt, --password-file, or BARNAHUS_PASSWORD; never from an argument.
Exit codes: 0 success, 1 a check found a problem, 2 a user error (one line on stderr, no
traceback), 130 interrupted.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from barnahus_app import __version__
from barnahus_app.errors import ValidationError
from barnahus_app.cases import cli as cases_cli
from barnahus_app.cli_support import (
    EXIT_CHECK_FAILED, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USER_ERROR, UsageError,
    by_recovery, check_rotation_target, creating, credentials, deliver_recovery_key, open_session, opening,
    print_notes, read_shares, recovery_options, remove_leftovers, report_failures, rotate_key, secret,
)
from barnahus_app.demo import cli as demo_cli
from barnahus_app.documents import cli as documents_cli
from barnahus_app.errors import BarnahusError
from barnahus_app.fields import check_count
from barnahus_app.files import check_destination, write_file_safely
from barnahus_app.followup import cli as followup_cli
from barnahus_app.interviews import cli as interviews_cli
from barnahus_app.meetings import cli as meetings_cli
from barnahus_app.recordings import cli as recordings_cli
from barnahus_app.referrals import cli as referrals_cli
from barnahus_app.medical import cli as medical_cli
from barnahus_app.psychosocial import cli as psychosocial_cli
from barnahus_app.justice import cli as justice_cli
from barnahus_app.users import cli as users_cli

__all__ = ["main", "build_parser", "UsageError"]


# --- the record's own commands (each feature's are in its package's cli.py) -------------------
def cmd_init(args) -> int:
    from barnahus_app.lifecycle import create_record
    password = secret(args.password_file, "BARNAHUS_PASSWORD", f"Password for {args.admin}: ",
                       "password", confirm=True)
    remove_leftovers(args.record)   # an interrupted init's or demo build's
    key = create_record(Path(args.record), args.admin, password, args.display_name, args.centre or "",
                        time_zone=args.time_zone)
    print(f"Created {args.record} with administrator '{args.admin}'.")
    deliver_recovery_key(key, args.recovery_key_file)
    return EXIT_OK


def cmd_check(args) -> int:
    from barnahus_app.lifecycle import check_record
    if not args.user:
        raise UsageError("Give --user NAME.")
    if args.seal and not Path(args.seal).is_file():   # before asking for a password
        raise UsageError(f"--seal: there is no file {args.seal}.")
    notes: list[str] = []
    report = check_record(Path(args.record), args.user, **credentials(args), notes=notes,
                          seal=Path(args.seal) if args.seal else None)
    print_notes(notes)
    for line in report.lines(verbose=args.verbose):
        print(line)
    if not report.ok:
        print("barnahus: the check found a problem (see above). " + (
            "Restore from a backup in the 'backups' folder beside the record, or keep this copy for "
            "inspection." if report.anchored else
            "The audit trail does not match what was sealed or quoted outside the record, or the seal "
            "is not the centre's: keep this copy for inspection and report it."), file=sys.stderr)
        return EXIT_CHECK_FAILED
    print("ok")
    return EXIT_OK


def cmd_audit(args) -> int:
    check_count("--limit", args.limit)  # before unlocking: a refused command leaves no audit entry
    if args.export:
        check_destination(args.export, "--export")
    if args.seal:
        check_destination(args.seal, "--seal")
        with open_session(args) as s:
            report_failures(s)
            seal = s.seal_audit_trail(args.seal)
        head = seal["audit_head"]
        print(f"Wrote the audit seal {args.seal}: head {head['id']} {head['hash']}, "
              f"{seal['audit_entries']} entries, "
              + ("signed by the centre." if seal.get("signature") else
                 "NOT signed (the centre has no signing identity yet)."))
        print("Keep it outside the record (another drive, a letter): `barnahus check --seal FILE` "
              "proves later that the audit trail still holds this head.")
        return EXIT_OK
    with open_session(args) as s:
        report_failures(s)
        if args.case:
            rows = s.export_case_audit(args.case)
        else:
            rows = s.audit_entries(limit=args.limit)
        head = s.audit_head()
    if args.export:
        write_file_safely(args.export, json.dumps({"chain_head": {"id": head[0], "hash": head[1]},
                                                    "entries": rows}, indent=1) + "\n", "--export")
        print(f"Wrote {len(rows)} audit entries to {args.export}.")
    elif args.json:
        print(json.dumps(rows, indent=1))
    else:
        for r in rows:
            subject = f"{r['subject_kind']}:{r['subject_id']}" if r["subject_kind"] else ""
            print(f"{r['id']:>7} {r['at_utc'][:19]}Z {r['username'] or '-':<16} {r['action']:<28} {subject}")
        print(f"chain head: entry {head[0]} {head[1]}")
    return EXIT_OK


def cmd_rotate_key(args) -> int:
    out = args.new_recovery_key_file
    check_rotation_target(out)  # before unlocking
    with open_session(args) as s:
        rotate_key(s, out)
    return EXIT_OK


def cmd_recovery_key_split(args) -> int:
    from barnahus_app.record.shares import check_counts, share_file_text
    check_counts(args.k, args.n)
    out = Path(args.out_dir)
    if not out.is_dir():
        raise ValidationError("--out-dir", f"the folder {out} does not exist.")
    names = [out / f"share-{i}-of-{args.n}.txt" for i in range(1, args.n + 1)]
    for name in names:
        check_destination(name, "--out-dir")  # before unlocking
    with open_session(args) as s:
        made = s.split_recovery_key(args.k, args.n)
    for i, (share, name) in enumerate(zip(made, names), 1):
        write_file_safely(name, share_file_text(share, i, args.k, args.n), "--out-dir")
    print(f"The recovery key was split into {args.n} shares, any {args.k} of which open the record: "
          f"{names[0].name} ... {names[-1].name} in {out} (readable by you only).")
    print("Print each share, give it to its holder, and delete the files. The recovery key itself "
          "still opens the record: lock it away or destroy it, as the centre decides. A rotation of "
          "the record key makes these shares useless.")
    return EXIT_OK


def cmd_recovery_key_combine(args) -> int:
    from barnahus_app.record.shares import raw_hex
    if args.out:
        check_destination(args.out, "--out")
    key = read_shares(args.shares)
    if args.out:
        write_file_safely(args.out, key + "\n", "--out")
        print(f"The recovery key was written to {args.out} (readable by you only): unlock with "
              f"--recovery-key-file {args.out}, and delete the file afterwards.")
    if args.hex:
        print(raw_hex(key))
    elif not args.out:
        print("The shares fit together. Give --out FILE to write the recovery key, or --hex to "
              "print the raw key (64 hex digits) for another SQLCipher client.")
    return EXIT_OK


def cmd_settings(args) -> int:
    from barnahus_app.settings import SETTINGS
    with open_session(args) as s:
        report_failures(s)
        for assignment in args.set or []:
            name, sep, value = assignment.partition("=")
            if not sep:
                raise UsageError("--set takes NAME=VALUE.")
            s.set_setting(name.strip(), value)
            print(f"Set {name.strip()}.")
        for name, spec in SETTINGS.items():
            print(f"{name:<26} {str(s.setting(name)) or '(none)':<12} {spec.label}")
    return EXIT_OK


def cmd_backup(args) -> int:
    from barnahus_app.lifecycle import backup_record
    from barnahus_app.record.backups import DamagedSource
    if not args.user:
        raise UsageError("Give --user NAME.")
    remove_leftovers(args.record)
    notes: list[str] = []
    try:
        target = backup_record(Path(args.record), args.user, **credentials(args), notes=notes)
    except DamagedSource as e:
        print(f"barnahus: {e}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    print_notes(notes)
    name = Path(target).name
    print(f"Backup written to {target} and verified (audit seal in {name}.seal, SHA-256 manifest "
          f"in {name}.sha256).")
    return EXIT_OK


def cmd_restore(args) -> int:
    from barnahus_app.lifecycle import restore_backup
    from barnahus_app.record.backups import DamagedSource
    if not args.user and not by_recovery(args):
        raise UsageError("Give --user NAME (and your password), --recovery-key-file or "
                         "--recovery-shares.")
    check_destination(args.to, "--to")  # before asking for a password
    try:
        info = restore_backup(Path(args.backup), Path(args.to), args.user or "", **credentials(args))
    except DamagedSource as e:
        print(f"barnahus: {e}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    print(f"Restored {Path(args.backup).name} (written {info.made_at}, {info.size} bytes, "
          f"audit head {info.audit_head[0]} {info.audit_head[1]}) to {args.to}.")
    print("It was verified. The live record was not changed: open the restored file to check it, "
          "then switch to it with `barnahus switch-to-restored` (the old record is kept aside).")
    return EXIT_OK


def cmd_switch_to_restored(args) -> int:
    from barnahus_app.lifecycle import switch_to_restored
    from barnahus_app.record.backups import DamagedSource
    if not args.user and not by_recovery(args):
        raise UsageError("Give --user NAME (and your password), --recovery-key-file or "
                         "--recovery-shares.")
    try:
        report = switch_to_restored(Path(args.record), Path(args.restored), args.user or "",
                                    **credentials(args))
    except DamagedSource as e:
        print(f"barnahus: {e}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    for line in report.lines():
        print(line)
    if not report.audited:
        return EXIT_CHECK_FAILED
    return EXIT_OK


def cmd_backups(args) -> int:
    from barnahus_app.lifecycle import describe_backups
    creds = credentials(args) if (args.user or by_recovery(args)) else {}
    rows = describe_backups(Path(args.record), args.user, **creds)
    for info in rows:
        print(info.line())
    if not rows:
        print(f"No backups beside {args.record}.")
    elif not creds and any(info.audit_head is None for info in rows):
        print("(audit heads of backups without a seal: give --user and a password, "
              "--recovery-key-file or --recovery-shares, to read them)")
    return EXIT_OK


def cmd_salvage(args) -> int:
    from barnahus_app.lifecycle import salvage_record_file
    if not args.user and not by_recovery(args):
        raise UsageError("Give --user NAME (and your password), --recovery-key-file or "
                         "--recovery-shares.")
    check_destination(args.to, "--to")  # before asking for a password
    report = salvage_record_file(Path(args.record), Path(args.to), args.user or "", **credentials(args))
    for line in report.lines():
        print(line)
    print(f"The salvaged record is {args.to}: the same passwords and recovery key open it. The "
          "damaged record was only read.")
    if not report.complete:
        print("barnahus: some rows could not be read (see above); restore from a backup if one "
              "holds them.", file=sys.stderr)
        return EXIT_CHECK_FAILED
    return EXIT_OK


# --- parser ---------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="barnahus", description="Barnahus Case Record: command line.")
    p.add_argument("--version", action="version", version=f"barnahus {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sp = sub.add_parser("init", help="create a record and its first administrator")
    creating(sp)
    sp.add_argument("--time-zone", help="the centre's time zone, e.g. Europe/Stockholm (default: this "
                                        "machine's if it names a place, else Europe/Stockholm)")
    sp.set_defaults(func=cmd_init)

    demo_cli.add_demo(sub)
    users_cli.add_users(sub)
    users_cli.add_sections(sub)

    sp = sub.add_parser("check", help="cipher integrity, audit chain and schema version (read-only)")
    opening(sp)
    sp.add_argument("--verbose", action="store_true", help="also print the integrity check's own lines")
    sp.add_argument("--seal", help="also prove the audit trail still holds the head in this audit seal")
    sp.set_defaults(func=cmd_check)

    cases_cli.add_cases(sub)

    sp = sub.add_parser("audit", help="print or export audit entries (of one case with --case)")
    opening(sp)
    sp.add_argument("--case", help="case reference, e.g. BH-2026-00042")
    sp.add_argument("--limit", type=int, default=1000)
    sp.add_argument("--export", help="write the entries as JSON to this new file")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--seal", help="write a signed audit seal (head, count, time) to this new file instead")
    sp.set_defaults(func=cmd_audit)

    followup_cli.add_reminders(sub)
    referrals_cli.add_referrals(sub)
    medical_cli.add_medical(sub)
    psychosocial_cli.add_assessments(sub)
    justice_cli.add_justice(sub)
    cases_cli.add_export_case(sub)

    sp = sub.add_parser("rotate-key", help="replace the record key (after a suspected compromise)")
    opening(sp)
    sp.add_argument("--new-recovery-key-file", help="write the new recovery key here (owner-only)")
    sp.set_defaults(func=cmd_rotate_key)

    sp = sub.add_parser("recovery-key", help="the recovery key in k-of-n word shares (SLIP-39)")
    rk = sp.add_subparsers(dest="recovery_command", required=True, metavar="ACTION")
    sp = rk.add_parser("split", help="split the recovery key into n shares, any k of which open "
                                     "the record (administrator)")
    opening(sp)
    sp.add_argument("--k", type=int, required=True, help="shares needed to open the record (2-16)")
    sp.add_argument("--n", type=int, required=True, help="shares to make (k-16)")
    sp.add_argument("--out-dir", required=True,
                    help="an existing folder for the files share-1-of-N.txt ... (owner-only)")
    sp.set_defaults(func=cmd_recovery_key_split)
    sp = rk.add_parser("combine", help="combine k share files into the recovery key (no password)")
    sp.add_argument("shares", nargs="+", metavar="SHARE_FILE", help="k of the share files")
    sp.add_argument("--out", help="write the recovery key to this new file (owner-only)")
    sp.add_argument("--hex", action="store_true",
                    help="print the raw key (64 hex digits, PRAGMA key = \"x'...'\") on standard output")
    sp.set_defaults(func=cmd_recovery_key_combine)

    interviews_cli.add_rooms(sub)
    interviews_cli.add_ics(sub)
    meetings_cli.add_meetings(sub)
    recordings_cli.add_fixity(sub)
    documents_cli.add_summary(sub)
    documents_cli.add_minutes(sub)
    documents_cli.add_psychosocial_summary(sub)
    documents_cli.add_export_bundle(sub)
    documents_cli.add_verify_document(sub)
    documents_cli.add_verify_bundle(sub)
    documents_cli.add_signing(sub)

    sp = sub.add_parser("settings", help="the record's settings; --set NAME=VALUE changes one (administrator)")
    opening(sp)
    sp.add_argument("--set", action="append", metavar="NAME=VALUE", help="change a setting (may be repeated)")
    sp.set_defaults(func=cmd_settings)

    sp = sub.add_parser("backup", help="write an encrypted copy into backups/ beside the record")
    opening(sp)
    sp.set_defaults(func=cmd_backup)

    sp = sub.add_parser("backups", help="list the backups beside the record (read-only)")
    opening(sp, user_required=False)
    sp.set_defaults(func=cmd_backups)

    sp = sub.add_parser("restore", help="verify a backup and copy it to a new record file")
    sp.add_argument("backup", help="the backup file, e.g. backups/record-20261204T181000Z-manual.db")
    sp.add_argument("--to", required=True, help="the new record file (must not exist)")
    sp.add_argument("--user", help="your user name (the backup's key file unlocks with your password)")
    sp.add_argument("--password-file", help="read your password from this file")
    recovery_options(sp)
    sp.set_defaults(func=cmd_restore)

    sp = sub.add_parser("switch-to-restored", help="make a restored file the record (the old one is kept aside)")
    sp.add_argument("restored", help="the file `restore` wrote, in the record's folder")
    opening(sp, user_required=False)
    sp.set_defaults(func=cmd_switch_to_restored)

    sp = sub.add_parser("salvage", help="copy every readable row of a damaged record to a new record")
    opening(sp, user_required=False)
    sp.add_argument("--to", required=True, help="the new record file (must not exist)")
    sp.set_defaults(func=cmd_salvage)
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
