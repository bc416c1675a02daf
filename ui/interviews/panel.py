"""The case workspace's Interviews page: the child's interview count, the case's interviews, the
selected one in detail, and its recordings with their chain of custody and fixity checks.

Everything shown comes from the core (case_interviews, interview_count, interview_recordings,
custody_log: each read is audited); every change goes through it. session.can() only shapes the
view: buttons a role may never use are not shown, the core still checks every call.

Hashing a recording takes minutes for a large file: it runs on a worker (ui/common/tasks.py) that only
calls the core, with a progress dialog showing the bytes done and a Cancel that stops it between
two reads; nothing is written when it is cancelled. A fixity check that finds other contents, or
no file, is an alarm nobody can overlook, and says plainly that the stored hash was not changed.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, QTime, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetrics, QKeySequence, QPalette, QPen, QShortcut, QStandardItem, QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QCheckBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog,
    QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QMessageBox,
    QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSplitter,
    QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QTimeEdit, QVBoxLayout, QWidget,
)

from barnahus_app.errors import BarnahusError, Cancelled, ValidationError
from barnahus_app.persons import display_name
from barnahus_app.timeutil import system_zone_name, zone_info

from ui.common.feedback import (
    FormDialog, InlineMessage, bold, core_message, muted, open_dialog, setup_list_table, tinted_box,
)
from ui.common.tasks import ProgressJob
from ui.common.dates import DateField, local_datetime_text, parse_utc
from ui.common.vocab_widgets import ChoiceCombo, term_label

ID_ROLE = Qt.ItemDataRole.UserRole
ALARM_ROLE = Qt.ItemDataRole.UserRole + 1
ALARM_BACKGROUND = "#8b0000"   # the same dark red as the no-contact banner: white on it reads ~10:1
SHORT_HASH = 16
ACTIVE = ("planned", "held")


def _local(utc_text: str | None, zone: str, with_date: bool = True) -> str:
    if not utc_text:
        return ""
    dt = parse_utc(utc_text).astimezone(zone_info(zone))
    return dt.strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")


def _duration_text(ms: int | None) -> str:
    if not ms:
        return ""
    s = int(ms // 1000)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _size_text(n: int | None) -> str:
    return QLocale().formattedDataSize(int(n)) if n is not None else ""


def _selectable(text: str, parent=None, wrap: bool = True) -> QLabel:
    lab = QLabel(text, parent)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return lab


class _Labels(QObject):
    """The words for the core's codes, in one place (lupdate sees each self.tr)."""

    def status(self, code: str) -> str:
        return {"planned": self.tr("Planned"), "held": self.tr("Held"),
                "not_held": self.tr("Not held: the child chose not to take part"),
                "cancelled": self.tr("Cancelled")}.get(code, code)

    def participation(self, code: str) -> str:
        return {"not_yet_asked": self.tr("Not asked yet"), "chose_to_take_part": self.tr("Chose to take part"),
                "chose_not_to": self.tr("Chose not to take part")}.get(code, code)

    def conflict(self, code: str) -> str:
        return {"room": self.tr("Room already booked"), "staff": self.tr("Staff member already booked"),
                "no_contact": self.tr("No-contact: these persons must never meet"),
                "testify_once": self.tr("The child testifies once")}.get(code, code)

    def fixity(self, code: str) -> str:
        return {"unchecked": self.tr("Not checked yet"), "ok": self.tr("Unaltered"),
                "mismatch": self.tr("FAILED: contents differ"), "missing": self.tr("FAILED: file not found"),
                "destroyed": self.tr("Destroyed")}.get(code, code)

    def event(self, code: str, fallback: str = "") -> str:
        return {"acquired": self.tr("Acquired"), "copied_to": self.tr("Copied to"),
                "handed_to_police": self.tr("Handed to police"),
                "handed_to_prosecution": self.tr("Handed to prosecution"),
                "handed_to_court": self.tr("Handed to court"), "viewed": self.tr("Viewed"),
                "returned": self.tr("Returned"), "destroyed": self.tr("Destroyed"),
                "fixity_ok": self.tr("Fixity check: unaltered"),
                "fixity_mismatch": self.tr("FIXITY CHECK FAILED: contents differ"),
                "fixity_missing": self.tr("FIXITY CHECK FAILED: file not found")}.get(code, fallback or code)


_labels: _Labels | None = None


