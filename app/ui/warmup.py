"""Work done for the main window while the login dialog waits for the user.

PySide creates its Python classes lazily, each with its enums (Python
``enum`` classes, slow to make): the first time Qt hands Python a
``QWidget *`` or a ``QObject *`` (``table.viewport()``, an event filter's
``watched``), every subclass that could be the object's type is created. In
the main window's first build that was ~160 classes and ~130 enums, 40-160 ms
of the UI thread between the sign-in click and Home's first paint. The SVG
icons of the navigator and the toolbar are drawn then too.

:class:`Warmup` makes them on the UI thread in slices of a few milliseconds
while the login dialog is up (typing stays smooth), and stops at sign-in:
what is left is made on demand, as before. It must run on the UI thread:
PySide's lazy class creation is not made for two threads at once.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Slot

#: The Qt modules whose classes the window needs (already imported by then).
MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
#: Icons of the window's first paint, besides the navigator's (icons.PAGE_ICONS).
TOOLBAR_ICONS = ("file-plus", "search", "camera", "file-text", "refresh-cw")
#: The most UI-thread time one slice takes (seconds) before the event loop runs again.
SLICE_SECONDS = 0.004


def _steps() -> Iterator[None]:
    """One class or one icon per step."""
    from app.ui.icons import PAGE_ICONS, icon

    for module_name in MODULES:
        module = sys.modules.get(module_name)
        if module is None:
            continue
        for name in dir(module):
            if name.startswith("Q"):
                getattr(module, name, None)  # the lazy class and its enums are made here
                yield
    for name in (*PAGE_ICONS.values(), *TOOLBAR_ICONS):
        icon(name)  # cached by name and colour
        yield


class Warmup(QObject):
    """Makes Qt's classes and the window's icons in slices; ``done`` once all are made."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done = False
        self._steps = _steps()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_slice)

    def start(self) -> None:
        if not self.done:
            self._timer.start()

    def stop(self) -> None:
        """Sign-in: the window makes what is left when it needs it."""
        self._timer.stop()
        self.done = True

    @Slot()
    def run_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_SECONDS
        for _ in self._steps:
            if time.perf_counter() >= deadline:
                return
        self.stop()
