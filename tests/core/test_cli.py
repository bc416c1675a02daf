"""The command line, run as a user runs it: real files, exit codes and messages. The commands run
in-process (tests.support.cli.run_cli) with Argon2 made cheap for the production profile the CLI
always writes; one test runs the installed `barnahus` command as a real process."""
from __future__ import annotations

import json
import stat

import pytest

from barnahus_app.record.keyslots import KeyFile, parse_recovery_key
from barnahus_app.record.storage import probe_key
from tests.support.cli import run_cli, run_cli_process
from tests.support.records import ADMIN_PASSWORD, make_record

PASSWORD = "cli-password-123"

pytestmark = pytest.mark.usefixtures("cheap_argon2")


def run(*args, password=PASSWORD):
    return run_cli(*args, env_extra=None if password is None else {"BARNAHUS_PASSWORD": password})


@pytest.fixture(scope="module")
def cli_record(tmp_path_factory, cheap_argon2):
    folder = tmp_path_factory.mktemp("cli")
    record = folder / "r.barnahus"
    keyfile = folder / "recovery.txt"
    r = run("init", "--record", record, "--admin", "boss", "--centre", "Test Centre",
            "--recovery-key-file", keyfile)
    assert r.returncode == 0, r.stderr
    return record, keyfile


def test_init_writes_recovery_key_owner_only_and_it_opens_the_file(cli_record):
    record, keyfile = cli_record
    assert stat.S_IMODE(keyfile.stat().st_mode) == 0o600
    key = parse_recovery_key(keyfile.read_text())
    assert probe_key(record, key)
    # The command line always writes the production profile (these tests only derive it cheaply).
    kdf = json.loads(KeyFile.path_for(record).read_text())["users"]["boss"]["kdf"]
    assert {k: kdf[k] for k in ("alg", "t", "m", "p")} == {"alg": "argon2id", "t": 3, "m": 262144, "p": 2}


def test_init_refuses_an_existing_record_and_leaves_it(cli_record):
    record, _ = cli_record
    before = record.read_bytes()
    r = run("init", "--record", record, "--admin", "boss")
    assert r.returncode == 2
    assert "already exists" in r.stderr and "Traceback" not in r.stderr
    assert record.read_bytes() == before


def test_users_add_set_roles_list_disable(cli_record, tmp_path):
    record, _ = cli_record
    newpw = tmp_path / "new.txt"
    newpw.write_text("helper-password-1\n")
    r = run("users", "--record", record, "--user", "boss", "add", "cora", "--roles",
            "coordinator,interviewer", "--display-name", "Cora Lead", "--new-password-file", newpw)
    assert r.returncode == 0, r.stderr
    r = run("users", "--record", record, "--user", "boss", "set-roles", "cora", "--roles", "coordinator")
    assert r.returncode == 0, r.stderr
    r = run("users", "--record", record, "--user", "boss", "list", "--json")
    users = {u["username"]: u for u in json.loads(r.stdout)}
    assert users["cora"]["roles"] == ["coordinator"] and users["cora"]["active"]
    # cora can use the record with her password, then is disabled and cannot.
    assert run("cases", "--record", record, "--user", "cora", password="helper-password-1").returncode == 0
    assert run("users", "--record", record, "--user", "boss", "disable", "cora").returncode == 0
    r = run("cases", "--record", record, "--user", "cora", password="helper-password-1")
    assert r.returncode == 2 and r.stderr.strip() == "barnahus: Wrong user name or password."


def test_settings_are_listed_and_set_by_an_administrator_only(tmp_path):
    record = tmp_path / "s.barnahus"
    assert run("init", "--record", record, "--admin", "boss").returncode == 0
    r = run("settings", "--record", record, "--user", "boss", "--set", "backup_keep_days=30",
            "--set", "backup_second_folder=/media/backup-drive")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[:2] == ["Set backup_keep_days.", "Set backup_second_folder."]
    assert "backup_keep_days           30           Keep every backup for days" in lines
    assert "backup_second_folder       /media/backup-drive Also copy each backup to this folder" in lines
    assert "backup_interval_hours      24           Back up on closing if none in hours (0: off)" in lines
    # Closing made the day's automatic backup, whose copy to the (unplugged) second folder failed:
    # the next administrator to log in is told once.
    r = run("settings", "--record", record, "--user", "boss", "--set", "backup_keep_days=soon")
    note, error = r.stderr.strip().splitlines()
    assert note.startswith("Note: 1 backup(s) failed since an administrator last logged in, the last at ")
    assert note.endswith(" (second_folder_missing); see the audit log.")
    assert (r.returncode, error) == (2, "barnahus: backup_keep_days: must be a whole number.")
    r = run("settings", "--record", record, "--user", "boss", "--set", "backup_second_folder=relative/path")
    assert r.returncode == 2
    assert r.stderr.strip() == "barnahus: backup_second_folder: must be a folder's full path, or empty for none."
    r = run("settings", "--record", record, "--user", "boss", "--set", "no_such_setting=1")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_wrong_password_one_line_no_traceback(cli_record):
    record, _ = cli_record
    r = run("check", "--record", record, "--user", "boss", password="not-the-password")
    assert r.returncode == 2
    assert r.stderr.strip() == "barnahus: Wrong user name or password."
    assert "not-the-password" not in r.stdout + r.stderr


