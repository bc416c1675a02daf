"""The record is standard SQLCipher 4, not locked to our code: a client that shares no code with
Barnahus opens it with the recovery key as a raw key (PRAGMA key = "x'<hex>'") and reads it.

The client is PyPI's `sqlcipher3-wheels` (its own bundled SQLCipher 4.x build, module
`sqlcipher3`) in a separate venv, run as `python -I` so neither our code nor our `sqlcipher3`
can be imported. The venv is made once and reused: $BARNAHUS_INDEPENDENT_VENV, or
~/.cache/barnahus/independent-venv (outside the repository). Needs PyPI the first time; the
test is skipped, saying so, only if pip cannot reach it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock between parallel test processes
    fcntl = None

from barnahus_app.api import create_record, open_record
from barnahus_app.record.keyslots import parse_recovery_key
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD

PACKAGE = "sqlcipher3-wheels"
CLIENT = Path(__file__).with_name("_sqlcipher_client.py")
# Computed at import, from the real home: tests/conftest.py points HOME at a temporary folder
# for every test, which would make a new venv each time.
REAL_HOME = Path.home()
INDEPENDENT_VENV = Path(os.environ.get("BARNAHUS_INDEPENDENT_VENV",
                                       REAL_HOME / ".cache" / "barnahus" / "independent-venv"))
READY_MARK = ".barnahus-independent-client"
NETWORK_TROUBLE = (
    "Failed to establish a new connection", "Temporary failure in name resolution",
    "Name or service not known", "Network is unreachable", "Connection refused",
    "ConnectTimeoutError", "ReadTimeoutError", "ProxyError", "No route to host",
    "Could not fetch URL",
)
CANARY = ("Ingibjörg", "Independent-Ólafsdóttir")


def _clean_env() -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env["HOME"] = str(REAL_HOME)  # pip's own cache and config, not the test's temporary home
    return env


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _make_venv(venv: Path) -> None:
    if venv.exists():
        if not (venv / "pyvenv.cfg").exists():
            pytest.fail(f"{venv} exists and is not a venv; set BARNAHUS_INDEPENDENT_VENV elsewhere")
        shutil.rmtree(venv)  # a half-made venv of ours
    venv.parent.mkdir(parents=True, exist_ok=True)
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True,
                          text=True, env=_clean_env())
    assert made.returncode == 0, f"python -m venv failed:\n{made.stdout}\n{made.stderr}"
    pip = subprocess.run(
        [str(_venv_python(venv)), "-I", "-m", "pip", "install", "--disable-pip-version-check",
         "--no-input", PACKAGE], capture_output=True, text=True, env=_clean_env(), timeout=900)
    if pip.returncode != 0:
        output = pip.stdout + pip.stderr
        shutil.rmtree(venv, ignore_errors=True)
        if any(marker in output for marker in NETWORK_TROUBLE):
            pytest.skip(f"cannot install {PACKAGE} from PyPI (no network?), so there is no "
                        f"independent SQLCipher client to check the record with:\n{output[-800:]}")
        pytest.fail(f"pip install {PACKAGE} failed:\n{output[-3000:]}")
    (venv / READY_MARK).write_text(PACKAGE + "\n")


@pytest.fixture(scope="session")
def independent_python() -> Path:
    """The python of a venv with only sqlcipher3-wheels, made once (locked against parallel
    test processes) and reused."""
    venv = INDEPENDENT_VENV
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / (venv.name + ".lock"), "w") as lock:
        if fcntl:
            fcntl.flock(lock, fcntl.LOCK_EX)
        if not (venv / READY_MARK).exists() or not _venv_python(venv).exists():
            _make_venv(venv)
    return _venv_python(venv)


def _raw_key(recovery_key: str) -> str:
    """What the recovery key sheet tells a technician to type: the 64 hex digits, dashes removed."""
    return "\"x'" + recovery_key.replace("-", "").strip() + "'\""


def _run_client(python: Path, path: Path, person_id: int, attempts: dict[str, str | dict | None],
                cwd: Path) -> dict:
    """attempts: label -> the key text, or a dict {"key", "dump", "export_to"} (see the client)."""
    req = {"path": str(path), "person_id": person_id,
           "attempts": [{"label": k, **(v if isinstance(v, dict) else {"key": v})} for k, v in attempts.items()]}
    env = {k: v for k, v in _clean_env().items() if not k.startswith("PYTHON")}
    done = subprocess.run([str(python), "-I", str(CLIENT), json.dumps(req)], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)
    assert done.returncode == 0, f"independent client failed:\n{done.stdout}\n{done.stderr}"
    out = json.loads(done.stdout)
    # It really is the other client: its own module, in its own venv, none of our code.
    module = Path(out["module_file"]).resolve()
    assert module.is_relative_to(INDEPENDENT_VENV.resolve()), module
    assert not module.is_relative_to(Path(sys.prefix).resolve()), module
    repo = Path(__file__).resolve().parents[2]
    assert not any(p and Path(p).resolve().is_relative_to(repo) for p in out["sys_path"]), out["sys_path"]
    assert out["barnahus_loaded"] == []
    assert out["cipher_version"].startswith("4."), out["cipher_version"]
    return out


def _record_with_person(tmp_path: Path) -> tuple[Path, str, int]:
    path = tmp_path / "centre" / "record.barnahus"
    recovery = create_record(path, "admin", ADMIN_PASSWORD, "Administrator", "Test Centre",
                             kdf=FAST_KDF)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.add_user("coordinator", "Coordinator", ["coordinator"], STAFF_PASSWORD)
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        person_id = s.create_person(given_name=CANARY[0], family_name=CANARY[1],
                                    acknowledge_duplicates=True)
    return path, recovery, person_id


def test_independent_sqlcipher4_client_opens_record(tmp_path, independent_python, capsys):
    path, recovery, person_id = _record_with_person(tmp_path)
    before = path.read_bytes()
    wrong = recovery[:-1] + ("0" if recovery[-1] != "0" else "1")  # one hex digit off
    out = _run_client(independent_python, path, person_id, {
        "recovery key": _raw_key(recovery),
        "recovery key, lower case": _raw_key(recovery.lower()),
        "wrong key": _raw_key(wrong),
        "admin password as passphrase": "'" + ADMIN_PASSWORD + "'",
        "no key": None,
    }, tmp_path)
    with capsys.disabled():
        print(f"\nindependent client: {PACKAGE}, PRAGMA cipher_version = {out['cipher_version']}, "
              f"SQLite {out['sqlite_version']}, {out['module_file']}")

    good = out["attempts"]["recovery key"]
    assert good["ok"], good
    assert good["users"] == ["admin", "coordinator"]
    assert good["person"] == list(CANARY)
    assert good["application_id"] == 0x42484331  # "BHC1"
    assert good["cipher_integrity_check"] == [] and good["integrity_check"] == ["ok"]
    assert out["attempts"]["recovery key, lower case"] == good
    for label in ("wrong key", "admin password as passphrase", "no key"):
        bad = out["attempts"][label]
        assert not bad["ok"] and "file is not a database" in bad["error"], (label, bad)
    assert path.read_bytes() == before  # the other client only read


def test_independent_client_follows_key_rotation(tmp_path, independent_python):
    path, old_recovery, person_id = _record_with_person(tmp_path)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        new_recovery = s.rotate_record_key()
    assert parse_recovery_key(new_recovery) != parse_recovery_key(old_recovery)
    out = _run_client(independent_python, path, person_id, {
        "new": _raw_key(new_recovery), "old": _raw_key(old_recovery)}, tmp_path)
    assert out["attempts"]["new"]["ok"] and out["attempts"]["new"]["person"] == list(CANARY)
    assert not out["attempts"]["old"]["ok"], out["attempts"]["old"]


def test_a_restored_backup_opens_in_the_independent_client_with_only_what_was_backed_up(
        tmp_path, independent_python):
    """Issue 12: back up, add a person, restore the backup to a new file: the other client opens
    the restored file with the recovery key and finds the first person and not the second."""
    from barnahus_app.lifecycle import restore_backup
    path, recovery, person_id = _record_with_person(tmp_path)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        backup = Path(s.backup())
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        later_id = s.create_person(given_name="Later", family_name="Added", acknowledge_duplicates=True)
    restored = tmp_path / "restored" / "record.barnahus"
    restored.parent.mkdir()
    restore_backup(backup, restored, "admin", ADMIN_PASSWORD)
    out = _run_client(independent_python, restored, person_id, {"recovery key": _raw_key(recovery)}, tmp_path)
    good = out["attempts"]["recovery key"]
    assert good["ok"] and good["person"] == list(CANARY)
    assert good["cipher_integrity_check"] == [] and good["integrity_check"] == ["ok"]
    later = _run_client(independent_python, restored, later_id, {"recovery key": _raw_key(recovery)}, tmp_path)
    assert later["attempts"]["recovery key"]["person"] is None
    live = _run_client(independent_python, path, later_id, {"recovery key": _raw_key(recovery)}, tmp_path)
    assert live["attempts"]["recovery key"]["person"] == ["Later", "Added"]


def test_the_record_after_a_switch_to_a_restored_backup_opens_in_the_independent_client(
        tmp_path, independent_python):
    """Issue 12: after `switch-to-restored`, the other client opens the file at the record's
    name with the recovery key and finds the restored content, whole (the first person, not the
    later one); the kept old record still holds the later person."""
    from barnahus_app.lifecycle import restore_backup, switch_to_restored
    path, recovery, person_id = _record_with_person(tmp_path)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        backup = Path(s.backup())
    with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        later_id = s.create_person(given_name="Later", family_name="Added", acknowledge_duplicates=True)
    restored = path.with_name("restored.barnahus")
    restore_backup(backup, restored, "admin", ADMIN_PASSWORD)
    report = switch_to_restored(path, restored, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    key = {"recovery key": _raw_key(recovery)}
    good = _run_client(independent_python, path, person_id, key, tmp_path)["attempts"]["recovery key"]
    assert good["ok"] and good["person"] == list(CANARY)
    assert good["cipher_integrity_check"] == [] and good["integrity_check"] == ["ok"]
    assert good["application_id"] == 0x42484331
    later = _run_client(independent_python, path, later_id, key, tmp_path)["attempts"]["recovery key"]
    assert later["ok"] and later["person"] is None
    kept = _run_client(independent_python, report.kept_as, later_id, key, tmp_path)["attempts"]["recovery key"]
    assert kept["person"] == ["Later", "Added"]
