"""Administration: accounts (add, disable/enable, roles, password reset), record settings (the
no-contact buffer among them), the rooms (rooms.py), the signing certificate and the backups
(backups.py).
Every change is a core call; the core checks the administrator's rights and audits it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QFrame, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QScrollArea, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from barnahus_app import settings as record_settings
from barnahus_app.documents.pki import MIN_CA_PASSPHRASE, colon_fingerprint
from barnahus_app.policy import Role

from ui.admin.backups import BackupsBox
from ui.admin.core_dialog import _CoreDialog
from ui.admin.disable import DisableDialog
from ui.common.dates import ZoneCombo, set_centre_zone
from ui.common.feedback import InlineMessage, bold, core_message, open_dialog, plural, role_label, roles_text
from ui.common.field_widgets import PathRow
from ui.common.folders import documents_folder
from ui.common.clipboard import copy_identifier
from ui.common.icons import icon
from ui.common.tasks import run_operation
from ui.documents.verify_dialog import mono_font


class RoleChecks(QWidget):
    def __init__(self, selected=(), parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(role_label(role.value), self)
            box.setChecked(role.value in selected)
            self.boxes[role.value] = box
            lay.addWidget(box)

    def roles(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]


class AddUserDialog(_CoreDialog):
    def __init__(self, session, parent=None):
        super().__init__(self.tr("Add a user"), parent)
        self.session = session
        self.username = self.add_field(self.tr("&User name:"), QLineEdit(self), "user name", self.tr("User name"))
        self.display = self.add_field(self.tr("&Full name:"), QLineEdit(self), "display name", self.tr("Full name"))
        self.roles = self.add_field(self.tr("&Roles:"), RoleChecks((), self), "roles", self.tr("Roles"))
        self.password, self.again = self.password_pair()

    def _submit(self) -> None:
        self.clear_messages()
        if not self.passwords_match(self.password, self.again):
            return
        s, args = self.session, (self.username.text(), self.display.text(), self.roles.roles(),
                                 self.password.text())
        self.run(lambda: s.add_user(*args))


class RolesDialog(_CoreDialog):
    def __init__(self, session, user: dict, parent=None):
        super().__init__(self.tr("Roles of {name}").format(name=user["display_name"]), parent)
        self.session, self.user = session, user
        self.roles = self.add_field(self.tr("&Roles:"), RoleChecks(user["roles"], self), "roles", self.tr("Roles"))

    def _submit(self) -> None:
        self.clear_messages()
        s, name, roles = self.session, self.user["username"], self.roles.roles()
        self.run(lambda: s.set_roles(name, roles))


class PasswordDialog(_CoreDialog):
    """Reset a password (and, for a disabled account, enable it again: that needs a new key
    slot, so a new password)."""

    def __init__(self, session, user: dict, enable: bool = False, parent=None):
        title = (self.tr("Enable {name}") if enable else self.tr("New password for {name}")).format(
            name=user["display_name"])
        super().__init__(title, parent)
        self.session, self.user, self.enable = session, user, enable
        intro = QLabel(self.tr("Give {name} this password in person. They can change it later.").format(
            name=user["display_name"]), self)
        intro.setWordWrap(True)
        self.form.add_wide(intro)
        self.password, self.again = self.password_pair()

    def _submit(self) -> None:
        self.clear_messages()
        if not self.passwords_match(self.password, self.again):
            return
        s, name, pw, enable = self.session, self.user["username"], self.password.text(), self.enable

        def work():
            s.reset_password(name, pw)
            if enable:
                s.set_active(name, True)
        self.run(work)


class _OpenPkcs12Dialog(_CoreDialog):
    """A PKCS#12 file to open (its path row, and its password) for one core call with its bytes."""

    def __init__(self, session, title: str, intro: str, names: dict, parent=None):
        super().__init__(title, parent)
        self.session, self.names = session, names
        text = QLabel(intro, self)
        text.setWordWrap(True)
        self.form.add_wide(text)
        row = PathRow(self, self._browse, name=names["path_object"])
        self.file = row.edit
        self.add_field(names["file_label"], row, names["file_field"], names["file_accessible"])
        self.password = QLineEdit(self)
        self.password.setObjectName(names["password_object"])
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field(names["password_label"], self.password, names["password_field"],
                       names["password_accessible"], names.get("password_hint", ""))

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.names["choose_title"], self.file.text(),
                                               self.tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.file.setText(path)

    def _call(self, data: bytes, password: str | None):  # overridden: the core call
        raise NotImplementedError

    def _submit(self) -> None:
        self.clear_messages()
        field = self.names["file_field"]
        path = self.file.text().strip()
        if not path:
            self.field_messages[field].show_error(self.names["choose_first"])
            return
        try:
            with open(path, "rb") as f:
                data = f.read(16 * 1024 * 1024)
        except OSError as e:
            self.field_messages[field].show_error(core_message(e))
            return
        pw = self.password.text() or None
        self.run(lambda: self._call(data, pw))


