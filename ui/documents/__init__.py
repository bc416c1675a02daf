"""Documents of a case: the register of what was issued, the court summary, the bundle, checking a
document or bundle received. Registers the case workspace's Documents tab here."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.pages import CaseTab, case_tabs


def _build(workspace):
    from ui.documents.panel import DocumentsPanel
    return DocumentsPanel(workspace.session, workspace.case_id, workspace.case["reference"])


case_tabs.register(CaseTab(
    key="documents", order=20, title=QT_TRANSLATE_NOOP("CaseWorkspace", "Doc&uments"),
    shown=lambda s: s.can("case", "read"), build=_build,
))
