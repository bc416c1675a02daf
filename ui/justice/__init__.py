"""The Justice tab of a case workspace (issue #16): the case's proceedings against alleged
offenders with their events, the child's part and release notification, and the compensation
claims through to payment (panel.py, dialogs.py, money.py); to the case roles that do not read
the track, its summary line and the alleged offences. It registers itself with the case
workspace's tabs; the widgets are imported only when it is built. The workspace opens it on one
proceeding with the tab key "justice:PROCEEDING" (CaseWorkspace.show_tab)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.pages import CaseTab, case_tabs


def _build_justice(workspace):
    from ui.justice.panel import JusticePanel
    return JusticePanel(workspace.session, workspace.case_id, workspace.case or {})


case_tabs.register(CaseTab(
    key="justice", order=19, title=QT_TRANSLATE_NOOP("CaseWorkspace", "&Justice"),
    shown=lambda s: s.can("case", "read"), build=_build_justice,   # others: its summary line
))
