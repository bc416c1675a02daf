"""The centre's rooms as the administrator keeps them (issue 17): added, renamed, retired and brought
back into use, never deleted; a room with planned interviews still ahead is not retired until they
are moved. Who may call what is test_policy_matrix's."""
from __future__ import annotations

import pytest

from barnahus_app.api import PermissionDenied, ValidationError
from tests.support.records import login, raw, sample_case

ZONE = "Europe/Stockholm"


def rooms(session) -> list[tuple[str, str, bool]]:
    return [(r["name"], r["kind"], r["active"]) for r in session.list_rooms(include_retired=True)]


def room_audit(session) -> list[tuple[str, str | None]]:
    conn = raw(session)
    try:
        return conn.execute("SELECT action, detail FROM audit_log WHERE action LIKE 'room.%' "
                            "AND action != 'room.list' ORDER BY id").fetchall()
    finally:
        conn.close()


def test_added_renamed_retired_and_back_in_use(open_as):
    admin = open_as("admin")
    blue = admin.create_room("Blue room", "interview")
    admin.create_room("Garden room", "observation")
    admin.update_room(blue, name="Sky room")
    assert rooms(admin) == [("Garden room", "observation", True), ("Sky room", "interview", True)]
    with pytest.raises(ValidationError) as e:
        admin.update_room(blue, name="garden ROOM")
    assert (e.value.field, e.value.message) == ("name", "A room with this name exists already.")
    admin.update_room(blue, active=False)
    assert [r["name"] for r in admin.list_rooms()] == ["Garden room"]
    assert rooms(admin) == [("Garden room", "observation", True), ("Sky room", "interview", False)]
    admin.update_room(blue, active=True)
    assert [r["name"] for r in admin.list_rooms()] == ["Garden room", "Sky room"]
    assert room_audit(admin) == [
        ("room.created", None), ("room.created", None), ("room.updated", '{"fields":["name"]}'),
        ("room.updated", '{"fields":["active"]}'), ("room.updated", '{"fields":["active"]}')]


def test_a_room_with_interviews_still_planned_is_not_retired_until_they_are_moved(record_path):
    with login(record_path, "admin") as admin:
        busy, other = admin.create_room("Busy room", "interview"), admin.create_room("Other room", "interview")
    with login(record_path, "coordinator") as coordinator:
        case = sample_case(coordinator)
        interviewer = next(u["id"] for u in coordinator.interviewers() if u["username"] == "interviewer")
        past = coordinator.plan_interview(case["id"], case["child_id"], "2026-01-12T10:00", 60, busy, interviewer,
                                          time_zone=ZONE)
        ahead = [coordinator.plan_interview(case["id"], case["child_id"], start, 60, busy, interviewer,
                                            time_zone=ZONE, justification="Second and third interview.")
                 for start in ("2031-03-03T10:00", "2031-03-10T10:00")]
    with login(record_path, "admin") as admin:
        with pytest.raises(ValidationError) as e:
            admin.update_room(busy, active=False)
        assert (e.value.field, e.value.message) == (
            "active", "2 planned interviews are still booked in this room. Have them moved to another room first.")
    with login(record_path, "coordinator") as coordinator:
        coordinator.move_interview(ahead[0], "2031-03-03T10:00", room_id=other)
    with login(record_path, "admin") as admin:
        with pytest.raises(ValidationError) as e:
            admin.update_room(busy, active=False)
        assert e.value.message == ("1 planned interview is still booked in this room. "
                                   "Have them moved to another room first.")
        assert rooms(admin)[0] == ("Busy room", "interview", True)   # refused: nothing changed
    with login(record_path, "coordinator") as coordinator:
        coordinator.cancel_interview(ahead[1], "The family moved away.")
    with login(record_path, "admin") as admin:
        admin.update_room(busy, active=False)   # the one in the past, never held, does not keep it in use
        assert rooms(admin)[0] == ("Busy room", "interview", False)
    with login(record_path, "coordinator") as coordinator:
        assert coordinator.get_interview(past)["room_name"] == "Busy room"   # old bookings still name it


def test_only_the_administrator_changes_rooms(record_path):
    with login(record_path, "admin") as admin:
        room = admin.create_room("Blue room", "interview")
    with login(record_path, "coordinator") as coordinator:
        assert [r["name"] for r in coordinator.list_rooms()] == ["Blue room"]
        with pytest.raises(PermissionDenied):
            coordinator.update_room(room, active=False)
        with pytest.raises(PermissionDenied):
            coordinator.create_room("Secret room", "interview")
