"""Medical examinations (issue #14, core): coordination facts for the case team, the medical detail
sealed to medical staff, findings against a versioned classification, expert review, tests with
their reminders, the agreement rule and the conflict engine. Real SQLCipher records; every
expected value is written out by hand."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from barnahus_app.errors import ConflictsFound, NotFound, PermissionDenied, SectionLocked, ValidationError
from barnahus_app.medical import findings
from barnahus_app.record.keyslots import KeyFile
from tests.integration.test_independent_client import independent_python  # noqa: F401 (the fixture)
from tests.support.attacker import independent_read, record_key_from_sidecar
from tests.support.records import ADMIN_PASSWORD, STAFF_PASSWORD, login, raw, sample_case

CANARY = "CANARY-MEDICAL-7731"
TZ = "Europe/Stockholm"
OTHER_ROLES = ("coordinator", "interviewer", "therapist", "liaison")


@pytest.fixture
def med(record_path):
    """The test record with a second medical user (a reviewer), a medical room, an interview room
    and a case; the medical user's first unlock created the medical section."""
    with login(record_path, "admin") as a:
        a.add_user("reviewer", "Rita Reviewer", ["medical"], STAFF_PASSWORD)
        room = a.create_room("Medical room", "medical")
        iroom = a.create_room("Interview room", "interview")
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
    with login(record_path, "medical") as m:
        recovery = m.section_recovery_keys["medical"]
        medic = m.user_id
    with login(record_path, "reviewer") as r:
        reviewer = r.user_id
    return {"path": record_path, "room": room, "iroom": iroom, "case": case, "medic": medic,
            "reviewer": reviewer, "recovery": recovery}


def plan(s, med, start="2026-11-02T10:00", **kw):
    values = dict(examiner_id=med["medic"], commissioned_by="police", priority="urgent", time_zone=TZ,
                  room_id=med["room"])
    values.update(kw)
    return s.plan_examination(med["case"]["id"], med["case"]["child_id"], "acute_forensic", start, 60, **values)


def canary_exam(med) -> int:
    with login(med["path"], "medical") as m:
        x = plan(m, med)
        m.record_agreement(x, child="agreed", guardian="agreed")
        m.hold_examination(x)
        m.add_finding(x, "4.05", "hymen", f"{CANARY} finding text")
        m.set_medical_notes(x, f"{CANARY} notes", f"{CANARY} statement")
        t = m.order_test(x, "sti", "2026-11-02")
        m.record_test_result(t, f"{CANARY} result", "2026-11-10")
    return x


# --- who reads what ------------------------------------------------------------------------------

def test_case_roles_read_the_coordination_facts_and_only_medical_staff_the_detail(med):
    x = canary_exam(med)
    with login(med["path"], "medical") as m:
        view = m.examination_view(x)
        assert view["detail"]["notes"] == f"{CANARY} notes"
        assert view["detail"]["statement"] == f"{CANARY} statement"
        (f,) = view["detail"]["findings"]
        assert (f["item_code"], f["category"], f["needs_expert_review"], f["site"], f["table_version"]) == \
            ("4.05", 4, True, "hymen", "adams-2018-v1")
        (t,) = view["detail"]["tests"]
        assert (t["kind"], t["result_status"], t["received_on"], t["result"]) == \
            ("sti", "received", "2026-11-10", f"{CANARY} result")
    for role in OTHER_ROLES:
        with login(med["path"], role) as s:
            (row,) = s.case_examinations(med["case"]["id"])
            assert (row["id"], row["kind"], row["status"], row["examiner_name"], row["room_name"]) == \
                (x, "acute_forensic", "held", "Medical", "Medical room")
            assert (row["agreement_child"], row["agreement_guardian"], row["statement_written"]) == \
                ("agreed", "agreed", True)
            assert row["detail"] is None
            assert CANARY not in repr(row)
            for call in (lambda: s.add_finding(x, "1.01", "hymen", "x"), lambda: s.review_queue(),
                         lambda: s.set_medical_notes(x, "x", None), lambda: s.release_outcome(x, "no_findings"),
                         lambda: s.review_examination(x, True, None, "2026-11-20")):
                with pytest.raises(PermissionDenied):
                    call()
    with login(med["path"], "admin") as a:
        with pytest.raises(PermissionDenied):
            a.case_examinations(med["case"]["id"])
        with pytest.raises(PermissionDenied):
            a.examination_view(x)


