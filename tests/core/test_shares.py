"""The recovery key in k-of-n SLIP-39 word shares (issue 11, item 8): any k shares give back the
very recovery key (and the raw key an independent SQLCipher client opens the record with); fewer,
a mistyped word or shares of two splits are refused, saying which share is wrong. Splitting is an
administrator's audited action whose entry holds k and n, never a share."""
from __future__ import annotations

import json
import stat
from itertools import combinations

import pytest

from barnahus_app.api import PermissionDenied, RecordFileError, ValidationError, open_record
from barnahus_app.record import shares
from barnahus_app.record.shares import ShareError
from shamir_mnemonic.wordlist import WORDLIST
from tests.integration.test_independent_client import (  # noqa: F401 (a fixture)
    _raw_key, _record_with_person, _run_client, independent_python,
)
from tests.support.cli import run_cli
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, login, make_record, raw_closed

pytestmark = pytest.mark.usefixtures("cheap_argon2")

# A fixed record key, written out: what every combination below must give back.
RECOVERY = "0F1E2D3C-4B5A6978-8796A5B4-C3D2E1F0-01234567-89ABCDEF-FEDCBA98-76543210"
RAW_HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f00123456789abcdeffedcba9876543210"


def _swap_word(share: str, index: int) -> str:
    """share with its word at index (0-based) replaced by another word of the list."""
    words = share.split()
    words[index] = WORDLIST[(WORDLIST.index(words[index]) + 1) % len(WORDLIST)]
    return " ".join(words)


def test_any_three_of_five_give_back_the_same_recovery_key():
    made = shares.split(RECOVERY, 3, 5)
    assert len(made) == 5 and len(set(made)) == 5
    assert all(len(s.split()) == 33 for s in made)
    assert all(w in WORDLIST for s in made for w in s.split())
    for chosen in combinations(made, 3):
        assert shares.combine(list(chosen)) == RECOVERY
        assert shares.combine(list(reversed(chosen))) == RECOVERY
    assert shares.raw_hex(shares.combine(made[:3])) == RAW_HEX
    assert shares.combine(made) == RECOVERY                     # more than k: fine
    # the way it is typed: upper case, line breaks, commas, the first four letters of each word
    typed = [",\n".join(w[:4].upper() for w in s.split()) for s in made[2:]]
    assert shares.combine(typed) == RECOVERY
    # two splits of the same key are different shares, each set combining to the key
    again = shares.split(RECOVERY, 3, 5)
    assert set(again).isdisjoint(made) and shares.combine(again[1:4]) == RECOVERY


def test_a_share_file_combines_and_says_what_it_is_and_nothing_else():
    made = shares.split(RECOVERY, 2, 3)
    text = shares.share_file_text(made[1], 2, 2, 3)
    assert text.startswith("# Barnahus Case Record - recovery key share 2 of 3\n"
                           "# Any 2 of the 3 shares together open the record; fewer reveal nothing.\n")
    assert made[1] + "\n" in text
    assert shares.combine([shares.share_file_text(made[0], 1, 2, 3), text]) == RECOVERY


def test_too_few_shares_are_refused_saying_how_many_more():
    made = shares.split(RECOVERY, 3, 5)
    with pytest.raises(ShareError) as e:
        shares.combine(made[:2])
    assert e.value.message == ("These shares need 3 of them to be combined; 2 were given. Add 1 "
                               "more share from other holders.")
    with pytest.raises(ShareError) as e:
        shares.combine([made[4]])
    assert e.value.message.startswith("These shares need 3 of them to be combined; 1 was given.")
    with pytest.raises(ShareError) as e:
        shares.combine(["", "  \n"])
    assert e.value.message == "No shares were given."


def test_a_changed_word_names_the_share_it_is_in():
    made = shares.split(RECOVERY, 3, 5)
    for word in (0, 9, 32):
        with pytest.raises(ShareError) as e:
            shares.combine([made[0], _swap_word(made[1], word), made[2]])
        assert e.value.position == 2
        assert e.value.message == ("Share 2 has a mistyped or swapped word (its checksum does not "
                                   "match); compare it word by word with the holder's copy.")
    misspelt = made[2].split()
    misspelt[4] = "qqqq"
    with pytest.raises(ShareError) as e:
        shares.combine([made[0], made[1], " ".join(misspelt)])
    assert (e.value.position, e.value.message) == (3, "Share 3: word 5 is not a share word; check "
                                                      "its spelling against the holder's copy.")
    with pytest.raises(ShareError) as e:
        shares.combine([" ".join(made[0].split()[:32]), made[1], made[2]])
    assert (e.value.position, e.value.message) == (1, "Share 1 has 32 words; a share of a recovery "
                                                      "key has 33. A word is missing or doubled.")
    # no word of any share is in a message
    assert not set(e.value.message.lower().split()) & set(WORDLIST) - {"a", "is", "of", "has"}


def test_shares_of_two_different_splits_are_refused():
    first, second = shares.split(RECOVERY, 3, 5), shares.split(RECOVERY, 3, 5)
    with pytest.raises(ShareError) as e:
        shares.combine([first[0], first[1], second[2]])
    assert (e.value.position, e.value.message) == (
        3, "Share 3 is from a different split than share 1 (their first words differ): give "
           "shares made at the same time.")
    with pytest.raises(ShareError) as e:
        shares.combine([first[0], first[0], first[1]])
    assert (e.value.position, e.value.message) == (
        2, "Share 2 and share 1 are the same share (the 1st holder's); each share counts once.")


@pytest.mark.parametrize("k, n", [(1, 5), (0, 3), (4, 3), (2, 17), (2, 1), (True, 3)])
def test_k_and_n_are_checked(k, n):
    with pytest.raises(ValidationError):
        shares.split(RECOVERY, k, n)


