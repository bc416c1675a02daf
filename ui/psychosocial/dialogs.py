"""The Psychosocial tab's dialogs: a screen recorded (the instrument's items, or the scales of a
scores-only one, typed from the official form), its prompt resolved, re-screening set; a
treatment episode started and ended, a session, a crisis contact; a recovery goal added and
changed. Each is one core call (FormDialog: the core's message beside the field it names; the
core scores, nothing is computed here)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QFrame, QLabel, QLineEdit, QScrollArea, QSpinBox, QStackedWidget, QWidget,
)

from barnahus_app.errors import BarnahusError
from barnahus_app.psychosocial import instruments

from ui.common.dates import DateField, date_text
from ui.common.feedback import FieldGrid, FormDialog, muted
from ui.common.field_widgets import OptionalDateTimeEdit
from ui.common.tasks import run_operation
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo, label_language, term_label
from ui.medical.dialogs import named_text_box


def latest_definitions() -> list[instruments.Instrument]:
    """The newest version of each instrument, by name: what a new screen is recorded with."""
    newest: dict[str, instruments.Instrument] = {}
    for (code, version), d in instruments.definitions().items():
        if code not in newest or version > newest[code].version:
            newest[code] = d
    return sorted(newest.values(), key=lambda d: d.code.casefold())


def instrument_choices(definitions) -> list[tuple[str, str]]:
    """(code, "CATS-7-17: its name"): the code first, so that typing it finds the instrument."""
    lang = label_language()
    return [(d.code, QCoreApplication.translate("PsychosocialDialogs", "%1: %2").replace("%1", d.code)
             .replace("%2", d.text(lang))) for d in definitions]


def therapists(session) -> list[tuple[int, str]]:
    try:
        return [(u["id"], u["display_name"]) for u in session.users_with_role("therapist")]
    except BarnahusError:
        return []


def staff(session) -> list[tuple[int, str]]:
    from ui.meetings.shared import staff_choices
    return staff_choices(session)


def agencies(session) -> list[tuple[int, str]]:
    try:
        return sorted(((a["id"], a["name"]) for a in session.list_agencies() if a.get("active", True)),
                      key=lambda c: c[1].casefold())
    except BarnahusError:
        return []


class _AnswerBox(QSpinBox):
    """An item's answer or a scale's score: a number in its range, or "not answered" one below."""

    def __init__(self, low: int, high: int, empty: str, parent=None):
        super().__init__(parent)
        self.setRange(low - 1, high)
        self.setSpecialValueText(empty)
        self.setValue(low - 1)
        self.setMinimumWidth(self.fontMetrics().height() * 8)

    def answer(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()


class RecordScreenDialog(FormDialog):
    """An administration of an instrument to or about a child. A bundled instrument shows its
    items, each a number in the answer range (Tab from one to the next, type the answer); a
    scores-only one shows its scales, typed from the official scored form. .admin_id afterwards."""

    width_em = 42
    ALIASES = {"person_id": "child", "administered_on": "on", "instrument": "instrument"}

    def __init__(self, session, case_id: int, children: list, parent=None):
        self.case_id = case_id
        self.children = children
        self.admin_id: int | None = None
        self.definitions = latest_definitions()
        self.pages: dict[str, tuple[QWidget, dict]] = {}   # code -> (page, {field name: (box, message)})
        super().__init__(session, parent)
        self.setObjectName("recordScreenDialog")
        self.setWindowTitle(self.tr("Record a screen"))
        self.ok_button.setText(self.tr("&Record"))
        self.ok_button.setObjectName("recordScreenOk")
        self.intro.setText(self.tr("The app scores the screen by the instrument's rules and keeps the version "
                                   "it used. Item answers are sealed: only therapists read them."))
        (self.child if len(children) > 1 else self.instrument).setFocus()

    def build(self) -> None:
        lang = label_language()
        self.child = ChoiceCombo([(c["person_id"], c["name"]) for c in self.children],
                                 placeholder_text=self.tr("Choose the child"))
        self.child.setObjectName("screenChildCombo")
        if len(self.children) == 1:
            self.child.set_value(self.children[0]["person_id"])
        self.add_field("child", self.tr("C&hild:"), self.child, accessible=self.tr("Child"))
        self.instrument = ChoiceCombo(instrument_choices(self.definitions),
                                      placeholder_text=self.tr("Choose the instrument"))
        self.instrument.setObjectName("screenInstrumentCombo")
        self.add_field("instrument", self.tr("&Instrument:"), self.instrument, accessible=self.tr("Instrument"))
        self.time_point = VocabCombo("psychosocial_time_points", placeholder_text=self.tr("Choose the time point"))
        self.time_point.setObjectName("screenTimePointCombo")
        self.add_field("time_point", self.tr("&Time point:"), self.time_point, accessible=self.tr("Time point"))
        self.respondent = VocabCombo("psychosocial_respondents", placeholder_text=self.tr("Who answered"))
        self.respondent.setObjectName("screenRespondentCombo")
        self.add_field("respondent", self.tr("Res&pondent:"), self.respondent, accessible=self.tr("Respondent"))
        self.on = DateField(self)
        self.on.setObjectName("screenDateEdit")
        self.add_field("on", self.tr("&Date:"), self.on, accessible=self.tr("Date of the screen"))
        self.licence = muted(QLabel(self))
        self.licence.setObjectName("screenLicenceNote")
        self.licence.setWordWrap(True)
        self.grid.add_wide(self.licence)
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())   # nothing chosen yet
        for d in self.definitions:
            self.stack.addWidget(self._page(d, lang))
        scroll = QScrollArea(self)
        scroll.setObjectName("screenItemsScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Tab goes from the date to the first item
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.stack)
        scroll.setMinimumHeight(self.fontMetrics().height() * 14)
        self.grid.add_wide(scroll)
        self.scroll = scroll
        self.instrument.valueChanged.connect(lambda _v: self._instrument_chosen())
        self._instrument_chosen()

    def _page(self, d: instruments.Instrument, lang: str) -> QWidget:
        """The answers of one instrument: its items (bundled) or its scales (scores only), each
        with its own message for the core's word about it ("answers.s3", "scores.total")."""
        page = QWidget()
        grid = FieldGrid(page, muted_hints=True)
        grid.setVerticalSpacing(2)
        fields = {}
        if d.licence == "bundled":
            lo, hi = d.answers
            for it in d.items:
                box = _AnswerBox(lo, hi, self.tr("Not answered"), page)
                box.setObjectName(f"item_{it.id}")
                text = self.tr("%1. %2").replace("%1", str(it.number)).replace("%2", it.text(lang))
                message = grid.add_field(text, box, accessible=self.tr("Item %1: %2, %3 to %4").replace(
                    "%1", str(it.number)).replace("%2", it.text(lang)).replace("%3", str(lo)).replace("%4", str(hi)))
                fields[f"answers.{it.id}"] = (box, message, text)
        else:
            for sc in d.scales:
                box = _AnswerBox(sc.min, sc.max, self.tr("Not typed"), page)
                box.setObjectName(f"scale_{sc.code}")
                text = self.tr("%1 (%2 to %3):").replace("%1", sc.text(lang)).replace("%2", str(sc.min)) \
                    .replace("%3", str(sc.max))
                message = grid.add_field(text, box, accessible=text.rstrip(":"))
                fields[f"scores.{sc.code}"] = (box, message, sc.text(lang))
        grid.setRowStretch(grid.rowCount(), 1)   # the rows at the top of a page taller than they need
        self.pages[d.code] = (page, fields)
        return page

    def definition(self) -> instruments.Instrument | None:
        return next((d for d in self.definitions if d.code == self.instrument.value()), None)

    def _instrument_chosen(self) -> None:
        for name in [n for n in self.messages if n.startswith(("answers.", "scores."))]:
            self.messages.pop(name)
            self.names.pop(name, None)
        d = self.definition()
        if d is None:
            self.stack.setCurrentIndex(0)
            self.licence.setText(self.tr("Choose the instrument to see its items or scales."))
            return
        page, fields = self.pages[d.code]
        self.stack.setCurrentWidget(page)
        for name, (_box, message, text) in fields.items():
            self.messages[name] = message
            self.names[name] = text
        ages = self.tr("For ages %1 to %2.").replace("%1", str(d.min_age)).replace("%2", str(d.max_age))
        if d.licence == "bundled":
            lo, hi = d.answers
            how = (self.tr("Answer each item from %1 to %2 (Tab to the next, type the number); at most %3 may "
                           "stay unanswered.").replace("%1", str(lo)).replace("%2", str(hi))
                   .replace("%3", str(d.max_missing)))
        else:
            how = self.tr("Scores only: type the scores from the official scored form. The app holds no items of "
                          "this instrument.")
        self.licence.setText(ages + " " + how)
        if len(d.respondents) == 1:
            self.respondent.set_value(d.respondents[0])

    def operation(self):
        d = self.definition()
        s, cid = self.session, self.case_id
        child, tp, who, on = self.child.value(), self.time_point.value(), self.respondent.value(), self.on.value()
        code = d.code if d else self.instrument.value()
        answers = scores = None
        if d is not None:
            _page, fields = self.pages[d.code]
            typed = {name.split(".", 1)[1]: box.answer() for name, (box, _m, _t) in fields.items()}
            if d.licence == "bundled":
                answers = typed
            else:
                scores = {k: v for k, v in typed.items() if v is not None}
        return lambda: s.record_administration(cid, child, code, time_point=tp, respondent=who, administered_on=on,
                                               answers=answers, scores=scores)

    def show_error(self, exc: BaseException) -> None:
        super().show_error(exc)
        field = getattr(exc, "field", "") or ""
        if field.startswith(("answers.", "scores.")) and self.definition() is not None:
            box = self.pages[self.definition().code][1].get(field, (None,))[0]
            if box is not None:
                self.scroll.ensureWidgetVisible(box)
                box.setFocus(Qt.FocusReason.OtherFocusReason)

    def succeeded(self, result) -> None:
        self.admin_id = int(result)


