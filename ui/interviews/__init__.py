"""Interviews of a case: planning and booking, holding, recordings, their custody and fixity.
Registers the case workspace's Interviews tab here; the widgets are in the modules beside."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.pages import CaseTab, case_tabs


def _build(workspace):
    from ui.interviews.panel import InterviewsPanel
    panel = InterviewsPanel(workspace.session, workspace.case_id)   # reads its contents when first shown
    panel.changed.connect(workspace.status_changed_elsewhere)   # an interview held opens a referred case
    return panel


case_tabs.register(CaseTab(
    key="interviews", order=10, title=QT_TRANSLATE_NOOP("CaseWorkspace", "In&terviews"),
    shown=lambda s: s.can("interview", "read"), build=_build,
))
