"""The main window: the unlock screen while locked; navigation, the Today view (the first screen
for users who read follow-up), the case list, case workspaces and administration while unlocked.
What the navigation offers follows the user's roles (session.can); the core checks every call
again."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QMainWindow, QSizePolicy, QSpacerItem, QStackedWidget, QTabWidget,
    QVBoxLayout, QWidget,
)

from barnahus_app import __version__
from barnahus_app.api import BarnahusError, KdfParams

import ui.features  # noqa: F401 (the features register their pages; their widgets load on unlock)
from ui.cases import CASES, OPEN, case_list_panel, case_workspace
from ui.common import dates, prefs
from ui.common.feedback import MessageBar, core_message, damage_notice, roles_text
from ui.common.icons import app_icon, icon
from ui.common.pages import MainPage, main_pages
from ui.common.tasks import LONG_JOB, ProgressJob, wait_for_all
from ui.shell.automatic_backup import HOUR_MS, AutomaticBackup
from ui.shell.locking import CASE, LockController
from ui.shell.unlock import UnlockPanel


@dataclass
class WorkspaceEntry:
    workspace: QWidget
    case_id: int | None       # None: a new case not saved yet
    has_draft: bool = False   # a draft of this edit is kept in the record


class SettingsDialog(QDialog):
    """The app's own settings (kept on this computer, not in the record)."""

    def __init__(self, parent=None):
        from PySide6.QtWidgets import QComboBox, QDialogButtonBox   # not at start-up: their enums
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.addItem(self.tr("The system's language"), "")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Svenska"), "sv")
        self.language.setAccessibleName(self.tr("Language"))
        idx = self.language.findData(prefs.language())
        self.language.setCurrentIndex(max(0, idx))
        label = QLabel(self.tr("&Language:"), self)
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        lay.addLayout(form)
        note = QLabel(self.tr("A new language is used the next time you start Barnahus Case Record."), self)
        note.setWordWrap(True)
        lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 24)

    def accept(self) -> None:
        prefs.set_language(self.language.currentData())
        super().accept()