class ImportSigningDialog(_OpenPkcs12Dialog):
    """The centre's own signing certificate from its PKI: a .p12/.pfx file with the key and chain."""

    def __init__(self, session, parent=None):
        super().__init__(session, self.tr("Import a signing certificate"), self.tr(
            "A PKCS#12 file (.p12 or .pfx) from the centre's own certificate authority, holding the private key, its "
            "certificate and the chain up to the root. New documents are signed with it; documents issued earlier "
            "keep verifying."), {
            "path_object": "pkcs12Path", "file_label": self.tr("&File:"), "file_field": "pkcs12",
            "file_accessible": self.tr("PKCS#12 file"), "password_object": "pkcs12Password",
            "password_label": self.tr("&Password of the file:"), "password_field": "password",
            "password_accessible": self.tr("Password of the file"), "password_hint": self.tr("Empty if the file has none."),
            "choose_title": self.tr("Choose the PKCS#12 file"), "choose_first": self.tr("Choose the file.")}, parent)

    def _call(self, data: bytes, password: str | None):
        return self.session.import_signing_identity(data, password)


class _CaFileDialog(_CoreDialog):
    """Where the centre's CA file (a PKCS#12 for the safe) is written, and its passphrase, twice."""

    def __init__(self, title: str, intro: str, parent=None):
        super().__init__(title, parent)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.form.add_wide(self.intro)
        row = PathRow(self, self._browse, name="caOutPath")
        self.file = row.edit
        self.add_field(self.tr("CA &file:"), row, "ca_out", self.tr("CA file for the centre's safe"),
                       self.tr("A new file, for example on a USB stick that goes into the safe."))
        self.passphrase, self.again = QLineEdit(self), QLineEdit(self)
        self.passphrase.setObjectName("caPassphrase")
        self.again.setObjectName("caPassphraseAgain")
        for w in (self.passphrase, self.again):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field(self.tr("Pass&phrase of the CA file:"), self.passphrase, "ca_passphrase",
                       self.tr("Passphrase of the CA file"),
                       self.tr("At least {n} characters. Keep it apart from the file: in a sealed envelope in "
                               "the safe, or with another person.").format(n=MIN_CA_PASSPHRASE))
        self.add_field(self.tr("Passphrase &again:"), self.again, "ca_passphrase again", self.tr("Passphrase again"))

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save the CA file"), self.file.text() or "centre-ca.p12",
                                               self.tr("PKCS#12 files (*.p12);;All files (*)"))
        if path:
            self.file.setText(path)

    def _values(self):
        self.clear_messages()
        path = self.file.text().strip()
        if not path:
            self.field_messages["ca_out"].show_error(self.tr("Choose where to save the CA file."))
            return None
        if self.passphrase.text() != self.again.text():
            self.field_messages["ca_passphrase again"].show_error(
                self.tr("The two passphrases are not the same. Type them again."))
            return None
        return path, self.passphrase.text()


class CreateSigningDialog(_CaFileDialog):
    """A new CA and signing certificate; the CA key goes only to the file for the safe."""

    def __init__(self, session, parent=None):
        super().__init__(self.tr("Create a new signing certificate"), self.tr(
            "A new CA and signing certificate for the centre. The CA key is written ONCE to the file you choose, "
            "encrypted with the passphrase, and never kept in the record: whoever reads the record cannot make "
            "certificates in the centre's name. Keep the file and the passphrase in the centre's safe; renewing "
            "the signing certificate needs them. Documents issued until now keep verifying; new ones carry a new "
            "CA fingerprint, so send the courts and prosecutors the new one."), parent)
        self.session = session

    def _submit(self) -> None:
        values = self._values()
        if values is not None:
            s = self.session
            self.run(lambda: s.create_signing_identity(*values))


