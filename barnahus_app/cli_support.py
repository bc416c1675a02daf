"""What every command of the command line shares: passwords and recovery keys (a prompt, a file or
an environment variable; never an argument), opening the record, owner-only files, progress,
the options that open or create a record, and the exit codes. The commands are in cli.py (the
record's own) and in each feature's cli.py; cli.py puts them together."""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from barnahus_app import paths
from barnahus_app.errors import BarnahusError
from barnahus_app.timeutil import check_date
from barnahus_app.files import write_file_safely

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USER_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


class UsageError(BarnahusError):
    pass


MAX_SECRET_FILE_BYTES = 4096  # far above any password or recovery key; /dev/zero is refused


def read_secret_file(path: str, what: str) -> str:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_SECRET_FILE_BYTES + 1)
    except OSError as e:
        raise UsageError(f"Cannot read the {what} file {path}: {e.strerror}.") from None
    if len(data) > MAX_SECRET_FILE_BYTES:
        raise UsageError(f"The {what} file {path} is longer than {MAX_SECRET_FILE_BYTES} bytes; "
                         f"it holds no {what}.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"The {what} file {path} is not text (UTF-8); it holds no {what}.") from None
    return text.rstrip("\r\n")


def secret(file_arg: str | None, env_name: str, prompt: str, what: str, confirm: bool = False) -> str:
    if file_arg:
        return read_secret_file(file_arg, what)
    if os.environ.get(env_name):
        return os.environ[env_name]
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(f"No {what} given: use a file option or {env_name} (no terminal to ask in).")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != value:
        raise UsageError(f"The two {what}s differ; nothing was changed.")
    return value


def by_recovery(args) -> bool:
    """The command unlocks with the recovery key (its file, or k of its shares), not a user's
    password."""
    return bool(getattr(args, "recovery_key_file", None) or getattr(args, "recovery_shares", None))


def read_shares(files: list[str]) -> str:
    """The recovery key combined from share files (record/shares.py); a message names the file
    of a share that is wrong."""
    from barnahus_app.record import shares
    texts = [read_secret_file(f, "recovery key share") for f in files]
    return shares.combine(texts, labels=[f"The share in {f}" for f in files])


def credentials(args) -> dict:
    """Password, or the recovery key standing in for it (its file, or k of its shares)."""
    if getattr(args, "recovery_key_file", None):
        return {"recovery_key": read_secret_file(args.recovery_key_file, "recovery key")}
    if getattr(args, "recovery_shares", None):
        return {"recovery_key": read_shares(args.recovery_shares)}
    return {"password": secret(args.password_file, "BARNAHUS_PASSWORD", f"Password for {args.user}: ",
                                "password")}


def new_password(args, whose: str) -> str:
    return secret(args.new_password_file, "BARNAHUS_NEW_PASSWORD", f"New password for {whose}: ",
                   "new password", confirm=True)


def deliver_recovery_key(key: str, file_arg: str | None) -> None:
    if file_arg:
        write_file_safely(file_arg, key + "\n", "--recovery-key-file")
        print(f"The recovery key was written to {file_arg} (readable by you only). Print it, lock it "
              "away, and delete the file.")
    else:
        print("RECOVERY KEY (shown once; print it and lock it away - it opens the record on its own):")
        print(f"  {key}")


def check_rotation_target(out: str | None) -> None:
    """A --new-recovery-key-file that cannot be written is refused before unlocking."""
    from barnahus_app.record import rotation
    if out:
        rotation.check_target(out, "--new-recovery-key-file")


def rotate_key(session, out: str | None) -> None:
    """Session.rotate_record_key for a command: the new recovery key shown once, or written to out
    (--new-recovery-key-file); says what happened."""
    from barnahus_app.errors import ValidationError
    try:
        session.rotate_record_key(None if out else (lambda k: deliver_recovery_key(k, None)),
                                  recovery_key_file=out)
    except ValidationError as e:
        if e.field != "recovery_key_file":
            raise
        raise ValidationError("--new-recovery-key-file", e.message) from None
    print("The record key was replaced; every user keeps their password. The old recovery key no "
          "longer opens the record.")
    if out:
        print(f"The new recovery key was written to {out} (readable by you only).")


def open_session(args):
    from barnahus_app.lifecycle import open_record
    if not args.user:
        raise UsageError("Give --user NAME.")
    remove_leftovers(args.record)
    session = open_record(Path(args.record), args.user, **credentials(args))
    print_notes([n for n in (session.rotation_note, session.section_recovery_note) if n])
    return session


def print_notes(notes: list[str]) -> None:
    """What an unlock has to say once (an interrupted key rotation settled), on stderr."""
    for note in notes:
        print(f"Note: {note}", file=sys.stderr)


def remove_leftovers(record) -> None:
    """Before a command opens a record to write, or creates one: remove what interrupted work
    left beside it, one line each on stderr (names and sizes only). Not for check or salvage,
    which only read."""
    from barnahus_app.record.leftovers import remove_leftovers as remove
    from barnahus_app.record.switching import interrupted_switch
    for item in remove(Path(record)):
        print(f"barnahus: {item.line()}", file=sys.stderr)
    plan = interrupted_switch(Path(record))
    if plan is not None:
        print(f"barnahus: a switch to the restored record {plan.get('restored')} was interrupted; run "
              "`barnahus switch-to-restored` with that file again to finish it.", file=sys.stderr)


def report_failures(session) -> None:
    if session.failed_attempts:
        print(f"Note: {len(session.failed_attempts)} failed unlock attempt(s) since the last login, "
              f"the last at {session.failed_attempts[-1]}.", file=sys.stderr)
    if session.backup_failures:
        last = session.backup_failures[-1]
        print(f"Note: {len(session.backup_failures)} backup(s) failed since an administrator last "
              f"logged in, the last at {last['at']} ({last['reason']}); see the audit log.",
              file=sys.stderr)
    if session.failure_tampering:
        print(f"Note: the list of failed unlock attempts in the key file was changed outside Barnahus "
              f"(entries removed or rewritten), found at {session.failure_tampering[-1]['at']}; see "
              "login.failures_tampered in the audit log.", file=sys.stderr)


def date_arg(text: str | None, flag: str):
    from datetime import date
    try:
        day = date.fromisoformat(text) if text else date.today()
    except ValueError:
        raise UsageError(f"{flag} takes a date such as 2026-11-23.") from None
    check_date(flag, day)
    return day


def progress_printer(what: str):
    def progress(done, total):
        if sys.stderr.isatty() and total:
            print(f"\r{what}: {done * 100 // total}%", end="", file=sys.stderr, flush=True)
    return progress


def end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def opening(sp, user_required=True) -> None:
    """The options of a command that unlocks a record."""
    sp.add_argument("--record", default=str(paths.default_record_path()),
                    help="record file (default: %(default)s)")
    sp.add_argument("--user", required=user_required, help="your user name")
    sp.add_argument("--password-file", help="read your password from this file")
    recovery_options(sp)


def recovery_options(sp) -> None:
    """The recovery key standing in for a password: its file, or k of its shares."""
    way = sp.add_mutually_exclusive_group()
    way.add_argument("--recovery-key-file", help="unlock with the recovery key in this file instead")
    way.add_argument("--recovery-shares", nargs="+", metavar="FILE",
                     help="unlock with the recovery key combined from these share files (any k "
                          "of the n made by `recovery-key split`)")


def creating(sp) -> None:
    """The options of a command that creates a record."""
    sp.add_argument("--record", default=str(paths.default_record_path()),
                    help="record file (default: %(default)s)")
    sp.add_argument("--admin", required=True, help="user name of the first administrator")
    sp.add_argument("--display-name", help="administrator's full name")
    sp.add_argument("--centre", help="the centre's name")
    sp.add_argument("--password-file", help="read the administrator's password from this file")
    sp.add_argument("--recovery-key-file", help="write the recovery key here (owner-only) instead of showing it")
