"""Starting the desktop application: display check, login, main window, idle lock; and
ending it when told to (SIGTERM, the desktop session ending) with the typed work kept."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import socket
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QSocketNotifier,
    Qt,
    QTimer,
    QTranslator,
    Slot,
)
from PySide6.QtGui import QIcon, QSessionManager
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.resources import APP_ID, icon_files
from app.ui.collector import MainThreadCollector

if TYPE_CHECKING:  # imported for real only after the login dialog is up
    from app.domain.actor import Actor
    from app.services.database import Database
    from app.services.integrity.checkpoints import CheckpointOutcome
    from app.ui.idle import IdleWatcher
    from app.ui.login import LoginDialog
    from app.ui.main_window import MainWindow
    from app.ui.warmup import Warmup

ORGANIZATION = "Casedesk"
#: The idle lock, the idle time's read and the day's checkpoint start when Home shows its data,
#: or this long (milliseconds) after sign-in if it has not by then.
SESSION_WORK_LATEST_MS = 3000
APPLICATION = "Casedesk"
#: Set to ``1``, the window quits once the login dialog is on screen and the
#: database is open (status 0), or once the database failed to open (status 1).
#: The installed package's smoke test (packaging/smoke-test.sh) starts it so.
ENV_QUIT_WHEN_READY = "CASEDESK_QUIT_WHEN_READY"


def display_available() -> bool:
    """Whether Qt has somewhere to draw (a display, Wayland, or an explicit platform)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="casedesk", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--user", default=None)
    args, _unknown = parser.parse_known_args(list(argv))
    return args


