"""Photo documentation of an examination: registering an image (hashed on a worker with progress
and cancel, as a recording is: the interviews' HashJob), logging a viewing and releasing an image
(requester, legal basis, receipt, purpose). The images stay where they are kept; the core checks
every rule (medical.evidence)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit

from barnahus_app.errors import Cancelled, ValidationError

from ui.common.feedback import FormDialog, core_message
from ui.common.field_widgets import PathRow
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo
from ui.interviews.hashing import HashJob
from ui.interviews.shared import SHORT_HASH
from ui.medical.dialogs import named_text_box


def image_label(image: dict) -> str:
    """An image as the list names it: its file name, else its short hash."""
    return image.get("file_name") or (image.get("sha256") or "")[:SHORT_HASH]


def _line(dialog: QDialog, name: str, length: int = 200) -> QLineEdit:
    edit = QLineEdit(dialog)
    edit.setObjectName(name)
    edit.setMaxLength(length)
    return edit


class RegisterImageDialog(FormDialog):
    """Register an image: its SHA-256 and size are taken now (on a worker, with progress and
    Cancel); the file stays where it is kept."""

    width_em = 38
    muted_hints = True
    ALIASES = {"derived_from": "derived_from", "derivation": "derivation"}

    def __init__(self, session, exam: dict, images: list[dict], parent=None):
        self.exam = exam
        self.images = images
        self.job: HashJob | None = None
        self.image_id: int | None = None
        super().__init__(session, parent)
        self.setObjectName("registerImageDialog")
        self.setWindowTitle(self.tr("Register an image"))
        self.ok_button.setText(self.tr("&Register"))
        self.intro.setText(self.tr("The image is not stored in the record: its SHA-256 is taken now and never "
                                   "changes. Register the original (the RAW file where there is one) first."))
        self.path.setFocus()

    def build(self) -> None:
        row = PathRow(self, self._browse, name="imagePath")
        self.path, self.browse = row.edit, row.button
        self.add_field("path", self.tr("&File:"), row, accessible=self.tr("File"))
        self.device = _line(self, "imageDeviceEdit")
        self.add_field("device", self.tr("&Device:"), self.device, accessible=self.tr("Camera or device"))
        self.storage = _line(self, "imageStorageEdit", 2000)
        self.add_field("storage_location", self.tr("&Kept at:"), self.storage, self.tr("Empty: the file's path."),
                       accessible=self.tr("Where it is kept"))
        self.derived_from = ChoiceCombo([(i["id"], image_label(i)) for i in self.images],
                                        empty_text=self.tr("None: this is an original"))
        self.derived_from.setObjectName("imageDerivedFromCombo")
        self.add_field("derived_from", self.tr("Derived fr&om:"), self.derived_from,
                       accessible=self.tr("Derived from"))
        self.derivation = named_text_box(self, "imageDerivationEdit", 2)
        self.add_field("derivation", self.tr("&What was done:"), self.derivation,
                       self.tr("For a derived image: a crop, a colour correction…"),
                       accessible=self.tr("What was done"))

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the image"), self.path.text())
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if self.job is not None and self.job.running:
            return
        self.clear_messages()
        path = self.path.text().strip()
        if not path:
            self.messages["path"].show_error(self.tr("Choose the file of the image."))
            self.path.setFocus()
            return
        kwargs = dict(device=self.device.text() or None, storage_location=self.storage.text().strip() or None,
                      derived_from=self.derived_from.value(), derivation=self.derivation.toPlainText() or None)
        s, xid = self.session, self.exam["id"]

        def work(progress, cancel):
            return s.register_image(xid, path, progress=progress, cancel=cancel, **kwargs)

        stopping = self.tr("Stopping…")
        self.job = HashJob(self, work, title=self.tr("Registering the image"),
                           what=self.tr("Computing the SHA-256 of %1…").replace("%1", Path(path).name),
                           stopping=stopping, name="hashProgress")
        self.job.finished.connect(self._finished)
        self.job.cancelRequested.connect(lambda: self.general.show_info(stopping))
        self.running = True
        self.ok_button.setEnabled(False)
        self.job.start()

    def _finished(self, result, error) -> None:
        self.running = False
        self.ok_button.setEnabled(True)
        if error is None:
            self.image_id = int(result)
            self.done_ok = True
            QDialog.accept(self)
            return
        if isinstance(error, Cancelled):
            self.general.show_info(self.tr("Stopped. Nothing was registered."))
        elif isinstance(error, ValidationError) and error.field in self.messages:
            self.show_error(error)
        else:
            self.general.show_error(core_message(error))

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()   # the worker stops between two reads; nothing is written
            return
        super().reject()


class ImageViewingDialog(FormDialog):
    """Somebody looked at the image: where and why (a custody event)."""

    def __init__(self, session, image: dict, parent=None):
        self.image = image
        super().__init__(session, parent)
        self.setObjectName("imageViewingDialog")
        self.setWindowTitle(self.tr("Log a viewing"))
        self.ok_button.setText(self.tr("&Log"))
        self.intro.setText(self.tr("Image %1.").replace("%1", image_label(image)))
        self.purpose.setFocus()

    def build(self) -> None:
        self.purpose = named_text_box(self, "viewingPurposeEdit", 2)
        self.add_field("purpose", self.tr("&Why:"), self.purpose, accessible=self.tr("Why"))
        self.location = _line(self, "viewingLocationEdit", 2000)
        self.add_field("location", self.tr("W&here:"), self.location, accessible=self.tr("Where"))

    def operation(self):
        s, iid = self.session, self.image["id"]
        purpose, location = self.purpose.toPlainText(), self.location.text()
        return lambda: s.log_image_viewing(iid, purpose=purpose, location=location)


class ReleaseImageDialog(FormDialog):
    """The image released on a proper request: requester, legal basis, receipt, purpose."""

    width_em = 34
    ALIASES = {"counterpart": "requester"}

    def __init__(self, session, image: dict, parent=None):
        self.image = image
        super().__init__(session, parent)
        self.setObjectName("releaseImageDialog")
        self.setWindowTitle(self.tr("Release the image"))
        self.ok_button.setText(self.tr("&Release"))
        self.intro.setText(self.tr("Image %1. A prosecutor bundle lists only images released for it.")
                           .replace("%1", image_label(image)))
        self.requester.setFocus()

    def build(self) -> None:
        self.requester = _line(self, "releaseRequesterEdit")
        self.add_field("requester", self.tr("Re&quester:"), self.requester, accessible=self.tr("Requester"))
        self.legal_basis = VocabCombo("sharing_legal_bases", placeholder_text=self.tr("Choose the legal basis"))
        self.legal_basis.setObjectName("releaseLegalBasisCombo")
        self.add_field("legal_basis", self.tr("&Legal basis:"), self.legal_basis, accessible=self.tr("Legal basis"))
        self.receipt = _line(self, "releaseReceiptEdit", 2000)
        self.add_field("receipt", self.tr("Re&ceipt:"), self.receipt, accessible=self.tr("Receipt"))
        self.purpose = VocabCombo("medical_release_purposes", placeholder_text=self.tr("Choose the purpose"))
        self.purpose.setObjectName("releasePurposeCombo")
        self.add_field("purpose", self.tr("&For:"), self.purpose, accessible=self.tr("Released for"))
        self.location = _line(self, "releaseLocationEdit", 2000)
        self.add_field("location", self.tr("W&here:"), self.location, accessible=self.tr("Where"))

    def operation(self):
        s, iid = self.session, self.image["id"]
        a = dict(requester=self.requester.text(), legal_basis=self.legal_basis.value(), receipt=self.receipt.text(),
                 purpose=self.purpose.value(), location=self.location.text())
        return lambda: s.release_image(iid, **a)