class ExportCaDialog(_CaFileDialog):
    """A record from before the CA key left it: the key to the safe, then out of the record."""

    def __init__(self, session, parent=None):
        super().__init__(self.tr("Export the CA key"), self.tr(
            "This record still holds the centre's CA key, so anyone who can read the record can sign in the "
            "centre's name. Write it to a file for the centre's safe; it is then removed from the record. Backups "
            "made until now still hold it: keep them as safe as the CA file."), parent)
        self.session = session

    def _submit(self) -> None:
        values = self._values()
        if values is not None:
            s = self.session
            self.run(lambda: s.export_ca_key(*values))


class RenewSigningDialog(_OpenPkcs12Dialog):
    """A new signing certificate from the same CA: the CA file from the safe and its passphrase."""

    def __init__(self, session, parent=None):
        super().__init__(session, self.tr("Renew the signing certificate"), self.tr(
            "A new signing key and certificate, issued by the centre's CA. The CA fingerprint stays the same, so the "
            "courts and prosecutors need nothing new."), {
            "path_object": "caFilePath", "file_label": self.tr("CA &file:"), "file_field": "ca_file",
            "file_accessible": self.tr("The CA file from the centre's safe"), "password_object": "caFilePassphrase",
            "password_label": self.tr("Pass&phrase of the CA file:"), "password_field": "ca_passphrase",
            "password_accessible": self.tr("Passphrase of the CA file"),
            "choose_title": self.tr("Choose the CA file"), "choose_first": self.tr("Choose the CA file.")}, parent)

    def _call(self, data: bytes, password: str | None):
        return self.session.renew_signing_certificate(data, password)