class ResolveScreenDialog(FormDialog):
    """What was done about a screen at or above its cut-off: a diagnostic assessment, a referral
    of the case (chosen from its referrals), or why neither was done."""

    width_em = 34
    ALIASES = {"referral_id": "referral"}

    def __init__(self, session, case_id: int, admin: dict, parent=None):
        self.case_id = case_id
        self.admin = admin
        super().__init__(session, parent)
        self.setObjectName("resolveScreenDialog")
        self.setWindowTitle(self.tr("Resolve the screen"))
        self.ok_button.setText(self.tr("&Save"))
        self.action.setFocus()
        if session.can("referral", "read"):   # the case's referrals for this child, read meanwhile
            run_operation(self, lambda: session.case_referrals(case_id), self._referrals)

    def _referrals(self, refs: list) -> None:
        pid = self.admin.get("child_person_id")
        self.referral.set_choices([(r["id"], self.tr("%1 (%2), %3").replace(
            "%1", term_label("referral_services", r.get("service"))).replace("%2", r.get("agency") or "").replace(
            "%3", date_text(r.get("sent_on") or r.get("due_on"))))
                                   for r in refs if r.get("child_person_id") in (None, pid)])

    def build(self) -> None:
        self.action = VocabCombo("screen_resolutions", placeholder_text=self.tr("What was done"))
        self.action.setObjectName("resolveActionCombo")
        self.add_field("action", self.tr("&Action:"), self.action, accessible=self.tr("What was done"))
        self.referral = ChoiceCombo([], placeholder_text=self.tr("Choose the referral"))
        self.referral.setObjectName("resolveReferralCombo")
        self.add_field("referral", self.tr("Re&ferral:"), self.referral,
                       self.tr("A referral of this case, made on the Team and referrals tab."),
                       accessible=self.tr("Referral"))
        self.reason = named_text_box(self, "resolveReasonEdit", 3)
        self.add_field("reason", self.tr("&Why not:"), self.reason, accessible=self.tr("Why it was not done"))
        self.action.valueChanged.connect(lambda _v: self._shown())
        self._shown()

    def _shown(self) -> None:
        a = self.action.value()
        self.set_row_visible("referral", a == "referral")
        self.set_row_visible("reason", a == "not_done")
        self.grow_to_fit()

    def operation(self):
        s, aid, a = self.session, self.admin["id"], self.action.value()
        ref = self.referral.value() if a == "referral" else None
        reason = self.reason.toPlainText() if a == "not_done" else None
        return lambda: s.resolve_screen(aid, action=a, referral_id=ref, reason=reason)


