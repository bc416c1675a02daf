#!/usr/bin/env python3
"""Screenshots of the main screens for the README, made offscreen from a demo record.

    python tools/screenshots.py                  # docs/screenshots/*.png
    python tools/screenshots.py --scale 2        # as at 200 % scaling
    python tools/screenshots.py --dark           # with a dark palette
    python tools/screenshots.py --lang sv        # in Swedish

Everything is made in a temporary folder (record, settings) that is deleted afterwards; the
user's own settings and records are never touched. The names in the demo record are fictional.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEMO_PASSWORD = "demo-password-1"
SIZE = (1280, 820)


def _isolate(tmp: Path) -> None:
    for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "home/data"), ("XDG_CONFIG_HOME", "home/config"),
                     ("XDG_CACHE_HOME", "home/cache"), ("TMPDIR", "home/tmp")):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(tmp / sub)
    os.environ["TZ"] = "Europe/Stockholm"  # the demo centre's clock, whatever this machine's is


def _wait(app, condition, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the screen did not get ready in time")
        time.sleep(0.01)


def build_record(path: Path, kdf) -> None:
    """The demo record: barnahus_app.demo.build if it is there, else a few cases made here."""
    try:
        from barnahus_app.demo.build import build_demo_record
    except ImportError:
        build_demo_record = None
    if build_demo_record is not None:
        import inspect
        params = inspect.signature(build_demo_record).parameters
        kwargs = {"kdf": kdf} if "kdf" in params else {}
        build_demo_record(path, "admin", DEMO_PASSWORD, 3000, 1, **kwargs)
        return
    from barnahus_app.api import create_record, open_record
    create_record(path, "admin", DEMO_PASSWORD, "Alex Administrator", "Barnahus Demo Centre", kdf=kdf)
    with open_record(path, "admin", DEMO_PASSWORD, kdf=kdf) as s:
        s.add_user("coordinator", "Kim Coordinator", ["coordinator"], DEMO_PASSWORD)
        s.add_user("interviewer", "Sam Interviewer", ["interviewer"], DEMO_PASSWORD)
        s.add_user("liaison", "Robin Liaison", ["liaison"], DEMO_PASSWORD)
    children = [("Elin", "Fiktiv", "2014-03-02"), ("Noah", "Exempelsson", "2011-11-20"),
                ("Maja", "Påhittad", "2016-07-14"), ("Omar", "Demosson", "2009-01-30"),
                ("Liv", "Testdotter", "2013-05-09"), ("Ali", "Prov", "2012-09-17")]
    forms = ["sexual_abuse_extrafamilial", "online_grooming", "physical_violence", "sexual_abuse_intrafamilial"]
    with open_record(path, "coordinator", DEMO_PASSWORD, kdf=kdf) as s:
        for i, (given, family, dob) in enumerate(children):
            child = s.create_person(given_name=given, family_name=family, date_of_birth=dob,
                                    dob_status="verified", acknowledge_duplicates=True)
            case = s.create_case(referral_received_at=f"2026-0{1 + i % 9}-1{i}T09:30:00+01:00",
                                 jurisdiction="SE", abuse_forms=[forms[i % len(forms)]],
                                 triage_level="urgent" if i % 2 else "routine", emergency=(i == 1),
                                 summary="Fictional demo case.")
            s.add_child(case["id"], child, "victim")
            if i % 2 == 0:
                other = s.create_person(given_name="Alleged", family_name=f"Demoperson {i}",
                                        date_of_birth="1980-01-01", acknowledge_duplicates=True)
                s.add_party(case["id"], other, "alleged_offender", "family_friend", child)
                s.set_no_contact(child, other, "alleged offender")


def cats_answers(total: int) -> dict:
    """Answers to the 20 CATS 7-17 items (0-3) that add up to total: threes first."""
    values = [3] * (total // 3) + ([total % 3] if total % 3 else [])
    values += [0] * (20 - len(values))
    return {f"s{i}": v for i, v in enumerate(values, 1)}


def psychosocial_story(session, case_id: int, child_id: int, today=None) -> None:
    """A therapist's three years with a child, made through the core (fictional): CATS screens
    every few months that fall with trauma-focused CBT, rise again after a relapse and fall with
    family therapy; the episodes with their sessions (some missed), the prompts of the screens at
    or above the cut-off resolved, a crisis contact, a recovery plan and re-screening every six
    months."""
    from datetime import date, datetime, time as clock, timedelta, timezone

    today = today or date.today()

    def ago(days: int) -> str:
        return (today - timedelta(days=days)).isoformat()

    screens = [(1040, "baseline", 33), (950, "during_treatment", 27), (860, "during_treatment", 20),
               (770, "end_of_treatment", 13), (590, "follow_up", 11), (420, "follow_up", 24),
               (330, "baseline", 26), (240, "during_treatment", 18), (150, "during_treatment", 12),
               (60, "end_of_treatment", 8)]
    first = session.start_episode(case_id, child_id, "tf_cbt", started_on=ago(1020), therapist_id=session.user_id)
    for k, day in enumerate(range(1015, 790, -14)):
        session.record_session(first, held_on=ago(day), status="missed" if k in (3, 9) else "attended",
                               carer_took_part=k % 4 == 0)
    session.end_episode(first, ended_on=ago(780), end_reason="completed")
    second = session.start_episode(case_id, child_id, "family_therapy", started_on=ago(400),
                                   therapist_id=session.user_id)
    for k, day in enumerate(range(395, 20, -21)):
        session.record_session(second, held_on=ago(day), status="cancelled" if k == 6 else "attended",
                               carer_took_part=True, notes="Demo (fictional): session notes." if day < 60 else None)
    for day, point, total in screens:
        aid = session.record_administration(case_id, child_id, "CATS-7-17", time_point=point, respondent="child",
                                            administered_on=ago(day), answers=cats_answers(total))
        if total >= 21:
            session.resolve_screen(aid, action="diagnostic_assessment")
    session.record_crisis_contact(case_id, child_id, occurred_at=datetime.combine(
        today - timedelta(days=410), clock(19, 40), tzinfo=timezone.utc).isoformat(),
        notes="Demo (fictional): a call in the evening.")
    session.add_recovery_goal(case_id, child_id, domain="education", goal="Back at school full days",
                              helper="School counsellor (fictional)", review_on=(today + timedelta(days=21)).isoformat())
    session.add_recovery_goal(case_id, child_id, domain="safety", goal="A safety plan the child knows by heart",
                              helper={"user_id": session.user_id})
    goal = session.add_recovery_goal(case_id, child_id, domain="social", goal="Back at football practice")
    session.update_recovery_goal(goal, status="achieved")
    session.set_rescreen(case_id, child_id, "CATS-7-17", every_months=6)


def justice_story(session, today=None) -> None:
    """A liaison's month, made through the core (fictional), in four open cases with no
    proceeding yet: a charge decision awaited for two months, a hearing at 09:30 in twelve
    days, a release in six weeks (the family to be told before it), a state-fund claim due in
    three weeks."""
    from datetime import date, timedelta
    from sqlalchemy import select
    from barnahus_app.demo.justice import PR, _candidates

    today = today or date.today()

    def day(n: int) -> str:
        return (today + timedelta(days=n)).isoformat()

    with session.record.transaction() as conn:
        taken = {r[0] for r in conn.execute(select(PR.c.case_id))}
        cases = [r for r in _candidates(conn, None) if r[0] not in taken][:4]
    if len(cases) < 4:
        return
    (a, *_), (b, *_), (c, *_), (d, *_) = cases
    offender = {r[0]: r[4] for r in cases}
    waiting = session.open_proceeding(a, offender[a], "criminal", police_reference="POL-DEMO-W")
    session.record_justice_event(waiting, "reported_to_police", day(-75))
    session.record_justice_event(waiting, "investigation_opened", day(-60))
    court = session.open_proceeding(b, offender[b], "criminal")
    session.record_justice_event(court, "reported_to_police", day(-200))
    session.record_justice_event(court, "charge_decision", day(-150), decision="charged", charges=["rape_child"])
    session.record_justice_event(court, "indictment", day(-120))
    session.schedule_hearing(court, at=day(12) + "T09:30")
    done = session.open_proceeding(c, offender[c], "criminal")
    session.record_justice_event(done, "reported_to_police", day(-400))
    session.record_justice_event(done, "charge_decision", day(-330), decision="charged", charges=["rape_child"])
    session.record_justice_event(done, "indictment", day(-300))
    (charge,) = next(p for p in session.justice_summary(c)["proceedings"] if p["id"] == done)["charges"]
    session.record_justice_event(done, "verdict", day(-240), charge_id=charge["id"], verdict="convicted")
    session.record_justice_event(done, "sentence", day(-230), release_on=day(42))
    session.record_rights_explained(c, "at_verdict", day(-225))
    session.open_claim(d, "state_fund", "child", currency="SEK", deadline_on=day(21))


def dark_palette():
    from PySide6.QtGui import QColor, QPalette
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f", QPalette.ColorRole.AlternateBase: "#333333",
        QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#3d6fa8",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e8e8e8", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Mid: "#444444",
        QPalette.ColorRole.Midlight: "#3a3a3a", QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Light: "#505050", QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--dark", action="store_true")
    ap.add_argument("--lang", default="en", choices=("en", "sv"))
    ap.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="the window, WIDTHxHEIGHT (1280x820)")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = ("" if args.scale == 1.0 else f"_{int(args.scale * 100)}") + ("_dark" if args.dark else "") \
        + ("" if args.lang == "en" else f"_{args.lang}")

    with tempfile.TemporaryDirectory(prefix="barnahus-shots-") as tmpdir:
        tmp = Path(tmpdir)
        _isolate(tmp)
        from PySide6.QtWidgets import QApplication

        from barnahus_app.api import KdfParams, open_record
        from ui.shell import app as ui_app
        from ui.shell.first_run import FirstRunWizard
        from ui.shell.main_window import MainWindow
        from ui.common.tasks import busy

        app = QApplication([sys.argv[0]])
        app.setOrganizationName("Barnahus")
        app.setApplicationName("Barnahus Case Record")
        app.setWindowIcon(ui_app.app_icon())
        if args.dark:
            app.setPalette(dark_palette())
        ui_app.install_translators(app, args.lang)
        kdf = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)  # a throwaway record
        w, h = (int(n) for n in args.size.lower().split("x"))

        def shot(widget, name: str) -> None:
            app.processEvents()
            target = out / f"{name}{suffix}.png"
            widget.grab().save(str(target))
            print(target)

        # 1. First run: the recovery key page.
        wiz = FirstRunWizard(kdf, default_folder=tmp / "wizard", confirm_group=3)
        wiz.show()
        wiz.next()
        wiz.next()
        wiz.zone_page.zone_combo.set_value("Europe/Stockholm")
        wiz.next()
        a = wiz.admin_page
        a.centre_edit.setText("Barnahus Demo Centre")
        a.username_edit.setText("admin")
        a.fullname_edit.setText("Alex Administrator")
        a.password_edit.setText(DEMO_PASSWORD)
        a.again_edit.setText(DEMO_PASSWORD)
        wiz.next()
        _wait(app, lambda: wiz.currentId() == FirstRunWizard.KEY)
        shot(wiz, "first_run_recovery_key")
        wiz.key_confirmed = True
        wiz.close()

        # 2. Unlock.
        record = tmp / "demo" / "record.barnahus"
        build_record(record, kdf)
        from ui.common import prefs
        prefs.remove_recent_record(tmp / "wizard" / "record.barnahus")
        prefs.add_recent_record(record)
        win = MainWindow(record, kdf)
        win.resize(w, h)
        win.show()
        win.show_unlock("coordinator")
        win.unlock_panel.user_edit.setText("coordinator")
        shot(win, "unlock")

        # 3. Today: the first screen after unlock for the case lead (follow-up reminders).
        win.on_unlocked(open_record(record, "coordinator", DEMO_PASSWORD, kdf=kdf))
        if win.message_bar is not None:
            win.message_bar.dismiss()
        today = getattr(win, "today", None)
        if today is not None:
            _wait(app, lambda: not today.is_loading() and today.counts() is not None)
            today.focus_list()
            shot(win, "today")

        # 4. The case list.
        win.go("cases")
        shot(win, "case_list")

        # 5. A case workspace (the first case that has a no-contact flag, if any).
        session = win.session
        rows = session.list_cases(limit=50).rows
        chosen = rows[0]["id"] if rows else None
        for r in rows:
            if session.get_case(r["id"]).get("no_contact"):
                chosen = r["id"]
                break
        if chosen is not None:
            win.open_case(chosen)
            shot(win, "case_workspace")

        # 6. The calendar, this week; a case's interviews with its recordings and custody.
        if "calendar" in win.nav_keys():
            from collections import Counter
            from datetime import date, timedelta
            from barnahus_app.timeutil import parse_utc, zone_info
            zone = win.calendar.time_zone()
            around = session.calendar(date.today() - timedelta(days=28), date.today() + timedelta(days=28), zone)
            days = Counter(parse_utc(b.starts_at_utc).astimezone(zone_info(zone)).date() for b in around)
            weeks = Counter()   # the busiest week, by its Monday
            for d, n in days.items():
                weeks[d - timedelta(days=d.weekday())] += n
            win.go("calendar")
            win.calendar.set_mode("week")
            if weeks:
                monday = max(weeks, key=lambda d: (weeks[d], d))
                win.calendar.set_date(max((d for d in days if 0 <= (d - monday).days < 7),
                                          key=lambda d: (days[d], d)))
            _wait(app, lambda: not win.calendar.loading)   # the bookings are read off the GUI thread
            app.processEvents()
            shot(win, "calendar")
        with_recordings = None
        for r in rows:
            ivs = session.case_interviews(r["id"])
            if any(iv["recordings"] for iv in ivs):
                with_recordings = r["id"]
                break
        if with_recordings is not None:
            win.open_case(with_recordings)
            ws = win.workspace_entries()[-1].workspace
            page = getattr(ws, "interviews_page", None)
            if page is not None:
                ws.tabs.setCurrentWidget(page)
                app.processEvents()
                _wait(app, lambda: not page.loading)   # the interviews are read off the GUI thread
                app.processEvents()   # and the layout follows the rows that came
                shot(win, "case_interviews")
            docs = getattr(ws, "documents_page", None)
            if docs is not None and session.can("case", "export"):
                session.write_case_summary(with_recordings, tmp / "summary.pdf", "pdf")
                session.write_case_summary(with_recordings, tmp / "summary-pseudonymised.pdf", "pdf",
                                           pseudonymise=True)
                ws.tabs.setCurrentWidget(docs)
                app.processEvents()
                docs.refresh()
                _wait(app, lambda: not docs.loading)   # the register is read off the GUI thread
                app.processEvents()   # and the layout follows the rows that came
                shot(win, "case_documents")
        # 6b. A case's team and referrals: the case with the most referrals (the demo's MDT).
        if session.can("referral", "read"):
            from collections import Counter
            counts = Counter(r["case_id"] for r in session.referrals())
            if counts:
                team_case = max(counts, key=lambda c: (counts[c], -c))
                win.open_case(team_case, "team")
                ws = next(e.workspace for e in win.workspace_entries() if e.case_id == team_case)
                team = getattr(ws, "team_page", None)
                if team is not None:
                    _wait(app, lambda: not team.loading and team.team is not None)   # read off the GUI thread
                    app.processEvents()
                    shot(win, "case_team")
        # 6d. A case's Follow-up tab: the child whose plan has the most rules with a history.
        if session.can("followup", "read"):
            from collections import Counter
            from barnahus_app.followup.tables import FollowUpEvent, FollowUpRule
            from sqlalchemy import select
            R, EV = FollowUpRule.__table__, FollowUpEvent.__table__
            with session.record.transaction() as conn:
                rows = conn.execute(select(R.c.case_id, R.c.id).join(EV, EV.c.rule_id == R.c.id)
                                    .where(R.c.case_id.isnot(None))).all()
            counts = Counter(r[0] for r in rows)
            if counts:
                fu_case = max(counts, key=lambda c: (counts[c], -c))
                per_rule = Counter(r[1] for r in rows if r[0] == fu_case)
                rule = max(per_rule, key=lambda r: (per_rule[r], r))   # the longest history
                win.open_case(fu_case, "followup")
                ws = next(e.workspace for e in win.workspace_entries() if e.case_id == fu_case)
                page = ws.feature_tabs.get("followup")
                if page is not None:
                    _wait(app, lambda: not page.loading)   # read off the GUI thread
                    page.select_rule(rule)
                    _wait(app, lambda: not page.loading)
                    app.processEvents()
                    shot(win, "case_followup")
        # 6e. A case's Justice tab: a convicted offender's proceeding with a release date still to tell
        # the family of, and a compensation claim paid (the demo's "convicted" pattern).
        if session.can("justice", "read"):
            from barnahus_app.justice.actions import CL as CLAIMS, PR as PROCS
            from sqlalchemy import select
            with session.record.transaction() as conn:
                found = conn.execute(select(PROCS.c.case_id, PROCS.c.id).join(CLAIMS, CLAIMS.c.proceeding_id == PROCS.c.id)
                                     .where(PROCS.c.release_on.isnot(None), PROCS.c.release_informed_on.is_(None))
                                     .order_by(PROCS.c.id).limit(1)).first()
            if found is not None:
                win.open_case(found[0], "justice")
                ws = next(e.workspace for e in win.workspace_entries() if e.case_id == found[0])
                page = ws.feature_tabs.get("justice")
                if page is not None:
                    _wait(app, lambda: not page.loading)   # read off the GUI thread
                    page.select_rule(found[1])
                    _wait(app, lambda: not page.loading)
                    app.processEvents()
                    shot(win, "case_justice")
        # 6c. The Meetings page: the past year's meetings, the latest held one open at its minutes.
        if "meetings" in win.nav_keys():
            from datetime import date, timedelta
            held = [m for m in session.meetings(date.today() - timedelta(days=365), date.today())
                    if m["status"] in ("held", "approved")]
            win.go("meetings")
            page = win.page("meetings")
            _wait(app, lambda: not page.loading)
            if held:
                latest = max(held, key=lambda m: m["starts_at_utc"])
                page.range_combo.setCurrentIndex(page.range_combo.findData("past"))
                _wait(app, lambda: not page.loading)
                page.show_meeting(latest["id"])
                _wait(app, lambda: not page.loading and (page.view or {}).get("id") == latest["id"])
                page.tabs.setCurrentWidget(page.minutes)
            app.processEvents()
            shot(win, "meetings")
        _wait(app, lambda: not busy())   # a lock waits for calls still running
        win.lock()
        _wait(app, lambda: not win.autobackup.running, 300.0)   # the lock's automatic backup, if due
        shot(win, "locked")

        # 7. Administration.
        win.on_unlocked(open_record(record, "admin", DEMO_PASSWORD, kdf=kdf))
        if win.message_bar is not None:
            win.message_bar.dismiss()
        win.go("admin")
        _wait(app, lambda: not win.admin.loading)   # the users and settings are read off the GUI thread
        app.processEvents()
        shot(win, "administration")
        win.lock()
        _wait(app, lambda: not win.autobackup.running, 300.0)

        # 8. The Medical tab, as medical staff see it: the case with the most examinations.
        session = open_record(record, "medical", DEMO_PASSWORD, kdf=kdf)
        win.on_unlocked(session)
        if win.message_bar is not None:
            win.message_bar.dismiss()
        if session.can("medical", "read"):
            from collections import Counter
            from barnahus_app.medical.tables import MedicalExamination
            from sqlalchemy import select
            with session.record.transaction() as conn:
                counts = Counter(r[0] for r in conn.execute(select(MedicalExamination.__table__.c.case_id)))
            if counts:
                case_id = max(counts, key=lambda c: (counts[c], -c))
                win.open_case(case_id, "medical")
                ws = next(e.workspace for e in win.workspace_entries() if e.case_id == case_id)
                page = ws.feature_tabs.get("medical")
                if page is not None:
                    _wait(app, lambda: not page.loading)   # read off the GUI thread
                    with_findings = [i for i, x in enumerate(page.exams)
                                     if x.get("status") == "held" and (x.get("detail") or {}).get("findings")]
                    if with_findings:
                        page.x_view.selectRow(with_findings[-1])
                    app.processEvents()
                    shot(win, "case_medical")
        _wait(app, lambda: not busy())   # a lock waits for calls still running
        win.lock()
        _wait(app, lambda: not win.autobackup.running, 300.0)

        # 9. The Psychosocial tab, as the therapist sees it: a child of 7-17 with three years of
        # screens, two treatment episodes and a recovery plan, made here through the core.
        session = open_record(record, "therapist", DEMO_PASSWORD, kdf=kdf)
        if session.can("therapy", "read"):
            from datetime import date
            rows = session.list_cases(limit=200).rows
            chosen = None
            for r in rows:
                case = session.get_case(r["id"])
                ages = [(c["person_id"], c.get("date_of_birth") or "") for c in case.get("children") or []]
                fits = [pid for pid, dob in ages if dob and 11 <= date.today().year - int(dob[:4]) <= 14]   # 7-17 three years ago
                if len(ages) == 1 and fits:
                    chosen = (r["id"], fits[0])
                    break
            if chosen is not None:
                psychosocial_story(session, *chosen)
            win.on_unlocked(session)
            if win.message_bar is not None:
                win.message_bar.dismiss()
            if chosen is not None:
                win.open_case(chosen[0], "psychosocial")
                ws = next(e.workspace for e in win.workspace_entries() if e.case_id == chosen[0])
                page = ws.feature_tabs.get("psychosocial")
                if page is not None:
                    _wait(app, lambda: not page.loading and page.chart.trend is not None)
                    app.processEvents()
                    shot(win, "case_psychosocial")
            win.lock()
            _wait(app, lambda: not win.autobackup.running, 300.0)
        else:
            session.close()

        # 10. Today of the police / prosecution liaison: the justice track on top (hearings,
        # decisions awaited, release dates, compensation deadlines), then their reminders.
        session = open_record(record, "liaison", DEMO_PASSWORD, kdf=kdf)
        justice_story(session)
        win.on_unlocked(session)
        if win.message_bar is not None:
            win.message_bar.dismiss()
        today = getattr(win, "today", None)
        if today is not None:
            win.go("today")
            _wait(app, lambda: not today.is_loading() and today.counts() is not None)
            today.focus_list()
            shot(win, "today_liaison")
        _wait(app, lambda: not busy())
        win.lock()
        _wait(app, lambda: not win.autobackup.running, 300.0)
        win.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
