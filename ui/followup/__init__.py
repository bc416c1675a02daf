"""The Follow-up tab of a case workspace (issue #16): each child's follow-up plan, its rules with
their next due dates and history, and the coordinator's changes to it (panel.py, dialogs.py). It
registers itself with the case workspace's tabs; the widgets are imported only when it is built.
Today opens it on one rule with the tab key "followup:RULE:PERSON" (CaseWorkspace.show_tab)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.pages import CaseTab, case_tabs


def _build_followup(workspace):
    from ui.followup.panel import FollowUpPanel
    case = workspace.case or {}
    return FollowUpPanel(workspace.session, workspace.case_id, case.get("children") or [])


case_tabs.register(CaseTab(
    key="followup", order=16, title=QT_TRANSLATE_NOOP("CaseWorkspace", "Fo&llow-up"),
    shown=lambda s: s.can("followup", "read"), build=_build_followup,
))
