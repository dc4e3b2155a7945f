"""One machine-readable file of benchmark results, ``benchmarks/results.json``.

Any benchmark module records a figure with :func:`record`: its name, the
seconds measured, and where there is one the floor (the least any
implementation must spend on the same work, measured in the same run with
the same parallelism) and the goal (seconds, and/or a ratio to the floor).
The machine's load average is stored beside every figure: on a shared
machine it says how far the figure is from an idle one. BENCHMARKS.md's
results table is generated from the file (``python -m benchmarks.table``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

#: ``CASEDESK_BENCH_RESULTS`` names another file, e.g. for a run under load kept beside
#: the idle machine's (``benchmarks/results-under-load.json``).
RESULTS = Path(os.environ.get("CASEDESK_BENCH_RESULTS") or Path(__file__).with_name("results.json"))
FORMAT = 1


def load_average() -> float:
    """The one-minute load average now (``/proc/loadavg``)."""
    return os.getloadavg()[0]


def verdict(
    seconds: float, floor: float | None, goal: float | None, goal_ratio: float | None
) -> str:
    """``met`` when every goal given is met, ``missed`` otherwise, ``""`` without a goal."""
    checks = []
    if goal is not None:
        checks.append(seconds < goal)
    if goal_ratio is not None and floor:
        checks.append(seconds / floor <= goal_ratio)
    if not checks:
        return ""
    return "met" if all(checks) else "missed"


def record(
    name: str,
    seconds: float,
    *,
    floor: float | None = None,
    goal: float | None = None,
    goal_ratio: float | None = None,
    title: str = "",
    floor_title: str = "",
    samples: Sequence[float] = (),
    floor_samples: Sequence[float] = (),
    load: Iterable[float] | None = None,
    cpu: float | None = None,
    floor_cpu: float | None = None,
    note: str = "",
    path: Path = RESULTS,
) -> dict[str, Any]:
    """Store one figure under ``name`` (replacing an earlier one) and return the entry.

    ``seconds`` is the figure (usually a median of ``samples``); ``goal`` is
    an upper bound in seconds and ``goal_ratio`` one on ``seconds / floor``.
    ``load`` is the load averages seen while measuring (default: now).
    ``cpu`` and ``floor_cpu`` are CPU seconds (all threads, or the child
    process): on a loaded machine the wall clock also counts waiting for a
    core, the CPU time much less so.
    """
    loads = [round(x, 2) for x in (load if load is not None else [load_average()])]
    entry: dict[str, Any] = {
        "name": name,
        "title": title or name,
        "seconds": round(seconds, 4),
        "samples": [round(s, 4) for s in samples],
        "floor": None if floor is None else round(floor, 4),
        "floor_title": floor_title,
        "floor_samples": [round(s, 4) for s in floor_samples],
        "ratio": round(seconds / floor, 3) if floor else None,
        "cpu": None if cpu is None else round(cpu, 4),
        "floor_cpu": None if floor_cpu is None else round(floor_cpu, 4),
        "cpu_ratio": round(cpu / floor_cpu, 3) if cpu is not None and floor_cpu else None,
        "goal": goal,
        "goal_ratio": goal_ratio,
        "verdict": verdict(seconds, floor, goal, goal_ratio),
        "load": loads,
        "cores": os.cpu_count(),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "note": note,
    }
    results = read(path)
    results["entries"][name] = entry
    partial = path.with_suffix(".json.part")
    partial.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    partial.replace(path)
    return entry


def read(path: Path = RESULTS) -> dict[str, Any]:
    """The results file's content (an empty one if there is none yet)."""
    if not path.is_file():
        return {"format": FORMAT, "entries": {}}
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    data.setdefault("entries", {})
    return data


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)
