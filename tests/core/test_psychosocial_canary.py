"""The therapy canary (issue #15): a planted session note, crisis contact note and set of item
answers appear in no file under any folder the application writes (the data folder with its
logs, the settings, caches and temporary folders, the record's folder, the backups) and not in
the record read with the record key through an independent SQLCipher client (what an
administrator holding the record recovery key could do); and the therapist still reads them
after a key rotation and a change of their password."""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from barnahus_app.api import open_record
from barnahus_app.record.keyslots import KeyFile
from tests.core.test_psychosocial import psy  # noqa: F401 (the fixture)
from tests.integration.test_independent_client import independent_python  # noqa: F401 (the fixture)
from tests.support.attacker import independent_read, record_key_from_sidecar
from tests.support.canary import search_files
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, login

SESSION_NOTE = "CANARY-SESSION-NOTE-5521"
CRISIS_NOTE = "CANARY-CRISIS-NOTE-8830"
# CATS 7-17 answers in a pattern no other row has; the sealed value is their JSON (sorted keys)
ANSWERS = {f"s{n}": (n * 7) % 4 for n in range(1, 21)}
ANSWERS_TEXT = json.dumps(ANSWERS, sort_keys=True)
SECRETS = (SESSION_NOTE, CRISIS_NOTE, ANSWERS_TEXT, ANSWERS_TEXT.replace(" ", ""))
NEW_PASSWORD = "a new therapist passphrase 7"


def test_the_therapy_canary_is_in_no_file_the_app_writes_nor_under_the_record_key_and_survives_rotation(
        psy, independent_python, tmp_path):  # noqa: F811
    started = time.time() - 2
    path = psy["path"]
    with login(path, "therapist") as t:
        e = t.start_episode(psy["case_id"], psy["child"], "tf_cbt", started_on="2026-09-01")
        sid = t.record_session(e, held_on="2026-09-08", status="attended", notes=f"{SESSION_NOTE} session")
        cid = t.record_crisis_contact(psy["case_id"], psy["child"], occurred_at="2026-09-09T22:00:00+02:00",
                                      notes=f"{CRISIS_NOTE} crisis")
        aid = t.record_administration(psy["case_id"], psy["child"], "CATS-7-17", time_point="baseline",
                                      respondent="child", administered_on="2026-09-01", answers=ANSWERS)
        # the canaries really are in the record, sealed
        assert t.session_notes(sid) == f"{SESSION_NOTE} session"
        assert t.administration_answers(aid) == ANSWERS
    with login(path, "admin") as a:
        backup = Path(a.backup())
        a.rotate_record_key()
    with login(path, "therapist") as t:
        t.change_own_password(STAFF_PASSWORD, NEW_PASSWORD)
    with open_record(path, "therapist", NEW_PASSWORD, kdf=FAST_KDF) as t:
        assert t.session_notes(sid) == f"{SESSION_NOTE} session"
        assert t.crisis_contact_notes(cid) == f"{CRISIS_NOTE} crisis"
        assert t.administration_answers(aid) == ANSWERS

    # 1. No plaintext in any file the application could have written.
    home = Path(os.environ["HOME"])
    keys = KeyFile.path_for(path)
    roots = [(home, None), (path.parent, None), (Path(os.environ["TMPDIR"]), None),
             (backup.parent, None), (Path(tempfile.gettempdir()), started)]
    control = Path(os.environ["TMPDIR"]) / "therapy-canary-control.bin"
    control.write_bytes(CRISIS_NOTE.lower().encode("utf-16-le"))
    found, seen = search_files(roots, SECRETS)
    assert any(f.startswith(str(control)) for f in found), "the search did not find the control"
    control.unlink()
    assert [f for f in found if not f.startswith(str(control))] == []
    assert {path.resolve(), keys.resolve(), backup.resolve()} <= seen

    # 2. The record key (after the rotation: the administrator's slot gives the new one) opens
    # the file with any SQLCipher client: the coordination facts are there, the detail is not.
    key = record_key_from_sidecar(keys, "admin", ADMIN_PASSWORD)
    got = independent_read(independent_python, path, key, tmp_path / "attacker")
    assert "tf_cbt" in got.text and "CATS-7-17" in got.text   # the attack works ...
    for s in SECRETS:                                         # ... but not on the detail
        assert s not in got.text and s.encode() not in got.export, s