class AlarmDelegate(QStyledItemDelegate):
    """A cell of a failed fixity check stays white on dark red whether selected or not; the
    selection shows as a white frame, so the alarm never turns into an ordinary blue row."""

    def paint(self, painter, option, index):
        if not index.data(ALARM_ROLE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.backgroundBrush = QBrush(QColor(ALARM_BACKGROUND))
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            opt.palette.setColor(group, QPalette.ColorRole.Text, QColor("white"))
        painter.save()
        painter.fillRect(option.rect, QColor(ALARM_BACKGROUND))
        widget = opt.widget
        (widget.style() if widget is not None else QApplication.style()).drawControl(
            QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if selected:
            pen = QPen(QColor("white"))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawLine(option.rect.topLeft(), option.rect.topRight())
            painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()


def labels() -> _Labels:
    global _labels
    if _labels is None:
        _labels = _Labels(QCoreApplication.instance())
    return _labels


# --- dialogs that run one core call --------------------------------------------------------------
class _ActionDialog(FormDialog):
    """The dialogs of the Interviews page, each running one core call: hints in a quieter colour."""

    muted_hints = True
    row_gap = 3


def _text_box(parent, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class CancelInterviewDialog(_ActionDialog):
    def __init__(self, session, interview: dict, parent=None):
        self.interview = interview
        super().__init__(session, parent)

    def build(self) -> None:
        self.setWindowTitle(self.tr("Cancel an interview"))
        self.ok_text = self.tr("Cancel the &interview")
        self.intro.setText(self.tr("The interview stays in the record as cancelled, with your reason. "
                                   "It no longer counts as one of the child's interviews."))
        self.reason = _text_box(self, 4)
        self.reason.setObjectName("cancelReason")
        self.add_field("reason", self.tr("&Reason:"), self.reason, self.tr("Required."),
                       accessible=self.tr("Reason"), top=True)

    def run(self) -> None:
        self.session.cancel_interview(self.interview["id"], self.reason.toPlainText())


class DeclinedDialog(_ActionDialog):
    def __init__(self, session, interview: dict, parent=None):
        self.interview = interview
        super().__init__(session, parent)

    def build(self) -> None:
        self.setWindowTitle(self.tr("The child chose not to take part"))
        self.ok_text = self.tr("&Record")
        self.intro.setText(self.tr("Taking part is the child's right, not a duty. The interview is recorded as "
                                   "not held because the child chose not to take part."))
        self.note = _text_box(self, 3)
        self.note.setObjectName("declinedNote")
        self.add_field("note", self.tr("&Note (optional):"), self.note, accessible=self.tr("Note"), top=True)

    def run(self) -> None:
        self.session.record_child_declined(self.interview["id"], self.note.toPlainText() or None)


class _BreakRow(QWidget):
    removeRequested = Signal(object)

    def __init__(self, n: int, start: QTime, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.start = QTimeEdit(start, self)
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(start.addSecs(15 * 60), self)
        self.end.setDisplayFormat("HH:mm")
        self.remove = QPushButton(self.tr("Remo&ve"), self)
        self.remove.setAutoDefault(False)
        lay.addWidget(QLabel(self.tr("from"), self))
        lay.addWidget(self.start)
        lay.addWidget(QLabel(self.tr("to"), self))
        lay.addWidget(self.end)
        lay.addWidget(self.remove)
        lay.addStretch(1)
        self.start.setAccessibleName(self.tr("Break %1 from").replace("%1", str(n)))
        self.end.setAccessibleName(self.tr("Break %1 to").replace("%1", str(n)))
        self.remove.setAccessibleName(self.tr("Remove break %1").replace("%1", str(n)))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))


class RecordHeldDialog(_ActionDialog):
    """The interview took place: actual start and end, breaks, who was present, language used."""

    def __init__(self, session, interview: dict, parent=None):
        self.interview = interview
        self.zone = interview["time_zone"]
        super().__init__(session, parent)

    def build(self) -> None:
        iv = self.interview
        self.setWindowTitle(self.tr("Record the interview as held"))
        self.ok_text = self.tr("&Record as held")
        self.intro.setText(self.tr("Times are local time in %1. Recording the interview as held also records "
                                   "that the child chose to take part.").replace("%1", self.zone))
        start = parse_utc(iv.get("actual_start_utc") or iv["starts_at_utc"]).astimezone(zone_info(self.zone))
        end = parse_utc(iv.get("actual_end_utc") or iv["ends_at_utc"]).astimezone(zone_info(self.zone))
        when = QWidget(self)
        wl = QHBoxLayout(when)
        wl.setContentsMargins(0, 0, 0, 0)
        self.day = DateField(when, initial=start.date())
        self.day.setAccessibleName(self.tr("Date"))
        self.started = QTimeEdit(QTime(start.hour, start.minute), when)
        self.started.setDisplayFormat("HH:mm")
        self.started.setAccessibleName(self.tr("Started at"))
        self.ended = QTimeEdit(QTime(end.hour, end.minute), when)
        self.ended.setDisplayFormat("HH:mm")
        self.ended.setAccessibleName(self.tr("Ended at"))
        l1 = QLabel(self.tr("&from"), when)
        l1.setBuddy(self.started)
        l2 = QLabel(self.tr("&to"), when)
        l2.setBuddy(self.ended)
        for w in (self.day, l1, self.started, l2, self.ended):
            wl.addWidget(w)
        wl.addStretch(1)
        when.setFocusProxy(self.day)
        self.add_field("actual_start", self.tr("&Held on:"), when, accessible=self.tr("Held on"))
        self.messages["actual_end"] = self.messages["actual_start"]
        self.names["actual_end"] = self.tr("End")

        self.break_rows: list[_BreakRow] = []
        breaks = QWidget(self)
        self.break_box = QVBoxLayout(breaks)
        self.break_box.setContentsMargins(0, 0, 0, 0)
        self.add_break_button = QPushButton(self.tr("Add a &break"), breaks)
        self.add_break_button.setAutoDefault(False)
        self.add_break_button.clicked.connect(lambda: self.add_break())
        self.break_box.addWidget(self.add_break_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_field("breaks", self.tr("Breaks:"), breaks, accessible=self.tr("Breaks"), top=True)
        for b in iv.get("breaks") or []:
            b0 = parse_utc(b["started_at_utc"]).astimezone(zone_info(self.zone))
            b1 = parse_utc(b["ended_at_utc"]).astimezone(zone_info(self.zone))
            row = self.add_break(QTime(b0.hour, b0.minute))
            row.end.setTime(QTime(b1.hour, b1.minute))

        self.present: dict[int, QCheckBox] = {}
        parts = iv.get("participants") or []
        if parts:
            box = QWidget(self)
            pl = QVBoxLayout(box)
            pl.setContentsMargins(0, 0, 0, 0)
            pl.setSpacing(2)
            for p in parts:
                who = p.get("display") or self.tr("not named")
                cb = QCheckBox("%s: %s" % (term_label("interview_participant_roles", p["role"]), who), box)
                cb.setChecked(p.get("present") is not False)
                pl.addWidget(cb)
                self.present[p["id"]] = cb
            box.setFocusProxy(next(iter(self.present.values())))
            self.add_field("present", self.tr("&Present:"), box, self.tr("Untick who did not come."),
                           accessible=self.tr("Who was present"), top=True)

        self.language = QLineEdit(iv.get("language_used") or iv.get("language") or "", self)
        self.language.setMaxLength(16)
        self.language.setPlaceholderText(self.tr("e.g. sv"))
        self.language.setMaximumWidth(self.fontMetrics().height() * 8)
        self.add_field("language_used", self.tr("&Language used:"), self.language,
                       self.tr("A language code such as sv, ar or uk."), accessible=self.tr("Language used"))
        self.messages["status"] = self.general

    def add_break(self, start: QTime | None = None) -> _BreakRow:
        row = _BreakRow(len(self.break_rows) + 1, start or self.started.time().addSecs(30 * 60), self)
        self.break_rows.append(row)
        self.break_box.insertWidget(self.break_box.count() - 1, row)
        row.removeRequested.connect(self._remove_break)
        prev = self.ended  # Tab: the end time, each break in order, then Add a break
        for r in self.break_rows:
            for w in (r.start, r.end, r.remove):
                QWidget.setTabOrder(prev, w)
                prev = w
        QWidget.setTabOrder(prev, self.add_break_button)
        row.start.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def _remove_break(self, row: _BreakRow) -> None:
        self.break_rows.remove(row)
        self.break_box.removeWidget(row)
        row.deleteLater()
        self.add_break_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _at(self, t: QTime) -> datetime:
        d = self.day.date()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())  # wall clock in the zone

    def run(self) -> None:
        self.session.record_interview(
            self.interview["id"], actual_start=self._at(self.started.time()), actual_end=self._at(self.ended.time()),
            breaks=[(self._at(r.start.time()), self._at(r.end.time())) for r in self.break_rows],
            present={pid: cb.isChecked() for pid, cb in self.present.items()},
            language_used=self.language.text().strip() or None)


# --- hashing with progress and cancel ------------------------------------------------------------
class HashJob(ProgressJob):
    """Hashing a file on a worker, with progress and cancel: the label shows the bytes done."""

    width_em = 28

    def label_text(self, done: int, total: int) -> str:
        return (self.tr("%1\n%2 of %3").replace("%1", self.what).replace("%2", _size_text(done))
                .replace("%3", _size_text(total)))


class RegisterRecordingDialog(_ActionDialog):
    """Register a recording of the interview: the file is hashed (SHA-256) on a worker, with
    progress and cancel, and registered with where it is kept."""

    registered = Signal(int)

    def __init__(self, session, interview: dict, recordings: list[dict], parent=None):
        self.interview = interview
        self.masters = [r for r in recordings if r["copy_kind"] == "master"]
        self.job: HashJob | None = None
        self.recording_id: int | None = None
        super().__init__(session, parent)
        self.ok_button.setObjectName("registerButton")

    def build(self) -> None:
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 40)
        self.setWindowTitle(self.tr("Register a recording"))
        self.ok_text = self.tr("&Register")
        self.intro.setText(self.tr("The file stays where the centre keeps evidence. Its SHA-256 is computed now "
                                   "and never changes afterwards; later checks compare against it. A large "
                                   "file takes a few minutes."))
        row = QWidget(self)
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(row)
        self.path.setObjectName("recordingPath")
        self.path.setAccessibleName(self.tr("File"))
        self.browse = QPushButton(self.tr("&Browse…"), row)
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        rl.addWidget(self.path, 1)
        rl.addWidget(self.browse)
        row.setFocusProxy(self.path)
        self.add_field("path", self.tr("&File:"), row, accessible=self.tr("File"))

        self.label = QLineEdit(self)
        self.label.setObjectName("recordingLabel")
        self.label.setMaxLength(200)
        self.add_field("label", self.tr("&Label:"), self.label, self.tr("Required, e.g. Master recording, camera 1."),
                       accessible=self.tr("Label"))
        self.storage = QLineEdit(self)
        self.storage.setObjectName("storageLocation")
        self.add_field("storage_location", self.tr("&Kept at:"), self.storage,
                       self.tr("Where the evidence is kept: a path, or the label of a removable drive. "
                               "Empty: the file's path."), accessible=self.tr("Storage location"))
        self.device = QLineEdit(self)
        self.device.setMaxLength(200)
        self.add_field("capture_device", self.tr("Capture &device:"), self.device, accessible=self.tr("Capture device"))

        kind = QWidget(self)
        kl = QVBoxLayout(kind)
        kl.setContentsMargins(0, 0, 0, 0)
        kl.setSpacing(2)
        self.as_master = QRadioButton(self.tr("&Master: the original from the recording equipment"), kind)
        self.as_working = QRadioButton(self.tr("&Working copy of:"), kind)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.as_master)
        self.kind_group.addButton(self.as_working)
        self.as_master.setChecked(True)
        self.master = ChoiceCombo([(m["id"], m["label"]) for m in self.masters],
                                  placeholder_text=self.tr("Choose the master"))
        self.master.setAccessibleName(self.tr("Master it was copied from"))
        wl = QHBoxLayout()
        wl.addWidget(self.as_working)
        wl.addWidget(self.master, 1)
        kl.addWidget(self.as_master)
        kl.addLayout(wl)
        self.as_working.setEnabled(bool(self.masters))
        self.master.setEnabled(False)
        self.as_working.toggled.connect(self.master.setEnabled)
        kind.setFocusProxy(self.as_master)
        self.add_field("copy_kind", self.tr("Copy:"), kind, accessible=self.tr("Master or working copy"), top=True)
        self.messages["master_id"] = self.messages["copy_kind"]
        self.names["master_id"] = self.tr("Master")

        self.purpose = _text_box(self, 2)
        self.add_field("purpose", self.tr("&Purpose:"), self.purpose,
                       self.tr("For a working copy that differs from its master: what was done to it "
                               "(e.g. redaction, conversion), so it can be repeated."),
                       accessible=self.tr("Purpose"), top=True)
        self.path.textChanged.connect(self._path_changed)

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the recording"), self.path.text())
        if path:
            self.path.setText(path)

    def _path_changed(self, text: str) -> None:
        from pathlib import Path
        if text and not self.label.isModified() and not self.label.text():
            self.label.setText(Path(text).stem[:200])

    def accept(self) -> None:
        """Start the hashing; the dialog closes when the core has registered the recording."""
        if self.job is not None and self.job.running:
            return
        self.clear_messages()
        path = self.path.text().strip()
        if not path:
            self.messages["path"].show_error(self.tr("Choose the file of the recording."))
            self.path.setFocus()
            return
        working = self.as_working.isChecked()
        kwargs = dict(label=self.label.text(), storage_location=self.storage.text().strip() or None,
                      copy_kind="working" if working else "master",
                      master_id=self.master.value() if working else None,
                      capture_device=self.device.text() or None,
                      purpose=self.purpose.toPlainText() or None)
        iid = self.interview["id"]
        session = self.session

        def work(progress, cancel):
            return session.register_recording(iid, path, progress=progress, cancel=cancel, **kwargs)

        from pathlib import Path
        stopping = self.tr("Stopping…")
        self.job = HashJob(self, work, title=self.tr("Registering the recording"),
                           what=self.tr("Computing the SHA-256 of %1…").replace("%1", Path(path).name),
                           stopping=stopping, name="hashProgress")
        self.job.finished.connect(self._finished)
        self.job.cancelRequested.connect(lambda: self.general.show_info(stopping))
        self._set_busy(True)
        self.job.start()

    def _set_busy(self, busy: bool) -> None:
        for w in (self.ok_button, self.path, self.browse, self.label, self.storage, self.device, self.as_master,
                  self.as_working, self.purpose):
            w.setEnabled(not busy)
        self.master.setEnabled(not busy and self.as_working.isChecked())

    def _finished(self, result, error) -> None:
        self._set_busy(False)
        if error is None:
            self.recording_id = result
            self.done_ok = True
            QDialog.accept(self)
            self.registered.emit(result)
            return
        if isinstance(error, Cancelled):
            self.general.show_info(self.tr("Stopped. Nothing was registered."))
        elif isinstance(error, ValidationError) and error.field in self.messages:
            self.show_error(error)
        else:
            self.general.show_error(core_message(error))

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()  # the worker stops between two reads; nothing is written
        super().reject()


