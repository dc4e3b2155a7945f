"""GUI figures on the 100,000-case database, each beside the floor of a bare window.

Every measurement runs in a fresh process (``benchmarks/gui_child.py``), so
start-up is measured from process start, as a user launching Casedesk sees it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

_CHILD = Path(__file__).with_name("gui_child.py")
_ROOT = Path(__file__).resolve().parent.parent

#: Words typed into the search box, one measurement each (common to rare).
SEARCH_WORDS = ("screenshot", "voicemail", "quetzal", "facebook", "harassment")


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("QT_QPA_PLATFORM"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(_ROOT)
    return env


def _child(*args: str, timeout: float = 600) -> tuple[float, dict[str, object]]:
    """Run one child; the seconds from spawn to its RESULT line, and the result."""
    # The child's messages go to a file, read at the end: a pipe nobody reads while the
    # child runs could fill up and stop it.
    errors = tempfile.TemporaryFile(mode="w+")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(_CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env=_environment(),
        cwd=_ROOT,
    )
    assert process.stdout is not None
    result: dict[str, object] | None = None
    failure = ""
    elapsed = 0.0
    # A child that hangs without a word is stopped after ``timeout``.
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    try:
        for line in process.stdout:
            if line.startswith("RESULT "):
                elapsed = time.perf_counter() - started
                result = json.loads(line[len("RESULT ") :])
                break
            if line.startswith("FAILED "):
                failure = line[len("FAILED ") :].strip()
                break
        process.communicate(timeout=timeout)
    finally:
        watchdog.cancel()
        errors.seek(0)
        steps = [line.strip() for line in errors if line.startswith("step: ")]
        errors.close()
    if result is None:
        where = f" (last {steps[-1]})" if steps else ""
        why = failure or (
            f"stopped after {timeout:.0f} s" if process.returncode == -9 else
            f"exit status {process.returncode}"
        )  # fmt: skip
        raise RuntimeError(f"GUI benchmark child {args[0]} gave no result: {why}{where}")
    return elapsed, result


def sign_in_floor(url: str, password: str) -> float:
    """Seconds of the services' part of signing in, no window: the password check and
    the load of the first view, Home (modules already loaded). The parts' wall and CPU
    seconds are kept in :data:`_parts`."""
    from app.services import accounts
    from app.services.database import Database
    from app.services.home import load_home
    from benchmarks.generate import BENCH_USER

    database = Database.open(url)
    try:
        started, started_cpu = time.perf_counter(), time.process_time()
        actor = accounts.authenticate(database, BENCH_USER, password)
        checked, checked_cpu = time.perf_counter(), time.process_time()
        load_home(database, actor)
        ended, ended_cpu = time.perf_counter(), time.process_time()
        _floor_cpu[0] = ended_cpu - started_cpu
        _parts.update(
            password=checked - started, password_cpu=checked_cpu - started_cpu,
            home=ended - checked, home_cpu=ended_cpu - checked_cpu,
        )  # fmt: skip
        return ended - started
    finally:
        database.close()


_floor_cpu = [0.0]
#: The parts of the last :func:`sign_in_floor`: wall and CPU seconds of each.
_parts: dict[str, float] = {}


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_sign_in(url: str, password: str, *, rounds: int = 5) -> dict[str, object]:
    """Sign-in click to the first view (Home) painted with its data (a fresh process
    each), beside the services' part alone."""
    from benchmarks import generate
    from benchmarks.results import load_average, record

    if url.startswith("sqlite:///"):
        generate.ensure_bench_sees_every_agency(Path(url.removeprefix("sqlite:///")))
    sign_in_floor(url, password)  # the database's pages cached, as for the window
    figures, floors, loads = [], [], [load_average()]
    floor_cpu, process_cpu, window_part, ui_cpu = [], [], [], []
    parts: dict[str, list[float]] = {key: [] for key in ("password", "password_cpu", "home",
                                                         "home_cpu")}  # fmt: skip
    for _ in range(rounds):
        floors.append(sign_in_floor(url, password))
        floor_cpu.append(_floor_cpu[0])
        for key, values in parts.items():
            values.append(_parts[key])
        before = _children_cpu()
        _seconds, result = _child("signin", url, password)
        process_cpu.append(_children_cpu() - before)
        figures.append(float(result["click_to_painted_ms"]) / 1000)  # type: ignore[arg-type]
        window_part.append(float(result["authenticated_to_painted_ms"]))  # type: ignore[arg-type]
        ui_cpu.append(float(result["ui_thread_cpu_ms"]))  # type: ignore[arg-type]
        loads.append(load_average())
    entry = record(
        "gui.sign_in_to_home", statistics.median(figures), floor=statistics.median(floors),
        goal=0.5, samples=figures, floor_samples=floors, load=[min(loads), max(loads)],
        floor_cpu=statistics.median(floor_cpu),
        note="CPU here is the floor's only: the window's process is timed from start to exit "
             f"({statistics.median(process_cpu):.2f} CPU-s with start-up and shut-down); "
             "the window's part, from the password check's result to Home painted: "
             f"{statistics.median(window_part):.0f} ms, the UI thread's CPU from the click "
             f"to Home painted: {statistics.median(ui_cpu):.0f} ms (medians)",
        title="Sign-in click to the first view (Home) painted with its data, 100,000 cases "
              "(offscreen; authentication, main window build, Home's load)",
        floor_title="password check + Home's load, no window",
    )  # fmt: skip
    record(
        "gui.home_load", statistics.median(parts["home"]),
        floor=statistics.median(parts["password"]), samples=parts["home"],
        floor_samples=parts["password"], load=[min(loads), max(loads)],
        cpu=statistics.median(parts["home_cpu"]),
        floor_cpu=statistics.median(parts["password_cpu"]),
        title="Home's load alone for the bench user (investigator + administrator), "
              "100,000 cases (in-process, part of the sign-in floor)",
        floor_title="the password check of the same sign-in",
        note="the two parts of the sign-in floor, measured in the same rounds",
    )  # fmt: skip
    return {
        "click_to_painted_ms": [round(f * 1000, 1) for f in figures],
        "authenticated_to_painted_ms": [round(ms, 1) for ms in window_part],
        "ui_thread_cpu_ms": [round(ms, 1) for ms in ui_cpu],
        "entry": entry,
    }