class RescreenDialog(FormDialog):
    """Re-screen a child with an instrument every N months: a follow-up reminder with no end."""

    width_em = 30
    ALIASES = {"person_id": "child"}

    def __init__(self, session, case_id: int, children: list, parent=None, instrument: str | None = None):
        self.case_id = case_id
        self.children = children
        self._first = instrument
        super().__init__(session, parent)
        self.setObjectName("rescreenDialog")
        self.setWindowTitle(self.tr("Re-screen every N months"))
        self.ok_button.setText(self.tr("&Set"))
        (self.child if len(children) > 1 else self.instrument).setFocus()

    def build(self) -> None:
        self.child = ChoiceCombo([(c["person_id"], c["name"]) for c in self.children],
                                 placeholder_text=self.tr("Choose the child"))
        self.child.setObjectName("rescreenChildCombo")
        if len(self.children) == 1:
            self.child.set_value(self.children[0]["person_id"])
        self.add_field("child", self.tr("C&hild:"), self.child, accessible=self.tr("Child"))
        self.instrument = ChoiceCombo(instrument_choices(latest_definitions()),
                                      placeholder_text=self.tr("Choose the instrument"))
        self.instrument.setObjectName("rescreenInstrumentCombo")
        if self._first:
            self.instrument.set_value(self._first)
        self.add_field("instrument", self.tr("&Instrument:"), self.instrument, accessible=self.tr("Instrument"))
        self.months = QSpinBox(self)
        self.months.setObjectName("rescreenMonths")
        self.months.setRange(1, 120)
        self.months.setValue(6)
        self.months.setSuffix(self.tr(" months"))
        self.add_field("every_months", self.tr("&Every:"), self.months,
                       self.tr("A reminder for therapists on Today, first due that many months from today; full "
                               "recovery does not end it."), accessible=self.tr("Every how many months"))

    def operation(self):
        s, cid = self.session, self.case_id
        child, code, months = self.child.value(), self.instrument.value(), self.months.value()
        return lambda: s.set_rescreen(cid, child, code, every_months=months)


