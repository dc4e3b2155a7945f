"""Python's cyclic garbage collector, run on the main thread only.

Left to itself, the collector runs in whichever thread happens to allocate
when a generation's threshold is crossed, a pool thread included. A Qt
object caught in a reference cycle is then destroyed on that thread, and
Qt aborts when an object with timers, children or pending events is
destroyed off its own thread. So the application turns automatic
collection off and collects from a timer on the main thread, with the same
thresholds the interpreter would use (the habit of Anki's desktop client).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

#: How often the thresholds are looked at, in milliseconds.
INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Turns automatic collection off while it lives and collects on the main thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @Slot()
    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; the objects freed."""
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self._threshold, strict=True)):
            if threshold and count > threshold:
                generation = level
        if generation < 0:
            return 0
        return gc.collect(generation)

    def stop(self) -> None:
        """Give collection back to the interpreter (at shutdown and in tests)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
