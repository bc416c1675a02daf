"""First run: create the record and its administrator, then keep the recovery key.

welcome -> where to keep the record -> the centre's time zone -> centre and administrator -> creating (worker thread)
-> the recovery key (print / save as PDF) -> retype one group of it -> done.
"""
from __future__ import annotations

import html
import os
import secrets
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QButtonGroup, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressBar, QPushButton, QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from barnahus_app import paths
from barnahus_app import settings as record_settings
from barnahus_app.api import KdfParams, ValidationError, create_record
from barnahus_app.timeutil import centre_zone_default
from barnahus_app.users.accounts import PASSWORD_MIN, check_password, check_username

from ui.common import prefs
from ui.common.dates import ZoneCombo
from ui.common.feedback import FieldGrid, InlineMessage, core_message, validation_text
from ui.common.icons import app_icon, icon
from ui.common.printing import a4_printer, print_with_dialog
from ui.common.tasks import run_in_background

GROUPS = 8  # the core formats the recovery key as 8 groups of 8 hexadecimal digits


def _label(text: str, parent: QWidget) -> QLabel:
    lab = QLabel(text, parent)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    return lab


def _key_font(widget: QWidget, factor: float = 1.7) -> QFont:
    f = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    f.setPointSizeF(widget.font().pointSizeF() * factor)
    f.setBold(True)
    f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    return f


def _no_auto_default(*buttons: QPushButton) -> None:
    """In-page buttons must not catch Enter: Enter means Next in the wizard."""
    for b in buttons:
        b.setAutoDefault(False)
        b.setDefault(False)


class WelcomePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Barnahus Case Record"))
        self.setSubTitle(self.tr("Set up the encrypted record of your centre."))
        lay = QVBoxLayout(self)
        lay.addWidget(_label(self.tr("It takes a few minutes:"), self))
        steps = _label(self.tr(
            "1.  Choose where the record is kept.\n"
            "2.  Choose your centre's time zone, name the centre and create the administrator's account.\n"
            "3.  Keep the recovery key safe: print it, or save it to a USB stick."), self)
        steps.setContentsMargins(self.fontMetrics().height(), 0, 0, 0)
        lay.addWidget(steps)
        lay.addWidget(_label(self.tr(
            "Everything about the children and their cases is kept only inside the encrypted record "
            "file. Staff unlock it with their own user name and password."), self))
        lay.addStretch(1)
        row = QHBoxLayout()
        self.open_button = QPushButton(icon("folder"), self.tr("I already have a record: &open it…"), self)
        _no_auto_default(self.open_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.open_button.clicked.connect(lambda: self.wizard().open_existing())


class LocationPage(QWizardPage):
    def __init__(self, default_folder: Path, parent=None):
        super().__init__(parent)
        self.default_folder = default_folder
        self.setTitle(self.tr("Where to keep the record"))
        self.setSubTitle(self.tr("The record is one encrypted file, with a small key file beside it. "
                                 "Back up both."))
        lay = QVBoxLayout(self)
        self.default_radio = QRadioButton(self.tr("In my &data folder (recommended)"), self)
        self.default_radio.setChecked(True)
        lay.addWidget(self.default_radio)
        self.default_label = _label(str(default_folder), self)
        self.default_label.setContentsMargins(self.fontMetrics().height() * 2, 0, 0, 0)
        lay.addWidget(self.default_label)
        self.custom_radio = QRadioButton(self.tr("In a &folder I choose:"), self)
        lay.addWidget(self.custom_radio)
        group = QButtonGroup(self)
        group.addButton(self.default_radio)
        group.addButton(self.custom_radio)
        row = QHBoxLayout()
        row.setContentsMargins(self.fontMetrics().height() * 2, 0, 0, 0)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setAccessibleName(self.tr("Folder for the record"))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        _no_auto_default(self.browse_button)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        lay.addLayout(row)
        lay.addSpacing(self.fontMetrics().height())
        self.result_label = _label("", self)
        lay.addWidget(self.result_label)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.default_radio.toggled.connect(self._changed)
        self.folder_edit.textChanged.connect(self._folder_typed)
        self.browse_button.clicked.connect(self._browse)
        self._changed()

    def chosen_path(self) -> Path | None:
        if self.default_radio.isChecked():
            return self.default_folder / paths.RECORD_FILENAME
        text = self.folder_edit.text().strip()
        return Path(text).expanduser().absolute() / paths.RECORD_FILENAME if text else None

    def _folder_typed(self, _text: str) -> None:
        if self.folder_edit.hasFocus() and not self.custom_radio.isChecked():
            self.custom_radio.setChecked(True)
        self._changed()

    def _changed(self, *_args) -> None:
        custom = self.custom_radio.isChecked()
        self.folder_edit.setEnabled(True)
        path = self.chosen_path()
        self.message.clear()
        if path is None:
            self.result_label.setText(self.tr("Choose a folder."))
        else:
            self.result_label.setText(self.tr("The record will be: {path}").format(path=str(path)))
            if path.exists():
                self.message.show_error(self.tr(
                    "There is already a record in this folder. Choose another folder, or go back "
                    "and open the existing record instead."))
        self.default_label.setEnabled(not custom)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt name)
        path = self.chosen_path()
        return path is not None and not path.exists()

    def choose_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Folder for the record"),
                                                self.folder_edit.text() or str(Path.home()))

    def _browse(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.custom_radio.setChecked(True)
            self.folder_edit.setText(folder)


class ZonePage(QWizardPage):
    """The centre's time zone: interviews are planned in it and every time is told in it, whatever
    this computer's clock is set to. Preselected: this computer's zone when it names a place."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Your centre's time zone"))
        self.setSubTitle(self.tr("Interviews are planned in this time zone, and every time on screen, in "
                                 "documents and in exports is shown in it, whatever this computer's clock "
                                 "is set to."))
        outer = QVBoxLayout(self)
        grid = FieldGrid()
        outer.addLayout(grid)
        outer.addStretch(1)
        self.zone_combo = ZoneCombo(self, initial=centre_zone_default())
        self.zone_combo.setObjectName("centreZone")
        self.message = grid.add_field(self.tr("&Time zone:"), self.zone_combo, self.tr(
            "Type part of the name of a city in the zone, e.g. Stockholm. An administrator can change it later "
            "(Administration, Record settings)."), self.tr("The centre's time zone"))
        self.zone_combo.editTextChanged.connect(lambda _t: (self.message.clear(), self.completeChanged.emit()))

    def initializePage(self) -> None:  # noqa: N802
        self.zone_combo.setFocus()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.zone_combo.value())

    def validatePage(self) -> bool:  # noqa: N802
        try:
            record_settings.spec("time_zone").parse("time_zone", self.zone_combo.value())
        except ValidationError as e:
            self.message.show_error(validation_text(e))
            self.zone_combo.setFocus()
            return False
        return True


class AdminPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Your centre and its administrator"))
        self.setSubTitle(self.tr("The administrator manages staff accounts and settings. "
                                 "The administrator's account does not see case content."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Create the record"))
        outer = QVBoxLayout(self)
        grid = FieldGrid()
        outer.addLayout(grid)
        outer.addStretch(1)
        self.messages: dict[str, InlineMessage] = {}

        def field(label: str, key: str, accessible: str, password: bool = False, hint: str = "") -> QLineEdit:
            edit = QLineEdit(self)
            if password:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            msg = grid.add_field(label, edit, hint, accessible)
            self.messages[key] = msg
            edit.textChanged.connect(self.completeChanged)
            edit.textEdited.connect(lambda _t, m=msg: m.clear())
            return edit

        self.centre_edit = field(self.tr("&Centre's name:"), "centre", self.tr("Centre's name"))
        self.centre_edit.setPlaceholderText(self.tr("e.g. Barnahus Linköping"))
        self.username_edit = field(self.tr("&User name:"), "user name", self.tr("Administrator's user name"))
        self.username_edit.setPlaceholderText(self.tr("e.g. admin or a.berg"))
        self.fullname_edit = field(self.tr("&Full name:"), "display name", self.tr("Administrator's full name"))
        self.fullname_edit.setPlaceholderText(self.tr("As staff will see it, e.g. Anna Berg"))
        self.password_edit = field(self.tr("&Password:"), "password", self.tr("Password"), True, self.tr(
            "At least {n} characters. A few unrelated words are easy to remember and hard to guess.")
            .format(n=PASSWORD_MIN))
        self.again_edit = field(self.tr("Password &again:"), "password again", self.tr("Password again"), True)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.username_edit.text().strip() and self.password_edit.text() and self.again_edit.text())

    def validatePage(self) -> bool:  # noqa: N802
        for m in self.messages.values():
            m.clear()
        ok = True
        try:
            check_username(self.username_edit.text())
        except ValidationError as e:
            self.messages["user name"].show_error(validation_text(e))
            ok = False
        try:
            check_password(self.password_edit.text())
        except ValidationError as e:
            self.messages["password"].show_error(validation_text(e))
            ok = False
        if ok and self.password_edit.text() != self.again_edit.text():
            self.messages["password again"].show_error(self.tr("The two passwords are not the same. Type them again."))
            self.again_edit.clear()
            self.again_edit.setFocus()
            ok = False
        return ok

    def forget_password(self) -> None:
        self.password_edit.clear()
        self.again_edit.clear()


class CreatingPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Creating the record"))
        self.setSubTitle(self.tr("The record file and the administrator's key are being made."))
        self.setCommitPage(True)
        lay = QVBoxLayout(self)
        self.status = _label("", self)
        lay.addWidget(self.status)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Creating the record"))
        lay.addWidget(self.progress)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self._done = False
        self._running = False

    def initializePage(self) -> None:  # noqa: N802
        wiz: FirstRunWizard = self.wizard()
        self._done = False
        self._running = True
        self.message.clear()
        self.progress.show()
        self.status.setText(self.tr("Creating the encrypted record and the administrator's key. "
                                    "This takes a few seconds…"))
        admin = wiz.admin_page
        path = wiz.location_page.chosen_path()
        user, pw = admin.username_edit.text().strip(), admin.password_edit.text()
        full, centre = admin.fullname_edit.text().strip() or None, admin.centre_edit.text().strip()
        kdf = wiz.kdf
        QTimer.singleShot(0, lambda: wiz.button(QWizard.WizardButton.BackButton).setEnabled(False))
        zone = wiz.zone_page.zone_combo.value()
        run_in_background(lambda: create_record(path, user, pw, full, centre, kdf=kdf, time_zone=zone),
                          lambda key: self._created(path, user, key), self._failed, owner=self,
                          on=None)   # no record open yet: the global pool

    def _created(self, path: Path, user: str, key: str) -> None:
        wiz: FirstRunWizard = self.wizard()
        self._running = False
        self._done = True
        wiz.record_path, wiz.admin_username = path, user
        wiz.set_recovery_key(key)
        wiz.admin_page.forget_password()
        prefs.add_recent_record(path)
        self.progress.hide()
        self.status.setText(self.tr("The record was created."))
        self.completeChanged.emit()
        wiz.next()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self.progress.hide()
        self.status.setText(self.tr("The record was not created."))
        self.message.show_error(core_message(error) + " " + self.tr("Go back to change what is needed."))
        self.wizard().button(QWizard.WizardButton.BackButton).setEnabled(True)

    def is_running(self) -> bool:
        return self._running

    def isComplete(self) -> bool:  # noqa: N802
        return self._done


class KeyPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("If every administrator password is lost, this key is the only way to open "
                                 "the record. It is shown only now."))
        lay = QVBoxLayout(self)
        em = self.fontMetrics().height()
        grid = QGridLayout()
        grid.setHorizontalSpacing(em * 3 // 2)
        grid.setVerticalSpacing(em // 4)
        self.group_labels: list[QLabel] = []
        for i in range(GROUPS):
            number = QLabel(self.tr("Group {n}").format(n=i + 1), self)
            number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            text = QLabel(self)
            text.setFont(_key_font(self))
            text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            text.setTextFormat(Qt.TextFormat.PlainText)
            self.group_labels.append(text)
            r, c = divmod(i, 4)
            grid.addWidget(number, r * 3, c)
            grid.addWidget(text, r * 3 + 1, c)
        grid.setRowMinimumHeight(2, em)  # air between the two rows of groups
        box = QHBoxLayout()
        box.addStretch(1)
        box.addLayout(grid)
        box.addStretch(1)
        lay.addSpacing(em // 2)
        lay.addLayout(box)
        lay.addSpacing(em // 2)
        lay.addWidget(_label(self.tr(
            "Print it, or save it as a PDF on a USB stick, and keep it locked away from this computer, "
            "for example in the centre's safe. Anyone who has the key and the record file can read "
            "the record."), self))
        row = QHBoxLayout()
        self.print_button = QPushButton(icon("print"), self.tr("&Print…"), self)
        self.pdf_button = QPushButton(icon("save"), self.tr("&Save as PDF…"), self)
        _no_auto_default(self.print_button, self.pdf_button)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.print_button.clicked.connect(lambda: self.wizard().print_key())
        self.pdf_button.clicked.connect(lambda: self.wizard().save_key_pdf())

    def show_key(self, groups: list[str]) -> None:
        for i, label in enumerate(self.group_labels):
            g = groups[i] if i < len(groups) else ""
            label.setText(g)
            label.setAccessibleName(self.tr("Group {n}: {group}").format(n=i + 1, group=" ".join(g)))


class ConfirmPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Check that you kept the key"))
        self.setSubTitle(self.tr("Type one group of the key, to show that you have it."))
        lay = QVBoxLayout(self)
        self.instructions = _label("", self)
        lay.addWidget(self.instructions)
        form = QFormLayout()
        self.group_edit = QLineEdit(self)
        self.group_edit.setFont(_key_font(self, 1.3))
        self.group_edit.setMaxLength(16)
        self.group_edit.setMaximumWidth(self.fontMetrics().height() * 14)
        self.caption = QLabel(self)
        self.caption.setBuddy(self.group_edit)
        form.addRow(self.caption, self.group_edit)
        lay.addLayout(form)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        lay.addStretch(1)
        self.group_edit.textChanged.connect(self.completeChanged)
        self.group_edit.textEdited.connect(lambda _t: self.message.clear())

    def initializePage(self) -> None:  # noqa: N802
        n = self.wizard().confirm_group
        self.instructions.setText(self.tr(
            "Look at the key you printed or saved, and type group {n} of it: the block of eight "
            "characters under “Group {n}”. You can go back to see the key again.").format(n=n))
        self.caption.setText(self.tr("&Group {n}:").format(n=n))
        self.group_edit.setAccessibleName(self.tr("Group {n} of the recovery key").format(n=n))
        self.group_edit.clear()
        self.message.clear()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.group_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        wiz: FirstRunWizard = self.wizard()
        if wiz.group_matches(self.group_edit.text()):
            wiz.key_confirmed = True
            return True
        self.message.show_error(self.tr(
            "That is not group {n}. Check the key you printed or saved, or go back to see it again.")
            .format(n=wiz.confirm_group))
        self.group_edit.selectAll()
        return False


class DonePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("The record is ready"))
        self.setSubTitle(self.tr("Everything is in place."))
        self.setFinalPage(True)
        lay = QVBoxLayout(self)
        self.text = _label("", self)
        lay.addWidget(self.text)
        lay.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        wiz: FirstRunWizard = self.wizard()
        self.text.setText(self.tr(
            "Next, unlock the record with the user name “{user}” and the password you chose.\n\n"
            "Then, under Administration, add the staff who will work with the record, each with their "
            "own roles.").format(user=wiz.admin_username))


class FirstRunWizard(QWizard):
    """Emits recordCreated(path, administrator's user name) on Finish, or
    openExistingRequested(path) if the user already has a record."""

    recordCreated = Signal(str, str)
    openExistingRequested = Signal(str)

    WELCOME, LOCATION, ZONE, ADMIN, CREATING, KEY, CONFIRM, DONE = range(8)

    def __init__(self, kdf: KdfParams = KdfParams(), default_folder=None, parent=None,
                 confirm_group: int | None = None):
        super().__init__(parent)
        self.kdf = kdf
        self.record_path: Path | None = None
        self.admin_username = ""
        self._groups: list[str] = []
        self.key_confirmed = False
        self.confirm_group = confirm_group or 2 + secrets.randbelow(GROUPS - 1)  # 2..8
        self.setWindowTitle(self.tr("Set up Barnahus Case Record"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        em = self.fontMetrics().height()
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(em * 3, em * 3))
        self.welcome_page = WelcomePage(self)
        self.location_page = LocationPage(Path(default_folder) if default_folder else paths.data_dir(), self)
        self.zone_page = ZonePage(self)
        self.admin_page = AdminPage(self)
        self.creating_page = CreatingPage(self)
        self.key_page = KeyPage(self)
        self.confirm_page = ConfirmPage(self)
        self.done_page = DonePage(self)
        for pid, page in ((self.WELCOME, self.welcome_page), (self.LOCATION, self.location_page),
                          (self.ZONE, self.zone_page), (self.ADMIN, self.admin_page), (self.CREATING, self.creating_page),
                          (self.KEY, self.key_page), (self.CONFIRM, self.confirm_page),
                          (self.DONE, self.done_page)):
            self.setPage(pid, page)
        self.setStartId(self.WELCOME)
        self.resize(em * 50, em * 38)

    # --- the key ---------------------------------------------------------------------------
    def set_recovery_key(self, key: str) -> None:
        self._groups = [g for g in key.replace(" ", "").split("-") if g]
        self.key_page.show_key(self._groups)

    def recovery_key_groups(self) -> list[str]:
        return list(self._groups)

    def group_matches(self, typed: str) -> bool:
        cleaned = "".join(ch for ch in typed if ch not in " -\t").upper()
        i = self.confirm_group - 1
        return 0 <= i < len(self._groups) and secrets.compare_digest(cleaned, self._groups[i].upper())

    def key_document(self) -> QTextDocument:
        """The page to print or save: the key in large type, and what to do with it."""
        esc = html.escape
        mono = esc(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family())
        title = self.tr("Barnahus Case Record: recovery key")
        where = self.tr("Record file: {path}").format(path=str(self.record_path or ""))
        when = self.tr("Created on {date}").format(date=date.today().isoformat())
        what = self.tr("This key opens the record if every administrator password is lost. "
                       "Anyone who has this key and the record file can read the record.")
        keep = self.tr("Keep this page locked away, apart from the computer that holds the record. "
                       "Do not photograph it, e-mail it or keep it in the same folder as the record.")
        centre = esc(self.admin_page.centre_edit.text().strip())
        lines = "<br/>".join(" &nbsp; ".join(self._groups[i:i + 4]) for i in range(0, len(self._groups), 4))
        body = (f"<h1>{esc(title)}</h1>"
                + (f"<p><b>{centre}</b></p>" if centre else "")
                + f"<p>{esc(where)}<br/>{esc(when)}</p>"
                + f"<p style=\"font-family: '{mono}'; font-size: 20pt; font-weight: bold; "
                  f"margin-top: 24px; margin-bottom: 24px;\">{lines}</p>"
                + f"<p>{esc(what)}</p><p>{esc(keep)}</p>")
        doc = QTextDocument()
        doc.setHtml(body)
        return doc

    def _printer(self) -> QPrinter:
        return a4_printer(self.tr("Barnahus recovery key"))

    def print_key(self) -> None:
        if print_with_dialog(self, self.key_document(), self.tr("Barnahus recovery key"),
                             self.tr("Print the recovery key")):
            self.key_page.message.show_info(self.tr("Sent to the printer. Check that the page came out whole."))

    def choose_pdf_path(self) -> str:
        start = str(Path.home() / self.tr("Barnahus recovery key.pdf"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery key as PDF"), start,
                                              self.tr("PDF documents (*.pdf)"))
        return path

    def save_key_pdf(self, path: str | None = None) -> bool:
        path = path or self.choose_pdf_path()
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        printer = self._printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.key_document().print_(printer)
        if not Path(path).exists():
            self.key_page.message.show_error(self.tr("The PDF could not be written to {path}. Choose "
                                                     "another place.").format(path=path))
            return False
        if os.name == "posix":
            os.chmod(path, 0o600)
        self.key_page.message.show_info(self.tr(
            "Saved to {path}. If that is on this computer, move it to a USB stick or print it, and "
            "then delete it here.").format(path=path))
        return True

    # --- leaving ---------------------------------------------------------------------------
    def open_existing(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a record"), str(Path.home()),
                                              self.tr("Barnahus records (*.barnahus);;All files (*)"))
        if path:
            self.openExistingRequested.emit(path)
            super().reject()

    def confirm_close(self) -> bool:
        return QMessageBox.question(
            self, self.tr("Close without confirming the key?"),
            self.tr("The record was created, but you have not yet confirmed that you kept its recovery key. "
                    "Without the key, a lost administrator password cannot be recovered.\n\nClose anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self.creating_page.is_running():
            return  # the record is being written; closing now would leave the user guessing
        if self.record_path is not None and not self.key_confirmed and not self.confirm_close():
            return
        self._forget_key()
        if self.record_path is not None:
            self.recordCreated.emit(str(self.record_path), self.admin_username)
        super().reject()

    def accept(self) -> None:
        self._forget_key()
        if self.record_path is not None:
            self.recordCreated.emit(str(self.record_path), self.admin_username)
        super().accept()

    def _forget_key(self) -> None:
        self._groups = []
        self.key_page.show_key([])