class Application(QObject):
    """Owns the login dialog, the main window and the idle lock of one session."""

    def __init__(
        self, qt_app: QApplication, database_url: str, username: str, password: str = ""
    ) -> None:
        super().__init__()
        # Services (and SQLAlchemy) load after the login dialog is on screen.
        from app.ui.errors import ErrorReporter
        from app.ui.login import LoginDialog
        from app.ui.tasks import BackgroundTasks

        self.qt_app = qt_app
        self.errors = ErrorReporter(self)
        self.errors.install_excepthook()
        # Garbage is collected on this (the main) thread only; see collector.py.
        self.collector = MainThreadCollector(self)
        self.tasks = BackgroundTasks(self)
        self.tasks.error.connect(self.errors.show)
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.idle: IdleWatcher | None = None
        self.lock_dialog: LoginDialog | None = None
        self.warmup: Warmup | None = None  #: made once the window's modules are imported
        self.session_work_started = False  #: the idle time's read and the day's checkpoint
        self.quitting = False  #: the application was told to end
        self.exit_status = 0  #: with this status
        self.no_database_box: QMessageBox | None = None
        #: Wakes the event loop for SIGTERM's handler (:func:`end_on_signal`).
        self.signal_wake: SignalWake | None = None
        self.database_url = database_url
        self.quit_when_ready = os.environ.get(ENV_QUIT_WHEN_READY) == "1"
        self.login = LoginDialog(self.tasks, username=username, password=password)
        self.login.signed_in.connect(self.on_signed_in)
        self.login.rejected.connect(self.on_login_rejected)
        self.login.passphrase_entered.connect(self.on_passphrase_entered)
        self.login.show()
        # Open the database once the dialog is on screen, so its imports do
        # not compete with the first paint.
        QTimer.singleShot(0, lambda: self._open(None))

    def _open(self, passphrase: str | None) -> None:
        url = self.database_url
        self.tasks.run(
            lambda: _open_database(url, passphrase),
            on_success=self.on_database_opened,
            on_failure=self.on_database_failed,
        )

    @Slot(object)
    def on_database_opened(self, database: Database) -> None:
        self.database = database
        self.login.set_database(database)
        # While the user types, the window's and Home's modules load in the background:
        # after the click, only the password check and building the widgets remain.
        self.tasks.run(
            _import_window_modules,
            on_success=self.on_window_modules_imported,
            on_failure=lambda _error: None,
        )
        if self.quit_when_ready and self.login.isVisible():
            print("casedesk: the login dialog is shown and the database is open", file=sys.stderr)
            self.qt_app.exit(0)

    @Slot(object)
    def on_window_modules_imported(self, _none: object) -> None:
        """What was imported lives for the session: out of the collector's full passes
        (one over it all took 30-80 ms of the UI thread, at sign-in as often as not).
        Then Qt's classes and the window's icons are made while the user types."""
        from app.ui.warmup import Warmup

        gc.freeze()
        if self.window is None and self.warmup is None:
            self.warmup = Warmup(self)
            self.warmup.start()

    @Slot(object)
    def on_database_failed(self, error: BaseException) -> None:
        """Ask for the passphrase of an encrypted database; say why any other could not open."""
        from app.domain.errors import NoDatabase, PassphraseRequired, WrongPassphrase

        if isinstance(error, NoDatabase) and not self.quit_when_ready:
            self.login.set_database_error(str(error))
            self._say_no_database(str(error))
        elif isinstance(error, WrongPassphrase):
            self.login.ask_passphrase(
                self.tr("The passphrase does not open this database; check it and try again.")
            )
        elif isinstance(error, PassphraseRequired):
            self.login.ask_passphrase(
                self.tr("The database is encrypted: enter its passphrase to open it.")
            )
        else:
            self.login.set_database_error(str(error))
            if self.quit_when_ready:
                print(f"casedesk: the database did not open: {error}", file=sys.stderr)
                self.qt_app.exit(1)

    def _say_no_database(self, message: str) -> None:
        """Nothing to sign in to: say where Casedesk looked and how to create a database;
        the application ends (status 1) when the box is closed."""
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("No database"),
            self.tr("Casedesk found no database to open."),
            QMessageBox.StandardButton.Close,
            self.login,
        )
        box.setObjectName("noDatabaseDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        box.setInformativeText(message)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.finished.connect(lambda _result: self.quit(1))
        self.no_database_box = box
        box.open()

    @Slot(str)
    def on_passphrase_entered(self, passphrase: str) -> None:
        self._open(passphrase)

    @Slot()
    def on_login_rejected(self) -> None:
        if self.window is None:
            self.qt_app.quit()

    @Slot(object)
    def on_signed_in(self, actor: Actor) -> None:
        from app.ui.main_window import MainWindow
        from app.ui.workspace import Workspace

        assert self.database is not None
        if self.warmup is not None:
            self.warmup.stop()
        workspace = Workspace(self.database, actor, self.tasks, self.errors, self)
        self.window = MainWindow(workspace)
        self.window.lock_requested.connect(self.on_lock_requested)
        self.window.show()
        self.login.deleteLater()
        # Everything loaded so far (Qt, SQLAlchemy, the services) lives for the
        # whole session: keep it out of the garbage collector's full passes,
        # which otherwise stall the window for ~90 ms now and then.
        gc.freeze()
        # The idle lock, the agency's idle time and the day's checkpoint start once Home
        # shows its data: before, the idle lock's filter of every event and the two reads
        # would compete with Home's load and first paint for the UI thread, the worker
        # threads and Python's lock. Should Home not load, they start after
        # SESSION_WORK_LATEST_MS.
        home = self.window.pages.peek("home")
        if home is not None:
            home.loaded.connect(self.start_session_work)  # type: ignore[attr-defined]
        QTimer.singleShot(SESSION_WORK_LATEST_MS, self, self.start_session_work)

    @Slot()
    def start_session_work(self) -> None:
        """Start the idle lock, read the agency's idle time and make the day's signed
        audit checkpoint (once)."""
        from app.domain.settings import IDLE_LOCK_MINUTES
        from app.services import settings
        from app.services.integrity.checkpoints import daily_checkpoint
        from app.ui.idle import IdleWatcher

        if self.session_work_started or self.database is None or self.window is None:
            return
        self.session_work_started = True
        # The typed work not recorded is kept against a crash from now on, and what an
        # earlier session left behind is offered back.
        self.window.start_recovery()
        # The declared default until the agency's setting arrives from the database.
        idle = self.idle = IdleWatcher(self.qt_app, IDLE_LOCK_MINUTES.default, self)
        idle.idle.connect(self.on_idle)
        database = self.database
        self.tasks.run(
            lambda: settings.get_int(database, IDLE_LOCK_MINUTES), on_success=idle.set_minutes
        )
        # At least one signed audit checkpoint a day; the status bar says how it went.
        self.tasks.run(lambda: daily_checkpoint(database), on_success=self.on_daily_checkpoint)

    @Slot(object)
    def on_daily_checkpoint(self, outcome: CheckpointOutcome | None) -> None:
        if outcome is not None and self.window is not None:
            self.window.on_status_message(outcome.warning or outcome.line)

    @Slot()
    def on_lock_requested(self) -> None:
        """File > Lock (Ctrl+L)."""
        self.lock(by_user=True)

    @Slot()
    def on_idle(self) -> None:
        """Nobody used the application for the agency's idle time."""
        self.lock(by_user=False)

    def lock(self, *, by_user: bool = False) -> None:
        """Hide every window behind the unlock dialog; nothing is closed or lost.

        Escape keeps the lock; Quit asks about unsaved work as quitting the
        window does, and a Cancel there keeps the lock.
        """
        from app.ui.login import LoginDialog

        if self.window is None or self.lock_dialog is not None:
            return
        actor = self.window.workspace.actor
        hidden = [w for w in self.qt_app.topLevelWidgets() if w.isVisible()]
        for widget in hidden:
            widget.hide()
        dialog = LoginDialog(self.tasks, locked_user=actor.username, locked_by_user=by_user)
        dialog.set_database(self.window.workspace.database)
        self.lock_dialog = dialog

        def unlocked() -> None:
            self.lock_dialog = None
            for widget in hidden:
                widget.show()
            if self.idle is not None:
                self.idle.restart()
            dialog.deleteLater()

        def quit_instead() -> None:
            window = self.window
            # The window's own question (Save / Discard / Cancel for unsaved edits).
            if window is not None and not window.close():
                return  # cancelled, or the save did not go through: still locked
            self.lock_dialog = None
            dialog.hide()
            dialog.deleteLater()
            self.quit()

        dialog.accepted.connect(unlocked)
        dialog.quit_requested.connect(quit_instead)
        dialog.show()

    @Slot()
    def end_keeping_work(self) -> None:
        """The application was told to end (SIGTERM): keep the typed work, close, quit.

        Nobody may be there to answer a question, so none is asked: what is not
        recorded is kept in the database and offered at the next sign-in
        (:mod:`app.ui.recovery`).
        """
        if self.window is not None:
            self.window.end_keeping_work()
        self.quit()

    @Slot(QSessionManager)
    def on_commit_data(self, _manager: QSessionManager) -> None:
        """The desktop session is ending: keep the typed work before it does."""
        if self.window is not None:
            self.window.keep_work_now()

    def quit(self, status: int = 0) -> None:
        """End the application with ``status`` (its window, if any, has agreed to close)."""
        self.quitting = True
        self.exit_status = status
        # quit(), not exit(status): it does nothing outside the event loop (tests), and
        # run_gui returns the status recorded here.
        self.qt_app.quit()


#: What the main window and its first view (Home) import when built after sign-in.
WINDOW_MODULES = (
    "app.ui.main_window",
    "app.ui.workspace",
    "app.ui.idle",
    "app.ui.home.page",
    "app.services.accounts",
    "app.services.settings",
    "app.services.integrity.checkpoints",
)


def _import_window_modules() -> None:
    """Import :data:`WINDOW_MODULES` (on a worker thread: no widget is made here; a
    failure is left for the import after sign-in to report)."""
    for name in WINDOW_MODULES:
        importlib.import_module(name)


def _open_database(url: str, passphrase: str | None = None) -> Database:
    """Open the database; an encrypted file with the passphrase given, the
    environment's, or the key in the OS keyring (else PassphraseRequired)."""
    from app.config import ENV_DB_PASSPHRASE
    from app.errorlog import log_notice
    from app.services import catalog, deliveries, encryption
    from app.services.database import Database

    key = None
    if encryption.is_encrypted(url):
        key = passphrase or os.environ.get(ENV_DB_PASSPHRASE) or encryption.stored_key(url)
    # The window never creates a database: `casedesk init` or `casedesk demo` does.
    database = Database.open(url, key=key or None, create=False)
    for notice in (*database.notices, *deliveries.reconcile(database)):
        log_notice(notice)
    # An upgraded database gets the provision kinds of the shipped catalog.
    completed = catalog.complete_catalog(database)
    if completed is not None:
        log_notice(completed)
    return database


class SignalWake(QObject):
    """Wakes Qt's event loop when a signal arrives, so Python runs its handler.

    Python runs a signal's handler only between its own steps, and Qt's event
    loop waits in C++: the signal writes a byte to a socket the event loop
    watches (``signal.set_wakeup_fd``).
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.wake, self.woken = socket.socketpair()
        for end in (self.wake, self.woken):
            end.setblocking(False)
        signal.set_wakeup_fd(self.wake.fileno())
        self.notifier = QSocketNotifier(self.woken.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        try:
            self.woken.recv(512)
        except OSError:
            pass

    def close(self) -> None:
        """Stop waking (the process goes on without the application)."""
        signal.set_wakeup_fd(-1)
        self.notifier.setEnabled(False)
        self.wake.close()
        self.woken.close()


def end_on_signal(application: Application) -> SignalWake:
    """SIGTERM (a shutdown, ``kill``) ends the application with its typed work kept
    (:meth:`Application.end_keeping_work`)."""
    wake = SignalWake(application)
    signal.signal(
        signal.SIGTERM, lambda _signum, _frame: QTimer.singleShot(0, application.end_keeping_work)
    )
    return wake


def _install_translation(qt_app: QApplication) -> QTranslator | None:
    """Load resources/translations/casedesk_<locale>.qm for the user's locale, if shipped."""
    from app.resources import resource_path

    translator = QTranslator(qt_app)
    try:
        folder = resource_path("resources", "translations")
    except FileNotFoundError:
        return None
    if translator.load(QLocale.system(), "casedesk", "_", str(folder)):
        qt_app.installTranslator(translator)
        return translator
    return None


def application_icon() -> QIcon:
    """The Casedesk icon at every shipped size, for the windows and the task bar."""
    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon


def run_gui(argv: Sequence[str]) -> int:
    """Open the GUI; returns the exit status."""
    args = parse_gui_args(argv)
    if not display_available():
        print(
            "casedesk: no display is available; use the command line (casedesk --help) or "
            "run the window off-screen with QT_QPA_PLATFORM=offscreen.",
            file=sys.stderr,
        )
        return 2
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    # Desktops match the window to org.casedesk.Casedesk.desktop (its name and icon).
    QApplication.setDesktopFileName(APP_ID)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    # The capture browser (Qt WebEngine) needs OpenGL contexts shared from the start.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    qt_app = QApplication(sys.argv[:1])
    qt_app.setWindowIcon(application_icon())
    from app.errorlog import log_notice
    from app.privatefiles import secure_at_start

    # Folders and files other users could read are tightened and the log says so.
    for notice in secure_at_start():
        log_notice(notice)
    _install_translation(qt_app)  # parented to the application, which keeps it
    from app.config import database_url

    username = args.user or os.environ.get("CASEDESK_USER", "")
    # As on the command line, CASEDESK_PASSWORD fills the password in (make run does so
    # for the demo investigator); the lock dialog always asks.
    password = os.environ.get("CASEDESK_PASSWORD", "") if username else ""
    application = Application(qt_app, database_url(args.db), username, password)
    qt_app.commitDataRequest.connect(application.on_commit_data)
    application.signal_wake = end_on_signal(application)
    status = qt_app.exec() or application.exit_status
    application.tasks.wait_for_done()
    application.collector.stop()
    return status