def test_the_audit_trail_names_no_finding_test_or_text(med):
    canary_exam(med)
    with login(med["path"], "coordinator") as c:
        entries = [e for e in c.audit_entries() if e["action"].startswith(("medical.", "examination."))]
    assert {e["action"] for e in entries} >= {"examination.planned", "medical.finding_added",
                                              "medical.test_ordered", "medical.test_result_recorded"}
    text = json.dumps([e["detail"] for e in entries])
    for needle in (CANARY, "4.05", "hymen", "sti"):
        assert needle not in text


# --- sealed -------------------------------------------------------------------------------------

@pytest.mark.parametrize("user,password", [("admin", ADMIN_PASSWORD), ("coordinator", STAFF_PASSWORD)])
def test_the_record_key_reads_no_medical_detail(med, independent_python, tmp_path, user, password):  # noqa: F811
    canary_exam(med)
    path = med["path"]
    key = record_key_from_sidecar(KeyFile.path_for(path), user, password)
    seen = independent_read(independent_python, path, key, tmp_path / "attacker")
    assert "Exampledottir" in seen.text             # the attack works ...
    assert CANARY not in seen.text and CANARY.encode() not in seen.export   # ... but not on the detail
    # nor in any file under a folder the app writes: the record's, the user's home (data, settings,
    # cache, temporary files)
    import os
    for folder in (path.parent, Path(os.environ["HOME"])):
        assert [p for p in folder.rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()] == []


def test_the_sealed_detail_survives_rotation_password_change_backup_and_restore(med, tmp_path):
    from barnahus_app.lifecycle import restore_backup
    x = canary_exam(med)
    path = med["path"]
    with login(path, "admin") as a:
        a.rotate_record_key()
    with login(path, "medical") as m:
        m.change_own_password(STAFF_PASSWORD, "a new medical passphrase 9")
    from barnahus_app.api import open_record
    from tests.support.records import FAST_KDF
    with open_record(path, "medical", "a new medical passphrase 9", kdf=FAST_KDF) as m:
        assert m.examination_view(x)["detail"]["notes"] == f"{CANARY} notes"
    with login(path, "admin") as a:
        backup = a.backup()
    restored = tmp_path / "restored" / "record.barnahus"
    restored.parent.mkdir()
    restore_backup(backup, restored, "admin", ADMIN_PASSWORD)
    with login(restored, "reviewer") as r:
        d = r.examination_view(x)["detail"]
        assert (d["statement"], d["tests"][0]["result"]) == (f"{CANARY} statement", f"{CANARY} result")


def test_the_section_recovery_key_opens_the_detail_for_a_medical_user_without_a_seal(med):
    """A medical user whose seal is gone (as after a lost key pair) holds no key: SectionLocked
    for the detail, None in views; the section recovery key (kept by the medical lead) opens it."""
    x = canary_exam(med)
    conn = raw_path(med["path"])
    conn.execute("DELETE FROM section_keys WHERE section = 'medical' AND username = 'reviewer'")
    conn.commit()
    conn.close()
    with login(med["path"], "reviewer") as r:
        assert not r.sections.holds("medical")
        assert r.examination_view(x)["detail"] is None
        with pytest.raises(SectionLocked):
            r.review_queue()
        with pytest.raises(SectionLocked):
            r.add_finding(x, "1.01", "hymen", None)
        r.open_section_with_recovery_key("medical", med["recovery"])
        assert r.examination_view(x)["detail"]["notes"] == f"{CANARY} notes"


