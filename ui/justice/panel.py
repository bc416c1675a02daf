"""The case workspace's "Justice" tab (issue #16): a calm line on the case's justice track and
compensation; its proceedings (against whom, what kind, where it stands, the next hearing, the
release date) with the selected one's events, charges, the child's part and release notification;
the compensation claims with their amounts; the rights-explained checkpoints. The liaison and the
case lead read and record (buttons); every other case role reads the summary line
(justice_status) and the case's alleged offences. session.can() only shapes the view; the core
decides. Reads run off the GUI thread (run_operation); `loading` is true while one is under way."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout

from barnahus_app.followup.actions import local_today
from barnahus_app.justice.actions import allowed_events, claim_next_statuses, takes_payment

from ui.common.case_tab import CaseTabPanel
from ui.common.dates import date_text, local_datetime_text
from ui.common.feedback import (
    FillingPage, InlineMessage, bold, empty_label, muted, plural, read_only_table, row_items, scroll_area,
)
from ui.common.vocab_widgets import label_language, term_label
from ui.justice.dialogs import (
    ChildPartDialog, ClaimDialog, ClaimStatusDialog, DeadlineDialog, EventDialog, HearingDialog, OffenceDialog,
    PaymentDialog, ProceedingDialog, ProceedingOffenceDialog, ReleaseDateDialog, ReleaseInformedDialog,
    ReleaseWishDialog, RightsDialog, charge_text, offence_text,
)
from ui.justice.money import money_text
from ui.medical.panel import child_name


def _label(parent, name: str) -> QLabel:
    lab = QLabel(parent)
    lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class JusticePanel(CaseTabPanel):
    """The "Justice" page of a saved case."""

    def __init__(self, session, case_id: int, case: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("justicePanel")
        self.session = session
        self.case_id = case_id
        case = case or {}
        self.children = [(c["person_id"], child_name(c)) for c in case.get("children") or []]
        self.offenders = [(p["person_id"], child_name(p)) for p in case.get("parties") or []
                          if p.get("party_role") == "alleged_offender"]
        self.summary: dict = {}
        self.proceedings: list[dict] = []
        self.claims: list[dict] = []
        self.offences: list[dict] = []
        self.dialog: QDialog | None = None
        self._select: int | None = None
        self._select_claim: int | None = None
        self._select_offence: int | None = None
        self.can_read_track = session.can("justice", "read")   # else the summary line only
        self.can_create = session.can("justice", "create")
        self.can_update = session.can("justice", "update")
        # alleged offences belong to the case: the coordinators record them, every case reader reads them
        self.can_read_offences = session.can("case", "read")
        self.can_change_offences = session.can("case", "update")
        self._build()

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer, top = self._page(self.tr("Justice and compensation"))
        self.line = _label(self, "justiceLine")
        top.addWidget(self.line, 1)
        self.track_note = muted(_label(self, "justiceTrackNote"))
        self.track_note.setText(self.tr("The proceedings and the compensation claims are read by the case lead "
                                        "and the liaison."))
        self.track_note.setVisible(not self.can_read_track)
        outer.addWidget(self.track_note)
        self.message = InlineMessage(self)
        self.message.setObjectName("justiceMessage")
        outer.addWidget(self.message)

        # the rest scrolls when the window is too low for its tables (a laptop's screen)
        body = FillingPage(self)
        page = QVBoxLayout(body)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(outer.spacing())
        outer.addWidget(scroll_area(body), 1)

        # proceedings
        head = QHBoxLayout()
        self.p_heading = bold(QLabel(self.tr("Proceedings"), self))
        self.p_heading.setVisible(self.can_read_track)
        head.addWidget(self.p_heading)
        head.addStretch(1)
        page.addLayout(head)
        self.p_view, self.p_model = read_only_table(
            self, "justiceProceedingsTable",
            [self.tr("Against"), self.tr("Kind"), self.tr("Where it stands"), self.tr("Next hearing"),
             self.tr("Release date"), self.tr("References")],
            self.tr("The case's proceedings"), [em * 11, em * 11, em * 11, em * 8, em * 7])
        self.p_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_proceeding())
        page.addWidget(self.p_view, 1)
        self.p_empty = empty_label(self)
        self.p_empty.setText(self.tr("No proceeding is recorded for this case."))
        page.addWidget(self.p_empty)
        bar = QHBoxLayout()
        self.new_button = self._button(self, self.tr("&New proceeding…"), "newProceedingButton",
                                       self.new_proceeding, bar, self.can_create)
        self.new_button.setToolTip(self.tr("Open a proceeding (Ctrl+N)"))
        self.event_button = self._button(self, self.tr("&Record event…"), "recordEventButton",
                                         self.record_event, bar, self.can_update)
        self.hearing_button = self._button(self, self.tr("Sc&hedule hearing…"), "scheduleHearingButton",
                                           self.schedule_hearing, bar, self.can_update)
        self.move_hearing_button = self._button(self, self.tr("Mo&ve hearing…"), "moveHearingButton",
                                                self.move_hearing, bar, self.can_update)
        self.p_offence_button = self._button(self, self.tr("Offen&ce…"), "proceedingOffenceButton",
                                             self.proceeding_offence, bar, self.can_update)
        bar.addStretch(1)
        page.addLayout(bar)
        # the child and family: a second row, so that both fit a laptop's width
        family = QHBoxLayout()
        self.part_button = self._button(self, self.tr("Ch&ild's part…"), "childPartButton",
                                        self.child_part, family, self.can_update)
        self.wish_button = self._button(self, self.tr("R&elease notification…"), "releaseWishButton",
                                        self.release_wish, family, self.can_update)
        self.release_button = self._button(self, self.tr("Release date…"), "releaseDateButton",
                                           self.release_date, family, self.can_update)
        self.informed_button = self._button(self, self.tr("Release infor&med…"), "releaseInformedButton",
                                            self.release_informed, family, self.can_update)
        family.addStretch(1)
        page.addLayout(family)
        if self.can_create:
            add_key = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
            add_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add_key.activated.connect(self.new_proceeding)
        self.details = _label(self, "justiceProceedingDetails")
        page.addWidget(self.details)
        self.e_view, self.e_model = read_only_table(
            self, "justiceEventsTable", [self.tr("On"), self.tr("Event"), self.tr("Detail")],
            self.tr("The proceeding's events"), [em * 8, em * 12])
        page.addWidget(self.e_view, 3)

        # alleged offences and their statute of limitations
        page.addWidget(bold(QLabel(self.tr("Alleged offences and limitation"), self)))
        self.o_view, self.o_model = read_only_table(
            self, "justiceOffencesTable",
            [self.tr("Offence"), self.tr("Date of the offence"), self.tr("Victim"), self.tr("Limitation")],
            self.tr("The case's alleged offences"), [em * 14, em * 9, em * 10])
        self.o_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_offence())
        page.addWidget(self.o_view, 1)
        self.o_empty = empty_label(self)
        self.o_empty.setText(self.tr("No alleged offence is recorded for this case."))
        page.addWidget(self.o_empty)
        obar = QHBoxLayout()
        self.offence_button = self._button(self, self.tr("Add offence…"), "addOffenceButton", self.add_offence,
                                           obar, self.can_change_offences)
        self.change_offence_button = self._button(self, self.tr("Chan&ge offence…"), "changeOffenceButton",
                                                  self.change_offence, obar, self.can_change_offences)
        obar.addStretch(1)
        page.addLayout(obar)
        for w in (self.o_view, self.o_empty):
            w.setVisible(self.can_read_offences)

        for view, rows in ((self.p_view, 2), (self.e_view, 3), (self.o_view, 2)):
            view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + rows * (em + 12) + 4)

        # compensation
        self.c_heading = bold(QLabel(self.tr("Compensation"), self))
        self.c_heading.setVisible(self.can_read_track)
        page.addWidget(self.c_heading)
        self.c_view, self.c_model = read_only_table(
            self, "justiceClaimsTable",
            [self.tr("Route"), self.tr("Claimant"), self.tr("Status"), self.tr("Claimed"), self.tr("Awarded"),
             self.tr("Paid"), self.tr("Deadline")],
            self.tr("The compensation claims"), [em * 11, em * 15, em * 10, em * 8, em * 8, em * 8])
        self.c_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_claim())
        self.c_view.setMinimumHeight(self.c_view.horizontalHeader().sizeHint().height() + 2 * (em + 12) + 4)
        page.addWidget(self.c_view, 1)
        self.c_empty = empty_label(self)
        self.c_empty.setText(self.tr("No compensation claim is recorded for this case."))
        page.addWidget(self.c_empty)
        cbar = QHBoxLayout()
        self.claim_button = self._button(self, self.tr("Ne&w claim…"), "newClaimButton", self.new_claim, cbar,
                                         self.can_create)
        self.status_button = self._button(self, self.tr("Set status…"), "claimStatusButton", self.claim_status,
                                          cbar, self.can_update)
        self.payment_button = self._button(self, self.tr("Record pa&yment…"), "recordPaymentButton",
                                           self.record_payment, cbar, self.can_update)
        self.deadline_button = self._button(self, self.tr("Deadline…"), "claimDeadlineButton",
                                            self.claim_deadline, cbar, self.can_update)
        self.rights_button = self._button(self, self.tr("Rights e&xplained…"), "rightsExplainedButton",
                                          self.rights_explained, cbar, self.can_update)
        cbar.addStretch(1)
        page.addLayout(cbar)
        self.rights = muted(_label(self, "justiceRights"))
        page.addWidget(self.rights)
        self._show_proceeding()
        self._show_claim()
        self._show_offence()

    # reading -------------------------------------------------------------------------------------
    def focus_order(self) -> tuple:
        return (self.p_view, self.new_button, self.c_view, self.o_view)

    def refresh(self, select: int | None = None) -> None:
        s, cid = self.session, self.case_id
        keep = select if select is not None else (self.selected() or {}).get("id")
        keep_offence = (self.selected_offence() or {}).get("offence_id")
        read_offences, language = self.can_read_offences, label_language()
        track = s.justice_summary if self.can_read_track else s.justice_status
        self._read(lambda: (track(cid),
                            s.limitation_status(cid, language=language) if read_offences else []),
                   lambda result: self._loaded(*result, keep, keep_offence))

    def _loaded(self, summary: dict, offences: list, keep: int | None, keep_offence: int | None = None) -> None:
        if self._select is not None:   # a proceeding asked for while reading (select_rule)
            keep, self._select = self._select, None
        keep_claim = self._select_claim or (self.selected_claim() or {}).get("id")
        self._select_claim = None
        keep_offence, self._select_offence = self._select_offence or keep_offence, None
        self.summary = summary or {}
        self.proceedings = list(self.summary.get("proceedings") or [])
        self.claims = list(self.summary.get("claims") or [])
        self.line.setText(self.line_text())
        self.p_view.selectionModel().blockSignals(True)
        self.p_model.removeRows(0, self.p_model.rowCount())
        for p in self.proceedings:
            self.p_model.appendRow(row_items([
                self.offender_text(p), term_label("justice_proceeding_kinds", p["kind"]),
                term_label("justice_proceeding_statuses", p["status"]), self.next_hearing(p),
                date_text((p.get("release") or {}).get("release_on")),
                " · ".join(r for r in (p.get("police_reference"), p.get("court_reference")) if r)], p["id"]))
        self.p_view.selectionModel().blockSignals(False)
        row = next((i for i, p in enumerate(self.proceedings) if p["id"] == keep), 0 if self.proceedings else -1)
        if row >= 0:
            self.p_view.selectRow(row)
            self.p_view.scrollTo(self.p_model.index(row, 0))
        self.p_view.setVisible(bool(self.proceedings))
        self.p_empty.setVisible(self.can_read_track and not self.proceedings)

        self.c_view.selectionModel().blockSignals(True)
        self.c_model.removeRows(0, self.c_model.rowCount())
        for c in self.claims:
            cur = c.get("currency")
            self.c_model.appendRow(row_items([
                term_label("compensation_routes", c["route"]), term_label("compensation_claimants", c["claimant"]),
                term_label("compensation_statuses", c["status"]), money_text(c.get("amount_claimed"), cur),
                money_text(c.get("amount_awarded"), cur),
                money_text(c.get("amount_paid"), cur) if c.get("amount_paid") else "",
                date_text(c.get("deadline_due"))], c["id"]))
        self.c_view.selectionModel().blockSignals(False)
        crow = next((i for i, c in enumerate(self.claims) if c["id"] == keep_claim), 0 if self.claims else -1)
        if crow >= 0:
            self.c_view.selectRow(crow)
        self.c_view.setVisible(bool(self.claims))
        self.c_empty.setVisible(self.can_read_track and not self.claims)
        self.rights.setText(self.rights_text())
        self.rights.setVisible(self.can_read_track)
        self._show_offences(offences, keep_offence)
        self._show_proceeding()
        self._show_claim()

    # texts -----------------------------------------------------------------------------------------
    def line_text(self) -> str:
        """The core's summary line (its counts) in the user's language."""
        n = (self.summary or {}).get("counts") or {}
        if not n.get("proceedings") and not n.get("claims"):
            return self.tr("No proceedings or compensation claims recorded.")
        parts = []
        if n["proceedings"]:
            parts.append(plural(self.tr("%n proceeding(s), %1 open", "", n["proceedings"]), n["proceedings"])
                         .replace("%1", str(n["open"])))
        if n["claims"]:
            parts.append(plural(self.tr("%n compensation claim(s), %1 paid", "", n["claims"]), n["claims"])
                         .replace("%1", str(n["paid"])))
        return "; ".join(parts) + "."

    def offender_text(self, p: dict) -> str:
        return p.get("offender_name") or dict(self.offenders).get(p.get("offender_person_id")) \
            or self.tr("The alleged offender")

    @staticmethod
    def next_hearing_event(p: dict) -> dict | None:
        """The proceeding's next hearing from today on (the one an adjournment moves), or None."""
        today = local_today().isoformat()
        ahead = [e for e in p.get("events") or [] if e["kind"] == "hearing" and (e.get("on_date") or "") >= today]
        return min(ahead, key=lambda e: (e["on_date"], e.get("at_utc") or "")) if ahead else None

    def next_hearing(self, p: dict) -> str:
        e = self.next_hearing_event(p)
        if e is None:
            return ""
        return local_datetime_text(e["at_utc"], e.get("time_zone")) if e.get("at_utc") else date_text(e["on_date"])

    def event_detail(self, p: dict, e: dict) -> str:
        kind = e["kind"]
        if kind == "charge_decision":
            text = term_label("justice_charge_decisions", e.get("decision"))
            if e.get("decision") == "declined" and e.get("reason"):
                text += ": " + e["reason"].replace("\n", " ")
            return text
        if kind == "verdict":
            charge = next((c for c in p.get("charges") or [] if c["id"] == e.get("charge_id")), None)
            named = charge_text(charge, self.offences) if charge else ""
            return f"{named}: {term_label('justice_verdicts', e.get('outcome'))}"
        if kind == "final_disposition":
            return term_label("justice_final_outcomes", e.get("outcome"))
        if kind == "hearing" and e.get("at_utc"):
            return local_datetime_text(e["at_utc"], e.get("time_zone"))
        return ""

    def details_text(self, p: dict) -> str:
        lines = []
        charges = p.get("charges") or []
        if charges:
            lines.append(self.tr("Charges: %1").replace("%1", "; ".join(
                charge_text(c, self.offences)
                + (f" ({term_label('justice_verdicts', c['verdict'])})" if c.get("verdict") else "")
                for c in charges)))
        part = p.get("child_part") or {}
        bits = []
        if part.get("participation"):
            bits.append(self.tr("How the child took part: %1").replace(
                "%1", term_label("justice_participation", part["participation"])))
        if part.get("special_measures"):
            bits.append(self.tr("special measures: %1").replace("%1", ", ".join(
                term_label("justice_special_measures", m) for m in part["special_measures"])))
        if part.get("support_person_name"):
            bits.append(self.tr("support person: %1").replace("%1", part["support_person_name"]))
        if part.get("legal_representative"):
            bits.append(self.tr("legal representative: %1").replace("%1", part["legal_representative"]))
        if part.get("child_view"):
            bits.append(self.tr("the child's view: %1").replace(
                "%1", term_label("justice_child_views", part["child_view"])))
        if bits:
            text = "; ".join(bits)
            lines.append(text[:1].upper() + text[1:] + ".")
        wish = p.get("release_wish") or {}
        if wish:
            lines.append(self.tr("Release notification: %1 (said on %2).").replace(
                "%1", term_label("justice_release_wishes", wish["wish"])).replace("%2", date_text(wish["on"])))
        release = p.get("release")
        if release:
            if release.get("informed_on"):
                lines.append(self.tr("Release on %1; the child and family were informed on %2.").replace(
                    "%1", date_text(release["release_on"])).replace("%2", date_text(release["informed_on"])))
            elif wish.get("wish") == "not_wanted":
                lines.append(self.tr("Release on %1; the child and family do not wish to be told.").replace(
                    "%1", date_text(release["release_on"])))
            else:
                lines.append(self.tr("Release on %1; inform the child and family by %2.").replace(
                    "%1", date_text(release["release_on"])).replace("%2", date_text(release.get("inform_by"))))
        lim = p.get("limitation")
        if lim and lim.get("expires_on"):
            lines.append(self.tr("The limitation period of the alleged offence ends on %1.").replace(
                "%1", date_text(lim["expires_on"])))
        return "\n".join(lines)

    def limitation_text(self, o: dict) -> str:
        """The limitation of an alleged offence in a table cell, short and in the user's language:
        the day it ends, or what it waits for (the core's whole sentence is the cell's tooltip)."""
        state = o.get("state")
        if o.get("expires_on"):
            text = self.tr("Ended on %1") if state == "expired" else self.tr("Ends on %1")
            return text.replace("%1", date_text(o["expires_on"]))
        if state == "no_limitation":
            return self.tr("No limitation")
        if state == "needs_date_of_birth":
            return self.tr("Waits for the child's date of birth")
        if state == "needs_offence_date":
            return self.tr("Waits for the date of the offence")
        if o.get("for_legal_adviser"):
            return self.tr("For the centre's legal adviser to fill in")
        return o.get("message") or ""

    def limitation_sentence(self, o: dict) -> str:
        """The whole account of an alleged offence's limitation (the cell's tooltip), in the
        user's language: what the core's message says, from the same fields of limitation_status."""
        state, cat, jur = o.get("state"), o.get("category_label") or "", o.get("jurisdiction_label") or ""
        years = o.get("period_years") or 0
        never_purged = self.tr("No case is ever purged because a limitation period ended.")
        adviser = self.tr("This is for the centre's legal adviser to fill in; no warning can be given until it is.")
        if state == "unknown_jurisdiction":
            text = self.tr("The limitation table has no rules for %1.").replace("%1", jur)
            return " ".join([text, adviser, never_purged])
        if state == "clock_not_filled_in":
            text = self.tr("When the limitation period for %1 starts in %2, and how long it is, is not filled in.")
            return " ".join([text.replace("%1", cat).replace("%2", jur), adviser, never_purged])
        if state == "no_limitation":
            return self.tr("In %2 there is no statute of limitations for %1. No warning is needed.").replace(
                "%1", cat).replace("%2", jur)
        if state == "needs_date_of_birth":
            return self.tr("In %2 the period for %1 starts when the child turns %3, but the child's date of birth "
                           "is not recorded: record it so that the period can be worked out.").replace(
                "%1", cat).replace("%2", jur).replace("%3", str(o.get("clock_age") or ""))
        if state == "needs_offence_date":
            return self.tr("In %2 the period for %1 starts on the date of the offence, which is not recorded: "
                           "record it so that the period can be worked out.").replace("%1", cat).replace("%2", jur)
        if state == "period_not_filled_in":
            text = self.tr("In %2 the period for %1 starts on %3. How many years it lasts is not filled in.")
            text = text.replace("%1", cat).replace("%2", jur).replace("%3", date_text(o.get("starts_on")))
            return " ".join([text, adviser, never_purged])
        if state == "expired":
            text = plural(self.tr("The limitation period for %1 in %2 ended on %3, %n year(s) from %4.", "", years),
                          years)
            text = text.replace("%1", cat).replace("%2", jur).replace("%3", date_text(o.get("expires_on")))
            return " ".join([text.replace("%4", date_text(o.get("starts_on"))), never_purged])
        if state == "running":
            text = plural(self.tr("The limitation period for %1 in %2 runs %n year(s) from %3 and ends on %4; a "
                                  "warning appears among the reminders on %5.", "", years), years)
            return (text.replace("%1", cat).replace("%2", jur).replace("%3", date_text(o.get("starts_on")))
                    .replace("%4", date_text(o.get("expires_on"))).replace("%5", date_text(o.get("warn_on"))))
        return o.get("message") or ""

    def _show_offences(self, offences: list, keep: int | None) -> None:
        self.offences = list(offences or [])
        children = dict(self.children)
        self.o_view.selectionModel().blockSignals(True)
        self.o_model.removeRows(0, self.o_model.rowCount())
        for o in self.offences:
            items = row_items([term_label("offence_categories", o["category"]),
                               date_text(o.get("offence_date")) or self.tr("Not known"),
                               children.get(o.get("victim_person_id"), ""), self.limitation_text(o)],
                              o["offence_id"])
            items[3].setToolTip(self.limitation_sentence(o))
            self.o_model.appendRow(items)
        self.o_view.selectionModel().blockSignals(False)
        row = next((i for i, o in enumerate(self.offences) if o["offence_id"] == keep), 0 if self.offences else -1)
        if row >= 0:
            self.o_view.selectRow(row)
        self.o_view.setVisible(self.can_read_offences and bool(self.offences))
        self.o_empty.setVisible(self.can_read_offences and not self.offences)
        self._show_offence()

    def rights_text(self) -> str:
        done = self.summary.get("rights_explained") or []
        if not done:
            return self.tr("The right to compensation has not been recorded as explained yet.")
        return self.tr("The right to compensation was explained: %1.").replace("%1", "; ".join(
            self.tr("%1 (%2)").replace("%1", term_label("rights_explained_stages", r["stage"])).replace(
                "%2", date_text(r["on"])) for r in done))

    # the selected rows -------------------------------------------------------------------------------
    def selected(self) -> dict | None:
        idx = self.p_view.currentIndex()
        return self.proceedings[idx.row()] if idx.isValid() and 0 <= idx.row() < len(self.proceedings) else None

    def selected_offence(self) -> dict | None:
        idx = self.o_view.currentIndex()
        return self.offences[idx.row()] if idx.isValid() and 0 <= idx.row() < len(self.offences) else None

    def selected_claim(self) -> dict | None:
        idx = self.c_view.currentIndex()
        return self.claims[idx.row()] if idx.isValid() and 0 <= idx.row() < len(self.claims) else None

    def select_rule(self, proceeding_id: int, *_rest) -> None:
        """Show this proceeding (the workspace's show_tab("justice:PROCEEDING"))."""
        row = next((i for i, p in enumerate(self.proceedings) if p["id"] == proceeding_id), None)
        if row is None or self.loading:
            self._select = proceeding_id
            if not self.loading:
                self.refresh(proceeding_id)
            return
        self.p_view.selectRow(row)

    def _show_proceeding(self) -> None:
        p = self.selected()
        self.e_model.removeRows(0, self.e_model.rowCount())
        if p is not None:
            for e in p.get("events") or []:
                self.e_model.appendRow(row_items([date_text(e.get("on_date")),
                                                  term_label("justice_event_kinds", e["kind"]),
                                                  self.event_detail(p, e)], e["id"]))
            self.e_view.scrollToBottom()
        self.details.setText(self.details_text(p) if p else "")
        self.details.setVisible(bool(self.details.text()))
        self.e_view.setVisible(bool(p and p.get("events")))
        allowed = allowed_events(p["kind"], p["status"]) if p else ()
        self.event_button.setEnabled(any(k != "hearing" for k in allowed))
        self.hearing_button.setEnabled("hearing" in allowed)
        self.move_hearing_button.setEnabled(bool(p) and p["status"] != "closed"
                                            and self.next_hearing_event(p) is not None)
        self.part_button.setEnabled(bool(p) and p["status"] != "closed")
        sentenced = bool(p) and any(e["kind"] == "sentence" for e in p.get("events") or [])
        self.release_button.setEnabled(sentenced)
        self.wish_button.setEnabled(bool(p) and p["kind"] == "criminal")
        release = (p or {}).get("release") or {}
        self.informed_button.setEnabled(bool(release) and not release.get("informed_on")
                                        and ((p or {}).get("release_wish") or {}).get("wish") != "not_wanted")
        self.p_offence_button.setEnabled(bool(p) and bool(self.offences or p.get("offence_id")))

    def _show_offence(self) -> None:
        self.change_offence_button.setEnabled(self.selected_offence() is not None)

    def _show_claim(self) -> None:
        c = self.selected_claim()
        self.status_button.setEnabled(bool(c) and bool(claim_next_statuses(c["status"])))
        self.payment_button.setEnabled(bool(c) and takes_payment(c["status"]))
        self.deadline_button.setEnabled(bool(c) and (bool(claim_next_statuses(c["status"]))
                                                     or takes_payment(c["status"])))

    # actions ---------------------------------------------------------------------------------------
    def _busy(self) -> bool:
        return self.dialog is not None

    def new_proceeding(self) -> QDialog | None:
        if not self.can_create or self._busy():
            return None
        return self._open(ProceedingDialog(self.session, self.case_id, self.offenders, self.children, self,
                                           self.offence_choices()), lambda d: self._after(d.proceeding_id))

    def offence_choices(self) -> list[tuple[int, str]]:
        return [(o["offence_id"], offence_text(o)) for o in self.offences]

    def proceeding_offence(self) -> QDialog | None:
        return self._for_selected(self.p_offence_button, lambda p: ProceedingOffenceDialog(
            self.session, p, self.offence_choices(), self))

    def _for_selected(self, button, make) -> QDialog | None:
        p = self.selected()
        if p is None or not button.isVisible() or not button.isEnabled() or self._busy():
            return None
        return self._open(make(p), lambda d: self._after(p["id"]))

    def record_event(self) -> QDialog | None:
        return self._for_selected(self.event_button,
                                  lambda p: EventDialog(self.session, p, self, offences=self.offences))

    def schedule_hearing(self) -> QDialog | None:
        return self._for_selected(self.hearing_button, lambda p: HearingDialog(self.session, p["id"], self))

    def move_hearing(self) -> QDialog | None:
        return self._for_selected(self.move_hearing_button, lambda p: HearingDialog(
            self.session, p["id"], self, hearing=self.next_hearing_event(p)))

    def child_part(self) -> QDialog | None:
        return self._for_selected(self.part_button, lambda p: ChildPartDialog(self.session, p, self))

    def release_date(self) -> QDialog | None:
        return self._for_selected(self.release_button, lambda p: ReleaseDateDialog(self.session, p, self))

    def release_wish(self) -> QDialog | None:
        return self._for_selected(self.wish_button, lambda p: ReleaseWishDialog(self.session, p, self))

    def release_informed(self) -> QDialog | None:
        return self._for_selected(self.informed_button, lambda p: ReleaseInformedDialog(self.session, p, self))

    def new_claim(self) -> QDialog | None:
        if not self.can_create or self._busy():
            return None
        procs = [(p["id"], f"{self.offender_text(p)}, {term_label('justice_proceeding_kinds', p['kind'])}")
                 for p in self.proceedings]
        currency = next((c["currency"] for c in reversed(self.claims) if c.get("currency")), "SEK")
        return self._open(ClaimDialog(self.session, self.case_id, self.children, procs, currency, self),
                          self._claim_opened)

    def _claim_opened(self, dialog) -> None:
        self._select_claim = dialog.claim_id
        self._after()

    def _for_claim(self, button, make) -> QDialog | None:
        c = self.selected_claim()
        if c is None or not button.isVisible() or not button.isEnabled() or self._busy():
            return None
        return self._open(make(c), lambda d: self._after())

    def claim_status(self) -> QDialog | None:
        return self._for_claim(self.status_button, lambda c: ClaimStatusDialog(self.session, c, self))

    def record_payment(self) -> QDialog | None:
        return self._for_claim(self.payment_button, lambda c: PaymentDialog(self.session, c, self))

    def claim_deadline(self) -> QDialog | None:
        return self._for_claim(self.deadline_button, lambda c: DeadlineDialog(self.session, c, self))

    def rights_explained(self) -> QDialog | None:
        if not self.can_update or self._busy():
            return None
        return self._open(RightsDialog(self.session, self.case_id, self.children, self), lambda d: self._after())

    def add_offence(self) -> QDialog | None:
        if not self.can_change_offences or self._busy():
            return None
        return self._open(OffenceDialog(self.session, self.case_id, self.children, self), self._offence_saved)

    def change_offence(self) -> QDialog | None:
        o = self.selected_offence()
        if o is None or not self.can_change_offences or self._busy():
            return None
        return self._open(OffenceDialog(self.session, self.case_id, self.children, self, offence=o),
                          self._offence_saved)

    def _offence_saved(self, dialog) -> None:
        self._select_offence = dialog.offence_id
        self._after()
