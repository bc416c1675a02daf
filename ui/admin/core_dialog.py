"""The administration's small forms: OK runs one core call off the GUI thread, errors beside
their field."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from barnahus_app.api import ValidationError
from barnahus_app.users.accounts import PASSWORD_MIN

from ui.common.feedback import FieldGrid, InlineMessage, core_message, validation_text
from ui.common.tasks import run_operation


class _CoreDialog(QDialog):   # the name is the translations' context: kept as it was in panel.py
    """A small form whose OK runs one core call (in the background: new passwords cost an
    Argon2 derivation). Validation messages appear under the field they are about."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._layout = QVBoxLayout(self)
        self.form = FieldGrid()
        self._layout.addLayout(self.form)
        self.field_messages: dict[str, InlineMessage] = {}
        self.result_value = None
        self.message = InlineMessage(self)
        self._layout.addWidget(self.message)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self._layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 32)

    def add_field(self, label: str, widget: QWidget, core_field: str, accessible: str = "",
                  hint: str = "") -> QWidget:
        self.field_messages[core_field] = self.form.add_field(label, widget, hint, accessible)
        return widget

    def password_pair(self, labels: tuple[str, str] | None = None) -> tuple[QLineEdit, QLineEdit]:
        """A new password, twice, with the rules under it. labels: the two captions (with their
        mnemonics), if not "Password:" and "Password again:"."""
        first, second = QLineEdit(self), QLineEdit(self)
        for w in (first, second):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        label, again = labels or (self.tr("&Password:"), self.tr("Password &again:"))
        self.add_field(label, first, "password", label.replace("&", "").rstrip(":"), self.tr(
            "At least {n} characters. A few unrelated words are easy to remember and hard to guess.")
            .format(n=PASSWORD_MIN))
        self.add_field(again, second, "password again", again.replace("&", "").rstrip(":"))
        return first, second

    def own_password(self, object_name: str, hint: str) -> QLineEdit:
        """The signed-in user's password, which unlocks a record's (or a backup's) key file."""
        password = QLineEdit(self)
        password.setObjectName(object_name)
        password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field(self.tr("Your &password:"), password, "password", self.tr("Your password"), hint)
        return password

    def passwords_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() != second.text():
            self.field_messages["password again"].show_error(
                self.tr("The two passwords are not the same. Type them again."))
            return False
        return True

    def clear_messages(self) -> None:
        self.message.clear()
        for m in self.field_messages.values():
            m.clear()

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, ValidationError) and error.field in self.field_messages:
            self.field_messages[error.field].show_error(validation_text(error))
        else:
            self.message.show_error(core_message(error))

    def run(self, fn: Callable[[], object]) -> None:
        self.progress.show()
        run_operation(self, fn, self._done, on_failure=self._failed, hold=(self.buttons,))

    def reject(self) -> None:
        if self.progress.isHidden():   # the call goes on either way (Escape): the dialog waits for its answer
            super().reject()

    def _done(self, result) -> None:
        self.result_value = result   # what the core call returned (a new row's id)
        self.progress.hide()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.show_error(error)

    def _submit(self) -> None:  # overridden
        self.accept()