class StartEpisodeDialog(FormDialog):
    """A treatment episode of a child or a non-offending family member."""

    width_em = 34
    ALIASES = {"person_id": "person", "provider_agency_id": "provider", "therapist_id": "therapist"}

    def __init__(self, session, case_id: int, persons: list, parent=None):
        self.case_id = case_id
        self.persons = persons
        self.episode_id: int | None = None
        super().__init__(session, parent)
        self.setObjectName("startEpisodeDialog")
        self.setWindowTitle(self.tr("Start a treatment episode"))
        self.ok_button.setText(self.tr("&Start"))
        self.person.setFocus()

    def build(self) -> None:
        self.person = ChoiceCombo([(p["person_id"], p["name"]) for p in self.persons],
                                  placeholder_text=self.tr("Choose the person"))
        self.person.setObjectName("episodePersonCombo")
        if self.persons:
            self.person.set_value(self.persons[0]["person_id"])
        self.add_field("person", self.tr("&For:"), self.person,
                       self.tr("A child of the case or a non-offending family member."), accessible=self.tr("For"))
        self.model = VocabCombo("treatment_models", placeholder_text=self.tr("Choose the model"))
        self.model.setObjectName("episodeModelCombo")
        self.add_field("model", self.tr("&Model:"), self.model, accessible=self.tr("Treatment model"))
        self.provider = ChoiceCombo(agencies(self.session), empty_text=self.tr("This centre"))
        self.provider.setObjectName("episodeProviderCombo")
        self.add_field("provider", self.tr("&Provider:"), self.provider, accessible=self.tr("Provider"))
        choices = therapists(self.session)
        self.therapist = ChoiceCombo(choices, empty_text=self.tr("Not named"))
        self.therapist.setObjectName("episodeTherapistCombo")
        if any(uid == self.session.user_id for uid, _n in choices):
            self.therapist.set_value(self.session.user_id)
        self.add_field("therapist", self.tr("&Therapist:"), self.therapist, accessible=self.tr("Therapist"))
        self.started = DateField(self)
        self.started.setObjectName("episodeStartedEdit")
        self.add_field("started_on", self.tr("Started &on:"), self.started, accessible=self.tr("Started on"))

    def operation(self):
        s, cid = self.session, self.case_id
        a = dict(person=self.person.value(), model=self.model.value(), started=self.started.value(),
                 provider=self.provider.value(), therapist=self.therapist.value())
        return lambda: s.start_episode(cid, a["person"], a["model"], started_on=a["started"],
                                       provider_agency_id=a["provider"], therapist_id=a["therapist"])

    def succeeded(self, result) -> None:
        self.episode_id = int(result)


