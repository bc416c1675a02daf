"""Cases: the case list and the case workspaces open in tabs (the main window hosts them). Registers
the "Cases" and "Open cases" pages and the workspace's "Team and referrals" and "Medical" tabs here;
the widgets are in case_list.py, workspace.py and team.py (its dialogs in team_dialogs.py), and in
ui/medical."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QTabWidget

from ui.common.pages import CaseTab, MainPage, PageHost, case_tabs, main_pages

CASES, OPEN = "cases", "open"


def case_list_panel(session, parent):
    """The default case list of the main window (tests may give their own)."""
    from ui.cases.case_list import CaseListPanel
    return CaseListPanel(session, parent)


def case_workspace(session, case_id: int | None, parent):
    """The default workspace of one case (case_id None: a new case)."""
    from ui.cases.workspace import CaseWorkspace
    return CaseWorkspace(session, case_id, parent)


def _shown(session, host: PageHost) -> bool:
    return (session.can("case", "read") and host.case_list_factory is not None
            and host.workspace_factory is not None)


def _build_list(host: PageHost, parent):
    page = host.case_list_factory(host.session, parent)
    page.caseActivated.connect(host.open_case)
    page.newCaseRequested.connect(host.new_case)
    return page


def _focus_list(page) -> None:
    if hasattr(page, "focus_table"):
        page.focus_table()
    else:
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _build_tabs(host: PageHost, parent) -> QTabWidget:
    tabs = QTabWidget(parent)
    tabs.setTabsClosable(True)
    tabs.setMovable(True)
    tabs.setDocumentMode(True)
    tabs.setAccessibleName(QCoreApplication.translate("MainWindow", "Open cases"))
    tabs.tabCloseRequested.connect(host.close_tab)
    return tabs


def _focus_tabs(tabs: QTabWidget) -> None:
    (tabs.currentWidget() or tabs).setFocus(Qt.FocusReason.ShortcutFocusReason)


main_pages.register(MainPage(
    key=CASES, order=20, nav_text=QT_TRANSLATE_NOOP("MainWindow", "Cases"),
    action_text=QT_TRANSLATE_NOOP("MainWindow", "&Cases"), icon="cases", shortcut="Ctrl+1",
    shown=_shown, build=_build_list, attr="case_list", focus=_focus_list,
    case_saved=lambda page: page.refresh(),
))
# The workspaces' tabs: shown in the navigation only while a case is open (the host counts them).
main_pages.register(MainPage(
    key=OPEN, order=30, nav_text=QT_TRANSLATE_NOOP("MainWindow", "Open cases"),
    action_text=QT_TRANSLATE_NOOP("MainWindow", "&Open cases"), icon="open", shortcut="Ctrl+2",
    shown=_shown, build=_build_tabs, attr="tabs", focus=_focus_tabs, clear=None,
    go_enabled=lambda host, tabs: tabs is not None and bool(host.workspace_entries()),
))


# --- the case workspace's "Team and referrals" tab (team.py) -----------------------------------

def _build_team(workspace):
    from ui.cases.team import TeamPanel
    case = workspace.case or {}
    return TeamPanel(workspace.session, workspace.case_id, case.get("reference", ""),
                     case.get("children") or [])   # reads its contents when first shown


case_tabs.register(CaseTab(
    key="team", order=15, title=QT_TRANSLATE_NOOP("CaseWorkspace", "Team and re&ferrals"),
    shown=lambda s: s.can("meeting", "read") or s.can("referral", "read"), build=_build_team,
))