class FixityAlarmDialog(QDialog):
    """A loud, unmistakable alarm: the recording is not what was registered (or is gone)."""

    def __init__(self, result, recording: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("fixityAlarm")
        self.setModal(True)
        missing = result.status == "missing"
        self.setWindowTitle(self.tr("FIXITY CHECK FAILED"))
        em = self.fontMetrics().height()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, em // 2)
        band = QFrame(self)
        band.setObjectName("fixityAlarmBand")
        band.setAutoFillBackground(True)
        pal = band.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            pal.setColor(group, QPalette.ColorRole.Window, QColor(ALARM_BACKGROUND))
            pal.setColor(group, QPalette.ColorRole.WindowText, QColor("white"))
        band.setPalette(pal)
        bl = QHBoxLayout(band)
        bl.setContentsMargins(em, em, em, em)
        bl.setSpacing(em)
        icon = QLabel(band)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(em * 3, em * 3))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        bl.addWidget(icon)
        head = QVBoxLayout()
        title = bold(QLabel(self.tr("FIXITY CHECK FAILED"), band), 1.6)
        title.setObjectName("fixityAlarmTitle")
        head.addWidget(title)
        what = (self.tr("The file was not found where it is kept.") if missing else
                self.tr("The file's contents are NOT the contents that were registered."))
        sub = bold(QLabel(what, band), 1.15)
        sub.setWordWrap(True)
        head.addWidget(sub)
        bl.addLayout(head, 1)
        lay.addWidget(band)

        body = QVBoxLayout()
        body.setContentsMargins(em, em // 2, em, 0)
        body.setSpacing(em // 2)
        kept = bold(_selectable(self.tr("The stored hash was NOT changed. The SHA-256 taken at registration "
                                         "stays the reference; this failure is now an entry in the chain of "
                                         "custody and in the audit trail."), self))
        kept.setObjectName("fixityAlarmKept")
        body.addWidget(kept)
        grid = QFormLayout()
        grid.setHorizontalSpacing(em)
        grid.addRow(self.tr("Recording:"), _selectable(recording.get("label") or "", self))
        grid.addRow(self.tr("Checked file:"), _selectable(result.checked_path, self))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        exp = _selectable(result.expected_sha256, self, wrap=False)
        exp.setFont(mono)
        grid.addRow(self.tr("SHA-256 at registration:"), exp)
        got = _selectable(result.computed_sha256 or self.tr("(no file to hash)"), self, wrap=False)
        got.setFont(mono)
        grid.addRow(self.tr("SHA-256 found now:"), got)
        body.addLayout(grid)
        advice = _selectable(self.tr("Do not use this copy as evidence. Tell the person responsible for the "
                                     "evidence store, find an intact copy, and check it."), self)
        body.addWidget(advice)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("I have &read this"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("fixityAlarmAcknowledge")
        buttons.accepted.connect(self.accept)
        body.addWidget(buttons)
        lay.addLayout(body)
        self.setMinimumWidth(em * 44)
        self.setAccessibleDescription(" ".join([title.text(), what, kept.text()]))


class FixityCheckDialog(_ActionDialog):
    """Re-hash a copy of a recording where it is kept and compare with the registered SHA-256."""

    checked = Signal(object)

    def __init__(self, session, recording: dict, parent=None):
        self.recording = recording
        self.job: HashJob | None = None
        self.result = None
        super().__init__(session, parent)
        self.ok_button.setObjectName("checkButton")

    def build(self) -> None:
        r = self.recording
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 40)
        self.setWindowTitle(self.tr("Check fixity"))
        self.ok_text = self.tr("&Check")
        self.intro.setText(self.tr("The copy is hashed again and compared with the SHA-256 taken when it was "
                                   "registered. The result is recorded in the chain of custody; the registered "
                                   "hash never changes."))
        self.add_field("recording", self.tr("Recording:"), _selectable(r["label"], self))
        sha = _selectable(r["sha256"], self, wrap=False)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        sha.setFont(mono)
        self.add_field("sha", self.tr("Registered SHA-256:"), sha)
        row = QWidget(self)
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(r.get("storage_location") or "", row)
        self.path.setObjectName("fixityPath")
        self.path.setAccessibleName(self.tr("File to check"))
        self.browse = QPushButton(self.tr("&Browse…"), row)
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        rl.addWidget(self.path, 1)
        rl.addWidget(self.browse)
        row.setFocusProxy(self.path)
        self.add_field("path", self.tr("&File to check:"), row,
                       self.tr("Where this copy is kept now (a removable drive may be mounted elsewhere)."),
                       accessible=self.tr("File to check"))

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the copy to check"), self.path.text())
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if self.job is not None and self.job.running:
            return
        self.clear_messages()
        path = self.path.text().strip() or None
        rid = self.recording["id"]
        session = self.session
        stopping = self.tr("Stopping…")
        self.job = HashJob(self, lambda progress, cancel: session.check_fixity(rid, path, progress, cancel),
                           title=self.tr("Checking fixity"), what=self.tr("Computing the SHA-256 of %1…")
                           .replace("%1", path or self.recording.get("file_name") or ""),
                           stopping=stopping, name="hashProgress")
        self.job.finished.connect(self._finished)
        self.job.cancelRequested.connect(lambda: self.general.show_info(stopping))
        self.ok_button.setEnabled(False)
        self.job.start()

    def _finished(self, result, error) -> None:
        self.ok_button.setEnabled(True)
        if error is not None:
            if isinstance(error, Cancelled):
                self.general.show_info(self.tr("Stopped. Nothing was recorded."))
            else:
                self.show_error(error)
            return
        self.result = result
        self.done_ok = True
        QDialog.accept(self)
        self.checked.emit(result)

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
        super().reject()


# --- chain of custody ----------------------------------------------------------------------------
class AddCustodyEventDialog(_ActionDialog):
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
        now = QDateTime.currentDateTime()
        self.when.setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())))
        self.when.setMaximumDateTime(now.addSecs(60))
        self.add_field("occurred_at", self.tr("Wh&en:"), self.when, accessible=self.tr("When"))
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
        self.purpose = _text_box(self, 2)
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

    def run(self) -> None:
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
        d, t = self.when.date(), self.when.time()
        when = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()
        visible = lambda name: not self.rows[name][1].isHidden()  # noqa: E731
        self.session.add_custody_event(
            self.recording["id"], event, occurred_at=when, actor=self.actor.text() or None,
            location=self.location.text() or None, purpose=self.purpose.toPlainText() or None,
            counterpart=self.counterpart.text() or None if visible("counterpart") else None,
            receipt=self.receipt.text() or None if visible("receipt") else None,
            order_reference=self.order.text() or None if visible("order_reference") else None)