def raw_path(path):
    with login(path, "admin") as a:
        return raw(a)


# --- findings, classification, review -------------------------------------------------------------

def test_category_is_derived_and_an_unknown_item_is_refused(med):
    with login(med["path"], "medical") as m:
        x = plan(m, med)
        for code in ("1.01", "2.03", "5.03", "6.02"):
            m.add_finding(x, code, "anogenital", None)
        with pytest.raises(ValidationError) as e:
            m.add_finding(x, "9.99", "anogenital", "Unknown")
        assert e.value.field == "item_code"
        with pytest.raises(ValidationError):
            m.add_finding(x, "1.01", "elbow", None)
        got = [(f["item_code"], f["category"], f["needs_expert_review"])
               for f in m.examination_view(x)["detail"]["findings"]]
    assert got == [("1.01", 1, False), ("2.03", 2, False), ("5.03", 5, True), ("6.02", 6, True)]


def test_a_second_table_version_is_data_only_and_each_finding_keeps_its_version(med, monkeypatch, tmp_path):
    shipped = findings.folders()[0]
    extra = tmp_path / "classifications"
    extra.mkdir()
    later = json.loads((shipped / "adams_2018_v1.json").read_text("utf-8"))
    later.update(version="adams-2030-v2", issued="2030-01-01")
    # in the (invented) later table, item 3.03 moved to group 2
    for it in later["items"]:
        if it["code"] == "3.03":
            it.update(group=2, needs_expert_review=False)
    later["items"].append({"code": "7.01", "group": 6, "label": {"en": "New item", "sv": "Ny post"},
                           "needs_expert_review": True})
    (extra / "adams_2030_v2.json").write_text(json.dumps(later), "utf-8")
    with login(med["path"], "medical") as m:
        x = plan(m, med)
        old = m.add_finding(x, "3.03", "anogenital", None)          # coded under the only table
        monkeypatch.setattr(findings, "folders", lambda: [shipped, extra])
        new = m.add_finding(x, "3.03", "anogenital", None)          # the newest table now
        m.add_finding(x, "7.01", "systemic", None)
        pinned = m.add_finding(x, "3.03", "anogenital", None, table_version="adams-2018-v1")
        got = {f["id"]: (f["table_version"], f["category"], f["needs_expert_review"])
               for f in m.examination_view(x)["detail"]["findings"]}
    assert got[old] == ("adams-2018-v1", 3, True)
    assert got[new] == ("adams-2030-v2", 2, False)
    assert got[pinned] == ("adams-2018-v1", 3, True)


def test_review_queue_and_share(med):
    with login(med["path"], "medical") as m:
        abnormal = [plan(m, med, start) for start in ("2026-10-01T09:00", "2026-10-02T09:00", "2026-10-03T09:00")]
        normal = plan(m, med, "2026-10-04T09:00")
        planned = plan(m, med, "2026-10-05T09:00")
        for x in abnormal + [normal]:
            m.hold_examination(x)
        for x in abnormal + [planned]:
            m.add_finding(x, "4.06", "hymen", None)
        m.add_finding(normal, "1.02", "vulva", None)
        assert [q["id"] for q in m.review_queue()] == abnormal
        assert m.review_share("2026-10-01", "2026-10-31") == {"needing": 3, "reviewed": 0}
        with pytest.raises(ValidationError):           # not one's own examination
            m.review_examination(abnormal[0], True, "Agree", "2026-10-20")
    with login(med["path"], "reviewer") as r:
        r.review_examination(abnormal[0], True, "Agreed, healed transection", "2026-10-20")
        r.review_examination(abnormal[2], False, "Looks like a normal variant", "2026-10-21")
        assert [q["id"] for q in r.review_queue()] == [abnormal[1]]
        assert r.review_share("2026-10-01", "2026-10-31") == {"needing": 3, "reviewed": 2}
        assert r.review_share("2026-10-02", "2026-10-02") == {"needing": 1, "reviewed": 0}
        assert r.review_share("2026-11-01", "2026-11-30") == {"needing": 0, "reviewed": 0}