def measure_gui(url: str, password: str, *, starts: int = 7) -> dict[str, object]:
    """All GUI figures; start-up figures are medians of ``starts`` fresh processes."""
    sign_in = measure_sign_in(url, password)
    floor = [_child("floor")[0] for _ in range(starts)]
    login = [_child("login", url)[0] for _ in range(starts)]
    _seconds, session = _child("session", url, password, ",".join(SEARCH_WORDS))
    record_keystrokes(url, session)
    try:
        evidence = measure_evidence_import()
    except RuntimeError as error:  # the other figures stand without it
        print(f"  evidence import in the GUI not measured: {error}")
        evidence = {}
    return {
        "platform": _environment().get("QT_QPA_PLATFORM", "xcb"),
        "floor_ms": [round(s * 1000, 1) for s in floor],
        "login_shown_ms": [round(s * 1000, 1) for s in login],
        "floor_median_ms": statistics.median(floor) * 1000,
        "login_shown_median_ms": statistics.median(login) * 1000,
        **session,
        **evidence,
        "click_to_painted_ms": sign_in["click_to_painted_ms"],
    }


def record_keystrokes(url: str, session: dict[str, object]) -> None:
    """The session's keystroke-to-painted-list figure, beside the service's first page of
    the same words alone (no window, no typing pause) measured here and now."""
    from benchmarks.case_list_typing import service_floor
    from benchmarks.results import load_average, record

    figures = [float(ms) / 1000 for ms in session["keystroke_to_list_ms"]]  # type: ignore[attr-defined]
    floors = [service_floor(url, word, rounds=3) / 1000 for word in SEARCH_WORDS]
    record(
        "gui.keystroke_to_list", statistics.median(figures), floor=statistics.median(floors),
        goal=0.1, samples=figures, floor_samples=floors, load=[load_average()],
        title="Keystroke in search to the list painted with the word's rows (median of "
              f"{len(SEARCH_WORDS)} words typed in one burst: the search waits "
              "40 ms for more keys)",
        floor_title="the service's first page of each word alone",
    )  # fmt: skip