def test_a_text_that_is_no_recovery_key_is_not_split():
    with pytest.raises(ValidationError) as e:
        shares.split("not a key", 2, 3)
    assert e.value.field == "recovery_key"


def test_an_administrator_splits_the_record_key_and_the_audit_keeps_k_and_n_only(tmp_path):
    path, recovery = make_record(tmp_path)
    with login(path, "coordinator") as s, pytest.raises(PermissionDenied):
        s.split_recovery_key(3, 5)
    with login(path, "admin") as s:
        made = s.split_recovery_key(3, 5)
        with pytest.raises(ValidationError):
            s.split_recovery_key(6, 5)
    assert shares.combine([made[4], made[0], made[2]]) == recovery
    with open_record(path, "admin", recovery_key=shares.combine(made[1:4]), kdf=FAST_KDF) as s:
        assert s.username == "admin"
    with raw_closed(path, recovery) as conn:
        rows = conn.execute("SELECT action, detail FROM audit_log WHERE action = "
                            "'record.recovery_key_split'").fetchall()
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        dump = "\n".join(repr(row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"'))
        dump = dump.lower()
        assert "recovery_key_split" in dump
    assert [(a, json.loads(d)) for a, d in rows] == [("record.recovery_key_split", {"k": 3, "n": 5})]
    # canary: no run of four words of any share anywhere in the record, nor in the key file
    keys = (path.parent / (path.name + ".keys")).read_text().lower()
    for share in made:
        words = share.split()
        for i in range(len(words) - 3):
            run = " ".join(words[i:i + 4])
            assert run not in dump and run not in keys


def test_shares_of_a_key_replaced_by_a_rotation_no_longer_open_the_record(tmp_path):
    path, _ = make_record(tmp_path)
    with login(path, "admin") as s:
        old = s.split_recovery_key(2, 3)
        s.rotate_record_key()
    with pytest.raises(RecordFileError, match="This recovery key does not open this file"):
        open_record(path, "admin", recovery_key=shares.combine(old[:2]), kdf=FAST_KDF)


def test_the_combined_raw_key_opens_the_record_in_the_independent_client(tmp_path, independent_python):
    path, recovery, person_id = _record_with_person(tmp_path)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        made = s.split_recovery_key(3, 5)
    raw_key = shares.raw_hex(shares.combine([made[3], made[1], made[4]]))
    assert raw_key == recovery.replace("-", "").lower()
    out = _run_client(independent_python, path, person_id, {"from shares": _raw_key(raw_key)}, tmp_path)
    good = out["attempts"]["from shares"]
    assert good["ok"] and good["users"] == ["admin", "coordinator"]
    assert good["cipher_integrity_check"] == [] and good["integrity_check"] == ["ok"]


# --- the command line --------------------------------------------------------------------------
def test_cli_split_combine_and_open_with_shares(tmp_path):
    path, recovery = make_record(tmp_path)
    pw = tmp_path / "pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    out = tmp_path / "shares"
    out.mkdir()
    opening = ("--record", path, "--user", "admin")
    done = run_cli("recovery-key", "split", *opening, "--password-file", pw, "--k", "3", "--n", "5",
                   "--out-dir", out)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"share-{i}-of-5.txt" for i in range(1, 6)]
    for p in out.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
    second = (out / "share-2-of-5.txt").read_text()
    assert second.startswith("# Barnahus Case Record - recovery key share 2 of 5\n"
                             "# Any 3 of the 5 shares together open the record; fewer reveal nothing.\n")
    assert recovery not in done.stdout and second.splitlines()[4] not in done.stdout

    files = [out / "share-1-of-5.txt", out / "share-4-of-5.txt", out / "share-5-of-5.txt"]
    key_file = tmp_path / "recovered.txt"
    done = run_cli("recovery-key", "combine", *files, "--out", key_file, "--hex")
    assert done.returncode == 0, done.stderr
    assert key_file.read_text() == recovery + "\n"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert done.stdout.splitlines()[-1] == recovery.replace("-", "").lower()

    done = run_cli("check", *opening, "--recovery-shares", *files[:1], out / "share-3-of-5.txt", files[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "ok"

    # the recovery key file or its shares, not both
    done = run_cli("check", *opening, "--recovery-key-file", key_file, "--recovery-shares", *files)
    assert done.returncode == 2 and "not allowed with argument" in done.stderr

    # two files: refused, nothing written
    done = run_cli("recovery-key", "combine", *files[:2], "--out", tmp_path / "no.txt")
    assert done.returncode == 2 and not (tmp_path / "no.txt").exists()
    assert "These shares need 3 of them to be combined; 2 were given." in done.stderr
    # a changed word: the message names the file
    bad = tmp_path / "bad.txt"
    lines = second.splitlines()
    lines[4] = _swap_word(lines[4], 7)
    bad.write_text("\n".join(lines))
    done = run_cli("check", *opening, "--recovery-shares", files[0], bad, files[1])
    assert done.returncode == 2
    assert f"The share in {bad} has a mistyped or swapped word" in done.stderr
    # a non-administrator cannot split
    staff = tmp_path / "staff"
    staff.write_text("staff-password-1\n")
    other = tmp_path / "other"
    other.mkdir()
    done = run_cli("recovery-key", "split", "--record", path, "--user", "coordinator",
                   "--password-file", staff, "--k", "2", "--n", "3", "--out-dir", other)
    assert done.returncode == 2 and list(other.iterdir()) == []
    # an existing share file is never overwritten; refused before unlocking
    done = run_cli("recovery-key", "split", *opening, "--password-file", pw, "--k", "2", "--n", "5",
                   "--out-dir", out)
    assert done.returncode == 2 and (out / "share-2-of-5.txt").read_text() == second
