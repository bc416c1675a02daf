"""Verify a file: is this the document the centre issued, unaltered? Is this bundle complete and
signed by the centre?

A file or folder is dropped on the dialog (or chosen). For a document the record answers from its
register (session.verify_document: the file's SHA-256 against the SHA-256 of every issued
document). For a bundle folder or .zip the bundle itself is checked as well
(barnahus_app.documents.bundle.verify_bundle: every hash and the centre's signature; it needs no record), and
each problem names the file. With no record open (session None), only bundles can be checked.

The first answer says whose signature it is, in plain words: signed by a centre whose CA
fingerprint the user trusts (typed from the centre's letter, or a trust file; remembered on this
computer, as a fingerprint is no case content), NOT signed by a centre they trust, or, with no
fingerprint given, that the signer is not verified. Names inside a bundle prove nothing: a
look-alike CA carries the same ones.

Hashing a large file takes time: the checks run on a worker (ui/common/tasks.py) that only calls the core,
with progress in the dialog. The answer is always in words with an icon, never colour alone.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from barnahus_app.errors import BarnahusError, Cancelled, ValidationError
from barnahus_app.documents import trust
from barnahus_app.documents.pki import colon_fingerprint

from ui.common import prefs
from ui.common.feedback import InlineMessage, allow_lock, bold, core_message, plural
from ui.common.dates import local_datetime_text
from ui.common.field_widgets import is_dark
from ui.common.icons import begin_icon, icon
from ui.common.tasks import ProgressJob
from ui.documents.words import DocumentWords

OK, WARNING, INFO = "ok", "warning", "info"

# The trust verdict's fixed words (barnahus_app/documents/trust.py: the WHY_ reasons and
# UNNAMED_CENTRE), listed here so that lupdate offers them to translators; shown translated in
# the "CoreMessages" context, as feedback.core_message shows the core's errors.
TRUST_CORE_MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "the signature does not check out or files were changed (see the "
                                      "problems listed)"),
    QT_TRANSLATE_NOOP("CoreMessages", "its CA certificate does not match any fingerprint you trust"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file carries no signature of a centre"),
    QT_TRANSLATE_NOOP("CoreMessages", "this file carries no signature (a DOCX is not signed; only the register "
                                      "of the record that issued it vouches for it)"),
    QT_TRANSLATE_NOOP("CoreMessages", "the centre"),
)


def mono_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


# --- the state icons -------------------------------------------------------------------------------
_STATE_COLOURS = {
    # (background, border, icon) for light and for dark windows; text keeps the palette's colour
    OK: (("#e8f3ea", "#2e7d32", "#2e7d32"), ("#1d3322", "#66bb6a", "#4caf50")),
    WARNING: (("#fdeceb", "#a4000f", "#b3261e"), ("#3d1c1a", "#ff8a80", "#e57373")),
    INFO: ((None, None, "#1565c0"), (None, None, "#64b5f6")),
}


def state_colours(state: str, palette: QPalette) -> tuple[QColor | None, QColor | None, QColor]:
    bg, border, ico = _STATE_COLOURS[state][1 if is_dark(palette) else 0]
    return (QColor(bg) if bg else None, QColor(border) if border else None, QColor(ico))


def state_pixmap(state: str, size: int, ratio: float, colour: QColor) -> QPixmap:
    """A filled circle with a tick (ok), a triangle with '!' (warning) or a circle with 'i'."""
    pm, p = begin_icon(size, ratio)
    p.setBrush(colour)
    s = float(size)
    white = QPen(QColor("white"))
    white.setWidthF(max(1.5, s * 0.11))
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    white.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if state == WARNING:
        tri = QPainterPath()
        tri.moveTo(s / 2, s * 0.04)
        tri.lineTo(s * 0.98, s * 0.92)
        tri.lineTo(s * 0.02, s * 0.92)
        tri.closeSubpath()
        p.drawPath(tri)
        p.setPen(white)
        p.drawLine(QPointF(s / 2, s * 0.36), QPointF(s / 2, s * 0.62))
        p.drawPoint(QPointF(s / 2, s * 0.77))
    else:
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        p.setPen(white)
        if state == OK:
            path = QPainterPath()
            path.moveTo(s * 0.28, s * 0.52)
            path.lineTo(s * 0.44, s * 0.68)
            path.lineTo(s * 0.73, s * 0.36)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        else:
            p.drawLine(QPointF(s / 2, s * 0.45), QPointF(s / 2, s * 0.72))
            p.drawPoint(QPointF(s / 2, s * 0.29))
    p.end()
    return pm


class ResultBlock(QFrame):
    """One answer: an icon, a bold headline and plain sentences, on a calm tinted panel.
    The state is said in the headline's words; colour and icon only repeat it."""

    def __init__(self, kind: str, state: str, headline: str, body: str, extra: str = "", parent=None):
        super().__init__(parent)
        self.kind, self.state = kind, state
        self.setObjectName(f"verifyResult_{kind}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        em = self.fontMetrics().height()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(em * 2 // 3, em // 2, em * 2 // 3, em // 2)
        lay.setSpacing(em * 2 // 3)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._icon_size = int(em * 1.7)
        self.icon.setFixedSize(self._icon_size, self._icon_size)
        lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.setSpacing(em // 4)
        self.headline = QLabel(headline, self)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        bold(self.headline, 1.1)
        col.addWidget(self.headline)
        self.body = QLabel(body, self)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        col.addWidget(self.body)
        self.extra = QLabel(extra, self)   # a fingerprint or a hash: monospace, selectable
        self.extra.setTextFormat(Qt.TextFormat.PlainText)
        self.extra.setWordWrap(True)
        self.extra.setFont(mono_font())
        self.extra.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.extra.setVisible(bool(extra))
        col.addWidget(self.extra)
        col.addStretch(1)
        lay.addLayout(col, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)   # never shorter than its text
        self.setAccessibleName(headline)
        self.setAccessibleDescription(" ".join(t for t in (body, extra) if t))
        # The body takes the focus after a check: a screen reader reads the headline, then the words.
        self.body.setAccessibleName(headline)
        self.body.setAccessibleDescription(" ".join(t for t in (body, extra) if t))
        self._apply_colours()

    def text(self) -> str:
        return "\n".join(t for t in (self.headline.text(), self.body.text(), self.extra.text()) if t)

    def _apply_colours(self) -> None:
        bg, border, ico = state_colours(self.state, self.palette())
        if bg is not None:
            self.setAutoFillBackground(True)
            pal = self.palette()
            pal.setColor(QPalette.ColorRole.Window, bg)
            self.setPalette(pal)
        else:
            self.setAutoFillBackground(True)
            self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._border = border
        self._ico = ico
        self.icon.setPixmap(state_pixmap(self.state, self._icon_size, self.devicePixelRatioF(), ico))

    def showEvent(self, event):  # noqa: N802 (Qt name): sharp at any scaling
        self.icon.setPixmap(state_pixmap(self.state, self._icon_size, self.devicePixelRatioF(), self._ico))
        super().showEvent(event)

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        super().paintEvent(event)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self._border or self.palette().color(QPalette.ColorRole.Mid)
        # A strong bar on the left edge, and a thin frame: readable in greyscale too.
        p.fillRect(QRectF(0, 0, 5, self.height()), colour)
        pen = QPen(colour)
        pen.setWidth(1)
        p.setPen(pen)
        p.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        p.end()


# --- the drop zone ---------------------------------------------------------------------------------
class DropZone(QFrame):
    """A large target for a file or folder dragged from the file manager, with buttons that do
    the same by keyboard."""

    dropped = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("verifyDropZone")
        self.setAcceptDrops(True)
        self._hover = False
        em = self.fontMetrics().height()
        self.setMinimumHeight(em * 8)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(em, em, em, em)
        lay.setSpacing(em // 2)
        lay.addStretch(1)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        bold(self.title, 1.2)
        lay.addWidget(self.title)
        self.subtitle = QLabel(self)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        lay.addWidget(self.subtitle)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(em // 2)
        self.buttons.addStretch(1)
        lay.addLayout(self.buttons)
        lay.addStretch(1)

    def add_button(self, button: QPushButton) -> None:
        self.buttons.insertWidget(self.buttons.count(), button)

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    @staticmethod
    def _local_path(mime) -> str | None:
        if mime is None or not mime.hasUrls():
            return None
        urls = [u for u in mime.urls() if u.isLocalFile()]
        return urls[0].toLocalFile() if len(urls) == 1 and len(mime.urls()) == 1 else None

    def dragEnterEvent(self, event):  # noqa: N802 (Qt name)
        if self._local_path(event.mimeData()):
            event.acceptProposedAction()
            self._hover = True
            self.update()
        else:
            event.ignore()

    def dragMoveEvent(self, event):  # noqa: N802 (Qt name)
        if self._local_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event):  # noqa: N802 (Qt name)
        self._hover = False
        self.update()
        super().dragLeaveEvent(event)

    def dropEvent(self, event):  # noqa: N802 (Qt name)
        self._hover = False
        self.update()
        path = self._local_path(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(path)

    def paintEvent(self, event):  # noqa: N802 (Qt name)
        super().paintEvent(event)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        if self._hover:
            p.setBrush(pal.color(QPalette.ColorRole.Highlight).lighter(190) if not is_dark(pal)
                       else pal.color(QPalette.ColorRole.Highlight).darker(250))
        else:
            p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        pen = QPen(pal.color(QPalette.ColorRole.Highlight) if self._hover else pal.color(QPalette.ColorRole.Mid))
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRoundedRect(QRectF(1, 1, self.width() - 2, self.height() - 2), 8, 8)
        p.end()


# --- the dialog ------------------------------------------------------------------------------------
class VerifyDialog(QDialog):
    """Check a document or a bundle. session None (no record open): bundles only."""

    checked = Signal()   # a check finished (whatever its answer)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verify a document or bundle"))
        self.setModal(True)
        self.setAcceptDrops(True)   # a drop anywhere on the dialog counts
        self.can_record = session is not None and session.can("case", "read")
        self.path: Path | None = None
        self.blocks: list[ResultBlock] = []
        self._record_result = None
        self._bundle = False
        self._anchored = False   # the last check had a trust anchor
        self.job: ProgressJob | None = None
        self._close_when_stopped = False
        self._phase = {"now": ""}   # "bundle" or "record": which check the worker is at
        em = self.fontMetrics().height()
        self.setMinimumSize(em * 42, em * 34)
        lay = QVBoxLayout(self)
        lay.setSpacing(em // 2)

        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        if self.can_record:
            intro.setText(self.tr(
                "Check a document that this record issued (a PDF or DOCX court summary), or a prosecutor "
                "bundle (its folder or its .zip). The check only reads the file; it changes nothing."))
        else:
            intro.setText(self.tr(
                "Check a prosecutor bundle (its folder or its .zip): that every file in it is unaltered and "
                "that it carries the centre's signature. This needs no record. To check a single document "
                "against the register of issued documents, unlock the record first."))
        lay.addWidget(intro)

        trow = QHBoxLayout()
        trust_label = QLabel(self.tr("&Trusted centre:"), self)
        self.trust_edit = QLineEdit(self)
        self.trust_edit.setObjectName("verifyTrust")
        self.trust_edit.setPlaceholderText(self.tr("the CA fingerprint from the centre's letter, or a trust file"))
        self.trust_edit.setAccessibleName(self.tr("Trusted centre: CA fingerprint or trust file"))
        self.trust_edit.setToolTip(self.tr(
            "The fingerprint (SHA-256) of the centre's CA certificate, as the centre gave it to you by letter "
            "or phone, or a trust file with one line per centre: the fingerprint, then the centre's name. "
            "Remembered on this computer."))
        self.trust_edit.setFont(mono_font())
        self.trust_edit.setText(prefs.trust_anchor())
        trust_label.setBuddy(self.trust_edit)
        self.trust_button = QPushButton(self.tr("Trust fi&le…"), self)
        self.trust_button.setObjectName("verifyTrustFile")
        self.trust_button.setAutoDefault(False)
        self.trust_button.clicked.connect(self.choose_trust_file)
        trow.addWidget(trust_label)
        trow.addWidget(self.trust_edit, 1)
        trow.addWidget(self.trust_button)
        lay.addLayout(trow)
        self.trust_message = InlineMessage(self)
        lay.addWidget(self.trust_message)

        self.zone = DropZone(self)
        self.zone.title.setText(self.tr("Drop a document or a bundle here") if self.can_record
                                else self.tr("Drop a bundle folder or .zip here"))
        self.zone.subtitle.setText(self.tr("or choose it:"))
        self.file_button = QPushButton(icon("open"), self.tr("Choose a &file…"), self.zone)
        self.file_button.setObjectName("verifyChooseFile")
        self.file_button.setToolTip(self.tr("A document, or a bundle's .zip"))
        self.folder_button = QPushButton(icon("folder"), self.tr("Choose a f&older…"), self.zone)
        self.folder_button.setObjectName("verifyChooseFolder")
        self.folder_button.setToolTip(self.tr("A bundle's folder (the one holding bagit.txt)"))
        for b in (self.file_button, self.folder_button):
            b.setAutoDefault(False)
            self.zone.add_button(b)
        self.zone.finish_buttons()
        self.zone.setAccessibleName(self.tr("Drop zone for the file to check"))
        self.zone.dropped.connect(self.check_path)
        self.file_button.clicked.connect(self.choose_file)
        self.folder_button.clicked.connect(self.choose_folder)
        lay.addWidget(self.zone)

        self.what = QLabel(self)
        self.what.setObjectName("verifyWhat")
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.what.setWordWrap(True)
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.what.hide()
        lay.addWidget(self.what)

        prow = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("verifyProgress")
        self.progress.setAccessibleName(self.tr("Progress of the check"))
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setObjectName("verifyStop")
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.stop)
        prow.addWidget(self.progress, 1)
        prow.addWidget(self.stop_button)
        self.progress_row = QWidget(self)
        self.progress_row.setLayout(prow)
        prow.setContentsMargins(0, 0, 0, 0)
        self.progress_row.hide()
        lay.addWidget(self.progress_row)

        self.pass_row = QWidget(self)
        pl = QHBoxLayout(self.pass_row)
        pl.setContentsMargins(0, 0, 0, 0)
        pass_label = QLabel(self.tr("&Passphrase of the zip:"), self.pass_row)
        self.passphrase = QLineEdit(self.pass_row)
        self.passphrase.setObjectName("verifyPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the zip"))
        pass_label.setBuddy(self.passphrase)
        self.again_button = QPushButton(self.tr("Check &again"), self.pass_row)
        self.again_button.setObjectName("verifyAgain")
        self.again_button.setAutoDefault(True)
        self.again_button.clicked.connect(self.check_bundle_again)
        self.passphrase.returnPressed.connect(self.check_bundle_again)
        pl.addWidget(pass_label)
        pl.addWidget(self.passphrase, 1)
        pl.addWidget(self.again_button)
        self.pass_row.hide()
        lay.addWidget(self.pass_row)
        self.pass_message = InlineMessage(self)
        lay.addWidget(self.pass_message)

        self.results = QWidget()
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_layout.setSpacing(em // 2)
        self.results_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.results)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay.addWidget(self.scroll, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        allow_lock(self, parent)
        self.file_button.setFocus()

    # --- choosing ------------------------------------------------------------------------------
    def choose_file(self) -> None:
        filt = (self.tr("Documents and bundles (*.pdf *.docx *.zip);;All files (*)") if self.can_record
                else self.tr("Bundles (*.zip);;All files (*)"))
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the file to check"), "", filt)
        if path:
            self.check_path(path)

    def choose_trust_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the trust file"), "",
                                               self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self.trust_edit.setText(path)

    def _anchors(self):
        """The trust anchors typed or chosen (remembered on this computer), or None after showing
        why they cannot be used."""
        self.trust_message.clear()
        text = self.trust_edit.text().strip()
        try:
            anchors = trust.anchors_from_text(text)
        except ValidationError as e:
            self.trust_message.show_error(core_message(e))
            return None
        prefs.set_trust_anchor(text)
        return anchors

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose the bundle's folder"))
        if path:
            self.check_path(path)

    def dragEnterEvent(self, event):  # noqa: N802 (Qt name)
        self.zone.dragEnterEvent(event)

    def dragMoveEvent(self, event):  # noqa: N802 (Qt name)
        self.zone.dragMoveEvent(event)

    def dragLeaveEvent(self, event):  # noqa: N802 (Qt name)
        self.zone.dragLeaveEvent(event)

    def dropEvent(self, event):  # noqa: N802 (Qt name)
        self.zone.dropEvent(event)

    # --- checking ------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.job is not None and self.job.running

    def check_path(self, path) -> None:
        """What a drop or a choice does: check this file or folder."""
        if self.is_running():
            return
        self.path = Path(path)
        self._record_result = None
        self._clear_results()
        self.pass_row.hide()
        self.pass_message.clear()
        self.passphrase.clear()
        p = self.path
        self._bundle = p.is_dir() or p.suffix.lower() == ".zip"
        self.what.setText(self.tr("Checked: {path}").format(path=str(p)))
        self.what.show()
        if not p.exists():
            self._add_block("file", WARNING, self.tr("Not found"),
                            self.tr("There is no file or folder at this place any more."))
            self.checked.emit()
            return
        record = self.can_record
        if not self._bundle and not record:
            self._add_block("record", INFO, self.tr("Only bundles can be checked without the record"),
                            self.tr("A single document is checked against the register of the record that "
                                    "issued it. Unlock the record, open the case and use Verify a file… "
                                    "on its Documents page."))
            self.checked.emit()
            return
        self._start(bundle=self._bundle, record=record, passphrase=None)

    def check_bundle_again(self) -> None:
        """With the passphrase typed in: check the encrypted bundle (the register answer stays)."""
        if self.is_running() or self.path is None:
            return
        for b in [b for b in self.blocks if b.kind in ("bundle", "trust")]:
            self._remove_block(b)
        self.pass_message.clear()
        self._start(bundle=True, record=False, passphrase=self.passphrase.text())

    def _start(self, *, bundle: bool, record: bool, passphrase: str | None) -> None:
        path, session = self.path, self.session
        anchors = self._anchors()
        if anchors is None:
            return
        self._anchored = bool(anchors)
        phase = self._phase
        phase["now"] = "bundle" if bundle else "record"

        def work(progress, cancel):   # on the worker: no widget here
            from barnahus_app.documents.bundle import verify_bundle  # (its zip and CMS libraries load when needed)
            out = {}
            if bundle:
                try:
                    out["bundle"] = verify_bundle(path, passphrase, progress, cancel)
                    out["trust"] = trust.judge_bundle(out["bundle"], anchors)
                except Cancelled:
                    raise
                except (BarnahusError, OSError) as e:
                    out["bundle"] = e
            elif record:
                try:
                    out["trust"] = trust.judge_file(path, anchors)
                except (BarnahusError, OSError) as e:
                    out["trust"] = e
            if record:
                phase["now"] = "record"
                try:
                    out["record"] = session.verify_document(path)
                except (BarnahusError, OSError) as e:
                    out["record"] = e
            return out

        if self.job is not None:
            self.job.deleteLater()   # the last check's, finished
        self.job = ProgressJob(self, work)   # no dialog of its own: the bar and Stop are in this one
        self.job.ticked.connect(self._tick)
        self.job.cancelRequested.connect(self._stopping)
        self.job.finished.connect(self._ended)
        self._set_running(True)
        self.job.start()

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _stopping(self) -> None:
        self.stop_button.setEnabled(False)
        self.what.setText(self.tr("Stopping…"))

    def _set_running(self, running: bool) -> None:
        self.progress_row.setVisible(running)
        self.stop_button.setEnabled(running)
        for w in (self.file_button, self.folder_button, self.again_button, self.passphrase, self.trust_edit,
                  self.trust_button):
            w.setEnabled(not running)
        self.zone.setAcceptDrops(not running)
        self.setAcceptDrops(not running)
        if running:
            self.progress.setRange(0, 1000)
            self.progress.setValue(0)
            self._tick()

    def _tick(self, done: int = 0, total: int = 0) -> None:
        name = self.path.name if self.path else ""
        if self._phase["now"] == "record":
            # verify_document reports no progress: an indeterminate bar, and it cannot be stopped
            self.progress.setRange(0, 0)
            self.stop_button.setEnabled(False)
            self.what.setText(self.tr("Looking {name} up in the register of issued documents…").format(name=name))
            return
        self.progress.setRange(0, 1000)
        if total:
            self.progress.setValue(self.job.value())
        self.what.setText(self.tr("Checking every file of {name} against its SHA-256 and the signature…")
                          .format(name=name))

    def _ended(self, out: dict | None, error: BaseException | None) -> None:
        self._set_running(False)
        if self._close_when_stopped:
            self._close_when_stopped = False
            super().reject()
            return
        if error is None:
            self.what.setText(self.tr("Checked: {path}").format(path=str(self.path)))
            if "trust" in out:
                self._show_trust(out["trust"])
            if "record" in out:
                self._record_result = out["record"]
                self._show_record(out["record"], out.get("bundle"))
            if "bundle" in out:
                self._show_bundle(out["bundle"])
        elif isinstance(error, Cancelled):
            self.what.setText(self.tr("Checked: {path}").format(path=str(self.path)))
            self._add_block("bundle", INFO, self.tr("Stopped"),
                            self.tr("The check was stopped before it was finished; it says nothing about "
                                    "this bundle. Drop it again to check it."))
        else:
            self._add_block("file", WARNING, self.tr("The check could not be done"), core_message(error))
        self._focus_answer()
        self.checked.emit()

    def reject(self) -> None:
        if self.is_running() and self._phase["now"] == "bundle":
            self.stop()   # the worker stops between two reads; the dialog closes when it reports
            self._close_when_stopped = True
            return
        super().reject()   # a register look-up cannot be stopped: its answer is simply not shown

    def _focus_answer(self) -> None:
        """Move the keyboard focus to the first answer (unless the passphrase is asked for)."""
        if self.blocks and not self.pass_row.isVisible() and self.isActiveWindow():
            self.blocks[0].body.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- answers -------------------------------------------------------------------------------
    def _type_text(self, entry: dict) -> str:
        w = DocumentWords(self)
        return self.tr("{kind}, {format}").format(kind=w.doc_type(entry.get("doc_type")),
                                                  format=w.fmt(entry.get("format")))

    def _subject_text(self, entry: dict) -> str:
        """What a register entry was issued for: its case, or (minutes) its meeting, as the
        minutes' page header names it."""
        if entry.get("case_id") is None and entry.get("meeting_id") is not None:
            return self.tr("MDT meeting {meeting}, {date}").format(
                meeting=entry["meeting_id"], date=local_datetime_text(
                    entry.get("meeting_starts_at_utc"), entry.get("meeting_time_zone"), style="date"))
        return self.tr("case {case}").format(case=entry.get("case_reference") or "")

    def _show_record(self, result, bundle_report=None) -> None:
        if isinstance(result, BaseException):
            self._add_block("record", WARNING, self.tr("The register could not be checked"), core_message(result))
            return
        if result.get("status") == "unconfirmed":
            # In the register, but the audit trail no longer holds its issue or the head it quoted.
            body = self.tr("The register lists it as document {document} ({subject}), but the record's audit "
                           "trail no longer confirms that it was issued: entries were removed or rewritten. Do "
                           "not rely on it; ask the administrator to check the record.").format(
                document=result.get("document_id"), subject=self._subject_text(result))
            self._add_block("record", WARNING, self.tr("Not confirmed by the audit trail"), body,
                            self.tr("SHA-256: {sha}").format(sha=result.get("sha256", "")))
            return
        if result.get("status") in ("issued", "altered") and self.path is not None and self.path.is_dir():
            # For a bundle folder the register knows the signed list of contents; the core also
            # checked every file against it ("altered"), and the bundle check below names them.
            intact = result.get("status") == "issued" and getattr(bundle_report, "ok", False)
            body = self.tr("Its signed list of contents is the one this record issued on {date} by {user} (bundle "
                           "{document}, case {case}, version {version}).").format(
                date=local_datetime_text(result.get("issued_at"), named=True), user=result.get("issued_by_name") or "",
                document=result.get("document_id"), case=result.get("case_reference") or "",
                version=result.get("version"))
            body += " " + (self.tr("Every file matches that list (see below).") if intact else
                           self.tr("Whether every file still matches that list is answered below."))
            self._add_block("record", OK if intact else INFO, self.tr("Registered: issued by this record"), body,
                            self.tr("SHA-256 of its signed list: {sha}").format(sha=result.get("sha256", "")))
            return
        if result.get("status") == "issued":
            body = self.tr("Issued by this record on {date} by {user}, unaltered (document {document}, {subject}, "
                           "version {version}).").format(
                date=local_datetime_text(result.get("issued_at"), named=True), user=result.get("issued_by_name") or "",
                document=result.get("document_id"), subject=self._subject_text(result),
                version=result.get("version"))
            body += "\n" + self._type_text(result)
            if result.get("pseudonymised"):
                body += self.tr(", pseudonymised")
            body += "."
            self._add_block("record", OK, self.tr("Issued by this record, unaltered"), body,
                            self.tr("SHA-256: {sha}").format(sha=result.get("sha256", "")))
            return
        body = self.tr("Unknown or altered: this file was not issued by this record, or it was changed after it "
                       "was issued.")
        if self.path is not None and self.path.is_dir() and not (self.path / "tagmanifest-sha256.txt").is_file():
            body += " " + self.tr("This folder is not a bundle as issued (it has no tagmanifest-sha256.txt); "
                                  "choose the folder that holds bagit.txt.")
        else:
            body += " " + self.tr("Do not rely on it as the centre's document; ask for the copy the centre "
                                  "issued.")
        extra = self.tr("SHA-256 of this file: {sha}").format(sha=result["sha256"]) if result.get("sha256") else ""
        self._add_block("record", WARNING, self.tr("Unknown or altered"), body, extra)

    def _show_trust(self, verdict) -> None:
        """The first answer: whose signature this is, in plain words."""
        if isinstance(verdict, BaseException):
            self._add_block("trust", WARNING, self.tr("NOT signed by a centre you trust"),
                            self.tr("The signature could not be checked: {why}").format(why=core_message(verdict)))
            return
        if verdict.trusted:
            self._add_block("trust", OK, self.tr("Signed by {centre}, whose certificate matches your trusted "
                                                 "fingerprint").format(
                                centre=QCoreApplication.translate("CoreMessages", verdict.centre)
                                if verdict.centre == trust.UNNAMED_CENTRE else verdict.centre),
                            self.tr("The centre's CA certificate in the file is the one whose fingerprint you "
                                    "trust, and its signature is valid."))
            return
        if verdict.trusted is None:
            self._add_block("trust", INFO, self.tr("Signature intact, but the signer is NOT verified"),
                            self.tr("Anyone can sign with a certificate that bears the centre's name. Enter the CA "
                                    "fingerprint the centre gave you by letter or phone (or choose a trust file) "
                                    "above, and check again."))
            return
        why = QCoreApplication.translate("CoreMessages", verdict.why) if verdict.why else ""
        state = INFO if verdict.unsigned and not self._anchored else WARNING
        self._add_block("trust", state, self.tr("NOT signed by a centre you trust"),
                        why[:1].upper() + why[1:] + "." if why else "")

    def _show_bundle(self, report) -> None:
        if isinstance(report, ValidationError) and report.field == "passphrase":
            self.pass_row.show()
            if self.passphrase.text():   # a wrong one; before any, the block below says what to do
                self.pass_message.show_error(core_message(report))
            self.passphrase.setFocus()
            self._add_block("bundle", INFO, self.tr("This zip is encrypted"),
                            self.tr("Enter the passphrase the centre gave you by another channel, then "
                                    "choose Check again."))
            return
        if isinstance(report, BaseException):
            self._add_block("bundle", WARNING, self.tr("The bundle could not be checked"), core_message(report))
            return
        self.pass_row.hide()
        fp = colon_fingerprint(report.ca_fingerprint)
        compare = self.tr("Compare the centre's CA fingerprint below with the one the centre gave you by "
                          "another channel (letter, phone, its website). Only that comparison shows that the "
                          "signature is the centre's.")
        signed = local_datetime_text(report.signed_at, named=True) if report.signed_at else ""
        extra = self.tr("CA fingerprint (SHA-256):\n{fp}").format(fp=fp) if fp else ""
        if report.ok:
            n = report.files_checked
            body = plural(self.tr("All %n file(s) match the bundle's signed list of SHA-256 hashes.", "", n), n)
            body += " " + self.tr("Signed as {signer} on {date}.").format(signer=report.signer, date=signed)
            self._add_block("bundle", OK, self.tr("Bundle complete and unaltered"),
                            body + "\n\n" + compare, extra)
            return
        n = len(report.problems)
        headline = plural(self.tr("Bundle changed or incomplete: %n problem(s)", "", n), n)
        lines = [self.tr("Each problem names the file it is about:")]
        lines += [f"• {p}" for p in report.problems]
        lines.append("")
        lines.append(self.tr("Signer named in the bundle: {signer}").format(signer=report.signer)
                     if report.signer else self.tr("No valid signer could be read from the bundle."))
        if fp:
            lines.append(compare)
        self._add_block("bundle", WARNING, headline, "\n".join(lines), extra)

    # --- the list of answers --------------------------------------------------------------------
    def _add_block(self, kind: str, state: str, headline: str, body: str, extra: str = "") -> ResultBlock:
        block = ResultBlock(kind, state, headline, body, extra, self.results)
        self.results_layout.insertWidget(self.results_layout.count() - 1, block)
        self.blocks.append(block)
        self._order_blocks()
        return block

    def _order_blocks(self) -> None:
        # The register's answer first, then the bundle's.
        order = {"file": 0, "trust": 1, "record": 2, "bundle": 3}
        for b in self.blocks:
            self.results_layout.removeWidget(b)
        self.blocks.sort(key=lambda b: order.get(b.kind, 3))
        for i, b in enumerate(self.blocks):
            self.results_layout.insertWidget(i, b)

    def _remove_block(self, block: ResultBlock) -> None:
        self.blocks.remove(block)
        self.results_layout.removeWidget(block)
        block.hide()
        block.deleteLater()

    def _clear_results(self) -> None:
        for b in list(self.blocks):
            self._remove_block(b)

    # --- for tests and screen readers -------------------------------------------------------------
    def state(self) -> str:
        """'warning' if any answer warns, 'ok' if every answer is good, 'info' otherwise, '' before
        any check."""
        states = {b.state for b in self.blocks}
        if WARNING in states:
            return WARNING
        if states == {OK}:
            return OK
        return INFO if states else ""

    def result_text(self) -> str:
        return "\n\n".join(b.text() for b in self.blocks)
