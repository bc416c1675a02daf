"""Administration: users, roles, the record's settings, the signing certificate, the backups. Registers its page
here; the widgets are in panel.py."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ui.common.pages import MainPage, PageHost, main_pages


def _build(host: PageHost, parent):
    from ui.admin.panel import AdminPanel
    page = AdminPanel(host.session, parent)
    page.settingsChanged.connect(host.restart_idle)
    page.ownRolesChanged.connect(host.own_roles_changed)
    page.backups.openRecord.connect(host.open_other_record)
    page.backups.switchRecord.connect(host.switch_to_restored)
    return page


main_pages.register(MainPage(
    key="admin", order=50, nav_text=QT_TRANSLATE_NOOP("MainWindow", "Administration"),
    action_text=QT_TRANSLATE_NOOP("MainWindow", "&Administration"), icon="admin", shortcut="Ctrl+3",
    shown=lambda s, host: s.can("user", "create") or s.can("record", "settings"), build=_build,
    focus=lambda page: page.table.setFocus(Qt.FocusReason.ShortcutFocusReason),
))
