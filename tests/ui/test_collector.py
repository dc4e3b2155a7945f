"""Garbage is collected on the main thread only while the application runs."""

from __future__ import annotations

import gc
import threading

from app.ui.collector import MainThreadCollector


class _Cycle:
    """One half of a reference cycle that notes the thread it was freed on."""

    freed_on: list[str] = []

    def __init__(self) -> None:
        self.partner: _Cycle | None = None

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.current_thread().name)


def _make_cycle() -> None:
    first, second = _Cycle(), _Cycle()
    first.partner, second.partner = second, first


def _allocate_a_lot() -> None:
    # Enough new container objects to pass every generation's threshold.
    keep = [[] for _ in range(200_000)]
    del keep


def test_a_cycle_is_not_freed_on_a_pool_thread_but_on_the_main_thread(qapp) -> None:
    gc.collect()
    _Cycle.freed_on.clear()
    gc.enable()  # as in a new interpreter (this suite's fixture turns it off)
    collector = MainThreadCollector()
    try:
        assert not gc.isenabled()
        _make_cycle()
        worker = threading.Thread(target=_allocate_a_lot, name="worker")
        worker.start()
        worker.join()
        assert _Cycle.freed_on == [], "the cycle was collected off the main thread"
        held = [[] for _ in range(5_000)]  # past the youngest generation's threshold
        assert collector.check() > 0
        del held
        assert _Cycle.freed_on == ["MainThread", "MainThread"]
    finally:
        collector.stop()
    assert gc.isenabled(), "automatic collection is given back"
    gc.disable()


def test_nothing_is_collected_below_the_thresholds(qapp) -> None:
    gc.collect()
    collector = MainThreadCollector()
    try:
        assert collector.check() == 0
    finally:
        collector.stop()
