"""The chain of custody of a recording: its log, and adding an event to it."""
from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDateTimeEdit, QDialog, QDialogButtonBox, QHeaderView, QLineEdit, QMessageBox, QTableView,
    QVBoxLayout,
)

from barnahus_app.errors import ValidationError

from ui.common.feedback import InlineMessage, bold, setup_list_table
from ui.common.dates import centre_zone, local_datetime_text, utc_from_qdatetime, zone_qdatetime
from ui.common.tasks import run_operation
from ui.common.vocab_widgets import ChoiceCombo
from ui.interviews.shared import (
    ALARM_BACKGROUND, ALARM_ROLE, ActionDialog, AlarmDelegate, SHORT_HASH, labels, selectable_label,
    text_box,
)


# --- chain of custody ----------------------------------------------------------------------------
class AddCustodyEventDialog(ActionDialog):
    EVENTS = ("handed_to_police", "handed_to_prosecution", "handed_to_court", "viewed", "returned", "destroyed")
    HAND_OVERS = ("handed_to_police", "handed_to_prosecution", "handed_to_court")

    def __init__(self, session, recording: dict, parent=None):
        self.recording = recording
        super().__init__(session, parent)

    def build(self) -> None:
        self.setWindowTitle(self.tr("Add to the chain of custody"))
        self.ok_text = self.tr("&Add")
        self.intro.setText(self.tr("Recording: %1. Who did what, when, where and why. Entries cannot be "
                                   "changed or removed afterwards.").replace("%1", self.recording["label"]))
        self.event = ChoiceCombo([(e, labels().event(e)) for e in self.EVENTS],
                                 placeholder_text=self.tr("Choose what happened"))
        self.event.setObjectName("custodyEvent")
        self.add_field("event", self.tr("&What happened:"), self.event, accessible=self.tr("What happened"))
        self.when = QDateTimeEdit(self)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.zone = self.recording.get("time_zone") or centre_zone()   # the interview's
        now = zone_qdatetime(None, self.zone)
        self.when.setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())))
        self.when.setMaximumDateTime(self.when.dateTime().addSecs(60))
        self.add_field("occurred_at", self.tr("Wh&en:"), self.when, self.tr("Local time in %1.").replace("%1", self.zone),
                       accessible=self.tr("When"))
        self.actor = QLineEdit(self)
        self.actor.setPlaceholderText(self.session.display_name)
        self.actor.setMaxLength(200)
        self.add_field("actor", self.tr("&By whom:"), self.actor, self.tr("Empty: you."), accessible=self.tr("By whom"))
        self.location = QLineEdit(self)
        self.location.setObjectName("custodyLocation")
        self.add_field("location", self.tr("W&here:"), self.location, self.tr("Required."), accessible=self.tr("Where"))
        self.counterpart = QLineEdit(self)
        self.counterpart.setMaxLength(200)
        self.add_field("counterpart", self.tr("&Received by:"), self.counterpart,
                       self.tr("Name and agency of whoever received it."), accessible=self.tr("Received by"))
        self.receipt = QLineEdit(self)
        self.add_field("receipt", self.tr("Re&ceipt:"), self.receipt, self.tr("Receipt number, signature, date."),
                       accessible=self.tr("Receipt"))
        self.order = QLineEdit(self)
        self.add_field("order_reference", self.tr("&Order:"), self.order,
                       self.tr("The reference of the order that allowed the destruction."),
                       accessible=self.tr("Order reference"))
        self.purpose = text_box(self, 2)
        self.add_field("purpose", self.tr("Wh&y:"), self.purpose, accessible=self.tr("Why"), top=True)
        self.event.valueChanged.connect(self._event_changed)
        self._event_changed(None)

    def _event_changed(self, event) -> None:
        self.set_row_visible("counterpart", event in self.HAND_OVERS or event == "returned")
        self.set_row_visible("receipt", event in self.HAND_OVERS or event == "returned")
        self.set_row_visible("order_reference", event == "destroyed")
        self.counterpart_caption_required(event in self.HAND_OVERS)

    def counterpart_caption_required(self, required: bool) -> None:
        note = self.rows["counterpart"][2]
        note.setText(self.tr("Required. Name and agency of whoever received it.") if required else
                     self.tr("Name and agency of whoever it came back from."))

    def operation(self):
        event = self.event.value()
        if event is None:
            raise ValidationError("event", self.tr("Choose what happened."))
        if event == "destroyed":
            answer = QMessageBox.warning(
                self, self.tr("Destroy the recording?"),
                self.tr("Record that this recording was destroyed? Its chain of custody then ends; this "
                        "cannot be undone."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                raise ValidationError("event", self.tr("Not recorded."))
        when = utc_from_qdatetime("occurred_at", self.when.dateTime(), self.zone)
        visible = lambda name: not self.rows[name][1].isHidden()  # noqa: E731
        s, recording_id = self.session, self.recording["id"]
        values = dict(
            occurred_at=when, actor=self.actor.text() or None,
            location=self.location.text() or None, purpose=self.purpose.toPlainText() or None,
            counterpart=self.counterpart.text() or None if visible("counterpart") else None,
            receipt=self.receipt.text() or None if visible("receipt") else None,
            order_reference=self.order.text() or None if visible("order_reference") else None)
        return lambda: s.add_custody_event(recording_id, event, **values)


class CustodyLogDialog(QDialog):
    """The chain of custody of one recording, oldest first; Add event… for those who may."""

    changed = Signal()

    COLUMNS = ("when", "event", "actor", "location", "purpose", "counterpart", "receipt", "hash", "by")

    def __init__(self, session, recording: dict, parent=None):
        super().__init__(parent)
        self.session = session
        self.recording = recording
        self.zone = recording.get("time_zone") or centre_zone()   # the interview's: as its times are told
        self.setObjectName("custodyLogDialog")
        self.setWindowTitle(self.tr("Chain of custody: %1").replace("%1", recording["label"]))
        em = self.fontMetrics().height()
        lay = QVBoxLayout(self)
        head = bold(selectable_label(self.tr("%1 · SHA-256 %2").replace("%1", recording["label"])
                                 .replace("%2", recording["sha256"]), self))
        lay.addWidget(head)
        # The label's history: as registered, then each correction with who, when and why.
        amendments = recording.get("label_amendments") or []
        if amendments:
            lines = [self.tr("Registered as “%1”.").replace("%1", amendments[0]["old_label"])]
            for a in amendments:
                lines.append(self.tr("Corrected to “%1” by %2, %3: %4").replace("%1", a["new_label"])
                             .replace("%2", a.get("by_name") or "").replace("%3", local_datetime_text(a["at_utc"]))
                             .replace("%4", a["reason"]))
            self.label_history = selectable_label("\n".join(lines), self)
            self.label_history.setObjectName("labelHistory")
            self.label_history.setAccessibleName(self.tr("Label history"))
            lay.addWidget(self.label_history)
        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels([
            self.tr("When (%1)").replace("%1", self.zone), self.tr("What"), self.tr("By whom"), self.tr("Where"), self.tr("Why"),
            self.tr("To / from"), self.tr("Receipt or order"), self.tr("SHA-256 computed"), self.tr("Entered by")])
        self.view = QTableView(self)
        self.view.setObjectName("custodyTable")
        self.view.setAccessibleName(self.tr("Chain of custody"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(AlarmDelegate(self.view))
        setup_list_table(self.view, em + 12)
        hh = self.view.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        lay.addWidget(self.view, 1)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(self.tr("&Add event…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.setObjectName("addCustodyEventButton")
        self.add_button.setVisible(session.can("recording", "update"))
        self.add_button.setEnabled(recording.get("fixity_status") != "destroyed")
        self.add_button.clicked.connect(self.add_event)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(em * 78, em * 26)
        self._reads = 0
        self.reload()
        self.view.setFocus()

    def reload(self) -> None:
        """Read the log again (off the GUI thread); `loading` until it is shown. Reads come back in
        the order they were asked (one record thread), so the last one shown is the newest."""
        s, recording_id = self.session, self.recording["id"]
        self._reads += 1
        run_operation(self, lambda: s.custody_log(recording_id), self._show, errors=self.message,
                      on_finished=self._loaded)

    def _loaded(self) -> None:
        self._reads -= 1

    @property
    def loading(self) -> bool:
        """True while a read of the log has not come back."""
        return self._reads > 0

    def _show(self, events: list) -> None:
        self.model.removeRows(0, self.model.rowCount())
        alarm_bg, white = QBrush(QColor(ALARM_BACKGROUND)), QBrush(QColor("white"))
        for ev in events:
            sha = ev.get("computed_sha256") or ""
            values = [local_datetime_text(ev["occurred_at_utc"], self.zone), labels().event(ev["event"], ev.get("label", "")),
                      ev.get("actor") or "", ev.get("location") or "", ev.get("purpose") or "",
                      ev.get("counterpart") or "", ev.get("receipt") or ev.get("order_reference") or "",
                      (sha[:SHORT_HASH] + "…") if sha else "", ev.get("recorded_by_name") or ""]
            items = []
            for v in values:
                it = QStandardItem(v)
                it.setEditable(False)
                it.setToolTip(v)
                items.append(it)
            if sha:
                items[7].setToolTip(sha)
            if ev["event"] in ("fixity_mismatch", "fixity_missing"):
                for it in items:
                    it.setData(True, ALARM_ROLE)
                    it.setBackground(alarm_bg)
                    it.setForeground(white)
                    f = QFont(self.font())
                    f.setBold(True)
                    it.setFont(f)
            self.model.appendRow(items)
        fm = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        what = max([QFontMetrics(bold).horizontalAdvance(self.model.item(r, 1).text())
                    for r in range(self.model.rowCount())] + [fm.height() * 8]) + 24
        when = max(fm.horizontalAdvance("0000-00-00 00:00"), fm.horizontalAdvance(self.model.headerData(0, Qt.Orientation.Horizontal)))
        widths = (when + 24, what, fm.height() * 7,
                  fm.height() * 9, fm.height() * 9, fm.height() * 7, fm.height() * 7,
                  fm.horizontalAdvance("0" * SHORT_HASH + "…") + 24)
        for i, w in enumerate(widths):
            self.view.horizontalHeader().resizeSection(i, w)

    def add_event(self) -> None:
        dlg = AddCustodyEventDialog(self.session, self.recording, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()
        dlg.deleteLater()