class AdminPanel(QWidget):
    """Users and record settings. Loads the user list when first shown."""

    settingsChanged = Signal()
    ownRolesChanged = Signal()

    COLUMNS = ("username", "display_name", "roles", "active")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._users: list[dict] = []
        self.dialog: QDialog | None = None   # the dialog open over the panel (open_dialog)
        self._loaded = False
        self._reads = 0        # reads under way
        self._generation = 0   # bumped by clear(): an answer asked for before is not shown
        em = self.fontMetrics().height()
        # The page scrolls rather than squeeze its boxes on a short screen or in a longer language.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget(scroll)
        scroll.setWidget(content)
        outer.addWidget(scroll)
        lay = QVBoxLayout(content)
        title = bold(QLabel(self.tr("Administration"), self), 1.3)
        lay.addWidget(title)

        users_box = QGroupBox(self.tr("Users"), self)
        ub = QVBoxLayout(users_box)
        self.table = QTableWidget(0, len(self.COLUMNS), users_box)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Roles"), self.tr("Status")])
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        # Three users in view at least: the other boxes keep their height, the backups list gives way.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3
                                    + self.table.horizontalHeader().sizeHint().height() + 4)
        ub.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(icon("new"), self.tr("&Add a user…"), users_box)
        self.roles_button = QPushButton(self.tr("Set r&oles…"), users_box)
        self.password_button = QPushButton(self.tr("Reset &password…"), users_box)
        self.active_button = QPushButton(self.tr("&Disable"), users_box)
        for b in (self.add_button, self.roles_button, self.password_button, self.active_button):
            row.addWidget(b)
        row.addStretch(1)
        ub.addLayout(row)
        self.users_message = InlineMessage(users_box)
        ub.addWidget(self.users_message)
        lay.addWidget(users_box, 1)

        settings_box = QGroupBox(self.tr("Record settings"), self)
        sf = QFormLayout(settings_box)
        sf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        idle = record_settings.spec("idle_lock_minutes")
        clip = record_settings.spec("clipboard_clear_seconds")
        self.idle_spin = QSpinBox(settings_box)
        self.idle_spin.setRange(idle.minimum, idle.maximum)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setAccessibleName(self.tr("Lock after this many minutes without use"))
        self.clip_spin = QSpinBox(settings_box)
        self.clip_spin.setRange(clip.minimum, clip.maximum)
        self.clip_spin.setSuffix(self.tr(" s"))
        self.clip_spin.setAccessibleName(self.tr("Clear copied identifiers after this many seconds"))
        idle_label = QLabel(self.tr("Loc&k after this many minutes without use:"), settings_box)
        idle_label.setBuddy(self.idle_spin)
        clip_label = QLabel(self.tr("Clear copied identifiers a&fter:"), settings_box)
        clip_label.setBuddy(self.clip_spin)
        buffer = record_settings.spec("no_contact_buffer_minutes")
        self.buffer_spin = QSpinBox(settings_box)
        self.buffer_spin.setObjectName("noContactBuffer")
        self.buffer_spin.setRange(buffer.minimum, buffer.maximum)
        self.buffer_spin.setSuffix(self.tr(" min"))
        self.buffer_spin.setAccessibleName(self.tr("Keep no-contact persons apart by this many minutes"))
        buffer_tip = self.tr("When an interview is planned, the child and anyone under a no-contact flag must not "
                             "be in the building within this many minutes of each other (arriving and leaving "
                             "take time). With 0, only bookings that overlap clash.")
        self.buffer_spin.setToolTip(buffer_tip)
        self.buffer_spin.setAccessibleDescription(buffer_tip)
        buffer_label = QLabel(self.tr("No-contact b&uffer between visits:"), settings_box)
        buffer_label.setBuddy(self.buffer_spin)
        buffer_label.setToolTip(buffer_tip)
        review = record_settings.spec("review_interval_days")
        self.review_spin = QSpinBox(settings_box)
        self.review_spin.setObjectName("reviewInterval")
        self.review_spin.setRange(review.minimum, review.maximum)
        self.review_spin.setSuffix(self.tr(" days"))
        self.review_spin.setAccessibleName(self.tr("Review each case at team meetings every this many days"))
        review_tip = self.tr("A new case comes to the next case-review meeting, then again after this many days "
                             "while any service or follow-up runs. A case's own interval, set in its team tab, "
                             "takes precedence.")
        self.review_spin.setToolTip(review_tip)
        self.review_spin.setAccessibleDescription(review_tip)
        review_label = QLabel(self.tr("Review cases at team meetings every:"), settings_box)
        review_label.setBuddy(self.review_spin)
        review_label.setToolTip(review_tip)
        acute = record_settings.spec("medical_acute_hours")
        self.acute_spin = QSpinBox(settings_box)
        self.acute_spin.setObjectName("medicalAcuteHours")
        self.acute_spin.setRange(acute.minimum, acute.maximum)
        self.acute_spin.setSuffix(self.tr(" hours"))
        self.acute_spin.setAccessibleName(self.tr("A medical examination is acute within this many hours of the "
                                                  "last contact"))
        acute_tip = self.tr("An examination is marked acute when it starts at most this many hours after the "
                            "child's last contact with the alleged offender (72 in the usual guidance). Findings "
                            "heal: an acute examination is planned first.")
        self.acute_spin.setToolTip(acute_tip)
        self.acute_spin.setAccessibleDescription(acute_tip)
        acute_label = QLabel(self.tr("Medical examination acute within:"), settings_box)
        acute_label.setBuddy(self.acute_spin)
        acute_label.setToolTip(acute_tip)
        for w in (self.idle_spin, self.clip_spin, self.buffer_spin, self.review_spin, self.acute_spin):
            w.setMinimumWidth(em * 6)
        sf.addRow(idle_label, self.idle_spin)
        sf.addRow(clip_label, self.clip_spin)
        sf.addRow(buffer_label, self.buffer_spin)
        sf.addRow(review_label, self.review_spin)
        sf.addRow(acute_label, self.acute_spin)
        self.zone_combo = ZoneCombo(settings_box)   # every time is told in it; new bookings are planned in it
        self.zone_combo.setObjectName("centreZone")
        self.zone_combo.setAccessibleName(self.tr("The centre's time zone"))
        sf.addRow(QLabel(self.tr("Centre's time &zone:"), settings_box, buddy=self.zone_combo), self.zone_combo)
        self.export_row = PathRow(settings_box, self.choose_export_folder, name="exportFolder")
        self.export_row.button.setText(self.tr("Choose…"))   # (Alt+B is Back up now, below)
        self.export_row.edit.setPlaceholderText(self.tr("Each user's documents folder"))
        self.export_row.setAccessibleName(self.tr("Save documents and exports in this folder"))
        self.export_row.setToolTip(self.tr("Where the save dialogs for court summaries, bundles, calendars and "
                                           "audit seals start"))
        self.export_row.edit.setMinimumWidth(em * 9)
        export_label = QLabel(self.tr("Save documents and exports &in:"), settings_box)
        export_label.setBuddy(self.export_row.edit)
        sf.addRow(export_label, self.export_row)
        self.apply_button = QPushButton(self.tr("Sa&ve settings"), settings_box)
        apply_row = QHBoxLayout()
        apply_row.addWidget(self.apply_button)
        apply_row.addStretch(1)
        sf.addRow("", apply_row)
        self.settings_message = InlineMessage(settings_box)
        sf.addRow(self.settings_message)
        # On a row of its own, across the box: beside Save settings it made the page too wide for
        # a 1280-pixel screen.
        self.split_key_button = QPushButton(icon("key"), self.tr("Split the recovery ke&y…"), settings_box)
        self.split_key_button.setObjectName("splitKeyButton")
        self.split_key_button.setToolTip(self.tr("Give several people one share each of the recovery key, "
                                                 "so that no single person holds the whole record"))
        self.rooms_button = QPushButton(self.tr("Roo&ms…"), settings_box)
        self.rooms_button.setObjectName("roomsButton")
        self.rooms_button.setToolTip(self.tr("The centre's rooms, where interviews are planned: add, rename, retire"))
        split_row = QHBoxLayout()
        split_row.addWidget(self.split_key_button)
        split_row.addWidget(self.rooms_button)
        split_row.addStretch(1)
        sf.addRow(split_row)
        self.signing_box = self._build_signing_box()
        side_by_side = QHBoxLayout()   # so that the users table keeps some height beside the backups
        side_by_side.addWidget(settings_box, 0)
        side_by_side.addWidget(self.signing_box, 1)
        lay.addLayout(side_by_side, 0)
        self.backups = BackupsBox(session, self)
        lay.addWidget(self.backups, 0)

        self.can_manage = session.can("user", "update")
        self.can_settings = session.can("record", "settings")
        users_box.setVisible(session.can("user", "create") or self.can_manage)
        settings_box.setVisible(self.can_settings)
        self.signing_box.setVisible(self.can_settings)
        self.backups.setVisible(session.can("record", "backup"))

        self.add_button.clicked.connect(self.add_user)
        self.roles_button.clicked.connect(self.set_roles)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.split_key_button.setVisible(session.can("record", "split_key"))
        self.apply_button.clicked.connect(self.apply_settings)
        self.split_key_button.clicked.connect(self.split_recovery_key)
        self.rooms_button.setVisible(session.can("room", "create"))
        self.rooms_button.clicked.connect(self.show_rooms)
        self.apply_button.setEnabled(False)   # until the settings are read: never save the spin boxes' minimums
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    # --- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the users, the settings and the signing certificate again (off the GUI thread, on
        the record's one thread: answers come back in the order asked, the last is the newest)."""
        self._loaded = True
        s, settings, generation = self.session, self.can_settings, self._generation

        def read():   # on the record's thread
            users = s.list_users()
            return users, (s.setting("idle_lock_minutes"), s.setting("clipboard_clear_seconds"),
                           s.setting("time_zone"), s.setting("no_contact_buffer_minutes"),
                           s.setting("export_folder"), s.setting("review_interval_days"),
                           s.setting("medical_acute_hours")) if settings else None

        def shown(result) -> None:
            if generation == self._generation:
                self._show(*result)

        self._reads += 1
        run_operation(self, read, shown, errors=self.users_message, on_finished=self._read_done)
        if settings:
            self.refresh_signing()
        if self.backups.isVisibleTo(self):
            self.backups.refresh()

    def _read_done(self) -> None:
        self._reads -= 1

    @property
    def loading(self) -> bool:
        """True while a read started by refresh() or refresh_signing() has not come back."""
        return self._reads > 0 or self.backups.loading

    def _show(self, users: list[dict], settings: tuple | None) -> None:
        if settings is not None:
            self.idle_spin.setValue(settings[0])
            self.clip_spin.setValue(settings[1])
            self.zone_combo.set_value(settings[2])
            self.buffer_spin.setValue(settings[3])
            self.export_row.edit.setText(settings[4])
            self.review_spin.setValue(settings[5])
            self.acute_spin.setValue(settings[6])
            self.apply_button.setEnabled(True)
        selected = self.selected_user()   # (of the users shown until now)
        self._users = users
        self.table.setRowCount(len(self._users))
        for r, u in enumerate(self._users):
            values = (u["username"], u["display_name"], roles_text(u["roles"]),
                      self.tr("Active") if u["active"] else self.tr("Disabled"))
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
            if selected and u["username"] == selected["username"]:
                self.table.selectRow(r)
        if selected is None and self._users:
            self.table.selectRow(0)  # the buttons that act on a user are ready at once
        self._selection_changed()

    def clear(self) -> None:
        self._generation += 1   # a read still under way is not shown
        self._users = []
        self.table.setRowCount(0)
        self.backups.clear()

    def selected_user(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._users):
            return None
        return self._users[rows[0].row()]

    def _selection_changed(self) -> None:
        user = self.selected_user()
        for b in (self.roles_button, self.password_button, self.active_button):
            b.setEnabled(user is not None and self.can_manage)
        self.add_button.setEnabled(self.session.can("user", "create"))
        self.active_button.setText(self.tr("&Enable…") if user and not user["active"] else self.tr("&Disable"))

    # --- actions ---------------------------------------------------------------------------
    def _after(self, dialog: QDialog, done: str) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.users_message.show_info(done)
            self.refresh()

    def add_user(self) -> None:
        dlg = AddUserDialog(self.session, self)
        self._after(dlg, self.tr("The user was added. They can unlock the record now."))

    def set_roles(self) -> None:
        user = self.selected_user()
        if not user:
            return
        dlg = RolesDialog(self.session, user, self)
        self._after(dlg, self.tr("The roles of {name} were changed.").format(name=user["display_name"]))
        if user["username"] == self.session.username and dlg.result() == QDialog.DialogCode.Accepted:
            self.ownRolesChanged.emit()

    def reset_password(self) -> None:
        user = self.selected_user()
        if user:
            self._after(PasswordDialog(self.session, user, False, self),
                        self.tr("The password of {name} was reset.").format(name=user["display_name"]))

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Administration"), text) == QMessageBox.StandardButton.Yes

    def toggle_active(self) -> None:
        user = self.selected_user()
        if not user:
            return
        if not user["active"]:
            self._after(PasswordDialog(self.session, user, True, self),
                        self.tr("{name} can unlock the record again.").format(name=user["display_name"]))
            return
        dlg = DisableDialog(self.session, user, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            self.refresh()   # a disable finished before Cancel stopped the rotation shows too
            return
        if dlg.rotated_to is not None:
            self.users_message.show_info(self.tr(
                "The account of {name} is disabled, and the record key was replaced: old copies of the key "
                "file no longer open the record. The new recovery key is in {file}: print it, lock the "
                "sheet away, then delete the file.").format(name=user["display_name"], file=str(dlg.rotated_to)))
        else:
            self.users_message.show_info(self.tr("The account of {name} is disabled.").format(
                name=user["display_name"]))
        self.refresh()

    def apply_settings(self) -> None:
        self.settings_message.clear()
        s, idle, clip, zone = self.session, self.idle_spin.value(), self.clip_spin.value(), self.zone_combo.value()
        buffer, export = self.buffer_spin.value(), self.export_row.edit.text().strip()
        review, acute = self.review_spin.value(), self.acute_spin.value()

        def save() -> None:
            # One call, all checked before any is written: a wrong zone name changes none.
            s.set_settings({"idle_lock_minutes": idle, "clipboard_clear_seconds": clip, "time_zone": zone,
                            "no_contact_buffer_minutes": buffer, "export_folder": export,
                            "review_interval_days": review, "medical_acute_hours": acute})

        def saved(_result) -> None:
            set_centre_zone(zone)
            self.settings_message.show_info(plural(self.tr(
                "Saved. The record now locks after %n minute(s) without use.", "", idle), idle))
            self.settingsChanged.emit()

        run_operation(self, save, saved, errors=self.settings_message, hold=(self.apply_button,))

    def show_rooms(self) -> None:
        from ui.admin.rooms import RoomsDialog
        return open_dialog(self, RoomsDialog(self.session, self), lambda d: None)

    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to save documents and exports in"),
                                                  self.export_row.edit.text().strip() or str(documents_folder()))
        if folder:
            self.export_row.edit.setText(folder)

    # --- document signing ----------------------------------------------------------------------
    def split_recovery_key(self) -> None:
        from ui.admin.shares import SplitRecoveryKeyDialog
        return open_dialog(self, SplitRecoveryKeyDialog(self.session, self), lambda d: None)

    def _build_signing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Document signing"), self)
        box.setObjectName("signingBox")
        bl = QVBoxLayout(box)
        note = QLabel(self.tr("The centre signs court summaries and bundles with this certificate. Recipients compare "
                              "the CA fingerprint with the one the centre gives them by letter or phone."), box)
        note.setWordWrap(True)
        bl.addWidget(note)
        self.signing_none = QLabel(self.tr(
            "None yet. Create one here: its CA key goes to a file for the centre's safe. Otherwise the first document "
            "issued makes one whose CA key is kept nowhere, so it can never be renewed."), box)
        self.signing_none.setObjectName("signingNone")
        self.signing_none.setWordWrap(True)
        bl.addWidget(self.signing_none)
        self.signing_form = QWidget(box)
        sf = QFormLayout(self.signing_form)
        sf.setContentsMargins(0, 0, 0, 0)
        # A fingerprint must show whole, to be read out by phone: two lines of 16 bytes, with the
        # caption above it only where the box is too narrow beside it.
        sf.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.signing_values: dict[str, QLabel] = {}
        for key, caption in (("subject", self.tr("Signed as:")), ("fingerprint", self.tr("Certificate fingerprint:")),
                             ("ca_fingerprint", self.tr("CA fingerprint:")), ("not_after", self.tr("Valid until:"))):
            value = QLabel(self.signing_form)
            value.setObjectName(f"signing_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            if "fingerprint" in key:
                value.setFont(mono_font())
                value.setWordWrap(False)   # two lines of its own (\n): its height is then known to the layout
            caption_label = QLabel(caption, self.signing_form)
            value.setAccessibleName(caption.rstrip(":"))
            sf.addRow(caption_label, value)
            self.signing_values[key] = value
        # The line a recipient puts in their trust file, and the fingerprint to copy into a letter.
        self.trust_line = QLabel(self.signing_form)
        self.trust_line.setObjectName("signing_trust_line")
        self.trust_line.setWordWrap(True)
        self.trust_line.setFont(mono_font())
        self.trust_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.trust_line.setAccessibleName(self.tr("Line for the recipients' trust file"))
        sf.addRow(QLabel(self.tr("Line for the recipients' trust file:"), self.signing_form), self.trust_line)
        bl.addWidget(self.signing_form)
        self.ca_key_warning = InlineMessage(box)
        self.ca_key_warning.setObjectName("caKeyWarning")
        bl.addWidget(self.ca_key_warning)
        row = QHBoxLayout()
        self.copy_fingerprint_button = QPushButton(self.tr("&Copy the CA fingerprint"), box)
        self.copy_fingerprint_button.setObjectName("copyFingerprintButton")
        self.copy_fingerprint_button.setToolTip(self.tr("For a letter to the courts and prosecutors: they compare it, "
                                                        "or put it in their trust file."))
        self.create_signing_button = QPushButton(self.tr("Create a &new signing certificate…"), box)
        self.create_signing_button.setObjectName("createSigningButton")
        self.renew_signing_button = QPushButton(self.tr("&Renew with the CA file…"), box)
        self.renew_signing_button.setObjectName("renewSigningButton")
        self.import_signing_button = QPushButton(self.tr("&Import from PKCS#12…"), box)
        self.import_signing_button.setObjectName("importSigningButton")
        self.export_ca_button = QPushButton(self.tr("E&xport the CA key…"), box)
        self.export_ca_button.setObjectName("exportCaButton")
        self.export_ca_button.hide()
        rows = QVBoxLayout()
        # Two buttons a row: three side by side made the page too wide for 1280 pixels in Swedish.
        for group in ((self.copy_fingerprint_button, self.export_ca_button, self.import_signing_button),
                      (self.create_signing_button, self.renew_signing_button)):
            line = QHBoxLayout()
            for b in group:
                b.setAutoDefault(False)
                line.addWidget(b)
            line.addStretch(1)
            rows.addLayout(line)
        row.addLayout(rows)
        bl.addLayout(row)
        self.signing_message = InlineMessage(box)
        bl.addWidget(self.signing_message)
        self.copy_fingerprint_button.clicked.connect(self.copy_fingerprint)
        self.create_signing_button.clicked.connect(self.create_signing_identity)
        self.renew_signing_button.clicked.connect(self.renew_signing_certificate)
        self.import_signing_button.clicked.connect(self.import_signing_identity)
        self.export_ca_button.clicked.connect(self.export_ca_key)
        self.signing_form.hide()
        return box

    def refresh_signing(self) -> None:
        """Read the signing certificate again (off the GUI thread)."""
        s, generation = self.session, self._generation

        def shown(ident) -> None:
            if generation == self._generation:
                self._show_signing(ident)

        self._reads += 1
        run_operation(self, s.signing_identity, shown, errors=self.signing_message, on_finished=self._read_done)

    def _show_signing(self, ident: dict | None) -> None:
        self._ident = ident
        self.signing_none.setVisible(ident is None)
        self.signing_form.setVisible(ident is not None)
        self.copy_fingerprint_button.setVisible(ident is not None)
        self.renew_signing_button.setVisible(ident is not None)
        kept = bool(ident and ident.get("ca_key_in_record"))
        self.export_ca_button.setVisible(kept)
        if kept:
            self.ca_key_warning.show_error(self.tr(
                "The centre's CA key is still inside this record: anyone who can read the record can sign in the "
                "centre's name. Export it to a file for the centre's safe (it is then removed from the record)."))
        else:
            self.ca_key_warning.clear()
        if ident is None:
            return
        v = self.signing_values
        v["subject"].setText(ident["subject"])
        for key in ("fingerprint", "ca_fingerprint"):
            # 16 bytes a line: whole, the 95 characters made the page too wide for a 1280-pixel screen.
            colon = colon_fingerprint(ident[key])
            v[key].setText(colon[:47] + "\n" + colon[48:])
        v["not_after"].setText(ident["not_after"][:10])
        self.trust_line.setText(f"{ident['ca_fingerprint']}  {ident.get('centre') or ''}".rstrip())

    def copy_fingerprint(self) -> None:
        ident = getattr(self, "_ident", None)
        if ident:
            copy_identifier(colon_fingerprint(ident["ca_fingerprint"]))
            self.signing_message.show_info(self.tr("The CA fingerprint was copied. Send it by letter or read it out "
                                                   "by phone; never with the documents themselves."))

    def _signing_dialog(self, dialog, done_text: str) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh_signing()
            self.signing_message.show_info(done_text)

    def create_signing_identity(self) -> None:
        self._signing_dialog(CreateSigningDialog(self.session, self), self.tr(
            "A new signing certificate was created; its CA key is only in the file you chose. Its CA fingerprint "
            "is shown above: send it to the courts and prosecutors by letter."))

    def renew_signing_certificate(self) -> None:
        self._signing_dialog(RenewSigningDialog(self.session, self), self.tr(
            "The signing certificate was renewed; the CA fingerprint is the same."))

    def export_ca_key(self) -> None:
        self._signing_dialog(ExportCaDialog(self.session, self), self.tr(
            "The CA key was written to the file you chose and removed from the record."))

    def import_signing_identity(self) -> None:
        self._signing_dialog(ImportSigningDialog(self.session, self),
                             self.tr("The certificate was imported. New documents are signed with it."))