class CustodyLogDialog(QDialog):
    """The chain of custody of one recording, oldest first; Add event… for those who may."""

    changed = Signal()

    COLUMNS = ("when", "event", "actor", "location", "purpose", "counterpart", "receipt", "hash", "by")

    def __init__(self, session, recording: dict, parent=None):
        super().__init__(parent)
        self.session = session
        self.recording = recording
        self.setObjectName("custodyLogDialog")
        self.setWindowTitle(self.tr("Chain of custody: %1").replace("%1", recording["label"]))
        em = self.fontMetrics().height()
        lay = QVBoxLayout(self)
        head = bold(_selectable(self.tr("%1 · SHA-256 %2").replace("%1", recording["label"])
                                 .replace("%2", recording["sha256"]), self))
        lay.addWidget(head)
        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("What"), self.tr("By whom"), self.tr("Where"), self.tr("Why"),
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
        self.reload()
        self.view.setFocus()

    def reload(self) -> None:
        try:
            events = self.session.custody_log(self.recording["id"])
        except BarnahusError as e:
            self.message.show_error(core_message(e))
            return
        self.model.removeRows(0, self.model.rowCount())
        alarm_bg, white = QBrush(QColor(ALARM_BACKGROUND)), QBrush(QColor("white"))
        for ev in events:
            sha = ev.get("computed_sha256") or ""
            values = [local_datetime_text(ev["occurred_at_utc"]), labels().event(ev["event"], ev.get("label", "")),
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
        widths = (fm.horizontalAdvance("0000-00-00 00:00") + 24, what, fm.height() * 7,
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


# --- the panel -----------------------------------------------------------------------------------
class InterviewsPanel(QWidget):
    """The Interviews page of a saved case."""

    changed = Signal()

    I_COLUMNS = ("number", "when", "room", "interviewer", "status", "participation")
    R_COLUMNS = ("label", "copy", "size", "sha256", "duration", "fixity")

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("interviewsPanel")
        self.session = session
        self.case_id = case_id
        self.interviews: list[dict] = []
        self.recordings: list[dict] = []
        self.children: list[dict] = []
        self.dialog: QDialog | None = None   # the dialog open now (tests and the lock find it here)
        s = session
        self.can_plan = s.can("interview", "create")
        self.can_update = s.can("interview", "update")
        self.can_notes_read = s.can("interview_notes", "read")
        self.can_notes_write = s.can("interview_notes", "update")
        self.can_rec_read = s.can("recording", "read")
        self.can_rec_create = s.can("recording", "create")
        self.can_rec_update = s.can("recording", "update")
        self._notes_baseline = ""
        self._zone = system_zone_name()
        self._shown_once = False
        self._build()   # the contents are read when the page is first shown (refresh())

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.setSpacing(em // 2)

        self.count_box, cl = tinted_box(self, "interviewCountBox")
        cl.setSpacing(2)
        self.count_label = bold(_selectable("", self.count_box), 1.15)
        self.count_label.setObjectName("interviewCountLabel")
        cl.addWidget(self.count_label)
        note = QLabel(self.tr("Planned and held interviews of the child across all their cases. As few interviews "
                              "as possible: each further one needs a written reason."), self.count_box)
        note.setWordWrap(True)
        cl.addWidget(note)
        outer.addWidget(self.count_box)

        bar = QHBoxLayout()
        bar.setSpacing(em // 2)
        self.plan_button = QPushButton(self.tr("Plan &interview…"), self)
        self.plan_button.setObjectName("planInterviewButton")
        self.held_button = QPushButton(self.tr("Record as h&eld…"), self)
        self.held_button.setObjectName("recordHeldButton")
        self.declined_button = QPushButton(self.tr("Child de&clined…"), self)
        self.declined_button.setObjectName("childDeclinedButton")
        self.declined_button.setToolTip(self.tr("The child chose not to take part: a right, not a duty"))
        self.move_button = QPushButton(self.tr("&Move…"), self)
        self.move_button.setObjectName("moveInterviewButton")
        self.move_button.setToolTip(self.tr("Another time, room or interviewer"))
        self.cancel_button = QPushButton(self.tr("Cance&l interview…"), self)
        self.cancel_button.setObjectName("cancelInterviewButton")
        for b in (self.plan_button, self.held_button, self.declined_button, self.move_button, self.cancel_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        bar.addStretch(1)
        self.plan_button.setVisible(self.can_plan)
        for b in (self.held_button, self.declined_button, self.move_button, self.cancel_button):
            b.setVisible(self.can_update)
        self.plan_button.clicked.connect(self.plan_interview)
        self.held_button.clicked.connect(self.record_held)
        self.declined_button.clicked.connect(self.record_declined)
        self.move_button.clicked.connect(self.move_interview)
        self.cancel_button.clicked.connect(self.cancel_interview)
        outer.addLayout(bar)

        self.message = InlineMessage(self)
        self.message.setObjectName("interviewsMessage")
        outer.addWidget(self.message)

        self.vsplit = QSplitter(Qt.Orientation.Vertical, self)
        self.vsplit.setChildrenCollapsible(False)
        outer.addWidget(self.vsplit, 1)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        self.hsplit = top
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(em // 4)
        list_head = bold(QLabel(self.tr("Interviews in this case"), left))
        ll.addWidget(list_head)
        self.i_model = QStandardItemModel(0, len(self.I_COLUMNS), self)
        self.i_model.setHorizontalHeaderLabels([self.tr("No."), self.tr("Date and time"), self.tr("Room"),
                                                self.tr("Interviewer"), self.tr("Status"),
                                                self.tr("Participation")])
        self.i_model.horizontalHeaderItem(5).setToolTip(self.tr("The child's choice to take part"))
        self.i_view = QTableView(left)
        self.i_view.setObjectName("interviewsTable")
        self.i_view.setAccessibleName(self.tr("Interviews in this case"))
        self.i_view.setModel(self.i_model)
        setup_list_table(self.i_view, em + 12)
        hh = self.i_view.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        fm = self.fontMetrics()
        for col, w in enumerate((fm.horizontalAdvance("No.") + 24,
                                 fm.horizontalAdvance("0000-00-00 00:00–00:00") + 24,
                                 em * 8, em * 9, em * 8)):
            hh.resizeSection(col, w)
        self.i_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._interview_selected(cur.row()))
        list_head.setBuddy(self.i_view)
        ll.addWidget(self.i_view, 1)
        self.empty_label = QLabel(self.tr("No interview is planned in this case yet."), left)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        ll.addWidget(self.empty_label)
        top.addWidget(left)

        self.details_holder = QWidget()
        dl = QVBoxLayout(self.details_holder)
        dl.setContentsMargins(em // 2, 0, 0, 0)
        dl.setSpacing(em // 3)
        self.details = QWidget()
        QVBoxLayout(self.details).setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.details)
        self.notes_box = QWidget()
        nl = QVBoxLayout(self.notes_box)
        nl.setContentsMargins(0, em // 2, 0, 0)
        nl.setSpacing(em // 4)
        notes_head = bold(QLabel(self.tr("Intervie&wer's notes"), self.notes_box))
        nl.addWidget(notes_head)
        self.notes = QPlainTextEdit(self.notes_box)
        self.notes.setObjectName("interviewNotes")
        self.notes.setAccessibleName(self.tr("Interviewer's notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(em * 7)
        self.notes.setReadOnly(not self.can_notes_write)
        notes_head.setBuddy(self.notes)
        nl.addWidget(self.notes)
        nrow = QHBoxLayout()
        self.notes_state = QLabel(self.notes_box)
        muted(self.notes_state)
        nrow.addWidget(self.notes_state, 1)
        self.save_notes_button = QPushButton(self.tr("Sa&ve notes"), self.notes_box)
        self.save_notes_button.setObjectName("saveNotesButton")
        self.save_notes_button.setAutoDefault(False)
        self.save_notes_button.setVisible(self.can_notes_write)
        self.save_notes_button.clicked.connect(self.save_notes)
        nrow.addWidget(self.save_notes_button)
        nl.addLayout(nrow)
        self.notes.textChanged.connect(self._notes_edited)
        self.notes.installEventFilter(self)  # Ctrl+S in the notes saves the notes
        self.notes_box.setVisible(False)
        dl.addWidget(self.notes_box)
        dl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details_holder)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details_scroll = scroll
        top.addWidget(scroll)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        left.setMinimumWidth(em * 22)
        scroll.setMinimumWidth(em * 22)
        top.setSizes([em * 40, em * 30])
        self.vsplit.addWidget(top)

        self.rec_box = QWidget()
        rl = QVBoxLayout(self.rec_box)
        rl.setContentsMargins(0, em // 2, 0, 0)
        rl.setSpacing(em // 4)
        self.rec_head = bold(QLabel(self.tr("Recordings o&f the selected interview"), self.rec_box))
        rl.addWidget(self.rec_head)
        self.alarm = QLabel(self.rec_box)
        self.alarm.setObjectName("fixityAlarmBanner")
        self.alarm.setWordWrap(True)
        self.alarm.setAutoFillBackground(True)
        self.alarm.setContentsMargins(em // 2, em // 3, em // 2, em // 3)
        ap = self.alarm.palette()
        ap.setColor(QPalette.ColorRole.Window, QColor(ALARM_BACKGROUND))
        ap.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        self.alarm.setPalette(ap)
        bold(self.alarm)
        self.alarm.hide()
        rl.addWidget(self.alarm)
        self.r_model = QStandardItemModel(0, len(self.R_COLUMNS), self)
        self.r_model.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Copy"), self.tr("Size"),
                                                self.tr("SHA-256"), self.tr("Duration"), self.tr("Fixity")])
        self.r_view = QTableView(self.rec_box)
        self.r_view.setObjectName("recordingsTable")
        self.r_view.setAccessibleName(self.tr("Recordings of the selected interview"))
        self.r_view.setModel(self.r_model)
        self.r_view.setItemDelegate(AlarmDelegate(self.r_view))
        setup_list_table(self.r_view, em + 12)
        rh = self.r_view.horizontalHeader()
        rh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rh.setHighlightSections(False)
        rh.setStretchLastSection(True)
        for col, w in enumerate((em * 14, em * 9, em * 6, fm.horizontalAdvance("0" * SHORT_HASH + "…") + 28, em * 5)):
            rh.resizeSection(col, w)
        self.r_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.r_view.customContextMenuRequested.connect(self._recording_menu)
        self.r_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        copy_sc = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.r_view)
        copy_sc.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy_sc.activated.connect(self.copy_sha)
        self.rec_head.setBuddy(self.r_view)
        rl.addWidget(self.r_view, 1)
        self.rec_empty = QLabel(self.rec_box)
        self.rec_empty.setWordWrap(True)
        self.rec_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.rec_empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        rl.addWidget(self.rec_empty)
        rbar = QHBoxLayout()
        self.register_button = QPushButton(self.tr("Register a recordi&ng…"), self.rec_box)
        self.register_button.setObjectName("registerRecordingButton")
        self.custody_button = QPushButton(self.tr("C&ustody log…"), self.rec_box)
        self.custody_button.setObjectName("custodyLogButton")
        self.fixity_button = QPushButton(self.tr("Check fi&xity…"), self.rec_box)
        self.fixity_button.setObjectName("checkFixityButton")
        self.copy_button = QPushButton(self.tr("Cop&y SHA-256"), self.rec_box)
        self.copy_button.setObjectName("copyShaButton")
        self.copy_button.setToolTip(self.tr("Copy the full SHA-256 of the selected recording (Ctrl+C in the table)"))
        for b in (self.register_button, self.custody_button, self.fixity_button, self.copy_button):
            b.setAutoDefault(False)
            rbar.addWidget(b)
        rbar.addStretch(1)
        self.register_button.setVisible(self.can_rec_create)
        self.fixity_button.setVisible(self.can_rec_update)
        self.register_button.clicked.connect(self.register_recording)
        self.custody_button.clicked.connect(self.show_custody_log)
        self.fixity_button.clicked.connect(self.check_fixity)
        self.copy_button.clicked.connect(self.copy_sha)
        rl.addLayout(rbar)
        self.vsplit.addWidget(self.rec_box)
        self.rec_box.setVisible(self.can_rec_read)
        self.vsplit.setStretchFactor(0, 3)
        self.vsplit.setStretchFactor(1, 2)
        self.vsplit.setSizes([em * 32, em * 16])

    # reading -----------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Read the case's interviews and the child's count again (through the core)."""
        self._maybe_save_notes()
        keep = select_id if select_id is not None else self.selected_id()
        self.message.clear()
        try:
            case = self.session.get_case(self.case_id)
            self.children = case.get("children") or []
            self.interviews = self.session.case_interviews(self.case_id)
            counts = [(c, self.session.interview_count(c["person_id"])) for c in self.children]
        except BarnahusError as e:
            self.message.show_error(core_message(e))
            return
        self._show_counts(counts)
        sel = self.i_view.selectionModel()
        sel.blockSignals(True)  # one _interview_selected at the end, not one per row
        self.i_model.removeRows(0, self.i_model.rowCount())
        for iv in self.interviews:
            self.i_model.appendRow(self._interview_items(iv))
        has = bool(self.interviews)
        for col in range(len(self.I_COLUMNS) - 1):
            self.i_view.resizeColumnToContents(col)
        self.i_view.setVisible(has)
        self.empty_label.setVisible(not has)
        row = next((i for i, iv in enumerate(self.interviews) if iv["id"] == keep), len(self.interviews) - 1)
        if has:
            self.i_view.setCurrentIndex(self.i_model.index(row, 0))
            self.i_view.selectRow(row)
        sel.blockSignals(False)
        self.i_view.viewport().update()
        self._interview_selected(row if has else -1)

    def _show_counts(self, counts) -> None:
        if not counts:
            text = self.tr("No child is recorded in this case yet.")
        else:
            lines = []
            for child, n in counts:
                name = display_name((child.get("given_name") or "").strip(),
                                    (child.get("family_name") or "").strip() or None)
                lines.append(self.tr("%1: %2 interviews (across all cases)").replace("%1", name).replace("%2", str(n))
                             if n != 1 else
                             self.tr("%1: 1 interview (across all cases)").replace("%1", name))
            text = "\n".join(lines)
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    def _when_text(self, iv: dict) -> str:
        zone = iv["time_zone"]
        text = f"{_local(iv['starts_at_utc'], zone)}–{_local(iv['ends_at_utc'], zone, with_date=False)}"
        if zone != self._zone:
            text += f" ({zone})"
        return text

    def _interview_items(self, iv: dict) -> list[QStandardItem]:
        values = [str(iv["number"]) if iv.get("number") else "–", self._when_text(iv), iv.get("room_name") or "",
                  iv.get("interviewer_name") or "", labels().status(iv["status"]),
                  labels().participation(iv["child_participation"])]
        items = []
        for v in values:
            it = QStandardItem(v)
            it.setEditable(False)
            it.setData(iv["id"], ID_ROLE)
            items.append(it)
        if iv["status"] in ("cancelled", "not_held"):
            grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            for it in items:
                it.setForeground(grey)
        return items

    def selected_id(self) -> int | None:
        iv = self.selected()
        return iv["id"] if iv else None

    def selected(self) -> dict | None:
        idx = self.i_view.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.interviews):
            return None
        return self.interviews[idx.row()]

    def _interview_selected(self, row: int) -> None:
        self._maybe_save_notes()
        iv = self.interviews[row] if 0 <= row < len(self.interviews) else None
        self._show_details(iv)
        self._load_recordings(iv)
        self._update_buttons()

    # details ------------------------------------------------------------------------------------
    def _show_details(self, iv: dict | None) -> None:
        lay = self.details.layout()
        while lay.count():
            w = lay.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self.notes_box.setVisible(iv is not None and self.can_notes_read)
        if iv is None:
            self._set_notes("")
            return
        em = self.fontMetrics().height()
        w = QWidget()
        w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never squeezed
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(em // 3)
        child = iv.get("child_name") or ""
        if iv.get("number"):
            title = self.tr("Interview %1 of %2 (across all cases)").replace("%1", str(iv["number"])) \
                .replace("%2", child)
        else:
            title = self.tr("Interview of %1: %2").replace("%1", child).replace("%2", labels().status(iv["status"]))
        head = bold(_selectable(title, w), 1.1)
        head.setObjectName("interviewTitle")
        v.addWidget(head)
        form = QFormLayout()
        form.setHorizontalSpacing(em)
        form.setVerticalSpacing(em // 4)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        zone = iv["time_zone"]

        def row(label: str, text: str | None) -> None:
            if not text:
                return
            val = _selectable(text, w, wrap=len(text) > 50)  # wrapping short values spreads rows apart
            val.setAccessibleName(label)
            form.addRow(QLabel(label, w), val)

        row(self.tr("Status"), labels().status(iv["status"]))
        row(self.tr("Planned"), self._when_text(iv))
        if iv.get("actual_start_utc"):
            row(self.tr("Held"),
                f"{_local(iv['actual_start_utc'], zone)}–{_local(iv['actual_end_utc'], zone, False)}")
        breaks = [f"{_local(b['started_at_utc'], zone, False)}–{_local(b['ended_at_utc'], zone, False)}"
                  for b in iv.get("breaks") or []]
        row(self.tr("Breaks"), ", ".join(breaks))
        row(self.tr("Room"), iv.get("room_name"))
        row(self.tr("Interviewer"), iv.get("interviewer_name"))
        row(self.tr("Protocol"), term_label("interview_protocols", iv.get("protocol")))
        row(self.tr("Language"), iv.get("language"))
        row(self.tr("Interpreter language"), iv.get("interpreter_language"))
        row(self.tr("Language used"), iv.get("language_used"))
        row(self.tr("Child's participation"), labels().participation(iv["child_participation"]))
        if iv.get("pre_constituted"):
            row(self.tr("Pre-constituted evidence"), self.tr("Yes"))
        if iv["status"] == "cancelled":
            row(self.tr("Why cancelled"), iv.get("cancel_reason"))
        elif iv["status"] == "not_held":
            row(self.tr("Note"), iv.get("cancel_reason"))
        row(self.tr("Why another interview"), iv.get("justification"))
        v.addLayout(form)

        parts = iv.get("participants") or []
        v.addWidget(bold(QLabel(self.tr("Participants"), w)))
        if not parts:
            v.addWidget(_selectable(self.tr("Only the child and the interviewer."), w))
        for p in parts:
            bits = [term_label("interview_participant_roles", p["role"]) + ": "
                    + (p.get("display") or self.tr("not named"))]
            if p.get("language"):
                bits.append(self.tr("language %1").replace("%1", p["language"]))
            if p.get("present") is True:
                bits.append(self.tr("present"))
            elif p.get("present") is False:
                bits.append(self.tr("not present"))
            v.addWidget(_selectable(" · ".join(bits), w))

        overrides = iv.get("overrides") or []
        if overrides:
            v.addWidget(bold(QLabel(self.tr("Warnings overridden"), w)))
            for o in overrides:
                text = self.tr("%1 — reason: %2 (%3, %4)").replace("%1", labels().conflict(o["conflict"])) \
                    .replace("%2", o["reason"]).replace("%3", o.get("by_name") or "") \
                    .replace("%4", local_datetime_text(o.get("at_utc")))
                lab = _selectable(text, w)
                lab.setObjectName("overrideText")
                v.addWidget(lab)
        lay.addWidget(w)
        prev = self.i_view  # Tab: the list, the details (selectable by keyboard), then the notes
        for lab in w.findChildren(QLabel):
            if lab.focusPolicy() != Qt.FocusPolicy.NoFocus:
                QWidget.setTabOrder(prev, lab)
                prev = lab
        QWidget.setTabOrder(prev, self.notes)
        self._set_notes((iv.get("notes") or "") if self.can_notes_read else "")

    # notes ---------------------------------------------------------------------------------------
    def _set_notes(self, text: str) -> None:
        self.notes.blockSignals(True)
        self.notes.setPlainText(text)
        self.notes.blockSignals(False)
        self._notes_baseline = text
        self._notes_edited()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        """Ctrl+S while writing notes saves them (rather than the workspace's Save, which does
        not cover notes)."""
        if obj is self.notes and self.can_notes_write and event.type() in (event.Type.ShortcutOverride,
                                                                           event.Type.KeyPress):
            if event.matches(QKeySequence.StandardKey.Save):
                event.accept()
                if event.type() == event.Type.KeyPress:
                    self.save_notes()
                return event.type() == event.Type.KeyPress
        return super().eventFilter(obj, event)

    def notes_dirty(self) -> bool:
        return self.can_notes_write and self.notes.toPlainText() != self._notes_baseline

    def _notes_edited(self) -> None:
        dirty = self.notes_dirty()
        self.save_notes_button.setEnabled(dirty)
        if not self.can_notes_write:
            self.notes_state.setText(self.tr("Only forensic interviewers write these notes."))
        else:
            self.notes_state.setText(self.tr("Not saved yet.") if dirty else "")

    def save_notes(self) -> bool:
        iv = self.selected()
        if iv is None or not self.notes_dirty():
            return True
        try:
            self.session.set_interview_notes(iv["id"], self.notes.toPlainText() or None)
        except BarnahusError as e:
            self.message.show_error(core_message(e))
            return False
        iv["notes"] = self.notes.toPlainText() or None
        self._notes_baseline = self.notes.toPlainText()
        self._notes_edited()
        self.notes_state.setText(self.tr("Notes saved."))
        return True

    def _maybe_save_notes(self) -> None:
        """Leaving an interview whose notes were edited: save them or let them go, as asked."""
        if not self.notes_dirty() or not self.notes_box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved notes"),
                          self.tr("The interviewer's notes have changes that are not saved. Save them?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        if box.exec() == QMessageBox.StandardButton.Save:
            self.save_notes()
        else:
            self._set_notes(self._notes_baseline)

    # recordings ----------------------------------------------------------------------------------
    def _load_recordings(self, iv: dict | None) -> None:
        self.r_model.removeRows(0, self.r_model.rowCount())
        self.recordings = []
        if not self.can_rec_read:
            return
        if iv is None:
            self.rec_empty.setText(self.tr("Choose an interview to see its recordings."))
            self._show_recordings(False)
            return
        try:
            self.recordings = self.session.interview_recordings(iv["id"])
        except BarnahusError as e:
            self.message.show_error(core_message(e))
            return
        for r in self.recordings:
            self.r_model.appendRow(self._recording_items(r))
        self.rec_empty.setText(self.tr("No recording is registered for this interview."))
        self._show_recordings(bool(self.recordings))
        failed = [r for r in self.recordings if r["fixity_status"] in ("mismatch", "missing")]
        if failed:
            self.alarm.setText(self.tr("FIXITY CHECK FAILED for %1. Do not use it as evidence; the registered "
                                       "SHA-256 was not changed.")
                               .replace("%1", ", ".join(r["label"] for r in failed)))
            self.alarm.setAccessibleName(self.alarm.text())
        self.alarm.setVisible(bool(failed))
        if self.recordings:
            self.r_view.selectRow(0)

    def _show_recordings(self, table: bool) -> None:
        self.r_view.setVisible(table)
        self.rec_empty.setVisible(not table)

    def _recording_items(self, r: dict) -> list[QStandardItem]:
        if r["copy_kind"] == "master":
            copy = self.tr("Master")
        else:
            master = next((m["label"] for m in self.recordings if m["id"] == r.get("master_id")), "")
            copy = self.tr("Working copy of %1").replace("%1", master) if master else self.tr("Working copy")
        fixity = labels().fixity(r["fixity_status"])
        if r["fixity_status"] == "ok" and r.get("fixity_checked_at"):
            fixity = self.tr("%1 (checked %2)").replace("%1", fixity).replace(
                "%2", local_datetime_text(r["fixity_checked_at"])[:10])
        values = [r["label"], copy, _size_text(r.get("size_bytes")), r["sha256"][:SHORT_HASH] + "…",
                  _duration_text(r.get("duration_ms")), fixity]
        items = []
        for v in values:
            it = QStandardItem(v)
            it.setEditable(False)
            it.setData(r["id"], ID_ROLE)
            items.append(it)
        sha = items[3]
        sha.setToolTip(r["sha256"])
        sha.setData(self.tr("SHA-256 %1").replace("%1", r["sha256"]), Qt.ItemDataRole.AccessibleTextRole)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        sha.setFont(mono)
        items[0].setToolTip(self.tr("%1\nFile: %2\nKept at: %3").replace("%1", r["label"])
                            .replace("%2", r.get("file_name") or "").replace("%3", r.get("storage_location") or ""))
        fx = items[5]
        if r["fixity_status"] in ("mismatch", "missing"):
            fx.setData(True, ALARM_ROLE)
            fx.setBackground(QBrush(QColor(ALARM_BACKGROUND)))
            fx.setForeground(QBrush(QColor("white")))
            f = QFont(self.font())
            f.setBold(True)
            fx.setFont(f)
            fx.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
            fx.setToolTip(self.tr("The file checked did not match the SHA-256 taken at registration, or was not "
                                  "found. The registered SHA-256 was not changed."))
        elif r["fixity_status"] == "ok":
            fx.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        return items

    def selected_recording(self) -> dict | None:
        idx = self.r_view.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.recordings):
            return None
        return self.recordings[idx.row()]

    def copy_sha(self) -> None:
        r = self.selected_recording()
        if r is None:
            return
        from ui.shell.locking import copy_identifier
        copy_identifier(r["sha256"])
        self.message.show_info(self.tr("The SHA-256 of %1 is on the clipboard.").replace("%1", r["label"]))

    def _recording_menu(self, pos) -> None:
        if self.selected_recording() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Copy SHA-256"), self.copy_sha)
        menu.addAction(self.tr("Custody log…"), self.show_custody_log)
        if self.can_rec_update:
            menu.addAction(self.tr("Check fixity…"), self.check_fixity)
        menu.exec(self.r_view.viewport().mapToGlobal(pos))

    # buttons ---------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        iv = self.selected()
        status = iv["status"] if iv else None
        self.held_button.setEnabled(status in ACTIVE)
        self.declined_button.setEnabled(status == "planned")
        self.move_button.setEnabled(status == "planned")
        self.cancel_button.setEnabled(status == "planned")
        self.plan_button.setEnabled(bool(self.children))
        rec = self.selected_recording()
        self.register_button.setEnabled(iv is not None and status != "cancelled")
        self.custody_button.setEnabled(rec is not None)
        self.copy_button.setEnabled(rec is not None)
        self.fixity_button.setEnabled(rec is not None and rec["fixity_status"] != "destroyed")

    def plan_interview(self) -> QDialog:
        from ui.interviews.plan_dialog import InterviewPlanDialog
        dlg = InterviewPlanDialog(self.session, self, case_id=self.case_id)
        return open_dialog(self, dlg, lambda d: self._changed(d.interview_id))

    def move_interview(self) -> QDialog | None:
        iv = self.selected()
        if iv is None:
            return None
        from ui.interviews.plan_dialog import InterviewPlanDialog
        try:
            dlg = InterviewPlanDialog(self.session, self, interview_id=iv["id"])
        except BarnahusError as e:
            self.message.show_error(core_message(e))
            return None
        return open_dialog(self, dlg, lambda d: self._changed(iv["id"]))

    def record_held(self) -> QDialog | None:
        iv = self.selected()
        return open_dialog(self, RecordHeldDialog(self.session, iv, self),
                           lambda d: self._changed(iv["id"])) if iv else None

    def record_declined(self) -> QDialog | None:
        iv = self.selected()
        return open_dialog(self, DeclinedDialog(self.session, iv, self),
                           lambda d: self._changed(iv["id"])) if iv else None

    def cancel_interview(self) -> QDialog | None:
        iv = self.selected()
        return open_dialog(self, CancelInterviewDialog(self.session, iv, self),
                           lambda d: self._changed(iv["id"])) if iv else None

    def register_recording(self) -> QDialog | None:
        iv = self.selected()
        if iv is None:
            return None
        dlg = RegisterRecordingDialog(self.session, iv, self.recordings, self)
        dlg.registered.connect(lambda _rid: self._changed(iv["id"]))
        return open_dialog(self, dlg, lambda d: None)

    def show_custody_log(self) -> QDialog | None:
        r = self.selected_recording()
        if r is None:
            return None
        dlg = CustodyLogDialog(self.session, r, self)
        iid = self.selected_id()
        dlg.changed.connect(lambda: self._changed(iid))
        return open_dialog(self, dlg, lambda d: None)

    def check_fixity(self) -> QDialog | None:
        r = self.selected_recording()
        if r is None:
            return None
        iid = self.selected_id()
        dlg = FixityCheckDialog(self.session, r, self)
        dlg.checked.connect(lambda result: self._fixity_done(result, r, iid))
        return open_dialog(self, dlg, lambda d: None)

    def _fixity_done(self, result, recording: dict, iid) -> None:
        self._changed(iid)
        if result.ok:
            self.message.show_info(self.tr("Fixity check of %1: unaltered. The SHA-256 matches the one taken at "
                                           "registration.").replace("%1", recording["label"]))
            return
        self.message.show_error(self.tr("FIXITY CHECK FAILED for %1. The registered SHA-256 was not changed.")
                                .replace("%1", recording["label"]))
        alarm = FixityAlarmDialog(result, recording, self)
        open_dialog(self, alarm, lambda d: None)

    def _changed(self, select_id: int | None) -> None:
        keep_rec = self.selected_recording()
        self.refresh(select_id)
        if keep_rec is not None:
            for i, r in enumerate(self.recordings):
                if r["id"] == keep_rec["id"]:
                    self.r_view.selectRow(i)
        self.changed.emit()

    def showEvent(self, event):  # noqa: N802 (Qt name)
        """Read when first shown, and again on each return to the page (the case's children, or
        the calendar, may have changed meanwhile), unless notes are being written."""
        super().showEvent(event)
        if not self._shown_once or not self.notes_dirty():
            self.refresh()
        self._shown_once = True
