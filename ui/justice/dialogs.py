"""The Justice tab's dialogs: each is one core call (FormDialog: the core's message beside the
field it names; what was typed stays when the core refuses it). Which events and statuses are
offered comes from the core (allowed_events, claim_next_statuses); the core decides anyway."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit

from barnahus_app.justice.actions import RELEASE_NOTICE_DAYS, allowed_events, claim_next_statuses

from ui.common.dates import DateField, date_text, local_datetime_text
from ui.common.feedback import FormDialog
from ui.common.vocab_widgets import ChoiceCombo, VocabChecklist, VocabCombo, jurisdiction_choices, term_label
from ui.justice.money import money_text, parse_amount
from ui.medical.dialogs import named_text_box

EARLIEST = date(1950, 1, 1)


def _line(name: str, text: str = "") -> QLineEdit:
    w = QLineEdit(text or "")
    w.setObjectName(name)
    return w


def charge_text(charge: dict, offences: list | None = None) -> str:
    """A charge: the alleged offence it names (category and date) when the case's offences are
    at hand, else its category."""
    offence = next((o for o in offences or [] if charge.get("offence_id") and o["offence_id"] == charge["offence_id"]),
                   None)
    return offence_text(offence) if offence else term_label("offence_categories", charge.get("category"))


def offence_text(offence: dict) -> str:
    """An alleged offence as a choice: its category and, when known, its date."""
    text = term_label("offence_categories", offence.get("category"))
    return f"{text}, {date_text(offence['offence_date'])}" if offence.get("offence_date") else text


class OffenceDialog(FormDialog):
    """An alleged offence of the case, for its statute of limitations (the core computes it and
    keeps its warning reminder). With `offence` (a row of limitation_status) it changes that one:
    only what was changed is sent."""

    width_em = 32
    ALIASES = {"victim_person_id": "victim"}

    def __init__(self, session, case_id: int, children: list, parent=None, *, offence: dict | None = None):
        self.case_id = case_id
        self.children = children
        self.offence = offence
        self.offence_id: int | None = offence["offence_id"] if offence else None
        super().__init__(session, parent)
        self.setObjectName("justiceOffenceDialog")
        if offence is None:
            self.setWindowTitle(self.tr("Add an alleged offence"))
            self.ok_button.setText(self.tr("&Add"))
        else:
            self.setWindowTitle(self.tr("Change the alleged offence"))
            self.ok_button.setText(self.tr("&Save"))
        self.intro.setText(self.tr("Its statute of limitations is worked out from the category, the date and the "
                                   "jurisdiction; a warning appears among the reminders before it ends."))
        self.category.setFocus()

    def build(self) -> None:
        o = self.offence or {}
        self.category = VocabCombo("offence_categories", placeholder_text=self.tr("Choose"))
        self.category.setObjectName("justiceOffenceCategory")
        self.category.set_value(o.get("category"))
        self.add_field("category", self.tr("&Offence:"), self.category, accessible=self.tr("Offence"))
        self.on = DateField(empty_text=self.tr("Not known"), earliest=EARLIEST, latest=date.today())
        self.on.setObjectName("justiceOffenceDate")
        if o.get("offence_date"):
            self.on.set_value(date.fromisoformat(o["offence_date"]))
        self.add_field("offence_date", self.tr("&Date of the offence:"), self.on,
                       accessible=self.tr("Date of the offence"))
        self.victim = ChoiceCombo(self.children, placeholder_text=self.tr("Choose"))
        self.victim.setObjectName("justiceOffenceVictim")
        self.victim.set_value(o.get("victim_person_id"))
        self.add_field("victim", self.tr("C&hild:"), self.victim, accessible=self.tr("The child it was against"))
        self.set_row_visible("victim", len(self.children) > 1)
        self.jurisdiction = ChoiceCombo(jurisdiction_choices(), empty_text=self.tr("The case's"))
        self.jurisdiction.setObjectName("justiceOffenceJurisdiction")
        self.jurisdiction.set_value(o.get("jurisdiction"))
        self.add_field("jurisdiction", self.tr("&Jurisdiction:"), self.jurisdiction,
                       accessible=self.tr("Jurisdiction"))

    def operation(self):
        category = self.category.value()
        values = {"offence_date": self.on.value()}
        if len(self.children) > 1:
            values["victim_person_id"] = self.victim.value()
        if self.jurisdiction.value() is not None:
            values["jurisdiction"] = self.jurisdiction.value()
        s = self.session
        if self.offence is None:
            cid = self.case_id
            return lambda: s.add_alleged_offence(cid, category, **values)
        values["category"] = category
        changed = {k: v for k, v in values.items() if v != self.offence.get(k)}
        oid = self.offence_id
        if not changed:
            return lambda: oid
        return lambda: (s.update_alleged_offence(oid, **changed), oid)[1]

    def succeeded(self, result) -> None:
        self.offence_id = result


class ProceedingDialog(FormDialog):
    """A proceeding against an alleged offender of the case, for one of its children."""

    width_em = 32
    ALIASES = {"offender_person_id": "offender", "child_person_id": "child", "offence_id": "offence"}

    def __init__(self, session, case_id: int, offenders: list, children: list, parent=None,
                 offences: list | None = None):
        self.case_id = case_id
        self.offenders = offenders
        self.children = children
        self.offences = offences or []
        self.proceeding_id: int | None = None
        super().__init__(session, parent)
        self.setObjectName("justiceProceedingDialog")
        self.setWindowTitle(self.tr("New proceeding"))
        self.ok_button.setText(self.tr("&Open"))
        self.kind.setFocus()

    def build(self) -> None:
        self.kind = VocabCombo("justice_proceeding_kinds")
        self.kind.setObjectName("justiceKindCombo")
        self.kind.set_value("criminal")
        self.add_field("kind", self.tr("&Kind:"), self.kind, accessible=self.tr("Kind of proceeding"))
        self.offender = ChoiceCombo(self.offenders, placeholder_text=self.tr("Choose"))
        self.offender.setObjectName("justiceOffenderCombo")
        if len(self.offenders) == 1:
            self.offender.set_value(self.offenders[0][0])
        self.add_field("offender", self.tr("&Against:"), self.offender, accessible=self.tr("Alleged offender"),
                       hint="" if self.offenders else self.tr("Add the alleged offender to the case on the Persons "
                                                              "tab first."))
        self.child = ChoiceCombo(self.children, placeholder_text=self.tr("Choose"))
        self.child.setObjectName("justiceChildCombo")
        self.add_field("child", self.tr("C&hild:"), self.child, accessible=self.tr("Child"))
        self.set_row_visible("child", len(self.children) > 1)
        self.police = _line("justicePoliceReference")
        self.add_field("police_reference", self.tr("&Police reference:"), self.police)
        self.court = _line("justiceCourtReference")
        self.add_field("court_reference", self.tr("Co&urt reference:"), self.court)
        self.offence = ChoiceCombo(self.offences, empty_text=self.tr("None"))
        self.offence.setObjectName("justiceProceedingOffence")
        self.add_field("offence", self.tr("Alleged o&ffence:"), self.offence, accessible=self.tr("Alleged offence"),
                       hint=self.tr("Its limitation warning is shown with the proceeding."))
        self.set_row_visible("offence", bool(self.offences))

    def operation(self):
        s, cid = self.session, self.case_id
        kind, offender = self.kind.value(), self.offender.value()
        child = self.child.value() if len(self.children) > 1 else None
        police, court = self.police.text().strip() or None, self.court.text().strip() or None
        offence = self.offence.value()
        return lambda: s.open_proceeding(cid, offender, kind, child_person_id=child, offence_id=offence,
                                         police_reference=police, court_reference=court)

    def succeeded(self, result) -> None:
        self.proceeding_id = result


class ProceedingOffenceDialog(FormDialog):
    """Which of the case's alleged offences a proceeding is about (its limitation warning is shown
    with the proceeding), or none."""

    width_em = 30
    ALIASES = {"offence_id": "offence"}

    def __init__(self, session, proceeding: dict, offences: list, parent=None):
        self.proceeding = proceeding
        self.offences = offences
        super().__init__(session, parent)
        self.setObjectName("justiceProceedingOffenceDialog")
        self.setWindowTitle(self.tr("The proceeding's alleged offence"))
        self.ok_button.setText(self.tr("&Save"))
        self.offence.setFocus()

    def build(self) -> None:
        self.offence = ChoiceCombo(self.offences, empty_text=self.tr("None"))
        self.offence.setObjectName("justiceProceedingOffenceChoice")
        self.offence.set_value(self.proceeding.get("offence_id"))
        self.add_field("offence", self.tr("&Alleged offence:"), self.offence, accessible=self.tr("Alleged offence"))

    def operation(self):
        s, pid, offence = self.session, self.proceeding["id"], self.offence.value()
        if offence == self.proceeding.get("offence_id"):
            return lambda: None
        return lambda: s.update_proceeding(pid, offence_id=offence)


class EventDialog(FormDialog):
    """A dated event of a proceeding: only the events its flow allows where it stands. A verdict
    is given on one charge at a time (each charge its own outcome)."""

    width_em = 34
    ALIASES = {"charge_id": "charge"}

    def __init__(self, session, proceeding: dict, parent=None, *, offences: list | None = None):
        self.proceeding = proceeding
        # the case's alleged offences against this proceeding's child (rows of limitation_status)
        self.offences = [o for o in offences or [] if o.get("victim_person_id") == proceeding.get("child_person_id")]
        super().__init__(session, parent)
        self.setObjectName("justiceEventDialog")
        self.setWindowTitle(self.tr("Record an event"))
        self.intro.setText(self.tr("Where it stands: %1.").replace(
            "%1", term_label("justice_proceeding_statuses", proceeding["status"])))
        self.ok_button.setText(self.tr("&Record"))
        self.kind.setFocus()
        self._changed()

    def build(self) -> None:
        p = self.proceeding
        kinds = [k for k in allowed_events(p["kind"], p["status"]) if k != "hearing"]   # Schedule hearing…
        self.kind = ChoiceCombo([(k, term_label("justice_event_kinds", k)) for k in kinds])
        self.kind.setObjectName("justiceEventKind")
        if kinds:
            self.kind.set_value(kinds[0])
        self.add_field("kind", self.tr("&Event:"), self.kind, accessible=self.tr("Event"))
        self.kind.valueChanged.connect(lambda _v: self._changed())
        self.on = DateField(earliest=EARLIEST, latest=date.today())
        self.on.setObjectName("justiceEventOn")
        self.add_field("on", self.tr("&Date:"), self.on, accessible=self.tr("Date"))
        self.decision = VocabCombo("justice_charge_decisions", placeholder_text=self.tr("Choose"))
        self.decision.setObjectName("justiceDecision")
        self.add_field("decision", self.tr("De&cision:"), self.decision, accessible=self.tr("Decision"))
        self.decision.valueChanged.connect(lambda _v: self._changed())
        self.reason = named_text_box(self, "justiceReason", 3)
        self.add_field("reason", self.tr("Rea&son:"), self.reason, accessible=self.tr("Reason"))
        self.charges = VocabChecklist("offence_categories", visible_rows=6)
        self.charges.setObjectName("justiceCharges")
        # The case's recorded offences come first: a charge naming one keeps its date and limitation.
        for row, o in enumerate(self.offences):
            self.charges.insert_choice(row, o["offence_id"], self.tr("%1 (recorded alleged offence)").replace(
                "%1", offence_text(o)), checked=o["offence_id"] == p.get("offence_id"))
        self.add_field("charges", self.tr("C&harges:"), self.charges, accessible=self.tr("Charges"))
        waiting = [c for c in p.get("charges") or [] if c.get("verdict") is None or p["status"] == "appealed"]
        self.charge = ChoiceCombo([(c["id"], charge_text(c, self.offences)) for c in waiting],
                                  placeholder_text=self.tr("Choose"))
        self.charge.setObjectName("justiceVerdictCharge")
        if waiting:
            self.charge.set_value(waiting[0]["id"])
        self.add_field("charge", self.tr("C&harge:"), self.charge, accessible=self.tr("Charge"))
        self.verdict = VocabCombo("justice_verdicts", placeholder_text=self.tr("Choose"))
        self.verdict.setObjectName("justiceVerdict")
        self.add_field("verdict", self.tr("&Verdict:"), self.verdict, accessible=self.tr("Verdict"))
        self.release = DateField(empty_text=self.tr("Not known yet"), earliest=EARLIEST)
        self.release.setObjectName("justiceSentenceRelease")
        self.add_field("release_on", self.tr("Re&lease date:"), self.release, accessible=self.tr("Release date"))
        self.outcome = VocabCombo("justice_final_outcomes", placeholder_text=self.tr("Choose"))
        self.outcome.setObjectName("justiceOutcome")
        self.add_field("outcome", self.tr("&Outcome:"), self.outcome, accessible=self.tr("Outcome"))

    def _changed(self) -> None:
        kind = self.kind.value()
        self.set_row_visible("decision", kind == "charge_decision")
        self.set_row_visible("reason", kind == "charge_decision" and self.decision.value() == "declined")
        self.set_row_visible("charges", kind == "charge_decision" and self.decision.value() == "charged")
        self.set_row_visible("charge", kind == "verdict")
        self.set_row_visible("verdict", kind == "verdict")
        self.set_row_visible("release_on", kind == "sentence")
        self.set_row_visible("outcome", kind == "final_disposition")
        self.grow_to_fit()

    def operation(self):
        s, pid, kind, on = self.session, self.proceeding["id"], self.kind.value(), self.on.value()
        kw: dict = {}
        if kind == "charge_decision":
            kw["decision"] = self.decision.value()
            if kw["decision"] == "declined":
                kw["reason"] = self.reason.toPlainText()
            if kw["decision"] == "charged":
                recorded = {o["offence_id"]: o["category"] for o in self.offences}
                kw["charges"] = [{"category": recorded[c], "offence_id": c} if c in recorded else {"category": c}
                                 for c in self.charges.values()]
        elif kind == "verdict":
            kw.update(charge_id=self.charge.value(), verdict=self.verdict.value())
        elif kind == "sentence":
            kw["release_on"] = self.release.value()
        elif kind == "final_disposition":
            kw["outcome"] = self.outcome.value()
        return lambda: s.record_justice_event(pid, kind, on, **kw)


class HearingDialog(FormDialog):
    """A hearing on a day, or at a time of it: a court-date reminder for the liaison and the case lead.
    With `hearing` (one of the proceeding's hearing events) the hearing moves, and its reminder
    with it (an adjournment)."""

    width_em = 30
    ALIASES = {"at": "time", "time_zone": "time"}

    def __init__(self, session, proceeding_id: int, parent=None, *, hearing: dict | None = None):
        self.proceeding_id = proceeding_id
        self.hearing = hearing
        super().__init__(session, parent)
        self.setObjectName("justiceHearingDialog")
        if hearing is None:
            self.setWindowTitle(self.tr("Schedule a hearing"))
            self.intro.setText(self.tr("The hearing becomes a court-date reminder for the liaison and the case lead."))
            self.ok_button.setText(self.tr("&Schedule"))
        else:
            self.setWindowTitle(self.tr("Move the hearing"))
            self.intro.setText(self.tr("The hearing of %1 moves to another day or time; its court-date reminder "
                                       "moves with it.").replace("%1", date_text(hearing["on_date"])))
            self.ok_button.setText(self.tr("&Move"))
            self.on.set_value(date.fromisoformat(hearing["on_date"]))
            if hearing.get("at_utc"):
                self.time.setText(local_datetime_text(hearing["at_utc"], hearing.get("time_zone"), style="time"))
        self.on.setFocus()

    def build(self) -> None:
        self.on = DateField(earliest=EARLIEST)
        self.on.setObjectName("justiceHearingOn")
        self.add_field("on", self.tr("&Date:"), self.on, accessible=self.tr("Date of the hearing"))
        self.time = _line("justiceHearingTime")
        self.time.setPlaceholderText("09:30")
        self.add_field("time", self.tr("&Time:"), self.time, accessible=self.tr("Time of the hearing"),
                       hint=self.tr("Optional, in the centre's time zone."))

    def operation(self):
        s, on, time = self.session, self.on.value(), self.time.text().strip()
        if self.hearing is None:
            pid = self.proceeding_id
            if time:
                at = f"{on}T{time}"
                return lambda: s.schedule_hearing(pid, at=at)
            return lambda: s.schedule_hearing(pid, on)
        eid = self.hearing["id"]
        if time:
            at = f"{on}T{time}"
            return lambda: s.move_hearing(eid, at=at)
        return lambda: s.move_hearing(eid, on)


class ChildPartDialog(FormDialog):
    """How the child took part, with whom, and their own view of the outcome. Only what was
    changed is sent. Taking part is the child's right, not a duty: every answer is as good as another."""

    width_em = 36
    ALIASES = {"support_person_id": "support_person_name"}

    def __init__(self, session, proceeding: dict, parent=None):
        self.part = dict(proceeding.get("child_part") or {})
        self.proceeding_id = proceeding["id"]
        super().__init__(session, parent)
        self.setObjectName("justiceChildPartDialog")
        self.setWindowTitle(self.tr("The child's part"))
        self.intro.setText(self.tr("Taking part is the child's right, not a duty: whether and how they took part "
                                   "is recorded as they chose."))
        self.ok_button.setText(self.tr("&Save"))
        self.participation.setFocus()

    def build(self) -> None:
        part = self.part
        self.participation = VocabCombo("justice_participation", empty_text=self.tr("Not recorded"))
        self.participation.setObjectName("justiceParticipation")
        self.participation.set_value(part.get("participation"))
        self.add_field("participation", self.tr("&How they took part:"), self.participation,
                       accessible=self.tr("How the child took part"))
        self.measures = VocabChecklist("justice_special_measures", visible_rows=5)
        self.measures.setObjectName("justiceSpecialMeasures")
        self.measures.set_values(part.get("special_measures") or [])
        self.add_field("special_measures", self.tr("Special &measures:"), self.measures,
                       accessible=self.tr("Special measures"))
        self.support = _line("justiceSupportPerson", part.get("support_person_name"))
        self.add_field("support_person_name", self.tr("Su&pport person:"), self.support)
        self.representative = _line("justiceLegalRepresentative", part.get("legal_representative"))
        self.add_field("legal_representative", self.tr("&Legal representative:"), self.representative)
        self.view = VocabCombo("justice_child_views", empty_text=self.tr("Not recorded"))
        self.view.setObjectName("justiceChildView")
        self.view.set_value(part.get("child_view"))
        self.add_field("child_view", self.tr("The child's &view:"), self.view,
                       accessible=self.tr("The child's own view of the outcome"))
        self.words = named_text_box(self, "justiceChildWords", 3)
        self.words.setPlainText(part.get("child_view_words") or "")
        self.add_field("child_view_words", self.tr("In their &words:"), self.words,
                       accessible=self.tr("The child's view in their own words"))
        self.view_on = DateField(empty_text=self.tr("Not recorded"), earliest=EARLIEST, latest=date.today())
        self.view_on.setObjectName("justiceChildViewOn")
        if part.get("child_view_on"):
            self.view_on.set_value(date.fromisoformat(part["child_view_on"]))
        self.add_field("child_view_on", self.tr("View given &on:"), self.view_on,
                       accessible=self.tr("The day the child gave their view"))

    def operation(self):
        part = self.part
        values = {"participation": self.participation.value(), "special_measures": self.measures.values(),
                  "support_person_name": self.support.text().strip() or None,
                  "legal_representative": self.representative.text().strip() or None,
                  "child_view": self.view.value(), "child_view_words": self.words.toPlainText().strip() or None,
                  "child_view_on": self.view_on.value()}
        current = {k: part.get(k) for k in values}
        current["special_measures"] = list(part.get("special_measures") or [])
        changed = {k: v for k, v in values.items()
                   if (sorted(v) != sorted(current[k]) if k == "special_measures" else v != current[k])}
        s, pid = self.session, self.proceeding_id
        if not changed:
            return lambda: None
        return lambda: s.set_child_participation(pid, **changed)


class ReleaseDateDialog(FormDialog):
    width_em = 30

    def __init__(self, session, proceeding: dict, parent=None):
        self.proceeding = proceeding
        super().__init__(session, parent)
        self.setObjectName("justiceReleaseDialog")
        self.setWindowTitle(self.tr("Release date"))
        self.intro.setText(self.tr("A reminder to inform the child and family falls due %1 days before it.").replace(
            "%1", str(RELEASE_NOTICE_DAYS)))
        self.ok_button.setText(self.tr("&Save"))
        self.release.setFocus()

    def build(self) -> None:
        self.release = DateField(earliest=EARLIEST)
        self.release.setObjectName("justiceReleaseOn")
        current = (self.proceeding.get("release") or {}).get("release_on")
        if current:
            self.release.set_value(date.fromisoformat(current))
        self.add_field("release_on", self.tr("&Release date:"), self.release, accessible=self.tr("Release date"))

    def operation(self):
        s, pid, on = self.session, self.proceeding["id"], self.release.value()
        return lambda: s.set_release_date(pid, on)


class ReleaseWishDialog(FormDialog):
    """Whether the child and family wish to be told of the offender's release (004 para 59: "if
    they so wish"), and the day they said so."""

    width_em = 32

    def __init__(self, session, proceeding: dict, parent=None):
        self.proceeding = proceeding
        super().__init__(session, parent)
        self.setObjectName("justiceReleaseWishDialog")
        self.setWindowTitle(self.tr("Release notification"))
        self.intro.setText(self.tr("Do the child and family wish to be told when the offender is released? When "
                                   "they do not, no reminder to tell them is made."))
        self.ok_button.setText(self.tr("&Save"))
        self.wish.setFocus()

    def build(self) -> None:
        current = self.proceeding.get("release_wish") or {}
        self.wish = VocabCombo("justice_release_wishes", placeholder_text=self.tr("Choose"))
        self.wish.setObjectName("justiceReleaseWish")
        self.wish.set_value(current.get("wish"))
        self.add_field("wish", self.tr("&Their answer:"), self.wish, accessible=self.tr("Their answer"))
        self.on = DateField(earliest=EARLIEST, latest=date.today())
        self.on.setObjectName("justiceReleaseWishOn")
        if current.get("on"):
            self.on.set_value(date.fromisoformat(current["on"]))
        self.add_field("on", self.tr("Said &on:"), self.on, accessible=self.tr("The day they said so"))

    def operation(self):
        s, pid, wish, on = self.session, self.proceeding["id"], self.wish.value(), self.on.value()
        return lambda: s.set_release_wish(pid, wish, on)


class ReleaseInformedDialog(FormDialog):
    width_em = 30

    def __init__(self, session, proceeding: dict, parent=None):
        self.proceeding = proceeding
        super().__init__(session, parent)
        self.setObjectName("justiceReleaseInformedDialog")
        self.setWindowTitle(self.tr("Release informed"))
        self.intro.setText(self.tr("The child and family were told of the release on %1.").replace(
            "%1", date_text((proceeding.get("release") or {}).get("release_on"))))
        self.ok_button.setText(self.tr("&Record"))
        self.on.setFocus()

    def build(self) -> None:
        self.on = DateField(earliest=EARLIEST, latest=date.today())
        self.on.setObjectName("justiceInformedOn")
        self.add_field("on", self.tr("&Informed on:"), self.on, accessible=self.tr("The day they were informed"))

    def operation(self):
        s, pid, on = self.session, self.proceeding["id"], self.on.value()
        return lambda: s.record_release_informed(pid, on)


class ClaimDialog(FormDialog):
    """A compensation claim of a child of the case."""

    width_em = 34
    ALIASES = {"child_person_id": "child", "proceeding_id": "proceeding"}

    def __init__(self, session, case_id: int, children: list, proceedings: list, currency: str = "SEK",
                 parent=None):
        self.case_id = case_id
        self.children = children
        self.proceedings = proceedings
        self.default_currency = currency
        self.claim_id: int | None = None
        super().__init__(session, parent)
        self.setObjectName("justiceClaimDialog")
        self.setWindowTitle(self.tr("New compensation claim"))
        self.ok_button.setText(self.tr("&Open"))
        self.route.setFocus()

    def build(self) -> None:
        self.route = VocabCombo("compensation_routes", placeholder_text=self.tr("Choose"))
        self.route.setObjectName("justiceRoute")
        self.add_field("route", self.tr("&Route:"), self.route, accessible=self.tr("Route"))
        self.claimant = VocabCombo("compensation_claimants", placeholder_text=self.tr("Choose"))
        self.claimant.setObjectName("justiceClaimant")
        self.add_field("claimant", self.tr("C&laimant:"), self.claimant, accessible=self.tr("Claimant"))
        self.child = ChoiceCombo(self.children, placeholder_text=self.tr("Choose"))
        self.child.setObjectName("justiceClaimChild")
        self.add_field("child", self.tr("C&hild:"), self.child, accessible=self.tr("Child"))
        self.set_row_visible("child", len(self.children) > 1)
        self.representative = _line("justiceRepresentative")
        self.add_field("representative", self.tr("Re&presentative:"), self.representative)
        self.currency = _line("justiceCurrency", self.default_currency)
        self.currency.setMaxLength(3)
        self.add_field("currency", self.tr("C&urrency:"), self.currency, accessible=self.tr("Currency"))
        self.amount = _line("justiceAmountClaimed")
        self.add_field("amount_claimed", self.tr("&Amount claimed:"), self.amount,
                       accessible=self.tr("Amount claimed"), hint=self.tr("Optional until the claim is filed."))
        self.proceeding = ChoiceCombo(self.proceedings, empty_text=self.tr("None"))
        self.proceeding.setObjectName("justiceClaimProceeding")
        self.add_field("proceeding", self.tr("&In the proceeding:"), self.proceeding,
                       accessible=self.tr("Proceeding"))
        self.deadline = DateField(empty_text=self.tr("None"))
        self.deadline.setObjectName("justiceClaimDeadline")
        self.add_field("deadline_on", self.tr("&Deadline:"), self.deadline, accessible=self.tr("Deadline"))

    def operation(self):
        currency = self.currency.text().strip().upper()
        amount = parse_amount("amount_claimed", self.amount.text(), currency)
        s, cid = self.session, self.case_id
        kw = dict(currency=currency, amount_claimed=amount,
                  child_person_id=self.child.value() if len(self.children) > 1 else None,
                  representative=self.representative.text().strip() or None,
                  proceeding_id=self.proceeding.value(), deadline_on=self.deadline.value())
        route, claimant = self.route.value(), self.claimant.value()
        return lambda: s.open_claim(cid, route, claimant, **kw)

    def succeeded(self, result) -> None:
        self.claim_id = result


class ClaimStatusDialog(FormDialog):
    """The claim's next step: only those its flow allows (a payment: Record payment…)."""

    width_em = 32

    def __init__(self, session, claim: dict, parent=None):
        self.claim = claim
        super().__init__(session, parent)
        self.setObjectName("justiceClaimStatusDialog")
        self.setWindowTitle(self.tr("Set the claim's status"))
        self.intro.setText(self.tr("Now: %1.").replace("%1", term_label("compensation_statuses", claim["status"])))
        self.ok_button.setText(self.tr("&Save"))
        self.status.setFocus()
        self._changed()

    def build(self) -> None:
        nxt = claim_next_statuses(self.claim["status"])
        self.status = ChoiceCombo([(c, term_label("compensation_statuses", c)) for c in nxt])
        self.status.setObjectName("justiceClaimStatus")
        if nxt:
            self.status.set_value(nxt[0])
        self.add_field("status", self.tr("&New status:"), self.status, accessible=self.tr("New status"))
        self.status.valueChanged.connect(lambda _v: self._changed())
        self.on = DateField(earliest=EARLIEST, latest=date.today())
        self.on.setObjectName("justiceClaimStatusOn")
        self.add_field("on", self.tr("&Date:"), self.on, accessible=self.tr("Date"))
        self.amount = _line("justiceClaimStatusAmount")
        self.add_field("amount", self.tr("&Amount:"), self.amount, accessible=self.tr("Amount"))

    def _changed(self) -> None:
        st = self.status.value()
        self.set_row_visible("amount", st in ("filed", "awarded", "partly_awarded"))
        cur = self.claim.get("currency")
        self.messages["amount"].clear()
        label = {"filed": self.tr("The sum claimed, in %1."), "awarded": self.tr("The sum awarded, in %1."),
                 "partly_awarded": self.tr("The sum awarded, in %1.")}.get(st, "")
        self.amount.setToolTip(label.replace("%1", cur or ""))
        if st == "filed" and not self.amount.text() and self.claim.get("amount_claimed") is not None:
            self.amount.setText(money_text(self.claim["amount_claimed"], cur).removesuffix(cur or "").strip())
        self.grow_to_fit()

    def operation(self):
        st = self.status.value()
        amount = parse_amount("amount", self.amount.text(), self.claim.get("currency")) \
            if st in ("filed", "awarded", "partly_awarded") else None
        s, cid, on = self.session, self.claim["id"], self.on.value()
        return lambda: s.set_claim_status(cid, st, on, amount=amount)


class PaymentDialog(FormDialog):
    width_em = 30

    def __init__(self, session, claim: dict, parent=None):
        self.claim = claim
        super().__init__(session, parent)
        self.setObjectName("justicePaymentDialog")
        self.setWindowTitle(self.tr("Record a payment"))
        cur = claim.get("currency")
        self.intro.setText(self.tr("Awarded %1; paid so far %2.").replace(
            "%1", money_text(claim.get("amount_awarded"), cur)).replace("%2", money_text(claim.get("amount_paid") or 0,
                                                                                         cur)))
        self.ok_button.setText(self.tr("&Record"))
        self.amount.setFocus()

    def build(self) -> None:
        self.amount = _line("justicePaymentAmount")
        self.add_field("amount", self.tr("&Amount:"), self.amount, accessible=self.tr("Amount paid"))
        self.on = DateField(earliest=EARLIEST, latest=date.today())
        self.on.setObjectName("justicePaymentOn")
        self.add_field("on", self.tr("&Paid on:"), self.on, accessible=self.tr("Day of the payment"))

    def operation(self):
        amount = parse_amount("amount", self.amount.text(), self.claim.get("currency"))
        s, cid, on = self.session, self.claim["id"], self.on.value()
        return lambda: s.record_payment(cid, amount, on)


class DeadlineDialog(FormDialog):
    width_em = 30

    def __init__(self, session, claim: dict, parent=None):
        self.claim = claim
        super().__init__(session, parent)
        self.setObjectName("justiceDeadlineDialog")
        self.setWindowTitle(self.tr("Claim deadline"))
        self.intro.setText(self.tr("A compensation-deadline reminder for the liaison, completed by the claim's "
                                   "next step."))
        self.ok_button.setText(self.tr("&Save"))
        self.deadline.setFocus()

    def build(self) -> None:
        self.deadline = DateField()
        self.deadline.setObjectName("justiceDeadlineOn")
        if self.claim.get("deadline_on"):
            self.deadline.set_value(date.fromisoformat(self.claim["deadline_on"]))
        self.add_field("deadline_on", self.tr("&Deadline:"), self.deadline, accessible=self.tr("Deadline"))

    def operation(self):
        s, cid, on = self.session, self.claim["id"], self.deadline.value()
        return lambda: s.set_claim_deadline(cid, on)


class RightsDialog(FormDialog):
    """The right to compensation was explained to the child and family."""

    width_em = 30
    ALIASES = {"child_person_id": "child"}

    def __init__(self, session, case_id: int, children: list, parent=None):
        self.case_id = case_id
        self.children = children
        super().__init__(session, parent)
        self.setObjectName("justiceRightsDialog")
        self.setWindowTitle(self.tr("Rights explained"))
        self.intro.setText(self.tr("The right to compensation was explained to the child and family."))
        self.ok_button.setText(self.tr("&Record"))
        self.stage.setFocus()

    def build(self) -> None:
        self.stage = VocabCombo("rights_explained_stages")
        self.stage.setObjectName("justiceRightsStage")
        self.stage.setCurrentIndex(0)
        self.add_field("stage", self.tr("&When:"), self.stage, accessible=self.tr("At which point"))
        self.child = ChoiceCombo(self.children, placeholder_text=self.tr("Choose"))
        self.child.setObjectName("justiceRightsChild")
        self.add_field("child", self.tr("C&hild:"), self.child, accessible=self.tr("Child"))
        self.set_row_visible("child", len(self.children) > 1)
        self.on = DateField(earliest=EARLIEST, latest=date.today())
        self.on.setObjectName("justiceRightsOn")
        self.add_field("on", self.tr("&Date:"), self.on, accessible=self.tr("Date"))

    def operation(self):
        s, cid, stage, on = self.session, self.case_id, self.stage.value(), self.on.value()
        child = self.child.value() if len(self.children) > 1 else None
        return lambda: s.record_rights_explained(cid, stage, on, child_person_id=child)
