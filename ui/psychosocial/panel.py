"""The case workspace's "Psychosocial" tab (issue #15): what the team coordinates on, for every
reader of the psychosocial facts (whether the child is in treatment, the episodes and their
sessions' attendance, the band of the latest screen with each instrument, what was done about a
screen at or above its cut-off, the recovery plan and its next review, crisis contacts), and for
therapists the therapy detail: the scores, the trend of each instrument (ui/psychosocial/trend.py),
the session notes (sealed).

Every list shows the newest first (the trend shows the years in order), and the newest is selected.
Everything shown comes from the core (case_psychosocial; trend and session_notes for therapists);
every change is one core call, made by a dialog (dialogs.py). session.can() only shapes the view:
the core decides. Reads run off the GUI thread (run_operation); `loading` is true while one is
under way.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout,
    QWidget,
)

from barnahus_app import vocab
from barnahus_app.errors import ValidationError
from barnahus_app.persons.actions import display_name
from barnahus_app.psychosocial import instruments

from ui.common.dates import centre_zone, date_text, local_datetime_text
from ui.common.feedback import (
    ID_ROLE, InlineMessage, bold, empty_label, open_dialog, read_only_table, row_items, scroll_area,
)
from ui.common.tasks import run_operation
from ui.common.case_tab import CaseTabPanel
from ui.common.vocab_widgets import ChoiceCombo, label_language, term_label
from ui.psychosocial.dialogs import (
    AddGoalDialog, CrisisContactDialog, EditGoalDialog, EndEpisodeDialog, RecordScreenDialog, RescreenDialog,
    ResolveScreenDialog, SessionDialog, StartEpisodeDialog,
)
from ui.psychosocial.trend import TrendChart


def person_name(p: dict) -> str:
    return display_name((p.get("given_name") or "").strip(), (p.get("family_name") or "").strip() or None)


def case_persons(case: dict) -> tuple[list[dict], list[dict]]:
    """(the children, the children and the non-offending family members) of a case as the
    workspace read it: {person_id, name}. Nobody who is an alleged offender in the case."""
    children = [{"person_id": c["person_id"], "name": person_name(c)} for c in case.get("children") or []]
    offenders = {p["person_id"] for p in case.get("parties") or [] if p.get("party_role") == "alleged_offender"}
    seen = {c["person_id"] for c in children}
    others = []
    for p in case.get("parties") or []:
        if p["person_id"] not in offenders and p["person_id"] not in seen:
            seen.add(p["person_id"])
            others.append({"person_id": p["person_id"], "name": person_name(p)})
    return children, children + others


def definition(code: str, version: int | None = None) -> instruments.Instrument | None:
    try:
        return instruments.get(code, version)
    except ValidationError:   # a centre's own definition removed since
        return None


def instrument_name(code: str, version: int | None = None) -> str:
    d = definition(code, version)
    return d.text(label_language()) if d else code


def band_text(code: str, version: int | None, band: str | None) -> str:
    """A band of an instrument's screen scale in the user's language ("" for none)."""
    if not band:
        return ""
    d = definition(code, version)
    if d is None:
        return band
    lang = label_language()
    for sc in d.scales:
        for b in sc.bands:
            if b.code == band and sc.code == d.screen_scale:
                return b.text(lang)
    return band


def scale_text(code: str, scale: str) -> str:
    d = definition(code)
    try:
        return d.scale(scale).text(label_language()) if d else scale
    except ValidationError:
        return scale


def trend_in_words(data: dict, code: str) -> dict:
    """The core's trend with the instrument's name and the episodes' models in the reader's
    language (the core gives them in English)."""
    models = {vocab.vocabulary("treatment_models").label(t.code, "en"): t.code
              for t in vocab.vocabulary("treatment_models").terms}
    return dict(data, name=instrument_name(code),
                episodes=[(start, end, term_label("treatment_models", models[name]) if name in models else name)
                          for start, end, name in data.get("episodes") or ()])


def score_text(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


class PsychosocialPanel(CaseTabPanel):
    """The "Psychosocial" page of a saved case."""

    def __init__(self, session, case_id: int, case: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("psychosocialPanel")
        self.session = session
        self.case_id = case_id
        self.case_reference = (case or {}).get("reference") or ""
        self.children, self.persons = case_persons(case or {})
        self.names = {p["person_id"]: p["name"] for p in self.persons}
        self.facts: dict = {}
        self.dialog: QDialog | None = None
        self._notes_asked = 0
        self._trend_asked = 0
        self._crisis_asked = 0
        self._then = None   # what to do once the next read is shown
        self._sized = False
        s = session
        self.can_create = s.can("psychosocial", "create")
        self.can_update = s.can("psychosocial", "update")
        self.can_plan = s.can("recovery_plan", "create")
        self.can_change_plan = s.can("recovery_plan", "update")
        self.therapist = s.can("therapy", "read")
        self._build()

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer, top = self._page(self.tr("Psychosocial follow-up"))
        top.addStretch(1)
        # therapists issue the summary (exact scores and the trend: therapy detail); no Alt letter
        # yet, the lead deals them
        self.issue_button = self._button(self, self.tr("Issue summary…"), "issueSummaryButton",
                                         self.issue_summary, top, self.therapist)
        self.issue_button.setToolTip(self.tr("Write the psychosocial summary as a signed PDF or a DOCX, for the "
                                             "team or an onward referral"))
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("psychosocialFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.facts_label)
        self.message = InlineMessage(self)
        self.message.setObjectName("psychosocialMessage")
        outer.addWidget(self.message)

        # the screens and the trend | treatment, crisis contacts and the recovery plan (scrolled)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        self.split = split
        outer.addWidget(split, 1)
        body = QWidget()
        left = QVBoxLayout(body)
        left.setContentsMargins(0, 0, em // 2, 0)
        split.addWidget(body)
        rbody = QWidget()
        right = QVBoxLayout(rbody)
        right.setContentsMargins(em // 2, 0, 0, 0)
        split.addWidget(scroll_area(rbody))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        # screens ------------------------------------------------------------------------------
        head = self._head(body, self.tr("Screens"), left)
        self.record_button = self._button(body, self.tr("&Record a screen…"), "recordScreenButton",
                                          self.record_screen, head, self.can_create)
        self.record_button.setToolTip(self.tr("Record a screen (Ctrl+N)"))
        key = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        key.activated.connect(self.record_screen)
        self.resolve_button = self._button(body, self.tr("Resol&ve…"), "resolveScreenButton", self.resolve,
                                           head, self.can_update)
        self.resolve_button.setToolTip(self.tr("Record the diagnostic assessment or referral, or why neither "
                                               "was done"))
        self.rescreen_button = self._button(body, self.tr("Re-screen ever&y…"), "rescreenButton", self.rescreen,
                                            head, self.can_create)
        headers = [self.tr("Date"), self.tr("Child"), self.tr("Instrument"), self.tr("Time point")]
        widths = [em * 6, em * 8, em * 7, em * 8]
        if self.therapist:
            headers.append(self.tr("Score"))
            widths.append(em * 3)
        headers += [self.tr("Band"), self.tr("Cut-off prompt")]
        widths.append(em * 13)
        self.a_view, self.a_model = read_only_table(body, "administrationsTable", headers,
                                                    self.tr("The case's screens"), widths)
        self.a_view.setColumnHidden(1, len(self.children) < 2)   # one child: the column says nothing
        self.a_view.setMinimumHeight(em * 7)
        if self.therapist:   # the trend below it; without it the screens take the column
            self.a_view.setMaximumHeight(em * 10)
        self.a_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        left.addWidget(self.a_view, 0 if self.therapist else 1)
        self.a_empty = empty_label(body)
        self.a_empty.setText(self.tr("No screen is recorded in this case."))
        left.addWidget(self.a_empty)

        # the trend (therapists)
        self.trend_box = QWidget(body)
        tl = QVBoxLayout(self.trend_box)
        tl.setContentsMargins(0, em // 2, 0, 0)
        th = QHBoxLayout()
        th.addWidget(bold(QLabel(self.tr("Trend"), self.trend_box)))
        self.trend_combo = ChoiceCombo([], self.trend_box, placeholder_text=self.tr("No screens yet"))
        self.trend_combo.setObjectName("trendCombo")
        self.trend_combo.setAccessibleName(self.tr("The trend of"))
        lab = QLabel(self.tr("&Instrument:"), self.trend_box)
        lab.setBuddy(self.trend_combo)
        th.addStretch(1)
        th.addWidget(lab)
        th.addWidget(self.trend_combo, 2)
        tl.addLayout(th)
        self.chart = TrendChart(self.trend_box)
        self.chart.setMinimumHeight(em * 10)
        # "Show as &table" would take Alt+T, the Interviews tab's letter in the workspace
        self.chart.table_button.setText(self.tr("Show as a ta&ble"))
        tl.addWidget(self.chart, 1)
        self.trend_combo.valueChanged.connect(lambda _v: self._read_trend())
        self.trend_box.setVisible(self.therapist)
        left.addWidget(self.trend_box, 1)
        if not self.therapist:
            left.addStretch(0)   # takes the room only while there is no screen to list

        # treatment episodes and their sessions --------------------------------------------------
        head = self._head(body, self.tr("Treatment"), right)
        self.start_button = self._button(body, self.tr("Start an &episode…"), "startEpisodeButton",
                                         self.start_episode, head, self.can_create)
        self.end_button = self._button(body, self.tr("End t&he episode…"), "endEpisodeButton", self.end_episode,
                                       head, self.can_update)
        self.e_view, self.e_model = read_only_table(
            body, "episodesTable", [self.tr("For"), self.tr("Model"), self.tr("Provider"), self.tr("Therapist"),
                                    self.tr("Started"), self.tr("Ended")],
            self.tr("Treatment episodes"), [em * 7, em * 7, em * 6, em * 6, em * 6])
        self.e_view.setColumnHidden(0, len(self.persons) < 2)   # one person: the column says nothing
        self.e_view.setMinimumHeight(em * 6)
        self.e_view.setMaximumHeight(em * 8)
        self.e_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_sessions())
        right.addWidget(self.e_view)
        self.e_empty = empty_label(body)
        self.e_empty.setText(self.tr("No treatment episode in this case."))
        right.addWidget(self.e_empty)
        head = self._head(body, self.tr("Sessions of the episode"), right)
        self.session_button = self._button(body, self.tr("Record a sessio&n…"), "recordSessionButton",
                                           self.record_session, head, self.can_create)
        self.s_view, self.s_model = read_only_table(
            body, "sessionsTable", [self.tr("Date"), self.tr("Attendance"), self.tr("Carer took part"),
                                    self.tr("Notes")],
            self.tr("Sessions of the episode"), [em * 6, em * 6, em * 7])
        self.s_view.setMinimumHeight(em * 7)
        self.s_view.setMaximumHeight(em * 8)
        self.s_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._read_notes())
        right.addWidget(self.s_view)
        self.notes = self._notes_box(body, "sessionNotesView", self.tr("The session's notes"),
                                     self.tr("No notes for this session."))
        right.addWidget(self.notes)

        # crisis contacts
        head = self._head(body, self.tr("Crisis contacts"), right)
        self.crisis_button = self._button(body, self.tr("Record a &crisis contact…"), "crisisContactButton",
                                          self.crisis_contact, head, self.can_create)
        self.c_view, self.c_model = read_only_table(
            body, "crisisTable", [self.tr("When"), self.tr("With"), self.tr("By")],
            self.tr("Crisis contacts"), [em * 9, em * 9])
        self.c_view.setColumnHidden(1, len(self.persons) < 2)
        self.c_view.setMinimumHeight(em * 4)
        self.c_view.setMaximumHeight(em * 6)
        self.c_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._read_crisis_notes())
        right.addWidget(self.c_view)
        self.crisis_notes = self._notes_box(body, "crisisNotesView", self.tr("The crisis contact's notes"),
                                            self.tr("No notes for this crisis contact."))
        right.addWidget(self.crisis_notes)

        # the recovery plan
        head = self._head(body, self.tr("Recovery plan"), right)
        self.goal_button = self._button(body, self.tr("Add a &goal…"), "addGoalButton", self.add_goal, head,
                                        self.can_plan)
        self.change_goal_button = self._button(body, self.tr("Revie&w the goal…"), "reviewGoalButton",
                                               self.change_goal, head, self.can_change_plan)
        self.g_view, self.g_model = read_only_table(
            body, "goalsTable", [self.tr("For"), self.tr("Domain"), self.tr("Goal"), self.tr("Who helps"),
                                 self.tr("Status"), self.tr("Review")],
            self.tr("Recovery plan"), [em * 6, em * 6, em * 10, em * 6, em * 5])
        self.g_view.setColumnHidden(0, len(self.persons) < 2)
        self.g_view.setMinimumHeight(em * 7)
        self.g_view.setMaximumHeight(em * 9)
        self.g_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        right.addWidget(self.g_view)
        right.addStretch(1)
        self._update_buttons()

    def _notes_box(self, parent: QWidget, name: str, accessible: str, empty: str) -> QPlainTextEdit:
        """Sealed notes, read for therapists only (shown to nobody else)."""
        box = QPlainTextEdit(parent)
        box.setObjectName(name)
        box.setReadOnly(True)
        box.setTabChangesFocus(True)
        box.setAccessibleName(accessible)
        box.setPlaceholderText(empty)
        box.setMaximumHeight(box.fontMetrics().lineSpacing() * 6)
        box.setVisible(self.therapist)
        return box

    def _head(self, parent: QWidget, title: str, layout) -> QHBoxLayout:
        head = QHBoxLayout()
        head.addWidget(bold(QLabel(title, parent)))
        head.addStretch(1)
        layout.addLayout(head)
        return head


    # reading -------------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Read the case's psychosocial facts again (off the GUI thread)."""
        s, cid = self.session, self.case_id
        self._read(lambda: s.case_psychosocial(cid), self._loaded)

    def _name(self, person_id) -> str:
        return self.names.get(person_id) or self.tr("a person of the record")

    def _loaded(self, facts: dict) -> None:
        self.facts = dict(facts or {})
        for key in ("administrations", "episodes", "crisis_contacts"):   # the newest first, selected
            self.facts[key] = list(reversed(self.facts.get(key) or []))
        for e in self.facts["episodes"]:
            e["sessions"] = list(reversed(e.get("sessions") or []))
        self.facts_label.setText(self.facts_text(self.facts))
        keep = {v: self._selected_id(v) for v in (self.a_view, self.e_view, self.g_view, self.c_view)}
        adm = self.facts.get("administrations") or []
        self.a_model.removeRows(0, self.a_model.rowCount())
        for a in adm:
            cells = [date_text(a.get("administered_on")), self._name(a.get("child_person_id")), a["instrument"],
                     term_label("psychosocial_time_points", a.get("time_point"))]
            if self.therapist:
                cells.append(score_text(a.get("screen_value")))
            cells += [band_text(a["instrument"], a.get("version"), a.get("screen_band")), self.prompt_text(a)]
            items = row_items(cells, a["id"])
            items[2].setToolTip(instrument_name(a["instrument"], a.get("version")))
            self.a_model.appendRow(items)
        self.a_view.setVisible(bool(adm))
        self.a_empty.setVisible(not adm)
        eps = self.facts.get("episodes") or []
        self.e_model.removeRows(0, self.e_model.rowCount())
        for e in eps:
            self.e_model.appendRow(row_items([
                self._name(e.get("person_id")) if e.get("person_id") in self.names else (e.get("person_name") or ""),
                term_label("treatment_models", e.get("model")), e.get("provider_name") or self.tr("This centre"),
                e.get("therapist_name") or "", date_text(e.get("started_on")),
                self.tr("%1 (%2)").replace("%1", date_text(e["ended_on"])).replace(
                    "%2", term_label("treatment_end_reasons", e.get("end_reason"))) if e.get("ended_on")
                else self.tr("Ongoing")], e["id"]))
        self.e_view.setVisible(bool(eps))
        self.e_empty.setVisible(not eps)
        self.c_model.removeRows(0, self.c_model.rowCount())
        zone = centre_zone()
        for c in self.facts.get("crisis_contacts") or []:
            self.c_model.appendRow(row_items([local_datetime_text(c.get("occurred_at_utc"), zone),
                                              self._name(c.get("person_id")), c.get("by_name") or ""], c["id"]))
        self.g_model.removeRows(0, self.g_model.rowCount())
        for g in self.facts.get("goals") or []:
            self.g_model.appendRow(row_items([
                self._name(g.get("person_id")), term_label("recovery_domains", g.get("domain")), g.get("goal") or "",
                g.get("helper") or "", term_label("recovery_goal_statuses", g.get("status")),
                date_text(g.get("review_on"))], g["id"]))
        for view, wanted in keep.items():
            self._select(view, wanted)
        self._fill_trend_choices()
        self._show_sessions()
        then, self._then = self._then, None
        if then is not None:
            then()

    def _selected_id(self, view):
        idx = view.currentIndex()
        return view.model().index(idx.row(), 0).data(ID_ROLE) if idx.isValid() else None

    def _select(self, view, wanted) -> None:
        model = view.model()
        rows = model.rowCount()
        row = next((r for r in range(rows) if model.index(r, 0).data(ID_ROLE) == wanted), 0)
        if row < rows:
            view.selectRow(row)

    def facts_text(self, f: dict) -> str:
        """What the team needs to coordinate, in sentences."""
        lines = [self.tr("In treatment now.") if f.get("engaged") else self.tr("Not in treatment now.")]
        latest: dict = {}
        for a in reversed(f.get("administrations") or []):   # (newest first) the last one wins
            latest[(a.get("child_person_id"), a["instrument"])] = a
        for (pid, code), a in latest.items():
            band = band_text(code, a.get("version"), a.get("screen_band")) or self.tr("no band")
            lines.append(self.tr("Latest %1 of %2 on %3: %4.").replace("%1", instrument_name(code, a.get("version")))
                         .replace("%2", self._name(pid)).replace("%3", date_text(a.get("administered_on")))
                         .replace("%4", band))
        prompts = f.get("open_prompts") or []
        if prompts:
            lines.append(self.tr("Screens at or above the cut-off waiting for an assessment or a referral: %1.")
                         .replace("%1", str(len(prompts))))
        review = f.get("next_review")
        lines.append(self.tr("Next review of the recovery plan: %1.").replace("%1", date_text(str(review)))
                     if review else self.tr("No review of the recovery plan is set."))
        return "\n".join(lines)

    def prompt_text(self, a: dict) -> str:
        if not a.get("at_or_above_cutoff"):
            return ""
        res = a.get("resolution")
        if res is None:
            return self.tr("Open: assess or refer")
        text = term_label("screen_resolutions", res)
        if a.get("resolved_on"):
            text = self.tr("%1 (%2)").replace("%1", text).replace("%2", date_text(a["resolved_on"]))
        return text

    # selections --------------------------------------------------------------------------------
    def _row(self, view, rows: list) -> dict | None:
        idx = view.currentIndex()
        return rows[idx.row()] if idx.isValid() and 0 <= idx.row() < len(rows) else None

    def selected_administration(self) -> dict | None:
        return self._row(self.a_view, self.facts.get("administrations") or [])

    def selected_episode(self) -> dict | None:
        return self._row(self.e_view, self.facts.get("episodes") or [])

    def selected_session(self) -> dict | None:
        return self._row(self.s_view, (self.selected_episode() or {}).get("sessions") or [])

    def selected_goal(self) -> dict | None:
        return self._row(self.g_view, self.facts.get("goals") or [])

    def _show_sessions(self) -> None:
        ep = self.selected_episode() or {}
        self.s_model.removeRows(0, self.s_model.rowCount())
        for x in ep.get("sessions") or []:
            self.s_model.appendRow(row_items([
                date_text(x.get("held_on")), term_label("therapy_session_statuses", x.get("status")),
                self.tr("Yes") if x.get("carer_took_part") else self.tr("No"),
                self.tr("Written") if x.get("notes_written") else ""], x["id"]))
        if self.s_model.rowCount():
            self._select(self.s_view, None)
        self._read_notes()
        self._update_buttons()

    def _read_notes(self) -> None:
        """The selected session's notes, for therapists (a read of its own, audited)."""
        x = self.selected_session()
        self._notes_asked += 1
        self._read_sealed(self.notes, x if x and x.get("notes_written") else None, self.session.session_notes,
                          lambda: self._notes_asked, self._notes_asked)

    def _read_crisis_notes(self) -> None:
        self._crisis_asked += 1
        self._read_sealed(self.crisis_notes, self._row(self.c_view, self.facts.get("crisis_contacts") or []),
                          self.session.crisis_contact_notes, lambda: self._crisis_asked, self._crisis_asked)

    def _read_sealed(self, box: QPlainTextEdit, row: dict | None, read, latest, asked: int) -> None:
        box.clear()
        if not self.therapist or row is None:
            return
        rid = row["id"]

        def shown(notes) -> None:
            if asked == latest():
                box.setPlainText(notes or "")

        self._reads += 1
        self.loading = True
        run_operation(self, lambda: read(rid), shown, errors=self.message, on_finished=self._read_done)

    def _fill_trend_choices(self) -> None:
        """One choice per child and instrument screened in the case."""
        if not self.therapist:
            return
        pairs = []
        for a in self.facts.get("administrations") or []:
            key = f"{a['child_person_id']}|{a['instrument']}"
            if key not in [k for k, _t in pairs]:
                text = instrument_name(a["instrument"], a.get("version"))
                if len(self.children) > 1:
                    text = self.tr("%1: %2").replace("%1", self._name(a["child_person_id"])).replace("%2", text)
                pairs.append((key, text))
        chosen = self.trend_combo.value()
        self.trend_combo.blockSignals(True)
        self.trend_combo.set_choices(pairs, keep_value=True)
        if self.trend_combo.value() is None and pairs:
            self.trend_combo.set_value(pairs[0][0])   # the instrument of the newest screen
        self.trend_combo.blockSignals(False)
        if self.trend_combo.value() != chosen or chosen is not None:
            self._read_trend()

    def _read_trend(self) -> None:
        self._trend_asked += 1
        asked = self._trend_asked
        key = self.trend_combo.value()
        if not key:
            self.chart.set_trend(None)
            return
        pid, code = key.split("|", 1)
        s, cid, pid = self.session, self.case_id, int(pid)

        def shown(data) -> None:
            if asked == self._trend_asked:
                self.chart.set_trend(trend_in_words(data, code), lambda band: band_text(code, None, band),
                                     lambda scale: scale_text(code, scale))

        self._reads += 1
        self.loading = True
        run_operation(self, lambda: s.trend(cid, pid, code), shown, errors=self.message, on_finished=self._read_done)

    def _update_buttons(self) -> None:
        a = self.selected_administration() or {}
        ep = self.selected_episode() or {}
        for b, on in ((self.resolve_button, bool(a.get("at_or_above_cutoff"))),
                      (self.end_button, bool(ep) and ep.get("ended_on") is None),
                      (self.session_button, bool(ep)),
                      (self.rescreen_button, bool(self.children)),
                      (self.record_button, bool(self.children)),
                      (self.change_goal_button, self.selected_goal() is not None)):
            b.setEnabled(on)

    # actions -----------------------------------------------------------------------------------

    def _added(self, view) -> None:
        """Read again after a row was added to view, and select it (the highest id)."""
        def select() -> None:
            model = view.model()
            ids = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
            if ids:
                view.selectRow(ids.index(max(ids)))
        self._then = select
        self._after()


    def record_screen(self) -> QDialog | None:
        if not self.can_create or self.dialog is not None or not self.children:
            return None
        return self._open(RecordScreenDialog(self.session, self.case_id, self.children, self),
                          lambda d: self._screen_recorded(d.admin_id))

    def _screen_recorded(self, admin_id: int | None) -> None:
        """Select the new screen once read, and say what the core scored."""
        def select() -> None:
            rows = self.facts.get("administrations") or []
            row = next((i for i, a in enumerate(rows) if a["id"] == admin_id), None)
            if row is None:
                return
            self.a_view.selectRow(row)
            a = rows[row]
            text = self.tr("%1: %2.").replace("%1", instrument_name(a["instrument"], a.get("version"))).replace(
                "%2", band_text(a["instrument"], a.get("version"), a.get("screen_band")) or self.tr("no band"))
            if self.therapist and a.get("screen_value") is not None:
                text = self.tr("%1: %2, %3.").replace("%1", instrument_name(a["instrument"], a.get("version"))) \
                    .replace("%2", score_text(a["screen_value"])).replace(
                    "%3", band_text(a["instrument"], a.get("version"), a.get("screen_band")) or self.tr("no band"))
            if a.get("at_or_above_cutoff"):
                text += " " + self.tr("At or above the cut-off: a diagnostic assessment or a referral is due "
                                      "(Resolve…).")
            self.message.show_info(text)

        self._then = select
        self._after()

    def resolve(self) -> QDialog | None:
        a = self.selected_administration()
        if a is None or not a.get("at_or_above_cutoff") or self.dialog is not None:
            return None
        return self._open(ResolveScreenDialog(self.session, self.case_id, a, self))

    def rescreen(self) -> QDialog | None:
        if self.dialog is not None or not self.children:
            return None
        a = self.selected_administration() or {}
        return self._open(RescreenDialog(self.session, self.case_id, self.children, self,
                                         instrument=a.get("instrument")))

    def start_episode(self) -> QDialog | None:
        if self.dialog is not None:
            return None
        return self._open(StartEpisodeDialog(self.session, self.case_id, self.persons, self),
                          lambda d: self._added(self.e_view))

    def end_episode(self) -> QDialog | None:
        ep = self.selected_episode()
        if ep is None or ep.get("ended_on") or self.dialog is not None:
            return None
        return self._open(EndEpisodeDialog(self.session, ep, self))

    def record_session(self) -> QDialog | None:
        ep = self.selected_episode()
        if ep is None or self.dialog is not None:
            return None
        return self._open(SessionDialog(self.session, ep, self), lambda d: self._added(self.s_view))

    def crisis_contact(self) -> QDialog | None:
        if self.dialog is not None:
            return None
        return self._open(CrisisContactDialog(self.session, self.case_id, self.persons, self),
                          lambda d: self._added(self.c_view))

    def add_goal(self) -> QDialog | None:
        if self.dialog is not None:
            return None
        return self._open(AddGoalDialog(self.session, self.case_id, self.persons, self),
                          lambda d: self._added(self.g_view))

    def change_goal(self) -> QDialog | None:
        g = self.selected_goal()
        if g is None or self.dialog is not None:
            return None
        return self._open(EditGoalDialog(self.session, g, self))

    def issue_summary(self, path=None) -> QDialog | None:
        """The case's psychosocial summary to a file, therapists only (path: preset, for tests);
        after it, what to give the recipient out of band."""
        if not self.therapist or self.dialog is not None or self.session is None:
            return None
        from ui.documents.panel import IssuedDialog
        from ui.psychosocial.issue_dialog import PsychosocialSummaryDialog

        def issued(dlg) -> None:
            result = dlg.issue_result
            self.message.show_info(self.tr("Psychosocial summary %1 was written and registered.").replace(
                "%1", result["entry"]["document_id"]))
            QTimer.singleShot(0, lambda: self.session is not None and open_dialog(
                self, IssuedDialog(result, self), lambda d: None))

        return self._open(PsychosocialSummaryDialog(self.session, self.case_id, self.case_reference, self,
                                                    children=self.children, path=path), issued)

    def focus_order(self) -> tuple:
        return (self.a_view, self.record_button, self.e_view, self.g_view)

    def showEvent(self, event):  # noqa: N802 (Qt name)
        """The screens and the trend take three fifths the first time; read on each showing."""
        if not self._sized:   # the screens and the trend take three fifths, whatever their size hints
            self._sized = True
            width = max(self.split.width(), self.width())
            self.split.setSizes([width * 3 // 5, width - width * 3 // 5])
        super().showEvent(event)
