"""The idle lock's watcher: input to any window counts.

The watcher filters the application's windows, not every event of every
object: an application-wide filter in Python crashed the process as soon as
the capture browser (a ``QWebEngineView``) opened, losing every unsaved form
(``tests/ui/test_capture_window.py`` opens it with the watcher running).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui.idle import IdleWatcher


def test_input_to_a_window_keeps_the_lock_away_until_it_stops(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    watcher = IdleWatcher(QApplication.instance(), 0.01)  # 600 ms without input
    fired: list[int] = []
    watcher.idle.connect(lambda: fired.append(1))
    try:
        window = field.windowHandle()
        assert window in watcher.watched
        for _ in range(8):  # 1.6 s of typing, a key every 200 ms
            qtbot.wait(200)
            QTest.keyClick(window, Qt.Key.Key_A)
        assert not fired
        qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    finally:
        watcher.stop()
    assert watcher.watched == ()