# --- agreement, acute ------------------------------------------------------------------------------

def test_no_child_is_examined_by_force(med):
    with login(med["path"], "coordinator") as c:
        x = plan(c, med)
        c.record_agreement(x, child="declined", guardian="agreed")
        assert c.examination_view(x)["status"] == "declined"
        with pytest.raises(ValidationError) as e:
            c.hold_examination(x)
        assert e.value.field == "agreement_child"
        assert c.examination_view(x)["status"] == "declined"
        c.record_agreement(x, child="agreed")           # the child changed their mind
        c.hold_examination(x)
        assert c.examination_view(x)["status"] == "held"
        with pytest.raises(ValidationError):
            c.record_agreement(x, child="maybe")


def test_acute_is_derived_from_the_last_contact_and_the_setting(med):
    with login(med["path"], "coordinator") as c:
        within = plan(c, med, "2026-11-05T10:00", last_contact_at="2026-11-02T10:00:00+01:00")   # 72 h
        outside = plan(c, med, "2026-11-06T10:00", last_contact_at="2026-11-03T09:00:00+01:00")  # 73 h
        unknown = plan(c, med, "2026-11-07T10:00")
        assert [c.examination_view(x)["acute"] for x in (within, outside, unknown)] == [True, False, False]
        with pytest.raises(ValidationError):
            plan(c, med, "2026-11-08T10:00", last_contact_at="2026-11-09T10:00:00+01:00")
    with login(med["path"], "admin") as a:
        a.set_setting("medical_acute_hours", 96)
    with login(med["path"], "coordinator") as c:
        c.move_examination(outside, "2026-11-06T11:00")
        assert c.examination_view(outside)["acute"] is True


def test_update_examination_keeps_acute_derived_and_checks_the_second_examiner(med):
    with login(med["path"], "coordinator") as c:
        x = plan(c, med, "2026-11-05T10:00")
        case2 = sample_case(c)
        other = c.plan_examination(case2["id"], case2["child_id"], "initial_health_assessment", "2026-11-05T10:30", 60,
                                   examiner_id=med["reviewer"], commissioned_by="health", priority="non_urgent",
                                   time_zone=TZ)
        assert c.examination_view(x)["acute"] is False
        c.update_examination(x, last_contact_at="2026-11-04T10:00:00+01:00", examiner_credentials="Paediatrician")
        v = c.examination_view(x)
        assert (v["acute"], v["last_contact_at_utc"], v["examiner_credentials"]) == \
            (True, "2026-11-04T09:00:00.000000Z", "Paediatrician")
        with pytest.raises(ConflictsFound) as e:      # the reviewer examines another child then
            c.update_examination(x, second_examiner_id=med["reviewer"])
        assert [k.key for k in e.value.check.conflicts] == [f"staff:{med['reviewer']}:e{other}"]
        with pytest.raises(ValidationError):
            c.update_examination(x, second_examiner_id=med["medic"])
        with pytest.raises(ValidationError):
            c.update_examination(x, kind="follow_up")
        c.update_examination(x, second_examiner_id=med["reviewer"], overrides={
            f"staff:{med['reviewer']}:e{other}": "The nurse joins for the last half hour"})
        assert c.examination_view(x)["second_examiner_name"] == "Rita Reviewer"


# --- reminders -------------------------------------------------------------------------------------

