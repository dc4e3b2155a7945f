"""Run inside a fresh process by :mod:`benchmarks.gui`: one GUI measurement each.

``floor``   a bare PySide6 window: import, QApplication, show; prints when shown.
``login``   Casedesk's real start-up (``app.ui.app.Application``) until the
            login dialog is on screen.
``signin``  signs in: from the click on "Sign in" to the first paint of the
            first view (Home) showing the data it loaded.
``session`` signs in to a database, opens the case list from the navigator and
            measures it: opened to list painted, keystroke to list updated, the
            longest UI-thread stall while scrolling the whole list, resident
            memory.
``evidence`` signs in, opens the first case's Evidence tab and adds a folder
            of screenshots through the intake dialog, as a user does; measures
            the longest UI-thread stall from "Add to case" until the summary.

Results are printed as one JSON line prefixed ``RESULT``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _paint_watch(ready: Callable[[], bool], stamp: Callable[[], None]) -> Any:
    """An event filter for a table's viewport: ``stamp`` once the first paint after
    ``ready`` has finished (a zero-time timer posted from the paint event)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatch(QObject):
        seen = False

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen and ready():
                self.seen = True
                QTimer.singleShot(0, stamp)
            return False

    return PaintWatch()


def _emit(result: dict[str, object]) -> None:
    print("RESULT " + json.dumps(result), flush=True)


def _step(text: str) -> None:
    """Where the child is, on stderr: the parent shows the last ones if no result comes."""
    print(f"step: {text}", file=sys.stderr, flush=True)


def _fail(reason: str) -> None:
    """No figure: say why on the result line instead of waiting for the timeout."""
    print("FAILED " + reason, flush=True)


def floor() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(420, 180)
    window.show()
    QTimer.singleShot(0, lambda: (_emit({"shown": True}), app.quit()))
    app.exec()


