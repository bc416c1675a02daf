"""The desktop application: start-up, translations, and which screen comes first.

`run(argv)`: `--record PATH` opens that record's unlock screen; with no argument, the default
record (paths.default_record_path()), else the most recently used record, else the first-run
wizard. `--lang en|sv` overrides the language chosen in Settings for this run.
"""
from __future__ import annotations

import importlib
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from barnahus_app import __version__, paths
from barnahus_app.api import KdfParams

from ui.common import prefs
from ui.common.collector import GuiThreadCollector
from ui.common.icons import app_icon
from ui.shell.main_window import MainWindow


def parse_args(args: list[str]):
    """--record PATH and --lang CODE. The everyday command lines (none, or these two with
    proper values) are read here without an ArgumentParser, whose construction and gettext
    look-ups cost about 2.5 ms of the cold start; anything else (--help, a wrong value) goes to argparse."""
    simple = SimpleNamespace(record=None, lang=None)
    rest = list(args)
    while rest:
        name, _, value = rest.pop(0).partition("=")
        if name not in ("--record", "--lang") or (not value and not rest):
            break
        value = value or rest.pop(0)
        if value.startswith("-") or (name == "--lang" and value not in prefs.LANGUAGES):
            break
        setattr(simple, name[2:], value)
    else:
        return simple
    import argparse   # loaded anyway (shiboken imports it); the parser is what costs
    p = argparse.ArgumentParser(prog="barnahus-desktop", description="Barnahus Case Record")
    p.add_argument("--record", help="open the unlock screen of this record file")
    p.add_argument("--lang", choices=prefs.LANGUAGES, help="interface language for this run")
    return p.parse_known_args(args)[0]


def install_translators(app: QCoreApplication, language: str = "") -> str:
    """Load resources/translations/barnahus_<lang>.qm and Qt's own strings (buttons of standard
    dialogs). Returns the language code in use."""
    code = language or QLocale.system().name().split("_")[0]
    if language:
        QLocale.setDefault(QLocale(code))
    if code == "en":
        return code
    ours = QTranslator(app)
    if ours.load(f"barnahus_{code}", str(paths.resources_dir() / "translations")):
        app.installTranslator(ours)
    else:
        return "en"
    qt = QTranslator(app)
    if qt.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return code


def starting_record(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit).expanduser().absolute()
    default = paths.default_record_path()
    if default.exists():
        return default
    for recent in prefs.recent_records():
        if Path(recent).exists():
            return Path(recent)
    return None


# The core modules the first unlock (or the first-run wizard) needs: the database layer behind
# them (SQLAlchemy, Alembic, SQLCipher, the crypto libraries) takes most of a second to import.
PRELOAD = ("barnahus_app.lifecycle", "barnahus_app.session", "barnahus_app.cases.actions",
           "barnahus_app.followup.actions", "barnahus_app.persons.actions", "barnahus_app.fields")


def _preload_core() -> None:
    """Import the core on a plain Python thread (no Qt object is touched): the unlock screen is
    already on screen, and by the time a password is typed, unlocking need not pay for it. An
    import that fails here fails again, and is reported, where it is really needed."""
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - see above
            return


class _AfterFirstPaint(QObject):
    """Calls `fn` from the event loop once `widget` has been painted for the first time."""

    def __init__(self, widget, fn):
        super().__init__(widget)
        self._fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._fn)  # after this paint has been flushed
            self.deleteLater()
        return False


def preload_core_in_background() -> None:
    threading.Thread(target=_preload_core, name="barnahus-preload", daemon=True).start()


class AppController(QObject):
    """Shows the wizard or the main window, and quits when the user is done."""

    def __init__(self, kdf: KdfParams = KdfParams(), idle_ms_per_minute: int = 60_000):
        super().__init__()
        self.kdf = kdf
        self.idle_ms_per_minute = idle_ms_per_minute
        self.window: MainWindow | None = None
        self.wizard = None  # a FirstRunWizard while it is open

    def start(self, record: Path | None) -> None:
        if record is None:
            self.show_wizard()
        else:
            self.show_main(record)

    def show_main(self, path, username: str = "") -> None:
        if self.window is None:
            self.window = MainWindow(path, self.kdf, idle_ms_per_minute=self.idle_ms_per_minute)
            self.window.unlock_panel.newRecordRequested.connect(self.show_wizard)
            self.window.closed.connect(self._quit)
        else:
            self.window.set_record(path)
        self.window.show_unlock(username)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def show_wizard(self) -> None:
        if self.wizard is not None:
            self.wizard.raise_()
            return
        from ui.shell.first_run import FirstRunWizard  # only on a first run: not on the way to the unlock screen
        self.wizard = FirstRunWizard(self.kdf)
        self.wizard.recordCreated.connect(self.show_main)
        self.wizard.openExistingRequested.connect(self.show_main)
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.show()

    def _wizard_finished(self, _result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            wizard.deleteLater()
        if self.window is None or not self.window.isVisible():
            self._quit()

    def _quit(self) -> None:
        QCoreApplication.quit()


def start(argv=None) -> AppController:
    """Everything run() does before the event loop: the application object, translations, and
    the first screen shown (the unlock screen, or the first-run wizard). The start-up benchmark
    (bench/gui_bench.py) calls this to stop once that screen is on screen."""
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(argv[:1])
    app.setOrganizationName(prefs.ORGANISATION)
    app.setApplicationName(prefs.APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("barnahus")
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    if not hasattr(app, "_barnahus_collector"):
        app._barnahus_collector = GuiThreadCollector(app)
    install_translators(app, args.lang or prefs.language())
    controller = AppController()
    controller.start(starting_record(args.record))
    app._barnahus_controller = controller  # keep it alive as long as the application
    first = controller.window if controller.window is not None else controller.wizard
    if first is not None:
        _AfterFirstPaint(first, preload_core_in_background)
    else:
        preload_core_in_background()
    return controller


def run(argv=None) -> int:
    start(argv)
    return QApplication.instance().exec()