def test_a_pending_result_is_a_medical_reminder_until_received(med):
    with login(med["path"], "medical") as m:
        x = plan(m, med)
        m.hold_examination(x)
        t = m.order_test(x, "pregnancy", "2026-11-02", "emergency_contraception")
        mine = [r for r in m.reminders("2026-11-10") if r.discipline == "medical"]
        assert [(r.kind, r.due.isoformat(), r.case_id) for r in mine] == \
            [("action_item", "2026-11-16", med["case"]["id"])]
    with login(med["path"], "therapist") as th:
        assert [r for r in th.reminders("2026-11-10") if r.discipline == "medical"] == []
    with login(med["path"], "medical") as m:
        rule = next(r.rule_id for r in m.reminders("2026-11-10") if r.discipline == "medical")
        with pytest.raises(ValidationError) as e:    # "done" in Today while the result is not in
            m.complete_reminder(rule, on="2026-11-10")
        assert "not recorded yet" in str(e.value)
        assert len([r for r in m.reminders("2026-11-10") if r.discipline == "medical"]) == 1
        m.record_test_result(t, "Negative", "2026-11-09")
        assert [r for r in m.reminders("2026-11-10") if r.discipline == "medical"] == []


def test_a_follow_up_needed_is_a_reminder_until_a_follow_up_is_planned(med):
    with login(med["path"], "medical") as m:
        x = plan(m, med)
        m.hold_examination(x)
        m.release_outcome(x, "follow_up_needed", follow_up_due="2026-11-30")
        assert [(r.due.isoformat()) for r in m.reminders("2026-11-20") if r.discipline == "medical"] == ["2026-11-30"]
        m.plan_examination(med["case"]["id"], med["case"]["child_id"], "follow_up", "2026-11-28T10:00", 45,
                           examiner_id=med["medic"], commissioned_by="health", priority="non_urgent", time_zone=TZ)
        assert [r for r in m.reminders("2026-11-20") if r.discipline == "medical"] == []
    with login(med["path"], "liaison") as li:
        assert li.examination_view(x)["released_outcome"] == "follow_up_needed"


# --- conflicts and the calendar -------------------------------------------------------------------

def test_an_examination_clashing_with_an_interview_in_the_room_is_a_conflict(med):
    with login(med["path"], "interviewer") as i:
        iid = i.plan_interview(med["case"]["id"], med["case"]["child_id"], "2026-11-02T10:00", 60, med["iroom"],
                               i.user_id, time_zone=TZ)
    with login(med["path"], "coordinator") as c:
        with pytest.raises(ConflictsFound) as e:
            plan(c, med, "2026-11-02T10:30", room_id=med["iroom"])
        keys = sorted(k.key for k in e.value.check.conflicts)
        assert keys == [f"child:{med['case']['child_id']}:{iid}", f"room:{med['iroom']}:{iid}"]
        x = plan(c, med, "2026-11-02T10:30", room_id=med["iroom"],
                 overrides={k: "Only room free; the child is examined right after" for k in keys})
        # and the other way round: an interview over the examination's room is a conflict too
    with login(med["path"], "interviewer") as i:
        with pytest.raises(ConflictsFound) as e:
            i.plan_interview(med["case"]["id"], med["case"]["child_id"], "2026-11-02T11:00", 30, med["iroom"],
                             i.user_id, time_zone=TZ, justification="The child asked to say more")
        assert f"room:{med['iroom']}:e{x}" in {k.key for k in e.value.check.conflicts}
    with login(med["path"], "therapist") as th:
        from datetime import date
        assert [b for b in th.calendar(date(2026, 11, 2), date(2026, 11, 2), TZ) if b.kind == "examination"] == []
        cal = th.calendar(date(2026, 11, 2), date(2026, 11, 2), TZ, include_examinations=True)
        exams = [b for b in cal if b.kind == "examination"]
        assert [(b.id, b.case_reference, b.room_name, b.staff_name, b.title) for b in exams] == \
            [(x, med["case"]["reference"], "Interview room", "Medical",
              f"Medical examination – case {med['case']['reference']}")]


