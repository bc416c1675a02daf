"""save_intake: a whole intake (or an edit of one) as one user action in one transaction. Whatever
is refused, at whichever step, leaves the record exactly as it was, audit trail included."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import event

from barnahus_app.api import (
    DiskFull, NotFound, PermissionDenied, PossibleDuplicate, ValidationError,
)
from tests.support.records import fill_the_disk, raw, sample_case

RECEIVED = "2026-03-04T09:30:00+01:00"


# --- helpers -----------------------------------------------------------------------------------

def snapshot(session) -> dict:
    """Row counts of every table, every row of every table, and the whole audit trail."""
    conn = raw(session)
    try:
        tables = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        rows = {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
        trail = conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
        return {"counts": counts, "rows": rows, "audit": trail}
    finally:
        conn.close()


def audit_since(session, last_id: int) -> list[tuple]:
    conn = raw(session)
    try:
        return conn.execute("SELECT id, user_id, username, action, subject_kind, subject_id, detail "
                            "FROM audit_log WHERE id > ? ORDER BY id", (last_id,)).fetchall()
    finally:
        conn.close()


def last_audit_id(session) -> int:
    conn = raw(session)
    try:
        return conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
    finally:
        conn.close()


def shape(entries) -> list[tuple]:
    """Audit entries with every id replaced by the order in which it first appears, so two runs
    that make different rows can be compared entry by entry."""
    labels: dict = {}

    def label(kind, value):
        if value is None:
            return None
        return labels.setdefault((kind, value), f"{kind}#{sum(1 for k in labels if k[0] == kind) + 1}")

    out = []
    for _id, _uid, _user, action, kind, subject, detail in entries:
        d = json.loads(detail) if detail else None
        if d:
            d = {k: label("person", v) if k in ("person", "other_person") else v for k, v in d.items()}
        out.append((action, kind, label(kind, subject), d))
    return out


def full_intake(known_id: int | None = None, **override) -> dict:
    """A new case with a child (vulnerability terms, a new carer as guardian), an alleged
    offender, an existing person as witness, and no contact between child and offender."""
    args = dict(
        case_id=None,
        case_values={"referral_received_at": RECEIVED, "jurisdiction": "SE", "triage_level": "urgent",
                     "police_reference": "5000-K1-26"},
        abuse_forms=["sexual_abuse_extrafamilial"],
        persons=[
            {"key": "new:1", "values": {"given_name": "Intaka", "family_name": "Childsdottir",
                                        "date_of_birth": "2014-05-06", "languages": "sv,ar",
                                        "guardian_person_id": "new:2", "disability": "hearing aid"},
             "terms": {"risk_factors": ["isolation"]}},
            {"key": "new:2", "values": {"given_name": "Carla", "family_name": "Childsdottir",
                                        "date_of_birth": "1980-02-02"}},
            {"key": "new:3", "values": {"given_name": "Otto", "family_name": "Offenderson",
                                        "date_of_birth": "1975-03-03"}},
        ],
        links=[
            {"kind": "child", "person": "new:1", "role": "victim"},
            {"kind": "party", "person": "new:2", "role": "carer", "relationship_to_child": "parent",
             "child": "new:1"},
            {"kind": "party", "person": "new:3", "role": "alleged_offender",
             "relationship_to_child": "family_friend", "child": "new:1"},
        ],
        no_contact=[{"person": "new:3", "other": "new:1", "reason": "alleged offender"}],
    )
    if known_id is not None:
        args["links"].append({"kind": "party", "person": known_id, "role": "witness", "child": "new:1"})
    args.update(override)
    return args


# --- the whole intake in one call ------------------------------------------------------------------

def test_the_whole_intake_in_one_call(open_as):
    s = open_as("coordinator")
    known = s.create_person(given_name="Wanda", family_name="Witness", acknowledge_duplicates=True)
    before = last_audit_id(s)
    result = s.save_intake(**full_intake(known))
    assert set(result) == {"id", "reference", "person_ids"}
    assert result["reference"].startswith("BH-2026-")
    ids = result["person_ids"]
    assert set(ids) == {"new:1", "new:2", "new:3"}
    child, carer, offender = ids["new:1"], ids["new:2"], ids["new:3"]

    case = s.get_case(result["id"])
    assert case["reference"] == result["reference"]
    assert case["jurisdiction"] == "SE" and case["triage_level"] == "urgent"
    assert case["abuse_forms"] == ["sexual_abuse_extrafamilial"]
    assert [(c["person_id"], c["role"]) for c in case["children"]] == [(child, "victim")]
    assert sorted((p["person_id"], p["party_role"], p["relationship_to_child"], p["child_person_id"])
                  for p in case["parties"]) == sorted([
        (carer, "carer", "parent", child), (offender, "alleged_offender", "family_friend", child),
        (known, "witness", None, child)])
    (pair,) = case["no_contact"]
    assert {pair["person_a"], pair["person_b"]} == {child, offender} and pair["reason"] == "alleged offender"
    kid = s.get_person(child)
    assert kid["guardian_person_id"] == carer  # a reference to a new person of the same intake
    assert kid["languages"] == "sv,ar" and kid["disability"] == "hearing aid"
    assert kid["terms"]["risk_factors"] == ["isolation"]

    # One action, written whole: person.search and person.created for each new person (the
    # guardian before the child who names her), the case, who is in it, the no-contact pair.
    actions = [e[3] for e in audit_since(s, before)]
    intake = actions[:actions.index("case.party_added") + 3 + 1]
    assert intake == ["person.search", "person.created"] * 3 + [
        "case.created", "case.child_added", "case.party_added", "case.party_added", "case.party_added",
        "person.no_contact_set"]
    created = [e[5] for e in audit_since(s, before) if e[3] == "person.created"]
    assert created == [carer, child, offender]
    # The case is found by its persons' names.
    from barnahus_app.api import CaseFilter
    assert s.list_cases(CaseFilter(text="Offenderson")).total == 1


def test_the_audit_entries_are_those_of_the_separate_calls(open_as):
    s = open_as("coordinator")
    known = s.create_person(given_name="Wanda", family_name="Witness", acknowledge_duplicates=True)

    start = last_audit_id(s)
    carer = s.create_person(given_name="Carla", family_name="Childsdottir", date_of_birth="1980-02-02")
    child = s.create_person(given_name="Intaka", family_name="Childsdottir", date_of_birth="2014-05-06",
                            languages="sv,ar", guardian_person_id=carer, disability="hearing aid",
                            terms={"risk_factors": ["isolation"]})
    offender = s.create_person(given_name="Otto", family_name="Offenderson", date_of_birth="1975-03-03")
    case = s.create_case(referral_received_at=RECEIVED, jurisdiction="SE", triage_level="urgent",
                         police_reference="5000-K1-26", abuse_forms=["sexual_abuse_extrafamilial"])
    s.add_child(case["id"], child, "victim")
    s.add_party(case["id"], carer, "carer", "parent", child)
    s.add_party(case["id"], offender, "alleged_offender", "family_friend", child)
    s.add_party(case["id"], known, "witness", None, child)
    s.set_no_contact(offender, child, "alleged offender")
    separate = audit_since(s, start)

    # The same intake again, other persons (same shape), in one call. Their names are unlike the
    # first ones, so the duplicate searches find as little as they did above.
    start = last_audit_id(s)
    args = full_intake(known)
    names = {"new:1": ("Ingrid", "Newdottir"), "new:2": ("Cecilia", "Newdottir"), "new:3": ("Oskar", "Otherson")}
    for p in args["persons"]:
        p["values"]["given_name"], p["values"]["family_name"] = names[p["key"]]
    s.save_intake(**args)
    together = audit_since(s, start)

    assert shape(together) == shape(separate)
    assert {(e[1], e[2]) for e in together} == {(s.user_id, "coordinator")}


def test_an_existing_case_edited_in_one_call(open_as):
    s = open_as("coordinator")
    case = sample_case(s)
    grandma = s.create_person(given_name="Greta", family_name="Grandmother", acknowledge_duplicates=True)
    before = last_audit_id(s)
    result = s.save_intake(
        case["id"], {"status": "open", "summary": "Seen at school"}, None,
        persons=[{"id": case["child_id"], "values": {"nationality": "Swedish", "trusted_person_id": "new:1"},
                  "terms": {"protective_factors": ["trusted_adult"]}},
                 {"key": "new:1", "values": {"given_name": "Tove", "family_name": "Trusted"},
                  "acknowledge_duplicates": True},
                 {"id": grandma}],  # listed without changes: nothing to do, no entry
        links=[{"kind": "party", "person": "new:1", "role": "trusted_person", "child": case["child_id"]},
               {"kind": "child", "person": case["child_id"], "role": "witness"}])
    assert result["id"] == case["id"] and result["reference"] == case["reference"]
    got = s.get_case(case["id"])
    assert got["status"] == "open" and got["summary"] == "Seen at school"
    assert got["abuse_forms"] == ["sexual_abuse_extrafamilial"]  # None: left as it was
    assert [c["role"] for c in got["children"]] == ["witness"]
    kid = s.get_person(case["child_id"])
    assert kid["nationality"] == "Swedish" and kid["trusted_person_id"] == result["person_ids"]["new:1"]
    assert kid["terms"]["protective_factors"] == ["trusted_adult"]
    actions = [e[3] for e in audit_since(s, before)][:6]
    assert actions == ["person.created", "person.updated", "case.updated", "case.party_added",
                       "case.child_added", "case.read"]
    updated = next(e for e in audit_since(s, before) if e[3] == "person.updated")
    assert json.loads(updated[6]) == {"fields": ["nationality", "trusted_person_id"],
                                      "terms": ["protective_factors"]}
    assert "Swedish" not in repr(audit_since(s, before)) and "Seen at school" not in repr(audit_since(s, before))


# --- a refusal at any step writes nothing ------------------------------------------------------------

def _refused(s, exc, **args):
    before = snapshot(s)
    with pytest.raises(exc) as info:
        s.save_intake(**args)
    after = snapshot(s)
    assert after["counts"] == before["counts"], "a refused intake changed a row count"
    assert after["audit"] == before["audit"], "a refused intake changed the audit trail"
    assert after["rows"] == before["rows"], "a refused intake changed data"
    return info.value


def test_a_bad_case_field_writes_nothing(open_as):
    s = open_as("coordinator")
    sample_case(s)
    # The persons come first in the transaction: they are made, then undone with the case.
    err = _refused(s, ValidationError, **full_intake(case_values={"referral_received_at": "last Tuesday",
                                                                  "jurisdiction": "SE"}))
    assert err.field == "referral_received_at" and err.person is None
    assert err.message == "is not a date and time (use ISO 8601 with a time zone)."
    assert str(err) == "referral_received_at: " + err.message
    err = _refused(s, ValidationError, **full_intake(abuse_forms=["no_such_form"]))
    assert err.field == "forms of abuse"


def test_a_bad_person_field_names_the_person(open_as):
    s = open_as("coordinator")
    args = full_intake()
    args["persons"][2]["values"]["given_name"] = "N" * 300
    err = _refused(s, ValidationError, **args)
    assert (err.field, err.person) == ("given_name", "new:3")
    assert err.message == "is 300 characters long; at most 200 fit."


def test_a_duplicate_not_acknowledged_writes_nothing_until_acknowledged(open_as):
    s = open_as("coordinator")
    known = s.create_person(given_name="Otto", family_name="Offenderson", date_of_birth="1975-03-03",
                            acknowledge_duplicates=True)
    args = full_intake()
    args["persons"][0]["acknowledge_duplicates"] = True  # the duplicate is the third person
    before = snapshot(s)
    with pytest.raises(PossibleDuplicate) as info:
        s.save_intake(**args)
    dup = info.value
    after = snapshot(s)
    # Nothing of the intake is written; the user was shown the candidates, and that is audited.
    assert after["rows"] | {"audit_log": None} == before["rows"] | {"audit_log": None}
    assert after["audit"][:-1] == before["audit"]
    shown = after["audit"][-1]
    assert shown[4] == "person.search" and json.loads(shown[7]) == {"found": 1, "refused": True}
    assert dup.person == "new:3"
    assert [c["id"] for c in dup.candidates] == [known]  # only persons already in the record
    args["persons"][2]["acknowledge_duplicates"] = True
    result = s.save_intake(**args)
    assert result["person_ids"]["new:3"] != known


def test_persons_of_the_same_intake_are_not_each_others_duplicates(open_as):
    s = open_as("coordinator")
    twins = [{"key": f"new:{n}", "values": {"given_name": g, "family_name": "Twin", "date_of_birth": "2015-01-01"}}
             for n, g in ((1, "Alva"), (2, "Alvar"))]
    result = s.save_intake(None, {"referral_received_at": RECEIVED, "jurisdiction": "SE"}, persons=twins,
                           links=[{"kind": "child", "person": "new:1"}, {"kind": "child", "person": "new:2"}])
    assert len(set(result["person_ids"].values())) == 2


def test_a_child_as_alleged_offender_writes_nothing(open_as):
    s = open_as("coordinator")
    case = sample_case(s)
    # A person under 18 on the referral date.
    args = full_intake()
    args["persons"][2]["values"]["date_of_birth"] = "2012-01-01"
    err = _refused(s, ValidationError, **args)
    assert (err.field, err.person) == ("role", "new:3") and "never recorded as an offender" in err.message
    # A person who is a child in another case, named by id.
    args = full_intake()
    args["links"][2]["person"] = case["child_id"]
    err = _refused(s, ValidationError, **args)
    assert (err.field, err.person) == ("role", case["child_id"])
    # The same new person as child and as offender, in either order.
    args = full_intake()
    args["links"][2]["person"] = "new:1"
    assert _refused(s, ValidationError, **args).person == "new:1"


def test_a_reference_to_no_person_writes_nothing(open_as):
    s = open_as("coordinator")
    sample_case(s)
    args = full_intake()
    args["no_contact"] = [{"person": "new:3", "other": "new:9"}]
    err = _refused(s, ValidationError, **args)
    assert err.field == "no contact" and err.person == "new:3"
    args = full_intake()
    args["links"].append({"kind": "party", "person": 99999, "role": "witness"})
    _refused(s, NotFound, **args)
    _refused(s, ValidationError, **full_intake(persons=[{"key": "a", "id": 1}]))


def test_a_full_disk_writes_nothing(open_as):
    s = open_as("coordinator")
    sample_case(s)
    listener = fill_the_disk(s.record.engine)
    for size in (4000, 400, 40, 1):  # big rows first, then ever smaller, until nothing fits
        with pytest.raises(DiskFull):
            for i in range(2000):
                s.create_person(given_name=f"F{size}-{i}", notes="x" * size, acknowledge_duplicates=True)
    args = full_intake()
    for p in args["persons"]:
        p["acknowledge_duplicates"] = True
    _refused(s, DiskFull, **args)
    event.remove(s.record.engine, "connect", listener)
    s.record.engine.dispose()
    result = s.save_intake(**args)  # with room again, the same call stores it all
    assert len(s.get_case(result["id"])["parties"]) == 2


# --- permissions -----------------------------------------------------------------------------------

@pytest.mark.parametrize("user", ["interviewer", "therapist", "medical", "liaison", "admin"])
def test_only_a_coordinator_saves_an_intake(open_as, user):
    s = open_as(user)
    _refused(s, PermissionDenied, **full_intake())


def test_every_grant_is_checked_before_anything(open_as):
    s = open_as("coordinator")
    case = sample_case(s)
    s.close()
    # An interviewer may update persons, not the case: the call is refused as a whole.
    s = open_as("interviewer")
    _refused(s, PermissionDenied, case_id=case["id"], case_values={"summary": "x"},
             persons=[{"id": case["offender_id"], "values": {"notes": "n"}}])
    # ... and vulnerability (no grant) with a person update (granted): refused as a whole too.
    _refused(s, PermissionDenied, case_id=case["id"], case_values={},
             persons=[{"id": case["child_id"], "values": {"notes": "n"}, "terms": {"risk_factors": ["poverty"]}}])
    # What the interviewer may do goes through, and is what the record then holds.
    assert s.get_person(case["offender_id"])["notes"] is None
    s.save_intake(case["id"], {},
                  persons=[{"id": case["offender_id"], "values": {"notes": "Waited outside the school"}}])
    assert s.get_person(case["offender_id"])["notes"] == "Waited outside the school"
    assert s.get_person(case["child_id"])["notes"] is None
    s.close()
    s = open_as("therapist")
    s.save_intake(case["id"], {}, persons=[{"id": case["child_id"], "terms": {"risk_factors": ["poverty"]}}])
    assert s.get_person(case["child_id"])["terms"]["risk_factors"] == ["poverty"]


# --- case_years and ValidationError.message ------------------------------------------------------------

def test_case_years(open_as):
    s = open_as("coordinator")
    assert s.case_years() == []
    for when in ("2026-03-04T09:30:00+01:00", "2024-12-31T23:30:00-02:00", "2024-02-01T10:00:00+00:00",
                 "2026-01-01T00:30:00+01:00"):
        s.create_case(referral_received_at=when, jurisdiction="SE")
    # Years as the list's year filter counts them (UTC): 2024-12-31 23:30 -02:00 is in 2025,
    # 2026-01-01 00:30 +01:00 in 2025 too.
    assert s.case_years() == [2024, 2025, 2026]
    from barnahus_app.api import CaseFilter
    for y in (2024, 2025, 2026):
        assert s.list_cases(CaseFilter(year=y)).total > 0
    s.close()
    s = open_as("liaison")
    before = last_audit_id(s)
    assert s.case_years() == [2024, 2025, 2026]
    (entry,) = audit_since(s, before)
    assert entry[3:6] == ("case.years", None, None) and entry[2] == "liaison"
    s.close()
    with pytest.raises(PermissionDenied):
        open_as("admin").case_years()


def test_validation_error_message_and_text():
    e = ValidationError("given_name", "is required.")
    assert (e.field, e.message, e.person) == ("given_name", "is required.", None)
    assert str(e) == "given_name: is required."