class MainWindow(QMainWindow):
    """The host of the registered pages (ui/common/pages.py). Each page is kept as an attribute
    named by its entry (window.today, window.case_list, window.tabs, ...): None while locked or when
    the user's roles do not show it; its Go action as window.go_<key>_action."""

    closed = Signal()

    def __init__(self, record_path=None, kdf: KdfParams = KdfParams(), *,
                 idle_ms_per_minute: int = 60_000, backup_check_ms: int = HOUR_MS, case_list_factory=None,
                 workspace_factory=None, parent=None):
        super().__init__(parent)
        self.session = None
        self._quit_after_backup = False
        self._kdf = kdf
        self._switch: dict | None = None   # a switch to a restored record under way
        self.switch_report: QMessageBox | None = None   # its report, once done
        self.case_list_factory = case_list_factory or case_list_panel
        self.workspace_factory = workspace_factory or case_workspace
        self._entries: list[WorkspaceEntry] = []
        self.work: QWidget | None = None
        self._pages: dict[str, QWidget] = {}   # the pages built for this session, by key
        for entry in main_pages:
            setattr(self, entry.attribute, None)
        self.tabs: QTabWidget | None   # the case workspaces (the "open" page)
        self.nav: QListWidget | None = None
        self.content: QStackedWidget | None = None
        self.message_bar: MessageBar | None = None
        self.read_only_view: QWidget | None = None   # the content of a read-only session (damaged.py)
        self._offering_read_only = False
        self._damaged_banner_next = False

        self.setWindowIcon(app_icon())
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.unlock_panel = UnlockPanel(record_path, kdf, self.pages)
        self.unlock_panel.unlocked.connect(self.on_unlocked)
        self.unlock_panel.switchRequested.connect(self.switch_to_restored)
        self.pages.addWidget(self.unlock_panel)
        self.locker = LockController(self, idle_ms_per_minute)
        self.autobackup = AutomaticBackup(self, backup_check_ms)
        self.autobackup.ended.connect(self._backup_ended)

        self.status_user = QLabel(self)
        self.status_record = QLabel(self)
        self.statusBar().addWidget(self.status_user, 1)
        self.statusBar().addPermanentWidget(self.status_record)
        self._make_actions()
        self._show_locked_state()
        damage_notice().met.connect(self._damage_met)

        em = self.fontMetrics().height()
        self.resize(em * 72, em * 46)
        geometry = prefs.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

    # --- actions and menus -----------------------------------------------------------------
    def _make_actions(self) -> None:
        def act(text, slot, shortcut=None, icon_name=None):
            a = QAction(text, self)
            if icon_name:
                a.setIcon(icon(icon_name))
            if isinstance(shortcut, (list, tuple)):
                a.setShortcuts([QKeySequence(k) for k in shortcut])
            elif shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.lock_action = act(self.tr("&Lock"), self.lock, "Ctrl+L", "lock")
        self.lock_action.setObjectName("lockAction")  # dialogs add it, so Ctrl+L works in them too
        self.lock_action.setStatusTip(self.tr("Lock the record now (Ctrl+L)"))
        self.settings_action = act(self.tr("&Settings…"), self.show_settings, "Ctrl+,", "settings")
        self.password_action = act(self.tr("Change my &password…"), self.change_own_password)
        self.password_action.setObjectName("changePasswordAction")
        self.quit_action = act(self.tr("&Quit"), self.close, "Ctrl+Q", "quit")
        # Ctrl+N belongs to the case list's own "New case" button.
        self.new_case_action = act(self.tr("&New case"), self.new_case, None, "new")
        self.close_tab_action = act(self.tr("&Close case"), self.close_current_tab, ("Ctrl+W", "Ctrl+F4"))
        self.go_actions: dict[str, QAction] = {}
        for entry in main_pages:
            a = act(entry.go_text(), lambda _=False, key=entry.key: self.go(key), entry.shortcut,
                    entry.icon if isinstance(entry.icon, str) else None)
            self.go_actions[entry.key] = a
            setattr(self, f"go_{entry.key}_action", a)
        self.about_action = act(self.tr("&About Barnahus Case Record"), self.show_about)
        # Enabled while locked too: a received bundle is checked without the record.
        self.verify_action = act(self.tr("&Verify a document or bundle…"), self.verify_file)

        # The menus take no Alt letter: every Alt letter is the page's (a tab, a button, a field),
        # so it always does what its underline says (a menu's letter took it from dozens of them).
        # F10 opens the menus, as on Windows and GNOME.
        bar = self.menuBar()
        m = bar.addMenu(self.tr("Record"))
        m.addAction(self.lock_action)
        m.addAction(self.settings_action)
        m.addAction(self.password_action)
        m.addAction(self.verify_action)
        m.addSeparator()
        m.addAction(self.quit_action)
        self.case_menu = bar.addMenu(self.tr("Case"))
        self.case_menu.addAction(self.new_case_action)
        self.case_menu.addAction(self.close_tab_action)
        self.go_menu = bar.addMenu(self.tr("Go"))
        for a in self.go_actions.values():
            self.go_menu.addAction(a)
        h = bar.addMenu(self.tr("Help"))
        h.addAction(self.about_action)
        act(self.tr("Open the menus"), self.open_menus, "F10")

    def open_menus(self) -> None:
        """F10: the first menu shown opens; the arrow keys move along the menus."""
        bar = self.menuBar()
        first = next((a for a in bar.actions() if a.isVisible() and a.isEnabled()), None)
        if first is not None:
            bar.setActiveAction(first)

    def _update_actions(self) -> None:
        unlocked = self.session is not None
        self.lock_action.setEnabled(unlocked)
        self.password_action.setEnabled(unlocked and not self.session.read_only)
        cases = unlocked and self.case_list is not None
        self.new_case_action.setEnabled(cases and self.workspace_factory is not None
                                        and self.session.can("case", "create"))
        self.close_tab_action.setEnabled(unlocked and self.tabs is not None and self.tabs.count() > 0)
        for entry in main_pages:
            self.go_actions[entry.key].setEnabled(unlocked and entry.go_enabled(self, self._pages.get(entry.key)))
        self.case_menu.menuAction().setVisible(cases)
        self.go_menu.menuAction().setVisible(unlocked and self.nav is not None)   # none read-only

    # --- unlocked / locked states ------------------------------------------------------------
    def set_record(self, path) -> None:
        if self.session is None:
            self.unlock_panel.set_record(path)

    def open_other_record(self, path) -> None:
        """Lock this record and show the unlock screen for another (a restored backup)."""
        self.lock()
        self.set_record(path)

    def switch_to_restored(self, restored: str, password: str, username: str = "") -> None:
        """Lock this record (if unlocked), then make the restored file the record (the core's
        switch_to_restored, a long job off the GUI thread, with Cancel until the files are
        touched); then the same record's unlock screen, and a report of what was lost. username:
        from the unlock screen (a damaged record's banner), when no session is open."""
        username = self.session.username if self.session is not None else username
        if not username or self._switch is not None:
            return
        self._switch = {"restored": restored, "password": password, "username": username,
                        "record": self.unlock_panel.record_path(), "tries": 0}
        self._switch_when_locked()

    def _switch_when_locked(self) -> None:
        plan = self._switch
        if plan is None:
            return
        if self.session is not None:
            stash = self.locker.lock()
            if stash.failed:
                self._switch = None
                self.unlock_panel.message.show_error(self._not_kept_text(stash.failed) + " " + self.tr(
                    "Nothing was switched."))
                return
            if self.session is not None:   # the lock waits for a call under way or a closing dialog
                plan["tries"] += 1
                if plan["tries"] > 40:
                    self._switch = None
                    self.message_bar.show_message(self.tr("The record could not be locked, so nothing was "
                                                          "switched. Try again."))
                    return
                QTimer.singleShot(250, self._switch_when_locked)
                return
        if self.autobackup.running:
            # The lock's automatic backup still holds the record (however long it takes): the
            # switch follows once it has ended and the session is closed.
            QTimer.singleShot(250, self._switch_when_locked)
            return
        record, restored, username = plan["record"], plan["restored"], plan["username"]
        password, kdf = plan.pop("password"), self._kdf

        def work(progress, cancel):   # on the worker: only the core
            from barnahus_app.api import switch_to_restored
            return switch_to_restored(record, restored, username, password, kdf=kdf, progress=progress,
                                      cancel=cancel)

        job = ProgressJob(self, work, title=self.tr("Switching to the restored record"),
                          what=self.tr("Verifying the restored record and counting what the record in use "
                                       "holds after the backup…"),
                          stopping=self.tr("Stopping before anything is switched…"), name="switchProgress")
        job.finished.connect(self._switched)
        plan["job"] = job
        job.start()

    def _switched(self, report, error) -> None:
        from PySide6.QtWidgets import QMessageBox
        plan, self._switch = self._switch or {}, None
        self.set_record(plan.get("record"))
        self.show_unlock(plan.get("username", ""), locked=True)
        if error is not None:
            self.unlock_panel.message.show_error(core_message(error))
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Switched to the restored record"),
                          self.tr("The record is now the restored one. Unlock it to go on."),
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText("\n\n".join(report.lines()))
        box.setObjectName("switchReport")
        grid = box.layout()   # a message box sizes itself to its text: a spacer keeps it readable
        grid.addItem(QSpacerItem(self.fontMetrics().height() * 40, 0, QSizePolicy.Policy.Minimum,
                                 QSizePolicy.Policy.Expanding), grid.rowCount(), 0, 1, grid.columnCount())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.switch_report = box
        box.open()

    def is_unlocked(self) -> bool:
        return self.session is not None

    def on_unlocked(self, session) -> None:
        self.session = session
        dates.set_centre_zone(session.centre_zone())   # every time on screen is told in it
        if session.read_only:
            self._build_read_only_work()
        else:
            self._build_work()
        self.pages.setCurrentWidget(self.work)
        # A read-only session reopens no drafts: reading them would need an audit entry.
        restored, problems = (0, []) if session.read_only else self.locker.restore(session)
        self.locker.start(session)
        self.autobackup.start()
        notes = []
        if self.unlock_panel.unlocked_by_recovery_key():
            # The README's rule after a recovery-key login (the key file may have been lost).
            notes.append(self.tr(
                "The record was unlocked with its recovery key. An administrator should now set "
                "the users' passwords again (Administration, Reset password…), so that everyone "
                "unlocks with their own password. Lock the recovery key away again."))
        if session.failed_attempts:
            notes.append(self._failed_attempts_text(session.failed_attempts))
        if session.backup_failures:
            notes.append(self._backup_failures_text(session.backup_failures))
        if session.failure_tampering:
            notes.append(self._failure_tampering_text(session.failure_tampering))
        interrupted = self.unlock_panel.interrupted_switch()
        if interrupted is not None:
            notes.append(self.tr("A switch to the restored record {name} was interrupted (a crash or power cut). "
                                 "An administrator finishes it under Administration, Backups: Switch to a "
                                 "restored record…").format(name=Path(interrupted.get("restored") or "").name))
        if session.rotation is not None:
            notes.append(self._rotation_text(session.rotation))
        for section, key in session.section_recovery_keys.items():
            notes.append(self.tr(
                "You are the first to unlock the record who may read {section}, so they are now sealed "
                "with a key of their own. Its recovery key, shown only now: {key} — write it down, lock "
                "it away, and keep it apart from the record's recovery key. It opens {section} if "
                "everyone who holds their key has left.").format(section=self._section_name(section), key=key))
        removed = self.unlock_panel.removed_leftovers()
        if removed:
            notes.append(self.tr("Leftovers of interrupted work beside the record (a backup or an export "
                                 "stopped part-way) were removed: {names}").format(names=", ".join(removed)))
        if restored:
            when = self.locker.kept_when
            if when == {"quit"}:
                before = self.tr("Your unsaved changes from before Barnahus was closed were kept safely "
                                 "in the record.")
            elif when == {"lock"}:
                before = self.tr("Your unsaved changes from before the record was locked were kept "
                                 "safely in the record.")
            else:
                before = self.tr("Your unsaved changes from before the record was locked or Barnahus "
                                 "was closed were kept safely in the record.")
            notes.append(before + " " + self.tr(
                "They are open again: save them, or close them to discard them. Open cases with kept "
                "changes: {n}.").format(n=restored))
            self.go(OPEN)
        if problems:
            notes.append(self.tr("Some kept changes could not be opened: {reasons}").format(
                reasons=" ".join(problems)))
        if notes:
            self.message_bar.show_message("\n\n".join(notes))
        if not restored:
            self.go(self.current_page())  # the keyboard starts on the first page's main control
        info = {}
        try:
            info = session.record_info()
        except BarnahusError:
            pass
        centre = info.get("centre_name") or ""
        self.status_user.setText(self.tr("Signed in as {name} ({roles})").format(
            name=session.display_name, roles=roles_text(session.roles)) if not session.read_only
            else self.tr("Signed in as {name} ({roles}) · read-only").format(
            name=session.display_name, roles=roles_text(session.roles)))
        record_name = Path(info.get("path") or self.unlock_panel.record_path() or "").name
        self.status_record.setText(self.tr("{centre} · {file}").format(centre=centre, file=record_name)
                                   if centre else record_name)
        self.setWindowTitle(self.tr("Barnahus Case Record — {centre}").format(centre=centre) if centre
                            else self.tr("Barnahus Case Record"))
        self._update_actions()
        for entry in main_pages:
            page = self._pages.get(entry.key)
            if page is not None and entry.after_unlock is not None:
                # From the event loop, after this handler has returned: a first read on a worker
                # holds the record (BEGIN IMMEDIATE) and would make the core calls above wait.
                QTimer.singleShot(0, page, lambda e=entry, p=page: e.after_unlock(p))

    def _backup_failures_text(self, failures: list[dict]) -> str:
        reasons = {
            "damaged_source": self.tr("the record failed its check"),
            "disk_full": self.tr("the disk was full"),
            "copy_failed": self.tr("the copy could not be written or did not read back"),
            "second_folder_missing": self.tr("the second backup folder was not there (a drive not plugged in?)"),
            "second_folder_disk_full": self.tr("the second backup folder's disk was full"),
            "second_folder_failed": self.tr("the copy to the second backup folder failed"),
        }
        last = failures[-1]
        when = dates.local_datetime_text(last["at"], named=True)
        return self.tr("Backups failed since an administrator last signed in: {n}; the most recent at "
                       "{when}: {reason}. Check the backups under Administration.").format(
            n=len(failures), when=when, reason=reasons.get(last["reason"], last["reason"]))

    def _failure_tampering_text(self, notes: list[dict]) -> str:
        """The key file's list of failed unlock attempts found reset, cut or rewritten."""
        when = dates.local_datetime_text(notes[-1]["at"], named=True)
        return self.tr("The list of failed unlock attempts kept beside the record (in its key file) was "
                       "changed outside Barnahus: entries were removed or rewritten since the record last "
                       "read it. Found at {when}. Someone may have tried to hide wrong passwords; the "
                       "attempts the record had already read are in the audit trail (login.failed). "
                       "Check who can reach the record's folder.").format(when=when)

    def _section_name(self, section: str) -> str:
        """A sealed section as the user knows it (record/sections.py, policy.SECTIONS)."""
        return {"interview_notes": self.tr("the interviewer's notes"),
                "signing_keys": self.tr("the centre's signing keys"),
                "medical": self.tr("the medical findings, notes, statements, tests, samples and images")}.get(
            section, section)

    def _rotation_text(self, settled) -> str:
        """A key rotation interrupted earlier (a crash), finished or undone at this unlock."""
        if settled.finished:
            if settled.file:
                return self.tr("A key rotation interrupted earlier was finished at this unlock: the new "
                               "recovery key in {file} opens the record; the previous recovery key no "
                               "longer does.").format(file=settled.file)
            return self.tr("A key rotation interrupted earlier was finished at this unlock: the recovery "
                           "key it issued opens the record; the previous recovery key no longer does.")
        if settled.file:
            return self.tr("A key rotation interrupted earlier was undone at this unlock: the record key "
                           "was not replaced, and the previous recovery key still opens the record. The "
                           "recovery key it wrote, now {file}, does NOT open the record: delete "
                           "it.").format(file=settled.file)
        return self.tr("A key rotation interrupted earlier was undone at this unlock: the record key was "
                       "not replaced, and the previous recovery key still opens the record. A recovery "
                       "key it issued does NOT open the record.")

    def _failed_attempts_text(self, attempts: list[str]) -> str:
        when = dates.local_datetime_text(max(attempts), named=True)
        return self.tr("Since you last signed in, someone tried to unlock the record and gave a wrong "
                       "password or user name. Attempts: {n}; the most recent at {when}. If this was "
                       "not you, tell your administrator.").format(n=len(attempts), when=when)

    def _show_locked_state(self) -> None:
        self.status_user.setText(self.tr("Locked"))
        self.status_record.clear()
        self.setWindowTitle(self.tr("Barnahus Case Record"))
        self._update_actions()

    def _build_read_only_work(self) -> None:
        """A read-only session (a damaged record): its banner and the Backups box, no pages."""
        from ui.shell.damaged import ReadOnlyView
        outer = self._new_work()
        self.read_only_view = ReadOnlyView(self.session, self.work)
        self.read_only_view.openRecord.connect(self.open_other_record)
        self.read_only_view.switchRecord.connect(self.switch_to_restored)
        outer.addWidget(self.read_only_view, 1)
        self.pages.addWidget(self.work)

    @Slot()
    def _damage_met(self) -> None:
        """A core call met damage in the record file: offer, once at a time, to lock and reopen
        the record read-only (from the event loop, after the error is shown)."""
        if self.session is None or self.session.read_only or self._offering_read_only:
            return
        self._offering_read_only = True
        QTimer.singleShot(0, self, self.offer_read_only)

    def offer_read_only(self) -> None:
        from PySide6.QtWidgets import QMessageBox
        try:
            if self.session is None or self.session.read_only:
                return
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The record file is damaged"), self.tr(
                "A part of the record file could not be read just now, and what you were doing was not "
                "saved. To keep the record safe, lock it and open it again read-only: you can then check "
                "it, and restore a verified backup or salvage what can still be read into a new file."),
                QMessageBox.StandardButton.NoButton, self)
            box.setObjectName("damageMetBox")
            lock_button = box.addButton(self.tr("&Lock and reopen read-only"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("&Keep working"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(lock_button)
            box.exec()
            if box.clickedButton() is lock_button:
                self.lock_and_reopen_read_only()
        finally:
            self._offering_read_only = False

    def lock_and_reopen_read_only(self) -> None:
        """Lock, then the unlock screen with the damaged record's banner: the password typed
        again opens it read-only."""
        if self.session is None:
            return
        self._damaged_banner_next = True   # show_unlock, at the end of the lock (perhaps deferred)
        self.lock()

    def _new_work(self) -> QVBoxLayout:
        """The unlocked record's area (self.work) with its message bar on top; its layout."""
        em = self.fontMetrics().height()
        self.work = QWidget(self.pages)
        outer = QVBoxLayout(self.work)
        outer.setContentsMargins(em // 2, em // 2, em // 2, 0)
        self.message_bar = MessageBar(self.work)
        outer.addWidget(self.message_bar)
        return outer

    def _build_work(self) -> None:
        s = self.session
        em = self.fontMetrics().height()
        outer = self._new_work()
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        self.nav = QListWidget(self.work)
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setIconSize(QSize(em * 5 // 4, em * 5 // 4))
        self.nav.setSpacing(em // 6)
        self.content = QStackedWidget(self.work)
        row.addWidget(self.nav, 0)
        row.addWidget(self.content, 1)

        self._pages = {}
        for entry in main_pages:
            setattr(self, entry.attribute, None)
            if entry.shown(s, self):
                self._add_page(entry)
        if self.nav.count() == 0:
            empty = QLabel(self.tr("Your roles do not give you anything to work on in this version of "
                                   "the application. Ask your administrator."), self.content)
            empty.setWordWrap(True)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.content.addWidget(empty)
        self.nav.currentItemChanged.connect(self._nav_changed)
        width = max(self.nav.sizeHintForColumn(0), em * 6) + self.nav.frameWidth() * 2 + em * 2
        self.nav.setFixedWidth(width)
        self._update_open_item()
        if self.nav.count():
            self.nav.setCurrentRow(0)
        self.pages.addWidget(self.work)
        self.setTabOrder(self.nav, self.content)

    def _add_page(self, entry: MainPage) -> None:
        page = entry.build(self, self.content)
        self._pages[entry.key] = page
        setattr(self, entry.attribute, page)
        self.content.addWidget(page)
        page_icon = entry.make_icon()
        if not isinstance(entry.icon, str):   # made when the page is: it may need the page's module
            self.go_actions[entry.key].setIcon(page_icon)
        item = QListWidgetItem(page_icon, entry.text())
        item.setData(Qt.ItemDataRole.UserRole, entry.key)
        item.setData(Qt.ItemDataRole.UserRole + 1, page)
        self.nav.addItem(item)

    def page(self, key: str) -> QWidget | None:
        """The page of this key built for the session, or None."""
        return self._pages.get(key)

    def nav_item(self, key: str) -> QListWidgetItem | None:
        if self.nav is None:
            return None
        for i in range(self.nav.count()):
            if self.nav.item(i).data(Qt.ItemDataRole.UserRole) == key:
                return self.nav.item(i)
        return None

    def nav_keys(self, visible_only: bool = True) -> list[str]:
        """The navigation entries offered, e.g. ['cases', 'admin'] (for tests and screenshots)."""
        if self.nav is None:
            return []
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())
                if not (visible_only and self.nav.item(i).isHidden())]

    def _nav_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        if current is not None:
            self.content.setCurrentWidget(current.data(Qt.ItemDataRole.UserRole + 1))

    def go(self, key: str) -> None:
        item = self.nav_item(key)
        if item is not None and not item.isHidden():
            self.nav.setCurrentItem(item)
            main_pages[key].focus(item.data(Qt.ItemDataRole.UserRole + 1))

    def current_page(self) -> str | None:
        item = self.nav.currentItem() if self.nav is not None else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_open_item(self) -> None:
        item = self.nav_item(OPEN)
        if item is None:
            return
        n = len(self._entries)
        item.setText(self.tr("Open cases ({n})").format(n=n))
        item.setHidden(n == 0)
        if n == 0 and self.nav.currentItem() is item:
            self.go(CASES)
        self._update_actions()

    def restart_idle(self) -> None:
        """The idle time allowed changed: count it again from now."""
        self.locker.restart_idle(self.session)

    def own_roles_changed(self) -> None:
        """The administrator changed their own roles: rebuild what the navigation offers."""
        self.locker.lock()
        self.unlock_panel.message.show_info(self.tr("Your roles were changed. Unlock again to go on with them."))

    # --- workspaces ------------------------------------------------------------------------
    def can_open_workspaces(self) -> bool:
        return self.session is not None and self.tabs is not None

    def workspace_entries(self) -> list[WorkspaceEntry]:
        return list(self._entries)

    def _entry_of(self, ws) -> WorkspaceEntry | None:
        return next((e for e in self._entries if e.workspace is ws), None)

    def open_workspace(self, case_id: int | None, select: bool = True, has_draft: bool = False):
        """The tab of this case (or of the new case being written), opened if needed. Only one
        new case at a time: the record keeps one draft of a new case per user."""
        for e in self._entries:
            if e.case_id == case_id:
                e.has_draft = e.has_draft or has_draft
                if select:
                    self._select(e.workspace)
                return e.workspace
        ws = self.workspace_factory(self.session, case_id, self.tabs)
        entry = WorkspaceEntry(ws, case_id, has_draft)
        self._entries.append(entry)
        self.tabs.addTab(ws, "")
        self.update_tab(ws)
        ws.titleChanged.connect(lambda _text, w=ws: self.update_tab(w))
        if hasattr(ws, "dirtyChanged"):
            ws.dirtyChanged.connect(lambda _dirty, w=ws: self.update_tab(w))
        ws.saved.connect(lambda new_id, w=ws: self._saved(w, new_id))
        self._update_open_item()
        if select:
            self._select(ws)
        return ws

    def _select(self, ws) -> None:
        self.tabs.setCurrentWidget(ws)
        self.go(OPEN)

    def open_case(self, case_id: int, tab: str | None = None) -> None:
        """The case's workspace; tab: the key of a registered case tab to show in it."""
        try:
            ws = self.open_workspace(int(case_id))
        except BarnahusError as e:
            self.message_bar.show_message(core_message(e))
            return
        if tab is not None and hasattr(ws, "show_tab"):
            ws.show_tab(tab)

    def new_case(self) -> None:
        if not self.new_case_action.isEnabled():
            return
        try:
            self.open_workspace(None)
        except BarnahusError as e:
            self.message_bar.show_message(core_message(e))

    def _tab_text(self, ws) -> str:
        title = ws.title()
        return self.tr("{title} (not saved)").format(title=title) if ws.is_dirty() else title

    def update_tab(self, ws) -> None:
        if self.tabs is None:
            return
        i = self.tabs.indexOf(ws)
        if i >= 0:
            # "&" in a reference must not become a mnemonic
            self.tabs.setTabText(i, self._tab_text(ws).replace("&", "&&"))
            self.tabs.setTabToolTip(i, ws.title())

    def _saved(self, ws, case_id: int) -> None:
        entry = self._entry_of(ws)
        if entry is None or self.session is None:
            return
        if entry.has_draft:
            try:
                self.session.discard_draft(CASE, entry.case_id)
            except BarnahusError as e:
                self.message_bar.show_message(core_message(e))
            entry.has_draft = False
        entry.case_id = case_id
        self.update_tab(ws)
        for entry in main_pages:
            page = self._pages.get(entry.key)
            if page is not None and entry.case_saved is not None:
                entry.case_saved(page)

    def ask_unsaved(self, title: str) -> str:
        """'save', 'discard' or 'cancel'."""
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("{title} has changes that are not saved.").format(title=title),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Save them before closing?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def close_tab(self, index: int) -> bool:
        ws = self.tabs.widget(index)
        entry = self._entry_of(ws)
        if entry is None:
            return False
        if ws.is_dirty():
            if hasattr(ws, "confirm_close"):  # the workspace's own Save / Discard / Cancel
                if not ws.confirm_close() or self.session is None:
                    return False
            else:
                answer = self.ask_unsaved(ws.title())
                if answer == "cancel" or self.session is None:
                    return False
                if answer == "save" and not ws.save():
                    return False
        if entry.has_draft and self.session is not None:
            try:
                self.session.discard_draft(CASE, entry.case_id)
            except BarnahusError as e:
                self.message_bar.show_message(core_message(e))
                return False
        self._remove(entry)
        return True

    def close_workspace_keeping_draft(self, ws) -> None:
        entry = self._entry_of(ws)
        if entry is not None:
            self._remove(entry)

    def close_current_tab(self) -> None:
        if self.tabs is not None and self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def _remove(self, entry: WorkspaceEntry) -> None:
        self._entries.remove(entry)
        ws = entry.workspace
        i = self.tabs.indexOf(ws)
        if i >= 0:
            self.tabs.removeTab(i)
        ws.hide()
        ws.setParent(None)
        ws.deleteLater()
        self._update_open_item()

    # --- the lock controller's host interface ------------------------------------------------
    def close_all_workspaces(self) -> None:
        for entry in list(self._entries):
            self._remove(entry)

    def clear_case_views(self) -> None:
        for entry in main_pages:
            page = self._pages.get(entry.key)
            if page is not None and entry.clear is not None:
                entry.clear(page)
        if self.message_bar is not None:
            self.message_bar.dismiss()

    def drop_session_views(self) -> None:
        self.session = None
        dates.set_centre_zone(None)
        self._entries.clear()
        work, self.work = self.work, None
        for entry in main_pages:
            setattr(self, entry.attribute, None)
        self._pages = {}
        self.nav = self.content = self.message_bar = self.read_only_view = None
        if work is not None:
            self.pages.removeWidget(work)
            work.hide()
            work.setParent(None)
            work.deleteLater()
        self._show_locked_state()

    def show_unlock(self, username: str = "", locked: bool = False) -> None:
        self.pages.setCurrentWidget(self.unlock_panel)
        self.unlock_panel.prepare(username, locked)
        if self._damaged_banner_next:
            self._damaged_banner_next = False
            self.unlock_panel.show_damaged()

    def close_session(self, session) -> None:
        """The lock's last step: the automatic backup if one is due (with progress, over the
        unlock screen), then the session closes."""
        self.autobackup.close_session(session)

    def _backup_ended(self, _result, error) -> None:
        if error is not None and self.session is None and not self._quit_after_backup:
            from barnahus_app.errors import Cancelled
            if not isinstance(error, Cancelled):
                self.unlock_panel.message.show_info(self.tr(
                    "The automatic backup could not be made. An administrator is told when they next "
                    "unlock the record."))
        if self._quit_after_backup and not self.autobackup.running:
            QTimer.singleShot(0, self.close)

    # --- commands ----------------------------------------------------------------------------
    def lock(self) -> None:
        if self.session is None:
            return
        stash = self.locker.lock()
        if stash.failed:
            self.unlock_panel.message.show_error(self._not_kept_text(stash.failed))

    def _not_kept_text(self, reasons: list[str]) -> str:
        return self.tr("Some unsaved changes could not be kept in the record ({reasons}). They are held "
                       "in memory until you unlock again; do not quit before you have saved them.").format(
            reasons=" ".join(reasons))

    def show_settings(self) -> None:
        SettingsDialog(self).exec()

    def change_own_password(self) -> None:
        from ui.admin.own_password import ChangeOwnPasswordDialog
        if self.session is None or self.session.read_only:
            return
        dialog = ChangeOwnPasswordDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.message_bar.show_message(self.tr(
            "Your password was changed. Use the new one from now on.")))
        dialog.open()

    def verify_file(self) -> None:
        from ui.documents.verify_dialog import VerifyDialog
        dialog = VerifyDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.about(self, self.tr("About Barnahus Case Record"), self.tr(
            "Barnahus Case Record {version}\n\nAn encrypted case record for a Barnahus (children's "
            "house). Free software under the GNU General Public License, version 3 or later.").format(
            version=__version__))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.autobackup.closing:
            self._quit_after_backup = True   # the window closes once the backup has ended
            event.ignore()
            return
        # (Not for a background backup on the long-job thread: the lock below takes it over.)
        wait_for_all(10_000, but=(LONG_JOB,) if self.autobackup.running else ())
        if self.session is not None:
            stash = self.locker.lock(quitting=True)
            if stash.failed:
                self.show_unlock(locked=True)
                self.unlock_panel.message.show_error(self._not_kept_text(stash.failed))
                event.ignore()
                return
        if self.autobackup.running:
            self._quit_after_backup = True   # the lock's backup runs, with its dialog: quit after it
            event.ignore()
            return
        prefs.set_window_geometry(self.saveGeometry())
        event.accept()
        self.closed.emit()
