"""Regenerate the results table in BENCHMARKS.md from ``benchmarks/results.json``.

``python -m benchmarks.table`` (run by ``make bench`` after the benchmarks)
rewrites the part of BENCHMARKS.md between the two marker lines; the rest of
the file is prose written by hand. A results file named by
``CASEDESK_BENCH_RESULTS`` (a run under load) has a table of its own, between
marker lines naming that file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from benchmarks.results import RESULTS, read

MARKDOWN = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
BEGIN = (
    "<!-- results table: generated from benchmarks/results.json by python -m benchmarks.table -->"
)
END = "<!-- end of results table -->"


def markers(results_path: Path) -> tuple[str, str]:
    """The marker lines around the table of ``results_path`` in BENCHMARKS.md."""
    if results_path.name == "results.json":
        return BEGIN, END
    return (
        f"<!-- results table: generated from benchmarks/{results_path.name} "
        "by python -m benchmarks.table -->",
        f"<!-- end of results table ({results_path.name}) -->",
    )


def _time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def _goal(entry: dict[str, Any]) -> str:
    parts = []
    if entry.get("goal") is not None:
        parts.append(f"< {_time(entry['goal'])}")
    if entry.get("goal_ratio") is not None:
        parts.append(f"≤ {entry['goal_ratio']:.2f}× floor")
    return ", ".join(parts) or "—"


def render(results: dict[str, Any]) -> str:
    """The Markdown table of every recorded figure, in name order."""
    lines = [
        "| figure | measured | floor | ratio | goal | | CPU: measured / floor | load (1 min) "
        "| measured at |",
        "|---|---:|---:|---:|---|---|---|---|---|",
    ]
    for name in sorted(results["entries"]):
        e = results["entries"][name]
        title = e.get("title") or name
        floor = _time(e.get("floor"))
        if e.get("floor_title"):
            floor = f"{floor} ({e['floor_title']})"
        ratio = f"{e['ratio']:.2f}×" if e.get("ratio") is not None else "—"
        loads = e.get("load") or []
        load = "?"
        if loads:
            low, high = min(loads), max(loads)
            load = f"{low:.1f}" if high - low < 0.05 else f"{low:.1f}–{high:.1f}"
        cpu = "—"
        if e.get("cpu") is not None:
            cpu = f"{_time(e['cpu'])} / {_time(e.get('floor_cpu'))}"
            if e.get("cpu_ratio") is not None:
                cpu += f" ({e['cpu_ratio']:.2f}×)"
        lines.append(
            f"| {title} (`{name}`) | **{_time(e['seconds'])}** | {floor} | {ratio} | "
            f"{_goal(e)} | {e.get('verdict', '')} | {cpu} | "
            f"{load} on {e.get('cores', '?')} cores | "
            f"{e.get('measured_at', '')[:16].replace('T', ' ')} |"
        )
    notes = [
        f"- `{n}`: {e['note']}" for n, e in sorted(results["entries"].items()) if e.get("note")
    ]
    return "\n".join(lines + ([""] + notes if notes else []))


def update(markdown: Path = MARKDOWN, results_path: Path = RESULTS) -> None:
    """Replace the generated table in ``markdown`` (appending it the first time)."""
    begin, end = markers(results_path)
    table = f"{begin}\n{render(read(results_path))}\n{end}"
    text = markdown.read_text("utf-8")
    if begin in text and end in text:
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        text = head + table + tail
    else:
        text = text.rstrip("\n") + "\n\n## Results file\n\n" + table + "\n"
    markdown.write_text(text, "utf-8")


def main() -> int:
    update()
    print(f"{MARKDOWN.name}: results table regenerated from {RESULTS.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
