"""The whole ``casedesk`` command, as a user runs it, beside its floor.

Each command runs as its own process (``.venv/bin/python -m app``) with
bytecode allowed (``PYTHONDONTWRITEBYTECODE`` is removed from its
environment, so the first run writes the ``.pyc`` files an installed copy
has), from process start to exit: interpreter start, imports, opening the
database, the password check, the work, and the output. The first run of each
command is a warm-up and is not counted.

Floors, measured in the same run with the same parallelism as the command:

- start-up (``--help``): a bare interpreter (``python -c pass``);
- ``case list`` on the 100,000-case database: a bare interpreter that reads
  the user's password hash with ``sqlite3`` and verifies it with argon2 (a
  command that signs in cannot do less);
- ``audit verify`` on the same file's 1,000,000 events: the chain's floor
  (:func:`benchmarks.measure.verify_floor`, in this process);
- the disciplinary report with 50 screenshots: decoding the same 50 PNGs
  and reducing them to print size on the report's worker threads;
- adding 100 1920x1080 PNGs: reading, hashing, decoding and thumbnailing the
  same files on two threads, as the import does.

Figures go to ``benchmarks/results.json`` (:func:`benchmarks.results.record`).
``python -m benchmarks.cli`` runs them alone.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import evidence as evidence_bench
from benchmarks import generate
from benchmarks.results import load_average, record

_ROOT = Path(__file__).resolve().parent.parent
#: The demo case with a decision in force that the disciplinary report is printed for.
REPORT_CASE = "MODNR-2025-0001"
REPORT_SCREENSHOTS = 50
IMPORT_SCREENSHOTS = 100
#: The report's and the import's worker threads (reports/evidence_images.py, services).
WORKERS = max(1, min(2, os.cpu_count() or 1))
_DEMO = {"investigator": "demo-magnifier-trail", "hr": "demo-personnel-desk"}


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode compiled once
    for name in ("CASEDESK_DATABASE_URL", "CASEDESK_USER", "CASEDESK_PASSWORD"):
        env.pop(name, None)
    env["PYTHONPATH"] = str(_ROOT)
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):  # fmt: skip
        env[var] = str(home / sub)
    return env


#: CPU seconds (user + system) of the last process or in-process floor timed.
_last_cpu: list[float] = [0.0]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_process(
    argv: Sequence[str],
    env: dict[str, str],
    password: str = "",
    *,
    done_as_expected: Callable[[subprocess.CompletedProcess[str]], bool] | None = None,
) -> float:
    """Seconds from spawn to exit of one process (its CPU seconds in ``_last_cpu``).

    The process must exit 0, or pass ``done_as_expected`` when given.
    """
    run_env = dict(env, CASEDESK_PASSWORD=password) if password else env
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        list(argv), env=run_env, cwd=_ROOT, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    _last_cpu[0] = _children_cpu() - cpu_before
    ok = done_as_expected(done) if done_as_expected is not None else done.returncode == 0
    if not ok:
        raise RuntimeError(f"{' '.join(argv[2:])} failed ({done.returncode}): {done.stderr}")
    return elapsed


def _timed_here(work: Callable[[], object]) -> float:
    """Seconds of ``work`` in this process (its CPU seconds, all threads, in ``_last_cpu``)."""
    cpu_before = time.process_time()
    started = time.perf_counter()
    work()
    elapsed = time.perf_counter() - started
    _last_cpu[0] = time.process_time() - cpu_before
    return elapsed


def _casedesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


@dataclass
class _Rounds:
    """Figure and floor, wall and CPU seconds of each round, and the loads seen."""

    figures: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    floor_cpu: list[float] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)


def _alternate(figure: Callable[[], float], floor: Callable[[], float], rounds: int) -> _Rounds:
    """Figure and floor in turns, so both see the same load."""
    seen = _Rounds(loads=[load_average()])
    for _ in range(rounds):
        seen.floors.append(floor())
        seen.floor_cpu.append(_last_cpu[0])
        seen.figures.append(figure())
        seen.cpu.append(_last_cpu[0])
        seen.loads.append(load_average())
    return seen


def _record(name: str, seen: _Rounds, **kwargs: object) -> None:
    entry = record(
        name,
        statistics.median(seen.figures),
        floor=statistics.median(seen.floors),
        samples=seen.figures,
        floor_samples=seen.floors,
        cpu=statistics.median(seen.cpu),
        floor_cpu=statistics.median(seen.floor_cpu),
        load=[min(seen.loads), max(seen.loads)],
        **kwargs,  # type: ignore[arg-type]
    )
    print(
        f"  {entry['title']}: {entry['seconds']:.3f} s, floor {entry['floor']:.3f} s, "
        f"{entry['ratio']:.2f}x, {entry['verdict'] or 'no goal'}; CPU {entry['cpu']:.3f} s, "
        f"floor {entry['floor_cpu']:.3f} s (load {min(seen.loads):.1f}-{max(seen.loads):.1f})"
    )


def measure_help(env: dict[str, str], rounds: int) -> None:
    _timed_process(_casedesk("--help"), env)  # warm-up: bytecode written
    seen = _alternate(
        lambda: _timed_process(_casedesk("--help"), env),
        lambda: _timed_process([sys.executable, "-c", "pass"], env),
        rounds,
    )
    _record("cli.help", seen, goal=0.25,
            title="`casedesk --help`, process start to exit",
            floor_title="bare interpreter")  # fmt: skip


_SIGN_IN_FLOOR = """
import sqlite3, sys
from argon2 import PasswordHasher
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT password_hash FROM users WHERE username = ?", (sys.argv[2],)).fetchone()
PasswordHasher().verify(row[0], sys.argv[3])
"""


def measure_case_list(env: dict[str, str], database: Path, user: str, password: str,
                      rounds: int) -> None:  # fmt: skip
    if generate.ensure_bench_sees_every_agency(database):
        print(f"  (the bench user of {database} now belongs to every agency: it saw no case)")
    command = _casedesk("--db", str(database), "--user", user, "case", "list", "--limit", "50")
    listed = subprocess.run(
        command, env=dict(env, CASEDESK_PASSWORD=password), cwd=_ROOT, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    if "50 of" not in listed:
        raise RuntimeError(f"case list shows no page of 50 cases: {listed[-200:]!r}")
    seen = _alternate(
        lambda: _timed_process(command, env, password),
        lambda: _timed_process(
            [sys.executable, "-c", _SIGN_IN_FLOOR, str(database), user, password], env
        ),
        rounds,
    )
    with sqlite3.connect(database) as conn:
        cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    _record("cli.case_list", seen, goal=0.5,
            title=f"`casedesk case list` (first 50 of {cases:,} cases), process start to exit",
            floor_title="interpreter + sqlite3 read + argon2 check of the password")  # fmt: skip


def measure_audit_verify(env: dict[str, str], database: Path, user: str, password: str,
                         rounds: int) -> None:  # fmt: skip
    """``casedesk audit verify`` on the 1,000,000-event file, beside the chain's floor.

    The command verifies the chain and then compares today's records with the
    events that recorded them; the generated file's discipline decisions were
    written with SQL, without events, so the command names them and exits 1
    after doing all of its work: that exit is expected here, with the chain intact.
    """
    from app.services.database import Database
    from benchmarks.measure import verify_floor

    command = _casedesk("--db", str(database), "--user", user, "audit", "verify")

    def intact(done: subprocess.CompletedProcess[str]) -> bool:
        return done.returncode in (0, 1) and "The audit log is intact" in done.stderr

    def verify() -> float:
        return _timed_process(command, env, password, done_as_expected=intact)

    opened = Database.open(f"sqlite:///{database}")
    try:
        seen = _alternate(verify, lambda: _timed_here(lambda: verify_floor(opened)), rounds)
        with opened.engine.connect() as connection:
            count = connection.exec_driver_sql("SELECT count(*) FROM audit_events").scalar_one()
    finally:
        opened.close()
    _record("cli.audit_verify", seen, goal=10.0,
            title=f"`casedesk audit verify` ({count:,} events, then today's records against "
                  "the events that recorded them), process start to exit",
            floor_title="the chain's floor: sqlite3 rows + canonical text + SHA-256 + compare",
            note="the command also checks every record against its events (the floor does "
                 "not); its goal is the issue's 10 s")  # fmt: skip


def _demo_database(folder: Path, env: dict[str, str]) -> Path:
    path = folder / "demo.sqlite3"
    _timed_process(_casedesk("--db", str(path), "demo"), env)
    return path


def _decode_downscale(data: bytes) -> None:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        image.load()
        image.reduce(2)  # the floor: decode and halve (the report embeds PNGs as they are)


def _report_floor(images: list[bytes]) -> None:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(_decode_downscale, images))


def measure_report(env: dict[str, str], folder: Path, demo: Path, rounds: int) -> None:
    database = folder / "report.sqlite3"
    shutil.copy(demo, database)
    files = evidence_bench.screenshots(REPORT_SCREENSHOTS)
    _timed_process(
        _casedesk("--db", str(database), "--user", "investigator", "evidence", "add",
                  REPORT_CASE, *map(str, files), "--captured-at", "2025-03-02T14:05:00-06:00",
                  "--captured-by", "R. Okafor", "--no-url-reason", "supplied by the reporter"),
        env, _DEMO["investigator"],
    )  # fmt: skip
    out = folder / "report.pdf"
    command = _casedesk("--db", str(database), "--user", "hr", "report", REPORT_CASE,
                        "--kind", "disciplinary", "--out", str(out))  # fmt: skip

    def report() -> float:
        out.unlink(missing_ok=True)
        return _timed_process(command, env, _DEMO["hr"])

    report()
    images = [f.read_bytes() for f in files]
    seen = _alternate(report, lambda: _timed_here(lambda: _report_floor(images)), rounds)
    _record("cli.report_disciplinary", seen, goal=2.0, goal_ratio=1.5,
            title=f"`casedesk report --kind disciplinary`, {REPORT_SCREENSHOTS} screenshots "
                  f"({out.stat().st_size / 1024**2:.1f} MiB PDF), process start to exit",
            floor_title=f"decode + reduce(2) of the same PNGs, {WORKERS} threads")  # fmt: skip


def _import_one(path: Path) -> None:
    from PIL import Image

    data = path.read_bytes()
    hashlib.sha256(data).hexdigest()
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        image.thumbnail((evidence_bench.THUMBNAIL_SIDE, evidence_bench.THUMBNAIL_SIDE))
        image.save(io.BytesIO(), format="PNG", compress_level=1)


def _import_floor(files: list[Path]) -> None:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(_import_one, files))


def measure_import(env: dict[str, str], folder: Path, demo: Path, rounds: int) -> None:
    files = evidence_bench.screenshots(IMPORT_SCREENSHOTS)
    database = folder / "import.sqlite3"

    def add() -> float:
        shutil.copy(demo, database)
        for stale in folder.glob("import.sqlite3-*"):
            stale.unlink()
        return _timed_process(
            _casedesk("--db", str(database), "--user", "investigator", "evidence", "add",
                      "MODNR-2025-0002", *map(str, files),
                      "--captured-at", "2025-03-02T14:05:00-06:00", "--captured-by",
                      "R. Okafor", "--no-url-reason", "supplied by the reporter"),
            env, _DEMO["investigator"],
        )  # fmt: skip

    add()
    seen = _alternate(add, lambda: _timed_here(lambda: _import_floor(files)), rounds)
    share = evidence_bench.GOAL_SHARE
    _record("cli.evidence_add", seen, goal_ratio=round(1 / share, 3),
            title=f"`casedesk evidence add`, {IMPORT_SCREENSHOTS} 1920x1080 PNGs, "
                  "process start to exit",
            floor_title=f"read + SHA-256 + decode + thumbnail, {WORKERS} threads",
            note=f"the goal: the command's rate at least {share:.0%} of the floor's, "
                 f"i.e. at most {1 / share:.2f}x its time")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cli", description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of each command")
    parser.add_argument("--database", type=Path, help="the 100,000-case SQLite file")
    parser.add_argument("--user", default="bench")
    parser.add_argument("--password", default="granite orchard telescope")
    parser.add_argument(
        "--only", choices=("help", "list", "verify", "report", "import"), action="append"
    )
    args = parser.parse_args(argv)
    only = set(args.only or ("help", "list", "verify", "report", "import"))
    print("The whole command, with bytecode, beside its floor")
    with tempfile.TemporaryDirectory(prefix="casedesk-bench-") as tmp:
        folder = Path(tmp)
        env = _environment(folder)
        if "help" in only:
            measure_help(env, args.rounds)
        if "list" in only and args.database is not None:
            measure_case_list(env, args.database, args.user, args.password, args.rounds)
        if "verify" in only and args.database is not None:
            measure_audit_verify(env, args.database, args.user, args.password, 3)
        if only & {"report", "import"}:
            demo = _demo_database(folder, env)
            if "report" in only:
                measure_report(env, folder, demo, max(3, args.rounds // 2 + 1))
            if "import" in only:
                measure_import(env, folder, demo, 3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
