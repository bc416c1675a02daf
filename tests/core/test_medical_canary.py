"""The medical canary (issue #14): a planted examination's note, finding, statement, test result,
sample detail and image name appear in no file under any folder the application writes (the
data folder with its logs, the settings, caches and temporary folders, the record's folder, the
backups) and not in the record read with the record key through an independent SQLCipher client
(what an administrator holding the record recovery key could do). The image file itself stays
where the examiner keeps it (a folder of theirs, not the application's): only its hash is in the
record, its name sealed."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from barnahus_app.record.keyslots import KeyFile
from tests.core.test_medical import CANARY, canary_exam, med  # noqa: F401 (the fixture)
from tests.integration.test_independent_client import independent_python  # noqa: F401 (the fixture)
from tests.support.attacker import independent_read, record_key_from_sidecar
from tests.support.canary import search_files
from tests.support.records import ADMIN_PASSWORD, login

IMAGE_NAME = "CANARYIMG-Kolposkop-4417.dng"
SAMPLE_NOTE = "CANARY-SAMPLE-NOTE-2290"
STORAGE = "CANARY-FRIDGE-7781"
SECRETS = (CANARY, IMAGE_NAME, "CANARYIMG", SAMPLE_NOTE, STORAGE)


def test_the_medical_canary_is_in_no_file_the_app_writes_nor_under_the_record_key(
        med, independent_python, tmp_path):  # noqa: F811
    started = time.time() - 2
    path = med["path"]
    x = canary_exam(med)
    camera = tmp_path / "examiner-camera"       # the examiner's own folder, not the application's
    camera.mkdir()
    image = camera / IMAGE_NAME
    image.write_bytes(b"RAW image bytes of a fictional examination")
    with login(path, "medical") as m:
        sid = m.register_sample(x, kit_id="KIT-7", sample_type="genital_swab", seal_number="SEAL-7",
                                notes=f"{SAMPLE_NOTE} sample note", storage=STORAGE, location="Medical room")
        m.add_sample_event(sid, "handed_to_police", location="Reception", counterpart="Officer", receipt="R-7")
        iid = m.register_image(x, image, device="Demo camera")
        m.log_image_viewing(iid, purpose="Expert review", location="Medical room")
        m.release_image(iid, requester="Prosecutor", legal_basis="court_order", receipt="R-8",
                        purpose="prosecutor_bundle", location="Medical room")
        assert m.check_image_fixity(iid).ok
        # the canary really is in the record, sealed
        assert m.examination_images(x)[0]["file_name"] == IMAGE_NAME
        assert m.examination_samples(x)[0]["storage"] == STORAGE
    with login(path, "admin") as a:
        backup = Path(a.backup())
        a.rotate_record_key()
    assert backup.exists()

    # 1. No plaintext in any file the application could have written.
    home = Path(os.environ["HOME"])
    keys = KeyFile.path_for(path)
    roots = [(home, None), (path.parent, None), (Path(os.environ["TMPDIR"]), None),
             (backup.parent, None), (Path(tempfile.gettempdir()), started)]
    control = Path(os.environ["TMPDIR"]) / "medical-canary-control.bin"
    control.write_bytes(IMAGE_NAME.upper().encode("utf-16-be"))
    found, seen = search_files(roots, SECRETS, skip=camera)
    assert any(f.startswith(str(control)) for f in found), "the search did not find the control"
    control.unlink()
    assert [f for f in found if not f.startswith(str(control))] == []
    # the record, its key file and the backup were among the files read (encrypted: nothing plain)
    assert {path.resolve(), keys.resolve(), backup.resolve()} <= seen

    # 2. The record key (after the rotation: the administrator's slot gives the new one) opens
    # the file with any SQLCipher client: the coordination facts are there, the detail is not.
    key = record_key_from_sidecar(keys, "admin", ADMIN_PASSWORD)
    got = independent_read(independent_python, path, key, tmp_path / "attacker")
    assert "acute_forensic" in got.text and "KIT-7" in got.text   # the attack works ...
    for s in SECRETS:                                             # ... but not on the detail
        assert s not in got.text and s.encode() not in got.export, s