class EndEpisodeDialog(FormDialog):
    width_em = 30

    def __init__(self, session, episode: dict, parent=None):
        self.episode = episode
        super().__init__(session, parent)
        self.setObjectName("endEpisodeDialog")
        self.setWindowTitle(self.tr("End the treatment episode"))
        self.ok_button.setText(self.tr("&End"))
        self.ended.setFocus()

    def build(self) -> None:
        self.ended = DateField(self)
        self.ended.setObjectName("episodeEndedEdit")
        self.add_field("ended_on", self.tr("Ended &on:"), self.ended, accessible=self.tr("Ended on"))
        self.reason = VocabCombo("treatment_end_reasons", placeholder_text=self.tr("Choose the reason"))
        self.reason.setObjectName("episodeEndReasonCombo")
        self.add_field("end_reason", self.tr("&Reason:"), self.reason, accessible=self.tr("Why it ended"))

    def operation(self):
        s, eid, on, reason = self.session, self.episode["id"], self.ended.value(), self.reason.value()
        return lambda: s.end_episode(eid, ended_on=on, end_reason=reason)


class SessionDialog(FormDialog):
    """A session of a treatment episode: its date, attendance, whether a carer took part and,
    for therapists, the notes (sealed)."""

    width_em = 36

    def __init__(self, session, episode: dict, parent=None):
        self.episode = episode
        self.session_id: int | None = None
        super().__init__(session, parent)
        self.setObjectName("sessionDialog")
        self.setWindowTitle(self.tr("Record a session"))
        self.ok_button.setText(self.tr("&Record"))
        self.held.setFocus()

    def build(self) -> None:
        self.held = DateField(self)
        self.held.setObjectName("sessionHeldEdit")
        self.add_field("held_on", self.tr("&Date:"), self.held, accessible=self.tr("Date of the session"))
        self.status = VocabCombo("therapy_session_statuses", placeholder_text=self.tr("Attended, missed or cancelled"))
        self.status.setObjectName("sessionStatusCombo")
        self.add_field("status", self.tr("&Status:"), self.status, accessible=self.tr("Attendance"))
        self.carer = QCheckBox(self.tr("A &carer took part"), self)
        self.carer.setObjectName("sessionCarerCheck")
        self.add_field("carer_took_part", "", self.carer, accessible=self.tr("A carer took part"))
        self.notes = named_text_box(self, "sessionNotesEdit", 6)
        self.add_field("notes", self.tr("&Notes:"), self.notes,
                       self.tr("Sealed: only therapists read them."), accessible=self.tr("Session notes"))
        self.set_row_visible("notes", self.session.can("therapy", "update"))

    def operation(self):
        s, eid = self.session, self.episode["id"]
        held, status, carer = self.held.value(), self.status.value(), self.carer.isChecked()
        notes = self.notes.toPlainText().strip() or None if self.session.can("therapy", "update") else None
        return lambda: s.record_session(eid, held_on=held, status=status, carer_took_part=carer, notes=notes)

    def succeeded(self, result) -> None:
        self.session_id = int(result)


