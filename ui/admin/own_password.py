"""Record, "Change my password…": any signed-in user changes their own password (issue 17). The
core makes a new key pair for them and seals to it what they hold (the record key, the sealed
sections such as the interviewer's notes), off the GUI thread: the key derivation takes a while."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from barnahus_app.api import WrongCredentials

from ui.admin.core_dialog import _CoreDialog


class ChangeOwnPasswordDialog(_CoreDialog):
    def __init__(self, session, parent=None):
        super().__init__(self.tr("Change my password"), parent)
        self.setObjectName("changeOwnPasswordDialog")
        self.session = session
        intro = QLabel(self.tr(
            "Signed in as {name}. From now on the record unlocks with your new password; what you may "
            "read, the sealed interviewer's notes included, is sealed to it too. Backups made before "
            "now still open with your current password.").format(name=session.display_name), self)
        intro.setWordWrap(True)
        self.form.add_wide(intro)
        self.current = QLineEdit(self)
        self.current.setObjectName("currentPassword")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field(self.tr("&Current password:"), self.current, "current password",
                       self.tr("Current password"))
        self.password, self.again = self.password_pair((self.tr("&New password:"), self.tr("New password &again:")))
        self.password.setObjectName("newPassword")
        self.again.setObjectName("newPasswordAgain")
        self.current.setFocus()   # where typing starts, not on OK

    def _submit(self) -> None:
        self.clear_messages()
        if not self.current.text():
            self.field_messages["current password"].show_error(self.tr("Type your current password."))
            self.current.setFocus()
            return
        if not self.passwords_match(self.password, self.again):
            self.again.selectAll()
            self.again.setFocus()
            return
        s, old, new = self.session, self.current.text(), self.password.text()
        self.run(lambda: s.change_own_password(old, new))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WrongCredentials):
            self.progress.hide()
            self.field_messages["current password"].show_error(
                self.tr("This is not your current password. Nothing was changed."))
            self.current.selectAll()
            self.current.setFocus()
            return
        super()._failed(error)
