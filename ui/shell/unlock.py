"""The unlock screen: user name, password, which record; the core's errors shown inline.

The Argon2 key derivation (about half a second) runs on a worker thread while the screen shows
that it is busy. The core gives the same message for an unknown user name and a wrong password.
After several wrong passwords for a name, the core waits before checking the next one for that
name (up to 30 s; other names are not slowed): the screen says so, calmly, while it waits.
The recovery key stands in for the password, as the command line's --recovery-key-file does: the
core checks it and names an active user to log in as; the key is never kept after the attempt.
"Use shares…" combines k shares of a split recovery key into it (ui/shell/shares_entry.py).
"""
from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from barnahus_app import api
from barnahus_app.api import KdfParams

from ui.common import prefs
from ui.common.feedback import InlineMessage, core_message, muted, open_dialog
from ui.common.icons import app_icon, icon
from ui.common.tasks import run_in_background


def _scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    f = QFont(widget.font())
    f.setPointSizeF(f.pointSizeF() * factor)
    f.setBold(bold)
    return f


class UnlockPanel(QWidget):
    """Emits unlocked(Session) once the core has opened the record."""

    unlocked = Signal(object)
    newRecordRequested = Signal()
    switchRequested = Signal(str, str, str)   # a restored record, the password for it, the user name
    _waiting = Signal(float)   # from the worker: the core waits this many seconds before checking

    def __init__(self, record_path=None, kdf: KdfParams = KdfParams(), parent=None):
        super().__init__(parent)
        self._kdf = kdf
        self._record_path: Path | None = None
        self._busy = False
        self._locked = False  # the screen came up because the record was locked (the heading says so)
        self._by_recovery_key = False  # what the last successful unlock used
        self._removed_leftovers: list[str] = []
        self.damaged_banner = None   # ui/shell/damaged.py's banner, made when a record is damaged
        self._interrupted_switch: dict | None = None   # the plan of a switch a crash interrupted
        self.dialog: QDialog | None = None   # the shares' dialog while it is open (open_dialog)
        self._build()
        self._waiting.connect(self._show_wait)
        self.set_record(record_path)
        self.prepare()

    # --- building --------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QWidget(self)
        card.setMinimumWidth(em * 22)
        card.setMaximumWidth(em * 32)
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        v = QVBoxLayout(card)
        v.setSpacing(em * 2 // 3)
        top = QHBoxLayout()
        logo = QLabel(card)
        logo.setPixmap(app_icon().pixmap(em * 3, em * 3))
        top.addWidget(logo, 0)
        titles = QVBoxLayout()
        title = QLabel(self.tr("Barnahus Case Record"), card)
        title.setFont(_scaled_font(self, 1.6, True))
        self.heading = QLabel(card)
        self.heading.setFont(_scaled_font(self, 1.15))
        titles.addWidget(title)
        titles.addWidget(self.heading)
        top.addLayout(titles, 1)
        v.addLayout(top)

        self.record_label = QLabel(card)
        self.record_label.setWordWrap(True)
        self.record_label.setTextFormat(Qt.TextFormat.PlainText)
        self.record_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.record_label)
        self._card_layout = v

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.user_edit = QLineEdit(card)
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.user_edit.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText
                                           | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.password_edit = QLineEdit(card)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        user_label = QLabel(self.tr("&User name:"), card)
        user_label.setBuddy(self.user_edit)
        pw_label = QLabel(self.tr("&Password:"), card)
        pw_label.setBuddy(self.password_edit)
        form.addRow(user_label, self.user_edit)
        form.addRow(pw_label, self.password_edit)
        self._build_recovery_rows(card, form)
        v.addLayout(form)

        self.message = InlineMessage(card)
        v.addWidget(self.message)
        self.progress = QProgressBar(card)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Unlocking"))
        self.progress.hide()
        v.addWidget(self.progress)

        buttons = QHBoxLayout()
        self.mode_button = QPushButton(card)
        self.mode_button.setFlat(True)
        buttons.addWidget(self.mode_button)
        buttons.addStretch(1)
        self.unlock_button = QPushButton(icon("key"), self.tr("Un&lock"), card)
        self.unlock_button.setAccessibleName(self.tr("Unlock the record"))
        self.unlock_button.setMinimumWidth(em * 7)
        buttons.addWidget(self.unlock_button)
        v.addLayout(buttons)

        line = QFrame(card)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        v.addSpacing(em // 2)
        v.addWidget(line)

        self.recent_label = recent_label = QLabel(self.tr("Recen&t records:"), card)
        self.recent_list = QListWidget(card)
        self.recent_list.setAccessibleName(self.tr("Recent records"))
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent_list.setSpacing(max(1, em // 8))
        self.recent_list.setMaximumHeight(em * 7)
        recent_label.setBuddy(self.recent_list)
        v.addWidget(recent_label)
        v.addWidget(self.recent_list)

        more = QHBoxLayout()
        self.open_button = QPushButton(icon("folder"), self.tr("&Open another record…"), card)
        self.new_button = QPushButton(icon("new"), self.tr("Create a ne&w record…"), card)
        more.addWidget(self.open_button)
        more.addWidget(self.new_button)
        more.addStretch(1)
        v.addLayout(more)

        self.user_edit.returnPressed.connect(self._user_enter)
        self.password_edit.returnPressed.connect(self.submit)
        self.recovery_edit.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self.shares_button.clicked.connect(self.use_shares)
        self.mode_button.clicked.connect(lambda: self.set_recovery_mode(not self.in_recovery_mode()))
        self.open_button.clicked.connect(self._open_other)
        self.new_button.clicked.connect(self.newRecordRequested)
        self.recent_list.itemActivated.connect(self._recent_chosen)
        self.recent_list.itemClicked.connect(self._recent_chosen)
        self.setTabOrder(self.user_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.recovery_edit)
        self.setTabOrder(self.recovery_edit, self.show_recovery_key)
        self.setTabOrder(self.show_recovery_key, self.shares_button)
        self.setTabOrder(self.shares_button, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.mode_button)
        self.setTabOrder(self.mode_button, self.recent_list)
        self.setTabOrder(self.recent_list, self.open_button)
        self.setTabOrder(self.open_button, self.new_button)

    def _build_recovery_rows(self, card: QWidget, form: QFormLayout) -> None:
        """The recovery key's field, its show toggle and a word on what it is; hidden until asked."""
        self._form = form
        self.recovery_edit = QLineEdit(card)
        self.recovery_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.recovery_edit.setAccessibleName(self.tr("Recovery key"))
        self.recovery_edit.setPlaceholderText("XXXXXXXX-XXXXXXXX-…")
        self.recovery_edit.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText
                                               | Qt.InputMethodHint.ImhSensitiveData)
        key_label = QLabel(self.tr("Recovery &key:"), card)
        key_label.setBuddy(self.recovery_edit)
        self.show_recovery_key = QCheckBox(self.tr("&Show the key"), card)
        self.show_recovery_key.toggled.connect(lambda shown: self.recovery_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password))
        self.recovery_hint = QLabel(self.tr(
            "The recovery key is the 64 digits and letters A–F shown once when the record was "
            "created; dashes and spaces may be typed or left out. If it was split into shares, "
            "press “Use shares…” instead. Type the user name of an administrator, who then sets the "
            "users' passwords again."), card)
        muted(self.recovery_hint).setWordWrap(True)
        self.recovery_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.shares_button = QPushButton(self.tr("Use shar&es…"), card)
        self.shares_button.setAccessibleName(self.tr("Unlock with shares of the recovery key"))
        self.shares_button.setToolTip(self.tr("The recovery key was split into shares: type any "
                                              "of them that together open the record"))
        self.shares_button.setAutoDefault(False)
        form.addRow(key_label, self.recovery_edit)
        form.addRow("", self.show_recovery_key)
        self._shares_row = QWidget(card)   # the button at its own width, not the field's
        shares_row = QHBoxLayout(self._shares_row)
        shares_row.setContentsMargins(0, 0, 0, 0)
        shares_row.addWidget(self.shares_button)
        shares_row.addStretch(1)
        form.addRow("", self._shares_row)
        form.addRow(self.recovery_hint)
        self._recovery_rows = (self.recovery_edit, self.show_recovery_key, self._shares_row,
                               self.recovery_hint)

    # --- state -----------------------------------------------------------------------------
    def record_path(self) -> Path | None:
        return self._record_path

    def set_record(self, path) -> None:
        self._record_path = Path(path).absolute() if path else None
        if self._record_path is None:
            self.record_label.setText(self.tr("No record is chosen. Open a record, or create a new one."))
        else:
            self.record_label.setText(self.tr("Record: {path}").format(path=str(self._record_path)))
        self.record_label.setToolTip(str(self._record_path or ""))
        self.message.clear()
        self.hide_damaged()
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        for p in prefs.recent_records():
            item = QListWidgetItem(p)
            item.setToolTip(p)
            item.setData(Qt.ItemDataRole.UserRole, p)
            if self._record_path is not None and Path(p) == self._record_path:
                font = QFont(self.recent_list.font())
                font.setBold(True)
                item.setFont(font)
            if not Path(p).exists():
                item.setText(self.tr("{path} (not found)").format(path=p))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent_list.addItem(item)
        has_recent = self.recent_list.count() > 0
        self.recent_label.setVisible(has_recent)
        self.recent_list.setVisible(has_recent)

    def in_recovery_mode(self) -> bool:
        return not self._form.isRowVisible(self.password_edit)

    def interrupted_switch(self) -> dict | None:
        """The plan of a switch to a restored record that a crash interrupted, found at the last
        unlock (None: there is none)."""
        return self._interrupted_switch

    def removed_leftovers(self) -> list[str]:
        """The names of the leftovers of interrupted work removed before the last unlock."""
        return self._removed_leftovers

    def unlocked_by_recovery_key(self) -> bool:
        """Whether the last unlock used the recovery key (the core's Session does not say)."""
        return self._by_recovery_key

    def set_recovery_mode(self, on: bool) -> None:
        """Ask for the recovery key instead of the password, or back; neither is kept across."""
        self.password_edit.clear()
        self._forget_recovery_key()
        self.message.clear()
        self.heading.setText(self.tr("Unlock the record with its recovery key") if on
                             else self.tr("The record is locked. Unlock it to go on.") if self._locked
                             else self.tr("Unlock the record"))
        self._form.setRowVisible(self.password_edit, not on)
        for w in self._recovery_rows:
            self._form.setRowVisible(w, on)
        self.mode_button.setText(self.tr("Unlock with a password &instead") if on
                                 else self.tr("Unlock with the recovery ke&y…"))
        self.mode_button.setAccessibleName(self.mode_button.text().replace("&", ""))
        focus = self.recovery_edit if on else self.password_edit
        (focus if self.user_edit.text() else self.user_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def _forget_recovery_key(self) -> None:
        self.recovery_edit.clear()
        self.show_recovery_key.setChecked(False)

    def prepare(self, username: str = "", locked: bool = False) -> None:
        """Make the screen ready for someone to type: no password, no old message."""
        self._locked = locked
        self.set_recovery_mode(False)
        self.message.clear()
        self.hide_damaged()
        if username:
            self.user_edit.setText(username)
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.user_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fill_recent()

    def is_busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.user_edit, self.password_edit, self.recovery_edit, self.show_recovery_key,
                  self.shares_button, self.unlock_button, self.mode_button, self.recent_list, self.open_button,
                  self.new_button):
            w.setEnabled(not busy)
        if self.damaged_banner is not None:
            self.damaged_banner.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.message.show_info(self.tr("Unlocking the record…"))
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.message.clear()
            self.unsetCursor()

    # --- actions ---------------------------------------------------------------------------
    def _secret_edit(self) -> QLineEdit:
        return self.recovery_edit if self.in_recovery_mode() else self.password_edit

    def _user_enter(self) -> None:
        if self._secret_edit().text():
            self.submit()
        else:
            self._secret_edit().setFocus(Qt.FocusReason.TabFocusReason)

    def _typed_username(self, missing: str) -> str:
        """The user name typed; "" (with the message `missing` shown and the field focused) when
        there is none. Every way of opening the record asks for it here."""
        username = self.user_edit.text().strip()
        if not username:
            self.message.show_error(missing)
            self.user_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return username

    def _recovery_user_text(self) -> str:
        return self.tr("Type a user name: an administrator's, to set the passwords again afterwards.")

    def submit(self, read_only: bool = False) -> None:
        """Unlock with what was typed; read_only: open the record read-only (a damaged record)."""
        if self._busy:
            return
        if self._record_path is None:
            self.message.show_error(self.tr("Choose a record first: open one, or create a new one."))
            return
        by_recovery_key = self.in_recovery_mode()
        username = self._typed_username(self._recovery_user_text() if by_recovery_key
                                        else self.tr("Type your user name."))
        secret = self._secret_edit().text()
        if not username:
            return
        if not secret.strip() if by_recovery_key else not secret:
            self.message.show_error(self.tr("Type the recovery key.") if by_recovery_key
                                    else self.tr("Type your password."))
            self._secret_edit().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        # The widgets forget what was typed now; the core checks the key's form (dashes and
        # spaces allowed) as it does for --recovery-key-file.
        self.password_edit.clear()
        self._forget_recovery_key()
        self._open(username, {"recovery_key" if by_recovery_key else "password": secret},
                   by_recovery_key, read_only)

    def use_shares(self) -> None:
        """Unlock with k shares of the recovery key (ui/shell/shares_entry.py) instead of the key."""
        if self._busy:
            return
        if self._record_path is None:
            self.message.show_error(self.tr("Choose a record first: open one, or create a new one."))
            return
        username = self._typed_username(self._recovery_user_text())
        if not username:
            return
        from ui.shell.shares_entry import SharesEntryDialog
        self._forget_recovery_key()
        self.message.clear()

        def combined(dialog) -> None:
            key, dialog.recovery_key = dialog.recovery_key, None
            self._open(username, {"recovery_key": key}, True)
        open_dialog(self, SharesEntryDialog(self), combined)

    def _open(self, username: str, credential: dict, by_recovery_key: bool, read_only: bool = False) -> None:
        path, kdf = self._record_path, self._kdf
        self._set_busy(True)

        def unlock():   # on the worker; api looked up there: the first unlock imports the database layer
            # What a crash left beside the record (a backup or export stopped part-way) goes
            # first, as the command line does: only while no program has the record open. A
            # read-only open changes nothing beside the record either.
            removed = [] if read_only else api.remove_leftovers(path)
            return (api.open_record(path, username, kdf=kdf, read_only=read_only, sleep=self._wait,
                                    **credential), removed, api.interrupted_switch(path))

        run_in_background(unlock, lambda result: self._succeeded(path, *result, by_recovery_key=by_recovery_key),
                          self._failed, owner=self, on_orphan=lambda result: result[0].close())

    def _wait(self, seconds: float) -> None:
        """The core's wait after wrong passwords for this name, on the worker: said on screen."""
        self._waiting.emit(seconds)
        time.sleep(seconds)

    def _show_wait(self, seconds: float) -> None:
        if self._busy:
            self.message.show_info(self.tr(
                "Several wrong passwords were given for this user name, so Barnahus checks this "
                "one after a short wait ({n} s). Other users can sign in as usual.").format(
                n=math.ceil(seconds)))

    def _succeeded(self, path: Path, session, removed: list, interrupted: dict | None, *,
                   by_recovery_key: bool) -> None:
        self._set_busy(False)
        self._interrupted_switch = interrupted
        self._by_recovery_key = by_recovery_key
        self._removed_leftovers = [item.path.name for item in removed]
        self.set_recovery_mode(False)
        prefs.add_recent_record(path)
        self._fill_recent()
        self.unlocked.emit(session)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, api.RecordDamaged):
            self.show_damaged(error)
        else:
            self.message.show_error(core_message(error))
        self._secret_edit().setFocus(Qt.FocusReason.OtherFocusReason)

    # --- a damaged record ------------------------------------------------------------------
    def show_damaged(self, error: BaseException | None = None) -> None:
        """The banner about a damaged record (ui/shell/damaged.py), above the form: open it
        read-only with the password typed again, restore a backup, or salvage."""
        if self.damaged_banner is None:
            from ui.shell.damaged import DamagedBanner
            self.damaged_banner = DamagedBanner(self.record_label.parentWidget())
            self._card_layout.insertWidget(self._card_layout.indexOf(self.record_label) + 1, self.damaged_banner)
            self.damaged_banner.openReadOnly.connect(self.open_read_only)
            self.damaged_banner.restoreRequested.connect(self.restore_backup)
            self.damaged_banner.salvageRequested.connect(self.salvage)
        self.damaged_banner.show_damage(error)

    def hide_damaged(self) -> None:
        if self.damaged_banner is not None:
            self.damaged_banner.hide()

    def open_read_only(self) -> None:
        self.submit(read_only=True)

    def restore_backup(self) -> None:
        """Choose a backup beside the record and restore it to a new file; offer to open that."""
        username = self._typed_username(self.tr("Type your user name first."))
        if not username or self._record_path is None:
            return
        from ui.shell.damaged import BackupChooser, offer_restored, restored_text
        chooser = BackupChooser(self._record_path, username, self)
        chooser.exec()
        if chooser.restored is None:
            return
        info = chooser.restored
        choice = offer_restored(self, restored_text(info))
        if choice == "open":
            self.set_record(info.path)
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif choice == "switch":
            from ui.admin.backups import SwitchDialog
            dlg = SwitchDialog(info.path, self._record_path, self)
            if dlg.exec() == QDialog.DialogCode.Accepted:
                self.switchRequested.emit(str(info.path), dlg.password.text(), username)

    def salvage(self) -> None:
        """Every readable row into a new file (ui/admin/salvage.py); open it if the user chooses."""
        username = self._typed_username(self.tr("Type your user name first."))
        if not username or self._record_path is None:
            return
        from ui.admin.salvage import SalvageDialog
        dlg = SalvageDialog(self._record_path, username, self)
        dlg.exec()
        if dlg.salvaged is not None and dlg.open_requested:
            self.set_record(dlg.salvaged)
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        if self._busy or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        self.set_record(item.data(Qt.ItemDataRole.UserRole))
        self._secret_edit().setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_record_file(self) -> str:
        from PySide6.QtWidgets import QFileDialog   # not at start-up
        start = str(self._record_path.parent) if self._record_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a record"), start,
            self.tr("Barnahus records (*.barnahus);;All files (*)"))
        return path

    def _open_other(self) -> None:
        path = self.choose_record_file()
        if path:
            self.set_record(path)
            self.user_edit.setFocus(Qt.FocusReason.OtherFocusReason)