class CrisisContactDialog(FormDialog):
    width_em = 34
    ALIASES = {"person_id": "person"}

    def __init__(self, session, case_id: int, persons: list, parent=None):
        self.case_id = case_id
        self.persons = persons
        super().__init__(session, parent)
        self.setObjectName("crisisContactDialog")
        self.setWindowTitle(self.tr("Record a crisis contact"))
        self.ok_button.setText(self.tr("&Record"))
        self.person.setFocus()

    def build(self) -> None:
        self.person = ChoiceCombo([(p["person_id"], p["name"]) for p in self.persons],
                                  placeholder_text=self.tr("Choose the person"))
        self.person.setObjectName("crisisPersonCombo")
        if self.persons:
            self.person.set_value(self.persons[0]["person_id"])
        self.add_field("person", self.tr("&With:"), self.person, accessible=self.tr("With"))
        self.when = OptionalDateTimeEdit(self, required=True)
        self.when.setObjectName("crisisWhenEdit")
        self.add_field("occurred_at", self.tr("W&hen:"), self.when, accessible=self.tr("When"))
        self.notes = named_text_box(self, "crisisNotesEdit", 5)
        self.add_field("notes", self.tr("&Notes:"), self.notes,
                       self.tr("Sealed: only therapists read them."), accessible=self.tr("Notes of the contact"))
        self.set_row_visible("notes", self.session.can("therapy", "update"))

    def operation(self):
        s, cid = self.session, self.case_id
        person, when = self.person.value(), self.when.value()
        notes = self.notes.toPlainText().strip() or None if self.session.can("therapy", "update") else None
        return lambda: s.record_crisis_contact(cid, person, occurred_at=when, notes=notes)


class _GoalFields:
    """Who helps and the review date, as the add and change dialogs ask them: a colleague, or a
    name typed (an outside helper)."""

    def add_helper_fields(self, goal: dict | None = None) -> None:
        self.helper_user = ChoiceCombo(staff(self.session), empty_text=self.tr("Not a colleague"))
        self.helper_user.setObjectName("goalHelperCombo")
        self.add_field("helper", self.tr("Who &helps:"), self.helper_user, accessible=self.tr("Who helps"))
        self.helper_text = QLineEdit(self)
        self.helper_text.setObjectName("goalHelperText")
        self.add_field("helper_text", self.tr("&Or by name:"), self.helper_text,
                       self.tr("Someone outside the centre, e.g. the school's counsellor."),
                       accessible=self.tr("Who helps, by name"))
        self.review = DateField(self, empty_text=self.tr("No review date"))
        self.review.setObjectName("goalReviewEdit")
        self.add_field("review_on", self.tr("Re&view on:"), self.review,
                       self.tr("A follow-up reminder on that day."), accessible=self.tr("Review on"))
        if goal:
            if goal.get("helper_user_id"):
                self.helper_user.set_value(goal["helper_user_id"])
            elif goal.get("helper"):
                self.helper_text.setText(goal["helper"])
            if goal.get("review_on"):
                self.review.set_value(date.fromisoformat(goal["review_on"]))

    def helper(self):
        if self.helper_user.value() is not None:
            return {"user_id": self.helper_user.value()}
        text = self.helper_text.text().strip()
        return {"text": text} if text else None