def test_no_password_and_no_terminal_is_a_clear_error(cli_record):
    record, _ = cli_record
    r = run("check", "--record", record, "--user", "boss", password=None)
    assert r.returncode == 2 and "BARNAHUS_PASSWORD" in r.stderr


def test_password_file_and_recovery_key_file_stand_in(cli_record, tmp_path):
    record, keyfile = cli_record
    pwfile = tmp_path / "pw"
    pwfile.write_text(PASSWORD + "\n")
    assert run("check", "--record", record, "--user", "boss", "--password-file", pwfile,
               password=None).returncode == 0
    r = run("check", "--record", record, "--user", "boss", "--recovery-key-file", keyfile, password=None)
    assert r.returncode == 0, r.stderr
    assert "audit trail: ok" in r.stdout


def test_check_reports_a_broken_audit_chain_and_exits_1(tmp_path):
    record = tmp_path / "r.barnahus"
    keyfile = tmp_path / "k.txt"
    assert run("init", "--record", record, "--admin", "boss", "--recovery-key-file", keyfile).returncode == 0
    import sqlcipher3
    from barnahus_app.record.storage import raw_key_literal
    conn = sqlcipher3.connect(str(record))
    conn.execute('PRAGMA key = "' + raw_key_literal(parse_recovery_key(keyfile.read_text())) + '"')
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET action = 'tampered' WHERE id = 2")
    conn.commit()
    conn.close()
    r = run("check", "--record", record, "--user", "boss")
    assert r.returncode == 1
    assert "BROKEN at entry 2" in r.stdout


def test_missing_record_and_unknown_command(tmp_path):
    r = run("cases", "--record", tmp_path / "none.barnahus", "--user", "boss")
    assert r.returncode == 2 and "There is no record" in r.stderr
    r = run("frobnicate")
    assert r.returncode == 2  # argparse usage error


def test_demo_cases_json_audit_export_rotate(tmp_path):
    record = tmp_path / "demo.barnahus"
    r = run("demo", "--record", record, "--admin", "boss", "--cases", 60, "--seed", 7,
            "--recovery-key-file", tmp_path / "rk.txt")
    assert r.returncode == 0, r.stderr
    r = run("cases", "--record", record, "--user", "coordinator", "--json", "--limit", 10)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["total"] == 60 and len(data["cases"]) == 10
    ref = data["cases"][0]["reference"]
    case_json = tmp_path / "case.json"
    r = run("export-case", "--record", record, "--user", "coordinator", "--case", ref, "--out", case_json)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(case_json.stat().st_mode) == 0o600
    assert json.loads(case_json.read_text())["case"]["reference"] == ref
    out = tmp_path / "audit.json"
    r = run("audit", "--record", record, "--user", "boss", "--case", ref, "--export", out)
    assert r.returncode == 0, r.stderr
    exported = json.loads(out.read_text())
    assert [e["action"] for e in exported["entries"]] == ["case.exported"]
    assert all(e["subject_id"] == data["cases"][0]["id"] for e in exported["entries"])
    assert len(exported["chain_head"]["hash"]) == 64
    # A liaison may not read the audit trail: a one-line refusal.
    r = run("audit", "--record", record, "--user", "liaison")
    assert r.returncode == 2 and "roles do not allow" in r.stderr
    old = parse_recovery_key((tmp_path / "rk.txt").read_text())
    r = run("rotate-key", "--record", record, "--user", "boss", "--new-recovery-key-file", tmp_path / "rk2.txt")
    assert r.returncode == 0, r.stderr
    new = parse_recovery_key((tmp_path / "rk2.txt").read_text())
    assert probe_key(record, new) and not probe_key(record, old)
    assert run("cases", "--record", record, "--user", "therapist").returncode == 0


def test_reminders_json_has_no_names(tmp_path):
    record = tmp_path / "demo.barnahus"
    assert run("demo", "--record", record, "--admin", "boss", "--cases", 80, "--seed", 3,
               "--recovery-key-file", tmp_path / "rk.txt").returncode == 0
    r = run("reminders", "--record", record, "--user", "coordinator", "--as-of", "2026-11-23", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["as_of"] == "2026-11-23" and data["reminders"]
    assert {"case_reference", "kind", "due", "bucket"} <= set(data["reminders"][0])
    assert "Demo-" not in r.stdout  # the demo's child names never reach this output
    r = run("reminders", "--record", record, "--user", "coordinator", "--as-of", "23/11/2026")
    assert r.returncode == 2 and "--as-of" in r.stderr
    r = run("reminders", "--record", record, "--user", "boss", "--as-of", "2026-11-23")
    assert r.returncode == 2 and "roles do not allow" in r.stderr


def test_the_installed_command_runs_as_a_real_process(tmp_path):
    """The console script `barnahus` (pyproject's entry point) in a process of its own: its exit
    codes and its one-line refusal, on a record with the tests' cheap key slots."""
    record, _ = make_record(tmp_path)
    r = run_cli_process("check", "--record", record, "--user", "admin",
                        env_extra={"BARNAHUS_PASSWORD": ADMIN_PASSWORD, "HOME": tmp_path}, console_script=True)
    assert r.returncode == 0, r.stderr
    assert "audit trail: ok" in r.stdout and r.stderr == ""
    r = run_cli_process("check", "--record", record, "--user", "admin",
                        env_extra={"BARNAHUS_PASSWORD": "not-the-password", "HOME": tmp_path}, console_script=True)
    assert r.returncode == 2 and r.stderr == "barnahus: Wrong user name or password.\n"
