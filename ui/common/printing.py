"""Printing a page the user must keep on paper (the recovery key, a share of it): an A4 printer
with the program's margins, and the print dialog."""
from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def a4_printer(doc_name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
    printer.setDocName(doc_name)
    printer.setCreator("Barnahus Case Record")
    return printer


def print_with_dialog(parent: QWidget, document: QTextDocument, doc_name: str, title: str) -> bool:
    """Ask where to print (the system's print dialog), then print; False if the user cancelled."""
    printer = a4_printer(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
