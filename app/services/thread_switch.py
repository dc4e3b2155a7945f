"""The interpreter's switch interval, lowered while work that needs it runs.

Python hands its lock between threads every 5 ms by default: a thread that
wants it back (the UI thread, or a helper that has decoded 64 KiB of an
image in C) waits up to that long while another thread runs Python. Work
that shares the lock that way asks for a shorter interval with
:func:`switch_quickly` and gives it back when it ends; the shortest interval
asked for holds while several run, and the interval there was before comes
back when the last one ends.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable


class _Switching:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._asked: list[float] = []
        self._before = sys.getswitchinterval()

    def ask(self, interval: float) -> Callable[[], None]:
        with self._lock:
            if not self._asked:
                self._before = sys.getswitchinterval()
            self._asked.append(interval)
            sys.setswitchinterval(min([self._before, *self._asked]))
        given_back = False

        def give_back() -> None:
            nonlocal given_back
            with self._lock:
                if given_back:
                    return
                given_back = True
                self._asked.remove(interval)
                sys.setswitchinterval(min([self._before, *self._asked]))

        return give_back


_SWITCHING = _Switching()


def switch_quickly(interval: float) -> Callable[[], None]:
    """Switch threads at least every ``interval`` seconds until the returned function is
    called (calling it again does nothing)."""
    return _SWITCHING.ask(interval)
