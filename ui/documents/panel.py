"""The case workspace's Documents page: the register of documents issued for the case (court
summaries and prosecutor bundles) with what went to whom, and the dialogs that issue them.

Everything shown comes from the core (document_register: each read is audited); every document
is written, signed and registered by the core (write_case_summary, export_bundle), and every
disclosure recorded by it (record_disclosure). session.can() only shapes the view: buttons a role
may never use are not shown, the core still checks every call.

Rendering, signing and copying recordings into a bundle take time: they run on a worker
(ui/common/tasks.py) that only calls the core, with a progress dialog and a Cancel that stops the core
between two steps; the core then leaves nothing behind, and the dialog says so.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog, QFrame,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QRadioButton, QSizePolicy, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from barnahus_app.errors import BarnahusError, Cancelled
from barnahus_app.documents.pki import colon_fingerprint

from ui.common.feedback import FormDialog, InlineMessage, bold, open_dialog, plural, setup_list_table
from ui.common.tasks import ProgressJob, run_operation
from ui.common.dates import centre_zone, date_format, local_datetime_text, utc_from_qdatetime, zone_qdatetime
from ui.common.field_widgets import PathRow
from ui.common.folders import export_folder
from ui.documents.verify_dialog import OK, WARNING, ResultBlock, VerifyDialog, mono_font
from ui.documents.words import DocumentWords

SHORT_HASH = 12
DOC_ROLE = Qt.ItemDataRole.UserRole


def _size_text(n) -> str:
    return QLocale().formattedDataSize(int(n)) if n is not None else ""


def _plain(text: str, parent=None, selectable: bool = False) -> QLabel:
    lab = QLabel(text, parent)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(True)
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                    | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return lab


def receipt_identity(session) -> dict | None:
    """The signing identity for the receipt (on the worker, after the issue). The document is issued
    and registered by then: a failure here must not turn that into an error."""
    try:
        return session.signing_identity()
    except BarnahusError:
        return None


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """folder/stem+suffix, or stem-2, stem-3… if that name is taken (the core never overwrites)."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


# The register's words for its codes: one table, shared with the verify dialog (words.py).
_Words = DocumentWords


# --- dialogs ---------------------------------------------------------------------------------------
class _FormDialog(FormDialog):
    """The dialogs of the Documents page: wide enough for a path, and the core's messages about
    where a file goes shown beside the path."""

    width_em = 38
    # ValidationError.field names of the core that are shown beside another field
    ALIASES = {"out": "path", "dest": "path"}


class IssueDialog(_FormDialog):
    """What the court summary and bundle dialogs share (and the Meetings page's minutes: case_id
    None, case_reference the meeting's name): a save-as path with a default name made of the case
    reference and the date, and the long work on a worker with progress and cancel."""

    issued = Signal(object)   # (register entry, signing identity, path)

    def __init__(self, session, case_id: int, case_reference: str, parent=None, *, path=None):
        self.case_id = case_id
        self.case_reference = case_reference
        self.job: ProgressJob | None = None
        self.issue_result = None
        self._path_touched = False
        super().__init__(session, parent)
        self.path_row.edit.textEdited.connect(self._touched)
        if path is not None:
            self.set_path(path)
        else:
            self._suggest()

    def _choice(self, first: tuple[str, str], second: tuple[str, str]):
        """Two radio buttons (text, object name) in one box, the first chosen: (box, first, second)."""
        box = QWidget(self)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(2)
        group = QButtonGroup(box)
        buttons = []
        for text, name in (first, second):
            b = QRadioButton(text, box)
            b.setObjectName(name)
            group.addButton(b)
            bl.addWidget(b)
            buttons.append(b)
        buttons[0].setChecked(True)
        box.setFocusProxy(buttons[0])
        return box, buttons[0], buttons[1]

    def _add_path_field(self, label: str, hint: str) -> None:
        self.path_row = PathRow(self, self.browse, name="savePath")
        self.add_field("path", label, self.path_row, hint, accessible=label.replace("&", "").rstrip(":"))

    def _touched(self) -> None:
        self._path_touched = True

    def set_path(self, path) -> None:
        """Preset where the file goes (tests need no file dialog; a chosen path is kept)."""
        self.path_row.edit.setText(str(path))
        self._path_touched = True

    def path(self) -> str:
        return self.path_row.edit.text().strip()

    def default_stem(self) -> str:
        raise NotImplementedError

    def default_suffix(self) -> str:
        return ""

    def _suggest(self) -> None:
        """The default name follows the options until the user picks or types a path."""
        if self._path_touched:
            return
        current = self.path()
        folder = Path(current).parent if current else export_folder(self.session)
        self.path_row.edit.setText(str(_free_name(folder, self.default_stem(), self.default_suffix())))

    def _retarget_suffix(self) -> None:
        """A chosen path keeps its folder and name; only its ending follows the format."""
        if not self._path_touched:
            self._suggest()
            return
        p = Path(self.path())
        if self.path() and p.suffix.lower() in (".pdf", ".docx", ".zip"):
            p = p.with_suffix("")
        if self.path():
            self.path_row.edit.setText(str(p) + self.default_suffix())

    def work(self):
        """fn(progress, cancel) for the worker: core calls only."""
        raise NotImplementedError

    def job_texts(self) -> tuple[str, str]:
        raise NotImplementedError

    def precheck(self) -> bool:
        return True

    def accept(self) -> None:
        if self.job is not None and self.job.running:
            return
        self.clear_messages()
        if not self.path():
            self.messages["path"].show_error(self.tr("Choose where to save it."))
            self.path_row.setFocus()
            return
        if not self.precheck():
            return
        title, what = self.job_texts()
        stopping = self.tr("Stopping…")
        self.job = ProgressJob(self, self.work(), title=title, what=what, stopping=stopping, name="issueProgress")
        self.job.finished.connect(self._finished)
        self.job.cancelRequested.connect(lambda: self.general.show_info(stopping))
        self._set_busy(True)
        self.job.start()

    def _set_busy(self, busy: bool) -> None:
        for w in self.findChildren(QWidget):
            if isinstance(w, (QLineEdit, QPlainTextEdit, QCheckBox, QRadioButton)) or w is self.path_row.button:
                w.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        if not busy:
            self.update_enabled()

    def update_enabled(self) -> None:
        pass

    def _finished(self, result, error) -> None:
        self._set_busy(False)
        if error is None:
            self.issue_result = result
            self.done_ok = True
            QDialog.accept(self)
            self.issued.emit(result)
            return
        if isinstance(error, Cancelled):
            self.general.show_info(self.tr("Stopped. Nothing was written and nothing was registered."))
        else:
            self.show_error(error)

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()   # the core stops at its next step; the dialog says when it has
            return
        super().reject()


