"""A key rotation interrupted by a crash is settled at the next unlock (record/rotation.py), and
the desktop app says what happened, as the command line does, after the unlock."""
from __future__ import annotations

import pytest

from barnahus_app.lifecycle import open_record
from tests.support.gui_shell import make_window, unlock
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD


class Killed(BaseException):
    """Stands in for kill -9 at that point: nothing after it runs."""


def interrupted_rotation(record_path, target, at: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        def killed(*_args, **_kwargs):
            raise Killed()
        mp.setattr(at, killed)
        s = open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
        with pytest.raises(Killed):
            s.rotate_record_key(recovery_key_file=target)
        s.record.close()   # no logout: the process died


UNDONE = ("A key rotation interrupted earlier was undone at this unlock: the record key was not replaced, "
          "and the previous recovery key still opens the record. The recovery key it wrote, now {F}.unused, "
          "does NOT open the record: delete it.")
FINISHED = ("A key rotation interrupted earlier was finished at this unlock: the new recovery key in {F} "
            "opens the record; the previous recovery key no longer does.")


@pytest.mark.parametrize("killed_at, user, password, note, left", [
    ("barnahus_app.session.rekey_file", "coordinator", STAFF_PASSWORD, UNDONE, "new-recovery.txt.unused"),
    ("barnahus_app.record.rotation.publish_new", "admin", ADMIN_PASSWORD, FINISHED, "new-recovery.txt"),
], ids=["undone", "finished"])
def test_an_interrupted_rotation_is_settled_and_said_after_unlock(qtbot, record_path, tmp_path, killed_at,
                                                                  user, password, note, left):
    target = tmp_path / "new-recovery.txt"
    interrupted_rotation(record_path, target, killed_at)
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, user, password)
    assert window.message_bar.text() == note.format(F=target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["centre", left]