class AddGoalDialog(_GoalFields, FormDialog):
    width_em = 36
    ALIASES = {"person_id": "person"}

    def __init__(self, session, case_id: int, persons: list, parent=None):
        self.case_id = case_id
        self.persons = persons
        super().__init__(session, parent)
        self.setObjectName("addGoalDialog")
        self.setWindowTitle(self.tr("Add a recovery goal"))
        self.ok_button.setText(self.tr("&Add"))
        self.person.setFocus()

    def build(self) -> None:
        self.person = ChoiceCombo([(p["person_id"], p["name"]) for p in self.persons],
                                  placeholder_text=self.tr("Choose the person"))
        self.person.setObjectName("goalPersonCombo")
        if self.persons:
            self.person.set_value(self.persons[0]["person_id"])
        self.add_field("person", self.tr("&For:"), self.person, accessible=self.tr("For"))
        self.domain = VocabCombo("recovery_domains", placeholder_text=self.tr("Choose the domain"))
        self.domain.setObjectName("goalDomainCombo")
        self.add_field("domain", self.tr("&Domain:"), self.domain, accessible=self.tr("Domain"))
        self.goal = named_text_box(self, "goalTextEdit", 3)
        self.add_field("goal", self.tr("&Goal:"), self.goal, accessible=self.tr("Goal"))
        self.add_helper_fields()

    def operation(self):
        s, cid = self.session, self.case_id
        a = dict(person=self.person.value(), domain=self.domain.value(), goal=self.goal.toPlainText(),
                 helper=self.helper(), review=self.review.value())
        return lambda: s.add_recovery_goal(cid, a["person"], domain=a["domain"], goal=a["goal"], helper=a["helper"],
                                           review_on=a["review"])


class EditGoalDialog(_GoalFields, FormDialog):
    """A goal's status (achieved or dropped completes its review), text, helper or review date."""

    width_em = 36

    def __init__(self, session, goal: dict, parent=None):
        self.goal_row = goal
        super().__init__(session, parent)
        self.setObjectName("editGoalDialog")
        self.setWindowTitle(self.tr("Review the recovery goal"))
        self.ok_button.setText(self.tr("&Save"))
        self.intro.setText(self.tr("%1: %2").replace("%1", term_label("recovery_domains", goal.get("domain")))
                           .replace("%2", goal.get("goal") or ""))
        self.status.setFocus()

    def build(self) -> None:
        g = self.goal_row
        self.status = VocabCombo("recovery_goal_statuses")
        self.status.setObjectName("goalStatusCombo")
        self.status.set_value(g.get("status"))
        self.add_field("status", self.tr("S&tatus:"), self.status, accessible=self.tr("Status"))
        self.goal = named_text_box(self, "goalTextEdit", 3)
        self.goal.setPlainText(g.get("goal") or "")
        self.add_field("goal", self.tr("&Goal:"), self.goal, accessible=self.tr("Goal"))
        self.add_helper_fields(g)

    def operation(self):
        s, gid, g = self.session, self.goal_row["id"], self.goal_row
        changes = {}
        if self.status.value() != g.get("status"):
            changes["status"] = self.status.value()
        if self.goal.toPlainText() != (g.get("goal") or ""):
            changes["goal"] = self.goal.toPlainText()
        helper = self.helper()
        before = ({"user_id": g["helper_user_id"]} if g.get("helper_user_id")
                  else {"text": g["helper"]} if g.get("helper") and not g.get("helper_contact_id") else None)
        if helper != before and not (g.get("helper_contact_id") and helper is None):
            changes["helper"] = helper
        if self.review.value() != g.get("review_on"):
            changes["review_on"] = self.review.value()
        if not changes:
            return lambda: None
        return lambda: s.update_recovery_goal(gid, **changes)


__all__ = ["AddGoalDialog", "CrisisContactDialog", "EditGoalDialog", "EndEpisodeDialog", "RecordScreenDialog",
           "RescreenDialog", "ResolveScreenDialog", "SessionDialog", "StartEpisodeDialog", "latest_definitions"]
