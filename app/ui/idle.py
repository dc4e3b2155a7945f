"""Noticing that nobody has used the application for a while.

Input from the keyboard, the mouse or a touch screen reaches a top-level
window (a ``QWindow``) before the widget it is for, so the watcher filters
the application's windows, each from the moment it first shows or takes the
focus, not every event of every object. An application-wide filter in
Python had PySide make a Python wrapper for each object an event went to,
objects in construction included, and with a ``QWebEngineView`` (the capture
browser, a web capture's replay) that crashed the process, losing every
unsaved form with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard or mouse input."""

    idle = Signal()

    def __init__(self, app: QApplication, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        #: The windows filtered, by identity (Qt removes a filter when its window goes).
        self._watched: dict[int, QWindow] = {}
        self._stopped = False
        self.set_minutes(minutes)
        app.focusWindowChanged.connect(self.watch)
        self.watch(None)

    def set_minutes(self, minutes: float) -> None:
        """Change the idle time (the administrator's setting)."""
        self._timer.setInterval(max(1, int(minutes * 60_000)))
        self.restart()

    @property
    def interval_ms(self) -> int:
        """The idle time in milliseconds."""
        return self._timer.interval()

    @property
    def watched(self) -> tuple[QWindow, ...]:
        """The windows whose input counts as activity."""
        return tuple(self._watched.values())

    def restart(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        self._app.focusWindowChanged.disconnect(self.watch)
        for window in self._watched.values():
            window.removeEventFilter(self)
        self._watched.clear()

    @Slot(QWindow)
    def watch(self, window: QWindow | None) -> bool:
        """Count the input to ``window`` (and to every window shown so far) as activity;
        whether a window was not watched before."""
        if self._stopped:
            return False
        found = False
        for each in (window, *self._app.topLevelWindows()):
            if each is None or id(each) in self._watched:
                continue
            key = id(each)
            self._watched[key] = each
            each.installEventFilter(self)
            each.destroyed.connect(lambda _=None, key=key: self._watched.pop(key, None))
            found = True
        return found

    @Slot()
    def _on_timeout(self) -> None:
        # A window shown without taking the focus (a viewer opened beside the main
        # window) may have had input the watcher did not see: a whole period more.
        if self.watch(None):
            self._timer.start()
            return
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
