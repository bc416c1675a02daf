"""The case workspace's "Team and referrals" page: the team's review schedule for the case, its
actions (who does what by when, overdue ones marked), its meetings, decisions and the child's
views over time, and the referrals in and out with their history and what each shared.

Everything shown comes from the core (case_team, case_referrals, referral_view: each read is
audited); every change is one core call made by a dialog (team_dialogs.py). session.can() only
shapes the view: a role that may not change meetings or referrals sees them read-only, and the
core still checks every call. Reads run off the GUI thread (ui/common/tasks.py); `loading` is
true while one is under way.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from ui.common.dates import date_text, local_datetime_text
from ui.common.feedback import (
    InlineMessage, bold, empty_label, open_dialog, read_only_table, row_items, tinted_box,
)
from ui.common.field_widgets import error_color
from ui.common.tasks import run_operation
from ui.cases.team_dialogs import (
    ActionCancelDialog, ActionDoneDialog, NewReferralDialog, ReferralStepDialog, ReviewIntervalDialog,
    SharingDialog, next_statuses, term_text, words,
)



class TeamPanel(QWidget):
    """The "Team and referrals" page of a saved case."""

    changed = Signal()

    def __init__(self, session, case_id: int, case_reference: str = "", children: list | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("teamPanel")
        self.session = session
        self.case_id = case_id
        self.case_reference = case_reference
        self.children = list(children or [])
        self.team: dict | None = None
        self.referrals: list[dict] = []
        self.referral: dict | None = None   # referral_view of the one selected
        self.dialog: QDialog | None = None
        self.loading = False
        self._reads = 0
        self._asked = 0   # which read of a referral's view is the last one asked for
        self._generation = 0   # which read of the tab's lists is the last one asked for
        self._want_focus = False
        self._focus_after_read: QTableView | None = None
        s = session
        self.can_read_team = s.can("meeting", "read")
        self.can_update_team = s.can("meeting", "update")
        self.can_read_referrals = s.can("referral", "read")
        self.can_create_referral = s.can("referral", "create")
        self.can_update_referral = s.can("referral", "update")
        self.step_buttons: dict[str, QPushButton] = {}
        self._build()

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        w, fm = words(), self.fontMetrics()
        # the status columns as wide as their longest words (a tenth more: overdue ones are bold)
        action_status = max(fm.horizontalAdvance(w.action_status(c, o)) for c in ("open", "done", "cancelled")
                            for o in (False, True)) * 11 // 10 + em
        referral_status = max(fm.horizontalAdvance(self.tr("{status}, overdue").format(status=w.referral_status(c)))
                              for c in ("sent", "accepted", "engaged")) * 11 // 10 + em
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.setSpacing(em // 2)

        self.review_box, rl = tinted_box(self, "reviewBox")
        row = QHBoxLayout()
        rl.addLayout(row)
        self.review_label = QLabel(self.review_box)
        self.review_label.setObjectName("reviewLabel")
        self.review_label.setWordWrap(True)
        self.review_label.setTextFormat(Qt.TextFormat.PlainText)
        self.review_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.review_label, 1)
        self.interval_button = QPushButton(self.tr("Change the &interval…"), self.review_box)
        self.interval_button.setObjectName("reviewIntervalButton")
        self.interval_button.setToolTip(self.tr("How often the team reviews this case"))
        self.interval_button.setAutoDefault(False)
        self.interval_button.clicked.connect(self.change_interval)
        self.interval_button.setVisible(self.can_update_team)
        row.addWidget(self.interval_button, 0, Qt.AlignmentFlag.AlignTop)
        self.review_box.setVisible(self.can_read_team)
        outer.addWidget(self.review_box)

        self.message = InlineMessage(self)
        self.message.setObjectName("teamMessage")
        outer.addWidget(self.message)

        self.vsplit = QSplitter(Qt.Orientation.Vertical, self)
        self.vsplit.setChildrenCollapsible(False)
        outer.addWidget(self.vsplit, 1)

        # --- the team: actions | meetings, decisions, the child's views -------------------------
        team = QSplitter(Qt.Orientation.Horizontal)
        team.setChildrenCollapsible(False)
        self.team_split = team
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(em // 4)
        head = QHBoxLayout()
        self.actions_head = bold(QLabel(self.tr("Actions"), left), 1.1)
        head.addWidget(self.actions_head)
        head.addStretch(1)
        self.show_closed = QCheckBox(self.tr("Show finished actions too"), left)
        self.show_closed.setObjectName("showClosedActions")
        self.show_closed.toggled.connect(lambda _on: self._show_actions())
        head.addWidget(self.show_closed)
        ll.addLayout(head)
        self.a_view, self.a_model = read_only_table(
            left, "teamActionsTable", [self.tr("Action"), self.tr("Owner"), self.tr("Due"), self.tr("Status")],
            self.tr("Actions"), [em * 14, em * 10, em * 6, action_status], stretch=0)
        self.a_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        ll.addWidget(self.a_view, 1)
        self.a_empty = empty_label(left)
        ll.addWidget(self.a_empty)
        abar = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Mar&k as done…"), left)
        self.done_button.setObjectName("actionDoneButton")
        self.cancel_button = QPushButton(self.tr("Ca&ncel action…"), left)
        self.cancel_button.setObjectName("actionCancelButton")
        for b in (self.done_button, self.cancel_button):
            b.setAutoDefault(False)
            b.setVisible(self.can_update_team)
            abar.addWidget(b)
        abar.addStretch(1)
        self.done_button.clicked.connect(self.mark_done)
        self.cancel_button.clicked.connect(self.cancel_action)
        ll.addLayout(abar)
        team.addWidget(left)

        self.history = QTabWidget()
        self.history.setObjectName("teamHistory")
        self.history.setDocumentMode(True)
        self.m_view, self.m_model = read_only_table(
            self.history, "teamMeetingsTable", [self.tr("Date"), self.tr("Kind"), self.tr("Status")],
            self.tr("Meetings about this case"), [em * 6, em * 11])
        self.d_view, self.d_model = read_only_table(
            self.history, "teamDecisionsTable", [self.tr("Date"), self.tr("Decision")],
            self.tr("Decisions over time"), [em * 6])
        self.d_view.setWordWrap(True)
        self.v_view, self.v_model = read_only_table(
            self.history, "teamViewsTable", [self.tr("Date"), self.tr("How"), self.tr("The child's views")],
            self.tr("The child's views over time"), [em * 6, em * 9])
        self.v_view.setWordWrap(True)
        self.history.addTab(self.m_view, self.tr("Meetings"))
        self.history.addTab(self.d_view, self.tr("Decisions"))
        self.history.addTab(self.v_view, self.tr("The child's views"))
        team.addWidget(self.history)
        left.setMinimumWidth(em * 20)
        self.history.setMinimumWidth(em * 16)
        team.setStretchFactor(0, 3)
        team.setStretchFactor(1, 2)
        team.setSizes([em * 36, em * 24])
        if self.can_read_team:
            self.vsplit.addWidget(team)

        # --- referrals | the one selected --------------------------------------------------------
        refs = QSplitter(Qt.Orientation.Horizontal)
        refs.setChildrenCollapsible(False)
        self.ref_split = refs
        rleft = QWidget()
        rll = QVBoxLayout(rleft)
        rll.setContentsMargins(0, em // 2, 0, 0)
        rll.setSpacing(em // 4)
        rhead = QHBoxLayout()
        rhead.addWidget(bold(QLabel(self.tr("Referrals"), rleft), 1.1))
        rhead.addStretch(1)
        self.new_button = QPushButton(self.tr("Ne&w referral…"), rleft)
        self.new_button.setObjectName("newReferralButton")
        self.new_button.setAutoDefault(False)
        self.new_button.setVisible(self.can_create_referral)
        self.new_button.clicked.connect(self.new_referral)
        rhead.addWidget(self.new_button)
        rll.addLayout(rhead)
        self.r_view, self.r_model = read_only_table(
            rleft, "referralsTable",
            [self.tr("Direction"), self.tr("Service"), self.tr("Agency"), self.tr("Status"), self.tr("Due")],
            self.tr("Referrals"), [em * 3, em * 10, em * 10, referral_status, em * 6], stretch=1)
        self.r_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._referral_selected(cur.row()))
        rll.addWidget(self.r_view, 1)
        self.r_empty = empty_label(rleft)
        rll.addWidget(self.r_empty)
        self.step_bar = QHBoxLayout()
        self.step_label = QLabel(self.tr("Next step:"), rleft)
        self.step_bar.addWidget(self.step_label)
        self.step_bar.addStretch(1)
        rll.addLayout(self.step_bar)
        self.step_label.setVisible(False)
        refs.addWidget(rleft)

        rright = QWidget()
        rrl = QVBoxLayout(rright)
        rrl.setContentsMargins(0, em // 2, 0, 0)
        rrl.setSpacing(em // 4)
        shead = QHBoxLayout()
        self.detail_head = bold(QLabel(self.tr("The referral's history"), rright), 1.1)
        shead.addWidget(self.detail_head)
        shead.addStretch(1)
        self.share_button = QPushButton(self.tr("Re&cord what was shared…"), rright)
        self.share_button.setObjectName("recordSharingButton")
        self.share_button.setToolTip(self.tr("The information and documents the receiving agency was given"))
        self.share_button.setAutoDefault(False)
        self.share_button.setVisible(self.can_update_referral)
        self.share_button.clicked.connect(self.record_sharing)
        shead.addWidget(self.share_button)
        rrl.addLayout(shead)
        self.detail_label = QLabel(rright)
        self.detail_label.setObjectName("referralDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rrl.addWidget(self.detail_label)
        self.e_view, self.e_model = read_only_table(
            rright, "referralEventsTable", [self.tr("On"), self.tr("Step"), self.tr("By"), self.tr("Note")],
            self.tr("The referral's history"), [em * 6, em * 9, em * 7])
        rrl.addWidget(self.e_view, 2)
        rrl.addWidget(bold(QLabel(self.tr("What was shared"), rright)))
        self.s_view, self.s_model = read_only_table(
            rright, "referralSharingTable",
            [self.tr("When"), self.tr("To whom"), self.tr("Legal basis"), self.tr("What")],
            self.tr("What was shared"), [em * 6, em * 9, em * 8])
        rrl.addWidget(self.s_view, 2)
        self.s_empty = empty_label(rright)
        rrl.addWidget(self.s_empty)
        refs.addWidget(rright)
        rleft.setMinimumWidth(em * 22)
        rright.setMinimumWidth(em * 18)
        refs.setStretchFactor(0, 3)
        refs.setStretchFactor(1, 2)
        refs.setSizes([em * 36, em * 24])
        if self.can_read_referrals:
            self.vsplit.addWidget(refs)
        self._show_empty_texts()
        self._update_buttons()

    # reading -------------------------------------------------------------------------------------
    def refresh(self, select_referral: int | None = None) -> None:
        """Read the case's team history and referrals again (off the GUI thread)."""
        s, cid = self.session, self.case_id
        read_team, read_refs = self.can_read_team, self.can_read_referrals
        keep = select_referral if select_referral is not None else (self.selected_referral() or {}).get("id")
        self._reads += 1
        self._generation += 1
        generation = self._generation
        self.loading = True

        def loaded(result) -> None:
            if generation == self._generation:   # only the answer to the last read asked for
                self._loaded(*result, keep)

        run_operation(self, lambda: (s.case_team(cid) if read_team else None,
                                     s.case_referrals(cid) if read_refs else []),
                      loaded, errors=self.message, on_finished=self._read_done)

    def _read_done(self) -> None:
        self._reads -= 1
        self.loading = self._reads > 0

    def _loaded(self, team: dict | None, referrals: list, keep: int | None) -> None:
        self.team = team
        self.referrals = list(referrals or [])
        self._show_review()
        self._show_actions()
        self._show_history()
        self._show_referrals(keep)
        self._show_empty_texts()
        if self._want_focus:
            self.focus_first()
        view, self._focus_after_read = self._focus_after_read, None
        if view is not None and view.isVisible():
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_empty_texts(self) -> None:
        if (self.team or {}).get("hidden"):
            self.a_empty.setText(self.tr("You do not work on this case, so its meetings, decisions and actions "
                                         "are not shown to you."))
        elif not self.show_closed.isChecked():
            self.a_empty.setText(self.tr("No action is open in this case."))
        else:
            self.a_empty.setText(self.tr("The team has agreed no action in this case yet."))
        self.r_empty.setText(self.tr("No referral in or out yet."))
        self.s_empty.setText(self.tr("Nothing recorded as shared.") if self.referral is not None
                             else self.tr("Choose a referral to see what it shared."))
        self.a_view.setVisible(self.a_model.rowCount() > 0)
        self.a_empty.setVisible(self.a_model.rowCount() == 0)
        self.r_view.setVisible(bool(self.referrals))
        self.r_empty.setVisible(not self.referrals)
        self.s_view.setVisible(self.s_model.rowCount() > 0)
        self.s_empty.setVisible(self.s_model.rowCount() == 0)

    def _show_review(self) -> None:
        review = (self.team or {}).get("review") or {}
        default = review.get("default_interval_days")
        own = review.get("interval_days")
        loc = QLocale()
        parts = []
        if review.get("next_review_on"):
            parts.append(self.tr("Next review: {date}.").format(date=date_text(review["next_review_on"])))
        else:
            parts.append(self.tr("Next review: at the next case review meeting (not reviewed yet)."))
        if own is not None:
            parts.append(self.tr("Every {n} days, set for this case (the centre's default is {d}).").format(
                n=loc.toString(int(own)), d=loc.toString(int(default)) if default is not None else "?"))
        elif default is not None:
            parts.append(self.tr("Every {n} days, the centre's default.").format(n=loc.toString(int(default))))
        if review.get("last_reviewed_on"):
            parts.append(self.tr("Last reviewed {date}.").format(date=date_text(review["last_reviewed_on"])))
        self.review_label.setText(" ".join(parts))
        self.review_label.setAccessibleName(self.review_label.text())

    def _show_actions(self) -> None:
        keep = (self.selected_action() or {}).get("id")
        self.a_model.removeRows(0, self.a_model.rowCount())
        w = words()
        red = error_color(self.palette())
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        for a in self.actions():
            owner = a.get("owner_name") or a.get("owner") or ""
            if a.get("agency"):
                owner = self.tr("{owner} ({agency})").format(owner=owner, agency=a["agency"])
            overdue = bool(a.get("overdue"))
            items = row_items([a.get("text") or "", owner, date_text(a.get("due_on")),
                            w.action_status(a.get("status"), overdue)], a["id"])
            if a.get("status") == "cancelled" and a.get("cancel_reason"):
                items[3].setToolTip(self.tr("Cancelled: {reason}").format(reason=a["cancel_reason"]))
            if overdue:
                for it in items[2:]:
                    it.setFont(bold_font)
                    it.setForeground(QBrush(red))
                items[2].setData(self.tr("{date}, overdue").format(date=date_text(a.get("due_on"))),
                                 Qt.ItemDataRole.AccessibleTextRole)
            self.a_model.appendRow(items)
        for i, a in enumerate(self.actions()):
            if a["id"] == keep:
                self.a_view.selectRow(i)
        self._show_empty_texts()
        self._update_buttons()

    def actions(self) -> list[dict]:
        """The actions shown: the open ones, or all of them with Show finished actions too."""
        every = (self.team or {}).get("actions") or []
        return every if self.show_closed.isChecked() else [a for a in every if a.get("status") == "open"]

    def _show_history(self) -> None:
        w = words()
        team = self.team or {}
        self.m_model.removeRows(0, self.m_model.rowCount())
        for m in team.get("meetings") or []:
            self.m_model.appendRow(row_items([date_text(m.get("date") or m.get("on")),
                                           term_text("meeting_kinds", m.get("kind")),
                                           w.meeting_status(m.get("status"))], m.get("id")))
        self.d_model.removeRows(0, self.d_model.rowCount())
        for d in team.get("decisions") or []:
            self.d_model.appendRow(row_items([date_text(d.get("date") or d.get("on")), d.get("text") or ""]))
        self.v_model.removeRows(0, self.v_model.rowCount())
        for v in team.get("child_views") or []:
            heard = v.get("child_heard")
            said = (v.get("child_not_heard_reason") or v.get("reason") if heard == "not_heard"
                    else v.get("child_views") or v.get("views")) or ""
            self.v_model.appendRow(row_items([date_text(v.get("date") or v.get("on")), w.child_heard(heard), said]))
        for view in (self.d_view, self.v_view):
            view.resizeRowsToContents()
        n = QLocale().toString
        self.history.setTabText(0, self.tr("Meetings ({n})").format(n=n(self.m_model.rowCount())))
        self.history.setTabText(1, self.tr("Decisions ({n})").format(n=n(self.d_model.rowCount())))
        self.history.setTabText(2, self.tr("The child's views ({n})").format(n=n(self.v_model.rowCount())))

    def _show_referrals(self, keep: int | None) -> None:
        w = words()
        self.r_view.selectionModel().blockSignals(True)
        self.r_model.removeRows(0, self.r_model.rowCount())
        red = error_color(self.palette())
        for r in self.referrals:
            items = row_items([w.direction(r.get("direction")), term_text("referral_services", r.get("service")),
                            r.get("agency") or r.get("agency_name") or "", w.referral_status(r.get("status")),
                            date_text(r.get("due_on"))], r["id"])
            if r.get("overdue"):
                f = QFont(self.font())
                f.setBold(True)
                for it in items[3:]:
                    it.setForeground(QBrush(red))
                    it.setFont(f)
                items[3].setText(self.tr("{status}, overdue").format(status=w.referral_status(r.get("status"))))
            self.r_model.appendRow(items)
        self.r_view.selectionModel().blockSignals(False)
        row = next((i for i, r in enumerate(self.referrals) if r["id"] == keep), 0 if self.referrals else -1)
        if row >= 0:
            self.r_view.selectRow(row)
            self._referral_selected(row)
        else:
            self._referral_selected(-1)

    # the selected referral --------------------------------------------------------------------
    def selected_referral(self) -> dict | None:
        idx = self.r_view.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.referrals):
            return None
        return self.referrals[idx.row()]

    def referral_summary(self, r: dict) -> str:
        w = words()
        parts = [w.direction(r.get("direction")), term_text("referral_services", r.get("service"))]
        agency = r.get("agency") or r.get("agency_name")
        text = self.tr("Referral {direction}: {service}").format(direction=parts[0].lower(), service=parts[1])
        return self.tr("{referral}, {agency}").format(referral=text, agency=agency) if agency else text

    def _referral_selected(self, row: int) -> None:
        self._asked += 1
        asked = self._asked
        self.referral = None
        self.e_model.removeRows(0, self.e_model.rowCount())
        self.s_model.removeRows(0, self.s_model.rowCount())
        r = self.referrals[row] if 0 <= row < len(self.referrals) else None
        self.detail_label.setText("" if r is None else self._detail_text(r))
        self.detail_label.setVisible(r is not None)
        self._rebuild_steps(None)   # the steps come with the referral's view (who may take them)
        self._update_buttons()
        self._show_empty_texts()
        if r is None:
            return
        s, rid = self.session, r["id"]

        def shown(view: dict) -> None:
            if asked == self._asked:
                self._show_referral(view)

        self._reads += 1
        self.loading = True
        run_operation(self, lambda: s.referral_view(rid), shown, errors=self.message, on_finished=self._read_done)

    def _detail_text(self, r: dict) -> str:
        w = words()
        lines = [self.referral_summary(r)]
        if r.get("contact") or r.get("contact_name"):
            lines.append(self.tr("Contact: {name}").format(name=r.get("contact") or r.get("contact_name")))
        if r.get("reason"):
            lines.append(self.tr("Why: {reason}").format(reason=r["reason"]))
        if r.get("rejection_reason"):
            lines.append(self.tr("Rejected: {reason}").format(reason=r["rejection_reason"]))
        if r.get("outcome"):
            outcome = w.outcome(r["outcome"])
            if r.get("outcome_reason"):
                outcome = self.tr("{outcome}: {reason}").format(
                    outcome=outcome, reason=term_text("referral_outcome_reasons", r["outcome_reason"]))
            lines.append(self.tr("Outcome: {outcome}").format(outcome=outcome))
        return "\n".join(lines)

    def _show_referral(self, view: dict) -> None:
        self.referral = view
        w = words()
        self.detail_label.setText(self._detail_text(view))
        self._rebuild_steps(view)
        for e in view.get("events") or []:
            self.e_model.appendRow(row_items([date_text(e.get("on_date") or e.get("on")),
                                           w.referral_status(e.get("to_status")),
                                           e.get("by_name") or "", e.get("note") or ""]))
        for d in view.get("disclosures") or []:
            what = [term_text("shareable_items", c) for c in d.get("items") or []] if isinstance(
                d.get("items"), list) else []
            if d.get("document_id"):
                what.append(str(d.get("document") or d.get("document_id")))
            row = row_items([date_text(local_datetime_text(d.get("disclosed_at"), style="date")),
                          d.get("recipient") or "", term_text("sharing_legal_bases", d.get("legal_basis")),
                          ", ".join(what)])
            row[1].setToolTip(self.tr("Undertaking: {text}").format(text=d.get("undertaking") or ""))
            self.s_model.appendRow(row)
        self._show_empty_texts()
        self._update_buttons()

    def _rebuild_steps(self, view: dict | None) -> None:
        """The next-step buttons: only the steps the core allows from the referral's status, and
        only if the core says this user may change it (referral_view)."""
        for b in self.step_buttons.values():
            self.step_bar.removeWidget(b)
            b.deleteLater()
        self.step_buttons = {}
        steps = next_statuses(view) if self.can_update_referral else []
        w = words()
        for i, code in enumerate(steps):
            b = QPushButton(w.step_button(code), self)
            b.setObjectName(f"referralStep_{code}")
            b.setAutoDefault(False)
            b.clicked.connect(lambda _c=False, c=code: self.referral_step(c))
            self.step_bar.insertWidget(1 + i, b)
            self.step_buttons[code] = b
        self.step_label.setVisible(bool(steps))
        if self.step_buttons:   # Tab goes from the table to the steps, then to the sharing button
            chain = [self.r_view, *self.step_buttons.values(), self.share_button]
            for a, b in zip(chain, chain[1:]):
                QWidget.setTabOrder(a, b)

    # the selected action -----------------------------------------------------------------------
    def selected_action(self) -> dict | None:
        idx = self.a_view.currentIndex()
        shown = self.actions()
        if not idx.isValid() or not 0 <= idx.row() < len(shown):
            return None
        return shown[idx.row()]

    def action_summary(self, a: dict) -> str:
        owner = a.get("owner_name") or a.get("owner") or ""
        return self.tr("{text} ({owner}, due {date})").format(text=a.get("text") or "", owner=owner,
                                                              date=date_text(a.get("due_on")))

    def _update_buttons(self) -> None:
        a = self.selected_action()
        is_open = a is not None and a.get("status") == "open"
        self.done_button.setEnabled(is_open)
        self.cancel_button.setEnabled(is_open)
        self.share_button.setEnabled(bool(self.referral and self.referral.get("may_update")))
        if self.referral is not None and not self.referral.get("may_update") and self.can_update_referral:
            self.share_button.setToolTip(self.tr("Only the one who made this referral, or a coordinator, changes it"))
        else:
            self.share_button.setToolTip(self.tr("The information and documents the receiving agency was given"))
        self.interval_button.setEnabled(self.team is not None)

    # actions -----------------------------------------------------------------------------------
    def _after(self, select_referral: int | None = None) -> None:
        self.refresh(select_referral)
        self.changed.emit()

    def _focus_back(self, view: QTableView):
        """After a dialog: the keyboard back on the list it acted on (once read again: a list
        shown for the first time appears only then)."""
        def back(code: int) -> None:
            if view.isVisible():
                view.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self._focus_after_read = view
        return back

    def _open(self, dialog: QDialog, on_accepted, focus: QTableView) -> QDialog:
        dialog.finished.connect(self._focus_back(focus))
        return open_dialog(self, dialog, on_accepted)

    def new_referral(self) -> None:
        """The agency register is read first (off the GUI thread), then the dialog opens."""
        if not self.can_create_referral:
            return
        s = self.session

        def opened(agencies: list) -> None:
            dlg = NewReferralDialog(s, self.case_id, agencies, self.children, self)
            self._open(dlg, lambda d: self._after(d.referral_id), self.r_view)

        run_operation(self, lambda: s.list_agencies() if s.can("agency", "read") else [], opened,
                      errors=self.message, hold=(self.new_button,))

    def referral_step(self, to_status: str) -> QDialog | None:
        r = self.referral   # the view read for the referral selected
        if r is None:
            return None
        dlg = ReferralStepDialog(self.session, r, to_status, self.referral_summary(r), self)
        return self._open(dlg, lambda d: self._after(r["id"]), self.r_view)

    def record_sharing(self) -> None:
        r = self.referral
        if r is None:
            return
        s, cid = self.session, self.case_id

        def opened(documents: list) -> None:
            dlg = SharingDialog(s, r, self.referral_summary(r), documents, self)
            self._open(dlg, lambda d: self._after(r["id"]), self.r_view)

        def documents() -> list:   # the case's own: a meeting's minutes (listed too) are not shared by a referral
            return [e for e in s.document_register(cid) if e["case_id"] == cid] if s.can("case", "read") else []

        run_operation(self, documents, opened, errors=self.message, hold=(self.share_button,))

    def mark_done(self) -> QDialog | None:
        a = self.selected_action()
        if a is None:
            return None
        return self._open(ActionDoneDialog(self.session, a, self.action_summary(a), self),
                          lambda d: self._after(), self.a_view)

    def cancel_action(self) -> QDialog | None:
        a = self.selected_action()
        if a is None:
            return None
        return self._open(ActionCancelDialog(self.session, a, self.action_summary(a), self),
                          lambda d: self._after(), self.a_view)

    def change_interval(self) -> QDialog | None:
        if self.team is None:
            return None
        dlg = ReviewIntervalDialog(self.session, self.case_id, (self.team or {}).get("review") or {}, self)
        return self._open(dlg, lambda d: self._after(), self.a_view)

    def focus_first(self) -> None:
        """The keyboard to the first list with rows (once read: the page reads when shown)."""
        if self.loading or self.team is None and self.can_read_team:
            self._want_focus = True
            return
        self._want_focus = False
        for w in (self.a_view, self.r_view, self.new_button, self.show_closed):
            if w.isVisible() and w.isEnabled():
                w.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(w, QTableView) and w.model().rowCount() and not w.currentIndex().isValid():
                    w.selectRow(0)
                return

    def showEvent(self, event):  # noqa: N802 (Qt name)
        """Read when first shown, and again on each return to the page (a meeting elsewhere may
        have changed the case's team history meanwhile)."""
        super().showEvent(event)
        if not self.loading:
            self.refresh()
