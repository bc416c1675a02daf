"""Benchmark: the minutes of a 40-case team meeting (issue 13), signed PDF and DOCX.

    python bench/bench_minutes.py [--cases 40] [--repeats 3] [--out bench/minutes_results.md]

A fresh record under .bench/minutes/ (gitignored; a fast key derivation only, which is not what is
measured) with --cases cases, each with a child and an alleged offender, and one held case review
with all of them on the agenda, made through the core: seven attendees (users and agency contacts),
per case the five agencies' updates with notes, the child's views, two decisions, two actions (one
of a user, one of an agency contact) and the outcome explained. issue_minutes is timed whole
(gather in one transaction, build, render, sign, write, fsync, register, audit), PDF (PDF/A-1b,
PAdES signed) and DOCX, plain and pseudonymised, median of --repeats after one warm-up call (shown
too: fonts and imports). Target: each <= 3 s. Prints a markdown table and writes it to --out.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barnahus_app.api import KdfParams, create_record, open_record  # noqa: E402

KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)  # unlocking is not what is measured
PASSWORD = "bench-password-1"
ZONE = "Europe/Stockholm"


def build(work: Path, cases: int) -> dict:
    from barnahus_app import vocab
    path = work / "record.barnahus"
    for p in work.glob("record.barnahus*"):
        p.unlink()
    create_record(path, "admin", PASSWORD, "Administrator", "Bench Centre", kdf=KDF)
    with open_record(path, "admin", PASSWORD, kdf=KDF) as a:
        a.add_user("coord", "Cora Coordinator", ["coordinator"], PASSWORD)
        a.add_user("ivy", "Ivy Interviewer", ["interviewer"], PASSWORD)
        a.add_user("mia", "Mia Medical", ["medical"], PASSWORD)
        room = a.create_room("Meeting room", "meeting")
        users = {u["username"]: u["id"] for u in a.list_users()}
    statuses = {agency: vocab.vocabulary(name).codes()[1] for agency, name in (
        ("police", "police_investigation_statuses"), ("prosecution", "prosecution_decision_stages"),
        ("social_services", "protection_statuses"), ("health", "medical_examination_statuses"),
        ("therapy", "therapy_engagement_statuses"))}
    with open_record(path, "coord", PASSWORD, kdf=KDF) as c:
        contacts = []
        for name, kind in (("Police Region South", "police"), ("Prosecution Office South", "prosecution"),
                           ("Social Services Malmo", "social_services")):
            agency = c.create_agency(name=name, kind=kind)
            cid = c.add_staff_contact(agency_id=agency, name=f"Officer of {name}")
            c.record_undertaking(cid, "2026-01-15")
            contacts.append((cid, kind))
        ids = []
        t0 = time.perf_counter()
        for n in range(cases):
            child = c.create_person(given_name=f"Benchchild{n}", family_name=f"Family{n}", date_of_birth="2014-05-06",
                                    acknowledge_duplicates=True)
            offender = c.create_person(given_name=f"Adult{n}", family_name=f"Offender{n}", date_of_birth="1980-01-02",
                                       acknowledge_duplicates=True)
            case = c.create_case(referral_received_at="2026-03-04T09:30:00+01:00", jurisdiction="SE",
                                 abuse_forms=["sexual_abuse_extrafamilial"], triage_level="urgent")
            c.add_child(case["id"], child, "victim")
            c.add_party(case["id"], offender, "alleged_offender", "family_friend", child)
            ids.append(case["id"])
        print(f"  {cases} cases in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        me = c.user_id
        mid = c.plan_meeting("case_review", "2026-11-10T09:00", 180, chair_id=me, minute_taker_id=me,
                             room_id=room, title="Case review, November", time_zone=ZONE)
        attendees = [{"user_id": me, "discipline": "centre", "attendance": "present"}]
        attendees += [{"user_id": users[u], "discipline": d, "attendance": "present"}
                      for u, d in (("ivy", "centre"), ("mia", "health"))]
        attendees += [{"contact_id": cid, "discipline": kind, "attendance": "present", "remote": kind == "prosecution"}
                      for cid, kind in contacts]
        c.set_attendees(mid, attendees)
        t0 = time.perf_counter()
        items = c.add_agenda_items(mid, [(cid, "review_due") for cid in ids])
        for n, (item, case_id) in enumerate(zip(items, ids)):
            c.record_item(item, discussed=True, child_heard="directly",
                          child_views=f"Benchchild{n} says school is better now and wants to keep seeing the "
                                      "therapist every week; she does not want to meet her father yet.",
                          updates={a: {"status": s, "note": f"Update {n} from {a}: the work goes on as planned, "
                                                            "next step agreed with the family."}
                                   for a, s in statuses.items()},
                          decisions=[f"Continue therapy for Benchchild{n}; review in 90 days.",
                                     "The police hand the interview record to the prosecutor before the next review."])
            c.add_team_action(case_id, "Book the next therapy sessions", "2026-11-24", owner_user_id=me, item_id=item)
            c.add_team_action(case_id, "Send the investigation update", "2026-11-20", owner_contact_id=contacts[0][0],
                              item_id=item)
            c.record_outcome_explained(item, "2026-11-11", "both")
        print(f"  the {cases}-case meeting written in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        c.hold_meeting(mid)
    return {"record": path, "meeting": mid}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=40)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "bench" / "minutes_results.md"))
    args = ap.parse_args(argv)
    load_before = os.getloadavg()[0]
    work = ROOT / ".bench" / "minutes"
    work.mkdir(parents=True, exist_ok=True)
    print("building the record ...", file=sys.stderr)
    w = build(work, args.cases)
    out_dir = work / "out"
    out_dir.mkdir(exist_ok=True)
    rows = []
    with open_record(w["record"], "coord", PASSWORD, kdf=KDF) as s:
        for fmt in ("pdf", "docx"):
            for pseudo in (False, True):
                times, sizes, pages = [], [], ""
                for run in range(args.repeats + 1):
                    out = out_dir / f"minutes-{fmt}-{'p' if pseudo else 'n'}-{run}.{fmt}"
                    out.unlink(missing_ok=True)
                    t = time.perf_counter()
                    s.issue_minutes(w["meeting"], fmt, out, pseudonymise=pseudo)
                    times.append(time.perf_counter() - t)
                    sizes.append(out.stat().st_size)
                if fmt == "pdf":
                    import pikepdf
                    with pikepdf.open(out) as p:
                        pages = str(len(p.pages))
                rows.append((fmt.upper() + (" signed" if fmt == "pdf" else ""), "yes" if pseudo else "no",
                             f"{times[0]:.2f}", f"{statistics.median(times[1:]):.2f}", pages,
                             f"{sizes[-1] / 1000:.0f} kB"))
    load_after = os.getloadavg()[0]
    lines = [f"# Minutes of a {args.cases}-case meeting (issue 13)", "",
             f"`python bench/bench_minutes.py --cases {args.cases} --repeats {args.repeats}`; "
             f"load average {load_before:.2f} before, {load_after:.2f} after; {os.cpu_count()} CPUs.", "",
             "issue_minutes timed whole: gather in one transaction, build, render (and sign), write, fsync, register, "
             "audit. Target: <= 3 s each.", "",
             "| format | pseudonymised | first call (s) | median (s) | pages | size |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