def test_the_examiner_double_booked_and_the_no_contact_buffer(med):
    with login(med["path"], "coordinator") as c:
        first = plan(c, med, "2026-11-03T10:00")
        case2 = sample_case(c)
        with pytest.raises(ConflictsFound) as e:
            c.plan_examination(case2["id"], case2["child_id"], "non_acute_forensic", "2026-11-03T10:30", 30,
                               examiner_id=med["medic"], commissioned_by="social_services", priority="non_urgent",
                               time_zone=TZ)
        assert [k.key for k in e.value.check.conflicts] == [f"staff:{med['medic']}:e{first}"]
        # a sibling under a no-contact flag with the child is the child of another examination
        # 30 minutes after this one ends: inside the 60-minute buffer
        sibling = c.create_person(given_name="Sib", family_name="Lingdottir", date_of_birth="2012-01-01",
                                  acknowledge_duplicates=True)
        c.set_no_contact(med["case"]["child_id"], sibling, "Fictional reason")
        c.add_child(case2["id"], sibling, "witness")
        with pytest.raises(ConflictsFound) as e:
            c.plan_examination(case2["id"], sibling, "initial_health_assessment",
                               "2026-11-03T11:30", 30, examiner_id=med["reviewer"], commissioned_by="health",
                               priority="non_urgent", time_zone=TZ)
        assert [k.key for k in e.value.check.conflicts] == [f"no_contact:{med['case']['child_id']}:e{first}"]


def test_bad_input_is_refused_and_nothing_is_written(med):
    with login(med["path"], "coordinator") as c:
        with pytest.raises(ValidationError):
            plan(c, med, examiner_id=c.user_id)                  # not medical staff
        with pytest.raises(ValidationError):
            c.plan_examination(med["case"]["id"], med["case"]["child_id"], "x-ray", "2026-11-02T10:00", 60,
                               examiner_id=med["medic"], commissioned_by="police", priority="urgent", time_zone=TZ)
        with pytest.raises(NotFound):
            c.examination_view(999)
        assert c.case_examinations(med["case"]["id"]) == []


# --- migration ---------------------------------------------------------------------------------------

def test_a_0009_record_upgrades_and_its_first_medical_unlock_makes_the_section(tmp_path):
    """0010 holds no key: the first unlock by a medical user after the upgrade makes the medical
    section (its recovery key shown to them once, the medical lead); the sealed detail written
    then survives reopening and is not in the file read with the record key."""
    from barnahus_app.api import open_record
    from tests.core.test_schema import RECORDS, manifest
    from tests.support.records import FAST_KDF
    folder = RECORDS / "v0009"
    m = manifest(folder)
    target = tmp_path / "old-centre"
    target.mkdir()
    for f in (m["record"], m["record"] + ".keys"):
        shutil.copyfile(folder / f, target / f)
    path = target / m["record"]
    users = m["users"]
    with open_record(path, "coordinator", users["coordinator"]["password"], kdf=FAST_KDF) as c:
        assert c.upgraded_from == "0009"
        assert "medical" not in c.section_recovery_keys
        assert c.case_examinations(1) == []
    with open_record(path, "medic", users["medic"]["password"], kdf=FAST_KDF) as s:
        assert list(s.section_recovery_keys) == ["medical"]
        assert len(s.section_recovery_keys["medical"]) == 71
        x = s.plan_examination(1, 1, "non_acute_forensic", "2026-11-02T10:00", 60, examiner_id=s.user_id,
                               commissioned_by="prosecution", priority="non_urgent", time_zone=TZ)
        s.set_medical_notes(x, f"{CANARY} notes", None)
        created = [e["detail"] for e in s.audit_entries() if e["action"] == "section.created"] \
            if s.can("audit", "read") else None
    assert created is None      # medical staff do not read the audit trail
    with open_record(path, "medic", users["medic"]["password"], kdf=FAST_KDF) as s:
        assert s.examination_view(x)["detail"]["notes"] == f"{CANARY} notes"
    with open_record(path, "coordinator", users["coordinator"]["password"], kdf=FAST_KDF) as c:
        assert [e["detail"] for e in c.audit_entries() if e["action"] == "section.created"
                and e["detail"]["section"] == "medical"] == [{"section": "medical", "holders": 1, "values_moved": 0}]