def login(url: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.app import Application

    qt_app = QApplication(sys.argv[:1])
    application = Application(qt_app, url, "bench")
    QTimer.singleShot(0, lambda: (_emit({"shown": application.login.isVisible()}), qt_app.quit()))
    qt_app.exec()
    application.tasks.wait_for_done()


def _ready_for_sign_in(app: Any) -> bool:
    """The work the application starts while the login dialog waits is done: the
    background tasks and the warm-up of the window's Qt classes (made once the
    window's modules are imported)."""
    if app.tasks.busy:
        return False
    if not hasattr(app, "warmup"):
        return True
    return app.warmup is not None and bool(app.warmup.done)


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Session:
    """Drives the real window through the measurements, one step per event-loop turn."""

    def __init__(
        self, url: str, password: str, words: list[str], *, sign_in_only: bool = False
    ) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer
        from PySide6.QtWidgets import QApplication

        from app.ui.app import Application

        self.qt_app = QApplication(sys.argv[:1])
        self.app = Application(self.qt_app, url, "bench")
        self.password = password
        self.words = words
        self.sign_in_only = sign_in_only
        self.result: dict[str, object] = {}
        self.clock = QElapsedTimer()
        self.clock.start()
        self.QTimer = QTimer
        self._wait(lambda: self.app.database is not None, self.database_opened)

    def database_opened(self) -> None:
        self.opened_db_at = self.clock.nsecsElapsed()
        self.sign_in()

    def _wait(
        self, condition: Callable[[], bool], then: Callable[[], None], interval: int = 1
    ) -> None:
        def poll() -> None:
            if condition():
                then()
            else:
                self.QTimer.singleShot(interval, poll)

        self.QTimer.singleShot(0, poll)

    def _model(self) -> Any:
        return self.app.window.pages["cases"].case_list.model

    def sign_in(self) -> None:
        # A user types a user name and a password after the dialog appears; the click
        # comes once the work started meanwhile is done (its time is reported too).
        if not _ready_for_sign_in(self.app):
            self._wait(lambda: _ready_for_sign_in(self.app), self.sign_in)
            return
        self.result["open_to_ready_ms"] = (self.clock.nsecsElapsed() - self.opened_db_at) / 1e6
        self.app.login.password.setText(self.password)
        self.app.login.signed_in.connect(self.on_signed_in)
        self.first_painted_at: int | None = None
        # The click is where the user starts waiting: authentication, the main
        # window's construction and the first view's data all count.
        self.clicked_at = self.clock.nsecsElapsed()
        self.clicked_cpu = time.thread_time()
        # The password check's result reaches the dialog: from here on the time is the
        # window's (its build, Home's load, the paint), none of it the password's.
        self.authenticated_at: int | None = None
        login = self.app.login
        checked = login._on_authenticated

        def on_authenticated(actor: object) -> None:
            self.authenticated_at = self.clock.nsecsElapsed()
            checked(actor)

        login._on_authenticated = on_authenticated  # looked up by the click below
        self.app.login.sign_in_button.click()

    def _paint_watch(
        self, widget: Any, ready: Callable[[], bool], stamp: Callable[[], None]
    ) -> Any:
        """Call ``stamp`` on the turn after ``widget``'s first paint once ``ready()``."""
        from PySide6.QtCore import QEvent, QObject

        session = self

        class PaintWatch(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint and ready():
                    # The paint runs after this returns; the stamp on the next turn.
                    session.QTimer.singleShot(0, stamp)
                    widget.removeEventFilter(self)
                return False

        watch = PaintWatch()
        widget.installEventFilter(watch)
        return watch

    def watch_first_view(self) -> None:
        """Stamp the first paint of the first view (Home) showing what it loaded."""
        window = self.app.window
        self.first_key = window.current_page_key()
        page = window.pages[self.first_key]
        if self.first_key == "home":
            # Home's summary line says what waits for the user once its load is in.
            widget, ready = page.summary, lambda: page.view is not None
        else:
            widget, ready = page.case_list.table.viewport(), self._populated
        self.first_watch = self._paint_watch(widget, ready, self.stamp_first_view)

    def stamp_first_view(self) -> None:
        if self.first_painted_at is None:
            self.first_painted_at = self.clock.nsecsElapsed()
            self.painted_cpu = time.thread_time()

    def on_signed_in(self, _actor: object) -> None:
        # The application's own slot ran first: the window exists and has not painted.
        self.accepted_at = self.clock.nsecsElapsed()
        self.watch_first_view()
        self._wait(lambda: self.first_painted_at is not None, self.first_view_painted)

    def first_view_painted(self) -> None:
        assert self.first_painted_at is not None
        self.result["first_view"] = self.first_key
        self.result["click_to_painted_ms"] = (self.first_painted_at - self.clicked_at) / 1e6
        if self.authenticated_at is not None:
            self.result["authenticated_to_painted_ms"] = (
                self.first_painted_at - self.authenticated_at
            ) / 1e6
        # CPU seconds of the UI thread alone, click to paint: little moved by other load.
        self.result["ui_thread_cpu_ms"] = (self.painted_cpu - self.clicked_cpu) * 1000
        self.result["accepted_to_painted_ms"] = (self.first_painted_at - self.accepted_at) / 1e6
        if self.sign_in_only:
            _emit(self.result)
            self._wait(lambda: not self.app.tasks.busy, self.quit)
            return
        # The case list, for the typing and scrolling figures: opened from the navigator.
        self.painted_at: int | None = None
        self.opened_at = self.clock.nsecsElapsed()
        self.app.window.show_page("cases")
        viewport = self.app.window.pages["cases"].case_list.table.viewport()
        self.list_watch = self._paint_watch(viewport, self._populated, self.stamp_painted)
        self._wait(lambda: self._populated() and self.painted_at is not None, self.list_populated)

    def stamp_painted(self) -> None:
        if self.painted_at is None:
            self.painted_at = self.clock.nsecsElapsed()

    def _populated(self) -> bool:
        if self.app.window is None:
            return False
        model = self._model()
        return model.rowCount() > 0 and model.index(0, 0).data() not in (None, "…")

    def list_populated(self) -> None:
        assert self.painted_at is not None
        self.result["open_list_to_painted_ms"] = (self.painted_at - self.opened_at) / 1e6
        self.result["rows"] = self._model().rowCount()
        self.keystrokes: list[float] = []
        self._wait(lambda: not self.app.tasks.busy, self.next_word)

    def next_word(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.app.window.show_page("cases")  # the list must be on screen to paint
        view = self.app.window.pages["cases"].case_list
        search = view.filter_bar.search
        if not self.words:
            search.clear()
            bar = view.table.verticalScrollBar()
            self._wait(lambda: not self.app.tasks.busy and bar.maximum() > 0, self.start_scroll)
            return
        word = self.words.pop(0)
        search.clear()
        QTest.keyClicks(search, word[:-1])
        # Measure from the last keystroke, the one after which the user waits, to the
        # end of the table's first paint of the word's rows (a zero-time timer posted
        # from the paint fires once it is done).
        model = self._model()
        started = self.clock.nsecsElapsed()
        done: list[float] = []
        watch = _paint_watch(
            lambda: model.query.text == word and not model.loading,
            lambda: done.append((self.clock.nsecsElapsed() - started) / 1e6),
        )
        viewport = view.table.viewport()
        viewport.installEventFilter(watch)
        QTest.keyClick(search, word[-1], Qt.KeyboardModifier.NoModifier)

        def finished() -> None:
            viewport.removeEventFilter(watch)
            self.keystrokes.append(done[0])
            self.next_word()

        self._wait(
            lambda: bool(done) and not self.app.tasks.busy and not view.counts_pending, finished
        )

    def start_scroll(self) -> None:
        self.result["keystroke_to_list_ms"] = self.keystrokes
        self.result["keystroke_to_list_median_ms"] = statistics.median(self.keystrokes)
        table = self.app.window.pages["cases"].case_list.table
        self.bar = table.verticalScrollBar()
        self.bar.setValue(0)
        self.last_tick = time.perf_counter()
        self.longest = 0.0
        self.heartbeat = self.QTimer()
        self.heartbeat.setInterval(0)
        self.heartbeat.timeout.connect(self.tick)
        self.heartbeat.start()
        self.scroll_started = time.perf_counter()
        self.step = max(1, self.bar.pageStep())
        self.driver = self.QTimer()
        self.driver.setInterval(8)
        self.driver.timeout.connect(self.scroll_once)
        self.driver.start()

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last_tick)
        self.last_tick = now

    def scroll_once(self) -> None:
        if self.bar.value() >= self.bar.maximum():
            self.driver.stop()
            self._wait(lambda: not self.app.tasks.busy, self.finish)
            return
        self.bar.setValue(self.bar.value() + self.step)

    def finish(self) -> None:
        self.heartbeat.stop()
        model = self._model()
        last = model.index(model.rowCount() - 1, 0).data()
        self.result["scroll_seconds"] = time.perf_counter() - self.scroll_started
        self.result["scroll_longest_stall_ms"] = self.longest * 1000
        self.result["scroll_steps_rows"] = self.step
        self.result["last_row_loaded"] = last not in (None, "…")
        self.result["rss_mib"] = _rss_mib()
        _emit(self.result)
        self.app.window.close()
        self.qt_app.quit()

    def quit(self) -> None:
        self.app.window.close()
        self.qt_app.quit()

    def run(self) -> None:
        self.qt_app.exec()
        self.app.tasks.wait_for_done()


class EvidenceImport:
    """Adds screenshots through the real Evidence tab while a 0 ms timer ticks."""

    def __init__(self, url: str, password: str, folder: str) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from app.ui.app import Application

        self.qt_app = QApplication(sys.argv[:1])
        self.app = Application(self.qt_app, url, "investigator")
        self.password = password
        self.paths = sorted(Path(folder).glob("*.png"))
        self.QTimer = QTimer
        self.result: dict[str, object] = {"files": len(self.paths)}
        self.longest = self.longest_at = 0.0
        self.summary_at: float | None = None
        self._wait(lambda: self.app.database is not None, self.sign_in)

    def _wait(
        self, condition: Callable[[], bool], then: Callable[[], None], interval: int = 1
    ) -> None:
        def poll() -> None:
            if condition():
                then()
            else:
                self.QTimer.singleShot(interval, poll)

        self.QTimer.singleShot(0, poll)

    def sign_in(self) -> None:
        # A user types a user name and a password after the dialog appears; the click
        # comes once the work started meanwhile is done (its time is reported too).
        if not _ready_for_sign_in(self.app):
            self._wait(lambda: _ready_for_sign_in(self.app), self.sign_in)
            return
        _step("signing in")
        self.app.login.password.setText(self.password)
        self.app.login.sign_in_button.click()
        self._wait(lambda: self.app.window is not None and not self.app.tasks.busy,
                   self.open_case, 10)  # fmt: skip

    def open_case(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        _step("opening the first case from the case list")
        self.app.window.show_page("cases")  # Home comes first; the list loads once shown
        page = self.app.window.pages["cases"]
        table = page.case_list.table
        if page.case_list.model.rowCount() == 0:
            self._wait(lambda: page.case_list.model.rowCount() > 0, self.open_case, 10)
            return
        table.setFocus()
        table.selectRow(0)
        QTest.keyClick(table, Qt.Key.Key_Return)
        self._wait(lambda: page.tabs.count() > 1 and not self.app.tasks.busy, self.start, 10)

    def start(self) -> None:
        _step("the case is open: its Evidence tab, the intake dialog")
        view = self.app.window.pages["cases"].tabs.currentWidget()
        self.tab = view.evidence
        view.tabs.setCurrentWidget(self.tab)
        self.tab.start_intake(self.paths)
        self._wait(lambda: not self.app.tasks.busy, self.fill_in, 10)

    def fill_in(self) -> None:
        """What intake requires, typed as a user does before "Add to case": the source
        (none: files the reporter supplied), the capture time and who captured."""
        from PySide6.QtTest import QTest

        _step("filling in the intake dialog")
        dialog = self.tab.intake_dialog
        QTest.keyClicks(dialog.no_url_reason, "supplied by reporter as files")
        dialog.platform.setCurrentText("Facebook")
        QTest.keyClicks(dialog.account_shown, "Jordan Doe (jordan.doe)")
        dialog.time_known.setChecked(True)
        QTest.keyClicks(dialog.captured_by, "Ivy Investigator")
        QTest.keyClicks(dialog.description, "Posts reported on the employee's public profile")
        self._wait(lambda: not self.app.tasks.busy, self.idle, 10)

    def idle(self) -> None:
        """The same heartbeat for two seconds with nothing under way: the machine's floor."""
        self.heartbeat = self.QTimer()
        self.heartbeat.setInterval(0)
        self.heartbeat.timeout.connect(self.tick)
        self.started = self.last_tick = time.perf_counter()
        self.heartbeat.start()
        self.QTimer.singleShot(2000, self.idle_done)

    def idle_done(self) -> None:
        self.heartbeat.stop()
        _step("idle heartbeat measured")
        self.result["idle_longest_stall_ms"] = self.longest * 1000
        self.longest = 0.0
        self.add()

    def add(self) -> None:
        self.heartbeat = self.QTimer()
        self.heartbeat.setInterval(0)
        self.heartbeat.timeout.connect(self.tick)
        self.started = self.last_tick = time.perf_counter()
        self.heartbeat.start()
        self.rss_before = _rss_mib()
        self.load_before = os.getloadavg()[0]
        _step("Add to case clicked")
        self.dialog = self.tab.intake_dialog
        self.dialog.import_button.click()
        # Until the summary is up and the list shows every new item with its thumbnail.
        self._wait(lambda: self._shown() or self._refused(), self.finish)

    def _refused(self) -> bool:
        """The dialog stayed up with a problem shown: nothing will be imported."""
        from shiboken6 import isValid

        if not isValid(self.dialog) or not self.dialog.isVisible():
            return False
        labels = (*self.dialog.errors.values(), self.dialog.general_error)
        return any(label.text() for label in labels)

    def _shown(self) -> bool:
        summary = self.tab.summary_dialog
        if summary is None or self.app.tasks.busy:
            return False
        added = len(summary.report.added)
        model = self.tab.model
        return model.rowCount() >= added and len(model.thumbnails) >= added

    def tick(self) -> None:
        now = time.perf_counter()
        if now - self.last_tick > self.longest:
            self.longest = now - self.last_tick
            self.longest_at = now - self.started
        if self.summary_at is None and getattr(self, "tab", None) is not None:
            if self.tab.summary_dialog is not None:
                self.summary_at = now - self.started
        self.last_tick = now

    def finish(self) -> None:
        self.heartbeat.stop()
        if self.tab.summary_dialog is None:
            labels = (*self.dialog.errors.values(), self.dialog.general_error)
            problems = "; ".join(label.text() for label in labels if label.text())
            _fail(f"the intake dialog refused the metadata: {problems}")
            self.app.window.close()
            self.qt_app.quit()
            return
        _step("summary shown, list reloaded")
        seconds = time.perf_counter() - self.started
        report = self.tab.summary_dialog.report
        self.result.update({
            "import_seconds": seconds,
            "import_files_per_second": len(report.added) / seconds if seconds else 0.0,
            "import_added": len(report.added),
            "import_refused": len(report.failed) + len(report.duplicates),
            "import_longest_stall_ms": self.longest * 1000,
            "import_longest_stall_at_s": self.longest_at,
            "import_summary_at_s": self.summary_at,
            "import_rss_before_mib": self.rss_before,
            "import_rss_after_mib": _rss_mib(),
            "load_average": [round(self.load_before, 2), round(os.getloadavg()[0], 2)],
        })  # fmt: skip
        _emit(self.result)
        self.tab.summary_dialog.close()
        self.app.window.close()
        self.qt_app.quit()

    def run(self) -> None:
        self.qt_app.exec()
        self.app.tasks.wait_for_done()


if __name__ == "__main__":
    # Run as a script, this folder comes first on the path, where benchmarks/reports.py
    # would hide the application's ``reports`` package: take it off.
    _here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _here]
    kind = sys.argv[1]
    if kind == "floor":
        floor()
    elif kind == "login":
        login(sys.argv[2])
    elif kind == "signin":
        Session(sys.argv[2], sys.argv[3], [], sign_in_only=True).run()
    elif kind == "evidence":
        EvidenceImport(sys.argv[2], sys.argv[3], sys.argv[4]).run()
    else:
        Session(sys.argv[2], sys.argv[3], sys.argv[4].split(",")).run()