class PdfOrDocxDialog(IssueDialog):
    """A document of the one document model written as a signed PDF or a DOCX (the court
    summary, the minutes): the subclass's build() makes the self.pdf / self.docx choice."""

    def fmt(self) -> str:
        return "docx" if self.docx.isChecked() else "pdf"

    def default_suffix(self) -> str:
        return "." + self.fmt()

    def save_title(self) -> str:
        raise NotImplementedError

    def browse(self) -> None:
        filt = (self.tr("PDF documents (*.pdf)") if self.fmt() == "pdf" else self.tr("Word documents (*.docx)"))
        path, _f = QFileDialog.getSaveFileName(self, self.save_title(), self.path(), filt,
                                               options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            if not path.lower().endswith(self.default_suffix()):
                path += self.default_suffix()
            self.set_path(path)


class CourtSummaryDialog(PdfOrDocxDialog):
    """The court summary of the case: signed PDF or DOCX, pseudonymised or not."""

    def build(self) -> None:
        self.setObjectName("courtSummaryDialog")
        self.setWindowTitle(self.tr("Court summary of {case}").format(case=self.case_reference))
        self.ok_text = self.tr("&Write the summary")
        self.intro.setText(self.tr(
            "The summary of the case for a court: the case, the child, the interviews and the recordings "
            "with their chain of custody. It is written to the file you choose and entered in the document "
            "register with its SHA-256, so that anyone can later check that a copy is unaltered."))
        box, self.pdf, self.docx = self._choice(
            (self.tr("&PDF, signed by the centre (PDF/A): for the court"), "formatPdf"),
            (self.tr("&DOCX, editable and not signed: for drafting"), "formatDocx"))
        self.add_field("format", self.tr("Format:"), box, accessible=self.tr("Format"))
        self.pseudonymise = QCheckBox(self.tr("Pse&udonymise: no names, dates of birth or addresses"), self)
        self.pseudonymise.setObjectName("pseudonymise")
        self.add_field("pseudonymise", "", self.pseudonymise,
                       self.tr("The child is called Child A; other persons and staff are named by their role."),
                       accessible=self.tr("Pseudonymise"))
        self._add_path_field(self.tr("&Save as:"), "")
        self.pdf.toggled.connect(self._retarget_suffix)
        self.pseudonymise.toggled.connect(self._suggest)

    def default_stem(self) -> str:
        stem = self.tr("{case}-court-summary-{date}").format(case=self.case_reference, date=date.today().isoformat())
        return stem + (self.tr("-pseudonymised") if self.pseudonymise.isChecked() else "")

    def save_title(self) -> str:
        return self.tr("Save the court summary as")

    def job_texts(self) -> tuple[str, str]:
        return (self.tr("Writing the court summary"),
                self.tr("Writing and signing the court summary of {case}…").format(case=self.case_reference)
                if self.fmt() == "pdf" else
                self.tr("Writing the court summary of {case}…").format(case=self.case_reference))

    def work(self):
        s, cid, path, fmt, pseudo = (self.session, self.case_id, self.path(), self.fmt(),
                                     self.pseudonymise.isChecked())

        def run(progress, cancel):
            entry = s.write_case_summary(cid, path, fmt, pseudonymise=pseudo, progress=progress, cancel=cancel)
            return {"entry": entry, "identity": receipt_identity(s), "path": path, "kind": "summary", "encrypted": False}
        return run


class BundleDialog(IssueDialog):
    """A prosecutor bundle: a signed BagIt folder or zip, optionally encrypted for transport."""

    def build(self) -> None:
        self.setObjectName("bundleDialog")
        self.setWindowTitle(self.tr("Prosecutor bundle for {case}").format(case=self.case_reference))
        self.ok_text = self.tr("&Write the bundle")
        self.intro.setText(self.tr(
            "A bundle for the prosecutor: the court summary as PDF and DOCX, the interview index, the recordings "
            "manifest, the chain of custody, the case's audit extract and the centre's certificates. Every file "
            "is listed with its SHA-256 and the list is signed by the centre, so the recipient can check it "
            "without this program."))
        box, self.as_folder, self.as_zip = self._choice(
            (self.tr("A &folder"), "bundleFolder"), (self.tr("A &zip file"), "bundleZip"))
        self.add_field("as_zip", self.tr("Write as:"), box, accessible=self.tr("Write the bundle as"))

        self.encrypt = QCheckBox(self.tr("&Encrypt the zip for transport (AES-256)"), self)
        self.encrypt.setObjectName("encryptZip")
        self.add_field("encrypt", "", self.encrypt, self.tr(
            "Give the passphrase to the recipient by another channel; the bundle stays signed either way."),
            accessible=self.tr("Encrypt the zip for transport"))
        from barnahus_app.documents.bundle import MIN_PASSPHRASE  # (its zip and CMS libraries load when needed)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("bundlePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("passphrase", self.tr("Pass&phrase:"), self.passphrase,
                       self.tr("At least {n} characters. A few unrelated words are easy to read out and hard "
                               "to guess.").format(n=MIN_PASSPHRASE), accessible=self.tr("Passphrase"))
        self.again = QLineEdit(self)
        self.again.setObjectName("bundlePassphraseAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("passphrase again", self.tr("Passphrase a&gain:"), self.again,
                       accessible=self.tr("Passphrase again"))

        self.recordings = QCheckBox(self.tr("Include copies of the &recordings"), self)
        self.recordings.setObjectName("includeRecordings")
        can_recordings = self.session.can("recording", "read")
        self.add_field("include_recordings", "", self.recordings, self.tr(
            "Copies every recording of the case found where it is kept. Large files take a while and need as "
            "much free space where the bundle is written.") if can_recordings else self.tr(
            "Your role does not see recordings: the bundle lists none."),
            accessible=self.tr("Include copies of the recordings"))
        self.recordings.setEnabled(can_recordings)
        self.pseudonymise = QCheckBox(self.tr("Pse&udonymise: no names, dates of birth or addresses"), self)
        self.pseudonymise.setObjectName("pseudonymise")
        self.add_field("pseudonymise", "", self.pseudonymise,
                       self.tr("The child is called Child A; other persons and staff are named by their role."),
                       accessible=self.tr("Pseudonymise"))
        self._add_path_field(self.tr("&Save as:"), "")
        self.as_zip.toggled.connect(self._kind_changed)
        self.encrypt.toggled.connect(self.update_enabled)
        self.pseudonymise.toggled.connect(self._suggest)
        self.update_enabled()

    def _kind_changed(self) -> None:
        self.update_enabled()
        self._retarget_suffix()

    def update_enabled(self) -> None:
        zip_ = self.as_zip.isChecked()
        self.encrypt.setEnabled(zip_)
        on = zip_ and self.encrypt.isChecked()
        self.passphrase.setEnabled(on)
        self.again.setEnabled(on)
        if self.job is None or not self.job.running:
            self.recordings.setEnabled(self.session.can("recording", "read"))

    def default_stem(self) -> str:
        stem = self.tr("{case}-prosecutor-bundle-{date}").format(case=self.case_reference,
                                                                 date=date.today().isoformat())
        return stem + (self.tr("-pseudonymised") if self.pseudonymise.isChecked() else "")

    def default_suffix(self) -> str:
        return ".zip" if self.as_zip.isChecked() else ""

    def browse(self) -> None:
        if self.as_zip.isChecked():
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Save the bundle as"), self.path(),
                                                   self.tr("Zip files (*.zip)"),
                                                   options=QFileDialog.Option.DontConfirmOverwrite)
            if path:
                self.set_path(path if path.lower().endswith(".zip") else path + ".zip")
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder to put the bundle in"),
                                                  str(Path(self.path()).parent) if self.path() else "")
        if folder:
            name = Path(self.path()).name if self.path() else self.default_stem()
            self.set_path(str(_free_name(Path(folder), Path(name).stem if name.endswith(".zip") else name, "")))

    def encrypted(self) -> bool:
        return self.as_zip.isChecked() and self.encrypt.isChecked()

    def precheck(self) -> bool:
        if self.encrypted() and self.passphrase.text() != self.again.text():
            self.messages["passphrase again"].show_error(self.tr("The two passphrases are not the same. Type "
                                                                 "them again."))
            self.again.setFocus()
            return False
        return True

    def job_texts(self) -> tuple[str, str]:
        what = (self.tr("Writing and signing the bundle for {case}. Copying recordings takes a while.")
                if self.recordings.isChecked() else self.tr("Writing and signing the bundle for {case}…"))
        return self.tr("Writing the prosecutor bundle"), what.format(case=self.case_reference)

    def work(self):
        s, cid, path = self.session, self.case_id, self.path()
        kwargs = dict(pseudonymise=self.pseudonymise.isChecked(), as_zip=self.as_zip.isChecked(),
                      passphrase=self.passphrase.text() if self.encrypted() else None,
                      include_recordings=self.recordings.isChecked() and self.recordings.isEnabled())
        encrypted = self.encrypted()

        def run(progress, cancel):
            entry = s.export_bundle(cid, path, progress=progress, cancel=cancel, **kwargs)
            return {"entry": entry, "identity": receipt_identity(s), "path": path, "kind": "bundle", "encrypted": encrypted}
        return run