def measure_evidence_import(count: int = 100, *, rounds: int = 3) -> dict[str, object]:
    """The longest UI-thread stall while the GUI adds ``count`` 1920x1080 PNG screenshots,
    beside the same 0 ms timer's longest gap with nothing running (the floor).

    Each round starts from a copy of one fresh demo database in a temporary folder; the
    child adds the files through the real Evidence tab and intake dialog. Returns the
    round with the median stall, with every round's stalls.
    """
    import shutil

    from app.config import sqlite_url
    from app.services.database import Database
    from app.services.demo import DEMO_USERS, create_demo
    from benchmarks.evidence import screenshots
    from benchmarks.results import load_average, record

    paths = screenshots(count)
    password = next(u.password for u in DEMO_USERS if u.username == "investigator")
    runs: list[dict[str, object]] = []
    cpu: list[float] = []
    loads = [load_average()]
    with tempfile.TemporaryDirectory(prefix="casedesk-gui-import-") as temp:
        folder = Path(temp) / "screenshots"
        folder.mkdir()
        for path in paths:
            (folder / path.name).symlink_to(path)
        original = Path(temp) / "original"
        original.mkdir()
        database = Database.open(sqlite_url(original / "demo.sqlite3"))
        try:
            create_demo(database)
        finally:
            database.close()
        for round_number in range(rounds):
            work = Path(temp) / f"round-{round_number}"
            shutil.copytree(original, work)
            before = _children_cpu()
            _seconds, result = _child("evidence", sqlite_url(work / "demo.sqlite3"), password,
                                      str(folder), timeout=300)  # fmt: skip
            cpu.append(_children_cpu() - before)
            loads.append(load_average())
            runs.append(result)
            shutil.rmtree(work)
    stalls = [float(r["import_longest_stall_ms"]) / 1000 for r in runs]  # type: ignore[arg-type]
    idle = [float(r["idle_longest_stall_ms"]) / 1000 for r in runs]  # type: ignore[arg-type]
    middle = sorted(runs, key=lambda r: float(r["import_longest_stall_ms"]))[len(runs) // 2]  # type: ignore[arg-type]
    seconds = [float(r["import_seconds"]) for r in runs]  # type: ignore[arg-type]
    record(
        "gui.evidence_import_stall", statistics.median(stalls), floor=statistics.median(idle),
        goal=0.05, samples=stalls, floor_samples=idle, load=[min(loads), max(loads)],
        title=f"Longest UI-thread stall while the Evidence tab adds {count} generated "
              "1920x1080 PNGs through the intake dialog, until the list shows them all "
              "with thumbnails (fresh demo database, offscreen)",
        floor_title="the same 0 ms timer's longest gap, nothing running (2 s, same process)",
        note=f"the import took {statistics.median(seconds):.1f} s "
             f"({min(seconds):.1f}-{max(seconds):.1f}); each window process "
             f"{statistics.median(cpu):.1f} CPU-s from start to exit",
    )  # fmt: skip
    return {**middle, "import_longest_stall_ms_rounds": [round(s * 1000, 1) for s in stalls],
            "idle_longest_stall_ms_rounds": [round(s * 1000, 1) for s in idle]}  # fmt: skip


def report(figures: dict[str, object]) -> str:
    """The figures as a table beside their goals."""
    floor = float(figures["floor_median_ms"])  # type: ignore[arg-type]
    login = float(figures["login_shown_median_ms"])  # type: ignore[arg-type]
    rows = [
        ("Process start to window shown: bare PySide6 window (floor)", f"{floor:.0f} ms", "", ""),
        ("Process start to login dialog shown", f"{login:.0f} ms ({login / floor:.1f}x floor)",
         "3x floor", _verdict(login <= 3 * floor)),
        ("Sign-in click to the first view (Home) painted with its data (median)",
         f"{statistics.median(figures['click_to_painted_ms']):.0f} ms", "500 ms",  # type: ignore[arg-type]
         _verdict(statistics.median(figures["click_to_painted_ms"]) < 500)),  # type: ignore[arg-type]
        ("Keystroke in search to list painted (median of words)",
         f"{float(figures['keystroke_to_list_median_ms']):.0f} ms", "100 ms",  # type: ignore[arg-type]
         _verdict(float(figures["keystroke_to_list_median_ms"]) < 100)),  # type: ignore[arg-type]
        ("Longest UI-thread stall scrolling the whole list",
         f"{float(figures['scroll_longest_stall_ms']):.0f} ms", "50 ms",  # type: ignore[arg-type]
         _verdict(float(figures["scroll_longest_stall_ms"]) < 50)),  # type: ignore[arg-type]
        ("Resident memory with the list open (after scrolling it)",
         f"{float(figures['rss_mib']):.0f} MiB", "300 MB",  # type: ignore[arg-type]
         _verdict(float(figures["rss_mib"]) * 1.048576 < 300)),  # type: ignore[arg-type]
    ]  # fmt: skip
    if "import_longest_stall_ms" in figures:
        rows.append(_import_row(figures))
    width = max(len(r[0]) for r in rows)
    lines = [f"{'Scenario'.ljust(width)}  {'figure':<22}  {'goal':<9}  verdict"]
    lines += [f"{a.ljust(width)}  {b:<22}  {c:<9}  {d}" for a, b, c, d in rows]
    lines.append(
        f"(keystrokes: {figures['keystroke_to_list_ms']} ms; scrolled {figures['rows']} rows "
        f"in {float(figures['scroll_seconds']):.1f} s, {figures['scroll_steps_rows']} rows "  # type: ignore[arg-type]
        f"per step; platform {figures['platform']})"
    )
    return "\n".join(lines)


def _import_row(figures: dict[str, object]) -> tuple[str, str, str, str]:
    stall = float(figures["import_longest_stall_ms"])  # type: ignore[arg-type]
    return (
        f"Longest UI-thread stall adding {figures['files']} 1920x1080 PNGs in the Evidence tab",
        f"{stall:.0f} ms", "50 ms", _verdict(stall < 50),
    )  # fmt: skip


def import_report(figures: dict[str, object]) -> str:
    """The evidence-import figure alone (``python -m benchmarks.gui``)."""
    scenario, figure, goal, verdict = _import_row(figures)
    return (
        f"{scenario}: {figure} (goal {goal}, {verdict}); "
        f"{figures['import_added']} added in {float(figures['import_seconds']):.1f} s, "  # type: ignore[arg-type]
        f"{float(figures['import_files_per_second']):.1f} files/s; resident memory "  # type: ignore[arg-type]
        f"{float(figures['import_rss_before_mib']):.0f} -> "  # type: ignore[arg-type]
        f"{float(figures['import_rss_after_mib']):.0f} MiB; the same heartbeat idle: "
        f"{float(figures['idle_longest_stall_ms']):.0f} ms; load average "  # type: ignore[arg-type]
        f"{figures['load_average']}; every round's stall "
        f"{figures['import_longest_stall_ms_rounds']} ms, idle "
        f"{figures['idle_longest_stall_ms_rounds']} ms"
    )


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--sign-in"]:
        # python -m benchmarks.gui --sign-in [URL]: only the sign-in figure (100k cases).
        from benchmarks import generate

        target = sys.argv[2] if len(sys.argv) > 2 else None
        if target is None:
            path, _info = generate.cached_sqlite(generate.FULL)
            target = f"sqlite:///{path}"
        measured = measure_sign_in(target, generate.BENCH_PASSWORD)
        print(measured.pop("entry"))
        print(measured)
    else:
        print(import_report(measure_evidence_import()))
