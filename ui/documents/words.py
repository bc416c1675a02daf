"""The words for the document register's codes (its document types and formats), in one place:
the Documents page, the verify dialog and the referral's sharing dialog say them alike."""
from __future__ import annotations

from PySide6.QtCore import QObject


class DocumentWords(QObject):
    """The words for the register's codes; an unknown code is shown as it is."""

    def doc_type(self, code: str) -> str:
        return {"case_summary": self.tr("Court summary"), "bundle": self.tr("Prosecutor bundle"),
                "minutes": self.tr("Meeting minutes"),
                "psychosocial_summary": self.tr("Psychosocial summary")}.get(code, code or "")

    def fmt(self, code: str) -> str:
        return {"pdf": self.tr("PDF, signed"), "docx": self.tr("DOCX"), "bag": self.tr("Folder, signed"),
                "zip": self.tr("Zip, signed")}.get(code, code or "")

    def yes_no(self, value) -> str:
        return self.tr("Yes") if value else self.tr("No")