class DisclosureDialog(_FormDialog):
    """What went to whom, when, under what undertaking."""

    def __init__(self, session, entry: dict, parent=None):
        self.entry = entry
        self.disclosure_id: int | None = None
        super().__init__(session, parent)

    def build(self) -> None:
        self.setObjectName("disclosureDialog")
        self.setWindowTitle(self.tr("Record a disclosure"))
        self.ok_text = self.tr("&Record")
        w = _Words(self)
        self.intro.setText(self.tr("Who received document {document} ({type}, {format}, version {version}), when, "
                                   "and on what undertaking. The entry stays in the disclosure register.").format(
            document=self.entry["document_id"], type=w.doc_type(self.entry["doc_type"]),
            format=w.fmt(self.entry["format"]), version=self.entry["version"]))
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("disclosureRecipient")
        self.recipient.setMaxLength(200)
        self.add_field("recipient", self.tr("&To whom:"), self.recipient,
                       self.tr("Required: the person and their organisation, e.g. a prosecutor's name and office."),
                       accessible=self.tr("Recipient"))
        self.undertaking = QPlainTextEdit(self)
        self.undertaking.setObjectName("disclosureUndertaking")
        self.undertaking.setTabChangesFocus(True)
        self.undertaking.setFixedHeight(self.undertaking.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field("undertaking", self.tr("&Undertaking:"), self.undertaking,
                       self.tr("Required: what the recipient undertook, e.g. to use it only in these proceedings "
                               "and not to pass it on."), accessible=self.tr("Undertaking"))
        self.method = QLineEdit(self)
        self.method.setObjectName("disclosureMethod")
        self.method.setMaxLength(100)
        self.add_field("method", self.tr("&How:"), self.method,
                       self.tr("E.g. handed over in person, registered post, secure e-mail."),
                       accessible=self.tr("Method"))
        self.when = QDateTimeEdit(zone_qdatetime(), self)   # the centre's wall clock
        self.when.setObjectName("disclosureWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(date_format() + " HH:mm")
        self.when.setMinimumWidth(self.fontMetrics().height() * 12)
        self.when.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.add_field("disclosed_at", self.tr("&When:"), self.when, accessible=self.tr("Date and time of disclosure"))

    def operation(self):
        when = utc_from_qdatetime("disclosed_at", self.when.dateTime())
        s, document_id = self.session, self.entry["document_id"]
        values = dict(recipient=self.recipient.text(), undertaking=self.undertaking.toPlainText(),
                      method=self.method.text() or None, disclosed_at=when)
        return lambda: s.record_disclosure(document_id, **values)

    def succeeded(self, result) -> None:
        self.disclosure_id = result


class IssuedDialog(QDialog):
    """After an issue: what to give the recipient out of band, each value copyable."""

    def __init__(self, result: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("issuedDialog")
        self.setModal(True)
        entry, identity = result["entry"], result.get("identity") or {}
        bundle = result["kind"] == "bundle"
        minutes = result["kind"] == "minutes"   # a meeting's (ui/meetings): no case, no Documents page
        self.setWindowTitle(self.tr("Bundle written") if bundle else self.tr("Minutes written") if minutes
                            else self.tr("Psychosocial summary written") if result["kind"] == "psychosocial"
                            else self.tr("Court summary written"))
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 46)
        lay = QVBoxLayout(self)
        lay.setSpacing(em // 2)
        if entry.get("case_reference"):
            body = self.tr("Saved as {path}\nIt is in the document register of case {case} as version {version}.")
        else:
            body = self.tr("Saved as {path}\nIt is in the document register as version {version}.")
        body = body.format(path=result["path"], case=entry.get("case_reference") or "", version=entry.get("version"))
        if bundle and entry.get("parts"):
            body += "\n" + self.tr("Inside it, the court summary is registered as documents {pdf} (PDF) and "
                                   "{docx} (DOCX).").format(pdf=entry["parts"][0], docx=entry["parts"][-1])
        lay.addWidget(ResultBlock("issued", OK, self.tr("Written and registered"), body, parent=self))
        missing = entry.get("recordings_not_found") or []
        if missing:
            lay.addWidget(ResultBlock(
                "missing", WARNING, self.tr("Some recordings were not copied"),
                self.tr("Recording(s) {numbers} were not found where they are kept, so the bundle lists them in "
                        "its manifest without a copy. Check where they are before handing the bundle over.")
                .format(numbers=", ".join(map(str, missing))), parent=self))

        signed = bundle or entry.get("format") == "pdf"
        if bundle:
            sha_label = (self.tr("SHA-256 of the zip file:") if entry.get("format") == "zip"
                         else self.tr("SHA-256 of its signed list (tagmanifest-sha256.txt):"))
        else:
            sha_label = self.tr("SHA-256 of the file:")
        grid = QGridLayout()
        grid.setHorizontalSpacing(em // 2)
        grid.setVerticalSpacing(em // 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, em * 7)   # "Document ID:" on one line
        self.values: dict[str, str] = {}
        rows = [("document", self.tr("Document ID:"), entry["document_id"], self.tr("Copy &ID")),
                ("sha256", sha_label, entry["sha256"], self.tr("Copy &SHA-256"))]
        if signed and identity.get("ca_fingerprint"):
            rows.append(("ca", self.tr("Centre CA fingerprint (SHA-256):"),
                         colon_fingerprint(identity["ca_fingerprint"]), self.tr("Copy CA &fingerprint")))
        for r, (key, label, value, copy_text) in enumerate(rows):
            cap = QLabel(label, self)
            cap.setWordWrap(True)
            # A long fingerprint on two lines of 16 bytes each: easier to read out and compare.
            shown = value if key != "ca" else value[:47] + "\n" + value[48:]
            val = QLabel(shown, self)
            val.setObjectName(f"issued_{key}")
            val.setTextFormat(Qt.TextFormat.PlainText)
            val.setFont(mono_font())
            val.setFrameShape(QFrame.Shape.StyledPanel)
            val.setContentsMargins(em // 3, em // 6, em // 3, em // 6)
            # a hash is read out and compared whole: never cut off
            val.setMinimumWidth(val.fontMetrics().horizontalAdvance(max(shown.split("\n"), key=len)) + em)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                        | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            val.setAccessibleName(label.rstrip(":"))
            val.setAccessibleDescription(value)
            cap.setBuddy(val)
            button = QPushButton(copy_text, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, v=value, n=label.rstrip(":"): self._copy(v, n))
            grid.addWidget(cap, r, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(val, r, 1)
            grid.addWidget(button, r, 2, Qt.AlignmentFlag.AlignVCenter)
            self.values[key] = value
        lay.addLayout(grid)

        notes = []
        if signed:
            notes.append(self.tr("Give the recipient the document ID and the CA fingerprint by another channel than "
                                 "the file itself (a letter, a phone call). With them they can check that the file is "
                                 "the one the centre issued and that the signature is the centre's."))
        else:
            notes.append(self.tr("A DOCX file carries no signature. The register recognises it by its SHA-256 as long "
                                 "as nobody edits it."))
        if result.get("encrypted"):
            notes.append(self.tr("Give the passphrase to the recipient by another channel than the zip."))
        if not minutes:
            notes.append(self.tr("Each time you hand it to someone, record it on the Documents page (Record "
                                 "disclosure), with the undertaking they gave."))
        self.note = _plain("\n\n".join(notes), self)
        lay.addWidget(self.note)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        lay.addWidget(buttons)
        close.setFocus()
        # wide enough for the hashes, tall enough for the wrapped sentences at that width
        width = max(self.minimumWidth(), lay.minimumSize().width())
        self.resize(width, lay.totalHeightForWidth(width))

    def _copy(self, value: str, name: str) -> None:
        from ui.common.clipboard import copy_identifier
        copy_identifier(value)
        self.message.show_info(self.tr("{name} is on the clipboard.").format(name=name))


# --- the panel -------------------------------------------------------------------------------------
class DocumentsPanel(QWidget):
    """The Documents page of a saved case."""

    changed = Signal()   # a document was issued or a disclosure recorded

    COLUMNS = ("issued", "document", "type", "format", "version", "pseudonymised", "by", "sha256", "disclosures")
    D_COLUMNS = ("recipient", "when", "method", "undertaking")

    def __init__(self, session, case_id: int, case_reference: str, parent=None):
        super().__init__(parent)
        self.setObjectName("documentsPanel")
        self.session = session
        self.case_id = case_id
        self.case_reference = case_reference
        self.entries: list[dict] = []
        self.dialog: QDialog | None = None   # the dialog open now (tests and the lock find it here)
        s = session
        self.can_export = s.can("case", "export")
        self.can_bundle = self.can_export and s.can("audit", "export")
        self.can_read = s.can("case", "read")
        self.words = _Words(self)
        self._shown_once = False
        self._reads = 0   # reads of the register under way
        self._build()   # the register is read when the page is first shown (refresh())

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        fm = self.fontMetrics()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.setSpacing(em // 2)

        intro = _plain(self.tr(
            "Every court summary and bundle issued for this case, and the minutes of the team meetings that "
            "discussed it, newest first, and to whom each was given. "
            "The register keeps each one's SHA-256: Verify a file… tells whether a copy is the one issued, "
            "unaltered."), self)
        outer.addWidget(intro)

        bar = QHBoxLayout()
        bar.setSpacing(em // 2)
        self.summary_button = QPushButton(self.tr("Court su&mmary…"), self)
        self.summary_button.setObjectName("courtSummaryButton")
        self.summary_button.setToolTip(self.tr("Write the court summary as a signed PDF or as DOCX"))
        self.bundle_button = QPushButton(self.tr("Prosecutor &bundle…"), self)
        self.bundle_button.setObjectName("prosecutorBundleButton")
        self.bundle_button.setToolTip(self.tr("Write a signed bundle: summary, interview index, recordings manifest, "
                                              "custody log and audit extract"))
        self.disclose_button = QPushButton(self.tr("Record dis&closure…"), self)
        self.disclose_button.setObjectName("recordDisclosureButton")
        self.disclose_button.setToolTip(self.tr("Record that the selected document was given to someone"))
        self.verify_button = QPushButton(self.tr("&Verify a file…"), self)
        self.verify_button.setObjectName("verifyFileButton")
        self.verify_button.setToolTip(self.tr("Check whether a file or bundle is one this record issued, unaltered"))
        for b in (self.summary_button, self.bundle_button, self.disclose_button, self.verify_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        bar.addStretch(1)
        self.summary_button.setVisible(self.can_export)
        self.bundle_button.setVisible(self.can_bundle)
        self.disclose_button.setVisible(self.can_export)
        self.verify_button.setVisible(self.can_read)
        # (clicked passes "checked": these take a preset path as their argument)
        self.summary_button.clicked.connect(lambda: self.court_summary())
        self.bundle_button.clicked.connect(lambda: self.prosecutor_bundle())
        self.disclose_button.clicked.connect(self.record_disclosure)
        self.verify_button.clicked.connect(self.verify_file)
        outer.addLayout(bar)

        self.message = InlineMessage(self)
        self.message.setObjectName("documentsMessage")
        outer.addWidget(self.message)

        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.setChildrenCollapsible(False)
        outer.addWidget(self.split, 1)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(em // 4)
        self.list_head = bold(QLabel(self.tr("&Issued documents"), top))
        tl.addWidget(self.list_head)
        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Issued (%1)").replace("%1", centre_zone()), self.tr("Document ID"), self.tr("Type"), self.tr("Format"), self.tr("Version"),
            self.tr("Pseudonymised"), self.tr("By"), self.tr("SHA-256"), self.tr("Disclosures")])
        self.view = QTableView(top)
        self.view.setObjectName("documentsTable")
        self.view.setAccessibleName(self.tr("Issued documents"))
        self.view.setModel(self.model)
        setup_list_table(self.view, em + 12)
        hh = self.view.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        pad = 24
        widths = (fm.horizontalAdvance("0000-00-00 00:00") + pad, fm.horizontalAdvance("D-00000000-WWWWWWWW") + pad,
                  max(fm.horizontalAdvance(self.words.doc_type(c)) for c in
                      ("case_summary", "bundle", "minutes", "psychosocial_summary")) + pad,
                  max(fm.horizontalAdvance(self.words.fmt(c)) for c in ("pdf", "docx", "bag", "zip")) + pad,
                  fm.horizontalAdvance(self.tr("Version")) + pad, fm.horizontalAdvance(self.tr("Pseudonymised")) + pad,
                  em * 9, fm.horizontalAdvance("0" * SHORT_HASH + "…") + pad)
        for col, w in enumerate(widths):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            hh.resizeSection(col, w)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._selected(cur.row()))
        copy_sc = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.view)
        copy_sc.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy_sc.activated.connect(self.copy_sha)
        self.list_head.setBuddy(self.view)
        tl.addWidget(self.view, 1)
        self.empty = _plain("", top)
        self.empty.setObjectName("documentsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        tl.addWidget(self.empty)
        self.split.addWidget(top)

        self.details = QWidget()
        dl = QHBoxLayout(self.details)
        dl.setContentsMargins(0, em // 2, 0, 0)
        dl.setSpacing(em * 2)
        left = QWidget(self.details)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(em // 4)
        self.detail_head = bold(_plain("", left), 1.1)
        self.detail_head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_head.setObjectName("documentDetailHead")
        ll.addWidget(self.detail_head)
        facts = QGridLayout()
        facts.setHorizontalSpacing(em)
        facts.setVerticalSpacing(em // 4)
        facts.setColumnStretch(1, 1)
        self.fact_labels: dict[str, QWidget] = {}
        for r, (key, caption) in enumerate((
                ("type", self.tr("Type:")), ("file", self.tr("File name when issued:")), ("size", self.tr("Size:")),
                ("issued", self.tr("Issued:")), ("pseudonymised", self.tr("Pseudonymised:")),
                ("sha256", self.tr("SHA-256:")), ("audit", self.tr("Audit trail at issue:")))):
            if key == "sha256":
                # the whole hash, copyable exactly; it scrolls where the pane is narrow
                value = QLineEdit(left)
                value.setReadOnly(True)
                value.setFrame(False)
                value.setFont(mono_font())
                value.setMinimumWidth(value.fontMetrics().horizontalAdvance("0" * 66))
                pal = value.palette()
                pal.setColor(QPalette.ColorRole.Base, pal.color(QPalette.ColorRole.Window))
                value.setPalette(pal)
            else:
                value = QLabel(left)
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"documentFact_{key}")
            value.setAccessibleName(caption.rstrip(":"))
            cap = QLabel(caption, left)
            cap.setBuddy(value)
            facts.addWidget(cap, r, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            facts.addWidget(value, r, 1)
            self.fact_labels[key] = value
        ll.addLayout(facts)
        crow = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Cop&y SHA-256"), left)
        self.copy_button.setObjectName("copyDocumentShaButton")
        self.copy_button.setAutoDefault(False)
        self.copy_button.setToolTip(self.tr("Copy the full SHA-256 of the selected document (Ctrl+C in the table)"))
        self.copy_button.clicked.connect(self.copy_sha)
        crow.addWidget(self.copy_button)
        crow.addStretch(1)
        ll.addLayout(crow)
        ll.addStretch(1)
        dl.addWidget(left, 1)

        right = QWidget(self.details)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(em // 4)
        self.d_head = bold(QLabel(self.tr("Disclosur&es of the selected document"), right))
        rl.addWidget(self.d_head)
        self.d_model = QStandardItemModel(0, len(self.D_COLUMNS), self)
        self.d_model.setHorizontalHeaderLabels([self.tr("To whom"), self.tr("When"), self.tr("How"),
                                                self.tr("Undertaking")])
        self.d_view = QTableView(right)
        self.d_view.setObjectName("disclosuresTable")
        self.d_view.setAccessibleName(self.tr("Disclosures of the selected document"))
        self.d_view.setModel(self.d_model)
        setup_list_table(self.d_view, em + 12)
        dh = self.d_view.horizontalHeader()
        dh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        dh.setHighlightSections(False)
        dh.setStretchLastSection(True)
        for col, w in enumerate((em * 12, fm.horizontalAdvance("0000-00-00 00:00") + pad, em * 9)):
            dh.resizeSection(col, w)
        self.d_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._disclosure_selected(cur.row()))
        self.d_head.setBuddy(self.d_view)
        rl.addWidget(self.d_view, 1)
        self.d_empty = _plain("", right)
        self.d_empty.setObjectName("disclosuresEmpty")
        self.d_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.d_empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        rl.addWidget(self.d_empty)
        self.undertaking_label = _plain("", right)
        self.undertaking_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undertaking_label.setObjectName("disclosureUndertakingText")
        rl.addWidget(self.undertaking_label)
        dl.addWidget(right, 1)
        self.split.addWidget(self.details)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([em * 18, em * 14])
        self._show_table(False)
        self.empty.setText(self.tr("Loading…"))
        self._selected(-1)

    # reading -------------------------------------------------------------------------------------
    def refresh(self, select_document: str | None = None) -> None:
        """Read the register of the case again (through the core, off the GUI thread)."""
        keep = select_document or (self.selected() or {}).get("document_id")
        s, case_id = self.session, self.case_id
        self._reads += 1
        run_operation(self, lambda: s.document_register(case_id), lambda entries: self._show_register(entries, keep),
                      errors=self.message, on_finished=self._loaded)

    def _loaded(self) -> None:
        self._reads -= 1

    @property
    def loading(self) -> bool:
        """True while a read started by refresh() has not come back."""
        return self._reads > 0

    def _show_register(self, entries: list[dict], keep: str | None) -> None:
        self.entries = entries
        sel = self.view.selectionModel()
        sel.blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        for e in self.entries:
            self.model.appendRow(self._items(e))
        sel.blockSignals(False)
        has = bool(self.entries)
        self._show_table(has)
        if not has:
            self.empty.setText(self.tr("No document has been issued for this case yet.")
                               + (" " + self.tr("Court summary… writes the first one.") if self.can_export else ""))
        row = next((i for i, e in enumerate(self.entries) if e["document_id"] == keep), 0)
        if has:
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.selectRow(row)
        self._selected(row if has else -1)

    def _show_table(self, table: bool) -> None:
        self.view.setVisible(table)
        self.empty.setVisible(not table)
        self.details.setVisible(table)

    def _items(self, e: dict) -> list[QStandardItem]:
        w = self.words
        n = len(e.get("disclosures") or [])
        values = (local_datetime_text(e["issued_at"]), e["document_id"], w.doc_type(e["doc_type"]),
                  w.fmt(e["format"]), QLocale().toString(int(e["version"])), w.yes_no(e["pseudonymised"]),
                  e.get("issued_by_name") or "", e["sha256"][:SHORT_HASH] + "…", QLocale().toString(n))
        items = []
        for key, v in zip(self.COLUMNS, values):
            it = QStandardItem(v)
            it.setEditable(False)
            it.setData(e["document_id"], DOC_ROLE)
            if key == "sha256":
                it.setToolTip(e["sha256"])
                it.setData(self.tr("SHA-256 {sha}").format(sha=e["sha256"]), Qt.ItemDataRole.AccessibleTextRole)
            elif key == "document":
                it.setToolTip(e.get("file_name") or "")
            elif key == "disclosures":
                it.setToolTip(plural(self.tr("Given to %n recipient(s), as recorded here", "", n), n))
            items.append(it)
        return items

    def selected(self) -> dict | None:
        idx = self.view.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.entries):
            return None
        return self.entries[idx.row()]

    def select_document(self, document_id: str) -> bool:
        for i, e in enumerate(self.entries):
            if e["document_id"] == document_id:
                self.view.setCurrentIndex(self.model.index(i, 0))
                self.view.selectRow(i)
                return True
        return False

    def _selected(self, row: int) -> None:
        e = self.entries[row] if 0 <= row < len(self.entries) else None
        self.disclose_button.setEnabled(e is not None)
        self.copy_button.setEnabled(e is not None)
        if e is None:
            self.detail_head.setText("")
            for lab in self.fact_labels.values():
                lab.setText("")
            self.d_model.removeRows(0, self.d_model.rowCount())
            self.undertaking_label.setText("")
            return
        w = self.words
        self.detail_head.setText(self.tr("Document {document}").format(document=e["document_id"]))
        f = self.fact_labels
        f["type"].setText(self.tr("{type} ({format}), version {version}").format(
            type=w.doc_type(e["doc_type"]), format=w.fmt(e["format"]), version=e["version"]))
        f["file"].setText(e.get("file_name") or "")
        f["size"].setText(_size_text(e.get("size_bytes")))
        f["issued"].setText(self.tr("{when} by {user}").format(when=local_datetime_text(e["issued_at"], named=True),
                                                               user=e.get("issued_by_name") or ""))
        f["pseudonymised"].setText(w.yes_no(e["pseudonymised"]))
        f["sha256"].setText(e["sha256"])
        f["sha256"].setCursorPosition(0)
        f["audit"].setText(self.tr("entry {n}").format(n=e.get("audit_head_id")) if e.get("audit_head_id") else "")
        f["audit"].setToolTip(e.get("audit_head_hash") or "")
        self._show_disclosures(e.get("disclosures") or [])

    def _show_disclosures(self, disclosures: list[dict]) -> None:
        self.d_model.removeRows(0, self.d_model.rowCount())
        for d in disclosures:
            undertaking = d.get("undertaking") or ""
            first = undertaking.splitlines()[0] if undertaking else ""
            values = (d.get("recipient") or "", local_datetime_text(d.get("disclosed_at")), d.get("method") or "",
                      first + ("…" if first != undertaking.strip() else ""))
            row = []
            for v in values:
                it = QStandardItem(v)
                it.setEditable(False)
                row.append(it)
            row[3].setToolTip(undertaking)
            row[3].setData(undertaking, Qt.ItemDataRole.AccessibleTextRole)
            self.d_model.appendRow(row)
        has = bool(disclosures)
        self.d_view.setVisible(has)
        self.d_empty.setVisible(not has)
        self.d_empty.setText(self.tr("Not given to anyone yet, as far as recorded here."))
        if has:
            self.d_view.setCurrentIndex(self.d_model.index(len(disclosures) - 1, 0))
            self.d_view.selectRow(len(disclosures) - 1)
            self._disclosure_selected(len(disclosures) - 1)
        else:
            self.undertaking_label.setText("")

    def _disclosure_selected(self, row: int) -> None:
        e = self.selected()
        ds = (e or {}).get("disclosures") or []
        if not 0 <= row < len(ds):
            self.undertaking_label.setText("")
            return
        d = ds[row]
        self.undertaking_label.setText(self.tr("Undertaking of {recipient}: {text}").format(
            recipient=d.get("recipient") or "", text=d.get("undertaking") or ""))

    def copy_sha(self) -> None:
        e = self.selected()
        if e is None:
            return
        from ui.common.clipboard import copy_identifier
        copy_identifier(e["sha256"])
        self.message.show_info(self.tr("The SHA-256 of {document} is on the clipboard.").format(
            document=e["document_id"]))

    # actions -------------------------------------------------------------------------------------
    def court_summary(self, path=None) -> QDialog:
        self.message.clear()
        dlg = CourtSummaryDialog(self.session, self.case_id, self.case_reference, self, path=path)
        return open_dialog(self, dlg, self._issued)

    def prosecutor_bundle(self, path=None) -> QDialog:
        self.message.clear()
        dlg = BundleDialog(self.session, self.case_id, self.case_reference, self, path=path)
        return open_dialog(self, dlg, self._issued)

    def _issued(self, dlg: IssueDialog) -> None:
        result = dlg.issue_result
        entry = result["entry"]
        self.refresh(entry["document_id"])
        self.changed.emit()
        self.message.show_info(self.tr("{type} {document} was written and registered.").format(
            type=self.words.doc_type(entry["doc_type"]), document=entry["document_id"]))
        # After the issue dialog has closed: what to give the recipient out of band.
        QTimer.singleShot(0, lambda: open_dialog(self, IssuedDialog(result, self), lambda d: None))

    def record_disclosure(self) -> QDialog | None:
        e = self.selected()
        if e is None:
            return None
        self.message.clear()
        doc = e["document_id"]

        def done(dlg):
            self.refresh(doc)
            self.changed.emit()
            self.message.show_info(self.tr("The disclosure of {document} was recorded.").format(document=doc))
        return open_dialog(self, DisclosureDialog(self.session, e, self), done)

    def verify_file(self) -> QDialog:
        return open_dialog(self, VerifyDialog(self.session, self), lambda d: None)

    def showEvent(self, event):  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()
